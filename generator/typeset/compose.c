/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The line composer: fills a paragraph's inline FO into text and Pango
 * attributes, has Pango break it into lines, measures them, and applies the
 * Japanese composition rules of jlreq.c (punctuation compression,
 * inter-character justification).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "typeset_int.h"
#include "compose.h"
#include "jlreq.h"
#include "page.h"
#include "props.h"
#include "vlist.h"

static void	typeset_fill_inline(struct ts_ctx *, struct ts_para *,
		    struct buf *, PangoAttrList *, int *, xmlNodePtr,
		    const struct ts_style *, int);
static int	typeset_line_width(PangoLayoutLine *);
static struct ts_wakan *typeset_wakan_at(struct ts_para *, int);

/* Noto CJK: the ideographic em box lies 0.88 em above and 0.12 em below the baseline. */
#define TS_EM_ASC	0.88

/* Noto CJK hhea ascent and descent (1160 and 288 units of 1000), for line growth. */
#define TS_HHEA_ASC	1.16
#define TS_HHEA_DESC	0.288

/*
 * Appends text to the paragraph, collapsing white space as XSL-FO does by
 * default (a run of spaces and line feeds becomes one space, none at the
 * ends).  A space the author wrote between two Japanese characters stays
 * (「山田 太郎」): where a source line break joins them, the templates wrote
 * none (mdtext.c decides).  *space says a space is pending.
 */
void
typeset_fill_text(struct buf *b, const char *s, int pre, int *space)
{
	const char	*p;
	uint32_t	 u;
	size_t		 len;

	if (pre) {
		for (p = s; *p != '\0'; p++)
			if (*p != '\r')
				buf_putc(b, *p == '\t' ? ' ' : *p);
		*space = 0;
		return;
	}
	for (p = s; *p != '\0'; ) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			*space = 1;
			p++;
			continue;
		}
		u = g_utf8_get_char_validated(p, -1);
		if (u == (uint32_t)-1 || u == (uint32_t)-2) {
			p++;
			continue;
		}
		len = (size_t)(g_utf8_next_char(p) - p);
		if (*space && b->len > 0 && b->data[b->len - 1] != '\t')
			buf_putc(b, ' ');
		*space = 0;
		buf_put(b, p, len);
		p += len;
	}
}

/* Appends the text of a page-number citation (first or last page of ref). */
static void
typeset_fill_cite(struct ts_ctx *c, struct ts_para *p, struct buf *b,
    xmlNodePtr n, const char *ref, int last)
{
	struct ts_idpos	*ip;
	char		 num[32];

	p->dynamic = 1;
	if (ref == NULL) {
		typeset_warn_once(c, n, "no ref-id", MSG_FO_CITATION_PAGE);
		return;
	}
	ip = g_hash_table_lookup(c->ids, ref);
	if (ip == NULL && c->pass > 1) {
		/* Once per id, however many passes fill this paragraph. */
		char *k;
		xasprintf(&k, "cite\x1f%s", ref);
		if (!g_hash_table_contains(c->warned, k)) {
			g_hash_table_add(c->warned, k);
			typeset_warn(c, n, MSG_FO_CITATION, ref);
		} else
			free(k);
	}
	typeset_page_label(c, ip ? (last ? ip->last : ip->first) : -1, num,
	    sizeof(num));
	buf_puts(b, num);
}

/* Adds a Pango attribute over [start, end). */
static void
typeset_attr_add(PangoAttrList *al, PangoAttribute *at, int start, int end)
{
	at->start_index = (guint)start;
	at->end_index = (guint)end;
	pango_attr_list_insert(al, at);
}

/*
 * Fills the inline element n (style of its parent in *pst): its text goes
 * into b, its formatting into al.  Recursion is bounded by TS_MAXDEPTH.
 */
