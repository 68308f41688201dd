/* document.c — passage to index document (see document.h, schema.h). */
#include "document.h"

#define TERM_MAX 240 /* Xapian's limit is 245 bytes */

#include <stdio.h>
#include <string.h>

#include "legal.h"
#include "../common/ids.h"
#include "../common/record.h"
#include "../common/schema.h"
#include "../common/stem.h"
#include "../common/token.h"
#include "../engine/engine.h"
#include "../docket.h"

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

static size_t field_names(enum schema_field f, const struct passage *p,
                          char *const **names)
{
	switch (f) {
	case FIELD_SOURCE: *names = p->sources; return p->nsources;
	default: return 0;
	}
}

/* Whether lower-case W[0..N) is a word of a caption that names nothing
 * alone ("v.", "of", "in re"). */
static int caption_glue(const char *w, size_t n)
{
	static const char *const glue[] = {"v.", "of", "the", "and", "&", "for",
	                                   "in", "re", "ex", "rel.", NULL};
	for (const char *const *g = glue; *g; g++)
		if (strlen(*g) == n && memcmp(*g, w, n) == 0)
			return 1;
	return 0;
}

/* The case terms of caption C: its key, the key cut after each word of
 * its right party ("delacroix v. nimbus" for "... nimbus technologies"),
 * and each word that names a party. */
static void case_terms(struct doc_builder *b, struct xap_doc *d, const char *c)
{
	buf_reset(&b->key);
	legal_case_key(&b->rc, &b->key, c, strlen(c));
	if (b->rc || !b->key.n)
		return;
	const char *k = b->key.p, *v = strstr(k, " v. ");
	size_t n = b->key.n;
	for (size_t i = v ? (size_t)(v - k) + 4 : n; i < n; i++)
		if (k[i] == ' ')
			add_boolean(b, d, PREFIX_CASE, k, i);
	add_boolean(b, d, PREFIX_CASE, k, n);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j] != ' ')
			j++;
		if (!caption_glue(k + i, j - i))
			add_boolean(b, d, PREFIX_CASE, k + i, j - i);
		i = j + 1;
	}
}

/* Lower-cased term PREFIX + S. */
static void add_folded(struct doc_builder *b, struct xap_doc *d,
                       const char *prefix, const char *s, size_t n)
{
	buf_reset(&b->key);
	for (size_t i = 0; i < n; i++)
		buf_putc(&b->rc, &b->key, (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]));
	if (!b->rc && b->key.n)
		add_boolean(b, d, prefix, b->key.p, b->key.n);
}

/* The terms of legal field ROW for passage PI (schema.h). */
static void legal_terms(struct doc_builder *b, struct xap_doc *d,
                        const struct schema_row *row, size_t pi)
{
	const struct legal *lg = b->legal;
	const struct legal_list *l = NULL;
	switch (row->id) {
	case FIELD_CASE:
		for (size_t i = 0; i < lg->cases.n; i++)
			case_terms(b, d, lg->cases.v[i]);
		return;
	case FIELD_DOCKET: l = &lg->dockets; break;
	case FIELD_COURT: l = &lg->courts; break;
	case FIELD_EXHIBIT: l = pi < lg->npassages ? &lg->cites[pi] : NULL; break;
	case FIELD_JUDGE:
		for (size_t i = 0; i < lg->judges.n; i++) {
			const char *j = lg->judges.v[i], *sp = strrchr(j, ' ');
			add_folded(b, d, PREFIX_JUDGE, j, strlen(j));
			/* the surname: the last word that is no suffix */
			const char *e = j + strlen(j);
			while (sp && (!strcmp(sp + 1, "Jr.") || !strcmp(sp + 1, "Sr.") ||
			              !strcmp(sp + 1, "II") || !strcmp(sp + 1, "III") ||
			              !strcmp(sp + 1, "IV"))) {
				e = sp;
				const char *q = sp;
				while (q > j && q[-1] != ' ')
					q--;
				sp = q > j ? q - 1 : NULL;
			}
			if (sp)
				add_folded(b, d, PREFIX_JUDGE, sp + 1, (size_t)(e - sp - 1));
		}
		return;
	default: return;
	}
	for (size_t i = 0; l && i < l->n; i++)
		add_folded(b, d, row->prefix, l->v[i], strlen(l->v[i]));
}

/* Index field ROW of passage P: its words or its names.  Values (dates)
 * are add_values()'s. */
