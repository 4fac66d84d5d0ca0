/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the parse stage: front matter, directives and their
 * positions, unusable text, parse_url_safe and parse_is_id; and of the
 * normaliser (unorm) that reads what a Japanese keyboard types.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"
#include "parse.h"
#include "unorm.h"
#include "xalloc.h"

/* One parsed document with the source and diagnostics it came from. */
struct pcase {
	struct source_file	*src;
	struct diag		*d;
	struct parse_doc	*doc;
};

/* Parses text as doc.md. */
static void
pcase_parse(struct pcase *c, const char *text)
{
	c->src = harness_source("doc.md", "doc.md", text);
	c->d = diag_new();
	c->doc = parse_document(c->src, c->d);
}

static void
pcase_free(struct pcase *c)
{
	parse_doc_free(c->doc);
	diag_free(c->d);
	harness_source_free(c->src);
}

/* Checks diagnostics as harness_diags prints them. */
static void
pcase_diags(struct pcase *c, const char *name, const char *want)
{
	char	*got = harness_diags(c->d);

	STR_EQ(name, got, want);
	free(got);
}

static void
test_front_matter(void)
{
	struct pcase	 c;

	pcase_parse(&c, "---\ntitle: 情報セキュリティ管理規程\nowner: システム部\n"
	    "visibility: confidential\n---\n# 見出し\n\n本文。\n");
	STR_EQ("front matter: title", c.doc->title, "情報セキュリティ管理規程");
	STR_EQ("front matter: owner", c.doc->owner, "システム部");
	INT_EQ("front matter: visibility", c.doc->visibility, VIS_CONFIDENTIAL);
	INT_EQ("front matter: body line", c.doc->body_line, 6);
	OK("front matter: parsed", c.doc->root != NULL);
	INT_EQ("front matter: the heading keeps its file line",
	    cmark_node_get_start_line(cmark_node_first_child(c.doc->root)), 6);
	INT_EQ("front matter: no diagnostics", diag_count(c.d), 0);
	pcase_free(&c);

	pcase_parse(&c, "# 前付けなし\n");
	OK("no front matter: no title", c.doc->title == NULL);
	INT_EQ("no front matter: visibility unset", c.doc->visibility, VIS_UNSET);
	INT_EQ("no front matter: body line", c.doc->body_line, 1);
	pcase_free(&c);

	pcase_parse(&c, "\xef\xbb\xbf---\r\ntitle: BOMとCRLF\r\n---\r\n# 見出し\r\n");
	STR_EQ("front matter after a BOM, with CRLF", c.doc->title, "BOMとCRLF");
	INT_EQ("BOM and CRLF: no diagnostics", diag_count(c.d), 0);
	pcase_free(&c);

	pcase_parse(&c, "---\ntitle: [壊れた\n---\n# 見出し\n");
	pcase_diags(&c, "front matter: malformed YAML, with its line",
	    "3:1: error: malformed YAML: did not find expected ',' or ']' "
	    "while parsing a flow sequence [bad-front-matter]\n");
	OK("front matter: the body is still read", c.doc->root != NULL);
	pcase_free(&c);

	pcase_parse(&c, "---\ntitle: 閉じない\n# 見出し\n");
	pcase_diags(&c, "front matter: never closed",
	    "1:1: error: front matter opened with '---' is never closed "
	    "[bad-front-matter]\n");
	pcase_free(&c);

	pcase_parse(&c, "---\nttle: 誤記\nvisibility: secret\ntags: [a, b]\n---\n");
	pcase_diags(&c, "front matter: unknown key, bad visibility, a list",
	    "2:1: warning: unknown front matter key 'ttle' (known: title, owner, "
	    "visibility) [bad-front-matter]\n"
	    "3:13: error: visibility: expected public, internal or confidential, "
	    "not 'secret' [bad-front-matter]\n"
	    "4:7: error: front matter values are single lines of text "
	    "[bad-front-matter]\n");
	INT_EQ("front matter: an unknown visibility is the safest class",
	    c.doc->visibility, VIS_CONFIDENTIAL);
	pcase_free(&c);

	pcase_parse(&c, "---\n- a\n- b\n---\n");
	pcase_diags(&c, "front matter: not a mapping",
	    "2:1: error: front matter must be a mapping such as 'title: …' "
	    "[bad-front-matter]\n");
	pcase_free(&c);
}

