/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The render stage: applies the XSLT templates (libxslt) to the assembled
 * documents and writes pages, and writes the traceability matrix as JSON and
 * CSV. Templates come from the policy root's own templates/ folder when it
 * has one (read from the same revision), else from the data folder. For
 * main.c, output.c and pubpage.c.
 */
#ifndef KITEI_RENDER_H
#define KITEI_RENDER_H

#include <stdio.h>

#include <libxml/tree.h>

#include "assemble.h"
#include "diag.h"
#include "sources.h"

struct render;

/* Returns a new renderer (free with render_free); never NULL. */
struct render	*render_new(const char *datadir, const struct sources *,
		    struct diag *);
void		 render_free(struct render *);

/*
 * Applies template name (e.g. "manual-html.xsl") to doc and writes the
 * result to path.  params are name/value pairs ending in NULL; values are
 * plain strings, taken literally (xsltQuoteUserParams).  Returns 0, or -1
 * with a diagnostic.
 */
int	 render_page(struct render *, xmlDocPtr doc, const char *name,
	    const char *path, const char **params);
/* Applies a template and returns the result document (for FO); NULL on error. */
xmlDocPtr render_transform(struct render *, xmlDocPtr doc, const char *name,
	    const char **params);
/* Copies a static file (a CSS) from the templates to path.  Returns 0 or -1. */
int	 render_copy(struct render *, const char *name, const char *path);

/* The traceability matrix as JSON and as CSV (UTF-8 with a BOM, for Excel). */
void	 render_coverage_json(FILE *, const struct assemble_input *);
void	 render_coverage_csv(FILE *, const struct assemble_input *);

#endif /* KITEI_RENDER_H */
