/* days.h — calendar days as numbers, for date arithmetic.
 *
 * Owned by common/days.c.  A day is an int counting days from 1970-01-01
 * (negative before it), so spans, weeks and "three days before" are plain
 * integer arithmetic.  Called by indexer/eventdate.c (the dates a passage
 * states) and by the query's date ranges.  Pure, never fails, never
 * allocates.
 */
#ifndef DOCKET_DAYS_H
#define DOCKET_DAYS_H

/* 1 when Y-M-D is a real day of years 1000..9999 (leap years included). */
int days_valid(int y, int m, int d);

/* Days in month M (1..12) of year Y; 0 for a month out of range. */
int days_in_month(int y, int m);

/* The day number of Y-M-D (which must be valid; proleptic Gregorian). */
int days_from_civil(int y, int m, int d);

/* The year, month and day of day number Z. */
void days_to_civil(int z, int *y, int *m, int *d);

/* 0 for Monday .. 6 for Sunday. */
int days_weekday(int z);

/* Read exactly "YYYY-MM-DD" from the NUL-terminated S into *Z.  Returns 0,
 * or -1 (*Z untouched) when S is anything else or not a real day. */
int days_parse_iso(const char *s, int *z);

/* Write day Z as "YYYY-MM-DD" with a NUL (years outside 1000..9999 are
 * clamped to them, which no valid input produces). */
void days_format(int z, char out[11]);

/* Calendar periods, for timelines: weeks run Monday to Sunday. */
enum days_unit { DAYS_DAY, DAYS_WEEK, DAYS_MONTH, DAYS_YEAR };

/* The first day of the period of UNIT that holds day Z. */
int days_period_start(int z, enum days_unit unit);

/* The first day of the period after the one that holds day Z. */
int days_period_next(int z, enum days_unit unit);

#endif
