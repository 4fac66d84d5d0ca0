/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the coverage stage: each finding rule on a small model held
 * in memory, against the tiny catalog of the check fixtures, and the status
 * of each element.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "diag.h"
#include "harness.h"
#include "model.h"
#include "parse.h"

#define CCASE_MAX	4

/* Covers every element of the tiny catalog but those a case takes out. */
static const char ccase_policy[] =
    "# 規程\n\n"
    "## 基本方針\n<!-- covers: 1.1 -->\n基本方針を定める。\n\n"		/* 3 */
    "## 見直し\n<!-- covers: 1.2 -->\n毎年見直す。\n\n"			/* 7 */
    "## 教育\n<!-- covers: 1.3 -->\n研修を行う。\n\n"			/* 11 */
    "## 監査\n<!-- covers: 1.4 1.4.1 -->\n外部監査を検討し、監査法人に依頼する。\n\n"
    "## アクセス\n<!-- covers: 4.1.6.a 4.1.6.b 4.1.6.c -->\n"		/* 19 */
    "アクセス権限、操作ログ、多要素認証。\n";
static const char ccase_crisis[] =
    "# 危機\n<!-- covers: 13.1 -->\n危機の定義。\n";
static const char ccase_public[] =
    "---\nvisibility: public\n---\n# 公表\n<!-- covers: 13.2 -->\n"
    "ウェブサイトで公表します。\n";

/* A coverage run over up to four documents. */
struct ccase {
	struct source_file	*src[CCASE_MAX];
	size_t			 n;
	struct config		*cf;
	struct catalog		*cat;
	struct diag		*d;
	struct model		*m;
	struct coverage		*cov;
};

/*
 * Runs coverage over the documents given as pairs of root-relative path and
 * text, ending with NULL.  Documents under policy/ are in a policy manual,
 * those under crisis/ in a crisis manual.
 */
static void
ccase_run(struct ccase *c, ...)
{
	static const char cfg[] = "organization: x\ncatalog: cat.xml\nmanuals:\n"
	    "  - {id: policy, title: 規程, documents: [\"policy/*.md\"]}\n"
	    "  - {id: crisis, title: 危機, kind: crisis, documents: [\"crisis/*.md\"]}\n";
	struct parse_doc	*docs[CCASE_MAX];
	struct diag		*quiet = diag_new();
	const char		*rel;
	va_list			 ap;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	c->d = diag_new();
	if (config_parse(&c->cf, "kitei.yml", cfg, strlen(cfg), quiet) < 0 ||
	    (c->cat = harness_catalog(HARNESS_TINY, quiet)) == NULL)
		abort();
	diag_free(quiet);
	va_start(ap, c);
	while ((rel = va_arg(ap, const char *)) != NULL && c->n < CCASE_MAX) {
		const char *text = va_arg(ap, const char *);

		c->src[c->n++] = harness_source(rel, rel, text);
	}
	va_end(ap);
	for (i = 0; i < c->n; i++)
		docs[i] = parse_document(c->src[i], c->d);
	c->m = model_build(docs, c->n, c->cf, c->d);
	c->cov = coverage_run(c->cat, c->m, c->cf, c->d);
}

static void
ccase_free(struct ccase *c)
{
	size_t	 i;

	coverage_free(c->cov);
	model_free(c->m);
	catalog_free(c->cat);
	config_free(c->cf);
	diag_free(c->d);
	for (i = 0; i < c->n; i++)
		harness_source_free(c->src[i]);
}

/* Checks the messages as harness_diags prints them. */
static void
ccase_diags(struct ccase *c, const char *name, const char *want)
{
	char	*got = harness_diags(c->d);

	STR_EQ(name, got, want);
	free(got);
}

/* Returns the status of element id. */
static int
ccase_status(const struct ccase *c, const char *id)
{
	long	 i = catalog_index(c->cat, id);

	return i < 0 ? -1 : (int)c->cov->elements[i].status;
}

/* The clean policy text with one substitution made. */
static char *
ccase_edit(const char *from, const char *to)
{
	const char	*p = strstr(ccase_policy, from);
	size_t		 n = strlen(ccase_policy) - strlen(from) + strlen(to);
	char		*s;

	if (p == NULL)
		abort();
	s = malloc(n + 1);
	if (s == NULL)
		abort();
	memcpy(s, ccase_policy, (size_t)(p - ccase_policy));
	strcpy(s + (p - ccase_policy), to);
	strcat(s, p + strlen(from));
	return s;
}

