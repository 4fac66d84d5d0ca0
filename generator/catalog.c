/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Loads the regulation catalog with libxml2 and validates it with RELAX NG.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ascii.h"
#include "catalog.h"
#include "diag.h"
#include "json.h"
#include "unorm.h"
#include "xalloc.h"
#include "xmlerr.h"

#define CATALOG_NS	"urn:x-kitei:catalog:1"

static const char *const catalog_obligations[OBL__MAX] = {
	"must", "shall", "endeavor", "consider", "example"
};
static const char *const catalog_labels[OBL__MAX] = {
	"義務", "措置", "努力義務", "検討", "例示"
};

/* libxml2 structured-error sink: each error a fatal diagnostic (xmlerr.h). */
static void
catalog_xml_error(void *arg, xmlErrorPtr e)
{
	xmlerr_emit(arg, e, NULL, "bad-catalog", 1);
}

/* Returns a copy of the element's text content, trimmed; never NULL. */
static char *
catalog_text(xmlNodePtr n)
{
	xmlChar		*t = xmlNodeGetContent(n);
	const char	*s = t != NULL ? (const char *)t : "";
	size_t		 len;
	char		*r;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' ||
	    s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	r = xstrndup(s, len);
	xmlFree(t);
	return r;
}

/* Returns a copy of attribute name, or NULL. */
static char *
catalog_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*r;

	if (v == NULL)
		return NULL;
	r = xstrdup((const char *)v);
	xmlFree(v);
	return r;
}

/* Whether n is an element of the catalog namespace called name. */
static int
catalog_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    !strcmp((const char *)n->name, name) && n->ns != NULL &&
	    !strcmp((const char *)n->ns->href, CATALOG_NS);
}

/*
 * Spelling variants read as one when facets are matched: kanji and kana
 * forms, okurigana, the long vowel mark at the end of katakana loan words.
 * Each left side is replaced by its right side, in this order.
 */
static const char *const catalog_variants[][2] = {
	{ "漏洩", "漏えい" }, { "漏泄", "漏えい" }, { "隠蔽", "隠ぺい" },
	{ "改竄", "改ざん" }, { "毀損", "き損" }, { "ぜい弱", "脆弱" },
	{ "取り扱", "取扱" }, { "問い合わせ", "問合せ" }, { "問い合せ", "問合せ" },
	{ "洗い出", "洗出" }, { "持ち出", "持出" }, { "立ち上げ", "立上げ" },
	{ "引き継", "引継" }, { "受け付", "受付" }, { "切り替", "切替" },
	{ "割り当", "割当" }, { "申し込", "申込" }, { "打ち合わせ", "打合せ" },
	{ "取り組", "取組" }, { "見直し", "見直" }, { "行なう", "行う" },
	{ "サーバー", "サーバ" }, { "コンピューター", "コンピュータ" },
	{ "ユーザー", "ユーザ" }, { "セキュリティー", "セキュリティ" },
	{ "シーサート", "csirt" },
	{ "年一回", "年1回" }, { "年に一度", "年1回" }, { "年に1回", "年1回" },
	{ "年に一回", "年1回" }, { "毎年度", "毎年" }, { "半年ごと", "半期ごと" },
};