static void
typeset_fill_elem(struct ts_ctx *c, struct ts_para *p, struct buf *b,
    PangoAttrList *al, int *space, xmlNodePtr n, const struct ts_style *pst,
    int depth)
{
	struct ts_attrs	 a;
	struct ts_style	 st = *pst;
	const char	*name = (const char *)n->name, *s;
	int		 start = (int)b->len, end, underline = 0, strike = 0;
	uint32_t	 rgb;
	xmlNodePtr	 ch, mk;
	char		 num[32];

	if (!typeset_is_fo(n)) {
		typeset_warn_once(c, n, name,
		    MSG_FO_UNSUPPORTED_ELEMENT_ELEMENT, name);
		return;
	}
	typeset_attrs(c, n, &a);
	typeset_style(c, n, &a, &st, p->width);

	if (strcmp(name, "page-number") == 0) {
		if (c->cur_page != NULL)
			typeset_format_number(num, sizeof(num),
			    c->cur_page->number, c->cur_page->seq->format);
		else {
			p->dynamic = 1;
			typeset_page_label(c, p->page, num, sizeof(num));
		}
		if (*space && b->len > 0)
			buf_putc(b, ' ');
		*space = 0;
		start = (int)b->len;
		buf_puts(b, num);
	} else if (strcmp(name, "page-number-citation") == 0 ||
	    strcmp(name, "page-number-citation-last") == 0) {
		if (*space && b->len > 0 && b->data[b->len - 1] != '\t')
			buf_putc(b, ' ');
		*space = 0;
		start = (int)b->len;
		typeset_fill_cite(c, p, b, n, a.v[A_REF_ID], name[20] == '-');
	} else if (strcmp(name, "leader") == 0) {
		s = a.v[A_LEADER_PATTERN];
		p->leaders = xreallocarray(p->leaders, p->nleaders + 1,
		    sizeof(*p->leaders));
		p->leaders[p->nleaders].idx = (int)b->len;
		p->leaders[p->nleaders].dots = s == NULL || strcmp(s, "space") == 0 ?
		    0 : strcmp(s, "rule") == 0 ? 2 : 1;
		p->nleaders++;
		buf_putc(b, '\t');
		*space = 0;
		start = (int)b->len;
	} else if (strcmp(name, "character") == 0) {
		if ((s = a.v[A_CHARACTER]) != NULL)
			typeset_fill_text(b, s, 1, space);
	} else if (strcmp(name, "retrieve-marker") == 0) {
		mk = typeset_marker(c, a.v[A_RETRIEVE_CLASS],
		    a.v[A_RETRIEVE_POSITION]);
		if (mk != NULL)
			typeset_fill_inline(c, p, b, al, space, mk->children, &st,
			    depth + 1);
	} else if (strcmp(name, "inline") == 0 || strcmp(name, "wrapper") == 0 ||
	    strcmp(name, "basic-link") == 0 || strcmp(name, "block") == 0 ||
	    strcmp(name, "inline-container") == 0 ||
	    strcmp(name, "footnote") == 0) {
		if (strcmp(name, "block") == 0)
			typeset_warn_once(c, n, name, MSG_FO_BLOCK_IN_INLINE,
			    name);
		if (strcmp(name, "footnote") == 0)
			typeset_warn_once(c, n, name,
			    MSG_FO_UNSUPPORTED_ELEMENT_INLINE, name);
		for (ch = n->children; ch != NULL; ch = ch->next) {
			if (typeset_is(ch, "footnote-body"))
				continue;
			if (ch->type == XML_TEXT_NODE ||
			    ch->type == XML_CDATA_SECTION_NODE)
				typeset_fill_text(b, (const char *)ch->content,
				    st.pre, space);
			else if (ch->type == XML_ELEMENT_NODE) {
				if (depth >= TS_MAXDEPTH) {
					typeset_warn_once(c, ch, "depth",
					    MSG_FO_DEPTH,
					    (const char *)ch->name);
					continue;
				}
				typeset_fill_elem(c, p, b, al, space, ch, &st,
				    depth + 1);
			}
		}
	} else if (strcmp(name, "marker") == 0) {
		return;
	} else {
		typeset_warn_once(c, n, name,
		    MSG_FO_UNSUPPORTED_ELEMENT_UNSUPPORTED, name);
		return;
	}
	end = (int)b->len;
	if (end == start)
		return;

	if (strcmp(name, "basic-link") == 0 && (a.v[A_INTERNAL_DEST] != NULL ||
	    a.v[A_EXTERNAL_DEST] != NULL)) {
		struct ts_link *l;
		p->links = xreallocarray(p->links, p->nlinks + 1,
		    sizeof(*p->links));
		l = &p->links[p->nlinks++];
		l->start = start;
		l->end = end;
		l->dest = a.v[A_INTERNAL_DEST] ? xstrdup(a.v[A_INTERNAL_DEST]) : NULL;
		l->uri = NULL;
		if (l->dest == NULL) {
			/* url('…') or a bare URI */
			s = a.v[A_EXTERNAL_DEST];
			if (strncmp(s, "url(", 4) == 0) {
				size_t len;
				s += 4;
				if (*s == '\'' || *s == '"')
					s++;
				len = strcspn(s, "'\")");
				l->uri = xstrndup(s, len);
			} else
				l->uri = xstrdup(s);
		}
	}
	if ((s = a.v[A_ID]) != NULL) {
		p->ids = xreallocarray(p->ids, p->nids + 1, sizeof(*p->ids));
		p->ids[p->nids].idx = start;
		p->ids[p->nids].id = xstrdup(s);
		p->nids++;
	}
	if (st.family != pst->family)
		typeset_attr_add(al, pango_attr_family_new(st.family), start, end);
	if (st.weight != pst->weight)
		typeset_attr_add(al, pango_attr_weight_new((PangoWeight)st.weight),
		    start, end);
	if (st.italic != pst->italic)
		typeset_attr_add(al, pango_attr_style_new(st.italic ?
		    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL), start, end);
	if ((s = a.v[A_BASELINE_SHIFT]) != NULL &&
	    (strcmp(s, "super") == 0 || strcmp(s, "sub") == 0)) {
		typeset_attr_add(al, pango_attr_rise_new((int)(st.size *
		    (s[1] == 'u' ? 0.35 : -0.15) * PANGO_SCALE)), start, end);
		st.size *= 0.7;
	}
	if (st.size != pst->size)
		typeset_attr_add(al, pango_attr_size_new_absolute((int)(st.size *
		    PANGO_SCALE + 0.5)), start, end);
	if (st.color != pst->color)
		typeset_attr_add(al, pango_attr_foreground_new(
		    (guint16)(((st.color >> 16) & 0xff) * 257),
		    (guint16)(((st.color >> 8) & 0xff) * 257),
		    (guint16)((st.color & 0xff) * 257)), start, end);
	if ((s = a.v[A_BACKGROUND_COLOR]) != NULL &&
	    typeset_color(c, n, s, &rgb) == 0)
		typeset_attr_add(al, pango_attr_background_new(
		    (guint16)(((rgb >> 16) & 0xff) * 257),
		    (guint16)(((rgb >> 8) & 0xff) * 257),
		    (guint16)((rgb & 0xff) * 257)), start, end);
	if ((s = a.v[A_TEXT_DECORATION]) != NULL) {
		underline = strstr(s, "underline") != NULL &&
		    strstr(s, "no-underline") == NULL;
		strike = strstr(s, "line-through") != NULL &&
		    strstr(s, "no-line-through") == NULL;
		if (underline)
			typeset_attr_add(al, pango_attr_underline_new(
			    PANGO_UNDERLINE_SINGLE), start, end);
		if (strike)
			typeset_attr_add(al, pango_attr_strikethrough_new(TRUE),
			    start, end);
	}
}

