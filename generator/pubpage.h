/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The public page's gate: output/public/ holds approved text only.  A
 * manual that is not signed off contributes its last signed-off revision
 * (read from git at the change that revision approved), one never signed
 * off contributes nothing; --draft writes a preview of the current text
 * marked 未承認 and noindex instead.  Findings that touch visibility, and a
 * working-tree build without --draft, write no public page: the previous
 * one is carried over unchanged.  See docs/public-page.md.
 * For output.c.
 */
#ifndef KITEI_PUBPAGE_H
#define KITEI_PUBPAGE_H

#include "assemble.h"
#include "diag.h"
#include "publish.h"
#include "render.h"

struct pubpage_opts {
	const char	*dest;		/* the output folder pub replaces, or NULL */
	int		 draft;		/* --draft: a marked preview of the current text */
	int		 emit_xml;	/* also public.xml */
};

/*
 * Writes public/ into pub's folder, or carries dest's public/ over, saying
 * which on d (a note, or an error when findings touching visibility stopped
 * it).  Reads d's findings.  Returns 0, or -1 with a fatal diagnostic.
 */
int	 pubpage_write(const struct pubpage_opts *, struct publish *pub,
	    const struct assemble_input *, struct render *, struct diag *d);

/* Whether a finding of rule at level touches visibility (stops the page). */
int	 pubpage_touches_visibility(const char *rule, enum diag_level);

#endif /* KITEI_PUBPAGE_H */
