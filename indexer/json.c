/* json.c — JSON Lines and JSON files into articles (parse_json, see
 * article.h).
 *
 * Three shapes, told apart by the first non-space byte and by what follows
 * the first value:
 *   "[ {...}, {...} ]"      an array of records (parsed whole by jansson);
 *   "{...}" alone           one record (pretty-printed or not);
 *   "{...}\n{...}\n..."     JSON Lines: each line parsed on its own, so a
 *                           bad line is reported ("line N: <jansson's
 *                           message>") and skipped while the rest are kept.
 * Lines are found in place with memchr: nothing is copied, so a BEIR
 * corpus.jsonl (thousands of records, megabytes) streams through.
 *
 * A file past --max-size is not held at all (parse_json_stream, called by
 * input.c): it is read a chunk at a time and only the record being
 * gathered is kept — one line of JSON Lines, or one element of an array,
 * found by counting brackets outside strings — so memory is bounded by the
 * largest record.  There a bad array element is skipped like a bad line
 * (in memory a bad array refuses the file), and a big file that is neither
 * an array nor JSON Lines (one huge pretty-printed object) is read as
 * lines, each reported bad.
 *
 * A record is an object; its fields (first present wins; strings unless
 * said):
 *   id       "id", "_id" (string or integer) -> article id P->id "#" ID;
 *            without one, the record's number: its 1-based line number in
 *            JSON Lines, its 1-based index in an array
 *   title    "title", "headline"
 *   text     "text", "body", "content" (a string, or an array of strings
 *            taken as paragraphs); blank lines separate paragraphs, single
 *            newlines fold to spaces
 *   outlet   "outlet", "source", "site", "site_name" (a string, or an
 *            object's "name")
 *   date     "date", "published", "published_at", "publishedAt" (through
 *            date_parse; "" when it does not parse)
 *   url      "url", "link"
 *   author   "author", "authors" (a string, or an array of strings and
 *            {"name"} objects, joined with ", ")
 * Anything else ("metadata" in BEIR) is ignored.  A record with neither
 * title nor text is skipped with a warning.  Strings holding "\u0000" are
 * accepted; the NULs become spaces.  A file in which no line is JSON, an
 * unparseable array, or nothing but space is DOCKET_BAD_INPUT.
 *
 * Called by indexer/input.c and the fuzz target tests/fuzz/fuzz-json.c.
 */
#include "article.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../common/chars.h"
#include "../docket.h"
#include "../common/buf.h"
#include "date.h"
#include "../common/utf8.h"

#define LOAD_FLAGS JSON_ALLOW_NUL

struct jparse {
	const struct parse_ctx *p;
	buf tmp;    /* scratch for one field's text */
	buf id;     /* the article id being built */
	json_t *seen; /* ids given so far in this file -> the record's number,
	               * so that a repeated id is told apart, not lost */
};

/* Replace in MSG, in place, every byte that could drive a terminal: C0
 * controls, DEL and the C1 controls (U+0080..U+009F, "\xc2\x80".."\xc2\x9f"
 * in UTF-8, or a lone byte 0x80..0x9f) become '?'.  Cannot fail. */
static void defang(char *msg)
{
	for (unsigned char *c = (unsigned char *)msg; *c; c++) {
		if (*c < 0x20 || *c == 0x7f)
			*c = '?';
		else if (*c == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f)
			c[0] = '?', c[1] = '?';
		else if (*c >= 0x80 && *c <= 0x9f && (c == (unsigned char *)msg || c[-1] < 0x80))
			*c = '?'; /* not inside a UTF-8 sequence: a Latin-1 C1 */
	}
}

static void warnf(const struct jparse *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void warnf(const struct jparse *j, const char *fmt, ...)
{
	if (!j->p->warn)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	defang(msg); /* the file's own bytes never reach a terminal raw */
	article_warn(j->p, msg);
}

/* The first of the NULL-terminated KEYS that OBJ has (not null), or NULL. */
static json_t *field(json_t *obj, const char *const *keys)
{
	for (; *keys; keys++) {
		json_t *v = json_object_get(obj, *keys);
		if (v && !json_is_null(v))
			return v;
	}
	return NULL;
}

/* Append string V to OUT, NULs made spaces. Sticky. */
static void put_string(int *rc, buf *out, json_t *v)
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (!memchr(s, '\0', n))
		buf_append(rc, out, s, n);
	else
		utf8_sanitize(rc, out, s, n);
}