/* Fills a run of inline siblings from n on (to the end of the list). */
static void
typeset_fill_inline(struct ts_ctx *c, struct ts_para *p, struct buf *b,
    PangoAttrList *al, int *space, xmlNodePtr n, const struct ts_style *st,
    int depth)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			typeset_fill_text(b, (const char *)n->content, st->pre,
			    space);
		else if (n->type == XML_ELEMENT_NODE && depth < TS_MAXDEPTH)
			typeset_fill_elem(c, p, b, al, space, n, st, depth);
	}
}

/*
 * Justifies line k of p the Japanese way.  Pango has laid the line out; we
 * widen glyphs in its runs (the text mapping stays, so copying still
 * works).  The slack goes first into the gaps between Japanese characters,
 * up to TS_MAXSTRETCH em each (wider ones read as spaces in copied text),
 * then into spaces and the gaps where Japanese meets Latin, up to
 * TS_MAXSPACE em each; never inside a Latin word.  A line needing more is
 * left ragged, as are lines ending in a hard line break.  Trailing spaces
 * hang in the margin.
 */
static void
typeset_justify_line(struct ts_para *p, int k)
{
	PangoLayoutLine		*ln = p->lines[k];
	PangoGlyphItem		*run;
	struct ts_wakan		*wk;
	int			 pi = -1;
	PangoGlyphInfo		*prev, *last = NULL;
	const char		*text = pango_layout_get_text(p->layout);
	GSList			*l;
	uint32_t		 u, pu = 0, lastu = 0;
	double			 slack, e[3] = { 0, 0, 0 }, acc = 0;
	int			 i, n[3] = { 0, 0, 0 }, pass, add, trail = 0, cls;
	int			 end = ln->start_index + ln->length;

	if (ln->length <= 0 || text[end - 1] == '\n' || text[end] == '\n')
		return;
	for (l = ln->runs; l != NULL; l = l->next) {
		run = l->data;
		if (run->item->analysis.level % 2)
			return;		/* right-to-left: leave it */
		for (i = 0; i < run->glyphs->num_glyphs; i++) {
			lastu = g_utf8_get_char(text + run->item->offset +
			    run->glyphs->log_clusters[i]);
			last = &run->glyphs->glyphs[i];
		}
	}
	if (last != NULL && typeset_jlreq_space(lastu))
		trail = last->geometry.width;
	slack = (p->width - p->lx[k]) * PANGO_SCALE -
	    (typeset_line_width(ln) - trail);
	if (slack <= 0)
		return;
	/* Pass 0 counts the gaps of each class, pass 1 widens them. */
	for (pass = 0; pass < 2; pass++) {
		prev = NULL;
		for (l = ln->runs; l != NULL; l = l->next) {
			run = l->data;
			for (i = 0; i < run->glyphs->num_glyphs; i++) {
				if (i > 0 && run->glyphs->log_clusters[i] ==
				    run->glyphs->log_clusters[i - 1]) {
					prev = &run->glyphs->glyphs[i];
					continue;
				}
				u = g_utf8_get_char(text + run->item->offset +
				    run->glyphs->log_clusters[i]);
				cls = prev == NULL || (trail &&
				    &run->glyphs->glyphs[i] == last) ? 0 :
				    (int)typeset_jlreq_gap(pu, u);
				/* A 和欧間 widens as little as a solid gap. */
				if (cls == JL_GAP_SPACE && p->nwakan > 0 &&
				    ((wk = typeset_wakan_at(p, pi)) != NULL ||
				    (wk = typeset_wakan_at(p, run->item->offset +
				    run->glyphs->log_clusters[i])) != NULL) &&
				    (!wk->space || wk->idx == pi ||
				    u == ' '))
					cls = JL_GAP_SOLID;
				pi = run->item->offset +
				    run->glyphs->log_clusters[i];
				if (cls > 0 && pass == 0)
					n[cls]++;
				else if (cls > 0) {
					acc += e[cls];
					add = (int)acc;
					acc -= add;
					prev->geometry.width += add;
				}
				pu = u;
				prev = &run->glyphs->glyphs[i];
			}
		}
		if (pass > 0)
			break;
		e[JL_GAP_SOLID] = n[JL_GAP_SOLID] > 0 ?
		    slack / n[JL_GAP_SOLID] : 0;
		if (e[JL_GAP_SOLID] > p->st.size * TS_MAXSTRETCH * PANGO_SCALE)
			e[JL_GAP_SOLID] = p->st.size * TS_MAXSTRETCH * PANGO_SCALE;
		slack -= e[JL_GAP_SOLID] * n[JL_GAP_SOLID];
		if (slack > 0.5) {
			if (n[JL_GAP_SPACE] == 0)
				return;
			e[JL_GAP_SPACE] = slack / n[JL_GAP_SPACE];
			if (e[JL_GAP_SPACE] > p->st.size * TS_MAXSPACE * PANGO_SCALE)
				return;
		}
	}
}

