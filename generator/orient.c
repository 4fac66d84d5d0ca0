/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Orientation: where the policy root is when no -C says so, how paths in
 * check's text read from the user's folder, and how a long list of
 * findings is summed up by article.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "diag.h"
#include "i18n.h"
#include "orient.h"
#include "xalloc.h"

/* How deep below the current folder to look for a kitei.yml to suggest. */
#define ORIENT_DEPTH	3
/* How many such folders to name. */
#define ORIENT_NAMES	3

/* Whether dir/name exists (any kind of file). */
static int
orient_has(const char *dir, const char *name)
{
	char		*p;
	struct stat	 st;
	int		 rc;

	xasprintf(&p, "%s/%s", dir, name);
	rc = lstat(p, &st) == 0;
	free(p);
	return rc;
}

/* Whether the absolute folder dir is one of GIT_CEILING_DIRECTORIES. */
static int
orient_ceiling(const char *dir)
{
	const char	*env = getenv("GIT_CEILING_DIRECTORIES");
	char		*list, *part, *save = NULL, real[PATH_MAX];
	int		 hit = 0;

	if (env == NULL || env[0] == '\0')
		return 0;
	list = xstrdup(env);
	for (part = strtok_r(list, ":", &save); part != NULL && !hit;
	    part = strtok_r(NULL, ":", &save))
		hit = realpath(part, real) != NULL && !strcmp(real, dir);
	free(list);
	return hit;
}

/*
 * Collects up to ORIENT_NAMES folders below dir (rel: its path as shown)
 * holding kitei.yml, depth levels deep, skipping hidden folders.
 */
