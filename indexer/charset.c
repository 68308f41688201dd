/* charset.c — reading files that are not UTF-8 (see charset.h).
 *
 * Owns the choice of a file's character set and the conversion to UTF-8
 * through glibc's iconv, so every parser still sees UTF-8 only.  Called by
 * input.c for each file it reads; input.c then repairs what is left
 * (utf8_sanitize) and reports the conversion.  HTML's declared charset is
 * honoured here rather than inside libxml2, so one converter serves every
 * format and html.c can tell libxml2 the bytes are UTF-8 by then.
 */
#include "charset.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../docket.h"
#include "../common/utf8.h"

#define DECL_SCAN 8192 /* where a page's charset declaration may sit */
#define CHUNK (64 * 1024)

static int has(const char *s, size_t n, const char *prefix, size_t k)
{
	return n >= k && memcmp(s, prefix, k) == 0;
}

/* The byte-order mark at S: its charset (length in *SKIP), or NULL.
 * UTF-32LE's mark starts like UTF-16LE's, so it is tried first. */
static const char *bom(const char *s, size_t n, size_t *skip)
{
	static const struct {
		const char *mark;
		size_t len;
		const char *name;
	} marks[] = {
		{"\xff\xfe\0\0", 4, "UTF-32LE"}, {"\0\0\xfe\xff", 4, "UTF-32BE"},
		{"\xff\xfe", 2, "UTF-16LE"},     {"\xfe\xff", 2, "UTF-16BE"},
	};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (has(s, n, marks[i].mark, marks[i].len)) {
			*skip = marks[i].len;
			return marks[i].name;
		}
	return NULL;
}

/* Copy the value after KEY ("charset", "encoding") in TAG[0..N) into OUT
 * (lower-cased, at most LEN - 1 bytes).  Returns whether one was found. */
static int value_after(const char *tag, size_t n, const char *key, char *out,
                       size_t len)
{
	size_t k = strlen(key);
	for (size_t i = 0; i + k <= n; i++) {
		if (strncasecmp(tag + i, key, k) != 0)
			continue;
		size_t j = i + k;
		while (j < n && tag[j] == ' ')
			j++;
		if (j >= n || tag[j] != '=')
			continue;
		for (j++; j < n && strchr(" \"'", tag[j]); j++)
			;
		size_t m = 0;
		while (j < n && m + 1 < len && (isalnum((unsigned char)tag[j]) ||
		                                strchr("-_.:", tag[j])))
			out[m++] = (char)tolower((unsigned char)tag[j++]);
		out[m] = '\0';
		return m > 0;
	}
	return 0;
}

/* The charset S[0..N) declares in its first <meta ... charset=X> (either
 * form) or <?xml ... encoding="X"?> into OUT; returns whether it has one. */
static int declared(const char *s, size_t n, char *out, size_t len)
{
	if (n > DECL_SCAN)
		n = DECL_SCAN;
	for (const char *p = s; (p = memchr(p, '<', n - (size_t)(p - s))); p++) {
		size_t left = n - (size_t)(p - s);
		const char *end = memchr(p, '>', left);
		size_t tag = end ? (size_t)(end - p) : left;
		if (left >= 5 && strncasecmp(p, "<meta", 5) == 0 &&
		    value_after(p, tag, "charset", out, len))
			return 1;
		if (left >= 5 && strncmp(p, "<?xml", 5) == 0 &&
		    value_after(p, tag, "encoding", out, len))
			return 1;
	}
	return 0;
}

/* LABEL as iconv's name: "" for UTF-8 (and for UTF-16, which a page whose
 * declaration could be read in ASCII cannot be), windows-1252 for the
 * labels browsers read as it. */
static const char *iconv_name(const char *label)
{
	static const char *const cp1252[] = {
		"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
		"us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", NULL};
	if (!strcmp(label, "utf-8") || !strcmp(label, "utf8") ||
	    !strncmp(label, "utf-16", 6))
		return "";
	for (const char *const *c = cp1252; *c; c++)
		if (!strcmp(label, *c))
			return "WINDOWS-1252";
	return label;
}

