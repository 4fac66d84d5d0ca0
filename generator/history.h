/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The history stage: one revision walk from the source commit over the
 * commits that touch the policy root (renames followed), plus the approval
 * commits that carry Approved-by trailers even when they change nothing.
 * For main.c, assemble.c and render stages.
 */
#ifndef KITEI_HISTORY_H
#define KITEI_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <git2.h>

#include "diag.h"

/* One git trailer ("Approved-by: 山田 太郎 <yamada@example.co.jp>"). */
struct history_trailer {
	char	*key;		/* as written, e.g. "Approved-by" */
	char	*value;		/* the rest of the line, trimmed */
};

/* One file a commit changed under the policy root. */
struct history_file {
	char	 status;	/* 'A', 'M', 'D' or 'R' */
	char	*path;		/* repository-relative, new name */
	char	*old_path;	/* for 'R': the old name; else NULL */
};

/* One commit of the walk. */
struct history_commit {
	char			 id[41];	/* full hex id */
	int64_t			 time;		/* committer time, seconds since the epoch */
	int			 offset;	/* committer's UTC offset, minutes */
	int64_t			 author_time;	/* author time */
	char			*author_name;
	char			*author_email;
	char			*subject;	/* first line of the message */
	char			*message;	/* whole message */
	struct history_trailer	*trailers;	/* in message order */
	size_t			 ntrailers;
	struct history_file	*files;		/* sorted by path */
	size_t			 nfiles;
	size_t			 nparents;
	char			 (*parents)[41];	/* parent ids */
	int			 is_approval;	/* has at least one Approved-by trailer */
};

/* The walk's result: newest first. */
struct history {
	char			 revision[41];	/* the commit the walk started from */
	int			 shallow;	/* the repository is a shallow clone */
	struct history_commit	*commits;
	size_t			 ncommits;
};

/*
 * Walks from start over every commit reachable from it and keeps those that
 * change a file under root (a repository-relative folder such as
 * "policies/", or "" for the whole repository) or carry an Approved-by
 * trailer.  Merges are compared with their first parent.  Renames are found
 * with git_diff_find_similar.  If before is non-zero, commits whose committer
 * time is at or after it are skipped (for --as-of).
 * On success stores a new history in *out (free with history_free) and
 * returns 0; returns -1 with a diagnostic emitted.
 */
int	 history_walk(struct history **out, git_repository *repo,
	    const git_oid *start, const char *root, struct diag *d);
void	 history_free(struct history *);

/*
 * Returns the ids of the commits that changed path (repository-relative),
 * following renames backwards: *out holds indexes into h->commits, newest
 * first.  The caller frees *out.  Returns the count.
 */
size_t	 history_for_path(size_t **out, const struct history *h,
	    const char *path);

/* Values of every trailer named key (case-insensitive), borrowed. */
size_t	 history_trailer_values(const char ***out,
	    const struct history_commit *c, const char *key);

/*
 * Prints the history, or with path only the commits of that document, as
 * text (one block per commit, like `git log --name-status`) or as design.md's
 * JSON.  Returns 0.
 */
int	 history_print_text(FILE *, const struct history *, const char *path);
int	 history_print_json(FILE *, const struct history *, const char *path);

#endif /* KITEI_HISTORY_H */
