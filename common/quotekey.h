/* quotekey.h — when two reported quotes are the same quote.
 *
 * Two outlets rarely print a quote byte for byte alike: curly or straight
 * marks, case, a dash for a comma.  As Quotebank does, a quote's key is its
 * text lower-cased with punctuation dropped and spaces folded; a shorter
 * excerpt is the same quote when its key is a run of whole words of the
 * longer one's.  Used by the searcher (docket_hit_quote_key) and `docket
 * quotes`; quote_wordch() is also indexer/quotes.c's notion of a letter.
 * Pure C over buf.h and utf8.h.
 */
#ifndef DOCKET_QUOTEKEY_H
#define DOCKET_QUOTEKEY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Whether code point CP is a letter or digit: ASCII alphanumerics and any
 * non-ASCII code point outside the punctuation and symbol blocks. */
int quote_wordch(int32_t cp);

/* Append to OUT the key of the quote S[0..N) (valid UTF-8): lower-cased
 * (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic), apostrophes
 * dropped ("we’re" -> "were"), every other run of punctuation and space
 * made one space, trimmed.  Sticky on *rc. */
void quote_key(int *rc, buf *out, const char *s, size_t n);

/* Non-zero when the key SHORTER occurs in the key LONGER as whole words;
 * equal keys contain each other; an empty SHORTER is in nothing.  Cannot
 * fail. */
int quote_key_contains(const char *longer, const char *shorter);

#endif
