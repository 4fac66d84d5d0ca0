/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Decides what output/public/ holds: approved text, a marked draft, or the
 * previous page unchanged.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "assemble.h"
#include "config.h"
#include "diag.h"
#include "history.h"
#include "model.h"
#include "parse.h"
#include "publish.h"
#include "pubpage.h"
#include "render.h"
#include "signoff.h"
#include "sources.h"
#include "xalloc.h"

/* The public page holds two files; a carried-over folder deeper than this is not kitei's. */
#define PUBPAGE_MAX_DEPTH	8

/*
 * Findings (at error level) that make kitei unsure which text is public: a
 * directive, directive key or front matter it could not read.  The section
 * then counts as confidential, but kitei cannot tell what the author meant.
 * A refused widening (visibility-widened) is not here: kitei knows which
 * class applies, the narrower one, and the page holds nothing it should not.
 */
static const char *const pubpage_rules[] = {
	"bad-directive", "bad-front-matter", "unknown-directive",
	"bad-visibility"
};

int
pubpage_touches_visibility(const char *rule, enum diag_level level)
{
	size_t	 i;

	if (rule == NULL || level < DIAG_ERROR)
		return 0;
	for (i = 0; i < sizeof(pubpage_rules) / sizeof(pubpage_rules[0]); i++)
		if (!strcmp(rule, pubpage_rules[i]))
			return 1;
	return 0;
}

/* The first finding of d that touches visibility, or NULL; *n counts them. */
static const struct diag_msg *
pubpage_first_finding(const struct diag *d, size_t *n)
{
	const struct diag_msg	*m, *first = NULL;
	size_t			 i;

	*n = 0;
	for (i = 0; i < diag_count(d); i++) {
		m = diag_get(d, i);
		if (!pubpage_touches_visibility(m->rule, m->level))
			continue;
		if (first == NULL)
			first = m;
		(*n)++;
	}
	return first;
}

/* Copies the regular file from to to; returns 0 or -1 (errno set). */
static int
pubpage_copy_file(const char *from, const char *to)
{
	char	 b[65536];
	ssize_t	 n;
	int	 in, out, rc = 0;

	if ((in = open(from, O_RDONLY)) < 0)
		return -1;
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, b, sizeof(b))) > 0)
		if (write(out, b, (size_t)n) != n) {
			rc = -1;
			break;
		}
	if (n < 0)
		rc = -1;
	close(in);
	if (close(out) < 0)
		rc = -1;
	return rc;
}

/*
 * Copies the folder from into to (created): folders, regular files and
 * symbolic links as links; recursion bounded by PUBPAGE_MAX_DEPTH.
 * Returns 0, or -1 with a fatal diagnostic naming the path.
 */
