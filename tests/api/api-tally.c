/* api-tally.c — the counting API through docket.h only: facets, timeline
 * and coverage tables over three articles this test writes itself (their
 * counts known by construction), the table accessors out of range, the
 * event-date list of a hit, bad arguments, an unknown facet field, facets
 * asked for before the run, and a query freed with its tables.  Includes
 * only docket.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "docket.h"
#include "../tap.h"

static char dir[] = "/tmp/docket-api-tally-XXXXXX";
static char index_path[300], docs_path[300];
static docket_index *idx; /* open for reading in main */

/* Gavel: two articles in March 2026 (3 passages); Ledger: one in April. */
static const char *const articles[3][2] = {
	{"a.txt", "title: One\noutlet: Gavel\ndate: 2026-03-12\n\n"
	          "The quokka ruling came on Monday. (reuters.com)\n\n"
	          "Quokka lawyers met again. (reuters.com) (wired.com)\n"},
	{"b.txt", "title: Two\noutlet: Gavel\ndate: 2026-03-20\n\n"
	          "A quokka appeal was filed. (wired.com)\n"},
	{"c.txt", "title: Three\noutlet: Ledger\ndate: 2026-04-02\n\n"
	          "The quokka case went on.\n"},
};

static int setup(void)
{
	if (!mkdtemp(dir))
		return -1;
	snprintf(index_path, sizeof index_path, "%s/idx", dir);
	snprintf(docs_path, sizeof docs_path, "%s/docs", dir);
	mkdir(docs_path, 0755);
	for (int i = 0; i < 3; i++) {
		char path[400];
		snprintf(path, sizeof path, "%s/%s", docs_path, articles[i][0]);
		FILE *f = fopen(path, "w");
		if (!f)
			return -1;
		fputs(articles[i][1], f);
		fclose(f);
	}
	docket_index *w = NULL;
	docket_indexer *ix = NULL;
	docket_status st = docket_index_open(index_path, DOCKET_OPEN_WRITE, &w);
	if (!st)
		st = docket_indexer_new(w, &ix);
	if (!st)
		st = docket_indexer_run(ix, docs_path);
	docket_indexer_free(ix);
	docket_index_close(w);
	return st ? -1 : 0;
}

/* The row of T whose column 0 (and 1 when V1 is set) match; -1 if none. */
static long find_row(const docket_table *t, const char *v0, const char *v1)
{
	for (size_t r = 0; r < docket_table_rows(t); r++)
		if (!strcmp(docket_table_cell(t, r, 0), v0) &&
		    (!v1 || !strcmp(docket_table_cell(t, r, 1), v1)))
			return (long)r;
	return -1;
}

static const char *cell(const docket_table *t, long r, size_t c)
{
	return r < 0 ? "(missing)" : docket_table_cell(t, (size_t)r, c);
}

static void test_facets(docket_query *q)
{
	const docket_table *t = NULL;
	ok(docket_query_facets(q, "outlet, source,month", 0, &t) == DOCKET_OK && t,
	   "facets outlet, source, month");
	ok(docket_table_columns(t) == 4 && !strcmp(docket_table_column(t, 3), "passages"),
	   "four columns, the last 'passages'");
	long g = find_row(t, "outlet", "Gavel"), r = find_row(t, "source", "reuters.com");
	ok(!strcmp(cell(t, g, 2), "2") && !strcmp(cell(t, g, 3), "3"),
	   "Gavel: 2 articles, 3 passages (got %s, %s)", cell(t, g, 2), cell(t, g, 3));
	ok(!strcmp(cell(t, r, 2), "1") && !strcmp(cell(t, r, 3), "2"),
	   "reuters.com: 1 article, 2 passages (got %s, %s)", cell(t, r, 2), cell(t, r, 3));
	ok(g >= 0 && g < find_row(t, "outlet", "Ledger"), "most passages first");
	ok(!strcmp(cell(t, find_row(t, "month", "2026-04"), 3), "1"), "April: 1 passage");
	ok(docket_query_facets(q, "outlet", 1, &t) == DOCKET_OK && docket_table_rows(t) == 1,
	   "a limit of 1: one row");
	ok(!strcmp(docket_table_cell(t, 5, 5), "") && !strcmp(docket_table_column(t, 9), ""),
	   "cells and columns out of range read \"\"");
	ok(docket_query_facets(q, "outlet,nonsense", 0, &t) == DOCKET_BAD_ARGUMENT && !t,
	   "an unknown field: DOCKET_BAD_ARGUMENT, no table");
	ok(strstr(docket_index_last_error(idx), "'nonsense'") != NULL,
	   "... and the message names it (%s)", docket_index_last_error(idx));
	ok(docket_query_facets(q, "case,court,judge,speaker,wire", 0, &t) == DOCKET_OK,
	   "the legal, quotes and copies fields are facets too");
}

