/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The history stage: one revision walk that lists the commits changing the
 * policy root (with their files, renames found) and the approval commits.
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>

#include "ascii.h"
#include "diag.h"
#include "history.h"
#include "jdate.h"
#include "json.h"
#include "unorm.h"
#include "xalloc.h"

/* The trailer that makes a commit an approval (design.md). */
#define HISTORY_APPROVED_BY	"Approved-by"
/* The trailer that gives the date an approved revision takes effect. */
#define HISTORY_EFFECTIVE	"Effective"

/*
 * Renames git considers by default (diff.renameLimit since git 2.17); libgit2
 * defaults to 200, which would miss renames git shows in big reorganisations.
 */
#define HISTORY_RENAME_LIMIT	1000

/* Bytes of a shallow file line: 40 hex digits (SHA-1 repositories). */
#define HISTORY_HEXSZ		40

/* ------------------------------------------------------------------------
 * A map from commit id to the commit's node in the walk's graph.
 */

/* One slot of the map. */
struct history_slot {
	git_oid		 key;		/* commit id */
	size_t		 idx;		/* its node in the graph */
	int		 used;		/* the slot holds a key */
};

/* Open addressing with linear probing, at most half full. */
struct history_map {
	struct history_slot	*slots;	/* cap slots */
	size_t			 cap;	/* a power of two, or 0 */
	size_t			 len;	/* used slots */
};

/* Returns the slot's home index for id: object ids are already uniform. */
static size_t
history_map_hash(const struct history_map *m, const git_oid *id)
{
	uint64_t	 h;

	memcpy(&h, id->id, sizeof(h));
	return (size_t)h & (m->cap - 1);
}

/* Returns the slot holding id, borrowed from the map, or NULL. */
static struct history_slot *
history_map_find(const struct history_map *m, const git_oid *id)
{
	size_t	 i;

	if (m->cap == 0)
		return NULL;
	for (i = history_map_hash(m, id); m->slots[i].used;
	    i = (i + 1) & (m->cap - 1))
		if (git_oid_equal(&m->slots[i].key, id))
			return &m->slots[i];
	return NULL;
}

/*
 * Returns the slot for id, adding an empty one if it was missing; the
 * pointer is borrowed and valid until the next insertion.
 */
static struct history_slot *
history_map_insert(struct history_map *m, const git_oid *id)
{
	struct history_slot	*old = m->slots, *s;
	size_t			 oldcap = m->cap, i;

	if ((s = history_map_find(m, id)) != NULL)
		return s;
	if (2 * (m->len + 1) > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 1024;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		for (i = 0; i < oldcap; i++) {
			if (!old[i].used)
				continue;
			s = &m->slots[history_map_hash(m, &old[i].key)];
			while (s->used)
				s = &m->slots[(s - m->slots + 1) & (m->cap - 1)];
			*s = old[i];
		}
		free(old);
	}
	i = history_map_hash(m, id);
	while (m->slots[i].used)
		i = (i + 1) & (m->cap - 1);
	s = &m->slots[i];
	s->used = 1;
	git_oid_cpy(&s->key, id);
	m->len++;
	return s;
}

/* Frees the map's slots; the map itself belongs to the caller. */
static void
history_map_free(struct history_map *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->len = 0;
}

/* ------------------------------------------------------------------------
 * The walk.
 */

/* Trees held on to between two diffs. */
struct history_trees {
	git_tree	**v;		/* owned references */
	size_t		  n, cap;
};

/* What one walk carries from commit to commit. */
struct history_walker {
	git_repository		*repo;		/* borrowed */
	struct diag		*d;		/* borrowed */
	char			*root;		/* "" or "a/b", no trailing slash */
	char			**parts;	/* root's names: "a", "b" */
	size_t			 nparts;
	struct history		*h;		/* the result being built */
	size_t			 cap;		/* allocated h->commits */
	git_diff_options	 dopts;		/* tree-to-tree diff */
	git_diff_find_options	 fopts;		/* rename detection */
	struct history_trees	 keep;		/* the last diff's old side */
	struct history_trees	 next;		/* this diff's old side */
};

/* Reports libgit2's last error as a fatal message about what. */
static void
history_git_error(struct diag *d, const char *what)
{
	const git_error	*e = git_error_last();

	diag_msg(d, NULL, MSG_GIT_WHAT_WHY, what,
	    e != NULL && e->message != NULL ? e->message : "unknown error");
}

/* Orders files by path, for qsort. */
static int
history_file_cmp(const void *a, const void *b)
{
	const struct history_file *fa = a, *fb = b;

	return strcmp(fa->path, fb->path);
}

/*
 * Returns dir (below the root, "" or ending in '/') and name joined, with
 * the policy root in front: a repository-relative path, as a new string.
 */
static char *
history_full_path(const struct history_walker *w, const char *dir,
    const char *name)
{
	char	*p;

	xasprintf(&p, "%s%s%s%s", w->root, w->root[0] != '\0' ? "/" : "",
	    dir, name);
	return p;
}

/* Appends a file record to files[0..*n), growing the array as needed. */
static struct history_file *
history_file_add(struct history_file **files, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		*files = xreallocarray(*files, *cap, sizeof(**files));
	}
	memset(&(*files)[*n], 0, sizeof(**files));
	return &(*files)[(*n)++];
}

/* Frees files[0..n) and the array. */
static void
history_files_free(struct history_file *files, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(files[i].path);
		free(files[i].old_path);
	}
	free(files);
}

/*
 * Pairs the deletions and additions among files[0..*nfiles) into renames,
 * as `git log -M` does: libgit2's diff between the policy root trees old
 * and new, limited to those paths, then git_diff_find_similar.  The added
 * and deleted records are replaced by what that finds; the modified ones
 * stay.  Returns 0, or -1 with a fatal diagnostic emitted.
 */
static int
history_diff_renames(struct history_walker *w, git_tree *old, git_tree *new,
    struct history_file **files, size_t *nfiles, size_t *cap)
{
	git_diff_options	 o = w->dopts;
	git_diff		*diff = NULL;
	const git_diff_delta	*dd;
	struct history_file	*f;
	char			**paths;
	size_t			 i, n, k, npaths = 0, skip;
	int			 rc = -1;
	char			 status;

	/* The paths of the additions and deletions, below the root. */
	skip = w->root[0] != '\0' ? strlen(w->root) + 1 : 0;
	paths = xcalloc(*nfiles, sizeof(*paths));
	for (i = k = 0; i < *nfiles; i++) {
		f = &(*files)[i];
		if (f->status == 'M') {
			(*files)[k++] = *f;
			continue;
		}
		paths[npaths++] = f->path;
	}
	*nfiles = k;
	for (i = 0; i < npaths; i++)
		paths[i] += skip;
	o.pathspec.strings = paths;
	o.pathspec.count = npaths;
	o.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;

