/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The typesetter: lays out kitei's XSL-FO subset (docs/fo-subset.md) with
 * Pango into pages, draws them with Cairo as a tagged PDF, and finishes the
 * file with qpdf (/Lang, PDF dates, a deterministic /ID).
 *
 * Layout builds, for each page-sequence, one vertical list of items (lines,
 * table rows, spaces, block decorations, ids, markers, structure groups).
 * A greedy page breaker honours keeps, widows and orphans over that list.
 * Paragraphs holding page-number citations are filled again once the pages
 * of all ids are known (the second pass); only when that changes their line
 * count is the whole document laid out again.
 */
#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "typeset.h"
#include "xalloc.h"

#define TS_NS_FO	"http://www.w3.org/1999/XSL/Format"
#define TS_NS_KFO	"urn:x-kitei:fo:1"

/* FO nesting we follow; the builders recurse, so user input must not set the depth. */
#define TS_MAXDEPTH	64
/* Page breaking tolerance, in points: rounding must not push a line over. */
#define TS_EPS		0.01
/* Noto CJK: the ideographic em box lies 0.88 em above and 0.12 em below the baseline. */
#define TS_EM_ASC	0.88
/* Noto CJK hhea ascent and descent (1160 and 288 units of 1000), for line growth. */
#define TS_HHEA_ASC	1.16
#define TS_HHEA_DESC	0.288
/* Relayouts after citations change a paragraph's line count; converges at once in practice. */
#define TS_MAXPASSES	3
/* Pages in one document: a runaway input must not exhaust memory. */
#define TS_MAXPAGES	100000
/* Justification adds at most this many em between Japanese characters: wider gaps read as spaces in copied text. */
#define TS_MAXSTRETCH	0.05
/* And at most this many em to a space or a Japanese-Latin boundary; more looks like a hole. */
#define TS_MAXSPACE	0.6

/* The fonts of fonts-noto-cjk, used when no font folder is given. */
static const char *const ts_default_fonts[] = {
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
};

#define TS_FONTDIR	"/usr/share/fonts/opentype/noto"
#define TS_FONTCACHE	"/var/cache/fontconfig"

#define TS_SERIF	"Noto Serif CJK JP"
#define TS_SANS		"Noto Sans CJK JP"
#define TS_MONO		"Noto Sans Mono CJK JP"

/* ------------------------------------------------------------------ */
/* Properties                                                          */
/* ------------------------------------------------------------------ */

/* Properties read from FO attributes; borders and padding are kept apart. */
enum ts_attr {
	A_ID, A_FONT_FAMILY, A_FONT_SIZE, A_FONT_WEIGHT, A_FONT_STYLE,
	A_LINE_HEIGHT, A_COLOR, A_BACKGROUND_COLOR, A_TEXT_ALIGN,
	A_TEXT_INDENT, A_START_INDENT, A_END_INDENT, A_MARGIN, A_MARGIN_TOP,
	A_MARGIN_BOTTOM, A_MARGIN_LEFT, A_MARGIN_RIGHT, A_SPACE_BEFORE,
	A_SPACE_AFTER, A_BREAK_BEFORE, A_BREAK_AFTER, A_KEEP_WITH_NEXT,
	A_KEEP_WITH_PREVIOUS, A_KEEP_TOGETHER, A_WIDOWS, A_ORPHANS,
	A_TEXT_DECORATION, A_BASELINE_SHIFT, A_WHITE_SPACE, A_LINEFEED,
	A_WS_COLLAPSE, A_WRAP_OPTION, A_MASTER_NAME, A_MASTER_REFERENCE,
	A_PAGE_WIDTH, A_PAGE_HEIGHT, A_REGION_NAME, A_EXTENT, A_FLOW_NAME,
	A_INITIAL_PAGE_NUMBER, A_FORCE_PAGE_COUNT, A_FORMAT, A_PDBS, A_PLS,
	A_COLUMN_WIDTH, A_COLS_REPEATED, A_COLS_SPANNING, A_ROWS_SPANNING,
	A_WIDTH, A_HEIGHT, A_OMIT_HEADER, A_DISPLAY_ALIGN, A_INTERNAL_DEST,
	A_EXTERNAL_DEST, A_REF_ID, A_LEADER_PATTERN, A_RULE_THICKNESS,
	A_MARKER_CLASS, A_RETRIEVE_CLASS, A_RETRIEVE_POSITION,
	A_PAGE_POSITION, A_ODD_OR_EVEN, A_MAX_REPEATS, A_STARTING_STATE,
	A_ROLE, A_CHARACTER, A_KFO_ROLE, A_KFO_WATERMARK,
	A_COUNT,
	A_IGNORE,		/* known, accepted, without effect */
	A_BORDER,		/* border*: parsed by name */
	A_PADDING		/* padding*: parsed by name */
};

/* Attribute names and what they set; names not here draw a warning. */
static const struct ts_attrname {
	const char	*name;
	enum ts_attr	 attr;
} ts_attrnames[] = {
	{ "id", A_ID }, { "font-family", A_FONT_FAMILY },
	{ "font-size", A_FONT_SIZE }, { "font-weight", A_FONT_WEIGHT },
	{ "font-style", A_FONT_STYLE }, { "line-height", A_LINE_HEIGHT },
	{ "color", A_COLOR }, { "background-color", A_BACKGROUND_COLOR },
	{ "text-align", A_TEXT_ALIGN }, { "text-indent", A_TEXT_INDENT },
	{ "start-indent", A_START_INDENT }, { "end-indent", A_END_INDENT },
	{ "margin", A_MARGIN }, { "margin-top", A_MARGIN_TOP },
	{ "margin-bottom", A_MARGIN_BOTTOM }, { "margin-left", A_MARGIN_LEFT },
	{ "margin-right", A_MARGIN_RIGHT }, { "space-before", A_SPACE_BEFORE },
	{ "space-before.optimum", A_SPACE_BEFORE },
	{ "space-after", A_SPACE_AFTER },
	{ "space-after.optimum", A_SPACE_AFTER },
	{ "break-before", A_BREAK_BEFORE }, { "break-after", A_BREAK_AFTER },
	{ "keep-with-next", A_KEEP_WITH_NEXT },
	{ "keep-with-next.within-page", A_KEEP_WITH_NEXT },
	{ "keep-with-previous", A_KEEP_WITH_PREVIOUS },
	{ "keep-with-previous.within-page", A_KEEP_WITH_PREVIOUS },
	{ "keep-together", A_KEEP_TOGETHER },
	{ "keep-together.within-page", A_KEEP_TOGETHER },
	{ "widows", A_WIDOWS }, { "orphans", A_ORPHANS },
	{ "text-decoration", A_TEXT_DECORATION },
	{ "baseline-shift", A_BASELINE_SHIFT },
	{ "white-space", A_WHITE_SPACE },
	{ "linefeed-treatment", A_LINEFEED },
	{ "white-space-collapse", A_WS_COLLAPSE },
	{ "wrap-option", A_WRAP_OPTION },
	{ "master-name", A_MASTER_NAME },
	{ "master-reference", A_MASTER_REFERENCE },
	{ "page-width", A_PAGE_WIDTH }, { "page-height", A_PAGE_HEIGHT },
	{ "region-name", A_REGION_NAME }, { "extent", A_EXTENT },
	{ "flow-name", A_FLOW_NAME },
	{ "initial-page-number", A_INITIAL_PAGE_NUMBER },
	{ "force-page-count", A_FORCE_PAGE_COUNT }, { "format", A_FORMAT },
	{ "provisional-distance-between-starts", A_PDBS },
	{ "provisional-label-separation", A_PLS },
	{ "column-width", A_COLUMN_WIDTH },
	{ "number-columns-repeated", A_COLS_REPEATED },
	{ "number-columns-spanning", A_COLS_SPANNING },
	{ "number-rows-spanning", A_ROWS_SPANNING },
	{ "width", A_WIDTH }, { "height", A_HEIGHT },
	{ "table-omit-header-at-break", A_OMIT_HEADER },
	{ "display-align", A_DISPLAY_ALIGN },
	{ "internal-destination", A_INTERNAL_DEST },
	{ "external-destination", A_EXTERNAL_DEST },
	{ "ref-id", A_REF_ID }, { "leader-pattern", A_LEADER_PATTERN },
	{ "rule-thickness", A_RULE_THICKNESS },
	{ "marker-class-name", A_MARKER_CLASS },
	{ "retrieve-class-name", A_RETRIEVE_CLASS },
	{ "retrieve-position", A_RETRIEVE_POSITION },
	{ "page-position", A_PAGE_POSITION },
	{ "odd-or-even", A_ODD_OR_EVEN },
	{ "maximum-repeats", A_MAX_REPEATS },
	{ "starting-state", A_STARTING_STATE }, { "role", A_ROLE },
	{ "character", A_CHARACTER },
	{ "kfo:role", A_KFO_ROLE }, { "kfo:watermark", A_KFO_WATERMARK },
	/* Accepted without effect: defaults we follow anyway, or hints. */
	{ "space-before.minimum", A_IGNORE }, { "space-before.maximum", A_IGNORE },
	{ "space-after.minimum", A_IGNORE }, { "space-after.maximum", A_IGNORE },
	{ "space-before.conditionality", A_IGNORE },
	{ "space-after.conditionality", A_IGNORE },
	{ "space-before.precedence", A_IGNORE },
	{ "space-after.precedence", A_IGNORE },
	{ "keep-with-next.within-column", A_IGNORE },
	{ "keep-with-next.within-line", A_IGNORE },
	{ "keep-with-previous.within-column", A_IGNORE },
	{ "keep-with-previous.within-line", A_IGNORE },
	{ "keep-together.within-column", A_IGNORE },
	{ "keep-together.within-line", A_IGNORE },
	{ "white-space-treatment", A_IGNORE }, { "hyphenate", A_IGNORE },
	{ "language", A_IGNORE }, { "country", A_IGNORE },
	{ "xml:lang", A_IGNORE }, { "blank-or-not-blank", A_IGNORE },
	{ "table-layout", A_IGNORE }, { "border-collapse", A_IGNORE },
	{ "border-separation", A_IGNORE }, { "show-destination", A_IGNORE },
	{ "retrieve-boundary", A_IGNORE }, { "leader-length", A_IGNORE },
	{ "leader-length.optimum", A_IGNORE },
	{ "leader-length.minimum", A_IGNORE },
	{ "leader-length.maximum", A_IGNORE },
	{ "leader-pattern-width", A_IGNORE }, { "leader-alignment", A_IGNORE },
	{ "rule-style", A_IGNORE }, { "vertical-align", A_IGNORE },
	{ "alignment-baseline", A_IGNORE }, { "writing-mode", A_IGNORE },
	{ "font-variant", A_IGNORE }, { "font-stretch", A_IGNORE },
	{ "letter-spacing", A_IGNORE }, { "word-spacing", A_IGNORE },
	{ "text-align-last", A_IGNORE }, { "overflow", A_IGNORE },
	{ "span", A_IGNORE }, { "column-count", A_IGNORE },
	{ "column-number", A_IGNORE }, { "relative-position", A_IGNORE },
	{ "block-progression-dimension", A_IGNORE },
	{ "inline-progression-dimension", A_IGNORE },
	{ "content-width", A_IGNORE }, { "content-height", A_IGNORE },
	{ "scaling", A_IGNORE }, { "src", A_IGNORE },
	{ "hyphenation-character", A_IGNORE },
	{ "hyphenation-push-character-count", A_IGNORE },
	{ "hyphenation-remain-character-count", A_IGNORE },
	{ "indicate-destination", A_IGNORE },
	{ "destination-placement-offset", A_IGNORE },
	{ "grouping-separator", A_IGNORE }, { "grouping-size", A_IGNORE },
	{ "letter-value", A_IGNORE }, { "reference-orientation", A_IGNORE },
	{ "precedence", A_IGNORE }, { "media-usage", A_IGNORE },
	{ "empty-cells", A_IGNORE }, { "starts-row", A_IGNORE },
	{ "ends-row", A_IGNORE }, { "text-transform", A_IGNORE },
	{ "font-selection-strategy", A_IGNORE }, { "score-spaces", A_IGNORE },
	{ "line-height-shift-adjustment", A_IGNORE },
	{ "line-stacking-strategy", A_IGNORE },
	{ "text-altitude", A_IGNORE }, { "text-depth", A_IGNORE },
	{ "intrusion-displace", A_IGNORE }, { "clear", A_IGNORE },
	{ "float", A_IGNORE }, { "id-ref", A_IGNORE },
};

