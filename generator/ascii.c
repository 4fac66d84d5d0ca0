/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Locale-free text operations: case folding, numbers and a C-numeric scope.
 */
#include <assert.h>
#include <locale.h>
#include <stdio.h>

#include <glib.h>

#include "ascii.h"

/* Compares as strcmp, with ASCII letters folded. */
int
ascii_strcasecmp(const char *a, const char *b)
{
	return ascii_strncasecmp(a, b, (size_t)-1);
}

/* Compares at most n bytes as strncmp, with ASCII letters folded. */
int
ascii_strncasecmp(const char *a, const char *b, size_t n)
{
	int	 x, y;

	for (; n > 0; n--, a++, b++) {
		x = ascii_tolower((unsigned char)*a);
		y = ascii_tolower((unsigned char)*b);
		if (x != y || x == '\0')
			return x - y;
	}
	return 0;
}

/* Levenshtein distance over one row; see ascii.h. */
size_t
ascii_distance(const char *a, size_t la, const char *b, size_t lb, int fold)
{
	size_t	 row[ASCII_DISTANCE_MAX + 1], prev, tmp, best, i, j;
	int	 x, y;

	if (la > ASCII_DISTANCE_MAX || lb > ASCII_DISTANCE_MAX)
		return ASCII_FAR;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			x = (unsigned char)a[i - 1];
			y = (unsigned char)b[j - 1];
			if (fold) {
				x = ascii_tolower(x);
				y = ascii_tolower(y);
			}
			best = prev + (x != y);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* Reads a number with '.' as the point: glib's locale-independent strtod. */
double
ascii_strtod(const char *s, char **end)
{
	return g_ascii_strtod(s, end);
}

/* Writes "%.<prec>f" in the C locale: glib's g_ascii_formatd. */
char *
ascii_dtostr(char *buf, int prec, double v)
{
	char	 fmt[8];

	assert(prec >= 0 && prec <= 6);
	snprintf(fmt, sizeof(fmt), "%%.%df", prec);
	return g_ascii_formatd(buf, ASCII_DTOSTR_SIZE, fmt, v);
}

/*
 * Switches the thread to a copy of the process locale with LC_NUMERIC "C".
 * When the copy cannot be made (out of memory), the thread stays as it was:
 * the C locale is what kitei runs in unless a test hook set another.
 */
void
ascii_numeric_enter(struct ascii_numeric *s)
{
	locale_t	 base;

	s->old = (locale_t)0;
	s->c = (locale_t)0;
	if ((base = duplocale(LC_GLOBAL_LOCALE)) == (locale_t)0)
		return;
	if ((s->c = newlocale(LC_NUMERIC_MASK, "C", base)) == (locale_t)0) {
		freelocale(base);
		return;
	}
	s->old = uselocale(s->c);
}

/* Puts back the thread's locale and frees the copy. */
void
ascii_numeric_leave(struct ascii_numeric *s)
{
	if (s->c == (locale_t)0)
		return;
	uselocale(s->old);
	freelocale(s->c);
	s->c = (locale_t)0;
}
