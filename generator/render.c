/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Turns assembled documents into pages with libxslt.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "ascii.h"
#include "assemble.h"
#include "catalog.h"
#include "coverage.h"
#include "diag.h"
#include "json.h"
#include "klimits.h"
#include "model.h"
#include "render.h"
#include "sources.h"
#include "xalloc.h"
#include "xmlerr.h"

/*
 * Limits on one transformation, so that a template cannot hang the build
 * (a template calling itself twice per level runs 2^depth steps).  The
 * budgets grow with the input, since the shipped templates do a bounded
 * amount of work per input node: a manual of 1,000,000 nodes (a table of
 * 100,000 rows) takes about 3.5 steps and 30 XPath operations a node, far
 * below the 200 and 2,000 allowed.  They are counts, not seconds, so the
 * same commit builds or fails the same way on every machine.
 */
#define RENDER_MAX_DEPTH	3000		/* nested template calls */
#define RENDER_MAX_VARS		15000		/* live variables and parameters */
#define RENDER_STEPS_BASE	1000000UL	/* instructions, plus per node: */
#define RENDER_STEPS_PER_NODE	200UL
#define RENDER_XPATH_BASE	20000000UL	/* XPath operations, plus per node: */
#define RENDER_XPATH_PER_NODE	2000UL

/* Compiled stylesheets are kept for the whole run. */
struct render_sheet {
	char			*name;
	xsltStylesheetPtr	 style;
};

struct render {
	char			*datadir;	/* the shipped templates' parent */
	char			*shipdir;	/* the shipped templates, absolute, ending in '/' */
	char			*polbase;	/* "<prefix>templates/", or NULL without sources */
	const struct sources	*src;		/* for the policy root's own templates */
	struct diag		*d;
	struct render_sheet	*sheets;
	size_t			 nsheets;
	xsltSecurityPrefsPtr	 sec;		/* templates may not write or fetch */
	xmlExternalEntityLoader	 oldloader;	/* libxml2's, put back after each use */
	const char		*current;	/* the template being loaded or applied */
	int			 refused;	/* reads refused so far */
	int			 deep;		/* libxslt stopped a runaway recursion */
};

/*
 * The renderer whose templates are being loaded or applied.  libxml2's
 * entity loader and libxslt's document loader take no argument of their
 * own, so the loaders find it here; it is set only between render_begin()
 * and render_end().
 */
static struct render	*render_active;

/* libxml2/libxslt error sink for the duration of a transformation (xmlerr.h). */
static void
render_xml_error(void *arg, xmlErrorPtr e)
{
	struct render	*r = arg;

	xmlerr_emit(r->d, e, r->current, "template", 0);
}

/* libxslt's own messages come as printf fragments; keep them as one line each. */
static void
render_xslt_error(void *arg, const char *fmt, ...)
{
	struct render	*r = arg;
	va_list		 ap;
	char		 b[1024], *p;
	size_t		 n;

	va_start(ap, fmt);
	vsnprintf(b, sizeof(b), fmt, ap);
	va_end(ap);
	/* Said once, in kitei's words, after the transformation. */
	if (strstr(b, "infinite template recursion") != NULL) {
		r->deep = 1;
		return;
	}
	if (strstr(b, "Operation limit exceeded") != NULL)
		return;
	n = strlen(b);
	while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == ' '))
		b[--n] = '\0';
	for (p = b; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	if (n > 0)
		diag_msg(r->d, NULL, MSG_TEMPLATE_WHY, b);
}

/* Reports a read a template asked for and kitei refused; counts it. */
static void
render_refuse(struct render *r, const char *from, int line, const char *what,
    const char *uri)
{
	struct pos	 pos;

	pos.path = from != NULL ? from : r->current;
	pos.line = line > 0 ? line : 0;
	pos.col = 0;
	diag_msg(r->d, &pos, MSG_TEMPLATE_READ, what, uri != NULL ? uri : "");
	r->refused++;
}

/*
 * libxml2's entity loader while templates are loaded or applied: external
 * DTDs and entities, XInclude and anything else libxml2 would fetch by
 * itself are refused.  kitei reads every template it allows itself.
 */
