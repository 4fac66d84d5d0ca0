/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Images in the PDF: the typesetter's fo:external-graphic.  The graphic's
 * src names an image of the table the render stage passes (image.h), never
 * a file: the bytes come from git.  Sized to the width available (never
 * beyond its natural size at 96 dpi) and the page height, drawn with its
 * alternative text as the /Alt of its Figure structure element.
 * For typeset.c only.
 */
#ifndef KITEI_TYPEIMAGE_H
#define KITEI_TYPEIMAGE_H

#include <cairo.h>
#include <libxml/tree.h>
#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "image.h"

struct typeimage;

/* A new set for one document (typeimage_free); table may be NULL. */
struct typeimage *typeimage_new(const struct images *table, struct diag *,
		    const char *fopath);
void		 typeimage_free(struct typeimage *);

/* The height of the page body images must fit in, in pt. */
void		 typeimage_page(struct typeimage *, double body_h);

/*
 * Reads fo:external-graphic n set at left x in width w (pt).  Returns its
 * index with the height in *h, or -1 with a warning at n's FO line.
 */
int		 typeimage_add(struct typeimage *, xmlNodePtr n, double x,
		    double w, double *h);

/* Draws image idx with its top at y, x0 being the reference area's left. */
void		 typeimage_draw(struct typeimage *, int idx, cairo_t *,
		    double x0, double y);

/* Sets /Alt on the Figure structure elements, in the order drawn. */
void		 typeimage_alt(struct typeimage *, qpdf_data, qpdf_oh root);

#endif /* KITEI_TYPEIMAGE_H */
