/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Reads the policy root from the git object database at a revision, or from
 * the working tree, with libgit2.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "diag.h"
#include "jdate.h"
#include "klimits.h"
#include "sources.h"
#include "xalloc.h"

#define SOURCES_CONFIG	"kitei.yml"

/* State of one walk over the policy root. */
struct sources_walk {
	struct sources	*src;
	struct diag	*d;
	size_t		 cap;	/* allocated docs */
	int		 rc;	/* -1 after a fatal problem */
};

/* Reports libgit2's last error as a fatal message, prefixed with what. */
static void
sources_git_error(struct diag *d, const char *what)
{
	const git_error	*e = git_error_last();

	diag_msg(d, NULL, MSG_GIT_WHAT_WHY, what,
	    e != NULL && e->message != NULL ? e->message : "unknown error");
}

/* Returns whether name ends in .md (any case). */
static int
sources_is_markdown(const char *name)
{
	size_t	 n = strlen(name);

	return n > 3 && name[n - 3] == '.' &&
	    (name[n - 2] == 'm' || name[n - 2] == 'M') &&
	    (name[n - 1] == 'd' || name[n - 1] == 'D');
}

/* Whether rel is an approver's public key: keys/NAME.asc. */
static int
sources_is_key(const char *rel)
{
	size_t	 n = strlen(rel);

	return !strncmp(rel, "keys/", 5) && strchr(rel + 5, '/') == NULL &&
	    n > 9 && !strcmp(rel + n - 4, ".asc");
}

/* Stores one file's bytes: kitei.yml as the config, keys, and documents. */
static void
sources_add(struct sources_walk *w, const char *rel, const char *data, size_t len)
{
	struct sources		*s = w->src;
	struct source_file	*f;
	struct pos		 pos;

	if (!strcmp(rel, SOURCES_CONFIG))
		f = &s->config;
	else if (sources_is_key(rel)) {
		s->keys = xreallocarray(s->keys, s->nkeys + 1, sizeof(*s->keys));
		f = &s->keys[s->nkeys++];
	} else {
		if (s->ndocs == KITEI_MAX_DOCUMENTS) {
			pos.path = s->prefix;
			pos.line = pos.col = 0;
			if (w->rc == 0)
				diag_msg(w->d, &pos, MSG_TOO_MANY_DOCUMENTS,
				    KITEI_MAX_DOCUMENTS);
			w->rc = -1;
			return;
		}
		if (s->ndocs == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 64;
			s->docs = xreallocarray(s->docs, w->cap, sizeof(*s->docs));
		}
		f = &s->docs[s->ndocs++];
	}
	memset(f, 0, sizeof(*f));
	f->rel = xstrdup(rel);
	xasprintf(&f->path, "%s%s", s->prefix, rel);
	f->data = xstrndup(data, len);
	f->len = len;
}

/* Says that the file at path (len bytes, or more if len is 0) is past max. */
static void
sources_too_large_diag(struct diag *d, int fatal,
    const char *path, size_t len, size_t max)
{
	struct pos	 pos;

	pos.path = path;
	pos.line = pos.col = 0;
	if (len > max && fatal)
		diag_msg(d, &pos, MSG_TOO_LARGE_INPUT, len, max);
	else if (len > max)
		diag_msg(d, &pos, MSG_TOO_LARGE, len, max);
	else if (fatal)
		diag_msg(d, &pos, MSG_TOO_LARGE_INPUT_STREAM, max);
	else
		diag_msg(d, &pos, MSG_TOO_LARGE_STREAM, max);
}

/*
 * Reports a file that is too large to read; returns 1 if so.  A document
 * is left out and the run goes on; kitei.yml, whose limit is smaller, stops
 * the run (w->rc), since nothing can be checked without it.
 */
