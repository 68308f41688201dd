/* daterange.c — reading date: and event: values (see daterange.h).
 *
 * A value is cut at its first ".." into two ends; each end is one period
 * (a year, a month, a day, a named or counted span) read by period(), and
 * the range runs from the first end's first day to the second end's last.
 * Strict on purpose: anything else is an error naming the value, never an
 * empty result (issue 13).
 */
#include "daterange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "days.h"

/* Read exactly N digits at S into *V; 1 when they are all digits. */
static int digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return n > 0;
}

/* The day Y-M-D counted back N months (N may be 0), its day clamped to
 * the month's length. */
static int months_back(int z, int n)
{
	int y, m, d;
	days_to_civil(z, &y, &m, &d);
	int k = y * 12 + (m - 1) - n;
	y = k / 12, m = k % 12 + 1;
	int len = days_in_month(y, m);
	return days_from_civil(y, m, d < len ? d : len);
}

/* A year, month or day written with digits: its first and last day. */
static int numeric(const char *s, size_t n, int *a, int *b)
{
	int y, m = 0, d = 0;
	int dashed = n >= 7 && s[4] == '-';
	if (!digits(s, 4, &y))
		return 0;
	if (n == 4) {
		m = 0;
	} else if (n == 7 && dashed) {
		if (!digits(s + 5, 2, &m))
			return 0;
	} else if (n == 6) {
		if (!digits(s + 4, 2, &m))
			return 0;
	} else if ((n == 10 && dashed && s[7] == '-') || n == 8) {
		size_t mo = dashed ? 5 : 4, dd = dashed ? 8 : 6;
		if (!digits(s + mo, 2, &m) || !digits(s + dd, 2, &d))
			return 0;
	} else {
		return 0;
	}
	if (d ? !days_valid(y, m, d) : !days_valid(y, m ? m : 1, 1))
		return 0;
	*a = days_from_civil(y, m ? m : 1, d ? d : 1);
	*b = d ? *a : days_from_civil(y, m ? m : 12, m ? days_in_month(y, m) : 31);
	return 1;
}

/* "7d", "2w", "3m", "1y": the last N units ending TODAY. */
static int counted(const char *s, size_t n, int today, int *a, int *b)
{
	int v;
	if (n < 2 || n > 5 || !digits(s, n - 1, &v) || v < 1)
		return 0;
	switch (s[n - 1]) {
	case 'd': *a = today - v + 1; break;
	case 'w': *a = today - 7 * v + 1; break;
	case 'm': *a = months_back(today, v) + 1; break;
	case 'y': *a = months_back(today, 12 * v) + 1; break;
	default: return 0;
	}
	*b = today;
	return 1;
}

static int word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(s, w, n);
}

/* "today", "last-week", "this-month", ...: its first and last day. */
static int named(const char *s, size_t n, int today, int *a, int *b)
{
	static const char *const days[3] = {"yesterday", "today", "tomorrow"};
	static const char *const rel[3] = {"last-", "this-", "next-"};
	for (int k = 0; k < 3; k++)
		if (word_is(s, n, days[k]))
			return *a = *b = today + k - 1, 1;
	for (int k = 0; k < 3; k++) {
		if (n < 6 || memcmp(s, rel[k], 5))
			continue;
		int y, m, d, off = k - 1;
		days_to_civil(today, &y, &m, &d);
		if (word_is(s + 5, n - 5, "week")) {
			*a = today - days_weekday(today) + 7 * off;
			*b = *a + 6;
		} else if (word_is(s + 5, n - 5, "month")) {
			*a = months_back(days_from_civil(y, m, 1), -off);
			days_to_civil(*a, &y, &m, &d);
			*b = *a + days_in_month(y, m) - 1;
		} else if (word_is(s + 5, n - 5, "year") && days_valid(y + off, 1, 1)) {
			*a = days_from_civil(y + off, 1, 1);
			*b = days_from_civil(y + off, 12, 31);
		} else {
			return 0;
		}
		return 1;
	}
	return 0;
}

static int period(const char *s, size_t n, int today, int *a, int *b)
{
	return numeric(s, n, a, b) || counted(s, n, today, a, b) ||
	       named(s, n, today, a, b);
}

static int fail(const char *s, size_t n, const char *bad, size_t bn,
                const char *field, char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "%s '%.*s' in %s:%.*s (%s)", bn ? "bad date" : "empty date",
	         (int)bn, bad, field, (int)n, s, why);
	return -1;
}

int daterange_parse(const char *s, size_t n, int today, const char *field,
                    int *first, int *last, char *err, size_t errlen)
{
	static const char *const forms =
		"use YYYY, YYYY-MM, YYYY-MM-DD, A..B, A.., ..B, today, yesterday, "
		"this-week, last-month, 7d, 3m";
	const char *dots = NULL;
	for (size_t i = 0; i + 1 < n && !dots; i++)
		if (s[i] == '.' && s[i + 1] == '.')
			dots = s + i;
	size_t an = dots ? (size_t)(dots - s) : n;
	const char *bs = dots ? dots + 2 : s;
	size_t bn = dots ? n - an - 2 : n;
	int a = DATERANGE_MIN, b = DATERANGE_MAX, x, y;
	if (!an && !bn)
		return fail(s, n, s, 0, field, err, errlen, forms);
	if (an && !period(s, an, today, &a, &y))
		return fail(s, n, s, an, field, err, errlen, forms);
	if (bn && !period(bs, bn, today, &x, &b))
		return fail(s, n, bs, bn, field, err, errlen, forms);
	if (a != DATERANGE_MIN && b != DATERANGE_MAX && a > b)
		return fail(s, n, s, n, field, err, errlen, "the range ends before it starts");
	*first = a, *last = b;
	return 0;
}

int daterange_today(void)
{
	const char *env = getenv("DOCKET_TODAY");
	int z;
	if (env && !days_parse_iso(env, &z))
		return z;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
