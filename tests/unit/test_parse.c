/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the parse stage: front matter, directives and their
 * positions, unusable text, parse_url_safe and parse_is_id.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"
#include "parse.h"
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

	/* Near misses warn; other comments are silent. */
	pcase_parse(&c, "<!-- cover: 1.1 -->\n\n<!-- visiblity: public -->\n\n"
	    "<!-- notapplicable: 1.1 x -->\n\n<!-- note: あとで -->\n\n"
	    "<!-- TODO: 表 -->\n\n<!-- owner: 総務部 -->\n\n<!-- ただのコメント -->\n");
	pcase_diags(&c, "near-miss keys",
	    "1:1: warning: 'cover:' is not a directive; did you mean 'covers:'? "
	    "[unknown-directive]\n"
	    "3:1: warning: 'visiblity:' is not a directive; did you mean "
	    "'visibility:'? [unknown-directive]\n"
	    "5:1: warning: 'notapplicable:' is not a directive; did you mean "
	    "'not-applicable:'? [unknown-directive]\n");
	INT_EQ("near-miss keys: no directives", c.doc->ndirs, 0);
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

void
test_parse(void)
{
	test_front_matter();
	test_directives();
	test_unusable();
	test_url_safe();
	test_is_id();
	test_visibility_names();
}
