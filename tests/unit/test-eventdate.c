/* test-eventdate.c — unit tests for common/days.c (day numbers) and
 * indexer/eventdate.c (the dates a passage states): each kind of
 * expression, the year and weekday rules at their edges, what must not be
 * read as a date, the span cap, truncation, sticky errors and the day
 * expansion the index stores. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/days.h"
#include "../../docket.h"
#include "../../indexer/eventdate.h"

/* The spans found in TEXT, as "A" or "A..B" joined by spaces ("-" for
 * none), into OUT. */
static const char *found(const char *text, const char *article)
{
	static char out[512];
	eventdate_span s[16];
	int rc = 0;
	size_t n = eventdate_find(&rc, text, strlen(text), article, s, 16);
	assert_int_equal(rc, 0);
	assert_true(n <= 16);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char a[11], b[11];
		days_format(s[i].first, a);
		days_format(s[i].last, b);
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, s[i].first == s[i].last ? "%s%s" : "%s%s..%s",
		         i ? " " : "", a, b);
	}
	return n ? out : "-";
}

static void day_numbers(void **state)
{
	int z;
	assert_int_equal(days_from_civil(1970, 1, 1), 0);
	assert_int_equal(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28), 2);
	assert_int_equal(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28), 1);
	assert_int_equal(days_weekday(days_from_civil(2026, 3, 12)), 3); /* Thursday */
	assert_int_equal(days_weekday(days_from_civil(1969, 12, 29)), 0); /* Monday */
	assert_int_equal(days_parse_iso("2024-02-29", &z), 0);
	char s[11];
	days_format(z, s);
	assert_string_equal(s, "2024-02-29");
	for (int k = -800000; k < 800000; k += 997) {
		int y, m, d;
		days_to_civil(k, &y, &m, &d);
		assert_int_equal(days_from_civil(y, m, d), k);
	}
	z = 7;
	assert_int_equal(days_parse_iso("2026-02-29", &z), -1);
	assert_int_equal(days_parse_iso("2026-3-01", &z), -1);
	assert_int_equal(days_parse_iso("2026-03-01x", &z), -1);
	assert_int_equal(days_parse_iso("", &z), -1);
	assert_int_equal(z, 7);
	assert_int_equal(days_in_month(2026, 13), 0);
}

static void absolute_dates(void **state)
{
	const char *a = "2026-03-12";
	assert_string_equal(found("Filed March 4, 2026.", a), "2026-03-04");
	assert_string_equal(found("Filed Mar. 4 in Ohio.", a), "2026-03-04");
	assert_string_equal(found("Filed 4 March 2025, then", a), "2025-03-04");
	assert_string_equal(found("the 4th of March", a), "2026-03-04");
	assert_string_equal(found("Sept. 2 and Sep 3", a), "2026-09-02 2026-09-03");
	assert_string_equal(found("entered 2025-11-03 and 11/4/2025", a), "2025-11-03 2025-11-04");
	assert_string_equal(found("Monday, March 9, the judge", a), "2026-03-09");
	/* dates with a year need no article date */
	assert_string_equal(found("On May 5, 2024, it began.", NULL), "2024-05-05");
	assert_string_equal(found("On May 5 it began.", NULL), "-");
	assert_string_equal(found("On May 5 it began.", ""), "-");
}

static void nearest_year(void **state)
{
	assert_string_equal(found("a Dec. 18 conference", "2026-01-08"), "2025-12-18");
	assert_string_equal(found("set for Jan. 12", "2025-12-22"), "2026-01-12");
	/* only the leap year has the day */
	assert_string_equal(found("on Feb. 29", "2027-06-01"), "2028-02-29");
	assert_string_equal(found("on Feb. 30", "2027-06-01"), "-");
}

static void ranges(void **state)
{
	const char *a = "2026-03-12";
	assert_string_equal(found("ran March 4-6 in", a), "2026-03-04..2026-03-06");
	assert_string_equal(found("ran March 4\xE2\x80\x93" "6 in", a), "2026-03-04..2026-03-06");
	assert_string_equal(found("from March 30 to April 2", a), "2026-03-30..2026-04-02");
	assert_string_equal(found("between May 11 and May 13", a), "2026-05-11..2026-05-13");
	assert_string_equal(found("Feb. 9 through Feb. 12, 2027", a), "2027-02-09..2027-02-12");
	assert_string_equal(found("Dec. 30 to Jan. 2, 2027", a), "2026-12-30..2027-01-02");
	assert_string_equal(found("held 4-6 March", a), "2026-03-04..2026-03-06");
	assert_string_equal(found("on Oct. 1 and Oct. 5", a), "2025-10-01 2025-10-05");
	assert_string_equal(found("March 4 and 5", a), "2026-03-04 2026-03-05");
	/* longer than EVENTDATE_MAX_SPAN: the two ends */
	assert_string_equal(found("from March 1 to June 30", a), "2026-03-01 2026-06-30");
}

