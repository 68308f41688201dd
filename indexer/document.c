/* document.c — passage to index document (see document.h, schema.h).
 * The quotes of the article (indexer/quotes.c) are found once per article
 * by document_article() and give each passage its speaker (XS) and
 * quoted-word (XQ) terms, its speakers value and its record's quotes. */
#include "document.h"

#define TERM_MAX 240 /* Xapian's limit is 245 bytes */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "legal.h"
#include <stdlib.h>
#include <xxhash.h>

#include "../common/copies.h"
#include "../common/legalform.h"
#include "../common/ids.h"
#include "../common/record.h"
#include "../common/schema.h"
#include "../common/stem.h"
#include "../common/token.h"
#include "../engine/engine.h"
#include "../engine/valuelist.h"
#include "../docket.h"
#include "wire.h"
#include "eventdate.h"

/* How one field's words become terms. */
struct field_pass {
	struct doc_builder *b;
	struct xap_doc *d;
	const char *prefix;  /* "" for body words */
	unsigned extra_wdf;  /* >0: also unprefixed, without positions */
	int positions;       /* each word with its position (else wdf 1) */
	unsigned offset;     /* added to each word's position */
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
	                   ? xap_doc_posting(f->d, b->term.p, b->term.n, t->pos + f->offset)
	                   : xap_doc_term(f->d, b->term.p, b->term.n, 1)))
		b->rc = DOCKET_NO_MEMORY;
	if (f->extra_wdf && !b->rc && xap_doc_term(f->d, stem, slen, f->extra_wdf))
		b->rc = DOCKET_NO_MEMORY;
	return b->rc;
}

static void add_field(struct doc_builder *b, struct xap_doc *d, const char *text,
                      const struct schema_row *row)
{
	struct field_pass f = {b, d, row->prefix, row->extra_wdf, row->positions, 0};
	if (!b->rc && text && *text)
		token_scan(text, strlen(text), 1, add_word, &f);
}

/* A one-passage article's headline as words of its passage: unprefixed,
 * at wdf ONE_PASSAGE_TITLE_WDF, at positions past TITLE_COPY_GAP so that no
 * phrase runs from the headline into the text (schema.h). */
