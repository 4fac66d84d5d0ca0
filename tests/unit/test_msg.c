/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests for the message table (msg.h): every id has one row with a
 * rule and a format, ids are unique, no two rows say the same thing, and
 * diag_msg records the row's severity and rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"

/* Every table row is complete and its own. */
void
test_msg(void)
{
	const struct msgdef	*a, *b;
	struct diag		*d;
	const struct diag_msg	*m;
	int			 i, j, bad = 0, dup = 0, order = 0;
	struct pos		 pos = { "x.md", 3, 2 };

	for (i = 0; i < MSGID__MAX; i++) {
		a = msg_get((enum msgid)i);
		if (a == NULL || (int)a->id != i)
			order++;
		else if (a->rule == NULL || a->rule[0] == '\0' ||
		    a->fmt == NULL || a->fmt[0] == '\0' ||
		    a->level < DIAG_NOTE || a->level > DIAG_FATAL)
			bad++;
	}
	INT_EQ("msg: every id has its own row", order, 0);
	INT_EQ("msg: every row has a rule, a format and a severity", bad, 0);
	for (i = 0; i < MSGID__MAX; i++)
		for (j = i + 1; j < MSGID__MAX; j++) {
			a = msg_get((enum msgid)i);
			b = msg_get((enum msgid)j);
			if (a->level == b->level && !strcmp(a->rule, b->rule) &&
			    !strcmp(a->fmt, b->fmt))
				dup++;
		}
	INT_EQ("msg: no two ids with the same severity, rule and format", dup,
	    0);
	OK("msg: no row past the end", msg_get(MSGID__MAX) == NULL);

	d = diag_new();
	diag_msg(d, &pos, MSG_MISSING_COVERAGE, "13.2", "開示", "should", "",
	    "");
	diag_msg(d, &pos, MSG_MISSING_COVERAGE_EXAMPLE, "13.3", "例", "example",
	    "", "");
	m = diag_get(d, 0);
	INT_EQ("msg: missing-coverage is an error", m->level, DIAG_ERROR);
	STR_EQ("msg: rule kept", m->rule, "missing-coverage");
	STR_EQ("msg: text", m->text,
	    "13.2 (開示, should) is covered by no section");
	INT_EQ("msg: id kept", m->id, MSGID_MISSING_COVERAGE);
	m = diag_get(d, 1);
	INT_EQ("msg: an example's missing-coverage is a warning", m->level,
	    DIAG_WARNING);
	STR_EQ("msg: same rule", m->rule, "missing-coverage");
	diag_free(d);
}
