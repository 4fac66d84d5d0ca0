/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * FO properties: warnings at an element's FO line, the property names of
 * kitei's FO subset, lengths, colours, font families, the computed
 * (inherited) style, and borders, padding and backgrounds.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ascii.h"
#include "typeset_int.h"
#include "props.h"

#define TS_NS_FO	"http://www.w3.org/1999/XSL/Format"
#define TS_NS_KFO	"urn:x-kitei:fo:1"

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
	{ "kfo:alt", A_IGNORE },	/* read by typeimage.c */
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

/* Emits table message id at node's FO line. */
static void
typeset_vwarn(struct ts_ctx *c, xmlNodePtr n, enum msgid id,
    const char *fmt, va_list ap)
{
	struct pos	 pos;

	pos.path = c->path;
	pos.line = n != NULL ? (int)xmlGetLineNo(n) : 0;
	if (pos.line < 0)
		pos.line = 0;
	pos.col = 0;
	diag_vmsgf(c->d, &pos, id, fmt, ap);
}

/* Emits table message id at node's FO line. */
void
(typeset_warn)(struct ts_ctx *c, xmlNodePtr n, enum msgid id,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	typeset_vwarn(c, n, id, fmt, ap);
	va_end(ap);
}

/*
 * Emits a warning once per rule and key in the document (the first place
 * found): a template that uses an unsupported property does so on every page.
 */
void
(typeset_warn_once)(struct ts_ctx *c, xmlNodePtr n, const char *key,
    enum msgid id, const char *fmt, ...)
{
	char	*k;
	va_list	 ap;

	if (c->pass != 1)
		return;
	xasprintf(&k, "%s\x1f%s", msg_get(id)->rule, key);
	if (g_hash_table_contains(c->warned, k)) {
		free(k);
		return;
	}
	g_hash_table_add(c->warned, k);
	va_start(ap, fmt);
	typeset_vwarn(c, n, id, fmt, ap);
	va_end(ap);
}

/* Returns whether n is the FO element called name. */
int
typeset_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, TS_NS_FO) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Returns whether n is an element in the FO namespace. */
int
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
void
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
			typeset_warn_once(c, n, name,
			    MSG_FO_UNSUPPORTED_PROPERTY, name);
	}
}

/*
 * Parses a length into *out (pt).  em is the font size for em units; pct is
 * what 100% means.  Returns 0, or -1 (with a warning) when s is not a length.
 */
int
typeset_len(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
    double pct, double *out)
{
	char	*end;
	double	 v;

	while (ascii_isspace((unsigned char)*s))
		s++;
	v = ascii_strtod(s, &end);
	if (end == s)
		goto bad;
	while (ascii_isspace((unsigned char)*end))
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
	typeset_warn_once(c, n, s, MSG_FO_BAD_LENGTH, s);
	return -1;
}

/* Sets *out from a length attribute if present and valid; returns 1 if set. */
int
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
int
typeset_color(struct ts_ctx *c, xmlNodePtr n, const char *s, uint32_t *out)
{
	unsigned int	 r, g, b;
	size_t		 i, len;

	while (ascii_isspace((unsigned char)*s))
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
	typeset_warn_once(c, n, s, MSG_FO_BAD_COLOR, s);
	return -1;
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
		while (p < q && (ascii_isspace((unsigned char)*p) || *p == '"' ||
		    *p == '\''))
			p++;
		len = (size_t)(q - p);
		while (len > 0 && (ascii_isspace((unsigned char)p[len - 1]) ||
		    p[len - 1] == '"' || p[len - 1] == '\''))
			len--;
		if (len == 0 || len >= sizeof(one))
			continue;
		memcpy(one, p, len);
		one[len] = '\0';
		if (ascii_strcasecmp(one, "serif") == 0 ||
		    ascii_strcasecmp(one, TS_SERIF) == 0 || strcmp(one, "明朝") == 0 ||
		    ascii_strcasecmp(one, "Noto Serif CJK") == 0 ||
		    strcmp(one, "Mincho") == 0)
			return TS_SERIF;
		if (ascii_strcasecmp(one, "sans-serif") == 0 ||
		    ascii_strcasecmp(one, TS_SANS) == 0 || strcmp(one, "ゴシック") == 0 ||
		    ascii_strcasecmp(one, "Noto Sans CJK") == 0 ||
		    strcmp(one, "Gothic") == 0)
			return TS_SANS;
		if (ascii_strcasecmp(one, "monospace") == 0 ||
		    ascii_strcasecmp(one, TS_MONO) == 0)
			return TS_MONO;
	}
	typeset_warn_once(c, n, s, MSG_FO_FONT_FAMILY, s);
	return TS_SERIF;
}

/* Parses a keep value: "always" or a positive integer keeps; returns 1 to keep. */
int
typeset_keep(const char *s)
{
	return s != NULL && (strcmp(s, "always") == 0 || atoi(s) > 0);
}

/* Returns whether a role names a paragraph (H1…H6, P, Lbl …) rather than a group. */
int
typeset_role_is_para(const char *r)
{
	return (r[0] == 'H' && (r[1] == '\0' || (r[1] >= '1' && r[1] <= '6' &&
	    r[2] == '\0'))) || strcmp(r, "P") == 0 || strcmp(r, "Lbl") == 0 ||
	    strcmp(r, "Caption") == 0 || strcmp(r, "TOCI") == 0 ||
	    strcmp(r, "BlockQuote") == 0 || strcmp(r, "Code") == 0;
}

/* Returns whether a role is a heading. */
int
typeset_role_is_heading(const char *r)
{
	return r != NULL && r[0] == 'H' && (r[1] == '\0' ||
	    (r[1] >= '1' && r[1] <= '6'));
}

/*
 * Computes the inherited properties of an element from its parent's
 * (in *st) and its attributes; refw is the reference area width for %.
 */
void
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
		v = ascii_strtod(s, &end);
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
		while (ascii_isspace((unsigned char)*p))
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
		else if (ascii_isdigit((unsigned char)tok[0]) || tok[0] == '.') {
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
int
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
int
typeset_len4(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
    double pct, double out[4])
{
	char		 tok[4][64];
	double		 v[4];
	int		 k = 0, i;
	size_t		 len;

	while (*s != '\0' && k < 4) {
		while (ascii_isspace((unsigned char)*s))
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

/*
 * Returns a new table of the property names of the subset (name -> enum
 * ts_attr + 1), for typeset_attrs; the caller destroys it.
 */
GHashTable *
typeset_attrnames(void)
{
	GHashTable	*t;
	size_t		 i;

	t = g_hash_table_new(g_str_hash, g_str_equal);
	for (i = 0; i < sizeof(ts_attrnames) / sizeof(ts_attrnames[0]); i++)
		g_hash_table_insert(t, (gpointer)ts_attrnames[i].name,
		    GINT_TO_POINTER((int)ts_attrnames[i].attr + 1));
	return t;
}
