/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The sources stage: finds the git repository holding the policy root and
 * reads kitei.yml and every Markdown document under the root from the tree
 * at a revision (libgit2), or from the working tree for previews. Only
 * regular files are read; symlinks and submodules are reported. For approve.c,
 * assemble.c, bundle.c, diff.c, main.c, output.c, parse.c, pubpage.c,
 * render.c, report.c and signoff.c.
 */
#ifndef KITEI_SOURCES_H
#define KITEI_SOURCES_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "diag.h"

/* What to read. */
struct sources_opts {
	const char	*dir;		/* the policy root; NULL for "." */
	const char	*rev;		/* revision; NULL for HEAD */
	int		 worktree;	/* read the working tree instead */
	const char	*as_of;		/* YYYY-MM-DD: the last commit before the end of that day */
};

/* One file read from the policy root. */
struct source_file {
	char	*path;		/* repository-relative, for diagnostics */
	char	*rel;		/* relative to the policy root, for globs */
	char	*data;		/* contents, NUL-terminated */
	size_t	 len;		/* bytes, not counting the NUL */
};

struct sources {
	git_repository		*repo;		/* owned */
	git_commit		*commit;	/* the source commit; NULL for a worktree without commits */
	char			 revision[41];	/* its hex id, or "" */
	int64_t			 time;		/* its committer time */
	int			 offset;	/* its UTC offset in minutes */
	int			 worktree;	/* read from the working tree (未コミット) */
	int			 shallow;	/* the repository is a shallow clone */
	char			*prefix;	/* the root relative to the repository: "" or "policies/" */
	char			*dir;		/* the root's absolute path, for the working tree */
	struct source_file	 config;	/* kitei.yml */
	struct source_file	*docs;		/* *.md, sorted by path */
	size_t			 ndocs;
	struct source_file	*keys;		/* keys/NAME.asc: approvers' public keys */
	size_t			 nkeys;
};

/*
 * Opens the repository and reads the sources.  Returns 0 with a new value in
 * *out (free with sources_free), or -1 with a fatal diagnostic emitted.
 * Files that cannot be used (symlinks, submodules, oversized) are reported
 * as errors and left out; the run goes on.
 */
int	 sources_open(struct sources **out, const struct sources_opts *,
	    struct diag *);
void	 sources_free(struct sources *);

/*
 * The files under the policy root that differ from HEAD in the work tree or
 * the index (staged, modified, deleted, or new sources git does not ignore):
 * their count in *count and up to three names, then " and N more", appended
 * to names.  Returns 0, or -1 with libgit2's error set (nothing emitted).
 */
struct buf;
int	 sources_uncommitted(const struct sources *, struct buf *names,
	    size_t *count);

/*
 * Reads another regular file under the policy root (rel is relative to it)
 * from the same place the sources came from.  Returns 0 with a NUL-terminated
 * copy in *data (the caller frees it), KITEI_ENOTFOUND if there is none, or
 * -1 with a diagnostic emitted.
 */
#define KITEI_ENOTFOUND	(-3)
int	 sources_read(const struct sources *, const char *rel, char **data,
	    size_t *len, struct diag *);

/*
 * The one reader of a whole file from the file system: reads path into a
 * new NUL-terminated *data of *len bytes (the caller frees it).  With
 * SOURCES_NOFOLLOW in flags a symbolic link is refused (ELOOP).  Returns
 * 0, or -1 with errno set: ENOENT when nothing is there, EFBIG when the
 * file holds more than max bytes (a klimits.h limit; never a truncated
 * success).
 */
#define SOURCES_NOFOLLOW	0x01
int	 sources_slurp(const char *path, size_t max, int flags, char **data,
	    size_t *len);

#endif /* KITEI_SOURCES_H */
