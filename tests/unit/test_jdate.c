/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of jdate: days and times to calendar days and back, the
 * Japanese and ISO formats, month arithmetic, and times and dates at and
 * beyond the ends of the range (issue 11, F): clamped, never overflowing.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "jdate.h"

/* Checks the ISO day of time t at offset. */
static void
jdate_time_is(int64_t t, int offset, const char *want, int want_rc)
{
	struct jdate	 d;
	char		 iso[32], name[96];
	int		 rc;

	rc = jdate_from_time(&d, t, offset);
	snprintf(name, sizeof(name), "time %lld at %+d is %s",
	    (long long)t, offset, want);
	STR_EQ(name, jdate_iso(iso, sizeof(iso), &d), want);
	snprintf(name, sizeof(name), "time %lld at %+d: clamped is %d",
	    (long long)t, offset, want_rc);
	INT_EQ(name, rc, want_rc);
}

/* Checks that adding months to a day gives want. */
static void
jdate_months_is(int y, int m, int dd, int months, const char *want)
{
	struct jdate	 d = { y, m, dd };
	char		 iso[32], name[96];

	jdate_add_months(&d, months);
	snprintf(name, sizeof(name), "%04d-%02d-%02d + %d months", y, m, dd, months);
	STR_EQ(name, jdate_iso(iso, sizeof(iso), &d), want);
}