/* Returns the width of a space in paragraph p's font, Pango units. */
static int
typeset_space_width(struct ts_ctx *c, struct ts_para *p)
{
	PangoLayout	*l = pango_layout_new(c->pc);
	PangoRectangle	 r;

	pango_layout_set_font_description(l,
	    pango_layout_get_font_description(p->layout));
	pango_layout_set_text(l, " ", 1);
	pango_layout_get_extents(l, NULL, &r);
	g_object_unref(l);
	return r.width;
}

/* Returns p's 和欧間 after the character at byte idx, or NULL. */
static struct ts_wakan *
typeset_wakan_at(struct ts_para *p, int idx)
{
	size_t	 lo = 0, hi = p->nwakan, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p->wakan[mid].idx == idx)
			return &p->wakan[mid];
		if (p->wakan[mid].idx < idx)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * 和欧間 (JLREQ 3.2.9-3.2.10): a quarter em between Japanese and a Latin
 * letter or digit, whatever the source has.  Where they touch, the
 * Japanese or Latin character before the gap gets that much letter
 * spacing, so that Pango breaks lines knowing the width; typeset_fix_line
 * then moves the whole of it behind the glyph.  A space typed between them
 * (「CSIRT は」) stays in the text, for copying, and is set a quarter em.
 */