	if (git_diff_tree_to_tree(&diff, w->repo, old, new, &o) < 0) {
		history_git_error(w->d, "diff");
		goto out;
	}
	if (git_diff_find_similar(diff, &w->fopts) < 0) {
		history_git_error(w->d, "rename detection");
		goto out;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		dd = git_diff_get_delta(diff, i);
		switch (dd->status) {
		case GIT_DELTA_ADDED:
		case GIT_DELTA_COPIED:
			status = 'A';
			break;
		case GIT_DELTA_DELETED:
			status = 'D';
			break;
		case GIT_DELTA_RENAMED:
			status = 'R';
			break;
		default:
			/* Modifications are listed already; nothing else is. */
			continue;
		}
		f = history_file_add(files, nfiles, cap);
		f->status = status;
		f->path = history_full_path(w, "", status == 'D' ?
		    dd->old_file.path : dd->new_file.path);
		if (status == 'R')
			f->old_path = history_full_path(w, "", dd->old_file.path);
	}
	rc = 0;
out:
	for (i = 0; i < npaths; i++)
		free(paths[i] - skip);
	free(paths);
	git_diff_free(diff);
	return rc;
}

/*
 * Looks up tree id for a diff, from the trees the previous diff read on its
 * old side when it is among them: walking back, a commit's new side is
 * usually the old side of the commit diffed before it.  Trees read for the
 * old side are kept for the next diff.  Stores a new reference in *out (free
 * with git_tree_free).  Returns 0, or -1 with a fatal diagnostic emitted.
 */
static int
history_tree_get(struct history_walker *w, git_tree **out, const git_oid *id,
    int old_side)
{
	struct history_trees	*t;
	size_t			 i;

	*out = NULL;
	for (i = 0; i < w->keep.n && *out == NULL; i++)
		if (git_oid_equal(git_tree_id(w->keep.v[i]), id) &&
		    git_tree_dup(out, w->keep.v[i]) < 0)
			break;
	if (*out == NULL && git_tree_lookup(out, w->repo, id) < 0) {
		history_git_error(w->d, "tree");
		return -1;
	}
	if (old_side) {
		t = &w->next;
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 8;
			t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
		}
		if (git_tree_dup(&t->v[t->n], *out) < 0) {
			history_git_error(w->d, "tree");
			git_tree_free(*out);
			*out = NULL;
			return -1;
		}
		t->n++;
	}
	return 0;
}

/* Drops the trees in t, keeping the array. */
static void
history_trees_clear(struct history_trees *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		git_tree_free(t->v[i]);
	t->n = 0;
}

/* Two trees still to compare, and the folder they stand for. */
struct history_pair {
	git_tree	*old;		/* NULL when the folder is new */
	git_tree	*new;		/* NULL when the folder went */
	char		*dir;		/* "" or "sub/dir/", below the root */
};

/*
 * Lists the files that differ between the policy root trees old_id and
 * new_id (either NULL for "absent"), sorted by path, with renames found.
 * The trees are compared by hand, skipping every subtree whose id did not
 * change, as git does; libgit2's diff (which visits every file of both trees
 * and rereads the configuration) runs only when a commit both added and
 * deleted files, on those files, to pair them into renames.  The folders
 * still to compare are a stack, not recursion: nesting is the input's.
 * Stores a new array in *out (NULL if none) and its length in *nout.
 * Returns 0, or -1 with a fatal diagnostic emitted.
 */
static int
history_diff(struct history_walker *w, const git_oid *old_id,
    const git_oid *new_id, struct history_file **out, size_t *nout)
{
	struct history_pair	*stack = NULL, pr, *np;
	struct history_file	*files = NULL, *f;
	struct history_trees	 t;
	git_tree		*old = NULL, *new = NULL, *ot, *nt;
	const git_tree_entry	*eo, *en;
	size_t			 nstack = 0, capstack = 0, nfiles = 0, cap = 0;
	size_t			 io, in, no, nn, i;
	int			 cmp, rc = -1, added = 0, deleted = 0;

	memset(&pr, 0, sizeof(pr));
	*out = NULL;
	*nout = 0;
	if ((old_id != NULL && history_tree_get(w, &old, old_id, 1) < 0) ||
	    (new_id != NULL && history_tree_get(w, &new, new_id, 0) < 0))
		goto out;
	capstack = 8;
	stack = xcalloc(capstack, sizeof(*stack));
	if ((old != NULL && git_tree_dup(&stack[0].old, old) < 0) ||
	    (new != NULL && git_tree_dup(&stack[0].new, new) < 0)) {
		history_git_error(w->d, "tree");
		git_tree_free(stack[0].old);
		goto out;
	}
	stack[nstack++].dir = xstrdup("");
	while (nstack > 0) {
		pr = stack[--nstack];
		no = pr.old ? git_tree_entrycount(pr.old) : 0;
		nn = pr.new ? git_tree_entrycount(pr.new) : 0;
		for (io = in = 0; io < no || in < nn; ) {
			eo = io < no ? git_tree_entry_byindex(pr.old, io) : NULL;
			en = in < nn ? git_tree_entry_byindex(pr.new, in) : NULL;
			cmp = eo == NULL ? 1 : en == NULL ? -1 :
			    git_tree_entry_cmp(eo, en);
			if (cmp < 0)
				io++;
			else if (cmp > 0)
				in++;
			else {
				io++;
				in++;
				if (git_oid_equal(git_tree_entry_id(eo),
				    git_tree_entry_id(en)) &&
				    git_tree_entry_filemode(eo) ==
				    git_tree_entry_filemode(en))
					continue;
			}
			ot = nt = NULL;
			if (cmp <= 0 && git_tree_entry_type(eo) == GIT_OBJECT_TREE &&
			    history_tree_get(w, &ot, git_tree_entry_id(eo), 1) < 0)
				goto out;
			if (cmp >= 0 && git_tree_entry_type(en) == GIT_OBJECT_TREE &&
			    history_tree_get(w, &nt, git_tree_entry_id(en), 0) < 0) {
				git_tree_free(ot);
				goto out;
			}
			if (ot != NULL || nt != NULL) {
				if (nstack == capstack) {
					capstack *= 2;
					stack = xreallocarray(stack, capstack,
					    sizeof(*stack));
				}
				np = &stack[nstack++];
				np->old = ot;
				np->new = nt;
				xasprintf(&np->dir, "%s%s/", pr.dir,
				    git_tree_entry_name(ot ? eo : en));
			}
			/*
			 * What is left are files that went, came or changed
			 * (a file and a folder of one name never compare
			 * equal: git sorts folders as if named "name/").
			 */
			if (cmp < 0 && ot == NULL) {
				f = history_file_add(&files, &nfiles, &cap);
				f->status = 'D';
				f->path = history_full_path(w, pr.dir,
				    git_tree_entry_name(eo));
				deleted = 1;
			}
			if (cmp > 0 && nt == NULL) {
				f = history_file_add(&files, &nfiles, &cap);
				f->status = 'A';
				f->path = history_full_path(w, pr.dir,
				    git_tree_entry_name(en));
				added = 1;
			}
			if (cmp == 0 && ot == NULL && nt == NULL) {
				f = history_file_add(&files, &nfiles, &cap);
				f->status = 'M';
				f->path = history_full_path(w, pr.dir,
				    git_tree_entry_name(en));
			}
		}
		git_tree_free(pr.old);
		git_tree_free(pr.new);
		free(pr.dir);
		memset(&pr, 0, sizeof(pr));
	}

	if (added && deleted &&
	    history_diff_renames(w, old, new, &files, &nfiles, &cap) < 0)
		goto out;
	if (nfiles > 1)
		qsort(files, nfiles, sizeof(*files), history_file_cmp);
	if (nfiles == 0) {
		free(files);
		files = NULL;
	}
	*out = files;
	*nout = nfiles;
	files = NULL;
	nfiles = 0;
	rc = 0;
out:
	/* The old side read now is what the next diff may reuse. */
	history_trees_clear(&w->keep);
	t = w->keep;
	w->keep = w->next;
	w->next = t;
	git_tree_free(pr.old);
	git_tree_free(pr.new);
	free(pr.dir);
	for (i = 0; i < nstack; i++) {
		git_tree_free(stack[i].old);
		git_tree_free(stack[i].new);
		free(stack[i].dir);
	}
	free(stack);
	history_files_free(files, nfiles);
	git_tree_free(old);
	git_tree_free(new);
	return rc;
}

