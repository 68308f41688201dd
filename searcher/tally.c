/* tally.c — counts over every match of a query: facets, timelines and
 * coverage (docket_query_facets, _timeline, _coverage in docket.h).
 *
 * Each asks the engine to scan every matching passage with the value slots
 * it needs (xap_scan: exact on local and remote shards), counts as the rows
 * come (distinct articles through interned (value, article) pairs,
 * searcher/strmap.h), and writes a table (searcher/table.h).  The facet
 * fields are one table, facet_rows: a field is one row.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/copies.h"
#include "../common/days.h"
#include "../common/record.h"
#include "../common/schema.h"
#include "../engine/engine.h"
#include "../engine/index.h"
#include "../engine/valuelist.h"
#include "query.h"
#include "strmap.h"
#include "table.h"

enum { TABLE_FACETS, TABLE_TIMELINE, TABLE_COVERAGE };
enum derive { AS_IS, MONTH, YEAR };

/* One field --facets can name. */
struct facet_row {
	const char *name;   /* as named in --facets */
	int slot;           /* the value slot counted */
	int list;           /* the slot holds a list (schema.h) */
	enum derive derive; /* MONTH, YEAR: cut from a YYYYMMDD date */
	int indexed;        /* 0 until a feature fills the slot */
	const char *by;     /* what fills it, for the error while it is 0 */
	int column;         /* the facet column counting it (XAP_FACET_*,
	                     * engine/columns.cc), or -1: value slots only */
};

/* Adding a facet field is one row: its slot (schema.h) and whether it
 * holds a list. */
static const struct facet_row facet_rows[] = {
	{"outlet", SLOT_OUTLET, 0, AS_IS, 1, NULL, XAP_FACET_OUTLET},
	{"source", SLOT_SOURCES, 1, AS_IS, 1, NULL, XAP_FACET_SOURCE},
	{"author", SLOT_AUTHOR, 0, AS_IS, 1, NULL, XAP_FACET_AUTHOR},
	{"month", SLOT_DATE, 0, MONTH, 1, NULL, XAP_FACET_MONTH},
	{"year", SLOT_DATE, 0, YEAR, 1, NULL, XAP_FACET_YEAR},
	{"case", SLOT_CASES, 1, AS_IS, 1, NULL, -1},
	{"court", SLOT_COURTS, 1, AS_IS, 1, NULL, -1},
	{"judge", SLOT_JUDGES, 1, AS_IS, 1, NULL, -1},
	{"speaker", SLOT_SPEAKERS, 1, AS_IS, 1, NULL, -1},
	{"wire", SLOT_WIRE, 0, AS_IS, 1, NULL, -1},
};
#define NFACET_ROWS (sizeof facet_rows / sizeof *facet_rows)
#define FACETS_MAX 16
#define NODAY INT_MIN

/* ---------------------------------------------------------------- common */

/* A growable array of size_t counters, indexed by interned id. */
struct counts {
	size_t *v;
	size_t cap;
};

/* Counter ID of C (grown as needed, new ones 0); NULL when out of memory. */
static size_t *count_at(struct counts *c, size_t id)
{
	if (id >= c->cap) {
		size_t cap = c->cap ? c->cap : 64;
		while (cap <= id)
			cap *= 2;
		size_t *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return NULL;
		memset(v + c->cap, 0, (cap - c->cap) * sizeof *v);
		c->v = v, c->cap = cap;
	}
	return &c->v[id];
}

/* The day of a YYYYMMDD value, or NODAY. */
static int ymd_day(const char *p, size_t n)
{
	char iso[11];
	int z;
	if (n != 8)
		return NODAY;
	memcpy(iso, p, 4);
	iso[4] = '-';
	memcpy(iso + 5, p + 4, 2);
	iso[7] = '-';
	memcpy(iso + 8, p + 6, 2);
	iso[10] = '\0';
	return days_parse_iso(iso, &z) ? NODAY : z;
}

/* The id of the pair (A, S[0..N)) in M: a key of A's bytes, then S. */
static size_t pair_id(struct strmap *m, size_t a, const char *s, size_t n, int *added)
{
	char key[256];
	if (n > sizeof key - sizeof a)
		n = sizeof key - sizeof a;
	memcpy(key, &a, sizeof a);
	memcpy(key + sizeof a, s, n);
	return strmap_intern(m, key, sizeof a + n, added);
}

/* Replace Q's table WHICH by T (NULL: just free it). */
static void keep_table(docket_query *q, int which, struct docket_table *t)
{
	table_free(q->table[which]);
	q->table[which] = t;
}

static int no_memory(docket_query *q)
{
	return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
}

/* ---------------------------------------------------------------- facets */

struct facet_count {
	const struct facet_row *row;
	struct strmap values;   /* value -> id */
	size_t last;            /* the id of the previous row's value */
	struct strmap pairs;    /* (value id, article) seen */
	struct counts passages; /* by value id */
	struct counts articles; /* by value id */
	struct counts run;      /* by value id: 1 + the article run that last
	                         * counted it, so that the passages of one
	                         * article (a run in the scan) skip the pair
	                         * lookup: it halved the facets' CPU time */
};

