/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Dates as Japanese documents write them: 2026年4月1日, or by era
 * (令和8年4月1日), without zero padding.  Any module may include this header.
 *
 * Days run from 0001-01-01 to 9999-12-31, the years four digits hold.  A
 * time or date outside is clamped to the nearest end and the call says so;
 * nothing here overflows, whatever int64_t it is given.
 */
#ifndef KITEI_JDATE_H
#define KITEI_JDATE_H

#include <stddef.h>
#include <stdint.h>

/* A calendar day. */
struct jdate {
	int	 year;
	int	 month;
	int	 day;
};

/*
 * The times jdate takes, in seconds since 1970-01-01T00:00:00Z: a day
 * inside each end, so that any offset below keeps the local day in range
 * (0001-01-02T00:00:00Z and 9999-12-30T23:59:59Z).
 */
#define JDATE_TIME_MIN		INT64_C(-62135510400)
#define JDATE_TIME_MAX		INT64_C(253402214399)
/* UTC offsets in minutes: less than a day either way. */
#define JDATE_OFFSET_MAX	(24 * 60 - 1)
#define JDATE_YEAR_MIN		1
#define JDATE_YEAR_MAX		9999

/*
 * Clamps a time and its UTC offset (minutes) into the range above.  Returns
 * 0 when they were inside, -1 when either was moved.
 */
int	 jdate_clamp_time(int64_t *time, int *offset);
/* The local day of a time with a UTC offset in minutes; -1 when clamped. */
int	 jdate_from_time(struct jdate *, int64_t time, int offset);
/* Parses YYYY-MM-DD; returns 0, or -1 if it is not a real day in range. */
int	 jdate_parse(struct jdate *, const char *);
/* Days since 1970-01-01 (negative before). */
int64_t	 jdate_days(const struct jdate *);
/* Writes 2026年4月1日 (or 令和8年4月1日 when wareki) into out; returns out. */
char	*jdate_format(char *out, size_t outsz, const struct jdate *, int wareki);
/* Writes 2026-04-01 into out; returns out. */
char	*jdate_iso(char *out, size_t outsz, const struct jdate *);
/* Adds months, keeping the day within the month and the year in range. */
void	 jdate_add_months(struct jdate *, int months);

#endif /* KITEI_JDATE_H */