static void
typeset_wakan(struct ts_ctx *c, struct ts_para *p, const char *text,
    size_t len, PangoAttrList *al)
{
	const char	*q, *end = text + len, *prev = NULL, *sp = NULL;
	uint32_t	 u, pu = 0;
	int		 w = (int)(TS_WAKAN * p->st.size * PANGO_SCALE + 0.5);
	int		 spw = -1;

	p->nwakan = 0;
	for (q = text; q < end; q = g_utf8_next_char(q)) {
		u = g_utf8_get_char(q);
		if (u == ' ') {
			if (sp != NULL)
				prev = NULL;
			sp = q;
			continue;
		}
		if (prev != NULL && typeset_jlreq_wakan(pu, u)) {
			if (sp == NULL) {
				typeset_attr_add(al,
				    pango_attr_letter_spacing_new(w),
				    (int)(prev - text), (int)(q - text));
				p->wakan = xreallocarray(p->wakan,
				    p->nwakan + 1, sizeof(*p->wakan));
				p->wakan[p->nwakan].idx = (int)(prev - text);
				p->wakan[p->nwakan].w = w;
				p->wakan[p->nwakan].space = 0;
				p->nwakan++;
			} else {
				if (spw < 0)
					spw = typeset_space_width(c, p);
				typeset_attr_add(al,
				    pango_attr_letter_spacing_new(w - spw),
				    (int)(sp - text), (int)(sp + 1 - text));
				p->wakan = xreallocarray(p->wakan,
				    p->nwakan + 1, sizeof(*p->wakan));
				p->wakan[p->nwakan].idx = (int)(sp - text);
				p->wakan[p->nwakan].w = w - spw;
				p->wakan[p->nwakan].space = 1;
				p->nwakan++;
			}
		}
		pu = u;
		prev = q;
		sp = NULL;
	}
}

/*
 * Keeps whole the words a line must not break inside (JLREQ 3.1.7 leaves
 * Latin words whole; UAX #14 breaks after a hyphen): an e-mail address, a
 * telephone or document number, any run of Latin letters and digits
 * joined by hyphens, dots or @ (「090-0000-1101」, 「SR-2026-0012」).
 */
static void
typeset_nobreak(const char *text, size_t len, PangoAttrList *al)
{
	size_t	 i, j;
	int	 join;

	for (i = 0; i < len; i = j + 1) {
		join = 0;
		for (j = i; j < len && (g_ascii_isalnum(text[j]) ||
		    strchr("@._+-", text[j]) != NULL); j++)
			if (text[j] == '-' || text[j] == '@')
				join = 1;
		if (join && j - i >= 3)
			typeset_attr_add(al, pango_attr_allow_breaks_new(FALSE),
			    (int)i, (int)j);
	}
}

/* Returns the width of line ln, summing its glyphs (Pango caches extents). */
static int
typeset_line_width(PangoLayoutLine *ln)
{
	PangoGlyphItem	*run;
	GSList		*l;
	int		 i, w = 0;

	for (l = ln->runs; l != NULL; l = l->next) {
		run = l->data;
		for (i = 0; i < run->glyphs->num_glyphs; i++)
			w += run->glyphs->glyphs[i].geometry.width;
	}
	return w;
}

/*
 * Sets line k's glyphs after Pango: a 和欧間's letter spacing, which Pango
 * splits around the glyph, goes wholly after it, and none at the line's
 * end (at its start Pango dropped half of it: the half comes back if the
 * line has room); an opening bracket beginning any line but the first
 * loses its blank half (行頭の始め括弧, JLREQ 3.1.5).  The line only narrows
 * but for that one half, so it still fits; its left moves with its
 * alignment.
 */
static void
typeset_fix_line(struct ts_para *p, int k)
{
	PangoLayoutLine	*ln = p->lines[k];
	PangoGlyphItem	*run;
	PangoGlyphInfo	*g, *grow = NULL;
	struct ts_wakan	*wk;
	const char	*text = pango_layout_get_text(p->layout);
	GSList		*l;
	int		 i, bi, first, last, left, half, w0, w1, back = 0;

	if (p->nwakan == 0 && k == 0)
		return;
	half = (int)(p->st.size * PANGO_SCALE / 2);
	w0 = typeset_line_width(ln);
	for (l = ln->runs; l != NULL; l = l->next) {
		run = l->data;
		first = l == ln->runs;
		last = l->next == NULL;
		for (i = 0; i < run->glyphs->num_glyphs; i++) {
			g = &run->glyphs->glyphs[i];
			if (i > 0 && run->glyphs->log_clusters[i] ==
			    run->glyphs->log_clusters[i - 1])
				continue;
			bi = run->item->offset + run->glyphs->log_clusters[i];
			if (k > 0 && first && i == 0 &&
			    typeset_jlreq_half(g_utf8_get_char(text + bi)) == 2 &&
			    g->geometry.width > half * 3 / 2) {
				g->geometry.x_offset -= half;
				g->geometry.width -= half;
			}
			if (i + 1 != run->glyphs->num_glyphs ||
			    (wk = typeset_wakan_at(p, bi)) == NULL || wk->space)
				continue;
			/* Pango's split (distribute_letter_spacing). */
			left = wk->w / 2;
			if ((wk->w & (PANGO_SCALE - 1)) == 0)
				left = PANGO_UNITS_ROUND(left);
			if (!first)
				g->geometry.x_offset -= left;
			if (last)	/* no gap at the line's end */
				g->geometry.width -= first ? 0 : left;
			else if (first) {
				grow = g;
				back = left;
			}
		}
	}
	w1 = typeset_line_width(ln);
	if (grow != NULL && w1 + back <= (p->width - p->lx[k]) * PANGO_SCALE) {
		grow->geometry.width += back;
		w1 += back;
	}
	if (w1 != w0 && p->st.align == AL_CENTER)
		p->lx[k] += (double)(w0 - w1) / 2 / PANGO_SCALE;
	else if (w1 != w0 && p->st.align == AL_END)
		p->lx[k] += (double)(w0 - w1) / PANGO_SCALE;
}