/* Border or padding sides, in the lr-tb writing mode. */
enum ts_side { S_TOP, S_RIGHT, S_BOTTOM, S_LEFT };

/* Border styles we draw. */
enum ts_bstyle { B_NONE, B_SOLID, B_DASHED, B_DOTTED, B_DOUBLE };

/* The attributes of one element, borrowed from the tree. */
struct ts_attrs {
	const char	*v[A_COUNT];	/* by enum ts_attr, or NULL */
	const char	*border[5];	/* border-<side>, [4]: border */
	const char	*bwidth[5];	/* border-<side>-width, [4]: border-width */
	const char	*bstyle[5];	/* border-<side>-style */
	const char	*bcolor[5];	/* border-<side>-color */
	const char	*pad[5];	/* padding-<side>, [4]: padding */
	int		 any;		/* some border or padding given */
};

/* Text alignment. */
enum ts_align { AL_START, AL_CENTER, AL_END, AL_JUSTIFY };

/* Computed properties; the inherited ones pass from parent to child. */
struct ts_style {
	const char	*family;	/* a mapped family name (static) */
	double		 size;		/* font size, pt */
	int		 weight;	/* 100..900 */
	int		 italic;	/* font-style italic or oblique */
	double		 lh;		/* line height, pt */
	double		 lh_factor;	/* >0: line-height given as a number */
	uint32_t	 color;		/* 0xRRGGBB */
	enum ts_align	 align;		/* text-align */
	double		 start;		/* start-indent from the reference area */
	double		 end;		/* end-indent */
	double		 text_indent;	/* text-indent, pt */
	int		 pre;		/* keep spaces and line feeds */
	int		 nowrap;	/* wrap-option no-wrap */
	int		 widows;	/* lines kept at the top of a page */
	int		 orphans;	/* lines kept at the bottom of a page */
	const char	*role;		/* structure role of paragraphs */
};

/* Borders, padding and background of a block, table or cell. */
struct ts_deco {
	double		 bw[4];		/* border widths */
	uint32_t	 bc[4];		/* border colours */
	enum ts_bstyle	 bs[4];		/* border styles */
	double		 pad[4];	/* padding */
	uint32_t	 bg;		/* background colour */
	int		 has_bg;	/* background is not transparent */
	double		 x;		/* border box left, from the reference area */
	double		 w;		/* border box width */
};

/* ------------------------------------------------------------------ */
/* Layout structures                                                   */
/* ------------------------------------------------------------------ */

/* A link over a byte range of a paragraph. */
struct ts_link {
	int		 start, end;	/* byte range */
	char		*dest;		/* internal destination, or NULL */
	char		*uri;		/* external destination, or NULL */
};

/* A leader: the tab at byte idx is filled with a pattern. */
struct ts_leader {
	int		 idx;		/* byte index of the tab */
	int		 dots;		/* 1: dots, 0: space, 2: rule */
};

/* An id set on an inline: its page is that of the line holding idx. */
struct ts_inlid {
	int		 idx;		/* byte index */
	char		*id;
};

/* A paragraph: inline content of one block between its child blocks. */
struct ts_para {
	PangoLayout	*layout;	/* owned */
	xmlNodePtr	 block;		/* the block holding the content */
	xmlNodePtr	 first, last;	/* the inline children, inclusive */
	struct ts_style	 st;		/* the block's style */
	double		 width;		/* content width, pt */
	int		 nlines;
	PangoLayoutLine	**lines;	/* borrowed from layout */
	double		*lx;		/* line left, pt */
	double		*h;		/* line box height, pt */
	double		*base;		/* baseline from the line box top */
	struct ts_link	*links;
	size_t		 nlinks;
	struct ts_leader *leaders;
	size_t		 nleaders;
	struct ts_inlid	*ids;
	size_t		 nids;
	int		 dynamic;	/* holds page numbers or citations */
	int		 page;		/* page of its first line, or -1 */
};

/* Kinds of vertical list items. */
enum ts_kind {
	K_LINE,		/* a line of a paragraph (box) */
	K_ROW,		/* a table row (box) */
	K_DBEGIN,	/* top border and padding of a block (box) */
	K_DEND,		/* bottom padding and border (box) */
	K_SPACE,	/* space between blocks, dropped at a page top */
	K_BREAK,	/* a forced page break */
	K_ID,		/* an id starts here */
	K_IDEND,	/* the element with that id ends here */
	K_MARK,		/* a marker */
	K_GBEGIN,	/* a structure group opens */
	K_GEND		/* and closes */
};

struct ts_row;

/* One item of a vertical list. */
struct ts_item {
	enum ts_kind	 kind;
	int		 keep_prev;	/* no page break before this box */
	double		 h;		/* height, pt */
	struct ts_para	*para;		/* K_LINE */
	int		 line;		/* K_LINE: line index; K_BREAK: 1 odd, 2 even page */
	struct ts_para	*label;		/* K_LINE: list label drawn beside */
	struct ts_row	*row;		/* K_ROW */
	struct ts_deco	*deco;		/* K_DBEGIN, K_DEND */
	size_t		 match;		/* K_DBEGIN <-> K_DEND */
	const char	*str;		/* id, marker class or role (borrowed) */
	xmlNodePtr	 node;		/* K_MARK: the marker */
};

/* A vertical list, with the state of keeps while it is built. */
struct ts_vlist {
	struct ts_item	*v;
	size_t		 n, cap;
	int		 pending_keep;	/* the next box keeps with the previous */
	int		 kt_depth;	/* keep-together blocks open */
	int		 kt_seen;	/* a box was added inside them */
};

/* A table, for repeating its header rows. */
struct ts_table {
	struct ts_row	**head;		/* header rows (borrowed) */
	size_t		 nhead;
	double		 head_h;	/* their height */
	int		 omit;		/* table-omit-header-at-break */
	double		 x;		/* left, from the reference area */
};

/* A cell of a row. */
struct ts_cell {
	double		 x, w;		/* border box, from the table's left */
	struct ts_deco	 deco;
	struct ts_vlist	 vl;		/* content */
	size_t		 from, to;	/* items of vl in this row (split rows) */
	double		 ch;		/* content height */
	int		 valign;	/* 0 before, 1 center, 2 after */
	int		 header;	/* TH rather than TD */
};

/* A table row: drawn whole on one page. */
struct ts_row {
	struct ts_table	*table;
	struct ts_cell	*cells;
	size_t		 ncells;
	double		 h;
	int		 header;	/* in table-header */
	int		 split;		/* shares its cells' content with another part */
};

/* A region of a page master, in page coordinates. */
struct ts_region {
	double		 x, y, w, h;
	char		*name;		/* region-name, owned */
	int		 present;
};

/* A simple-page-master. */
struct ts_master {
	char		*name;
	double		 pw, ph;
	struct ts_region body, before, after;
};

/* One conditional master in an alternatives list. */
struct ts_cond {
	struct ts_master *m;
	int		 pos;		/* 0 any, 1 first, 2 rest, 3 last */
	int		 parity;	/* 0 any, 1 odd, 2 even */
};

/* A sub-sequence specifier of a page-sequence-master. */
struct ts_spec {
	int		 repeats;	/* pages covered; -1 for no limit */
	struct ts_cond	*conds;
	size_t		 nconds;
};

/* A page-sequence-master, or a simple master used directly (one spec). */
struct ts_seqmaster {
	char		*name;
	struct ts_spec	*specs;
	size_t		 nspecs;
};

/* A static-content of a page-sequence. */
struct ts_static {
	const char	*flow;		/* flow-name (borrowed) */
	xmlNodePtr	 node;
};

/* A page-sequence. */
struct ts_seq {
	xmlNodePtr	 node;
	const char	*id;		/* borrowed */
	struct ts_seqmaster *sm;
	struct ts_vlist	 vl;
	int		 init_number;	/* initial-page-number, or -1 for auto */
	char		 format;	/* '1', 'i' or 'I' */
	const char	*watermark;	/* kfo:watermark (borrowed) */
	struct ts_static *statics;
	size_t		 nstatics;
	struct ts_style	 st;		/* inherited from the page-sequence */
	size_t		 page_from;	/* its pages in the document */
	size_t		 page_to;
	cairo_surface_t	*wm;		/* the watermark, recorded once */
	double		 width;		/* body width the flow is set in */
};

/* A page of the document. */
struct ts_page {
	struct ts_seq	*seq;
	struct ts_master *m;
	int		 number;
	size_t		 from, to;	/* items of seq->vl */
	struct ts_table	*rephead;	/* header rows repeated at the top */
};

/* Pages where an id starts and ends. */
struct ts_idpos {
	int		 first, last;	/* page indices, -1 unknown */
};

/* Everything a layout owns: freed together (static content per page). */
struct ts_pool {
	struct ts_para	**paras;
	size_t		 nparas, cparas;
	struct ts_row	**rows;
	size_t		 nrows, crows;
	struct ts_table	**tables;
	size_t		 ntables, ctables;
	struct ts_deco	**decos;
	size_t		 ndecos, cdecos;
};

/* The typesetter's state for one document. */
struct ts_ctx {
	struct diag	*d;
	const char	*path;		/* the FO's name for diagnostics */
	PangoFontMap	*fm;
	PangoContext	*pc;
	GHashTable	*attrnames;	/* name -> enum ts_attr + 1 */
	GHashTable	*warned;	/* names already warned about */
	GHashTable	*ids;		/* id -> struct ts_idpos */
	struct ts_master *masters;
	size_t		 nmasters;
	struct ts_seqmaster *sms;
	size_t		 nsms;
	struct ts_seq	*seqs;
	size_t		 nseqs;
	struct ts_page	*pages;
	size_t		 npages, cpages;
	struct ts_style	 root_st;	/* fo:root's inherited properties */
	struct ts_pool	 body;		/* the flows' layout */
	struct ts_pool	 tmp;		/* static content of one page */
	struct ts_pool	*pool;		/* where new objects go */
	struct ts_page	*cur_page;	/* static content: the page drawn */
	size_t		 cur_pageno;	/* its index */
	int		 pass;		/* 1 while ids are unknown */
	int		 changed;	/* pass 2 changed a line count */
	cairo_t		*cr;
	cairo_surface_t	*surf;
	struct ts_para	*open_para;	/* its structure tag is open */
	const char	**groups;	/* structure groups open, outermost first */
	size_t		 ngroups, cgroups;
	char		**links;	/* Link tags waiting for the paragraph to close */
	size_t		 nlinks, clinks;
	int		 repeating;	/* drawing repeated header rows */
	double		*ybuf;		/* item positions while drawing */
	size_t		 cybuf;
};

