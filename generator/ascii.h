/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Text operations that never read the C locale: ASCII character classes and
 * case, numbers read and written with a '.' whatever LC_NUMERIC says, and a
 * scope that runs a library call (libxml2's XPath) in the C numeric locale.
 * kitei's output must not depend on the locale it runs in (issue 20), so
 * stage code uses these instead of <ctype.h>, strcasecmp, strtod and "%f".
 * Any module may include this header.
 */
#ifndef KITEI_ASCII_H
#define KITEI_ASCII_H

#include <locale.h>
#include <stddef.h>

/* Whether c (a byte, or EOF) is ASCII white space: space, \t \n \v \f \r. */
static inline int
ascii_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Whether c is an ASCII digit 0-9. */
static inline int
ascii_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* Whether c is an ASCII letter A-Z or a-z. */
static inline int
ascii_isalpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Whether c is an ASCII letter or digit. */
static inline int
ascii_isalnum(int c)
{
	return ascii_isalpha(c) || ascii_isdigit(c);
}

/* Whether c is an ASCII hexadecimal digit 0-9, A-F, a-f. */
static inline int
ascii_isxdigit(int c)
{
	return ascii_isdigit(c) || (c >= 'A' && c <= 'F') ||
	    (c >= 'a' && c <= 'f');
}

/* c with A-Z lowered; every other value as it is. */
static inline int
ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* c with a-z raised; every other value as it is. */
static inline int
ascii_toupper(int c)
{
	return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

/*
 * Compares a and b as strcmp does, with only A-Z and a-z folded (bytes
 * 0x80 and up compare as bytes): strcasecmp follows LC_CTYPE.
 */
int	ascii_strcasecmp(const char *a, const char *b);
/* The same over at most n bytes. */
int	ascii_strncasecmp(const char *a, const char *b, size_t n);

/* The longest word ascii_distance measures; longer ones are ASCII_FAR apart. */
#define ASCII_DISTANCE_MAX	40
#define ASCII_FAR		99

/*
 * The one edit distance (Levenshtein: insertions, deletions, substitutions)
 * between the la bytes at a and the lb bytes at b, for near-miss hints on
 * short ASCII words (directive keys, catalog ids).  With fold, A-Z and a-z
 * are the same.  Returns ASCII_FAR when either is longer than
 * ASCII_DISTANCE_MAX.
 */
size_t	ascii_distance(const char *a, size_t la, const char *b, size_t lb,
	    int fold);

/*
 * Reads a number as strtod does in the C locale ('.' as the decimal point,
 * whatever LC_NUMERIC says); *end as strtod's.
 */
double	ascii_strtod(const char *s, char **end);

/*
 * Room for what ascii_dtostr writes, its NUL included: every number below
 * 1e50 in magnitude (a page coordinate in points is below 1e5).
 */
#define ASCII_DTOSTR_SIZE	64

/*
 * Writes v into buf (ASCII_DTOSTR_SIZE bytes) with "%.<prec>f" as the C
 * locale writes it, and returns buf.  prec is 0 to 6.
 */
char	*ascii_dtostr(char *buf, int prec, double v);

/* A scope in which the thread reads and writes numbers in the C locale. */
struct ascii_numeric {
	locale_t	 old;	/* the thread's locale before, to restore */
	locale_t	 c;	/* ours: the process locale with LC_NUMERIC "C" */
};

/*
 * Runs the calling thread with LC_NUMERIC "C" (the other categories as the
 * process has them, so messages keep their language) until
 * ascii_numeric_leave.  For library calls that format numbers with the
 * locale: libxml2 2.9 writes XPath's string(87.5) as "87,5" under de_DE.
 */
void	ascii_numeric_enter(struct ascii_numeric *s);
/* Restores the locale ascii_numeric_enter replaced; frees its copy. */
void	ascii_numeric_leave(struct ascii_numeric *s);

#endif
