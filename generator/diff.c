/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The compare stage: aligns two revisions of a manual section by section
 * and marks what changed, character by character, as a 新旧対照表 document
 * (docs/shinkyu.rng, docs/diff.md).
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <git2.h>
#include <libxml/tree.h>

#include "assemble.h"
#include "config.h"
#include "diag.h"
#include "diff.h"
#include "mdtext.h"
#include "history.h"
#include "jdate.h"
#include "model.h"
#include "parse.h"
#include "signoff.h"
#include "sources.h"
#include "unorm.h"
#include "xalloc.h"

/*
 * Texts longer than this many code points are compared as a whole (one
 * edit): xdiff's cost grows with length times edits, and no paragraph of a
 * policy comes near it.
 */
#define DIFF_MAX_CHARS		20000
/* Up to this many code points a side, the diff is minimal (GIT_DIFF_MINIMAL). */
#define DIFF_MINIMAL_CHARS	4000
/* Cells of the table that pairs a hunk's paragraphs; larger hunks pair none. */
#define DIFF_MAX_PAIRING	40000
/* Section pairs compared in the search for moved sections; past it, none. */
#define DIFF_MAX_CANDIDATES	1000000
/* Rounds of section matching; each round can only add matches. */
#define DIFF_MATCH_ROUNDS	8
/* Equalities this short between two edits join them (the cleanup pass). */
#define DIFF_TINY_EQUAL		2

/* Similarities (Dice coefficient of character bigrams, 0 to 1). */
#define DIFF_SIM_BLOCK		0.4	/* two paragraphs are one edited paragraph */
#define DIFF_SIM_PLACE		0.5	/* a retitled section under the same parent */
#define DIFF_SIM_SAME		0.3	/* ... or one with the same heading, rewritten */
#define DIFF_SIM_MOVED		0.5	/* the same heading elsewhere */
#define DIFF_SIM_RETITLED	0.8	/* another heading elsewhere, nearly the same body */
#define DIFF_MIN_RETITLED	20	/* ... with at least this many bigrams */
#define DIFF_SIM_DOC		0.5	/* a document renamed without a rename in git */

/* ================================================================
 * Text: code points, bigrams, similarity
 * ================================================================ */

/* Character bigrams of a text, sorted (a multiset). */
struct diff_grams {
	uint64_t	*v;
	size_t		 n;
};

/*
 * The code point at s (its bytes in *len): unorm's decoder, with a byte that
 * starts no valid sequence taken as a character of its own.
 */
static uint32_t
diff_cp(const char *s, size_t avail, size_t *len)
{
	uint32_t	 c;

	if ((*len = unorm_utf8(s, avail, &c)) == 0) {
		*len = 1;
		c = (unsigned char)s[0];
	}
	return c;
}

/*
 * Byte offsets of every code point of s (len bytes) into a new array of
 * count + 1 entries (the last is len); returns count.
 */
static size_t
diff_split(size_t **out, const char *s, size_t len)
{
	size_t	*o = xreallocarray(NULL, len + 1, sizeof(*o));
	size_t	 n = 0, i = 0, k;

	while (i < len) {
		o[n++] = i;
		(void)diff_cp(s + i, len - i, &k);
		i += k;
	}
	o[n] = len;
	*out = o;
	return n;
}

/* qsort comparison of bigrams. */
static int
diff_gram_cmp(const void *a, const void *b)
{
	uint64_t	 x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Fills g with the bigrams of s, white space left out. */
static void
diff_grams(struct diff_grams *g, const char *s)
{
	size_t		 len = strlen(s), i, n;
	uint32_t	 c, prev = 0;
	int		 have = 0;

	g->v = NULL;
	g->n = 0;
	for (i = 0; i < len; i += n) {
		c = diff_cp(s + i, len - i, &n);
		if (c == ' ' || c == '\n' || c == '\t' || c == 0x3000)
			continue;
		if (have) {
			g->v = xgrowarray(g->v, g->n, 1, sizeof(*g->v));
			g->v[g->n++] = ((uint64_t)prev << 32) | c;
		}
		prev = c;
		have = 1;
	}
	if (g->n == 0 && have) {
		/* One character: its own unigram stands in. */
		g->v = xmalloc(sizeof(*g->v));
		g->v[g->n++] = prev;
	}
	if (g->n > 1)
		qsort(g->v, g->n, sizeof(*g->v), diff_gram_cmp);
}

/* A 64-bit FNV-1a hash of a string, to compare headings as numbers. */
static uint64_t
diff_hash(const char *s)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/*
 * The Dice coefficient of two bigram multisets: 1 for the same text, 0 for
 * nothing in common, -1 when both are empty (nothing to judge by).
 */
static double
diff_dice(const struct diff_grams *a, const struct diff_grams *b)
{
	size_t	 i = 0, j = 0, common = 0;

	if (a->n + b->n == 0)
		return -1;
	while (i < a->n && j < b->n) {
		if (a->v[i] == b->v[j]) {
			common++;
			i++;
			j++;
		} else if (a->v[i] < b->v[j])
			i++;
		else
			j++;
	}
	return 2.0 * common / (a->n + b->n);
}

/* ================================================================
 * Sections as blocks of plain text
 * ================================================================ */

enum diff_kind {
	DIFF_PARA,		/* a paragraph (or a heading inside a list or quote) */
	DIFF_ITEM,		/* a list item's first paragraph, with its marker */
	DIFF_CODE,		/* a code block, line breaks kept */
	DIFF_TABLE		/* a GFM table */
};

/* One row of a table. */
struct diff_trow {
	char		**cells;	/* plain text of each cell */
	size_t		  ncells;
	int		  header;	/* the header row */
	char		 *key;		/* the cells joined: equal keys, equal rows */
	struct diff_grams grams;
};

/* One block of a section's body. */
struct diff_block {
	enum diff_kind		 kind;
	int			 depth;		/* list and quote nesting, 0 at the top */
	char			*marker;	/* DIFF_ITEM: "(1)", "ア", "1." or "・"; else NULL */
	char			*text;		/* plain text; "" for a table */
	struct diff_trow	*rows;		/* DIFF_TABLE */
	size_t			 nrows;
	char			*key;		/* everything compared: equal keys, equal blocks */
	struct diff_grams	 grams;		/* of the text (a table: of its rows) */
};

/* One section of one side, in manual order. */
struct diff_sec {
	const struct model_doc		*md;
	const struct model_section	*ms;
	size_t				 doc;		/* index into the manual's documents */
	size_t				 parent;	/* flat index, or MODEL_NONE */
	size_t				 end;		/* flat index past the last descendant */
	struct diff_block		*blocks;	/* body, heading excluded */
	size_t				 nblocks;
	struct diff_grams		 head;		/* of the heading */
	struct diff_grams		 body;		/* of the body */
	char				*bodykey;	/* the blocks' keys joined: equal keys, equal bodies */
	struct diff_grams		 kids;		/* hashes of the children's headings, sorted */
	char				*location;	/* document title and ancestors' headings */
	size_t				 match;		/* flat index on the other side, or MODEL_NONE */
	int				 moved;		/* out of order, or under another parent */
	int				 note;		/* moved on its own, not with its parent */
	int				 shown;		/* has a row: a heading or a body */
};

/* One side's manual, flattened. */
struct diff_man {
	const struct diff_side		*side;
	const struct model_manual	*mm;		/* NULL when the manual is absent */
	struct diff_sec			*secs;
	size_t				 nsecs;
	size_t				*docsec;	/* flat index of each document's section 0 */
	size_t				 ndocs;
};

/*
 * The plain text of an inline subtree (mdtext.c's rule for soft breaks),
 * hard breaks as "\n", raw HTML left out and control characters made
 * spaces.  Returns a new string.
 */
static char *
diff_inline_text(cmark_node *n)
{
	struct buf	 b = { NULL, 0, 0 }, o = { NULL, 0, 0 };
	size_t		 i;

	mdtext_append(&b, n);
	for (i = 0; i < b.len; i++) {
		unsigned char ch = (unsigned char)b.data[i];

		buf_putc(&o, ch < 0x20 && ch != '\n' ? ' ' : (char)ch);
	}
	buf_free(&b);
	if (o.data == NULL)
		return xstrdup("");
	/* Surrounding white space is never the policy's wording. */
	while (o.len > 0 && (o.data[o.len - 1] == ' ' || o.data[o.len - 1] == '\n'))
		o.data[--o.len] = '\0';
	for (i = 0; i < o.len && (o.data[i] == ' ' || o.data[i] == '\n'); i++)
		;
	memmove(o.data, o.data + i, o.len - i + 1);
	return buf_steal(&o);
}

/* Appends a new, zeroed block to s and returns it. */
static struct diff_block *
diff_add_block(struct diff_sec *s, enum diff_kind kind, int depth)
{
	struct diff_block	*bl;

	s->blocks = xgrowarray(s->blocks, s->nblocks, 1, sizeof(*s->blocks));
	bl = &s->blocks[s->nblocks++];
	memset(bl, 0, sizeof(*bl));
	bl->kind = kind;
	bl->depth = depth;
	return bl;
}

/* Sets a block's key and bigrams once its text and rows are in. */
static void
diff_finish_block(struct diff_block *bl)
{
	struct buf	 k = { NULL, 0, 0 }, g = { NULL, 0, 0 };
	size_t		 i;

	buf_printf(&k, "%d:%d:%s\037", (int)bl->kind, bl->depth,
	    bl->marker != NULL ? bl->marker : "");
	buf_puts(&k, bl->text);
	buf_puts(&g, bl->text);
	for (i = 0; i < bl->nrows; i++) {
		buf_putc(&k, '\036');
		buf_puts(&k, bl->rows[i].key);
		buf_putc(&g, '\n');
		buf_puts(&g, bl->rows[i].key);
	}
	bl->key = buf_steal(&k);
	diff_grams(&bl->grams, g.data != NULL ? g.data : "");
	buf_free(&g);
}

/* Reads a GFM table into a block. */
static void
diff_table_block(struct diff_block *bl, cmark_node *table)
{
	cmark_node		*r, *c;
	struct diff_trow	*tr;
	struct buf		 k;
	const char		*type;

	bl->text = xstrdup("");
	for (r = cmark_node_first_child(table); r != NULL; r = cmark_node_next(r)) {
		bl->rows = xgrowarray(bl->rows, bl->nrows, 1, sizeof(*bl->rows));
		tr = &bl->rows[bl->nrows++];
		memset(tr, 0, sizeof(*tr));
		type = cmark_node_get_type_string(r);
		tr->header = !strcmp(type, "table_header") ||
		    cmark_gfm_extensions_get_table_row_is_header(r);
		memset(&k, 0, sizeof(k));
		for (c = cmark_node_first_child(r); c != NULL; c = cmark_node_next(c)) {
			tr->cells = xgrowarray(tr->cells, tr->ncells, 1,
			    sizeof(*tr->cells));
			tr->cells[tr->ncells] = diff_inline_text(c);
			if (tr->ncells > 0)
				buf_putc(&k, '\037');
			buf_puts(&k, tr->cells[tr->ncells]);
			tr->ncells++;
		}
		tr->key = k.data != NULL ? buf_steal(&k) : xstrdup("");
		diff_grams(&tr->grams, tr->key);
	}
}

/* The second level of a Japanese rule's items: ア イ ウ … (44 of them). */
static const char *const diff_iroha[] = {
	"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
	"ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
	"ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
	"ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ"
};

/*
 * The marker of a list item as the manual prints it (templates/fo-common.xsl,
 * fo-item-number): "(3)" for the third item of an ordered list, "ウ" inside
 * another ordered list, "3." deeper still, "・" for a bullet.  Returns a new
 * string.
 */
static char *
diff_item_marker(cmark_node *item)
{
	cmark_node	*list = cmark_node_parent(item), *c;
	char		*m;
	int		 n, outer = 0;

	if (!strcmp(cmark_node_get_type_string(item), "tasklist"))
		return xstrdup(cmark_gfm_extensions_get_tasklist_item_checked(item) ?
		    "[x]" : "[ ]");
	if (list == NULL || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST)
		return xstrdup("・");
	n = cmark_node_get_list_start(list);
	for (c = cmark_node_previous(item); c != NULL; c = cmark_node_previous(c))
		n++;
	for (c = cmark_node_parent(list); c != NULL; c = cmark_node_parent(c))
		if (cmark_node_get_type(c) == CMARK_NODE_LIST &&
		    cmark_node_get_list_type(c) == CMARK_ORDERED_LIST)
			outer++;
	if (outer == 0)
		xasprintf(&m, "(%d)", n);
	else if (outer == 1 && n >= 1 &&
	    (size_t)n <= sizeof(diff_iroha) / sizeof(diff_iroha[0]))
		m = xstrdup(diff_iroha[n - 1]);
	else
		xasprintf(&m, "%d.", n);
	return m;
}

/*
 * Cuts the top-level block n of a document into the section's blocks,
 * without recursion: paragraphs (the first of a list item takes its
 * marker), code blocks and tables; raw HTML (kitei's directives) and
 * thematic breaks are not wording and are left out.
 */
static void
diff_blocks_of(struct diff_sec *s, cmark_node *n)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*c;
	struct diff_block	*bl;
	const char		*lit, *type;
	char			*pending = NULL;	/* marker of an item not yet given */
	int			 depth = 0;

	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		type = cmark_node_get_type_string(c);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_LIST:
		case CMARK_NODE_BLOCK_QUOTE:
			depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		case CMARK_NODE_ITEM:
			if (ev != CMARK_EVENT_ENTER || pending != NULL) {
				/* An item with no paragraph of its own. */
				if (pending != NULL) {
					bl = diff_add_block(s, DIFF_ITEM, depth);
					bl->marker = pending;
					bl->text = xstrdup("");
					diff_finish_block(bl);
					pending = NULL;
				}
				if (ev != CMARK_EVENT_ENTER)
					continue;
			}
			pending = diff_item_marker(c);
			continue;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev != CMARK_EVENT_ENTER)
				continue;
			bl = diff_add_block(s, pending != NULL ? DIFF_ITEM : DIFF_PARA,
			    depth);
			bl->marker = pending;
			pending = NULL;
			bl->text = diff_inline_text(c);
			diff_finish_block(bl);
			cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
			continue;
		case CMARK_NODE_CODE_BLOCK:
			lit = cmark_node_get_literal(c);
			bl = diff_add_block(s, DIFF_CODE, depth);
			bl->text = xstrdup(lit != NULL ? lit : "");
			if ((lit = strrchr(bl->text, '\n')) != NULL && lit[1] == '\0')
				bl->text[lit - bl->text] = '\0';
			diff_finish_block(bl);
			continue;
		default:
			break;
		}
		if (ev == CMARK_EVENT_ENTER && !strcmp(type, "table")) {
			bl = diff_add_block(s, DIFF_TABLE, depth);
			diff_table_block(bl, c);
			diff_finish_block(bl);
			cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
		}
	}
	cmark_iter_free(it);
	free(pending);
}