/* Append a name-like value: a string, or an object's "name". */
static int put_name(int *rc, buf *out, json_t *v)
{
	if (json_is_object(v))
		v = json_object_get(v, "name");
	if (!json_is_string(v))
		return 0;
	put_string(rc, out, v);
	return 1;
}

/* Set *FIELD from the first of KEYS in REC that is a name-like value or,
 * when LIST, an array of them (joined with ", "). */
static void set_field(int *rc, struct jparse *j, char **fieldp, json_t *rec,
                      const char *const *keys, int list)
{
	json_t *v = field(rec, keys);
	if (!v)
		return;
	buf_reset(&j->tmp);
	if (list && json_is_array(v)) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			size_t before = j->tmp.n;
			if (before)
				buf_puts(rc, &j->tmp, ", ");
			if (!put_name(rc, &j->tmp, item))
				j->tmp.n = before;
		}
	} else if (!put_name(rc, &j->tmp, v)) {
		return;
	}
	article_set(rc, fieldp, j->tmp.p ? j->tmp.p : "", j->tmp.n);
}

static void set_date(int *rc, struct jparse *j, struct article *a,
                     json_t *rec)
{
	static const char *const keys[] = {"date", "published", "published_at",
	                                   "publishedAt", NULL};
	json_t *v = field(rec, keys);
	char out[11];
	if (json_is_string(v) &&
	    date_parse(json_string_value(v), json_string_length(v), out) == 0)
		article_set(rc, &a->date, out, 10);
}

/* Add S[0..N) as paragraphs split at blank lines. */
static void add_paragraphs(int *rc, struct article *a, const char *s,
                           size_t n)
{
	size_t start = 0, i = 0;
	while (i < n && !*rc) {
		if (s[i] != '\n') {
			i++;
			continue;
		}
		size_t k = i + 1; /* is the next line blank? */
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
			k++;
		if (k < n && s[k] != '\n') {
			i = k;
			continue;
		}
		article_add_block(rc, a, "", s + start, i - start, BLOCK_PARAGRAPH);
		start = i = k;
	}
	if (start < n)
		article_add_block(rc, a, "", s + start, n - start, BLOCK_PARAGRAPH);
}

/* Whether REC has body text, adding it to A. */
static int add_text(int *rc, struct jparse *j, struct article *a,
                    json_t *rec)
{
	static const char *const keys[] = {"text", "body", "content", NULL};
	json_t *v = field(rec, keys);
	int any = 0;
	if (json_is_string(v)) {
		buf_reset(&j->tmp);
		put_string(rc, &j->tmp, v);
		add_paragraphs(rc, a, j->tmp.p ? j->tmp.p : "", j->tmp.n);
		any = j->tmp.n > 0;
	} else if (json_is_array(v)) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			if (!json_is_string(item))
				continue;
			buf_reset(&j->tmp);
			put_string(rc, &j->tmp, item);
			add_paragraphs(rc, a, j->tmp.p ? j->tmp.p : "", j->tmp.n);
			any |= j->tmp.n > 0;
		}
	}
	return any;
}

/* Make the id in J->id one no earlier record of the file has: a repeat
 * (a duplicate "id", a numeric id equal to another record's number) gets
 * "~NUMBER" appended, with a warning naming both records; then remember
 * it.  Sticky on *RC. */