static void add_schema_field(struct doc_builder *b, struct xap_doc *d,
                             const struct schema_row *row,
                             const struct article *a, const struct passage *p)
{
	char *const *names = NULL;
	if (row->kind == KIND_TEXT)
		add_field(b, d, field_text(row->id, a, p), row);
	if (row->kind != KIND_BOOLEAN)
		return;
	if (row->normalise) {
		if (b->legal)
			legal_terms(b, d, row, (size_t)(p - a->passages));
		return;
	}
	size_t n = field_names(row->id, p, &names);
	for (size_t i = 0; i < n; i++)
		add_boolean(b, d, row->prefix, names[i], strlen(names[i]));
}

static void set_field(struct record *r, enum rec_field f, const char *s)
{
	r->f[f] = s;
	r->len[f] = strlen(s);
}

/* L's items joined by '\n' into OUT (emptied first). */
static void join_list(int *rc, buf *out, const struct legal_list *l)
{
	buf_reset(out);
	buf_puts(rc, out, "");
	for (size_t i = 0; l && i < l->n; i++) {
		if (i)
			buf_putc(rc, out, '\n');
		buf_puts(rc, out, l->v[i]);
	}
}

/* The legal fields of R (record.h) for passage PI, joined into LISTS. */
static void legal_record(struct doc_builder *b, struct record *r, buf lists[5],
                         size_t pi)
{
	static const enum rec_field f[5] = {REC_CASES, REC_DOCKETS, REC_COURTS,
	                                    REC_JUDGES, REC_CITES};
	const struct legal *lg = b->legal;
	const struct legal_list *l[5] = {NULL, NULL, NULL, NULL, NULL};
	if (lg) {
		l[0] = &lg->cases, l[1] = &lg->dockets, l[2] = &lg->court_names;
		l[3] = &lg->judges, l[4] = pi < lg->npassages ? &lg->cites[pi] : NULL;
	}
	for (int i = 0; i < 5; i++) {
		join_list(&b->rc, &lists[i], l[i]);
		r->f[f[i]] = lists[i].p ? lists[i].p : "";
		r->len[f[i]] = lists[i].n;
	}
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
	buf lists[5] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	legal_record(b, &r, lists, (size_t)(p - a->passages));
	buf_reset(&b->data);
	record_encode(&b->rc, &b->data, &r);
	if (!b->rc && xap_doc_data(d, b->data.p, b->data.n))
		b->rc = DOCKET_NO_MEMORY;
	buf_free(&sources);
	for (int i = 0; i < 5; i++)
		buf_free(&lists[i]);
}

static void add_values(struct doc_builder *b, struct xap_doc *d,
                       const struct article *a, const char *akey)
{
	char ymd[9];
	if (strlen(a->date) == 10) {
		memcpy(ymd, a->date, 4);
		memcpy(ymd + 4, a->date + 5, 2);
		memcpy(ymd + 6, a->date + 8, 2);
		if (!b->rc && xap_doc_value(d, SLOT_DATE, ymd, 8))
			b->rc = DOCKET_NO_MEMORY;
	}
	if (!b->rc && xap_doc_value(d, SLOT_ARTICLE, akey, ARTICLE_KEY_LEN))
		b->rc = DOCKET_NO_MEMORY;
	const struct legal *lg = b->legal;
	if (!lg)
		return;
	const struct { int slot; const struct legal_list *l; } v[] = {
		{SLOT_CASES, &lg->cases}, {SLOT_COURTS, &lg->court_names},
		{SLOT_JUDGES, &lg->judges}, {SLOT_DOCKETS, &lg->dockets}};
	for (size_t i = 0; i < sizeof v / sizeof *v && !b->rc; i++) {
		if (!v[i].l->n)
			continue;
		join_list(&b->rc, &b->key, v[i].l);
		if (!b->rc && xap_doc_value(d, (unsigned)v[i].slot, b->key.p, b->key.n))
			b->rc = DOCKET_NO_MEMORY;
	}
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
	for (int f = 0; f < FIELD_LAST; f++)
		add_schema_field(b, d, &schema_fields[f], a, p);
	add_values(b, d, a, akey);
	add_record(b, d, a, p);
	return b->rc;
}

void doc_builder_free(struct doc_builder *b)
{
	buf_free(&b->term);
	buf_free(&b->data);
	buf_free(&b->id);
	buf_free(&b->idterm);
	buf_free(&b->key);
}
