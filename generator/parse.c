/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Parses one policy document: UTF-8 check, front matter, Markdown, directives.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <yaml.h>

#include "diag.h"
#include "klimits.h"
#include "parse.h"
#include "sources.h"
#include "xalloc.h"
#include "ydoc.h"

static const char *const parse_vis_names[] = {
	"public", "internal", "confidential"
};
static const char *const parse_vis_labels[] = {
	"公開", "社外秘", "関係者外秘"
};

/* The directive keys, and words people type for them by mistake. */
static const char *const parse_keys[] = {
	"covers", "not-applicable", "visibility"
};

const char *
parse_visibility_name(enum visibility v)
{
	return v == VIS_UNSET ? "internal" : parse_vis_names[v];
}

const char *
parse_visibility_label(enum visibility v)
{
	return v == VIS_UNSET ? parse_vis_labels[VIS_INTERNAL] : parse_vis_labels[v];
}

/* Parses "public" etc.; returns VIS_UNSET for anything else. */
static enum visibility
parse_visibility_word(const char *s)
{
	int	 i;

	for (i = 0; i < 3; i++)
		if (!strcmp(s, parse_vis_names[i]))
			return (enum visibility)i;
	return VIS_UNSET;
}

/*
 * Checks that text is UTF-8 without NUL bytes and without overlong lines.
 * Reports the first problem with its line and column; returns 0 or -1.
 */
