/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * A thin layer over libyaml's document API that reports syntax errors with
 * file, line and column, and hands out node positions.  For config.c and
 * parse.c only.
 */
#ifndef KITEI_YDOC_H
#define KITEI_YDOC_H

#include <stddef.h>

#include <yaml.h>

#include "diag.h"

/* A loaded YAML document; the struct belongs to the caller. */
struct ydoc {
	yaml_document_t	 doc;		/* libyaml's node tree */
	const char	*path;		/* borrowed, for positions */
	int		 line_offset;	/* lines before the YAML text in its file */
	int		 loaded;	/* doc must be deleted */
};

/*
 * Loads the first YAML document of data into y.  A syntax error is reported
 * as front matter's (an error) or kitei.yml's (fatal).  Returns 0, or -1 with a diagnostic emitted.
 * An empty text loads as a document without a root.
 */
int		 ydoc_load(struct ydoc *y, const char *path, const char *data,
		    size_t len, int line_offset, struct diag *d,
		    int front_matter);
void		 ydoc_free(struct ydoc *);
/* Returns the root node or NULL, borrowed. */
yaml_node_t	*ydoc_root(struct ydoc *);
/* Returns node id (from a pair or sequence item), borrowed. */
yaml_node_t	*ydoc_get(struct ydoc *, int id);
/* The scalar's text, or NULL when the node is not a scalar; borrowed. */
const char	*ydoc_str(const yaml_node_t *);
/* Fills out with the node's file, line and column (1-based). */
void		 ydoc_pos(struct pos *out, const struct ydoc *,
		    const yaml_node_t *);

#endif /* KITEI_YDOC_H */
