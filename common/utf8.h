/* utf8.h — UTF-8 decoding and repair.
 *
 * Input text may hold anything; everything past the parsers is valid UTF-8
 * without NUL bytes.  utf8_sanitize() is the one gate.
 */
#ifndef DOCKET_UTF8_H
#define DOCKET_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define UTF8_REPLACEMENT 0xFFFD

/* Decode the code point at S[0..N), N > 0.  Stores its length in *LEN (1..4)
 * and returns it, or returns -1 with *LEN = 1 for an invalid, overlong,
 * surrogate or truncated sequence.  Cannot fail otherwise. */
int32_t utf8_decode(const char *s, size_t n, size_t *len);

/* Encode CP (a valid scalar value) into OUT; returns 1..4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Append S[0..N) to OUT as valid UTF-8: each invalid sequence becomes
 * U+FFFD, each NUL a space, CR LF and lone CR become LF, and a leading BOM is
 * dropped.  Returns the number of replacements made.  Sticky on *rc. */
size_t utf8_sanitize(int *rc, buf *out, const char *s, size_t n);

/* The largest offset <= AT that does not fall inside a UTF-8 sequence of the
 * valid string S[0..N). */
size_t utf8_floor(const char *s, size_t n, size_t at);

#endif
