/* token.h — the one tokenizer: indexing, highlighting and the highlight
 * agreement test all split text into words here, so a highlighted word is
 * always a word the index holds.
 *
 * Words follow Xapian's QueryParser so that what a user types produces the
 * terms the indexer stored: runs of Unicode word characters (letters, digits,
 * marks, connector punctuation, per Xapian::Unicode), lower-cased; an
 * apostrophe (' U+2019 U+201B) between two word characters joins them and is
 * stored as '; a word longer than TOKEN_MAX bytes is not a term.
 */
#ifndef DOCKET_TOKEN_H
#define DOCKET_TOKEN_H

#include <stddef.h>

#define TOKEN_MAX 64 /* longest term in bytes, as Xapian's default */

struct token {
	size_t start;             /* byte offset of the word's first byte */
	size_t end;               /* byte offset just past its last byte */
	unsigned pos;             /* 1-based word position in the text */
	size_t len;               /* strlen(term) */
	char term[TOKEN_MAX + 1]; /* the word as a term: lower-case, ' */
};

/* Called for each word; return non-zero to stop the scan. */
typedef int (*token_fn)(void *ctx, const struct token *t);

/* Scan TEXT[0..N) (valid UTF-8), numbering words from FIRST_POS.  Returns
 * the position after the last word (FIRST_POS when there were none).  Words
 * too long to be terms still take a position, as in Xapian, but are not
 * passed to FN. */
unsigned token_scan(const char *text, size_t n, unsigned first_pos,
                    token_fn fn, void *ctx);

#endif
