/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of kitei.yml parsing: a valid file, unknown keys, bad values
 * and the cross-checks.  YAML positions count characters (libyaml).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "harness.h"

static const char config_valid[] =
    "organization: サンプル金融サービス仲介株式会社\n"
    "catalog: system-risk-rules\n"
    "review_interval: 6 months\n"
    "date_style: wareki\n"
    "association: {name: サンプル協会, url: https://example.or.jp/}\n"
    "manuals:\n"
    "  - id: system-risk\n"
    "    title: システムリスク管理規程\n"
    "    number: SR-001\n"
    "    kind: policy\n"
    "    owner: システム部\n"
    "    documents: [system-risk/*.md, common.md]\n"
    "    approvers: [board]\n"
    "  - id: crisis\n"
    "    title: 危機管理マニュアル\n"
    "    kind: crisis\n"
    "    documents: crisis/*.md\n"
    "    approvers: [board, system-executive]\n"
    "    review_interval: 1 year\n"
    "public:\n"
    "  title: 危機発生時の対応について\n"
    "  contact: お客様相談室\n"
    "approval:\n"
    "  require_signature: true\n"
    "  roles:\n"
    "    board: {title: 取締役会, members: [yamada@example.co.jp]}\n"
    "    system-executive: {title: システム統括役員, members: [sato@example.co.jp]}\n"
    "  people:\n"
    "    - {email: yamada@example.co.jp, name: 山田 太郎, key: ABCD}\n"
    "    - {email: sato@example.co.jp, name: 佐藤 花子}\n";

/* Parses text; returns config_parse's status, the config in *out. */
static int
config_try(struct config **out, const char *text, struct diag *d)
{
	return config_parse(out, "policies/kitei.yml", text, strlen(text), d);
}

/* Checks that text is refused with exactly the messages want. */
static void
config_refused(const char *name, const char *text, const char *want)
{
	struct config	*cf = NULL;
	struct diag	*d = diag_new();
	char		*got;

	INT_EQ(name, config_try(&cf, text, d), -1);
	OK(name, cf == NULL);
	OK(name, diag_exit_status(d) == 2);
	got = harness_diags(d);
	STR_EQ(name, got, want);
	free(got);
	config_free(cf);
	diag_free(d);
}

static void
test_config_valid(void)
{
	struct config			*cf = NULL;
	struct diag			*d = diag_new();
	const struct config_manual	*m;
	const struct config_role	*role;
	const struct config_person	*p;

	INT_EQ("valid: parses", config_try(&cf, config_valid, d), 0);
	INT_EQ("valid: no diagnostics", diag_count(d), 0);
	if (cf == NULL)
		goto out;
	STR_EQ("valid: path", cf->path, "policies/kitei.yml");
	STR_EQ("valid: organization", cf->organization,
	    "サンプル金融サービス仲介株式会社");
	STR_EQ("valid: catalog", cf->catalog, "system-risk-rules");
	INT_EQ("valid: catalog line", cf->catalog_line, 2);
	INT_EQ("valid: review interval", cf->review_months, 6);
	INT_EQ("valid: wareki", cf->wareki, 1);
	STR_EQ("valid: association name", cf->association_name, "サンプル協会");
	STR_EQ("valid: association url", cf->association_url,
	    "https://example.or.jp/");
	INT_EQ("valid: two manuals", cf->nmanuals, 2);
	m = &cf->manuals[0];
	STR_EQ("valid: manual id", m->id, "system-risk");
	STR_EQ("valid: manual number", m->number, "SR-001");
	STR_EQ("valid: manual owner", m->owner, "システム部");
	INT_EQ("valid: manual kind", m->kind, MANUAL_POLICY);
	INT_EQ("valid: manual line", m->line, 7);
	INT_EQ("valid: two globs", m->ndocuments, 2);
	STR_EQ("valid: second glob", m->documents[1], "common.md");
	INT_EQ("valid: default review", m->review_months, 0);
	m = config_manual(cf, "crisis");
	OK("valid: lookup crisis", m == &cf->manuals[1]);
	if (m != NULL) {
		INT_EQ("valid: crisis kind", m->kind, MANUAL_CRISIS);
		INT_EQ("valid: one glob as a scalar", m->ndocuments, 1);
		STR_EQ("valid: the glob", m->documents[0], "crisis/*.md");
		INT_EQ("valid: two approvers", m->napprovers, 2);
		INT_EQ("valid: its own review interval", m->review_months, 12);
	}
	OK("valid: no such manual", config_manual(cf, "nope") == NULL);
	STR_EQ("valid: public title", cf->public_title, "危機発生時の対応について");
	STR_EQ("valid: public contact", cf->public_contact, "お客様相談室");
	INT_EQ("valid: require_signature", cf->require_signature, 1);
	INT_EQ("valid: two roles", cf->nroles, 2);
	role = config_role(cf, "system-executive");
	OK("valid: role lookup", role != NULL);
	if (role != NULL) {
		STR_EQ("valid: role title", role->title, "システム統括役員");
		INT_EQ("valid: role members", role->nmembers, 1);
	}
	INT_EQ("valid: two people", cf->npeople, 2);
	p = config_person(cf, "yamada@example.co.jp");
	OK("valid: person lookup", p != NULL);
	if (p != NULL) {
		STR_EQ("valid: person name", p->name, "山田 太郎");
		STR_EQ("valid: person key", p->key, "ABCD");
	}
	OK("valid: no such person", config_person(cf, "x@example.jp") == NULL);
out:
	config_free(cf);
	diag_free(d);
}