static int
sources_too_large(struct sources_walk *w, const char *rel, size_t len)
{
	char		*path;
	int		 config = !strcmp(rel, SOURCES_CONFIG);
	size_t		 max = config ? KITEI_MAX_CONFIG_BYTES : KITEI_MAX_FILE_BYTES;

	if (len <= max)
		return 0;
	xasprintf(&path, "%s%s", w->src->prefix, rel);
	sources_too_large_diag(w->d, config, path,
	    len, max);
	free(path);
	if (config)
		w->rc = -1;
	return 1;
}

/* Reports a symlink or submodule under the policy root. */
static void
sources_reject(struct sources_walk *w, const char *rel, enum msgid id,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void
sources_reject(struct sources_walk *w, const char *rel, enum msgid id,
    const char *fmt, ...)
{
	va_list		 ap;
	struct pos	 pos;
	char		*path;

	xasprintf(&path, "%s%s", w->src->prefix, rel);
	pos.path = path;
	pos.line = pos.col = 0;
	va_start(ap, fmt);
	diag_vmsgf(w->d, &pos, id, fmt, ap);
	va_end(ap);
	free(path);
}
/* sources_reject(w, rel, MSG_X, args...), checked against MSG_X. */
#define sources_reject(w, rel, ...) \
	sources_reject((w), (rel), MSG_IDFMT(__VA_ARGS__))

/* git_tree_walk callback: reads kitei.yml and *.md blobs. */
static int
sources_tree_cb(const char *root, const git_tree_entry *e, void *arg)
{
	struct sources_walk	*w = arg;
	git_blob		*blob = NULL;
	git_filemode_t		 mode = git_tree_entry_filemode(e);
	const char		*name = git_tree_entry_name(e);
	char			*rel;
	size_t			 len;

	if (mode == GIT_FILEMODE_TREE)
		return 0;
	xasprintf(&rel, "%s%s", root, name);
	if (mode == GIT_FILEMODE_LINK)
		sources_reject(w, rel, MSG_SYMLINK);
	else if (mode == GIT_FILEMODE_COMMIT)
		sources_reject(w, rel, MSG_SUBMODULE);
	else if (!strcmp(rel, SOURCES_CONFIG) || sources_is_markdown(name) ||
	    sources_is_key(rel)) {
		if (git_blob_lookup(&blob, w->src->repo, git_tree_entry_id(e)) < 0) {
			sources_git_error(w->d, rel);
			w->rc = -1;
		} else {
			len = (size_t)git_blob_rawsize(blob);
			if (!sources_too_large(w, rel, len))
				sources_add(w, rel, git_blob_rawcontent(blob), len);
		}
	}
	free(rel);
	git_blob_free(blob);
	return w->rc < 0 ? -1 : 0;
}

/*
 * Reads a whole file from a descriptor it closes; returns 0, or -1 with
 * errno set: EFBIG when it holds more than max bytes (never a truncated
 * success).
 */
static int
sources_slurp_fd(int fd, size_t max, char **data, size_t *len)
{
	FILE		*f;
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[65536];
	size_t		 n;

	if ((f = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (n > max - b.len) {
			fclose(f);
			buf_free(&b);
			errno = EFBIG;
			return -1;
		}
		buf_put(&b, chunk, n);
	}
	if (ferror(f)) {
		fclose(f);
		buf_free(&b);
		return -1;
	}
	fclose(f);
	*len = b.len;
	*data = buf_steal(&b);
	return 0;
}

/* The one reader of a whole file from the file system (sources.h). */
int
sources_slurp(const char *path, size_t max, int flags, char **data,
    size_t *len)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC |
	    ((flags & SOURCES_NOFOLLOW) ? O_NOFOLLOW : 0))) < 0)
		return -1;
	return sources_slurp_fd(fd, max, data, len);
}

/* Reports an I/O problem with a path as fatal. */
static void
sources_io_error(struct diag *d, const char *path)
{
	struct pos	 pos;

	pos.path = path;
	pos.line = pos.col = 0;
	diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
}

