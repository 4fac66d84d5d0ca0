/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writes outputs into a temporary folder and renames it into place, over
 * nothing but what kitei made, one writer of a destination at a time.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "diag.h"
#include "publish.h"
#include "xalloc.h"

/* Temporaries are named after the destination with these infixes. */
#define PUBLISH_INFIX	".kitei-tmp-"	/* folders being written, zips */
#define PUBLISH_STAGE	".kitei-stage-"	/* a bundle's staging folder */
#define PUBLISH_LOCK	".kitei-lock"	/* the writers' lock file */
/* The random tail mkstemp and mkdtemp put after an infix. */
#define PUBLISH_TAIL	6
/* A bundle's central directory is a few kilobytes; more is not ours. */
#define PUBLISH_ZIP_CDMAX	(16 * 1024 * 1024)

struct publish {
	char		*dest;		/* the destination, as the user gave it */
	char		*tmp;		/* the folder being written */
	char		*lock;		/* the lock file beside dest */
	int		 lockfd;	/* flock'd while we write, or -1 */
	int		 flags;		/* PUBLISH_FILE */
	struct diag	*d;		/* whose messages name dest, not tmp */
	size_t		 from;		/* the first message of this run */
};

/* Reports errno for path as fatal. */
static void
publish_error(struct diag *d, const char *path, const char *what)
{
	struct pos	 pos = { path, 0, 0 };

	diag_msg(d, &pos, MSG_IO_WHAT_WHY, what, strerror(errno));
}

/* Reports why kitei will not write path; returns -1. */
static int
publish_refuse(struct diag *d, const char *path, const char *why)
{
	struct pos	 pos = { path, 0, 0 };

	diag_msg(d, &pos, MSG_OUTPUT_WHY, why);
	return -1;
}

/* Removes a tree with an explicit stack of folders; returns 0 or -1. */
int
publish_rmtree(const char *root)
{
	char		**stack = NULL, *dir, *child;
	size_t		  n = 0, cap = 0;
	DIR		 *dh;
	struct dirent	 *de;
	struct stat	  st;
	int		  rc = 0, empty;

	if (lstat(root, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(root);
	stack = xreallocarray(NULL, cap = 16, sizeof(char *));
	stack[n++] = xstrdup(root);
	while (n > 0) {
		dir = stack[n - 1];
		if ((dh = opendir(dir)) == NULL) {
			rc = -1;
			break;	/* unreadable: retrying would loop */
		}
		empty = 1;
		while ((de = readdir(dh)) != NULL) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			xasprintf(&child, "%s/%s", dir, de->d_name);
			if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
				if (n == cap)
					stack = xreallocarray(stack, cap *= 2,
					    sizeof(char *));
				stack[n++] = child;
				empty = 0;
				break;	/* descend first, come back after */
			}
			if (unlink(child) < 0)
				rc = -1;
			free(child);
		}
		closedir(dh);
		if (empty) {
			if (rmdir(dir) < 0)
				rc = -1;
			free(stack[--n]);
			/* A folder that cannot be emptied would loop: stop. */
			if (rc < 0)
				break;
		}
	}
	while (n > 0)
		free(stack[--n]);
	free(stack);
	return rc;
}

/* Removes what killed runs left beside dest under this infix. */
static void
publish_sweep_infix(const char *dest, const char *infix)
{
	char		*parent, *base, *slash, *path;
	DIR		*dh;
	struct dirent	*de;
	size_t		 blen;

	parent = xstrdup(dest);
	if ((slash = strrchr(parent, '/')) != NULL) {
		*slash = '\0';
		base = slash + 1;
		if (parent[0] == '\0') {
			free(parent);
			return;
		}
	} else {
		base = parent;
		parent = xstrdup(".");
		slash = NULL;
	}
	blen = strlen(base);
	if ((dh = opendir(parent)) != NULL) {
		while ((de = readdir(dh)) != NULL)
			if (!strncmp(de->d_name, base, blen) &&
			    !strncmp(de->d_name + blen, infix, strlen(infix))) {
				xasprintf(&path, "%s/%s", parent, de->d_name);
				publish_rmtree(path);
				free(path);
			}
		closedir(dh);
	}
	free(parent);
	if (slash == NULL)
		free(base);
}