struct facets {
	struct facet_count f[FACETS_MAX];
	size_t n;
	size_t run;                /* article runs met so far */
	char art[64];              /* the current run's article key */
	size_t artlen;
	int slots[FACETS_MAX + 1]; /* the article slot, then each field's */
};

static void facets_reset(struct facets *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		struct facet_count *c = &fs->f[i];
		strmap_free(&c->values);
		strmap_free(&c->pairs);
		free(c->passages.v);
		free(c->articles.v);
		free(c->run.v);
		c->passages = c->articles = c->run = (struct counts){NULL, 0};
		c->last = STRMAP_NONE;
	}
	fs->run = fs->artlen = 0;
}

/* Count value S[0..N) of field C for the passage of article ART. */
static int count_value(struct facet_count *c, const char *s, size_t n,
                       const struct xap_value *art, size_t run)
{
	if (c->row->derive != AS_IS)
		n = n == 8 ? (c->row->derive == MONTH ? 7 : 4) : 0;
	char month[8];
	if (c->row->derive == MONTH && n) {
		memcpy(month, s, 4), month[4] = '-', memcpy(month + 5, s + 4, 2);
		s = month;
	}
	if (!n)
		return 0;
	int added = 0;
	size_t id = strmap_intern_last(&c->values, &c->last, s, n, NULL);
	size_t *p = id == STRMAP_NONE ? NULL : count_at(&c->passages, id);
	size_t *a = p ? count_at(&c->articles, id) : NULL;
	size_t *r = a ? count_at(&c->run, id) : NULL;
	if (!r)
		return DOCKET_NO_MEMORY;
	if (*r != run + 1 && pair_id(&c->pairs, id, art->p, art->n, &added) == STRMAP_NONE)
		return DOCKET_NO_MEMORY;
	*r = run + 1;
	++*p;
	*a += (size_t)added;
	return 0;
}

static int facet_row_fn(void *ctx, const struct xap_value *v,
                        const struct xap_row *row)
{
	struct facets *fs = ctx;
	(void)row;
	if (!v) {
		facets_reset(fs);
		return 0;
	}
	int rc = 0;
	if (v[0].n != fs->artlen || v[0].n > sizeof fs->art || memcmp(v[0].p, fs->art, v[0].n)) {
		fs->run++;
		fs->artlen = v[0].n <= sizeof fs->art ? v[0].n : 0;
		memcpy(fs->art, v[0].p, fs->artlen);
	}
	for (size_t i = 0; i < fs->n && !rc; i++) {
		const struct xap_value *val = &v[1 + i];
		if (!fs->f[i].row->list) {
			rc = count_value(&fs->f[i], val->p, val->n, &v[0], fs->run);
			continue;
		}
		struct valuelist_iter it;
		const char *s;
		size_t n;
		valuelist_begin(&it, val->p, val->n);
		while (!rc && valuelist_next(&it, &s, &n))
			rc = count_value(&fs->f[i], s, n, &v[0], fs->run);
	}
	return rc;
}

/* The facet row named S[0..N), or NULL. */
static const struct facet_row *facet_named(const char *s, size_t n)
{
	for (size_t i = 0; i < NFACET_ROWS; i++)
		if (strlen(facet_rows[i].name) == n && !memcmp(facet_rows[i].name, s, n))
			return &facet_rows[i];
	return NULL;
}

/* Read the comma-separated FIELDS into FS; an error naming a bad one. */
static int facets_parse(docket_query *q, const char *fields, struct facets *fs)
{
	const char *p = fields;
	fs->slots[0] = SLOT_ARTICLE;
	while (*p) {
		size_t n = strcspn(p, ",");
		const char *w = p;
		p += n + (p[n] == ',');
		while (n && *w == ' ')
			w++, n--;
		while (n && w[n - 1] == ' ')
			n--;
		const struct facet_row *r = facet_named(w, n);
		if (!r)
			return index_fail(q->idx, DOCKET_BAD_ARGUMENT,
			                  "unknown facet field '%.*s' (fields: outlet, source, "
			                  "author, month, year, case, court, judge, speaker, wire)",
			                  (int)n, w);
		if (!r->indexed)
			return index_fail(q->idx, DOCKET_UNSUPPORTED,
			                  "facet field '%s' is not indexed yet (value slot %d "
			                  "is filled by %s)", r->name, r->slot, r->by);
		if (fs->n == FACETS_MAX)
			return index_fail(q->idx, DOCKET_BAD_ARGUMENT, "too many facet fields");
		fs->f[fs->n].row = r;
		fs->slots[1 + fs->n++] = r->slot;
	}
	if (!fs->n)
		return index_fail(q->idx, DOCKET_BAD_ARGUMENT, "no facet field named");
	return 0;
}

static const struct facet_count *sort_facet; /* for by_passages */

/* Most passages first, then by value. */
static int by_passages(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	size_t px = sort_facet->passages.v[x], py = sort_facet->passages.v[y];
	if (px != py)
		return px > py ? -1 : 1;
	return strcmp(sort_facet->values.key[x], sort_facet->values.key[y]);
}