/* Whether byte C is one of the five windows-1252 leaves unmapped: text
 * holding one is not windows-1252 (nor Latin-1 prose), but damage. */
static int unmapped_1252(unsigned char c)
{
	return c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d;
}

/* Valid multi-byte UTF-8 sequences (*GOOD) and invalid bytes (*BAD);
 * *BAD is SIZE_MAX when one of them cannot be windows-1252. */
static void utf8_census(const char *s, size_t n, size_t *good, size_t *bad)
{
	int damaged = 0;
	*good = *bad = 0;
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		if ((unsigned char)s[i] >= 0x80) {
			if (utf8_decode(s + i, n - i, &len) < 0)
				(*bad)++, damaged |= unmapped_1252((unsigned char)s[i]);
			else
				(*good)++;
		}
		i += len;
	}
	if (damaged)
		*bad = SIZE_MAX;
}

static void set(struct charset *cs, const char *name, const char *why)
{
	snprintf(cs->name, sizeof cs->name, "%s", name);
	cs->why = why;
}

void charset_detect(const char *s, size_t n, int is_html, struct charset *cs)
{
	char label[sizeof cs->name];
	size_t good, bad;
	const char *mark = bom(s, n, &cs->skip);
	set(cs, "", "");
	if (mark) {
		set(cs, mark, "byte-order mark");
		return;
	}
	utf8_census(s, n, &good, &bad);
	if (is_html && declared(s, n, label, sizeof label) &&
	    *iconv_name(label) && !(good && !bad))
		set(cs, iconv_name(label), "declared by the page");
	else if (bad > good && bad != SIZE_MAX)
		set(cs, "WINDOWS-1252", "not valid UTF-8");
}

/* Append the UTF-8 of code point CP to OUT. */
static void put_cp(int *rc, buf *out, uint32_t cp)
{
	char u[4];
	buf_append(rc, out, u, utf8_encode(cp, u));
}

/* Convert what iconv can of the next chunk of *IN (*LEFT bytes) onto OUT;
 * returns iconv's errno, or 0 when the chunk went (or ends inside a
 * sequence the next chunk completes). */
static int convert_some(int *rc, iconv_t cd, char **in, size_t *left, buf *out)
{
	size_t chunk = *left < CHUNK ? *left : CHUNK, rest = chunk;
	buf_reserve(rc, out, 4 * chunk + 4);
	if (*rc)
		return 0;
	char *o = out->p + out->n;
	size_t room = out->cap - out->n - 1;
	size_t r = iconv(cd, in, &rest, &o, &room);
	int err = r == (size_t)-1 ? errno : 0;
	*left -= chunk - rest;
	out->n = (size_t)(o - out->p);
	out->p[out->n] = '\0';
	if (err == E2BIG || (err == EINVAL && rest < *left))
		return 0;
	return err;
}

int charset_convert(const char *from, const char *s, size_t n, buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return DOCKET_UNSUPPORTED;
	int rc = 0, cp1252 = !strcmp(from, "WINDOWS-1252");
	size_t unit = !strncmp(from, "UTF-32", 6) ? 4 : !strncmp(from, "UTF-16", 6) ? 2 : 1;
	char *in = (char *)s;
	size_t left = n;
	while (left && !rc) {
		int err = convert_some(&rc, cd, &in, &left, out);
		if (rc || !err)
			continue;
		if (err == EILSEQ && cp1252)
			put_cp(&rc, out, (unsigned char)*in); /* as ISO-8859-1 */
		else
			put_cp(&rc, out, 0xFFFD);
		size_t step = err == EINVAL ? left : unit < left ? unit : left;
		in += step, left -= step; /* EINVAL: cut short at the end */
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return rc;
}
