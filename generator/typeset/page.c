/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The page builder: cuts each sequence's vertical list into pages (keeps,
 * widows, orphans, forced breaks), records the page of every id, numbers
 * the pages, and finds the markers a running head retrieves.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../ascii.h"
#include "typeset_int.h"
#include "page.h"
#include "props.h"
#include "read.h"
#include "table.h"
#include "vlist.h"

/* Pages in one document: a runaway input must not exhaust memory. */
#define TS_MAXPAGES	100000

/* Formats a page number in a sequence's format into out (at least 32 bytes). */
void
typeset_format_number(char *out, size_t sz, int n, char format)
{
	static const char *const ones[] = { "", "i", "ii", "iii", "iv", "v",
	    "vi", "vii", "viii", "ix" };
	static const char *const tens[] = { "", "x", "xx", "xxx", "xl", "l",
	    "lx", "lxx", "lxxx", "xc" };
	static const char *const hund[] = { "", "c", "cc", "ccc", "cd", "d",
	    "dc", "dcc", "dccc", "cm" };
	char	*p;

	if ((format == 'i' || format == 'I') && n > 0 && n < 1000) {
		snprintf(out, sz, "%s%s%s", hund[n / 100], tens[n / 10 % 10],
		    ones[n % 10]);
		if (format == 'I')
			for (p = out; *p; p++)
				*p = (char)ascii_toupper((unsigned char)*p);
		return;
	}
	snprintf(out, sz, "%d", n);
}

/* Writes the page number of page index i into out, or "?" when unknown. */
void
typeset_page_label(struct ts_ctx *c, int i, char *out, size_t sz)
{
	if (i < 0 || (size_t)i >= c->npages) {
		snprintf(out, sz, "%s", c->pass == 1 ? "00" : "?");
		return;
	}
	typeset_format_number(out, sz, c->pages[i].number,
	    c->pages[i].seq->format);
}

/* Returns the marker to retrieve for the page being drawn, or NULL. */
xmlNodePtr
typeset_marker(struct ts_ctx *c, const char *cls, const char *pos)
{
	struct ts_page	*pg = c->cur_page;
	struct ts_vlist	*vl;
	xmlNodePtr	 on = NULL, carried = NULL;
	size_t		 i;
	int		 last = pos != NULL && strncmp(pos, "last", 4) == 0;
	int		 carry = pos != NULL &&
			    strcmp(pos, "first-including-carryover") == 0;
	int		 boxed = 0;	/* content precedes the first marker */

	if (pg == NULL || cls == NULL)
		return NULL;
	vl = &pg->seq->vl;
	for (i = pg->from; i < pg->to; i++) {
		if (on == NULL && typeset_is_box(&vl->v[i]))
			boxed = 1;
		if (vl->v[i].kind == K_MARK && strcmp(vl->v[i].str, cls) == 0) {
			if (on == NULL || last)
				on = vl->v[i].node;
			if (!last)
				break;
		}
	}
	for (i = pg->from; i > 0; i--)
		if (vl->v[i - 1].kind == K_MARK &&
		    strcmp(vl->v[i - 1].str, cls) == 0) {
			carried = vl->v[i - 1].node;
			break;
		}
	/* A page that starts inside a chapter shows that chapter. */
	if (on == NULL || (carry && boxed && carried != NULL))
		return carried;
	return on;
}

