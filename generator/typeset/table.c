/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Tables: column widths, rows of cells (each cell a vertical list of its
 * own), header rows kept for repeating, and the split of a row taller than
 * a page.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../ascii.h"
#include "typeset_int.h"
#include "block.h"
#include "props.h"
#include "table.h"
#include "vlist.h"

/* Column widths of a table: from table-column, else equal shares. */
static double *
typeset_columns(struct ts_ctx *c, xmlNodePtr tbl, const struct ts_style *st,
    double width, size_t *ncols_out)
{
	struct ts_attrs	 a;
	xmlNodePtr	 ch, row, cell;
	double		*w = NULL, *prop = NULL, fixed = 0, props = 0, v;
	size_t		 n = 0, i, rep, k;
	const char	*s;

	for (ch = tbl->children; ch != NULL; ch = ch->next) {
		if (!typeset_is(ch, "table-column"))
			continue;
		typeset_attrs(c, ch, &a);
		rep = a.v[A_COLS_REPEATED] ? (size_t)atoi(a.v[A_COLS_REPEATED]) : 1;
		if (rep < 1 || rep > 1000)
			rep = 1;
		for (k = 0; k < rep; k++) {
			w = xreallocarray(w, n + 1, sizeof(*w));
			prop = xreallocarray(prop, n + 1, sizeof(*prop));
			w[n] = 0;
			prop[n] = 1;
			s = a.v[A_COLUMN_WIDTH];
			if (s != NULL && strncmp(s, "proportional-column-width(", 26) == 0)
				prop[n] = ascii_strtod(s + 26, NULL);
			else if (s != NULL && typeset_len(c, ch, s, st->size, width,
			    &v) == 0) {
				w[n] = v;
				prop[n] = 0;
			}
			fixed += w[n];
			props += prop[n];
			n++;
		}
	}
	if (n == 0) {		/* count the cells of the first row */
		for (ch = tbl->children; ch != NULL && n == 0; ch = ch->next) {
			if (!typeset_is(ch, "table-body") && !typeset_is(ch, "table-header"))
				continue;
			for (row = ch->children; row != NULL && n == 0; row = row->next)
				if (typeset_is(row, "table-row"))
					for (cell = row->children; cell; cell = cell->next)
						if (typeset_is(cell, "table-cell"))
							n++;
		}
		if (n == 0)
			n = 1;
		w = xcalloc(n, sizeof(*w));
		prop = xcalloc(n, sizeof(*prop));
		for (i = 0; i < n; i++)
			prop[i] = 1;
		props = (double)n;
	}
	for (i = 0; i < n; i++)
		if (prop[i] > 0)
			w[i] = width > fixed && props > 0 ?
			    (width - fixed) * prop[i] / props : 0;
	free(prop);
	*ncols_out = n;
	return w;
}

