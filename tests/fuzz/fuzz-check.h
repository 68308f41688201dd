/* fuzz-check.h — invariants every parsed article must keep, checked by the
 * parser fuzz targets (fuzz-html.c, fuzz-json.c) in their sink: each
 * string non-NULL, valid UTF-8 and free of NUL bytes; passages non-empty
 * with len == strlen(text) and numbered from 1 in order.  A broken
 * invariant abort()s, which libFuzzer reports as a crash. */
#ifndef DOCKET_FUZZ_CHECK_H
#define DOCKET_FUZZ_CHECK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"
#include "../../common/utf8.h"

static void fuzz_check_string(const char *s)
{
	if (!s)
		abort();
	size_t n = strlen(s), len;
	for (size_t i = 0; i < n; i += len)
		if (utf8_decode(s + i, n - i, &len) < 0)
			abort();
}

static int fuzz_check_article(void *ctx, struct article *a)
{
	const char *fields[] = {a->id,     a->path, a->title, a->outlet,
	                        a->author, a->date, a->url};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		fuzz_check_string(fields[i]);
	if (a->date[0] && strlen(a->date) != 10)
		abort();
	for (size_t i = 0; i < a->npassages; i++) {
		const struct passage *p = &a->passages[i];
		fuzz_check_string(p->text);
		fuzz_check_string(p->section);
		if (p->len != strlen(p->text) || p->len == 0)
			abort();
		if (p->ordinal != (int)i + 1 || p->paragraph < 1 ||
		    p->paragraph > a->nblocks)
			abort();
		for (size_t k = 0; k < p->nsources; k++)
			fuzz_check_string(p->sources[k]);
	}
	return 0;
}

/* A parser's warnings must be valid UTF-8 too. */
static void fuzz_check_warning(void *ctx, const char *message)
{
	(void)ctx;
	fuzz_check_string(message);
}

typedef int (*fuzz_parser)(const char *data, size_t len,
                           const struct parse_ctx *p);

/* The body of a parser target: sanitise DATA as indexer/input.c does, parse
 * it as file NAME with PARSE, and check every article and warning. */
static int fuzz_parse(const uint8_t *data, size_t size, const char *name,
                      fuzz_parser parse)
{
	int rc = 0;
	buf clean = BUF_INIT;
	struct parse_ctx p = {name, name, fuzz_check_article, fuzz_check_warning,
	                      NULL};
	utf8_sanitize(&rc, &clean, (const char *)data, size);
	if (!rc)
		parse(clean.p ? clean.p : "", clean.n, &p);
	buf_free(&clean);
	return 0;
}

#endif
