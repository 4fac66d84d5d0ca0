/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The typesetter's internal header, for the files of generator/typeset/ only:
 * the structs its stages hand each other, from the FO's properties (struct
 * ts_attrs, ts_style, ts_deco) through paragraphs, vertical lists and table
 * rows to masters, sequences, pages and the context (struct ts_ctx) that owns
 * them all.  Each stage's functions are in its own header; README.md draws
 * the flow.
 */
#ifndef KITEI_TYPESET_INT_H
#define KITEI_TYPESET_INT_H

#include <stddef.h>
#include <stdint.h>

#include <cairo.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "../diag.h"
#include "../xalloc.h"

/*
 * FO nesting we follow; the builders recurse, so user input must not set
 * the depth.
 */
#define TS_MAXDEPTH	64

/* Page breaking tolerance, in points: rounding must not push a line over. */
#define TS_EPS		0.01

/* The three families every font-family maps to (props.c). */
#define TS_SERIF	"Noto Serif CJK JP"
#define TS_SANS		"Noto Sans CJK JP"
#define TS_MONO		"Noto Sans Mono CJK JP"

/* ------------------------------------------------------------------ */
/* Properties (props.c)                                                */
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
/* A 和欧間 after the character at byte idx of a paragraph's text. */
struct ts_wakan {
	int		 idx;
	int		 w;		/* Pango units, the letter spacing Pango got */
	int		 space;		/* idx is a typed space set as the 和欧間 */
};

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
	struct ts_wakan	*wakan;		/* the 和欧間 after characters, by offset */
	size_t		 nwakan;
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
	K_GEND,		/* and closes */
	K_IMAGE		/* an external-graphic (box): line is its typeimage index */
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
	int		 breakable;	/* keep-together auto: may continue on the next page */
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
	struct typeimage *img;		/* external-graphics (../typeimage.c) */
};

#endif /* KITEI_TYPESET_INT_H */