static xmlParserInputPtr
render_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct render	*r = render_active;
	const char	*from = NULL;
	int		 line = 0;

	if (ctxt != NULL && ctxt->input != NULL && ctxt->input->filename != NULL) {
		from = ctxt->input->filename;
		line = ctxt->input->line;
	}
	if (r != NULL)
		render_refuse(r, from, line, "external resource",
		    url != NULL ? url : id);
	return NULL;
}

/*
 * Whether name may name a template: segments of letters, digits, '.', '_'
 * and '-' that do not start with a dot, separated by '/' when sub is set.
 */
static int
render_name_ok(const char *name, int sub)
{
	const char	*p;
	int		 start = 1;

	if (name == NULL || *name == '\0')
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (*p == '/') {
			if (!sub || start)
				return 0;
			start = 1;
			continue;
		}
		if (start && *p == '.')
			return 0;
		start = 0;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return 0;
	}
	return !start;
}

/*
 * Removes "." and "name/.." segments from a path, in place.  Returns -1 when
 * ".." would climb above its start.
 */
static int
render_normalise(char *path)
{
	char	*base = path + (*path == '/');
	char	*in = base, *out = base, *seg;
	size_t	 n;

	/* out ends the segments kept so far; it never passes in. */
	while (*in != '\0') {
		seg = in;
		while (*in != '\0' && *in != '/')
			in++;
		n = (size_t)(in - seg);
		if (*in == '/')
			in++;
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out == base)
				return -1;
			while (out > base && out[-1] != '/')
				out--;
			if (out > base)
				out--;
			continue;
		}
		if (out != base)
			*out++ = '/';
		memmove(out, seg, n);
		out += n;
	}
	*out = '\0';
	return 0;
}

/*
 * Maps a URI a template asked for to a template name: a path in the policy
 * root's templates/ (as the policy root's template, else the shipped one),
 * a path in the shipped templates, or kitei:NAME (the shipped one).  Sets
 * *shipped when only the shipped template counts.  Returns a new string, or
 * NULL when the URI reaches anything else.
 */
static char *
render_resolve(struct render *r, const char *uri, int *shipped)
{
	xmlURIPtr	 u;
	char		*path = NULL, *name = NULL;
	const char	*p;
	size_t		 n;

	if ((u = xmlParseURI(uri)) == NULL)
		return NULL;
	if (u->server != NULL || u->query != NULL || u->fragment != NULL ||
	    u->user != NULL || u->port != 0)
		goto out;
	if (u->scheme != NULL) {
		p = u->path != NULL ? u->path : u->opaque;
		if (strcmp(u->scheme, "kitei") == 0 && render_name_ok(p, 0)) {
			name = xstrdup(p);
			*shipped = 1;
		}
		goto out;
	}
	if (u->path == NULL)
		goto out;
	path = xstrdup(u->path);
	if (render_normalise(path) < 0)
		goto out;
	if (r->polbase != NULL && (n = strlen(r->polbase)) > 0 &&
	    strncmp(path, r->polbase, n) == 0 && render_name_ok(path + n, 1)) {
		name = xstrdup(path + n);
		*shipped = 0;
	} else if ((n = strlen(r->shipdir)) > 0 &&
	    strncmp(path, r->shipdir, n) == 0 && render_name_ok(path + n, 0)) {
		name = xstrdup(path + n);
		*shipped = 1;
	}
out:
	free(path);
	xmlFreeURI(u);
	return name;
}

/*
 * Reads template name: the policy root's at the revision built (unless
 * shipped is set), else the shipped one.  Returns 0 with the bytes in
 * *data and the name to show in *url (both new), KITEI_ENOTFOUND, or -1
 * with a diagnostic.
 */