/* Whether [p, p + n) holds "approv" in any case. */
static int
history_has_approv(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i + 6 <= n; i++)
		if ((p[i] == 'a' || p[i] == 'A') && ascii_strncasecmp(p + i, "approv", 6) == 0)
			return 1;
	return 0;
}

/*
 * Returns whether msg may hold an approval or something meant as one
 * ("approv" in any case or width, 承認): a cheap test that spares parsing
 * trailers of the commits that cannot be approvals and change nothing under
 * the root.
 */
static int
history_mentions_approval(const char *msg)
{
	size_t	 n = strlen(msg);
	char	*fold;
	int	 r;

	if (history_has_approv(msg, n) || strstr(msg, "承認") != NULL)
		return 1;
	/* Full-width Latin letters are U+FF21 to U+FF5A: bytes EF BC or EF BD. */
	if (strstr(msg, "\xef\xbc") == NULL && strstr(msg, "\xef\xbd") == NULL)
		return 0;
	fold = unorm_key(msg, n);
	r = history_has_approv(fold, strlen(fold));
	free(fold);
	return r;
}

/* The trailer keys kitei reads, as design.md spells them. */
static const char *const history_known[] = {
	HISTORY_APPROVED_BY, HISTORY_EFFECTIVE
};

/*
 * Returns the key kitei reads that the case-folded NFKC key fold is
 * (HISTORY_APPROVED_BY or HISTORY_EFFECTIVE), or NULL.
 */
static const char *
history_known_key(const char *fold)
{
	size_t	 i;

	for (i = 0; i < 2; i++)
		if (ascii_strcasecmp(fold, history_known[i]) == 0)
			return history_known[i];
	return NULL;
}

/*
 * Returns the key kitei reads that fold (case-folded NFKC) was likely meant
 * to be: 承認者, Approver, "Approved by" for Approved-by; 施行日,
 * Effective-date for Effective.  NULL for every other key.
 */
static const char *
history_meant_key(const char *fold)
{
	if (strlen(fold) > 40)
		return NULL;
	if (strstr(fold, "承認") != NULL || strncmp(fold, "approv", 6) == 0)
		return HISTORY_APPROVED_BY;
	if (strstr(fold, "施行") != NULL || strstr(fold, "効力") != NULL ||
	    strncmp(fold, "effective", 9) == 0)
		return HISTORY_EFFECTIVE;
	return NULL;
}

/* The bytes of an English trailer key, case-folded. */
#define HISTORY_ASCII_KEY	"abcdefghijklmnopqrstuvwxyz0123456789- _"

/* Whether value is shaped like key's: an e-mail for Approved-by, a date for
 * Effective. */
static int
history_looks_like(const char *key, const char *value)
{
	if (key == history_known[0])
		return strchr(value, '@') != NULL;
	return ascii_isdigit((unsigned char)*value);
}

/* The lines of a message: [start, end) of each, without the newline. */
struct history_line {
	const char	*s;
	size_t		 n;
};

/* Whether line l is blank (white space only, U+3000 aside). */
static int
history_blank(const struct history_line *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (!unorm_isspace((unsigned char)l->s[i]))
			return 0;
	return 1;
}

/*
 * Splits line l at its first colon (after NFKC: "：" is one) into a
 * case-folded key (*fold) and the value after it, NFKC, trimmed (*value);
 * both new strings.  Returns 0, or -1 when the line has no key and colon.
 */
static int
history_split(const struct history_line *l, char **fold, char **value)
{
	char	*line = unorm_nfkc(l->s, l->n), *c;

	*fold = *value = NULL;
	if ((c = strchr(line, ':')) == NULL || c == line ||
	    unorm_isspace((unsigned char)line[0])) {
		free(line);
		return -1;
	}
	*fold = unorm_key(line, (size_t)(c - line));
	c++;
	while (unorm_isspace((unsigned char)*c))
		c++;
	*value = xstrdup(c);
	for (c = *value + strlen(*value); c > *value &&
	    unorm_isspace((unsigned char)c[-1]); c--)
		c[-1] = '\0';
	free(line);
	return 0;
}

/*
 * Appends to *t the trailers of git's list ta from *gi on that are not
 * keys kitei reads itself: with line, only the next one and only if it was
 * read from that line (its key starts the line); with NULL, all that are left.
 */
static void
history_git_trailers(struct history_trailer **t, size_t *nt,
    const git_message_trailer_array *ta, size_t *gi,
    const struct history_line *line)
{
	const char	*key;
	char		*fold;
	size_t		 n;

	for (; *gi < ta->count; (*gi)++) {
		key = ta->trailers[*gi].key;
		fold = unorm_key(key, strlen(key));
		n = history_known_key(fold) != NULL;
		free(fold);
		if (n)
			continue;	/* read from the line by the caller */
		n = strlen(key);
		if (line != NULL && (line->n < n ||
		    ascii_strncasecmp(line->s, key, n) != 0))
			return;
		*t = xgrowarray(*t, *nt, 1, sizeof(**t));
		(*t)[*nt].key = xstrdup(key);
		(*t)[(*nt)++].value = xstrdup(ta->trailers[*gi].value);
		if (line != NULL) {
			(*gi)++;
			return;
		}
	}
}

/*
 * Reads the trailers of commit id's message msg into *out (*nout of them):
 * git's own, as git_message_trailers finds them, except that the keys
 * kitei reads (Approved-by, Effective) are read from the message's last
 * paragraph after NFKC and case folding, so that "Approved-by：",
 * "approved-by :" and "Ａｐｐｒｏｖｅｄ－ｂｙ:" count, and their values are
 * NFKC too (an address or a date typed in full width).  A key that was
 * likely meant for one of them (承認者:, Approver:, 施行日:), and an
 * Approved-by line in the first paragraph, where git reads no trailer, is
 * a warning.  Returns whether an Approved-by trailer was found.
 */
static int
history_read_trailers(struct history_trailer **out, size_t *nout,
    const git_message_trailer_array *ta, const char *msg, const char *id,
    struct diag *d)
{
	struct history_line	*lines = NULL;
	struct history_trailer	*t = NULL;
	const char		*p, *nl, *known, *meant;
	char			*fold, *value, *cont;
	size_t			 nlines = 0, nt = 0, i, first_end, last, end;
	size_t			 gi = 0;
	int			 approval = 0, prev_known = 0, single;