static void
test_coverage_clean(void)
{
	struct ccase	 c;
	size_t		 i;

	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", ccase_policy, NULL);
	ccase_diags(&c, "clean: no findings", "");
	INT_EQ("clean: ten elements", c.cov->nelements, 10);
	INT_EQ("clean: all covered", c.cov->covered, 10);
	INT_EQ("clean: none missing", c.cov->missing, 0);
	for (i = 0; i < c.cov->nelements; i++)
		if (c.cov->elements[i].nrefs != 1)
			break;
	INT_EQ("clean: one section for each", i, 10);
	if (c.cov->nelements > 6 && c.cov->elements[6].nrefs > 0) {
		INT_EQ("clean: 4.1.6.b's reference: document", c.cov->elements[6].refs[0].doc, 2);
		INT_EQ("clean: 4.1.6.b's reference: section", c.cov->elements[6].refs[0].section, 6);
		INT_EQ("clean: 4.1.6.b's reference: line", c.cov->elements[6].refs[0].line, 20);
		INT_EQ("clean: 4.1.6.b's reference: column", c.cov->elements[6].refs[0].col, 22);
	}
	STR_EQ("status names", coverage_status_name(COVERAGE_NA), "not-applicable");
	ccase_free(&c);
}

static void
test_coverage_missing(void)
{
	struct ccase	 c;

	/* Nothing at all: each obligation at its level, with kitei.yml's line. */
	ccase_run(&c, NULL);
	ccase_diags(&c, "missing: every element",
	    "4:0: warning: manual 'policy': its documents globs match no file [empty-manual]\n"
	    "5:0: warning: manual 'crisis': its documents globs match no file [empty-manual]\n"
	    "2:0: error: 1.1 (基本方針の策定, must) is covered by no section [missing-coverage]\n"
	    "2:0: error: 1.2 (定期的な見直し, shall) is covered by no section [missing-coverage]\n"
	    "2:0: error: 1.3 (社員教育, endeavor) is covered by no section [missing-coverage]\n"
	    "2:0: error: 1.4 (外部監査の検討, consider) is covered by no section [missing-coverage]\n"
	    "2:0: warning: 1.4.1 (監査法人による監査, example) is covered by no section [missing-coverage]\n"
	    "2:0: error: 4.1.6.a (アクセス権限の管理, shall) is covered by no section [missing-coverage]\n"
	    "2:0: error: 4.1.6.b (操作ログの保存, shall) is covered by no section [missing-coverage]\n"
	    "2:0: warning: 4.1.6.c (多要素認証, example) is covered by no section [missing-coverage]\n"
	    "2:0: error: 13.1 (危機管理マニュアルの策定, must) is covered by no section of a crisis manual [missing-coverage]\n"
	    "2:0: error: 13.2 (対応方針の公表, must) is covered by no section of public visibility [missing-coverage]\n");
	INT_EQ("missing: counted", c.cov->missing, 10);
	INT_EQ("missing: status", ccase_status(&c, "1.1"), COVERAGE_MISSING);
	ccase_free(&c);
}

