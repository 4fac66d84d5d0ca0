/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Block-level FO into vertical lists: blocks and lists, the runs of inline
 * content between them as paragraphs (compose.c), and what blocks add around
 * them: breaks, spaces, keeps, ids, markers, structure groups, borders.
 */
#include <stdlib.h>
#include <string.h>

#include "typeset_int.h"
#include "../typeimage.h"
#include "block.h"
#include "compose.h"
#include "page.h"
#include "props.h"
#include "read.h"
#include "table.h"
#include "vlist.h"

/* Returns whether an FO element is block-level (ends a paragraph). */
static int
typeset_is_blocklevel(xmlNodePtr n)
{
	static const char *const names[] = { "block", "block-container",
	    "list-block", "list-item", "table", "table-and-caption",
	    "table-caption", "float", "external-graphic-block",
	    "external-graphic" };	/* set on lines of its own */
	size_t	 i;

	if (!typeset_is_fo(n))
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp((const char *)n->name, names[i]) == 0)
			return 1;
	return 0;
}

/* State a block-level element keeps between its prologue and epilogue. */
struct ts_blk {
	struct ts_attrs	 a;
	struct ts_style	 st;		/* its computed style */
	struct ts_deco	*deco;		/* in the pool, or NULL */
	size_t		 dbegin;	/* index of its K_DBEGIN */
	const char	*group;		/* the structure group opened, or NULL */
	int		 kt;		/* keep-together */
	double		 space_after;
};

/*
 * Opens a block-level element: page break, space before, id, markers,
 * structure group, keeps, borders and padding; computes its indents.
 * role is the structure group to open when the element names none.
 */
static void
typeset_blk_open(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr n,
    const struct ts_style *pst, double refw, const char *role,
    struct ts_blk *bk)
{
	struct ts_deco	 dc;
	struct ts_item	*it;
	const char	*s, *r;
	double		 v, m[4] = { 0, 0, 0, 0 };
	xmlNodePtr	 ch;
	int		 has_deco;

	memset(bk, 0, sizeof(*bk));
	typeset_attrs(c, n, &bk->a);
	bk->st = *pst;
	typeset_style(c, n, &bk->a, &bk->st, refw);

	if ((s = bk->a.v[A_BREAK_BEFORE]) != NULL && (strcmp(s, "page") == 0 ||
	    strcmp(s, "odd-page") == 0 || strcmp(s, "even-page") == 0))
		typeset_vl_add(vl, K_BREAK, 0)->line = s[0] == 'o' ? 1 :
		    s[0] == 'e' ? 2 : 0;
	if (bk->a.v[A_MARGIN] != NULL)
		typeset_len4(c, n, bk->a.v[A_MARGIN], bk->st.size, refw, m);
	typeset_len_opt(c, n, bk->a.v[A_MARGIN_TOP], bk->st.size, refw, &m[S_TOP]);
	typeset_len_opt(c, n, bk->a.v[A_MARGIN_BOTTOM], bk->st.size, refw,
	    &m[S_BOTTOM]);
	typeset_len_opt(c, n, bk->a.v[A_MARGIN_LEFT], bk->st.size, refw,
	    &m[S_LEFT]);
	typeset_len_opt(c, n, bk->a.v[A_MARGIN_RIGHT], bk->st.size, refw,
	    &m[S_RIGHT]);
	v = m[S_TOP];
	typeset_len_opt(c, n, bk->a.v[A_SPACE_BEFORE], bk->st.size, refw, &v);
	typeset_vl_space(vl, v);
	bk->space_after = m[S_BOTTOM];
	typeset_len_opt(c, n, bk->a.v[A_SPACE_AFTER], bk->st.size, refw,
	    &bk->space_after);

	if ((s = bk->a.v[A_ID]) != NULL)
		typeset_vl_add(vl, K_ID, 0)->str = s;
	for (ch = n->children; ch != NULL; ch = ch->next)
		if (typeset_is(ch, "marker")) {
			struct ts_attrs ma;
			typeset_attrs(c, ch, &ma);
			if (ma.v[A_MARKER_CLASS] != NULL) {
				it = typeset_vl_add(vl, K_MARK, 0);
				it->str = ma.v[A_MARKER_CLASS];
				it->node = ch;
			}
		}

	r = bk->a.v[A_KFO_ROLE] ? bk->a.v[A_KFO_ROLE] : bk->a.v[A_ROLE];
	if (r != NULL && typeset_role_is_para(r))
		bk->st.role = r;
	else if (r != NULL || role != NULL) {
		bk->group = r ? r : role;
		typeset_vl_add(vl, K_GBEGIN, 0)->str = bk->group;
	}
	if (typeset_keep(bk->a.v[A_KEEP_WITH_PREVIOUS]))
		vl->pending_keep = 1;
	if ((bk->kt = typeset_keep(bk->a.v[A_KEEP_TOGETHER])) != 0) {
		if (vl->kt_depth++ == 0)
			vl->kt_seen = 0;
	}

