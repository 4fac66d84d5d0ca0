/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writes outputs into a temporary folder and renames it into place.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "diag.h"
#include "publish.h"
#include "xalloc.h"

/* Temporaries are named after the destination with this infix. */
#define PUBLISH_INFIX	".kitei-tmp-"

struct publish {
	char	*dest;		/* the destination folder */
	char	*tmp;		/* the folder being written */
};

/* Reports errno for path as fatal. */
static void
publish_error(struct diag *d, const char *path, const char *what)
{
	struct pos	 pos = { path, 0, 0 };

	diag_emit(d, DIAG_FATAL, &pos, "io", "%s: %s", what, strerror(errno));
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

/* Removes leftovers of killed runs; see publish.h. */
void
publish_sweep(const char *dest)
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
			    !strncmp(de->d_name + blen, PUBLISH_INFIX,
			    strlen(PUBLISH_INFIX))) {
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

struct publish *
publish_begin(const char *dest, struct diag *d)
{
	struct publish	*p;
	size_t		 n;

	p = xcalloc(1, sizeof(*p));
	p->dest = xstrdup(dest);
	n = strlen(p->dest);
	while (n > 1 && p->dest[n - 1] == '/')
		p->dest[--n] = '\0';
	publish_sweep(p->dest);
	xasprintf(&p->tmp, "%s%sXXXXXX", p->dest, PUBLISH_INFIX);
	if (mkdtemp(p->tmp) == NULL) {
		publish_error(d, p->tmp, "cannot create the temporary folder");
		free(p->tmp);
		free(p->dest);
		free(p);
		return NULL;
	}
	chmod(p->tmp, 0755);
	return p;
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

int
publish_commit(struct publish *p, struct diag *d)
{
	struct stat	 st;
	int		 rc = -1;

	if (lstat(p->dest, &st) < 0) {
		if (rename(p->tmp, p->dest) < 0)
			publish_error(d, p->dest, "cannot move the output into place");
		else
			rc = 0;
	} else if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		publish_error(d, p->dest, "cannot replace");
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
	free(p->tmp);
	free(p->dest);
	free(p);
	return rc;
}

void
publish_abort(struct publish *p)
{
	if (p == NULL)
		return;
	publish_rmtree(p->tmp);
	free(p->tmp);
	free(p->dest);
	free(p);
}