static void facet_rows_out(int *rc, struct docket_table *t,
                           const struct facet_count *c, size_t limit)
{
	size_t n = c->values.n;
	size_t *ids = malloc((n ? n : 1) * sizeof *ids);
	if (!ids) {
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	for (size_t i = 0; i < n; i++)
		ids[i] = i;
	sort_facet = c;
	qsort(ids, n, sizeof *ids, by_passages);
	if (!n) { /* every field asked for shows, even without values */
		size_t r = table_row(rc, t);
		table_set(rc, t, r, 0, c->row->name);
		table_set(rc, t, r, 2, "0");
		table_set(rc, t, r, 3, "0");
	}
	for (size_t k = 0; k < n && (!limit || k < limit) && !*rc; k++) {
		size_t r = table_row(rc, t);
		table_set(rc, t, r, 0, c->row->name);
		table_set(rc, t, r, 1, c->values.key[ids[k]]);
		table_setf(rc, t, r, 2, "%zu", c->articles.v[ids[k]]);
		table_setf(rc, t, r, 3, "%zu", c->passages.v[ids[k]]);
	}
	free(ids);
}

/* The facet columns' fields FS counts (XAP_FACET_* bits), or 0 when one
 * of them has no column. */
static unsigned column_mask(const struct facets *fs)
{
	unsigned mask = 0;
	for (size_t i = 0; i < fs->n; i++) {
		if (fs->f[i].row->column < 0)
			return 0;
		mask |= 1u << fs->f[i].row->column;
	}
	return mask;
}

/* Set the counts of VALUE[0..N) in every field of FS counted by column
 * FIELD (xap_counts_each). */
static int take_count(void *ctx, int field, const char *value, size_t n,
                      size_t passages, size_t articles)
{
	struct facets *fs = ctx;
	for (size_t i = 0; i < fs->n; i++) {
		struct facet_count *c = &fs->f[i];
		if (c->row->column != field)
			continue;
		size_t id = strmap_intern(&c->values, value, n, NULL);
		size_t *p = id == STRMAP_NONE ? NULL : count_at(&c->passages, id);
		size_t *a = p ? count_at(&c->articles, id) : NULL;
		if (!a)
			return DOCKET_NO_MEMORY;
		*p = passages;
		*a = articles;
	}
	return 0;
}

/* With DOCKET_COUNT_TRACE set, say on stderr how facets were counted (a
 * diagnostic, for the tests: the three ways give the same numbers, so
 * only this tells them apart). */
static void trace_counts(const char *how)
{
	if (getenv("DOCKET_COUNT_TRACE"))
		fprintf(stderr, "docket: facets counted %s\n", how);
}

/* Count the facets FS from the counts the run made, else from the facet
 * columns, else from the value slots: the same numbers three ways, the
 * fastest first (engine/columns.cc).  DOCKET_NO_COLUMNS makes it
 * the value slots (for comparing the three). */
static int count_facets(docket_query *q, struct facets *fs)
{
	unsigned mask = column_mask(fs);
	if (mask && q->counts && !(mask & ~xap_counts_mask(q->counts))) {
		trace_counts("in the search's pass");
		return xap_counts_each(q->counts, take_count, fs);
	}
	struct xap_counts *c = NULL;
	int rc = mask && !getenv("DOCKET_NO_COLUMNS") ? query_count(q, mask, &c)
	                                                : DOCKET_UNSUPPORTED;
	if (rc == DOCKET_OK) {
		trace_counts("from the facet columns");
		rc = xap_counts_each(c, take_count, fs);
	}
	xap_counts_free(c);
	if (rc != DOCKET_UNSUPPORTED)
		return rc;
	index_clear_error(q->idx);
	trace_counts("from the value slots");
	return query_scan(q, fs->slots, 1 + fs->n, facet_row_fn, fs);
}

DOCKET_EXPORT docket_status docket_query_want_facets(docket_query *q,
                                                     const char *fields)
{
	if (!q || q->passage_id)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(q->idx);
	q->count_mask = 0;
	if (!fields || !*fields)
		return DOCKET_OK;
	struct facets fs;
	memset(&fs, 0, sizeof fs);
	int rc = facets_parse(q, fields, &fs);
	if (!rc && !getenv("DOCKET_NO_COLUMNS"))
		q->count_mask = column_mask(&fs);
	return rc;
}

DOCKET_EXPORT docket_status docket_query_facets(docket_query *q,
                                                const char *fields,
                                                size_t limit,
                                                const docket_table **out)
{
	static const char *const cols[] = {"field", "value", "articles", "passages"};
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!q || !fields || q->passage_id)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(q->idx);
	struct facets fs;
	memset(&fs, 0, sizeof fs);
	int rc = facets_parse(q, fields, &fs);
	if (!rc)
		rc = count_facets(q, &fs);
	struct docket_table *t = rc ? NULL : table_new(cols, 4);
	if (!rc && !t)
		rc = DOCKET_NO_MEMORY;
	for (size_t i = 0; !rc && i < fs.n; i++)
		facet_rows_out(&rc, t, &fs.f[i], limit);
	facets_reset(&fs);
	if (rc == DOCKET_NO_MEMORY)
		no_memory(q);
	keep_table(q, TABLE_FACETS, rc ? (table_free(t), NULL) : t);
	*out = q->table[TABLE_FACETS];
	return rc;
}

