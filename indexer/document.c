/* document.c — passage to index document (see document.h, schema.h). */
#include "document.h"

#define TERM_MAX 240 /* Xapian's limit is 245 bytes */

#include <stdio.h>
#include <string.h>

#include "../common/ids.h"
#include "../common/record.h"
#include "../common/schema.h"
#include "../common/stem.h"
#include "../common/token.h"
#include "../engine/engine.h"
#include "../engine/valuelist.h"
#include "../docket.h"
#include "eventdate.h"

/* How one field's words become terms. */
struct field_pass {
	struct doc_builder *b;
	struct xap_doc *d;
	const char *prefix;  /* "" for body words */
	unsigned extra_wdf;  /* >0: also unprefixed, without positions */
	int positions;       /* each word with its position (else wdf 1) */
};

/* Term PREFIX + word into b->term. */
static void make_term(struct doc_builder *b, const char *prefix,
                      const char *word, size_t n)
{
	buf_reset(&b->term);
	buf_puts(&b->rc, &b->term, prefix);
	buf_append(&b->rc, &b->term, word, n);
}

/* One word: its stem (a number as it is, see stem.h), with its position. */
static int add_word(void *ctx, const struct token *t)
{
	struct field_pass *f = ctx;
	struct doc_builder *b = f->b;
	size_t slen;
	const char *stem = stem_word(b->st, t->term, t->len, &slen);
	make_term(b, f->prefix, stem, slen);
	if (!b->rc && (f->positions
	                   ? xap_doc_posting(f->d, b->term.p, b->term.n, t->pos)
	                   : xap_doc_term(f->d, b->term.p, b->term.n, 1)))
		b->rc = DOCKET_NO_MEMORY;
	if (f->extra_wdf && !b->rc && xap_doc_term(f->d, stem, slen, f->extra_wdf))
		b->rc = DOCKET_NO_MEMORY;
	return b->rc;
}

static void add_field(struct doc_builder *b, struct xap_doc *d, const char *text,
                      const struct schema_row *row)
{
	struct field_pass f = {b, d, row->prefix, row->extra_wdf, row->positions};
	if (!b->rc && text && *text)
		token_scan(text, strlen(text), 1, add_word, &f);
}

static void add_boolean(struct doc_builder *b, struct xap_doc *d,
                        const char *prefix, const char *s, size_t n)
{
	if (strlen(prefix) + n > TERM_MAX)
		return; /* Xapian refuses longer terms; such a name is junk */
	make_term(b, prefix, s, n);
	if (!b->rc && xap_doc_boolean(d, b->term.p, b->term.n))
		b->rc = DOCKET_NO_MEMORY;
}

/* The extractors: the text of free-text field F for passage P of article
 * A (NULL: none), and the names of boolean field F (their count). */
static const char *field_text(enum schema_field f, const struct article *a,
                              const struct passage *p)
{
	switch (f) {
	case FIELD_BODY: return p->text;
	case FIELD_TITLE: return a->title;
	case FIELD_SECTION: return p->section;
	case FIELD_OUTLET: return a->outlet;
	case FIELD_AUTHOR: return a->author;
	default: return NULL;
	}
}

/* The names of boolean or days field F (sources; event dates as
 * YYYYMMDD), their count. */
static size_t field_names(enum schema_field f, const struct doc_builder *b,
                          const struct passage *p, const char *const **names)
{
	switch (f) {
	case FIELD_SOURCE: *names = (const char *const *)p->sources; return p->nsources;
	case FIELD_EVENT: *names = b->ymdp; return b->ndays;
	default: return 0;
	}
}

/* The whole value of single-valued field F for its slot ("" for none). */
static const char *field_value(enum schema_field f, const struct article *a)
{
	switch (f) {
	case FIELD_OUTLET: return a->outlet;
	case FIELD_AUTHOR: return a->author;
	default: return "";
	}
}

/* Index field ROW of passage P: its words or its names.  Values are
 * add_values()'s. */
static void add_schema_field(struct doc_builder *b, struct xap_doc *d,
                             const struct schema_row *row,
                             const struct article *a, const struct passage *p)
{
	const char *const *names = NULL;
	if (row->kind == KIND_TEXT)
		add_field(b, d, field_text(row->id, a, p), row);
	if (row->kind != KIND_BOOLEAN && row->kind != KIND_DAYS)
		return;
	size_t n = field_names(row->id, b, p, &names);
	for (size_t i = 0; i < n; i++)
		add_boolean(b, d, row->prefix, names[i], strlen(names[i]));
}

/* The days passage P of A states (indexer/eventdate.c) into B's DAYS and
 * YMD, at most EVENT_DAYS_MAX of them. */
static void find_event_days(struct doc_builder *b, const struct article *a,
                            const struct passage *p)
{
	eventdate_span spans[EVENT_DAYS_MAX];
	size_t n = eventdate_find(&b->rc, p->text, p->len, a->date, spans, EVENT_DAYS_MAX);
	if (n > EVENT_DAYS_MAX)
		n = EVENT_DAYS_MAX;
	b->ndays = eventdate_days(spans, n, b->days, EVENT_DAYS_MAX);
	if (b->ndays > EVENT_DAYS_MAX)
		b->ndays = EVENT_DAYS_MAX;
	for (size_t i = 0; i < b->ndays; i++) {
		memcpy(b->ymd[i], b->days[i], 4);
		memcpy(b->ymd[i] + 4, b->days[i] + 5, 2);
		memcpy(b->ymd[i] + 6, b->days[i] + 8, 3);
		b->ymdp[i] = b->ymd[i];
	}
}

