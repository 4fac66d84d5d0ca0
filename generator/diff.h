/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The compare stage: a 新旧対照表 of one manual between two revisions. Sections
 * are aligned by identity (renamed documents and moved sections followed),
 * whole sections marked （新設）/（削除）, unchanged runs （略）, and changed wording
 * marked character by character, with a cleanup pass so the marks read well.
 * The result is an XML document (docs/shinkyu.rng) that
 * templates/shinkyu.xsl renders. For main.c and output.c.
 */
#ifndef KITEI_DIFF_H
#define KITEI_DIFF_H

#include <stddef.h>

#include <libxml/tree.h>

#include "config.h"
#include "diag.h"
#include "history.h"
#include "model.h"
#include "signoff.h"
#include "sources.h"

/* One revision's view of the policies; all borrowed. */
struct diff_side {
	const struct sources	*src;
	const struct config	*cf;
	const struct model	*model;
	const struct history	*hist;		/* may be NULL */
	const struct signoff	*so;		/* may be NULL */
	int			 redact;	/* confidential sections read 「（機密情報のため省略）」 */
};

enum diff_order {
	DIFF_OLD_LEFT = 0,	/* 現行 | 改正案 (the FSA's guideline style) */
	DIFF_NEW_LEFT		/* 改正後 | 改正前 (the statutory style) */
};

/*
 * Compares manual old_mi of the old side (MODEL_NONE when it is new) with
 * manual new_mi of the new side (MODEL_NONE when it was removed); not both
 * MODEL_NONE.  Returns a new document (xmlFreeDoc): root `shinkyu` in
 * ASSEMBLE_NS, docs/shinkyu.rng, docs/diff.md; or NULL when the manual's
 * wording is the same at both sides (or it has no sections).  Never fails:
 * should libgit2's diff fail on a text, the text is marked whole and a
 * warning goes to the collector.
 */
xmlDocPtr diff_manual(const struct diff_side *old_side, size_t old_mi,
	    const struct diff_side *new_side, size_t new_mi,
	    enum diff_order, struct diag *);

#endif /* KITEI_DIFF_H */
