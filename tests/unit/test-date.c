/* test-date.c — unit tests for indexer/date.c: every accepted shape, range
 * checks and leap years, and the strings that must be rejected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/date.h"

static void accepts(const char *s, const char *want)
{
	char out[11] = "untouched";
	if (date_parse(s, strlen(s), out) != 0)
		fail_msg("rejected '%s'", s);
	assert_string_equal(out, want);
}

static void rejects(const char *s)
{
	char out[11] = "untouched";
	if (date_parse(s, strlen(s), out) != -1)
		fail_msg("accepted '%s' as %s", s, out);
	assert_string_equal(out, "untouched");
}

static void iso_forms(void **state)
{
	accepts("2026-04-27", "2026-04-27");
	accepts("2026-04-27T10:00:00Z", "2026-04-27");
	accepts("2026-04-27T10:00:00.123+02:00", "2026-04-27");
	accepts("2026-04-27 10:00", "2026-04-27");
	accepts("  2026-04-27\n", "2026-04-27");
}

static void written_forms(void **state)
{
	accepts("April 27, 2026", "2026-04-27");
	accepts("april 27 2026", "2026-04-27");
	accepts("Apr. 27, 2026", "2026-04-27");
	accepts("Sept. 3, 2025", "2025-09-03");
	accepts("27 April 2026", "2026-04-27");
	accepts("1 Dec 2025", "2025-12-01");
	accepts("Monday, April 27, 2026", "2026-04-27");
}

static void us_numeric(void **state)
{
	accepts("4/27/2026", "2026-04-27");
	accepts("12/01/2025", "2025-12-01");
	rejects("27/4/2026"); /* month 27 */
}

static void ranges_and_leap_years(void **state)
{
	accepts("2024-02-29", "2024-02-29");
	accepts("2000-02-29", "2000-02-29");
	rejects("2026-02-29");
	rejects("1900-02-29");
	rejects("2026-04-31");
	rejects("2026-13-01");
	rejects("2026-00-10");
	rejects("2026-01-00");
	rejects("February 30, 2024");
}

static void rejects_non_dates(void **state)
{
	rejects("");
	rejects("   ");
	rejects("April 2026");
	rejects("2026");
	rejects("2026-04");
	rejects("yesterday");
	rejects("Aprol 27, 2026");
	rejects("Ap 27, 2026");
	rejects("2026-04-27 garbage");
	rejects("2026-04-27T25");
	rejects("April 27, 2026 and more");
	rejects("20260-04-27");
	rejects("2026-4-27");
}

static void reads_only_n_bytes(void **state)
{
	char out[11];
	const char *s = "2026-04-27T10:00:00Z trailing";
	assert_int_equal(date_parse(s, 10, out), 0);
	assert_string_equal(out, "2026-04-27");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_forms),
		cmocka_unit_test(written_forms),
		cmocka_unit_test(us_numeric),
		cmocka_unit_test(ranges_and_leap_years),
		cmocka_unit_test(rejects_non_dates),
		cmocka_unit_test(reads_only_n_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