/* Where a section stands: 「文書名＞第2章 体制」.  Returns a new string. */
static char *
diff_location(const struct diff_sec *secs, size_t i)
{
	const struct diff_sec	*s = &secs[i];
	struct buf		 b = { NULL, 0, 0 };
	size_t			 chain[8], n = 0, p, k;

	for (p = s->parent; p != MODEL_NONE && secs[p].ms->level > 0;
	    p = secs[p].parent)
		if (n < sizeof(chain) / sizeof(chain[0]))
			chain[n++] = p;
	/* The document's title, unless its first heading says the same. */
	if (n > 0 ? strcmp(secs[chain[n - 1]].ms->heading, s->md->title) != 0 :
	    s->ms->level == 0 || strcmp(s->ms->heading, s->md->title) != 0)
		buf_puts(&b, s->md->title);
	for (k = n; k-- > 0; ) {
		if (b.len > 0)
			buf_puts(&b, "＞");
		buf_puts(&b, secs[chain[k]].ms->heading);
	}
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

/* Loads manual mi of side (none when mi is MODEL_NONE) into man. */
static void
diff_man_load(struct diff_man *man, const struct diff_side *side, size_t mi)
{
	const struct model_doc	*md;
	struct diff_sec		*s;
	struct buf		 body;
	cmark_node		*n;
	size_t			 k, i, base, cur, b;

	memset(man, 0, sizeof(*man));
	man->side = side;
	if (mi == MODEL_NONE)
		return;
	man->mm = &side->model->manuals[mi];
	man->ndocs = man->mm->ndocs;
	man->docsec = xcalloc(man->ndocs + 1, sizeof(*man->docsec));
	for (k = 0; k < man->mm->ndocs; k++) {
		md = &side->model->docs[man->mm->docs[k]];
		base = man->nsecs;
		man->docsec[k] = base;
		man->secs = xreallocarray(man->secs, man->nsecs + md->nsections,
		    sizeof(*man->secs));
		for (i = 0; i < md->nsections; i++) {
			s = &man->secs[base + i];
			memset(s, 0, sizeof(*s));
			s->md = md;
			s->ms = &md->sections[i];
			s->doc = k;
			s->parent = s->ms->parent == MODEL_NONE ? MODEL_NONE :
			    base + s->ms->parent;
			s->end = base + s->ms->end;
			s->match = MODEL_NONE;
		}
		man->nsecs += md->nsections;
		/* Give each top-level block to the section it stands in. */
		cur = 0;
		for (n = md->parsed->root != NULL ?
		    cmark_node_first_child(md->parsed->root) : NULL; n != NULL;
		    n = cmark_node_next(n)) {
			if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
				for (i = cur + 1; i < md->nsections &&
				    md->sections[i].node != n; i++)
					;
				if (i < md->nsections)
					cur = i;
				continue;
			}
			/* Confidential text too: diff_withhold replaces it once matched. */
			diff_blocks_of(&man->secs[base + cur], n);
		}
	}
	man->docsec[man->ndocs] = man->nsecs;
	for (i = 0; i < man->nsecs; i++) {
		s = &man->secs[i];
		memset(&body, 0, sizeof(body));
		for (b = 0; b < s->nblocks; b++) {
			buf_puts(&body, s->blocks[b].text);
			buf_putc(&body, '\n');
			for (k = 0; k < s->blocks[b].nrows; k++) {
				buf_puts(&body, s->blocks[b].rows[k].key);
				buf_putc(&body, '\n');
			}
		}
		diff_grams(&s->body, body.data != NULL ? body.data : "");
		buf_free(&body);
		for (b = 0; b < s->nblocks; b++) {
			buf_puts(&body, s->blocks[b].key);
			buf_putc(&body, '\036');
		}
		s->bodykey = body.data != NULL ? buf_steal(&body) : xstrdup("");
		diff_grams(&s->head, s->ms->level > 0 ? s->ms->heading : "");
		s->location = diff_location(man->secs, i);
		for (k = i + 1; k < s->end; k = man->secs[k].end) {
			s->kids.v = xgrowarray(s->kids.v, s->kids.n, 1,
			    sizeof(*s->kids.v));
			s->kids.v[s->kids.n++] = diff_hash(man->secs[k].ms->heading);
		}
		if (s->kids.n > 1)
			qsort(s->kids.v, s->kids.n, sizeof(*s->kids.v), diff_gram_cmp);
		s->shown = s->ms->level > 0 || s->nblocks > 0;
	}
}

/* Frees a section's blocks and leaves it with none. */
static void
diff_blocks_free(struct diff_sec *s)
{
	size_t			 b, r, c;
	struct diff_block	*bl;

	for (b = 0; b < s->nblocks; b++) {
		bl = &s->blocks[b];
		for (r = 0; r < bl->nrows; r++) {
			for (c = 0; c < bl->rows[r].ncells; c++)
				free(bl->rows[r].cells[c]);
			free(bl->rows[r].cells);
			free(bl->rows[r].key);
			free(bl->rows[r].grams.v);
		}
		free(bl->rows);
		free(bl->marker);
		free(bl->text);
		free(bl->key);
		free(bl->grams.v);
	}
	free(s->blocks);
	s->blocks = NULL;
	s->nblocks = 0;
}