/* Removes leftovers of killed runs; see publish.h. */
void
publish_sweep(const char *dest)
{
	publish_sweep_infix(dest, PUBLISH_INFIX);
}

/* ------------------------------------------------------------------ */
/* What kitei may replace                                             */
/* ------------------------------------------------------------------ */

/* Whether folder a is b or holds it; both are real paths. */
static int
publish_holds(const char *a, const char *b)
{
	size_t	 n = strlen(a);

	if (!strcmp(a, "/"))
		return 1;
	return !strncmp(a, b, n) && (b[n] == '\0' || b[n] == '/');
}

/* Whether path names a file of this type (S_IFREG, S_IFDIR), not following links. */
static int
publish_is(const char *dir, const char *name, mode_t type)
{
	struct stat	 st;
	char		*path;
	int		 rc;

	xasprintf(&path, "%s/%s", dir, name);
	rc = lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == type;
	free(path);
	return rc;
}

/*
 * Whether the real path real lies in a git folder: a component named .git,
 * or an ancestor that is one (HEAD with objects/ or commondir: bare
 * repositories and the folders of linked work trees).
 */
static int
publish_in_gitdir(const char *real)
{
	char	*p, *slash;
	int	 rc = 0;

	p = xstrdup(real);
	for (;;) {
		slash = strrchr(p, '/');
		if (!strcmp(slash != NULL ? slash + 1 : p, ".git") ||
		    (publish_is(p[0] != '\0' ? p : "/", "HEAD", S_IFREG) &&
		    (publish_is(p[0] != '\0' ? p : "/", "objects", S_IFDIR) ||
		    publish_is(p[0] != '\0' ? p : "/", "commondir", S_IFREG)))) {
			rc = 1;
			break;
		}
		if (slash == NULL || p[0] == '\0')
			break;
		*slash = '\0';
	}
	free(p);
	return rc;
}

/*
 * The real path of dest, which may not exist: its parent resolved, then
 * its last component.  Returns NULL (errno set) when the parent is missing.
 */
static char *
publish_realpath(const char *dest)
{
	char	*parent, *base, *rp, *out;
	const char *slash;

	if ((rp = realpath(dest, NULL)) != NULL)
		return rp;
	if (errno != ENOENT)
		return NULL;
	slash = strrchr(dest, '/');
	parent = slash == NULL ? xstrdup(".") : slash == dest ? xstrdup("/") :
	    xstrndup(dest, (size_t)(slash - dest));
	base = slash == NULL ? (char *)dest : (char *)slash + 1;
	rp = realpath(parent, NULL);
	free(parent);
	if (rp == NULL)
		return NULL;
	xasprintf(&out, "%s%s%s", rp, strcmp(rp, "/") ? "/" : "", base);
	free(rp);
	return out;
}

