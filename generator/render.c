/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Turns assembled documents into pages with libxslt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "assemble.h"
#include "catalog.h"
#include "coverage.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "render.h"
#include "sources.h"
#include "xalloc.h"

/* Compiled stylesheets are kept for the whole run. */
struct render_sheet {
	char			*name;
	xsltStylesheetPtr	 style;
};

struct render {
	char			*datadir;	/* the shipped templates' parent */
	const struct sources	*src;		/* for the policy root's own templates */
	struct diag		*d;
	struct render_sheet	*sheets;
	size_t			 nsheets;
	xsltSecurityPrefsPtr	 sec;		/* templates may not write or fetch */
};

/* libxml2/libxslt error sink for the duration of a transformation. */
static void
render_xml_error(void *arg, xmlErrorPtr e)
{
	struct render	*r = arg;
	struct pos	 pos;
	char		*msg;
	size_t		 n;

	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	pos.path = e->file;
	pos.line = e->line;
	pos.col = 0;
	msg = xstrdup(e->message ? e->message : "error");
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		msg[--n] = '\0';
	diag_emit(r->d, DIAG_FATAL, &pos, "template", "%s", msg);
	free(msg);
}

/* libxslt's own messages come as printf fragments; keep them as one line each. */
static void
render_xslt_error(void *arg, const char *fmt, ...)
{
	struct render	*r = arg;
	va_list		 ap;
	char		 b[1024];
	size_t		 n;

	va_start(ap, fmt);
	vsnprintf(b, sizeof(b), fmt, ap);
	va_end(ap);
	n = strlen(b);
	while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == ' '))
		b[--n] = '\0';
	if (n > 0)
		diag_emit(r->d, DIAG_FATAL, NULL, "template", "%s", b);
}

struct render *
render_new(const char *datadir, const struct sources *src, struct diag *d)
{
	struct render	*r;

	r = xcalloc(1, sizeof(*r));
	r->datadir = xstrdup(datadir);
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
	free(r);
}

/* Loads (once) and returns template name; NULL with a diagnostic. */
static xsltStylesheetPtr
render_sheet(struct render *r, const char *name)
{
	xsltStylesheetPtr	 style = NULL;
	xmlDocPtr		 doc = NULL;
	char			*path = NULL, *rel, *data = NULL;
	size_t			 i, len;

	for (i = 0; i < r->nsheets; i++)
		if (!strcmp(r->sheets[i].name, name))
			return r->sheets[i].style;
	xmlSetStructuredErrorFunc(r, render_xml_error);
	xsltSetGenericErrorFunc(r, render_xslt_error);
	/* The policy root's own template, from the same revision, wins. */
	xasprintf(&rel, "templates/%s", name);
	if (r->src != NULL && sources_read(r->src, rel, &data, &len, r->d) == 0) {
		xasprintf(&path, "%s%s", r->src->prefix, rel);
		doc = xmlReadMemory(data, (int)len, path, NULL, XML_PARSE_NONET);
		free(data);
	} else {
		xasprintf(&path, "%s/templates/%s", r->datadir, name);
		doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	}
	free(rel);
	if (doc == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_emit(r->d, DIAG_FATAL, &pos, "template", "cannot read template");
		goto out;
	}
	if ((style = xsltParseStylesheetDoc(doc)) == NULL) {
		struct pos pos = { path, 0, 0 };

		xmlFreeDoc(doc);
		diag_emit(r->d, DIAG_FATAL, &pos, "template", "not a usable XSLT template");
		goto out;
	}
	r->sheets = xgrowarray(r->sheets, r->nsheets, 1, sizeof(*r->sheets));
	r->sheets[r->nsheets].name = xstrdup(name);
	r->sheets[r->nsheets].style = style;
	r->nsheets++;
out:
	free(path);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	return style;
}

/* Quotes parameter values as XPath string literals; returns a new array. */
static const char **
render_params(const char **params, char ***owned, size_t *nowned)
{
	const char	**out;
	size_t		  n = 0, i;

	while (params != NULL && params[n] != NULL)
		n += 2;
	out = xcalloc(n + 1, sizeof(char *));
	*owned = xcalloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i += 2) {
		const char *v = params[i + 1] != NULL ? params[i + 1] : "";

		out[i] = params[i];
		/* XPath 1.0 has no escapes: pick the quote the value lacks. */
		if (strchr(v, '\'') == NULL)
			xasprintf(&(*owned)[i], "'%s'", v);
		else
			xasprintf(&(*owned)[i], "\"%s\"", v);
		out[i + 1] = (*owned)[i];
	}
	*nowned = n;
	return out;
}

xmlDocPtr
render_transform(struct render *r, xmlDocPtr doc, const char *name,
    const char **params)
{
	xsltStylesheetPtr	 style;
	xsltTransformContextPtr	 ctx;
	xmlDocPtr		 res = NULL;
	const char		**p;
	char			**owned;
	size_t			  i, nowned;

	if ((style = render_sheet(r, name)) == NULL)
		return NULL;
	p = render_params(params, &owned, &nowned);
	xmlSetStructuredErrorFunc(r, render_xml_error);
	xsltSetGenericErrorFunc(r, render_xslt_error);
	ctx = xsltNewTransformContext(style, doc);
	xsltSetCtxtSecurityPrefs(r->sec, ctx);
	/* Deep templates on hostile input must fail, not overflow the stack. */
	ctx->maxTemplateDepth = 3000;
	res = xsltApplyStylesheetUser(style, doc, p, NULL, NULL, ctx);
	if (ctx->state != XSLT_STATE_OK && res != NULL) {
		xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(ctx);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	for (i = 0; i < nowned; i += 2)
		free(owned[i]);
	free(owned);
	free(p);
	if (res == NULL)
		diag_emit(r->d, DIAG_FATAL, NULL, "template",
		    "template %s failed", name);
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

		diag_emit(r->d, DIAG_FATAL, &pos, "io", "cannot write the page");
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

			diag_emit(r->d, DIAG_FATAL, &pos, "io", "cannot read");
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

		diag_emit(r->d, DIAG_FATAL, &pos, "io", "cannot write");
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