	for (p = msg; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		lines = xgrowarray(lines, nlines, 1, sizeof(*lines));
		lines[nlines].s = p;
		lines[nlines].n = (size_t)(nl - p);
		if (lines[nlines].n > 0 && p[lines[nlines].n - 1] == '\r')
			lines[nlines].n--;
		/* A patch after "---" is no part of the message (as git). */
		if (lines[nlines].n >= 3 && !strncmp(p, "---", 3) &&
		    (lines[nlines].n == 3 || p[3] == ' ' || p[3] == '\t'))
			break;
		nlines++;
	}
	for (first_end = 0; first_end < nlines && !history_blank(&lines[first_end]);
	    first_end++)
		;
	for (end = nlines; end > 0 && history_blank(&lines[end - 1]); end--)
		;
	for (last = end; last > 0 && !history_blank(&lines[last - 1]); last--)
		;
	if (last < first_end)
		last = first_end;	/* the first paragraph holds no trailers */
	single = end <= first_end;
	for (i = 0; i < end; i++) {
		if (history_blank(&lines[i])) {
			prev_known = 0;
			continue;
		}
		if (prev_known && (lines[i].s[0] == ' ' || lines[i].s[0] == '\t')) {
			/* A continuation line, joined with a space (as git). */
			cont = unorm_key(lines[i].s, lines[i].n);
			xasprintf(&value, "%s %s", t[nt - 1].value, cont);
			free(cont);
			free(t[nt - 1].value);
			t[nt - 1].value = value;
			continue;
		}
		prev_known = 0;
		/* git's own trailers keep their place in the message. */
		if (i >= last)
			history_git_trailers(&t, &nt, ta, &gi, &lines[i]);
		if (history_split(&lines[i], &fold, &value) < 0)
			continue;
		known = history_known_key(fold);
		meant = known == NULL ? history_meant_key(fold) : NULL;
		if (known != NULL && i >= last) {
			t = xgrowarray(t, nt, 1, sizeof(*t));
			t[nt].key = xstrdup(known);
			t[nt++].value = value;
			value = NULL;
			prev_known = 1;
			if (known == history_known[0])
				approval = 1;
		} else if (known != NULL && history_looks_like(known, value))
			/* Left out of the trailers, but written as one. */
			diag_msg(d, NULL, MSG_BAD_APPROVAL, id, (int)lines[i].n,
			    lines[i].s);
		/* A subject "approve: add a command" is no misspelt trailer:
		 * in a one-line message, an English key needs a value shaped
		 * like the key's (an e-mail, a date); a Japanese key (承認者:,
		 * 施行日:) is meant as a trailer whatever follows. */
		else if (meant != NULL && (i >= last || (single &&
		    (history_looks_like(meant, value) ||
		    strspn(fold, HISTORY_ASCII_KEY) < strlen(fold)))))
			diag_msg(d, NULL, MSG_BAD_APPROVAL_COMMIT, id,
			    (int)lines[i].n, lines[i].s, meant);
		free(fold);
		free(value);
	}
	history_git_trailers(&t, &nt, ta, &gi, NULL);
	free(lines);
	*out = t;
	*nout = nt;
	return approval;
}

/* Frees what one commit record owns (not the record itself). */
static void
history_commit_clear(struct history_commit *c)
{
	size_t	 i;

	free(c->author_name);
	free(c->author_email);
	free(c->subject);
	free(c->message);
	for (i = 0; i < c->ntrailers; i++) {
		free(c->trailers[i].key);
		free(c->trailers[i].value);
	}
	free(c->trailers);
	for (i = 0; i < c->nfiles; i++) {
		free(c->files[i].path);
		free(c->files[i].old_path);
	}
	free(c->files);
	free(c->parents);
}

/* ------------------------------------------------------------------------
 * The walk reads every commit reachable from the start once, depth first,
 * first parents first.  A commit is judged (compared with its first parent,
 * kept or dropped) as soon as that parent's tree is known, usually when the
 * parent is read next, so the commit object is still at hand and is never
 * read twice.  The kept commits are then put in the order of git_revwalk
 * with GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME: children first, newest
 * committer time first among those whose children are all out.
 *
 * It does not use git_revwalk, for two reasons.  libgit2 1.5's walker stops
 * at the first parent missing from a shallow clone (it reads no
 * .git/shallow), whereas here the commits listed there count as root
 * commits, as git itself treats them.  And the walker reads each commit
 * before git_commit_lookup reads it again; reading once, and judging while
 * the commit is at hand, saves a third of the time on bench/history.sh.
 */

/* No index: a node without a kept commit, or the end of a list. */
#define HISTORY_NONE	((size_t)-1)

/* One commit of the graph. */
struct history_node {
	git_oid		 id;		/* commit id */
	git_oid		 sub;		/* its tree at the policy root */
	int64_t		 time;		/* committer time */
	size_t		 edge;		/* its parents: edges[edge .. edge+nedges) */
	size_t		 nedges;	/* 0 for a root or a shallow boundary */
	size_t		 children;	/* children not yet emitted */
	size_t		 kept;		/* index in h->commits, or HISTORY_NONE */
	size_t		 waiting;	/* first of the children waiting for it */
	unsigned char	 queued;	/* the commit is or was to be read */
	unsigned char	 read;		/* the commit was read */
	unsigned char	 present;	/* the policy root exists in it */
};

/* A commit waiting for its first parent to be read. */
struct history_wait {
	git_commit	*c;		/* the commit, owned until judged */
	size_t		 node;		/* its node */
	size_t		 next;		/* next waiting on the same parent */
};

/* The graph of the walk. */
struct history_graph {
	struct history_node	*nodes;
	size_t			 nnodes, capnodes;
	size_t			*edges;		/* parent node indexes */
	size_t			 nedges, capedges;
	struct history_map	 index;		/* commit id → node index */
	struct history_wait	*waits;		/* used as a pool */
	size_t			 nwaits, capwaits;
	size_t			 freewait;	/* first free entry of the pool */
};

/* Returns whether node a comes out before node b: newer, then found first. */
static int
history_node_before(const struct history_graph *g, size_t a, size_t b)
{
	if (g->nodes[a].time != g->nodes[b].time)
		return g->nodes[a].time > g->nodes[b].time;
	return a < b;
}

/* Adds node v to the binary heap heap[0..*n). */
static void
history_heap_push(const struct history_graph *g, size_t *heap, size_t *n,
    size_t v)
{
	size_t	 i = (*n)++, up;

	while (i > 0) {
		up = (i - 1) / 2;
		if (!history_node_before(g, v, heap[up]))
			break;
		heap[i] = heap[up];
		i = up;
	}
	heap[i] = v;
}