static int
render_read(struct render *r, const char *name, int shipped, char **data,
    size_t *len, char **url)
{
	char	*rel, *path;
	int	 rc;

	*data = NULL;
	*url = NULL;
	if (!shipped && r->src != NULL) {
		xasprintf(&rel, "templates/%s", name);
		rc = sources_read(r->src, rel, data, len, r->d);
		if (rc == 0)
			xasprintf(url, "%s%s", r->src->prefix, rel);
		free(rel);
		if (rc != KITEI_ENOTFOUND)
			return rc;
	}
	if (strchr(name, '/') != NULL)
		return KITEI_ENOTFOUND;
	xasprintf(&path, "%s%s", r->shipdir, name);
	if ((rc = sources_slurp(path, KITEI_MAX_FILE_BYTES, 0, data, len)) < 0 &&
	    errno == ENOENT)
		rc = KITEI_ENOTFOUND;
	if (rc == 0)
		*url = path;
	else {
		if (rc == -1) {
			struct pos pos = { path, 0, 0 };

			diag_msg(r->d, &pos, MSG_IO_WHY, strerror(errno));
		}
		free(path);
	}
	return rc;
}

/* xmlHashScan callback: refuses an external entity declared in a template. */
static void
render_entity_check(void *payload, void *arg, const xmlChar *name)
{
	xmlEntityPtr	 e = payload;
	struct render	*r = arg;

	if (e != NULL && (e->SystemID != NULL || e->ExternalID != NULL ||
	    e->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
	    e->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
	    e->etype == XML_EXTERNAL_PARAMETER_ENTITY))
		render_refuse(r, NULL, 0, "external entity",
		    (const char *)(e->SystemID != NULL ? e->SystemID :
		    e->ExternalID != NULL ? e->ExternalID : name));
}

/*
 * Parses a template's bytes as libxslt would (entities replaced, CDATA as
 * text), but never loading a DTD, and refuses a document that names an
 * external DTD.  dict, when given, is shared as libxslt expects.  Returns
 * the document, or NULL with a diagnostic.
 */
static xmlDocPtr
render_parse(struct render *r, const char *data, size_t len, const char *url,
    xmlDictPtr dict, int line)
{
	xmlParserCtxtPtr	 pctxt;
	xmlDocPtr		 doc;
	int			 refused = r->refused;
	const char		*old = r->current;

	if (len > INT_MAX || (pctxt = xmlNewParserCtxt()) == NULL)
		return NULL;
	if (dict != NULL) {
		xmlDictFree(pctxt->dict);
		pctxt->dict = dict;
		xmlDictReference(dict);
	}
	r->current = url;
	doc = xmlCtxtReadMemory(pctxt, data, (int)len, url, NULL,
	    XML_PARSE_NOENT | XML_PARSE_NOCDATA | XML_PARSE_NONET);
	xmlFreeParserCtxt(pctxt);
	r->current = old;
	if (doc != NULL && doc->intSubset != NULL) {
		xmlDtdPtr dtd = doc->intSubset;

		if (dtd->SystemID != NULL || dtd->ExternalID != NULL)
			render_refuse(r, url, line, "external DTD",
			    (const char *)(dtd->SystemID != NULL ?
			    dtd->SystemID : dtd->ExternalID));
		/* Declared, even if unused: a template names no outside file. */
		r->current = url;
		if (dtd->entities != NULL)
			xmlHashScan(dtd->entities, render_entity_check, r);
		if (dtd->pentities != NULL)
			xmlHashScan(dtd->pentities, render_entity_check, r);
		r->current = old;
	}
	if (doc != NULL && r->refused != refused) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && r->refused == refused) {
		struct pos pos = { url, 0, 0 };

		diag_msg(r->d, &pos, MSG_TEMPLATE);
	}
	return doc;
}

/*
 * libxslt's loader for xsl:import, xsl:include and document(): only the
 * templates render_resolve() allows, read by kitei from the revision built
 * or the shipped folder.  Anything else is refused and fails the build.
 */
