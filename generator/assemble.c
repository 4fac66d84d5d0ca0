/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Builds the XML documents the templates turn into pages.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <git2.h>
#include <libxml/tree.h>

#include "assemble.h"
#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "history.h"
#include "jdate.h"
#include "mdtext.h"
#include "model.h"
#include "parse.h"
#include "signoff.h"
#include "sources.h"
#include "xalloc.h"

/* How much of a manual goes into a document. */
enum assemble_mode {
	ASSEMBLE_ALL,		/* every section */
	ASSEMBLE_REDACT,	/* confidential content replaced */
	ASSEMBLE_PUBLIC		/* public sections only */
};

/* Namespaces of the document being built. */
struct assemble_ns {
	xmlNsPtr	 k;	/* kitei */
	xmlNsPtr	 md;	/* CommonMark */
	const struct images *images;	/* image files to embed, or NULL */
	const char	*docrel;	/* the chapter's file, for image paths */
};

/* Sets an attribute from a C string; NULL leaves it out. */
static void
assemble_attr(xmlNodePtr n, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

/* Sets an integer attribute. */
static void
assemble_attr_int(xmlNodePtr n, const char *name, long long v)
{
	char	 b[32];

	snprintf(b, sizeof(b), "%lld", v);
	assemble_attr(n, name, b);
}

/* Adds a child element in the kitei namespace, with text if given. */
static xmlNodePtr
assemble_child(xmlNodePtr parent, const struct assemble_ns *ns,
    const char *name, const char *text)
{
	xmlNodePtr	 n = xmlNewChild(parent, ns->k, (const xmlChar *)name, NULL);

	if (text != NULL)
		xmlNodeAddContent(n, (const xmlChar *)text);
	return n;
}

/* Writes a day both as ISO and as Japanese text: name and name-text. */
static void
assemble_date(xmlNodePtr n, const char *name, int64_t t, int offset, int wareki)
{
	struct jdate	 d;
	char		 iso[16], ja[48], key[64];

	jdate_from_time(&d, t, offset);
	assemble_attr(n, name, jdate_iso(iso, sizeof(iso), &d));
	snprintf(key, sizeof(key), "%s-text", name);
	assemble_attr(n, key, jdate_format(ja, sizeof(ja), &d, wareki));
}

/* Whether cmark's iterator gives this node no EXIT event. */
static int
assemble_is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 1;
	default:
		return 0;
	}
}

/*
 * An image's text as one line (alt): the soft breaks inside it as the one
 * rule decides (mdtext.c), a hard break as a space, so that no template
 * glues "org⏎chart" into "orgchart" by taking the element's string value.
 */
static void
assemble_alt(xmlNodePtr e, cmark_node *n)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	mdtext_append(&b, n);
	for (i = 0; i < b.len; i++)
		if (b.data[i] == '\n')
			b.data[i] = ' ';
	assemble_attr(e, "alt", b.data != NULL ? b.data : "");
	buf_free(&b);
}

/* Puts cmark's attributes of n on the element e. */
static void
assemble_md_attrs(xmlNodePtr e, cmark_node *n)
{
	char		 pos[64];
	const char	*s;
	cmark_node	*c;
	int		 col;

	if (cmark_node_get_start_line(n) > 0) {
		snprintf(pos, sizeof(pos), "%d:%d-%d:%d",
		    cmark_node_get_start_line(n), cmark_node_get_start_column(n),
		    cmark_node_get_end_line(n), cmark_node_get_end_column(n));
		assemble_attr(e, "sourcepos", pos);
	}
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		assemble_attr_int(e, "level", cmark_node_get_heading_level(n));
		break;
	case CMARK_NODE_LIST:
		assemble_attr(e, "type", cmark_node_get_list_type(n) ==
		    CMARK_ORDERED_LIST ? "ordered" : "bullet");
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
			assemble_attr_int(e, "start", cmark_node_get_list_start(n));
		assemble_attr(e, "tight", cmark_node_get_list_tight(n) ?
		    "true" : "false");
		break;
	case CMARK_NODE_CODE_BLOCK:
		if ((s = cmark_node_get_fence_info(n)) != NULL && *s != '\0')
			assemble_attr(e, "info", s);
		break;
	case CMARK_NODE_SOFTBREAK:
		/* Decided here, once, for every template (mdtext.c). */
		assemble_attr(e, "space", mdtext_break_space(n) ?
		    "true" : "false");
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		assemble_attr(e, "destination", cmark_node_get_url(n));
		if ((s = cmark_node_get_title(n)) != NULL && *s != '\0')
			assemble_attr(e, "title", s);
		if (cmark_node_get_type(n) == CMARK_NODE_IMAGE)
			assemble_alt(e, n);
		break;
	default:
		/* A header row is its own type, table_header: nothing to mark. */
		s = cmark_node_get_type_string(n);
		if (!strcmp(s, "tasklist"))
			assemble_attr(e, "checked",
			    cmark_gfm_extensions_get_tasklist_item_checked(n) ?
			    "true" : "false");
		else if (!strcmp(s, "table_cell")) {
			cmark_node *table = cmark_node_parent(cmark_node_parent(n));
			uint8_t *al;

			for (col = 0, c = cmark_node_previous(n); c != NULL;
			    c = cmark_node_previous(c))
				col++;
			if (table != NULL && col < cmark_gfm_extensions_get_table_columns(table) &&
			    (al = cmark_gfm_extensions_get_table_alignments(table)) != NULL)
				assemble_attr(e, "align", al[col] == 'l' ? "left" :
				    al[col] == 'c' ? "center" : al[col] == 'r' ?
				    "right" : NULL);
		}
		break;
	}
}

