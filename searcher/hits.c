/* hits.c — reading hits (docket_hits_*, docket_hit_* in docket.h): each
 * hit's fields from its record, its highlights and snippet window, its
 * citations.  Everything a hit returns is owned by its query.
 */
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "../common/quotekey.h"
#include "../engine/index.h"
#include "../common/aliases.h"
#include "../common/ids.h"
#include "../common/schema.h"
#include "hits.h"
#include "snippet.h"
#include "copies.h"

static const enum rec_field field_of[DOCKET_FIELD_LAST] = {
	[DOCKET_FIELD_PASSAGE_ID] = REC_PASSAGE_ID,
	[DOCKET_FIELD_ARTICLE_ID] = REC_ARTICLE_ID,
	[DOCKET_FIELD_PATH] = REC_PATH,
	[DOCKET_FIELD_TITLE] = REC_TITLE,
	[DOCKET_FIELD_OUTLET] = REC_OUTLET,
	[DOCKET_FIELD_AUTHOR] = REC_AUTHOR,
	[DOCKET_FIELD_DATE] = REC_DATE,
	[DOCKET_FIELD_URL] = REC_URL,
	[DOCKET_FIELD_SECTION] = REC_SECTION,
	[DOCKET_FIELD_TEXT] = REC_TEXT,
	[DOCKET_FIELD_SNIPPET] = REC_NFIELDS,  /* made, not read */
	[DOCKET_FIELD_CITATION] = REC_NFIELDS, /* made, not read */
	[DOCKET_FIELD_WIRE] = REC_WIRE,
};

static void hit_free(struct docket_hit *h)
{
	for (int f = 0; f < DOCKET_FIELD_LAST; f++)
		free(h->field[f]);
	for (size_t i = 0; i < h->nsources; i++)
		free(h->sources[i]);
	for (size_t i = 0; i < h->nevents; i++)
		free(h->events[i]);
	free(h->events);
	for (int s = 0; s < DOCKET_CITE_LAST; s++)
		free(h->cite[s]);
	for (size_t i = 0; i < h->nexplain; i++)
		free(h->explain[i]);
	free(h->explain);
	free(h->explain_weight);
	free(h->sources);
	for (int l = 0; l < 5; l++) {
		for (size_t i = 0; i < h->nlegal[l]; i++)
			free(h->legal[l][i]);
		free(h->legal[l]);
	}
	free(h->hl);
	free(h->data);
	for (size_t i = 0; i < h->nquotes; i++) {
		free(h->quotes[i].speaker);
		free(h->quotes[i].cue);
		free(h->quotes[i].key);
	}
	free(h->quotes);
	free(h->speakers); /* borrowed from the quotes */
	hit_copies_free(h);
}

void hits_clear(docket_query *q)
{
	for (size_t i = 0; i < q->nhits; i++)
		hit_free(&q->hits[i]);
	free(q->hits);
	q->hits = NULL;
	q->nhits = 0;
	free(q->head.article); /* the index may have moved on by the next run */
	free(q->head.data);
	q->head.article = q->head.data = NULL;
	q->estimated = 0;
	q->iter.i = 0;
	xap_counts_free(q->counts);
	q->counts = NULL;
}

/* The '\n'-joined items of record field F of H as a malloc'd array in
 * *ITEMS, *N of them.  Returns 0 or DOCKET_NO_MEMORY. */
static int split_lines(struct docket_hit *h, enum rec_field f, char ***items,
                       size_t *n)
{
	int rc = 0;
	const char *s = h->rec.f[f], *end = s + h->rec.len[f];
	if (s == end)
		return 0;
	size_t cap = 1;
	for (const char *p = s; p < end; p++)
		cap += *p == '\n';
	if (!(*items = calloc(cap, sizeof **items)))
		return DOCKET_NO_MEMORY;
	while (!rc && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		(*items)[(*n)++] = str_ndup(&rc, s, (size_t)(stop - s));
		s = stop + 1;
	}
	return rc;
}

/* Read the record of the first passage of article ARTICLE into Q->head,
 * unless it is there already; none found leaves Q->head.data NULL.
 * Returns 0 or a docket_status. */