static void
test_directives(void)
{
	struct pcase		 c;
	const struct directive	*dir;

	pcase_parse(&c, "# 見出し\n\n<!-- covers: 4.1.6.a 4.1.6.b -->\n本文。\n");
	INT_EQ("covers: one directive", c.doc->ndirs, 1);
	dir = &c.doc->dirs[0];
	INT_EQ("covers: kind", dir->kind, DIRECTIVE_COVERS);
	INT_EQ("covers: line of <!--", dir->line, 3);
	INT_EQ("covers: column of <!--", dir->col, 1);
	INT_EQ("covers: two ids", dir->nids, 2);
	STR_EQ("covers: first id", dir->ids[0].id, "4.1.6.a");
	INT_EQ("covers: first id line", dir->ids[0].line, 3);
	INT_EQ("covers: first id column", dir->ids[0].col, 14);
	STR_EQ("covers: second id", dir->ids[1].id, "4.1.6.b");
	INT_EQ("covers: second id column", dir->ids[1].col, 22);
	INT_EQ("covers: no diagnostics", diag_count(c.d), 0);
	pcase_free(&c);

	/* A comment over several lines: each id where it stands. */
	pcase_parse(&c, "# 見出し\n\n<!-- covers: 1.1,\n     1.2\n  3.2 -->\n本文。\n");
	dir = &c.doc->dirs[0];
	INT_EQ("multi-line: three ids", dir->nids, 3);
	STR_EQ("multi-line: comma after an id", dir->ids[0].id, "1.1");
	INT_EQ("multi-line: second id line", dir->ids[1].line, 4);
	INT_EQ("multi-line: second id column", dir->ids[1].col, 6);
	INT_EQ("multi-line: third id line", dir->ids[2].line, 5);
	INT_EQ("multi-line: third id column", dir->ids[2].col, 3);
	pcase_free(&c);

	/* Several comments in one HTML block, and one inside a paragraph. */
	pcase_parse(&c, "# 見出し\n\n<!-- covers: 1.1 --><!-- visibility: public -->"
	    "<!-- not-applicable: 1.2 理由 -->\n\n<div>\n<!-- covers: 1.3 -->\n"
	    "</div>\n\n本文 <!-- covers: 1.4 --> の続き。\n");
	INT_EQ("one block: four directives and the inline one", c.doc->ndirs, 5);
	if (c.doc->ndirs == 5) {
		INT_EQ("one block: 1st kind", c.doc->dirs[0].kind, DIRECTIVE_COVERS);
		INT_EQ("one block: 2nd kind", c.doc->dirs[1].kind, DIRECTIVE_VISIBILITY);
		INT_EQ("one block: 2nd value", c.doc->dirs[1].visibility, VIS_PUBLIC);
		INT_EQ("one block: 2nd column", c.doc->dirs[1].col, 21);
		INT_EQ("one block: 3rd kind", c.doc->dirs[2].kind, DIRECTIVE_NA);
		INT_EQ("one block: 3rd id column", c.doc->dirs[2].ids[0].col, 69);
		STR_EQ("one block: 3rd reason", c.doc->dirs[2].reason, "理由");
		INT_EQ("html block: line", c.doc->dirs[3].ids[0].line, 6);
		INT_EQ("html block: column", c.doc->dirs[3].ids[0].col, 14);
		INT_EQ("inline comment: line", c.doc->dirs[4].ids[0].line, 9);
		INT_EQ("inline comment: column (code points)", c.doc->dirs[4].ids[0].col, 17);
	}
	pcase_free(&c);

	/*
	 * Regression (issue 2): on a comment's later lines inside a list
	 * item, a block quote or a paragraph, columns left out what cmark
	 * strips (indentation, "> ").
	 */
	pcase_parse(&c, "- 項目\n  <!-- covers: 1.1\n       1.2 -->\n\n"
	    "> <!-- covers: 1.3\n> 1.4 -->\n\n"
	    "> - <!-- covers: 2.1\n>   2.2 -->\n\n"
	    "本文 <!-- covers: 3.1\n   3.2 --> 続き。\n");
	INT_EQ("containers: four directives", c.doc->ndirs, 4);
	if (c.doc->ndirs == 4) {
		INT_EQ("list item: first line", c.doc->dirs[0].ids[0].col, 16);
		INT_EQ("list item: later line", c.doc->dirs[0].ids[1].line, 3);
		INT_EQ("list item: later column", c.doc->dirs[0].ids[1].col, 8);
		INT_EQ("quote: first line", c.doc->dirs[1].ids[0].col, 16);
		INT_EQ("quote: later column", c.doc->dirs[1].ids[1].col, 3);
		INT_EQ("quoted list: first line", c.doc->dirs[2].ids[0].col, 18);
		INT_EQ("quoted list: later column", c.doc->dirs[2].ids[1].col, 5);
		INT_EQ("paragraph: first line (code points)", c.doc->dirs[3].ids[0].col, 17);
		INT_EQ("paragraph: later line", c.doc->dirs[3].ids[1].line, 12);
		INT_EQ("paragraph: later column", c.doc->dirs[3].ids[1].col, 4);
	}
	pcase_free(&c);

	/* not-applicable: ids, then the reason; or no reason at all. */
	pcase_parse(&c, "<!-- not-applicable: 6.2.2 6.2.3 当社は該当するサービスを"
	    "提供していない。 -->\n<!-- not-applicable: 6.2.1 -->\n"
	    "<!-- not-applicable: 6.1 2024年に廃止した。 -->\n");
	INT_EQ("n/a: three directives", c.doc->ndirs, 3);
	INT_EQ("n/a: two ids", c.doc->dirs[0].nids, 2);
	STR_EQ("n/a: reason", c.doc->dirs[0].reason,
	    "当社は該当するサービスを提供していない。");
	OK("n/a: no reason is NULL", c.doc->dirs[1].reason == NULL);
	INT_EQ("n/a: a reason starting with digits is not an id",
	    c.doc->dirs[2].nids, 1);
	STR_EQ("n/a: that reason", c.doc->dirs[2].reason, "2024年に廃止した。");
	pcase_free(&c);

	/*
	 * Near misses are errors (issue 11 C1, issue 12 item 3: what cannot
	 * be read is an error at its line); a near miss of visibility: is
	 * also a confidential section.  Other comments are silent.
	 */
	pcase_parse(&c, "<!-- cover: 1.1 -->\n\n<!-- visiblity: public -->\n\n"
	    "<!-- notapplicable: 1.1 x -->\n\n<!-- note: あとで -->\n\n"
	    "<!-- TODO: 表 -->\n\n<!-- owner: 総務部 -->\n\n<!-- ただのコメント -->\n");
	pcase_diags(&c, "near-miss keys",
	    "1:1: error: 'cover:' is not a directive; did you mean 'covers:'? "
	    "[unknown-directive]\n"
	    "3:1: error: 'visiblity:' is not a directive; did you mean "
	    "'visibility:'? The section is treated as confidential "
	    "[unknown-directive]\n"
	    "5:1: error: 'notapplicable:' is not a directive; did you mean "
	    "'not-applicable:'? [unknown-directive]\n");
	INT_EQ("near-miss keys: only the confidential one", c.doc->ndirs, 1);
	if (c.doc->ndirs == 1)
		INT_EQ("near-miss visibility: confidential",
		    c.doc->dirs[0].visibility, VIS_CONFIDENTIAL);
	pcase_free(&c);

	/* Bad directives. */
	pcase_parse(&c, "<!-- visibility: secret -->\n\n<!-- covers: 基本方針 -->\n\n"
	    "<!-- covers: 1.1 の一部 -->\n");
	pcase_diags(&c, "bad directives",
	    "1:18: error: visibility: expected public, internal or confidential, "
	    "not 'secret' [bad-directive]\n"
	    "3:1: error: covers: names no element id [bad-directive]\n"
	    "5:18: warning: covers: text after the ids is ignored "
	    "[bad-directive]\n");
	INT_EQ("bad visibility: the safest class", c.doc->dirs[0].visibility,
	    VIS_CONFIDENTIAL);
	pcase_free(&c);

	/* Comments in code are not directives. */
	pcase_parse(&c, "```\n<!-- covers: 1.1 -->\n```\n\n    <!-- covers: 1.2 -->\n\n"
	    "`<!-- covers: 1.3 -->`\n");
	INT_EQ("code: no directives", c.doc->ndirs, 0);
	pcase_free(&c);
}