/* -------------------------------------------------------------- timeline */

/* One passage in one period. */
struct tl_hit {
	int period;     /* the first day of the period */
	size_t series;  /* its outlet's id with PER_OUTLET, else 0 */
	size_t art;     /* article id */
	size_t outlet;  /* outlet id */
};

/* The earliest published passage of a bucket so far. */
struct tl_first {
	int published;  /* its article's day, INT_MAX when undated */
	size_t art;     /* its article id, STRMAP_NONE while none */
	unsigned where; /* where its document is (xap_row_where) */
	unsigned docid;
};

struct timeline {
	enum days_unit unit;
	int event, per_outlet;
	struct tl_hit *h;
	size_t n, cap;
	struct strmap arts, outlets;
	struct strmap buckets;   /* (series, period) -> id */
	size_t last_art, last_outlet, last_bucket; /* the previous row's ids */
	struct tl_first *first;  /* by bucket id */
	size_t nfirst;           /* allocated */
	size_t skipped;          /* passages without the date asked for */
};

static void timeline_reset(struct timeline *tl)
{
	free(tl->h);
	tl->h = NULL;
	tl->n = tl->cap = tl->skipped = 0;
	free(tl->first);
	tl->first = NULL;
	tl->nfirst = 0;
	strmap_free(&tl->arts);
	strmap_free(&tl->outlets);
	strmap_free(&tl->buckets);
	tl->last_art = tl->last_outlet = tl->last_bucket = STRMAP_NONE;
}

/* The bucket id of (SERIES, PERIOD); STRMAP_NONE when out of memory. */
static size_t bucket_id(struct timeline *tl, size_t series, int period)
{
	char key[sizeof series + sizeof period];
	memcpy(key, &series, sizeof series);
	memcpy(key + sizeof series, &period, sizeof period);
	size_t id = strmap_intern_last(&tl->buckets, &tl->last_bucket, key, sizeof key, NULL);
	if (id == STRMAP_NONE || id < tl->nfirst)
		return id;
	size_t n = tl->nfirst ? tl->nfirst * 2 : 64;
	while (n <= id)
		n *= 2;
	struct tl_first *f = realloc(tl->first, n * sizeof *f);
	if (!f)
		return STRMAP_NONE;
	memset(f + tl->nfirst, 0, (n - tl->nfirst) * sizeof *f);
	for (size_t i = tl->nfirst; i < n; i++)
		f[i].published = INT_MAX, f[i].art = STRMAP_NONE;
	tl->first = f, tl->nfirst = n;
	return id;
}

/* Make ROW's passage the first of bucket F when it was published earlier:
 * by day, then article key; within an article the first seen, which is
 * its first passage (an article's passages sit in one shard, in docid
 * order, and every scan meets a shard's documents in docid order) — so
 * the answer is the same however the index is sharded.  Only where the
 * document is is kept; the winners' records are read at the end
 * (first_cells): reading a record at each change of the leader was a
 * fifth of the timeline's time, in zlib. */
static void consider_first(const struct timeline *tl, struct tl_first *f,
                           int published, size_t art, const struct xap_row *row)
{
	if (f->art != STRMAP_NONE &&
	    (published > f->published ||
	     (published == f->published && strcmp(tl->arts.key[art], tl->arts.key[f->art]) >= 0)))
		return;
	f->published = published, f->art = art;
	xap_row_where(row, &f->where, &f->docid);
}

/* Cells 6..8 of row R: the passage id, outlet and date of bucket F's
 * first passage, read from its record. */
static void first_cells(int *rc, docket_query *q, struct docket_table *t, size_t r,
                        const struct tl_first *f)
{
	static const enum rec_field fields[3] = {REC_PASSAGE_ID, REC_OUTLET, REC_DATE};
	buf data = BUF_INIT;
	struct record rec;
	if (*rc || f->art == STRMAP_NONE)
		return;
	int e = xap_data_at(q->idx->db, f->where, f->docid, &data);
	if (e)
		*rc = index_engine_fail(q->idx, e);
	else if (record_decode(data.p, data.n, &rec))
		*rc = index_fail(q->idx, DOCKET_CORRUPT, "%s: a passage record is damaged",
		                 q->idx->path);
	for (int k = 0; k < 3 && !*rc; k++) {
		char *cell = str_ndup(rc, rec.f[fields[k]], rec.len[fields[k]]);
		table_set(rc, t, r, 6 + (size_t)k, cell ? cell : "");
		free(cell);
	}
	buf_free(&data);
}

