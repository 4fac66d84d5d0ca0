/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Drawing: paints the laid-out pages with Cairo onto a tagged PDF surface:
 * lines, leaders, links, destinations, structure tags, backgrounds and
 * borders, table rows, static content, the watermark and the outline.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "../ascii.h"
#include "typeset_int.h"
#include "../typeimage.h"
#include "block.h"
#include "compose.h"
#include "draw.h"
#include "page.h"
#include "props.h"
#include "vlist.h"

static void	typeset_draw_range(struct ts_ctx *, struct ts_vlist *,
		    size_t, size_t, double, double, struct ts_table *);

/* Sets the Cairo source to an RGB colour. */
static void
typeset_source(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0,
	    ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Writes s into b quoted for a Cairo tag attribute ('…' with \ escapes). */
static void
typeset_tag_quote(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/*
 * Writes v into b as a Cairo tag attribute number: two decimals and a '.'
 * whatever LC_NUMERIC says (Cairo reads "12,50" as two numbers).
 */
static void
typeset_tag_num(struct buf *b, double v)
{
	char	 num[ASCII_DTOSTR_SIZE];

	buf_puts(b, ascii_dtostr(num, 2, v));
}

/*
 * Closes the structure tag of the paragraph being drawn, if any, then
 * writes its links.  Cairo 1.16 drops the text of an element that also has
 * child elements, so a paragraph's links follow it as siblings.
 */
static void
typeset_para_close(struct ts_ctx *c)
{
	size_t	 i;

	if (c->open_para != NULL) {
		cairo_tag_end(c->cr, c->open_para->st.role ?
		    c->open_para->st.role : "P");
		c->open_para = NULL;
	}
	for (i = 0; i < c->nlinks; i++) {
		cairo_tag_begin(c->cr, CAIRO_TAG_LINK, c->links[i]);
		cairo_tag_end(c->cr, CAIRO_TAG_LINK);
		free(c->links[i]);
	}
	c->nlinks = 0;
}

/* Opens a structure group (L, Table, Sect …) and remembers it. */
static void
typeset_group_open(struct ts_ctx *c, const char *role)
{
	typeset_para_close(c);
	cairo_tag_begin(c->cr, role, NULL);
	typeset_push((void ***)&c->groups, &c->ngroups, &c->cgroups,
	    (void *)(uintptr_t)role);
}

/* Closes open structure groups down to depth base. */
static void
typeset_group_close(struct ts_ctx *c, size_t base)
{
	typeset_para_close(c);
	while (c->ngroups > base)
		cairo_tag_end(c->cr, c->groups[--c->ngroups]);
}

/*
 * Closes (resume 0) or opens again (resume 1) the groups open at a page
 * break, so that the next page's header and footer are not drawn inside
 * them; a list or table across pages becomes one element per page.
 */
static void
typeset_group_suspend(struct ts_ctx *c, int resume)
{
	size_t	 i;

	typeset_para_close(c);
	if (resume)
		for (i = 0; i < c->ngroups; i++)
			cairo_tag_begin(c->cr, c->groups[i], NULL);
	else
		for (i = c->ngroups; i > 0; i--)
			cairo_tag_end(c->cr, c->groups[i - 1]);
}

/* Draws a named destination for id at (x, y). */
static void
typeset_dest(struct ts_ctx *c, const char *id, double x, double y)
{
	struct buf	 b = { NULL, 0, 0 };

	if (c->repeating || c->cur_page != NULL)
		return;		/* repeated headers and static content: not targets */
	buf_puts(&b, "name=");
	typeset_tag_quote(&b, id);
	buf_puts(&b, " x=");
	typeset_tag_num(&b, x);
	buf_puts(&b, " y=");
	typeset_tag_num(&b, y);
	cairo_tag_begin(c->cr, CAIRO_TAG_DEST, b.data);
	cairo_tag_end(c->cr, CAIRO_TAG_DEST);
	buf_free(&b);
}

/* Draws the dots of a leader between x0 and x1 on a baseline. */
static void
typeset_leader_dots(cairo_t *cr, double x0, double x1, double base, double size)
{
	double	 step = size * 0.5, r = size * 0.06, x;

	x0 += size * 0.3;
	x1 -= size * 0.3;
	/* On a grid, so that the dots of all lines stand in columns. */
	for (x = ceil(x0 / step) * step; x <= x1; x += step) {
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, base - r, r, 0, 2 * M_PI);
	}
	cairo_fill(cr);
}

/*
 * Draws line k of paragraph p with its box top at y; x is the left of the
 * reference area.  Links and inline ids on the line are drawn too.
 */
static void
typeset_draw_line(struct ts_ctx *c, struct ts_para *p, int k, double x,
    double y)
{
	PangoLayoutLine	*ln = p->lines[k];
	PangoRectangle	 r;
	struct buf	 b = { NULL, 0, 0 };
	struct ts_link	*l;
	double		 base = y + p->base[k], lx = x + p->st.start + p->lx[k];
	int		*ranges, nr, i, s, e;
	size_t		 j;

	if (c->open_para != p) {
		typeset_para_close(c);
		cairo_tag_begin(c->cr, p->st.role ? p->st.role : "P", NULL);
		c->open_para = p;
	}
	typeset_source(c->cr, p->st.color);
	cairo_move_to(c->cr, lx, base);
	pango_cairo_show_layout_line(c->cr, ln);
	for (j = 0; j < p->nleaders; j++) {
		if (p->leaders[j].idx < ln->start_index ||
		    p->leaders[j].idx >= ln->start_index + ln->length ||
		    p->leaders[j].dots == 0)
			continue;
		pango_layout_index_to_pos(p->layout, p->leaders[j].idx, &r);
		typeset_source(c->cr, p->st.color);
		if (p->leaders[j].dots == 1)
			typeset_leader_dots(c->cr, x + p->st.start +
			    (double)r.x / PANGO_SCALE, x + p->st.start +
			    (double)(r.x + r.width) / PANGO_SCALE, base, p->st.size);
		else {
			cairo_rectangle(c->cr, x + p->st.start +
			    (double)r.x / PANGO_SCALE, base - p->st.size * 0.3,
			    (double)r.width / PANGO_SCALE, 0.5);
			cairo_fill(c->cr);
		}
	}
	for (j = 0; j < p->nlinks; j++) {
		l = &p->links[j];
		s = l->start > ln->start_index ? l->start : ln->start_index;
		e = l->end < ln->start_index + ln->length ? l->end :
		    ln->start_index + ln->length;
		if (s >= e)
			continue;
		pango_layout_line_get_x_ranges(ln, s, e, &ranges, &nr);
		buf_puts(&b, "rect=[");
		for (i = 0; i < nr; i++) {
			if (i > 0)
				buf_putc(&b, ' ');
			typeset_tag_num(&b,
			    lx + (double)ranges[2 * i] / PANGO_SCALE);
			buf_putc(&b, ' ');
			typeset_tag_num(&b, y);
			buf_putc(&b, ' ');
			typeset_tag_num(&b, (double)(ranges[2 * i + 1] -
			    ranges[2 * i]) / PANGO_SCALE);
			buf_putc(&b, ' ');
			typeset_tag_num(&b, p->h[k]);
		}
		g_free(ranges);
		buf_puts(&b, "] ");
		if (l->dest != NULL) {
			buf_puts(&b, "dest=");
			typeset_tag_quote(&b, l->dest);
		} else {
			buf_puts(&b, "uri=");
			typeset_tag_quote(&b, l->uri);
		}
		if (nr > 0)
			typeset_push((void ***)&c->links, &c->nlinks, &c->clinks,
			    xstrdup(b.data));
		b.len = 0;
	}
	buf_free(&b);
	for (j = 0; j < p->nids; j++)
		if (p->ids[j].idx >= ln->start_index &&
		    (p->ids[j].idx < ln->start_index + ln->length ||
		    k == p->nlines - 1))
			typeset_dest(c, p->ids[j].id, lx, y);
}

/* Draws one border side as a line of width w from (x0,y0) to (x1,y1). */
static void
typeset_border_side(cairo_t *cr, enum ts_bstyle bs, double w, uint32_t rgb,
    double x0, double y0, double x1, double y1)
{
	double	 dash[1];

	if (bs == B_NONE || w <= 0)
		return;
	typeset_source(cr, rgb);
	cairo_set_line_width(cr, bs == B_DOUBLE ? w / 3 : w);
	if (bs == B_DASHED) {
		dash[0] = w * 3;
		cairo_set_dash(cr, dash, 1, 0);
	} else if (bs == B_DOTTED) {
		dash[0] = w;
		cairo_set_dash(cr, dash, 1, 0);
	}
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

/*
 * Draws the borders of a box (border box x, y, w, h); top and bottom
 * are left open where the box continues on another page.
 */
static void
typeset_borders(cairo_t *cr, const struct ts_deco *d, double x, double y,
    double w, double h, int top, int bottom)
{
	if (top)
		typeset_border_side(cr, d->bs[S_TOP], d->bw[S_TOP], d->bc[S_TOP],
		    x, y + d->bw[S_TOP] / 2, x + w, y + d->bw[S_TOP] / 2);
	if (bottom)
		typeset_border_side(cr, d->bs[S_BOTTOM], d->bw[S_BOTTOM],
		    d->bc[S_BOTTOM], x, y + h - d->bw[S_BOTTOM] / 2, x + w,
		    y + h - d->bw[S_BOTTOM] / 2);
	typeset_border_side(cr, d->bs[S_LEFT], d->bw[S_LEFT], d->bc[S_LEFT],
	    x + d->bw[S_LEFT] / 2, y, x + d->bw[S_LEFT] / 2, y + h);
	typeset_border_side(cr, d->bs[S_RIGHT], d->bw[S_RIGHT], d->bc[S_RIGHT],
	    x + w - d->bw[S_RIGHT] / 2, y, x + w - d->bw[S_RIGHT] / 2, y + h);
}

/* Draws a table row with its top at y; x is the reference area's left. */
static void
typeset_draw_row(struct ts_ctx *c, struct ts_row *r, double x, double y)
{
	struct ts_cell	*cl;
	double		 cx, cy, off;
	size_t		 i, depth;

	typeset_para_close(c);
	cairo_tag_begin(c->cr, "TR", NULL);
	for (i = 0; i < r->ncells; i++) {
		cl = &r->cells[i];
		cx = x + r->table->x + cl->x;
		if (cl->deco.has_bg) {
			typeset_source(c->cr, cl->deco.bg);
			cairo_rectangle(c->cr, cx, y, cl->w, r->h);
			cairo_fill(c->cr);
		}
	}
	for (i = 0; i < r->ncells; i++) {
		cl = &r->cells[i];
		cx = x + r->table->x + cl->x;
		off = r->h - cl->ch - cl->deco.bw[S_TOP] - cl->deco.bw[S_BOTTOM] -
		    cl->deco.pad[S_TOP] - cl->deco.pad[S_BOTTOM];
		cy = y + cl->deco.bw[S_TOP] + cl->deco.pad[S_TOP] +
		    (cl->valign == 1 ? off / 2 : cl->valign == 2 ? off : 0);
		cairo_tag_begin(c->cr, cl->header ? "TH" : "TD", NULL);
		depth = c->ngroups;
		typeset_draw_range(c, &cl->vl, cl->from, cl->to, cx + cl->deco.bw[S_LEFT] +
		    cl->deco.pad[S_LEFT], cy, NULL);
		typeset_group_close(c, depth);	/* a split row may leave some open */
		cairo_tag_end(c->cr, cl->header ? "TH" : "TD");
	}
	for (i = 0; i < r->ncells; i++) {
		cl = &r->cells[i];
		typeset_borders(c->cr, &cl->deco, x + r->table->x + cl->x, y,
		    cl->w, r->h, 1, 1);
	}
	cairo_tag_end(c->cr, "TR");
}

/*
 * Draws items from..to of vl with the first at y0 (spaces at the top
 * dropped); x0 is the reference area's left.  rep: header rows to draw
 * first.  Backgrounds go under the content, borders over it.
 */
static void
typeset_draw_range(struct ts_ctx *c, struct ts_vlist *vl, size_t from,
    size_t to, double x0, double y0, struct ts_table *rep)
{
	struct ts_item	*it;
	struct ts_deco	*d;
	double		*ys, y = y0, ya, yb;
	size_t		 j, k, m, base = c->ngroups;
	int		 started = 0, top, bottom;

	if (to <= from)
		return;
	ys = xreallocarray(NULL, to - from + 1, sizeof(*ys));
	if (rep != NULL) {
		c->repeating++;
		for (k = 0; k < rep->nhead; k++) {
			typeset_draw_row(c, rep->head[k], x0, y);
			y += rep->head[k]->h;
		}
		c->repeating--;
		started = 1;
	}
	for (j = from; j < to; j++) {
		it = &vl->v[j];
		if (it->kind == K_SPACE && !started) {
			ys[j - from] = y;
			continue;
		}
		if (typeset_is_box(it))
			started = 1;
		ys[j - from] = y;
		y += it->h;
	}
	ys[to - from] = y;
	/* Backgrounds of blocks on this page, outer first. */
	for (j = from; j < to; j++) {
		it = &vl->v[j];
		if ((it->kind != K_DBEGIN && !(it->kind == K_DEND && it->match < from)) ||
		    !it->deco->has_bg)
			continue;
		d = it->deco;
		ya = it->kind == K_DBEGIN ? ys[j - from] : y0;
		m = it->kind == K_DBEGIN ? it->match : j;
		yb = m < to ? ys[m - from] + vl->v[m].h : y;
		typeset_source(c->cr, d->bg);
		cairo_rectangle(c->cr, x0 + d->x, ya, d->w, yb - ya);
		cairo_fill(c->cr);
	}
	for (j = from; j < to; j++) {
		it = &vl->v[j];
		switch (it->kind) {
		case K_LINE:
			if (it->label != NULL) {
				typeset_para_close(c);
				cairo_tag_begin(c->cr, "Lbl", NULL);
				typeset_source(c->cr, it->label->st.color);
				cairo_move_to(c->cr, x0 + it->label->st.start +
				    it->label->lx[0], ys[j - from] +
				    it->para->base[it->line]);
				pango_cairo_show_layout_line(c->cr,
				    it->label->lines[0]);
				cairo_tag_end(c->cr, "Lbl");
			}
			if (it->para != it->label)
				typeset_draw_line(c, it->para, it->line, x0,
				    ys[j - from]);
			break;
		case K_ROW:
			typeset_draw_row(c, it->row, x0, ys[j - from]);
			break;
		case K_ID:
			typeset_dest(c, it->str, x0, ys[j - from]);
			break;
		case K_IMAGE:
			typeset_para_close(c);
			typeimage_draw(c->img, it->line, c->cr, x0, ys[j - from]);
			break;
		case K_GBEGIN:
			typeset_group_open(c, it->str);
			break;
		case K_GEND:
			/* Its opening may lie in a part of a split row not drawn here. */
			if (c->ngroups > base)
				typeset_group_close(c, c->ngroups - 1);
			break;
		default:
			break;
		}
	}
	/* Borders, open where the block continues on another page. */
	for (j = from; j < to; j++) {
		it = &vl->v[j];
		if (it->kind != K_DBEGIN && !(it->kind == K_DEND && it->match < from))
			continue;
		d = it->deco;
		top = it->kind == K_DBEGIN;
		ya = top ? ys[j - from] : y0;
		m = top ? it->match : j;
		bottom = m < to;
		yb = bottom ? ys[m - from] + vl->v[m].h : y;
		typeset_borders(c->cr, d, x0 + d->x, ya, d->w, yb - ya, top, bottom);
	}
	free(ys);
}

/* Draws the static content for one region of the page being drawn. */
static void
typeset_draw_static(struct ts_ctx *c, struct ts_seq *sq,
    const struct ts_region *reg)
{
	struct ts_vlist	 vl;
	struct ts_attrs	 a;
	struct ts_style	 st;
	size_t		 i;

	if (!reg->present || reg->name == NULL)
		return;
	for (i = 0; i < sq->nstatics; i++) {
		if (strcmp(sq->statics[i].flow, reg->name) != 0)
			continue;
		memset(&vl, 0, sizeof(vl));
		c->pool = &c->tmp;
		st = sq->st;
		typeset_attrs(c, sq->statics[i].node, &a);
		typeset_style(c, sq->statics[i].node, &a, &st, reg->w);
		typeset_build_blocks(c, &vl, sq->statics[i].node, &st, reg->w, 1);
		c->pool = &c->body;
		cairo_save(c->cr);
		cairo_rectangle(c->cr, reg->x, reg->y, reg->w, reg->h);
		cairo_clip(c->cr);
		typeset_draw_range(c, &vl, 0, vl.n, reg->x, reg->y, NULL);
		typeset_para_close(c);
		cairo_restore(c->cr);
		free(vl.v);
		typeset_pool_clear(&c->tmp);
	}
}

/*
 * Records the draft watermark of a sequence once, as outlines (not text:
 * it must not reach copied or searched text), for painting on each page.
 */
static cairo_surface_t *
typeset_watermark(struct ts_ctx *c, const char *text, double pw, double ph)
{
	cairo_surface_t		*rs;
	cairo_t			*cr;
	PangoLayout		*ly;
	PangoFontDescription	*fd;
	PangoRectangle		 lr;
	double			 size, w;

	rs = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cr = cairo_create(rs);
	ly = pango_layout_new(c->pc);
	fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, TS_SANS);
	pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_font_description_set_absolute_size(fd, 100 * PANGO_SCALE);
	pango_layout_set_font_description(ly, fd);
	pango_layout_set_text(ly, text, -1);
	pango_layout_get_extents(ly, NULL, &lr);
	w = (double)lr.width / PANGO_SCALE;
	/* As large as fits along 80% of the diagonal. */
	size = w > 0 ? 100 * 0.8 * sqrt(pw * pw + ph * ph) / w : 100;
	if (size > 120)
		size = 120;
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(ly, fd);
	pango_layout_get_extents(ly, NULL, &lr);
	cairo_translate(cr, pw / 2, ph / 2);
	cairo_rotate(cr, -atan2(ph, pw));
	cairo_move_to(cr, -(double)lr.width / PANGO_SCALE / 2,
	    -(double)lr.height / PANGO_SCALE / 2);
	pango_cairo_layout_path(cr, ly);
	cairo_set_source_rgba(cr, 0.5, 0.5, 0.5, 0.18);
	cairo_fill(cr);
	pango_font_description_free(fd);
	g_object_unref(ly);
	cairo_destroy(cr);
	return rs;
}

/* Draws page pi: watermark, header, footer, body; then drops the layouts it used last. */
void
typeset_draw_page(struct ts_ctx *c, size_t pi)
{
	struct ts_page	*pg = &c->pages[pi];
	struct ts_seq	*sq = pg->seq;
	struct ts_item	*it;
	char		 label[32];
	size_t		 j;

	/*
	 * Only on a change of size, and never on the first page: Cairo 1.16
	 * loses the Document element (and the tagged flag) when the first
	 * page's size is set after the tag was opened.
	 */
	if (pi > 0 && (pg->m->pw != c->pages[pi - 1].m->pw ||
	    pg->m->ph != c->pages[pi - 1].m->ph))
		cairo_pdf_surface_set_size(c->surf, pg->m->pw, pg->m->ph);
	typeset_format_number(label, sizeof(label), pg->number, sq->format);
	cairo_pdf_surface_set_page_label(c->surf, label);
	if (sq->watermark != NULL) {
		if (sq->wm == NULL)
			sq->wm = typeset_watermark(c, sq->watermark, pg->m->pw,
			    pg->m->ph);
		cairo_set_source_surface(c->cr, sq->wm, 0, 0);
		cairo_paint(c->cr);
	}
	c->cur_page = pg;
	c->cur_pageno = pi;
	typeset_draw_static(c, sq, &pg->m->before);
	typeset_draw_static(c, sq, &pg->m->after);
	c->cur_page = NULL;
	cairo_save(c->cr);
	cairo_rectangle(c->cr, pg->m->body.x, pg->m->body.y, pg->m->body.w,
	    pg->m->body.h);
	cairo_clip(c->cr);
	typeset_group_suspend(c, 1);
	typeset_draw_range(c, &sq->vl, pg->from, pg->to, pg->m->body.x,
	    pg->m->body.y, pg->rephead);
	typeset_group_suspend(c, 0);
	if (pi + 1 == c->npages || c->pages[pi + 1].seq != sq)
		c->ngroups = 0;		/* a sequence ends: all closed */
	cairo_restore(c->cr);
	for (j = pg->from; j < pg->to; j++) {
		it = &sq->vl.v[j];
		if (it->kind == K_LINE && it->line == it->para->nlines - 1) {
			if (it->label != NULL)
				typeset_para_release(it->label);
			typeset_para_release(it->para);
		} else if (it->kind == K_LINE && it->label != NULL)
			typeset_para_release(it->label);
		else if (it->kind == K_ROW && !it->row->header)
			typeset_row_release(it->row);
	}
	cairo_show_page(c->cr);
}

/* Adds the bookmarks under n to the PDF outline below parent (recursion capped). */
void
typeset_bookmarks(struct ts_ctx *c, xmlNodePtr n, int parent, int depth)
{
	struct ts_attrs	 a;
	struct buf	 b = { NULL, 0, 0 }, t = { NULL, 0, 0 };
	xmlNodePtr	 ch, tn;
	int		 id, space = 0;

	for (ch = n->children; ch != NULL; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (!typeset_is(ch, "bookmark")) {
			typeset_warn_once(c, ch, (const char *)ch->name,
			    MSG_FO_UNSUPPORTED_ELEMENT_BOOKMARK,
			    (const char *)ch->name);
			continue;
		}
		typeset_attrs(c, ch, &a);
		t.len = 0;
		space = 0;
		for (tn = ch->children; tn != NULL; tn = tn->next)
			if (typeset_is(tn, "bookmark-title")) {
				xmlChar *s = xmlNodeGetContent(tn);
				typeset_fill_text(&t, s ? (const char *)s : "", 0,
				    &space);
				xmlFree(s);
			}
		b.len = 0;
		if (a.v[A_INTERNAL_DEST] != NULL) {
			if (g_hash_table_lookup(c->ids, a.v[A_INTERNAL_DEST]) == NULL) {
				typeset_warn(c, ch, MSG_FO_BOOKMARK,
				    a.v[A_INTERNAL_DEST]);
				continue;
			}
			buf_puts(&b, "dest=");
			typeset_tag_quote(&b, a.v[A_INTERNAL_DEST]);
		} else if (a.v[A_EXTERNAL_DEST] != NULL) {
			buf_puts(&b, "uri=");
			typeset_tag_quote(&b, a.v[A_EXTERNAL_DEST]);
		} else
			buf_puts(&b, "");
		id = cairo_pdf_surface_add_outline(c->surf, parent,
		    t.data ? t.data : "", b.data ? b.data : "",
		    a.v[A_STARTING_STATE] != NULL &&
		    strcmp(a.v[A_STARTING_STATE], "hide") == 0 ? 0 :
		    CAIRO_PDF_OUTLINE_FLAG_OPEN);
		if (depth < TS_MAXDEPTH)
			typeset_bookmarks(c, ch, id, depth + 1);
	}
	buf_free(&b);
	buf_free(&t);
}
