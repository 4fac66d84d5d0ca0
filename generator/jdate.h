/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Dates as Japanese documents write them: 2026年4月1日, or by era
 * (令和8年4月1日), without zero padding.  Any module may include this header.
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

/* The local day of a time with a UTC offset in minutes. */
void	 jdate_from_time(struct jdate *, int64_t time, int offset);
/* Parses YYYY-MM-DD; returns 0, or -1 if it is not a real day. */
int	 jdate_parse(struct jdate *, const char *);
/* Days since 1970-01-01. */
int64_t	 jdate_days(const struct jdate *);
/* Writes 2026年4月1日 (or 令和8年4月1日 when wareki) into out; returns out. */
char	*jdate_format(char *out, size_t outsz, const struct jdate *, int wareki);
/* Writes 2026-04-01 into out; returns out. */
char	*jdate_iso(char *out, size_t outsz, const struct jdate *);
/* Adds months, keeping the day within the month. */
void	 jdate_add_months(struct jdate *, int months);

#endif /* KITEI_JDATE_H */