static int
pubpage_copy_tree(const char *from, const char *to, int depth, struct diag *d)
{
	DIR		*dh;
	struct dirent	*de;
	struct stat	 st;
	struct pos	 pos = { from, 0, 0 };
	char		*f = NULL, *t = NULL, link[4096];
	ssize_t		 n;
	int		 rc = -1;

	if (depth > PUBPAGE_MAX_DEPTH) {
		diag_msg(d, &pos, MSG_IO_PREVIOUS);
		return -1;
	}
	if (mkdir(to, 0755) < 0 && errno != EEXIST) {
		pos.path = to;
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		return -1;
	}
	if ((dh = opendir(from)) == NULL) {
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		return -1;
	}
	while ((de = readdir(dh)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		free(f);
		free(t);
		xasprintf(&f, "%s/%s", from, de->d_name);
		xasprintf(&t, "%s/%s", to, de->d_name);
		pos.path = f;
		if (lstat(f, &st) < 0)
			goto syserr;
		if (S_ISDIR(st.st_mode)) {
			if (pubpage_copy_tree(f, t, depth + 1, d) < 0)
				goto out;
		} else if (S_ISREG(st.st_mode)) {
			if (pubpage_copy_file(f, t) < 0)
				goto syserr;
		} else if (S_ISLNK(st.st_mode)) {
			if ((n = readlink(f, link, sizeof(link) - 1)) < 0)
				goto syserr;
			link[n] = '\0';
			if (symlink(link, t) < 0)
				goto syserr;
		}
	}
	rc = 0;
	goto out;
syserr:
	diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
out:
	closedir(dh);
	free(f);
	free(t);
	return rc;
}

/*
 * Leaves output/public/ as it was: copies dest's public/ into pub's folder.
 * Sets *kept to whether there was one.  Returns 0 or -1.
 */
static int
pubpage_keep(const struct pubpage_opts *o, struct publish *pub, int *kept,
    struct diag *d)
{
	struct stat	 st;
	char		*from, *to;
	int		 rc = 0;

	*kept = 0;
	if (o->dest == NULL)
		return 0;
	xasprintf(&from, "%s/public", o->dest);
	xasprintf(&to, "%s/public", publish_dir(pub));
	if (lstat(from, &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = pubpage_copy_tree(from, to, 0, d);
		*kept = rc == 0;
	}
	free(from);
	free(to);
	return rc;
}

/* Writes public/index.html and public.css from doc; returns 0 or -1. */
static int
pubpage_render(const struct pubpage_opts *o, struct publish *pub,
    xmlDocPtr doc, struct render *rnd, struct diag *d)
{
	const char	*dir = publish_dir(pub);
	char		*path;
	int		 rc = -1;

	if (publish_mkdirs(pub, "public/x", d) < 0)
		return -1;
	if (o->emit_xml) {
		xasprintf(&path, "%s/public.xml", dir);
		if (xmlSaveFormatFileEnc(path, doc, "UTF-8", 1) < 0) {
			struct pos pos = { path, 0, 0 };

			diag_msg(d, &pos, MSG_IO_WRITE);
			free(path);
			return -1;
		}
		free(path);
	}
	xasprintf(&path, "%s/public/index.html", dir);
	if (render_page(rnd, doc, "public.xsl", path, NULL) < 0)
		goto out;
	free(path);
	xasprintf(&path, "%s/public/public.css", dir);
	if (render_copy(rnd, "public.css", path) < 0)
		goto out;
	free(path);
	/* Only the images of the sections the page holds: doc has no others. */
	xasprintf(&path, "%s/public", dir);
	if (images_write(o->images, doc, path, d) < 0)
		goto out;
	rc = 0;
out:
	free(path);
	return rc;
}

/* ================================================================
 * Signed-off revisions read back from git
 * ================================================================ */

/* The policy root as it stood at one commit: just enough for the page. */
struct pubpage_rev {
	const char	*id;		/* the commit, borrowed from the sign-off */
	struct sources	*src;
	struct config	*cf;
	struct model	*model;
	struct history	*hist;
	struct diag	*d;		/* its own findings: check's business */
	int		 ok;		/* loaded, and nothing touches visibility */
};

/*
 * Loads the policy root at commit id into r, as kitei diff loads its two
 * revisions (the same stages, findings kept apart).  Sets r->ok.
 */
static void
pubpage_rev_load(struct pubpage_rev *r, const char *id)
{
	struct sources_opts	 so;
	struct parse_doc	**docs;
	size_t			 i, n;

	memset(r, 0, sizeof(*r));
	r->id = id;
	r->d = diag_new();
	memset(&so, 0, sizeof(so));
	so.rev = id;
	if (sources_open(&r->src, &so, r->d) < 0 ||
	    config_parse(&r->cf, r->src->config.path, r->src->config.data,
	    r->src->config.len, r->d) < 0)
		return;
	docs = xcalloc(r->src->ndocs + 1, sizeof(*docs));
	for (i = 0; i < r->src->ndocs; i++)
		docs[i] = parse_document(&r->src->docs[i], r->d);
	r->model = model_build(docs, r->src->ndocs, r->cf, r->d);
	free(docs);
	if (history_walk(&r->hist, r->src->repo, git_commit_id(r->src->commit),
	    r->src->prefix, r->d) < 0)
		return;
	r->ok = pubpage_first_finding(r->d, &n) == NULL;
}

static void
pubpage_rev_free(struct pubpage_rev *r)
{
	history_free(r->hist);
	model_free(r->model);
	config_free(r->cf);
	sources_free(r->src);
	diag_free(r->d);
}

/* Whether manual mi of m has any public section. */
static int
pubpage_has_public(const struct model *m, size_t mi)
{
	const struct model_doc	*md;
	size_t			 j, k;

	for (j = 0; j < m->manuals[mi].ndocs; j++) {
		md = &m->docs[m->manuals[mi].docs[j]];
		for (k = 0; k < md->nsections; k++)
			if (md->sections[k].visibility == VIS_PUBLIC)
				return 1;
	}
	return 0;
}

/* Index of the manual called id in m, or MODEL_NONE. */
static size_t
pubpage_manual(const struct model *m, const char *id)
{
	size_t	 i;

	for (i = 0; m != NULL && i < m->nmanuals; i++)
		if (!strcmp(m->manuals[i].cfg->id, id))
			return i;
	return MODEL_NONE;
}

/*
 * The parts of the page: each manual as it stands when signed off, else
 * its last signed-off revision, else nothing; a note for each manual not
 * taken as it stands.  Returns how many parts, the revisions loaded in
 * *revs_out (*nrevs_out of them, free each with pubpage_rev_free).
 */
static size_t
pubpage_parts(struct assemble_public_part **out, struct pubpage_rev **revs_out,
    size_t *nrevs_out, const struct assemble_input *in, struct diag *d)
{
	const struct model		*m = in->model;
	const struct signoff_manual	*sm;
	const struct signoff_version	*v;
	struct assemble_public_part	*parts;
	struct pubpage_rev		*revs = NULL, *r;
	size_t				 i, k, np = 0, nrevs = 0, om;
	const char			*id;

	parts = xcalloc(m->nmanuals + 1, sizeof(*parts));
	for (i = 0; i < m->nmanuals; i++) {
		id = m->manuals[i].cfg->id;
		sm = in->so != NULL && i < in->so->nmanuals ?
		    &in->so->manuals[i] : NULL;
		if (sm != NULL && sm->signed_off) {
			parts[np].model = m;
			parts[np].hist = in->hist;
			parts[np++].manual = i;
			continue;
		}
		if (sm == NULL || sm->nversions == 0 ||
		    sm->versions[sm->nversions - 1].change == NULL) {
			if (pubpage_has_public(m, i))
				diag_msg(d, NULL, MSG_PUBLIC_UNAPPROVED, id);
			continue;
		}
		v = &sm->versions[sm->nversions - 1];
		for (k = 0; k < nrevs && strcmp(revs[k].id, v->change); k++)
			;
		if (k == nrevs) {
			revs = xreallocarray(revs, nrevs + 1, sizeof(*revs));
			pubpage_rev_load(&revs[nrevs++], v->change);
		}
		r = &revs[k];
		om = r->model != NULL ? pubpage_manual(r->model, id) : MODEL_NONE;
		if (!r->ok || om == MODEL_NONE) {
			diag_msg(d, NULL, MSG_PUBLIC_UNAPPROVED_MANUAL, id,
			    v->change,
			    r->model == NULL || r->hist == NULL ? "cannot be read" : om == MODEL_NONE ? "has no manual of that id" : "has findings that touch visibility");
			continue;
		}
		parts[np].model = r->model;
		parts[np].hist = r->hist;
		parts[np++].manual = om;
		diag_msg(d, NULL, MSG_PUBLIC_UNAPPROVED_MANUAL_SIGNED, id,
		    v->number, v->change);
	}
	*out = parts;
	*revs_out = revs;
	*nrevs_out = nrevs;
	return np;
}

/* See pubpage.h. */
int
pubpage_write(const struct pubpage_opts *o, struct publish *pub,
    const struct assemble_input *in, struct render *rnd, struct diag *d)
{
	const struct diag_msg		*m;
	struct assemble_public_part	*parts = NULL;
	struct pubpage_rev		*revs = NULL;
	xmlDocPtr			 doc = NULL;
	size_t				 n, np = 0, nrevs = 0, i;
	int				 kept, rc = -1;
	const char			*why = NULL;
	char				 where[64];

	if ((m = pubpage_first_finding(d, &n)) != NULL) {
		if (pubpage_keep(o, pub, &kept, d) < 0)
			return -1;
		if (m->line > 0)
			snprintf(where, sizeof(where), ":%d", m->line);
		else
			where[0] = '\0';
		diag_msg(d, NULL, MSG_PUBLIC_WITHHELD, n, n == 1 ? "" : "s",
		    n == 1 ? "es" : "", m->path != NULL ? m->path : "kitei.yml",
		    where, m->rule,
		    kept ? "the previous public page is kept" : "there is no public page");
		return 0;
	}
	if (in->src->worktree && !o->draft)
		why = "a --worktree build never writes the public page "
		    "(build --worktree --draft writes a preview marked 未承認)";
	else if (!o->draft) {
		np = pubpage_parts(&parts, &revs, &nrevs, in, d);
		if (np == 0 && in->model->nmanuals > 0)
			why = "no manual has been signed off (build --draft writes "
			    "a preview marked 未承認)";
	}
	if (why != NULL) {
		if ((rc = pubpage_keep(o, pub, &kept, d)) == 0)
			diag_msg(d, NULL, MSG_PUBLIC_UNAPPROVED_PUBLIC, why,
			    kept ? "the previous public page is kept" : "there is no public page");
		goto out;
	}
	if (o->draft) {
		doc = assemble_public(in, NULL, 0, 1);
		diag_msg(d, NULL, MSG_PUBLIC_DRAFT);
	} else
		doc = assemble_public(in, parts, np, 0);
	rc = pubpage_render(o, pub, doc, rnd, d);
out:
	xmlFreeDoc(doc);
	for (i = 0; i < nrevs; i++)
		pubpage_rev_free(&revs[i]);
	free(revs);
	free(parts);
	return rc;
}
