/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writing outputs so that nothing is ever half-written: everything goes into
 * a temporary folder beside the destination, which is renamed into place
 * only when complete.  A failed or killed build leaves the old output.
 * For main.c and the stages that write files.
 */
#ifndef KITEI_PUBLISH_H
#define KITEI_PUBLISH_H

#include "diag.h"

struct publish;

/*
 * Starts writing dest (a folder).  Removes temporaries left by earlier
 * killed runs.  Returns a new publish (finish with publish_commit or
 * publish_abort), or NULL with a fatal diagnostic emitted.
 */
struct publish	*publish_begin(const char *dest, struct diag *);
/* The temporary folder to write into, borrowed. */
const char	*publish_dir(const struct publish *);
/* Creates sub-folders of the temporary folder as needed for rel. */
int		 publish_mkdirs(const struct publish *, const char *rel,
		    struct diag *);
/*
 * Puts the temporary folder in place of dest and removes the old one.
 * Returns 0, or -1 with a diagnostic (the old output is then untouched).
 * Frees p either way.
 */
int		 publish_commit(struct publish *, struct diag *);
/* Removes the temporary folder; frees p.  Accepts NULL. */
void		 publish_abort(struct publish *);

/*
 * Removes what killed runs left beside dest: files and folders named dest
 * followed by ".kitei-tmp-".  publish_begin does it for its folder; a
 * writer of a single file (the bundle) calls it for that file.
 */
void		 publish_sweep(const char *dest);
/* Removes a folder tree without recursion; returns 0 or -1. */
int		 publish_rmtree(const char *);

#endif /* KITEI_PUBLISH_H */