/* Whether folder real holds only its marker, or nothing; -1 when unreadable. */
static int
publish_empty(const char *real)
{
	DIR		*dh;
	struct dirent	*de;
	int		 empty = 1;

	if ((dh = opendir(real)) == NULL)
		return -1;
	while ((de = readdir(dh)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(dh);
	return empty;
}

/*
 * Reads folder real's marker: 1 when it is kitei's ("kitei-output N KIND"),
 * 0 when there is none, -1 when it is there but not kitei's.  With kind,
 * copies KIND ("build", "diff") into it.
 */
static int
publish_marked(const char *real, char *kind, size_t kindsz)
{
	char		*path, buf[64], *end;
	struct stat	 st;
	ssize_t		 n;
	long		 v;
	int		 fd;

	xasprintf(&path, "%s/%s", real, PUBLISH_MARKER);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	free(path);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (n = read(fd, buf, sizeof(buf) - 1)) < 0) {
		close(fd);
		return -1;
	}
	close(fd);
	buf[n] = '\0';
	if (strncmp(buf, "kitei-output ", 13) || buf[13] < '1' || buf[13] > '9')
		return -1;
	v = strtol(buf + 13, &end, 10);
	if (v <= 0 || *end != ' ' || strcspn(end + 1, " \n") == 0 ||
	    end[1 + strcspn(end + 1, " \n")] != '\n')
		return -1;
	if (kind != NULL)
		snprintf(kind, kindsz, "%.*s", (int)strcspn(end + 1, "\n"), end + 1);
	return 1;
}

/* The kind of output a run writes, as its marker says it. */
static const char *
publish_kind(int flags)
{
	return flags & PUBLISH_DIFF ? "diff" : "build";
}

/* Little-endian integers of a zip header. */
static uint32_t
publish_le(const unsigned char *p, int n)
{
	uint32_t	 v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

/*
 * Whether the open file fd of size sz is a bundle kitei made: a zip whose
 * central directory names SHA256SUMS and manifest.json.  Reads only the
 * end-of-directory record and the directory.
 */
static int
publish_is_bundle(int fd, off_t sz)
{
	unsigned char	*tail = NULL, *cd = NULL, *e;
	size_t		 tn, cdn, cdo, i, nl;
	int		 sums = 0, manifest = 0;
	ssize_t		 k;

	if (sz < 22)
		return 0;
	tn = sz < 22 + 65535 ? (size_t)sz : 22 + 65535;
	tail = xmalloc(tn);
	if ((k = pread(fd, tail, tn, sz - (off_t)tn)) < 0 || (size_t)k != tn)
		goto out;
	for (e = tail + tn - 22; e >= tail; e--)
		if (publish_le(e, 4) == 0x06054b50)
			break;
	if (e < tail)
		goto out;
	cdn = publish_le(e + 12, 4);
	cdo = publish_le(e + 16, 4);
	if (cdn > PUBLISH_ZIP_CDMAX || (off_t)cdo + (off_t)cdn > sz)
		goto out;
	cd = xmalloc(cdn + 1);
	if ((k = pread(fd, cd, cdn, (off_t)cdo)) < 0 || (size_t)k != cdn)
		goto out;
	for (i = 0; i + 46 <= cdn && publish_le(cd + i, 4) == 0x02014b50; ) {
		nl = publish_le(cd + i + 28, 2);
		if (i + 46 + nl > cdn)
			break;
		if (nl == 10 && !memcmp(cd + i + 46, "SHA256SUMS", 10))
			sums = 1;
		if (nl == 13 && !memcmp(cd + i + 46, "manifest.json", 13))
			manifest = 1;
		i += 46 + nl + publish_le(cd + i + 30, 2) + publish_le(cd + i + 32, 2);
	}
out:
	free(tail);
	free(cd);
	return sums && manifest;
}

/* publish_check for a bundle: dest absent, or a regular file kitei made. */
static int
publish_check_file(const char *dest, struct diag *d)
{
	struct stat	 st;
	int		 fd, ok;

	if (lstat(dest, &st) < 0)
		return 0;	/* absent (the rest was checked) */
	if (S_ISDIR(st.st_mode))
		return publish_refuse(d, dest, "is a folder: a bundle is a file "
		    "(give a name such as bundle.zip)");
	if (S_ISLNK(st.st_mode))
		return publish_refuse(d, dest, "is a symbolic link: kitei "
		    "replaces only a bundle it made; remove the link or "
		    "choose another -o");
	if (!S_ISREG(st.st_mode))
		return publish_refuse(d, dest, "is not a regular file: kitei "
		    "replaces only a bundle it made");
	if ((fd = open(dest, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		publish_error(d, dest, "cannot read");
		return -1;
	}
	ok = publish_is_bundle(fd, st.st_size);
	close(fd);
	if (!ok)
		return publish_refuse(d, dest, "is not a bundle kitei made: "
		    "refusing to replace it; remove it or choose another -o");
	return 0;
}

static int
publish_check_dest(const char *dest, int flags, struct diag *d)
{
	struct stat	 st;
	char		*real = NULL, *cwd = NULL, *home = NULL;
	const char	*h;
	int		 rc = -1, m;

	if (dest[0] == '\0')
		return publish_refuse(d, dest, "an empty name is no output");
	if ((real = publish_realpath(dest)) == NULL) {
		publish_error(d, dest, "cannot resolve");
		return -1;
	}
	cwd = realpath(".", NULL);
	if ((h = getenv("HOME")) != NULL && h[0] != '\0')
		home = realpath(h, NULL);
	if (publish_in_gitdir(real)) {
		publish_refuse(d, dest, "lies inside a .git folder: "
		    "refusing to write there");
		goto out;
	}
	if (flags & PUBLISH_FILE) {
		rc = publish_check_file(dest, d);
		goto out;
	}
	if (lstat(dest, &st) < 0) {
		rc = 0;		/* absent: made afresh */
		goto out;
	}
	if (S_ISLNK(st.st_mode)) {
		publish_refuse(d, dest, "is a symbolic link: kitei replaces "
		    "only folders it made; remove the link or choose another -o");
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		publish_refuse(d, dest, "exists and is not a folder: "
		    "refusing to replace it");
		goto out;
	}
	if (!strcmp(real, "/")) {
		publish_refuse(d, dest, "is the root folder: refusing to replace it");
		goto out;
	}
	if (cwd != NULL && publish_holds(real, cwd)) {
		publish_refuse(d, dest, "is or holds the current folder: "
		    "refusing to replace it; choose a folder of its own for -o");
		goto out;
	}
	if (home != NULL && publish_holds(real, home)) {
		publish_refuse(d, dest, "is or holds the home folder: "
		    "refusing to replace it; choose a folder of its own for -o");
		goto out;
	}
	if (publish_is(real, ".git", S_IFDIR) || publish_is(real, ".git", S_IFREG)) {
		publish_refuse(d, dest, "is the top of a git work tree: "
		    "refusing to replace it");
		goto out;
	}
	if ((m = publish_empty(real)) < 0) {
		publish_error(d, dest, "cannot read");
		goto out;
	}
	if (m == 1) {
		rc = 0;
		goto out;
	}
	switch (publish_marked(real, NULL, 0)) {
	case 1:
		rc = 0;
		break;
	case 0:
		publish_refuse(d, dest, "is not a folder kitei made (it has no "
		    PUBLISH_MARKER " marker): refusing to replace it; remove it "
		    "or choose another -o");
		break;
	default:
		publish_refuse(d, dest, "its " PUBLISH_MARKER " is not kitei's "
		    "marker: refusing to replace it; remove the folder or "
		    "choose another -o");
		break;
	}
out:
	free(real);
	free(cwd);
	free(home);
	return rc;
}

/* ------------------------------------------------------------------ */
/* One writer at a time                                               */
/* ------------------------------------------------------------------ */

/*
 * Takes the lock beside dest, waiting for another kitei that holds it.
 * The file is removed on release; a run that took the lock on a file just
 * removed tries again on the new one.  Returns 0, or -1 with a diagnostic.
 */
static int
publish_lock(struct publish *p, struct diag *d)
{
	struct stat	 a, b;
	int		 fd;

	xasprintf(&p->lock, "%s%s", p->dest, PUBLISH_LOCK);
	for (;;) {
		fd = open(p->lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
		if (fd < 0) {
			publish_error(d, p->lock, "cannot create the lock");
			return -1;
		}
		while (flock(fd, LOCK_EX) < 0)
			if (errno != EINTR) {
				publish_error(d, p->lock, "cannot lock");
				close(fd);
				return -1;
			}
		if (fstat(fd, &a) == 0 && stat(p->lock, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			break;
		close(fd);
	}
	p->lockfd = fd;
	return 0;
}

/* Releases the lock: removes the file while still holding it. */
static void
publish_unlock(struct publish *p)
{
	if (p->lockfd < 0)
		return;
	unlink(p->lock);
	close(p->lockfd);
	p->lockfd = -1;
}

/*
 * diag_map's callback: s with the temporary folder, and the temporary
 * files of dest (the bundle's zip), named as dest.  NULL when unchanged.
 */
static char *
publish_rename_fn(const char *s, void *arg)
{
	const struct publish	*p = arg;
	char			*out, *q;
	size_t			 tl = strlen(p->tmp), dl = strlen(p->dest);
	size_t			 il = strlen(PUBLISH_INFIX), skip;

	if (strstr(s, p->tmp) == NULL && strstr(s, PUBLISH_INFIX) == NULL)
		return NULL;
	out = q = xmalloc(strlen(s) + 1);
	while (*s != '\0') {
		skip = 0;
		if (!strncmp(s, p->tmp, tl))
			skip = tl;
		else if (!strncmp(s, p->dest, dl) &&
		    !strncmp(s + dl, PUBLISH_INFIX, il) &&
		    strlen(s + dl + il) >= PUBLISH_TAIL)
			skip = dl + il + PUBLISH_TAIL;
		if (skip > 0) {
			memcpy(q, p->dest, dl);
			q += dl;
			s += skip;
		} else
			*q++ = *s++;
	}
	*q = '\0';
	return out;
}

/* Frees p after renaming its messages and releasing its lock. */
static void
publish_free(struct publish *p)
{
	if (p->tmp != NULL)
		diag_map(p->d, p->from, publish_rename_fn, p);
	publish_unlock(p);
	free(p->tmp);
	free(p->lock);
	free(p->dest);
	free(p);
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */
/* See publish.h; trailing slashes are no part of the name shown. */
int
publish_check(const char *dest, int flags, struct diag *d)
{
	char	*p = xstrdup(dest);
	size_t	 n = strlen(p);
	int	 rc;

	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	rc = publish_check_dest(p, flags, d);
	free(p);
	return rc;
}

/* ------------------------------------------------------------------ */

struct publish *
publish_begin(const char *dest, int flags, struct diag *d)
{
	struct publish	*p;
	size_t		 n;

	p = xcalloc(1, sizeof(*p));
	p->dest = xstrdup(dest);
	p->flags = flags;
	p->d = d;
	p->from = diag_count(d);
	p->lockfd = -1;
	n = strlen(p->dest);
	while (n > 1 && p->dest[n - 1] == '/')
		p->dest[--n] = '\0';
	/* Once before waiting for the lock, once holding it. */
	if (publish_check(p->dest, flags, d) < 0 || publish_lock(p, d) < 0 ||
	    publish_check(p->dest, flags, d) < 0)
		goto fail;
	publish_sweep_infix(p->dest, PUBLISH_INFIX);
	publish_sweep_infix(p->dest, PUBLISH_STAGE);
	xasprintf(&p->tmp, "%s%sXXXXXX", p->dest,
	    flags & PUBLISH_FILE ? PUBLISH_STAGE : PUBLISH_INFIX);
	if (mkdtemp(p->tmp) == NULL) {
		publish_error(d, p->dest, "cannot create the temporary folder");
		free(p->tmp);
		p->tmp = NULL;
		goto fail;
	}
	chmod(p->tmp, 0755);
	return p;
fail:
	publish_free(p);
	return NULL;
}

const char *
publish_dir(const struct publish *p)
{
	return p->tmp;
}

int
publish_mkdirs(const struct publish *p, const char *rel, struct diag *d)
{
	char	*path, *s;

	xasprintf(&path, "%s/%s", p->tmp, rel);
	for (s = path + strlen(p->tmp) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			publish_error(d, path, "cannot create folder");
			free(path);
			return -1;
		}
		*s = '/';
	}
	free(path);
	return 0;
}

/* Copies file from to the new file to; returns 0, or -1 with a diagnostic. */
static int
publish_copy(const char *from, const char *to, struct diag *d)
{
	char	 buf[65536];
	ssize_t	 n, w, off;
	int	 in, out, rc = -1;

	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		publish_error(d, from, "cannot read");
		return -1;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0) {
		publish_error(d, to, "cannot write");
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			publish_error(d, from, "cannot read");
			goto out;
		}
		for (off = 0; off < n; off += w)
			if ((w = write(out, buf + off, (size_t)(n - off))) < 0) {
				if (errno == EINTR) {
					w = 0;
					continue;
				}
				publish_error(d, to, "cannot write");
				goto out;
			}
	}
	rc = 0;
out:
	close(in);
	if (close(out) < 0 && rc == 0) {
		publish_error(d, to, "cannot write");
		rc = -1;
	}
	return rc;
}

int
publish_keep(const struct publish *p, int (*drop)(const char *, void *),
    void *arg, struct diag *d)
{
	char		**stack = NULL, *rel, *from, *to, *sub, kind[16];
	size_t		  n = 0;
	DIR		 *dh;
	struct dirent	 *de;
	struct stat	  st;
	int		  rc = 0;

	/* Only from an output of the same kind: nothing of a diff is a build's. */
	if (lstat(p->dest, &st) < 0 || !S_ISDIR(st.st_mode) ||
	    publish_marked(p->dest, kind, sizeof(kind)) != 1 ||
	    strcmp(kind, publish_kind(p->flags)))
		return 0;	/* nothing to keep */
	stack = xgrowarray(stack, n, 1, sizeof(char *));
	stack[n++] = xstrdup("");
	while (n > 0 && rc == 0) {
		rel = stack[--n];
		xasprintf(&from, "%s%s%s", p->dest, rel[0] ? "/" : "", rel);
		if ((dh = opendir(from)) == NULL) {
			publish_error(d, from, "cannot read");
			rc = -1;
		}
		free(from);
		while (rc == 0 && (de = readdir(dh)) != NULL) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
			    (rel[0] == '\0' && !strcmp(de->d_name, PUBLISH_MARKER)))
				continue;
			xasprintf(&sub, "%s%s%s", rel, rel[0] ? "/" : "", de->d_name);
			xasprintf(&from, "%s/%s", p->dest, sub);
			xasprintf(&to, "%s/%s", p->tmp, sub);
			if (lstat(from, &st) < 0) {
				publish_error(d, from, "cannot read");
				rc = -1;
			} else if (S_ISDIR(st.st_mode)) {
				if (mkdir(to, 0755) < 0 && errno != EEXIST) {
					publish_error(d, to, "cannot create folder");
					rc = -1;
				} else {
					stack = xgrowarray(stack, n, 1, sizeof(char *));
					stack[n++] = sub;
					sub = NULL;
				}
			} else if (!S_ISREG(st.st_mode)) {
				publish_refuse(d, from, "is not a regular file: "
				    "kitei does not write such things; remove it");
				rc = -1;
			} else if (!drop(sub, arg))
				rc = publish_copy(from, to, d);
			free(sub);
			free(from);
			free(to);
		}
		if (dh != NULL)
			closedir(dh);
		free(rel);
	}
	while (n > 0)
		free(stack[--n]);
	free(stack);
	return rc;
}

/* Writes the marker into the temporary folder; returns 0 or -1. */
static int
publish_mark(const struct publish *p, struct diag *d)
{
	FILE	*f;
	char	*path;
	int	 rc = 0;

	xasprintf(&path, "%s/%s", p->tmp, PUBLISH_MARKER);
	if ((f = fopen(path, "wb")) == NULL)
		rc = -1;
	else {
		fprintf(f, "kitei-output %d %s\n", PUBLISH_FORMAT,
		    publish_kind(p->flags));
		if (ferror(f))
			rc = -1;
		if (fclose(f) != 0)
			rc = -1;
	}
	if (rc < 0)
		publish_error(d, path, "cannot write");
	free(path);
	return rc;
}

int
publish_commit(struct publish *p, struct diag *d)
{
	struct stat	 st;
	int		 rc = -1;

	/* Under the lock still: whatever sits at dest now must be ours. */
	if (publish_mark(p, d) < 0 || publish_check(p->dest, p->flags, d) < 0)
		rc = -1;
	else if (lstat(p->dest, &st) < 0) {
		if (rename(p->tmp, p->dest) < 0)
			publish_error(d, p->dest, "cannot move the output into place");
		else
			rc = 0;
	} else if (compat_exchange(p->tmp, p->dest) == 0) {
		/* The old output now sits at the temporary name. */
		publish_rmtree(p->tmp);
		rc = 0;
	} else {
		/* No atomic swap here: move the old one aside, then the new one in. */
		char *old;

		xasprintf(&old, "%s%sold", p->dest, PUBLISH_INFIX);
		publish_rmtree(old);
		if (rename(p->dest, old) < 0)
			publish_error(d, p->dest, "cannot move the old output aside");
		else if (rename(p->tmp, p->dest) < 0) {
			publish_error(d, p->dest, "cannot move the output into place");
			rename(old, p->dest);
		} else {
			publish_rmtree(old);
			rc = 0;
		}
		free(old);
	}
	if (rc < 0)
		publish_rmtree(p->tmp);
	publish_free(p);
	return rc;
}

void
publish_abort(struct publish *p)
{
	if (p == NULL)
		return;
	publish_rmtree(p->tmp);
	publish_free(p);
}