/*
 * 追い込み (JLREQ 3.8): a paragraph's last line of one or two characters
 * (「る。」) is pulled back into the line before when that line can give
 * the room: its slack, then its 和欧間 down to TS_WAKAN_MIN, then the
 * blank halves of its brackets and stops, last first (and the pulled
 * stop's own).  Lays p out again with those compressed; keeps the old
 * layout when the line count does not drop.
 */
static void
typeset_oikomi(struct ts_para *p)
{
	PangoLayoutLine	*ln, *pl;
	PangoGlyphItem	*run;
	PangoAttrList	*al, *old;
	PangoRectangle	 r;
	const char	*text = pango_layout_get_text(p->layout), *q;
	struct ts_wakan	*wk;
	GSList		*l;
	int		 n = pango_layout_get_line_count(p->layout), i, nc = 0;
	int		 end, need, have, half, minw, *marks = NULL, nm = 0, j, h;
	uint32_t	 u, lastu = 0;

	if (n < 2 || p->st.nowrap || p->st.align == AL_CENTER ||
	    p->st.align == AL_END || p->nleaders > 0)
		return;
	ln = pango_layout_get_line_readonly(p->layout, n - 1);
	pl = pango_layout_get_line_readonly(p->layout, n - 2);
	end = pl->start_index + pl->length;
	if (end <= 0 || text[end - 1] == '\n' || text[end] == '\n')
		return;
	for (q = text + ln->start_index; q < text + ln->start_index +
	    ln->length; q = g_utf8_next_char(q)) {
		u = g_utf8_get_char(q);
		if (u == ' ' || u == '\n')
			continue;
		if (++nc > 2)
			return;
		lastu = u;
	}
	if (nc == 0)
		return;
	half = (int)(p->st.size * PANGO_SCALE / 2);
	minw = (int)(TS_WAKAN_MIN * p->st.size * PANGO_SCALE + 0.5);
	pango_layout_line_get_extents(ln, NULL, &r);
	need = r.width;
	if (typeset_jlreq_half(lastu) == 1)
		need -= half;
	pango_layout_line_get_extents(pl, NULL, &r);
	/* Pango indents the first line by a positive indent, the others by a negative one. */
	i = pango_layout_get_indent(p->layout);
	have = (int)(p->width * PANGO_SCALE) - r.width - (n == 2 ?
	    (i > 0 ? i : 0) : (i < 0 ? -i : 0));
	al = pango_attr_list_copy(pango_layout_get_attributes(p->layout));
	for (l = pl->runs; l != NULL; l = l->next) {
		run = l->data;
		for (i = 0; i < run->glyphs->num_glyphs; i++) {
			j = run->item->offset + run->glyphs->log_clusters[i];
			if ((wk = typeset_wakan_at(p, j)) != NULL && !wk->space &&
			    wk->w > minw) {
				have += wk->w - minw;
				wk->w = minw;
				typeset_attr_add(al, pango_attr_letter_spacing_new(minw),
				    j, (int)(g_utf8_next_char(text + j) - text));
			}
			/*
			 * An opening bracket after a Latin letter keeps its
			 * blank: halved, its origin would fall before the
			 * letter's and text extraction would reorder them.
			 */
			if ((h = typeset_jlreq_half(g_utf8_get_char(text + j))) != 0 &&
			    (h == 1 || j == 0 || typeset_jlreq_wide(g_utf8_get_char(
			    g_utf8_prev_char(text + j)))) &&
			    run->glyphs->glyphs[i].geometry.width > half * 3 / 2) {
				marks = xreallocarray(marks, (size_t)nm + 1,
				    sizeof(*marks));
				marks[nm++] = j;
			}
		}
	}
	for (j = nm - 1; j >= 0 && have < need + 1; j--) {
		have += half;
		typeset_attr_add(al, pango_attr_font_features_new("halt"),
		    marks[j], (int)(g_utf8_next_char(text + marks[j]) - text));
	}
	free(marks);
	if (have < need + 1) {
		pango_attr_list_unref(al);
		goto undo;
	}
	if (typeset_jlreq_half(lastu) == 1) {
		q = g_utf8_prev_char(text + ln->start_index + ln->length);
		while (q > text && (*q == ' ' || *q == '\n'))
			q = g_utf8_prev_char(q);
		typeset_attr_add(al, pango_attr_font_features_new("halt"),
		    (int)(q - text), (int)(g_utf8_next_char(q) - text));
	}
	old = pango_attr_list_ref(pango_layout_get_attributes(p->layout));
	pango_layout_set_attributes(p->layout, al);
	pango_attr_list_unref(al);
	if (pango_layout_get_line_count(p->layout) < n) {
		pango_attr_list_unref(old);
		return;
	}
	pango_layout_set_attributes(p->layout, old);
	pango_attr_list_unref(old);
undo:
	/* The 和欧間 widths Pango has. */
	for (i = 0; i < (int)p->nwakan; i++)
		if (!p->wakan[i].space)
			p->wakan[i].w = (int)(TS_WAKAN * p->st.size *
			    PANGO_SCALE + 0.5);
}