static void add_own_title(struct doc_builder *b, struct xap_doc *d,
                          const struct article *a)
{
	struct field_pass f = {b, d, "", ONE_PASSAGE_TITLE_WDF - 1, 1, TITLE_COPY_GAP};
	if (a->npassages == 1 && !b->rc && a->title && *a->title)
		token_scan(a->title, strlen(a->title), 1, add_word, &f);
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

/* Quoted words: body words inside one of the passage's quotes, as XQ terms
 * at their body positions (so quote:"a phrase" is a phrase query). */
struct quoted_pass {
	struct field_pass f;
	const struct quote_list *ql; /* the passage's quotes, ascending */
	size_t k;                    /* the first quote not wholly before */
};

static int add_quoted_word(void *ctx, const struct token *t)
{
	struct quoted_pass *q = ctx;
	while (q->k < q->ql->n && q->ql->q[q->k].end <= t->start)
		q->k++;
	if (q->k < q->ql->n && q->ql->q[q->k].start <= t->start &&
	    t->end <= q->ql->q[q->k].end)
		return add_word(&q->f, t);
	return 0;
}

static void add_quoted(struct doc_builder *b, struct xap_doc *d,
                       const struct schema_row *row, const struct passage *p,
                       const struct quote_list *ql)
{
	struct quoted_pass q = {{b, d, row->prefix, 0, row->positions, 0}, ql, 0};
	if (!b->rc && ql->n)
		token_scan(p->text, p->len, 1, add_quoted_word, &q);
}

/* Whether quote I of QL is the first with its speaker (and has one). */
static int first_speaker(const struct quote_list *ql, size_t i)
{
	if (!*ql->q[i].speaker)
		return 0;
	for (size_t k = 0; k < i; k++)
		if (!strcmp(ql->q[k].speaker, ql->q[i].speaker))
			return 0;
	return 1;
}

/* Speaker words: each distinct speaker's words as XS terms, speakers
 * SPEAKER_GAP positions apart. */
static void add_speakers(struct doc_builder *b, struct xap_doc *d,
                         const struct schema_row *row, const struct quote_list *ql)
{
	struct field_pass f = {b, d, row->prefix, 0, row->positions, 0};
	unsigned pos = 1;
	for (size_t i = 0; i < ql->n && !b->rc; i++)
		if (first_speaker(ql, i)) {
			const char *s = ql->q[i].speaker;
			token_scan(s, strlen(s), pos, add_word, &f);
			pos += SPEAKER_GAP;
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
	case FIELD_WIRE:
		*names = (const char *const *)&b->copies.wire;
		return b->copies.wire[0] ? 1 : 0;
	default: return 0;
	}
}

/* The case terms of caption key K[0..N) (legal_case_key): the key alone.
 * A query finds it also by a shorter writing or a party's word
 * (legal_case_covers): those terms
 * were ~24 a passage (285k of the 1k-article index's postings, as many as
 * a third of the body's), each key's shorter writings and words repeated
 * on every passage of the article.  A key too long for one term is
 * written as its shorter writings and words instead (those that fit),
 * which the query's widening finds as keys of their own.
 *
 * These terms, like the docket, court and judge terms, are on the
 * article's first passage only (add_schema_field).  On every passage they
 * were most of what legal added: at 20k generated articles (~20 captions
 * an article) 755.9 MB, 698.7 without legal.  Every passage holding an
 * 11-byte hash of each key instead gave 750.4 MB (1.074): the cost is the
 * count of terms, not their length.  The first passage alone with case:
 * widened to the OR of the articles' XA terms gave 730.5 MB (1.045) but
 * case:bytedance 890 ms instead of 80: Xapian's OR of ~2,500 terms, which
 * engine/query.cc's ArticlePassages now does without. */
static void case_terms(struct doc_builder *b, struct xap_doc *d, const char *k,
                       size_t n)
{
	const char *v = memmem(k, n, " v. ", 4);
	if (strlen(PREFIX_CASE) + n <= TERM_MAX) {
		add_boolean(b, d, PREFIX_CASE, k, n);
		return;
	}
	for (size_t i = v ? (size_t)(v - k) + 4 : n; i < n; i++)
		if (k[i] == ' ')
			add_boolean(b, d, PREFIX_CASE, k, i);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j] != ' ')
			j++;
		if (!legal_caption_glue(k + i, j - i))
			add_boolean(b, d, PREFIX_CASE, k + i, j - i);
		i = j + 1;
	}
}

/* The keys of CASES (legal_case_key) into b->case_keys, each ended by a
 * newline (keys hold none); an empty key is left out. */