static void
test_unusable(void)
{
	struct pcase	 c;
	struct buf	 b = { NULL, 0, 0 };
	int		 i;

	pcase_parse(&c, "# 見出し\n\nShift_JIS \x82\xa0\n");
	OK("bad UTF-8: no tree", c.doc->root == NULL);
	pcase_diags(&c, "bad UTF-8: line and column",
	    "3:11: error: invalid UTF-8 byte 0x82: save the file as UTF-8 "
	    "[bad-utf8]\n");
	pcase_free(&c);

	pcase_parse(&c, "overlong \xc0\xaf and more\n");
	OK("overlong UTF-8 is refused", c.doc->root == NULL);
	pcase_free(&c);

	pcase_parse(&c, "cut \xe3\x81");
	OK("UTF-8 cut off at the end is refused", c.doc->root == NULL);
	pcase_free(&c);

	/* A NUL byte: harness_source copies with strlen, so build it here. */
	c.src = harness_source("doc.md", "doc.md", "ab_cd\n");
	c.src->data[2] = '\0';
	c.d = diag_new();
	c.doc = parse_document(c.src, c.d);
	OK("NUL: no tree", c.doc->root == NULL);
	pcase_diags(&c, "NUL: line and column",
	    "1:3: error: NUL byte: a policy source must be UTF-8 text [bad-utf8]\n");
	pcase_free(&c);

	for (i = 0; i < 100; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "深い\n");
	pcase_parse(&c, b.data);
	OK("too deep: no tree", c.doc->root == NULL);
	INT_EQ("too deep: one message", harness_count_rule(c.d, "too-deep"), 1);
	pcase_free(&c);
	buf_free(&b);

	for (i = 0; i < 30; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "30段はまだ読める\n");
	pcase_parse(&c, b.data);
	OK("30 levels: read", c.doc->root != NULL);
	INT_EQ("30 levels: no message", diag_count(c.d), 0);
	pcase_free(&c);
	buf_free(&b);
}

