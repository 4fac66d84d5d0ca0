/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the locale-free helpers (issue 20, "Locale-proof"): ASCII
 * classes and case, numbers read and written with '.', and the globs of
 * kitei.yml.  Each check runs once in the C locale and once under
 * de_DE.UTF-8 and ja_JP.UTF-8 when the machine has them, since a helper
 * that read the locale would pass in C and fail there.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ascii.h"
#include "harness.h"
#include "pathglob.h"
#include "unorm.h"

/* Checks pathglob_match(pattern, path) against want, naming the locale. */
static void
ascii_glob_is(const char *loc, const char *pattern, const char *path, int want)
{
	char	 name[160];

	snprintf(name, sizeof(name), "%s: '%s' %s '%s'", loc, pattern,
	    want ? "matches" : "does not match", path);
	INT_EQ(name, pathglob_match(pattern, path), want);
}

/* The checks, in whatever locale the process has now. */
static void
ascii_checks(const char *loc)
{
	char	 buf[ASCII_DTOSTR_SIZE], *end, name[96];
	double	 v;

	snprintf(name, sizeof(name), "%s: ascii_strtod reads 0.5pt", loc);
	v = ascii_strtod("0.5pt", &end);
	OK(name, v == 0.5 && strcmp(end, "pt") == 0);
	snprintf(name, sizeof(name), "%s: ascii_strtod stops at a comma", loc);
	v = ascii_strtod("0,5", &end);
	OK(name, v == 0 && strcmp(end, ",5") == 0);
	snprintf(name, sizeof(name), "%s: ascii_dtostr writes a point", loc);
	STR_EQ(name, ascii_dtostr(buf, 2, 841.889), "841.89");
	snprintf(name, sizeof(name), "%s: ascii_dtostr, negative, 0 places", loc);
	STR_EQ(name, ascii_dtostr(buf, 0, -2.5), "-2");
	snprintf(name, sizeof(name), "%s: I and i fold, ASCII only", loc);
	OK(name, ascii_strcasecmp("TITLE", "title") == 0 &&
	    ascii_strcasecmp("\xc3\x84", "\xc3\xa4") != 0 &&
	    ascii_strncasecmp("Approved-by", "APPROVX", 6) == 0 &&
	    ascii_strcasecmp("a", "B") < 0);
	snprintf(name, sizeof(name), "%s: classes are ASCII only", loc);
	OK(name, ascii_isspace(' ') && ascii_isspace('\v') &&
	    !ascii_isspace(0xa0) && !ascii_isspace(0x85) &&
	    ascii_isalpha('z') && !ascii_isalpha(0xe4) && !ascii_isdigit(0xb2) &&
	    ascii_isxdigit('F') && !ascii_isxdigit('g') && ascii_toupper('i') == 'I');

	/* ? is one character, decoded: 規 is three bytes (the case). */
	ascii_glob_is(loc, "docs/?.md", "docs/規.md", 1);
	ascii_glob_is(loc, "docs/??.md", "docs/規.md", 0);
	ascii_glob_is(loc, "docs/???.md", "docs/規.md", 0);
	ascii_glob_is(loc, "docs/?.md", "docs/a.md", 1);
	ascii_glob_is(loc, "docs/?.md", "docs/ab.md", 0);
	ascii_glob_is(loc, "?", "/", 0);
	ascii_glob_is(loc, "a?b", "a/b", 0);
	/* A byte that is not UTF-8 is one character. */
	ascii_glob_is(loc, "docs/?.md", "docs/\xff.md", 1);
	ascii_glob_is(loc, "docs/?.md", "docs/\xe8\xa6.md", 0);
	/* * stays within a segment; ** as a segment spans segments. */
	ascii_glob_is(loc, "security/*.md", "security/01-総則.md", 1);
	ascii_glob_is(loc, "security/*.md", "security/sub/01.md", 0);
	ascii_glob_is(loc, "security/*.md", "security/.hidden.md", 1);
	ascii_glob_is(loc, "*", "", 1);
	ascii_glob_is(loc, "a*b*c", "aXbYbZc", 1);
	ascii_glob_is(loc, "a*b*c", "aXbYbZ", 0);
	ascii_glob_is(loc, "a**b", "aXXb", 1);
	ascii_glob_is(loc, "a**b", "aX/Xb", 0);
	ascii_glob_is(loc, "docs/**/*.md", "docs/a.md", 1);
	ascii_glob_is(loc, "docs/**/*.md", "docs/x/y/a.md", 1);
	ascii_glob_is(loc, "docs/**/*.md", "other/a.md", 0);
	ascii_glob_is(loc, "docs/**", "docs/x/y/a.md", 1);
	ascii_glob_is(loc, "**/a.md", "a.md", 1);
	ascii_glob_is(loc, "**/a.md", "x/y/a.md", 1);
	ascii_glob_is(loc, "**/a.md", "x/y/b.md", 0);
	ascii_glob_is(loc, "**/**/a.md", "x/a.md", 1);
	ascii_glob_is(loc, "docs/**/b/*.md", "docs/b/b/x/b/c.md", 1);
	/* [...]: by code point, ranges, complement, ']' first, escapes. */
	ascii_glob_is(loc, "[a-c].md", "b.md", 1);
	ascii_glob_is(loc, "[a-c].md", "B.md", 0);
	ascii_glob_is(loc, "[!a-c].md", "d.md", 1);
	ascii_glob_is(loc, "[^a-c].md", "a.md", 0);
	ascii_glob_is(loc, "[]x].md", "].md", 1);
	ascii_glob_is(loc, "[一-龥].md", "規.md", 1);
	ascii_glob_is(loc, "[一-龥].md", "a.md", 0);
	ascii_glob_is(loc, "[!a].md", "規.md", 1);
	ascii_glob_is(loc, "\\*.md", "*.md", 1);
	ascii_glob_is(loc, "\\*.md", "a.md", 0);
	ascii_glob_is(loc, "[\\]].md", "].md", 1);
	/* Refused: they would follow the locale, or are not closed. */
	ascii_glob_is(loc, "[[:alpha:]].md", "a.md", 0);
	ascii_glob_is(loc, "[a.md", "[a.md", 0);
	snprintf(name, sizeof(name), "%s: classes, unclosed '[' and a "
	    "trailing '\\' refused", loc);
	OK(name, pathglob_check("[[:alpha:]]*.md") != NULL &&
	    pathglob_check("[[=e=]]") != NULL && pathglob_check("[[.x.]]") != NULL &&
	    pathglob_check("a[b") != NULL && pathglob_check("a\\") != NULL &&
	    pathglob_check("[!]") != NULL);
	snprintf(name, sizeof(name), "%s: plain globs accepted", loc);
	OK(name, pathglob_check("security/*.md") == NULL &&
	    pathglob_check("**/[a-z]?.md") == NULL &&
	    pathglob_check("[]]") == NULL && pathglob_check("\\[") == NULL);
}