/* Removes and returns the first node of the non-empty heap heap[0..*n). */
static size_t
history_heap_pop(const struct history_graph *g, size_t *heap, size_t *n)
{
	size_t	 top = heap[0], v, i = 0, k;

	v = heap[--(*n)];
	for (;;) {
		k = 2 * i + 1;
		if (k >= *n)
			break;
		if (k + 1 < *n && history_node_before(g, heap[k + 1], heap[k]))
			k++;
		if (!history_node_before(g, heap[k], v))
			break;
		heap[i] = heap[k];
		i = k;
	}
	if (*n > 0)
		heap[i] = v;
	return top;
}

/* Returns the index of the node for id, adding an empty node if it is new. */
static size_t
history_graph_node(struct history_graph *g, const git_oid *id)
{
	struct history_slot	*s;
	struct history_node	*nd;

	if ((s = history_map_find(&g->index, id)) != NULL)
		return s->idx;
	if (g->nnodes == g->capnodes) {
		g->capnodes = g->capnodes ? 2 * g->capnodes : 256;
		g->nodes = xreallocarray(g->nodes, g->capnodes,
		    sizeof(*g->nodes));
	}
	nd = &g->nodes[g->nnodes];
	memset(nd, 0, sizeof(*nd));
	git_oid_cpy(&nd->id, id);
	nd->kept = nd->waiting = HISTORY_NONE;
	s = history_map_insert(&g->index, id);
	s->idx = g->nnodes;
	return g->nnodes++;
}

/* Adds an edge to parent node p, growing the edge array as needed. */
static void
history_graph_edge(struct history_graph *g, size_t p)
{
	if (g->nedges == g->capedges) {
		g->capedges = g->capedges ? 2 * g->capedges : 256;
		g->edges = xreallocarray(g->edges, g->capedges,
		    sizeof(*g->edges));
	}
	g->edges[g->nedges++] = p;
	g->nodes[p].children++;
}

/* Makes commit c of node v wait for node p, taking c over. */
static void
history_graph_wait(struct history_graph *g, size_t p, size_t v, git_commit *c)
{
	size_t	 k;

	if ((k = g->freewait) != HISTORY_NONE)
		g->freewait = g->waits[k].next;
	else {
		if (g->nwaits == g->capwaits) {
			g->capwaits = g->capwaits ? 2 * g->capwaits : 16;
			g->waits = xreallocarray(g->waits, g->capwaits,
			    sizeof(*g->waits));
		}
		k = g->nwaits++;
	}
	g->waits[k].c = c;
	g->waits[k].node = v;
	g->waits[k].next = g->nodes[p].waiting;
	g->nodes[p].waiting = k;
}

/* Frees what the graph owns; the graph itself belongs to the caller. */
static void
history_graph_free(struct history_graph *g)
{
	size_t	 i, k;

	/* Commits still waiting after a failure. */
	for (i = 0; i < g->nnodes; i++)
		for (k = g->nodes[i].waiting; k != HISTORY_NONE;
		    k = g->waits[k].next)
			git_commit_free(g->waits[k].c);
	free(g->nodes);
	free(g->edges);
	free(g->waits);
	history_map_free(&g->index);
}

/*
 * Reads the ids listed in the repository's shallow file into set.  A
 * missing file gives an empty set.  Returns 0, or -1 with a fatal diagnostic.
 */
static int
history_read_shallow(struct history_walker *w, struct history_map *set)
{
	FILE	*f = NULL;
	char	*path = NULL;
	char	 line[128];
	git_oid	 id;
	int	 rc = -1;

	xasprintf(&path, "%sshallow", git_repository_commondir(w->repo));
	if ((f = fopen(path, "r")) == NULL) {
		rc = errno == ENOENT ? 0 : -1;
		if (rc < 0)
			diag_msg(w->d, NULL, MSG_IO_WHAT_WHY, path,
			    strerror(errno));
		goto out;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strlen(line) < HISTORY_HEXSZ ||
		    git_oid_fromstrn(&id, line, HISTORY_HEXSZ) < 0)
			continue;
		history_map_insert(set, &id);
	}
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	free(path);
	return rc;
}

/*
 * Notes in node nd what the walk needs of commit c: its time and the id of
 * its tree at the policy root, found name by name with borrowed entries (no
 * copy per commit, as git_tree_entry_bypath makes).  Returns 0, or -1 with a
 * fatal diagnostic emitted.
 */
static int
history_read_node(struct history_walker *w, struct history_node *nd,
    git_commit *c)
{
	git_tree		*tree = NULL, *sub;
	const git_tree_entry	*e = NULL;
	size_t			 i;
	int			 rc = -1, off;

	nd->time = (int64_t)git_commit_time(c);
	off = 0;
	jdate_clamp_time(&nd->time, &off);	/* the order only; history_add says */
	nd->read = 1;
	if (w->nparts == 0) {
		git_oid_cpy(&nd->sub, git_commit_tree_id(c));
		nd->present = 1;
		return 0;
	}
	if (git_commit_tree(&tree, c) < 0) {
		history_git_error(w->d, "tree");
		goto out;
	}
	for (i = 0; i < w->nparts; i++) {
		e = git_tree_entry_byname(tree, w->parts[i]);
		if (e == NULL || git_tree_entry_type(e) != GIT_OBJECT_TREE)
			break;
		if (i + 1 == w->nparts) {
			git_oid_cpy(&nd->sub, git_tree_entry_id(e));
			nd->present = 1;
			break;
		}
		if (git_tree_lookup(&sub, w->repo, git_tree_entry_id(e)) < 0) {
			history_git_error(w->d, "tree");
			goto out;
		}
		git_tree_free(tree);
		tree = sub;
	}
	rc = 0;
out:
	git_tree_free(tree);
	return rc;
}

/*
 * Appends commit c to the history with its files and trailers (both taken
 * over: *files and *tr are NULLed).
 */
static void
history_add(struct history_walker *w, git_commit *c,
    struct history_file **files, size_t nfiles,
    struct history_trailer **tr, size_t ntr, int approval)
{
	struct history_commit	*hc;
	const git_signature	*sig;
	const char		*msg, *summary;
	size_t			 i, np;
	int			 off, clamped;

	if (w->h->ncommits == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->h->commits = xreallocarray(w->h->commits, w->cap,
		    sizeof(*w->h->commits));
	}
	hc = &w->h->commits[w->h->ncommits++];
	memset(hc, 0, sizeof(*hc));
	git_oid_tostr(hc->id, sizeof(hc->id), git_commit_id(c));
	hc->time = (int64_t)git_commit_time(c);
	hc->offset = git_commit_time_offset(c);
	sig = git_commit_author(c);
	hc->author_time = (int64_t)sig->when.time;
	off = sig->when.offset;
	/* Dates past what four-digit years hold are clamped, and said. */
	clamped = jdate_clamp_time(&hc->time, &hc->offset) < 0;
	if (jdate_clamp_time(&hc->author_time, &off) < 0 || clamped) {
		char	*text;

		/* Once per commit: sources said it already of the revision. */
		xasprintf(&text, "commit %.12s: its date lies outside the years "
		    "%d to %d; it is taken as the nearest day inside", hc->id,
		    JDATE_YEAR_MIN, JDATE_YEAR_MAX);
		for (i = 0; i < diag_count(w->d); i++)
			if (!strcmp(diag_get(w->d, i)->text, text))
				break;
		if (i == diag_count(w->d))
			diag_msg(w->d, NULL, MSG_COMMIT_DATE_WHY, text);
		free(text);
	}
	hc->author_name = xstrdup(sig->name != NULL ? sig->name : "");
	hc->author_email = xstrdup(sig->email != NULL ? sig->email : "");
	summary = git_commit_summary(c);
	hc->subject = xstrdup(summary != NULL ? summary : "");
	msg = git_commit_message(c);
	hc->message = xstrdup(msg != NULL ? msg : "");
	hc->trailers = *tr;
	hc->ntrailers = ntr;
	*tr = NULL;
	hc->files = *files;
	hc->nfiles = nfiles;
	*files = NULL;
	hc->nparents = np = git_commit_parentcount(c);
	if (np > 0) {
		hc->parents = xcalloc(np, sizeof(*hc->parents));
		for (i = 0; i < np; i++)
			git_oid_tostr(hc->parents[i], sizeof(hc->parents[i]),
			    git_commit_parent_id(c, (unsigned int)i));
	}
	hc->is_approval = approval;
}