/* Builds one table row into a row object; returns it (in the pool). */
static struct ts_row *
typeset_row(struct ts_ctx *c, struct ts_table *t, xmlNodePtr rn,
    const struct ts_style *pst, const double *colw, size_t ncols, int header,
    const uint32_t *bg, int depth)
{
	uint32_t	 rowbg;
	struct ts_attrs	 a, ca;
	struct ts_style	 rst = *pst, cst;
	struct ts_row	*r;
	struct ts_cell	*cl;
	xmlNodePtr	 cn;
	size_t		 col = 0, span, k;
	double		 x = 0, h = 0, minh = 0, cw;
	const char	*s;

	typeset_attrs(c, rn, &a);
	typeset_style(c, rn, &a, &rst, 0);
	if (a.v[A_BACKGROUND_COLOR] != NULL &&
	    typeset_color(c, rn, a.v[A_BACKGROUND_COLOR], &rowbg) == 0)
		bg = &rowbg;
	typeset_len_opt(c, rn, a.v[A_HEIGHT], rst.size, 0, &minh);
	r = xcalloc(1, sizeof(*r));
	r->table = t;
	r->header = header;
	r->breakable = !header && a.v[A_KEEP_TOGETHER] != NULL &&
	    strcmp(a.v[A_KEEP_TOGETHER], "auto") == 0;
	typeset_push((void ***)&c->pool->rows, &c->pool->nrows, &c->pool->crows, r);
	for (cn = rn->children; cn != NULL; cn = cn->next) {
		if (cn->type != XML_ELEMENT_NODE)
			continue;
		if (!typeset_is(cn, "table-cell")) {
			typeset_warn_once(c, cn, (const char *)cn->name,
			    MSG_FO_UNSUPPORTED_ELEMENT_TABLE,
			    (const char *)cn->name);
			continue;
		}
		typeset_attrs(c, cn, &ca);
		span = ca.v[A_COLS_SPANNING] ? (size_t)atoi(ca.v[A_COLS_SPANNING]) : 1;
		if (span < 1)
			span = 1;
		if (ca.v[A_ROWS_SPANNING] != NULL && atoi(ca.v[A_ROWS_SPANNING]) > 1)
			typeset_warn_once(c, cn, "number-rows-spanning",
			    MSG_FO_ROWS_SPANNING);
		if (col >= ncols) {
			typeset_warn_once(c, cn, "too many cells",
			    MSG_FO_TABLE_COLUMNS);
			break;
		}
		if (col + span > ncols)
			span = ncols - col;
		cw = 0;
		for (k = col; k < col + span; k++)
			cw += colw[k];
		r->cells = xreallocarray(r->cells, r->ncells + 1, sizeof(*r->cells));
		cl = &r->cells[r->ncells++];
		memset(cl, 0, sizeof(*cl));
		cl->x = x;
		cl->w = cw;
		cl->header = header;
		cst = rst;
		typeset_style(c, cn, &ca, &cst, cw);
		typeset_deco(c, cn, &ca, &cst, cw, &cl->deco);
		if (!cl->deco.has_bg && bg != NULL) {	/* row or section shows through */
			cl->deco.bg = *bg;
			cl->deco.has_bg = 1;
		}
		if ((s = ca.v[A_DISPLAY_ALIGN]) != NULL)
			cl->valign = strcmp(s, "center") == 0 ? 1 :
			    strcmp(s, "after") == 0 ? 2 : 0;
		cst.start = cst.end = 0;
		cst.text_indent = 0;
		cst.role = NULL;
		cw -= cl->deco.bw[S_LEFT] + cl->deco.bw[S_RIGHT] +
		    cl->deco.pad[S_LEFT] + cl->deco.pad[S_RIGHT];
		if (cw < 1)
			cw = 1;
		typeset_build_blocks(c, &cl->vl, cn, &cst, cw, depth + 1);
		cl->from = 0;
		cl->to = cl->vl.n;
		cl->ch = typeset_vl_height(&cl->vl, 0, cl->vl.n);
		cw = cl->ch + cl->deco.bw[S_TOP] + cl->deco.bw[S_BOTTOM] +
		    cl->deco.pad[S_TOP] + cl->deco.pad[S_BOTTOM];
		if (cw > h)
			h = cw;
		x += cl->w;
		col += span;
	}
	r->h = h > minh ? h : minh;
	return r;
}

/* Builds a table: its rows become boxes, header rows kept for repeating. */
void
typeset_table(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr tn,
    const struct ts_style *st, double refw, struct ts_attrs *a, int depth)
{
	struct ts_table	*t;
	struct ts_row	*r;
	struct ts_item	*it;
	xmlNodePtr	 sec, rn;
	double		*colw, width, v;
	size_t		 ncols, nrow = 0;
	int		 header;

	width = refw - st->start - st->end;
	if (a->v[A_WIDTH] != NULL && strcmp(a->v[A_WIDTH], "auto") != 0 &&
	    typeset_len(c, tn, a->v[A_WIDTH], st->size, refw - st->start -
	    st->end, &v) == 0 && v > 0 && v < width)
		width = v;
	colw = typeset_columns(c, tn, st, width, &ncols);
	t = xcalloc(1, sizeof(*t));
	t->x = st->start;
	t->omit = a->v[A_OMIT_HEADER] != NULL &&
	    strcmp(a->v[A_OMIT_HEADER], "true") == 0;
	typeset_push((void ***)&c->pool->tables, &c->pool->ntables,
	    &c->pool->ctables, t);
	for (sec = tn->children; sec != NULL; sec = sec->next) {
		if (sec->type != XML_ELEMENT_NODE || typeset_is(sec, "table-column"))
			continue;
		header = typeset_is(sec, "table-header");
		if (!header && !typeset_is(sec, "table-body") &&
		    !typeset_is(sec, "table-footer")) {
			if (!typeset_is(sec, "marker"))
				typeset_warn_once(c, sec,
				    (const char *)sec->name,
				    MSG_FO_UNSUPPORTED_ELEMENT_TABLE_IGNORED,
				    (const char *)sec->name);
			continue;
		}
		{
			struct ts_attrs sa;
			struct ts_style sst = *st;
			uint32_t secbg = 0;
			int hasbg;
			typeset_attrs(c, sec, &sa);
			typeset_style(c, sec, &sa, &sst, width);
			hasbg = sa.v[A_BACKGROUND_COLOR] != NULL && typeset_color(c,
			    sec, sa.v[A_BACKGROUND_COLOR], &secbg) == 0;
			for (rn = sec->children; rn != NULL; rn = rn->next) {
				if (rn->type != XML_ELEMENT_NODE)
					continue;
				if (!typeset_is(rn, "table-row")) {
					typeset_warn_once(c, rn,
					    (const char *)rn->name,
					    MSG_FO_TABLE_ROW,
					    (const char *)rn->name);
					continue;
				}
				r = typeset_row(c, t, rn, &sst, colw, ncols, header,
				    hasbg ? &secbg : NULL, depth);
				/* Rows stay whole; the header stays with the first body row. */
				it = typeset_vl_box(vl, K_ROW, r->h,
				    nrow > 0 && (header || (t->nhead > 0 &&
				    nrow == t->nhead)));
				it->row = r;
				if (header) {
					t->head = xreallocarray(t->head,
					    t->nhead + 1, sizeof(*t->head));
					t->head[t->nhead++] = r;
					t->head_h += r->h;
				}
				nrow++;
			}
		}
	}
	free(colw);
}