/* Returns a copy of lines first..last (1-based) of the source file. */
static char *
assemble_source_lines(const struct model_doc *md, int first, int last)
{
	const char	*p = md->parsed->src->data;
	const char	*end = p + md->parsed->src->len, *start;
	int		 line = 1;

	while (p < end && line < first)
		if (*p++ == '\n')
			line++;
	start = p;
	while (p < end && line <= last)
		if (*p++ == '\n')
			line++;
	return xstrndup(start, (size_t)(p - start));
}

/*
 * Link targets the public text of a document defines itself: the URLs of
 * the links, autolinks and images that cmark finds when it parses the
 * public sections' source lines alone.  Link reference definitions are
 * global to a CommonMark document, so a reference link in public text may
 * take its URL from a definition in an internal section; parsed alone, the
 * public text cannot resolve it.  The strings are cmark's own (already
 * normalised: entities, backslash escapes and percent-encoding resolved the
 * same way both times), so an exact comparison leaves no encoding to play
 * with (%00, %2500, mixed-case hex, entities, overlong forms).
 */
struct assemble_urls {
	char	**v;
	size_t	  n;
};

static void
assemble_urls_free(struct assemble_urls *u)
{
	size_t	 i;

	for (i = 0; i < u->n; i++)
		free(u->v[i]);
	free(u->v);
	u->v = NULL;
	u->n = 0;
}

/* Whether url is one of u's.  A NULL u allows every URL. */
static int
assemble_url_in(const char *url, const struct assemble_urls *u)
{
	size_t	 i;

	if (u == NULL)
		return 1;
	for (i = 0; i < u->n; i++)
		if (!strcmp(u->v[i], url))
			return 1;
	return 0;
}

/*
 * Fills u from md's public text: the lines of every public section from its
 * heading to the next section's heading, and the text before the first
 * heading when the document is public; front matter left out.  Parsed as
 * parse.c parses documents (the same GFM extensions, no footnotes).
 */
static void
assemble_public_urls(struct assemble_urls *u, const struct model_doc *md)
{
	static const char *const exts[] = {
		"table", "strikethrough", "autolink", "tasklist"
	};
	struct buf		 b = { NULL, 0, 0 };
	cmark_parser		*parser;
	cmark_syntax_extension	*ext;
	cmark_node		*root, *n;
	cmark_iter		*it;
	const char		*url;
	char			*lines;
	size_t			 i, k;
	int			 from, to;

	memset(u, 0, sizeof(*u));
	if (md->parsed->root == NULL)
		return;
	for (i = 0; i < md->nsections; i++) {
		if (md->sections[i].visibility != VIS_PUBLIC)
			continue;
		from = i == 0 ? md->parsed->body_line :
		    cmark_node_get_start_line(md->sections[i].node);
		/* Up to the next section's heading, whatever its level. */
		for (k = i + 1; k < md->nsections && md->sections[k].node == NULL; k++)
			;
		to = k < md->nsections ?
		    cmark_node_get_start_line(md->sections[k].node) - 1 : INT_MAX;
		if (from < 1)
			from = 1;
		if (to < from)
			continue;
		lines = assemble_source_lines(md, from, to);
		buf_puts(&b, lines);
		buf_puts(&b, "\n\n");
		free(lines);
	}
	if (b.data == NULL)
		return;
	cmark_gfm_core_extensions_ensure_registered();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (k = 0; k < sizeof(exts) / sizeof(exts[0]); k++)
		if ((ext = cmark_find_syntax_extension(exts[k])) != NULL)
			cmark_parser_attach_syntax_extension(parser, ext);
	cmark_parser_feed(parser, b.data, b.len);
	root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	buf_free(&b);
	if (root == NULL)
		return;
	it = cmark_iter_new(root);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if ((cmark_node_get_type(n) == CMARK_NODE_LINK ||
		    cmark_node_get_type(n) == CMARK_NODE_IMAGE) &&
		    cmark_iter_get_event_type(it) == CMARK_EVENT_ENTER &&
		    (url = cmark_node_get_url(n)) != NULL &&
		    !assemble_url_in(url, u)) {
			u->v = xgrowarray(u->v, u->n, 1, sizeof(*u->v));
			u->v[u->n++] = xstrdup(url);
		}
	}
	cmark_iter_free(it);
	cmark_node_free(root);
}