static void set_field(struct record *r, enum rec_field f, const char *s)
{
	r->f[f] = s;
	r->len[f] = strlen(s);
}

static void add_record(struct doc_builder *b, struct xap_doc *d,
                       const struct article *a, const struct passage *p)
{
	struct record r;
	char para[16], ord[16];
	buf sources = BUF_INIT;
	snprintf(para, sizeof para, "%d", p->paragraph);
	snprintf(ord, sizeof ord, "%d", p->ordinal);
	for (size_t i = 0; i < p->nsources; i++) {
		if (i)
			buf_putc(&b->rc, &sources, '\n');
		buf_puts(&b->rc, &sources, p->sources[i]);
	}
	set_field(&r, REC_PASSAGE_ID, b->id.p);
	set_field(&r, REC_ARTICLE_ID, a->id);
	set_field(&r, REC_PATH, a->path);
	set_field(&r, REC_TITLE, a->title);
	set_field(&r, REC_OUTLET, a->outlet);
	set_field(&r, REC_AUTHOR, a->author);
	set_field(&r, REC_DATE, a->date);
	set_field(&r, REC_URL, a->url);
	set_field(&r, REC_SECTION, p->section);
	set_field(&r, REC_PARAGRAPH, para);
	set_field(&r, REC_ORDINAL, ord);
	set_field(&r, REC_SOURCES, sources.p ? sources.p : "");
	r.f[REC_TEXT] = p->text;
	r.len[REC_TEXT] = p->len;
	buf_reset(&b->list);
	for (size_t i = 0; i < b->ndays; i++)
		buf_printf(&b->rc, &b->list, "%s%s", i ? "\n" : "", b->days[i]);
	set_field(&r, REC_EVENT_DATES, b->list.p ? b->list.p : "");
	buf_reset(&b->data);
	record_encode(&b->rc, &b->data, &r);
	if (!b->rc && xap_doc_data(d, b->data.p, b->data.n))
		b->rc = DOCKET_NO_MEMORY;
	buf_free(&sources);
}

static void set_value(struct doc_builder *b, struct xap_doc *d, int slot,
                      const char *v, size_t n)
{
	if (!b->rc && n && xap_doc_value(d, (unsigned)slot, v, n))
		b->rc = DOCKET_NO_MEMORY;
}

/* The value of field ROW, if it has a slot: a date as YYYYMMDD, a list of
 * its names (engine/valuelist.h), or its whole text. */
static void add_field_value(struct doc_builder *b, struct xap_doc *d,
                            const struct schema_row *row,
                            const struct article *a, const struct passage *p)
{
	if (row->slot < 0)
		return;
	if (row->kind == KIND_VALUE) {
		char ymd[9];
		if (strlen(a->date) != 10)
			return;
		memcpy(ymd, a->date, 4);
		memcpy(ymd + 4, a->date + 5, 2);
		memcpy(ymd + 6, a->date + 8, 2);
		set_value(b, d, row->slot, ymd, 8);
	} else if (row->list) {
		const char *const *names = NULL;
		size_t n = field_names(row->id, b, p, &names);
		buf_reset(&b->list);
		for (size_t i = 0; i < n; i++)
			valuelist_add(&b->rc, &b->list, names[i], strlen(names[i]));
		set_value(b, d, row->slot, b->list.p, b->list.n);
	} else {
		const char *v = field_value(row->id, a);
		set_value(b, d, row->slot, v, strlen(v));
	}
}

static void add_values(struct doc_builder *b, struct xap_doc *d,
                       const struct article *a, const struct passage *p,
                       const char *akey)
{
	for (int f = 0; f < FIELD_LAST; f++)
		add_field_value(b, d, &schema_fields[f], a, p);
	set_value(b, d, SLOT_ARTICLE, akey, ARTICLE_KEY_LEN);
}

int document_build(struct doc_builder *b, const struct article *a,
                   const struct passage *p, const char *fkey,
                   struct xap_doc *d)
{
	char akey[ARTICLE_KEY_LEN + 1];
	b->rc = 0;
	buf_reset(&b->id);
	buf_reset(&b->idterm);
	passage_id(&b->rc, &b->id, a->id, p->ordinal);
	if (b->rc)
		return b->rc;
	id_term(&b->rc, &b->idterm, b->id.p, b->id.n);
	article_key(a->id, strlen(a->id), akey);
	add_boolean(b, d, "", b->idterm.p ? b->idterm.p : "", b->idterm.n);
	add_boolean(b, d, PREFIX_ARTICLE, akey, ARTICLE_KEY_LEN);
	add_boolean(b, d, PREFIX_FILE, fkey, strlen(fkey));
	find_event_days(b, a, p);
	for (int f = 0; f < FIELD_LAST; f++)
		add_schema_field(b, d, &schema_fields[f], a, p);
	add_values(b, d, a, p, akey);
	add_record(b, d, a, p);
	return b->rc;
}

void doc_builder_free(struct doc_builder *b)
{
	buf_free(&b->term);
	buf_free(&b->data);
	buf_free(&b->list);
	buf_free(&b->id);
	buf_free(&b->idterm);
}