static int tl_push(struct timeline *tl, const struct tl_hit *h, int published,
                   const struct xap_row *row)
{
	if (tl->n == tl->cap) {
		size_t cap = tl->cap ? tl->cap * 2 : 256;
		struct tl_hit *nh = realloc(tl->h, cap * sizeof *nh);
		if (!nh)
			return DOCKET_NO_MEMORY;
		tl->h = nh, tl->cap = cap;
	}
	tl->h[tl->n++] = *h;
	size_t id = bucket_id(tl, h->series, h->period);
	if (id == STRMAP_NONE)
		return DOCKET_NO_MEMORY;
	consider_first(tl, &tl->first[id], published, h->art, row);
	return 0;
}

/* Slots read: 0 date, 1 article, 2 outlet, and 13 event dates with
 * DOCKET_DATE_EVENT. */
static int timeline_row_fn(void *ctx, const struct xap_value *v,
                           const struct xap_row *row)
{
	struct timeline *tl = ctx;
	if (!v) {
		timeline_reset(tl);
		return 0;
	}
	int day = ymd_day(v[0].p, v[0].n), published = day == NODAY ? INT_MAX : day;
	struct tl_hit h = {0, 0, strmap_intern_last(&tl->arts, &tl->last_art, v[1].p, v[1].n, NULL),
	                   strmap_intern_last(&tl->outlets, &tl->last_outlet, v[2].p, v[2].n, NULL)};
	if (h.art == STRMAP_NONE || h.outlet == STRMAP_NONE)
		return DOCKET_NO_MEMORY;
	h.series = tl->per_outlet ? h.outlet : 0;
	if (!tl->event) {
		if (day == NODAY)
			return tl->skipped++, 0;
		h.period = days_period_start(day, tl->unit);
		return tl_push(tl, &h, published, row);
	}
	struct valuelist_iter it;
	const char *s;
	size_t n, before = tl->n;
	int rc = 0;
	valuelist_begin(&it, v[3].p, v[3].n);
	while (!rc && valuelist_next(&it, &s, &n)) {
		int z = ymd_day(s, n);
		if (z == NODAY)
			continue;
		h.period = days_period_start(z, tl->unit);
		int seen = 0; /* a passage counts once per period */
		for (size_t k = before; k < tl->n && !seen; k++)
			seen = tl->h[k].period == h.period;
		if (!seen)
			rc = tl_push(tl, &h, published, row);
	}
	if (!rc && tl->n == before)
		tl->skipped++;
	return rc;
}

static const struct timeline *sort_tl; /* for the comparators */

static int by_series_period(const void *a, const void *b)
{
	const struct tl_hit *x = a, *y = b;
	if (x->series != y->series) {
		if (!sort_tl->per_outlet)
			return x->series < y->series ? -1 : 1;
		int c = strcmp(sort_tl->outlets.key[x->series], sort_tl->outlets.key[y->series]);
		if (c)
			return c;
		return x->series < y->series ? -1 : 1;
	}
	return (x->period > y->period) - (x->period < y->period);
}

/* Stamps for counting distinct ids per bucket. */
struct stamps {
	size_t *v;
	size_t n;
};

static int stamp_new(struct stamps *s, size_t n)
{
	s->v = calloc(n ? n : 1, sizeof *s->v);
	s->n = n;
	return s->v ? 0 : -1;
}

/* The rows of one period [START, NEXT) of SERIES from H[0..N) (the
 * hits of that period). */
static void bucket_out(int *rc, docket_query *q, struct docket_table *t,
                       struct timeline *tl,
                       int start, int next, const struct tl_hit *h, size_t n, struct stamps *sa,
                       struct stamps *so, size_t stamp, const char *outlet)
{
	size_t arts = 0, outs = 0;
	for (size_t k = 0; k < n; k++) {
		if (sa->v[h[k].art] != stamp)
			sa->v[h[k].art] = stamp, arts++;
		if (tl->outlets.len[h[k].outlet] && so->v[h[k].outlet] != stamp)
			so->v[h[k].outlet] = stamp, outs++;
	}
	char a[11], b[11];
	days_format(start, a);
	days_format(next - 1, b);
	size_t r = table_row(rc, t);
	table_set(rc, t, r, 0, a);
	table_set(rc, t, r, 1, b);
	table_set(rc, t, r, 2, outlet);
	table_setf(rc, t, r, 3, "%zu", arts);
	table_setf(rc, t, r, 4, "%zu", n);
	table_setf(rc, t, r, 5, "%zu", outs);
	if (!n)
		return;
	size_t id = bucket_id(tl, h[0].series, start);
	if (id != STRMAP_NONE)
		first_cells(rc, q, t, r, &tl->first[id]);
}