/* Folds text for matching; see catalog.h. */
char *
catalog_fold(const char *text)
{
	char	*n = unorm_nfkc(text, strlen(text)), *r, *p;
	size_t	 i, j, len, k;

	/* White space out, ASCII to lower case. */
	for (i = j = 0; n[i] != '\0'; i++) {
		unsigned char c = (unsigned char)n[i];

		if (unorm_isspace(c))
			continue;
		n[j++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	n[j] = '\0';
	for (k = 0; k < sizeof(catalog_variants) / sizeof(catalog_variants[0]);
	    k++) {
		const char *from = catalog_variants[k][0], *to = catalog_variants[k][1];
		size_t	 lf = strlen(from), lt = strlen(to), cnt = 0;

		for (p = strstr(n, from); p != NULL; p = strstr(p + lf, from))
			cnt++;
		if (cnt == 0)
			continue;
		len = strlen(n);
		r = xmalloc(len + cnt * (lt > lf ? lt - lf : 0) + 1);
		for (i = j = 0; i < len;) {
			if (strncmp(n + i, from, lf) == 0) {
				memcpy(r + j, to, lt);
				j += lt;
				i += lf;
			} else
				r[j++] = n[i++];
		}
		r[j] = '\0';
		free(n);
		n = r;
	}
	return n;
}

/* The rule's misspellings, marked as verbatim where readers see them. */
static const char *const catalog_mama[] = { "協會員" };

char *
catalog_display_text(const char *text)
{
	struct buf	 b;
	const char	*p = text, *hit, *best;
	size_t		 k, lb = 0;

	memset(&b, 0, sizeof(b));
	for (;;) {
		best = NULL;
		for (k = 0; k < sizeof(catalog_mama) / sizeof(catalog_mama[0]); k++)
			if ((hit = strstr(p, catalog_mama[k])) != NULL &&
			    (best == NULL || hit < best)) {
				best = hit;
				lb = strlen(catalog_mama[k]);
			}
		if (best == NULL)
			break;
		buf_put(&b, p, (size_t)(best - p) + lb);
		/* Already marked by hand: leave it. */
		if (strncmp(best + lb, "（ママ）", strlen("（ママ）")) != 0)
			buf_puts(&b, "（ママ）");
		p = best + lb;
	}
	buf_puts(&b, p);
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

/* Adds a facet of the terms under n (<facet>) or of e's keywords (n NULL). */
static void
catalog_add_facet(struct catalog_element *e, xmlNodePtr n)
{
	struct catalog_facet	*f;
	xmlNodePtr		 t;
	size_t			 k;

	e->facets = xgrowarray(e->facets, e->nfacets, 1, sizeof(*e->facets));
	f = &e->facets[e->nfacets++];
	memset(f, 0, sizeof(*f));
	if (n == NULL) {
		for (k = 0; k < e->nkeywords; k++) {
			f->terms = xgrowarray(f->terms, f->nterms, 1, sizeof(char *));
			f->terms[f->nterms++] = xstrdup(e->keywords[k]);
		}
	} else
		for (t = n->children; t != NULL; t = t->next)
			if (catalog_is(t, "term")) {
				f->terms = xgrowarray(f->terms, f->nterms, 1,
				    sizeof(char *));
				f->terms[f->nterms++] = catalog_text(t);
			}
	f->folded = xcalloc(f->nterms + 1, sizeof(char *));
	for (k = 0; k < f->nterms; k++)
		f->folded[k] = catalog_fold(f->terms[k]);
}

/* Reads one <element> (already validated). */
static void
catalog_read_element(struct catalog_element *e, xmlNodePtr n, const char *article)
{
	xmlNodePtr	 c, k;
	char		*v;
	size_t		 i;

	e->id = catalog_attr(n, "id");
	e->article = xstrdup(article);
	v = catalog_attr(n, "obligation");
	for (i = 0; i < OBL__MAX; i++)
		if (v != NULL && !strcmp(v, catalog_obligations[i]))
			e->obligation = (enum obligation)i;
	free(v);
	v = catalog_attr(n, "manual");
	e->crisis = v != NULL && !strcmp(v, "crisis");
	free(v);
	v = catalog_attr(n, "public");
	e->public = v != NULL && !strcmp(v, "true");
	free(v);
	for (c = n->children; c != NULL; c = c->next) {
		if (catalog_is(c, "title"))
			e->title = catalog_text(c);
		else if (catalog_is(c, "text"))
			e->text = catalog_text(c);
		else if (catalog_is(c, "keywords")) {
			for (k = c->children; k != NULL; k = k->next)
				if (catalog_is(k, "keyword")) {
					e->keywords = xgrowarray(e->keywords, e->nkeywords, 1, sizeof(char *));
					e->keywords[e->nkeywords++] = catalog_text(k);
				}
		} else if (catalog_is(c, "facets")) {
			e->has_facets = 1;
			for (k = c->children; k != NULL; k = k->next)
				if (catalog_is(k, "facet"))
					catalog_add_facet(e, k);
		}
	}
	if (!e->has_facets && e->nkeywords > 0)
		catalog_add_facet(e, NULL);
	if (e->title == NULL)
		e->title = xstrdup("");
	if (e->text == NULL)
		e->text = xstrdup("");
}

/* Validates doc against the schema; returns 0 or -1 (errors went to d). */
static int
catalog_validate(xmlDocPtr doc, const char *rng_path, struct diag *d)
{
	xmlRelaxNGParserCtxtPtr	 pctx = NULL;
	xmlRelaxNGPtr		 schema = NULL;
	xmlRelaxNGValidCtxtPtr	 vctx = NULL;
	int			 rc = -1;

	if ((pctx = xmlRelaxNGNewParserCtxt(rng_path)) == NULL)
		goto out;
	xmlRelaxNGSetParserStructuredErrors(pctx, catalog_xml_error, d);
	if ((schema = xmlRelaxNGParse(pctx)) == NULL) {
		struct pos pos = { rng_path, 0, 0 };

		diag_msg(d, &pos, MSG_BAD_CATALOG);
		goto out;
	}
	if ((vctx = xmlRelaxNGNewValidCtxt(schema)) == NULL)
		goto out;
	xmlRelaxNGSetValidStructuredErrors(vctx, catalog_xml_error, d);
	if (xmlRelaxNGValidateDoc(vctx, doc) != 0)
		goto out;
	rc = 0;
out:
	xmlRelaxNGFreeValidCtxt(vctx);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pctx);
	return rc;
}

/* Loads the catalog; see catalog.h. */
int
catalog_load(struct catalog **out, const char *path, const char *data,
    size_t len, const char *rng_path, struct diag *d)
{
	struct catalog	*c;
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 root, a, e;
	size_t		 i, j;
	int		 rc = -1;

	*out = NULL;
	c = xcalloc(1, sizeof(*c));
	c->path = xstrdup(path);
	xmlSetStructuredErrorFunc(d, catalog_xml_error);
	doc = xmlReadMemory(data, (int)len, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOENT * 0);
	if (doc == NULL)
		goto out;
	if (catalog_validate(doc, rng_path, d) < 0) {
		struct pos pos = { path, 0, 0 };

		diag_msg(d, &pos, MSG_BAD_CATALOG_CATALOG, rng_path);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	c->id = catalog_attr(root, "id");
	c->version = catalog_attr(root, "version");
	for (a = root->children; a != NULL; a = a->next) {
		if (catalog_is(a, "title"))
			c->title = catalog_text(a);
		if (!catalog_is(a, "article"))
			continue;
		c->articles = xgrowarray(c->articles, c->narticles, 1,
		    sizeof(*c->articles));
		c->articles[c->narticles].number = catalog_attr(a, "number");
		c->articles[c->narticles].heading = NULL;
		for (e = a->children; e != NULL; e = e->next) {
			if (catalog_is(e, "heading") &&
			    c->articles[c->narticles].heading == NULL)
				c->articles[c->narticles].heading = catalog_text(e);
			if (!catalog_is(e, "element"))
				continue;
			c->elements = xgrowarray(c->elements, c->nelements, 1,
			    sizeof(*c->elements));
			memset(&c->elements[c->nelements], 0, sizeof(*c->elements));
			catalog_read_element(&c->elements[c->nelements++], e,
			    c->articles[c->narticles].number);
		}
		if (c->articles[c->narticles].heading == NULL)
			c->articles[c->narticles].heading = xstrdup("");
		c->narticles++;
	}
	if (c->title == NULL)
		c->title = xstrdup(c->id);
	for (i = 0; i < c->nelements; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(c->elements[i].id, c->elements[j].id)) {
				struct pos pos = { path, 0, 0 };

				diag_msg(d, &pos, MSG_BAD_CATALOG_ELEMENT,
				    c->elements[i].id);
				goto out;
			}
	*out = c;
	c = NULL;
	rc = 0;
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(doc);
	catalog_free(c);
	return rc;
}

/* Frees the catalog; accepts NULL. */
void
catalog_free(struct catalog *c)
{
	size_t	 i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->nelements; i++) {
		struct catalog_element *e = &c->elements[i];

		free(e->id);
		free(e->article);
		free(e->title);
		free(e->text);
		for (j = 0; j < e->nkeywords; j++)
			free(e->keywords[j]);
		free(e->keywords);
		for (j = 0; j < e->nfacets; j++) {
			size_t k;

			for (k = 0; k < e->facets[j].nterms; k++) {
				free(e->facets[j].terms[k]);
				free(e->facets[j].folded[k]);
			}
			free(e->facets[j].terms);
			free(e->facets[j].folded);
		}
		free(e->facets);
	}
	for (i = 0; i < c->narticles; i++) {
		free(c->articles[i].number);
		free(c->articles[i].heading);
	}
	free(c->articles);
	free(c->elements);
	free(c->path);
	free(c->id);
	free(c->version);
	free(c->title);
	free(c);
}

const struct catalog_element *
catalog_find(const struct catalog *c, const char *id)
{
	long	 i = catalog_index(c, id);

	return i < 0 ? NULL : &c->elements[i];
}

long
catalog_index(const struct catalog *c, const char *id)
{
	size_t	 i;

	for (i = 0; i < c->nelements; i++)
		if (!strcmp(c->elements[i].id, id))
			return (long)i;
	return -1;
}

/*
 * Nearest ids by edit distance; see catalog.h.  Two edits are allowed only
 * in ids of five characters or more: two edits to "9.8" reach every x.y id,
 * which is no suggestion at all.
 */
size_t
catalog_nearest(const struct catalog *c, const char *id, const char **out,
    size_t max)
{
	size_t	 i, n = 0, dist, best, far = strlen(id) >= 5 ? 2 : 1;

	for (best = 1; best <= far && n == 0; best++)
		for (i = 0; i < c->nelements && n < max; i++) {
			dist = ascii_distance(id, strlen(id), c->elements[i].id,
			    strlen(c->elements[i].id), 0);
			if (dist == best)
				out[n++] = c->elements[i].id;
		}
	return n;
}

const char *
catalog_obligation_name(enum obligation o)
{
	return catalog_obligations[o];
}

const char *
catalog_obligation_label(enum obligation o)
{
	return catalog_labels[o];
}

/* Writes one element's line of catalog_print_text, escaped. */
static void
catalog_print_line(FILE *f, const struct catalog_element *e)
{
	char	*id = diag_safe(e->id), *title = diag_safe(e->title);

	fprintf(f, "%-9s %-9s %s%s%s\n", id,
	    catalog_obligations[e->obligation], title,
	    e->crisis ? " [crisis manual]" : "",
	    e->public ? " [public page]" : "");
	free(id);
	free(title);
}

/* One element in full: its line, its article, its text; escaped. */
void
catalog_print_element(FILE *f, const struct catalog *c,
    const struct catalog_element *e)
{
	size_t	 i;
	char	*t;

	catalog_print_line(f, e);
	for (i = 0; i < c->narticles; i++)
		if (strcmp(c->articles[i].number, e->article) == 0) {
			fputs("    第", f);
			diag_fputs(e->article, f);
			fputs("条 ", f);
			diag_fputs(c->articles[i].heading, f);
			putc('\n', f);
			break;
		}
	fputs("    ", f);
	t = catalog_display_text(e->text);
	diag_fputs(t, f);
	free(t);
	putc('\n', f);
}

/*
 * One element a line: id, obligation, where it must be met, title.  A
 * catalog may come from the policy root, so its text is escaped (diag.h).
 */
void
catalog_print_text(FILE *f, const struct catalog *c)
{
	size_t	 i;
	char	*id, *version, *title;

	id = diag_safe(c->id);
	version = diag_safe(c->version);
	title = diag_safe(c->title);
	fprintf(f, "%s %s (%s), %zu elements\n", id, version, title,
	    c->nelements);
	free(id);
	free(version);
	free(title);
	for (i = 0; i < c->nelements; i++)
		catalog_print_line(f, &c->elements[i]);
}

/* design.md's catalog JSON, through json.h's writer (laid out as jq does). */
void
catalog_print_json(FILE *f, const struct catalog *c)
{
	struct json	 j;
	size_t		 i;

	json_init(&j, f, 1);
	json_object_begin(&j);
	json_key(&j, "id");
	json_string(&j, c->id);
	json_key(&j, "title");
	json_string(&j, c->title);
	json_key(&j, "version");
	json_string(&j, c->version);
	json_key(&j, "elements");
	json_array_begin(&j);
	for (i = 0; i < c->nelements; i++) {
		const struct catalog_element *e = &c->elements[i];

		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, e->id);
		json_key(&j, "article");
		json_string(&j, e->article);
		json_key(&j, "obligation");
		json_string(&j, catalog_obligations[e->obligation]);
		json_key(&j, "title");
		json_string(&j, e->title);
		json_key(&j, "text");
		json_string(&j, e->text);
		json_key(&j, "manual");
		if (e->crisis)
			json_string(&j, "crisis");
		else
			json_null(&j);
		json_key(&j, "public");
		json_bool(&j, e->public);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}