static xmlDocPtr
render_doc_loader(const xmlChar *uri, xmlDictPtr dict, int options,
    void *ctxt, xsltLoadType type)
{
	struct render		*r = render_active;
	xsltTransformContextPtr	 t = NULL;
	const char		*from = NULL, *what = "document()";
	char			*name = NULL, *data = NULL, *url = NULL;
	size_t			 len = 0;
	xmlDocPtr		 doc = NULL;
	int			 shipped = 0, line = 0, rc;

	if (r == NULL)
		return NULL;
	if (type == XSLT_LOAD_STYLESHEET && ctxt != NULL) {
		xsltStylesheetPtr style = ctxt;

		what = "xsl:import or xsl:include of";
		if (style->doc != NULL)
			from = (const char *)style->doc->URL;
	} else if (type == XSLT_LOAD_DOCUMENT && ctxt != NULL) {
		t = ctxt;
		if (t->inst != NULL && t->inst->doc != NULL) {
			from = (const char *)t->inst->doc->URL;
			line = (int)xmlGetLineNo(t->inst);
		}
	}
	if (uri == NULL ||
	    (name = render_resolve(r, (const char *)uri, &shipped)) == NULL) {
		render_refuse(r, from, line, what, (const char *)uri);
		goto out;
	}
	if ((rc = render_read(r, name, shipped, &data, &len, &url)) ==
	    KITEI_ENOTFOUND) {
		struct pos pos = { from != NULL ? from : r->current, line, 0 };

		diag_msg(r->d, &pos, MSG_TEMPLATE_SUCH, what, (const char *)uri);
		r->refused++;
	}
	if (rc == 0)
		doc = render_parse(r, data, len, url, dict, line);
out:
	if (doc == NULL && t != NULL)
		t->state = XSLT_STATE_STOPPED;
	free(name);
	free(data);
	free(url);
	return doc;
}

/* Points libxml2's and libxslt's callbacks at r until render_end(). */
static void
render_begin(struct render *r)
{
	render_active = r;
	r->oldloader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(render_entity_loader);
	xsltSetLoaderFunc(render_doc_loader);
	xmlSetStructuredErrorFunc(r, render_xml_error);
	xsltSetGenericErrorFunc(r, render_xslt_error);
}