static void timeline_out(int *rc, docket_query *q, struct docket_table *t,
                         struct timeline *tl)
{
	if (!tl->n)
		return;
	sort_tl = tl;
	qsort(tl->h, tl->n, sizeof *tl->h, by_series_period);
	int lo = tl->h[0].period, hi = lo;
	for (size_t i = 0; i < tl->n; i++) {
		lo = tl->h[i].period < lo ? tl->h[i].period : lo;
		hi = tl->h[i].period > hi ? tl->h[i].period : hi;
	}
	struct stamps sa, so;
	if (stamp_new(&sa, tl->arts.n) || stamp_new(&so, tl->outlets.n)) {
		free(sa.v);
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	size_t i = 0, stamp = 0;
	while (i < tl->n && !*rc) { /* one series */
		size_t series = tl->h[i].series;
		const char *name = tl->per_outlet ? tl->outlets.key[series] : "";
		for (int p = lo; p <= hi && !*rc; p = days_period_next(p, tl->unit)) {
			size_t j = i;
			while (j < tl->n && tl->h[j].series == series && tl->h[j].period == p)
				j++;
			bucket_out(rc, q, t, tl, p, days_period_next(p, tl->unit), tl->h + i,
			           j - i, &sa, &so, ++stamp, name);
			i = j;
		}
	}
	free(sa.v);
	free(so.v);
}

DOCKET_EXPORT docket_status docket_query_timeline(docket_query *q,
                                                  docket_period by,
                                                  docket_date_kind date,
                                                  int per_outlet,
                                                  const docket_table **out)
{
	static const char *const cols[] = {
		"start", "end", "outlet", "articles", "passages", "outlets",
		"first_passage_id", "first_outlet", "first_date"};
	static const int slots[] = {SLOT_DATE, SLOT_ARTICLE, SLOT_OUTLET, SLOT_EVENTS};
	static const enum days_unit unit[DOCKET_BY_LAST] = {DAYS_DAY, DAYS_WEEK,
	                                                    DAYS_MONTH, DAYS_YEAR};
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!q || q->passage_id || (unsigned)by >= DOCKET_BY_LAST ||
	    (unsigned)date >= DOCKET_DATE_LAST)
		return DOCKET_BAD_ARGUMENT;
	struct timeline tl;
	memset(&tl, 0, sizeof tl);
	tl.unit = unit[by], tl.event = date == DOCKET_DATE_EVENT, tl.per_outlet = per_outlet != 0;
	/* the event dates only when asked: without them the facet columns
	 * hold every slot read (engine/columns.cc) */
	int rc = query_scan(q, slots, tl.event ? 4 : 3, timeline_row_fn, &tl);
	struct docket_table *t = rc ? NULL : table_new(cols, 9);
	if (!rc && !t)
		rc = DOCKET_NO_MEMORY;
	if (!rc)
		timeline_out(&rc, q, t, &tl);
	if (!rc && tl.skipped)
		table_note(&rc, t, "%zu matching passage%s without %s left out", tl.skipped,
		           tl.skipped == 1 ? "" : "s",
		           tl.event ? "an event date" : "a publication date");
	timeline_reset(&tl);
	if (rc == DOCKET_NO_MEMORY)
		no_memory(q);
	keep_table(q, TABLE_TIMELINE, rc ? (table_free(t), NULL) : t);
	*out = q->table[TABLE_TIMELINE];
	return rc;
}

/* -------------------------------------------------------------- coverage */

struct outlet_cov {
	int first, last;       /* days, NODAY when undated */
	size_t passages, articles;
};

/* Copies of one wire story count once per outlet: an outlet's matched
 * articles that share a paragraph (its exact copy fingerprint, slot 12:
 * the same words after datelines, quotes and wrapping are set aside)
 * are one story, joined by union-find; and an outlet that ran a copy of a
 * paragraph some agency's article carries names that agency.  Only the
 * exact fingerprint joins: band keys alone are candidates, which search
 * confirms on the text (copies.h), and a false join would count too few. */
struct coverage {
	struct strmap outlets;     /* name -> id */
	struct outlet_cov *o;      /* by outlet id */
	size_t cap;
	struct strmap arts;        /* (outlet, article key) -> id */
	struct counts parent;      /* union-find over arts ids */
	struct strmap fps;         /* (outlet, fingerprint) -> id */
	struct counts fp_art;      /* fps id -> 1 + first article id */
	struct strmap fp_agency;   /* fingerprint -> id */
	struct counts agency_of;   /* fp_agency id -> 1 + agencies id, or 0 */
	struct strmap agencies;    /* agency names -> id */
	struct strmap sources;     /* (outlet, source) -> id */
	struct counts source_n;    /* passages by (outlet, source) id */
	struct strmap wires;       /* (outlet, agency) seen */
};

static void coverage_reset(struct coverage *c)
{
	strmap_free(&c->outlets);
	strmap_free(&c->arts);
	strmap_free(&c->fps);
	strmap_free(&c->fp_agency);
	strmap_free(&c->agencies);
	strmap_free(&c->sources);
	strmap_free(&c->wires);
	free(c->o);
	free(c->parent.v);
	free(c->fp_art.v);
	free(c->agency_of.v);
	free(c->source_n.v);
	memset(c, 0, sizeof *c);
}

/* The story (union-find root) of article ID. */
static size_t story_of(struct coverage *c, size_t id)
{
	while (c->parent.v[id] != id)
		id = c->parent.v[id] = c->parent.v[c->parent.v[id]];
	return id;
}