static void
test_config_intervals(void)
{
	static const struct {
		const char	*text;
		int		 months;	/* 0: refused */
	} cases[] = {
		{ "12 months", 12 }, { "1 month", 1 }, { "6", 6 },
		{ "2 years", 24 }, { "1 year", 12 }, { "6ヶ月", 6 },
		{ "6か月", 6 }, { "1年", 12 }, { "120 months", 120 },
		{ "soon", 0 }, { "0 months", 0 }, { "-3 months", 0 },
		{ "121 months", 0 }, { "11 years", 0 }, { "12 weeks", 0 },
		{ "12months later", 0 }, { "", 0 },
	};
	struct config	*cf;
	struct diag	*d;
	char		 text[256], name[128];
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "organization: x\ncatalog: c\n"
		    "review_interval: \"%s\"\nmanuals:\n  - {id: a, title: t, "
		    "documents: [a.md]}\n", cases[i].text);
		snprintf(name, sizeof(name), "review_interval '%s'", cases[i].text);
		cf = NULL;
		d = diag_new();
		if (cases[i].months > 0) {
			INT_EQ(name, config_try(&cf, text, d), 0);
			INT_EQ(name, cf != NULL ? cf->review_months : -1,
			    cases[i].months);
		} else {
			INT_EQ(name, config_try(&cf, text, d), -1);
			INT_EQ(name, harness_count_rule(d, "bad-config"), 1);
		}
		config_free(cf);
		diag_free(d);
	}
}

