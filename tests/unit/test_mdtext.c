/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of mdtext.c: the one soft-break rule (issue 19.1) and the
 * plain text of a Markdown tree (issue 19.2: emphasis is no line break).
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "harness.h"
#include "mdtext.h"
#include "xalloc.h"

/* The plain text of Markdown md, trimmed of the leading block's line feed. */
static char *
mdtext_case(const char *md)
{
	cmark_node	*doc = cmark_parse_document(md, strlen(md), 0);
	struct buf	 b = { NULL, 0, 0 };
	char		*s, *p;

	mdtext_append(&b, doc);
	cmark_node_free(doc);
	s = buf_steal(&b);
	if (s == NULL)
		return xstrdup("");
	for (p = s; *p == '\n'; p++)
		;
	memmove(s, p, strlen(p) + 1);
	return s;
}

/* Checks that md reads as want. */
static void
mdtext_expect(const char *name, const char *md, const char *want)
{
	char	*got = mdtext_case(md);

	STR_EQ(name, got, want);
	free(got);
}

void
test_mdtext(void)
{
	OK("kanji is spaceless", mdtext_spaceless(0x60c5));
	OK("hiragana is spaceless", mdtext_spaceless(0x3042));
	OK("katakana is spaceless", mdtext_spaceless(0x30ea));
	OK("prolonged sound mark is spaceless", mdtext_spaceless(0x30fc));
	OK("ideographic comma is spaceless", mdtext_spaceless(0x3001));
	OK("full-width digit is spaceless", mdtext_spaceless(0xff14));
	OK("half-width katakana is spaceless", mdtext_spaceless(0xff71));
	OK("latin is not", !mdtext_spaceless('a'));
	OK("e acute is not", !mdtext_spaceless(0xe9));
	OK("euro sign is not", !mdtext_spaceless(0x20ac));
	OK("hangul is not", !mdtext_spaceless(0xac00));

	mdtext_expect("katakana word across a line", "情報セキュ\nリティ", "情報セキュリティ");
	mdtext_expect("kanji and kana across a line", "責任\n者を置く。", "責任者を置く。");
	mdtext_expect("ASCII words across a line", "a\nb", "a b");
	mdtext_expect("after a link with a trailing space",
	    "See [the policy](https://example.com) \nfor details.",
	    "See the policy for details.");
	mdtext_expect("after strong emphasis", "**this rule** \nto", "this rule to");
	mdtext_expect("accented letters", "café\nopens", "café opens");
	mdtext_expect("a symbol", "100 €\nper", "100 € per");
	mdtext_expect("entities", "&Dcaron;\n&frac34;", "Ď ¾");
	mdtext_expect("Japanese then Latin", "当社は、\nCSIRT", "当社は、 CSIRT");
	mdtext_expect("Latin then Japanese", "CSIRT\nを置く", "CSIRT を置く");
	mdtext_expect("brackets join", "窓口は\n「相談室」\nとする", "窓口は「相談室」とする");
	mdtext_expect("emphasis in a heading", "# 情報**資産**管理規程", "情報資産管理規程");
	mdtext_expect("emphasis across a line", "情報**資\n産**管理", "情報資産管理");
	mdtext_expect("inline code across a line", "`a`\n`b`", "a b");
	mdtext_expect("a hard break is a line feed", "a  \nb", "a\nb");
	mdtext_expect("a dropped tag between two lines", "Foo\n<a href=\"bar\">\nbaz", "Foo baz");
	mdtext_expect("a dropped tag between Japanese lines", "情報\n<span>\n資産", "情報資産");
	mdtext_expect("two blocks", "a\n\nb", "a\nb");
}