static int	typeset_build_blocks(struct ts_ctx *, struct ts_vlist *,
		    xmlNodePtr, const struct ts_style *, double, int);
static void	typeset_fill_inline(struct ts_ctx *, struct ts_para *,
		    struct buf *, PangoAttrList *, int *, xmlNodePtr,
		    const struct ts_style *, int);
static void	typeset_draw_range(struct ts_ctx *, struct ts_vlist *,
		    size_t, size_t, double, double, struct ts_table *);
static int	typeset_len4(struct ts_ctx *, xmlNodePtr, const char *,
		    double, double, double[4]);
static int	typeset_is_box(const struct ts_item *);

/* ------------------------------------------------------------------ */
/* Diagnostics and attribute reading                                   */
/* ------------------------------------------------------------------ */

/* Emits a warning at node's FO line. */
static void
typeset_warn(struct ts_ctx *c, xmlNodePtr n, const char *rule,
    const char *fmt, const char *arg)
{
	struct pos	 pos;

	pos.path = c->path;
	pos.line = n != NULL ? (int)xmlGetLineNo(n) : 0;
	if (pos.line < 0)
		pos.line = 0;
	pos.col = 0;
	diag_emit(c->d, DIAG_WARNING, &pos, rule, fmt, arg);
}

/*
 * Emits a warning once per key in the document (the first place found):
 * a template that uses an unsupported property does so on every page.
 */
static void
typeset_warn_once(struct ts_ctx *c, xmlNodePtr n, const char *rule,
    const char *key, const char *fmt, const char *arg)
{
	char	*k;

	if (c->pass != 1)
		return;
	xasprintf(&k, "%s\x1f%s", rule, key);
	if (g_hash_table_contains(c->warned, k)) {
		free(k);
		return;
	}
	g_hash_table_add(c->warned, k);
	typeset_warn(c, n, rule, fmt, arg);
}

/* Returns whether n is the FO element called name. */
static int
typeset_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, TS_NS_FO) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Returns whether n is an element in the FO namespace. */
static int
typeset_is_fo(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, TS_NS_FO) == 0;
}

/* Returns the text of an attribute node, borrowed, or "" when it is not plain text. */
static const char *
typeset_attr_text(xmlAttrPtr a)
{
	if (a->children != NULL && a->children->next == NULL &&
	    a->children->type == XML_TEXT_NODE && a->children->content != NULL)
		return (const char *)a->children->content;
	return "";
}

/* Maps a border side word to a side, or -1. */
static int
typeset_side(const char *s, size_t len)
{
	static const char *const words[] = { "top", "right", "bottom", "left",
	    "before", "end", "after", "start" };
	size_t	 i;

	for (i = 0; i < 8; i++)
		if (strlen(words[i]) == len && strncmp(words[i], s, len) == 0)
			return (int)(i % 4);
	return -1;
}

/* Files a border-* or padding-* attribute into a; returns 0, or -1 for an unknown name. */
static int
typeset_attr_box(struct ts_attrs *a, const char *name, const char *v)
{
	const char	*p, *q;
	int		 side = 4;

	if (strncmp(name, "padding", 7) == 0) {
		p = name + 7;
		if (*p == '\0') {
			a->pad[4] = v;
		} else if (*p == '-') {
			q = strchr(p + 1, '.');
			if ((side = typeset_side(p + 1,
			    q ? (size_t)(q - p - 1) : strlen(p + 1))) < 0)
				return -1;
			if (q != NULL && strcmp(q, ".length") != 0)
				return 0;
			a->pad[side] = v;
		} else
			return -1;
		a->any = 1;
		return 0;
	}
	if (strstr(name, ".conditionality") != NULL)
		return 0;	/* borders at breaks are always discarded */
	p = name + 6;		/* after "border" */
	if (*p == '-') {
		q = strchr(p + 1, '-');
		side = typeset_side(p + 1, q ? (size_t)(q - p - 1) : strlen(p + 1));
		if (side < 0) {
			side = 4;
			q = p;
		} else if (q == NULL) {
			a->border[side] = v;
			a->any = 1;
			return 0;
		}
		if (strcmp(q, "-width") == 0 || strncmp(q, "-width.", 7) == 0)
			a->bwidth[side] = v;
		else if (strcmp(q, "-style") == 0)
			a->bstyle[side] = v;
		else if (strcmp(q, "-color") == 0)
			a->bcolor[side] = v;
		else
			return -1;
	} else if (*p == '\0')
		a->border[4] = v;
	else
		return -1;
	a->any = 1;
	return 0;
}

/*
 * Reads the attributes of n into a (borrowed strings), warning once about
 * names outside the subset.
 */
static void
typeset_attrs(struct ts_ctx *c, xmlNodePtr n, struct ts_attrs *a)
{
	xmlAttrPtr	 at;
	const char	*name;
	char		 qname[128];
	gpointer	 hit;
	int		 ok;

	memset(a, 0, sizeof(*a));
	for (at = n->properties; at != NULL; at = at->next) {
		name = (const char *)at->name;
		if (at->ns != NULL) {
			if (strcmp((const char *)at->ns->href, TS_NS_KFO) == 0) {
				snprintf(qname, sizeof(qname), "kfo:%s", name);
				name = qname;
			} else if (at->ns->prefix != NULL &&
			    strcmp((const char *)at->ns->prefix, "xml") == 0) {
				continue;
			} else
				continue;	/* other vocabularies: not ours */
		}
		hit = g_hash_table_lookup(c->attrnames, name);
		if (hit != NULL) {
			enum ts_attr e = (enum ts_attr)(GPOINTER_TO_INT(hit) - 1);
			if (e < A_COUNT)
				a->v[e] = typeset_attr_text(at);
			continue;
		}
		ok = -1;
		if (strncmp(name, "border", 6) == 0 ||
		    strncmp(name, "padding", 7) == 0)
			ok = typeset_attr_box(a, name, typeset_attr_text(at));
		if (ok < 0)
			typeset_warn_once(c, n, "fo-unsupported-property", name,
			    "unsupported FO property %s ignored", name);
	}
}

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

/*
 * Parses a length into *out (pt).  em is the font size for em units; pct is
 * what 100% means.  Returns 0, or -1 (with a warning) when s is not a length.
 */
static int
typeset_len(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
    double pct, double *out)
{
	char	*end;
	double	 v;

	while (isspace((unsigned char)*s))
		s++;
	v = strtod(s, &end);
	if (end == s)
		goto bad;
	while (isspace((unsigned char)*end))
		end++;
	if (*end == '\0' && v == 0)
		*out = 0;
	else if (strcmp(end, "pt") == 0)
		*out = v;
	else if (strcmp(end, "mm") == 0)
		*out = v * 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		*out = v * 72.0 / 2.54;
	else if (strcmp(end, "in") == 0)
		*out = v * 72.0;
	else if (strcmp(end, "pc") == 0)
		*out = v * 12.0;
	else if (strcmp(end, "px") == 0)
		*out = v * 0.75;
	else if (strcmp(end, "em") == 0)
		*out = v * em;
	else if (strcmp(end, "%") == 0)
		*out = v * pct / 100.0;
	else
		goto bad;
	if (!isfinite(*out) || fabs(*out) > 1e5)
		goto bad;
	return 0;
bad:
	typeset_warn_once(c, n, "fo-bad-length", s,
	    "length '%s' not understood", s);
	return -1;
}

/* Sets *out from a length attribute if present and valid; returns 1 if set. */
static int
typeset_len_opt(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
    double pct, double *out)
{
	if (s == NULL)
		return 0;
	return typeset_len(c, n, s, em, pct, out) == 0;
}

/* Named colours we accept. */
static const struct {
	const char	*name;
	uint32_t	 rgb;
} ts_colors[] = {
	{ "black", 0x000000 }, { "white", 0xffffff }, { "red", 0xff0000 },
	{ "green", 0x008000 }, { "blue", 0x0000ff }, { "gray", 0x808080 },
	{ "grey", 0x808080 }, { "silver", 0xc0c0c0 }, { "maroon", 0x800000 },
	{ "navy", 0x000080 }, { "teal", 0x008080 }, { "olive", 0x808000 },
	{ "purple", 0x800080 }, { "yellow", 0xffff00 }, { "orange", 0xffa500 },
	{ "lightgray", 0xd3d3d3 }, { "lightgrey", 0xd3d3d3 },
	{ "darkgray", 0xa9a9a9 }, { "darkgrey", 0xa9a9a9 },
};

/* Parses a colour; returns 0, 1 for transparent, or -1 with a warning. */
static int
typeset_color(struct ts_ctx *c, xmlNodePtr n, const char *s, uint32_t *out)
{
	unsigned int	 r, g, b;
	size_t		 i, len;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	if (s[0] == '#' && len == 7 && strspn(s + 1, "0123456789abcdefABCDEF") == 6) {
		*out = (uint32_t)strtoul(s + 1, NULL, 16);
		return 0;
	}
	if (s[0] == '#' && len == 4 && strspn(s + 1, "0123456789abcdefABCDEF") == 3) {
		i = strtoul(s + 1, NULL, 16);
		r = (i >> 8) & 0xf;
		g = (i >> 4) & 0xf;
		b = i & 0xf;
		*out = (r * 17) << 16 | (g * 17) << 8 | b * 17;
		return 0;
	}
	if (sscanf(s, "rgb(%u ,%u ,%u )", &r, &g, &b) == 3 && r < 256 &&
	    g < 256 && b < 256) {
		*out = r << 16 | g << 8 | b;
		return 0;
	}
	if (strcmp(s, "transparent") == 0)
		return 1;
	for (i = 0; i < sizeof(ts_colors) / sizeof(ts_colors[0]); i++)
		if (strcmp(s, ts_colors[i].name) == 0) {
			*out = ts_colors[i].rgb;
			return 0;
		}
	typeset_warn_once(c, n, "fo-bad-color", s, "colour '%s' not understood", s);
	return -1;
}

/* Sets the Cairo source to an RGB colour. */
static void
typeset_source(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0,
	    ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Maps a font-family list to one of our three families (static strings). */
static const char *
typeset_family(struct ts_ctx *c, xmlNodePtr n, const char *s)
{
	char		 one[128];
	const char	*p, *q;
	size_t		 len;

	for (p = s; *p != '\0'; p = *q ? q + 1 : q) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		while (p < q && (isspace((unsigned char)*p) || *p == '"' ||
		    *p == '\''))
			p++;
		len = (size_t)(q - p);
		while (len > 0 && (isspace((unsigned char)p[len - 1]) ||
		    p[len - 1] == '"' || p[len - 1] == '\''))
			len--;
		if (len == 0 || len >= sizeof(one))
			continue;
		memcpy(one, p, len);
		one[len] = '\0';
		if (strcasecmp(one, "serif") == 0 ||
		    strcasecmp(one, TS_SERIF) == 0 || strcmp(one, "明朝") == 0 ||
		    strcasecmp(one, "Noto Serif CJK") == 0 ||
		    strcmp(one, "Mincho") == 0)
			return TS_SERIF;
		if (strcasecmp(one, "sans-serif") == 0 ||
		    strcasecmp(one, TS_SANS) == 0 || strcmp(one, "ゴシック") == 0 ||
		    strcasecmp(one, "Noto Sans CJK") == 0 ||
		    strcmp(one, "Gothic") == 0)
			return TS_SANS;
		if (strcasecmp(one, "monospace") == 0 ||
		    strcasecmp(one, TS_MONO) == 0)
			return TS_MONO;
	}
	typeset_warn_once(c, n, "fo-font-family", s,
	    "font-family '%s' has no known face; using the serif", s);
	return TS_SERIF;
}

