/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Parses one policy document: UTF-8 check, front matter, Markdown, directives.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <yaml.h>

#include "ascii.h"
#include "diag.h"
#include "klimits.h"
#include "parse.h"
#include "sources.h"
#include "unorm.h"
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

static int	 parse_near_key(const char *, size_t, const char *);

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

/*
 * Parses a class as normalise_key gives it (NFKC, case-folded): "public",
 * "internal", "confidential", or the labels 公開, 社外秘, 関係者外秘, which
 * name one class each.  Returns VIS_UNSET for anything else.
 */
static enum visibility
parse_visibility_word(const char *s)
{
	int	 i;

	for (i = 0; i < 3; i++)
		if (!strcmp(s, parse_vis_names[i]) ||
		    !strcmp(s, parse_vis_labels[i]))
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
	size_t			 need;
	uint32_t		 cp;

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
			diag_msg(d, &pos, MSG_TOO_LONG_LINE,
			    KITEI_MAX_LINE_BYTES);
			return -1;
		}
		if (*p == '\0') {
			diag_msg(d, &pos, MSG_BAD_UTF8);
			return -1;
		}
		if (*p < 0x80) {
			p++;
			pos.col++;
			continue;
		}
		if ((need = unorm_utf8((const char *)p, (size_t)(end - p),
		    &cp)) == 0)
			goto bad;
		p += need;
		pos.col++;	/* columns count code points */
	}
	return 0;
bad:
	diag_msg(d, &pos, MSG_BAD_UTF8_INVALID, *p);
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

/*
 * Reads the front matter mapping into doc.  Keys and the visibility are
 * read after NFKC and case folding ("Visibility: ｐｕｂｌｉｃ").  Front
 * matter that cannot be read may have held a visibility: the document is
 * then confidential, as it is for a class or key kitei cannot read.
 */
static void
parse_front_matter(struct parse_doc *doc, const char *yaml, size_t len,
    struct diag *d)
{
	struct ydoc		 y;
	struct pos		 pos;
	yaml_node_t		*root;
	yaml_node_pair_t	*p;
	enum visibility		 vis;
	char			*fkey, *fval;