	has_deco = typeset_deco(c, n, &bk->a, &bk->st, refw, &dc);
	/* Indents: start-indent as given, else the parent's plus margin, border, padding. */
	if ((s = bk->a.v[A_START_INDENT]) != NULL && strchr(s, '(') == NULL)
		typeset_len(c, n, s, bk->st.size, refw, &bk->st.start);
	else
		bk->st.start = pst->start + m[S_LEFT] + dc.bw[S_LEFT] +
		    dc.pad[S_LEFT];
	if ((s = bk->a.v[A_END_INDENT]) != NULL && strchr(s, '(') == NULL)
		typeset_len(c, n, s, bk->st.size, refw, &bk->st.end);
	else
		bk->st.end = pst->end + m[S_RIGHT] + dc.bw[S_RIGHT] +
		    dc.pad[S_RIGHT];
	if (has_deco) {
		bk->deco = xmalloc(sizeof(*bk->deco));
		*bk->deco = dc;
		bk->deco->x = bk->st.start - dc.pad[S_LEFT] - dc.bw[S_LEFT];
		bk->deco->w = refw - bk->deco->x - (bk->st.end -
		    dc.pad[S_RIGHT] - dc.bw[S_RIGHT]);
		typeset_push((void ***)&c->pool->decos, &c->pool->ndecos,
		    &c->pool->cdecos, bk->deco);
		bk->dbegin = vl->n;
		it = typeset_vl_box(vl, K_DBEGIN, dc.bw[S_TOP] + dc.pad[S_TOP], 0);
		it->deco = bk->deco;
		vl->pending_keep = 1;
	}
}

/* Closes what typeset_blk_open opened, in reverse order. */
static void
typeset_blk_close(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr n,
    struct ts_blk *bk)
{
	struct ts_item	*it;
	const char	*s;
	int		 kwn;

	/* A heading keeps with what follows even when the FO forgets to say so. */
	kwn = typeset_keep(bk->a.v[A_KEEP_WITH_NEXT]) ||
	    typeset_role_is_heading(bk->a.v[A_KFO_ROLE] ? bk->a.v[A_KFO_ROLE] :
	    bk->a.v[A_ROLE]);
	if (bk->deco != NULL) {
		it = typeset_vl_box(vl, K_DEND,
		    bk->deco->pad[S_BOTTOM] + bk->deco->bw[S_BOTTOM], 1);
		it->deco = bk->deco;
		it->match = bk->dbegin;
		vl->v[bk->dbegin].match = vl->n - 1;
	}
	if (bk->kt && --vl->kt_depth == 0)
		vl->kt_seen = 0;
	if (bk->group != NULL)
		typeset_vl_add(vl, K_GEND, 0)->str = bk->group;
	if ((s = bk->a.v[A_ID]) != NULL)
		typeset_vl_add(vl, K_IDEND, 0)->str = s;
	if (kwn)
		vl->pending_keep = 1;
	typeset_vl_space(vl, bk->space_after);
	if ((s = bk->a.v[A_BREAK_AFTER]) != NULL && (strcmp(s, "page") == 0 ||
	    strcmp(s, "odd-page") == 0 || strcmp(s, "even-page") == 0))
		typeset_vl_add(vl, K_BREAK, 0)->line = s[0] == 'o' ? 1 :
		    s[0] == 'e' ? 2 : 0;
}

/* Builds a list-block: each body beside its label. */
static void
typeset_list(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr ln,
    const struct ts_style *st, double refw, struct ts_attrs *a, int depth)
{
	struct ts_blk	 ib;
	struct ts_style	 lst, bst;
	struct ts_vlist	 lv;
	xmlNodePtr	 item, part;
	double		 pdbs = 24, pls = 6;
	size_t		 before, k;
	struct ts_para	*label;

	typeset_len_opt(c, ln, a->v[A_PDBS], st->size, refw, &pdbs);
	typeset_len_opt(c, ln, a->v[A_PLS], st->size, refw, &pls);
	for (item = ln->children; item != NULL; item = item->next) {
		if (item->type != XML_ELEMENT_NODE)
			continue;
		if (!typeset_is(item, "list-item")) {
			typeset_warn_once(c, item, (const char *)item->name,
			    MSG_FO_UNSUPPORTED_ELEMENT,
			    (const char *)item->name);
			continue;
		}
		typeset_blk_open(c, vl, item, st, refw, "LI", &ib);
		label = NULL;
		before = vl->n;
		for (part = item->children; part != NULL; part = part->next) {
			if (typeset_is(part, "list-item-label")) {
				memset(&lv, 0, sizeof(lv));
				lst = ib.st;
				lst.role = "Lbl";
				lst.end = refw - (ib.st.start + pdbs - pls);
				typeset_build_blocks(c, &lv, part, &lst, refw,
				    depth + 1);
				for (k = 0; k < lv.n; k++)
					if (lv.v[k].kind == K_LINE) {
						label = lv.v[k].para;
						break;
					}
				free(lv.v);
			} else if (typeset_is(part, "list-item-body")) {
				bst = ib.st;
				bst.start = ib.st.start + pdbs;
				typeset_build_blocks(c, vl, part, &bst, refw,
				    depth + 1);
			} else if (part->type == XML_ELEMENT_NODE &&
			    !typeset_is(part, "marker"))
				typeset_warn_once(c, part,
				    (const char *)part->name,
				    MSG_FO_UNSUPPORTED_ELEMENT_LIST,
				    (const char *)part->name);
		}
		if (label != NULL) {
			for (k = before; k < vl->n; k++)
				if (vl->v[k].kind == K_LINE) {
					vl->v[k].label = label;
					break;
				}
			if (k == vl->n) {	/* an empty body: the label alone */
				struct ts_item *it = typeset_vl_box(vl, K_LINE,
				    label->h[0], 0);
				it->para = label;
			}
		}
		typeset_blk_close(c, vl, item, &ib);
	}
}