static void distinct(int *rc, struct jparse *j, size_t number)
{
	if (*rc || !j->seen)
		return;
	size_t base = j->id.n;
	json_t *first = json_object_getn(j->seen, j->id.p, j->id.n);
	if (first) {
		size_t was = (size_t)json_integer_value(first);
		for (unsigned extra = 0; !*rc && json_object_getn(j->seen, j->id.p, j->id.n); extra++) {
			j->id.n = base;
			buf_printf(rc, &j->id, extra ? "~%zu.%u" : "~%zu", number, extra);
		}
		warnf(j, "record %zu: its id is also record %zu's; kept as %s", number,
		      was, j->id.p + strcspn(j->id.p, "#"));
	}
	if (!*rc && json_object_setn_new_nocheck(j->seen, j->id.p, j->id.n,
	                                 json_integer((json_int_t)number)))
		*rc = DOCKET_NO_MEMORY;
}

/* Build the article id: P->id "#" (the record's id, or NUMBER). */
static void make_id(int *rc, struct jparse *j, struct article *a,
                    json_t *rec, size_t number)
{
	static const char *const keys[] = {"id", "_id", NULL};
	json_t *v = field(rec, keys);
	buf_reset(&j->id);
	buf_puts(rc, &j->id, j->p->id ? j->p->id : "");
	buf_putc(rc, &j->id, '#');
	if (json_is_string(v) && json_string_length(v) > 0)
		put_string(rc, &j->id, v);
	else if (json_is_integer(v))
		buf_printf(rc, &j->id, "%" JSON_INTEGER_FORMAT,
		           json_integer_value(v));
	else
		buf_printf(rc, &j->id, "%zu", number);
	distinct(rc, j, number);
	char *id = buf_steal(rc, &j->id);
	if (*rc)
		return;
	free(a->id);
	a->id = id;
}

/* Turn one record into an article and hand it to the sink.  WHAT and
 * NUMBER name the record in warnings ("line 3", "record 3").  Returns 0,
 * DOCKET_NO_MEMORY or the sink's status. */
static int record(struct jparse *j, json_t *rec, const char *what,
                  size_t number)
{
	static const char *const title_keys[] = {"title", "headline", NULL};
	static const char *const outlet_keys[] = {"outlet", "source", "site",
	                                          "site_name", NULL};
	static const char *const url_keys[] = {"url", "link", NULL};
	static const char *const author_keys[] = {"author", "authors", NULL};
	if (!json_is_object(rec)) {
		warnf(j, "%s %zu: not an object", what, number);
		return 0;
	}
	struct article a;
	int rc = article_init(&a);
	char *path = str_dup(&rc, j->p->path ? j->p->path : "");
	if (!rc) {
		free(a.path);
		a.path = path;
	}
	make_id(&rc, j, &a, rec, number);
	set_field(&rc, j, &a.title, rec, title_keys, 0);
	set_field(&rc, j, &a.outlet, rec, outlet_keys, 0);
	set_field(&rc, j, &a.url, rec, url_keys, 0);
	set_field(&rc, j, &a.author, rec, author_keys, 1);
	set_date(&rc, j, &a, rec);
	int has_text = add_text(&rc, j, &a, rec);
	if (!rc && !has_text && !a.title[0])
		warnf(j, "%s %zu: no title or text", what, number);
	else if (!rc)
		rc = j->p->sink(j->p->ctx, &a);
	article_clear(&a);
	return rc;
}

static int only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_json_space(s[i]))
			return 0;
	return 1;
}

static int parse_array(struct jparse *j, const char *data, size_t len)
{
	json_error_t err;
	json_t *arr = json_loadb(data, len, LOAD_FLAGS, &err);
	if (!arr) {
		warnf(j, "line %d: %s", err.line, err.text);
		return DOCKET_BAD_INPUT;
	}
	int rc = 0;
	for (size_t i = 0; i < json_array_size(arr) && !rc; i++)
		rc = record(j, json_array_get(arr, i), "record", i + 1);
	json_decref(arr);
	return rc;
}

static int parse_lines(struct jparse *j, const char *data, size_t len)
{
	int rc = 0;
	size_t lineno = 0, good = 0;
	const char *s = data, *end = data + len;
	while (s < end && !rc) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		size_t n = (size_t)(e - s);
		const char *line = s;
		s = nl ? nl + 1 : end;
		lineno++;
		if (only_space(line, n))
			continue;
		json_error_t err;
		json_t *rec = json_loadb(line, n, LOAD_FLAGS, &err);
		if (!rec) {
			warnf(j, "line %zu: %s", lineno, err.text);
			continue;
		}
		good++;
		rc = record(j, rec, "line", lineno);
		json_decref(rec);
	}
	return rc || good ? rc : DOCKET_BAD_INPUT;
}

