/* driver.h — what the three in-process query drivers share: reading
 * bench/queries.tsv, the clock, evicting an index from the page cache, and
 * the one-line sample format that bench/run aggregates.
 *
 * Used by bench/docket-query.c, bench/base-xapian.cc and bench/base-fts5.c.
 * A driver runs every query of the file REPEAT times: warm (one unrecorded
 * run first, then REPEAT recorded ones on the open index) or cold (before
 * each run the EVICT program drops the index's files from the page cache and
 * the index is reopened; the reopen is inside the timed part).
 */
#ifndef BENCH_DRIVER_H
#define BENCH_DRIVER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct query_line {
	char cls[32]; /* the query class: common, rare, words, phrase, ... */
	char *text;   /* the query in docket's syntax */
};

/* Read QUERIES ("class<TAB>query" lines; '#' lines and blank lines are
 * skipped) into a new array *OUT of *N entries.  Returns 0, or -1 with a
 * message on stderr. */
int read_queries(const char *file, struct query_line **out, size_t *n);
void free_queries(struct query_line *q, size_t n);

/* Seconds on the monotonic clock. */
double now_seconds(void);

/* Run "EVICT DIR" (the bench/evict helper) and wait for it. */
void evict_index(const char *evict, const char *dir);

/* Print one sample: "sample CLASS QNO MODE MICROSECONDS HITS", tab-separated,
 * MODE being "warm" or "cold". */
void print_sample(const struct query_line *q, size_t qno, int cold,
                  double seconds, size_t hits);

/* Parse "[--repeat N] [--cold EVICT]" (ARGC words of ARGV); *REPEAT and
 * *EVICT keep their values when an option is absent.  Returns 0, or -1 with
 * a message on stderr. */
int parse_query_options(int argc, char **argv, int *repeat,
                        const char **evict);

#ifdef __cplusplus
}
#endif
#endif