/*
 * Redaction (a bundle without --include-confidential): a section
 * confidential on either side reads 「（機密情報のため省略）」 on both, so a
 * section made confidential never shows its old text under 現行 and one
 * made public never shows what it said while confidential.  Runs after
 * matching, which compared the full text; headings stay.  Both sides then
 * read the same: changes there stay unseen.
 */
static void
diff_withhold(struct diff_man *o, struct diff_man *n)
{
	struct diff_man		*a, *b;
	struct diff_sec		*s;
	struct diff_block	*bl;
	size_t			 i, k;
	uint64_t		 h;
	char			*key;
	int			 side, *hold[2];

	/* Decide on both sides first: replacing changes nothing decided. */
	for (side = 0; side < 2; side++) {
		a = side ? n : o;
		b = side ? o : n;
		hold[side] = xcalloc(a->nsecs + 1, sizeof(int));
		for (i = 0; i < a->nsecs; i++) {
			s = &a->secs[i];
			hold[side][i] = s->ms->visibility == VIS_CONFIDENTIAL ||
			    (s->match != MODEL_NONE &&
			    b->secs[s->match].ms->visibility == VIS_CONFIDENTIAL);
		}
	}
	for (side = 0; side < 2; side++) {
		a = side ? n : o;
		for (i = 0; i < a->nsecs; i++) {
			s = &a->secs[i];
			if (!hold[side][i])
				continue;
			k = s->nblocks;
			h = diff_hash(s->bodykey);
			diff_blocks_free(s);
			free(s->bodykey);
			if (k == 0) {
				s->bodykey = xstrdup("");
				continue;
			}
			bl = diff_add_block(s, DIFF_PARA, 0);
			bl->text = xstrdup(ASSEMBLE_WITHHELD);
			diff_finish_block(bl);
			/*
			 * The key keeps a hash of the text withheld, never
			 * written out: an amended section still shows as
			 * amended, its heading and 「（機密情報のため省略）」 on
			 * both sides.
			 */
			key = bl->key;
			xasprintf(&bl->key, "%s\037%016llx", key,
			    (unsigned long long)h);
			free(key);
			xasprintf(&s->bodykey, "%s\036", bl->key);
		}
		free(hold[side]);
	}
}

/* Frees what diff_man_load allocated. */
static void
diff_man_free(struct diff_man *man)
{
	size_t			 i;

	for (i = 0; i < man->nsecs; i++) {
		diff_blocks_free(&man->secs[i]);
		free(man->secs[i].head.v);
		free(man->secs[i].body.v);
		free(man->secs[i].location);
		free(man->secs[i].bodykey);
		free(man->secs[i].kids.v);
	}
	free(man->secs);
	free(man->docsec);
}

/* ================================================================
 * Sequence and character differences (libgit2's xdiff)
 * ================================================================ */

/* A hunk: items [a, a + na) of the old sequence became [b, b + nb) of the new. */
struct diff_hunk {
	size_t	 a, na;
	size_t	 b, nb;
};

/* Where git_diff_buffers' hunks are collected. */
struct diff_hunks {
	struct diff_hunk	*v;
	size_t			 n;
};

/* git_diff_hunk_cb: keeps the hunk, as 0-based item ranges. */
static int
diff_hunk_cb(const git_diff_delta *delta, const git_diff_hunk *h, void *arg)
{
	struct diff_hunks	*hs = arg;
	struct diff_hunk	*x;

	hs->v = xgrowarray(hs->v, hs->n, 1, sizeof(*hs->v));
	x = &hs->v[hs->n++];
	/* An empty range starts after the line its header names. */
	x->a = h->old_lines > 0 ? (size_t)h->old_start - 1 : (size_t)h->old_start;
	x->na = (size_t)h->old_lines;
	x->b = h->new_lines > 0 ? (size_t)h->new_start - 1 : (size_t)h->new_start;
	x->nb = (size_t)h->new_lines;
	return 0;
}

/*
 * Compares two buffers of lines (every line ends in "\n") with xdiff and
 * stores the hunks in *out (free with free()).  Returns the hunk count, or
 * (size_t)-1 with a diagnostic when libgit2 failed.
 */
static size_t
diff_lines(struct diff_hunk **out, const struct buf *a, const struct buf *b,
    int minimal, struct diag *d)
{
	git_diff_options	 opts;
	struct diff_hunks	 hs = { NULL, 0 };
	const git_error		*e;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.context_lines = 0;
	opts.interhunk_lines = 0;
	opts.flags = GIT_DIFF_FORCE_TEXT | (minimal ? GIT_DIFF_MINIMAL : 0);
	if (git_diff_buffers(a->data, a->len, NULL, b->data, b->len, NULL,
	    &opts, NULL, NULL, diff_hunk_cb, NULL, &hs) < 0) {
		e = git_error_last();
		diag_msg(d, NULL, MSG_DIFF_WHY,
		    e != NULL ? e->message : "git_diff_buffers");
		free(hs.v);
		*out = NULL;
		return (size_t)-1;
	}
	*out = hs.v;
	return hs.n;
}

/*
 * Compares two sequences of strings, one item a line.  Stores the hunks in
 * *out (free with free()) and returns their count; on failure everything is
 * one hunk.
 */
static size_t
diff_seq(struct diff_hunk **out, char *const *a, size_t na, char *const *b,
    size_t nb, struct diag *d)
{
	struct buf	 ba = { NULL, 0, 0 }, bb = { NULL, 0, 0 };
	size_t		 i, n;
	const char	*p;

	for (i = 0; i < na + nb; i++) {
		struct buf *t = i < na ? &ba : &bb;

		/* A line break inside an item is no line end for xdiff. */
		for (p = i < na ? a[i] : b[i - na]; *p != '\0'; p++)
			buf_putc(t, *p == '\n' ? '\035' : *p);
		buf_putc(t, '\n');
	}
	n = diff_lines(out, &ba, &bb, na + nb < 2 * DIFF_MINIMAL_CHARS, d);
	buf_free(&ba);
	buf_free(&bb);
	if (n == (size_t)-1) {
		*out = xmalloc(sizeof(**out));
		(*out)->a = 0;
		(*out)->na = na;
		(*out)->b = 0;
		(*out)->nb = nb;
		n = 1;
	}
	return n;
}

/*
 * A run of a character difference: equal text (the same bytes on both
 * sides), or an edit that replaced the old bytes with the new ones.
 */
struct diff_span {
	int	 edit;
	size_t	 a, alen;	/* bytes of the old text */
	size_t	 b, blen;	/* bytes of the new text */
	size_t	 acp, bcp;	/* the same in code points */
};

/* A character difference: the texts and their spans. */
struct diff_chars {
	const char		*a, *b;
	struct diff_span	*v;
	size_t			 n;
};

/* Appends a span, joining it to the previous one when both are edits. */
static void
diff_span_add(struct diff_chars *dc, int edit, size_t a, size_t alen,
    size_t acp, size_t b, size_t blen, size_t bcp)
{
	struct diff_span	*s;

	if (alen == 0 && blen == 0)
		return;
	if (dc->n > 0 && (s = &dc->v[dc->n - 1])->edit == edit) {
		s->alen += alen;
		s->blen += blen;
		s->acp += acp;
		s->bcp += bcp;
		return;
	}
	dc->v = xgrowarray(dc->v, dc->n, 1, sizeof(*dc->v));
	s = &dc->v[dc->n++];
	s->edit = edit;
	s->a = a;
	s->alen = alen;
	s->acp = acp;
	s->b = b;
	s->blen = blen;
	s->bcp = bcp;
}

/* Rebuilds the spans, joining neighbouring edits and dropping empty runs. */
static void
diff_span_normalize(struct diff_chars *dc)
{
	struct diff_span	*old = dc->v;
	size_t			 n = dc->n, i;

	dc->v = NULL;
	dc->n = 0;
	for (i = 0; i < n; i++)
		diff_span_add(dc, old[i].edit, old[i].a, old[i].alen, old[i].acp,
		    old[i].b, old[i].blen, old[i].bcp);
	free(old);
}