	if (ydoc_load(&y, doc->src->path, yaml, len, 1, d, 1) < 0) {
		doc->visibility = VIS_CONFIDENTIAL;
		return;
	}
	root = ydoc_root(&y);
	if (root == NULL)
		goto out;
	if (root->type != YAML_MAPPING_NODE) {
		ydoc_pos(&pos, &y, root);
		diag_msg(d, &pos, MSG_BAD_FRONT_MATTER);
		doc->visibility = VIS_CONFIDENTIAL;
		goto out;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_get(&y, p->key);
		yaml_node_t *v = ydoc_get(&y, p->value);
		const char *key = ydoc_str(k), *val = ydoc_str(v);

		ydoc_pos(&pos, &y, key != NULL && val == NULL ? v : k);
		fkey = key != NULL ? unorm_key(key, strlen(key)) : NULL;
		if (key == NULL || val == NULL) {
			diag_msg(d, &pos, MSG_BAD_FRONT_MATTER_FRONT);
			if (fkey == NULL || !strcmp(fkey, "visibility") ||
			    parse_near_key(fkey, strlen(fkey), "visibility"))
				doc->visibility = VIS_CONFIDENTIAL;
		} else if (!strcmp(fkey, "title")) {
			free(doc->title);
			doc->title = xstrdup(val);
		} else if (!strcmp(fkey, "owner")) {
			free(doc->owner);
			doc->owner = xstrdup(val);
		} else if (!strcmp(fkey, "visibility")) {
			fval = unorm_key(val, strlen(val));
			vis = parse_visibility_word(fval);
			free(fval);
			if (vis == VIS_UNSET) {
				ydoc_pos(&pos, &y, v);
				diag_msg(d, &pos,
				    MSG_BAD_FRONT_MATTER_VISIBILITY, val);
				/* Unknown means the safest class. */
				vis = VIS_CONFIDENTIAL;
			}
			/* Said twice, the more restricted holds. */
			if (doc->visibility == VIS_UNSET || vis > doc->visibility)
				doc->visibility = vis;
		} else if (parse_near_key(fkey, strlen(fkey), "visibility")) {
			diag_msg(d, &pos, MSG_BAD_FRONT_MATTER_UNKNOWN, key);
			doc->visibility = VIS_CONFIDENTIAL;
		} else
			diag_msg(d, &pos, MSG_BAD_FRONT_MATTER_UNKNOWN_FRONT,
			    key);
		free(fkey);
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
			diag_msg(d, &pos, MSG_BAD_FRONT_MATTER_FRONT_MATTER);
			/* It may have said visibility: confidential. */
			doc->visibility = VIS_CONFIDENTIAL;
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

	if (!ascii_isdigit((unsigned char)*p))
		return 0;
	while (*p != '\0') {
		if (ascii_isdigit((unsigned char)*p))
			p++;
		else if (*p == '.' && ascii_isdigit((unsigned char)p[1]))
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
		if (ascii_isdigit((unsigned char)tok[i]))
			digits++;
		else if (tok[i] != '.' && !ascii_isalpha((unsigned char)tok[i]) &&
		    tok[i] != '-')
			return 0;
	}
	return digits > 0 && ascii_isdigit((unsigned char)tok[0]);
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

	if (ascii_distance(key, klen, dkey, n, 1) <= (n >= 8 ? 3 : 2))
		return 1;
	return klen >= 3 && klen < n && !ascii_strncasecmp(key, dkey, klen);
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

/* A key read at the start of a directive, in the normalised copy. */
struct parse_key {
	const char	*key;	/* its first byte */
	size_t		 len;	/* its length */
	int		 colon;	/* a ':' follows (white space between allowed) */
	const char	*after;	/* past the colon, else past the key */
	int		 kind;	/* the directive it names, or -1 */
	int		 near;	/* the directive it nearly names, or -1 */
};

/* Skips white space in [p, e). */
static const char *
parse_skip_space(const char *p, const char *e)
{
	while (p < e && unorm_isspace((unsigned char)*p))
		p++;
	return p;
}

/* Skips horizontal white space in [p, e). */
static const char *
parse_skip_blank(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Returns the end of the word at p: up to white space or a colon. */
static const char *
parse_word_end(const char *p, const char *e)
{
	while (p < e && *p != ':' && !unorm_isspace((unsigned char)*p))
		p++;
	return p;
}

/*
 * Reads the key at p (white space first skipped) into k: one word, or two
 * when a colon follows the second ("not applicable:"), compared after NFKC
 * and case folding.  Returns k->kind.
 */
static int
parse_read_key(struct parse_key *k, const char *p, const char *e)
{
	const char	*q, *w2, *w2e;
	char		*fold;
	size_t		 i;

	memset(k, 0, sizeof(*k));
	k->kind = k->near = -1;
	p = parse_skip_space(p, e);
	k->key = p;
	p = parse_word_end(p, e);
	k->len = (size_t)(p - k->key);
	k->after = p;
	if (k->len == 0)
		return -1;
	q = parse_skip_blank(p, e);
	if (q < e && *q == ':') {
		k->colon = 1;
		k->after = q + 1;
	} else {
		w2 = q;
		w2e = parse_word_end(w2, e);
		q = parse_skip_blank(w2e, e);
		if (w2e > w2 && w2 > p && q < e && *q == ':') {
			k->len = (size_t)(w2e - k->key);
			k->colon = 1;
			k->after = q + 1;
		}
	}
	fold = unorm_key(k->key, k->len);
	for (i = 0; i < 3; i++)
		if (!strcmp(fold, parse_keys[i]))
			k->kind = (int)i;
	for (i = 0; k->kind < 0 && k->near < 0 && i < 3; i++)
		if (parse_near_key(fold, strlen(fold), parse_keys[i]))
			k->near = (int)i;
	free(fold);
	return k->kind;
}

/*
 * Whether a directive (or a near miss of one) starts at p: a key and a
 * colon.  Ends the text of the directive before it.
 */
static int
parse_at_directive(const char *p, const char *e)
{
	struct parse_key	 k;

	parse_read_key(&k, p, e);
	return k.colon && (k.kind >= 0 || k.near >= 0);
}

/* Whether the word at p names a class (public, ｉｎｔｅｒｎａｌ, 社外秘). */
static int
parse_names_class(const char *p, const char *e)
{
	char		*w = unorm_key(p, (size_t)(parse_word_end(p, e) - p));
	enum visibility	 vis = parse_visibility_word(w);

	free(w);
	return vis != VIS_UNSET;
}

/* The original text of [p, e) of view v over body, as a new string. */
static char *
parse_original(const struct unorm_view *v, const char *body, const char *p,
    const char *e)
{
	size_t	 a, b;

	if (e <= p)
		return xstrdup("");
	a = v->from[p - v->s];
	b = unorm_view_end(v, (size_t)(e - 1 - v->s));
	return xstrndup(body + a, b - a);
}

/* Points pos at byte p of the normalised copy, in the original's columns. */
static void
parse_locate_view(struct parse_cursor *cur, const struct unorm_view *v,
    const char *body, const char *p, struct pos *pos)
{
	parse_locate(cur, body + v->from[p - v->s], &pos->line, &pos->col);
}

/*
 * Reports a comment that tries to set a visibility and cannot be read, and
 * records it as a confidential one: a class kitei cannot read never lets
 * the section out.
 */
static void
parse_bad_visibility(struct parse_doc *doc, const struct pos *at,
    const struct pos *pos, struct diag *d, enum msgid id, const char *fmt,
    ...) __attribute__((format(printf, 6, 7)));
static void
parse_bad_visibility(struct parse_doc *doc, const struct pos *at,
    const struct pos *pos, struct diag *d, enum msgid id, const char *fmt,
    ...)
{
	struct directive	*dir;
	va_list			 ap;

	dir = parse_add_directive(doc, DIRECTIVE_VISIBILITY, at->line, at->col);
	dir->visibility = VIS_CONFIDENTIAL;
	va_start(ap, fmt);
	diag_vmsgf(d, pos, id, fmt, ap);
	va_end(ap);
}
/* parse_bad_visibility(…, d, MSG_X, args...), checked against MSG_X. */
#define parse_bad_visibility(doc, at, pos, d, ...) \
	parse_bad_visibility((doc), (at), (pos), (d), MSG_IDFMT(__VA_ARGS__))

/* Whether the ideographic comma 、 (or ，, normalised) is at p. */
static int
parse_is_comma(const char *p, const char *e)
{
	return *p == ',' || (e - p >= 3 && !memcmp(p, "\xe3\x80\x81", 3));
}

/* Returns the end of the id token at p: up to white space or a comma. */
static const char *
parse_token_end(const char *p, const char *e)
{
	while (p < e && !unorm_isspace((unsigned char)*p) && !parse_is_comma(p, e))
		p++;
	return p;
}

/* Skips white space and commas. */
static const char *
parse_skip_separators(const char *p, const char *e)
{
	while (p < e && (unorm_isspace((unsigned char)*p) || parse_is_comma(p, e)))
		p += *p == ',' || unorm_isspace((unsigned char)*p) ? 1 : 3;
	return p;
}

/*
 * Reads the value of a visibility: directive from p (past the colon) to e
 * into a directive at (line, col).  Returns where the value ends.
 */
static const char *
parse_visibility_value(struct parse_doc *doc, struct parse_cursor *cur,
    const struct unorm_view *v, const char *body, const char *p,
    const char *e, const struct pos *at, struct diag *d)
{
	struct directive	*dir;
	struct pos		 pos = *at;
	const char		*tok, *q;
	char			*w;
	enum visibility		 vis;

	p = parse_skip_space(p, e);
	tok = p;
	p = parse_word_end(p, e);
	if (p == tok) {
		parse_bad_visibility(doc, at, at, d,
		    MSG_BAD_DIRECTIVE_VISIBILITY_NAMES);
		return p;
	}
	w = unorm_key(tok, (size_t)(p - tok));
	vis = parse_visibility_word(w);
	free(w);
	if (vis == VIS_UNSET) {
		w = parse_original(v, body, tok, p);
		parse_locate_view(cur, v, body, tok, &pos);
		parse_bad_visibility(doc, at, &pos, d,
		    MSG_BAD_DIRECTIVE_VISIBILITY_EXPECTED, w);
		free(w);
		return p;
	}
	dir = parse_add_directive(doc, DIRECTIVE_VISIBILITY, at->line, at->col);
	dir->visibility = vis;
	/* Text after the class: another class makes it unreadable. */
	for (q = parse_skip_space(p, e); q < e; q = parse_skip_space(q, e)) {
		if (parse_at_directive(q, e))
			break;
		tok = q;
		q = parse_word_end(q, e);
		if (q == tok)
			q++;
		w = unorm_key(tok, (size_t)(q - tok));
		vis = parse_visibility_word(w);
		free(w);
		if (vis != VIS_UNSET) {
			parse_locate_view(cur, v, body, tok, &pos);
			dir->visibility = VIS_CONFIDENTIAL;
			diag_msg(d, &pos, MSG_BAD_DIRECTIVE_VISIBILITY);
			return q;
		}
	}
	q = parse_skip_space(p, e);
	if (q < e && !parse_at_directive(q, e)) {
		parse_locate_view(cur, v, body, q, &pos);
		diag_msg(d, &pos, MSG_BAD_DIRECTIVE_VISIBILITY_TEXT);
		while (q < e && !parse_at_directive(q, e)) {
			q = parse_word_end(q, e);
			if (q < e && *q == ':')
				q++;
			q = parse_skip_space(q, e);
		}
	}
	return q;
}

/*
 * Reads the ids (and for not-applicable the reason) of a directive of kind
 * from p (past the colon) to e into a directive at (line, col).  Returns
 * where the directive ends: at e, or at the key of the next directive.
 */
static const char *
parse_ids(struct parse_doc *doc, struct parse_cursor *cur,
    const struct unorm_view *v, const char *body, const char *p,
    const char *e, int kind, const struct pos *at, struct diag *d)
{
	struct directive	*dir;
	struct pos		 pos = *at;
	const char		*tok, *q, *r, *re, *stop;
	int			 line, col, lost = 0;

	dir = parse_add_directive(doc, (enum directive_kind)kind, at->line,
	    at->col);
	for (;;) {
		p = parse_skip_separators(p, e);
		tok = p;
		p = parse_token_end(p, e);
		if (p == tok || !parse_idlike(tok, (size_t)(p - tok))) {
			p = tok;
			break;
		}
		parse_locate(cur, body + v->from[tok - v->s], &line, &col);
		if (dir->nids == KITEI_MAX_IDS || p - tok > KITEI_MAX_ID_LEN) {
			pos.line = line;
			pos.col = col;
			diag_msg(d, &pos, MSG_BAD_DIRECTIVE_TOO, KITEI_MAX_IDS,
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
		diag_msg(d, at, MSG_BAD_DIRECTIVE_NAMES, parse_keys[kind]);
		return parse_at_directive(p, e) ? p : e;
	}
	if (kind == DIRECTIVE_NA) {
		/* The reason runs to the end, or to a line starting a directive. */
		r = parse_skip_space(p, e);
		for (re = r; re < e; re++)
			if (*re == '\n' && parse_at_directive(re, e))
				break;
		q = re;
		while (re > r && unorm_isspace((unsigned char)re[-1]))
			re--;
		if (re > r)
			dir->reason = parse_original(v, body, r, re);
		return q;
	}
	q = parse_skip_space(p, e);
	if (q >= e || parse_at_directive(q, e))
		return q;
	parse_locate_view(cur, v, body, q, &pos);
	/* An id further on is lost with the text: that is no small matter. */
	for (r = q, stop = e; r < e; r = parse_skip_separators(r, e)) {
		if (parse_at_directive(r, e)) {
			stop = r;
			break;
		}
		tok = r;
		r = parse_token_end(r, e);
		if (r == tok)
			r++;
		if (parse_idlike(tok, (size_t)(r - tok)))
			lost = 1;
	}
	if (lost) {
		char *w = parse_original(v, body, q, parse_token_end(q, e));

		diag_msg(d, &pos, MSG_BAD_DIRECTIVE_COVERS, w);
		free(w);
	} else
		diag_msg(d, &pos, MSG_BAD_DIRECTIVE_COVERS_TEXT);
	return stop;
}

/*
 * Interprets the body of one HTML comment (between "<!--" and "-->"):
 * directives, one after another, read on a copy in NFKC so that what a
 * Japanese keyboard types in full-width mode means what it says.  Columns
 * stay those of the original.
 */
static void
parse_comment(struct parse_doc *doc, struct parse_cursor *cur,
    const char *open, const char *body, const char *end, struct diag *d)
{
	struct unorm_view	 v;
	struct parse_key	 k;
	struct pos		 at, pos;
	const char		*p, *e, *q;
	char			*w;
	int			 first, dashes;

	/* Most comments are no directive: look before copying. */
	for (p = body; p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'); p++)
		;
	if (p == end || *p == '<' || *p == '!')
		return;
	unorm_view_make(&v, body, (size_t)(end - body));
	e = v.s + v.len;
	/*
	 * "<!--- visibility: internal --->" is read as the author meant: as
	 * many dashes go from the end as opened it, and no more, so that a
	 * reason "-" stays a reason.
	 */
	for (dashes = 0, p = parse_skip_space(v.s, e); p < e && *p == '-'; dashes++)
		p = parse_skip_space(p + 1, e);
	for (;;) {
		while (e > p && unorm_isspace((unsigned char)e[-1]))
			e--;
		if (dashes == 0 || e == p || e[-1] != '-')
			break;
		e--;
		dashes--;
	}
	at.path = pos.path = doc->src->path;
	for (first = 1; p < e; first = 0) {
		parse_read_key(&k, p, e);
		if (!first && !parse_at_directive(p, e))
			break;
		if (first)
			parse_locate(cur, open, &at.line, &at.col);
		else
			parse_locate_view(cur, &v, body, k.key, &at);
		if (k.kind >= 0 && k.colon) {
			if (k.kind == DIRECTIVE_VISIBILITY)
				p = parse_visibility_value(doc, cur, &v, body,
				    k.after, e, &at, d);
			else
				p = parse_ids(doc, cur, &v, body, k.after, e,
				    k.kind, &at, d);
			continue;
		}
		q = parse_skip_blank(k.after, e);
		w = parse_original(&v, body, k.key, k.key + k.len);
		if (k.near >= 0 && k.colon) {
			/*
			 * A near miss is a slip of the keyboard (cover:,
			 * visiblity:, not_applicable:) or a key cut short
			 * (cov:).  Comments of other kinds (note:, code:,
			 * TODO:) must stay silent.
			 */
			if (k.near == DIRECTIVE_VISIBILITY)
				parse_bad_visibility(doc, &at, &at, d,
				    MSG_UNKNOWN_DIRECTIVE_DIRECTIVE, w);
			else
				diag_msg(d, &at, MSG_UNKNOWN_DIRECTIVE, w,
				    parse_keys[k.near]);
		} else if (first && k.kind == DIRECTIVE_VISIBILITY)
			parse_bad_visibility(doc, &at, &at, d,
			    MSG_BAD_DIRECTIVE_WITHOUT_READ, w);
		else if (first && k.near == DIRECTIVE_VISIBILITY &&
		    parse_names_class(q, e))
			parse_bad_visibility(doc, &at, &at, d,
			    MSG_UNKNOWN_DIRECTIVE_DIRECTIVE_DID, w);
		else if (first && k.kind >= 0 &&
		    parse_idlike(q, (size_t)(parse_token_end(q, e) - q)))
			diag_msg(d, &at, MSG_BAD_DIRECTIVE_WITHOUT, w,
			    parse_keys[k.kind]);
		free(w);
		break;
	}
	unorm_view_free(&v);
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

static void	 parse_unclosed(struct parse_doc *, struct parse_cursor *,
		    const char *, struct diag *);

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
		if ((close = parse_find(open + 4, cur.end, "-->")) == NULL) {
			parse_unclosed(doc, &cur, open, d);
			break;
		}
		parse_comment(doc, &cur, open, open + 4, close, d);
	}
}

/*
 * Whether a directive key (or a near miss of one) follows "<!--" at byte
 * off of view v: with a colon, or visibility without one.  Sets *kind to the
 * directive it names or nearly names.
 */
static int
parse_looks_like(const struct unorm_view *v, size_t off, int *kind)
{
	struct parse_key	 k;
	const char		*p = v->s + off, *e = v->s + v->len;

	while (p < e && (*p == '-' || unorm_isspace((unsigned char)*p)))
		p++;
	parse_read_key(&k, p, e);
	*kind = k.kind >= 0 ? k.kind : k.near;
	return *kind >= 0 && (k.colon || *kind == DIRECTIVE_VISIBILITY);
}

/*
 * A comment opened at open in an HTML node and never closed with "-->":
 * cmark reads the rest of the block (for a block, the rest of the document)
 * as raw HTML, which no output shows.  When it starts like a directive it
 * is read up to a full-width "－－＞" (or the end), and the open comment is
 * an error; a visibility there is confidential whatever it says.
 */
static void
parse_unclosed(struct parse_doc *doc, struct parse_cursor *cur,
    const char *open, struct diag *d)
{
	struct unorm_view	 v;
	struct pos		 pos;
	const char		*close, *end;
	int			 kind;

	unorm_view_make(&v, open + 4, (size_t)(cur->end - open - 4));
	if (!parse_looks_like(&v, 0, &kind)) {
		unorm_view_free(&v);
		return;
	}
	close = parse_find(v.s, v.s + v.len, "-->");
	end = close != NULL ? open + 4 + v.from[close - v.s] : cur->end;
	pos.path = doc->src->path;
	parse_locate(cur, open, &pos.line, &pos.col);
	if (kind == DIRECTIVE_VISIBILITY)
		parse_bad_visibility(doc, &pos, &pos, d,
		    MSG_BAD_DIRECTIVE_COMMENT_OPENED,
		    close != NULL ? " (a full-width '－－＞' " "does not close it)" : "");
	else {
		diag_msg(d, &pos, MSG_BAD_DIRECTIVE_COMMENT,
		    close != NULL ? " (a full-width " "'－－＞' does not close it)" : "");
		parse_comment(doc, cur, open, open + 4, end, d);
	}
	unorm_view_free(&v);
}

/*
 * Finds directives written where Markdown shows them as text: a comment
 * opened with a full-width "＜！－－", or one that is never closed inside a
 * paragraph.  Each is an error; a visibility among them makes the section
 * confidential, since the author meant it and kitei did not apply it.
 */
static void
parse_text_node(struct parse_doc *doc, cmark_node *n, struct parse_lines *lines,
    struct diag *d)
{
	struct parse_cursor	 cur;
	struct unorm_view	 v;
	struct pos		 pos;
	const char		*lit = cmark_node_get_literal(n), *p;
	cmark_node		*up;
	int			 kind;

	if (lit == NULL || (strstr(lit, "<!") == NULL &&
	    strstr(lit, "\xef") == NULL))
		return;
	unorm_view_make(&v, lit, strlen(lit));
	memset(&cur, 0, sizeof(cur));
	cur.base = lit;
	cur.doc = doc;
	cur.end = lit + strlen(lit);
	cur.lines = lines;
	for (up = n; up != NULL && cur.line <= 0; up = cmark_node_parent(up)) {
		cur.line = cmark_node_get_start_line(up);
		cur.col = cmark_node_get_start_column(up);
	}
	pos.path = doc->src->path;
	for (p = v.s; (p = parse_find(p, v.s + v.len, "<!--")) != NULL; p += 4) {
		if (!parse_looks_like(&v, (size_t)(p + 4 - v.s), &kind))
			continue;
		parse_locate(&cur, lit + v.from[p - v.s], &pos.line, &pos.col);
		if (kind == DIRECTIVE_VISIBILITY)
			parse_bad_visibility(doc, &pos, &pos, d,
			    MSG_BAD_DIRECTIVE_DIRECTIVE_WRITTEN,
			    strncmp(lit + v.from[p - v.s], "<!--", 4) != 0 ? " (with a full-width '＜！－－')" : " (never closed " "with '-->')");
		else
			diag_msg(d, &pos, MSG_BAD_DIRECTIVE_DIRECTIVE,
			    strncmp(lit + v.from[p - v.s], "<!--", 4) != 0 ? " (with a full-width '＜！－－')" : " (never " "closed with '-->')");
	}
	unorm_view_free(&v);
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
		case CMARK_NODE_TEXT:
			parse_text_node(doc, n, &lines, d);
			break;
		case CMARK_NODE_HEADING:
			if (++nheadings <= KITEI_MAX_SECTIONS)
				break;
			pos.path = doc->src->path;
			pos.line = cmark_node_get_start_line(n);
			pos.col = parse_column(doc, pos.line,
			    cmark_node_get_start_column(n));
			diag_msg(d, &pos, MSG_TOO_MANY_SECTIONS,
			    KITEI_MAX_SECTIONS);
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
			diag_msg(d, &pos, MSG_TOO_DEEP, KITEI_MAX_DEPTH);
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
		if (!(ascii_isalpha(ch) && ch < 0x80) && (n == 0 ||
		    !((ascii_isdigit(ch) && ch < 0x80) || ch == '+' || ch == '-' ||
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
		if (!ascii_strcasecmp(scheme, schemes[i]))
			return 1;
	return 0;
}