/* Compares two names for a sorted directory listing. */
static int
sources_namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Walks the working tree below the root without recursion (a stack of
 * folders), skipping what git ignores.  Returns 0 or -1.
 */
static int
sources_walk_fs(struct sources_walk *w)
{
	struct sources	 *s = w->src;
	char		**stack = NULL, **names = NULL;
	size_t		  nstack = 0, capstack = 0, nnames, capnames, i;
	DIR		 *dir;
	struct dirent	 *de;
	struct stat	  st;
	char		 *rel, *abs, *child, *data, *repo_rel;
	size_t		  len;
	int		  ignored;

	stack = xreallocarray(NULL, capstack = 16, sizeof(char *));
	stack[nstack++] = xstrdup("");
	while (nstack > 0 && w->rc == 0) {
		rel = stack[--nstack];
		xasprintf(&abs, "%s%s", s->dir, rel);
		if ((dir = opendir(abs)) == NULL) {
			sources_io_error(w->d, abs);
			w->rc = -1;
			free(abs);
			free(rel);
			break;
		}
		names = NULL;
		nnames = capnames = 0;
		while ((de = readdir(dir)) != NULL) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
			    !strcmp(de->d_name, ".git"))
				continue;
			if (nnames == capnames) {
				capnames = capnames ? capnames * 2 : 32;
				names = xreallocarray(names, capnames, sizeof(char *));
			}
			names[nnames++] = xstrdup(de->d_name);
		}
		closedir(dir);
		free(abs);
		/* Reverse order onto the stack keeps the walk sorted.  An empty
		 * folder has no names array: qsort may not be given NULL. */
		if (nnames > 1)
			qsort(names, nnames, sizeof(char *), sources_namecmp);
		for (i = nnames; i-- > 0; ) {
			xasprintf(&child, "%s%s", rel, names[i]);
			xasprintf(&abs, "%s%s", s->dir, child);
			xasprintf(&repo_rel, "%s%s", s->prefix, child);
			ignored = 0;
			if (git_ignore_path_is_ignored(&ignored, s->repo, repo_rel) < 0)
				ignored = 0;
			if (ignored || w->rc < 0)
				;
			else if (lstat(abs, &st) < 0) {
				sources_io_error(w->d, abs);
				w->rc = -1;
			} else if (S_ISLNK(st.st_mode))
				sources_reject(w, child, MSG_SYMLINK);
			else if (S_ISDIR(st.st_mode)) {
				char *dotgit;
				struct stat gst;

				xasprintf(&dotgit, "%s/.git", abs);
				if (lstat(dotgit, &gst) == 0)
					sources_reject(w, child,
					    MSG_SUBMODULE_NESTED);
				else {
					if (nstack == capstack)
						stack = xreallocarray(stack,
						    capstack *= 2, sizeof(char *));
					xasprintf(&stack[nstack++], "%s/", child);
				}
				free(dotgit);
			} else if (S_ISREG(st.st_mode) &&
			    (!strcmp(child, SOURCES_CONFIG) ||
			    sources_is_markdown(names[i]) || sources_is_key(child))) {
				if (sources_too_large(w, child, (size_t)st.st_size))
					;
				else if (sources_slurp(abs, KITEI_MAX_FILE_BYTES,
				    SOURCES_NOFOLLOW, &data, &len) < 0) {
					if (errno == EFBIG)
						sources_too_large_diag(w->d,
						    1, abs, 0,
						    KITEI_MAX_FILE_BYTES);
					else
						sources_io_error(w->d, abs);
					w->rc = -1;
				} else {
					sources_add(w, child, data, len);
					free(data);
				}
			}
			free(repo_rel);
			free(abs);
			free(child);
			free(names[i]);
		}
		free(names);
		free(rel);
	}
	while (nstack > 0)
		free(stack[--nstack]);
	free(stack);
	return w->rc;
}