/*
 * Returns where the content of a cell breaks so that at most h of it stays:
 * before the first box that does not fit (keeps inside cells are not
 * honoured when a row must be split).
 */
static size_t
typeset_cell_split(const struct ts_cell *cl, double h)
{
	const struct ts_vlist *vl = &cl->vl;
	double		 y = 0;
	size_t		 k, b;
	int		 started = 0;

	for (k = cl->from; k < cl->to; k++) {
		if (vl->v[k].kind == K_SPACE && !started)
			continue;
		if (typeset_is_box(&vl->v[k])) {
			if (y + vl->v[k].h > h + TS_EPS) {
				b = typeset_break_index(vl, k);
				return b > cl->from ? b : k;
			}
			started = 1;
		}
		y += vl->v[k].h;
	}
	return cl->to;
}

/*
 * Splits the row at item j, taller than a page, so that at most h of it
 * stays: a second part is inserted after it in vl.  Returns 0, or -1 when
 * no line of any cell fits in h.
 */
int
typeset_row_split(struct ts_ctx *c, struct ts_vlist *vl, size_t j, double h)
{
	struct ts_row	*r = vl->v[j].row, *r2;
	struct ts_cell	*cl;
	struct ts_item	*it;
	double		 pads, h1 = 0, h2 = 0;
	size_t		 i, k, *at, progress = 0;

	at = xcalloc(r->ncells, sizeof(*at));
	for (i = 0; i < r->ncells; i++) {
		cl = &r->cells[i];
		pads = cl->deco.bw[S_TOP] + cl->deco.bw[S_BOTTOM] +
		    cl->deco.pad[S_TOP] + cl->deco.pad[S_BOTTOM];
		at[i] = typeset_cell_split(cl, h - pads);
		if (at[i] > cl->from)
			progress = 1;
	}
	if (!progress) {
		free(at);
		return -1;
	}
	r2 = xcalloc(1, sizeof(*r2));
	*r2 = *r;
	r2->cells = xcalloc(r->ncells, sizeof(*r2->cells));
	r->split = r->split ? r->split : 1;
	r2->split = 2;
	typeset_push((void ***)&c->pool->rows, &c->pool->nrows, &c->pool->crows, r2);
	for (i = 0; i < r->ncells; i++) {
		cl = &r->cells[i];
		r2->cells[i] = *cl;
		r2->cells[i].from = at[i];
		cl->to = at[i];
		pads = cl->deco.bw[S_TOP] + cl->deco.bw[S_BOTTOM] +
		    cl->deco.pad[S_TOP] + cl->deco.pad[S_BOTTOM];
		cl->ch = typeset_vl_height(&cl->vl, cl->from, cl->to);
		r2->cells[i].ch = typeset_vl_height(&cl->vl, at[i],
		    r2->cells[i].to);
		if (cl->ch + pads > h1)
			h1 = cl->ch + pads;
		if (r2->cells[i].ch + pads > h2)
			h2 = r2->cells[i].ch + pads;
	}
	free(at);
	r->h = h1;
	r2->h = h2;
	/* Insert the second part after j; indices past j move by one. */
	typeset_vl_add(vl, K_SPACE, 0);
	memmove(&vl->v[j + 2], &vl->v[j + 1], (vl->n - j - 2) * sizeof(*vl->v));
	for (k = 0; k < vl->n; k++)
		if ((vl->v[k].kind == K_DBEGIN || vl->v[k].kind == K_DEND) &&
		    vl->v[k].match > j)
			vl->v[k].match++;
	vl->v[j].h = h1;
	it = &vl->v[j + 1];
	memset(it, 0, sizeof(*it));
	it->kind = K_ROW;
	it->row = r2;
	it->h = h2;
	return 0;
}