static int read_head(docket_query *q, const char *article)
{
	if (q->head.article && !strcmp(q->head.article, article))
		return 0;
	int rc = 0;
	buf id = BUF_INIT, term = BUF_INIT, out = BUF_INIT;
	free(q->head.article);
	free(q->head.data);
	q->head.article = str_dup(&rc, article);
	q->head.data = NULL;
	passage_id(&rc, &id, article, 1);
	id_term(&rc, &term, id.p ? id.p : "", id.n);
	if (!rc && (rc = xap_get_data(q->idx->db, term.p, &out)) == DOCKET_NOT_FOUND)
		rc = 0; /* the article is gone (read between two commits) */
	else if (!rc) {
		q->head.n = out.n;
		q->head.data = buf_steal(&rc, &out);
	}
	if (rc) {
		free(q->head.article);
		q->head.article = NULL;
	}
	buf_free(&id);
	buf_free(&term);
	buf_free(&out);
	return rc;
}

/* The record holding H's article lists (cases, dockets, courts, judges)
 * into *R: H's own on the article's first passage, else that passage's
 * (schema.h: the lists are written there only), empty when it cannot be
 * read.  Returns 0 or a docket_status. */
static int head_record(docket_query *q, const struct docket_hit *h, struct record *r)
{
	static const struct record none;
	*r = none;
	if (h->ordinal == 1) {
		*r = h->rec;
		return 0;
	}
	int rc = read_head(q, h->field[DOCKET_FIELD_ARTICLE_ID]);
	if (!rc && q->head.data && record_decode(q->head.data, q->head.n, r))
		*r = none; /* damaged: the lists are left out, as a damaged quote is */
	return rc;
}

/* List L (0..4: cases, dockets, courts, judges, record cites) of H from
 * that list's field of the record FROM, each item of the article's lists
 * through the aliases (renamed, or left out when dropped; a merged name
 * listed once).  Returns 0 or DOCKET_NO_MEMORY. */
static int split_legal(docket_query *q, struct docket_hit *h, int l,
                       const struct record *from)
{
	static const enum rec_field rf[5] = {REC_CASES, REC_DOCKETS, REC_COURTS,
	                                     REC_JUDGES, REC_CITES};
	static const enum schema_field sf[5] = {FIELD_CASE, FIELD_DOCKET, FIELD_COURT,
	                                        FIELD_JUDGE, FIELD_EXHIBIT};
	int rc = 0;
	const char *s = from->f[rf[l]], *end = s + from->len[rf[l]];
	struct legal_list out = {NULL, 0, 0};
	while (!rc && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		char *item = str_ndup(&rc, s, (size_t)(stop - s));
		const char *shown = item && l < 4
			? aliases_show(&rc, &q->idx->aliases, sf[l], item) : item;
		if (shown && *shown)
			legal_list_add(&rc, &out, shown, strlen(shown));
		free(item);
		s = stop + 1;
	}
	h->legal[l] = out.v;
	h->nlegal[l] = out.n;
	return rc;
}

/* Read H's article lists (cases, dockets, courts, judges) from its
 * article's first passage, once: they cost a lookup and a document read
 * per article (measured at 1k: 15-30% of a query's median), so only a
 * caller that asks for them pays.  A failure leaves them empty and stops
 * the query's iteration with the status (docket.h, docket_hit_list_count).
 */
static void read_article_lists(struct docket_hit *h)
{
	docket_query *q = h->q;
	struct record head;
	h->lists_read = 1;
	int rc = head_record(q, h, &head);
	for (int l = 0; l < 4 && !rc; l++)
		rc = split_legal(q, h, l, &head);
	if (rc && q->iter.status == DOCKET_OK)
		q->iter.status = rc == DOCKET_NO_MEMORY
			? index_fail(q->idx, rc, "out of memory")
			: index_engine_fail(q->idx, rc); /* the article's head unread */
}

/* The number of code points in TEXT[0..AT). */
static size_t cp_offset(const char *text, size_t at)
{
	size_t n = 0;
	for (size_t i = 0; i < at; i++)
		n += ((unsigned char)text[i] & 0xC0) != 0x80;
	return n;
}

/* Read one "START\tEND\tCUE\tSPEAKER" line S[0..N) into Q; -1 when it is
 * malformed or its span does not lie in TEXT[0..LEN) on character
 * boundaries (a damaged record: the quote is left out). */
