/* schema.c — the field table (schema.h): one row per field a query can
 * name, read by the query parser, the highlighter's and --explain's term
 * mapping, the indexer's field loop and the tests.  Adding a field is a row
 * here (with its enum value), its extractor in indexer/document.c, its
 * record field (record.h) and its JSON key (README.md).
 */
#include "schema.h"

#include <string.h>

#include "legalform.h"

/* Lower-case S[0..N) into OUT, runs of spaces as one. */
static void put_folded(int *rc, buf *out, const char *s, size_t n)
{
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ') {
			sp = out->n > 0;
			continue;
		}
		if (sp)
			buf_putc(rc, out, ' ');
		sp = 0;
		buf_putc(rc, out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	}
}

/* The normalisers of the legal fields (schema.h): the extractor's key of
 * what was typed, else the typed text folded. */
static int norm_case(int *rc, buf *out, const char *s, size_t n)
{
	return legal_case_key(rc, out, s, n);
}

static int norm_docket(int *rc, buf *out, const char *s, size_t n)
{
	if (!legal_docket_key(rc, out, s, n))
		put_folded(rc, out, s, n);
	return 1;
}

static int norm_court(int *rc, buf *out, const char *s, size_t n)
{
	if (!legal_court_key(rc, out, s, n))
		put_folded(rc, out, s, n);
	return 1;
}

static int norm_judge(int *rc, buf *out, const char *s, size_t n)
{
	put_folded(rc, out, s, n);
	return 1;
}

static int norm_cite(int *rc, buf *out, const char *s, size_t n)
{
	buf c = BUF_INIT;
	if (legal_cite_key(rc, &c, s, n))
		put_folded(rc, out, c.p, c.n);
	else
		put_folded(rc, out, s, n);
	buf_free(&c);
	return 1;
}

const struct schema_row schema_fields[FIELD_LAST] = {
	/* id          name       prefix          kind          pos wdf         hl expl        slot          list normalise    article */
	{FIELD_BODY,    NULL,      "",             KIND_TEXT,    1, 0,           1, "",         -1,           0, NULL,        0},
	{FIELD_TITLE,   "title",   PREFIX_TITLE,   KIND_TEXT,    1, 0,           0, "title:",   -1,           0, NULL,        0},
	{FIELD_SECTION, "section", PREFIX_SECTION, KIND_TEXT,    1, 0,           0, "section:", -1,           0, NULL,        0},
	{FIELD_OUTLET,  "outlet",  PREFIX_OUTLET,  KIND_TEXT,    1, 0,           0, "outlet:",  SLOT_OUTLET,  0, NULL,        0},
	{FIELD_AUTHOR,  "author",  PREFIX_AUTHOR,  KIND_TEXT,    1, 0,           0, "author:",  SLOT_AUTHOR,  0, NULL,        0},
	{FIELD_SOURCE,  "source",  PREFIX_SOURCE,  KIND_BOOLEAN, 0, 0,           0, "source:",  SLOT_SOURCES, 1, NULL,        0},
	{FIELD_DATE,    "date",    "",             KIND_VALUE,   0, 0,           0, "date:",    SLOT_DATE,    0, NULL,        0},
	{FIELD_CASE,    "case",    PREFIX_CASE,    KIND_BOOLEAN, 0, 0,           0, "case:",    -1,           0, norm_case,   1},
	{FIELD_DOCKET,  "docket",  PREFIX_DOCKET,  KIND_BOOLEAN, 0, 0,           0, "docket:",  -1,           0, norm_docket, 1},
	{FIELD_COURT,   "court",   PREFIX_COURT,   KIND_BOOLEAN, 0, 0,           0, "court:",   -1,           0, norm_court,  1},
	{FIELD_JUDGE,   "judge",   PREFIX_JUDGE,   KIND_BOOLEAN, 0, 0,           0, "judge:",   -1,           0, norm_judge,  1},
	{FIELD_EXHIBIT, "exhibit", PREFIX_CITE,    KIND_BOOLEAN, 0, 0,           0, "exhibit:", -1,           0, norm_cite,   0},
	{FIELD_SPEAKER, "speaker", PREFIX_SPEAKER, KIND_TEXT,    1, 0,           0, "speaker:", -1,           0, NULL,        0},
	{FIELD_QUOTE,   "quote",   PREFIX_QUOTE,   KIND_TEXT,    1, 0,           0, "quote:",   -1,           0, NULL,        0},
	{FIELD_WIRE,    "wire",    PREFIX_WIRE,    KIND_BOOLEAN, 0, 0,           0, "wire:",    -1,           0, NULL,        0},
	{FIELD_EVENT,   "event",   PREFIX_EVENT,   KIND_DAYS,    0, 0,           0, "event:",   SLOT_EVENTS,  1, NULL,        0},
};

enum schema_field schema_term_field(const char *term, size_t n,
                                    size_t *bare_at)
{
	for (int f = 0; f < FIELD_LAST; f++) {
		size_t k = strlen(schema_fields[f].prefix);
		if (k && n > k && memcmp(term, schema_fields[f].prefix, k) == 0) {
			if (bare_at)
				*bare_at = k;
			return (enum schema_field)f;
		}
	}
	if (bare_at)
		*bare_at = 0;
	return FIELD_BODY;
}

/* Whether Q[0..N) is the name of a field of the table. */
static int is_field_name(const char *q, size_t n)
{
	for (int f = 0; f < FIELD_LAST; f++) {
		const char *name = schema_fields[f].name;
		if (name && strlen(name) == n && memcmp(name, q, n) == 0)
			return 1;
	}
	return 0;
}

/* The length of the would-be field name at Q (letters, then letters, '_'
 * or '-'), 0 when none starts there. */
static size_t name_len(const char *q)
{
	size_t n = 0;
	while ((q[n] >= 'a' && q[n] <= 'z') || (q[n] >= 'A' && q[n] <= 'Z') ||
	       (n && (q[n] == '_' || q[n] == '-')))
		n++;
	return n;
}

int schema_unknown_field(const char *q, size_t *at, size_t *len)
{
	int quoted = 0;
	for (size_t i = 0; q[i]; i++) {
		char prev = i ? q[i - 1] : ' ';
		size_t n;
		if (q[i] == '"')
			quoted = !quoted;
		if (quoted || !(prev == ' ' || prev == '(' || prev == '+' ||
		                prev == '-' || prev == '\t'))
			continue;
		n = name_len(q + i);
		if (!n || q[i + n] != ':' || !q[i + n + 1] || q[i + n + 1] == ' ' ||
		    (q[i + n + 1] == '/' && q[i + n + 2] == '/') ||
		    is_field_name(q + i, n))
			continue;
		*at = i;
		*len = n;
		return 1;
	}
	return 0;
}

void schema_field_names(int *rc, buf *out)
{
	for (int f = 0; f < FIELD_LAST; f++) {
		if (!schema_fields[f].name)
			continue;
		if (out->n)
			buf_puts(rc, out, ", ");
		buf_puts(rc, out, schema_fields[f].name);
	}
}