/* Orders documents by path so globs list them in file-name order. */
static int
sources_doccmp(const void *a, const void *b)
{
	return strcmp(((const struct source_file *)a)->path,
	    ((const struct source_file *)b)->path);
}

/*
 * Moves *commit back along first parents to the last commit made before the
 * end of day as_of (in the committer's own time zone).  Returns 0 or -1.
 */
static int
sources_as_of(git_commit **commit, const char *as_of, struct diag *d)
{
	git_commit	*c = *commit, *parent;
	struct jdate	 jd;
	int64_t		 day, local;
	int		 off;

	if (jdate_parse(&jd, as_of) < 0) {
		diag_msg(d, NULL, MSG_USAGE_EXPECTED_DATE, as_of);
		return -1;
	}
	day = jdate_days(&jd);
	for (;;) {
		local = (int64_t)git_commit_time(c);
		off = git_commit_time_offset(c);
		jdate_clamp_time(&local, &off);
		local += (int64_t)off * 60;
		if (local < (day + 1) * 86400)
			break;
		if (git_commit_parentcount(c) == 0 ||
		    git_commit_parent(&parent, c, 0) < 0) {
			diag_msg(d, NULL, MSG_AS_OF, as_of);
			git_commit_free(c);
			*commit = NULL;
			return -1;
		}
		git_commit_free(c);
		c = parent;
	}
	*commit = c;
	return 0;
}

/* Resolves the revision to a commit; returns 0, or -1 with a fatal message. */
static int
sources_resolve(struct sources *s, const struct sources_opts *o, struct diag *d)
{
	git_object	*obj = NULL;
	const char	*rev = o->rev != NULL ? o->rev : "HEAD";
	int		 rc = -1, unborn;

	unborn = git_repository_head_unborn(s->repo);
	if (unborn == 1 && o->rev == NULL) {
		if (o->worktree)
			return 0;
		diag_msg(d, NULL, MSG_GIT_REPOSITORY);
		return -1;
	}
	if (git_revparse_single(&obj, s->repo, rev) < 0) {
		diag_msg(d, NULL, MSG_GIT_UNKNOWN, rev);
		return -1;
	}
	if (git_object_peel((git_object **)&s->commit, obj, GIT_OBJECT_COMMIT) < 0) {
		diag_msg(d, NULL, MSG_GIT_REVISION, rev);
		goto out;
	}
	if (o->as_of != NULL && sources_as_of(&s->commit, o->as_of, d) < 0)
		goto out;
	git_oid_tostr(s->revision, sizeof(s->revision), git_commit_id(s->commit));
	s->time = (int64_t)git_commit_time(s->commit);
	s->offset = git_commit_time_offset(s->commit);
	if (jdate_clamp_time(&s->time, &s->offset) < 0)
		diag_msg(d, NULL, MSG_COMMIT_DATE, s->revision, JDATE_YEAR_MIN,
		    JDATE_YEAR_MAX);
	rc = 0;
out:
	git_object_free(obj);
	return rc;
}

/* Reads the tree of the source commit below the prefix.  Returns 0 or -1. */
static int
sources_walk_tree(struct sources_walk *w)
{
	struct sources	*s = w->src;
	git_tree	*tree = NULL, *sub = NULL;
	git_tree_entry	*ent = NULL;
	int		 rc = -1;

	if (git_commit_tree(&tree, s->commit) < 0) {
		sources_git_error(w->d, s->revision);
		goto out;
	}
	if (s->prefix[0] != '\0') {
		char *p = xstrndup(s->prefix, strlen(s->prefix) - 1);
		int r = git_tree_entry_bypath(&ent, tree, p);

		if (r < 0 || git_tree_entry_type(ent) != GIT_OBJECT_TREE) {
			diag_msg(w->d, NULL, MSG_NO_CONFIG, p, s->revision);
			free(p);
			goto out;
		}
		free(p);
		if (git_tree_lookup(&sub, s->repo, git_tree_entry_id(ent)) < 0) {
			sources_git_error(w->d, s->prefix);
			goto out;
		}
	}
	if (git_tree_walk(sub != NULL ? sub : tree, GIT_TREEWALK_PRE,
	    sources_tree_cb, w) < 0 && w->rc == 0) {
		sources_git_error(w->d, s->prefix);
		goto out;
	}
	rc = w->rc;
out:
	git_tree_entry_free(ent);
	git_tree_free(sub);
	git_tree_free(tree);
	return rc;
}