static int
parse_check_text(const struct source_file *f, struct diag *d)
{
	const unsigned char	*p = (const unsigned char *)f->data;
	const unsigned char	*end = p + f->len, *line_start = p;
	struct pos		 pos;
	size_t			 need, i;
	unsigned int		 cp;

	pos.path = f->path;
	pos.line = 1;
	pos.col = 1;
	while (p < end) {
		if (*p == '\n') {
			pos.line++;
			pos.col = 1;
			line_start = ++p;
			continue;
		}
		if ((size_t)(p - line_start) >= KITEI_MAX_LINE_BYTES) {
			diag_emit(d, DIAG_ERROR, &pos, "too-long-line",
			    "line longer than %d bytes; the file is not read",
			    KITEI_MAX_LINE_BYTES);
			return -1;
		}
		if (*p == '\0') {
			diag_emit(d, DIAG_ERROR, &pos, "bad-utf8",
			    "NUL byte: a policy source must be UTF-8 text");
			return -1;
		}
		if (*p < 0x80) {
			p++;
			pos.col++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf) {
			need = 1;
			cp = *p & 0x1f;
		} else if (*p >= 0xe0 && *p <= 0xef) {
			need = 2;
			cp = *p & 0x0f;
		} else if (*p >= 0xf0 && *p <= 0xf4) {
			need = 3;
			cp = *p & 0x07;
		} else
			goto bad;
		if ((size_t)(end - p) <= need)
			goto bad;
		for (i = 1; i <= need; i++) {
			if ((p[i] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		p += need + 1;
		pos.col++;	/* columns count code points */
	}
	return 0;
bad:
	diag_emit(d, DIAG_ERROR, &pos, "bad-utf8",
	    "invalid UTF-8 byte 0x%02x: save the file as UTF-8", *p);
	return -1;
}

/* Returns the length of the line at p (without its newline). */
static size_t
parse_line_len(const char *p, const char *end)
{
	const char	*q = memchr(p, '\n', (size_t)(end - p));

	return q != NULL ? (size_t)(q - p) : (size_t)(end - p);
}

/* Whether the line at p (length n, maybe ending in \r) is exactly word. */
static int
parse_line_is(const char *p, size_t n, const char *word)
{
	size_t	 w = strlen(word);

	if (n > 0 && p[n - 1] == '\r')
		n--;
	while (n > w && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return n == w && memcmp(p, word, w) == 0;
}

/* Reads the front matter mapping into doc. */
static void
parse_front_matter(struct parse_doc *doc, const char *yaml, size_t len,
    struct diag *d)
{
	struct ydoc		 y;
	struct pos		 pos;
	yaml_node_t		*root;
	yaml_node_pair_t	*p;

	if (ydoc_load(&y, doc->src->path, yaml, len, 1, d, DIAG_ERROR,
	    "bad-front-matter") < 0)
		return;
	root = ydoc_root(&y);
	if (root == NULL)
		goto out;
	if (root->type != YAML_MAPPING_NODE) {
		ydoc_pos(&pos, &y, root);
		diag_emit(d, DIAG_ERROR, &pos, "bad-front-matter",
		    "front matter must be a mapping such as 'title: …'");
		goto out;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_get(&y, p->key);
		yaml_node_t *v = ydoc_get(&y, p->value);
		const char *key = ydoc_str(k), *val = ydoc_str(v);

		ydoc_pos(&pos, &y, key != NULL && val == NULL ? v : k);
		if (key == NULL || val == NULL) {
			diag_emit(d, DIAG_ERROR, &pos, "bad-front-matter",
			    "front matter values are single lines of text");
			continue;
		}
		if (!strcmp(key, "title")) {
			free(doc->title);
			doc->title = xstrdup(val);
		} else if (!strcmp(key, "owner")) {
			free(doc->owner);
			doc->owner = xstrdup(val);
		} else if (!strcmp(key, "visibility")) {
			doc->visibility = parse_visibility_word(val);
			if (doc->visibility == VIS_UNSET) {
				ydoc_pos(&pos, &y, v);
				diag_emit(d, DIAG_ERROR, &pos, "bad-front-matter",
				    "visibility: expected public, internal or "
				    "confidential, not '%s'", val);
				/* Unknown means the safest class. */
				doc->visibility = VIS_CONFIDENTIAL;
			}
		} else
			diag_emit(d, DIAG_WARNING, &pos, "bad-front-matter",
			    "unknown front matter key '%s' (known: title, "
			    "owner, visibility)", key);
	}
out:
	ydoc_free(&y);
}

/*
 * Splits off the front matter: returns a copy of the text in which its lines
 * are blanked, so that cmark's line numbers are the file's.
 */
static char *
parse_split_front_matter(struct parse_doc *doc, const char *text, size_t len,
    struct diag *d)
{
	const char	*p = text, *end = text + len, *yaml;
	size_t		 n;
	char		*copy;
	struct pos	 pos;
	int		 line = 1;

	copy = xstrndup(text, len);
	n = parse_line_len(p, end);
	if (!parse_line_is(p, n, "---"))
		return copy;
	p += n + (p + n < end);
	yaml = p;
	for (;;) {
		line++;
		if (p >= end) {
			pos.path = doc->src->path;
			pos.line = 1;
			pos.col = 1;
			diag_emit(d, DIAG_ERROR, &pos, "bad-front-matter",
			    "front matter opened with '---' is never closed");
			return copy;
		}
		n = parse_line_len(p, end);
		if (parse_line_is(p, n, "---") || parse_line_is(p, n, "..."))
			break;
		p += n + (p + n < end);
	}
	parse_front_matter(doc, yaml, (size_t)(p - yaml), d);
	p += n;
	/* Blank everything up to here but keep the newlines. */
	for (n = 0; n < (size_t)(p - text); n++)
		if (copy[n] != '\n')
			copy[n] = ' ';
	doc->body_line = line + 1;
	return copy;
}

int
parse_is_id(const char *s)
{
	const char	*p = s;

	if (!isdigit((unsigned char)*p))
		return 0;
	while (*p != '\0') {
		if (isdigit((unsigned char)*p))
			p++;
		else if (*p == '.' && isdigit((unsigned char)p[1]))
			p++;
		else if (*p == '.' && p[1] >= 'a' && p[1] <= 'z' && p[2] == '\0')
			return 1;
		else
			return 0;
	}
	return 1;
}

/* Whether tok could be an id someone mistyped: digits, dots and letters only. */
static int
parse_idlike(const char *tok, size_t n)
{
	size_t	 i, digits = 0;

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)tok[i]))
			digits++;
		else if (tok[i] != '.' && !isalpha((unsigned char)tok[i]) &&
		    tok[i] != '-')
			return 0;
	}
	return digits > 0 && isdigit((unsigned char)tok[0]);
}

