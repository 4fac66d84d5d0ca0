/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Groups documents into manuals and cuts them into sections with their
 * directives and effective visibility.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <git2.h>

#include "config.h"
#include "diag.h"
#include "mdtext.h"
#include "model.h"
#include "parse.h"
#include "pathglob.h"
#include "xalloc.h"

/*
 * Sets pos to node c's place in the source; an inline node without one takes
 * its nearest ancestor's.
 */
static void
model_node_pos(struct pos *pos, cmark_node *c, const char *path,
    const struct parse_doc *md_parsed)
{
	cmark_node	*up = c;

	while (up != NULL && cmark_node_get_start_line(up) <= 0)
		up = cmark_node_parent(up);
	pos->path = path;
	pos->line = up ? cmark_node_get_start_line(up) : 0;
	pos->col = up ? parse_column(md_parsed, pos->line,
	    cmark_node_get_start_column(up)) : 0;
}

/* Whether raw HTML s is nothing but comments and white space. */
static int
model_html_is_comment(const char *s)
{
	const char	*end;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (*s == '\0')
			return 1;
		if (strncmp(s, "<!--", 4) != 0 ||
		    (end = strstr(s + 4, "-->")) == NULL)
			return 0;
		s = end + 3;
	}
}

/*
 * Appends the plain text of n's subtree to b (mdtext.c's rule; HTML left
 * out) and returns whether any of it is more than white space.  Unless d is
 * NULL (text read twice is checked once), warns of link targets that are
 * dropped and of raw HTML, which is never shown (comments are not raw HTML
 * to warn of: directives and notes to editors are comments).
 */
static int
model_collect_text(cmark_node *n, struct buf *b, const char *path,
    const struct parse_doc *md_parsed, struct diag *d)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*c;
	const char		*url, *lit;
	struct pos		 pos;
	size_t			 from = b->len, i, len;

	mdtext_append(b, n);
	it = cmark_iter_new(n);
	while (d != NULL && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			url = cmark_node_get_url(c);
			if (url == NULL || parse_url_safe(url))
				break;
			model_node_pos(&pos, c, path, md_parsed);
			diag_msg(d, &pos, MSG_UNSAFE_LINK, url);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(c);
			if (lit == NULL || model_html_is_comment(lit))
				break;
			for (len = 0; lit[len] != '\0' && lit[len] != '\n' &&
			    len < 40; len++)
				;
			while (len > 0 && ((unsigned char)lit[len] & 0xc0) == 0x80)
				len--;	/* not inside a character */
			model_node_pos(&pos, c, path, md_parsed);
			diag_msg(d, &pos, MSG_RAW_HTML, (int)len, lit,
			    lit[len] != '\0' && lit[len] != '\n' ? "…" : "");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (i = from; i < b->len; i++)
		if (b->data[i] != ' ' && b->data[i] != '\t' &&
		    b->data[i] != '\n' && b->data[i] != '\r')
			return 1;
	return 0;
}

/* Returns b's text with surrounding white space removed; b is emptied. */
static char *
model_trimmed(struct buf *b)
{
	char	*s = buf_steal(b), *p = s;
	size_t	 n;

	while (*p == ' ' || *p == '\n' || *p == '\t')
		p++;
	n = strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\n' || p[n - 1] == '\t'))
		n--;
	memmove(s, p, n);
	s[n] = '\0';
	return s;
}

/* Starts a new section in doc and returns its index. */
static size_t
model_add_section(struct model_doc *md, int level, int line, int col)
{
	struct model_section	*s;

	md->sections = xgrowarray(md->sections, md->nsections, 1,
	    sizeof(*md->sections));
	s = &md->sections[md->nsections];
	memset(s, 0, sizeof(*s));
	s->level = level;
	s->line = line;
	s->col = col;
	s->parent = MODEL_NONE;
	s->end = md->nsections + 1;
	s->own = VIS_UNSET;
	s->visibility = VIS_INTERNAL;
	return md->nsections++;
}

