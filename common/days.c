/* days.c — day numbers and the civil calendar (see days.h).
 *
 * The conversions are Howard Hinnant's well-known days-from-civil
 * algorithm written out from its description: shift the year to start in
 * March so the leap day falls last, then count 400-year eras.  Everything
 * here is integer arithmetic on small values and cannot fail.
 */
#include "days.h"

#include <stdio.h>

int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return mdays[m - 1] + (m == 2 && leap);
}

int days_valid(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && d >= 1 && d <= days_in_month(y, m);
}

int days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;                                 /* 0..399 */
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* 0..365 */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         /* 0..146096 */
	return era * 146097 + doe - 719468;
}

void days_to_civil(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int days_weekday(int z)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int w = (z + 3) % 7;
	return w < 0 ? w + 7 : w;
}

int days_parse_iso(const char *s, int *z)
{
	int v[3] = {0, 0, 0};
	static const int width[3] = {4, 2, 2};
	for (int k = 0; k < 3; k++) {
		for (int i = 0; i < width[k]; i++, s++) {
			if (*s < '0' || *s > '9')
				return -1;
			v[k] = v[k] * 10 + (*s - '0');
		}
		if (*s++ != (k < 2 ? '-' : '\0'))
			return -1;
	}
	if (!days_valid(v[0], v[1], v[2]))
		return -1;
	*z = days_from_civil(v[0], v[1], v[2]);
	return 0;
}

void days_format(int z, char out[11])
{
	int y, m, d;
	days_to_civil(z, &y, &m, &d);
	if (y < 1000)
		y = 1000, m = 1, d = 1;
	if (y > 9999)
		y = 9999, m = 12, d = 31;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	         (unsigned)m % 100u, (unsigned)d % 100u);
}

int days_period_start(int z, enum days_unit unit)
{
	int y, m, d;
	days_to_civil(z, &y, &m, &d);
	switch (unit) {
	case DAYS_WEEK: return z - days_weekday(z);
	case DAYS_MONTH: return days_from_civil(y, m, 1);
	case DAYS_YEAR: return days_from_civil(y, 1, 1);
	case DAYS_DAY: break;
	}
	return z;
}

int days_period_next(int z, enum days_unit unit)
{
	int y, m, d;
	z = days_period_start(z, unit);
	days_to_civil(z, &y, &m, &d);
	switch (unit) {
	case DAYS_WEEK: return z + 7;
	case DAYS_MONTH: return z + days_in_month(y, m);
	case DAYS_YEAR: return days_from_civil(y + 1, 1, 1);
	case DAYS_DAY: break;
	}
	return z + 1;
}