/* Whether c belongs to a word that an edit must not cut: digits, Latin letters. */
static int
diff_is_word(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || (c >= 0xff10 && c <= 0xff19) ||
	    (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/* The code point that ends the bytes s[0, len), and its length in *n. */
static uint32_t
diff_last_cp(const char *s, size_t len, size_t *n)
{
	size_t	 i = len;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80 && len - i < 3)
		i--;
	if (i > 0)
		i--;
	return diff_cp(s + i, len - i, n);
}

/*
 * The cleanup pass, after diff-match-patch's semantic cleanup: an equality
 * of DIFF_TINY_EQUAL characters or fewer between two edits, or one no longer
 * than the edits on either side of it, joins them, so that marks cover whole
 * phrases rather than every other character; then an edit that starts or
 * ends inside a number or a Latin word takes the whole word ("1<5>日" becomes
 * "<15>日"), which is how a reader sees the change.
 */
static void
diff_cleanup(struct diff_chars *dc)
{
	struct diff_span	*e, *q, *p;
	size_t			 i, bef, aft, n;
	uint32_t		 c, f;
	int			 changed;

	do {
		changed = 0;
		for (i = 1; i + 1 < dc->n; i++) {
			p = &dc->v[i - 1];
			q = &dc->v[i];
			e = &dc->v[i + 1];
			if (q->edit || !p->edit || !e->edit)
				continue;
			bef = p->acp > p->bcp ? p->acp : p->bcp;
			aft = e->acp > e->bcp ? e->acp : e->bcp;
			if (q->acp > DIFF_TINY_EQUAL && (q->acp > bef || q->acp > aft))
				continue;
			/* p, q and e become one edit. */
			p->alen = e->a + e->alen - p->a;
			p->blen = e->b + e->blen - p->b;
			p->acp += q->acp + e->acp;
			p->bcp += q->bcp + e->bcp;
			q->alen = q->blen = q->acp = q->bcp = 0;
			e->alen = e->blen = e->acp = e->bcp = 0;
			/* e is spent: normalize before looking further. */
			changed = 1;
			break;
		}
		diff_span_normalize(dc);
	} while (changed);

	for (i = 0; i < dc->n; i++) {
		e = &dc->v[i];
		if (!e->edit)
			continue;
		/* Backwards into the equality before it. */
		while (i > 0 && (q = &dc->v[i - 1])->alen > 0) {
			c = diff_last_cp(dc->a + q->a, q->alen, &n);
			f = e->alen > 0 ? diff_cp(dc->a + e->a, e->alen, &bef) :
			    diff_cp(dc->b + e->b, e->blen, &bef);
			if (!diff_is_word(c) || !diff_is_word(f))
				break;
			q->alen -= n;
			q->blen -= n;
			q->acp--;
			q->bcp--;
			e->a -= n;
			e->b -= n;
			e->alen += n;
			e->blen += n;
			e->acp++;
			e->bcp++;
		}
		/* Forwards into the equality after it. */
		while (i + 1 < dc->n && (q = &dc->v[i + 1])->alen > 0) {
			c = diff_cp(dc->a + q->a, q->alen, &n);
			f = e->alen > 0 ? diff_last_cp(dc->a + e->a, e->alen, &bef) :
			    diff_last_cp(dc->b + e->b, e->blen, &bef);
			if (!diff_is_word(c) || !diff_is_word(f))
				break;
			q->a += n;
			q->b += n;
			q->alen -= n;
			q->blen -= n;
			q->acp--;
			q->bcp--;
			e->alen += n;
			e->blen += n;
			e->acp++;
			e->bcp++;
		}
	}
	diff_span_normalize(dc);
}

/*
 * Checks that the spans cover both texts exactly, in order, and that equal
 * spans are equal: the cleanup pass moves offsets around, and a slip would
 * print wording the policy never had.
 */
static void
diff_span_check(const struct diff_chars *dc)
{
	const struct diff_span	*s;
	size_t			 i, a = 0, b = 0;

	for (i = 0; i < dc->n; i++) {
		s = &dc->v[i];
		assert(s->a == a && s->b == b);
		assert(s->edit || (s->alen == s->blen &&
		    !memcmp(dc->a + s->a, dc->b + s->b, s->alen)));
		a += s->alen;
		b += s->blen;
	}
	assert(a == strlen(dc->a) && b == strlen(dc->b));
}

/*
 * Compares two texts character by character (one UTF-8 code point a line
 * for xdiff) and cleans the result up.  Fills dc (free dc->v).
 */
static void
diff_chars(struct diff_chars *dc, const char *a, const char *b, struct diag *d)
{
	struct buf		 ba = { NULL, 0, 0 }, bb = { NULL, 0, 0 };
	struct diff_hunk	*h = NULL;
	size_t			*ao, *bo, na, nb, nh = (size_t)-1, i, k;
	size_t			 ai = 0, bi = 0;

	dc->a = a;
	dc->b = b;
	dc->v = NULL;
	dc->n = 0;
	na = diff_split(&ao, a, strlen(a));
	nb = diff_split(&bo, b, strlen(b));
	if (na <= DIFF_MAX_CHARS && nb <= DIFF_MAX_CHARS) {
		for (k = 0; k < 2; k++) {
			const char	*s = k ? b : a;
			size_t		*o = k ? bo : ao, m = k ? nb : na;
			struct buf	*t = k ? &bb : &ba;

			for (i = 0; i < m; i++) {
				/* 0xff is never UTF-8: a line break's own line. */
				if (s[o[i]] == '\n')
					buf_putc(t, '\377');
				else
					buf_put(t, s + o[i], o[i + 1] - o[i]);
				buf_putc(t, '\n');
			}
		}
		nh = diff_lines(&h, &ba, &bb, na < DIFF_MINIMAL_CHARS &&
		    nb < DIFF_MINIMAL_CHARS, d);
	}
	if (nh == (size_t)-1) {
		/* Too long, or xdiff failed: the whole text is one edit. */
		if (strcmp(a, b))
			diff_span_add(dc, 1, 0, ao[na], na, 0, bo[nb], nb);
		else
			diff_span_add(dc, 0, 0, ao[na], na, 0, bo[nb], nb);
		nh = 0;
	} else {
		for (k = 0; k < nh; k++) {
			diff_span_add(dc, 0, ao[ai], ao[h[k].a] - ao[ai], h[k].a - ai,
			    bo[bi], bo[h[k].b] - bo[bi], h[k].b - bi);
			diff_span_add(dc, 1, ao[h[k].a], ao[h[k].a + h[k].na] -
			    ao[h[k].a], h[k].na, bo[h[k].b], bo[h[k].b + h[k].nb] -
			    bo[h[k].b], h[k].nb);
			ai = h[k].a + h[k].na;
			bi = h[k].b + h[k].nb;
		}
		diff_span_add(dc, 0, ao[ai], ao[na] - ao[ai], na - ai, bo[bi],
		    bo[nb] - bo[bi], nb - bi);
		diff_cleanup(dc);
	}
	diff_span_check(dc);
	free(h);
	free(ao);
	free(bo);
	buf_free(&ba);
	buf_free(&bb);
}

/* Pairs of items out of one hunk: o or n is MODEL_NONE for an unpaired item. */
struct diff_pairing {
	size_t	*o, *n;
	size_t	 len;
};

/*
 * Pairs the old items [a, a + na) with the new items [b, b + nb) so that the
 * sum of similarities (sim, least or more) is largest and order is kept;
 * everything else stays unpaired, in order.  Fills p (free p->o, p->n).
 */
static void
diff_pair(struct diff_pairing *p, size_t a, size_t na, size_t b, size_t nb,
    double (*sim)(size_t, size_t, const void *), const void *arg, double least)
{
	double	*best, s, *sims;
	size_t	 i, j, w = nb + 1, k;

	p->o = xreallocarray(NULL, na + nb + 1, sizeof(*p->o));
	p->n = xreallocarray(NULL, na + nb + 1, sizeof(*p->n));
	p->len = 0;
	if (na == 0 || nb == 0 || na * nb > DIFF_MAX_PAIRING) {
		for (i = 0; i < na; i++, p->len++) {
			p->o[p->len] = a + i;
			p->n[p->len] = MODEL_NONE;
		}
		for (j = 0; j < nb; j++, p->len++) {
			p->o[p->len] = MODEL_NONE;
			p->n[p->len] = b + j;
		}
		return;
	}
	best = xcalloc((na + 1) * w, sizeof(*best));
	sims = xcalloc(na * nb, sizeof(*sims));
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++) {
			sims[(i - 1) * nb + j - 1] = s = sim(a + i - 1, b + j - 1, arg);
			best[i * w + j] = best[(i - 1) * w + j] > best[i * w + j - 1] ?
			    best[(i - 1) * w + j] : best[i * w + j - 1];
			if (s >= least && best[(i - 1) * w + j - 1] + s >
			    best[i * w + j])
				best[i * w + j] = best[(i - 1) * w + j - 1] + s;
		}
	/* Trace back, then reverse. */
	for (i = na, j = nb; i > 0 || j > 0; p->len++) {
		s = i > 0 && j > 0 ? sims[(i - 1) * nb + j - 1] : 0;
		if (i > 0 && j > 0 && s >= least &&
		    best[i * w + j] == best[(i - 1) * w + j - 1] + s) {
			p->o[p->len] = a + --i;
			p->n[p->len] = b + --j;
		} else if (j > 0 && (i == 0 || best[i * w + j] == best[i * w + j - 1])) {
			p->o[p->len] = MODEL_NONE;
			p->n[p->len] = b + --j;
		} else {
			p->o[p->len] = a + --i;
			p->n[p->len] = MODEL_NONE;
		}
	}
	for (k = 0; k < p->len / 2; k++) {
		i = p->o[k];
		p->o[k] = p->o[p->len - 1 - k];
		p->o[p->len - 1 - k] = i;
		j = p->n[k];
		p->n[k] = p->n[p->len - 1 - k];
		p->n[p->len - 1 - k] = j;
	}
	free(best);
	free(sims);
}

/* ================================================================
 * Matching documents and sections
 * ================================================================ */

/* The index of the document of man at path, or MODEL_NONE. */
static size_t
diff_doc_by_path(const struct diff_man *man, const char *path)
{
	size_t	 k;

	for (k = 0; k < man->ndocs; k++)
		if (!strcmp(man->secs[man->docsec[k]].md->path, path))
			return k;
	return MODEL_NONE;
}

/* Links old section oi with new section ni. */
static void
diff_link(struct diff_man *o, size_t oi, struct diff_man *n, size_t ni)
{
	o->secs[oi].match = ni;
	n->secs[ni].match = oi;
}

/*
 * Matches documents: by path, then by the renames the new side's history
 * records (a chain of them), then by the similarity of their whole text.
 */