/* Records the pages of ids, markers and paragraphs on page pi. */
static void
typeset_page_record(struct ts_ctx *c, struct ts_vlist *vl, size_t pi)
{
	struct ts_page	*pg = &c->pages[pi];
	struct ts_idpos	*ip;
	struct ts_item	*it;
	size_t		 j, k;

	for (j = pg->from; j < pg->to; j++) {
		it = &vl->v[j];
		if (it->kind == K_ID || it->kind == K_IDEND) {
			ip = g_hash_table_lookup(c->ids, it->str);
			if (ip == NULL) {
				ip = xmalloc(sizeof(*ip));
				ip->first = (int)pi;
				ip->last = (int)pi;
				g_hash_table_insert(c->ids, xstrdup(it->str), ip);
			} else if (it->kind == K_ID && c->pass == 1 &&
			    ip->first != (int)pi) {
				typeset_warn_once(c, NULL, it->str,
				    MSG_FO_DUPLICATE_ID, it->str);
			}
			ip->last = (int)pi;
		} else if (it->kind == K_LINE) {
			if (it->para->page < 0)
				it->para->page = (int)pi;
			for (k = 0; k < it->para->nids; k++) {
				PangoLayoutLine *ln = it->para->lines[it->line];
				int idx = it->para->ids[k].idx;
				if (idx < ln->start_index ||
				    idx >= ln->start_index + ln->length)
					if (!(it->line == it->para->nlines - 1 &&
					    idx >= ln->start_index))
						continue;
				if (g_hash_table_lookup(c->ids,
				    it->para->ids[k].id) == NULL) {
					ip = xmalloc(sizeof(*ip));
					ip->first = ip->last = (int)pi;
					g_hash_table_insert(c->ids,
					    xstrdup(it->para->ids[k].id), ip);
				}
			}
		} else if (it->kind == K_ROW) {
			/* Ids inside cells: the row's page. */
			size_t ci, ck;
			for (ci = 0; ci < it->row->ncells; ci++) {
				struct ts_vlist *cv = &it->row->cells[ci].vl;
				for (ck = 0; ck < cv->n; ck++) {
					if (cv->v[ck].kind == K_LINE) {
						struct ts_para *cp = cv->v[ck].para;
						size_t ii;
						if (cp->page < 0)
							cp->page = (int)pi;
						for (ii = 0; ii < cp->nids; ii++) {
							if (g_hash_table_lookup(c->ids,
							    cp->ids[ii].id) != NULL)
								continue;
							ip = xmalloc(sizeof(*ip));
							ip->first = ip->last = (int)pi;
							g_hash_table_insert(c->ids,
							    xstrdup(cp->ids[ii].id), ip);
						}
					}
					if ((cv->v[ck].kind != K_ID &&
					    cv->v[ck].kind != K_IDEND) ||
					    g_hash_table_lookup(c->ids,
					    cv->v[ck].str) != NULL)
						continue;
					ip = xmalloc(sizeof(*ip));
					ip->first = ip->last = (int)pi;
					g_hash_table_insert(c->ids,
					    xstrdup(cv->v[ck].str), ip);
				}
			}
		}
	}
}

/* Appends a page to the document; returns its index, or -1 past the limit. */
static int
typeset_page_new(struct ts_ctx *c, struct ts_seq *sq, int number)
{
	struct ts_page	*pg;

	if (c->npages >= TS_MAXPAGES)
		return -1;
	if (c->npages == c->cpages) {
		c->cpages = c->cpages ? c->cpages * 2 : 64;
		c->pages = xreallocarray(c->pages, c->cpages, sizeof(*c->pages));
	}
	pg = &c->pages[c->npages];
	memset(pg, 0, sizeof(*pg));
	pg->seq = sq;
	pg->number = number;
	pg->m = typeset_master_pick(c, sq->sm, c->npages - sq->page_from, number);
	return (int)c->npages++;
}

/*
 * Least height of either part of a row split at the foot of a page, pt
 * (three lines of 10 pt text): shorter rows stay whole.
 */
#define TS_ROW_MIN_PART	48.0

/*
 * Breaks a sequence's list into pages, greedily: a page ends at the last
 * place a break is allowed before the box that does not fit; when there
 * is none (keeps longer than a page), before that box.  *number is the
 * next page number.  Returns 0, or -1 past the page limit.
 */
