/* fuzz-query.c — libFuzzer target for the query path of the public API:
 * docket_query_run over a small fixed index, and docket_query_new_passage.
 *
 * On the first call it writes a few articles into a temporary folder and
 * indexes them through docket_index_open(WRITE) + docket_indexer_run, then
 * reopens the index for reading.  Each input (cut at its first NUL, as any
 * C string would be) is run as a query with three option sets, every hit's
 * fields, highlights and citations are read, and it is also tried as a
 * passage id (with itself as the highlighting query).  Checked: statuses
 * are known, strings are non-NULL, the snippet and highlight ranges lie
 * inside the text, ascending and disjoint, ranks follow the offset.  A
 * broken invariant abort()s.  Only docket.h is used.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../docket.h"

static docket_index *idx;   /* the read handle, for the whole process */
static char dir[64];        /* the temporary folder */

static const char *const articles[] = {
	("title: Judge tosses AWS storm-off claims\noutlet: Wired\n"
	"author: Ana Ruiz\ndate: 2025-03-04\nurl: https://example.com/a\n\n"
	"A federal judge dismissed the lawsuit on Tuesday. (wired.com)\n\n"
	"## The ruling\n\nThe court said the \"storm off\" claims failed. "
	"Café owners appealed. (reuters.com)\n"),
	("title: Appeal filed in privacy case\noutlet: Law360\n"
	"date: 2024-11-20\n\nThe plaintiffs filed a motion to dismiss NEAR "
	"the deadline.\n\nSecurity researchers testified; the trial resumes "
	"in May.\n"),
	("Headline without a header\n\nJust some words: court, judge, appeal, "
	"ruling, privacy, security, 東京, naïve, ﬁnance.\n"),
};

static void cleanup(void)
{
	docket_index_close(idx);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0) {
		/* nothing more to do */
	}
}

static void build_index(void)
{
	snprintf(dir, sizeof dir, "/tmp/fuzz-query.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	char path[128];
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
		snprintf(path, sizeof path, "%s/docs/a%zu.txt", dir, i);
		if (i == 0) {
			char docs[96];
			snprintf(docs, sizeof docs, "%s/docs", dir);
			mkdir(docs, 0755);
		}
		FILE *f = fopen(path, "w");
		if (!f || fputs(articles[i], f) < 0 || fclose(f) != 0)
			abort();
	}
	char ipath[96], docs[96];
	snprintf(ipath, sizeof ipath, "%s/index", dir);
	snprintf(docs, sizeof docs, "%s/docs", dir);
	docket_index *w;
	docket_indexer *ix;
	if (docket_index_open(ipath, DOCKET_OPEN_WRITE, &w) ||
	    docket_indexer_new(w, &ix) || docket_indexer_run(ix, docs))
		abort();
	docket_indexer_free(ix);
	docket_index_close(w);
	if (docket_index_open(ipath, DOCKET_OPEN_READ, &idx))
		abort();
	atexit(cleanup);
}

static void check_string(const char *s)
{
	if (!s)
		abort();
}

static void check_hit(const docket_hit *h, size_t offset, size_t nth)
{
	for (int f = 0; f <= DOCKET_FIELD_LAST; f++) /* LAST: out of range */
		check_string(docket_hit_field(h, (docket_field)f));
	size_t n = strlen(docket_hit_field(h, DOCKET_FIELD_TEXT)), s, e, prev = 0;
	if (docket_hit_rank(h) != offset + nth + 1)
		abort();
	(void)docket_hit_score(h);
	if (docket_hit_paragraph(h) < 1 || docket_hit_ordinal(h) < 1)
		abort();
	for (size_t i = 0; i < docket_hit_source_count(h); i++)
		check_string(docket_hit_source(h, i));
	docket_hit_snippet_range(h, &s, &e);
	if (s > e || e > n)
		abort();
	for (size_t i = 0; i < docket_hit_highlight_count(h); i++) {
		docket_hit_highlight(h, i, &s, &e);
		if (s >= e || e > n || s < prev)
			abort();
		prev = e;
	}
	for (int c = 0; c < DOCKET_CITE_LAST; c++)
		check_string(docket_hit_citation(h, (docket_cite_style)c));
	if (docket_hit_citation(h, DOCKET_CITE_LAST) != NULL)
		abort();
}

/* Run Q and read everything; RC is what docket_query_run said. */
static void drain(docket_query *q, size_t offset)
{
	docket_hits *hits = NULL;
	docket_status rc = docket_query_run(q, &hits);
	if (rc >= DOCKET_LAST_STATUS)
		abort();
	check_string(docket_index_last_error(idx));
	if (rc != DOCKET_OK)
		return;
	size_t nth = 0;
	for (; docket_hits_valid(hits); docket_hits_next(hits))
		check_hit(docket_hits_get(hits), offset, nth++);
	if (nth != docket_hits_count(hits) && docket_hits_status(hits) == DOCKET_OK)
		abort();
	(void)docket_query_estimated(q);
}

static void run_query(const char *s, int set)
{
	docket_query *q;
	if (docket_query_new(idx, s, &q) != DOCKET_OK)
		abort();
	size_t offset = 0;
	if (set == 1) {
		docket_query_set(q, DOCKET_QUERY_PER_ARTICLE, 0);
		docket_query_set(q, DOCKET_QUERY_LIMIT, 50);
		docket_query_set(q, DOCKET_QUERY_SORT, DOCKET_SORT_DATE);
		docket_query_set(q, DOCKET_QUERY_DEFAULT_AND, 1);
		docket_query_set(q, DOCKET_QUERY_SNIPPET_BYTES, 40);
	} else if (set == 2) {
		docket_query_set(q, DOCKET_QUERY_PLAIN, 1);
		docket_query_set(q, DOCKET_QUERY_OFFSET, 1);
		docket_query_set_bm25(q, 0.5, 0.3);
		offset = 1;
	}
	drain(q, offset);
	if (set == 0)
		drain(q, offset); /* running again replaces the hits */
	docket_query_free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!idx)
		build_index();
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (int set = 0; set < 3; set++)
		run_query(s, set);
	docket_query *q = NULL;
	if (docket_query_new_passage(idx, s, 1, s, &q) == DOCKET_OK)
		drain(q, 0);
	docket_query_free(q);
	free(s);
	return 0;
}
