/* date.h — reading the publication dates articles carry.
 *
 * Owned by indexer/date.c; called by the parsers (text.c, html.c, json.c)
 * to turn a header's date into the YYYY-MM-DD the index stores.
 */
#ifndef DOCKET_DATE_H
#define DOCKET_DATE_H

#include <stddef.h>

/* Read the date in S[0..N) (surrounding whitespace ignored) and write it to
 * OUT as "YYYY-MM-DD" with a NUL.  Accepted: ISO dates and datetimes
 * ("2026-04-27", "2026-04-27T10:00:00Z", "2026-04-27 10:00"), "April 27,
 * 2026", "Apr. 27, 2026", "Apr 27 2026", "27 April 2026", US numeric
 * "4/27/2026", each optionally after a weekday ("Monday, April 27, 2026").
 * Years 1000..9999; month and day are checked (leap years included).
 * Returns 0, or -1 (OUT untouched) when S is not one complete date — a
 * month without a day ("April 2026") is rejected. */
int date_parse(const char *s, size_t n, char out[11]);

#endif