/* Edit distance for short ASCII words, capped. */
static size_t
parse_distance(const char *a, size_t la, const char *b)
{
	size_t	 lb = strlen(b), i, j, prev, tmp, row[40];

	if (la > 38 || lb > 38)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = prev + (tolower((unsigned char)a[i - 1]) != b[j - 1]);

			tmp = row[j];
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/*
 * Whether the comment key (length klen) is a near miss of the directive key:
 * at most two edits away (three for keys of eight letters or more), or a
 * prefix of it at least three letters long.
 */
static int
parse_near_key(const char *key, size_t klen, const char *dkey)
{
	size_t	 n = strlen(dkey);

	if (parse_distance(key, klen, dkey) <= (n >= 8 ? 3 : 2))
		return 1;
	return klen >= 3 && klen < n && !strncasecmp(key, dkey, klen);
}

/*
 * Position tracking inside a node's literal.  Positions are asked for in
 * source order, so scanning resumes where the last one ended: a block of
 * many comments is read once, not once per comment.
 */
struct parse_cursor {
	const char	*base;	/* start of the literal */
	const char	*end;	/* its end */
	int		 line;	/* line of base */
	int		 col;	/* column of base */
	const char	*at;	/* last byte located, or NULL */
	int		 at_line;	/* its line */
	const char	*at_nl;	/* the last newline before it, or NULL */
	int		 pre_line;	/* the line pre was measured for, or 0 */
	int		 pre;	/* bytes of that file line left out of the literal */
	struct parse_lines *lines;	/* the file's lines */
	const struct parse_doc *doc;	/* for columns in code points */
};

/*
 * Walks the lines of the file forward: positions are asked for in source
 * order, so finding a line seldom starts again from the top.
 */
struct parse_lines {
	const char	*text;	/* the whole file */
	size_t		 len;
	int		 line;	/* line number at off */
	size_t		 off;	/* start of that line */
};

/* Sets *start and *len to file line n (1-based, without its end of line). */
static void
parse_line_at(struct parse_lines *ls, int n, const char **start, size_t *len)
{
	const char	*nl;

	if (n < ls->line) {
		ls->line = 1;
		ls->off = 0;
	}
	while (ls->line < n && ls->off < ls->len) {
		nl = memchr(ls->text + ls->off, '\n', ls->len - ls->off);
		ls->off = nl != NULL ? (size_t)(nl - ls->text) + 1 : ls->len;
		ls->line++;
	}
	*start = ls->text + ls->off;
	nl = memchr(*start, '\n', ls->len - ls->off);
	*len = nl != NULL ? (size_t)(nl - *start) : ls->len - ls->off;
	if (*len > 0 && (*start)[*len - 1] == '\r')
		(*len)--;
}

/*
 * Bytes of file line n that are not in the literal's line starting after
 * nl: the block quote markers, list indentation or paragraph indentation
 * cmark strips from lines after a node's first.  A block's line is the end
 * of the file's line; an inline comment's last line follows the stripped
 * white space and quote markers.  0 when neither fits.  Linear in the line.
 */
static int
parse_line_prefix(struct parse_cursor *c, int n, const char *nl)
{
	const char	*ls = nl + 1, *le, *fs;
	size_t		 llen, flen, pre;

	if (c->pre_line == n)
		return c->pre;
	le = memchr(ls, '\n', (size_t)(c->end - ls));
	llen = (size_t)((le != NULL ? le : c->end) - ls);
	if (llen > 0 && ls[llen - 1] == '\r')
		llen--;
	parse_line_at(c->lines, n, &fs, &flen);
	c->pre_line = n;
	if (flen >= llen && !memcmp(fs + flen - llen, ls, llen))
		pre = flen - llen;
	else {
		for (pre = 0; pre < flen && (fs[pre] == ' ' || fs[pre] == '\t' ||
		    fs[pre] == '>'); pre++)
			;
		if (pre + llen > flen || memcmp(fs + pre, ls, llen) != 0)
			pre = 0;
	}
	c->pre = (int)pre;
	return c->pre;
}

/* Fills line/col for the byte at p. */
static void
parse_locate(struct parse_cursor *c, const char *p, int *line, int *col)
{
	const char	*q, *last;
	int		 l;

	if (c->at == NULL || p < c->at) {
		c->at = c->base;
		c->at_line = c->line;
		c->at_nl = NULL;
	}
	l = c->at_line;
	last = c->at_nl;
	for (q = c->at; q < p; q++)
		if (*q == '\n') {
			l++;
			last = q;
		}
	c->at = p;
	c->at_line = l;
	c->at_nl = last;
	*line = l;
	*col = last == NULL ? c->col + (int)(p - c->base) :
	    parse_line_prefix(c, l, last) + (int)(p - last);
	*col = parse_column(c->doc, l, *col);
}

/* Appends a directive to doc and returns it. */
static struct directive *
parse_add_directive(struct parse_doc *doc, enum directive_kind kind,
    int line, int col)
{
	struct directive	*r;

	doc->dirs = xgrowarray(doc->dirs, doc->ndirs, 1, sizeof(*doc->dirs));
	r = &doc->dirs[doc->ndirs++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->line = line;
	r->col = col;
	r->visibility = VIS_UNSET;
	return r;
}

/* Interprets the body of one HTML comment (between "<!--" and "-->"). */
static void
parse_comment(struct parse_doc *doc, struct parse_cursor *cur,
    const char *open, const char *body, const char *end, struct diag *d)
{
	struct directive	*dir;
	struct pos		 pos;
	const char		*p = body, *key, *tok;
	size_t			 klen, i;
	int			 kind = -1, line, col;

	pos.path = doc->src->path;
	while (p < end && isspace((unsigned char)*p))
		p++;
	key = p;
	while (p < end && (isalnum((unsigned char)*p) || *p == '-' || *p == '_'))
		p++;
	klen = (size_t)(p - key);
	if (klen == 0 || p >= end || *p != ':')
		return;
	for (i = 0; i < 3; i++)
		if (klen == strlen(parse_keys[i]) &&
		    !memcmp(key, parse_keys[i], klen))
			kind = (int)i;
	parse_locate(cur, open, &line, &col);
	pos.line = line;
	pos.col = col;
	if (kind < 0) {
		/*
		 * A near miss is a slip of the keyboard (cover:, visiblity:,
		 * not_applicable:) or a key cut short (cov:).  Comments of other
		 * kinds (note:, code:, TODO:) must stay silent.
		 */
		for (i = 0; i < 3; i++)
			if (parse_near_key(key, klen, parse_keys[i]))
				diag_emit(d, DIAG_WARNING, &pos, "unknown-directive",
				    "'%.*s:' is not a directive; did you mean '%s:'?",
				    (int)klen, key, parse_keys[i]);
		return;
	}
	p++;
	dir = parse_add_directive(doc, (enum directive_kind)kind, line, col);
	if (kind == DIRECTIVE_VISIBILITY) {
		char *w;

		while (p < end && isspace((unsigned char)*p))
			p++;
		tok = p;
		while (p < end && !isspace((unsigned char)*p))
			p++;
		w = xstrndup(tok, (size_t)(p - tok));
		dir->visibility = parse_visibility_word(w);
		if (dir->visibility == VIS_UNSET) {
			parse_locate(cur, tok, &pos.line, &pos.col);
			diag_emit(d, DIAG_ERROR, &pos, "bad-directive",
			    "visibility: expected public, internal or "
			    "confidential, not '%s'", w);
			dir->visibility = VIS_CONFIDENTIAL;
		}
		free(w);
		return;
	}
	/* Ids: every token up to the first that is not id-like. */
	for (;;) {
		while (p < end && (isspace((unsigned char)*p) || *p == ','))
			p++;
		tok = p;
		while (p < end && !isspace((unsigned char)*p) && *p != ',')
			p++;
		if (p == tok || !parse_idlike(tok, (size_t)(p - tok)) ||
		    (kind == DIRECTIVE_NA && dir->nids > 0 &&
		    !parse_idlike(tok, (size_t)(p - tok)))) {
			p = tok;
			break;
		}
		parse_locate(cur, tok, &line, &col);
		if (dir->nids == KITEI_MAX_IDS || p - tok > KITEI_MAX_ID_LEN) {
			pos.line = line;
			pos.col = col;
			diag_emit(d, DIAG_ERROR, &pos, "bad-directive",
			    "too many or too long ids in one directive "
			    "(at most %d ids of %d characters)", KITEI_MAX_IDS,
			    KITEI_MAX_ID_LEN);
			break;
		}
		dir->ids = xgrowarray(dir->ids, dir->nids, 1, sizeof(*dir->ids));
		dir->ids[dir->nids].id = xstrndup(tok, (size_t)(p - tok));
		dir->ids[dir->nids].line = line;
		dir->ids[dir->nids].col = col;
		dir->nids++;
	}
	if (dir->nids == 0) {
		diag_emit(d, DIAG_ERROR, &pos, "bad-directive",
		    "%s: names no element id", parse_keys[kind]);
		return;
	}
	if (kind == DIRECTIVE_NA) {
		const char *r = p, *re = end;

		while (r < re && isspace((unsigned char)*r))
			r++;
		while (re > r && isspace((unsigned char)re[-1]))
			re--;
		if (re > r)
			dir->reason = xstrndup(r, (size_t)(re - r));
	} else {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p < end) {
			parse_locate(cur, p, &pos.line, &pos.col);
			diag_emit(d, DIAG_WARNING, &pos, "bad-directive",
			    "covers: text after the ids is ignored");
		}
	}
}

/*
 * The first needle in [p, end), or NULL.  Unlike strstr it never looks past
 * the match, so finding each of n comments in turn stays linear with every
 * C library and sanitizer (ASan's strstr measures the whole rest first).
 */
static const char *
parse_find(const char *p, const char *end, const char *needle)
{
	size_t	 n = strlen(needle);

	while ((size_t)(end - p) >= n &&
	    (p = memchr(p, needle[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Finds every comment in an HTML node's literal. */
static void
parse_html_node(struct parse_doc *doc, cmark_node *n, struct parse_lines *lines,
    struct diag *d)
{
	struct parse_cursor	 cur;
	const char		*lit = cmark_node_get_literal(n), *p, *open, *close;

	if (lit == NULL)
		return;
	memset(&cur, 0, sizeof(cur));
	cur.base = lit;
	cur.doc = doc;
	cur.end = lit + strlen(lit);
	cur.lines = lines;
	cur.line = cmark_node_get_start_line(n);
	cur.col = cmark_node_get_start_column(n);
	if (cur.line <= 0) {
		cmark_node *up;

		for (up = cmark_node_parent(n); up != NULL && cur.line <= 0;
		    up = cmark_node_parent(up)) {
			cur.line = cmark_node_get_start_line(up);
			cur.col = cmark_node_get_start_column(up);
		}
	}
	for (p = lit; (open = parse_find(p, cur.end, "<!--")) != NULL;
	    p = close + 3) {
		if ((close = parse_find(open + 4, cur.end, "-->")) == NULL)
			break;
		parse_comment(doc, &cur, open, open + 4, close, d);
	}
}

/* Attaches the GFM extensions kitei supports to parser. */
static void
parse_attach_extensions(cmark_parser *parser)
{
	static const char *const names[] = {
		"table", "strikethrough", "autolink", "tasklist"
	};
	cmark_syntax_extension	*ext;
	size_t			 i;

	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((ext = cmark_find_syntax_extension(names[i])) != NULL)
			cmark_parser_attach_syntax_extension(parser, ext);
}

/*
 * Walks the tree once: enforces the nesting and heading limits, collects
 * directives from HTML nodes.  Returns 0, or -1 when the document is too
 * deep or has too many headings.
 */
static int
parse_walk(struct parse_doc *doc, struct diag *d)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n, *up;
	struct pos		 pos;
	struct parse_lines	 lines;
	size_t			 nheadings = 0;
	int			 depth, rc = 0;

	lines.text = doc->src->data;
	lines.len = doc->src->len;
	lines.line = 1;
	lines.off = 0;
	it = cmark_iter_new(doc->root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			parse_html_node(doc, n, &lines, d);
			break;
		case CMARK_NODE_HEADING:
			if (++nheadings <= KITEI_MAX_SECTIONS)
				break;
			pos.path = doc->src->path;
			pos.line = cmark_node_get_start_line(n);
			pos.col = parse_column(doc, pos.line,
			    cmark_node_get_start_column(n));
			diag_emit(d, DIAG_ERROR, &pos, "too-many-sections",
			    "more than %d headings in one document; the file "
			    "is not read", KITEI_MAX_SECTIONS);
			rc = -1;
			break;
		default:
			break;
		}
		if (rc < 0)
			break;
		/* Counting parents, capped, needs no knowledge of which nodes get EXIT events. */
		for (up = n, depth = 0; up != NULL && depth <= KITEI_MAX_DEPTH;
		    up = cmark_node_parent(up))
			depth++;
		if (depth > KITEI_MAX_DEPTH) {
			pos.path = doc->src->path;
			pos.line = cmark_node_get_start_line(n);
			pos.col = parse_column(doc, pos.line,
			    cmark_node_get_start_column(n));
			diag_emit(d, DIAG_ERROR, &pos, "too-deep",
			    "nesting deeper than %d levels; the file is not read",
			    KITEI_MAX_DEPTH);
			rc = -1;
			break;
		}
	}
	cmark_iter_free(it);
	return rc;
}

/* Records where every line starts, for parse_column. */
static void
parse_index_lines(struct parse_doc *doc)
{
	const char	*p = doc->src->data, *end = p + doc->src->len;
	size_t		 cap = 64;

	doc->line_off = xreallocarray(NULL, cap, sizeof(size_t));
	doc->line_off[doc->nlines++] = 0;
	/* cmark's columns on line 1 start after a byte-order mark. */
	if (doc->src->len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		doc->line_off[0] = 3;
	for (; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
		if (doc->nlines == cap)
			doc->line_off = xreallocarray(doc->line_off, cap *= 2,
			    sizeof(size_t));
		doc->line_off[doc->nlines++] = (size_t)(p + 1 - doc->src->data);
	}
}

/* Byte column to code-point column; see parse.h. */
int
parse_column(const struct parse_doc *doc, int line, int bytecol)
{
	const unsigned char	*s, *q, *end;
	int			 col = 1;

	if (doc == NULL || line < 1 || (size_t)line > doc->nlines || bytecol < 1)
		return bytecol;
	s = (const unsigned char *)doc->src->data + doc->line_off[line - 1];
	end = (const unsigned char *)doc->src->data + doc->src->len;
	for (q = s; q < s + bytecol - 1 && q < end && *q != '\n'; q++)
		if ((*q & 0xc0) != 0x80)
			col++;
	return col;
}

/* Parses one source file; see parse.h. */
struct parse_doc *
parse_document(const struct source_file *f, struct diag *d)
{
	struct parse_doc	*doc;
	cmark_parser		*parser;
	const char		*text = f->data;
	size_t			 len = f->len;
	char			*body;

	doc = xcalloc(1, sizeof(*doc));
	doc->src = f;
	doc->visibility = VIS_UNSET;
	doc->body_line = 1;
	if (parse_check_text(f, d) < 0)
		return doc;
	parse_index_lines(doc);
	/* A byte-order mark is accepted and dropped. */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3;
		len -= 3;
	}
	body = parse_split_front_matter(doc, text, len, d);
	/*
	 * No footnotes: cmark moves their definitions to the end of the
	 * document, out of the section (and visibility) they were written in.
	 */
	parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	parse_attach_extensions(parser);
	cmark_parser_feed(parser, body, len);
	doc->root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	free(body);
	if (doc->root != NULL && parse_walk(doc, d) < 0) {
		cmark_node_free(doc->root);
		doc->root = NULL;
	}
	return doc;
}

/* Frees a document, its tree and its directives; accepts NULL. */
void
parse_doc_free(struct parse_doc *doc)
{
	size_t	 i, j;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->ndirs; i++) {
		for (j = 0; j < doc->dirs[i].nids; j++)
			free(doc->dirs[i].ids[j].id);
		free(doc->dirs[i].ids);
		free(doc->dirs[i].reason);
	}
	free(doc->dirs);
	free(doc->line_off);
	if (doc->root != NULL)
		cmark_node_free(doc->root);
	free(doc->title);
	free(doc->owner);
	free(doc);
}

/*
 * Whether a link target is safe to write out; see parse.h.  The scheme is
 * read as a browser reads it (WHATWG URL): leading controls and spaces go,
 * tabs and line feeds anywhere are removed ("java<TAB>script:" is
 * "javascript:"); then a scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
 * before the first colon (RFC 3986), and a target without one is relative.
 */
int
parse_url_safe(const char *url)
{
	static const char *const schemes[] = {
		"http", "https", "mailto", "tel"
	};
	char		 scheme[16];
	size_t		 n = 0, i;
	unsigned char	 ch;

	while (*url != '\0' && (unsigned char)*url <= ' ')
		url++;
	for (; (ch = (unsigned char)*url) != '\0'; url++) {
		if (ch == '\t' || ch == '\n' || ch == '\r')
			continue;
		if (ch == ':')
			break;
		if (!(isalpha(ch) && ch < 0x80) && (n == 0 ||
		    !((isdigit(ch) && ch < 0x80) || ch == '+' || ch == '-' ||
		    ch == '.')))
			return 1;	/* no scheme: a relative reference */
		if (n + 1 >= sizeof(scheme))
			return 0;	/* a scheme longer than any we keep */
		scheme[n++] = (char)ch;
	}
	if (ch == '\0' || n == 0)
		return ch == '\0';
	scheme[n] = '\0';
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (!strcasecmp(scheme, schemes[i]))
			return 1;
	return 0;
}