/*
 * Judges commit c of node v against its first parent's node pv (NULL for a
 * root commit or a shallow boundary): lists the files changed under the
 * policy root, reads the trailers, and appends the commit to the history
 * when it changed something or is an approval.  Returns 0, or -1 with a
 * fatal diagnostic emitted.
 */
static int
history_judge(struct history_walker *w, struct history_graph *g, size_t v,
    git_commit *c, const struct history_node *pv)
{
	struct history_node		*nd = &g->nodes[v];
	git_message_trailer_array	 ta;
	struct history_file		*files = NULL;
	struct history_trailer		*tr = NULL;
	const char			*msg;
	char				 id[GIT_OID_HEXSZ + 1];
	size_t				 nfiles = 0, ntr = 0, i;
	int				 have_ta = 0, approval = 0, changed;
	int				 rc = -1;

	memset(&ta, 0, sizeof(ta));
	if (pv != NULL && !pv->present)
		pv = NULL;
	/* The fast path: the root's tree is the same object, nothing changed. */
	if (nd->present && pv != NULL)
		changed = !git_oid_equal(&nd->sub, &pv->sub);
	else
		changed = nd->present || pv != NULL;
	if (changed && history_diff(w, pv != NULL ? &pv->sub : NULL,
	    nd->present ? &nd->sub : NULL, &files, &nfiles) < 0)
		goto out;
	msg = git_commit_message(c);
	if (msg == NULL)
		msg = "";
	if (nfiles == 0 && !history_mentions_approval(msg)) {
		rc = 0;
		goto out;
	}
	if (git_message_trailers(&ta, msg) < 0) {
		history_git_error(w->d, "trailers");
		goto out;
	}
	have_ta = 1;
	git_oid_tostr(id, sizeof(id), git_commit_id(c));
	approval = history_read_trailers(&tr, &ntr, &ta, msg, id, w->d);
	if (nfiles > 0 || approval) {
		nd->kept = w->h->ncommits;
		history_add(w, c, &files, nfiles, &tr, ntr, approval);
		nfiles = 0;
		ntr = 0;
	}
	rc = 0;
out:
	if (have_ta)
		git_message_trailer_array_free(&ta);
	for (i = 0; i < ntr; i++) {
		free(tr[i].key);
		free(tr[i].value);
	}
	free(tr);
	history_files_free(files, nfiles);
	return rc;
}

/*
 * Reads every commit reachable from start into g, depth first with first
 * parents first, stopping at the shallow boundary in cut, and judges each
 * commit once its first parent is read.  Returns 0, or -1 with a fatal
 * diagnostic emitted.
 */
static int
history_graph_read(struct history_walker *w, struct history_graph *g,
    const git_oid *start, const struct history_map *cut)
{
	git_commit	*c = NULL;
	size_t		*todo = NULL, ntodo = 0, captodo = 64, v, p, i, k, np;
	int		 r, rc = -1;

	todo = xreallocarray(NULL, captodo, sizeof(*todo));
	todo[ntodo++] = history_graph_node(g, start);
	g->nodes[0].queued = 1;
	while (ntodo > 0) {
		v = todo[--ntodo];
		if (git_commit_lookup(&c, w->repo, &g->nodes[v].id) < 0) {
			history_git_error(w->d, "commit");
			goto out;
		}
		if (history_read_node(w, &g->nodes[v], c) < 0)
			goto out;

		/* The children that waited for this commit can be judged. */
		while ((k = g->nodes[v].waiting) != HISTORY_NONE) {
			g->nodes[v].waiting = g->waits[k].next;
			g->waits[k].next = g->freewait;
			g->freewait = k;
			r = history_judge(w, g, g->waits[k].node,
			    g->waits[k].c, &g->nodes[v]);
			git_commit_free(g->waits[k].c);
			if (r < 0)
				goto out;
		}

		np = history_map_find(cut, &g->nodes[v].id) != NULL ? 0 :
		    git_commit_parentcount(c);
		g->nodes[v].edge = g->nedges;
		g->nodes[v].nedges = np;
		for (i = 0; i < np; i++)
			history_graph_edge(g, history_graph_node(g,
			    git_commit_parent_id(c, (unsigned int)i)));
		/* Pushed last parent first, so the first parent is read next. */
		for (i = np; i-- > 0; ) {
			p = g->edges[g->nodes[v].edge + i];
			if (g->nodes[p].queued)
				continue;
			g->nodes[p].queued = 1;
			if (ntodo == captodo) {
				captodo *= 2;
				todo = xreallocarray(todo, captodo,
				    sizeof(*todo));
			}
			todo[ntodo++] = p;
		}

		if (np == 0 || g->nodes[g->edges[g->nodes[v].edge]].read) {
			if (history_judge(w, g, v, c, np == 0 ? NULL :
			    &g->nodes[g->edges[g->nodes[v].edge]]) < 0)
				goto out;
			git_commit_free(c);
		} else
			history_graph_wait(g, g->edges[g->nodes[v].edge], v, c);
		c = NULL;
	}
	rc = 0;
out:
	git_commit_free(c);
	free(todo);
	return rc;
}

/*
 * Walks from start: reads and judges every commit, then puts the kept ones
 * in topological order, newest first.  Returns 0, or -1 with a fatal
 * diagnostic emitted.
 */
static int
history_walk_graph(struct history_walker *w, const git_oid *start)
{
	struct history_graph	 g;
	struct history_map	 cut;
	struct history_commit	*sorted = NULL;
	const struct history_node *nd;
	size_t			*heap = NULL, nheap = 0, n = 0, v, p, i;
	int			 rc = -1;

	memset(&g, 0, sizeof(g));
	g.freewait = HISTORY_NONE;
	memset(&cut, 0, sizeof(cut));
	if ((w->h->shallow && history_read_shallow(w, &cut) < 0) ||
	    history_graph_read(w, &g, start, &cut) < 0)
		goto out;
	if (w->h->ncommits > 0)
		sorted = xreallocarray(NULL, w->h->ncommits, sizeof(*sorted));
	heap = xreallocarray(NULL, g.nnodes, sizeof(*heap));
	history_heap_push(&g, heap, &nheap, 0);
	while (nheap > 0) {
		v = history_heap_pop(&g, heap, &nheap);
		nd = &g.nodes[v];
		if (nd->kept != HISTORY_NONE)
			sorted[n++] = w->h->commits[nd->kept];
		for (i = 0; i < nd->nedges; i++) {
			p = g.edges[nd->edge + i];
			if (--g.nodes[p].children == 0)
				history_heap_push(&g, heap, &nheap, p);
		}
	}
	assert(n == w->h->ncommits);
	free(w->h->commits);
	w->h->commits = sorted;
	w->cap = n;
	sorted = NULL;
	rc = 0;
out:
	free(sorted);
	free(heap);
	history_graph_free(&g);
	history_map_free(&cut);
	return rc;
}

