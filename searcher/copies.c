/* copies.c — a hit's copies and first report (see copies.h). */
#include "copies.h"

#include <stdlib.h>
#include <string.h>

static const enum rec_field copy_rec[DOCKET_COPY_LAST] = {
	[DOCKET_COPY_PASSAGE_ID] = REC_PASSAGE_ID,
	[DOCKET_COPY_ARTICLE_ID] = REC_ARTICLE_ID,
	[DOCKET_COPY_OUTLET] = REC_OUTLET,
	[DOCKET_COPY_DATE] = REC_DATE,
	[DOCKET_COPY_URL] = REC_URL,
	[DOCKET_COPY_WIRE] = REC_WIRE,
};

/* Copy the fields of record R into OUT.  Sticky on *rc. */
static void fields_of(int *rc, const struct record *r, char *out[DOCKET_COPY_LAST])
{
	for (int f = 0; f < DOCKET_COPY_LAST; f++)
		out[f] = str_ndup(rc, r->f[copy_rec[f]], r->len[copy_rec[f]]);
}

/* Whether date A (YYYY-MM-DD, "" for none) comes before B; an undated
 * passage comes after every dated one. */
static int earlier(const char *a, size_t an, const char *b, size_t bn)
{
	if (!an || !bn)
		return an && !bn;
	int c = memcmp(a, b, an < bn ? an : bn);
	return c < 0 || (c == 0 && an < bn);
}

static int by_date(const void *x, const void *y)
{
	char *const *a = x, *const *b = y;
	const char *da = a[DOCKET_COPY_DATE], *db = b[DOCKET_COPY_DATE];
	if (earlier(da, strlen(da), db, strlen(db)))
		return -1;
	if (earlier(db, strlen(db), da, strlen(da)))
		return 1;
	return strcmp(a[DOCKET_COPY_PASSAGE_ID], b[DOCKET_COPY_PASSAGE_ID]);
}

int hit_copies(struct docket_hit *h, const struct xap_match *m)
{
	int rc = 0;
	const struct record *first = &h->rec;
	struct record r, best;
	size_t matched = 0;
	for (size_t i = 0; i < m->nmembers; i++)
		matched += m->members[i].matched != 0;
	if (matched && !(h->copies = calloc(matched, sizeof *h->copies)))
		return DOCKET_NO_MEMORY;
	for (size_t i = 0; i < m->nmembers && !rc; i++) {
		if (record_decode(m->members[i].data, m->members[i].len, &r))
			continue;
		if (m->members[i].matched)
			fields_of(&rc, &r, h->copies[h->ncopies++]);
		if (earlier(r.f[REC_DATE], r.len[REC_DATE], first->f[REC_DATE],
		            first->len[REC_DATE]))
			best = r, first = &best;
	}
	fields_of(&rc, first, h->first);
	if (!rc && h->ncopies > 1)
		qsort(h->copies, h->ncopies, sizeof *h->copies, by_date);
	return rc ? DOCKET_NO_MEMORY : 0;
}

void hit_copies_free(struct docket_hit *h)
{
	for (size_t i = 0; i < h->ncopies; i++)
		for (int f = 0; f < DOCKET_COPY_LAST; f++)
			free(h->copies[i][f]);
	free(h->copies);
	h->copies = NULL;
	h->ncopies = 0;
	for (int f = 0; f < DOCKET_COPY_LAST; f++) {
		free(h->first[f]);
		h->first[f] = NULL;
	}
}

static int hit_by_date(const void *x, const void *y)
{
	const struct docket_hit *a = x, *b = y;
	const struct record *ra = &a->rec, *rb = &b->rec;
	if (earlier(ra->f[REC_DATE], ra->len[REC_DATE], rb->f[REC_DATE], rb->len[REC_DATE]))
		return -1;
	if (earlier(rb->f[REC_DATE], rb->len[REC_DATE], ra->f[REC_DATE], ra->len[REC_DATE]))
		return 1;
	return strcmp(a->field[DOCKET_FIELD_PASSAGE_ID], b->field[DOCKET_FIELD_PASSAGE_ID]);
}

void hits_sort_by_date(struct docket_hit *hits, size_t n)
{
	qsort(hits, n, sizeof *hits, hit_by_date);
}

DOCKET_EXPORT size_t docket_hit_copy_count(const docket_hit *hit)
{
	return hit ? hit->ncopies : 0;
}

DOCKET_EXPORT const char *docket_hit_copy(const docket_hit *hit, size_t i,
                                          docket_copy_field f)
{
	if (!hit || i >= hit->ncopies || (unsigned)f >= DOCKET_COPY_LAST)
		return "";
	return hit->copies[i][f] ? hit->copies[i][f] : "";
}

DOCKET_EXPORT const char *docket_hit_first_reported(const docket_hit *hit,
                                                    docket_copy_field f)
{
	if (!hit || (unsigned)f >= DOCKET_COPY_LAST)
		return "";
	return hit->first[f] ? hit->first[f] : "";
}