/*
 * Marks an image whose target is a usable file under the policy root (see
 * image.h) with src="img/<key>" (the copy beside the page) and its natural
 * width and height in CSS px; other images get neither and show as text.
 */
static void
assemble_image(xmlNodePtr e, cmark_node *n, const struct assemble_ns *ns)
{
	const struct image	*im;
	char			*src;

	if (ns->docrel == NULL || (im = images_resolve(ns->images, ns->docrel,
	    cmark_node_get_url(n))) == NULL)
		return;
	xasprintf(&src, "img/%s", im->key);
	assemble_attr(e, "src", src);
	free(src);
	assemble_attr_int(e, "width", (long long)(im->width + 0.5));
	assemble_attr_int(e, "height", (long long)(im->height + 0.5));
}

/*
 * Converts the subtree of block (or inline) node n into CommonMark XML under
 * parent, without recursion.  Raw HTML is never copied; unsafe links keep
 * their text and lose their target.  With allow (the public page), a link
 * keeps its target only when the document's public text defines it
 * (assemble_public_urls): a reference link whose definition stands in an
 * internal section must not carry that definition's URL out.
 */
static void
assemble_markdown_in(xmlNodePtr parent, cmark_node *n,
    const struct assemble_ns *ns, const struct assemble_urls *allow)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*c;
	xmlNodePtr		 cur = parent, e;
	const char		*lit, *type;

	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		type = cmark_node_get_type_string(c);
		if (ev == CMARK_EVENT_EXIT) {
			if (cur != parent)
				cur = cur->parent;
			continue;
		}
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK ||
		    cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE)
			continue;
		if ((cmark_node_get_type(c) == CMARK_NODE_LINK ||
		    cmark_node_get_type(c) == CMARK_NODE_IMAGE) &&
		    (!parse_url_safe(cmark_node_get_url(c)) ||
		    !assemble_url_in(cmark_node_get_url(c), allow))) {
			/* A span that keeps the children in place of the link. */
			e = xmlNewChild(cur, ns->md, (const xmlChar *)"emph", NULL);
			assemble_attr(e, "dropped-link", "true");
			cur = e;
			continue;
		}
		e = xmlNewChild(cur, ns->md, (const xmlChar *)type, NULL);
		assemble_md_attrs(e, c);
		if (cmark_node_get_type(c) == CMARK_NODE_IMAGE)
			assemble_image(e, c, ns);
		if (assemble_is_leaf(c)) {
			if ((lit = cmark_node_get_literal(c)) != NULL)
				xmlNodeAddContent(e, (const xmlChar *)lit);
			continue;
		}
		cur = e;
	}
	cmark_iter_free(it);
}

/* Converts block n; on the public page, links are limited to allow. */
static void
assemble_block(xmlNodePtr parent, cmark_node *n, const struct assemble_ns *ns,
    const struct assemble_urls *allow, enum assemble_mode mode)
{
	assemble_markdown_in(parent, n, ns, mode == ASSEMBLE_PUBLIC ? allow : NULL);
}

/* Space-separated ids of a section's covers, or NULL. */
static char *
assemble_ids(const struct model_section *s, int na)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i, n = na ? s->nnas : s->ncovers;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, na ? s->nas[i].id : s->covers[i].id);
	}
	return b.len ? buf_steal(&b) : NULL;
}

