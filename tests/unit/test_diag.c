/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests for diag_escape, the one function every text writer passes
 * repository text through (issue 21, item 2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"
#include "xalloc.h"

/* Checks that diag_safe(in) is want. */
static void
test_diag_one(const char *name, const char *in, const char *want)
{
	char	*got = diag_safe(in);

	STR_EQ(name, got, want);
	free(got);
}

/* Every escape class, and what must pass unchanged. */
void
test_diag(void)
{
	struct diag	*d;
	FILE		*f;
	char		 out[512];
	size_t		 n;

	test_diag_one("escape: plain ASCII unchanged", "policies/a.md", "policies/a.md");
	test_diag_one("escape: Japanese unchanged", "第3条（アクセス権限）",
	    "第3条（アクセス権限）");
	test_diag_one("escape: backslash unchanged", "a\\b", "a\\b");
	test_diag_one("escape: empty", "", "");
	OK("escape: NULL gives NULL", diag_safe(NULL) == NULL);
	test_diag_one("escape: ESC as octal", "\033[31mred", "\\033[31mred");
	test_diag_one("escape: OSC title with BEL", "\033]0;pwned\007x",
	    "\\033]0;pwned\\ax");
	test_diag_one("escape: named C0", "\b\t\n\v\f\r", "\\b\\t\\n\\v\\f\\r");
	test_diag_one("escape: other C0", "\001\037", "\\001\\037");
	test_diag_one("escape: DEL", "a\177b", "a\\177b");
	test_diag_one("escape: C1 CSI U+009B", "a\xc2\x9b" "31mb", "a\\u009b31mb");
	test_diag_one("escape: C1 NEL U+0085", "\xc2\x85", "\\u0085");
	test_diag_one("escape: U+00A0 is not C1", "\xc2\xa0", "\xc2\xa0");
	test_diag_one("escape: RLO U+202E", "abc\xe2\x80\xae" "def",
	    "abc\\u202edef");
	test_diag_one("escape: LRE..RLO U+202A-U+202E",
	    "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	    "\\u202a\\u202b\\u202c\\u202d");
	test_diag_one("escape: isolates U+2066-U+2069",
	    "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
	    "\\u2066\\u2067\\u2068\\u2069");
	test_diag_one("escape: LRM, RLM, ALM", "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c",
	    "\\u200e\\u200f\\u061c");
	test_diag_one("escape: line and paragraph separators",
	    "\xe2\x80\xa8\xe2\x80\xa9", "\\u2028\\u2029");
	test_diag_one("escape: U+2010 hyphen unchanged", "\xe2\x80\x90",
	    "\xe2\x80\x90");
	test_diag_one("escape: stray continuation byte", "a\x80z", "a\\x80z");
	test_diag_one("escape: Latin-1 byte", "caf\xe9", "caf\\xe9");
	test_diag_one("escape: overlong ESC", "\xc0\x9b", "\\xc0\\x9b");
	test_diag_one("escape: surrogate", "\xed\xa0\x80", "\\xed\\xa0\\x80");
	test_diag_one("escape: truncated sequence", "\xe6\x97", "\\xe6\\x97");
	test_diag_one("escape: past U+10FFFF", "\xf4\x90\x80\x80",
	    "\\xf4\\x90\\x80\\x80");
	test_diag_one("escape: 4-byte emoji unchanged", "\xf0\x9f\x98\x80",
	    "\xf0\x9f\x98\x80");

	/* The printer escapes the path, the text and the rule. */
	d = diag_new();
	{
		struct pos pos = { "p/\033]0;x\007.md", 3, 1 };

		diag_emit(d, DIAG_ERROR, &pos, "r\033", "heading \033[2J%s", "\xe2\x80\xae");
	}
	if ((f = tmpfile()) != NULL) {
		diag_print_text(d, f, 0);
		rewind(f);
		n = fread(out, 1, sizeof(out) - 1, f);
		out[n] = '\0';
		fclose(f);
		STR_EQ("escape: diag_print_text", out,
		    "p/\\033]0;x\\a.md:3:1: error: heading \\033[2J\\u202e [r\\033]\n");
	} else
		OK("escape: tmpfile", 0);
	diag_free(d);
}
