/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Drawing, for typeset.c.  Takes the laid-out pages and paints them, and
 * the FO bookmark-tree as the outline, onto the context's Cairo PDF surface.
 */
#ifndef KITEI_TYPESET_DRAW_H
#define KITEI_TYPESET_DRAW_H

#include "typeset_int.h"

/* Draws page pi: watermark, header, footer, body; then drops the layouts it used last. */
void	 typeset_draw_page(struct ts_ctx *c, size_t pi);

/* Adds the bookmarks under n to the PDF outline below parent (recursion capped). */
void	 typeset_bookmarks(struct ts_ctx *c, xmlNodePtr n, int parent,
	    int depth);

#endif /* KITEI_TYPESET_DRAW_H */