/*
 * Whether a path that git does not track yet is one kitei would read:
 * kitei.yml, a document, a key or a template.  Other new files (notes,
 * build outputs) are no sources and are not worth a note.
 */
static int
sources_is_source(const struct sources *s, const char *path)
{
	const char	*rel = path + strlen(s->prefix);
	const char	*name = strrchr(path, '/');

	name = name != NULL ? name + 1 : path;
	return !strcmp(rel, SOURCES_CONFIG) || sources_is_markdown(name) ||
	    sources_is_key(rel) || !strncmp(rel, "templates/", 10);
}

/* Lists the files under the policy root that differ from HEAD; see sources.h. */
int
sources_uncommitted(const struct sources *s, struct buf *names, size_t *count)
{
	git_status_options	 opts;
	git_status_list		*list = NULL;
	char			*spec = NULL;
	size_t			 i, n;
	int			 rc = -1;

	*count = 0;
	if (git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION) < 0)
		return -1;
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
	    GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
	    GIT_STATUS_OPT_EXCLUDE_SUBMODULES |
	    GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
	if (s->prefix[0] != '\0') {
		spec = xstrndup(s->prefix, strlen(s->prefix) - 1);
		opts.pathspec.strings = &spec;
		opts.pathspec.count = 1;
	}
	if (git_status_list_new(&list, s->repo, &opts) < 0)
		goto out;
	n = git_status_list_entrycount(list);
	for (i = 0; i < n; i++) {
		const git_status_entry	*e = git_status_byindex(list, i);
		const git_diff_delta	*dd = e->index_to_workdir != NULL ?
					    e->index_to_workdir : e->head_to_index;
		const char		*path;

		if (dd == NULL || e->status == GIT_STATUS_CURRENT ||
		    (e->status & GIT_STATUS_IGNORED))
			continue;
		path = dd->new_file.path != NULL ? dd->new_file.path :
		    dd->old_file.path;
		if (strncmp(path, s->prefix, strlen(s->prefix)) != 0)
			continue;
		if (e->status == GIT_STATUS_WT_NEW && !sources_is_source(s, path))
			continue;
		if (*count < 3)
			buf_printf(names, "%s%s", *count ? ", " : "", path);
		(*count)++;
	}
	if (*count > 3)
		buf_printf(names, _(" and %zu more"), *count - 3);
	rc = 0;
out:
	free(spec);
	git_status_list_free(list);
	return rc;
}

/*
 * When the sources come from HEAD, notes how many files under the policy
 * root differ from it (staged, modified, deleted, or new sources that git
 * does not ignore): they are not checked, and a user who forgot to commit
 * should not take a pass for their edits.  A note, so the exit status
 * stays.  Any revision other than HEAD is not compared with the work tree.
 * A status that cannot be read only costs the note.
 */
static void
sources_note_uncommitted(const struct sources *s, struct diag *d)
{
	git_oid			 head;
	struct pos		 pos;
	struct buf		 names = { NULL, 0, 0 };
	char			*root;
	size_t			 count = 0;

	if (s->worktree || s->commit == NULL ||
	    git_reference_name_to_id(&head, s->repo, "HEAD") < 0 ||
	    git_oid_cmp(&head, git_commit_id(s->commit)) != 0)
		return;
	if (sources_uncommitted(s, &names, &count) < 0 || count == 0)
		goto out;
	root = s->prefix[0] != '\0' ? s->prefix : NULL;
	pos.path = root;
	pos.line = pos.col = 0;
	diag_msg(d, &pos, MSG_UNCOMMITTED_CHANGES, count, count == 1 ? "" : "s",
	    root != NULL ? "under " : "in the policy root",
	    root != NULL ? root : "", count == 1 ? "s" : "",
	    count == 1 ? "is" : "are", names.data);
out:
	buf_free(&names);
}