static void
test_coverage_rules(void)
{
	struct ccase	 c;
	char		*p;

	p = ccase_edit("<!-- covers: 1.1 -->", "<!-- covers: 1.1 41.6.a 4.1.6.x 99 -->");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "unknown-requirement: nearest ids",
	    "4:18: error: 41.6.a is not an element of tiny-rules; did you mean 4.1.6.a? [unknown-requirement]\n"
	    "4:25: error: 4.1.6.x is not an element of tiny-rules; did you mean 4.1.6.a, 4.1.6.b or 4.1.6.c? [unknown-requirement]\n"
	    "4:33: error: 99 is not an element of tiny-rules [unknown-requirement]\n");
	ccase_free(&c);
	free(p);

	p = ccase_edit("<!-- covers: 1.2 -->\n毎年見直す。\n", "<!-- covers: 1.2 -->\n");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "empty-coverage, and no second error for the element",
	    "8:14: error: section '見直し' covers 1.2 but has no body text [empty-coverage]\n");
	INT_EQ("empty-coverage: the element is missing", ccase_status(&c, "1.2"),
	    COVERAGE_MISSING);
	ccase_free(&c);
	free(p);

	p = ccase_edit("毎年見直す。", "毎年確かめる。");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	/* The heading says 見直し, so the section is plausible. */
	ccase_diags(&c, "implausible-coverage: the heading counts", "");
	free(p);
	ccase_free(&c);
	p = ccase_edit("## 見直し\n<!-- covers: 1.2 -->\n毎年見直す。",
	    "## 確認\n<!-- covers: 1.2 -->\n毎年確かめる。");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "implausible-coverage: a warning, still covered",
	    "8:14: warning: section '確認' mentions none of 1.2's keywords (見直, 改定): is the id right? [implausible-coverage]\n");
	INT_EQ("implausible-coverage: covered", ccase_status(&c, "1.2"), COVERAGE_COVERED);
	ccase_free(&c);
	free(p);

	/* A subsection's keyword makes its parent plausible. */
	p = ccase_edit("## 見直し\n<!-- covers: 1.2 -->\n毎年見直す。",
	    "## 確認\n<!-- covers: 1.2 -->\n毎年確かめる。\n\n### 改定\n改定の手順。");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "implausible-coverage: subsections count", "");
	ccase_free(&c);
	free(p);

	p = ccase_edit("<!-- covers: 1.1 -->", "<!-- covers: 1.1 13.1 -->");
	ccase_run(&c, "crisis/b.md", ccase_public, "policy/a.md", p, NULL);
	ccase_diags(&c, "wrong-manual, and no missing-coverage for it",
	    "4:18: error: 13.1 must be met in a crisis manual (kind: crisis); 'policy' is not one [wrong-manual]\n");
	INT_EQ("wrong-manual: the element is missing", ccase_status(&c, "13.1"),
	    COVERAGE_MISSING);
	ccase_free(&c);
	free(p);

	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md",
	    "# 公表\n<!-- covers: 13.2 -->\nウェブサイトで公表します。\n",
	    "policy/a.md", ccase_policy, NULL);
	ccase_diags(&c, "not-public",
	    "2:14: error: 13.2 must be met on the public page, but section '公表' is internal [not-public]\n");
	ccase_free(&c);

	/* A public document whose covering subsection is internal. */
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md",
	    "---\nvisibility: public\n---\n# 公表\n公開の本文。\n\n## 内部\n"
	    "<!-- visibility: internal -->\n<!-- covers: 13.2 -->\n社内の手順を公表する。\n",
	    "policy/a.md", ccase_policy, NULL);
	ccase_diags(&c, "not-public: an internal subsection of a public page",
	    "9:14: error: 13.2 must be met on the public page, but section '内部' is internal [not-public]\n");
	ccase_free(&c);
}

static void
test_coverage_na(void)
{
	struct ccase	 c;
	char		*p;
	long		 i;

	p = ccase_edit("<!-- covers: 1.4 1.4.1 -->",
	    "<!-- covers: 1.4 -->\n<!-- not-applicable: 1.4.1 規模が小さい。 -->");
	ccase_run(&c, "crisis/b.md", ccase_public, "policy/a.md", p,
	    "policy/b.md", "# 除外\n<!-- not-applicable: 13.1 親会社に委ねる。 -->\n", NULL);
	ccase_diags(&c, "not-applicable: a must is warned, an example is not",
	    "2:22: warning: 13.1 is a must (しなければならない) and is declared not applicable [not-applicable-must]\n");
	INT_EQ("not-applicable: status", ccase_status(&c, "1.4.1"), COVERAGE_NA);
	INT_EQ("not-applicable: counted", c.cov->not_applicable, 2);
	i = catalog_index(c.cat, "1.4.1");
	if (i >= 0) {
		STR_EQ("not-applicable: reason", c.cov->elements[i].reason, "規模が小さい。");
		INT_EQ("not-applicable: where", c.cov->elements[i].na.line, 17);
	}
	ccase_free(&c);
	free(p);

	p = ccase_edit("<!-- covers: 1.3 -->", "<!-- not-applicable: 1.3 -->");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "missing-reason, and no second error for the element",
	    "12:22: error: not-applicable: 1.3 gives no reason; say why it does not apply [missing-reason]\n");
	INT_EQ("missing-reason: the element is missing", ccase_status(&c, "1.3"),
	    COVERAGE_MISSING);
	ccase_free(&c);
	free(p);

	p = ccase_edit("<!-- covers: 1.3 -->", "<!-- covers: 1.3 -->\n<!-- not-applicable: 1.3 親会社が行う。 -->");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "covered and not applicable",
	    "13:22: warning: 1.3 is declared not applicable but is also covered [covered-and-not-applicable]\n");
	INT_EQ("covered and not applicable: covered wins", ccase_status(&c, "1.3"),
	    COVERAGE_COVERED);
	ccase_free(&c);
	free(p);

	p = ccase_edit("<!-- covers: 1.3 -->", "<!-- not-applicable: 1.3x 理由 -->");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, NULL);
	ccase_diags(&c, "not-applicable: an unknown id",
	    "12:22: error: 1.3x is not an element of tiny-rules; did you mean 1.3? [unknown-requirement]\n"
	    "2:0: error: 1.3 (社員教育, endeavor) is covered by no section [missing-coverage]\n");
	ccase_free(&c);
	free(p);
}

