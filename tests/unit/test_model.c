/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the model stage: the section tree and its ranges, where
 * directives land, visibility inheritance and the refusal to widen it,
 * manuals from globs, titles.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "harness.h"
#include "model.h"
#include "parse.h"

#define MCASE_MAX	4

/* A model of up to four documents, with what it was built from. */
struct mcase {
	struct source_file	*src[MCASE_MAX];
	size_t			 n;
	struct config		*cf;
	struct diag		*d;
	struct model		*m;
};

static const char model_config[] =
    "organization: x\ncatalog: c\nmanuals:\n"
    "  - {id: policy, title: 規程, documents: [\"policy/*.md\"]}\n"
    "  - {id: crisis, title: 危機, kind: crisis, documents: [\"crisis/*.md\"]}\n";

/*
 * Builds a model of the documents given as pairs of root-relative path and
 * text, ending with NULL, under cfg (model_config when NULL).
 */
static void
mcase_build(struct mcase *c, const char *cfg, ...)
{
	struct parse_doc	*docs[MCASE_MAX];
	const char		*rel, *text;
	va_list			 ap;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	c->d = diag_new();
	if (cfg == NULL)
		cfg = model_config;
	if (config_parse(&c->cf, "kitei.yml", cfg, strlen(cfg), c->d) < 0)
		abort();
	va_start(ap, cfg);
	while ((rel = va_arg(ap, const char *)) != NULL && c->n < MCASE_MAX) {
		text = va_arg(ap, const char *);
		c->src[c->n++] = harness_source(rel, rel, text);
	}
	va_end(ap);
	for (i = 0; i < c->n; i++)
		docs[i] = parse_document(c->src[i], c->d);
	c->m = model_build(docs, c->n, c->cf, c->d);
}

static void
mcase_free(struct mcase *c)
{
	size_t	 i;

	model_free(c->m);
	config_free(c->cf);
	diag_free(c->d);
	for (i = 0; i < c->n; i++)
		harness_source_free(c->src[i]);
}

static void
mcase_diags(struct mcase *c, const char *name, const char *want)
{
	char	*got = harness_diags(c->d);

	STR_EQ(name, got, want);
	free(got);
}

static void
test_model_tree(void)
{
	struct mcase			 c;
	const struct model_doc		*md;
	const struct model_section	*s;

	mcase_build(&c, NULL, "policy/a.md",
	    "前書き。\n\n# A\n\n## B\n\n### C\n本文C。\n\n## D\n\n# E\n本文E。\n",
	    NULL);
	md = &c.m->docs[0];
	INT_EQ("tree: six sections", md->nsections, 6);
	if (md->nsections != 6)
		goto out;
	s = md->sections;
	INT_EQ("tree: document level", s[0].level, 0);
	OK("tree: document has no parent", s[0].parent == MODEL_NONE);
	INT_EQ("tree: document ends after all", s[0].end, 6);
	OK("tree: document text before the first heading", s[0].has_text);
	STR_EQ("tree: A heading", s[1].heading, "A");
	INT_EQ("tree: A line", s[1].line, 3);
	INT_EQ("tree: A parent", s[1].parent, 0);
	INT_EQ("tree: A ends before E", s[1].end, 5);
	INT_EQ("tree: B parent", s[2].parent, 1);
	INT_EQ("tree: B ends after C", s[2].end, 4);
	INT_EQ("tree: C parent", s[3].parent, 2);
	INT_EQ("tree: C level", s[3].level, 3);
	INT_EQ("tree: C end", s[3].end, 4);
	OK("tree: C has text", s[3].has_text);
	INT_EQ("tree: D parent", s[4].parent, 1);
	OK("tree: D has no text", !s[4].has_text);
	OK("tree: D has no body", !model_section_has_body(md, 4));
	OK("tree: B has a body through C", model_section_has_body(md, 2));
	OK("tree: B has no text of its own", !s[2].has_text);
	INT_EQ("tree: E parent", s[5].parent, 0);
	INT_EQ("tree: E end", s[5].end, 6);
	STR_EQ("tree: title from the first level-1 heading", md->title, "A");
	STR_EQ("tree: section text has its heading", s[3].text, "C\n\n本文C。");
out:
	mcase_free(&c);

	/* A heading level skipped, and a deeper heading before a shallower. */
	mcase_build(&c, NULL, "policy/a.md", "### X\n\n# Y\n\n### Z\n\n## W\n", NULL);
	md = &c.m->docs[0];
	INT_EQ("skips: five sections", md->nsections, 5);
	if (md->nsections == 5) {
		INT_EQ("skips: X under the document", md->sections[1].parent, 0);
		INT_EQ("skips: Z under Y", md->sections[3].parent, 2);
		INT_EQ("skips: W under Y", md->sections[4].parent, 2);
		INT_EQ("skips: Y ends at the end", md->sections[2].end, 5);
		INT_EQ("skips: Z ends before W", md->sections[3].end, 4);
	}
	mcase_free(&c);

	/* Setext headings count; a heading inside a quote does not cut. */
	mcase_build(&c, NULL, "policy/a.md",
	    "---\ntitle: 前付けの題\n---\nA\n===\n\n> # 引用の中\n\nB\n---\n本文。\n", NULL);
	md = &c.m->docs[0];
	INT_EQ("setext: three sections", md->nsections, 3);
	STR_EQ("setext: front matter title wins", md->title, "前付けの題");
	STR_EQ("setext: document section heading is the title",
	    md->sections[0].heading, "前付けの題");
	if (md->nsections == 3)
		INT_EQ("setext: B is level 2", md->sections[2].level, 2);
	mcase_free(&c);

	mcase_build(&c, NULL, "policy/untitled.md", "本文だけ。\n", NULL);
	STR_EQ("title: the file name at last", c.m->docs[0].title, "policy/untitled.md");
	mcase_free(&c);
}