static int parse_quote(const char *s, size_t n, const char *text, size_t len,
                       struct hit_quote *q)
{
	char *line = strndup(s, n), *end1, *end2;
	if (!line)
		return -2;
	unsigned long long a = strtoull(line, &end1, 10), b = 0;
	if (*end1 == '\t')
		b = strtoull(end1 + 1, &end2, 10);
	char *cue = *end1 == '\t' && *end2 == '\t' ? end2 + 1 : NULL;
	char *tab = cue ? strchr(cue, '\t') : NULL;
	int bad = !tab || a > b || b > len || ((unsigned char)text[a] & 0xC0) == 0x80 ||
	          (b < len && ((unsigned char)text[b] & 0xC0) == 0x80);
	int rc = 0;
	if (!bad) {
		*tab = '\0';
		q->start = (size_t)a;
		q->end = (size_t)b;
		q->cue = str_dup(&rc, cue);
		q->speaker = str_dup(&rc, tab + 1);
		q->start_cp = cp_offset(text, q->start);
		q->end_cp = q->start_cp + cp_offset(text + q->start, q->end - q->start);
	}
	free(line);
	return rc ? -2 : bad ? -1 : 0;
}

/* Add SPEAKER (borrowed) to the hit's distinct speakers, unless "" or
 * already there. */
static void add_speaker(struct docket_hit *h, char *speaker)
{
	if (!*speaker)
		return;
	for (size_t k = 0; k < h->nspeakers; k++)
		if (!strcmp(h->speakers[k], speaker))
			return;
	h->speakers[h->nspeakers++] = speaker;
}

/* The hit's quotes from its record, and their distinct speakers. */
static int split_quotes(struct docket_hit *h, const char *text, size_t len)
{
	const char *s = h->rec.f[REC_QUOTES], *end = s + h->rec.len[REC_QUOTES];
	size_t n = 0;
	for (const char *p = s; p < end; p++)
		n += *p == '\n';
	if (!n)
		return 0;
	h->quotes = calloc(n, sizeof *h->quotes);
	h->speakers = calloc(n, sizeof *h->speakers);
	if (!h->quotes || !h->speakers)
		return DOCKET_NO_MEMORY;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		struct hit_quote *q = &h->quotes[h->nquotes];
		int r = parse_quote(s, (size_t)(stop - s), text, len, q);
		if (r == -2)
			return DOCKET_NO_MEMORY;
		if (r == 0) {
			h->nquotes++;
			add_speaker(h, q->speaker);
		}
		s = stop + 1;
	}
	return 0;
}

static int copy_fields(struct docket_hit *h)
{
	int rc = 0;
	for (int f = 0; f < DOCKET_FIELD_LAST && !rc; f++) {
		enum rec_field r = field_of[f];
		if (r != REC_NFIELDS)
			h->field[f] = str_ndup(&rc, h->rec.f[r], h->rec.len[r]);
	}
	char num[40]; /* "7" or "7 (part 2)" */
	size_t n = h->rec.len[REC_PARAGRAPH] < 39 ? h->rec.len[REC_PARAGRAPH] : 39;
	memcpy(num, h->rec.f[REC_PARAGRAPH], n);
	num[n] = '\0';
	h->paragraph = atoi(num);
	const char *part = strstr(num, "(part ");
	h->part = part ? atoi(part + 6) : 0;
	n = h->rec.len[REC_ORDINAL] < 15 ? h->rec.len[REC_ORDINAL] : 15;
	memcpy(num, h->rec.f[REC_ORDINAL], n);
	num[n] = '\0';
	h->ordinal = atoi(num);
	return rc;
}

/* Keep only the highlights inside the snippet window: what a reader is
 * shown is what is marked (the window never cuts a highlight in two). */
static void keep_inside(struct docket_hit *h)
{
	size_t k = 0;
	for (size_t i = 0; i < h->nhl; i++)
		if (h->hl[i].start >= h->snip_start && h->hl[i].end <= h->snip_end)
			h->hl[k++] = h->hl[i];
	h->nhl = k;
}

int hit_fill(docket_query *q, struct docket_hit *h, char *data, size_t n)
{
	h->data = data;
	if (!data)
		return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	if (record_decode(data, n, &h->rec))
		return index_fail(q->idx, DOCKET_CORRUPT,
		                  "%s: a passage record is damaged", q->idx->path);
	int rc = copy_fields(h);
	if (!rc)
		rc = split_lines(h, REC_SOURCES, &h->sources, &h->nsources);
	if (!rc)
		rc = split_lines(h, REC_EVENT_DATES, &h->events, &h->nevents);
	if (!rc)
		rc = split_legal(q, h, 4, &h->rec); /* the passage's own cites */
	h->q = q; /* the article's lists wait for a caller (read_article_lists) */
	const char *text = h->field[DOCKET_FIELD_TEXT];
	size_t len = rc ? 0 : strlen(text);
	if (!rc)
		rc = split_quotes(h, text, len);
	if (!rc)
		rc = highlight_find(&q->hl, FIELD_BODY, q->idx->stem, text, len,
		                    &h->hl, &h->nhl);
	if (!rc) {
		/* A passage shown in context is shown whole. */
		size_t target = q->passage_id ? len : (size_t)q->opt[DOCKET_QUERY_SNIPPET_BYTES];
		snippet_choose(&q->hl, text, len, h->hl, h->nhl, target,
		               &h->snip_start, &h->snip_end);
		keep_inside(h);
		h->field[DOCKET_FIELD_SNIPPET] =
			str_ndup(&rc, text + h->snip_start, h->snip_end - h->snip_start);
	}
	if (rc)
		return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	return 0;
}