/* Whether DATA holds exactly one JSON value (and then parse it as one
 * record); otherwise it is JSON Lines.  *RC gets the record's status. */
static int single_value(struct jparse *j, const char *data, size_t len,
                        int *rc)
{
	json_error_t err;
	json_t *v = json_loadb(data, len, LOAD_FLAGS | JSON_DISABLE_EOF_CHECK,
	                       &err);
	if (!v)
		return 0;
	size_t used = (size_t)err.position;
	if (used > len || !only_space(data + used, len - used)) {
		json_decref(v);
		return 0;
	}
	*rc = record(j, v, "record", 1);
	json_decref(v);
	return 1;
}

int parse_json(const char *data, size_t len, const struct parse_ctx *p)
{
	struct jparse j = {p, BUF_INIT, BUF_INIT, json_object()};
	size_t i = 0;
	while (i < len && is_json_space(data[i]))
		i++;
	int rc = 0;
	if (i == len) {
		warnf(&j, "no JSON records");
		rc = DOCKET_BAD_INPUT;
	} else if (data[i] == '[') {
		rc = parse_array(&j, data, len);
	} else if (!single_value(&j, data, len, &rc)) {
		rc = parse_lines(&j, data, len);
	}
	buf_free(&j.tmp);
	buf_free(&j.id);
	json_decref(j.seen);
	return rc;
}

/* ------------------------------------------------------------ streaming */

/* A big file read through SRC a chunk at a time (parse_json_stream): only
 * the record being gathered is held, so memory is bounded by the largest
 * record, not by the file. */
struct jstream {
	struct jparse j;
	json_read_fn rd;  /* the source */
	void *src;
	char chunk[64 * 1024]; /* the bytes read and not yet taken */
	size_t have, pos;
	buf rec;          /* the record being gathered, raw */
	buf clean;        /* the same, made valid UTF-8 */
	size_t line;      /* the line of the next byte, 1-based */
	int failed;       /* the source reported an error */
};

/* The next byte of S's source, or -1 at its end (or error: S->failed). */
static int next_byte(struct jstream *s)
{
	if (s->pos == s->have) {
		long got = s->failed ? -1 : s->rd(s->src, s->chunk, sizeof s->chunk);
		if (got <= 0) {
			s->failed |= got < 0;
			return -1;
		}
		s->have = (size_t)got;
		s->pos = 0;
	}
	int c = (unsigned char)s->chunk[s->pos++];
	s->line += c == '\n';
	return c;
}

/* Parse the gathered record as one JSON value (made valid UTF-8 first);
 * NULL with a warning when it is not: "line LINE: ..." for a WHAT of
 * "line", else "WHAT NUMBER (line L): ..." with the line of the error. */
static json_t *load_gathered(struct jstream *s, int *rc, const char *what,
                             size_t number, size_t line)
{
	buf_reset(&s->clean);
	utf8_sanitize(rc, &s->clean, s->rec.p ? s->rec.p : "", s->rec.n);
	if (*rc)
		return NULL;
	json_error_t err;
	json_t *v = json_loadb(s->clean.p ? s->clean.p : "", s->clean.n,
	                       LOAD_FLAGS, &err);
	if (!v && strcmp(what, "line") == 0)
		warnf(&s->j, "line %zu: %s", line, err.text);
	else if (!v)
		warnf(&s->j, "%s %zu (line %zu): %s", what, number,
		      line + (size_t)(err.line > 0 ? err.line - 1 : 0), err.text);
	return v;
}

/* JSON Lines, FIRST being the first byte of line 1: each line is a record
 * ("line N" in warnings), a bad one reported and skipped.  Returns as
 * parse_json does. */