static void
diff_match_docs(struct diff_man *o, struct diff_man *n)
{
	const struct history	*h = n->side->hist;
	const struct history_commit *c;
	const char		*cur;
	size_t			 k, j, f, x, *idx, ni, best;
	double			 s, bs;

	for (k = 0; k < n->ndocs; k++) {
		j = diff_doc_by_path(o, n->secs[n->docsec[k]].md->path);
		if (j != MODEL_NONE && o->secs[o->docsec[j]].match == MODEL_NONE)
			diff_link(o, o->docsec[j], n, n->docsec[k]);
	}
	for (k = 0; h != NULL && k < n->ndocs; k++) {
		if (n->secs[n->docsec[k]].match != MODEL_NONE)
			continue;
		cur = n->secs[n->docsec[k]].md->path;
		ni = history_for_path(&idx, h, cur);
		for (x = 0; x < ni; x++) {
			c = &h->commits[idx[x]];
			for (f = 0; f < c->nfiles; f++)
				if (c->files[f].status == 'R' &&
				    !strcmp(c->files[f].path, cur))
					break;
			if (f == c->nfiles)
				continue;
			cur = c->files[f].old_path;
			j = diff_doc_by_path(o, cur);
			if (j != MODEL_NONE && o->secs[o->docsec[j]].match == MODEL_NONE) {
				diff_link(o, o->docsec[j], n, n->docsec[k]);
				break;
			}
		}
		free(idx);
	}
	/* The rest by content: a rename git saw as a deletion and an addition. */
	for (k = 0; k < n->ndocs; k++) {
		struct diff_grams	 gn, go;
		struct buf		 t = { NULL, 0, 0 };
		size_t			 i;

		if (n->secs[n->docsec[k]].match != MODEL_NONE)
			continue;
		for (i = n->docsec[k]; i < n->docsec[k + 1]; i++)
			buf_puts(&t, n->secs[i].ms->text != NULL ? n->secs[i].ms->text : "");
		diff_grams(&gn, t.data != NULL ? t.data : "");
		buf_free(&t);
		best = MODEL_NONE;
		bs = DIFF_SIM_DOC;
		for (j = 0; j < o->ndocs; j++) {
			if (o->secs[o->docsec[j]].match != MODEL_NONE)
				continue;
			for (i = o->docsec[j]; i < o->docsec[j + 1]; i++)
				buf_puts(&t, o->secs[i].ms->text != NULL ?
				    o->secs[i].ms->text : "");
			diff_grams(&go, t.data != NULL ? t.data : "");
			buf_free(&t);
			if ((s = diff_dice(&gn, &go)) >= bs) {
				bs = s;
				best = j;
			}
			free(go.v);
		}
		free(gn.v);
		if (best != MODEL_NONE)
			diff_link(o, o->docsec[best], n, n->docsec[k]);
	}
}

/* A candidate pair of sections and how alike they are. */
struct diff_cand {
	size_t	 o, n;
	double	 score;
};

/* qsort: the best score first, then in order of the new and old sections. */
static int
diff_cand_cmp(const void *x, const void *y)
{
	const struct diff_cand	*a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	return a->o < b->o ? -1 : a->o > b->o;
}

/* The Dice coefficient of the children's headings; -1 when neither has any. */
static double
diff_kids_sim(const struct diff_man *o, size_t i, const struct diff_man *n, size_t j)
{
	return diff_dice(&o->secs[i].kids, &n->secs[j].kids);
}

/* Links the candidates best first, each section once.  Returns the links made. */
static size_t
diff_take(struct diff_man *o, struct diff_man *n, struct diff_cand *c, size_t nc)
{
	size_t	 k, count = 0;

	if (nc > 1)
		qsort(c, nc, sizeof(*c), diff_cand_cmp);
	for (k = 0; k < nc; k++)
		if (o->secs[c[k].o].match == MODEL_NONE &&
		    n->secs[c[k].n].match == MODEL_NONE) {
			diff_link(o, c[k].o, n, c[k].n);
			count++;
		}
	return count;
}

/*
 * How well an old and a new section fit one place: the weighted mean of
 * what can be judged of their headings (1, or the similarity when they
 * differ), bodies (twice the weight: under bare numbered headings, 第6条
 * after an insertion is the old 第5条) and children's headings.  Returns 0
 * below DIFF_SIM_SAME (same heading) or DIFF_SIM_PLACE (another heading).
 */
static double
diff_place_score(const struct diff_man *o, size_t i, const struct diff_man *n,
    size_t j)
{
	double	 h, b, k, sum, w;
	int	 same;

	same = !strcmp(o->secs[i].ms->heading, n->secs[j].ms->heading);
	h = same ? 1 : diff_dice(&o->secs[i].head, &n->secs[j].head);
	sum = h < 0 ? 0 : h;
	w = h < 0 ? 0 : 1;
	if ((b = diff_dice(&o->secs[i].body, &n->secs[j].body)) >= 0) {
		sum += 2 * b;
		w += 2;
	}
	if ((k = diff_kids_sim(o, i, n, j)) >= 0) {
		sum += k;
		w += 1;
	}
	sum = w > 0 ? sum / w : 0;
	return sum >= (same ? DIFF_SIM_SAME : DIFF_SIM_PLACE) ? sum : 0;
}

/* The unmatched children of a matched pair, for diff_pair's callback. */
struct diff_gap {
	const struct diff_man	*o, *n;
	size_t			*go, *gn;	/* flat indexes */
	size_t			 ngo, ngn;
};

/* diff_pair's callback: diff_place_score of two sections of a gap. */
static double
diff_gap_score(size_t i, size_t j, const void *arg)
{
	const struct diff_gap	*g = arg;

	return diff_place_score(g->o, g->go[i], g->n, g->gn[j]);
}

/* Links the pairs diff_pair found; returns how many. */
static size_t
diff_gap_link(struct diff_man *o, struct diff_man *n, const struct diff_gap *g,
    const struct diff_pairing *p)
{
	size_t	 x, count = 0;

	for (x = 0; x < p->len; x++)
		if (p->o[x] != MODEL_NONE && p->n[x] != MODEL_NONE) {
			diff_link(o, g->go[p->o[x]], n, g->gn[p->n[x]]);
			count++;
		}
	return count;
}

/*
 * Pairs the sections of a long gap: those whose bodies read the same (and
 * are not empty) through xdiff, in order, then in each short stretch that
 * differs the pairing that fits best.  Returns the links made.
 */
static size_t
diff_gap_bodies(struct diff_man *o, struct diff_man *n, struct diff_gap *g,
    struct diag *d)
{
	struct diff_pairing	 p;
	struct diff_hunk	*h;
	char			**ka, **kb;
	size_t			 nh, k, x, i = 0, j = 0, count = 0;

	if (g->ngo == 0 || g->ngn == 0)
		return 0;
	ka = xcalloc(g->ngo + 1, sizeof(*ka));
	kb = xcalloc(g->ngn + 1, sizeof(*kb));
	for (x = 0; x < g->ngo; x++)
		ka[x] = o->secs[g->go[x]].bodykey;
	for (x = 0; x < g->ngn; x++)
		kb[x] = n->secs[g->gn[x]].bodykey;
	nh = diff_seq(&h, ka, g->ngo, kb, g->ngn, d);
	for (k = 0; k <= nh; k++) {
		for (; i < (k < nh ? h[k].a : g->ngo); i++, j++)
			if (o->secs[g->go[i]].body.n > 0) {
				diff_link(o, g->go[i], n, g->gn[j]);
				count++;
			}
		if (k == nh)
			break;
		if (h[k].na * h[k].nb <= DIFF_MAX_PAIRING) {
			diff_pair(&p, h[k].a, h[k].na, h[k].b, h[k].nb,
			    diff_gap_score, g, DIFF_SIM_SAME);
			count += diff_gap_link(o, n, g, &p);
			free(p.o);
			free(p.n);
		}
		i = h[k].a + h[k].na;
		j = h[k].b + h[k].nb;
	}
	free(h);
	free(ka);
	free(kb);
	return count;
}

/*
 * Aligns the unmatched children of new section pn with those of its match:
 * children that read the same (heading and body) pair through xdiff, in
 * order; in each stretch that differs, the pairing that fits best
 * (diff_place_score, order kept), or in a stretch too long for that, the
 * same headings in order and then the same bodies.  Returns the links made.
 */
static size_t
diff_align_children(struct diff_man *o, struct diff_man *n, size_t pn,
    struct diag *d)
{
	struct diff_gap		 g, sub;
	struct diff_pairing	 p;
	struct diff_hunk	*h;
	char			**ka, **kb;
	size_t			 po = n->secs[pn].match, nh, k, x, y, i = 0, j = 0;
	size_t			 count = 0;

	memset(&g, 0, sizeof(g));
	g.o = o;
	g.n = n;
	g.go = xcalloc(o->secs[po].end - po, sizeof(*g.go));
	g.gn = xcalloc(n->secs[pn].end - pn, sizeof(*g.gn));
	sub.go = xcalloc(o->secs[po].end - po, sizeof(*sub.go));
	sub.gn = xcalloc(n->secs[pn].end - pn, sizeof(*sub.gn));
	for (x = po + 1; x < o->secs[po].end; x = o->secs[x].end)
		if (o->secs[x].match == MODEL_NONE)
			g.go[g.ngo++] = x;
	for (y = pn + 1; y < n->secs[pn].end; y = n->secs[y].end)
		if (n->secs[y].match == MODEL_NONE)
			g.gn[g.ngn++] = y;
	ka = xcalloc(g.ngo + 1, sizeof(*ka));
	kb = xcalloc(g.ngn + 1, sizeof(*kb));
	for (x = 0; x < g.ngo; x++)
		xasprintf(&ka[x], "%s\037%s", o->secs[g.go[x]].ms->heading,
		    o->secs[g.go[x]].bodykey);
	for (y = 0; y < g.ngn; y++)
		xasprintf(&kb[y], "%s\037%s", n->secs[g.gn[y]].ms->heading,
		    n->secs[g.gn[y]].bodykey);
	nh = g.ngo + g.ngn > 0 ? diff_seq(&h, ka, g.ngo, kb, g.ngn, d) : 0;
	if (g.ngo + g.ngn == 0)
		h = NULL;
	for (k = 0; k <= nh; k++) {
		for (; i < (k < nh ? h[k].a : g.ngo); i++, j++) {
			diff_link(o, g.go[i], n, g.gn[j]);
			count++;
		}
		if (k == nh)
			break;
		if (h[k].na * h[k].nb <= DIFF_MAX_PAIRING) {
			diff_pair(&p, h[k].a, h[k].na, h[k].b, h[k].nb,
			    diff_gap_score, &g, DIFF_SIM_SAME);
			count += diff_gap_link(o, n, &g, &p);
			free(p.o);
			free(p.n);
		} else {
			for (y = h[k].b; y < h[k].b + h[k].nb; y++)
				for (x = h[k].a; x < h[k].a + h[k].na; x++)
					if (o->secs[g.go[x]].match == MODEL_NONE &&
					    !strcmp(o->secs[g.go[x]].ms->heading,
					    n->secs[g.gn[y]].ms->heading)) {
						diff_link(o, g.go[x], n, g.gn[y]);
						count++;
						break;
					}
			/* The rest: the same bodies (then small stretches) in order. */
			sub.o = o;
			sub.n = n;
			sub.ngo = sub.ngn = 0;
			for (x = h[k].a; x < h[k].a + h[k].na; x++)
				if (o->secs[g.go[x]].match == MODEL_NONE)
					sub.go[sub.ngo++] = g.go[x];
			for (y = h[k].b; y < h[k].b + h[k].nb; y++)
				if (n->secs[g.gn[y]].match == MODEL_NONE)
					sub.gn[sub.ngn++] = g.gn[y];
			count += diff_gap_bodies(o, n, &sub, d);
		}
		i = h[k].a + h[k].na;
		j = h[k].b + h[k].nb;
	}
	for (x = 0; x < g.ngo; x++)
		free(ka[x]);
	for (y = 0; y < g.ngn; y++)
		free(kb[y]);
	free(ka);
	free(kb);
	free(h);
	free(g.go);
	free(g.gn);
	free(sub.go);
	free(sub.gn);
	return count;
}