/*
 * Builds the children of parent into vl: runs of inline content become
 * paragraphs, block-level children recurse (to TS_MAXDEPTH).  Returns 0.
 */
int
typeset_build_blocks(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr parent,
    const struct ts_style *st, double refw, int depth)
{
	xmlNodePtr	 n, first = NULL, last = NULL;
	struct ts_blk	 bk;
	const char	*name;

	if (depth > TS_MAXDEPTH) {
		typeset_warn_once(c, parent, "depth", MSG_FO_DEPTH,
		    (const char *)parent->name);
		return 0;
	}
	for (n = parent->children; ; n = n->next) {
		if (n != NULL && !typeset_is_blocklevel(n) &&
		    !typeset_is(n, "marker") && !(typeset_is(n, "retrieve-marker") &&
		    typeset_is(parent, "static-content")) &&
		    (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
		    n->type == XML_ELEMENT_NODE)) {
			if (first == NULL)
				first = n;
			last = n;
			continue;
		}
		if (first != NULL) {
			typeset_para_add(c, vl, parent, first, last, st, refw);
			first = last = NULL;
		}
		if (n == NULL)
			break;
		if (typeset_is(n, "retrieve-marker")) {
			/* In static content: the marker's blocks or text. */
			struct ts_attrs a;
			xmlNodePtr mk;
			typeset_attrs(c, n, &a);
			mk = typeset_marker(c, a.v[A_RETRIEVE_CLASS],
			    a.v[A_RETRIEVE_POSITION]);
			if (mk != NULL)
				typeset_build_blocks(c, vl, mk, st, refw, depth + 1);
			continue;
		}
		if (!typeset_is_blocklevel(n))
			continue;
		name = (const char *)n->name;
		if (strcmp(name, "table") == 0) {
			typeset_blk_open(c, vl, n, st, refw, "Table", &bk);
			typeset_table(c, vl, n, &bk.st, refw, &bk.a, depth);
		} else if (strcmp(name, "list-block") == 0) {
			typeset_blk_open(c, vl, n, st, refw, "L", &bk);
			typeset_list(c, vl, n, &bk.st, refw, &bk.a, depth);
		} else if (strcmp(name, "block") == 0 ||
		    strcmp(name, "block-container") == 0 ||
		    strcmp(name, "table-and-caption") == 0 ||
		    strcmp(name, "table-caption") == 0) {
			typeset_blk_open(c, vl, n, st, refw, NULL, &bk);
			typeset_build_blocks(c, vl, n, &bk.st, refw, depth + 1);
		} else if (strcmp(name, "external-graphic") == 0) {
			double h;
			int k;
			typeset_blk_open(c, vl, n, st, refw, "Figure", &bk);
			if ((k = typeimage_add(c->img, n, bk.st.start,
			    refw - bk.st.start - bk.st.end, &h)) >= 0)
				typeset_vl_box(vl, K_IMAGE, h, 0)->line = k;
		} else {
			typeset_warn_once(c, n, name,
			    MSG_FO_UNSUPPORTED_ELEMENT_UNSUPPORTED, name);
			continue;
		}
		typeset_blk_close(c, vl, n, &bk);
	}
	return 0;
}

/* Builds the vertical list of every sequence's flow into the body pool. */
void
typeset_build_all(struct ts_ctx *c)
{
	struct ts_seq	*sq;
	struct ts_attrs	 a;
	struct ts_style	 fst;
	xmlNodePtr	 ch;
	size_t		 i;
	double		 w;

	typeset_pool_clear(&c->body);
	c->pool = &c->body;
	for (i = 0; i < c->nseqs; i++) {
		sq = &c->seqs[i];
		sq->vl.n = 0;
		sq->vl.pending_keep = sq->vl.kt_depth = sq->vl.kt_seen = 0;
		/* The body width of the sequence's first master. */
		w = sq->width = typeset_master_pick(c, sq->sm, 0, 1)->body.w;
		typeimage_page(c->img, typeset_master_pick(c, sq->sm, 0, 1)->body.h);
		for (ch = sq->node->children; ch != NULL; ch = ch->next) {
			if (!typeset_is(ch, "flow"))
				continue;
			fst = sq->st;
			typeset_attrs(c, ch, &a);
			typeset_style(c, ch, &a, &fst, w);
			typeset_build_blocks(c, &sq->vl, ch, &fst, w, 1);
		}
	}
}
