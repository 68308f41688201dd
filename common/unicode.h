/* unicode.h — the Unicode character classes the tokenizer needs, exactly as
 * Xapian's QueryParser sees them (so the index and the parser agree on what
 * a word is).  Implemented by common/unicode.cc, the one file outside
 * engine/ allowed to include <xapian.h> (for Xapian::Unicode only; the
 * layer check tests/e2e/t-layers.sh names it).  Caller: common/token.c.
 */
#ifndef DOCKET_UNICODE_H
#define DOCKET_UNICODE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Is code point CP part of a word (letter, digit, connector...)?  Cannot
 * fail. */
int unicode_is_wordchar(uint32_t cp);
/* CP in lower case (CP itself when it has none).  Cannot fail. */
uint32_t unicode_tolower(uint32_t cp);

#ifdef __cplusplus
}
#endif
#endif