static void test_timeline(docket_query *q)
{
	const docket_table *t = NULL;
	ok(docket_query_timeline(q, DOCKET_BY_WEEK, DOCKET_DATE_PUBLISHED, 0, &t) == DOCKET_OK,
	   "timeline by week");
	/* weeks of 2026-03-09, -16, -23, -30: from the first match to the last */
	ok(docket_table_rows(t) == 4, "four weeks, the empty one included (got %zu)",
	   docket_table_rows(t));
	ok(!strcmp(docket_table_cell(t, 0, 0), "2026-03-09") &&
	   !strcmp(docket_table_cell(t, 0, 1), "2026-03-15"), "weeks run Monday to Sunday");
	ok(!strcmp(docket_table_cell(t, 2, 4), "0") && !strcmp(docket_table_cell(t, 2, 6), ""),
	   "the empty week: no passages, no first passage");
	ok(strstr(docket_table_cell(t, 0, 6), "a.txt#1") != NULL,
	   "the first passage of the first week is a.txt#1 (got %s)", docket_table_cell(t, 0, 6));
	ok(docket_query_timeline(q, DOCKET_BY_DAY, DOCKET_DATE_EVENT, 0, &t) == DOCKET_OK &&
	   docket_table_rows(t) == 1 && !strcmp(docket_table_cell(t, 0, 0), "2026-03-09"),
	   "by event date: the one stated day, 2026-03-09 (Monday before 2026-03-12)");
	ok(strstr(docket_table_note(t), "without an event date") != NULL,
	   "the note counts the passages left out");
	ok(docket_query_timeline(q, DOCKET_BY_LAST, DOCKET_DATE_PUBLISHED, 0, &t) == DOCKET_BAD_ARGUMENT,
	   "a bad period: DOCKET_BAD_ARGUMENT");
	ok(docket_query_timeline(q, DOCKET_BY_MONTH, DOCKET_DATE_PUBLISHED, 1, &t) == DOCKET_OK &&
	   docket_table_rows(t) == 4, "per outlet by month: 2 outlets x 2 months (got %zu)",
	   docket_table_rows(t));
}

static void test_coverage(docket_query *q)
{
	const docket_table *t = NULL;
	ok(docket_query_coverage(q, &t) == DOCKET_OK && docket_table_rows(t) == 2,
	   "coverage: two outlets");
	ok(!strcmp(docket_table_cell(t, 0, 0), "Gavel") &&
	   !strcmp(docket_table_cell(t, 0, 1), "2026-03-12") &&
	   !strcmp(docket_table_cell(t, 0, 2), "2026-03-20"), "Gavel first, 2026-03-12 to 2026-03-20");
	ok(!strcmp(docket_table_cell(t, 0, 5), "reuters.com\nwired.com") &&
	   !strcmp(docket_table_cell(t, 0, 6), "2\n2"), "its sources, ties by name (got %s)",
	   docket_table_cell(t, 0, 5));
	ok(!*docket_table_note(t), "no note: copies are grouped per outlet (got '%s')",
	   docket_table_note(t));
	ok(!strcmp(docket_table_cell(t, 0, 3), "2"), "Gavel's articles: 2 (got %s)",
	   docket_table_cell(t, 0, 3));
}

