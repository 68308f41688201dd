/* eventdate.h — the dates a passage states, resolved to days.
 *
 * Owned by indexer/eventdate.c; called by the indexer for each passage (to
 * fill value slot 13 and the XE terms) and by eval/dates/score.c.  "Filed on
 * March 4", "at Tuesday's hearing", "last week" are read against the
 * article's own date; the rules are eval/dates/README.md's judging rules.
 * Pure C, no state; the only failure is running out of memory.
 */
#ifndef DOCKET_EVENTDATE_H
#define DOCKET_EVENTDATE_H

#include <stddef.h>

/* One stated date: a single day (first == last) or a run of days. */
typedef struct eventdate_span {
	int first; /* day number (common/days.h) of the first day */
	int last;  /* of the last day, >= first */
} eventdate_span;

/* Spans longer than this many days are kept as their two ends only: a
 * longer run ("from March 1 to June 30") is a period, not an event. */
#define EVENTDATE_MAX_SPAN 31

/* Find the dates TEXT[0..N) states.  ARTICLE_DATE is the article's
 * "YYYY-MM-DD", or NULL/"" when unknown (then only dates with a year are
 * found).  Writes at most MAX spans to OUT, sorted by first day, without
 * duplicates, and returns how many it found (possibly more than MAX; the
 * rest are dropped).  Sets *rc to DOCKET_NO_MEMORY when memory runs out;
 * does nothing and returns 0 when *rc is already set. */
size_t eventdate_find(int *rc, const char *text, size_t n,
                      const char *article_date, eventdate_span *out,
                      size_t max);

/* The days of SPANS[0..NSPANS) — which must be sorted by first day, as
 * eventdate_find leaves them — in order and without duplicates, as
 * "YYYY-MM-DD" strings into OUT (the first MAX of them).  Returns the
 * number of days (possibly more than MAX).  Cannot fail. */
size_t eventdate_days(const eventdate_span *spans, size_t nspans,
                      char (*out)[11], size_t max);

#endif