static void relative_days_and_weeks(void **state)
{
	const char *thu = "2026-03-12";
	assert_string_equal(found("said yesterday", thu), "2026-03-11");
	assert_string_equal(found("Yesterday\xE2\x80\x99s order", thu), "2026-03-11");
	assert_string_equal(found("expected tomorrow", thu), "2026-03-13");
	assert_string_equal(found("declined to comment today", thu), "2026-03-12");
	assert_string_equal(found("Phones today hold more data", thu), "-");
	assert_string_equal(found("last week", thu), "2026-03-02..2026-03-08");
	assert_string_equal(found("this week", thu), "2026-03-09..2026-03-15");
	assert_string_equal(found("next week's hearing", thu), "2026-03-16..2026-03-22");
	assert_string_equal(found("the day before yesterday", thu), "2026-03-10");
	assert_string_equal(found("the day after tomorrow", thu), "2026-03-14");
	assert_string_equal(found("said yesterday", NULL), "-");
	assert_string_equal(found("last week", "not a date"), "-");
}

static void weekdays(void **state)
{
	const char *thu = "2026-03-12", *mon = "2026-04-27";
	assert_string_equal(found("filed on Monday", thu), "2026-03-09");
	assert_string_equal(found("At Tuesday's hearing", thu), "2026-03-10");
	assert_string_equal(found("ruled Thursday", thu), "2026-03-12");
	assert_string_equal(found("ruled on Monday", mon), "2026-04-27");
	assert_string_equal(found("will hear it on Monday", thu), "2026-03-16");
	assert_string_equal(found("will hear it on Monday", mon), "2026-05-04");
	assert_string_equal(found("is set for Friday", thu), "2026-03-13");
	assert_string_equal(found("Last Friday, it", thu), "2026-03-06");
	assert_string_equal(found("last Thursday", thu), "2026-03-05");
	assert_string_equal(found("next Tuesday", thu), "2026-03-17");
	assert_string_equal(found("next Thursday", thu), "2026-03-19");
	assert_string_equal(found("this Saturday", thu), "2026-03-14");
	assert_string_equal(found("A week ago Tuesday, it", thu), "2026-03-03");
	assert_string_equal(found("on Tuesday next week", thu), "2026-03-17");
	assert_string_equal(found("Monday through Friday next week", thu), "2026-03-16..2026-03-20");
	assert_string_equal(found("ran from Monday to Wednesday", thu), "2026-03-09..2026-03-11");
	assert_string_equal(found("will sit Monday to Wednesday", thu), "2026-03-16..2026-03-18");
	/* a cue before a comma belongs to another clause */
	assert_string_equal(found("It will appeal, lawyers said Monday", thu), "2026-03-09");
}

static void not_dates(void **state)
{
	const char *a = "2026-03-12";
	const char *neg[] = {
		"Exhibit 4 March", "Section 230", "the 2019 email", "in March 2027",
		"early March", "next month", "may 5 things", "march 3 miles",
		"Black Friday sales", "on Mondays", "the first Tuesday of each month",
		"a 4-3 vote", "at 10:30", "4.5 percent", "12b", "Rule 12",
		"No. 3:26-cv-0412", "Count 3 March", "", "\xE2\x80\x94", "'s",
	};
	for (size_t i = 0; i < sizeof neg / sizeof *neg; i++)
		if (strcmp(found(neg[i], a), "-"))
			fail_msg("'%s' gave %s", neg[i], found(neg[i], a));
}

static void truncation_and_errors(void **state)
{
	const char *text = "March 1, March 2, March 3, March 4 and March 5.";
	eventdate_span s[2];
	int rc = 0;
	assert_int_equal(eventdate_find(&rc, text, strlen(text), "2026-03-12", s, 2), 5);
	assert_int_equal(rc, 0);
	assert_int_equal(s[0].first, days_from_civil(2026, 3, 1));
	/* repeated dates count once */
	text = "March 4, 2026 and again March 4, 2026";
	assert_int_equal(eventdate_find(&rc, text, strlen(text), NULL, s, 2), 1);
	/* a sticky error: nothing done */
	rc = DOCKET_NO_MEMORY;
	assert_int_equal(eventdate_find(&rc, text, strlen(text), NULL, s, 2), 0);
	assert_int_equal(rc, DOCKET_NO_MEMORY);
	/* only N bytes are read */
	rc = 0;
	text = "on March 4, 2026";
	assert_int_equal(eventdate_find(&rc, text, 8, NULL, s, 2), 0);
}

static void day_expansion(void **state)
{
	/* sorted by first day, overlapping */
	eventdate_span s[3] = {
		{days_from_civil(2026, 3, 1), days_from_civil(2026, 3, 1)},
		{days_from_civil(2026, 3, 30), days_from_civil(2026, 4, 2)},
		{days_from_civil(2026, 4, 1), days_from_civil(2026, 4, 1)},
	};
	char d[8][11];
	assert_int_equal(eventdate_days(s, 3, d, 8), 5);
	assert_string_equal(d[0], "2026-03-01");
	assert_string_equal(d[1], "2026-03-30");
	assert_string_equal(d[4], "2026-04-02");
	assert_int_equal(eventdate_days(s, 3, d, 2), 5);
	assert_int_equal(eventdate_days(s, 0, d, 8), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(day_numbers),
		cmocka_unit_test(absolute_dates),
		cmocka_unit_test(nearest_year),
		cmocka_unit_test(ranges),
		cmocka_unit_test(relative_days_and_weeks),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(not_dates),
		cmocka_unit_test(truncation_and_errors),
		cmocka_unit_test(day_expansion),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