static void
test_config_refused(void)
{
	config_refused("unknown top-level key",
	    "organization: x\ncatalog: c\nreviw_interval: 6\nmanuals:\n"
	    "  - {id: a, title: t, documents: [a.md]}\n",
	    "3:1: error: unknown key 'reviw_interval' (known: organization, "
	    "catalog, review_interval, date_style, association, manuals, public, "
	    "approval) [bad-config]\n");
	config_refused("unknown key in a manual",
	    "organization: x\ncatalog: c\nmanuals:\n"
	    "  - id: a\n    title: t\n    documents: [a.md]\n    knd: policy\n",
	    "7:5: error: manuals: unknown key 'knd' (known: id, title, number, "
	    "kind, owner, documents, approvers, review_interval) [bad-config]\n");
	config_refused("unknown key in approval, roles and people",
	    "organization: x\ncatalog: c\nmanuals:\n"
	    "  - {id: a, title: t, documents: [a.md]}\napproval:\n"
	    "  roles:\n    board: {title: 取締役会, member: [a@b.jp]}\n"
	    "  people:\n    - {email: a@b.jp, nmae: A}\n  requires: true\n",
	    "7:26: error: roles: unknown key 'member' (known: title, members) "
	    "[bad-config]\n"
	    "9:23: error: people: unknown key 'nmae' (known: email, name, key) "
	    "[bad-config]\n"
	    "10:3: error: approval: unknown key 'requires' (known: "
	    "require_signature, roles, people) [bad-config]\n");
	config_refused("unknown key in public",
	    "organization: x\ncatalog: c\nmanuals:\n"
	    "  - {id: a, title: t, documents: [a.md]}\npublic: {title: t, phone: 1}\n",
	    "5:20: error: public: unknown key 'phone' (known: title, contact) "
	    "[bad-config]\n");
	config_refused("malformed YAML",
	    "organization: x\ncatalog: [c\nmanuals: []\n",
	    "3:8: error: malformed YAML: did not find expected ',' or ']' while "
	    "parsing a flow sequence [bad-config]\n");
	config_refused("empty file", "",
	    "0:0: error: kitei.yml must be a mapping with organization, catalog "
	    "and manuals [bad-config]\n");
	config_refused("missing keys", "organization: x\n",
	    "1:1: error: catalog: missing [bad-config]\n"
	    "1:1: error: manuals: at least one manual is needed [bad-config]\n");
	config_refused("bad kind, date style, boolean",
	    "organization: x\ncatalog: c\ndate_style: 和暦\nmanuals:\n"
	    "  - {id: a, title: t, kind: manual, documents: [a.md]}\n"
	    "approval:\n  require_signature: maybe\n",
	    "3:13: error: date_style: expected western or wareki [bad-config]\n"
	    "5:29: error: kind: expected policy or crisis [bad-config]\n"
	    "7:22: error: require_signature: expected true or false [bad-config]\n");
	config_refused("manual without id, title, documents",
	    "organization: x\ncatalog: c\nmanuals:\n  - {number: X}\n",
	    "4:5: error: manuals: a manual without an id [bad-config]\n"
	    "4:5: error: manuals: a manual without a title [bad-config]\n"
	    "4:5: error: manuals: a manual without documents [bad-config]\n");
	config_refused("manual id not fit for file names",
	    "organization: x\ncatalog: c\nmanuals:\n"
	    "  - {id: システム, title: t, documents: [a.md]}\n",
	    "4:5: error: manuals: id 'システム' must be ASCII letters, digits, "
	    "'-' or '_' [bad-config]\n");
	config_refused("duplicate manual id, undefined approver",
	    "organization: x\ncatalog: c\nmanuals:\n"
	    "  - {id: a, title: t, documents: [a.md]}\n"
	    "  - {id: a, title: u, documents: [b.md], approvers: [board]}\n",
	    "5:0: error: manual id 'a' is used twice [bad-config]\n"
	    "5:0: error: approver role 'board' is not defined under approval: "
	    "roles [bad-config]\n");
	config_refused("not a mapping", "- a\n- b\n",
	    "1:1: error: kitei.yml must be a mapping with organization, catalog "
	    "and manuals [bad-config]\n");
	config_refused("manuals not a list",
	    "organization: x\ncatalog: c\nmanuals: system-risk\n",
	    "3:10: error: manuals: expected a list [bad-config]\n"
	    "1:1: error: manuals: at least one manual is needed [bad-config]\n");
}

static void
test_config_bom(void)
{
	struct config	*cf = NULL;
	struct diag	*d = diag_new();
	const char	 text[] = "\xef\xbb\xbforganization: x\r\ncatalog: c\r\n"
	    "manuals:\r\n  - {id: a, title: t, documents: [a.md]}\r\n";

	/* Regression (issue 2): the mark made kitei.yml lose its keys. */
	INT_EQ("BOM and CRLF: parses", config_try(&cf, text, d), 0);
	STR_EQ("BOM and CRLF: catalog", cf != NULL ? cf->catalog : NULL, "c");
	INT_EQ("BOM and CRLF: catalog line", cf != NULL ? cf->catalog_line : 0, 2);
	config_free(cf);
	diag_free(d);
}

static void
test_config_unknown_person(void)
{
	struct config	*cf = NULL;
	struct diag	*d = diag_new();
	char		*got;
	const char	 text[] = "organization: x\ncatalog: c\nmanuals:\n"
	    "  - {id: a, title: t, documents: [a.md], approvers: [board]}\n"
	    "approval:\n  roles:\n    board: {title: 取締役会, members: [x@example.jp]}\n";

	INT_EQ("unknown person: still parses", config_try(&cf, text, d), 0);
	got = harness_diags(d);
	STR_EQ("unknown person: a warning", got,
	    "0:0: warning: role 'board': member x@example.jp is not listed under "
	    "approval: people [unknown-person]\n");
	free(got);
	config_free(cf);
	diag_free(d);
}

void
test_config(void)
{
	test_config_valid();
	test_config_intervals();
	test_config_refused();
	test_config_bom();
	test_config_unknown_person();
}