static void
test_coverage_refs(void)
{
	struct ccase	 c;
	char		*p;
	long		 i;

	/* Named twice in one section, once in another: two sections. */
	p = ccase_edit("<!-- covers: 1.1 -->", "<!-- covers: 1.1 1.1 -->\n<!-- covers: 1.1 -->");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, "policy/b.md", "# 再掲\n<!-- covers: 1.1 -->\n基本方針。\n",
	    NULL);
	i = catalog_index(c.cat, "1.1");
	/* Regression (issue 2): each mention was a reference of its own. */
	INT_EQ("refs: a section meets an element once", c.cov->elements[i].nrefs, 2);
	if (c.cov->elements[i].nrefs == 2) {
		INT_EQ("refs: first section's document", c.cov->elements[i].refs[0].doc, 2);
		INT_EQ("refs: second section's document", c.cov->elements[i].refs[1].doc, 3);
		INT_EQ("refs: where the first mention stands", c.cov->elements[i].refs[0].col, 14);
	}
	ccase_diags(&c, "refs: no findings", "");
	ccase_free(&c);
	free(p);
}

/* Regression (issue 12): documents in no manual or in two meet nothing. */
static void
test_coverage_uncounted(void)
{
	struct ccase		 c;
	struct coverage_row	 row;
	char			*p;
	long			 i;

	p = ccase_edit("<!-- covers: 1.1 -->", "");
	ccase_run(&c, "crisis/a.md", ccase_crisis, "crisis/b.md", ccase_public,
	    "policy/a.md", p, "drafts/memo.md",
	    "# 草案\n<!-- covers: 1.1 1.3 -->\n基本方針と研修。\n", NULL);
	INT_EQ("orphan: 1.1 stays missing", ccase_status(&c, "1.1"), COVERAGE_MISSING);
	INT_EQ("orphan: 1.3 stays covered", ccase_status(&c, "1.3"), COVERAGE_COVERED);
	ccase_diags(&c, "orphan: said at the covers line",
	    "0:0: warning: belongs to no manual: add it to a manual's documents in kitei.yml [orphan-document]\n"
	    "2:14: error: covers: 1.1 is not counted: this document belongs to no manual (add it to a manual's documents in kitei.yml); it stays missing [uncounted-coverage]\n"
	    "2:18: warning: covers: 1.3 is not counted: this document belongs to no manual (add it to a manual's documents in kitei.yml); another section meets it [uncounted-coverage]\n");
	i = catalog_index(c.cat, "1.1");
	coverage_row(&row, c.cov, c.m, (size_t)i);
	INT_EQ("row: missing has no sections", row.nsections, 0);
	OK("row: missing has no reason", row.reason == NULL && row.reason_at.path == NULL);
	coverage_row_clear(&row);
	i = catalog_index(c.cat, "1.3");
	coverage_row(&row, c.cov, c.m, (size_t)i);
	INT_EQ("row: covered by the manual only", row.nsections, 1);
	if (row.nsections == 1) {
		STR_EQ("row: its path", row.sections[0].path, "policy/a.md");
		STR_EQ("row: its manual", row.sections[0].manual_id, "policy");
		INT_EQ("row: its heading line", row.sections[0].line, 11);
	}
	coverage_row_clear(&row);
	ccase_free(&c);
	free(p);
}

void
test_coverage(void)
{
	test_coverage_clean();
	test_coverage_missing();
	test_coverage_rules();
	test_coverage_na();
	test_coverage_refs();
	test_coverage_uncounted();
}