static int
typeset_paginate(struct ts_ctx *c, struct ts_seq *sq, int *number)
{
	struct ts_vlist	*vl = &sq->vl;
	struct ts_page	*pg;
	struct ts_item	*it;
	size_t		 s = 0, j, end, next, best;
	double		 y, avail;
	int		 started, pi, parity = 0;

	sq->page_from = c->npages;
	do {
		if ((pi = typeset_page_new(c, sq, (*number)++)) < 0) {
			diag_msg(c->d, NULL, MSG_FO_TOO_MANY_PAGES, TS_MAXPAGES);
			return -1;
		}
		pg = &c->pages[pi];
		avail = pg->m->body.h;
		if (fabs(pg->m->body.w - sq->width) > TS_EPS)
			typeset_warn_once(c, sq->node, pg->m->name,
			    MSG_FO_MASTER_WIDTH, pg->m->name);
		y = 0;
		started = 0;
		best = 0;
		end = next = vl->n;
		for (j = s; j < vl->n; j++) {
			it = &vl->v[j];
			if (it->kind == K_BREAK) {
				if (started) {
					end = j;
					next = j + 1;
					parity = it->line;
					break;
				}
				continue;
			}
			if (it->kind == K_SPACE) {
				if (started)
					y += it->h;
				continue;
			}
			if (!typeset_is_box(it))
				continue;
			if (!started && it->kind == K_ROW && !it->row->header &&
			    it->row->table->nhead > 0 && !it->row->table->omit) {
				pg->rephead = it->row->table;
				y += it->row->table->head_h;
			}
			if (started && !it->keep_prev)
				best = typeset_break_index(vl, j);
			/*
			 * A breakable row (keep-together auto) that does not
			 * fit continues on the next page, when a good part of
			 * it fits here.
			 */
			if (started && y + it->h > avail + TS_EPS &&
			    it->kind == K_ROW && it->row->breakable &&
			    avail - y >= TS_ROW_MIN_PART &&
			    it->h - (avail - y) >= TS_ROW_MIN_PART &&
			    typeset_row_split(c, vl, j, avail - y) == 0) {
				end = next = j + 1;
				break;
			}
			if (started && y + it->h > avail + TS_EPS) {
				if (best > s)
					end = next = best;
				else {
					end = next = typeset_break_index(vl, j);
					if (end <= s)
						end = next = j;
				}
				break;
			}
			if (!started && y + it->h > avail + TS_EPS &&
			    it->kind == K_ROW &&
			    typeset_row_split(c, vl, j, avail - y) == 0)
				it = &vl->v[j];
			if (!started && y + it->h > avail + TS_EPS)
				typeset_warn_once(c,
				    it->kind == K_LINE ?
				    it->para->block : NULL,
				    "overflow", MSG_FO_OVERFLOW,
				    it->kind == K_ROW ? "table row" : "block");
			y += it->h;
			started = 1;
		}
		pg->from = s;
		pg->to = end;
		typeset_page_record(c, vl, (size_t)pi);
		s = next;
		/* odd-page, even-page: a blank page when the next has the wrong number. */
		if (parity != 0 && s < vl->n && (*number % 2 == 1) != (parity == 1)) {
			if ((pi = typeset_page_new(c, sq, (*number)++)) < 0)
				return -1;
			c->pages[pi].from = c->pages[pi].to = s;
		}
		parity = 0;
	} while (s < vl->n);
	sq->page_to = c->npages;
	if (sq->id != NULL) {
		struct ts_idpos *ip = g_hash_table_lookup(c->ids, sq->id);
		if (ip == NULL) {
			ip = xmalloc(sizeof(*ip));
			g_hash_table_insert(c->ids, xstrdup(sq->id), ip);
		}
		ip->first = (int)sq->page_from;
		ip->last = (int)sq->page_to - 1;
	}
	return 0;
}

/* Breaks all sequences into pages and records the page of every id. */
int
typeset_paginate_all(struct ts_ctx *c)
{
	size_t	 i;
	int	 number = 1;

	c->npages = 0;
	g_hash_table_remove_all(c->ids);
	for (i = 0; i < c->nseqs; i++) {
		if (c->seqs[i].init_number >= 0)
			number = c->seqs[i].init_number;
		if (typeset_paginate(c, &c->seqs[i], &number) < 0)
			return -1;
	}
	return 0;
}
