/* document.c — passage to index document (see document.h, schema.h). */
#include "document.h"

#define TERM_MAX 240 /* Xapian's limit is 245 bytes */

#include <stdio.h>
#include <string.h>

#include <stdlib.h>
#include <xxhash.h>

#include "../common/copies.h"
#include "../common/ids.h"
#include "../common/record.h"
#include "../common/schema.h"
#include "../common/stem.h"
#include "../common/token.h"
#include "../engine/engine.h"
#include "../docket.h"
#include "wire.h"

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

static size_t field_names(struct doc_builder *b, enum schema_field f,
                          const struct passage *p, char *const **names)
{
	switch (f) {
	case FIELD_SOURCE: *names = p->sources; return p->nsources;
	case FIELD_WIRE:
		*names = (char *const *)&b->copies.wire;
		return b->copies.wire[0] ? 1 : 0;
	default: return 0;
	}
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
	size_t n = field_names(b, row->id, p, &names);
	for (size_t i = 0; i < n; i++)
		add_boolean(b, d, row->prefix, names[i], strlen(names[i]));
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
	set_field(&r, REC_WIRE, b->copies.wire);
	buf_reset(&b->data);
	record_encode(&b->rc, &b->data, &r);
	if (!b->rc && xap_doc_data(d, b->data.p, b->data.n))
		b->rc = DOCKET_NO_MEMORY;
	buf_free(&sources);
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
	const char *w = b->copies.wire;
	if (!b->rc && w[0] && xap_doc_value(d, SLOT_WIRE, w, strlen(w)))
		b->rc = DOCKET_NO_MEMORY;
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

/* The copy terms and the copy-group value of passage number I. */
static void add_copies(struct doc_builder *b, struct xap_doc *d, size_t i)
{
	const struct copies_sig *sig = &b->copies.sig[i];
	uint64_t fp = fingerprint_of(&b->copies, i);
	if (fp) {
		buf_reset(&b->term);
		copies_fingerprint_term(&b->rc, &b->term, fp);
		if (!b->rc && (xap_doc_boolean(d, b->term.p, b->term.n) ||
		               xap_doc_value(d, SLOT_COPY_GROUP, b->term.p + 2,
		                             b->term.n - 2)))
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
	for (int f = 0; f < FIELD_LAST; f++)
		add_schema_field(b, d, &schema_fields[f], a, p);
	add_values(b, d, a, akey);
	add_copies(b, d, i);
	add_record(b, d, a, p);
	return b->rc;
}

void doc_builder_free(struct doc_builder *b)
{
	buf_free(&b->term);
	buf_free(&b->data);
	buf_free(&b->id);
	buf_free(&b->idterm);
	buf_free(&b->scratch);
	free(b->copies.sig);
	b->copies.sig = NULL;
}