/* The passage of article AID (of outlet OID) with copy signature SIG[0..N)
 * and wire agency WIRE[0..WN): join AID to the story of the outlet's first
 * article with the same paragraph; remember an agency's paragraph. */
static int cov_copy(struct coverage *c, size_t oid, size_t aid, const struct xap_value *sig,
                    const struct xap_value *wire)
{
	struct copies_sig cs;
	if (!sig->n || copies_sig_decode(sig->p, sig->n, &cs) || !cs.fingerprint)
		return 0;
	char fp[sizeof cs.fingerprint];
	memcpy(fp, &cs.fingerprint, sizeof fp);
	size_t fid = pair_id(&c->fps, oid, fp, sizeof fp, NULL);
	size_t *first = fid == STRMAP_NONE ? NULL : count_at(&c->fp_art, fid);
	if (!first)
		return DOCKET_NO_MEMORY;
	if (!*first)
		*first = aid + 1;
	else
		c->parent.v[story_of(c, aid)] = story_of(c, *first - 1);
	if (!wire->n)
		return 0;
	size_t gid = strmap_intern(&c->fp_agency, fp, sizeof fp, NULL);
	size_t *ag = gid == STRMAP_NONE ? NULL : count_at(&c->agency_of, gid);
	size_t id = strmap_intern(&c->agencies, wire->p, wire->n, NULL);
	if (!ag || id == STRMAP_NONE)
		return DOCKET_NO_MEMORY;
	if (!*ag)
		*ag = id + 1;
	return 0;
}

/* After the scan: each outlet's articles as stories (cov_copy), and the
 * agencies of the paragraphs it ran. */
static int cov_stories(struct coverage *c)
{
	size_t oid;
	for (size_t aid = 0; aid < c->arts.n; aid++) {
		memcpy(&oid, c->arts.key[aid], sizeof oid);
		c->o[oid].articles += story_of(c, aid) == aid;
	}
	for (size_t fid = 0; fid < c->fps.n; fid++) {
		memcpy(&oid, c->fps.key[fid], sizeof oid);
		size_t gid = strmap_intern(&c->fp_agency, c->fps.key[fid] + sizeof oid,
		                           sizeof(uint64_t), NULL);
		size_t *ag = gid == STRMAP_NONE ? NULL : count_at(&c->agency_of, gid);
		if (!ag)
			return DOCKET_NO_MEMORY;
		if (*ag && pair_id(&c->wires, oid, c->agencies.key[*ag - 1],
		                   c->agencies.len[*ag - 1], NULL) == STRMAP_NONE)
			return DOCKET_NO_MEMORY;
	}
	return 0;
}

static struct outlet_cov *outlet_at(struct coverage *c, size_t id)
{
	if (id >= c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		while (cap <= id)
			cap *= 2;
		struct outlet_cov *o = realloc(c->o, cap * sizeof *o);
		if (!o)
			return NULL;
		for (size_t k = c->cap; k < cap; k++)
			o[k] = (struct outlet_cov){NODAY, NODAY, 0, 0};
		c->o = o, c->cap = cap;
	}
	return &c->o[id];
}

/* The passage's credited sources, counted for outlet OID. */
static int cov_sources(struct coverage *c, size_t oid, const struct xap_value *v)
{
	struct valuelist_iter it;
	const char *s;
	size_t n;
	valuelist_begin(&it, v->p, v->n);
	while (valuelist_next(&it, &s, &n)) {
		size_t id = pair_id(&c->sources, oid, s, n, NULL);
		size_t *k = id == STRMAP_NONE ? NULL : count_at(&c->source_n, id);
		if (!k)
			return DOCKET_NO_MEMORY;
		++*k;
	}
	return 0;
}

/* Slots read: 0 date, 1 article, 2 outlet, 3 sources, 10 wire, 12 copy
 * signature. */
static int coverage_row_fn(void *ctx, const struct xap_value *v,
                           const struct xap_row *row)
{
	struct coverage *c = ctx;
	(void)row;
	if (!v) {
		coverage_reset(c);
		return 0;
	}
	size_t oid = strmap_intern(&c->outlets, v[2].p, v[2].n, NULL);
	struct outlet_cov *o = oid == STRMAP_NONE ? NULL : outlet_at(c, oid);
	if (!o)
		return DOCKET_NO_MEMORY;
	int day = ymd_day(v[0].p, v[0].n), added;
	if (day != NODAY && (o->first == NODAY || day < o->first))
		o->first = day;
	if (day != NODAY && (o->last == NODAY || day > o->last))
		o->last = day;
	o->passages++;
	size_t aid = pair_id(&c->arts, oid, v[1].p, v[1].n, &added);
	size_t *up = aid == STRMAP_NONE ? NULL : count_at(&c->parent, aid);
	if (!up)
		return DOCKET_NO_MEMORY;
	if (added)
		*up = aid;
	if (v[4].n && pair_id(&c->wires, oid, v[4].p, v[4].n, NULL) == STRMAP_NONE)
		return DOCKET_NO_MEMORY;
	int rc = cov_copy(c, oid, aid, &v[5], &v[4]);
	return rc ? rc : cov_sources(c, oid, &v[3]);
}