/* Adds one chapter (a document) in the given mode; returns NULL if empty. */
static xmlNodePtr
assemble_chapter(xmlNodePtr parent, const struct assemble_ns *ns0,
    const struct model_doc *md, size_t index, enum assemble_mode mode)
{
	struct assemble_ns		 nsl = *ns0, *ns = &nsl;
	const struct model_section	*s;
	struct assemble_urls		 urls;
	xmlNodePtr			 ch, *at, sec, h;
	cmark_node			*n;
	size_t				 cur = 0, i;
	char				*ids, cid[32], hex[GIT_OID_HEXSZ + 1];
	git_oid				 oid;
	int				 withheld = 0;

	if (mode == ASSEMBLE_PUBLIC && md->sections[0].visibility != VIS_PUBLIC)
		return NULL;
	nsl.docrel = md->parsed->src->rel;
	memset(&urls, 0, sizeof(urls));
	if (mode == ASSEMBLE_PUBLIC)
		assemble_public_urls(&urls, md);
	ch = assemble_child(parent, ns, "chapter", NULL);
	/* Named after the file, so that links survive reordering. */
	git_odb_hash(&oid, md->parsed->src->rel, strlen(md->parsed->src->rel),
	    GIT_OBJECT_BLOB);
	git_oid_tostr(hex, sizeof(hex), &oid);
	snprintf(cid, sizeof(cid), "c-%.10s", hex);
	assemble_attr(ch, "id", cid);
	assemble_attr_int(ch, "number", (long long)index + 1);
	if (mode != ASSEMBLE_PUBLIC || md->parsed->title != NULL)
		assemble_attr(ch, "title", md->title);
	else
		/* A title taken from the first heading, only if that heading is public. */
		for (i = 1; i < md->nsections; i++)
			if (md->sections[i].level == 1) {
				if (md->sections[i].visibility == VIS_PUBLIC)
					assemble_attr(ch, "title", md->title);
				break;
			}
	if (mode != ASSEMBLE_PUBLIC) {
		assemble_attr(ch, "path", md->path);
		assemble_attr(ch, "owner", md->parsed->owner);
		assemble_attr(ch, "visibility",
		    parse_visibility_name(md->sections[0].visibility));
	}
	/* at[i]: the element holding section i's content, or NULL when left out. */
	at = xcalloc(md->nsections + 1, sizeof(*at));
	at[0] = ch;
	for (n = md->parsed->root ? cmark_node_first_child(md->parsed->root) : NULL;
	    n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			for (i = cur + 1; i < md->nsections && md->sections[i].node != n; i++)
				;
			if (i == md->nsections)
				continue;
			cur = i;
			s = &md->sections[cur];
			at[cur] = NULL;
			if (at[s->parent == MODEL_NONE ? 0 : s->parent] == NULL)
				continue;	/* inside a section left out or redacted */
			if (mode == ASSEMBLE_PUBLIC && s->visibility != VIS_PUBLIC)
				continue;
			sec = assemble_child(at[s->parent], ns, "section", NULL);
			assemble_attr(sec, "id", s->anchor);
			assemble_attr_int(sec, "level", s->level);
			assemble_attr(sec, "heading", s->heading);
			if (mode != ASSEMBLE_PUBLIC) {
				assemble_attr_int(sec, "line", s->line);
				assemble_attr(sec, "visibility",
				    parse_visibility_name(s->visibility));
				if ((ids = assemble_ids(s, 0)) != NULL) {
					assemble_attr(sec, "covers", ids);
					free(ids);
				}
				if ((ids = assemble_ids(s, 1)) != NULL) {
					assemble_attr(sec, "not-applicable", ids);
					free(ids);
				}
			}
			h = assemble_child(sec, ns, "heading", NULL);
			for (cmark_node *c = cmark_node_first_child(n); c != NULL;
			    c = cmark_node_next(c))
				assemble_block(h, c, ns, &urls, mode);
			if (mode == ASSEMBLE_REDACT &&
			    s->visibility == VIS_CONFIDENTIAL) {
				assemble_child(sec, ns, "redacted",
				    ASSEMBLE_WITHHELD);
				continue;	/* at[cur] stays NULL: nothing below */
			}
			at[cur] = sec;
			continue;
		}
		if (at[cur] == NULL)
			continue;
		/*
		 * A confidential document's text before its first heading is
		 * withheld like a confidential section's: once, for the first
		 * block that is not a comment.
		 */
		if (cur == 0 && mode == ASSEMBLE_REDACT &&
		    md->sections[0].visibility == VIS_CONFIDENTIAL) {
			if (!withheld &&
			    cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) {
				assemble_child(ch, ns, "redacted",
				    ASSEMBLE_WITHHELD);
				withheld = 1;
			}
			continue;
		}
		assemble_block(at[cur], n, ns, &urls, mode);
	}
	free(at);
	assemble_urls_free(&urls);
	return ch;
}

/* Starts a document whose root is name in kitei's namespace. */
static xmlDocPtr
assemble_new(const char *name, struct assemble_ns *ns, xmlNodePtr *root)
{
	xmlDocPtr	 doc = xmlNewDoc((const xmlChar *)"1.0");

	*root = xmlNewNode(NULL, (const xmlChar *)name);
	xmlDocSetRootElement(doc, *root);
	ns->images = NULL;
	ns->docrel = NULL;
	ns->k = xmlNewNs(*root, (const xmlChar *)ASSEMBLE_NS, NULL);
	ns->md = xmlNewNs(*root, (const xmlChar *)ASSEMBLE_MD_NS,
	    (const xmlChar *)"md");
	xmlSetNs(*root, ns->k);
	return doc;
}

/* Attributes every root carries: organization, revision and its date. */
static void
assemble_common(xmlNodePtr root, const struct assemble_ns *ns,
    const struct assemble_input *in)
{
	const struct sources	*src = in->src;
	xmlNodePtr		 cat, as;
	char			 shortrev[16];

	assemble_attr(root, "organization", in->cf->organization);
	assemble_attr(root, "revision", src->revision[0] ? src->revision : NULL);
	snprintf(shortrev, sizeof(shortrev), "%.12s", src->revision);
	assemble_attr(root, "revision-short", src->revision[0] ? shortrev : NULL);
	if (src->commit != NULL)
		assemble_date(root, "date", src->time, src->offset, in->cf->wareki);
	assemble_attr(root, "worktree", src->worktree ? "true" : "false");
	assemble_attr(root, "shallow", src->shallow ? "true" : "false");
	assemble_attr(root, "generator", in->generator);
	cat = assemble_child(root, ns, "catalog", NULL);
	assemble_attr(cat, "id", in->cat->id);
	assemble_attr(cat, "version", in->cat->version);
	assemble_attr(cat, "title", in->cat->title);
	if (in->cf->association_name != NULL || in->cf->association_url != NULL) {
		as = assemble_child(root, ns, "association", NULL);
		assemble_attr(as, "name", in->cf->association_name);
		assemble_attr(as, "url", in->cf->association_url);
	}
}

