/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Vertical lists and pools: the items a sequence's pages are cut from, and
 * the pool that owns the paragraphs, rows, tables and decorations they point
 * to, freed together.
 */
#include <stdlib.h>
#include <string.h>

#include "typeset_int.h"
#include "vlist.h"

/* Grows an array of pointers by one slot and stores p. */
void
typeset_push(void ***arr, size_t *n, size_t *cap, void *p)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = xreallocarray(*arr, *cap, sizeof(void *));
	}
	(*arr)[(*n)++] = p;
}

/* Frees a paragraph and its layout; accepts NULL. */
void
typeset_para_free(struct ts_para *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	if (p->layout != NULL)
		g_object_unref(p->layout);
	for (i = 0; i < p->nlinks; i++) {
		free(p->links[i].dest);
		free(p->links[i].uri);
	}
	for (i = 0; i < p->nids; i++)
		free(p->ids[i].id);
	free(p->links);
	free(p->leaders);
	free(p->ids);
	free(p->lines);
	free(p->lx);
	free(p->h);
	free(p->base);
	free(p->wakan);
	free(p);
}

/*
 * Drops the layout of a paragraph drawn for the last time: a long document
 * then holds only the layouts of pages not yet drawn.
 */
void
typeset_para_release(struct ts_para *p)
{
	if (p->layout != NULL) {
		g_object_unref(p->layout);
		p->layout = NULL;
		p->nlines = 0;
	}
}

/* Releases the paragraphs of a row's cells once it is drawn. */
void
typeset_row_release(struct ts_row *r)
{
	size_t	 i, k;

	if (r->split)		/* the other part may still be drawn */
		return;
	for (i = 0; i < r->ncells; i++)
		for (k = 0; k < r->cells[i].vl.n; k++)
			if (r->cells[i].vl.v[k].kind == K_LINE)
				typeset_para_release(r->cells[i].vl.v[k].para);
			else if (r->cells[i].vl.v[k].kind == K_ROW)
				typeset_row_release(r->cells[i].vl.v[k].row);
}

/* Frees a row and the lists of its cells. */
static void
typeset_row_free(struct ts_row *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ncells && r->split != 2; i++)
		free(r->cells[i].vl.v);
	free(r->cells);
	free(r);
}

/* Frees everything in a pool and empties it for reuse. */
void
typeset_pool_clear(struct ts_pool *pl)
{
	size_t	 i;

	for (i = 0; i < pl->nparas; i++)
		typeset_para_free(pl->paras[i]);
	for (i = 0; i < pl->nrows; i++)
		typeset_row_free(pl->rows[i]);
	for (i = 0; i < pl->ntables; i++) {
		free(pl->tables[i]->head);
		free(pl->tables[i]);
	}
	for (i = 0; i < pl->ndecos; i++)
		free(pl->decos[i]);
	pl->nparas = pl->nrows = pl->ntables = pl->ndecos = 0;
}

/* Frees a pool's arrays too. */
void
typeset_pool_free(struct ts_pool *pl)
{
	typeset_pool_clear(pl);
	free(pl->paras);
	free(pl->rows);
	free(pl->tables);
	free(pl->decos);
	memset(pl, 0, sizeof(*pl));
}

/* Appends an item and returns it (valid until the next append). */
struct ts_item *
typeset_vl_add(struct ts_vlist *vl, enum ts_kind kind, double h)
{
	struct ts_item	*it;

	if (vl->n == vl->cap) {
		vl->cap = vl->cap ? vl->cap * 2 : 64;
		vl->v = xreallocarray(vl->v, vl->cap, sizeof(*vl->v));
	}
	it = &vl->v[vl->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->h = h;
	return it;
}

/*
 * Appends a box, applying pending keeps: keep-with-next of the block
 * before, and keep-together of the blocks it is in.
 */
struct ts_item *
typeset_vl_box(struct ts_vlist *vl, enum ts_kind kind, double h, int keep)
{
	struct ts_item	*it;

	it = typeset_vl_add(vl, kind, h);
	it->keep_prev = keep || vl->pending_keep;
	vl->pending_keep = 0;
	if (vl->kt_depth > 0) {
		if (vl->kt_seen)
			it->keep_prev = 1;
		vl->kt_seen = 1;
	}
	return it;
}

/* Appends space between blocks; adjacent spaces resolve to the larger. */
void
typeset_vl_space(struct ts_vlist *vl, double h)
{
	if (h <= 0)
		return;
	if (vl->n > 0 && vl->v[vl->n - 1].kind == K_SPACE) {
		if (vl->v[vl->n - 1].h < h)
			vl->v[vl->n - 1].h = h;
		return;
	}
	typeset_vl_add(vl, K_SPACE, h);
}

/* Returns the height of items from..to of a list (content of a cell). */
double
typeset_vl_height(const struct ts_vlist *vl, size_t from, size_t to)
{
	double	 h = 0;
	size_t	 i;
	int	 started = 0;

	for (i = from; i < to; i++) {
		if (vl->v[i].kind == K_SPACE && !started)
			continue;
		if (vl->v[i].kind == K_LINE || vl->v[i].kind == K_ROW ||
		    vl->v[i].kind == K_DBEGIN)
			started = 1;
		h += vl->v[i].h;
	}
	/* Trailing space does not count either. */
	while (i > from && vl->v[i - 1].kind != K_LINE && vl->v[i - 1].kind != K_ROW &&
	    vl->v[i - 1].kind != K_DEND && vl->v[i - 1].kind != K_DBEGIN) {
		if (vl->v[i - 1].kind == K_SPACE)
			h -= vl->v[i - 1].h;
		i--;
	}
	return h;
}

/* Returns whether an item is a box (takes room and can overflow a page). */
int
typeset_is_box(const struct ts_item *it)
{
	return it->kind == K_LINE || it->kind == K_ROW || it->kind == K_DBEGIN ||
	    it->kind == K_DEND || it->kind == K_IMAGE;
}

/*
 * Returns where a page ends when it breaks before box j: ids, markers and
 * group openings just before j travel with it to the next page.
 */
size_t
typeset_break_index(const struct ts_vlist *vl, size_t j)
{
	while (j > 0 && (vl->v[j - 1].kind == K_ID ||
	    vl->v[j - 1].kind == K_MARK || vl->v[j - 1].kind == K_GBEGIN))
		j--;
	return j;
}