/* Parses a keep value: "always" or a positive integer keeps; returns 1 to keep. */
static int
typeset_keep(const char *s)
{
	return s != NULL && (strcmp(s, "always") == 0 || atoi(s) > 0);
}

/* Returns whether a role names a paragraph (H1…H6, P, Lbl …) rather than a group. */
static int
typeset_role_is_para(const char *r)
{
	return (r[0] == 'H' && (r[1] == '\0' || (r[1] >= '1' && r[1] <= '6' &&
	    r[2] == '\0'))) || strcmp(r, "P") == 0 || strcmp(r, "Lbl") == 0 ||
	    strcmp(r, "Caption") == 0 || strcmp(r, "TOCI") == 0 ||
	    strcmp(r, "BlockQuote") == 0 || strcmp(r, "Code") == 0;
}

/* Returns whether a role is a heading. */
static int
typeset_role_is_heading(const char *r)
{
	return r != NULL && r[0] == 'H' && (r[1] == '\0' ||
	    (r[1] >= '1' && r[1] <= '6'));
}

/*
 * Computes the inherited properties of an element from its parent's
 * (in *st) and its attributes; refw is the reference area width for %.
 */
static void
typeset_style(struct ts_ctx *c, xmlNodePtr n, const struct ts_attrs *a,
    struct ts_style *st, double refw)
{
	const char	*s;
	double		 v, parent_size = st->size;
	uint32_t	 rgb;

	if ((s = a->v[A_FONT_FAMILY]) != NULL)
		st->family = typeset_family(c, n, s);
	if ((s = a->v[A_FONT_SIZE]) != NULL) {
		if (strcmp(s, "smaller") == 0)
			st->size = parent_size / 1.2;
		else if (strcmp(s, "larger") == 0)
			st->size = parent_size * 1.2;
		else if (strcmp(s, "medium") == 0)
			st->size = 12;
		else if (typeset_len(c, n, s, parent_size, parent_size, &v) == 0 &&
		    v > 0.5 && v < 1000)
			st->size = v;
	}
	if ((s = a->v[A_FONT_WEIGHT]) != NULL) {
		if (strcmp(s, "bold") == 0 || strcmp(s, "bolder") == 0)
			st->weight = 700;
		else if (strcmp(s, "normal") == 0 || strcmp(s, "lighter") == 0)
			st->weight = 400;
		else if (atoi(s) >= 100 && atoi(s) <= 900)
			st->weight = atoi(s);
	}
	if ((s = a->v[A_FONT_STYLE]) != NULL)
		st->italic = strcmp(s, "italic") == 0 || strcmp(s, "oblique") == 0;
	if ((s = a->v[A_LINE_HEIGHT]) != NULL) {
		char *end;
		v = strtod(s, &end);
		if (strcmp(s, "normal") == 0) {
			st->lh_factor = 1.2;
		} else if (end != s && *end == '\0' && v > 0 && v < 10) {
			st->lh_factor = v;
		} else if (typeset_len(c, n, s, st->size, st->size, &v) == 0 &&
		    v > 0) {
			st->lh_factor = 0;
			st->lh = v;
		}
	}
	if (st->lh_factor > 0)
		st->lh = st->lh_factor * st->size;
	if ((s = a->v[A_COLOR]) != NULL && typeset_color(c, n, s, &rgb) == 0)
		st->color = rgb;
	if ((s = a->v[A_TEXT_ALIGN]) != NULL) {
		if (strcmp(s, "center") == 0)
			st->align = AL_CENTER;
		else if (strcmp(s, "end") == 0 || strcmp(s, "right") == 0)
			st->align = AL_END;
		else if (strcmp(s, "justify") == 0)
			st->align = AL_JUSTIFY;
		else
			st->align = AL_START;
	}
	if ((s = a->v[A_TEXT_INDENT]) != NULL)
		typeset_len(c, n, s, st->size, refw, &st->text_indent);
	if ((s = a->v[A_WHITE_SPACE]) != NULL)
		st->pre = strcmp(s, "pre") == 0;
	if ((s = a->v[A_LINEFEED]) != NULL)
		st->pre = strcmp(s, "preserve") == 0;
	if ((s = a->v[A_WRAP_OPTION]) != NULL)
		st->nowrap = strcmp(s, "no-wrap") == 0;
	if ((s = a->v[A_WIDOWS]) != NULL && atoi(s) > 0)
		st->widows = atoi(s);
	if ((s = a->v[A_ORPHANS]) != NULL && atoi(s) > 0)
		st->orphans = atoi(s);
}

/* Parses one border shorthand ("0.5pt solid #000") into side i of dc. */
static void
typeset_border_short(struct ts_ctx *c, xmlNodePtr n, const char *s,
    struct ts_deco *dc, int i, double em)
{
	char		 tok[64];
	const char	*p = s;
	size_t		 len;
	uint32_t	 rgb;
	double		 v;

	while (*p != '\0') {
		while (isspace((unsigned char)*p))
			p++;
		len = strcspn(p, " \t\n");
		if (len == 0)
			break;
		if (len >= sizeof(tok))
			len = sizeof(tok) - 1;
		memcpy(tok, p, len);
		tok[len] = '\0';
		p += strcspn(p, " \t\n");
		if (strcmp(tok, "none") == 0 || strcmp(tok, "hidden") == 0)
			dc->bs[i] = B_NONE;
		else if (strcmp(tok, "solid") == 0 || strcmp(tok, "groove") == 0 ||
		    strcmp(tok, "ridge") == 0 || strcmp(tok, "inset") == 0 ||
		    strcmp(tok, "outset") == 0)
			dc->bs[i] = B_SOLID;
		else if (strcmp(tok, "dashed") == 0)
			dc->bs[i] = B_DASHED;
		else if (strcmp(tok, "dotted") == 0)
			dc->bs[i] = B_DOTTED;
		else if (strcmp(tok, "double") == 0)
			dc->bs[i] = B_DOUBLE;
		else if (strcmp(tok, "thin") == 0)
			dc->bw[i] = 0.5;
		else if (strcmp(tok, "medium") == 0)
			dc->bw[i] = 1;
		else if (strcmp(tok, "thick") == 0)
			dc->bw[i] = 2;
		else if (isdigit((unsigned char)tok[0]) || tok[0] == '.') {
			if (typeset_len(c, n, tok, em, 0, &v) == 0 && v >= 0)
				dc->bw[i] = v;
		} else if (typeset_color(c, n, tok, &rgb) == 0)
			dc->bc[i] = rgb;
	}
}

/*
 * Computes borders, padding and background of an element into dc; returns
 * whether it has any (so that plain blocks cost nothing).
 */
static int
typeset_deco(struct ts_ctx *c, xmlNodePtr n, const struct ts_attrs *a,
    const struct ts_style *st, double refw, struct ts_deco *dc)
{
	int		 i, any = 0;
	const char	*s;
	uint32_t	 rgb;

	memset(dc, 0, sizeof(*dc));
	for (i = 0; i < 4; i++) {
		dc->bw[i] = 1;		/* medium, used once a style is set */
		dc->bs[i] = B_NONE;
	}
	if ((s = a->v[A_BACKGROUND_COLOR]) != NULL &&
	    typeset_color(c, n, s, &rgb) == 0) {
		dc->bg = rgb;
		dc->has_bg = any = 1;
	}
	if (!a->any) {
		for (i = 0; i < 4; i++)
			dc->bw[i] = 0;
		return any;
	}
	for (i = 0; i < 4; i++) {
		dc->bc[i] = st->color;
		if (a->border[4] != NULL)
			typeset_border_short(c, n, a->border[4], dc, i, st->size);
		if (a->border[i] != NULL)
			typeset_border_short(c, n, a->border[i], dc, i, st->size);
		if ((s = a->bwidth[i] ? a->bwidth[i] : a->bwidth[4]) != NULL)
			typeset_border_short(c, n, s, dc, i, st->size);
		if ((s = a->bstyle[i] ? a->bstyle[i] : a->bstyle[4]) != NULL)
			typeset_border_short(c, n, s, dc, i, st->size);
		if ((s = a->bcolor[i] ? a->bcolor[i] : a->bcolor[4]) != NULL &&
		    typeset_color(c, n, s, &rgb) == 0)
			dc->bc[i] = rgb;
		if (dc->bs[i] == B_NONE)
			dc->bw[i] = 0;
		if (a->pad[i] != NULL)
			typeset_len(c, n, a->pad[i], st->size, refw, &dc->pad[i]);
		else if (a->pad[4] != NULL) {
			double p4[4];
			if (typeset_len4(c, n, a->pad[4], st->size, refw, p4) == 0)
				dc->pad[i] = p4[i];
		}
		if (dc->bw[i] > 0 || dc->pad[i] != 0)
			any = 1;
	}
	return any;
}

/*
 * Parses a shorthand of one to four lengths (top right bottom left, as
 * in CSS) into out; returns 0, or -1 with a warning.
 */
static int
typeset_len4(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
    double pct, double out[4])
{
	char		 tok[4][64];
	double		 v[4];
	int		 k = 0, i;
	size_t		 len;

	while (*s != '\0' && k < 4) {
		while (isspace((unsigned char)*s))
			s++;
		if ((len = strcspn(s, " \t\n")) == 0)
			break;
		if (len >= sizeof(tok[0]))
			return -1;
		memcpy(tok[k], s, len);
		tok[k][len] = '\0';
		s += len;
		k++;
	}
	if (k == 0)
		return -1;
	for (i = 0; i < k; i++)
		if (typeset_len(c, n, tok[i], em, pct, &v[i]) < 0)
			return -1;
	out[S_TOP] = v[0];
	out[S_RIGHT] = k > 1 ? v[1] : v[0];
	out[S_BOTTOM] = k > 2 ? v[2] : v[0];
	out[S_LEFT] = k > 3 ? v[3] : out[S_RIGHT];
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pools and vertical lists                                            */
/* ------------------------------------------------------------------ */

/* Grows an array of pointers by one slot and stores p. */
static void
typeset_push(void ***arr, size_t *n, size_t *cap, void *p)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = xreallocarray(*arr, *cap, sizeof(void *));
	}
	(*arr)[(*n)++] = p;
}

/* Frees a paragraph and its layout; accepts NULL. */
static void
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
	free(p);
}

/*
 * Drops the layout of a paragraph drawn for the last time: a long document
 * then holds only the layouts of pages not yet drawn.
 */
static void
typeset_para_release(struct ts_para *p)
{
	if (p->layout != NULL) {
		g_object_unref(p->layout);
		p->layout = NULL;
		p->nlines = 0;
	}
}