/* One <change> for commit c. */
static void
assemble_change(xmlNodePtr parent, const struct assemble_ns *ns,
    const struct history_commit *c, int wareki, const char *only_prefix)
{
	xmlNodePtr	 ch, f;
	char		 shortid[16], status[2];
	size_t		 i;

	ch = assemble_child(parent, ns, "change", NULL);
	assemble_attr(ch, "id", c->id);
	snprintf(shortid, sizeof(shortid), "%.12s", c->id);
	assemble_attr(ch, "short", shortid);
	assemble_date(ch, "date", c->time, c->offset, wareki);
	assemble_attr(ch, "author", c->author_name);
	assemble_attr(ch, "subject", c->subject);
	if (c->is_approval)
		assemble_attr(ch, "approval", "true");
	for (i = 0; i < c->ntrailers; i++) {
		f = assemble_child(ch, ns, "trailer", c->trailers[i].value);
		assemble_attr(f, "key", c->trailers[i].key);
	}
	for (i = 0; i < c->nfiles; i++) {
		if (only_prefix != NULL &&
		    strncmp(c->files[i].path, only_prefix, strlen(only_prefix)))
			continue;
		f = assemble_child(ch, ns, "file", NULL);
		status[0] = c->files[i].status;
		status[1] = '\0';
		assemble_attr(f, "status", status);
		assemble_attr(f, "path", c->files[i].path);
		assemble_attr(f, "old-path", c->files[i].old_path);
	}
}

/* An <element> of the coverage with its references. */
static void
assemble_element(xmlNodePtr parent, const struct assemble_ns *ns,
    const struct assemble_input *in, const struct coverage_element *ce)
{
	struct coverage_row	 row;
	xmlNodePtr		 e, r;
	size_t			 k, i = (size_t)(ce - in->cov->elements);
	char			*href;
	int			 page;

	/* The facts every output shows come from coverage_row. */
	coverage_row(&row, in->cov, in->model, i);
	e = assemble_child(parent, ns, "element", NULL);
	assemble_attr(e, "id", row.el->id);
	assemble_attr(e, "article", row.el->article);
	assemble_attr(e, "obligation", catalog_obligation_name(row.el->obligation));
	assemble_attr(e, "obligation-label",
	    catalog_obligation_label(row.el->obligation));
	assemble_attr(e, "title", row.el->title);
	assemble_attr(e, "status", coverage_status_name(row.status));
	if (row.el->crisis)
		assemble_attr(e, "manual", "crisis");
	if (row.el->public)
		assemble_attr(e, "public", "true");
	{
		char *t = catalog_display_text(row.el->text);	/* 協會員（ママ） */

		assemble_child(e, ns, "text", t);
		free(t);
	}
	for (k = 0; k < row.nsections; k++) {
		const struct coverage_place *p = &row.sections[k];

		r = assemble_child(e, ns, "ref", NULL);
		assemble_attr(r, "path", p->path);
		assemble_attr_int(r, "line", p->line);
		assemble_attr(r, "heading", p->heading);
		assemble_attr(r, "section", p->anchor);
		assemble_attr(r, "manual", p->manual_id);
		assemble_attr(r, "manual-title", p->manual_title);
		xasprintf(&href, "manuals/%s.html#%s", p->manual_id, p->anchor);
		assemble_attr(r, "href", href);
		free(href);
		if (in->page_of != NULL &&
		    (page = in->page_of(in->page_arg, p->manual_id, p->anchor)) > 0)
			assemble_attr_int(r, "page", page);
	}
	if (row.reason != NULL) {
		r = assemble_child(e, ns, "reason", row.reason);
		assemble_attr(r, "path", row.reason_at.path);
		assemble_attr_int(r, "line", row.reason_at.line);
		assemble_attr(r, "heading", row.reason_at.heading);
	}
	coverage_row_clear(&row);
}

/* Writes a calendar day as name and name-text. */
static void
assemble_day(xmlNodePtr n, const char *name, const struct jdate *d, int wareki)
{
	char	 iso[16], ja[48], key[64];

	assemble_attr(n, name, jdate_iso(iso, sizeof(iso), d));
	snprintf(key, sizeof(key), "%s-text", name);
	assemble_attr(n, key, jdate_format(ja, sizeof(ja), d, wareki));
}