/* Cuts one document into sections and collects their text. */
static void
model_cut(struct model_doc *md, struct diag *d)
{
	cmark_node		*root = md->parsed->root, *n;
	struct buf		*texts = NULL;
	size_t			 cur, i, p;
	int			 level;

	cur = model_add_section(md, 0, 1, 1);
	texts = xcalloc(1, sizeof(*texts));
	for (n = root != NULL ? cmark_node_first_child(root) : NULL; n != NULL;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			struct buf h = { NULL, 0, 0 };

			level = cmark_node_get_heading_level(n);
			cur = model_add_section(md, level,
			    cmark_node_get_start_line(n),
			    cmark_node_get_start_column(n));
			texts = xgrowarray(texts, md->nsections - 1, 1,
			    sizeof(*texts));
			memset(&texts[cur], 0, sizeof(*texts));
			/* The parent is the nearest earlier section of a lower level. */
			for (p = cur - 1; p != MODEL_NONE; p = md->sections[p].parent)
				if (md->sections[p].level < level)
					break;
			md->sections[cur].parent = p;
			md->sections[cur].node = n;
			model_collect_text(n, &h, md->path, md->parsed, d);
			md->sections[cur].heading = model_trimmed(&h);
			buf_puts(&texts[cur], md->sections[cur].heading);
			buf_putc(&texts[cur], '\n');
			continue;
		}
		if (model_collect_text(n, &texts[cur], md->path, md->parsed, d))
			md->sections[cur].has_text = 1;
	}
	/* Close the ranges: every ancestor ends after its last descendant. */
	for (i = md->nsections; i-- > 0; ) {
		p = md->sections[i].parent;
		if (p != MODEL_NONE && md->sections[p].end < md->sections[i].end)
			md->sections[p].end = md->sections[i].end;
	}
	for (i = 0; i < md->nsections; i++)
		md->sections[i].text = buf_steal(&texts[i]);
	free(texts);
	md->sections[0].heading = xstrdup(md->title);
}

/* A section's anchor hash and its index, sorted to number repeated chains. */
struct model_anchor_key {
	char	 hex[11];	/* the first ten hex digits of the hash */
	size_t	 i;		/* the section */
};

/* qsort comparator: by hash, then by section order. */
static int
model_anchor_cmp(const void *a, const void *b)
{
	const struct model_anchor_key *ka = a, *kb = b;
	int	 c = strcmp(ka->hex, kb->hex);

	if (c != 0)
		return c;
	return ka->i < kb->i ? -1 : ka->i > kb->i;
}

/*
 * Gives every section an anchor that survives edits elsewhere in the file:
 * a hash of the document's path and the chain of headings down to it, with
 * a counter for repeated chains (the second is "-2", in document order).
 * Links from the coverage matrix and other manuals stay valid from one
 * revision to the next.  Repeats are found by sorting, not by comparing
 * every pair: a document may hold many thousands of equal headings.
 */
static void
model_anchors(struct model_doc *md)
{
	struct buf		 key = { NULL, 0, 0 };
	struct model_anchor_key	*keys;
	git_oid			 oid;
	char			 hex[GIT_OID_HEXSZ + 1];
	size_t			 i, p, dup;

	keys = xcalloc(md->nsections + 1, sizeof(*keys));
	for (i = 0; i < md->nsections; i++) {
		key.len = 0;
		buf_puts(&key, md->parsed->src->rel);
		for (p = i; p != MODEL_NONE && p != 0; p = md->sections[p].parent) {
			buf_putc(&key, '\0');
			buf_puts(&key, md->sections[p].heading);
		}
		git_odb_hash(&oid, key.data, key.len, GIT_OBJECT_BLOB);
		git_oid_tostr(hex, sizeof(hex), &oid);
		memcpy(keys[i].hex, hex, 10);
		keys[i].hex[10] = '\0';
		keys[i].i = i;
	}
	qsort(keys, md->nsections, sizeof(*keys), model_anchor_cmp);
	for (i = 0, dup = 1; i < md->nsections; i++) {
		dup = i > 0 && !strcmp(keys[i].hex, keys[i - 1].hex) ? dup + 1 : 1;
		if (dup == 1)
			xasprintf(&md->sections[keys[i].i].anchor, "s-%s",
			    keys[i].hex);
		else
			xasprintf(&md->sections[keys[i].i].anchor, "s-%s-%zu",
			    keys[i].hex, dup);
	}
	free(keys);
	buf_free(&key);
}

