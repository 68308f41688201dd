/* date.c — parsing publication dates into YYYY-MM-DD (see date.h).
 *
 * A tiny cursor-based reader: each accepted shape is one function that
 * either consumes the whole (trimmed) string or fails.  Strictness is the
 * point: a date that cannot be read exactly is reported by the caller and
 * stored as unknown, never guessed.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct cur {
	const char *s; /* the trimmed input */
	size_t n;      /* its length */
	size_t i;      /* read position */
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int at_end(const struct cur *c) { return c->i >= c->n; }

/* Read 1..MAX digits into *V (at least MIN); returns the count or 0. */
static int digits(struct cur *c, int min, int max, int *v)
{
	int k = 0;
	*v = 0;
	while (k < max && !at_end(c) && is_digit(c->s[c->i])) {
		*v = *v * 10 + (c->s[c->i++] - '0');
		k++;
	}
	if (k < min || (!at_end(c) && is_digit(c->s[c->i])))
		return 0;
	return k;
}

static int eat(struct cur *c, char ch)
{
	if (at_end(c) || c->s[c->i] != ch)
		return 0;
	c->i++;
	return 1;
}

static void spaces(struct cur *c)
{
	while (!at_end(c) && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
		c->i++;
}

/* A month name, full or abbreviated (3+ letters, or "Sept"), with an
 * optional dot after an abbreviation.  Returns 1..12 or 0. */
static int month_name(struct cur *c)
{
	static const char *const names[12] = {
		"january", "february", "march",     "april",   "may",      "june",
		"july",    "august",   "september", "october", "november", "december"};
	size_t start = c->i;
	while (!at_end(c) && is_alpha(c->s[c->i]))
		c->i++;
	size_t len = c->i - start;
	for (int m = 0; m < 12 && len >= 3; m++) {
		size_t full = strlen(names[m]);
		if (len > full || strncasecmp(c->s + start, names[m], len))
			continue;
		if (len != full && len != 3 && !(m == 8 && len == 4))
			continue;
		if (len != full)
			eat(c, '.');
		return m + 1;
	}
	c->i = start;
	return 0;
}

/* Skip "Monday, " (or "Mon. ") at the start, if present. */
static void weekday(struct cur *c)
{
	static const char *const days[7] = {"monday", "tuesday", "wednesday",
	                                    "thursday", "friday", "saturday",
	                                    "sunday"};
	size_t start = c->i;
	while (!at_end(c) && is_alpha(c->s[c->i]))
		c->i++;
	size_t len = c->i - start;
	for (int d = 0; d < 7 && len >= 3; d++) {
		size_t full = strlen(days[d]);
		if (len > full || strncasecmp(c->s + start, days[d], len))
			continue;
		if (len != full && len != 3)
			continue;
		eat(c, '.');
		eat(c, ',');
		spaces(c);
		return;
	}
	c->i = start;
}

static int valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* "HH:MM" and anything after it (seconds, fraction, zone). */
static int time_tail(struct cur *c)
{
	int h, mi;
	if (!digits(c, 2, 2, &h) || !eat(c, ':') || !digits(c, 2, 2, &mi))
		return 0;
	c->i = c->n;
	return h <= 24 && mi <= 59;
}

static int iso(struct cur *c, int *y, int *m, int *d)
{
	if (!digits(c, 4, 4, y) || !eat(c, '-') || !digits(c, 2, 2, m) ||
	    !eat(c, '-') || !digits(c, 2, 2, d))
		return 0;
	if (at_end(c))
		return 1;
	if (c->s[c->i] != 'T' && c->s[c->i] != 't' && c->s[c->i] != ' ')
		return 0;
	c->i++;
	spaces(c);
	return time_tail(c);
}

static int us_numeric(struct cur *c, int *y, int *m, int *d)
{
	return digits(c, 1, 2, m) && eat(c, '/') && digits(c, 1, 2, d) &&
	       eat(c, '/') && digits(c, 4, 4, y) && at_end(c);
}

/* "April 27, 2026", "Apr. 27 2026". */
static int month_first(struct cur *c, int *y, int *m, int *d)
{
	if (!(*m = month_name(c)))
		return 0;
	spaces(c);
	if (!digits(c, 1, 2, d))
		return 0;
	eat(c, ',');
	spaces(c);
	return digits(c, 4, 4, y) && at_end(c);
}

/* "27 April 2026", "27 Apr. 2026". */
static int day_first(struct cur *c, int *y, int *m, int *d)
{
	if (!digits(c, 1, 2, d))
		return 0;
	spaces(c);
	if (!(*m = month_name(c)))
		return 0;
	eat(c, ',');
	spaces(c);
	return digits(c, 4, 4, y) && at_end(c);
}

int date_parse(const char *s, size_t n, char out[11])
{
	typedef int (*shape)(struct cur *, int *, int *, int *);
	static const shape shapes[] = {iso, us_numeric, month_first, day_first};
	while (n && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	struct cur c = {s, n, 0};
	weekday(&c);
	size_t start = c.i;
	for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
		int y, m, d;
		c.i = start;
		if (shapes[k](&c, &y, &m, &d) && valid(y, m, d)) {
			/* valid() bounds them: 4, 2 and 2 digits */
			snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
			         (unsigned)m % 100u, (unsigned)d % 100u);
			return 0;
		}
	}
	return -1;
}