int hit_explain(struct docket_hit *h, const char *explain)
{
	int rc = 0;
	size_t n = 0;
	if (!explain)
		return 0;
	for (const char *p = explain; *p; p++)
		n += *p == '\n';
	h->explain = calloc(n ? n : 1, sizeof *h->explain);
	h->explain_weight = calloc(n ? n : 1, sizeof *h->explain_weight);
	if (!h->explain || !h->explain_weight)
		return DOCKET_NO_MEMORY;
	for (const char *line = explain; !rc && *line;) {
		const char *tab = strchr(line, '\t'), *nl = strchr(line, '\n');
		if (!tab || !nl || tab > nl)
			break;
		h->explain_weight[h->nexplain] = strtod(tab + 1, NULL);
		h->explain[h->nexplain++] = str_ndup(&rc, line, (size_t)(tab - line));
		line = nl + 1;
	}
	return rc;
}

DOCKET_EXPORT size_t docket_hit_explain_count(const docket_hit *hit)
{
	return hit ? hit->nexplain : 0;
}

DOCKET_EXPORT const char *docket_hit_explain(const docket_hit *hit, size_t i,
                                             double *weight)
{
	int ok = hit && i < hit->nexplain;
	if (weight)
		*weight = ok ? hit->explain_weight[i] : 0;
	return ok ? hit->explain[i] : "";
}

DOCKET_EXPORT int docket_hits_valid(const docket_hits *hits)
{
	return hits && hits->status == DOCKET_OK && hits->i < hits->q->nhits;
}

DOCKET_EXPORT void docket_hits_next(docket_hits *hits)
{
	if (docket_hits_valid(hits))
		hits->i++;
}

DOCKET_EXPORT docket_status docket_hits_status(const docket_hits *hits)
{
	return hits ? hits->status : DOCKET_BAD_ARGUMENT;
}

DOCKET_EXPORT const docket_hit *docket_hits_get(const docket_hits *hits)
{
	return docket_hits_valid(hits) ? &hits->q->hits[hits->i] : NULL;
}

DOCKET_EXPORT size_t docket_hits_count(const docket_hits *hits)
{
	return hits ? hits->q->nhits : 0;
}

DOCKET_EXPORT const char *docket_hit_field(const docket_hit *hit,
                                           docket_field field)
{
	if (!hit || (unsigned)field >= DOCKET_FIELD_LAST)
		return "";
	if (field == DOCKET_FIELD_CITATION) {
		const char *c = docket_hit_citation(hit, DOCKET_CITE_PLAIN);
		return c ? c : "";
	}
	return hit->field[field] ? hit->field[field] : "";
}

DOCKET_EXPORT double docket_hit_score(const docket_hit *hit)
{
	return hit ? hit->score : 0;
}

DOCKET_EXPORT size_t docket_hit_rank(const docket_hit *hit)
{
	return hit ? hit->rank : 0;
}

DOCKET_EXPORT int docket_hit_paragraph(const docket_hit *hit)
{
	return hit ? hit->paragraph : 0;
}

DOCKET_EXPORT int docket_hit_part(const docket_hit *hit)
{
	return hit ? hit->part : 0;
}

DOCKET_EXPORT int docket_hit_ordinal(const docket_hit *hit)
{
	return hit ? hit->ordinal : 0;
}

DOCKET_EXPORT size_t docket_hit_source_count(const docket_hit *hit)
{
	return hit ? hit->nsources : 0;
}

DOCKET_EXPORT const char *docket_hit_source(const docket_hit *hit, size_t i)
{
	return hit && i < hit->nsources ? hit->sources[i] : "";
}

/* The items of list LIST of H into *ITEMS; their count (0: none, or LIST
 * unknown). */
