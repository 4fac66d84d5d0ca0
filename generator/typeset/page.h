/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The page builder, for compose.c, block.c, draw.c and typeset.c.  Takes
 * the sequences' vertical lists and gives the document's pages (struct
 * ts_page in the context), the page of every id, page labels and markers.
 */
#ifndef KITEI_TYPESET_PAGE_H
#define KITEI_TYPESET_PAGE_H

#include "typeset_int.h"

/* Formats a page number in a sequence's format into out (at least 32 bytes). */
void	 typeset_format_number(char *out, size_t sz, int n, char format);

/* Writes the page number of page index i into out, or "?" when unknown. */
void	 typeset_page_label(struct ts_ctx *c, int i, char *out, size_t sz);

/* Returns the marker to retrieve for the page being drawn, or NULL. */
xmlNodePtr	 typeset_marker(struct ts_ctx *c, const char *cls,
	    const char *pos);

/* Breaks all sequences into pages and records the page of every id. */
int	 typeset_paginate_all(struct ts_ctx *c);

#endif /* KITEI_TYPESET_PAGE_H */
