/* quotekey.c — quote keys for grouping (see quotekey.h). */
#include "quotekey.h"

#include <string.h>

#include "utf8.h"

/* Letters and digits: ASCII alphanumerics and any non-ASCII code point
 * outside the punctuation blocks. */
int quote_wordch(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
	       cp != 0xFFFD;
}

/* The code point at S[I..N) (U+FFFD for a bad byte) and its length. */
static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp = utf8_decode(s + i, n - i, len);
	return cp < 0 ? 0xFFFD : cp;
}

/* CP lower-cased (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic). */
static int32_t fold(int32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x100 && cp <= 0x17F && !(cp & 1))
		return cp + 1;
	return cp;
}

void quote_key(int *rc, buf *out, const char *s, size_t n)
{
	size_t len, first = out->n;
	int space = 0;
	buf_reserve(rc, out, n);
	for (size_t i = 0; i < n && !*rc; i += len) {
		int32_t cp = cp_at(s, n, i, &len);
		if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
			continue;
		if (!quote_wordch(cp)) {
			space = out->n > first;
			continue;
		}
		if (space)
			buf_putc(rc, out, ' ');
		space = 0;
		char enc[4];
		buf_append(rc, out, enc, utf8_encode((uint32_t)fold(cp), enc));
	}
}

int quote_key_contains(const char *longer, const char *shorter)
{
	size_t n = strlen(shorter);
	if (n == 0)
		return 0;
	for (const char *at = strstr(longer, shorter); at; at = strstr(at + 1, shorter))
		if ((at == longer || at[-1] == ' ') && (at[n] == '\0' || at[n] == ' '))
			return 1;
	return 0;
}
