/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The line composer, for block.c, draw.c and typeset.c.  Takes the inline
 * children of a block with the block's style and gives a paragraph
 * (struct ts_para, owned by the context's current pool) whose lines are
 * appended to a vertical list as K_LINE items; fills again the paragraphs
 * that hold page numbers once pages are known.
 */
#ifndef KITEI_TYPESET_COMPOSE_H
#define KITEI_TYPESET_COMPOSE_H

#include "typeset_int.h"

/*
 * Appends text to the paragraph, collapsing white space as XSL-FO does by
 * default (a run of spaces and line feeds becomes one space, none at the
 * ends).  A space the author wrote between two Japanese characters stays
 * (「山田 太郎」): where a source line break joins them, the templates wrote
 * none (mdtext.c decides).  *space says a space is pending.
 */
void	 typeset_fill_text(struct buf *b, const char *s, int pre, int *space);

/*
 * Sets the inline children first..last of block as one paragraph and
 * appends its lines to vl.  Returns the paragraph, or NULL if it sets nothing.
 */
struct ts_para	*typeset_para_add(struct ts_ctx *c, struct ts_vlist *vl,
	    xmlNodePtr block, xmlNodePtr first, xmlNodePtr last,
	    const struct ts_style *st, double refw);

/*
 * Fills again every paragraph that holds page numbers, now that ids have
 * pages; sets c->changed when a line count changed.
 */
void	 typeset_refill(struct ts_ctx *c);

#endif /* KITEI_TYPESET_COMPOSE_H */