static size_t hit_list(const docket_hit *h, docket_list list,
                       char *const **items)
{
	switch (list) {
	case DOCKET_LIST_SOURCES:
		*items = h->sources;
		return h->nsources;
	case DOCKET_LIST_CASES:
	case DOCKET_LIST_DOCKETS:
	case DOCKET_LIST_COURTS:
	case DOCKET_LIST_JUDGES:
		if (!h->lists_read) /* the hit is the query's: filled in place */
			read_article_lists((struct docket_hit *)h);
		/* fall through */
	case DOCKET_LIST_RECORD_CITES:
		*items = h->legal[list - DOCKET_LIST_CASES];
		return h->nlegal[list - DOCKET_LIST_CASES];
	case DOCKET_LIST_SPEAKERS:
		*items = h->speakers;
		return h->nspeakers;
	case DOCKET_LIST_EVENT_DATES:
		*items = h->events;
		return h->nevents;
	default:
		*items = NULL;
		return 0;
	}
}

DOCKET_EXPORT size_t docket_hit_list_count(const docket_hit *hit,
                                           docket_list list)
{
	char *const *items;
	return hit ? hit_list(hit, list, &items) : 0;
}

DOCKET_EXPORT const char *docket_hit_list_item(const docket_hit *hit,
                                               docket_list list, size_t i)
{
	char *const *items;
	if (!hit || i >= hit_list(hit, list, &items))
		return "";
	return items[i];
}

DOCKET_EXPORT void docket_hit_snippet_range(const docket_hit *hit,
                                            size_t *start, size_t *end)
{
	if (start)
		*start = hit ? hit->snip_start : 0;
	if (end)
		*end = hit ? hit->snip_end : 0;
}

DOCKET_EXPORT size_t docket_hit_highlight_count(const docket_hit *hit)
{
	return hit ? hit->nhl : 0;
}

DOCKET_EXPORT void docket_hit_highlight(const docket_hit *hit, size_t i,
                                        size_t *start, size_t *end)
{
	int ok = hit && i < hit->nhl;
	if (start)
		*start = ok ? hit->hl[i].start : 0;
	if (end)
		*end = ok ? hit->hl[i].end : 0;
}

DOCKET_EXPORT const char *docket_hit_citation(const docket_hit *hit,
                                              docket_cite_style style)
{
	if (!hit || (unsigned)style >= DOCKET_CITE_LAST)
		return NULL;
	struct docket_hit *h = (struct docket_hit *)hit; /* a cache, not state */
	if (!h->cite[style]) {
		int rc = 0;
		buf out = BUF_INIT;
		cite_format(&rc, &out, &h->rec, (int)style);
		h->cite[style] = buf_steal(&rc, &out);
		buf_free(&out);
	}
	return h->cite[style];
}

DOCKET_EXPORT size_t docket_hit_quote_count(const docket_hit *hit)
{
	return hit ? hit->nquotes : 0;
}

DOCKET_EXPORT void docket_hit_quote(const docket_hit *hit, size_t i,
                                    size_t *start, size_t *end,
                                    const char **speaker, const char **cue)
{
	const struct hit_quote *q = hit && i < hit->nquotes ? &hit->quotes[i] : NULL;
	if (start)
		*start = q ? q->start : 0;
	if (end)
		*end = q ? q->end : 0;
	if (speaker)
		*speaker = q ? q->speaker : "";
	if (cue)
		*cue = q ? q->cue : "";
}

DOCKET_EXPORT void docket_hit_quote_cp(const docket_hit *hit, size_t i,
                                       size_t *start_cp, size_t *end_cp)
{
	const struct hit_quote *q = hit && i < hit->nquotes ? &hit->quotes[i] : NULL;
	if (start_cp)
		*start_cp = q ? q->start_cp : 0;
	if (end_cp)
		*end_cp = q ? q->end_cp : 0;
}

DOCKET_EXPORT const char *docket_hit_quote_key(const docket_hit *hit, size_t i)
{
	if (!hit || i >= hit->nquotes)
		return "";
	struct hit_quote *q = &((struct docket_hit *)hit)->quotes[i]; /* a cache */
	if (!q->key) {
		int rc = 0;
		buf out = BUF_INIT;
		quote_key(&rc, &out, hit->field[DOCKET_FIELD_TEXT] + q->start, q->end - q->start);
		q->key = buf_steal(&rc, &out);
		buf_free(&out);
	}
	return q->key ? q->key : "";
}

DOCKET_EXPORT int docket_quote_key_contains(const char *longer, const char *shorter)
{
	return longer && shorter && quote_key_contains(longer, shorter);
}