static int stream_lines(struct jstream *s, int first)
{
	int rc = 0, c = first;
	size_t good = 0;
	while (c >= 0 && !rc) {
		size_t lineno = s->line;
		buf_reset(&s->rec);
		for (; c >= 0 && c != '\n' && !rc; c = next_byte(s))
			buf_putc(&rc, &s->rec, (char)c);
		c = c < 0 ? c : next_byte(s); /* past the '\n' */
		if (rc || only_space(s->rec.p ? s->rec.p : "", s->rec.n))
			continue;
		json_t *v = load_gathered(s, &rc, "line", lineno, lineno);
		if (!v)
			continue;
		good++;
		rc = record(&s->j, v, "line", lineno);
		json_decref(v);
	}
	return rc || good ? rc : DOCKET_BAD_INPUT;
}

/* Where a byte C leaves a scan of JSON text: *DEPTH of open brackets
 * outside strings, *STR inside a string, *ESC after its backslash.
 * Cannot fail. */
static void scan_byte(int c, int *depth, int *str, int *esc)
{
	if (*str) {
		if (*esc)
			*esc = 0;
		else if (c == '\\')
			*esc = 1;
		else if (c == '"')
			*str = 0;
	} else if (c == '"') {
		*str = 1;
	} else if (c == '{' || c == '[') {
		++*depth;
	} else if (c == '}' || c == ']') {
		--*depth;
	}
}

/* Gather the next element of an array whose '[' was read, up to the ','
 * or ']' that ends it (outside strings and brackets); returns that byte,
 * or -1 when the file ended first.  *LINE: the element's first line. */
static int gather_element(struct jstream *s, int *rc, size_t *line)
{
	int depth = 0, str = 0, esc = 0, c;
	buf_reset(&s->rec);
	while ((c = next_byte(s)) >= 0 && !*rc) {
		if (!str && depth == 0 && (c == ',' || c == ']'))
			return c;
		if (s->rec.n == 0 && is_json_space((char)c))
			continue;
		if (s->rec.n == 0)
			*line = s->line - (c == '\n');
		scan_byte(c, &depth, &str, &esc);
		buf_putc(rc, &s->rec, (char)c);
	}
	return -1;
}

/* A JSON array, its '[' read: each element is a record ("record N (line
 * L)" in warnings), a bad one reported and skipped.  Returns 0, the sink's
 * status or DOCKET_NO_MEMORY. */
static int stream_array(struct jstream *s)
{
	int rc = 0, end = ',';
	size_t number = 0;
	while (end == ',' && !rc) {
		size_t line = s->line;
		end = gather_element(s, &rc, &line);
		if (rc || (s->rec.n == 0 && end == ']' && number == 0))
			break; /* "[]" */
		number++;
		if (end < 0) {
			warnf(&s->j, "record %zu (line %zu): the array is not closed",
			      number, line);
			break;
		}
		json_t *v = load_gathered(s, &rc, "record", number, line);
		if (v)
			rc = record(&s->j, v, "record", number);
		json_decref(v);
	}
	return rc;
}

int parse_json_stream(json_read_fn rd, void *src, const struct parse_ctx *p)
{
	struct jstream *s = calloc(1, sizeof *s);
	if (!s)
		return DOCKET_NO_MEMORY;
	s->j = (struct jparse){p, BUF_INIT, BUF_INIT, json_object()};
	s->rd = rd;
	s->src = src;
	s->line = 1;
	int c = next_byte(s), rc;
	if (c == 0xef) { /* a UTF-8 byte-order mark: nothing else starts so */
		next_byte(s);
		next_byte(s);
		c = next_byte(s);
	}
	while (c >= 0 && is_json_space((char)c))
		c = next_byte(s);
	if (c < 0) {
		warnf(&s->j, "no JSON records");
		rc = DOCKET_BAD_INPUT;
	} else {
		rc = c == '[' ? stream_array(s) : stream_lines(s, c);
	}
	if (!rc && s->failed)
		rc = DOCKET_IO_ERROR; /* the source says why */
	buf_free(&s->rec);
	buf_free(&s->clean);
	buf_free(&s->j.tmp);
	buf_free(&s->j.id);
	json_decref(s->j.seen);
	free(s);
	return rc;
}
