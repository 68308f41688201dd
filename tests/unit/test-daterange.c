/* test-daterange.c — unit tests for common/daterange.c (the forms date:
 * and event: share) and the calendar periods of common/days.c: every form,
 * open ends, relative forms against a fixed today, and the errors that
 * must name the bad date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/daterange.h"
#include "../../common/days.h"

static int day(const char *iso)
{
	int z;
	if (days_parse_iso(iso, &z))
		fail_msg("bad test date %s", iso);
	return z;
}

/* TODAY for the relative forms: Thursday 2026-03-12. */
static void range_is(const char *s, const char *a, const char *b)
{
	int first = 1, last = 2;
	char err[256] = "";
	if (daterange_parse(s, strlen(s), day("2026-03-12"), "date", &first, &last, err, sizeof err))
		fail_msg("'%s' rejected: %s", s, err);
	if (a ? first != day(a) : first != DATERANGE_MIN)
		fail_msg("'%s': wrong first day", s);
	if (b ? last != day(b) : last != DATERANGE_MAX)
		fail_msg("'%s': wrong last day", s);
}

static void rejected(const char *s, const char *want)
{
	int first = 1, last = 2;
	char err[256] = "";
	if (!daterange_parse(s, strlen(s), day("2026-03-12"), "event", &first, &last, err, sizeof err))
		fail_msg("'%s' accepted", s);
	assert_int_equal(first, 1);
	assert_int_equal(last, 2);
	if (!strstr(err, want))
		fail_msg("'%s': error '%s' lacks '%s'", s, err, want);
}

static void absolute_forms(void **state)
{
	range_is("2026", "2026-01-01", "2026-12-31");
	range_is("2026-02", "2026-02-01", "2026-02-28");
	range_is("2024-02", "2024-02-01", "2024-02-29");
	range_is("202612", "2026-12-01", "2026-12-31");
	range_is("2026-03-30", "2026-03-30", "2026-03-30");
	range_is("20260330", "2026-03-30", "2026-03-30");
}

static void ranges(void **state)
{
	range_is("2026-01..2026-03", "2026-01-01", "2026-03-31");
	range_is("2026-03-01..2026-03-31", "2026-03-01", "2026-03-31");
	range_is("2025..2026-02", "2025-01-01", "2026-02-28");
	range_is("2026-04-01..", "2026-04-01", NULL);
	range_is("..2026-04", NULL, "2026-04-30");
	range_is("2026-03-04..2026-03-04", "2026-03-04", "2026-03-04");
	range_is("2026-01..today", "2026-01-01", "2026-03-12");
}

static void relative_forms(void **state)
{
	range_is("today", "2026-03-12", "2026-03-12");
	range_is("yesterday", "2026-03-11", "2026-03-11");
	range_is("tomorrow", "2026-03-13", "2026-03-13");
	range_is("this-week", "2026-03-09", "2026-03-15");
	range_is("last-week", "2026-03-02", "2026-03-08");
	range_is("next-week", "2026-03-16", "2026-03-22");
	range_is("this-month", "2026-03-01", "2026-03-31");
	range_is("last-month", "2026-02-01", "2026-02-28");
	range_is("this-year", "2026-01-01", "2026-12-31");
	range_is("last-year", "2025-01-01", "2025-12-31");
	range_is("7d", "2026-03-06", "2026-03-12");
	range_is("1d", "2026-03-12", "2026-03-12");
	range_is("2w", "2026-02-27", "2026-03-12");
	range_is("3m", "2025-12-13", "2026-03-12");
	range_is("1y", "2025-03-13", "2026-03-12");
	range_is("last-week..today", "2026-03-02", "2026-03-12");
}

static void month_edges(void **state)
{
	int first, last;
	char err[64];
	/* last-month from a January; 1m from the 31st of a month after a short one */
	assert_int_equal(daterange_parse("last-month", 10, day("2026-01-15"), "date", &first, &last, err, sizeof err), 0);
	assert_int_equal(first, day("2025-12-01"));
	assert_int_equal(last, day("2025-12-31"));
	assert_int_equal(daterange_parse("1m", 2, day("2026-03-31"), "date", &first, &last, err, sizeof err), 0);
	assert_int_equal(first, day("2026-03-01"));
}

static void errors(void **state)
{
	rejected("2026-13-45", "bad date '2026-13-45' in event:2026-13-45");
	rejected("2026-13-45..", "bad date '2026-13-45'");
	rejected("2026-02-30", "bad date '2026-02-30'");
	rejected("2026-01..2026-13", "bad date '2026-13'");
	rejected("2026-3-1", "bad date");
	rejected("26", "bad date");
	rejected("0d", "bad date");
	rejected("7x", "bad date");
	rejected("next-decade", "bad date");
	rejected("Yesterday", "bad date");
	rejected("..", "empty date");
	rejected("", "empty date");
	rejected("2026-03..2026-01", "ends before it starts");
	rejected("2026-03-01...2026-03-02", "bad date");
	/* the error lists the forms */
	rejected("soon", "YYYY-MM-DD");
}

static void periods(void **state)
{
	int z = day("2026-03-12");
	assert_int_equal(days_period_start(z, DAYS_DAY), z);
	assert_int_equal(days_period_start(z, DAYS_WEEK), day("2026-03-09"));
	assert_int_equal(days_period_start(z, DAYS_MONTH), day("2026-03-01"));
	assert_int_equal(days_period_start(z, DAYS_YEAR), day("2026-01-01"));
	assert_int_equal(days_period_next(z, DAYS_DAY), day("2026-03-13"));
	assert_int_equal(days_period_next(z, DAYS_WEEK), day("2026-03-16"));
	assert_int_equal(days_period_next(day("2024-02-10"), DAYS_MONTH), day("2024-03-01"));
	assert_int_equal(days_period_next(day("2025-12-31"), DAYS_MONTH), day("2026-01-01"));
	assert_int_equal(days_period_next(z, DAYS_YEAR), day("2027-01-01"));
}

static void today_override(void **state)
{
	setenv("DOCKET_TODAY", "2026-03-12", 1);
	assert_int_equal(daterange_today(), day("2026-03-12"));
	setenv("DOCKET_TODAY", "not a date", 1);
	assert_true(daterange_today() > day("2026-01-01"));
	unsetenv("DOCKET_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(absolute_forms), cmocka_unit_test(ranges),
		cmocka_unit_test(relative_forms), cmocka_unit_test(month_edges),
		cmocka_unit_test(errors),         cmocka_unit_test(periods),
		cmocka_unit_test(today_override),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