/* unorm_utf8, the one UTF-8 decoder: lengths, code points, what it refuses. */
static void
ascii_utf8_checks(void)
{
	uint32_t	 c = 0;

	INT_EQ("utf8: ASCII", unorm_utf8("a", 1, &c), 1);
	INT_EQ("utf8: ASCII code point", c, 'a');
	INT_EQ("utf8: 規 is three bytes", unorm_utf8("規", 3, &c), 3);
	INT_EQ("utf8: 規 is U+898F", c, 0x898f);
	INT_EQ("utf8: U+1F600 is four bytes", unorm_utf8("\xf0\x9f\x98\x80",
	    4, &c), 4);
	INT_EQ("utf8: U+1F600", c, 0x1f600);
	INT_EQ("utf8: cut short by avail", unorm_utf8("規", 2, &c), 0);
	INT_EQ("utf8: nothing to read", unorm_utf8("", 0, &c), 0);
	INT_EQ("utf8: overlong '/' refused", unorm_utf8("\xc0\xaf", 2, &c), 0);
	INT_EQ("utf8: overlong three-byte refused", unorm_utf8("\xe0\x80\xaf",
	    3, &c), 0);
	INT_EQ("utf8: surrogate refused", unorm_utf8("\xed\xa0\x80", 3, &c), 0);
	INT_EQ("utf8: past U+10FFFF refused", unorm_utf8("\xf4\x90\x80\x80",
	    4, &c), 0);
	INT_EQ("utf8: a stray continuation byte refused", unorm_utf8("\x80", 1,
	    &c), 0);
	INT_EQ("utf8: a lead byte before ASCII refused", unorm_utf8("\xe8" "a", 2,
	    &c), 0);
}

/* ascii_distance, the one edit distance. */
static void
ascii_distance_checks(void)
{
	char	 long41[42];

	memset(long41, 'a', 41);
	long41[41] = '\0';
	INT_EQ("distance: same", ascii_distance("covers", 6, "covers", 6, 0), 0);
	INT_EQ("distance: one substitution", ascii_distance("cobers", 6,
	    "covers", 6, 0), 1);
	INT_EQ("distance: a transposition is two", ascii_distance("cvoers", 6,
	    "covers", 6, 0), 2);
	INT_EQ("distance: insert and delete", ascii_distance("4.1.6", 5,
	    "4.1.6.a", 7, 0), 2);
	INT_EQ("distance: empty", ascii_distance("", 0, "abc", 3, 0), 3);
	INT_EQ("distance: case counts without fold", ascii_distance("COVERS", 6,
	    "covers", 6, 0), 6);
	INT_EQ("distance: case folded", ascii_distance("COVERS", 6, "covers", 6,
	    1), 0);
	INT_EQ("distance: only la bytes of a", ascii_distance("coversXYZ", 6,
	    "covers", 6, 0), 0);
	INT_EQ("distance: longer than ASCII_DISTANCE_MAX is far",
	    ascii_distance(long41, 41, "a", 1, 0), ASCII_FAR);
}

/* Runs the checks in C, then under the locales the machine has. */
void
test_ascii(void)
{
	const char	*locs[] = { "de_DE.UTF-8", "ja_JP.UTF-8" };
	size_t		 i;

	ascii_utf8_checks();
	ascii_distance_checks();
	ascii_checks("C");
	for (i = 0; i < sizeof(locs) / sizeof(locs[0]); i++)
		if (setlocale(LC_ALL, locs[i]) != NULL)
			ascii_checks(locs[i]);
	setlocale(LC_ALL, "C");
}
