/* aliases.c — the aliases file (aliases.h).
 *
 * Called by the searcher when an index is opened for reading (or given
 * --aliases), then for every legal list of every hit and every legal field
 * of a query.  Files are small (a reporter's hand-kept list), so lookups
 * are linear.
 */
#include "aliases.h"

#include <errno.h>

#include "error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../docket.h"

/* The key of S[0..N) for FIELD: what the query side would make of it. */
static char *key_of(int *rc, enum schema_field field, const char *s, size_t n)
{
	buf b = BUF_INIT;
	schema_fields[field].normalise(rc, &b, s, n);
	buf_puts(rc, &b, "");
	return buf_steal(rc, &b);
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

/* The field a line starts with ("judge:"), skipping it; FIELD_CASE. */
static enum schema_field line_field(const char **s, size_t *n)
{
	static const enum schema_field f[] = {FIELD_CASE, FIELD_DOCKET, FIELD_COURT, FIELD_JUDGE};
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		const char *name = schema_fields[f[i]].name;
		size_t k = strlen(name);
		if (*n > k && strncmp(*s, name, k) == 0 && (*s)[k] == ':') {
			*s += k + 1, *n -= k + 1;
			trim(s, n);
			return f[i];
		}
	}
	return FIELD_CASE;
}

/* One line S[0..N) (number LINE) into A. */
static int parse_line(const char *s, size_t n, const char *name, size_t line,
                      struct aliases *a, char *why, size_t whylen)
{
	int rc = 0;
	trim(&s, &n);
	if (!n || *s == '#')
		return 0;
	enum schema_field field = line_field(&s, &n);
	const char *arrow = NULL;
	for (size_t i = 0; i + 1 < n && !arrow; i++)
		if (s[i] == '=' && s[i + 1] == '>')
			arrow = s + i;
	if (!arrow) {
		snprintf(why, whylen, "%s:%zu: expected 'VARIANT => CANONICAL' or 'VARIANT => drop'", name, line);
		return DOCKET_BAD_INPUT;
	}
	const char *v = s, *c = arrow + 2;
	size_t vn = (size_t)(arrow - s), cn = n - vn - 2;
	trim(&v, &vn);
	trim(&c, &cn);
	if (!vn || !cn) {
		snprintf(why, whylen, "%s:%zu: a mapping needs a name on each side of '=>'", name, line);
		return DOCKET_BAD_INPUT;
	}
	struct alias *grown = realloc(a->v, (a->n + 1) * sizeof *a->v);
	if (!grown)
		return DOCKET_NO_MEMORY;
	a->v = grown;
	struct alias *al = &a->v[a->n];
	memset(al, 0, sizeof *al);
	al->field = field;
	al->variant = key_of(&rc, field, v, vn);
	if (!(cn == 4 && strncmp(c, "drop", 4) == 0)) {
		al->canonical = str_ndup(&rc, c, cn);
		al->canonical_key = key_of(&rc, field, c, cn);
	}
	a->n++;
	return rc;
}

int aliases_parse(const char *data, size_t n, const char *name,
                  struct aliases *out, char *why, size_t whylen)
{
	size_t line = 0;
	int rc = 0;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n && !rc;) {
		const char *nl = memchr(data + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - data) : n;
		rc = parse_line(data + i, end - i, name, ++line, out, why, whylen);
		i = end + 1;
	}
	if (rc)
		aliases_free(out);
	return rc;
}

int aliases_load(const char *path, struct aliases *out, char *why, size_t whylen)
{
	FILE *f = fopen(path, "rb");
	buf b = BUF_INIT;
	char chunk[4096];
	size_t k;
	int rc = 0;
	memset(out, 0, sizeof *out);
	if (!f) {
		char text[128];
		if (error_is_fd_limit(errno))
			error_fd_text(errno, text, sizeof text);
		else
			snprintf(text, sizeof text, "%s", strerror(errno));
		snprintf(why, whylen, "%s: %s", path, text);
		return errno == ENOENT ? DOCKET_NOT_FOUND : DOCKET_IO_ERROR;
	}
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&rc, &b, chunk, k);
	if (ferror(f)) {
		snprintf(why, whylen, "%s: read error", path);
		rc = rc ? rc : DOCKET_IO_ERROR;
	}
	fclose(f);
	if (!rc)
		rc = aliases_parse(b.p ? b.p : "", b.n, path, out, why, whylen);
	buf_free(&b);
	return rc;
}

void aliases_free(struct aliases *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].variant);
		free(a->v[i].canonical);
		free(a->v[i].canonical_key);
	}
	free(a->v);
	memset(a, 0, sizeof *a);
}

/* Whether case key KEY is a shorter writing of case key LONG: a caption
 * ("united states v. calder freight") whose words LONG starts with and
 * goes on from ("... freight lines").  The index gives a caption the terms
 * of its shorter writings, so such a KEY finds LONG's articles; it must
 * find the writings the aliases file merges with LONG as well. */
static int shorter_key(const char *key, const char *lng)
{
	size_t n = strlen(key);
	return strstr(key, " v. ") && strncmp(lng, key, n) == 0 && lng[n] == ' ';
}

/* Appends CANON and every variant merged into it to L.  Sticky on *RC. */
static void add_group(int *rc, const struct aliases *a, enum schema_field field,
                      const char *canon, struct legal_list *l)
{
	legal_list_add(rc, l, canon, strlen(canon));
	for (size_t i = 0; a && i < a->n; i++)
		if (a->v[i].field == field && a->v[i].canonical_key &&
		    strcmp(a->v[i].canonical_key, canon) == 0)
			legal_list_add(rc, l, a->v[i].variant, strlen(a->v[i].variant));
}

void aliases_group(int *rc, const struct aliases *a, enum schema_field field,
                   const char *key, struct legal_list *l)
{
	const char *canon = key;
	for (size_t i = 0; a && i < a->n; i++)
		if (a->v[i].field == field && a->v[i].canonical_key &&
		    strcmp(a->v[i].variant, key) == 0)
			canon = a->v[i].canonical_key;
	legal_list_add(rc, l, key, strlen(key));
	add_group(rc, a, field, canon, l);
	for (size_t i = 0; field == FIELD_CASE && a && i < a->n; i++) {
		const struct alias *e = &a->v[i];
		if (e->field == field && e->canonical_key &&
		    (shorter_key(key, e->canonical_key) || shorter_key(key, e->variant)))
			add_group(rc, a, field, e->canonical_key, l);
	}
}

const char *aliases_show(int *rc, const struct aliases *a, enum schema_field field,
                         const char *s)
{
	if (!a || !a->n)
		return s;
	char *key = key_of(rc, field, s, strlen(s));
	const char *out = s;
	for (size_t i = 0; key && i < a->n; i++)
		if (a->v[i].field == field && strcmp(a->v[i].variant, key) == 0)
			out = a->v[i].canonical;
	free(key);
	return *rc ? NULL : out;
}
