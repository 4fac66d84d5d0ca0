/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Orientation on the command line: the policy root found by walking up to
 * the first kitei.yml (as git finds .git), a hint naming -C from a folder
 * with kitei.yml below, check's text diagnostics with paths relative to the
 * folder the user is in, errors only for --quiet, and a per-article count
 * of findings after a long run.  For main.c only.
 */
#ifndef KITEI_ORIENT_H
#define KITEI_ORIENT_H

#include <stdio.h>

struct catalog;
struct diag;

/*
 * Finds the policy root for a run started in the current folder: the
 * nearest folder up to the top of the git work tree (or a
 * GIT_CEILING_DIRECTORIES entry) that holds kitei.yml.  Stores in *out a
 * new relative path ("..", "../..") when it is above, NULL when it is here
 * or nowhere above.  When there is none and folders below hold one, emits
 * a fatal "no-config" diagnostic naming the -C to use (cmd: the command)
 * and returns -1; else 0.
 */
int	 orient_root(char **out, const char *cmd, struct diag *);

/*
 * The folder real (an absolute path) relative to the top of its git work
 * tree, with a trailing slash ("policies/sub/"); NULL at the top or
 * outside any work tree.  The caller frees it.
 */
char	*orient_prefix(const char *real);

/*
 * A new collector holding d's messages (errors and worse only when quiet),
 * with repository-relative paths made relative to the folder prefix (from
 * orient_prefix; NULL leaves them).  Free with diag_free.
 */
struct diag *orient_view(const struct diag *d, const char *prefix, int quiet);

/*
 * After more than ORIENT_MANY findings (errors and warnings), prints to f
 * one line counting them per article of cat (an element id in the message
 * names it), the rest as "other".
 */
#define ORIENT_MANY	20
void	 orient_summary(FILE *f, const struct diag *d, const struct catalog *cat);

#endif /* KITEI_ORIENT_H */