/* Puts back what render_begin() replaced. */
static void
render_end(struct render *r)
{
	xmlSetExternalEntityLoader(r->oldloader);
	xsltSetLoaderFunc(NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	render_active = NULL;
}

struct render *
render_new(const char *datadir, const struct sources *src, struct diag *d)
{
	struct render	*r;
	char		*dir, real[PATH_MAX];

	r = xcalloc(1, sizeof(*r));
	r->datadir = xstrdup(datadir);
	xasprintf(&dir, "%s/templates", datadir);
	xasprintf(&r->shipdir, "%s/", realpath(dir, real) != NULL ? real : dir);
	free(dir);
	if (src != NULL)
		xasprintf(&r->polbase, "%stemplates/", src->prefix);
	r->src = src;
	r->d = d;
	exsltRegisterAll();
	r->sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(r->sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	return r;
}

void
render_free(struct render *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nsheets; i++) {
		free(r->sheets[i].name);
		xsltFreeStylesheet(r->sheets[i].style);
	}
	free(r->sheets);
	xsltFreeSecurityPrefs(r->sec);
	free(r->datadir);
	free(r->shipdir);
	free(r->polbase);
	free(r);
}

/* Loads (once) and returns template name; NULL with a diagnostic. */
static xsltStylesheetPtr
render_sheet(struct render *r, const char *name)
{
	xsltStylesheetPtr	 style = NULL;
	xmlDocPtr		 doc = NULL;
	char			*url = NULL, *data = NULL;
	size_t			 i, len = 0;
	int			 refused, rc;

	for (i = 0; i < r->nsheets; i++)
		if (!strcmp(r->sheets[i].name, name))
			return r->sheets[i].style;
	render_begin(r);
	refused = r->refused;
	/* The policy root's own template, from the same revision, wins. */
	if ((rc = render_read(r, name, 0, &data, &len, &url)) == KITEI_ENOTFOUND) {
		char *path;
		struct pos pos;

		xasprintf(&path, "%s%s", r->shipdir, name);
		pos.path = path;
		pos.line = pos.col = 0;
		diag_msg(r->d, &pos, MSG_TEMPLATE);
		free(path);
	}
	if (rc != 0 || (doc = render_parse(r, data, len, url, NULL, 0)) == NULL)
		goto out;
	r->current = url;
	style = xsltParseStylesheetDoc(doc);
	r->current = NULL;
	if (style == NULL)
		xmlFreeDoc(doc);
	else if (r->refused != refused) {
		/* An import was refused: libxslt may have gone on without it. */
		xsltFreeStylesheet(style);
		style = NULL;
	}
	if (style == NULL) {
		struct pos pos = { url, 0, 0 };

		diag_msg(r->d, &pos, MSG_TEMPLATE_USABLE);
		goto out;
	}
	r->sheets = xgrowarray(r->sheets, r->nsheets, 1, sizeof(*r->sheets));
	r->sheets[r->nsheets].name = xstrdup(name);
	r->sheets[r->nsheets].style = style;
	r->nsheets++;
out:
	free(url);
	free(data);
	render_end(r);
	return style;
}

/* Counts the nodes of a document, without recursion. */
static unsigned long
render_count_nodes(xmlDocPtr doc)
{
	xmlNodePtr	 n = xmlDocGetRootElement(doc);
	unsigned long	 count = 0;

	while (n != NULL) {
		count++;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent != NULL && n->parent->type != XML_DOCUMENT_NODE ?
			    n->parent : NULL;
		if (n != NULL)
			n = n->next;
	}
	return count;
}

xmlDocPtr
render_transform(struct render *r, xmlDocPtr doc, const char *name,
    const char **params)
{
	xsltStylesheetPtr	 style;
	xsltTransformContextPtr	 ctx;
	xmlDocPtr		 res = NULL;
	unsigned long		  nodes;
	int			  refused;
	struct pos		  pos;
	struct ascii_numeric	  num;

	if ((style = render_sheet(r, name)) == NULL)
		return NULL;
	pos.path = style->doc != NULL && style->doc->URL != NULL ?
	    (const char *)style->doc->URL : name;
	pos.line = pos.col = 0;
	render_begin(r);
	r->current = pos.path;
	r->deep = 0;
	refused = r->refused;
	ctx = xsltNewTransformContext(style, doc);
	xsltSetCtxtSecurityPrefs(r->sec, ctx);
	/* Deep or runaway templates on any input must fail, not hang or overflow the stack. */
	nodes = render_count_nodes(doc);
	ctx->maxTemplateDepth = RENDER_MAX_DEPTH;
	ctx->maxTemplateVars = RENDER_MAX_VARS;
	ctx->opLimit = RENDER_STEPS_BASE + nodes * RENDER_STEPS_PER_NODE;
	if (ctx->xpathCtxt != NULL)
		ctx->xpathCtxt->opLimit = RENDER_XPATH_BASE +
		    nodes * RENDER_XPATH_PER_NODE;
	/* libxml2 2.9 writes XPath numbers (string(87.5)) with LC_NUMERIC's point. */
	ascii_numeric_enter(&num);
	/* Values as string literals, whatever quotes they hold: libxslt's own quoting. */
	if (params == NULL || xsltQuoteUserParams(ctx, params) == 0)
		res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctx);
	ascii_numeric_leave(&num);
	if ((ctx->state != XSLT_STATE_OK || r->refused != refused) && res != NULL) {
		xmlFreeDoc(res);
		res = NULL;
	}
	if (r->deep)
		diag_msg(r->d, &pos, MSG_TEMPLATE_LIMIT, RENDER_MAX_DEPTH);
	else if (ctx->opCount >= ctx->opLimit)
		diag_msg(r->d, &pos, MSG_TEMPLATE_LIMIT_TEMPLATE, ctx->opLimit,
		    nodes);
	else if (ctx->xpathCtxt != NULL &&
	    ctx->xpathCtxt->opCount >= ctx->xpathCtxt->opLimit)
		diag_msg(r->d, &pos, MSG_TEMPLATE_LIMIT_TEMPLATE_STOPPED,
		    ctx->xpathCtxt->opLimit, nodes);
	else if (res == NULL && r->refused == refused)
		diag_msg(r->d, &pos, MSG_TEMPLATE_TEMPLATE, name);
	if (getenv("KITEI_DEBUG_RENDER_OPS") != NULL)
		fprintf(stderr, "%s: %lu nodes, %lu steps, %lu xpath\n", name,
		    nodes, ctx->opCount,
		    ctx->xpathCtxt != NULL ? ctx->xpathCtxt->opCount : 0UL);
	xsltFreeTransformContext(ctx);
	render_end(r);
	r->current = NULL;
	return res;
}