/* The facets asked for before the run (docket_query_want_facets) are the
 * facets counted after it, and a bad field is refused at once. */
static void test_want_facets(void)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	const docket_table *t = NULL;
	ok(docket_query_new(idx, "quokka", &q) == DOCKET_OK, "another query");
	ok(docket_query_want_facets(q, "outlet,nonsense") == DOCKET_BAD_ARGUMENT,
	   "want_facets: an unknown field is DOCKET_BAD_ARGUMENT");
	ok(docket_query_want_facets(NULL, "outlet") == DOCKET_BAD_ARGUMENT,
	   "want_facets: NULL query");
	ok(docket_query_want_facets(q, "outlet,source,month") == DOCKET_OK, "want_facets");
	ok(docket_query_run(q, &hits) == DOCKET_OK && docket_hits_valid(hits),
	   "the run with counts still finds the hits");
	ok(docket_query_facets(q, "outlet,source,month", 0, &t) == DOCKET_OK, "then facets");
	long g = find_row(t, "outlet", "Gavel"), r = find_row(t, "source", "reuters.com");
	ok(!strcmp(cell(t, g, 2), "2") && !strcmp(cell(t, g, 3), "3"),
	   "counted in the run: Gavel 2 articles, 3 passages (got %s, %s)", cell(t, g, 2),
	   cell(t, g, 3));
	ok(!strcmp(cell(t, r, 2), "1") && !strcmp(cell(t, r, 3), "2"),
	   "... reuters.com 1 article, 2 passages (got %s, %s)", cell(t, r, 2), cell(t, r, 3));
	ok(!strcmp(cell(t, find_row(t, "month", "2026-04"), 3), "1"), "... April 1 passage");
	ok(docket_query_facets(q, "case,outlet", 0, &t) == DOCKET_OK &&
	       !strcmp(cell(t, find_row(t, "outlet", "Ledger"), 3), "1"),
	   "fields the run did not count are counted afterwards");
	ok(docket_query_want_facets(q, NULL) == DOCKET_OK, "want_facets(NULL) asks for nothing");
	docket_query_free(q);
}

int main(void)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	if (!ok(setup() == 0, "indexed three articles"))
		return tap_done();
	ok(docket_index_open(index_path, DOCKET_OPEN_READ, &idx) == DOCKET_OK, "open");
	ok(docket_query_new(idx, "quokka", &q) == DOCKET_OK, "a query");
	ok(docket_query_run(q, &hits) == DOCKET_OK, "run");
	int monday = 0;
	for (; docket_hits_valid(hits); docket_hits_next(hits)) {
		const docket_hit *h = docket_hits_get(hits);
		if (docket_hit_list_count(h, DOCKET_LIST_EVENT_DATES) == 1 &&
		    !strcmp(docket_hit_list_item(h, DOCKET_LIST_EVENT_DATES, 0), "2026-03-09"))
			monday++;
	}
	ok(monday == 1, "one hit states 2026-03-09 (DOCKET_LIST_EVENT_DATES)");
	test_facets(q);
	test_timeline(q);
	test_coverage(q);
	test_want_facets();
	const docket_table *t = (const docket_table *)1;
	ok(docket_query_facets(NULL, "outlet", 0, &t) == DOCKET_BAD_ARGUMENT && !t,
	   "NULL query: DOCKET_BAD_ARGUMENT");
	ok(docket_table_rows(NULL) == 0 && !strcmp(docket_table_note(NULL), ""),
	   "NULL tables are safe");
	docket_query_free(q); /* frees its tables */
	docket_index_close(idx);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
