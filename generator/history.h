/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The history stage: one revision walk from the source commit over the
 * commits that touch the policy root (renames followed), plus the approval
 * commits that carry Approved-by trailers even when they change nothing. For
 * approve.c, assemble.c, diff.c, main.c, output.c, pubpage.c and signoff.c.
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
	char			*author_name;	/* as recorded, no mailmap */
	char			*author_email;
	char			*subject;	/* first paragraph, lines joined (git's %s) */
	char			*message;	/* whole message */
	struct history_trailer	*trailers;	/* in message order, parsed as git does */
	size_t			 ntrailers;
	struct history_file	*files;		/* against the first parent, by path */
	size_t			 nfiles;
	size_t			 nparents;
	char			 (*parents)[41];	/* parent ids, as the commit records them */
	int			 is_approval;	/* has an Approved-by trailer (any case) */
};

/*
 * The walk's result, newest first.  A root commit, and on a shallow clone
 * the oldest commit there is, lists every file under the root as added.
 */
struct history {
	char			 revision[41];	/* the commit the walk started from */
	int			 shallow;	/* the repository is a shallow clone */
	struct history_commit	*commits;
	size_t			 ncommits;
};

/*
 * Walks from start (the commit the caller resolved from --rev and --as-of)
 * over every commit reachable from it, in one revision walk, newest first
 * (topological, then by committer time), and keeps those that change a file
 * under root or carry an Approved-by trailer.  root is a repository-relative
 * folder ("policies", "policies/" or "a/b"; "" or "." for the whole
 * repository).  Each commit is compared with its first parent (a root commit
 * with the empty tree), so a merge is kept when it changed the policy root
 * relative to its first parent; renames under root are found with
 * git_diff_find_similar.  On a shallow clone the boundary commits count as
 * root commits and h->shallow is set.
 * On success stores a new history in *out (free with history_free) and
 * returns 0; returns -1 with a fatal diagnostic emitted.
 *
 * Speed: the walk reads each commit and tree about once, so libgit2's object
 * cache only costs time (storing, then freeing every object when the
 * repository is freed), and so does re-hashing every object read, which git
 * itself never does outside fsck.  main.c should turn both off once, right
 * after git_libgit2_init(): git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0) and
 * git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0).  With them
 * the walk keeps pace with `git log --name-status -M` (bench/history.sh);
 * without, it takes about 1.7 times as long.  Results are the same.
 */
int	 history_walk(struct history **out, git_repository *repo,
	    const git_oid *start, const char *root, struct diag *d);
/* Frees the history and everything in it; accepts NULL. */
void	 history_free(struct history *);

/*
 * Finds the commits that changed path (repository-relative; a folder name
 * matches every file under it), following renames backwards: once a commit
 * renamed old to new, older commits are matched against old too.  Stores in
 * *out a new array of indexes into h->commits, newest first, which the caller
 * frees with free(); *out is NULL when none matched.  Returns the count.
 */
size_t	 history_for_path(size_t **out, const struct history *h,
	    const char *path);

/*
 * Finds the values of every trailer named key (compared ignoring case), in
 * message order.  Stores in *out a new array the caller frees with free(); the
 * strings in it are borrowed from c.  Returns the count (*out NULL when 0).
 */
size_t	 history_trailer_values(const char ***out,
	    const struct history_commit *c, const char *key);

/*
 * Prints the history, or with path (non-NULL) only the commits of that
 * document and only its files, as text (one block per commit, like
 * `git log --name-status`) or as design.md's JSON (`jq .` layout).  Dates are
 * ISO 8601 in the committer's own offset.  A shallow history says so (the
 * text in a first line, the JSON in "shallow").  Returns 0, or -1 if the
 * stream reports an error (ferror).
 */
int	 history_print_text(FILE *, const struct history *, const char *path);
int	 history_print_json(FILE *, const struct history *, const char *path);

#endif /* KITEI_HISTORY_H */
