/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Tables, for block.c and page.c.  Takes an fo:table and gives its rows as
 * K_ROW items of a vertical list; splits a row that is taller than a page.
 */
#ifndef KITEI_TYPESET_TABLE_H
#define KITEI_TYPESET_TABLE_H

#include "typeset_int.h"

/* Builds a table: its rows become boxes, header rows kept for repeating. */
void	 typeset_table(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr tn,
	    const struct ts_style *st, double refw, struct ts_attrs *a, int depth);

/*
 * Splits the row at item j, taller than a page, so that at most h of it
 * stays: a second part is inserted after it in vl.  Returns 0, or -1 when
 * no line of any cell fits in h.
 */
int	 typeset_row_split(struct ts_ctx *c, struct ts_vlist *vl, size_t j,
	    double h);

#endif /* KITEI_TYPESET_TABLE_H */