static void case_keys(struct doc_builder *b, const struct legal_list *cases)
{
	buf_reset(&b->case_keys);
	for (size_t i = 0; i < cases->n && !b->rc; i++) {
		buf_reset(&b->key);
		legal_case_key(&b->rc, &b->key, cases->v[i], strlen(cases->v[i]));
		if (!b->rc && b->key.n) {
			buf_append(&b->rc, &b->case_keys, b->key.p, b->key.n);
			buf_putc(&b->rc, &b->case_keys, '\n');
		}
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
		case_keys(b, &lg->cases);
		for (size_t i = 0; i < b->case_keys.n && !b->rc;) {
			const char *k = b->case_keys.p + i, *nl = memchr(k, '\n', b->case_keys.n - i);
			case_terms(b, d, k, (size_t)(nl - k));
			i += (size_t)(nl - k) + 1;
		}
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
                             const struct article *a, const struct passage *p,
                             const struct quote_list *ql)
{
	const char *const *names = NULL;
	if (row->id == FIELD_SPEAKER)
		add_speakers(b, d, row, ql);
	else if (row->id == FIELD_QUOTE)
		add_quoted(b, d, row, p, ql);
	else if (row->kind == KIND_TEXT)
		add_field(b, d, field_text(row->id, a, p), row);
	if (row->id == FIELD_TITLE)
		add_own_title(b, d, a);
	if (row->kind != KIND_BOOLEAN && row->kind != KIND_DAYS)
		return;
	if (row->normalise) {
		/* an article's own terms on its first passage alone (schema.h,
		 * schema 7): on every passage they were, at 20,000 generated
		 * articles (bench/gen: ~5.5 captions, judges and courts each
		 * an article), most of the 1.081x the size legal brought the
		 * index to; on the first alone 1.020x (bench/ablate legal), and
		 * case:, docket:, court: and judge: find the same hits with the
		 * same scores */
		if (b->legal && (!row->article || p == a->passages))
			legal_terms(b, d, row, (size_t)(p - a->passages));
		return;
	}
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

/* The legal fields of R (record.h) for passage PI, joined into LISTS: the
 * article's cases, dockets, courts and judges on its first passage only
 * (searcher/hits.c reads them there), the passage's own record cites on
 * each.  On every passage the article's lists were 1.9 MB of the 4.8 MB
 * that legal added to the 1k-article index (36.0 -> 40.8 MB). */
static void legal_record(struct doc_builder *b, struct record *r, buf lists[5],
                         size_t pi)
{
	static const enum rec_field f[5] = {REC_CASES, REC_DOCKETS, REC_COURTS,
	                                    REC_JUDGES, REC_CITES};
	const struct legal *lg = b->legal;
	const struct legal_list *l[5] = {NULL, NULL, NULL, NULL, NULL};
	if (lg && pi == 0) {
		l[0] = &lg->cases, l[1] = &lg->dockets, l[2] = &lg->court_names;
		l[3] = &lg->judges;
	}
	if (lg && pi < lg->npassages)
		l[4] = &lg->cites[pi];
	for (int i = 0; i < 5; i++) {
		join_list(&b->rc, &lists[i], l[i]);
		r->f[f[i]] = lists[i].p ? lists[i].p : "";
		r->len[f[i]] = lists[i].n;
	}
}

/* The record's quote lines for QL into b->quoted (record.h). */
static void quote_lines(struct doc_builder *b, const struct quote_list *ql)
{
	buf_reset(&b->quoted);
	buf_reserve(&b->rc, &b->quoted, 0);
	for (size_t i = 0; i < ql->n; i++)
		buf_printf(&b->rc, &b->quoted, "%zu\t%zu\t%s\t%s\n", ql->q[i].start,
		           ql->q[i].end, ql->q[i].cue, ql->q[i].speaker);
}

static void add_record(struct doc_builder *b, struct xap_doc *d,
                       const struct article *a, const struct passage *p,
                       const struct quote_list *ql)
{
	struct record r;
	char para[40], ord[16];
	buf sources = BUF_INIT;
	if (p->part)
		snprintf(para, sizeof para, "%d (part %d)", p->paragraph, p->part);
	else
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
	quote_lines(b, ql);
	r.f[REC_QUOTES] = b->quoted.p;
	r.len[REC_QUOTES] = b->quoted.n;
	set_field(&r, REC_WIRE, b->copies.wire);
	buf_reset(&b->list);
	for (size_t i = 0; i < b->ndays; i++)
		buf_printf(&b->rc, &b->list, "%s%s", i ? "\n" : "", b->days[i]);
	set_field(&r, REC_EVENT_DATES, b->list.p ? b->list.p : "");
	buf_reset(&b->data);
	record_encode(&b->rc, &b->data, &r);
	if (!b->rc && xap_doc_data(d, b->data.p, b->data.n))
		b->rc = DOCKET_NO_MEMORY;
	buf_free(&sources);
	for (int i = 0; i < 5; i++)
		buf_free(&lists[i]);
}

/* Append item S to the list value in OUT: its length in LEB128, then its
 * bytes (schema.h).  Sticky on *rc. */
static void list_add(int *rc, buf *out, const char *s, size_t n)
{
	size_t v = n;
	do {
		buf_putc(rc, out, (char)((v & 0x7F) | (v > 0x7F ? 0x80 : 0)));
		v >>= 7;
	} while (v);
	buf_append(rc, out, s, n);
}

/* Slot 9: the passage's distinct speakers (none: no value). */
static void add_speaker_value(struct doc_builder *b, struct xap_doc *d,
                              const struct quote_list *ql)
{
	buf_reset(&b->list);
	for (size_t i = 0; i < ql->n; i++)
		if (first_speaker(ql, i))
			list_add(&b->rc, &b->list, ql->q[i].speaker, strlen(ql->q[i].speaker));
	if (!b->rc && b->list.n && xap_doc_value(d, SLOT_SPEAKERS, b->list.p, b->list.n))
		b->rc = DOCKET_NO_MEMORY;
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

/* Slots 5-8: the article's legal lists, in the one list encoding of
 * engine/valuelist.h (so facets count cases, courts and judges), on the
 * article's first passage only, after its article key AKEY (schema.h):
 * the scan finds an article's lists at its first passage
 * (engine/scan.cc).  Every passage holding them was 3.0 MB of the 44.6 MB
 * index of 1k articles, the largest part of what legal added to it. */
static void add_legal_values(struct doc_builder *b, struct xap_doc *d,
                             const char *akey, size_t at)
{
	const struct legal *lg = b->legal;
	static const struct legal_list none = {NULL, 0, 0};
	const struct { int slot; const struct legal_list *l; } v[] = {
		{SLOT_CASES, lg ? &lg->cases : &none}, {SLOT_COURTS, lg ? &lg->court_names : &none},
		{SLOT_JUDGES, lg ? &lg->judges : &none}, {SLOT_DOCKETS, lg ? &lg->dockets : &none}};
	for (size_t i = 0; at == 0 && i < sizeof v / sizeof *v && !b->rc; i++) {
		buf_reset(&b->list);
		buf_append(&b->rc, &b->list, akey, ARTICLE_KEY_LEN);
		for (size_t k = 0; k < v[i].l->n; k++)
			valuelist_add(&b->rc, &b->list, v[i].l->v[k], strlen(v[i].l->v[k]));
		set_value(b, d, v[i].slot, b->list.p, b->list.n);
	}
}

static void add_values(struct doc_builder *b, struct xap_doc *d,
                       const struct article *a, const struct passage *p,
                       const char *akey)
{
	for (int f = 0; f < FIELD_LAST; f++)
		add_field_value(b, d, &schema_fields[f], a, p);
	set_value(b, d, SLOT_ARTICLE, akey, ARTICLE_KEY_LEN);
	char order[ORDER_KEY_LEN + 1];
	snprintf(order, sizeof order, "%.*s%08x", ARTICLE_KEY_LEN, akey,
	         (unsigned)p->ordinal);
	set_value(b, d, SLOT_ORDER, order, ORDER_KEY_LEN);
	add_legal_values(b, d, akey, (size_t)(p - a->passages));
	const char *w = b->copies.wire;
	set_value(b, d, SLOT_WIRE, w, strlen(w));
}

/* Work out B->copies for article A: its wire agency, each passage's
 * signature, and the fingerprint of its whole text.  Sticky on b->rc. */
static void article_copies(struct doc_builder *b, const struct article *a)
{
	struct article_copies *c = &b->copies;
	c->a = a;
	c->wire = article_wire(a);
	c->whole = 0;
	if (a->npassages > c->cap) {
		struct copies_sig *v = realloc(c->sig, a->npassages * sizeof *v);
		if (!v) {
			b->rc = DOCKET_NO_MEMORY;
			c->a = NULL;
			return;
		}
		c->sig = v, c->cap = a->npassages;
	}
	XXH3_state_t *st = XXH3_createState();
	if (!st || XXH3_64bits_reset(st) != XXH_OK)
		b->rc = DOCKET_NO_MEMORY;
	size_t words = 0;
	for (size_t i = 0; i < a->npassages && !b->rc; i++) {
		copies_sign(&b->rc, &b->scratch, &c->sig[i], a->passages[i].text,
		            a->passages[i].len);
		XXH3_64bits_update(st, b->scratch.p ? b->scratch.p : "", b->scratch.n);
		XXH3_64bits_update(st, "\n", 1);
		words += b->scratch.n;
	}
	if (words && !b->rc)
		c->whole = XXH3_64bits_digest(st) | 1;
	XXH3_freeState(st);
	if (b->rc)
		c->a = NULL;
}

/* The fingerprint of passage number I (0-based) of the article: its own,
 * or for a passage too short for one, that of its place in the article
 * (only a duplicate of the whole article shares it). */
static uint64_t fingerprint_of(const struct article_copies *c, size_t i)
{
	if (c->sig[i].fingerprint || !c->whole)
		return c->sig[i].fingerprint;
	uint64_t key[2] = {c->whole, (uint64_t)i};
	return XXH3_64bits(key, sizeof key) | 1;
}

/* The copy terms and the signature value of passage number I.  Slot 11
 * (the fingerprint again, as hex) is no longer written: nothing read it
 * (coverage scanned it and counted by article key), and it was 0.19 MB
 * of values at 1k articles. */
static void add_copies(struct doc_builder *b, struct xap_doc *d, size_t i)
{
	const struct copies_sig *sig = &b->copies.sig[i];
	uint64_t fp = fingerprint_of(&b->copies, i);
	if (fp && !sig->nbands) { /* a banded passage's exact copies share
	                           * its bands (copies.cc finds them so): the
	                           * term was 18 bytes on most passages */
		buf_reset(&b->term);
		copies_fingerprint_term(&b->rc, &b->term, fp);
		if (!b->rc && xap_doc_boolean(d, b->term.p, b->term.n))
			b->rc = DOCKET_NO_MEMORY;
	}
	for (unsigned k = 0; k < sig->nbands && !b->rc; k++) {
		buf_reset(&b->term);
		copies_band_term(&b->rc, &b->term, k, sig->band[k]);
		if (!b->rc && xap_doc_boolean(d, b->term.p, b->term.n))
			b->rc = DOCKET_NO_MEMORY;
	}
	char v[COPIES_SIG_MAX];
	size_t n = copies_sig_encode(fp, sig, v);
	if (n && !b->rc && xap_doc_value(d, SLOT_COPY_SIG, v, n))
		b->rc = DOCKET_NO_MEMORY;
}

int document_build(struct doc_builder *b, const struct article *a,
                   const struct passage *p, const char *fkey,
                   struct xap_doc *d)
{
	char akey[ARTICLE_KEY_LEN + 1];
	b->rc = 0;
	size_t i = (size_t)(p - a->passages);
	if (b->copies.a != a || i == 0)
		article_copies(b, a);
	if (b->rc)
		return b->rc;
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
	size_t at = (size_t)(p - a->passages);
	static const struct quote_list none = {NULL, 0, 0};
	const struct quote_list *ql = at < b->nquotes ? &b->quotes[at] : &none;
	for (int f = 0; f < FIELD_LAST; f++)
		add_schema_field(b, d, &schema_fields[f], a, p, ql);
	add_values(b, d, a, p, akey);
	add_speaker_value(b, d, ql);
	if (ql->n)
		add_boolean(b, d, PREFIX_QUOTE, "", 0); /* the marker: it quotes */
	add_copies(b, d, i);
	add_record(b, d, a, p, ql);
	return b->rc;
}

/* Empty the quote lists of the last article. */
static void quotes_reset(struct doc_builder *b)
{
	for (size_t i = 0; i < b->nquotes; i++)
		quote_list_clear(&b->quotes[i]);
	b->nquotes = 0;
}

int document_article(struct doc_builder *b, const struct article *a)
{
	int rc = 0;
	quotes_reset(b);
	if (a->npassages > b->capquotes) {
		struct quote_list *q = realloc(b->quotes, a->npassages * sizeof *q);
		if (!q)
			return DOCKET_NO_MEMORY;
		b->quotes = q;
		b->capquotes = a->npassages;
	}
	struct quote_input *in = malloc((a->npassages ? a->npassages : 1) * sizeof *in);
	if (!in)
		return DOCKET_NO_MEMORY;
	for (size_t i = 0; i < a->npassages; i++) {
		in[i] = (struct quote_input){a->passages[i].text, a->passages[i].len,
		                             a->passages[i].paragraph};
		b->quotes[i] = (struct quote_list){NULL, 0, 0};
	}
	b->nquotes = a->npassages;
	quotes_find(&rc, in, a->npassages, b->quotes);
	free(in);
	return rc;
}

void doc_builder_free(struct doc_builder *b)
{
	quotes_reset(b);
	free(b->quotes);
	buf_free(&b->list);
	buf_free(&b->quoted);
	buf_free(&b->term);
	buf_free(&b->data);
	buf_free(&b->id);
	buf_free(&b->idterm);
	buf_free(&b->key);
	buf_free(&b->case_keys);
	buf_free(&b->scratch);
	free(b->copies.sig);
	b->copies.sig = NULL;
}
