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
#include <strings.h>
#include <time.h>

#include <git2.h>

#include "diag.h"
#include "history.h"
#include "json.h"
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
 * A map from commit id to what the walk learnt about that commit.
 */

/* One slot of the map. */
struct history_slot {
	git_oid		 key;		/* commit id */
	git_oid		 sub;		/* its tree at the policy root */
	size_t		 idx;		/* node index (shallow walk only) */
	unsigned char	 used;		/* the slot holds a key */
	unsigned char	 has_sub;	/* sub is known */
	unsigned char	 present;	/* the policy root exists in it */
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

/* What one walk carries from commit to commit. */
struct history_walker {
	git_repository		*repo;		/* borrowed */
	struct diag		*d;		/* borrowed */
	char			*root;		/* "" or "a/b", no trailing slash */
	struct history		*h;		/* the result being built */
	size_t			 cap;		/* allocated h->commits */
	struct history_map	 subs;		/* commit → tree at root */
	git_diff_options	 dopts;		/* tree-to-tree diff */
	git_diff_find_options	 fopts;		/* rename detection */
};

/* Reports libgit2's last error as a fatal message about what. */
static void
history_git_error(struct diag *d, const char *what)
{
	const git_error	*e = git_error_last();

	diag_emit(d, DIAG_FATAL, NULL, "git", "%s: %s", what,
	    e != NULL && e->message != NULL ? e->message : "unknown error");
}

/*
 * Finds the tree at the policy root in commit id (whose object is c when the
 * caller has it, else NULL) and remembers it, so that each commit's root
 * tree is read once although it is looked at as a commit and as a parent.
 * Returns the map slot (borrowed, valid until the next insertion) with
 * has_sub set, or NULL with a fatal diagnostic emitted.
 */
static struct history_slot *
history_subtree(struct history_walker *w, const git_oid *id, git_commit *c)
{
	struct history_slot	*s;
	git_commit		*own = NULL;
	git_tree		*tree = NULL;
	git_tree_entry		*e = NULL;
	git_oid			 sub;
	int			 present = 0, rc;

	if ((s = history_map_find(&w->subs, id)) != NULL && s->has_sub)
		return s;
	s = NULL;
	if (c == NULL) {
		if (git_commit_lookup(&own, w->repo, id) < 0) {
			history_git_error(w->d, "commit");
			goto out;
		}
		c = own;
	}
	if (w->root[0] == '\0') {
		git_oid_cpy(&sub, git_commit_tree_id(c));
		present = 1;
	} else {
		if (git_commit_tree(&tree, c) < 0) {
			history_git_error(w->d, "tree");
			goto out;
		}
		rc = git_tree_entry_bypath(&e, tree, w->root);
		if (rc < 0 && rc != GIT_ENOTFOUND) {
			history_git_error(w->d, w->root);
			goto out;
		}
		if (rc == 0 && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
			git_oid_cpy(&sub, git_tree_entry_id(e));
			present = 1;
		}
	}
	s = history_map_insert(&w->subs, id);
	s->has_sub = 1;
	s->present = (unsigned char)present;
	if (present)
		git_oid_cpy(&s->sub, &sub);
out:
	git_tree_entry_free(e);
	git_tree_free(tree);
	git_commit_free(own);
	return s;
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
 * Lists with libgit2's diff the files that differ between the policy root
 * trees old and new (either NULL for "absent"), then pairs deletions with
 * additions into renames (git_diff_find_similar, as `git log -M` does).
 * Stores a new array in *out and its length in *nout.  Returns 0, or -1 with
 * a fatal diagnostic emitted.
 */
static int
history_diff_renames(struct history_walker *w, git_tree *old, git_tree *new,
    struct history_file **out, size_t *nout)
{
	git_diff		*diff = NULL;
	const git_diff_delta	*dd;
	struct history_file	*files = NULL, *f;
	size_t			 i, n, nfiles = 0, cap = 0;
	int			 rc = -1;
	char			 status;

	if (git_diff_tree_to_tree(&diff, w->repo, old, new, &w->dopts) < 0) {
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
		case GIT_DELTA_MODIFIED:
		case GIT_DELTA_TYPECHANGE:
			status = 'M';
			break;
		case GIT_DELTA_RENAMED:
			status = 'R';
			break;
		default:
			continue;
		}
		f = history_file_add(&files, &nfiles, &cap);
		f->status = status;
		f->path = history_full_path(w, "", status == 'D' ?
		    dd->old_file.path : dd->new_file.path);
		if (status == 'R')
			f->old_path = history_full_path(w, "", dd->old_file.path);
	}
	*out = files;
	*nout = nfiles;
	files = NULL;
	nfiles = 0;
	rc = 0;
out:
	history_files_free(files, nfiles);
	git_diff_free(diff);
	return rc;
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
 * deleted files, to pair them into renames.  Stores a new array in *out
 * (NULL if none) and its length in *nout.  Returns 0, or -1 with a fatal
 * diagnostic emitted.
 */
static int
history_diff(struct history_walker *w, const git_oid *old_id,
    const git_oid *new_id, struct history_file **out, size_t *nout)
{
	struct history_pair	*stack = NULL, pr, *np;
	struct history_file	*files = NULL, *f;
	git_tree		*old = NULL, *new = NULL, *ot, *nt;
	const git_tree_entry	*eo, *en;
	size_t			 nstack = 0, capstack = 0, nfiles = 0, cap = 0;
	size_t			 io, in, no, nn, i;
	int			 cmp, rc = -1, added = 0, deleted = 0;

	memset(&pr, 0, sizeof(pr));
	*out = NULL;
	*nout = 0;
	if ((old_id != NULL && git_tree_lookup(&old, w->repo, old_id) < 0) ||
	    (new_id != NULL && git_tree_lookup(&new, w->repo, new_id) < 0)) {
		history_git_error(w->d, "tree");
		goto out;
	}
	capstack = 8;
	stack = xreallocarray(NULL, capstack, sizeof(*stack));
	stack[nstack].old = old;
	stack[nstack].new = new;
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
			    git_tree_lookup(&ot, w->repo,
			    git_tree_entry_id(eo)) < 0)
				goto fail;
			if (cmp >= 0 && git_tree_entry_type(en) == GIT_OBJECT_TREE &&
			    git_tree_lookup(&nt, w->repo,
			    git_tree_entry_id(en)) < 0) {
				git_tree_free(ot);
				goto fail;
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
		if (pr.old != old)
			git_tree_free(pr.old);
		if (pr.new != new)
			git_tree_free(pr.new);
		free(pr.dir);
		memset(&pr, 0, sizeof(pr));
	}

	if (added && deleted) {
		history_files_free(files, nfiles);
		files = NULL;
		nfiles = 0;
		if (history_diff_renames(w, old, new, &files, &nfiles) < 0)
			goto out;
	}
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
	goto out;
fail:
	history_git_error(w->d, "tree");
out:
	if (pr.old != old)
		git_tree_free(pr.old);
	if (pr.new != new)
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

/*
 * Returns whether msg mentions "approved-by" anywhere, ignoring case: a
 * cheap test that spares parsing trailers of the commits that cannot be
 * approvals and change nothing under the root.
 */
static int
history_mentions_approval(const char *msg)
{
	size_t	 len = strlen(HISTORY_APPROVED_BY);

	for (; *msg != '\0'; msg++)
		if ((*msg == 'a' || *msg == 'A') &&
		    strncasecmp(msg, HISTORY_APPROVED_BY, len) == 0)
			return 1;
	return 0;
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

/*
 * Looks at commit id: compares its policy root with its first parent's (or
 * with nothing when it is a root commit, or cut short by a shallow clone),
 * lists the changed files, reads its trailers, and appends it to the history
 * when it changed something or is an approval.  Returns 0, or -1 with a fatal
 * diagnostic emitted.
 */
static int
history_visit(struct history_walker *w, const git_oid *id, int cut)
{
	git_commit			*c = NULL;
	git_message_trailer_array	 ta;
	struct history_slot		*s;
	struct history_commit		*hc;
	struct history_file		*files = NULL;
	const git_signature		*sig;
	const char			*msg, *summary;
	git_oid				 new_sub, old_sub;
	size_t				 nfiles = 0, i, np;
	int				 new_present, old_present = 0;
	int				 have_ta = 0, approval = 0, rc = -1;

	memset(&ta, 0, sizeof(ta));
	if (git_commit_lookup(&c, w->repo, id) < 0) {
		history_git_error(w->d, "commit");
		goto out;
	}
	if ((s = history_subtree(w, id, c)) == NULL)
		goto out;
	new_present = s->present;
	git_oid_cpy(&new_sub, &s->sub);
	np = git_commit_parentcount(c);
	if (np > 0 && !cut) {
		s = history_subtree(w, git_commit_parent_id(c, 0), NULL);
		if (s == NULL)
			goto out;
		old_present = s->present;
		git_oid_cpy(&old_sub, &s->sub);
	}

	/* The fast path: the root's tree is the same object, nothing changed. */
	if (new_present != old_present ||
	    (new_present && !git_oid_equal(&new_sub, &old_sub))) {
		if (history_diff(w, old_present ? &old_sub : NULL,
		    new_present ? &new_sub : NULL, &files, &nfiles) < 0)
			goto out;
	}

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
	for (i = 0; i < ta.count; i++)
		if (strcasecmp(ta.trailers[i].key, HISTORY_APPROVED_BY) == 0)
			approval = 1;
	if (nfiles == 0 && !approval) {
		rc = 0;
		goto out;
	}

	if (w->h->ncommits == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->h->commits = xreallocarray(w->h->commits, w->cap,
		    sizeof(*w->h->commits));
	}
	hc = &w->h->commits[w->h->ncommits++];
	memset(hc, 0, sizeof(*hc));
	git_oid_tostr(hc->id, sizeof(hc->id), id);
	hc->time = (int64_t)git_commit_time(c);
	hc->offset = git_commit_time_offset(c);
	sig = git_commit_author(c);
	hc->author_time = (int64_t)sig->when.time;
	hc->author_name = xstrdup(sig->name != NULL ? sig->name : "");
	hc->author_email = xstrdup(sig->email != NULL ? sig->email : "");
	summary = git_commit_summary(c);
	hc->subject = xstrdup(summary != NULL ? summary : "");
	hc->message = xstrdup(msg);
	if (ta.count > 0) {
		hc->trailers = xcalloc(ta.count, sizeof(*hc->trailers));
		for (i = 0; i < ta.count; i++) {
			hc->trailers[i].key = xstrdup(ta.trailers[i].key);
			hc->trailers[i].value = xstrdup(ta.trailers[i].value);
		}
		hc->ntrailers = ta.count;
	}
	hc->files = files;
	hc->nfiles = nfiles;
	files = NULL;
	nfiles = 0;
	hc->nparents = np;
	if (np > 0) {
		hc->parents = xcalloc(np, sizeof(*hc->parents));
		for (i = 0; i < np; i++)
			git_oid_tostr(hc->parents[i], sizeof(hc->parents[i]),
			    git_commit_parent_id(c, (unsigned int)i));
	}
	hc->is_approval = approval;
	rc = 0;
out:
	if (have_ta)
		git_message_trailer_array_free(&ta);
	history_files_free(files, nfiles);
	git_commit_free(c);
	return rc;
}

/*
 * Walks from start with libgit2's revision walker, topological and by time,
 * visiting each commit once.  Returns 0, or -1 with a fatal diagnostic.
 */
static int
history_walk_revwalk(struct history_walker *w, const git_oid *start)
{
	git_revwalk	*walk = NULL;
	git_oid		 id;
	int		 rc = -1, e;

	if (git_revwalk_new(&walk, w->repo) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0 ||
	    git_revwalk_push(walk, start) < 0) {
		history_git_error(w->d, "revision walk");
		goto out;
	}
	while ((e = git_revwalk_next(&id, walk)) == 0)
		if (history_visit(w, &id, 0) < 0)
			goto out;
	if (e != GIT_ITEROVER) {
		history_git_error(w->d, "revision walk");
		goto out;
	}
	rc = 0;
out:
	git_revwalk_free(walk);
	return rc;
}

/* ------------------------------------------------------------------------
 * The walk of a shallow clone.  libgit2 1.5's revision walker fails on the
 * first parent missing from a shallow clone (it reads no .git/shallow), so
 * here the same order (topological, newest committer time first among the
 * commits whose children are all out) is computed by hand, with the commits
 * listed in .git/shallow treated as root commits, as git itself does.
 */

/* One commit of the shallow walk. */
struct history_node {
	git_oid		 id;		/* commit id */
	int64_t		 time;		/* committer time */
	size_t		 edge;		/* its parents: edges[edge .. edge+nedges) */
	size_t		 nedges;
	size_t		 children;	/* children not yet emitted */
	int		 cut;		/* listed in .git/shallow */
};

/* The graph of the shallow walk. */
struct history_graph {
	struct history_node	*nodes;
	size_t			 nnodes, capnodes;
	size_t			*edges;		/* parent node indexes */
	size_t			 nedges, capedges;
	struct history_map	 index;		/* commit id → node index */
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

/* Returns the node for id, adding it if new; its index is the return. */
static size_t
history_graph_node(struct history_graph *g, const git_oid *id, int *added)
{
	struct history_slot	*s;

	*added = 0;
	if ((s = history_map_find(&g->index, id)) != NULL)
		return s->idx;
	if (g->nnodes == g->capnodes) {
		g->capnodes = g->capnodes ? 2 * g->capnodes : 256;
		g->nodes = xreallocarray(g->nodes, g->capnodes,
		    sizeof(*g->nodes));
	}
	memset(&g->nodes[g->nnodes], 0, sizeof(g->nodes[0]));
	git_oid_cpy(&g->nodes[g->nnodes].id, id);
	s = history_map_insert(&g->index, id);
	s->idx = g->nnodes;
	*added = 1;
	return g->nnodes++;
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
			diag_emit(w->d, DIAG_FATAL, NULL, "io", "%s: %s", path,
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
 * Walks a shallow clone from start: reads every reachable commit (stopping
 * at the shallow boundary), then emits them children first, newest first,
 * visiting each.  Returns 0, or -1 with a fatal diagnostic emitted.
 */
static int
history_walk_shallow(struct history_walker *w, const git_oid *start)
{
	struct history_graph	 g;
	struct history_map	 cut;
	struct history_node	*nd;
	git_commit		*c = NULL;
	size_t			*todo = NULL, *heap = NULL;
	size_t			 ntodo = 0, captodo = 0, nheap = 0, v, p, i, np;
	int			 added, rc = -1;

	memset(&g, 0, sizeof(g));
	memset(&cut, 0, sizeof(cut));
	if (history_read_shallow(w, &cut) < 0)
		goto out;

	/* Find every commit, depth first with a stack of nodes to read. */
	history_graph_node(&g, start, &added);
	captodo = 64;
	todo = xreallocarray(NULL, captodo, sizeof(*todo));
	todo[ntodo++] = 0;
	while (ntodo > 0) {
		v = todo[--ntodo];
		if (git_commit_lookup(&c, w->repo, &g.nodes[v].id) < 0) {
			history_git_error(w->d, "commit");
			goto out;
		}
		g.nodes[v].time = (int64_t)git_commit_time(c);
		g.nodes[v].cut = history_map_find(&cut, &g.nodes[v].id) != NULL;
		np = g.nodes[v].cut ? 0 : git_commit_parentcount(c);
		g.nodes[v].edge = g.nedges;
		g.nodes[v].nedges = np;
		for (i = 0; i < np; i++) {
			p = history_graph_node(&g, git_commit_parent_id(c,
			    (unsigned int)i), &added);
			if (g.nedges == g.capedges) {
				g.capedges = g.capedges ? 2 * g.capedges : 256;
				g.edges = xreallocarray(g.edges, g.capedges,
				    sizeof(*g.edges));
			}
			g.edges[g.nedges++] = p;
			g.nodes[p].children++;
			if (!added)
				continue;
			if (ntodo == captodo) {
				captodo *= 2;
				todo = xreallocarray(todo, captodo,
				    sizeof(*todo));
			}
			todo[ntodo++] = p;
		}
		git_commit_free(c);
		c = NULL;
	}

	/* Emit in topological order, newest first among the ready ones. */
	heap = xreallocarray(NULL, g.nnodes, sizeof(*heap));
	history_heap_push(&g, heap, &nheap, 0);
	while (nheap > 0) {
		v = history_heap_pop(&g, heap, &nheap);
		nd = &g.nodes[v];
		if (history_visit(w, &nd->id, nd->cut) < 0)
			goto out;
		for (i = 0; i < nd->nedges; i++) {
			p = g.edges[nd->edge + i];
			if (--g.nodes[p].children == 0)
				history_heap_push(&g, heap, &nheap, p);
		}
	}
	rc = 0;
out:
	git_commit_free(c);
	free(todo);
	free(heap);
	free(g.nodes);
	free(g.edges);
	history_map_free(&g.index);
	history_map_free(&cut);
	return rc;
}

/* Returns root without leading "./", trailing slashes, or "." itself. */
static char *
history_clean_root(const char *root)
{
	size_t	 len;

	if (root == NULL)
		root = "";
	while (root[0] == '.' && root[1] == '/')
		root += 2;
	len = strlen(root);
	while (len > 0 && root[len - 1] == '/')
		len--;
	if (len == 1 && root[0] == '.')
		len = 0;
	return xstrndup(root, len);
}

/* Walks the history; see history.h. */
int
history_walk(struct history **out, git_repository *repo,
    const git_oid *start, const char *root, struct diag *d)
{
	struct history_walker	 w;
	int			 rc = -1, shallow;

	*out = NULL;
	memset(&w, 0, sizeof(w));
	w.repo = repo;
	w.d = d;
	w.root = history_clean_root(root);
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

	if ((shallow ? history_walk_shallow(&w, start) :
	    history_walk_revwalk(&w, start)) < 0)
		goto out;
	*out = w.h;
	w.h = NULL;
	rc = 0;
out:
	history_free(w.h);
	history_map_free(&w.subs);
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
		if (strcasecmp(c->trailers[i].key, key) != 0)
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
	if (strcasecmp(key, HISTORY_APPROVED_BY) == 0)
		return HISTORY_APPROVED_BY;
	if (strcasecmp(key, HISTORY_EFFECTIVE) == 0)
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

	history_format_date(date, sizeof(date), c->time, c->offset);
	fprintf(f, "commit %s\nDate: %s\nAuthor: %s <%s>\n\n    %s\n",
	    c->id, date, c->author_name, c->author_email, c->subject);
	for (i = 0; i < c->ntrailers; i++)
		fprintf(f, "    %s: %s\n", history_key_name(c->trailers[i].key),
		    c->trailers[i].value);
	for (i = 0; i < c->nfiles; i++) {
		hf = &c->files[i];
		if (nm != NULL && !history_names_match(nm, hf->path))
			continue;
		if (!any++)
			putc('\n', f);
		if (hf->status == 'R')
			fprintf(f, "R\t%s\t%s\n", hf->old_path, hf->path);
		else
			fprintf(f, "%c\t%s\n", hf->status, hf->path);
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
			seen = strcasecmp(c->trailers[k].key,
			    c->trailers[i].key) == 0;
		if (seen)
			continue;
		json_key(j, history_key_name(c->trailers[i].key));
		json_array_begin(j);
		for (k = i; k < c->ntrailers; k++)
			if (strcasecmp(c->trailers[k].key,
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