/*
 * Sets two Japanese marks in a row (」「, 。」, （「 …) half an em tighter,
 * as Japanese typesetting does: the blank half of the one that
 * typeset_jlreq_halt names goes, through the fonts' halt feature.
 */
static void
typeset_squeeze(const char *text, size_t len, PangoAttrList *al)
{
	const char	*p, *q, *end = text + len;
	uint32_t	 a, b;
	int		 h;

	if (text == NULL)
		return;
	for (p = text; p < end; p = q) {
		q = g_utf8_next_char(p);
		if (q >= end)
			break;
		a = g_utf8_get_char(p);
		b = g_utf8_get_char(q);
		if ((h = typeset_jlreq_halt(a, b)) == 1)
			typeset_attr_add(al, pango_attr_font_features_new("halt"),
			    (int)(p - text), (int)(q - text));
		else if (h == 2)
			typeset_attr_add(al, pango_attr_font_features_new("halt"),
			    (int)(q - text), (int)(g_utf8_next_char(q) - text));
	}
}

/*
 * (Re)fills paragraph p from its nodes and lays it out: text, attributes,
 * lines and their metrics.  Returns the number of lines (0: nothing to set).
 */
static int
typeset_para_fill(struct ts_ctx *c, struct ts_para *p)
{
	struct buf		 b = { NULL, 0, 0 };
	PangoAttrList		*al;
	PangoFontDescription	*fd;
	PangoLayoutIter		*it;
	PangoRectangle		 lr;
	PangoTabArray		*tabs;
	xmlNodePtr		 n;
	int			 space = 0, i, bl;
	size_t			 k;
	double			 asc, desc, xa, xd;

	for (k = 0; k < p->nlinks; k++) {
		free(p->links[k].dest);
		free(p->links[k].uri);
	}
	for (k = 0; k < p->nids; k++)
		free(p->ids[k].id);
	p->nlinks = p->nleaders = p->nids = 0;

	al = pango_attr_list_new();
	for (n = p->first; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			typeset_fill_text(&b, (const char *)n->content, p->st.pre,
			    &space);
		else if (n->type == XML_ELEMENT_NODE)
			typeset_fill_elem(c, p, &b, al, &space, n, &p->st, 1);
		if (n == p->last)
			break;
	}
	if (p->st.pre)		/* a line feed before the end tag sets nothing */
		while (b.len > 0 && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
	if (b.len == 0 && p->nleaders == 0) {
		pango_attr_list_unref(al);
		buf_free(&b);
		p->nlines = 0;
		return 0;
	}
	if (p->layout == NULL) {
		p->layout = pango_layout_new(c->pc);
		fd = pango_font_description_new();
		pango_font_description_set_family_static(fd, p->st.family);
		pango_font_description_set_absolute_size(fd, p->st.size * PANGO_SCALE);
		pango_font_description_set_weight(fd, (PangoWeight)p->st.weight);
		if (p->st.italic)
			pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
		pango_layout_set_font_description(p->layout, fd);
		pango_font_description_free(fd);
		if (!p->st.nowrap) {
			pango_layout_set_width(p->layout,
			    (int)(p->width * PANGO_SCALE));
			pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
		}
		pango_layout_set_alignment(p->layout,
		    p->st.align == AL_CENTER ? PANGO_ALIGN_CENTER :
		    p->st.align == AL_END ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
		pango_layout_set_indent(p->layout,
		    (int)(p->st.text_indent * PANGO_SCALE));
	}
	/* Pango's justification puts the slack of a mixed line into its word spaces alone: ours instead. */
	pango_layout_set_justify(p->layout, FALSE);
	if (p->nleaders > 0) {
		tabs = pango_tab_array_new(1, FALSE);
		pango_tab_array_set_tab(tabs, 0, PANGO_TAB_RIGHT,
		    (int)(p->width * PANGO_SCALE));
		pango_layout_set_tabs(p->layout, tabs);
		pango_tab_array_free(tabs);
	}
	p->nwakan = 0;
	if (strcmp(p->st.family, TS_MONO) != 0) {
		typeset_squeeze(b.data, b.len, al);
		typeset_wakan(c, p, b.data, b.len, al);
	}
	if (b.data != NULL)
		typeset_nobreak(b.data, b.len, al);
	pango_layout_set_text(p->layout, b.data ? b.data : "", (int)b.len);
	pango_layout_set_attributes(p->layout, al);
	pango_attr_list_unref(al);
	buf_free(&b);
	if (strcmp(p->st.family, TS_MONO) != 0 && !p->st.pre)
		typeset_oikomi(p);

	p->nlines = pango_layout_get_line_count(p->layout);
	p->lines = xreallocarray(p->lines, (size_t)p->nlines, sizeof(*p->lines));
	p->lx = xreallocarray(p->lx, (size_t)p->nlines, sizeof(*p->lx));
	p->h = xreallocarray(p->h, (size_t)p->nlines, sizeof(*p->h));
	p->base = xreallocarray(p->base, (size_t)p->nlines, sizeof(*p->base));
	it = pango_layout_get_iter(p->layout);
	i = 0;
	do {
		if (i >= p->nlines)
			break;
		p->lines[i] = pango_layout_iter_get_line_readonly(it);
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		bl = pango_layout_iter_get_baseline(it);
		p->lx[i] = (double)lr.x / PANGO_SCALE;
		asc = (double)(bl - lr.y) / PANGO_SCALE;
		desc = (double)(lr.y + lr.height - bl) / PANGO_SCALE;
		/* Larger type on the line (an inline) grows its box. */
		xa = asc - TS_HHEA_ASC * p->st.size;
		xd = desc - TS_HHEA_DESC * p->st.size;
		if (xa < 0.01)
			xa = 0;
		if (xd < 0.01)
			xd = 0;
		p->h[i] = p->st.lh + xa + xd;
		p->base[i] = xa + (p->st.lh - p->st.size) / 2 +
		    TS_EM_ASC * p->st.size;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	for (i = 0; i < p->nlines; i++)
		typeset_fix_line(p, i);
	if (p->st.align == AL_JUSTIFY && p->nleaders == 0)
		for (i = 0; i + 1 < p->nlines; i++)
			typeset_justify_line(p, i);
	return p->nlines;
}

/*
 * Sets the inline children first..last of block as one paragraph and
 * appends its lines to vl.  Returns the paragraph, or NULL if it sets nothing.
 */
struct ts_para *
typeset_para_add(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr block,
    xmlNodePtr first, xmlNodePtr last, const struct ts_style *st, double refw)
{
	struct ts_para	*p;
	struct ts_item	*it;
	int		 k, n, orph, wid;

	p = xcalloc(1, sizeof(*p));
	p->block = block;
	p->first = first;
	p->last = last;
	p->st = *st;
	p->page = -1;
	/*
	 * XSL's negative text-indent moves the first line out to start +
	 * indent; Pango's indents the other lines instead.  Start the layout
	 * at the first line and let Pango indent the rest back to start.
	 */
	if (p->st.text_indent < 0)
		p->st.start += p->st.text_indent;
	p->width = refw - p->st.start - st->end;
	if (p->width < st->size)
		p->width = st->size;
	if ((n = typeset_para_fill(c, p)) == 0) {
		typeset_para_free(p);
		return NULL;
	}
	typeset_push((void ***)&c->pool->paras, &c->pool->nparas,
	    &c->pool->cparas, p);
	orph = st->orphans > 0 ? st->orphans : 2;
	wid = st->widows > 0 ? st->widows : 2;
	for (k = 0; k < n; k++) {
		it = typeset_vl_box(vl, K_LINE, p->h[k],
		    k > 0 && (k < orph || n - k < wid));
		it->para = p;
		it->line = k;
	}
	return p;
}

/*
 * Fills again every paragraph that holds page numbers, now that ids have
 * pages; sets c->changed when a line count changed.
 */
void
typeset_refill(struct ts_ctx *c)
{
	struct ts_para	*p;
	size_t		 i;
	int		 n;

	c->changed = 0;
	for (i = 0; i < c->body.nparas; i++) {
		p = c->body.paras[i];
		if (!p->dynamic)
			continue;
		n = p->nlines;
		if (typeset_para_fill(c, p) != n)
			c->changed = 1;	/* the lists are rebuilt before use */
	}
}