/* One <approval>. */
static void
assemble_approval(xmlNodePtr parent, const struct assemble_ns *ns,
    const struct signoff_approval *a, int wareki, int external)
{
	static const char *const sigs[] = { "none", "good", "bad" };
	xmlNodePtr	 e;

	e = assemble_child(parent, ns, "approval", NULL);
	assemble_attr(e, "role", a->role->id);
	assemble_attr(e, "role-title", a->role->title != NULL ? a->role->title :
	    a->role->id);
	assemble_attr(e, "name", a->name);
	assemble_attr(e, "email", external ? NULL : a->email);
	assemble_attr(e, "commit", a->commit->id);
	assemble_date(e, "date", a->commit->time, a->commit->offset, wareki);
	assemble_attr(e, "signature", sigs[a->sig]);
}

/*
 * A version's 改定内容, decided once here so that every template prints the
 * same words: the approvers' Summary trailers; else 「制定」 for 第1版; else
 * the subjects of the commits the version approves (source="commits", which
 * check reports as missing-summary).
 */
static void
assemble_summary(xmlNodePtr ve, const struct assemble_ns *ns,
    const struct signoff_version *v)
{
	xmlNodePtr	 se;
	size_t		 k;

	se = assemble_child(ve, ns, "summary", NULL);
	if (v->nsummary > 0) {
		assemble_attr(se, "source", "approval");
		for (k = 0; k < v->nsummary; k++)
			assemble_child(se, ns, "item", v->summary[k]);
	} else if (v->number == 1) {
		assemble_attr(se, "source", "established");
		assemble_child(se, ns, "item", "制定");
	} else {
		assemble_attr(se, "source", "commits");
		for (k = 0; k < v->nsubjects; k++)
			assemble_child(se, ns, "item", v->subjects[k]);
	}
}

/*
 * The manual's sign-off: attributes on root (signed-off, draft, version,
 * established, revised, effective, review-due) and a <versions> list.
 */
static void
assemble_signoff(xmlNodePtr root, const struct assemble_ns *ns,
    const struct assemble_input *in, size_t mi)
{
	const struct signoff_manual	*sm;
	const struct signoff_version	*v;
	xmlNodePtr			 vs, ve, pe;
	size_t				 i, k;
	int				 w = in->cf->wareki;
	char				 num[16];

	if (in->so == NULL || mi >= in->so->nmanuals) {
		assemble_attr(root, "signed-off", "false");
		assemble_attr(root, "draft", "true");
		return;
	}
	sm = &in->so->manuals[mi];
	assemble_attr(root, "signed-off", sm->signed_off ? "true" : "false");
	assemble_attr(root, "draft", sm->signed_off && !in->src->worktree ?
	    "false" : "true");
	if (sm->nversions > 0) {
		v = &sm->versions[sm->nversions - 1];
		snprintf(num, sizeof(num), "%d", v->number);
		assemble_attr(root, "version", num);
		assemble_day(root, "established", &sm->versions[0].approved, w);
		assemble_day(root, "revised", &v->approved, w);
		assemble_day(root, "effective", &v->effective, w);
	}
	if (sm->has_review_due)
		assemble_day(root, "review-due", &sm->review_due, w);
	vs = assemble_child(root, ns, "versions", NULL);
	for (i = 0; i < sm->nversions; i++) {
		v = &sm->versions[i];
		ve = assemble_child(vs, ns, "version", NULL);
		assemble_attr_int(ve, "number", v->number);
		assemble_day(ve, "approved", &v->approved, w);
		assemble_day(ve, "effective", &v->effective, w);
		assemble_attr(ve, "change", v->change);
		assemble_summary(ve, ns, v);
		for (k = 0; k < v->napprovals; k++)
			assemble_approval(ve, ns, &v->approvals[k], w,
			    in->external);
	}
	if (!sm->signed_off && sm->npending > 0) {
		pe = assemble_child(root, ns, "pending", NULL);
		for (k = 0; k < sm->npending; k++)
			assemble_approval(pe, ns, &sm->pending[k], w,
			    in->external);
	}
}

/* Whether element ce belongs in manual mi's appendix. */
static int
assemble_in_manual(const struct assemble_input *in,
    const struct coverage_element *ce, size_t mi)
{
	size_t	 k;

	for (k = 0; k < ce->nrefs; k++)
		if (in->model->docs[ce->refs[k].doc].manual == mi)
			return 1;
	if (ce->status == COVERAGE_NA &&
	    in->model->docs[ce->na.doc].manual == mi)
		return 1;
	return ce->el->crisis && in->model->manuals[mi].cfg->kind == MANUAL_CRISIS;
}