/* Releases the paragraphs of a row's cells once it is drawn. */
static void
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
static void
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
static void
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
static struct ts_item *
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
static struct ts_item *
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
static void
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
static double
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

/* ------------------------------------------------------------------ */
/* Paragraphs                                                          */
/* ------------------------------------------------------------------ */

/* Returns whether a code point is set solid in Japanese (no space between two of them). */
static int
typeset_wide(uint32_t u)
{
	return (u >= 0x2e80 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff) ||
	    (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xffef) ||
	    (u >= 0x20000 && u <= 0x3ffff);
}

/*
 * Appends text to the paragraph, collapsing white space as XSL-FO does by
 * default (a run of spaces and line feeds becomes one space, none at the
 * ends).  A space the author wrote between two Japanese characters stays
 * (「山田 太郎」): where a source line break joins them, the templates wrote
 * none (mdtext.c decides).  *space says a space is pending.
 */
static void
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

/* Formats a page number in a sequence's format into out (at least 32 bytes). */
static void
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
				*p = (char)toupper((unsigned char)*p);
		return;
	}
	snprintf(out, sz, "%d", n);
}

/* Writes the page number of page index i into out, or "?" when unknown. */
static void
typeset_page_label(struct ts_ctx *c, int i, char *out, size_t sz)
{
	if (i < 0 || (size_t)i >= c->npages) {
		snprintf(out, sz, "%s", c->pass == 1 ? "00" : "?");
		return;
	}
	typeset_format_number(out, sz, c->pages[i].number,
	    c->pages[i].seq->format);
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
		typeset_warn_once(c, n, "fo-citation", "no ref-id",
		    "page-number-citation without %s", "ref-id");
		return;
	}
	ip = g_hash_table_lookup(c->ids, ref);
	if (ip == NULL && c->pass > 1) {
		/* Once per id, however many passes fill this paragraph. */
		char *k;
		xasprintf(&k, "cite\x1f%s", ref);
		if (!g_hash_table_contains(c->warned, k)) {
			g_hash_table_add(c->warned, k);
			typeset_warn(c, n, "fo-citation",
			    "page-number-citation to unknown id '%s'", ref);
		} else
			free(k);
	}
	typeset_page_label(c, ip ? (last ? ip->last : ip->first) : -1, num,
	    sizeof(num));
	buf_puts(b, num);
}

/* Returns the marker to retrieve for the page being drawn, or NULL. */
static xmlNodePtr
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
		typeset_warn_once(c, n, "fo-unsupported-element", name,
		    "element %s outside the FO namespace ignored", name);
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
			typeset_warn_once(c, n, "fo-block-in-inline", name,
			    "%s inside an inline set as inline", name);
		if (strcmp(name, "footnote") == 0)
			typeset_warn_once(c, n, "fo-unsupported-element", name,
			    "%s: only its inline is set", name);
		for (ch = n->children; ch != NULL; ch = ch->next) {
			if (typeset_is(ch, "footnote-body"))
				continue;
			if (ch->type == XML_TEXT_NODE ||
			    ch->type == XML_CDATA_SECTION_NODE)
				typeset_fill_text(b, (const char *)ch->content,
				    st.pre, space);
			else if (ch->type == XML_ELEMENT_NODE) {
				if (depth >= TS_MAXDEPTH) {
					typeset_warn_once(c, ch, "fo-depth",
					    "depth", "FO nested too deeply; %s "
					    "and below ignored", (const char *)ch->name);
					continue;
				}
				typeset_fill_elem(c, p, b, al, space, ch, &st,
				    depth + 1);
			}
		}
	} else if (strcmp(name, "marker") == 0) {
		return;
	} else {
		typeset_warn_once(c, n, "fo-unsupported-element", name,
		    "unsupported FO element %s ignored", name);
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
 * Classes the gap between code points a and b in a justified line: 0 does
 * not stretch (inside a Latin word), 1 between Japanese characters, 2 at a
 * space or where Japanese meets Latin.
 */
static int
typeset_gap_class(uint32_t a, uint32_t b)
{
	if (a == ' ' || b == ' ' || a == 0x3000 || b == 0x3000)
		return 2;
	if (typeset_wide(a) && typeset_wide(b))
		return 1;
	if (typeset_wide(a) || typeset_wide(b))
		return 2;
	return 0;
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
	PangoRectangle		 lr;
	PangoGlyphItem		*run;
	PangoGlyphInfo		*prev, *last = NULL;
	const char		*text = pango_layout_get_text(p->layout);
	GSList			*l;
	uint32_t		 u, pu = 0, lastu = 0;
	double			 slack, e[3] = { 0, 0, 0 }, acc = 0;
	int			 i, n[3] = { 0, 0, 0 }, pass, add, trail = 0, cls;
	int			 end = ln->start_index + ln->length;

	if (ln->length <= 0 || text[end - 1] == '\n' || text[end] == '\n')
		return;
	pango_layout_line_get_extents(ln, NULL, &lr);
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
	if (last != NULL && (lastu == ' ' || lastu == 0x3000))
		trail = last->geometry.width;
	slack = (p->width - p->lx[k]) * PANGO_SCALE - (lr.width - trail);
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
				    typeset_gap_class(pu, u);
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
		e[1] = n[1] > 0 ? slack / n[1] : 0;
		if (e[1] > p->st.size * TS_MAXSTRETCH * PANGO_SCALE)
			e[1] = p->st.size * TS_MAXSTRETCH * PANGO_SCALE;
		slack -= e[1] * n[1];
		if (slack > 0.5) {
			if (n[2] == 0)
				return;
			e[2] = slack / n[2];
			if (e[2] > p->st.size * TS_MAXSPACE * PANGO_SCALE)
				return;
		}
	}
}

/* Returns 1 for a closing mark (、。」）…), 2 for an opening one (「（…), else 0. */
static int
typeset_punct(uint32_t u)
{
	switch (u) {
	case 0x3001: case 0x3002: case 0xff0c: case 0xff0e:	/* 、。，． */
	case 0x300d: case 0x300f: case 0xff09: case 0xff3d:	/* 」』）］ */
	case 0xff5d: case 0x3015: case 0x3009: case 0x300b:	/* ｝〕〉》 */
	case 0x3011: case 0x3019: case 0x3017:			/* 】〙〗 */
		return 1;
	case 0x300c: case 0x300e: case 0xff08: case 0xff3b:	/* 「『（［ */
	case 0xff5b: case 0x3014: case 0x3008: case 0x300a:	/* ｛〔〈《 */
	case 0x3010: case 0x3018: case 0x3016:			/* 【〘〖 */
		return 2;
	default:
		return 0;
	}
}

/*
 * Sets two Japanese marks in a row (」「, 。」, （「 …) half an em tighter,
 * as Japanese typesetting does: the blank half of one of them goes, through
 * the fonts' halt feature.  The closing mark gives its trailing blank, or
 * the second of two opening marks its leading one.
 */