/* Hands each directive to the innermost section holding its line. */
static void
model_place_directives(struct model_doc *md, struct diag *d)
{
	struct parse_doc	*pd = md->parsed;
	struct model_section	*s;
	struct pos		 pos;
	size_t			 i, j, k = 0;

	pos.path = md->path;
	for (i = 0; i < pd->ndirs; i++) {
		const struct directive *dir = &pd->dirs[i];

		/* Directives and sections are both in source order. */
		while (k + 1 < md->nsections && md->sections[k + 1].line <= dir->line)
			k++;
		s = &md->sections[k];
		switch (dir->kind) {
		case DIRECTIVE_COVERS:
			s->covers = xgrowarray(s->covers, s->ncovers, dir->nids,
			    sizeof(*s->covers));
			for (j = 0; j < dir->nids; j++) {
				s->covers[s->ncovers].id = dir->ids[j].id;
				s->covers[s->ncovers].line = dir->ids[j].line;
				s->covers[s->ncovers].col = dir->ids[j].col;
				s->ncovers++;
			}
			break;
		case DIRECTIVE_NA:
			s->nas = xgrowarray(s->nas, s->nnas, dir->nids,
			    sizeof(*s->nas));
			for (j = 0; j < dir->nids; j++) {
				s->nas[s->nnas].id = dir->ids[j].id;
				s->nas[s->nnas].reason = dir->reason;
				s->nas[s->nnas].line = dir->ids[j].line;
				s->nas[s->nnas].col = dir->ids[j].col;
				s->nnas++;
			}
			break;
		case DIRECTIVE_VISIBILITY:
			if (s->own != VIS_UNSET && s->own != dir->visibility) {
				pos.line = dir->line;
				pos.col = dir->col;
				diag_msg(d, &pos, MSG_BAD_DIRECTIVE);
			}
			if (s->own == VIS_UNSET || dir->visibility > s->own)
				s->own = dir->visibility;
			break;
		}
	}
}

/*
 * Points pos at the visibility: directive that set section i's own class
 * (the heading when none is found).
 */
static void
model_visibility_pos(const struct model_doc *md, size_t i, struct pos *pos)
{
	const struct model_section	*s = &md->sections[i];
	int				 next = i + 1 < md->nsections ?
					    md->sections[i + 1].line : 0;
	size_t				 k;

	pos->line = s->line;
	pos->col = s->col;
	for (k = 0; k < md->parsed->ndirs; k++) {
		const struct directive *dir = &md->parsed->dirs[k];

		if (dir->kind == DIRECTIVE_VISIBILITY && dir->line >= s->line &&
		    (next == 0 || dir->line < next) && dir->visibility == s->own) {
			pos->line = dir->line;
			pos->col = dir->col;
			return;
		}
	}
}

/*
 * Computes effective visibility: a section takes its parent's class unless
 * it sets a more restricted one.  Widening is refused with a warning, so
 * nesting can never let internal text out.
 */
static void
model_visibility(struct model_doc *md, struct diag *d)
{
	struct model_section	*s;
	enum visibility		 inherited, fm = md->parsed->visibility;
	struct pos		 pos;
	size_t			 i;

	pos.path = md->path;
	for (i = 0; i < md->nsections; i++) {
		s = &md->sections[i];
		if (i == 0) {
			inherited = fm != VIS_UNSET ? fm : VIS_INTERNAL;
			if (s->own != VIS_UNSET && fm != VIS_UNSET && s->own < fm)
				s->own = fm;	/* the stricter of the two */
			if (s->own == VIS_UNSET)
				s->own = fm;
		} else
			inherited = md->sections[s->parent == MODEL_NONE ? 0 :
			    s->parent].visibility;
		s->visibility = inherited;
		if (s->own == VIS_UNSET)
			continue;
		if (s->own < inherited && i > 0) {
			model_visibility_pos(md, i, &pos);
			diag_msg(d, &pos, MSG_VISIBILITY_WIDENED,
			    parse_visibility_name(s->own),
			    parse_visibility_name(inherited));
		} else
			s->visibility = s->own;
	}
}