static void
test_model_directives(void)
{
	struct mcase			 c;
	const struct model_section	*s;

	mcase_build(&c, NULL, "policy/a.md",
	    "<!-- covers: 1.1 -->\n前書き。\n\n# A\n<!-- covers: 1.2 1.3 -->\n\n"
	    "## B\n本文。\n<!-- not-applicable: 6.2.2 理由。 -->\n\n"
	    "## C\n\n<!-- covers: 2.1 -->\n", NULL);
	if (c.m->docs[0].nsections != 4) {
		INT_EQ("placement: four sections", c.m->docs[0].nsections, 4);
		goto out;
	}
	s = c.m->docs[0].sections;
	INT_EQ("placement: before the first heading: the document",
	    s[0].ncovers, 1);
	STR_EQ("placement: document covers 1.1", s[0].covers[0].id, "1.1");
	INT_EQ("placement: A covers two", s[1].ncovers, 2);
	INT_EQ("placement: second id keeps its column", s[1].covers[1].col, 18);
	INT_EQ("placement: B covers none", s[2].ncovers, 0);
	INT_EQ("placement: B declares one n/a", s[2].nnas, 1);
	STR_EQ("placement: n/a id", s[2].nas[0].id, "6.2.2");
	STR_EQ("placement: n/a reason", s[2].nas[0].reason, "理由。");
	INT_EQ("placement: n/a line", s[2].nas[0].line, 9);
	INT_EQ("placement: the last directive goes to C", s[3].ncovers, 1);
	OK("placement: a comment is no body text", !s[3].has_text);
out:
	mcase_free(&c);
}

static void
test_model_visibility(void)
{
	struct mcase			 c;
	const struct model_section	*s;

	mcase_build(&c, NULL, "policy/a.md",
	    "---\nvisibility: public\n---\n# 公開\n本文。\n\n## 社内\n"
	    "<!-- visibility: internal -->\n本文。\n\n### 社内の下\n本文。\n\n"
	    "#### 公開に戻す\n<!-- visibility: public -->\n本文。\n\n"
	    "## 公開の二\n本文。\n\n## 機密\n<!-- visibility: confidential -->\n"
	    "本文。\n", "crisis/a.md", "# 危機\n", NULL);
	s = c.m->docs[0].sections;
	if (c.m->docs[0].nsections != 7) {
		INT_EQ("visibility: seven sections", c.m->docs[0].nsections, 7);
		goto out;
	}
	INT_EQ("visibility: document from front matter", s[0].visibility, VIS_PUBLIC);
	INT_EQ("visibility: inherited", s[1].visibility, VIS_PUBLIC);
	INT_EQ("visibility: narrowed", s[2].visibility, VIS_INTERNAL);
	INT_EQ("visibility: inherited narrowed", s[3].visibility, VIS_INTERNAL);
	INT_EQ("visibility: widening refused", s[4].visibility, VIS_INTERNAL);
	INT_EQ("visibility: sibling unaffected", s[5].visibility, VIS_PUBLIC);
	INT_EQ("visibility: confidential", s[6].visibility, VIS_CONFIDENTIAL);
	INT_EQ("visibility: manual's highest class",
	    c.m->manuals[0].highest, VIS_CONFIDENTIAL);
	mcase_diags(&c, "visibility: the widening is warned",
	    "15:1: warning: visibility: public has no effect here: the enclosing "
	    "section is internal, and a section can only be more restricted than "
	    "its parent [visibility-widened]\n");
out:
	mcase_free(&c);

	mcase_build(&c, NULL, "policy/a.md", "# 既定\n本文。\n", NULL);
	INT_EQ("visibility: internal by default",
	    c.m->docs[0].sections[1].visibility, VIS_INTERNAL);
	INT_EQ("visibility: highest of an internal manual",
	    c.m->manuals[0].highest, VIS_INTERNAL);
	mcase_free(&c);

	/* Before the first heading, a directive sets the document's class. */
	mcase_build(&c, NULL, "policy/a.md",
	    "---\nvisibility: internal\n---\n<!-- visibility: public -->\n# A\n本文。\n",
	    NULL);
	INT_EQ("visibility: front matter and document directive, the stricter",
	    c.m->docs[0].sections[1].visibility, VIS_INTERNAL);
	mcase_free(&c);

	mcase_build(&c, NULL, "policy/a.md",
	    "# A\n<!-- visibility: confidential -->\n<!-- visibility: public -->\n本文。\n",
	    NULL);
	INT_EQ("visibility: two in one section, the stricter",
	    c.m->docs[0].sections[1].visibility, VIS_CONFIDENTIAL);
	INT_EQ("visibility: two in one section, warned",
	    harness_count_rule(c.d, "bad-directive"), 1);
	mcase_free(&c);
}

