/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writing outputs so that nothing is ever half-written and nothing kitei did
 * not make is ever replaced: everything goes into a temporary folder beside
 * the destination, which is renamed into place only when complete, and only
 * over a folder that is absent, empty, or carries the marker kitei writes
 * into each of its output folders. Writers of one destination take turns (a
 * lock beside it). A failed or killed run leaves the old output. For
 * bundle.c, gpghome.c, main.c, output.c, pubpage.c, serve.c and signoff.c.
 */
#ifndef KITEI_PUBLISH_H
#define KITEI_PUBLISH_H

#include "diag.h"

struct publish;

/*
 * The marker file in every output folder kitei made, and its format: one
 * line, "kitei-output 1 build" (or diff).
 */
#define PUBLISH_MARKER		".kitei-output"
#define PUBLISH_FORMAT		1

/* publish_begin's flags. */
#define PUBLISH_FILE		0x01	/* dest is a file (a bundle) that the
					   caller writes from the staging folder */
#define PUBLISH_DIFF		0x02	/* dest is a 新旧対照表 folder, not a build's */

/*
 * Starts writing dest: waits for other kitei writing it, refuses a dest
 * kitei may not replace (see publish_check), removes temporaries left by
 * earlier killed runs, and makes the temporary folder.  Messages emitted
 * into d until publish_commit or publish_abort that name the temporary
 * folder are made to name dest instead.  Returns a new publish (finish with
 * publish_commit or publish_abort), or NULL with a fatal diagnostic.
 */
struct publish	*publish_begin(const char *dest, int flags, struct diag *d);
/* The temporary folder to write into, borrowed. */
const char	*publish_dir(const struct publish *);
/* Creates sub-folders of the temporary folder as needed for rel. */
int		 publish_mkdirs(const struct publish *, const char *rel,
		    struct diag *);
/*
 * Copies into the temporary folder every file of the existing output
 * (when there is one) for which drop(rel, arg) returns 0: what a partial
 * run (--only) does not rewrite.  Returns 0, or -1 with a diagnostic.
 */
int		 publish_keep(const struct publish *,
		    int (*drop)(const char *rel, void *arg), void *arg,
		    struct diag *);
/*
 * Writes the marker, puts the temporary folder in place of dest and
 * removes the old one.  Returns 0, or -1 with a diagnostic (the old output
 * is then untouched).  Frees p either way.
 */
int		 publish_commit(struct publish *, struct diag *);
/* Removes the temporary folder; frees p.  Accepts NULL. */
void		 publish_abort(struct publish *);

/*
 * Returns 0 when kitei may write dest (PUBLISH_FILE in flags: a file), or
 * -1 with a fatal diagnostic naming dest and why not: a folder that is not
 * empty and has no marker, a symbolic link, the root, the home folder, a
 * folder holding the current folder or a git work tree, anything inside a
 * .git folder; for a file, anything but an absent file or a bundle kitei made.
 */
int		 publish_check(const char *dest, int flags, struct diag *);

/*
 * Removes what killed runs left beside dest: files and folders named dest
 * followed by ".kitei-tmp-".  Call it only between publish_begin and
 * publish_commit or publish_abort of the same dest (or of the bundle
 * written from it), whose lock guarantees their writers are gone.
 */
void		 publish_sweep(const char *dest);
/* Removes a folder tree without recursion; returns 0 or -1. */
int		 publish_rmtree(const char *);

#endif /* KITEI_PUBLISH_H */