static void
test_url_safe(void)
{
	OK("url: https", parse_url_safe("https://www.example.jp/a?b#c"));
	OK("url: http", parse_url_safe("http://example.jp"));
	OK("url: scheme case", parse_url_safe("HTTPS://EXAMPLE.JP"));
	OK("url: mailto", parse_url_safe("mailto:soudan@example.co.jp"));
	OK("url: tel", parse_url_safe("tel:0120-000-000"));
	OK("url: relative path", parse_url_safe("../crisis/01.md"));
	OK("url: relative with a colon later", parse_url_safe("a/b:c"));
	OK("url: fragment", parse_url_safe("#section-2"));
	OK("url: query", parse_url_safe("?q=1"));
	OK("url: protocol-relative", parse_url_safe("//example.jp/"));
	OK("url: empty", parse_url_safe(""));
	OK("url: javascript", !parse_url_safe("javascript:alert(1)"));
	OK("url: JavaScript", !parse_url_safe("JavaScript:alert(1)"));
	OK("url: leading space", !parse_url_safe("  javascript:alert(1)"));
	OK("url: data", !parse_url_safe("data:text/html;base64,AAAA"));
	OK("url: vbscript", !parse_url_safe("vbscript:msgbox"));
	OK("url: file", !parse_url_safe("file:///etc/passwd"));
	/* "%" is no scheme character: relative, and no browser decodes it into one. */
	OK("url: percent-encoded scheme is relative", parse_url_safe("java%73cript:x"));
	OK("url: control character", !parse_url_safe("\x01javascript:x"));
	OK("url: ftp", !parse_url_safe("ftp://example.jp/"));
	/* Issue 19.4: a scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
	OK("url: parenthesis before the colon is relative", parse_url_safe("foo):"));
	OK("url: digit first is relative", parse_url_safe("1abc:x"));
	OK("url: non-ASCII before the colon is relative", parse_url_safe("規程:1"));
	OK("url: scheme with plus, dot, dash", !parse_url_safe("a+b.c-d:x"));
	OK("url: tab inside the scheme", !parse_url_safe("java\tscript:alert(1)"));
	OK("url: line feed inside the scheme", !parse_url_safe("java\nscript:alert(1)"));
	OK("url: tab inside https stays https", parse_url_safe("ht\ttps://example.jp/"));
	OK("url: leading line feed", !parse_url_safe("\njavascript:x"));
	OK("url: a long scheme", !parse_url_safe("abcdefghijklmnopqrstuvwxyz:x"));
	OK("url: empty scheme", !parse_url_safe(":x"));
}

static void
test_is_id(void)
{
	OK("id: 4.1.6.a", parse_is_id("4.1.6.a"));
	OK("id: 3.2", parse_is_id("3.2"));
	OK("id: 13.1.a", parse_is_id("13.1.a"));
	OK("id: 4.1.10", parse_is_id("4.1.10"));
	OK("id: 4", parse_is_id("4"));
	OK("not id: empty", !parse_is_id(""));
	OK("not id: 4.1.6.aa", !parse_is_id("4.1.6.aa"));
	OK("not id: 4.1.6.A", !parse_is_id("4.1.6.A"));
	OK("not id: a.1", !parse_is_id("a.1"));
	OK("not id: 4..1", !parse_is_id("4..1"));
	OK("not id: 4.1.", !parse_is_id("4.1."));
	OK("not id: .4", !parse_is_id(".4"));
	OK("not id: 4.a.1", !parse_is_id("4.a.1"));
	OK("not id: 4.1-2", !parse_is_id("4.1-2"));
}

static void
test_visibility_names(void)
{
	STR_EQ("visibility name: unset is internal",
	    parse_visibility_name(VIS_UNSET), "internal");
	STR_EQ("visibility name: public", parse_visibility_name(VIS_PUBLIC), "public");
	STR_EQ("visibility label: confidential",
	    parse_visibility_label(VIS_CONFIDENTIAL), "関係者外秘");
	STR_EQ("visibility label: unset", parse_visibility_label(VIS_UNSET), "社外秘");
}


/* The normaliser itself (issue 11 C1, issue 12 item 3). */
static void
test_unorm(void)
{
	struct unorm_view	 v;
	char			*s;
	const char		*t = "ａ：４．１　b";

	s = unorm_key("\xe3\x80\x80Ｖｉｓｉｂｉｌｉｔｙ\xe3\x80\x80", strlen(
	    "\xe3\x80\x80Ｖｉｓｉｂｉｌｉｔｙ\xe3\x80\x80"));
	STR_EQ("unorm_key: full width, case, ideographic spaces", s, "visibility");
	free(s);
	s = unorm_key("Approved-By ", 12);
	STR_EQ("unorm_key: case and a space", s, "approved-by");
	free(s);
	s = unorm_nfkc("２０２７－０３－０１", strlen("２０２７－０３－０１"));
	STR_EQ("unorm_nfkc: a full-width date", s, "2027-03-01");
	free(s);
	s = unorm_nfkc("ｶﾞｲﾄﾞ", strlen("ｶﾞｲﾄﾞ"));
	STR_EQ("unorm_nfkc: half-width kana compose", s, "ガイド");
	free(s);
	s = unorm_nfkc("\xff\xfe", 2);
	STR_EQ("unorm_nfkc: not UTF-8 comes back as it was", s, "\xff\xfe");
	free(s);

	unorm_view_make(&v, t, strlen(t));
	STR_EQ("view: normalised copy", v.s, "a:4.1 b");
	INT_EQ("view: ':' came from byte 3", v.from[1], 3);
	INT_EQ("view: '1' came from byte 12", v.from[4], 12);
	INT_EQ("view: 'b' came from byte 18", v.from[6], 18);
	INT_EQ("view: end", v.from[v.len], strlen(t));
	INT_EQ("view: end of the ideographic space", unorm_view_end(&v, 5), 18);
	unorm_view_free(&v);
}

/* Checks that text gives one visibility directive of class want, no diagnostics. */
static void
fw_visibility(const char *name, const char *text, enum visibility want)
{
	struct pcase	 c;

	pcase_parse(&c, text);
	INT_EQ(name, c.doc->ndirs == 1 ? (int)c.doc->dirs[0].visibility : -9,
	    (int)want);
	pcase_diags(&c, name, "");
	pcase_free(&c);
}

/*
 * Checks that text is an error at line:col and a confidential section
 * (diags: the expected messages).
 */
static void
fw_unreadable(const char *name, const char *text, const char *diags)
{
	struct pcase	 c;
	size_t		 i;
	int		 conf = 0;

	pcase_parse(&c, text);
	for (i = 0; i < c.doc->ndirs; i++)
		if (c.doc->dirs[i].kind == DIRECTIVE_VISIBILITY &&
		    c.doc->dirs[i].visibility == VIS_CONFIDENTIAL)
			conf = 1;
	OK(name, conf);
	pcase_diags(&c, name, diags);
	pcase_free(&c);
}

/* Directives typed with a Japanese keyboard (issue 11 C1, issue 12 item 3). */
static void
test_fullwidth_directives(void)
{
	struct pcase		 c;
	const struct directive	*dir;

	fw_visibility("visibility：internal (full-width colon)",
	    "<!-- visibility：internal -->\n", VIS_INTERNAL);
	fw_visibility("visibility : internal (space before the colon)",
	    "<!-- visibility : internal -->\n", VIS_INTERNAL);
	fw_visibility("ideographic space after <!--",
	    "<!--\xe3\x80\x80visibility: internal -->\n", VIS_INTERNAL);
	fw_visibility("Visibility: Internal (case)",
	    "<!-- Visibility: Internal -->\n", VIS_INTERNAL);
	fw_visibility("ｖｉｓｉｂｉｌｉｔｙ：ｃｏｎｆｉｄｅｎｔｉａｌ",
	    "<!-- ｖｉｓｉｂｉｌｉｔｙ：ｃｏｎｆｉｄｅｎｔｉａｌ -->\n",
	    VIS_CONFIDENTIAL);
	fw_visibility("VISIBILITY:PUBLIC without spaces",
	    "<!--VISIBILITY:PUBLIC-->\n", VIS_PUBLIC);
	fw_visibility("the label 社外秘", "<!-- visibility: 社外秘 -->\n",
	    VIS_INTERNAL);
	fw_visibility("the label 関係者外秘", "<!-- visibility：関係者外秘 -->\n",
	    VIS_CONFIDENTIAL);
	fw_visibility("no-break space", "<!-- visibility:\xc2\xa0public -->\n",
	    VIS_PUBLIC);
	fw_visibility("<!--- three dashes --->",
	    "<!--- visibility: internal --->\n", VIS_INTERNAL);

	/* Unreadable: an error at the line, and confidential. */
	fw_unreadable("visibility: publik",
	    "# 見出し\n\n<!-- visibility: publik -->\n",
	    "3:18: error: visibility: expected public, internal or "
	    "confidential, not 'publik' [bad-directive]\n");
	fw_unreadable("visibilty：internal",
	    "<!-- visibilty：internal -->\n",
	    "1:1: error: 'visibilty:' is not a directive; did you mean "
	    "'visibility:'? The section is treated as confidential "
	    "[unknown-directive]\n");
	fw_unreadable("visibility: with no value", "<!-- visibility: -->\n",
	    "1:1: error: visibility: names no class; expected public, "
	    "internal or confidential [bad-directive]\n");
	fw_unreadable("visibility with no colon", "<!-- visibility internal -->\n",
	    "1:1: error: 'visibility' without a ':' cannot be read; write "
	    "'visibility: internal'; the section is treated as confidential "
	    "[bad-directive]\n");
	fw_unreadable("visiblity internal, no colon",
	    "<!-- visiblity ｉｎｔｅｒｎａｌ -->\n",
	    "1:1: error: 'visiblity' is not a directive; did you mean "
	    "'visibility:'? The section is treated as confidential "
	    "[unknown-directive]\n");
	fw_unreadable("two classes", "<!-- visibility: public internal -->\n",
	    "1:25: error: visibility: names two classes; the section is "
	    "treated as confidential [bad-directive]\n");
	fw_unreadable("a full-width value misspelt",
	    "<!-- visibility：ｐｕｂｌｉｋ -->\n",
	    "1:17: error: visibility: expected public, internal or "
	    "confidential, not 'ｐｕｂｌｉｋ' [bad-directive]\n");
	fw_unreadable("visibility after covers, misspelt",
	    "<!-- covers: 1.1 visiblity: internal -->\n",
	    "1:18: error: 'visiblity:' is not a directive; did you mean "
	    "'visibility:'? The section is treated as confidential "
	    "[unknown-directive]\n");

	/* covers：3.2 and full-width ids, columns of the original. */
	pcase_parse(&c, "<!-- covers：3.2 -->\n<!-- covers: ４.１.６.ａ\xe3\x80\x80"
	    "4.1.6.b -->\n<!-- covers: 1.1，1.2、1.3 -->\n");
	INT_EQ("covers：: three directives", c.doc->ndirs, 3);
	if (c.doc->ndirs == 3) {
		dir = &c.doc->dirs[0];
		INT_EQ("covers：3.2: one id", dir->nids, 1);
		STR_EQ("covers：3.2: the id", dir->ids[0].id, "3.2");
		INT_EQ("covers：3.2: its column", dir->ids[0].col, 13);
		dir = &c.doc->dirs[1];
		INT_EQ("full-width id and space: two ids", dir->nids, 2);
		STR_EQ("full-width id: read as ASCII", dir->ids[0].id, "4.1.6.a");
		INT_EQ("full-width id: original column", dir->ids[0].col, 14);
		if (dir->nids == 2) {
			STR_EQ("ASCII id after U+3000 kept", dir->ids[1].id,
			    "4.1.6.b");
			INT_EQ("ASCII id after U+3000: column", dir->ids[1].col, 22);
		}
		dir = &c.doc->dirs[2];
		INT_EQ("，and 、 separate ids", dir->nids, 3);
		if (dir->nids == 3)
			STR_EQ("、: third id", dir->ids[2].id, "1.3");
	}
	pcase_diags(&c, "full-width covers: no diagnostics", "");
	pcase_free(&c);

	/* not-applicable：, and a reason kept as written. */
	pcase_parse(&c, "<!-- not-applicable：6.2.2\xe3\x80\x80理由 -->\n"
	    "<!-- Not-Applicable: ６．２．３　（株）①の業務に限る。　-->\n");
	INT_EQ("not-applicable：: two directives", c.doc->ndirs, 2);
	if (c.doc->ndirs == 2) {
		STR_EQ("not-applicable：: id", c.doc->dirs[0].ids[0].id, "6.2.2");
		STR_EQ("not-applicable：: reason", c.doc->dirs[0].reason, "理由");
		STR_EQ("n/a: full-width id", c.doc->dirs[1].ids[0].id, "6.2.3");
		STR_EQ("n/a: the reason is not normalised",
		    c.doc->dirs[1].reason, "（株）①の業務に限る。");
	}
	pcase_diags(&c, "not-applicable：: no diagnostics", "");
	pcase_free(&c);

	/* Two directives in one comment, one a line. */
	pcase_parse(&c, "<!--\ncovers: 1.1\nvisibility: internal\n-->\n\n"
	    "<!-- not-applicable: 6.2.2 理由。\n     visibility：confidential -->\n");
	INT_EQ("two in one comment: four directives", c.doc->ndirs, 4);
	if (c.doc->ndirs == 4) {
		INT_EQ("two in one: covers", c.doc->dirs[0].kind, DIRECTIVE_COVERS);
		INT_EQ("two in one: visibility", c.doc->dirs[1].visibility,
		    VIS_INTERNAL);
		INT_EQ("two in one: its line", c.doc->dirs[1].line, 3);
		STR_EQ("two in one: the reason stops at the next directive",
		    c.doc->dirs[2].reason, "理由。");
		INT_EQ("two in one: then visibility", c.doc->dirs[3].visibility,
		    VIS_CONFIDENTIAL);
	}
	pcase_diags(&c, "two in one comment: no diagnostics", "");
	pcase_free(&c);

	/* What is still unreadable is an error at its line. */
	pcase_parse(&c, "<!-- covers: 1.1 と 1.2 -->\n\n"
	    "<!-- not applicable: 6.2.2 理由 -->\n\n<!-- covers 1.1 -->\n\n"
	    "<!-- covers: 1.1 visibility: internal -->\n");
	pcase_diags(&c, "unreadable covers",
	    "1:18: error: covers: 'と' is not an id, and the ids after it are "
	    "not read; separate ids with spaces or commas [bad-directive]\n"
	    "3:1: error: 'not applicable:' is not a directive; did you mean "
	    "'not-applicable:'? [unknown-directive]\n"
	    "5:1: error: 'covers' without a ':' cannot be read; write "
	    "'covers: …' [bad-directive]\n");
	INT_EQ("covers then visibility in one line: three directives",
	    c.doc->ndirs, 3);
	if (c.doc->ndirs == 3)
		INT_EQ("covers then visibility: internal",
		    c.doc->dirs[2].visibility, VIS_INTERNAL);
	pcase_free(&c);

	/* Directives Markdown shows as text, and a comment never closed. */
	fw_unreadable("full-width <!--", "# 見出し\n\n＜！－－ visibility: internal －－＞\n",
	    "3:1: error: a directive written as text (with a full-width "
	    "'＜！－－') is shown on the page and not read; the section is "
	    "treated as confidential [bad-directive]\n");
	fw_unreadable("unclosed inline", "本文 <!-- visibility: internal\n",
	    "1:4: error: a directive written as text (never closed with "
	    "'-->') is shown on the page and not read; the section is "
	    "treated as confidential [bad-directive]\n");
	fw_unreadable("closed with a full-width －－＞",
	    "<!-- visibility: internal －－＞\n\n本文\n",
	    "1:1: error: a comment opened with '<!--' and never closed with "
	    "'-->' (a full-width '－－＞' does not close it): what follows it "
	    "is not shown, and the section is treated as confidential "
	    "[bad-directive]\n");
	pcase_parse(&c, "＜！－－ covers: 1.1 －－＞\n\n<!-- covers: 1.2\n\n本文\n");
	pcase_diags(&c, "covers as text, and never closed",
	    "1:1: error: a directive written as text (with a full-width "
	    "'＜！－－') is shown on the page and not read [bad-directive]\n"
	    "3:1: error: a comment opened with '<!--' and never closed with "
	    "'-->': what follows it is not shown [bad-directive]\n"
	    "5:1: warning: covers: text after the ids is ignored "
	    "[bad-directive]\n");
	pcase_free(&c);

	/* Prose is still silent. */
	pcase_parse(&c, "<!-- ここは後で見直す -->\n<!-- covers the old rule -->\n"
	    "<!-- note：あとで -->\n");
	INT_EQ("prose comments: no directives", c.doc->ndirs, 0);
	pcase_diags(&c, "prose comments: silent", "");
	pcase_free(&c);
}

/* Front matter typed with a Japanese keyboard, and what cannot be read. */
static void
test_fullwidth_front_matter(void)
{
	struct pcase	 c;

	pcase_parse(&c, "---\nｖｉｓｉｂｉｌｉｔｙ: ｐｕｂｌｉｃ\n---\n# 見出し\n");
	INT_EQ("front matter: full-width key and value", c.doc->visibility,
	    VIS_PUBLIC);
	pcase_diags(&c, "front matter: full width, no diagnostics", "");
	pcase_free(&c);

	pcase_parse(&c, "---\nVisibility: Confidential\nTitle: 表題\n---\n");
	INT_EQ("front matter: case", c.doc->visibility, VIS_CONFIDENTIAL);
	STR_EQ("front matter: Title", c.doc->title, "表題");
	pcase_free(&c);

	pcase_parse(&c, "---\nvisibility: 公開\n---\n");
	INT_EQ("front matter: the label 公開", c.doc->visibility, VIS_PUBLIC);
	pcase_free(&c);

	pcase_parse(&c, "---\nvisibility: confidential\nvisibility: public\n---\n");
	INT_EQ("front matter: said twice, the more restricted",
	    c.doc->visibility, VIS_CONFIDENTIAL);
	pcase_free(&c);

	pcase_parse(&c, "---\nvisiblity: public\n---\n");
	INT_EQ("front matter: misspelt key is confidential", c.doc->visibility,
	    VIS_CONFIDENTIAL);
	pcase_diags(&c, "front matter: misspelt key is an error",
	    "2:1: error: unknown front matter key 'visiblity'; did you mean "
	    "'visibility'? The document is treated as confidential "
	    "[bad-front-matter]\n");
	pcase_free(&c);

	pcase_parse(&c, "---\ntitle: 表題\nvisibility：public\n---\n");
	INT_EQ("front matter: unreadable YAML is confidential",
	    c.doc->visibility, VIS_CONFIDENTIAL);
	INT_EQ("front matter: unreadable YAML is an error",
	    diag_count(c.d), 1);
	pcase_free(&c);

	pcase_parse(&c, "---\nvisibility: [public]\n---\n");
	INT_EQ("front matter: a list for visibility is confidential",
	    c.doc->visibility, VIS_CONFIDENTIAL);
	pcase_free(&c);

	pcase_parse(&c, "---\nvisibility: public\n# 閉じない\n");
	INT_EQ("front matter never closed: confidential", c.doc->visibility,
	    VIS_CONFIDENTIAL);
	pcase_free(&c);
}

void
test_parse(void)
{
	test_front_matter();
	test_directives();
	test_unusable();
	test_url_safe();
	test_is_id();
	test_visibility_names();
	test_unorm();
	test_fullwidth_directives();
	test_fullwidth_front_matter();
}
