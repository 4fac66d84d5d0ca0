/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Images from the policy root: finds every Markdown image whose target is a
 * file under the root, reads it from the same revision as the documents
 * (sources_read), and accepts it only when it is a PNG, JPEG or SVG that
 * decodes within klimits.h's limits (an SVG only when every element and
 * attribute is on a whitelist: no script, no event attribute, no reference
 * outside the file).  Remote images (http:, https:) and data: URLs are never
 * read.  For main.c (load), assemble.c (resolve), output.c and pubpage.c
 * (write beside a page) and typeimage.c (decode for the PDF).
 */
#ifndef KITEI_IMAGE_H
#define KITEI_IMAGE_H

#include <stddef.h>

#include <cairo.h>
#include <libxml/tree.h>

#include "diag.h"
#include "model.h"
#include "sources.h"

enum image_kind { IMAGE_PNG, IMAGE_JPEG, IMAGE_SVG };

/* One image file of the policy root. */
struct image {
	char		*rel;		/* path under the policy root */
	char		*key;		/* file name beside a page: "<hash>.<ext>" */
	enum image_kind	 kind;
	char		*data;		/* the file's bytes, as committed */
	size_t		 len;
	double		 width;		/* natural size in CSS px (1/96 in) */
	double		 height;
	char		*error;		/* why it cannot be used, or NULL */
};

/* Every image target the documents name. */
struct images {
	struct image	*v;
	size_t		 n;
};

/*
 * Reads every local image the documents of m name, and reports each target
 * that cannot be embedded as an error at its line [bad-image] (a data: or
 * other non-web URL gets a warning [image-not-embedded]).  Returns a new
 * table (images_free); never NULL.
 */
struct images	*images_load(const struct sources *, const struct model *,
		    struct diag *);
void		 images_free(struct images *);

/*
 * The usable image that url names from the document at docrel (relative to
 * the policy root), or NULL: remote, refused, missing or bad.  Borrowed.
 */
const struct image *images_resolve(const struct images *, const char *docrel,
		    const char *url);

/* The usable image with this key, or NULL.  Borrowed. */
const struct image *images_find(const struct images *, const char *key);

/*
 * Writes into dir/img/ the file of every image doc names (md:image elements
 * with a src of "img/<key>"), so that a page in dir shows only the images of
 * the text it holds.  Returns 0, or -1 with a fatal diagnostic.
 */
int	 images_write(const struct images *, xmlDocPtr doc, const char *dir,
	    struct diag *);

/*
 * Decodes a PNG or JPEG into a Cairo surface (a JPEG carries its own bytes
 * as mime data, so the PDF embeds them unchanged).  Returns a new surface
 * (cairo_surface_destroy), or NULL.
 */
cairo_surface_t	*image_surface(const struct image *);

/* Draws im scaled into the box x, y, w, h of cr.  Returns 0 or -1. */
int	 image_draw(const struct image *, cairo_t *, double x, double y,
	    double w, double h);

#endif /* KITEI_IMAGE_H */
