/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Block-level FO into vertical lists, for table.c, draw.c and typeset.c.
 * Takes the children of a flow, cell, list part or static-content and gives
 * their items appended to a vertical list, in the context's current pool.
 */
#ifndef KITEI_TYPESET_BLOCK_H
#define KITEI_TYPESET_BLOCK_H

#include "typeset_int.h"

/*
 * Builds the children of parent into vl: runs of inline content become
 * paragraphs, block-level children recurse (to TS_MAXDEPTH).  Returns 0.
 */
int	 typeset_build_blocks(struct ts_ctx *c, struct ts_vlist *vl,
	    xmlNodePtr parent, const struct ts_style *st, double refw,
	    int depth);

/* Builds the vertical list of every sequence's flow into the body pool. */
void	 typeset_build_all(struct ts_ctx *c);

#endif /* KITEI_TYPESET_BLOCK_H */
