/* utf8.c — UTF-8 decoding, encoding and repair (see utf8.h).
 *
 * utf8_sanitize() is the gate every parser's input passes: afterwards the
 * text is valid UTF-8 with LF line ends and no NUL bytes.  Invalid input is
 * repaired the way the Unicode standard recommends ("substitution of maximal
 * subparts"): each maximal prefix of a would-be sequence that cannot be
 * completed becomes exactly one U+FFFD.  Called by indexer/input.c, the
 * parsers and the tests.
 */
#include "utf8.h"

#include "../docket.h"

/* The range the byte after LEAD must fall in; lo > hi for a bad lead. */
static void second_range(unsigned char lead, unsigned char *lo,
                         unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (lead == 0xE0)
		*lo = 0xA0; /* no overlong 3-byte forms */
	else if (lead == 0xED)
		*hi = 0x9F; /* no surrogates */
	else if (lead == 0xF0)
		*lo = 0x90; /* no overlong 4-byte forms */
	else if (lead == 0xF4)
		*hi = 0x8F; /* nothing past U+10FFFF */
}

/* Length a sequence starting with LEAD must have, or 0 if LEAD cannot start
 * one (a continuation byte, C0/C1, F5..FF). */
static size_t seq_length(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead < 0xC2)
		return 0;
	if (lead < 0xE0)
		return 2;
	if (lead < 0xF0)
		return 3;
	if (lead < 0xF5)
		return 4;
	return 0;
}

/* Decode at S[0..N); on error return -1 with *LEN the length of the maximal
 * subpart to replace (1..3). */
static int32_t decode_subpart(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t want = seq_length(u[0]);
	if (want == 1) {
		*len = 1;
		return u[0];
	}
	*len = 1;
	if (want == 0)
		return -1;
	unsigned char lo, hi;
	second_range(u[0], &lo, &hi);
	int32_t cp = u[0] & (0x7F >> want);
	for (size_t i = 1; i < want; i++) {
		if (i >= n || u[i] < lo || u[i] > hi)
			return -1; /* *len bytes so far form the subpart */
		cp = (cp << 6) | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
		*len = i + 1;
	}
	*len = want;
	return cp;
}

int32_t utf8_decode(const char *s, size_t n, size_t *len)
{
	int32_t cp = decode_subpart(s, n, len);
	if (cp < 0)
		*len = 1;
	return cp;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Bytes that need no attention: printable ASCII, tab and LF. */
static int plain(unsigned char c)
{
	return c < 0x80 && c != '\0' && c != '\r';
}

size_t utf8_sanitize(int *rc, buf *out, const char *s, size_t n)
{
	static const char fffd[3] = {'\xEF', '\xBF', '\xBD'};
	size_t i = 0, replaced = 0;
	if (*rc)
		return 0;
	if (n >= 3 && (unsigned char)s[0] == 0xEF &&
	    (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
		i = 3;
	buf_reserve(rc, out, n - i);
	while (i < n && !*rc) {
		size_t run = i;
		while (run < n && plain((unsigned char)s[run]))
			run++;
		buf_append(rc, out, s + i, run - i);
		if ((i = run) >= n)
			break;
		size_t len;
		if (s[i] == '\0') {
			buf_putc(rc, out, ' ');
			replaced++;
			len = 1;
		} else if (s[i] == '\r') {
			buf_putc(rc, out, '\n');
			len = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
		} else if (decode_subpart(s + i, n - i, &len) < 0) {
			buf_append(rc, out, fffd, 3);
			replaced++;
		} else {
			buf_append(rc, out, s + i, len);
		}
		i += len;
	}
	buf_append(rc, out, "", 0); /* NUL-terminated even when empty */
	return *rc ? 0 : replaced;
}

size_t utf8_floor(const char *s, size_t n, size_t at)
{
	if (at >= n)
		return n;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}