/* Opens the repository and reads the sources; see sources.h. */
int
sources_open(struct sources **out, const struct sources_opts *o, struct diag *d)
{
	struct sources		*s;
	struct sources_walk	 w;
	char			 real[PATH_MAX], wreal[PATH_MAX];
	const char		*dir = o->dir != NULL ? o->dir : ".";
	const char		*workdir;
	size_t			 n;
	int			 rc = -1, gerr;

	*out = NULL;
	s = xcalloc(1, sizeof(*s));
	s->worktree = o->worktree;
	if (realpath(dir, real) == NULL) {
		sources_io_error(d, dir);
		goto out;
	}
	if ((gerr = git_repository_open_ext(&s->repo, real, 0, NULL)) < 0) {
		const git_error	*e = git_error_last();
		const char	*why = e != NULL ? e->message : "";

		/*
		 * kitei's explanation first, the library's words after.
		 * libgit2 1.5 reports the ownership check as a missing
		 * safe.directory setting (GIT_ENOTFOUND), later ones as
		 * GIT_EOWNER.
		 */
		if (gerr == GIT_EOWNER || strstr(why, "safe.directory") != NULL)
			diag_msg(d, NULL, MSG_GIT_OWNER, real, real, why);
		else if (gerr == GIT_ENOTFOUND)
			diag_msg(d, NULL, MSG_GIT_INSIDE, real);
		else
			diag_msg(d, NULL, MSG_GIT_OPEN, real, why);
		goto out;
	}
	if ((workdir = git_repository_workdir(s->repo)) == NULL) {
		diag_msg(d, NULL, MSG_GIT_BARE, real);
		goto out;
	}
	if (realpath(workdir, wreal) == NULL) {
		sources_io_error(d, workdir);
		goto out;
	}
	n = strlen(wreal);
	if (strncmp(real, wreal, n) != 0 || (real[n] != '\0' && real[n] != '/')) {
		diag_msg(d, NULL, MSG_GIT_OUTSIDE, real, wreal);
		goto out;
	}
	if (real[n] == '\0')
		s->prefix = xstrdup("");
	else
		xasprintf(&s->prefix, "%s/", real + n + 1);
	xasprintf(&s->dir, "%s/", real);
	s->shallow = git_repository_is_shallow(s->repo) == 1;
	if (sources_resolve(s, o, d) < 0)
		goto out;

	memset(&w, 0, sizeof(w));
	w.src = s;
	w.d = d;
	if ((o->worktree ? sources_walk_fs(&w) : sources_walk_tree(&w)) < 0)
		goto out;
	if (s->config.data == NULL) {
		diag_msg(d, NULL, MSG_NO_CONFIG_KITEI,
		    s->prefix[0] != '\0' ? s->prefix : "the repository root",
		    o->worktree ? "" : " at this revision");
		goto out;
	}
	if (s->ndocs > 1)
		qsort(s->docs, s->ndocs, sizeof(*s->docs), sources_doccmp);
	sources_note_uncommitted(s, d);
	*out = s;
	s = NULL;
	rc = 0;
out:
	sources_free(s);
	return rc;
}

/* Frees one file's strings. */
static void
sources_file_free(struct source_file *f)
{
	free(f->path);
	free(f->rel);
	free(f->data);
}

