/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Glob matching for kitei.yml's document lists, by code point and without
 * the locale (pathglob.h says what each form matches).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pathglob.h"
#include "unorm.h"

/* What a byte that is not UTF-8 decodes to: above every code point. */
#define PATHGLOB_BADBYTE	0x110000u

/*
 * Decodes the character at s[*i] (s ends at e) and moves *i past it.  A byte
 * that does not start valid UTF-8 is one character of its own, told apart
 * from every code point.
 */
static uint32_t
pathglob_next(const char *s, size_t e, size_t *i)
{
	uint32_t	 u;
	size_t		 n;

	if ((n = unorm_utf8(s + *i, e - *i, &u)) == 0) {
		u = PATHGLOB_BADBYTE + (unsigned char)s[*i];
		n = 1;
	}
	*i += n;
	return u;
}

/*
 * Reads one character of a bracket expression at p[*i] (p ends at e),
 * honouring '\'.  Returns 0 and the character in *out, or -1 at the end.
 */
static int
pathglob_bracket_char(const char *p, size_t e, size_t *i, uint32_t *out)
{
	if (*i < e && p[*i] == '\\')
		(*i)++;
	if (*i >= e)
		return -1;
	*out = pathglob_next(p, e, i);
	return 0;
}

/*
 * Reads the bracket expression whose '[' is at p[start] (p ends at e).
 * With c not NULL, sets *hit to whether *c is in the set.  Returns the index
 * just past its ']', or 0 with *why set when the expression is refused.
 */
static size_t
pathglob_bracket(const char *p, size_t start, size_t e, const uint32_t *c,
    int *hit, const char **why)
{
	size_t		 i = start + 1;
	int		 neg = 0, in = 0, first = 1;
	uint32_t	 lo, hi;

	if (i < e && (p[i] == '!' || p[i] == '^')) {
		neg = 1;
		i++;
	}
	for (;;) {
		if (i >= e) {
			*why = "a '[' is not closed";
			return 0;
		}
		if (p[i] == ']' && !first)
			break;
		if (p[i] == '[' && i + 1 < e &&
		    (p[i + 1] == ':' || p[i + 1] == '=' || p[i + 1] == '.')) {
			*why = "character classes ([:alpha:], [=e=], [.x.]) "
			    "follow the locale";
			return 0;
		}
		first = 0;
		if (pathglob_bracket_char(p, e, &i, &lo) < 0) {
			*why = "a '[' is not closed";
			return 0;
		}
		hi = lo;
		if (i + 1 < e && p[i] == '-' && p[i + 1] != ']') {
			i++;
			if (pathglob_bracket_char(p, e, &i, &hi) < 0) {
				*why = "a '[' is not closed";
				return 0;
			}
		}
		if (c != NULL && *c >= lo && *c <= hi)
			in = 1;
	}
	if (c != NULL)
		*hit = *c != '/' && in != neg;
	return i + 1;
}

/* Returns NULL for a glob kitei reads, else why it is refused. */
const char *
pathglob_check(const char *pattern)
{
	size_t		 i = 0, e = strlen(pattern);
	const char	*why = NULL;
	int		 hit;

	while (i < e) {
		if (pattern[i] == '\\') {
			if (i + 1 >= e)
				return "a '\\' ends it";
			i++;
			(void)pathglob_next(pattern, e, &i);
		} else if (pattern[i] == '[') {
			if ((i = pathglob_bracket(pattern, i, e, NULL, &hit,
			    &why)) == 0)
				return why;
		} else
			(void)pathglob_next(pattern, e, &i);
	}
	return NULL;
}

/*
 * Matches one segment: pattern p[0..pe) against the characters of s[0..se),
 * neither holding '/'.  '*' is taken greedily and, on a mismatch, the last
 * one takes one character more: linear in each length for each '*'.
 */
static int
pathglob_segment(const char *p, size_t pe, const char *s, size_t se)
{
	size_t		 pi = 0, si = 0, star_p = (size_t)-1, star_s = 0, k;
	uint32_t	 c, want;
	int		 hit;
	const char	*why;

	while (si < se) {
		if (pi < pe && p[pi] == '*') {
			while (pi < pe && p[pi] == '*')
				pi++;
			star_p = pi;
			star_s = si;
			continue;
		}
		k = si;
		c = pathglob_next(s, se, &k);
		if (pi < pe && p[pi] == '?') {
			pi++;
			si = k;
			continue;
		}
		if (pi < pe && p[pi] == '[') {
			size_t end = pathglob_bracket(p, pi, pe, &c, &hit, &why);

			if (end != 0 && hit) {
				pi = end;
				si = k;
				continue;
			}
		} else if (pi < pe) {
			size_t q = pi;

			if (p[q] == '\\')
				q++;
			want = pathglob_next(p, pe, &q);
			if (want == c) {
				pi = q;
				si = k;
				continue;
			}
		}
		/* A mismatch: the last '*' takes one more character. */
		if (star_p == (size_t)-1)
			return 0;
		pi = star_p;
		(void)pathglob_next(s, se, &star_s);
		si = star_s;
	}
	while (pi < pe && p[pi] == '*')
		pi++;
	return pi == pe;
}

/* Finds the end of the segment that starts at s[i]: the next '/' or e. */
static size_t
pathglob_segend(const char *s, size_t i, size_t e)
{
	const char	*slash = memchr(s + i, '/', e - i);

	return slash != NULL ? (size_t)(slash - s) : e;
}

/*
 * Matches segment by segment, with a "**" segment standing for any run of
 * segments: the same greedy walk as pathglob_segment, one level up.
 */
int
pathglob_match(const char *pattern, const char *path)
{
	size_t	 pe = strlen(pattern), se = strlen(path);
	size_t	 pi = 0, si = 0, pend, send, star_p = (size_t)-1, star_s = 0;

	if (pathglob_check(pattern) != NULL)
		return 0;
	for (;;) {
		if (si > se) {
			/* Every path segment is used: only "**" may remain. */
			while (pi <= pe) {
				pend = pathglob_segend(pattern, pi, pe);
				if (pend - pi != 2 || strncmp(pattern + pi, "**", 2))
					return 0;
				pi = pend + 1;
			}
			return 1;
		}
		if (pi <= pe) {
			pend = pathglob_segend(pattern, pi, pe);
			if (pend - pi == 2 && strncmp(pattern + pi, "**", 2) == 0) {
				pi = pend + 1;
				star_p = pi;
				star_s = si;
				continue;
			}
			send = pathglob_segend(path, si, se);
			if (pathglob_segment(pattern + pi, pend - pi, path + si,
			    send - si)) {
				pi = pend + 1;
				si = send + 1;
				continue;
			}
		}
		/* A mismatch: the last "**" takes one segment more. */
		if (star_p == (size_t)-1)
			return 0;
		pi = star_p;
		star_s = pathglob_segend(path, star_s, se) + 1;
		si = star_s;
	}
}