/*
 * Matches sections that moved: the same heading and a similar body (or
 * both bodies empty and similar children) anywhere in the manual, or
 * another heading and nearly the same, substantial body.  Returns the
 * number of new matches.
 */
static size_t
diff_match_moved(struct diff_man *o, struct diff_man *n)
{
	struct diff_cand	*c = NULL;
	size_t			 nc = 0, j, i, uo = 0, un = 0, count;
	double			 s, k;

	for (i = 0; i < o->nsecs; i++)
		uo += o->secs[i].match == MODEL_NONE && o->secs[i].ms->level > 0;
	for (j = 0; j < n->nsecs; j++)
		un += n->secs[j].match == MODEL_NONE && n->secs[j].ms->level > 0;
	if (uo * un > DIFF_MAX_CANDIDATES)
		return 0;
	for (j = 0; j < n->nsecs; j++) {
		if (n->secs[j].match != MODEL_NONE || n->secs[j].ms->level == 0)
			continue;
		for (i = 0; i < o->nsecs; i++) {
			if (o->secs[i].match != MODEL_NONE || o->secs[i].ms->level == 0)
				continue;
			s = diff_dice(&o->secs[i].body, &n->secs[j].body);
			if (!strcmp(o->secs[i].ms->heading, n->secs[j].ms->heading)) {
				if (s < 0 && (k = diff_kids_sim(o, i, n, j)) >= 0)
					s = k;
				if (s >= 0 && s < DIFF_SIM_MOVED)
					continue;
				s = s < 0 ? DIFF_SIM_MOVED : s;
			} else if (s < DIFF_SIM_RETITLED ||
			    o->secs[i].body.n < DIFF_MIN_RETITLED ||
			    n->secs[j].body.n < DIFF_MIN_RETITLED)
				continue;
			c = xgrowarray(c, nc, 1, sizeof(*c));
			c[nc].o = i;
			c[nc].n = j;
			c[nc++].score = s;
		}
	}
	count = diff_take(o, n, c, nc);
	free(c);
	return count;
}

/*
 * Marks matched sections that moved: those outside the longest run of
 * pairs in the same order on both sides, and those now under another
 * parent.  A section moved along with its parent carries no note of its
 * own.
 */
static void
diff_mark_moved(struct diff_man *o, struct diff_man *n)
{
	size_t	*seq, *tail, *prev, len = 0, lo, hi, mid, j, k, m = 0;
	int	*keep;

	seq = xcalloc(n->nsecs + 1, sizeof(*seq));
	tail = xcalloc(n->nsecs + 1, sizeof(*tail));
	prev = xcalloc(n->nsecs + 1, sizeof(*prev));
	keep = xcalloc(n->nsecs + 1, sizeof(*keep));
	/* Longest increasing run of old indexes, in new order (patience style). */
	for (j = 0; j < n->nsecs; j++) {
		if (n->secs[j].match == MODEL_NONE)
			continue;
		seq[m] = j;
		lo = 0;
		hi = len;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (n->secs[seq[tail[mid]]].match < n->secs[j].match)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[m] = lo > 0 ? tail[lo - 1] : (size_t)-1;
		tail[lo] = m;
		if (lo == len)
			len++;
		m++;
	}
	for (k = len > 0 ? tail[len - 1] : (size_t)-1; k != (size_t)-1; k = prev[k])
		keep[seq[k]] = 1;
	for (j = 0; j < n->nsecs; j++) {
		struct diff_sec *s = &n->secs[j];

		if (s->match == MODEL_NONE)
			continue;
		s->moved = !keep[j] || (s->parent == MODEL_NONE ?
		    o->secs[s->match].parent != MODEL_NONE :
		    n->secs[s->parent].match != o->secs[s->match].parent);
		o->secs[s->match].moved = s->moved;
	}
	for (j = 0; j < n->nsecs; j++) {
		struct diff_sec *s = &n->secs[j];

		s->note = s->moved && (s->parent == MODEL_NONE ||
		    !n->secs[s->parent].moved || !n->secs[s->parent].shown ||
		    n->secs[s->parent].match != o->secs[s->match].parent);
	}
	free(seq);
	free(tail);
	free(prev);
	free(keep);
}

/*
 * Matches every section it can: documents, then the children of each
 * matched section (parents come first, so one pass goes down the whole
 * tree), then moved sections anywhere, whose children are aligned in the
 * next round.
 */
static void
diff_match(struct diff_man *o, struct diff_man *n, struct diag *d)
{
	char	*aligned = xcalloc(n->nsecs + 1, 1);
	size_t	 j;
	int	 round;

	diff_match_docs(o, n);
	for (round = 0; round < DIFF_MATCH_ROUNDS; round++) {
		for (j = 0; j < n->nsecs; j++)
			if (n->secs[j].match != MODEL_NONE && !aligned[j]) {
				aligned[j] = 1;
				diff_align_children(o, n, j, d);
			}
		if (diff_match_moved(o, n) == 0)
			break;
	}
	diff_mark_moved(o, n);
	free(aligned);
}

/* ================================================================
 * The document
 * ================================================================ */

/* What a block or text is marked as on its side. */
enum diff_mark {
	DIFF_MARK_NONE,
	DIFF_MARK_DEL,		/* old side: removed wording */
	DIFF_MARK_INS		/* new side: added wording */
};

/* Sets an attribute; NULL leaves it out. */
static void
diff_attr(xmlNodePtr e, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(e, (const xmlChar *)name, (const xmlChar *)value);
}

/* Sets an integer attribute. */
static void
diff_attr_int(xmlNodePtr e, const char *name, long long v)
{
	char	 b[32];

	snprintf(b, sizeof(b), "%lld", v);
	diff_attr(e, name, b);
}

/* Adds a child element in kitei's namespace. */
static xmlNodePtr
diff_child(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);
}

/*
 * Adds len bytes of s to e as text; with br, each line break is a <br/>.
 * With a mark, the text goes inside <del> or <ins>.
 */
static void
diff_text(xmlNodePtr e, const char *s, size_t len, enum diff_mark mark, int br)
{
	const char	*nl;
	size_t		 k;

	if (len == 0)
		return;
	if (mark != DIFF_MARK_NONE)
		e = diff_child(e, mark == DIFF_MARK_DEL ? "del" : "ins");
	while (len > 0) {
		nl = br ? memchr(s, '\n', len) : NULL;
		k = nl != NULL ? (size_t)(nl - s) : len;
		if (k > 0)
			xmlNodeAddContentLen(e, (const xmlChar *)s, (int)k);
		if (nl == NULL)
			break;
		diff_child(e, "br");
		s += k + 1;
		len -= k + 1;
	}
}

/* Adds one side of a character difference to e. */
static void
diff_marked(xmlNodePtr e, const struct diff_chars *dc, int new_side, int br)
{
	const struct diff_span	*s;
	size_t			 i;

	for (i = 0; i < dc->n; i++) {
		s = &dc->v[i];
		if (new_side)
			diff_text(e, dc->b + s->b, s->blen, s->edit ?
			    DIFF_MARK_INS : DIFF_MARK_NONE, br);
		else
			diff_text(e, dc->a + s->a, s->alen, s->edit ?
			    DIFF_MARK_DEL : DIFF_MARK_NONE, br);
	}
}

/* The element of a block, without its content. */
static xmlNodePtr
diff_block_elem(xmlNodePtr parent, const struct diff_block *bl)
{
	static const char *const names[] = { "para", "item", "code", "table" };
	xmlNodePtr	 e = diff_child(parent, names[bl->kind]);

	if (bl->depth > 0)
		diff_attr_int(e, "depth", bl->depth);
	diff_attr(e, "marker", bl->marker);
	return e;
}

/* A table row, each cell marked whole (or not at all). */
static void
diff_trow_whole(xmlNodePtr table, const struct diff_trow *tr, enum diff_mark mark)
{
	xmlNodePtr	 r, c;
	size_t		 k;

	r = diff_child(table, "row");
	if (tr->header)
		diff_attr(r, "header", "true");
	for (k = 0; k < tr->ncells; k++) {
		c = diff_child(r, "cell");
		diff_text(c, tr->cells[k], strlen(tr->cells[k]), mark, 1);
	}
}

/* A whole block, its wording marked (a new or deleted block) or not. */
static void
diff_block_whole(xmlNodePtr parent, const struct diff_block *bl,
    enum diff_mark mark)
{
	xmlNodePtr	 e = diff_block_elem(parent, bl);
	size_t		 r;

	if (bl->kind == DIFF_TABLE) {
		for (r = 0; r < bl->nrows; r++)
			diff_trow_whole(e, &bl->rows[r], mark);
		return;
	}
	if (mark != DIFF_MARK_NONE && bl->marker != NULL)
		diff_attr(e, "marker-changed", "true");
	diff_text(e, bl->text, strlen(bl->text), mark, bl->kind != DIFF_CODE);
}

/* The two sequences diff_pair compares, for its similarity callbacks. */
struct diff_two {
	const struct diff_block	*a, *b;		/* blocks */
	const struct diff_trow	*ra, *rb;	/* or table rows */
};

