/* daterange.h — the date forms of the query language (date:, event:).
 *
 * Owned by common/daterange.c; called by the engine's field processors for
 * `date:` (publication date, value slot 0) and `event:` (event dates, XE
 * terms), so both fields take exactly the same forms.  Pure C; the only
 * outside input is today's date, passed in (see daterange_today).
 *
 * Forms (a PERIOD is one of):
 *   2026            the year            2026-03, 202603    the month
 *   2026-03-04, 20260304  the day
 *   today, yesterday, tomorrow
 *   this-week, last-week, next-week   (weeks run Monday to Sunday)
 *   this-month, last-month, this-year, last-year
 *   7d, 2w, 3m, 1y  the last N days / weeks / months / years, today included
 * and a RANGE is PERIOD, A..B (from A's first day to B's last), A.. (open
 * above) or ..B (open below).
 */
#ifndef DOCKET_DATERANGE_H
#define DOCKET_DATERANGE_H

#include <limits.h>
#include <stddef.h>

#define DATERANGE_MIN INT_MIN /* first of an open-below range */
#define DATERANGE_MAX INT_MAX /* last of an open-above range */

/* Read the range in S[0..N) into *FIRST..*LAST (day numbers, common/days.h,
 * both included; open ends as DATERANGE_MIN / DATERANGE_MAX).  TODAY is the
 * day number relative forms count from.  Returns 0, or -1 with *FIRST and
 * *LAST untouched and one line in ERR (at most ERRLEN bytes, NUL included)
 * naming FIELD and the bad date, e.g. "bad date '2026-13-45' in
 * date:2026-13-45 (use YYYY, YYYY-MM, YYYY-MM-DD, A..B, today, 7d, ...)". */
int daterange_parse(const char *s, size_t n, int today, const char *field,
                    int *first, int *last, char *err, size_t errlen);

/* Today's day number: $DOCKET_TODAY when it holds a YYYY-MM-DD (for tests
 * and reproducible scripts), else the local calendar date. */
int daterange_today(void);

#endif
