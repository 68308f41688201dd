/* print-json.c — the json format: JSON Lines, one object per hit
 * ({"type":"hit",…}) then {"type":"summary",…} for `docket search`, one
 * {"type":"passage",…} per passage for `docket show`, one
 * {"type":"quote",…} per distinct quote for `docket quotes`.  Key order and types
 * are a contract (README), built with jansson.  Made by printer_json
 * (printer.h), for cli/cmd-search.c and cli/cmd-show.c.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printer.h"

/* A JSON string for S; invalid UTF-8 bytes (possible only in paths)
 * become U+FFFD.  NULL when out of memory. */
static json_t *jstr(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), o = 0;
	json_t *j = json_stringn(s, n);
	char *fixed;
	if (j)
		return j;
	fixed = malloc(3 * n + 1);
	if (!fixed)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t len = valid_seq_len(p + i, n - i);
		if (len) {
			memcpy(fixed + o, s + i, len);
			o += len, i += len;
		} else {
			memcpy(fixed + o, "\xef\xbf\xbd", 3);
			o += 3, i += 1;
		}
	}
	j = json_stringn(fixed, o);
	free(fixed);
	return j;
}

/* A number rounded to DIGITS decimals, so that it prints short. */
static json_t *jround(double x, int digits)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%.*f", digits, x);
	return json_real(strtod(tmp, NULL));
}

/* Set KEY to VALUE (stolen) on O; sets *BAD when VALUE is NULL. */
static void put(json_t *o, const char *key, json_t *value, int *bad)
{
	if (!value || json_object_set_new(o, key, value) != 0)
		*bad = 1;
}

/* Write O on one line and free it; returns 0, or -1 when BAD is set or
 * writing failed. */
static int dump(FILE *f, json_t *o, int bad)
{
	size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15);
	if (!bad && json_dumpf(o, f, flags) == 0 && fputc('\n', f) != EOF)
		bad = 0;
	else
		bad = 1;
	json_decref(o);
	return bad ? -1 : 0;
}

static json_t *jsources(const struct hit_view *v)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < v->nsources; i++)
		if (json_array_append_new(a, jstr(v->sources[i])) != 0)
			return json_decref(a), NULL;
	return a;
}

/* List LIST of hit H as an array of strings ([] without a hit). */
static json_t *jlist(const docket_hit *h, docket_list list)
{
	json_t *a = json_array();
	for (size_t i = 0; a && h && i < docket_hit_list_count(h, list); i++)
		if (json_array_append_new(a, jstr(docket_hit_list_item(h, list, i))) != 0)
			return json_decref(a), NULL;
	return a;
}

/* The code-point offset of byte offset B of the valid UTF-8 TEXT: the
 * bytes before B that start a character (not 10xxxxxx).  B past the end
 * counts to the end.  Cannot fail. */
static size_t cp_at(const char *text, size_t b)
{
	size_t n = 0;
	for (size_t i = 0; i < b && text[i]; i++)
		n += ((unsigned char)text[i] & 0xC0) != 0x80;
	return n;
}

/* The highlights as [[start,end],…]: byte offsets into the text, or with
 * CP code-point offsets (highlights_cp). */
static json_t *jhighlights(const struct hit_view *v, int cp)
{
	const char *text = v->field[DOCKET_FIELD_TEXT];
	json_t *a = json_array();
	for (size_t i = 0; a && i < v->nhl; i++) {
		size_t s = v->hl[i][0], e = v->hl[i][1];
		if (cp)
			s = cp_at(text, s), e = cp_at(text, e);
		json_t *pair = json_pack("[II]", (json_int_t)s, (json_int_t)e);
		if (json_array_append_new(a, pair) != 0)
			return json_decref(a), NULL;
	}
	return a;
}

/* [{"start","end","start_cp","end_cp","speaker","cue"}, …]: the hit's
 * quotes, byte and code-point offsets into its text. */