/*
 * Splits the policy root into its names, skipping empty ones and "." ("a//b",
 * "./a/./b"), and sets w->root to them joined by slashes: "" or "a/b".
 */
static void
history_split_root(struct history_walker *w, const char *root)
{
	struct buf	 b;
	const char	*p = root != NULL ? root : "", *q;
	size_t		 i;

	memset(&b, 0, sizeof(b));
	w->parts = xcalloc(strlen(p) / 2 + 1, sizeof(*w->parts));
	while (*p != '\0') {
		if ((q = strchr(p, '/')) == NULL)
			q = p + strlen(p);
		if (q > p && !(q == p + 1 && *p == '.'))
			w->parts[w->nparts++] = xstrndup(p, (size_t)(q - p));
		p = *q == '/' ? q + 1 : q;
	}
	for (i = 0; i < w->nparts; i++) {
		if (i > 0)
			buf_putc(&b, '/');
		buf_puts(&b, w->parts[i]);
	}
	w->root = buf_steal(&b);
}

/* Walks the history; see history.h. */
int
history_walk(struct history **out, git_repository *repo,
    const git_oid *start, const char *root, struct diag *d)
{
	struct history_walker	 w;
	size_t			 i;
	int			 rc = -1, shallow;

	*out = NULL;
	memset(&w, 0, sizeof(w));
	w.repo = repo;
	w.d = d;
	history_split_root(&w, root);
	w.h = xcalloc(1, sizeof(*w.h));
	git_oid_tostr(w.h->revision, sizeof(w.h->revision), start);
	if ((shallow = git_repository_is_shallow(repo)) < 0) {
		history_git_error(d, "repository");
		goto out;
	}
	w.h->shallow = shallow;

	if (git_diff_options_init(&w.dopts, GIT_DIFF_OPTIONS_VERSION) < 0 ||
	    git_diff_find_options_init(&w.fopts,
	    GIT_DIFF_FIND_OPTIONS_VERSION) < 0) {
		history_git_error(d, "diff options");
		goto out;
	}
	/* Names and ids are all we read: no blob is opened for binary tests. */
	w.dopts.flags = GIT_DIFF_SKIP_BINARY_CHECK;
	w.fopts.flags = GIT_DIFF_FIND_RENAMES;
	w.fopts.rename_limit = HISTORY_RENAME_LIMIT;

	if (history_walk_graph(&w, start) < 0)
		goto out;
	*out = w.h;
	w.h = NULL;
	rc = 0;
out:
	history_free(w.h);
	history_trees_clear(&w.keep);
	history_trees_clear(&w.next);
	free(w.keep.v);
	free(w.next.v);
	for (i = 0; i < w.nparts; i++)
		free(w.parts[i]);
	free(w.parts);
	free(w.root);
	return rc;
}

/* Frees the history; see history.h. */
void
history_free(struct history *h)
{
	size_t	 i;

	if (h == NULL)
		return;
	for (i = 0; i < h->ncommits; i++)
		history_commit_clear(&h->commits[i]);
	free(h->commits);
	free(h);
}

/* ------------------------------------------------------------------------
 * Questions about the result.
 */

/* The names a document has had, newest first, while walking back. */
struct history_names {
	char	**v;		/* owned strings, no trailing slash */
	size_t	  n, cap;
};

/* Returns whether file path is one of the names, or lies under one. */
static int
history_names_match(const struct history_names *nm, const char *path)
{
	size_t	 i, len;

	for (i = 0; i < nm->n; i++) {
		len = strlen(nm->v[i]);
		if (strncmp(path, nm->v[i], len) == 0 &&
		    (path[len] == '\0' || path[len] == '/'))
			return 1;
	}
	return 0;
}

/* Adds name (len bytes of it) to the names unless it is there already. */
static void
history_names_add(struct history_names *nm, const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < nm->n; i++)
		if (strlen(nm->v[i]) == len && strncmp(nm->v[i], name, len) == 0)
			return;
	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? 2 * nm->cap : 4;
		nm->v = xreallocarray(nm->v, nm->cap, sizeof(*nm->v));
	}
	nm->v[nm->n++] = xstrndup(name, len);
}

/* Starts the names with path, trailing slashes dropped. */
static void
history_names_init(struct history_names *nm, const char *path)
{
	size_t	 len = strlen(path);

	memset(nm, 0, sizeof(*nm));
	while (len > 0 && path[len - 1] == '/')
		len--;
	history_names_add(nm, path, len);
}

/*
 * Learns from commit c, once its files were matched: every matching rename
 * adds its old name, so older commits are matched against it too.  Names
 * are only added, never dropped, so a rename made on a side branch is still
 * followed when the merge that brought it in was seen first.
 */
static void
history_names_learn(struct history_names *nm, const struct history_commit *c)
{
	size_t	 i;

	for (i = 0; i < c->nfiles; i++)
		if (c->files[i].status == 'R' &&
		    history_names_match(nm, c->files[i].path))
			history_names_add(nm, c->files[i].old_path,
			    strlen(c->files[i].old_path));
}