void
test_jdate(void)
{
	struct jdate	 d;
	char		 buf[64];
	int64_t		 t;
	int		 off;

	/* Ordinary days. */
	jdate_time_is(0, 0, "1970-01-01", 0);
	jdate_time_is(-1, 0, "1969-12-31", 0);
	jdate_time_is(1775001600, 0, "2026-04-01", 0);
	jdate_time_is(1775001600 - 1, 9 * 60, "2026-04-01", 0);
	jdate_time_is(1775001600 - 1, 0, "2026-03-31", 0);
	jdate_time_is(951782400, 0, "2000-02-29", 0);

	/* The ends of the range, and beyond: clamped, no overflow. */
	jdate_time_is(JDATE_TIME_MAX, 0, "9999-12-30", 0);
	jdate_time_is(JDATE_TIME_MAX, JDATE_OFFSET_MAX, "9999-12-31", 0);
	jdate_time_is(JDATE_TIME_MIN, 0, "0001-01-02", 0);
	jdate_time_is(JDATE_TIME_MIN, -JDATE_OFFSET_MAX, "0001-01-01", 0);
	jdate_time_is(JDATE_TIME_MAX + 1, 0, "9999-12-30", -1);
	jdate_time_is(INT64_MAX, 0, "9999-12-30", -1);
	jdate_time_is(INT64_MAX, 99 * 60 + 59, "9999-12-31", -1);
	jdate_time_is(INT64_MAX, INT_MAX, "9999-12-31", -1);
	jdate_time_is(INT64_MIN, 0, "0001-01-02", -1);
	jdate_time_is(INT64_MIN, -(99 * 60 + 59), "0001-01-01", -1);
	jdate_time_is(INT64_MIN, INT_MIN, "0001-01-01", -1);
	jdate_time_is(INT64_MIN + 1, INT_MAX, "0001-01-02", -1);
	jdate_time_is(0, INT_MAX, "1970-01-01", -1);
	jdate_time_is(253402300800, 0, "9999-12-30", -1);	/* 10000-01-01 */

	t = INT64_MAX;
	off = INT_MIN;
	INT_EQ("clamp_time: INT64_MAX is moved", jdate_clamp_time(&t, &off), -1);
	INT_EQ("clamp_time: to the last time", t, JDATE_TIME_MAX);
	INT_EQ("clamp_time: offset to the least", off, -JDATE_OFFSET_MAX);
	t = 1775001600;
	off = 540;
	INT_EQ("clamp_time: an ordinary time stays", jdate_clamp_time(&t, &off), 0);
	INT_EQ("clamp_time: time unchanged", t, 1775001600);
	INT_EQ("clamp_time: offset unchanged", off, 540);

	/* Days: inside, at the ends, and fields no parser gives. */
	d.year = 1970; d.month = 1; d.day = 1;
	INT_EQ("days of 1970-01-01", jdate_days(&d), 0);
	d.year = 9999; d.month = 12; d.day = 31;
	INT_EQ("days of 9999-12-31", jdate_days(&d), 2932896);
	d.year = 1; d.month = 1; d.day = 1;
	INT_EQ("days of 0001-01-01", jdate_days(&d), -719162);
	d.year = INT_MAX; d.month = INT_MAX; d.day = INT_MAX;
	INT_EQ("days of INT_MAX fields: the last day", jdate_days(&d), 2932896);
	d.year = INT_MIN; d.month = INT_MIN; d.day = INT_MIN;
	INT_EQ("days of INT_MIN fields: the first day", jdate_days(&d), -719162);

	/* Parsing. */
	INT_EQ("parse 2026-04-01", jdate_parse(&d, "2026-04-01"), 0);
	INT_EQ("parse 2024-02-29", jdate_parse(&d, "2024-02-29"), 0);
	INT_EQ("parse 2026-02-29 fails", jdate_parse(&d, "2026-02-29"), -1);
	INT_EQ("parse 0000-01-01 fails", jdate_parse(&d, "0000-01-01"), -1);
	INT_EQ("parse -999-01-01 fails", jdate_parse(&d, "-999-01-01"), -1);
	INT_EQ("parse 9999-12-31", jdate_parse(&d, "9999-12-31"), 0);
	INT_EQ("parse 2026-04-01x fails", jdate_parse(&d, "2026-04-01x"), -1);

	/* Formats. */
	d.year = 2026; d.month = 4; d.day = 1;
	STR_EQ("format 2026-04-01", jdate_format(buf, sizeof(buf), &d, 0), "2026年4月1日");
	STR_EQ("format 2026-04-01 wareki", jdate_format(buf, sizeof(buf), &d, 1), "令和8年4月1日");
	d.year = 2019; d.month = 5; d.day = 1;
	STR_EQ("format 令和元年", jdate_format(buf, sizeof(buf), &d, 1), "令和元年5月1日");
	d.year = 2019; d.month = 4; d.day = 30;
	STR_EQ("format 平成31年", jdate_format(buf, sizeof(buf), &d, 1), "平成31年4月30日");
	d.year = 1989; d.month = 1; d.day = 7;
	STR_EQ("format before 平成: western", jdate_format(buf, sizeof(buf), &d, 1), "1989年1月7日");
	jdate_from_time(&d, INT64_MAX, 99 * 60 + 59);
	STR_EQ("format the clamped last day", jdate_format(buf, sizeof(buf), &d, 1), "令和7981年12月31日");
	STR_EQ("iso of the clamped last day", jdate_iso(buf, sizeof(buf), &d), "9999-12-31");
	jdate_from_time(&d, INT64_MIN, 0);
	STR_EQ("format the clamped first day", jdate_format(buf, sizeof(buf), &d, 1), "1年1月2日");

	/* Months. */
	jdate_months_is(2026, 1, 31, 1, "2026-02-28");
	jdate_months_is(2024, 1, 31, 1, "2024-02-29");
	jdate_months_is(2026, 4, 1, 12, "2027-04-01");
	jdate_months_is(2026, 4, 1, -4, "2025-12-01");
	jdate_months_is(2026, 4, 1, INT_MAX, "9999-12-01");
	jdate_months_is(2026, 4, 1, INT_MIN, "0001-01-01");
	jdate_months_is(9999, 12, 31, 1, "9999-12-31");
	jdate_months_is(INT_MAX, INT_MAX, 1, INT_MAX, "9999-12-01");
}
