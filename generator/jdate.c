/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Calendar arithmetic and Japanese date formats, clamped to the years
 * 1 to 9999 so that no input overflows.
 */
#include <stdint.h>
#include <stdio.h>

#include "jdate.h"

/* Clamps v into [lo, hi]; sets *moved when it had to. */
static int64_t
jdate_clamp(int64_t v, int64_t lo, int64_t hi, int *moved)
{
	if (v < lo) {
		*moved = 1;
		return lo;
	}
	if (v > hi) {
		*moved = 1;
		return hi;
	}
	return v;
}

int
jdate_clamp_time(int64_t *t, int *offset)
{
	int	 moved = 0;

	*t = jdate_clamp(*t, JDATE_TIME_MIN, JDATE_TIME_MAX, &moved);
	*offset = (int)jdate_clamp(*offset, -JDATE_OFFSET_MAX, JDATE_OFFSET_MAX,
	    &moved);
	return moved ? -1 : 0;
}

/*
 * Days from a civil date (Howard Hinnant's algorithm).  Any int fields are
 * safe: the year is clamped into range, the month to 1..12 and the day to
 * 1..31 first, so the products stay far inside int64_t.
 */
int64_t
jdate_days(const struct jdate *d)
{
	int	 moved = 0;
	int64_t	 year = jdate_clamp(d->year, JDATE_YEAR_MIN, JDATE_YEAR_MAX, &moved);
	int64_t	 month = jdate_clamp(d->month, 1, 12, &moved);
	int64_t	 day = jdate_clamp(d->day, 1, 31, &moved);
	int64_t	 y = year - (month <= 2);
	int64_t	 era = (y >= 0 ? y : y - 399) / 400;
	int64_t	 yoe = y - era * 400;
	int64_t	 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The civil date of a day count, clamped to 0001-01-01 .. 9999-12-31. */
static void
jdate_from_days(struct jdate *d, int64_t z)
{
	static const struct jdate first = { JDATE_YEAR_MIN, 1, 1 };
	static const struct jdate last = { JDATE_YEAR_MAX, 12, 31 };
	int64_t	 era, doe, yoe, doy, mp, y;
	int	 moved = 0;

	z = jdate_clamp(z, jdate_days(&first), jdate_days(&last), &moved);
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d->year = (int)(y + (d->month <= 2));
}

int
jdate_from_time(struct jdate *d, int64_t t, int offset)
{
	int	 rc = jdate_clamp_time(&t, &offset);
	int64_t	 local = t + (int64_t)offset * 60;

	jdate_from_days(d, (local >= 0 ? local : local - 86399) / 86400);
	return rc;
}

int
jdate_parse(struct jdate *d, const char *s)
{
	struct jdate	 back;
	char		 tail;

	if (sscanf(s, "%4d-%2d-%2d%c", &d->year, &d->month, &d->day, &tail) != 3)
		return -1;
	if (d->year < JDATE_YEAR_MIN || d->year > JDATE_YEAR_MAX ||
	    d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31)
		return -1;
	jdate_from_days(&back, jdate_days(d));
	return back.month == d->month && back.day == d->day ? 0 : -1;
}

char *
jdate_format(char *out, size_t sz, const struct jdate *d, int wareki)
{
	struct jdate	 reiwa = { 2019, 5, 1 }, heisei = { 1989, 1, 8 };
	int64_t		 days = jdate_days(d);
	int		 y;

	if (!wareki || days < jdate_days(&heisei)) {
		snprintf(out, sz, "%d年%d月%d日", d->year, d->month, d->day);
		return out;
	}
	if (days >= jdate_days(&reiwa)) {
		y = d->year - 2018;
		if (y == 1)
			snprintf(out, sz, "令和元年%d月%d日", d->month, d->day);
		else
			snprintf(out, sz, "令和%d年%d月%d日", y, d->month, d->day);
	} else {
		y = d->year - 1988;
		if (y == 1)
			snprintf(out, sz, "平成元年%d月%d日", d->month, d->day);
		else
			snprintf(out, sz, "平成%d年%d月%d日", y, d->month, d->day);
	}
	return out;
}

char *
jdate_iso(char *out, size_t sz, const struct jdate *d)
{
	snprintf(out, sz, "%04d-%02d-%02d", d->year, d->month, d->day);
	return out;
}

void
jdate_add_months(struct jdate *d, int months)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 moved = 0, last;
	int64_t	 m = (int64_t)d->year * 12 + ((int64_t)d->month - 1) + months;

	m = jdate_clamp(m, (int64_t)JDATE_YEAR_MIN * 12,
	    (int64_t)JDATE_YEAR_MAX * 12 + 11, &moved);
	d->year = (int)(m / 12);
	d->month = (int)(m % 12 + 1);
	last = mdays[d->month - 1] + (d->month == 2 && ((d->year % 4 == 0 &&
	    d->year % 100 != 0) || d->year % 400 == 0));
	if (d->day > last)
		d->day = last;
}
