/* stem.h — the one stemmer: libstemmer (Snowball), used by the indexer, by
 * the Xapian query parser (wrapped as a Xapian::StemImplementation in
 * engine/query.cc) and by the highlighter.
 *
 * A stemmer is not thread-safe: one per thread.
 */
#ifndef DOCKET_STEM_H
#define DOCKET_STEM_H

#include <stddef.h>

struct stemmer;

/* A stemmer for LANG ("english", "french", ... as libstemmer names them), or
 * NULL if LANG is unknown or memory ran out. */
struct stemmer *stem_new(const char *lang);
void stem_free(struct stemmer *st);

/* Non-zero if libstemmer knows LANG. */
int stem_known(const char *lang);

/* Non-zero if WORD[0..N) is its own stem whatever the language: it starts
 * with a digit ("2019", "1990s", "24hours"). */
int stem_keeps(const char *word, size_t n);

/* Non-zero when ST never changes the first byte of a word that does not
 * start with an apostrophe: English, whose Snowball rules only rewrite a
 * word's ending (checked on SciFact's 1.2M words and corpus/: none
 * changed).  So a word whose first byte no wanted stem starts with cannot
 * stem to one, and need not be stemmed (the highlighter's shortcut). */
int stem_keeps_first(const struct stemmer *st);

/* The stem of WORD[0..N) (a lower-case term).  The result is NUL-terminated,
 * its length in *OUTLEN, and valid until the next call on ST.  Returns WORD's
 * own bytes copied when stem_keeps() says so or the stemmer fails.  Cannot
 * return NULL. */
const char *stem_word(struct stemmer *st, const char *word, size_t n,
                      size_t *outlen);

#endif
