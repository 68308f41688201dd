/* shardq.c — a small client of docket.h for tests/shards/t-remote.sh: runs
 * one query over one or more indexes (the first opened, the rest added, as
 * the CLI does) and prints each hit as "KEY<TAB>PASSAGE_ID", where KEY is the
 * score to 1e-9 ("DATE SCORE" with --sort date), so that a shell test can
 * compare scores more finely than the CLI's JSON (4 decimals) shows.
 *
 *   shardq [--pause] INDEX... -- [-n N] [--offset N] [--per-article N]
 *          [--sort date] [--title-weight W] QUERY
 *
 * With --pause it runs the query once, prints "ready", waits for a line on
 * stdin, and runs it again on the same handle (to see what a search says
 * when a shard dies while the index is open).  With --pause-lists it runs
 * the query once, prints "ready", waits, and only then reads each hit's
 * snippet and article cases, printing "PASSAGE_ID<TAB>SNIPPET BYTES<TAB>
 * CASES" (cases joined by "; "), and stops at the first failed read (the
 * lists are read from the index when first asked for: docket.h).  Exit 0,
 * or 2 with the library's message on stderr as "shardq: STATUS: MESSAGE".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../docket.h"

static int report(docket_index *idx, docket_status st)
{
	fprintf(stderr, "shardq: %s: %s\n", docket_strerror(st),
	        docket_index_last_error(idx));
	return 2;
}

/* Apply "-n N", "--offset N", "--per-article N", "--sort date",
 * "--title-weight W" from ARGV[*I]; returns 0, or -1 when ARGV[*I] is not
 * one of them. */
static int option(docket_query *q, char **argv, int argc, int *i)
{
	static const struct {
		const char *name;
		docket_query_option opt;
	} opts[] = {{"-n", DOCKET_QUERY_LIMIT},
	            {"--offset", DOCKET_QUERY_OFFSET},
	            {"--per-article", DOCKET_QUERY_PER_ARTICLE}};
	if (*i + 1 >= argc)
		return -1;
	if (!strcmp(argv[*i], "--sort") && !strcmp(argv[*i + 1], "date")) {
		docket_query_set(q, DOCKET_QUERY_SORT, DOCKET_SORT_DATE);
		*i += 2;
		return 0;
	}
	if (!strcmp(argv[*i], "--title-weight")) {
		docket_query_set_weight(q, DOCKET_WEIGHT_TITLE, atof(argv[*i + 1]));
		*i += 2;
		return 0;
	}
	for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
		if (!strcmp(argv[*i], opts[k].name)) {
			docket_query_set(q, opts[k].opt, atol(argv[*i + 1]));
			*i += 2;
			return 0;
		}
	return -1;
}

enum { MAX_KEPT = 256 };
static const docket_hit *kept[MAX_KEPT]; /* the last run's hits */
static size_t nkept;
static docket_hits *last_hits;

static docket_status run(docket_query *q, int by_date)
{
	docket_hits *hits;
	docket_status st = docket_query_run(q, &hits);
	if (st)
		return st;
	last_hits = hits;
	nkept = 0;
	for (; docket_hits_valid(hits); docket_hits_next(hits)) {
		const docket_hit *h = docket_hits_get(hits);
		if (nkept < MAX_KEPT)
			kept[nkept++] = h;
		if (by_date)
			printf("%s ", docket_hit_field(h, DOCKET_FIELD_DATE));
		printf("%.9f\t%s\n", docket_hit_score(h),
		       docket_hit_field(h, DOCKET_FIELD_PASSAGE_ID));
	}
	fflush(stdout);
	return docket_hits_status(hits);
}

/* Read the snippet and then the cases of each hit of the last run, in
 * rank order, until a read fails. */
static docket_status read_lists(void)
{
	docket_status st = DOCKET_OK;
	for (size_t k = 0; k < nkept && !st; k++) {
		const docket_hit *h = kept[k];
		printf("%s\t%zu\t", docket_hit_field(h, DOCKET_FIELD_PASSAGE_ID),
		       strlen(docket_hit_field(h, DOCKET_FIELD_SNIPPET)));
		size_t n = docket_hit_list_count(h, DOCKET_LIST_CASES);
		for (size_t i = 0; i < n; i++)
			printf("%s%s", i ? "; " : "", docket_hit_list_item(h, DOCKET_LIST_CASES, i));
		putchar('\n');
		st = docket_hits_status(last_hits);
	}
	fflush(stdout);
	return st;
}

int main(int argc, char **argv)
{
	docket_index *idx = NULL;
	docket_query *q = NULL;
	docket_status st;
	int i = 1, first, pause = 0, by_date = 0, rc = 0;
	char line[16];
	if (i < argc && !strcmp(argv[i], "--pause"))
		pause = 1, i++;
	else if (i < argc && !strcmp(argv[i], "--pause-lists"))
		pause = 2, i++;
	first = i;
	while (i < argc && strcmp(argv[i], "--"))
		i++;
	if (i == first || i + 1 >= argc)
		return fputs("usage: shardq [--pause|--pause-lists] INDEX... -- [OPTS] "
		             "QUERY\n", stderr), 2;
	st = docket_index_open(argv[first], DOCKET_OPEN_READ, &idx);
	for (int k = first + 1; !st && k < i; k++)
		st = docket_index_add(idx, argv[k]);
	if (!st)
		st = docket_query_new(idx, argv[argc - 1], &q);
	for (i++; !st && i < argc - 1;) {
		by_date |= !strcmp(argv[i], "--sort");
		if (option(q, argv, argc - 1, &i)) {
			fprintf(stderr, "shardq: bad option %s\n", argv[i]);
			st = DOCKET_BAD_ARGUMENT;
		}
	}
	if (!st)
		st = run(q, by_date);
	if (!st && pause) {
		puts("ready");
		fflush(stdout);
		if (fgets(line, sizeof line, stdin))
			st = pause == 2 ? read_lists() : run(q, by_date);
	}
	if (st)
		rc = report(idx, st);
	docket_query_free(q);
	docket_index_close(idx);
	return rc;
}