/* Builds a manual; see assemble.h. */
xmlDocPtr
assemble_manual(const struct assemble_input *in, size_t mi, int redact)
{
	const struct model_manual	*mm = &in->model->manuals[mi];
	const struct config_manual	*cm = mm->cfg;
	struct assemble_ns		 ns;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, chapters, cov, hist;
	size_t				 i, j, k, n, *idx, *all = NULL, nall = 0;
	enum visibility			 highest = mm->highest;

	doc = assemble_new("manual", &ns, &root);
	assemble_attr(root, "id", cm->id);
	assemble_attr(root, "kind", cm->kind == MANUAL_CRISIS ? "crisis" : "policy");
	assemble_attr(root, "title", cm->title);
	assemble_attr(root, "number", cm->number);
	assemble_attr(root, "owner", cm->owner);
	/* A manual is at least 社外秘: internal rules are not for the public. */
	if (highest < VIS_INTERNAL)
		highest = VIS_INTERNAL;
	assemble_attr(root, "classification", parse_visibility_name(highest));
	assemble_attr(root, "classification-label", parse_visibility_label(highest));
	assemble_attr(root, "redacted", redact ? "true" : "false");
	ns.images = in->images;
	assemble_common(root, &ns, in);
	assemble_signoff(root, &ns, in, mi);

	chapters = assemble_child(root, &ns, "chapters", NULL);
	for (i = 0; i < mm->ndocs; i++)
		assemble_chapter(chapters, &ns, &in->model->docs[mm->docs[i]], i,
		    redact ? ASSEMBLE_REDACT : ASSEMBLE_ALL);

	cov = assemble_child(root, &ns, "coverage", NULL);
	for (i = 0; i < in->cov->nelements; i++)
		if (assemble_in_manual(in, &in->cov->elements[i], mi))
			assemble_element(cov, &ns, in, &in->cov->elements[i]);

	hist = assemble_child(root, &ns, "history", NULL);
	if (in->external)
		assemble_attr(hist, "withheld", "true");
	else if (in->hist != NULL) {
		assemble_attr(hist, "shallow", in->hist->shallow ? "true" : "false");
		/* The union of every document's commits, newest first. */
		for (i = 0; i < mm->ndocs; i++) {
			n = history_for_path(&idx, in->hist,
			    in->model->docs[mm->docs[i]].path);
			for (j = 0; j < n; j++) {
				for (k = 0; k < nall && all[k] != idx[j]; k++)
					;
				if (k == nall) {
					all = xgrowarray(all, nall, 1, sizeof(*all));
					all[nall++] = idx[j];
				}
			}
			free(idx);
		}
		for (i = 0; i < in->hist->ncommits; i++)
			for (k = 0; k < nall; k++)
				if (all[k] == i)
					assemble_change(hist, &ns, &in->hist->commits[i],
					    in->cf->wareki, NULL);
		free(all);
	}
	return doc;
}

/* Builds the dashboard and matrix document; see assemble.h. */
xmlDocPtr
assemble_site(const struct assemble_input *in)
{
	const struct model	*m = in->model;
	struct assemble_ns	 ns;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, sum, man, art = NULL, ch;
	size_t			 i, j, n, *idx, shown;
	const char		*article = NULL;
	char			*href;

	doc = assemble_new("site", &ns, &root);
	assemble_common(root, &ns, in);
	sum = assemble_child(root, &ns, "summary", NULL);
	assemble_attr_int(sum, "elements", (long long)in->cov->nelements);
	assemble_attr_int(sum, "covered", (long long)in->cov->covered);
	assemble_attr_int(sum, "not-applicable", (long long)in->cov->not_applicable);
	assemble_attr_int(sum, "missing", (long long)in->cov->missing);
	assemble_attr_int(sum, "errors", (long long)in->errors);
	assemble_attr_int(sum, "warnings", (long long)in->warnings);

	for (i = 0; i < m->nmanuals; i++) {
		const struct config_manual *cm = m->manuals[i].cfg;
		enum visibility v = m->manuals[i].highest < VIS_INTERNAL ?
		    VIS_INTERNAL : m->manuals[i].highest;

		man = assemble_child(root, &ns, "manual", NULL);
		assemble_attr(man, "id", cm->id);
		assemble_attr(man, "title", cm->title);
		assemble_attr(man, "number", cm->number);
		assemble_attr(man, "owner", cm->owner);
		assemble_attr(man, "kind", cm->kind == MANUAL_CRISIS ? "crisis" : "policy");
		assemble_attr(man, "classification-label", parse_visibility_label(v));
		assemble_attr_int(man, "documents", (long long)m->manuals[i].ndocs);
		xasprintf(&href, "manuals/%s.html", cm->id);
		assemble_attr(man, "href", href);
		free(href);
		if (in->so != NULL && i < in->so->nmanuals) {
			const struct signoff_manual *sm = &in->so->manuals[i];

			assemble_attr(man, "signed-off", sm->signed_off ? "true" : "false");
			if (sm->nversions > 0) {
				assemble_attr_int(man, "version",
				    sm->versions[sm->nversions - 1].number);
				assemble_day(man, "revised",
				    &sm->versions[sm->nversions - 1].approved,
				    in->cf->wareki);
			}
			if (sm->has_review_due)
				assemble_day(man, "review-due", &sm->review_due,
				    in->cf->wareki);
		}
		if (in->hist == NULL || in->external)
			continue;
		/* The last change: the newest commit of any of its documents. */
		for (j = 0, shown = (size_t)-1; j < m->manuals[i].ndocs; j++) {
			n = history_for_path(&idx, in->hist,
			    m->docs[m->manuals[i].docs[j]].path);
			if (n > 0 && idx[0] < shown)
				shown = idx[0];
			free(idx);
		}
		if (shown != (size_t)-1)
			assemble_change(man, &ns, &in->hist->commits[shown],
			    in->cf->wareki, in->src->prefix);
	}
	for (i = 0; i < in->cov->nelements; i++) {
		const struct coverage_element *ce = &in->cov->elements[i];

		if (article == NULL || strcmp(article, ce->el->article)) {
			article = ce->el->article;
			art = assemble_child(root, &ns, "article", NULL);
			assemble_attr(art, "number", article);
			for (j = 0; j < in->cat->narticles; j++)
				if (!strcmp(in->cat->articles[j].number, article))
					assemble_attr(art, "heading",
					    in->cat->articles[j].heading);
		}
		assemble_element(art, &ns, in, ce);
	}
	if (in->external)
		return doc;
	ch = assemble_child(root, &ns, "changes", NULL);
	for (i = 0; in->hist != NULL && i < in->hist->ncommits && i < 20; i++)
		assemble_change(ch, &ns, &in->hist->commits[i], in->cf->wareki,
		    in->src->prefix);
	return doc;
}