static json_t *jquotes(const docket_hit *h)
{
	json_t *a = json_array();
	for (size_t i = 0; a && h && i < docket_hit_quote_count(h); i++) {
		size_t s, e, scp, ecp;
		const char *speaker, *cue;
		docket_hit_quote(h, i, &s, &e, &speaker, &cue);
		docket_hit_quote_cp(h, i, &scp, &ecp);
		json_t *o = json_pack("{sI,sI,sI,sI,so,so}", "start", (json_int_t)s,
		                      "end", (json_int_t)e, "start_cp", (json_int_t)scp,
		                      "end_cp", (json_int_t)ecp, "speaker", jstr(speaker),
		                      "cue", jstr(cue));
		if (!o || json_array_append_new(a, o)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* A JSON array of the N strings S. */
static json_t *jstrings(const char **s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(a, jstr(s[i])) != 0)
			return json_decref(a), NULL;
	return a;
}

/* [[what, weight], …] of the hit's score parts. */
static json_t *jexplain(const docket_hit *h)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < docket_hit_explain_count(h); i++) {
		double w;
		const char *what = docket_hit_explain(h, i, &w);
		json_t *pair = json_pack("[s,f]", what, w);
		if (!pair || json_array_append_new(a, pair)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* {"passage_id","outlet","date", …} of a copy: from copy I of H, or from
 * H's first report when I is (size_t)-1. */
static json_t *jcopy(const docket_hit *h, size_t i, int full)
{
	static const struct {
		const char *key;
		docket_copy_field f;
		int always; /* also in first_reported */
	} keys[] = {
		{"passage_id", DOCKET_COPY_PASSAGE_ID, 1},
		{"article_id", DOCKET_COPY_ARTICLE_ID, 0},
		{"outlet", DOCKET_COPY_OUTLET, 1},
		{"date", DOCKET_COPY_DATE, 1},
		{"url", DOCKET_COPY_URL, 0},
		{"wire", DOCKET_COPY_WIRE, 1},
	};
	json_t *o = json_object();
	int bad = !o;
	for (size_t k = 0; !bad && k < sizeof keys / sizeof keys[0]; k++)
		if (full || keys[k].always)
			put(o, keys[k].key,
			    jstr(i == (size_t)-1 ? docket_hit_first_reported(h, keys[k].f)
			                         : docket_hit_copy(h, i, keys[k].f)),
			    &bad);
	if (bad)
		json_decref(o);
	return bad ? NULL : o;
}

/* [copy, …] of the hit. */
static json_t *jcopies(const docket_hit *h)
{
	json_t *a = json_array();
	for (size_t i = 0; a && h && i < docket_hit_copy_count(h); i++) {
		json_t *c = jcopy(h, i, 1);
		if (!c || json_array_append_new(a, c)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* Write V as one JSON Lines object of TYPE ("hit", "passage") to F;
 * returns 0 or -1. */
static int put_json_hit(FILE *f, const char *type, const struct hit_view *v)
{
	static const struct {
		const char *key;
		docket_field field;
	} head[] = {
		{"passage_id", DOCKET_FIELD_PASSAGE_ID},
		{"article_id", DOCKET_FIELD_ARTICLE_ID},
		{"path", DOCKET_FIELD_PATH},     {"title", DOCKET_FIELD_TITLE},
		{"outlet", DOCKET_FIELD_OUTLET}, {"author", DOCKET_FIELD_AUTHOR},
		{"date", DOCKET_FIELD_DATE},     {"url", DOCKET_FIELD_URL},
		{"section", DOCKET_FIELD_SECTION},
	};
	json_t *o = json_object();
	int bad = !o;
	if (bad)
		return -1;
	put(o, "type", json_string(type), &bad);
	put(o, "rank", json_integer((json_int_t)v->rank), &bad);
	put(o, "score", jround(v->score, 4), &bad);
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		put(o, head[i].key, jstr(v->field[head[i].field]), &bad);
	put(o, "paragraph", json_integer(v->paragraph), &bad);
	put(o, "part", json_integer(v->part), &bad);
	put(o, "sources", jsources(v), &bad);
	put(o, "cases", jlist(v->hit, DOCKET_LIST_CASES), &bad);
	put(o, "dockets", jlist(v->hit, DOCKET_LIST_DOCKETS), &bad);
	put(o, "courts", jlist(v->hit, DOCKET_LIST_COURTS), &bad);
	put(o, "judges", jlist(v->hit, DOCKET_LIST_JUDGES), &bad);
	put(o, "record_cites", jlist(v->hit, DOCKET_LIST_RECORD_CITES), &bad);
	put(o, "text", jstr(v->field[DOCKET_FIELD_TEXT]), &bad);
	put(o, "snippet", jstr(v->field[DOCKET_FIELD_SNIPPET]), &bad);
	put(o, "snippet_start", json_integer((json_int_t)v->snip_start), &bad);
	put(o, "snippet_end", json_integer((json_int_t)v->snip_end), &bad);
	put(o, "highlights", jhighlights(v, 0), &bad);
	put(o, "snippet_start_cp",
	    json_integer((json_int_t)cp_at(v->field[DOCKET_FIELD_TEXT], v->snip_start)), &bad);
	put(o, "snippet_end_cp",
	    json_integer((json_int_t)cp_at(v->field[DOCKET_FIELD_TEXT], v->snip_end)), &bad);
	put(o, "highlights_cp", jhighlights(v, 1), &bad);
	put(o, "quotes", jquotes(v->hit), &bad);
	put(o, "event_dates", jlist(v->hit, DOCKET_LIST_EVENT_DATES), &bad);
	put(o, "citation", jstr(v->citation), &bad);
	put(o, "wire", jstr(v->field[DOCKET_FIELD_WIRE]), &bad);
	put(o, "copies", jcopies(v->hit), &bad);
	put(o, "first_reported", v->hit ? jcopy(v->hit, (size_t)-1, 0) : json_object(), &bad);
	if (v->hit && docket_hit_explain_count(v->hit))
		put(o, "explain", jexplain(v->hit), &bad);
	return dump(f, o, bad);
}

/* Write the {"type":"summary",…} line to F; returns 0 or -1. */
static int put_json_summary(FILE *f, const char *query, size_t estimated,
                            size_t returned, double elapsed_ms)
{
	json_t *o = json_object();
	int bad = !o;
	if (bad)
		return -1;
	put(o, "type", json_string("summary"), &bad);
	put(o, "query", jstr(query), &bad);
	put(o, "estimated", json_integer((json_int_t)estimated), &bad);
	put(o, "returned", json_integer((json_int_t)returned), &bad);
	put(o, "elapsed_ms", jround(elapsed_ms, 3), &bad);
	return dump(f, o, bad);
}

/* Where P writes: its print_opts' stream, else stdout. */
static FILE *out(const struct printer *p)
{
	return p->o.out ? p->o.out : stdout;
}

static int json_hits(const struct printer *p, const struct hit_view *v,
                     size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		rc |= put_json_hit(out(p), "hit", &v[i]);
	return rc;
}

static int json_summary(const struct printer *p, const char *query,
                        size_t estimated, size_t returned, double elapsed_ms)
{
	return put_json_summary(out(p), query, estimated, returned, elapsed_ms);
}

static int json_passages(const struct printer *p, const struct hit_view *v,
                         size_t n, const char *focus)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		rc |= put_json_hit(out(p), "passage", &v[i]);
	return rc;
}

/* Write one {"type":"quote",…} line for Q; returns 0 or -1. */
static int put_json_quote(FILE *f, const struct quote_line *q)
{
	json_t *o = json_object(), *first = json_object();
	int bad = !o || !first;
	if (bad) {
		json_decref(o);
		json_decref(first);
		return -1;
	}
	put(first, "passage_id", jstr(q->passage_id), &bad);
	put(first, "outlet", jstr(q->outlet), &bad);
	put(first, "date", jstr(q->date), &bad);
	put(o, "type", json_string("quote"), &bad);
	put(o, "text", jstr(q->text), &bad);
	put(o, "speaker", jstr(q->speaker), &bad);
	put(o, "first", first, &bad);
	put(o, "articles", json_integer((json_int_t)q->articles), &bad);
	put(o, "outlets", jstrings(q->outlets, q->noutlets), &bad);
	put(o, "passages", jstrings(q->passages, q->npassages), &bad);
	return dump(f, o, bad);
}

static int json_quotes(const struct printer *p, const struct quote_line *q,
                       size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		rc |= put_json_quote(out(p), &q[i]);
	return rc;
}

/* ------------------------------------------------------------- tables */

/* Cell R, C of T as a JSON integer. */
static json_t *jcount(const docket_table *t, size_t r, size_t c)
{
	return json_integer((json_int_t)strtoll(docket_table_cell(t, r, c), NULL, 10));
}

/* The '\n'-joined items of cell R, C as an array of strings. */
static json_t *jitems(const docket_table *t, size_t r, size_t c)
{
	const char *s = docket_table_cell(t, r, c);
	json_t *a = json_array();
	while (a && *s) {
		size_t n = strcspn(s, "\n");
		if (json_array_append_new(a, json_stringn(s, n)))
			return json_decref(a), NULL;
		s += n + (s[n] == '\n');
	}
	return a;
}

/* {"type":"facet","field":F,"values":[{"value","articles","passages"},…]}
 * for each field of T (rows grouped by field). */
static int json_facets(FILE *f, const docket_table *t)
{
	int rc = 0;
	for (size_t r = 0; r < docket_table_rows(t);) {
		const char *field = docket_table_cell(t, r, 0);
		json_t *o = json_object(), *vals = json_array();
		int bad = !o || !vals;
		for (; r < docket_table_rows(t) && !strcmp(docket_table_cell(t, r, 0), field); r++) {
			if (!*docket_table_cell(t, r, 1))
				continue; /* the row of a field without values */
			json_t *v = json_object();
			put(v, "value", jstr(docket_table_cell(t, r, 1)), &bad);
			put(v, "articles", jcount(t, r, 2), &bad);
			put(v, "passages", jcount(t, r, 3), &bad);
			if (!v || json_array_append_new(vals, v))
				bad = 1;
		}
		put(o, "type", json_string("facet"), &bad);
		put(o, "field", jstr(field), &bad);
		put(o, "values", vals, &bad);
		rc |= dump(f, o, bad);
	}
	return rc;
}

/* {"type":"bucket","start","end","outlet","articles","passages","outlets",
 * "first":{"passage_id","outlet","date"}} per row. */
static int json_buckets(FILE *f, const docket_table *t)
{
	int rc = 0;
	for (size_t r = 0; r < docket_table_rows(t); r++) {
		json_t *o = json_object(), *first = json_object();
		int bad = !o || !first;
		put(o, "type", json_string("bucket"), &bad);
		put(o, "start", jstr(docket_table_cell(t, r, 0)), &bad);
		put(o, "end", jstr(docket_table_cell(t, r, 1)), &bad);
		put(o, "outlet", jstr(docket_table_cell(t, r, 2)), &bad);
		put(o, "articles", jcount(t, r, 3), &bad);
		put(o, "passages", jcount(t, r, 4), &bad);
		put(o, "outlets", jcount(t, r, 5), &bad);
		put(first, "passage_id", jstr(docket_table_cell(t, r, 6)), &bad);
		put(first, "outlet", jstr(docket_table_cell(t, r, 7)), &bad);
		put(first, "date", jstr(docket_table_cell(t, r, 8)), &bad);
		put(o, "first", first, &bad);
		rc |= dump(f, o, bad);
	}
	return rc;
}

/* {"type":"coverage","outlet","first","last","articles","passages",
 * "sources":[{"source","passages"},…],"wire":[…]} per row. */
static int json_coverage(FILE *f, const docket_table *t)
{
	int rc = 0;
	for (size_t r = 0; r < docket_table_rows(t); r++) {
		json_t *o = json_object(), *src = json_array();
		json_t *names = jitems(t, r, 5), *counts = jitems(t, r, 6);
		int bad = !o || !src || !names || !counts;
		put(o, "type", json_string("coverage"), &bad);
		put(o, "outlet", jstr(docket_table_cell(t, r, 0)), &bad);
		put(o, "first", jstr(docket_table_cell(t, r, 1)), &bad);
		put(o, "last", jstr(docket_table_cell(t, r, 2)), &bad);
		put(o, "articles", jcount(t, r, 3), &bad);
		put(o, "passages", jcount(t, r, 4), &bad);
		for (size_t i = 0; !bad && i < json_array_size(names); i++) {
			json_t *s = json_object();
			put(s, "source", json_incref(json_array_get(names, i)), &bad);
			put(s, "passages", json_integer(strtoll(
				json_string_value(json_array_get(counts, i)), NULL, 10)), &bad);
			if (!s || json_array_append_new(src, s))
				bad = 1;
		}
		put(o, "sources", src, &bad);
		put(o, "wire", jitems(t, r, 7), &bad);
		json_decref(names);
		json_decref(counts);
		rc |= dump(f, o, bad);
	}
	return rc;
}

/* The table, then {"type":"note","text":…} when it has a note. */
static int json_table(const struct printer *p, enum table_kind kind,
                      const docket_table *t)
{
	int rc = kind == TABLE_FACETS ? json_facets(out(p), t)
	         : kind == TABLE_TIMELINE ? json_buckets(out(p), t)
	                                  : json_coverage(out(p), t);
	if (*docket_table_note(t)) {
		json_t *o = json_object();
		int bad = !o;
		put(o, "type", json_string("note"), &bad);
		put(o, "text", jstr(docket_table_note(t)), &bad);
		rc |= dump(out(p), o, bad);
	}
	return rc;
}

struct printer printer_json(const struct print_opts *o)
{
	return (struct printer){"json", *o, json_hits, json_summary,
	                        json_passages, json_quotes, json_table, 1};
}
