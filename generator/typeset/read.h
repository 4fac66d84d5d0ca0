/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The FO tree read, for typeset.c, block.c and page.c.  Takes fo:root and
 * gives the context's masters, sequence masters and sequences (owned by the
 * context, freed by typeset_ctx_free), and the master of a given page.
 */
#ifndef KITEI_TYPESET_READ_H
#define KITEI_TYPESET_READ_H

#include "typeset_int.h"

/*
 * Chooses the master of page idx (0-based in its sequence) numbered
 * number; never NULL once the document has a master.
 */
struct ts_master	*typeset_master_pick(struct ts_ctx *c,
	    struct ts_seqmaster *sm, size_t idx, int number);

/* Reads fo:root's children: masters, sequences.  Returns 0, or -1. */
int	 typeset_read(struct ts_ctx *c, xmlNodePtr root);

#endif /* KITEI_TYPESET_READ_H */