/* Builds the public page's document; see assemble.h. */
xmlDocPtr
assemble_public(const struct assemble_input *in,
    const struct assemble_public_part *parts, size_t nparts, int draft)
{
	struct assemble_ns		 ns;
	struct assemble_public_part	 all;
	const struct assemble_public_part *p;
	const struct history_commit	*f = NULL, *l = NULL, *c;
	xmlDocPtr			 doc;
	xmlNodePtr			 root, chapters;
	size_t				 i, j, pi, *idx, n, np;

	doc = assemble_new("public", &ns, &root);
	assemble_attr(root, "organization", in->cf->organization);
	assemble_attr(root, "title", in->cf->public_title != NULL ?
	    in->cf->public_title : "危機発生時の対応について");
	assemble_attr(root, "contact", in->cf->public_contact);
	assemble_attr(root, "generator", in->generator);
	assemble_attr(root, "worktree", in->src->worktree ? "true" : "false");
	assemble_attr(root, "draft", draft ? "true" : "false");
	chapters = assemble_child(root, &ns, "chapters", NULL);
	np = parts != NULL ? nparts : in->model->nmanuals;
	for (pi = 0; pi < np; pi++) {
		if (parts != NULL)
			p = &parts[pi];
		else {
			all.model = in->model;
			all.hist = in->hist;
			all.manual = pi;
			p = &all;
		}
		/* Images are read at this revision only: older text shows them as text. */
		ns.images = p->model == in->model ? in->images : NULL;
		for (j = 0; j < p->model->manuals[p->manual].ndocs; j++) {
			const struct model_doc *md =
			    &p->model->docs[p->model->manuals[p->manual].docs[j]];

			if (assemble_chapter(chapters, &ns, md, j,
			    ASSEMBLE_PUBLIC) == NULL || p->hist == NULL)
				continue;
			/*
			 * 制定日 and 最終更新日: the first and the last commit of a
			 * public document, in the history of the revision it
			 * was taken from.
			 */
			n = history_for_path(&idx, p->hist, md->path);
			for (i = 0; i < n; i++) {
				c = &p->hist->commits[idx[i]];
				if (f == NULL || c->time < f->time)
					f = c;
				if (l == NULL || c->time > l->time)
					l = c;
			}
			free(idx);
		}
	}
	if (f != NULL) {
		assemble_date(root, "established", f->time, f->offset, in->cf->wareki);
		assemble_date(root, "updated", l->time, l->offset, in->cf->wareki);
	}
	return doc;
}

/* See assemble.h. */
struct coverage *
assemble_redact_coverage(const struct coverage *cov, const struct model *m)
{
	struct coverage	*r;
	size_t		 i;

	r = xmalloc(sizeof(*r));
	*r = *cov;
	r->elements = xreallocarray(NULL, cov->nelements + 1,
	    sizeof(*r->elements));
	for (i = 0; i < cov->nelements; i++) {
		r->elements[i] = cov->elements[i];
		if (r->elements[i].status == COVERAGE_NA &&
		    r->elements[i].reason != NULL &&
		    m->docs[r->elements[i].na.doc].sections[r->elements[i].na.section].
		    visibility == VIS_CONFIDENTIAL)
			r->elements[i].reason = ASSEMBLE_WITHHELD;
	}
	return r;
}

void
assemble_redacted_coverage_free(struct coverage *r)
{
	if (r == NULL)
		return;
	free(r->elements);
	free(r);
}