static const struct coverage *sort_cov;

/* By first date (undated last), then name. */
static int by_first(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int fx = sort_cov->o[x].first, fy = sort_cov->o[y].first;
	if (fx != fy) {
		if (fx == NODAY || fy == NODAY)
			return fx == NODAY ? 1 : -1;
		return fx < fy ? -1 : 1;
	}
	return strcmp(sort_cov->outlets.key[x], sort_cov->outlets.key[y]);
}

/* The key's text after its outlet id (pair_id's layout). */
static const char *pair_text(const struct strmap *m, size_t id, size_t *oid)
{
	memcpy(oid, m->key[id], sizeof *oid);
	return m->key[id] + sizeof *oid;
}

/* Most passages first, then by name (ids of sort_cov->sources). */
static int by_source_count(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b, o;
	size_t nx = sort_cov->source_n.v[x], ny = sort_cov->source_n.v[y];
	if (nx != ny)
		return nx > ny ? -1 : 1;
	return strcmp(pair_text(&sort_cov->sources, x, &o), pair_text(&sort_cov->sources, y, &o));
}

/* Outlet OID's 3 most credited sources and its wire agencies into row R. */
static void cov_lists(int *rc, struct docket_table *t, size_t r,
                      const struct coverage *c, size_t oid)
{
	size_t *mine = malloc((c->sources.n ? c->sources.n : 1) * sizeof *mine);
	size_t n = 0, owner;
	if (!mine) {
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	for (size_t id = 0; id < c->sources.n; id++)
		if (pair_text(&c->sources, id, &owner), owner == oid)
			mine[n++] = id;
	qsort(mine, n, sizeof *mine, by_source_count);
	buf names = BUF_INIT, counts = BUF_INIT, wires = BUF_INIT;
	for (size_t k = 0; k < n && k < 3; k++) {
		buf_printf(rc, &names, "%s%s", k ? "\n" : "", pair_text(&c->sources, mine[k], &owner));
		buf_printf(rc, &counts, "%s%zu", k ? "\n" : "", c->source_n.v[mine[k]]);
	}
	for (size_t id = 0; id < c->wires.n; id++) {
		const char *w = pair_text(&c->wires, id, &owner);
		if (owner == oid)
			buf_printf(rc, &wires, "%s%s", wires.n ? "\n" : "", w);
	}
	table_set(rc, t, r, 5, names.p ? names.p : "");
	table_set(rc, t, r, 6, counts.p ? counts.p : "");
	table_set(rc, t, r, 7, wires.p ? wires.p : "");
	buf_free(&names), buf_free(&counts), buf_free(&wires);
	free(mine);
}

static void coverage_out(int *rc, struct docket_table *t, const struct coverage *c)
{
	size_t n = c->outlets.n;
	size_t *ids = malloc((n ? n : 1) * sizeof *ids);
	if (!ids) {
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	for (size_t i = 0; i < n; i++)
		ids[i] = i;
	sort_cov = c;
	qsort(ids, n, sizeof *ids, by_first);
	for (size_t k = 0; k < n && !*rc; k++) {
		const struct outlet_cov *o = &c->o[ids[k]];
		char a[11] = "", b[11] = "";
		if (o->first != NODAY)
			days_format(o->first, a), days_format(o->last, b);
		size_t r = table_row(rc, t);
		table_set(rc, t, r, 0, c->outlets.key[ids[k]]);
		table_set(rc, t, r, 1, a);
		table_set(rc, t, r, 2, b);
		table_setf(rc, t, r, 3, "%zu", o->articles);
		table_setf(rc, t, r, 4, "%zu", o->passages);
		cov_lists(rc, t, r, c, ids[k]);
	}
	free(ids);
}

DOCKET_EXPORT docket_status docket_query_coverage(docket_query *q,
                                                  const docket_table **out)
{
	static const char *const cols[] = {"outlet", "first", "last", "articles",
	                                   "passages", "sources", "source_passages",
	                                   "wire"};
	static const int slots[] = {SLOT_DATE, SLOT_ARTICLE, SLOT_OUTLET,
	                            SLOT_SOURCES, SLOT_WIRE, SLOT_COPY_SIG};
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!q || q->passage_id)
		return DOCKET_BAD_ARGUMENT;
	struct coverage c;
	memset(&c, 0, sizeof c);
	int rc = query_scan(q, slots, 6, coverage_row_fn, &c);
	if (!rc)
		rc = cov_stories(&c);
	struct docket_table *t = rc ? NULL : table_new(cols, 8);
	if (!rc && !t)
		rc = DOCKET_NO_MEMORY;
	if (!rc)
		coverage_out(&rc, t, &c);
	coverage_reset(&c);
	if (rc == DOCKET_NO_MEMORY)
		no_memory(q);
	keep_table(q, TABLE_COVERAGE, rc ? (table_free(t), NULL) : t);
	*out = q->table[TABLE_COVERAGE];
	return rc;
}