/* Similarity of two blocks: only blocks of one kind pair. */
static double
diff_block_sim(size_t i, size_t j, const void *arg)
{
	const struct diff_two	*t = arg;
	double			 s;

	if (t->a[i].kind != t->b[j].kind)
		return 0;
	s = diff_dice(&t->a[i].grams, &t->b[j].grams);
	return s < 0 ? 1 : s;
}

/* Similarity of two table rows. */
static double
diff_trow_sim(size_t i, size_t j, const void *arg)
{
	const struct diff_two	*t = arg;
	double			 s;

	if (t->ra[i].header != t->rb[j].header)
		return 0;
	s = diff_dice(&t->ra[i].grams, &t->rb[j].grams);
	return s < 0 ? 1 : s;
}

/* Two versions of a table row, cell by cell. */
static void
diff_trow_pair(xmlNodePtr ot, xmlNodePtr nt, const struct diff_trow *a,
    const struct diff_trow *b, struct diag *d)
{
	struct diff_chars	 dc;
	xmlNodePtr		 ro, rn, c;
	size_t			 k;

	ro = diff_child(ot, "row");
	rn = diff_child(nt, "row");
	if (a->header) {
		diff_attr(ro, "header", "true");
		diff_attr(rn, "header", "true");
	}
	for (k = 0; k < a->ncells || k < b->ncells; k++) {
		if (k >= b->ncells) {
			c = diff_child(ro, "cell");
			diff_text(c, a->cells[k], strlen(a->cells[k]), DIFF_MARK_DEL, 1);
		} else if (k >= a->ncells) {
			c = diff_child(rn, "cell");
			diff_text(c, b->cells[k], strlen(b->cells[k]), DIFF_MARK_INS, 1);
		} else {
			diff_chars(&dc, a->cells[k], b->cells[k], d);
			diff_marked(diff_child(ro, "cell"), &dc, 0, 1);
			diff_marked(diff_child(rn, "cell"), &dc, 1, 1);
			free(dc.v);
		}
	}
}

/*
 * Two versions of a table: header rows always, changed rows marked, runs
 * of unchanged rows as <omitted/>.
 */
static void
diff_table_pair(xmlNodePtr ot, xmlNodePtr nt, const struct diff_block *a,
    const struct diff_block *b, struct diag *d)
{
	struct diff_two		 two = { NULL, NULL, a->rows, b->rows };
	struct diff_pairing	 p;
	struct diff_hunk	*h;
	char			**ka, **kb;
	size_t			 nh, k, i = 0, j = 0, x, stop_a, stop_b;
	int			 gap;

	ka = xcalloc(a->nrows + 1, sizeof(*ka));
	kb = xcalloc(b->nrows + 1, sizeof(*kb));
	for (x = 0; x < a->nrows; x++)
		ka[x] = a->rows[x].key;
	for (x = 0; x < b->nrows; x++)
		kb[x] = b->rows[x].key;
	nh = diff_seq(&h, ka, a->nrows, kb, b->nrows, d);
	for (k = 0; k <= nh; k++) {
		stop_a = k < nh ? h[k].a : a->nrows;
		stop_b = k < nh ? h[k].b : b->nrows;
		/* Equal rows: the header is kept, the rest is one omission. */
		for (gap = 0; i < stop_a && j < stop_b; i++, j++) {
			if (a->rows[i].header) {
				diff_trow_whole(ot, &a->rows[i], DIFF_MARK_NONE);
				diff_trow_whole(nt, &b->rows[j], DIFF_MARK_NONE);
				gap = 0;
			} else if (!gap) {
				diff_child(ot, "omitted");
				diff_child(nt, "omitted");
				gap = 1;
			}
		}
		if (k == nh)
			break;
		diff_pair(&p, h[k].a, h[k].na, h[k].b, h[k].nb, diff_trow_sim, &two,
		    DIFF_SIM_BLOCK);
		for (x = 0; x < p.len; x++) {
			if (p.o[x] != MODEL_NONE && p.n[x] != MODEL_NONE)
				diff_trow_pair(ot, nt, &a->rows[p.o[x]],
				    &b->rows[p.n[x]], d);
			else if (p.o[x] != MODEL_NONE)
				diff_trow_whole(ot, &a->rows[p.o[x]], DIFF_MARK_DEL);
			else
				diff_trow_whole(nt, &b->rows[p.n[x]], DIFF_MARK_INS);
		}
		free(p.o);
		free(p.n);
		i = h[k].a + h[k].na;
		j = h[k].b + h[k].nb;
	}
	free(h);
	free(ka);
	free(kb);
}

/* Two versions of a block that was edited. */
static void
diff_block_pair(xmlNodePtr o, xmlNodePtr n, const struct diff_block *a,
    const struct diff_block *b, struct diag *d)
{
	struct diff_chars	 dc;
	xmlNodePtr		 eo, en;

	eo = diff_block_elem(o, a);
	en = diff_block_elem(n, b);
	if (a->kind == DIFF_TABLE) {
		diff_table_pair(eo, en, a, b, d);
		return;
	}
	if (a->marker != NULL && b->marker != NULL && strcmp(a->marker, b->marker)) {
		diff_attr(eo, "marker-changed", "true");
		diff_attr(en, "marker-changed", "true");
	}
	diff_chars(&dc, a->text, b->text, d);
	diff_marked(eo, &dc, 0, a->kind != DIFF_CODE);
	diff_marked(en, &dc, 1, b->kind != DIFF_CODE);
	free(dc.v);
}

/*
 * Where a paragraph (項) or item (号) of the other side has no counterpart
 * on this one: <gap kind="new"/> (（新設）) or kind="deleted" (（削除）); a run
 * of them is one gap.
 */
static void
diff_gap(xmlNodePtr side, const char *kind)
{
	xmlNodePtr	 last = xmlGetLastChild(side), e;
	xmlChar		*k;
	int		 same = 0;

	if (last != NULL && last->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(last->name, (const xmlChar *)"gap") == 0) {
		k = xmlGetProp(last, (const xmlChar *)"kind");
		same = k != NULL && xmlStrcmp(k, (const xmlChar *)kind) == 0;
		xmlFree(k);
	}
	if (same)
		return;
	e = diff_child(side, "gap");
	diff_attr(e, "kind", kind);
}

/*
 * The bodies of two versions of a section: blocks aligned (equal ones by
 * xdiff, then the edited ones in each hunk paired by similarity), edited
 * blocks marked character by character, new and deleted blocks marked
 * whole, and each run of unchanged blocks one <omitted/> on both sides;
 * with keep (a moved section, read at its new place), unchanged blocks are
 * shown in full instead.
 */
static void
diff_body_pair(xmlNodePtr o, xmlNodePtr n, const struct diff_sec *a,
    const struct diff_sec *b, int keep, struct diag *d)
{
	struct diff_two		 two = { a->blocks, b->blocks, NULL, NULL };
	struct diff_pairing	 p;
	struct diff_hunk	*h;
	char			**ka, **kb;
	size_t			 nh, k, x, i = 0, j = 0;

	ka = xcalloc(a->nblocks + 1, sizeof(*ka));
	kb = xcalloc(b->nblocks + 1, sizeof(*kb));
	for (x = 0; x < a->nblocks; x++)
		ka[x] = a->blocks[x].key;
	for (x = 0; x < b->nblocks; x++)
		kb[x] = b->blocks[x].key;
	nh = diff_seq(&h, ka, a->nblocks, kb, b->nblocks, d);
	for (k = 0; k <= nh; k++) {
		if (keep)
			for (x = i; x < (k < nh ? h[k].a : a->nblocks); x++) {
				diff_block_whole(o, &a->blocks[x], DIFF_MARK_NONE);
				diff_block_whole(n, &b->blocks[j + x - i],
				    DIFF_MARK_NONE);
			}
		else if ((k < nh ? h[k].a : a->nblocks) > i) {
			diff_child(o, "omitted");
			diff_child(n, "omitted");
		}
		if (k == nh)
			break;
		diff_pair(&p, h[k].a, h[k].na, h[k].b, h[k].nb, diff_block_sim, &two,
		    DIFF_SIM_BLOCK);
		for (x = 0; x < p.len; x++) {
			if (p.o[x] != MODEL_NONE && p.n[x] != MODEL_NONE)
				diff_block_pair(o, n, &a->blocks[p.o[x]],
				    &b->blocks[p.n[x]], d);
			else if (p.o[x] != MODEL_NONE) {
				diff_block_whole(o, &a->blocks[p.o[x]], DIFF_MARK_DEL);
				diff_gap(n, "deleted");
			} else {
				diff_block_whole(n, &b->blocks[p.n[x]], DIFF_MARK_INS);
				diff_gap(o, "new");
			}
		}
		free(p.o);
		free(p.n);
		i = h[k].a + h[k].na;
		j = h[k].b + h[k].nb;
	}
	free(h);
	free(ka);
	free(kb);
}

/* The <old> or <new> element of a row, with where the section stands. */
static xmlNodePtr
diff_side_elem(xmlNodePtr row, const char *name, const struct diff_sec *s)
{
	xmlNodePtr	 e = diff_child(row, name);

	diff_attr(e, "path", s->md->path);
	diff_attr_int(e, "line", s->ms->line);
	diff_attr(e, "anchor", s->ms->anchor);
	diff_attr(e, "location", s->location);
	return e;
}

/*
 * A section that is on one side only (new or deleted), marked whole; plain
 * (enacted) in a manual new at NEW, which is all new.
 */
static void
diff_row_alone(xmlNodePtr body, const struct diff_sec *s, int is_new,
    int plain)
{
	enum diff_mark	 mark = plain ? DIFF_MARK_NONE :
	    is_new ? DIFF_MARK_INS : DIFF_MARK_DEL;
	xmlNodePtr	 row, e, h;
	size_t		 b;

	row = diff_child(body, "pair");
	diff_attr(row, "kind", is_new ? "new" : "deleted");
	e = diff_side_elem(row, is_new ? "new" : "old", s);
	if (s->ms->level > 0) {
		h = diff_child(e, "heading");
		diff_attr_int(h, "level", s->ms->level);
		diff_text(h, s->ms->heading, strlen(s->ms->heading), mark, 0);
	}
	for (b = 0; b < s->nblocks; b++)
		diff_block_whole(e, &s->blocks[b], mark);
}