/* Frees the names' strings. */
static void
history_names_free(struct history_names *nm)
{
	size_t	 i;

	for (i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
}

/* Returns whether commit c changed a file that matches the names. */
static int
history_names_hit(const struct history_names *nm,
    const struct history_commit *c)
{
	size_t	 i;

	for (i = 0; i < c->nfiles; i++)
		if (history_names_match(nm, c->files[i].path))
			return 1;
	return 0;
}

/* Lists the commits of one document; see history.h. */
size_t
history_for_path(size_t **out, const struct history *h, const char *path)
{
	struct history_names	 nm;
	size_t			*v = NULL, n = 0, i;

	history_names_init(&nm, path);
	for (i = 0; i < h->ncommits; i++) {
		if (history_names_hit(&nm, &h->commits[i])) {
			if (v == NULL)
				v = xcalloc(h->ncommits, sizeof(*v));
			v[n++] = i;
		}
		history_names_learn(&nm, &h->commits[i]);
	}
	history_names_free(&nm);
	*out = v;
	return n;
}

/* Lists a commit's trailer values for key; see history.h. */
size_t
history_trailer_values(const char ***out, const struct history_commit *c,
    const char *key)
{
	const char	**v = NULL;
	size_t		  n = 0, i;

	for (i = 0; i < c->ntrailers; i++) {
		if (ascii_strcasecmp(c->trailers[i].key, key) != 0)
			continue;
		if (v == NULL)
			v = xcalloc(c->ntrailers, sizeof(*v));
		v[n++] = c->trailers[i].value;
	}
	*out = v;
	return n;
}

/* ------------------------------------------------------------------------
 * Output.
 */

/*
 * Bytes for "2026-04-01T10:00:00+09:00": 26 with the NUL, but room for any
 * value the fields of a struct tm can hold, so nothing is ever truncated.
 */
#define HISTORY_DATESZ	96

/*
 * Writes time (seconds since the epoch) as ISO 8601 in the given UTC offset
 * (minutes) into buf, as git's --date=iso-strict does.
 */
static void
history_format_date(char *buf, size_t sz, int64_t t, int offset)
{
	struct tm	 tm;
	time_t		 local = (time_t)(t + (int64_t)offset * 60);
	int		 off = offset < 0 ? -offset : offset;

	memset(&tm, 0, sizeof(tm));
	gmtime_r(&local, &tm);
	snprintf(buf, sz, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', off / 60, off % 60);
}

/*
 * Returns the spelling a trailer key is printed with: the design's own for
 * the keys kitei reads (so "approved-by" still lands under "Approved-by"),
 * else as first written.  Borrowed.
 */
static const char *
history_key_name(const char *key)
{
	if (ascii_strcasecmp(key, HISTORY_APPROVED_BY) == 0)
		return HISTORY_APPROVED_BY;
	if (ascii_strcasecmp(key, HISTORY_EFFECTIVE) == 0)
		return HISTORY_EFFECTIVE;
	return key;
}

/* Writes commit c as text; with nm, only the files matching it. */
static void
history_text_commit(FILE *f, const struct history_commit *c,
    const struct history_names *nm)
{
	const struct history_file	*hf;
	char				 date[HISTORY_DATESZ];
	size_t				 i;
	int				 any = 0;

	/* Names, subjects, trailers and paths are the committers': escaped. */
	history_format_date(date, sizeof(date), c->time, c->offset);
	fprintf(f, "commit %s\nDate: %s\nAuthor: ", c->id, date);
	diag_fputs(c->author_name, f);
	fputs(" <", f);
	diag_fputs(c->author_email, f);
	fputs(">\n\n    ", f);
	diag_fputs(c->subject, f);
	putc('\n', f);
	for (i = 0; i < c->ntrailers; i++) {
		fputs("    ", f);
		diag_fputs(history_key_name(c->trailers[i].key), f);
		fputs(": ", f);
		diag_fputs(c->trailers[i].value, f);
		putc('\n', f);
	}
	for (i = 0; i < c->nfiles; i++) {
		hf = &c->files[i];
		if (nm != NULL && !history_names_match(nm, hf->path))
			continue;
		if (!any++)
			putc('\n', f);
		if (hf->status == 'R') {
			fputs("R\t", f);
			diag_fputs(hf->old_path, f);
		} else
			putc(hf->status, f);
		putc('\t', f);
		diag_fputs(hf->path, f);
		putc('\n', f);
	}
}

/* Prints the history as text; see history.h. */
int
history_print_text(FILE *f, const struct history *h, const char *path)
{
	struct history_names	 nm;
	size_t			 i;
	int			 first = 1;

	if (path != NULL)
		history_names_init(&nm, path);
	if (h->shallow) {
		fputs("warning: shallow clone: older commits are missing "
		    "from this history\n", f);
		first = 0;
	}
	for (i = 0; i < h->ncommits; i++) {
		if (path != NULL && !history_names_hit(&nm, &h->commits[i])) {
			history_names_learn(&nm, &h->commits[i]);
			continue;
		}
		if (!first)
			putc('\n', f);
		first = 0;
		history_text_commit(f, &h->commits[i], path ? &nm : NULL);
		if (path != NULL)
			history_names_learn(&nm, &h->commits[i]);
	}
	if (path != NULL)
		history_names_free(&nm);
	return ferror(f) ? -1 : 0;
}

/*
 * Writes the trailers of c as an object of arrays, one member per key in
 * the order keys first appear, keys compared ignoring case.
 */
static void
history_json_trailers(struct json *j, const struct history_commit *c)
{
	size_t	 i, k;
	int	 seen;

	json_object_begin(j);
	for (i = 0; i < c->ntrailers; i++) {
		seen = 0;
		for (k = 0; k < i && !seen; k++)
			seen = ascii_strcasecmp(c->trailers[k].key,
			    c->trailers[i].key) == 0;
		if (seen)
			continue;
		json_key(j, history_key_name(c->trailers[i].key));
		json_array_begin(j);
		for (k = i; k < c->ntrailers; k++)
			if (ascii_strcasecmp(c->trailers[k].key,
			    c->trailers[i].key) == 0)
				json_string(j, c->trailers[k].value);
		json_array_end(j);
	}
	json_object_end(j);
}

/* Writes commit c as a JSON object; with nm, only the files matching it. */
static void
history_json_commit(struct json *j, const struct history_commit *c,
    const struct history_names *nm)
{
	const struct history_file	*hf;
	char				 date[HISTORY_DATESZ], *author;
	char				 status[2];
	size_t				 i;

	history_format_date(date, sizeof(date), c->time, c->offset);
	xasprintf(&author, "%s <%s>", c->author_name, c->author_email);
	json_object_begin(j);
	json_key(j, "id");
	json_string(j, c->id);
	json_key(j, "date");
	json_string(j, date);
	json_key(j, "author");
	json_string(j, author);
	json_key(j, "subject");
	json_string(j, c->subject);
	json_key(j, "trailers");
	history_json_trailers(j, c);
	json_key(j, "files");
	json_array_begin(j);
	for (i = 0; i < c->nfiles; i++) {
		hf = &c->files[i];
		if (nm != NULL && !history_names_match(nm, hf->path))
			continue;
		status[0] = hf->status;
		status[1] = '\0';
		json_object_begin(j);
		json_key(j, "path");
		json_string(j, hf->path);
		json_key(j, "status");
		json_string(j, status);
		json_key(j, "old_path");
		json_string(j, hf->old_path);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
	free(author);
}

/* Prints the history as JSON; see history.h. */
int
history_print_json(FILE *f, const struct history *h, const char *path)
{
	struct history_names	 nm;
	struct json		 j;
	size_t			 i;

	if (path != NULL)
		history_names_init(&nm, path);
	json_init(&j, f, 1);
	json_object_begin(&j);
	json_key(&j, "revision");
	json_string(&j, h->revision);
	json_key(&j, "shallow");
	json_bool(&j, h->shallow);
	json_key(&j, "commits");
	json_array_begin(&j);
	for (i = 0; i < h->ncommits; i++) {
		if (path != NULL && !history_names_hit(&nm, &h->commits[i])) {
			history_names_learn(&nm, &h->commits[i]);
			continue;
		}
		history_json_commit(&j, &h->commits[i], path ? &nm : NULL);
		if (path != NULL)
			history_names_learn(&nm, &h->commits[i]);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
	if (path != NULL)
		history_names_free(&nm);
	return ferror(f) ? -1 : 0;
}