/* Frees the sources and closes the repository; accepts NULL. */
void
sources_free(struct sources *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ndocs; i++)
		sources_file_free(&s->docs[i]);
	free(s->docs);
	for (i = 0; i < s->nkeys; i++)
		sources_file_free(&s->keys[i]);
	free(s->keys);
	sources_file_free(&s->config);
	git_commit_free(s->commit);
	git_repository_free(s->repo);
	free(s->prefix);
	free(s->dir);
	free(s);
}

/*
 * Opens rel below the folder dir for reading, following no symbolic link on
 * the way (a linked folder or file is not a source: the walk reported it).
 * Returns a descriptor of a regular file, or -1.
 */
static int
sources_open_beneath(const char *dir, const char *rel)
{
	char		*copy, *seg, *next;
	int		 fd, sub;
	struct stat	 st;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	copy = xstrdup(rel);
	for (seg = copy; fd >= 0 && seg != NULL; seg = next) {
		if ((next = strchr(seg, '/')) != NULL)
			*next++ = '\0';
		if (*seg == '\0') {
			close(fd);
			fd = -1;
			break;
		}
		sub = openat(fd, seg, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		    (next != NULL ? O_DIRECTORY : O_NONBLOCK));
		close(fd);
		fd = sub;
	}
	free(copy);
	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Reads another file under the root; see sources.h. */
int
sources_read(const struct sources *s, const char *rel, char **data,
    size_t *len, struct diag *d)
{
	git_tree	*tree = NULL;
	git_tree_entry	*ent = NULL;
	git_blob	*blob = NULL;
	char		*path;
	int		 rc = -1;

	*data = NULL;
	*len = 0;
	if (strstr(rel, "..") != NULL || rel[0] == '/') {
		diag_msg(d, NULL, MSG_OUTSIDE_ROOT, rel);
		return -1;
	}
	if (s->worktree || s->commit == NULL) {
		struct stat	 st;
		int		 fd;

		xasprintf(&path, "%s%s", s->dir, rel);
		if ((fd = sources_open_beneath(s->dir, rel)) < 0)
			rc = KITEI_ENOTFOUND;
		else if (fstat(fd, &st) == 0 &&
		    (size_t)st.st_size > KITEI_MAX_FILE_BYTES) {
			close(fd);
			sources_too_large_diag(d, 1, path,
			    (size_t)st.st_size, KITEI_MAX_FILE_BYTES);
		} else if (sources_slurp_fd(fd, KITEI_MAX_FILE_BYTES, data,
		    len) < 0) {
			if (errno == EFBIG)
				sources_too_large_diag(d, 1, path, 0,
				    KITEI_MAX_FILE_BYTES);
			else
				sources_io_error(d, path);
		} else
			rc = 0;
		free(path);
		return rc;
	}
	xasprintf(&path, "%s%s", s->prefix, rel);
	if (git_commit_tree(&tree, s->commit) < 0) {
		sources_git_error(d, s->revision);
		goto out;
	}
	if (git_tree_entry_bypath(&ent, tree, path) < 0 ||
	    (git_tree_entry_filemode(ent) != GIT_FILEMODE_BLOB &&
	    git_tree_entry_filemode(ent) != GIT_FILEMODE_BLOB_EXECUTABLE)) {
		rc = KITEI_ENOTFOUND;
		goto out;
	}
	if (git_blob_lookup(&blob, s->repo, git_tree_entry_id(ent)) < 0) {
		sources_git_error(d, path);
		goto out;
	}
	if ((size_t)git_blob_rawsize(blob) > KITEI_MAX_FILE_BYTES) {
		sources_too_large_diag(d, 1, path,
		    (size_t)git_blob_rawsize(blob), KITEI_MAX_FILE_BYTES);
		goto out;
	}
	*len = (size_t)git_blob_rawsize(blob);
	*data = xstrndup(git_blob_rawcontent(blob), *len);
	rc = 0;
out:
	free(path);
	git_blob_free(blob);
	git_tree_entry_free(ent);
	git_tree_free(tree);
	return rc;
}
