/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Images in the PDF: sizes and draws the FO subset's fo:external-graphic
 * from the image table (never from a file) and gives each its /Alt.
 */
#include <stdlib.h>
#include <string.h>

#include "typeimage.h"
#include "xalloc.h"

#define TI_NS_KFO	"urn:x-kitei:fo:1"
/* CSS px to pt: an image's natural size is taken at 96 dpi. */
#define TI_PX		0.75

/* One graphic laid out. */
struct ti_item {
	const struct image *im;		/* borrowed from the table */
	double		 x, w, h;	/* pt, x from the reference area */
	char		*alt;		/* its alternative text */
};

struct typeimage {
	const struct images *table;	/* borrowed, may be NULL */
	struct diag	*d;
	const char	*path;		/* the FO's name for diagnostics */
	double		 body_h;	/* page body height, pt; 0 unknown */
	struct ti_item	*v;
	size_t		 n;
	char		**drawn;	/* alt texts in drawing order (borrowed from v) */
	size_t		 ndrawn;
};

struct typeimage *
typeimage_new(const struct images *table, struct diag *d, const char *fopath)
{
	struct typeimage	*t = xcalloc(1, sizeof(*t));

	t->table = table;
	t->d = d;
	t->path = fopath;
	return t;
}

void
typeimage_free(struct typeimage *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->v[i].alt);
	free(t->v);
	free(t->drawn);
	free(t);
}

void
typeimage_page(struct typeimage *t, double body_h)
{
	t->body_h = body_h;
}

int
typeimage_add(struct typeimage *t, xmlNodePtr n, double x, double w,
    double *h)
{
	const struct image	*im = NULL;
	struct ti_item		*it;
	struct pos		 pos;
	xmlChar			*src, *alt;
	const char		*s;
	double			 iw, ih, scale = 1;

	*h = 0;
	if ((src = xmlGetProp(n, (const xmlChar *)"src")) != NULL) {
		/* src="img/KEY", or url(img/KEY) as in XSL. */
		s = (const char *)src;
		if (!strncmp(s, "url(", 4))
			s += 4;
		if (!strncmp(s, "img/", 4)) {
			char *key = xstrdup(s + 4), *e;

			if ((e = strchr(key, ')')) != NULL)
				*e = '\0';
			im = images_find(t->table, key);
			free(key);
		}
	}
	if (im == NULL) {
		pos.path = t->path;
		pos.line = (int)xmlGetLineNo(n);
		if (pos.line < 0)
			pos.line = 0;
		pos.col = 0;
		diag_msg(t->d, &pos, MSG_FO_IMAGE,
		    src != NULL ? (const char *)src : "without src");
		xmlFree(src);
		return -1;
	}
	xmlFree(src);
	iw = im->width * TI_PX;
	ih = im->height * TI_PX;
	/* Never wider than the text, never taller than the page, never upscaled. */
	if (w > 0 && iw > w)
		scale = w / iw;
	if (t->body_h > 0 && ih * scale > t->body_h)
		scale = t->body_h / ih;
	t->v = xgrowarray(t->v, t->n, 1, sizeof(*t->v));
	it = &t->v[t->n];
	it->im = im;
	it->x = x;
	it->w = iw * scale;
	it->h = ih * scale;
	alt = xmlGetNsProp(n, (const xmlChar *)"alt", (const xmlChar *)TI_NS_KFO);
	it->alt = xstrdup(alt != NULL ? (const char *)alt : "");
	xmlFree(alt);
	*h = it->h;
	return (int)t->n++;
}

void
typeimage_draw(struct typeimage *t, int idx, cairo_t *cr, double x0, double y)
{
	struct ti_item	*it;

	if (idx < 0 || (size_t)idx >= t->n)
		return;
	it = &t->v[idx];
	image_draw(it->im, cr, x0 + it->x, y, it->w, it->h);
	t->drawn = xgrowarray(t->drawn, t->ndrawn, 1, sizeof(*t->drawn));
	t->drawn[t->ndrawn++] = it->alt;
}

void
typeimage_alt(struct typeimage *t, qpdf_data q, qpdf_oh root)
{
	qpdf_oh		*stack = NULL, oh, k, s;
	size_t		 n = 0, next = 0;
	int		 i, nk;

	if (t->ndrawn == 0)
		return;
	oh = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(q, oh))
		return;
	/* Depth first, in document order, without recursion. */
	stack = xgrowarray(stack, n, 1, sizeof(*stack));
	stack[n++] = oh;
	while (n > 0 && next < t->ndrawn) {
		oh = stack[--n];
		s = qpdf_oh_get_key(q, oh, "/S");
		if (qpdf_oh_is_name(q, s) &&
		    !strcmp(qpdf_oh_get_name(q, s), "/Figure"))
			qpdf_oh_replace_key(q, oh, "/Alt",
			    qpdf_oh_new_unicode_string(q, t->drawn[next++]));
		k = qpdf_oh_get_key(q, oh, "/K");
		if (qpdf_oh_is_dictionary(q, k)) {
			stack = xgrowarray(stack, n, 1, sizeof(*stack));
			stack[n++] = k;
		} else if (qpdf_oh_is_array(q, k)) {
			nk = qpdf_oh_get_array_n_items(q, k);
			for (i = nk - 1; i >= 0; i--) {
				oh = qpdf_oh_get_array_item(q, k, i);
				if (!qpdf_oh_is_dictionary(q, oh))
					continue;
				stack = xgrowarray(stack, n, 1, sizeof(*stack));
				stack[n++] = oh;
			}
		}
	}
	free(stack);
}
