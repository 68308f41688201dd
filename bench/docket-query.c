/* docket-query.c — the benchmark's in-process query driver for docket.
 *
 *   docket-query INDEX QUERIESFILE [--repeat N] [--cold EVICT]
 *
 * Runs every query of the file through the public API only (docket.h):
 * docket_index_open, docket_query_new/_set/_run, then reads each of the top
 * 10 hits' snippet and citation, as a caller showing results would.  Prints
 * the samples of bench/driver.h.  Two classes do more, as the commands
 * do: "facets" also counts every match by outlet, source and month
 * (`docket search --facets outlet,source,month`), "timeline" only builds
 * the monthly timeline of every match (`docket timeline`), so that their
 * cost can be set against the plain "common" class of the same words.
 * Built and run by `make bench` (bench/run)
 * when the library builds; it is no test and not part of test-build.
 */
#include <stdio.h>
#include <string.h>

#include "docket.h"
#include "driver.h"

/* The timeline class: the monthly timeline of every match; its rows. */
static long run_timeline(docket_query *q, docket_status *st)
{
	const docket_table *t = NULL;
	*st = docket_query_timeline(q, DOCKET_BY_MONTH, DOCKET_DATE_PUBLISHED, 0, &t);
	return *st == DOCKET_OK ? (long)docket_table_rows(t) : 0;
}

/* Run QUERY of class CLS on IDX and touch every hit the way a results page
 * would.  Returns the number of hits, or -1 (message on stderr). */
static long run_query(docket_index *idx, const char *cls, const char *query)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	long n = 0;
	docket_status st = docket_query_new(idx, query, &q);
	int timeline = !strcmp(cls, "timeline");
	if (st == DOCKET_OK && timeline)
		n = run_timeline(q, &st);
	if (st == DOCKET_OK && !timeline)
		st = docket_query_set(q, DOCKET_QUERY_LIMIT, 10);
	if (st == DOCKET_OK && !strcmp(cls, "facets")) /* as the CLI does */
		st = docket_query_want_facets(q, "outlet,source,month");
	if (st == DOCKET_OK && !timeline)
		st = docket_query_run(q, &hits);
	if (st == DOCKET_OK && !timeline) {
		size_t bytes = 0;
		for (; docket_hits_valid(hits); docket_hits_next(hits)) {
			const docket_hit *h = docket_hits_get(hits);
			bytes += strlen(docket_hit_field(h, DOCKET_FIELD_SNIPPET));
			bytes += strlen(docket_hit_field(h, DOCKET_FIELD_CITATION));
			n++;
		}
		st = docket_hits_status(hits);
		(void)bytes;
	}
	const docket_table *f = NULL;
	if (st == DOCKET_OK && !strcmp(cls, "facets"))
		st = docket_query_facets(q, "outlet,source,month", 10, &f);
	if (st != DOCKET_OK) {
		fprintf(stderr, "docket-query: %s: %s (%s)\n", query,
		        docket_strerror(st), docket_index_last_error(idx));
		n = -1;
	}
	docket_query_free(q);
	return n;
}

static docket_index *open_index(const char *path)
{
	docket_index *idx = NULL;
	if (docket_index_open(path, DOCKET_OPEN_READ, &idx) == DOCKET_OK)
		return idx;
	fprintf(stderr, "docket-query: %s: %s\n", path,
	        docket_index_last_error(idx));
	docket_index_close(idx);
	return NULL;
}

int main(int argc, char **argv)
{
	struct query_line *qs;
	size_t n;
	int repeat = 5;
	const char *evict = NULL;
	if (argc < 3 || parse_query_options(argc - 3, argv + 3, &repeat, &evict)) {
		fprintf(stderr, "usage: docket-query INDEX QUERIES [--repeat N] "
		                "[--cold EVICT]\n");
		return 2;
	}
	docket_index *idx = open_index(argv[1]);
	if (!idx || read_queries(argv[2], &qs, &n) != 0) {
		docket_index_close(idx);
		return 1;
	}
	for (size_t i = 0; i < n && idx; i++) {
		if (!evict)
			run_query(idx, qs[i].cls, qs[i].text); /* warm-up, not recorded */
		for (int r = 0; r < repeat && idx; r++) {
			if (evict) {
				docket_index_close(idx);
				evict_index(evict, argv[1]);
			}
			double t0 = now_seconds();
			if (evict)
				idx = open_index(argv[1]);
			long hits = idx ? run_query(idx, qs[i].cls, qs[i].text) : -1;
			print_sample(&qs[i], i, evict != NULL, now_seconds() - t0,
			             hits > 0 ? (size_t)hits : 0);
		}
	}
	docket_index_close(idx);
	free_queries(qs, n);
	return idx ? 0 : 1;
}
