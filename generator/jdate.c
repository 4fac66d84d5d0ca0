/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Calendar arithmetic and Japanese date formats.
 */
#include <stdint.h>
#include <stdio.h>

#include "jdate.h"

/* Days from a civil date (Howard Hinnant's algorithm). */
int64_t
jdate_days(const struct jdate *d)
{
	int64_t	 y = d->year - (d->month <= 2);
	int64_t	 era = (y >= 0 ? y : y - 399) / 400;
	int64_t	 yoe = y - era * 400;
	int64_t	 doy = (153 * (d->month + (d->month > 2 ? -3 : 9)) + 2) / 5 +
		    d->day - 1;
	int64_t	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The civil date of a day count. */
static void
jdate_from_days(struct jdate *d, int64_t z)
{
	int64_t	 era, doe, yoe, doy, mp, y;

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

void
jdate_from_time(struct jdate *d, int64_t t, int offset)
{
	int64_t	 local = t + (int64_t)offset * 60;

	jdate_from_days(d, (local >= 0 ? local : local - 86399) / 86400);
}

int
jdate_parse(struct jdate *d, const char *s)
{
	struct jdate	 back;
	char		 tail;

	if (sscanf(s, "%4d-%2d-%2d%c", &d->year, &d->month, &d->day, &tail) != 3)
		return -1;
	if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31)
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
	int	 m = d->year * 12 + (d->month - 1) + months, last;

	d->year = m / 12;
	d->month = m % 12 + 1;
	last = mdays[d->month - 1] + (d->month == 2 && ((d->year % 4 == 0 &&
	    d->year % 100 != 0) || d->year % 400 == 0));
	if (d->day > last)
		d->day = last;
}