int
render_page(struct render *r, xmlDocPtr doc, const char *name,
    const char *path, const char **params)
{
	xsltStylesheetPtr	 style;
	xmlDocPtr		 res;
	int			 rc = 0;

	if ((res = render_transform(r, doc, name, params)) == NULL)
		return -1;
	style = render_sheet(r, name);
	if (xsltSaveResultToFilename(path, res, style, 0) < 0) {
		struct pos pos = { path, 0, 0 };

		diag_msg(r->d, &pos, MSG_IO_WRITE_PAGE);
		rc = -1;
	}
	xmlFreeDoc(res);
	return rc;
}

int
render_copy(struct render *r, const char *name, const char *path)
{
	char		*src, *rel, *data = NULL;
	size_t		 len = 0;
	FILE		*in, *out;
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[65536];
	size_t		 n;
	int		 rc = -1;

	xasprintf(&rel, "templates/%s", name);
	if (r->src != NULL && sources_read(r->src, rel, &data, &len, r->d) == 0) {
		buf_put(&b, data, len);
		free(data);
	} else {
		xasprintf(&src, "%s/templates/%s", r->datadir, name);
		if ((in = fopen(src, "rb")) == NULL) {
			struct pos pos = { src, 0, 0 };

			diag_msg(r->d, &pos, MSG_IO_READ);
			free(src);
			goto out;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
			buf_put(&b, chunk, n);
		fclose(in);
		free(src);
	}
	if ((out = fopen(path, "wb")) == NULL ||
	    fwrite(b.data ? b.data : "", 1, b.len, out) != b.len ||
	    fclose(out) != 0) {
		struct pos pos = { path, 0, 0 };

		diag_msg(r->d, &pos, MSG_IO_WRITE);
		goto out;
	}
	rc = 0;
out:
	free(rel);
	buf_free(&b);
	return rc;
}

/* Writes one place of the matrix as a JSON object. */
static void
render_json_place(struct json *j, const struct coverage_place *p)
{
	json_object_begin(j);
	json_key(j, "manual");
	json_string(j, p->manual_id);
	json_key(j, "path");
	json_string(j, p->path);
	json_key(j, "line");
	json_int(j, p->line);
	json_key(j, "heading");
	json_string(j, p->heading);
	json_key(j, "anchor");
	json_string(j, p->anchor);
	json_object_end(j);
}

/*
 * The matrix as JSON: one entry per element with the facts of coverage_row
 * (the CSV and the HTML show the same).
 */
void
render_coverage_json(FILE *f, const struct assemble_input *in)
{
	struct json		 j;
	struct coverage_row	 row;
	size_t			 i, k;

	json_init(&j, f, 1);
	json_object_begin(&j);
	json_key(&j, "revision");
	json_string(&j, in->src->revision[0] ? in->src->revision : NULL);
	json_key(&j, "catalog");
	json_object_begin(&j);
	json_key(&j, "id");
	json_string(&j, in->cat->id);
	json_key(&j, "version");
	json_string(&j, in->cat->version);
	json_object_end(&j);
	json_key(&j, "elements");
	json_array_begin(&j);
	for (i = 0; i < in->cov->nelements; i++) {
		coverage_row(&row, in->cov, in->model, i);
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, row.el->id);
		json_key(&j, "article");
		json_string(&j, row.el->article);
		json_key(&j, "obligation");
		json_string(&j, catalog_obligation_name(row.el->obligation));
		json_key(&j, "title");
		json_string(&j, row.el->title);
		json_key(&j, "text");
		json_string(&j, row.el->text);
		json_key(&j, "status");
		json_string(&j, coverage_status_name(row.status));
		json_key(&j, "sections");
		json_array_begin(&j);
		for (k = 0; k < row.nsections; k++)
			render_json_place(&j, &row.sections[k]);
		json_array_end(&j);
		json_key(&j, "reason");
		json_string(&j, row.reason);
		json_key(&j, "reason_at");
		if (row.reason != NULL)
			render_json_place(&j, &row.reason_at);
		else
			json_null(&j);
		json_object_end(&j);
		coverage_row_clear(&row);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/*
 * Whether the cell text at p is only "-" or a negative number such as
 * "-12" or "-1.5", up to the end or the next character that could separate
 * cells: a value a spreadsheet reads as such, never as a formula.
 */
static int
render_csv_plain_number(const char *p)
{
	const char	*q = p + 1;
	int		 digits = 0, dot = 0;

	for (; *q != '\0' && strchr(",;\t\r\n", *q) == NULL; q++) {
		if (*q >= '0' && *q <= '9')
			digits++;
		else if (*q == '.' && digits > 0 && !dot)
			dot = 1;
		else
			return 0;
	}
	return q == p + 1 || (digits > 0 && q[-1] != '.');
}

/*
 * The length of a character at p that makes a spreadsheet read a cell
 * starting there as a formula, or 0: = + - @ tab and carriage return
 * (OWASP's list), and their full-width forms ＝ ＋ － ＠, which a Japanese
 * input method types and a spreadsheet may fold (fail closed).
 */
static size_t
render_csv_trigger(const char *p)
{
	static const char *const wide[] = {
		"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0"
	};
	size_t	 i;

	if (*p == '=' || *p == '+' || *p == '@' || *p == '\t' || *p == '\r')
		return 1;
	if (*p == '-')
		return render_csv_plain_number(p) ? 0 : 1;
	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (!strncmp(p, wide[i], 3))
			return 3;
	return 0;
}

/*
 * Writes one CSV field (RFC 4180), quoted when it holds a comma, quote,
 * semicolon, tab or line break.  Text from the repository may start a
 * formula (CSV injection): wherever a cell can begin, at the start and,
 * for spreadsheets that split on them, after a semicolon, tab or line
 * break, a formula character gets a leading apostrophe, which spreadsheets
 * read as "this is text" (OWASP's advice).
 */
static void
render_csv_field(FILE *f, const char *s, int last)
{
	const char	*p;
	int		 quote, start = 1;

	if (s == NULL)
		s = "";
	quote = strpbrk(s, ",\";\t\n\r") != NULL;
	if (quote)
		fputc('"', f);
	for (p = s; *p != '\0'; p++) {
		if (start && render_csv_trigger(p) > 0)
			fputc('\'', f);
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
		start = *p == ';' || *p == '\t' || *p == '\n' || *p == '\r';
	}
	if (quote)
		fputc('"', f);
	fputs(last ? "\r\n" : ",", f);
}

/*
 * The matrix as CSV, RFC 4180, UTF-8 with a BOM so that Excel reads it:
 * the facts of coverage_row, as the JSON and the HTML show them.  Sections
 * and the place of a not-applicable declaration are PATH:LINE, one a line.
 */
void
render_coverage_csv(FILE *f, const struct assemble_input *in)
{
	struct buf		 b = { NULL, 0, 0 };
	struct coverage_row	 row;
	char			 at[32];
	size_t			 i, k;

	fputs("\xef\xbb\xbf", f);
	fputs("id,article,obligation,title,status,sections,reason,reason_at,"
	    "text\r\n", f);
	for (i = 0; i < in->cov->nelements; i++) {
		coverage_row(&row, in->cov, in->model, i);
		b.len = 0;
		buf_puts(&b, "");
		for (k = 0; k < row.nsections; k++)
			buf_printf(&b, "%s%s:%d", k ? "\n" : "",
			    row.sections[k].path, row.sections[k].line);
		render_csv_field(f, row.el->id, 0);
		render_csv_field(f, row.el->article, 0);
		render_csv_field(f, catalog_obligation_name(row.el->obligation), 0);
		render_csv_field(f, row.el->title, 0);
		render_csv_field(f, coverage_status_name(row.status), 0);
		render_csv_field(f, b.data, 0);
		render_csv_field(f, row.reason, 0);
		if (row.reason != NULL) {
			snprintf(at, sizeof(at), ":%d", row.reason_at.line);
			b.len = 0;
			buf_puts(&b, row.reason_at.path);
			buf_puts(&b, at);
			render_csv_field(f, b.data, 0);
		} else
			render_csv_field(f, NULL, 0);
		render_csv_field(f, row.el->text, 1);
		coverage_row_clear(&row);
	}
	buf_free(&b);
}