static void
typeset_squeeze(const char *text, size_t len, PangoAttrList *al)
{
	const char	*p, *q, *end = text + len;
	uint32_t	 a, b;
	int		 ka, kb;

	if (text == NULL)
		return;
	for (p = text; p < end; p = q) {
		q = g_utf8_next_char(p);
		if (q >= end)
			break;
		a = g_utf8_get_char(p);
		b = g_utf8_get_char(q);
		if ((ka = typeset_punct(a)) == 0 || (kb = typeset_punct(b)) == 0)
			continue;
		if (ka == 1)
			typeset_attr_add(al, pango_attr_font_features_new("halt"),
			    (int)(p - text), (int)(q - text));
		else if (kb == 2)
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
	if (strcmp(p->st.family, TS_MONO) != 0)
		typeset_squeeze(b.data, b.len, al);
	pango_layout_set_text(p->layout, b.data ? b.data : "", (int)b.len);
	pango_layout_set_attributes(p->layout, al);
	pango_attr_list_unref(al);
	buf_free(&b);

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
	if (p->st.align == AL_JUSTIFY && p->nleaders == 0)
		for (i = 0; i + 1 < p->nlines; i++)
			typeset_justify_line(p, i);
	return p->nlines;
}

/*
 * Sets the inline children first..last of block as one paragraph and
 * appends its lines to vl.  Returns the paragraph, or NULL if it sets nothing.
 */
static struct ts_para *
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

/* ------------------------------------------------------------------ */
/* Blocks, lists and tables                                            */
/* ------------------------------------------------------------------ */

/* Returns whether an FO element is block-level (ends a paragraph). */
static int
typeset_is_blocklevel(xmlNodePtr n)
{
	static const char *const names[] = { "block", "block-container",
	    "list-block", "list-item", "table", "table-and-caption",
	    "table-caption", "float", "external-graphic-block" };
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
				prop[n] = atof(s + 26);
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
	typeset_push((void ***)&c->pool->rows, &c->pool->nrows, &c->pool->crows, r);
	for (cn = rn->children; cn != NULL; cn = cn->next) {
		if (cn->type != XML_ELEMENT_NODE)
			continue;
		if (!typeset_is(cn, "table-cell")) {
			typeset_warn_once(c, cn, "fo-unsupported-element",
			    (const char *)cn->name, "%s in a table-row ignored",
			    (const char *)cn->name);
			continue;
		}
		typeset_attrs(c, cn, &ca);
		span = ca.v[A_COLS_SPANNING] ? (size_t)atoi(ca.v[A_COLS_SPANNING]) : 1;
		if (span < 1)
			span = 1;
		if (ca.v[A_ROWS_SPANNING] != NULL && atoi(ca.v[A_ROWS_SPANNING]) > 1)
			typeset_warn_once(c, cn, "fo-rows-spanning",
			    "number-rows-spanning", "%s not supported; the cell "
			    "spans one row", "number-rows-spanning");
		if (col >= ncols) {
			typeset_warn_once(c, cn, "fo-table-columns", "too many cells",
			    "row has more cells than the table has columns; %s",
			    "extra cells ignored");
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
static void
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
				typeset_warn_once(c, sec, "fo-unsupported-element",
				    (const char *)sec->name, "%s in a table ignored",
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
					typeset_warn_once(c, rn, "fo-table-row",
					    (const char *)rn->name, "%s outside "
					    "a table-row ignored",
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
			typeset_warn_once(c, item, "fo-unsupported-element",
			    (const char *)item->name, "%s in a list-block ignored",
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
				typeset_warn_once(c, part, "fo-unsupported-element",
				    (const char *)part->name, "%s in a list-item "
				    "ignored", (const char *)part->name);
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
static int
typeset_build_blocks(struct ts_ctx *c, struct ts_vlist *vl, xmlNodePtr parent,
    const struct ts_style *st, double refw, int depth)
{
	xmlNodePtr	 n, first = NULL, last = NULL;
	struct ts_blk	 bk;
	const char	*name;

	if (depth > TS_MAXDEPTH) {
		typeset_warn_once(c, parent, "fo-depth", "depth",
		    "FO nested too deeply; %s and below ignored",
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
		} else {
			typeset_warn_once(c, n, "fo-unsupported-element", name,
			    "unsupported FO element %s ignored", name);
			continue;
		}
		typeset_blk_close(c, vl, n, &bk);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Page masters                                                        */
/* ------------------------------------------------------------------ */

/* Returns the simple-page-master called name, or NULL. */
static struct ts_master *
typeset_master_find(struct ts_ctx *c, const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < c->nmasters; i++)
		if (strcmp(c->masters[i].name, name) == 0)
			return &c->masters[i];
	return NULL;
}

/* Reads one simple-page-master into m. */
static void
typeset_master_read(struct ts_ctx *c, xmlNodePtr n, struct ts_master *m,
    const struct ts_style *st)
{
	struct ts_attrs	 a, ra;
	xmlNodePtr	 r;
	double		 mg[4] = { 0, 0, 0, 0 }, rm[4], ext, cw, ch;
	struct ts_region *reg;

	typeset_attrs(c, n, &a);
	m->name = xstrdup(a.v[A_MASTER_NAME] ? a.v[A_MASTER_NAME] : "");
	m->pw = 595.2756;	/* A4 */
	m->ph = 841.8898;
	typeset_len_opt(c, n, a.v[A_PAGE_WIDTH], st->size, 0, &m->pw);
	typeset_len_opt(c, n, a.v[A_PAGE_HEIGHT], st->size, 0, &m->ph);
	if (m->pw < 72 || m->ph < 72 || m->pw > 14400 || m->ph > 14400) {
		typeset_warn(c, n, "fo-page-size", "page size of %s out of range; "
		    "A4 used", m->name);
		m->pw = 595.2756;
		m->ph = 841.8898;
	}
	if (a.v[A_MARGIN] != NULL)
		typeset_len4(c, n, a.v[A_MARGIN], st->size, 0, mg);
	typeset_len_opt(c, n, a.v[A_MARGIN_TOP], st->size, 0, &mg[S_TOP]);
	typeset_len_opt(c, n, a.v[A_MARGIN_BOTTOM], st->size, 0, &mg[S_BOTTOM]);
	typeset_len_opt(c, n, a.v[A_MARGIN_LEFT], st->size, 0, &mg[S_LEFT]);
	typeset_len_opt(c, n, a.v[A_MARGIN_RIGHT], st->size, 0, &mg[S_RIGHT]);
	cw = m->pw - mg[S_LEFT] - mg[S_RIGHT];
	ch = m->ph - mg[S_TOP] - mg[S_BOTTOM];
	m->body.x = mg[S_LEFT];
	m->body.y = mg[S_TOP];
	m->body.w = cw;
	m->body.h = ch;
	m->body.present = 1;
	for (r = n->children; r != NULL; r = r->next) {
		if (r->type != XML_ELEMENT_NODE)
			continue;
		typeset_attrs(c, r, &ra);
		memset(rm, 0, sizeof(rm));
		ext = 0;
		if (ra.v[A_MARGIN] != NULL)
			typeset_len4(c, r, ra.v[A_MARGIN], st->size, cw, rm);
		typeset_len_opt(c, r, ra.v[A_MARGIN_TOP], st->size, cw, &rm[S_TOP]);
		typeset_len_opt(c, r, ra.v[A_MARGIN_BOTTOM], st->size, cw,
		    &rm[S_BOTTOM]);
		typeset_len_opt(c, r, ra.v[A_MARGIN_LEFT], st->size, cw, &rm[S_LEFT]);
		typeset_len_opt(c, r, ra.v[A_MARGIN_RIGHT], st->size, cw,
		    &rm[S_RIGHT]);
		typeset_len_opt(c, r, ra.v[A_EXTENT], st->size, ch, &ext);
		if (typeset_is(r, "region-body")) {
			reg = &m->body;
			reg->x = mg[S_LEFT] + rm[S_LEFT];
			reg->y = mg[S_TOP] + rm[S_TOP];
			reg->w = cw - rm[S_LEFT] - rm[S_RIGHT];
			reg->h = ch - rm[S_TOP] - rm[S_BOTTOM];
			free(reg->name);
			reg->name = xstrdup(ra.v[A_REGION_NAME] ?
			    ra.v[A_REGION_NAME] : "xsl-region-body");
		} else if (typeset_is(r, "region-before")) {
			reg = &m->before;
			reg->x = mg[S_LEFT];
			reg->y = mg[S_TOP];
			reg->w = cw;
			reg->h = ext;
			reg->name = xstrdup(ra.v[A_REGION_NAME] ?
			    ra.v[A_REGION_NAME] : "xsl-region-before");
			reg->present = 1;
		} else if (typeset_is(r, "region-after")) {
			reg = &m->after;
			reg->x = mg[S_LEFT];
			reg->y = m->ph - mg[S_BOTTOM] - ext;
			reg->w = cw;
			reg->h = ext;
			reg->name = xstrdup(ra.v[A_REGION_NAME] ?
			    ra.v[A_REGION_NAME] : "xsl-region-after");
			reg->present = 1;
		} else {
			typeset_warn_once(c, r, "fo-unsupported-element",
			    (const char *)r->name, "%s not supported; its content "
			    "is not drawn", (const char *)r->name);
		}
	}
	if (m->body.name == NULL)
		m->body.name = xstrdup("xsl-region-body");
	if (m->body.w < 10 || m->body.h < 10) {
		typeset_warn(c, n, "fo-page-size", "region-body of %s too small; "
		    "margins ignored", m->name);
		m->body.x = m->body.y = 36;
		m->body.w = m->pw - 72;
		m->body.h = m->ph - 72;
	}
}

/* Reads a page-sequence-master into sm. */
static void
typeset_seqmaster_read(struct ts_ctx *c, xmlNodePtr n, struct ts_seqmaster *sm)
{
	struct ts_attrs	 a, ca;
	struct ts_spec	*sp;
	struct ts_cond	*cd;
	xmlNodePtr	 s, cn;
	const char	*v;

	typeset_attrs(c, n, &a);
	sm->name = xstrdup(a.v[A_MASTER_NAME] ? a.v[A_MASTER_NAME] : "");
	for (s = n->children; s != NULL; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		typeset_attrs(c, s, &a);
		sm->specs = xreallocarray(sm->specs, sm->nspecs + 1,
		    sizeof(*sm->specs));
		sp = &sm->specs[sm->nspecs];
		memset(sp, 0, sizeof(*sp));
		sp->repeats = -1;
		if ((v = a.v[A_MAX_REPEATS]) != NULL && strcmp(v, "no-limit") != 0)
			sp->repeats = atoi(v);
		if (typeset_is(s, "single-page-master-reference") ||
		    typeset_is(s, "repeatable-page-master-reference")) {
			if (typeset_is(s, "single-page-master-reference"))
				sp->repeats = 1;
			sp->conds = xcalloc(1, sizeof(*sp->conds));
			sp->conds[0].m = typeset_master_find(c,
			    a.v[A_MASTER_REFERENCE]);
			sp->nconds = 1;
		} else if (typeset_is(s, "repeatable-page-master-alternatives")) {
			for (cn = s->children; cn != NULL; cn = cn->next) {
				if (!typeset_is(cn, "conditional-page-master-reference"))
					continue;
				typeset_attrs(c, cn, &ca);
				sp->conds = xreallocarray(sp->conds, sp->nconds + 1,
				    sizeof(*sp->conds));
				cd = &sp->conds[sp->nconds++];
				memset(cd, 0, sizeof(*cd));
				cd->m = typeset_master_find(c,
				    ca.v[A_MASTER_REFERENCE]);
				if ((v = ca.v[A_PAGE_POSITION]) != NULL)
					cd->pos = strcmp(v, "first") == 0 ? 1 :
					    strcmp(v, "rest") == 0 ? 2 :
					    strcmp(v, "last") == 0 ? 3 : 0;
				if ((v = ca.v[A_ODD_OR_EVEN]) != NULL)
					cd->parity = strcmp(v, "odd") == 0 ? 1 :
					    strcmp(v, "even") == 0 ? 2 : 0;
				if (cd->m == NULL)
					typeset_warn(c, cn, "fo-master",
					    "no simple-page-master '%s'",
					    ca.v[A_MASTER_REFERENCE] ?
					    ca.v[A_MASTER_REFERENCE] : "");
			}
		} else {
			typeset_warn_once(c, s, "fo-unsupported-element",
			    (const char *)s->name, "unsupported FO element %s "
			    "ignored", (const char *)s->name);
			continue;
		}
		sm->nspecs++;
	}
}

/*
 * Chooses the master of page idx (0-based in its sequence) numbered
 * number; never NULL once the document has a master.
 */
static struct ts_master *
typeset_master_pick(struct ts_ctx *c, struct ts_seqmaster *sm, size_t idx,
    int number)
{
	struct ts_spec	*sp = NULL;
	size_t		 i, k, left = idx;

	for (i = 0; i < sm->nspecs; i++) {
		sp = &sm->specs[i];
		if (sp->repeats < 0 || left < (size_t)sp->repeats)
			break;
		left -= (size_t)sp->repeats;
	}
	if (sp == NULL)
		return &c->masters[0];
	for (k = 0; k < sp->nconds; k++) {
		struct ts_cond *cd = &sp->conds[k];
		if (cd->m == NULL || cd->pos == 3)
			continue;
		if (cd->pos == 1 && idx != 0)
			continue;
		if (cd->pos == 2 && idx == 0)
			continue;
		if (cd->parity == 1 && number % 2 == 0)
			continue;
		if (cd->parity == 2 && number % 2 != 0)
			continue;
		return cd->m;
	}
	for (k = 0; k < sp->nconds; k++)
		if (sp->conds[k].m != NULL)
			return sp->conds[k].m;
	return &c->masters[0];
}

/* ------------------------------------------------------------------ */
/* Page breaking                                                       */
/* ------------------------------------------------------------------ */

/* Returns whether an item is a box (takes room and can overflow a page). */
static int
typeset_is_box(const struct ts_item *it)
{
	return it->kind == K_LINE || it->kind == K_ROW || it->kind == K_DBEGIN ||
	    it->kind == K_DEND;
}

/*
 * Returns where a page ends when it breaks before box j: ids, markers and
 * group openings just before j travel with it to the next page.
 */
static size_t
typeset_break_index(const struct ts_vlist *vl, size_t j)
{
	while (j > 0 && (vl->v[j - 1].kind == K_ID ||
	    vl->v[j - 1].kind == K_MARK || vl->v[j - 1].kind == K_GBEGIN))
		j--;
	return j;
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
				typeset_warn_once(c, NULL, "fo-duplicate-id",
				    it->str, "id '%s' used more than once",
				    it->str);
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
static int
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
			diag_emit(c->d, DIAG_ERROR, NULL, "fo-too-many-pages",
			    "more than %d pages; output cut", TS_MAXPAGES);
			return -1;
		}
		pg = &c->pages[pi];
		avail = pg->m->body.h;
		if (fabs(pg->m->body.w - sq->width) > TS_EPS)
			typeset_warn_once(c, sq->node, "fo-master-width",
			    pg->m->name, "region-body of %s differs in width from "
			    "the sequence's first master; that width is used",
			    pg->m->name);
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
				typeset_warn_once(c, it->kind == K_LINE ?
				    it->para->block : NULL, "fo-overflow",
				    "overflow", "%s taller than the page; cut",
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

/* ------------------------------------------------------------------ */
/* Drawing                                                             */
/* ------------------------------------------------------------------ */

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
	buf_printf(&b, " x=%.2f y=%.2f", x, y);
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
		for (i = 0; i < nr; i++)
			buf_printf(&b, "%s%.2f %.2f %.2f %.2f", i ? " " : "",
			    lx + (double)ranges[2 * i] / PANGO_SCALE, y,
			    (double)(ranges[2 * i + 1] - ranges[2 * i]) / PANGO_SCALE,
			    p->h[k]);
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
static void
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
static void
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
			typeset_warn_once(c, ch, "fo-unsupported-element",
			    (const char *)ch->name, "%s in a bookmark-tree ignored",
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
				typeset_warn(c, ch, "fo-bookmark",
				    "bookmark to unknown id '%s' dropped",
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

/* ------------------------------------------------------------------ */
/* Fonts                                                               */
/* ------------------------------------------------------------------ */

/*
 * The private fontconfig: only the fonts kitei is told to use, so that the
 * output never depends on what else is installed.  Returns 0, or -1 with a
 * diagnostic.
 */
static int
typeset_fonts(struct ts_ctx *c, const char *fontdir)
{
	struct buf	 x = { NULL, 0, 0 };
	struct dirent	**ents = NULL;
	const char	*p;
	int		 n;
	FcConfig	*cfg;
	FcFontSet	*set;
	cairo_font_options_t *fo;
	size_t		 i;

	cfg = FcConfigCreate();
	if (fontdir != NULL) {
		/* A folder of ours: its font files, in name order, no cache. */
		n = scandir(fontdir, &ents, NULL, alphasort);
		for (i = 0; n > 0 && i < (size_t)n; i++) {
			p = strrchr(ents[i]->d_name, '.');
			if (p != NULL && (strcasecmp(p, ".ttf") == 0 ||
			    strcasecmp(p, ".otf") == 0 ||
			    strcasecmp(p, ".ttc") == 0 ||
			    strcasecmp(p, ".otc") == 0)) {
				buf_printf(&x, "%s/%s", fontdir, ents[i]->d_name);
				FcConfigAppFontAddFile(cfg, (const FcChar8 *)x.data);
				x.len = 0;
			}
			free(ents[i]);
		}
		free(ents);
		buf_free(&x);
		set = FcConfigGetFonts(cfg, FcSetApplication);
	} else {
		/*
		 * The Noto CJK files of the system's folder, through its font
		 * cache (scanning the collections costs a tenth of a second);
		 * without a usable cache, the files one by one.
		 */
		buf_puts(&x, "<?xml version=\"1.0\"?><fontconfig><cachedir>"
		    TS_FONTCACHE "</cachedir><dir>" TS_FONTDIR "</dir>"
		    "<selectfont><acceptfont><glob>" TS_FONTDIR "/Noto*CJK*"
		    "</glob></acceptfont><rejectfont><glob>*</glob></rejectfont>"
		    "</selectfont></fontconfig>");
		if (FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)x.data, FcFalse))
			FcConfigBuildFonts(cfg);
		buf_free(&x);
		set = FcConfigGetFonts(cfg, FcSetSystem);
		if (set == NULL || set->nfont == 0) {
			FcConfigDestroy(cfg);
			cfg = FcConfigCreate();
			for (i = 0; i < sizeof(ts_default_fonts) /
			    sizeof(ts_default_fonts[0]); i++)
				FcConfigAppFontAddFile(cfg, (const FcChar8 *)ts_default_fonts[i]);
			set = FcConfigGetFonts(cfg, FcSetApplication);
		}
	}
	if (set == NULL || set->nfont == 0) {
		diag_emit(c->d, DIAG_FATAL, NULL, "fonts",
		    "no fonts in %s (Debian package fonts-noto-cjk)",
		    fontdir ? fontdir : "/usr/share/fonts/opentype/noto");
		FcConfigDestroy(cfg);
		return -1;
	}
	c->fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config((PangoFcFontMap *)c->fm, cfg);	/* no checked cast: it needs pangoft2 at link time */
	FcConfigDestroy(cfg);		/* the font map holds its own reference */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(c->fm), 72);
	c->pc = pango_font_map_create_context(c->fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(c->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(c->pc, FALSE);
	pango_context_set_language(c->pc, pango_language_from_string("ja-jp"));
	return 0;
}

/* ------------------------------------------------------------------ */
/* PDF finishing                                                       */
/* ------------------------------------------------------------------ */

/* Cairo's write callback: appends to a struct buf. */
static cairo_status_t
typeset_write(void *arg, const unsigned char *data, unsigned int len)
{
	buf_put(arg, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Formats time t at offset minutes as ISO 8601 (iso) or a PDF date. */
static void
typeset_date(char *out, size_t sz, int64_t t, int offset, int iso)
{
	struct tm	 tm;
	time_t		 lt = (time_t)(t + (int64_t)offset * 60);
	int		 ao = offset < 0 ? -offset : offset;

	gmtime_r(&lt, &tm);
	if (iso)
		snprintf(out, sz, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', ao / 60, ao % 60);
	else
		snprintf(out, sz, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', ao / 60, ao % 60);
}

/* Writes the finished PDF to path; returns 0, or -1 with a fatal diagnostic. */
static int
typeset_save(struct diag *d, const char *path, const unsigned char *data,
    size_t len)
{
	struct pos	 pos = { path, 0, 0 };
	FILE		*f;
	int		 err = 0;

	errno = 0;
	if ((f = fopen(path, "wb")) == NULL)
		err = errno;
	else {
		if (fwrite(data, 1, len, f) != len || fflush(f) != 0)
			err = errno != 0 ? errno : EIO;
		if (fclose(f) != 0 && err == 0)
			err = errno != 0 ? errno : EIO;
	}
	if (err == 0)
		return 0;
	diag_emit(d, DIAG_FATAL, &pos, "io", "cannot write: %s", strerror(err));
	return -1;
}

/*
 * Puts the structure tree under one Document element if it is not: Cairo
 * 1.16 loses the Document element when a recorded surface (the watermark)
 * is painted and hangs every element on the tree's root, which readers
 * (poppler, PDF/UA checkers) reject.
 */
static void
typeset_struct_root(qpdf_data q, qpdf_oh root)
{
	qpdf_oh		 str, kids, doc, kid;
	int		 i, n;

	str = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(q, str))
		return;
	kids = qpdf_oh_get_key(q, str, "/K");
	kid = kids;
	if (qpdf_oh_is_array(q, kids) && qpdf_oh_get_array_n_items(q, kids) == 1)
		kid = qpdf_oh_get_array_item(q, kids, 0);
	if (qpdf_oh_is_dictionary(q, kid) && strcmp(qpdf_oh_get_name(q,
	    qpdf_oh_get_key(q, kid, "/S")), "/Document") == 0)
		return;		/* as it should be */
	if (!qpdf_oh_is_array(q, kids)) {
		if (!qpdf_oh_is_dictionary(q, kids))
			return;
		kid = kids;
		kids = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, kids, kid);
	}
	doc = qpdf_make_indirect_object(q,
	    qpdf_oh_parse(q, "<< /Type /StructElem /S /Document >>"));
	qpdf_oh_replace_key(q, doc, "/P", str);
	qpdf_oh_replace_key(q, doc, "/K", kids);
	n = qpdf_oh_get_array_n_items(q, kids);
	for (i = 0; i < n; i++) {
		kid = qpdf_oh_get_array_item(q, kids, i);
		if (qpdf_oh_is_dictionary(q, kid))
			qpdf_oh_replace_key(q, kid, "/P", doc);
	}
	qpdf_oh_replace_key(q, str, "/K", doc);
}

/*
 * Finishes the PDF in pdf with qpdf and writes it to path: /Lang, dates in
 * the PDF form, /MarkInfo, a Document root element, /DisplayDocTitle,
 * object streams and a deterministic /ID.
 * Returns 0, or -1 with a diagnostic.
 */
static int
typeset_finish(struct ts_ctx *c, const struct buf *pdf, const char *path,
    const struct typeset_meta *meta)
{
	qpdf_data	 q;
	qpdf_oh		 root, trailer, info, vp;
	char		 date[64];
	int		 rc = -1;

	q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, path, pdf->data, pdf->len, NULL) & QPDF_ERRORS)
		goto err;
	root = qpdf_get_root(q);
	trailer = qpdf_get_trailer(q);
	qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q,
	    meta->lang ? meta->lang : "ja-JP"));
	/* Cairo 1.16 writes the structure tree but not always /MarkInfo. */
	if (qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
		typeset_struct_root(q, root);
		qpdf_oh_replace_key(q, root, "/MarkInfo",
		    qpdf_oh_parse(q, "<< /Marked true >>"));
	}
	vp = qpdf_oh_parse(q, "<< /DisplayDocTitle true >>");
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
	info = qpdf_oh_get_key(q, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", info);
	}
	typeset_date(date, sizeof(date), meta->time, meta->offset, 0);
	qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, date));
	qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, date));
	/* Into memory: qpdf does not report a failed write of its file. */
	if (qpdf_init_write_memory(q) & QPDF_ERRORS)
		goto err;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	qpdf_set_compress_streams(q, QPDF_TRUE);
	/* Cairo's streams are compressed already: pass them through. */
	qpdf_set_decode_level(q, qpdf_dl_none);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto err;
	rc = typeset_save(c->d, path, qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	goto out;
err:
	diag_emit(c->d, DIAG_FATAL, NULL, "pdf", "%s",
	    qpdf_has_error(q) ? qpdf_get_error_full_text(q, qpdf_get_error(q)) :
	    "qpdf failed");
out:
	qpdf_cleanup(&q);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

/* Sets the style a page-sequence starts from: 明朝 10.5 pt, black. */
static void
typeset_style_root(struct ts_style *st)
{
	memset(st, 0, sizeof(*st));
	st->family = TS_SERIF;
	st->size = 12;
	st->weight = 400;
	st->lh_factor = 1.2;
	st->lh = 14.4;
	st->widows = st->orphans = 2;
}

/* Reads a page-sequence (not its flow) into sq; returns 0, or -1 if unusable. */
static int
typeset_seq_read(struct ts_ctx *c, xmlNodePtr n, struct ts_seq *sq)
{
	struct ts_attrs	 a, sa;
	xmlNodePtr	 ch;
	const char	*s;
	size_t		 i;

	typeset_attrs(c, n, &a);
	sq->node = n;
	sq->id = a.v[A_ID];
	sq->watermark = a.v[A_KFO_WATERMARK];
	sq->init_number = -1;
	if ((s = a.v[A_INITIAL_PAGE_NUMBER]) != NULL && isdigit((unsigned char)*s))
		sq->init_number = atoi(s);
	sq->format = '1';
	if ((s = a.v[A_FORMAT]) != NULL && (s[0] == 'i' || s[0] == 'I'))
		sq->format = s[0];
	sq->st = c->root_st;
	typeset_style(c, n, &a, &sq->st, 0);
	s = a.v[A_MASTER_REFERENCE];
	for (i = 0; s != NULL && i < c->nsms; i++)
		if (strcmp(c->sms[i].name, s) == 0)
			sq->sm = &c->sms[i];
	if (sq->sm == NULL) {
		typeset_warn(c, n, "fo-master", "no page master '%s'; the first "
		    "simple-page-master used", s ? s : "");
		sq->sm = &c->sms[0];
	}
	for (ch = n->children; ch != NULL; ch = ch->next) {
		if (typeset_is(ch, "static-content")) {
			typeset_attrs(c, ch, &sa);
			if (sa.v[A_FLOW_NAME] == NULL)
				continue;
			sq->statics = xreallocarray(sq->statics, sq->nstatics + 1,
			    sizeof(*sq->statics));
			sq->statics[sq->nstatics].flow = sa.v[A_FLOW_NAME];
			sq->statics[sq->nstatics].node = ch;
			sq->nstatics++;
		} else if (ch->type == XML_ELEMENT_NODE && !typeset_is(ch, "flow") &&
		    !typeset_is(ch, "title"))
			typeset_warn_once(c, ch, "fo-unsupported-element",
			    (const char *)ch->name, "%s in a page-sequence ignored",
			    (const char *)ch->name);
	}
	return 0;
}

/* Builds the vertical list of every sequence's flow into the body pool. */
static void
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

/* Breaks all sequences into pages and records the page of every id. */
static int
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

/*
 * Fills again every paragraph that holds page numbers, now that ids have
 * pages; sets c->changed when a line count changed.
 */
static void
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

/* Reads fo:root's children: masters, sequences.  Returns 0, or -1. */
static int
typeset_read(struct ts_ctx *c, xmlNodePtr root)
{
	xmlNodePtr	 ch, m;
	struct ts_style	 st;
	struct ts_attrs	 ra;
	size_t		 i;

	typeset_style_root(&st);
	typeset_attrs(c, root, &ra);
	typeset_style(c, root, &ra, &st, 0);
	c->root_st = st;
	for (ch = root->children; ch != NULL; ch = ch->next) {
		if (typeset_is(ch, "layout-master-set")) {
			for (m = ch->children; m != NULL; m = m->next)
				if (typeset_is(m, "simple-page-master")) {
					c->masters = xreallocarray(c->masters,
					    c->nmasters + 1, sizeof(*c->masters));
					memset(&c->masters[c->nmasters], 0,
					    sizeof(c->masters[0]));
					typeset_master_read(c, m,
					    &c->masters[c->nmasters++], &st);
				}
		}
	}
	if (c->nmasters == 0) {
		diag_emit(c->d, DIAG_ERROR, NULL, "fo-master",
		    "FO has no simple-page-master");
		return -1;
	}
	/* Every simple master doubles as a one-spec sequence master. */
	for (i = 0; i < c->nmasters; i++) {
		c->sms = xreallocarray(c->sms, c->nsms + 1, sizeof(*c->sms));
		memset(&c->sms[c->nsms], 0, sizeof(c->sms[0]));
		c->sms[c->nsms].name = xstrdup(c->masters[i].name);
		c->sms[c->nsms].specs = xcalloc(1, sizeof(struct ts_spec));
		c->sms[c->nsms].specs[0].repeats = -1;
		c->sms[c->nsms].specs[0].conds = xcalloc(1, sizeof(struct ts_cond));
		c->sms[c->nsms].specs[0].conds[0].m = &c->masters[i];
		c->sms[c->nsms].specs[0].nconds = 1;
		c->sms[c->nsms].nspecs = 1;
		c->nsms++;
	}
	for (ch = root->children; ch != NULL; ch = ch->next) {
		if (typeset_is(ch, "layout-master-set")) {
			for (m = ch->children; m != NULL; m = m->next)
				if (typeset_is(m, "page-sequence-master")) {
					c->sms = xreallocarray(c->sms, c->nsms + 1,
					    sizeof(*c->sms));
					memset(&c->sms[c->nsms], 0,
					    sizeof(c->sms[0]));
					typeset_seqmaster_read(c, m,
					    &c->sms[c->nsms++]);
				} else if (m->type == XML_ELEMENT_NODE &&
				    !typeset_is(m, "simple-page-master"))
					typeset_warn_once(c, m,
					    "fo-unsupported-element",
					    (const char *)m->name, "%s in the "
					    "layout-master-set ignored",
					    (const char *)m->name);
		} else if (typeset_is(ch, "page-sequence")) {
			c->seqs = xreallocarray(c->seqs, c->nseqs + 1,
			    sizeof(*c->seqs));
			memset(&c->seqs[c->nseqs], 0, sizeof(c->seqs[0]));
			typeset_seq_read(c, ch, &c->seqs[c->nseqs++]);
		} else if (ch->type == XML_ELEMENT_NODE &&
		    !typeset_is(ch, "bookmark-tree") &&
		    !typeset_is(ch, "declarations"))
			typeset_warn_once(c, ch, "fo-unsupported-element",
			    (const char *)ch->name, "%s in fo:root ignored",
			    (const char *)ch->name);
	}
	/* A sequence master without specs would leave pages without masters. */
	for (i = 0; i < c->nsms; i++)
		if (c->sms[i].nspecs == 0) {
			c->sms[i].specs = xcalloc(1, sizeof(struct ts_spec));
			c->sms[i].specs[0].repeats = -1;
			c->sms[i].nspecs = 1;
		}
	if (c->nseqs == 0) {
		diag_emit(c->d, DIAG_ERROR, NULL, "fo-sequence",
		    "FO has no page-sequence");
		return -1;
	}
	return 0;
}

/* Frees everything the context holds. */
static void
typeset_ctx_free(struct ts_ctx *c)
{
	size_t	 i, k;

	typeset_pool_free(&c->body);
	typeset_pool_free(&c->tmp);
	for (i = 0; i < c->nseqs; i++) {
		free(c->seqs[i].vl.v);
		free(c->seqs[i].statics);
		if (c->seqs[i].wm != NULL)
			cairo_surface_destroy(c->seqs[i].wm);
	}
	free(c->seqs);
	for (i = 0; i < c->nmasters; i++) {
		free(c->masters[i].name);
		free(c->masters[i].body.name);
		free(c->masters[i].before.name);
		free(c->masters[i].after.name);
	}
	free(c->masters);
	for (i = 0; i < c->nsms; i++) {
		for (k = 0; k < c->sms[i].nspecs; k++)
			free(c->sms[i].specs[k].conds);
		free(c->sms[i].specs);
		free(c->sms[i].name);
	}
	free(c->sms);
	free(c->pages);
	for (i = 0; i < c->nlinks; i++)
		free(c->links[i]);
	free(c->links);
	free(c->groups);
	if (c->attrnames != NULL)
		g_hash_table_destroy(c->attrnames);
	if (c->warned != NULL)
		g_hash_table_destroy(c->warned);
	if (c->ids != NULL)
		g_hash_table_destroy(c->ids);
	if (c->pc != NULL)
		g_object_unref(c->pc);
	if (c->fm != NULL) {
		/*
		 * The font map outlives our reference (Pango keeps it), and
		 * with it the configuration it was given: one FcConfig and its
		 * fonts lost per PDF (valgrind).  Hand the configuration back.
		 */
		pango_fc_font_map_set_config((PangoFcFontMap *)c->fm, NULL);
		g_object_unref(c->fm);
	}
}

/*
 * Typesets the FO document fo into a PDF at path (see typeset.h): reads
 * masters and sequences, lays out (pass 1), fills in citations (pass 2,
 * again while line counts change), draws every page, adds the outline, and
 * has qpdf finish the file.  Returns 0, or -1 with a diagnostic.
 */
int
typeset_pdf(struct diag *d, const void *fo, const char *path,
    const struct typeset_meta *meta)
{
	struct ts_ctx	 c;
	xmlDocPtr	 doc = (xmlDocPtr)fo;
	xmlNodePtr	 root, ch;
	struct buf	 pdf = { NULL, 0, 0 };
	cairo_status_t	 cs;
	char		 date[64];
	size_t		 i;
	int		 rc = -1, pass;

	assert(d != NULL && fo != NULL && path != NULL && meta != NULL);
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.path = doc->URL ? (const char *)doc->URL : NULL;
	c.pass = 1;
	c.pool = &c.body;
	c.attrnames = g_hash_table_new(g_str_hash, g_str_equal);
	for (i = 0; i < sizeof(ts_attrnames) / sizeof(ts_attrnames[0]); i++)
		g_hash_table_insert(c.attrnames, (gpointer)ts_attrnames[i].name,
		    GINT_TO_POINTER((int)ts_attrnames[i].attr + 1));
	c.warned = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, free);

	root = xmlDocGetRootElement(doc);
	if (!typeset_is(root, "root")) {
		diag_emit(d, DIAG_ERROR, NULL, "fo-root", "not an XSL-FO document "
		    "(no fo:root)");
		goto out;
	}
	if (typeset_fonts(&c, meta->fontdir) < 0 || typeset_read(&c, root) < 0)
		goto out;

	/* Pass 1 lays out with ids unknown; then fill in citations. */
	typeset_build_all(&c);
	if (typeset_paginate_all(&c) < 0)
		goto out;
	/*
	 * A changed line count invalidates the lists: lay out again with the
	 * ids' pages just found.  A document whose numbers keep moving the
	 * breaks keeps its last layout (its citations may then be off).
	 */
	for (pass = 2; ; pass++) {
		c.pass = pass;
		typeset_refill(&c);
		if (!c.changed)
			break;
		typeset_build_all(&c);
		if (typeset_paginate_all(&c) < 0)
			goto out;
		if (pass >= TS_MAXPASSES)
			break;
	}

	c.surf = cairo_pdf_surface_create_for_stream(typeset_write, &pdf,
	    c.pages[0].m->pw, c.pages[0].m->ph);
	cairo_pdf_surface_restrict_to_version(c.surf, CAIRO_PDF_VERSION_1_5);
	if (meta->title != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_TITLE,
		    meta->title);
	if (meta->author != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_AUTHOR,
		    meta->author);
	if (meta->subject != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_SUBJECT,
		    meta->subject);
	if (meta->keywords != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_KEYWORDS,
		    meta->keywords);
	if (meta->creator != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_CREATOR,
		    meta->creator);
	/* Set explicitly, or Cairo writes the current time (qpdf rewrites both). */
	typeset_date(date, sizeof(date), meta->time, meta->offset, 1);
	cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_MOD_DATE, date);
	c.cr = cairo_create(c.surf);
	/* Tagged PDF only when the first structure tag is a grouping one. */
	cairo_tag_begin(c.cr, "Document", NULL);
	for (i = 0; i < c.npages; i++)
		typeset_draw_page(&c, i);
	cairo_tag_end(c.cr, "Document");
	for (ch = root->children; ch != NULL; ch = ch->next)
		if (typeset_is(ch, "bookmark-tree"))
			typeset_bookmarks(&c, ch, CAIRO_PDF_OUTLINE_ROOT, 1);
	cairo_destroy(c.cr);
	c.cr = NULL;
	cairo_surface_finish(c.surf);
	cs = cairo_surface_status(c.surf);
	cairo_surface_destroy(c.surf);
	c.surf = NULL;
	if (cs != CAIRO_STATUS_SUCCESS) {
		diag_emit(d, DIAG_FATAL, NULL, "pdf", "%s",
		    cairo_status_to_string(cs));
		goto out;
	}
	if (typeset_finish(&c, &pdf, path, meta) < 0)
		goto out;
	if (meta->on_id != NULL) {
		GHashTableIter		 it;
		gpointer		 key, value;

		g_hash_table_iter_init(&it, c.ids);
		while (g_hash_table_iter_next(&it, &key, &value)) {
			const struct ts_idpos *ip = value;

			if (ip->first >= 0)
				meta->on_id(key, ip->first + 1, meta->on_id_arg);
		}
	}
	rc = 0;
out:
	buf_free(&pdf);
	typeset_ctx_free(&c);
	return rc;
}