static void
orient_below(const char *dir, const char *rel, int depth, struct buf *names,
    size_t *n)
{
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	char		*sub, *subrel;

	if (depth == 0 || (dp = opendir(dir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL && *n < ORIENT_NAMES) {
		if (e->d_name[0] == '.')
			continue;
		xasprintf(&sub, "%s/%s", dir, e->d_name);
		xasprintf(&subrel, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (orient_has(sub, "kitei.yml"))
				buf_printf(names, "%s%s", (*n)++ ? ", " : "",
				    subrel);
			else
				orient_below(sub, subrel, depth - 1, names, n);
		}
		free(subrel);
		free(sub);
	}
	closedir(dp);
}

/* Finds the policy root above the current folder; see orient.h. */
int
orient_root(char **out, const char *cmd, struct diag *d)
{
	char		 cur[PATH_MAX], *slash;
	struct buf	 up = { NULL, 0, 0 }, names = { NULL, 0, 0 };
	size_t		 n = 0;
	int		 rc = 0;

	*out = NULL;
	if (getcwd(cur, sizeof(cur)) == NULL || orient_has(cur, "kitei.yml"))
		return 0;
	while (!orient_has(cur, ".git") &&
	    (slash = strrchr(cur, '/')) != NULL && cur[1] != '\0') {
		if (slash == cur)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (orient_ceiling(cur))
			break;
		buf_puts(&up, up.len ? "/.." : "..");
		if (orient_has(cur, "kitei.yml")) {
			*out = buf_steal(&up);
			return 0;
		}
	}
	buf_free(&up);
	orient_below(".", "", ORIENT_DEPTH, &names, &n);
	if (n > 0) {
		diag_emit(d, DIAG_FATAL, NULL, "no-config", _("no kitei.yml in "
		    "this folder or above it; the policy root is below: kitei -C "
		    "%.*s %s (policy roots here: %s)"), (int)strcspn(names.data,
		    ","), names.data, cmd, names.data);
		rc = -1;
	}
	buf_free(&names);
	return rc;
}

/* The folder relative to its work tree's top; see orient.h. */
char *
orient_prefix(const char *real)
{
	char	 top[PATH_MAX], *slash;
	size_t	 n;

	if (real == NULL || strlen(real) >= sizeof(top))
		return NULL;
	strcpy(top, real);
	while (!orient_has(top, ".git")) {
		if ((slash = strrchr(top, '/')) == NULL || slash == top)
			return NULL;
		*slash = '\0';
	}
	n = strlen(top);
	if (real[n] == '\0')
		return NULL;
	{
		char *p;

		xasprintf(&p, "%s/", real + n + 1);
		return p;
	}
}

/*
 * path (repository-relative) as seen from the folder prefix: the folders
 * they share dropped, one "../" for each folder of prefix left.  Returns a
 * new string.
 */
static char *
orient_relative(const char *path, const char *prefix)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p;
	size_t		 common = 0, i;

	/* The longest run of whole leading folders path and prefix share. */
	for (i = 0; prefix[i] != '\0' && path[i] == prefix[i]; i++)
		if (prefix[i] == '/')
			common = i + 1;
	for (p = prefix + common; *p != '\0'; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	buf_puts(&b, path + common);
	return buf_steal(&b);
}

/* A copy of d for printing; see orient.h. */
struct diag *
orient_view(const struct diag *d, const char *prefix, int quiet)
{
	struct diag		*v = diag_new();
	const struct diag_msg	*m;
	struct pos		 pos;
	char			*rel;
	size_t			 i;

	for (i = 0; i < diag_count(d); i++) {
		m = diag_get(d, i);
		if (quiet && m->level < DIAG_ERROR)
			continue;
		rel = m->path != NULL && prefix != NULL && m->path[0] != '/' ?
		    orient_relative(m->path, prefix) : NULL;
		pos.path = rel != NULL ? rel : m->path;
		pos.line = m->line;
		pos.col = m->col;
		diag_emit(v, m->level, &pos, m->rule, "%s", m->text);
		free(rel);
	}
	return v;
}

/*
 * The article of the first element id in text ("4.1.6.a" names 第4条), or
 * NULL.
 */
static const char *
orient_article(const char *text, const struct catalog *cat)
{
	const struct catalog_element	*el;
	const char			*p = text;
	char				*id;
	size_t				 n;

	while (*p != '\0') {
		if (*p < '0' || *p > '9' || (p > text && (p[-1] == '.' ||
		    (p[-1] >= '0' && p[-1] <= '9') ||
		    (p[-1] >= 'a' && p[-1] <= 'z')))) {
			p++;
			continue;
		}
		n = strspn(p, "0123456789abcdefghijklmnopqrstuvwxyz.");
		while (n > 0 && p[n - 1] == '.')
			n--;
		id = xstrndup(p, n);
		el = catalog_find(cat, id);
		free(id);
		if (el != NULL)
			return el->article;
		p += n > 0 ? n : 1;
	}
	return NULL;
}

/* The per-article count of a long run's findings; see orient.h. */
void
orient_summary(FILE *f, const struct diag *d, const struct catalog *cat)
{
	const struct diag_msg	*m;
	const char		*art;
	size_t			*count, other = 0, total = 0, i, a;

	for (i = 0; i < diag_count(d); i++)
		total += diag_get(d, i)->level == DIAG_WARNING ||
		    diag_get(d, i)->level == DIAG_ERROR;
	if (total <= ORIENT_MANY || cat == NULL)
		return;
	count = xcalloc(cat->narticles + 1, sizeof(*count));
	for (i = 0; i < diag_count(d); i++) {
		m = diag_get(d, i);
		if (m->level != DIAG_WARNING && m->level != DIAG_ERROR)
			continue;
		if ((art = orient_article(m->text, cat)) == NULL) {
			other++;
			continue;
		}
		for (a = 0; a < cat->narticles; a++)
			if (!strcmp(cat->articles[a].number, art))
				break;
		if (a < cat->narticles)
			count[a]++;
		else
			other++;
	}
	fputs(_("findings by article:"), f);
	for (a = 0; a < cat->narticles; a++)
		if (count[a] > 0)
			fprintf(f, _(" 第%s条 %zu,"), cat->articles[a].number,
			    count[a]);
	if (other > 0)
		fprintf(f, _(" other %zu,"), other);
	fprintf(f, _(" %zu in all\n"), total);
	free(count);
}
