/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Vertical lists and pools, for the files of generator/typeset/ only.
 * Gives the list items (struct ts_item) block.c, table.c and compose.c
 * append and page.c cuts into pages; what a pool holds is freed with it.
 */
#ifndef KITEI_TYPESET_VLIST_H
#define KITEI_TYPESET_VLIST_H

#include "typeset_int.h"

/* Grows an array of pointers by one slot and stores p. */
void	 typeset_push(void ***arr, size_t *n, size_t *cap, void *p);

/* Frees a paragraph and its layout; accepts NULL. */
void	 typeset_para_free(struct ts_para *p);

/*
 * Drops the layout of a paragraph drawn for the last time: a long document
 * then holds only the layouts of pages not yet drawn.
 */
void	 typeset_para_release(struct ts_para *p);

/* Releases the paragraphs of a row's cells once it is drawn. */
void	 typeset_row_release(struct ts_row *r);

/* Frees everything in a pool and empties it for reuse. */
void	 typeset_pool_clear(struct ts_pool *pl);

/* Frees a pool's arrays too. */
void	 typeset_pool_free(struct ts_pool *pl);

/* Appends an item and returns it (valid until the next append). */
struct ts_item	*typeset_vl_add(struct ts_vlist *vl, enum ts_kind kind,
	    double h);

/*
 * Appends a box, applying pending keeps: keep-with-next of the block
 * before, and keep-together of the blocks it is in.
 */
struct ts_item	*typeset_vl_box(struct ts_vlist *vl, enum ts_kind kind,
	    double h, int keep);

/* Appends space between blocks; adjacent spaces resolve to the larger. */
void	 typeset_vl_space(struct ts_vlist *vl, double h);

/* Returns the height of items from..to of a list (content of a cell). */
double	 typeset_vl_height(const struct ts_vlist *vl, size_t from, size_t to);

/* Returns whether an item is a box (takes room and can overflow a page). */
int	 typeset_is_box(const struct ts_item *it);

/*
 * Returns where a page ends when it breaks before box j: ids, markers and
 * group openings just before j travel with it to the next page.
 */
size_t	 typeset_break_index(const struct ts_vlist *vl, size_t j);

#endif /* KITEI_TYPESET_VLIST_H */