/* Assigns each document to the manual whose globs match it. */
static void
model_assign(struct model *m, const struct config *cf, struct diag *d)
{
	struct pos	 pos;
	size_t		 i, j, k;
	int		*hits;

	hits = xcalloc(cf->nmanuals + 1, sizeof(int));
	for (i = 0; i < m->ndocs; i++) {
		struct model_doc *md = &m->docs[i];
		const char *rel = md->parsed->src->rel;

		md->manual = MODEL_NONE;
		for (j = 0; j < cf->nmanuals; j++)
			for (k = 0; k < cf->manuals[j].ndocuments; k++) {
				if (!pathglob_match(cf->manuals[j].documents[k],
				    rel))
					continue;
				hits[j]++;
				if (md->manual == MODEL_NONE)
					md->manual = j;
				else if (md->manual != j) {
					md->ambiguous = 1;
					pos.path = md->path;
					pos.line = pos.col = 0;
					diag_msg(d, &pos,
					    MSG_AMBIGUOUS_DOCUMENT,
					    cf->manuals[md->manual].id,
					    cf->manuals[j].id);
				}
				break;
			}
		if (md->manual == MODEL_NONE) {
			pos.path = md->path;
			pos.line = pos.col = 0;
			diag_msg(d, &pos, MSG_ORPHAN_DOCUMENT);
		} else {
			struct model_manual *mm = &m->manuals[md->manual];

			mm->docs = xgrowarray(mm->docs, mm->ndocs, 1,
			    sizeof(size_t));
			mm->docs[mm->ndocs++] = i;
		}
	}
	for (j = 0; j < cf->nmanuals; j++)
		if (hits[j] == 0) {
			pos.path = cf->path;
			pos.line = cf->manuals[j].line;
			pos.col = 0;
			diag_msg(d, &pos, MSG_EMPTY_MANUAL, cf->manuals[j].id);
		}
	free(hits);
}

/* Builds the model; see model.h. */
struct model *
model_build(struct parse_doc **docs, size_t ndocs, const struct config *cf,
    struct diag *d)
{
	struct model	*m;
	size_t		 i, j, k;

	m = xcalloc(1, sizeof(*m));
	m->ndocs = ndocs;
	m->docs = xcalloc(ndocs + 1, sizeof(*m->docs));
	m->nmanuals = cf->nmanuals;
	m->manuals = xcalloc(cf->nmanuals + 1, sizeof(*m->manuals));
	for (j = 0; j < cf->nmanuals; j++) {
		m->manuals[j].cfg = &cf->manuals[j];
		m->manuals[j].highest = VIS_PUBLIC;
	}
	for (i = 0; i < ndocs; i++) {
		struct model_doc *md = &m->docs[i];
		cmark_node *n;

		md->parsed = docs[i];
		docs[i] = NULL;
		md->path = md->parsed->src->path;
		if (md->parsed->title != NULL)
			md->title = xstrdup(md->parsed->title);
		else {
			for (n = md->parsed->root ? cmark_node_first_child(
			    md->parsed->root) : NULL; n != NULL; n = cmark_node_next(n))
				if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
				    cmark_node_get_heading_level(n) == 1) {
					struct buf h = { NULL, 0, 0 };

					/* model_cut checks this heading's links. */
					model_collect_text(n, &h, NULL, NULL, NULL);
					md->title = model_trimmed(&h);
					break;
				}
			if (md->title == NULL)
				md->title = xstrdup(md->parsed->src->rel);
		}
		model_cut(md, d);
		model_anchors(md);
		model_place_directives(md, d);
		model_visibility(md, d);
	}
	model_assign(m, cf, d);
	for (j = 0; j < m->nmanuals; j++)
		for (k = 0; k < m->manuals[j].ndocs; k++) {
			const struct model_doc *md = &m->docs[m->manuals[j].docs[k]];

			for (i = 0; i < md->nsections; i++)
				if (md->sections[i].visibility > m->manuals[j].highest)
					m->manuals[j].highest = md->sections[i].visibility;
		}
	return m;
}

/* Frees the model and the parsed documents it owns; accepts NULL. */
void
model_free(struct model *m)
{
	size_t	 i, j;

	if (m == NULL)
		return;
	for (i = 0; i < m->ndocs; i++) {
		struct model_doc *md = &m->docs[i];

		for (j = 0; j < md->nsections; j++) {
			free(md->sections[j].heading);
			free(md->sections[j].anchor);
			free(md->sections[j].text);
			free(md->sections[j].covers);
			free(md->sections[j].nas);
		}
		free(md->sections);
		free(md->title);
		parse_doc_free(md->parsed);
	}
	free(m->docs);
	for (i = 0; i < m->nmanuals; i++)
		free(m->manuals[i].docs);
	free(m->manuals);
	free(m);
}

/* Whether the section or a descendant has body text. */
int
model_section_has_body(const struct model_doc *md, size_t s)
{
	size_t	 i;

	for (i = s; i < md->sections[s].end; i++)
		if (md->sections[i].has_text)
			return 1;
	return 0;
}