static void
test_model_manuals(void)
{
	struct mcase	 c;

	mcase_build(&c,
	    "organization: x\ncatalog: c\nmanuals:\n"
	    "  - {id: policy, title: 規程, documents: [\"policy/*.md\"]}\n"
	    "  - {id: crisis, title: 危機, documents: [\"crisis/*.md\", policy/b.md]}\n"
	    "  - {id: empty, title: 空, documents: [\"none/*.md\"]}\n",
	    "crisis/a.md", "# a\n", "draft.md", "# d\n", "policy/a.md", "# a\n",
	    "policy/b.md", "# b\n", NULL);
	INT_EQ("manuals: crisis/a.md in crisis", c.m->docs[0].manual, 1);
	OK("manuals: draft.md in none", c.m->docs[1].manual == MODEL_NONE);
	INT_EQ("manuals: policy/a.md in policy", c.m->docs[2].manual, 0);
	INT_EQ("manuals: policy/b.md in the first that claims it",
	    c.m->docs[3].manual, 0);
	INT_EQ("manuals: policy has two", c.m->manuals[0].ndocs, 2);
	INT_EQ("manuals: crisis has one", c.m->manuals[1].ndocs, 1);
	mcase_diags(&c, "manuals: orphan, ambiguous, empty",
	    "0:0: warning: belongs to no manual: add it to a manual's documents "
	    "in kitei.yml [orphan-document]\n"
	    "0:0: error: claimed by two manuals, 'policy' and 'crisis': a "
	    "document belongs to exactly one [ambiguous-document]\n"
	    "6:0: warning: manual 'empty': its documents globs match no file "
	    "[empty-manual]\n");
	mcase_free(&c);

	/* A glob's * does not cross folders. */
	mcase_build(&c, NULL, "policy/sub/a.md", "# a\n", NULL);
	OK("manuals: * stays in its folder", c.m->docs[0].manual == MODEL_NONE);
	mcase_free(&c);
}

static void
test_model_links(void)
{
	struct mcase	 c;

	mcase_build(&c, NULL, "policy/a.md",
	    "# [題](javascript:x)\n\n[可](https://a.jp/) [不可](data:x) "
	    "<javascript:y> [相対](b.md)\n", "crisis/a.md", "# 危機\n", NULL);
	mcase_diags(&c, "links: unsafe ones warned once each, with positions",
	    "1:3: warning: link target 'javascript:x' is dropped: only http(s), "
	    "mailto, tel and relative links are kept [unsafe-link]\n"
	    "3:20: warning: link target 'data:x' is dropped: only http(s), "
	    "mailto, tel and relative links are kept [unsafe-link]\n"
	    "3:33: warning: link target 'javascript:y' is dropped: only http(s), "
	    "mailto, tel and relative links are kept [unsafe-link]\n");
	mcase_free(&c);
}

void
test_model(void)
{
	test_model_tree();
	test_model_directives();
	test_model_visibility();
	test_model_manuals();
	test_model_links();
}