/* Whether two matched sections read the same (heading and body). */
static int
diff_same(const struct diff_sec *a, const struct diff_sec *b)
{
	size_t	 k;

	if (a->ms->level > 0 && b->ms->level > 0 &&
	    strcmp(a->ms->heading, b->ms->heading))
		return 0;
	if ((a->ms->level > 0) != (b->ms->level > 0) || a->nblocks != b->nblocks)
		return 0;
	for (k = 0; k < a->nblocks; k++)
		if (strcmp(a->blocks[k].key, b->blocks[k].key))
			return 0;
	return 1;
}

/*
 * The heading of the sibling before section i of man (what a moved
 * section followed), or NULL for a first child.  Borrowed.
 */
static const char *
diff_after(const struct diff_man *man, size_t i)
{
	size_t	 p = man->secs[i].parent, k, last = MODEL_NONE;

	if (p == MODEL_NONE)
		return NULL;
	for (k = p + 1; k < i; k = man->secs[k].end)
		last = k;
	return last != MODEL_NONE && man->secs[last].ms->level > 0 ?
	    man->secs[last].ms->heading : NULL;
}

/*
 * Two versions of a section that changed or moved (old section i, new
 * section j).  A moved one says which sibling it followed on each side.
 */
static void
diff_row_pair(xmlNodePtr body, const struct diff_man *om, size_t i,
    const struct diff_man *nm, size_t j, struct diag *d)
{
	const struct diff_sec	*a = &om->secs[i], *b = &nm->secs[j];
	struct diff_chars	 dc;
	xmlNodePtr		 row, o, n, h;

	row = diff_child(body, "pair");
	diff_attr(row, "kind", b->note ? "moved" : "changed");
	o = diff_side_elem(row, "old", a);
	n = diff_side_elem(row, "new", b);
	if (b->note) {
		diff_attr(o, "after", diff_after(om, i));
		diff_attr(n, "after", diff_after(nm, j));
	}
	if (a->ms->level > 0 || b->ms->level > 0) {
		diff_chars(&dc, a->ms->level > 0 ? a->ms->heading : "",
		    b->ms->level > 0 ? b->ms->heading : "", d);
		h = diff_child(o, "heading");
		diff_attr_int(h, "level", a->ms->level);
		diff_marked(h, &dc, 0, 0);
		h = diff_child(n, "heading");
		diff_attr_int(h, "level", b->ms->level);
		diff_marked(h, &dc, 1, 0);
		free(dc.v);
	}
	diff_body_pair(o, n, a, b, b->note, d);
}

/* Closes a run of unchanged sections with one <omitted/>. */
static void
diff_flush(xmlNodePtr body, size_t *run)
{
	xmlNodePtr	 e;

	if (*run == 0)
		return;
	e = diff_child(body, "omitted");
	diff_attr_int(e, "sections", (long long)*run);
	*run = 0;
}

/*
 * The rows: the new side's sections in order, each deleted section before
 * the next section that kept its place, unchanged runs as <omitted/>.
 * Returns the number of rows that show a change.
 */
static size_t
diff_rows(xmlNodePtr body, const struct diff_man *o, const struct diff_man *n,
    int enacted, struct diag *d)
{
	const struct diff_sec	*a, *b;
	size_t			 j, i, oi = 0, run = 0, changes = 0;

	for (j = 0; j <= n->nsecs; j++) {
		i = j < n->nsecs ? n->secs[j].match : MODEL_NONE;
		if (j == n->nsecs || (i != MODEL_NONE && !n->secs[j].moved)) {
			/* Old sections before this one that are gone. */
			for (; oi < (j == n->nsecs ? o->nsecs : i); oi++) {
				a = &o->secs[oi];
				if (a->match != MODEL_NONE || !a->shown)
					continue;
				diff_flush(body, &run);
				diff_row_alone(body, a, 0, 0);
				changes++;
			}
			if (j == n->nsecs)
				break;
			oi = i + 1;
		}
		b = &n->secs[j];
		if (i == MODEL_NONE) {
			if (!b->shown)
				continue;
			diff_flush(body, &run);
			diff_row_alone(body, b, 1, enacted);
			changes++;
			continue;
		}
		a = &o->secs[i];
		if (!a->shown && !b->shown)
			continue;
		if (!b->note && diff_same(a, b)) {
			run++;
			continue;
		}
		diff_flush(body, &run);
		diff_row_pair(body, o, i, n, j, d);
		changes++;
	}
	diff_flush(body, &run);
	return changes;
}

/* Whether manual mi of side is signed off at that revision. */
static int
diff_signed_off(const struct diff_side *side, size_t mi)
{
	return mi != MODEL_NONE && side->so != NULL && mi < side->so->nmanuals &&
	    side->so->manuals[mi].signed_off;
}

/* The <revision> of one side: its commit, date and version. */
static void
diff_revision(xmlNodePtr root, const struct diff_side *side, size_t mi,
    const char *role, const char *label, int wareki)
{
	const struct signoff_manual	*sm;
	const struct signoff_version	*v;
	struct jdate			 day;
	xmlNodePtr			 e;
	char				 iso[16], ja[48], shortrev[16];

	e = diff_child(root, "revision");
	diff_attr(e, "side", role);
	diff_attr(e, "label", label);
	if (side->src->revision[0] != '\0') {
		diff_attr(e, "revision", side->src->revision);
		snprintf(shortrev, sizeof(shortrev), "%.12s", side->src->revision);
		diff_attr(e, "revision-short", shortrev);
	}
	if (side->src->commit != NULL) {
		jdate_from_time(&day, side->src->time, side->src->offset);
		diff_attr(e, "date", jdate_iso(iso, sizeof(iso), &day));
		diff_attr(e, "date-text", jdate_format(ja, sizeof(ja), &day, wareki));
	}
	if (mi == MODEL_NONE) {
		diff_attr(e, "absent", "true");
		return;
	}
	diff_attr(e, "title", side->model->manuals[mi].cfg->title);
	sm = side->so != NULL && mi < side->so->nmanuals ? &side->so->manuals[mi] :
	    NULL;
	diff_attr(e, "signed-off", sm != NULL && sm->signed_off ? "true" : "false");
	if (sm == NULL || !sm->signed_off || sm->nversions == 0)
		return;
	v = &sm->versions[sm->nversions - 1];
	diff_attr_int(e, "version", v->number);
	diff_attr(e, "approved", jdate_iso(iso, sizeof(iso), &v->approved));
	diff_attr(e, "approved-text", jdate_format(ja, sizeof(ja), &v->approved,
	    wareki));
	diff_attr(e, "effective", jdate_iso(iso, sizeof(iso), &v->effective));
	diff_attr(e, "effective-text", jdate_format(ja, sizeof(ja), &v->effective,
	    wareki));
}

/* Compares two versions of a manual; see diff.h. */
xmlDocPtr
diff_manual(const struct diff_side *old_side, size_t old_mi,
    const struct diff_side *new_side, size_t new_mi, enum diff_order order,
    struct diag *d)
{
	struct diff_man			 o, n;
	const struct diff_side		*main_side;
	const struct config_manual	*cm;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, body;
	xmlNsPtr			 ns;
	enum visibility			 highest;
	size_t				 mi;
	int				 wareki = new_side->cf->wareki, approved;

	assert(old_mi != MODEL_NONE || new_mi != MODEL_NONE);
	diff_man_load(&o, old_side, old_mi);
	diff_man_load(&n, new_side, new_mi);
	diff_match(&o, &n, d);
	if (old_side->redact || new_side->redact)
		diff_withhold(&o, &n);

	main_side = new_mi != MODEL_NONE ? new_side : old_side;
	mi = new_mi != MODEL_NONE ? new_mi : old_mi;
	cm = main_side->model->manuals[mi].cfg;
	doc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewNode(NULL, (const xmlChar *)"shinkyu");
	xmlDocSetRootElement(doc, root);
	ns = xmlNewNs(root, (const xmlChar *)ASSEMBLE_NS, NULL);
	xmlSetNs(root, ns);
	diff_attr(root, "id", cm->id);
	diff_attr(root, "title", cm->title);
	diff_attr(root, "number", cm->number);
	diff_attr(root, "organization", main_side->cf->organization);
	diff_attr(root, "order", order == DIFF_NEW_LEFT ? "new-left" : "old-left");
	/* The more restricted class of the two versions, at least 社外秘. */
	highest = VIS_INTERNAL;
	if (old_mi != MODEL_NONE && old_side->model->manuals[old_mi].highest > highest)
		highest = old_side->model->manuals[old_mi].highest;
	if (new_mi != MODEL_NONE && new_side->model->manuals[new_mi].highest > highest)
		highest = new_side->model->manuals[new_mi].highest;
	diff_attr(root, "classification", parse_visibility_name(highest));
	diff_attr(root, "classification-label", parse_visibility_label(highest));
	diff_attr(root, "generator", "kitei " KITEI_VERSION);
	/*
	 * A manual new at NEW is its enacted text (制定), one column.  An
	 * approved NEW is the amendment made: 改正前 | 改正後; an unapproved one
	 * is proposed: 現行 | 改正案.
	 */
	if (old_mi == MODEL_NONE)
		diff_attr(root, "kind", "enacted");
	approved = diff_signed_off(new_side, new_mi);
	diff_revision(root, old_side, old_mi, "old", approved ? "改正前" : "現行",
	    wareki);
	diff_revision(root, new_side, new_mi, "new", old_mi == MODEL_NONE ?
	    (approved ? "制定" : "制定案") : approved ? "改正後" : "改正案", wareki);
	body = diff_child(root, "body");
	if (diff_rows(body, &o, &n, old_mi == MODEL_NONE, d) == 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	diff_man_free(&o);
	diff_man_free(&n);
	return doc;
}
