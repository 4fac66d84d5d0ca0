/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writes the files of build, diff and bundle into a folder: pages through
 * the templates, PDFs through the typesetter, the matrix, and a bundle's
 * history, manifest and README.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>
#include <libxml/tree.h>

#include "assemble.h"
#include "bundle.h"
#include "catalog.h"
#include "config.h"
#include "diag.h"
#include "diff.h"
#include "history.h"
#include "jdate.h"
#include "json.h"
#include "model.h"
#include "output.h"
#include "pdfsign.h"
#include "publish.h"
#include "pubpage.h"
#include "render.h"
#include "signoff.h"
#include "sources.h"
#include "typeset.h"
#include "xalloc.h"

/* The parts of a build that --only names. */
static const char *const output_parts[] = { "html", "pdf", "public", "dashboard" };
#define OUTPUT_NPARTS	(sizeof(output_parts) / sizeof(output_parts[0]))

/* Whether part (html, public, dashboard, pdf) is asked for by --only. */
static int
output_only(const struct output_opts *o, const char *part)
{
	const char	*p;
	size_t		 n = strlen(part);

	if (o->only == NULL)
		return 1;
	for (p = o->only; (p = strstr(p, part)) != NULL; p += n)
		if ((p == o->only || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

int
output_check_only(const char *only, struct diag *d)
{
	const char	*p, *e;
	size_t		 i, n;
	int		 rc = 0;

	for (p = only; ; p = e + 1) {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < OUTPUT_NPARTS; i++)
			if (strlen(output_parts[i]) == n &&
			    !strncmp(output_parts[i], p, n))
				break;
		if (i == OUTPUT_NPARTS) {
			diag_msg(d, NULL, MSG_USAGE_UNKNOWN_PART, (int)n, p);
			rc = -1;
		}
		if (e == NULL)
			break;
	}
	return rc;
}

/*
 * publish_keep's callback: whether the file rel of an existing output
 * belongs to a part this run rewrites (o's --only), so is not kept.
 */
static int
output_drop(const char *rel, void *arg)
{
	const struct output_opts	*o = arg;
	size_t				 n = strlen(rel);

	if (!strcmp(rel, "kitei.css"))
		return output_only(o, "html") || output_only(o, "dashboard");
	if (!strncmp(rel, "manuals/", 8))
		return output_only(o, n > 4 && !strcmp(rel + n - 4, ".pdf") ?
		    "pdf" : "html");
	if (!strcmp(rel, "coverage.pdf"))
		return output_only(o, "pdf");
	if (!strcmp(rel, "index.html") || !strcmp(rel, "coverage.html") ||
	    !strcmp(rel, "coverage.json") || !strcmp(rel, "coverage.csv") ||
	    !strcmp(rel, "site.xml"))
		return output_only(o, "dashboard");
	if (!strncmp(rel, "public/", 7) || !strcmp(rel, "public.xml"))
		return output_only(o, "public");
	return 0;	/* not a part's: kept */
}

/*
 * Closes f, written as path: returns 0, or -1 with a fatal diagnostic when
 * any write failed (a full disk) or the close did.
 */
static int
output_close(FILE *f, const char *path, struct diag *d)
{
	struct pos	 pos = { path, 0, 0 };
	int		 bad = ferror(f), err = errno;

	if (fclose(f) != 0 || bad) {
		if (!bad)
			err = errno;
		diag_msg(d, &pos, MSG_IO, strerror(err != 0 ? err : EIO));
		return -1;
	}
	return 0;
}

/* Writes a file through a callback; returns 0 or -1 with a diagnostic. */
static int
output_write(const char *path, void (*fn)(FILE *, const struct assemble_input *),
    const struct assemble_input *in, struct diag *d)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		return -1;
	}
	errno = 0;
	fn(f, in);
	return output_close(f, path, d);
}

/* Saves an assembled document beside the pages (--emit-xml). */
static int
output_save_xml(xmlDocPtr doc, const char *path, struct diag *d)
{
	if (xmlSaveFormatFileEnc(path, doc, "UTF-8", 1) < 0) {
		struct pos pos = { path, 0, 0 };

		diag_msg(d, &pos, MSG_IO_WRITE);
		return -1;
	}
	return 0;
}

/* Pages of every manual's ids, for the traceability matrix: "manual#id" → page. */
struct output_pages {
	char		**keys;		/* sorted once complete */
	int		 *pages;
	size_t		  n;
	const char	 *manual;	/* the manual being typeset */
};

/* typeset_pdf's on_id callback: records one id's page. */
static void
output_pages_add(const char *id, int page, void *arg)
{
	struct output_pages	*mp = arg;

	mp->keys = xgrowarray(mp->keys, mp->n, 1, sizeof(char *));
	mp->pages = xgrowarray(mp->pages, mp->n, 1, sizeof(int));
	xasprintf(&mp->keys[mp->n], "%s#%s", mp->manual, id);
	mp->pages[mp->n++] = page;
}

/* assemble's page_of: a linear look-up (a few thousand ids at most). */
static int
output_pages_find(void *arg, const char *manual, const char *anchor)
{
	struct output_pages	*mp = arg;
	size_t			 i, n = strlen(manual);

	for (i = 0; i < mp->n; i++)
		if (!strncmp(mp->keys[i], manual, n) && mp->keys[i][n] == '#' &&
		    !strcmp(mp->keys[i] + n + 1, anchor))
			return mp->pages[i];
	return 0;
}

static void
output_pages_free(struct output_pages *mp)
{
	size_t	 i;

	for (i = 0; i < mp->n; i++)
		free(mp->keys[i]);
	free(mp->keys);
	free(mp->pages);
}

/* Typesets one assembled manual into path through templates/manual-fo.xsl. */
static int
output_pdf(struct render *rnd, xmlDocPtr doc, const struct assemble_input *in,
    size_t mi, const char *path, struct output_pages *mp, struct diag *d)
{
	struct typeset_meta	 meta;
	xmlDocPtr		 fo;
	int			 rc;

	if ((fo = render_transform(rnd, doc, "manual-fo.xsl", NULL)) == NULL)
		return -1;
	memset(&meta, 0, sizeof(meta));
	meta.title = in->model->manuals[mi].cfg->title;
	meta.author = in->cf->organization;
	meta.subject = in->cat->title;
	meta.keywords = in->model->manuals[mi].cfg->number;
	meta.creator = in->generator;
	meta.lang = "ja-JP";
	meta.time = in->src->time;
	meta.offset = in->src->offset;
	mp->manual = in->model->manuals[mi].cfg->id;
	meta.images = in->images;
	meta.on_id = output_pages_add;
	meta.on_id_arg = mp;
	rc = typeset_pdf(d, fo, path, &meta);
	xmlFreeDoc(fo);
	return rc;
}

/*
 * Signs manual mi's PDF at path (--sign-pdf) in the name of its last
 * approved version: /M is the approval's time, /Name its approvers, as the
 * cover's 承認 table lists them.  A manual whose current content is not
 * approved is refused.  Returns 0, or -1 with a diagnostic.
 */
static int
output_sign_pdf(struct pdfsign *ps, const struct assemble_input *in,
    size_t mi, const char *path, struct diag *d)
{
	const struct signoff_manual	*sm;
	const struct signoff_version	*v;
	struct pdfsign_info		 info;
	struct buf			 names = { 0 };
	struct pos			 pos = { path, 0, 0 };
	size_t				 i;
	int				 rc;

	sm = in->so != NULL && mi < in->so->nmanuals ? &in->so->manuals[mi] :
	    NULL;
	if (sm == NULL || !sm->signed_off || sm->nversions == 0 ||
	    in->src->worktree) {
		diag_msg(d, &pos, MSG_SIGN_PDF, in->model->manuals[mi].cfg->id);
		return -1;
	}
	v = &sm->versions[sm->nversions - 1];
	for (i = 0; i < v->napprovals; i++) {
		if (v->approvals[i].name == NULL)
			continue;
		if (names.len > 0)
			buf_puts(&names, "、");
		buf_puts(&names, v->approvals[i].name);
		if (v->approvals[i].role != NULL &&
		    v->approvals[i].role->title != NULL)
			buf_printf(&names, "（%s）", v->approvals[i].role->title);
	}
	memset(&info, 0, sizeof(info));
	info.time = v->time;
	info.offset = v->offset;
	info.reason = "承認済み規程";
	info.name = names.data;
	info.place_top = "approval";		/* ids in templates/manual-fo.xsl */
	info.place_bottom = "approval-end";
	rc = pdfsign_file(ps, path, &info, d);
	buf_free(&names);
	return rc;
}

/* The traceability matrix as a PDF, with the page of each covering section. */
static int
output_coverage_pdf(struct render *rnd, xmlDocPtr site,
    const struct assemble_input *in, const char *path, struct diag *d)
{
	struct typeset_meta	 meta;
	xmlDocPtr		 fo;
	int			 rc;

	if ((fo = render_transform(rnd, site, "coverage-fo.xsl", NULL)) == NULL)
		return -1;
	memset(&meta, 0, sizeof(meta));
	meta.title = "規則との対応表";
	meta.author = in->cf->organization;
	meta.subject = in->cat->title;
	meta.creator = in->generator;
	meta.lang = "ja-JP";
	meta.time = in->src->time;
	meta.offset = in->src->offset;
	rc = typeset_pdf(d, fo, path, &meta);
	xmlFreeDoc(fo);
	return rc;
}

/*
 * Writes every output into the publish folder.  Returns 0, or -1 with a
 * fatal diagnostic (the caller then leaves the old output in place).
 */
int
output_build(const struct output_opts *o, struct publish *pub,
    const struct assemble_input *in0, struct render *rnd, struct diag *d)
{
	const char		*dir = publish_dir(pub);
	struct assemble_input	 inp = *in0, *in = &inp;
	struct output_pages	 mp;
	struct pdfsign		*ps = NULL;
	struct coverage		*redacted = NULL;
	xmlDocPtr		 doc = NULL;
	char			*path = NULL;
	size_t			 i;
	int			 rc = -1;

	memset(&mp, 0, sizeof(mp));
	/* Without --include-confidential, confidential reasons are withheld everywhere. */
	if (o->redact)
		inp.cov = redacted = assemble_redact_coverage(in0->cov, in0->model);

	if (o->sign_pdf != NULL && output_only(o, "pdf") &&
	    (ps = pdfsign_new(o->sign_pdf, d)) == NULL)
		goto out;
	/* --only rewrites its parts of an existing output and keeps the rest. */
	if (o->only != NULL && publish_keep(pub, output_drop, (void *)o, d) < 0)
		goto out;
	if (output_only(o, "html") || output_only(o, "dashboard")) {
		xasprintf(&path, "%s/kitei.css", dir);
		if (render_copy(rnd, "kitei.css", path) < 0)
			goto out;
		free(path);
		path = NULL;
	}
	if (output_only(o, "html") || output_only(o, "pdf")) {
		if (publish_mkdirs(pub, "manuals/x", d) < 0)
			goto out;
		for (i = 0; i < in->model->nmanuals; i++) {
			const char *id = in->model->manuals[i].cfg->id;

			doc = assemble_manual(in, i, o->redact);
			if (output_only(o, "pdf")) {
				xasprintf(&path, "%s/manuals/%s.pdf", dir, id);
				if (output_pdf(rnd, doc, in, i, path, &mp, d) < 0 ||
				    (ps != NULL &&
				    output_sign_pdf(ps, in, i, path, d) < 0))
					goto out;
				free(path);
				path = NULL;
			}
			if (!output_only(o, "html")) {
				xmlFreeDoc(doc);
				doc = NULL;
				continue;
			}
			if (o->emit_xml) {
				xasprintf(&path, "%s/manuals/%s.xml", dir, id);
				if (output_save_xml(doc, path, d) < 0)
					goto out;
				free(path);
			}
			xasprintf(&path, "%s/manuals/%s.html", dir, id);
			if (render_page(rnd, doc, "manual-html.xsl", path, NULL) < 0)
				goto out;
			free(path);
			xasprintf(&path, "%s/manuals", dir);
			if (images_write(in->images, doc, path, d) < 0)
				goto out;
			free(path);
			path = NULL;
			xmlFreeDoc(doc);
			doc = NULL;
		}
	}
	if (output_only(o, "dashboard") || output_only(o, "pdf")) {
		if (output_only(o, "pdf")) {
			inp.page_of = output_pages_find;
			inp.page_arg = &mp;
		}
		doc = assemble_site(in);
	}
	if (output_only(o, "dashboard")) {
		if (o->emit_xml) {
			xasprintf(&path, "%s/site.xml", dir);
			if (output_save_xml(doc, path, d) < 0)
				goto out;
			free(path);
		}
		xasprintf(&path, "%s/index.html", dir);
		if (render_page(rnd, doc, "dashboard.xsl", path, NULL) < 0)
			goto out;
		free(path);
		xasprintf(&path, "%s/coverage.html", dir);
		if (render_page(rnd, doc, "coverage.xsl", path, NULL) < 0)
			goto out;
		free(path);
		xasprintf(&path, "%s/coverage.json", dir);
		if (output_write(path, render_coverage_json, in, d) < 0)
			goto out;
		free(path);
		xasprintf(&path, "%s/coverage.csv", dir);
		if (output_write(path, render_coverage_csv, in, d) < 0)
			goto out;
		free(path);
		path = NULL;
	}
	if (output_only(o, "pdf")) {
		/* The matrix as a PDF belongs to part pdf. */
		xasprintf(&path, "%s/coverage.pdf", dir);
		if (output_coverage_pdf(rnd, doc, in, path, d) < 0)
			goto out;
		free(path);
		path = NULL;
	}
	xmlFreeDoc(doc);
	doc = NULL;
	if (output_only(o, "public")) {
		struct pubpage_opts po;

		po.dest = o->dest;
		po.draft = o->draft;
		po.emit_xml = o->emit_xml;
		po.images = in->images;
		if (pubpage_write(&po, pub, in, rnd, d) < 0)
			goto out;
	}
	rc = 0;
out:
	pdfsign_free(ps);
	assemble_redacted_coverage_free(redacted);
	output_pages_free(&mp);
	free(path);
	xmlFreeDoc(doc);
	return rc;
}

/* Index of the manual with this id in the model, or MODEL_NONE. */
static size_t
output_manual_index(const struct model *m, const char *id)
{
	size_t	 i;

	for (i = 0; i < m->nmanuals; i++)
		if (!strcmp(m->manuals[i].cfg->id, id))
			return i;
	return MODEL_NONE;
}

/*
 * Writes the 新旧対照表 of every manual that differs between the runs into
 * dir (HTML and PDF, and the XML with --emit-xml).  Returns the number
 * written, or -1 with a diagnostic.
 */
int
output_diff(const struct output_opts *o, const struct diff_side *old,
    const struct diff_side *new, const char *dir, struct render *rnd,
    struct diag *d)
{
	struct diff_side	 os, ns;
	struct typeset_meta	 meta;
	enum diff_order		 order = DIFF_OLD_LEFT;
	xmlDocPtr		 doc, fo;
	xmlChar			*mtitle, *morg;
	char			*path, *title, gen[64];
	size_t			 i, j;
	int			 n = 0, rc;
	const char		*id;

	snprintf(gen, sizeof(gen), "kitei %s", KITEI_VERSION);

	if (o->order != NULL && !strcmp(o->order, "new-left"))
		order = DIFF_NEW_LEFT;
	os = *old;
	ns = *new;
	os.redact = ns.redact = o->redact;
	/* Every manual of the new side, then those the new side removed. */
	for (i = 0; i < new->model->nmanuals + old->model->nmanuals; i++) {
		if (i < new->model->nmanuals) {
			id = new->model->manuals[i].cfg->id;
			j = output_manual_index(old->model, id);
			doc = diff_manual(&os, j, &ns, i, order, d);
		} else {
			id = old->model->manuals[i - new->model->nmanuals].cfg->id;
			if (output_manual_index(new->model, id) != MODEL_NONE)
				continue;
			doc = diff_manual(&os, i - new->model->nmanuals, &ns,
			    MODEL_NONE, order, d);
		}
		if (doc == NULL)
			continue;
		if (o->emit_xml) {
			xasprintf(&path, "%s/%s.xml", dir, id);
			output_save_xml(doc, path, d);
			free(path);
		}
		xasprintf(&path, "%s/%s.html", dir, id);
		rc = render_page(rnd, doc, "shinkyu.xsl", path, NULL);
		free(path);
		if (rc == 0 && (fo = render_transform(rnd, doc, "shinkyu-fo.xsl",
		    NULL)) == NULL)
			rc = -1;
		if (rc == 0) {
			/* The new revision's time: the same bytes every run. */
			mtitle = xmlGetProp(xmlDocGetRootElement(doc),
			    (const xmlChar *)"title");
			morg = xmlGetProp(xmlDocGetRootElement(doc),
			    (const xmlChar *)"organization");
			xasprintf(&title, "『%s』新旧対照表",
			    mtitle != NULL ? (const char *)mtitle : id);
			memset(&meta, 0, sizeof(meta));
			meta.title = title;
			meta.author = morg != NULL ? (const char *)morg :
			    new->cf->organization;
			meta.creator = gen;
			meta.lang = "ja-JP";
			meta.time = new->src->time;
			meta.offset = new->src->offset;
			xasprintf(&path, "%s/%s.pdf", dir, id);
			rc = typeset_pdf(d, fo, path, &meta);
			free(path);
			free(title);
			xmlFree(mtitle);
			xmlFree(morg);
			xmlFreeDoc(fo);
		}
		xmlFreeDoc(doc);
		if (rc < 0)
			return -1;
		n++;
	}
	return n;
}

/* Writes history as text and JSON into dir/history/. */
int
output_history(const char *dir, const struct history *h, struct diag *d)
{
	FILE	*f;
	char	*path;
	int	 i, rc = 0;

	for (i = 0; i < 2 && rc == 0; i++) {
		xasprintf(&path, "%s/history/history.%s", dir, i ? "json" : "txt");
		if ((f = fopen(path, "wb")) == NULL) {
			struct pos pos = { path, 0, 0 };

			diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
			rc = -1;
		} else {
			errno = 0;
			if (i)
				history_print_json(f, h, NULL);
			else
				history_print_text(f, h, NULL);
			rc = output_close(f, path, d);
		}
		free(path);
	}
	return rc;
}

/* What output_tag_cb looks for and finds. */
struct output_tag {
	git_repository	*repo;
	git_oid		 want;
	char		*name;		/* the first in byte order, owned */
};

/* git_tag_foreach: keeps the name of a tag of the wanted commit. */
static int
output_tag_cb(const char *ref, git_oid *oid, void *arg)
{
	struct output_tag	*t = arg;
	git_object		*o = NULL, *c = NULL;
	const char		*name = ref;

	if (strncmp(name, "refs/tags/", 10) == 0)
		name += 10;
	if (git_object_lookup(&o, t->repo, oid, GIT_OBJECT_ANY) == 0 &&
	    git_object_peel(&c, o, GIT_OBJECT_COMMIT) == 0 &&
	    git_oid_equal(git_object_id(c), &t->want) &&
	    (t->name == NULL || strcmp(name, t->name) < 0)) {
		free(t->name);
		t->name = xstrdup(name);
	}
	git_object_free(c);
	git_object_free(o);
	return 0;
}

/*
 * The tag that names commit hex in repo (the first in byte order when
 * several do), or NULL.  Returns a new string.
 */
static char *
output_tag_of(git_repository *repo, const char *hex)
{
	struct output_tag	 t;

	memset(&t, 0, sizeof(t));
	t.repo = repo;
	if (repo == NULL || hex == NULL || git_oid_fromstr(&t.want, hex) != 0)
		return NULL;
	git_tag_foreach(repo, output_tag_cb, &t);
	return t.name;
}

/* manifest.json: what the bundle holds, from which commit, by which kitei. */
int
output_manifest(const char *dir, const struct assemble_input *r, const struct output_opts *o,
    const char *since_rev, struct diag *d)
{
	struct json	 j;
	FILE		*f;
	char		*path, iso[16], date[64];
	struct jdate	 day;
	size_t		 i;
	int		 rc;

	xasprintf(&path, "%s/manifest.json", dir);
	if ((f = fopen(path, "wb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		free(path);
		return -1;
	}
	jdate_from_time(&day, r->src->time, r->src->offset);
	json_init(&j, f, 1);
	json_object_begin(&j);
	json_key(&j, "kitei");
	json_string(&j, KITEI_VERSION);
	json_key(&j, "organization");
	json_string(&j, r->cf->organization);
	json_key(&j, "revision");
	json_string(&j, r->src->revision);
	json_key(&j, "date");
	json_string(&j, jdate_iso(iso, sizeof(iso), &day));
	json_key(&j, "commit_time");	/* verify judges signatures at it */
	json_int(&j, r->src->time);
	json_key(&j, "since");
	json_string(&j, since_rev);
	{
		/* The tag of --since's revision, as the firm calls it (v1.0, 第1版). */
		char	*tag = output_tag_of(r->src->repo, since_rev);

		json_key(&j, "since_tag");
		json_string(&j, tag);
		free(tag);
	}
	json_key(&j, "confidential_included");
	json_bool(&j, o->include_confidential);
	json_key(&j, "catalog");
	json_object_begin(&j);
	json_key(&j, "id");
	json_string(&j, r->cat->id);
	json_key(&j, "version");
	json_string(&j, r->cat->version);
	json_object_end(&j);
	json_key(&j, "manuals");
	json_array_begin(&j);
	for (i = 0; i < r->model->nmanuals; i++) {
		const struct signoff_manual *sm = &r->so->manuals[i];
		const struct config_manual *cm = r->model->manuals[i].cfg;

		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, cm->id);
		json_key(&j, "title");
		json_string(&j, cm->title);
		json_key(&j, "number");
		json_string(&j, cm->number);
		json_key(&j, "signed_off");
		json_bool(&j, sm->signed_off);
		json_key(&j, "version");
		if (sm->nversions > 0) {
			const struct signoff_version *v = &sm->versions[sm->nversions - 1];

			json_int(&j, v->number);
			json_key(&j, "approved");
			json_string(&j, jdate_iso(date, sizeof(date), &v->approved));
			json_key(&j, "effective");
			json_string(&j, jdate_iso(date, sizeof(date), &v->effective));
		} else
			json_null(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
	rc = output_close(f, path, d);
	free(path);
	return rc;
}

/* README.txt for the recipient, in Japanese. */
int
output_readme(const char *dir, const struct assemble_input *r, const struct output_opts *o,
    struct diag *d)
{
	FILE		*f;
	char		*path, ja[48], *org, *cat_title, *cat_version;
	struct jdate	 day;
	int		 rc;

	xasprintf(&path, "%s/README.txt", dir);
	if ((f = fopen(path, "wb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		free(path);
		return -1;
	}
	jdate_from_time(&day, r->src->time, r->src->offset);
	/* kitei.yml and a catalog in the policy root are text: escaped (diag.h). */
	org = diag_safe(r->cf->organization);
	cat_title = diag_safe(r->cat->title);
	cat_version = diag_safe(r->cat->version);
	fprintf(f,
	    "%s　規程類一式\r\n"
	    "\r\n"
	    "作成日：%s（版管理システム上の改訂 %.12s）\r\n"
	    "対象規則：%s（%s 版）\r\n"
	    "\r\n"
	    "【収録内容】\r\n"
	    "  manuals/       各規程・危機管理マニュアル（PDF 及び HTML）\r\n"
	    "  coverage.html  規則の各要素と規程の条項との対応表（coverage.csv, coverage.json も同内容）\r\n"
	    "  index.html     対応状況の概要\r\n"
	    "%s"
	    "  manifest.json  収録物の一覧（改訂番号、規則の版、各規程の版数と承認状況）\r\n"
	    "  SHA256SUMS     全ファイルの SHA-256 値\r\n"
	    "%s"
	    "\r\n"
	    "%s"
	    "【改ざんの有無の確認方法】\r\n"
	    "  展開したフォルダで次を実行し、全ファイルが OK となることを確認してください。\r\n"
	    "    Linux:   sha256sum -c SHA256SUMS\r\n"
	    "    macOS:   shasum -a 256 -c SHA256SUMS\r\n"
	    "  Windows では、ファイルごとに次のいずれかで SHA-256 値を表示し、SHA256SUMS の\r\n"
	    "  同じファイル名の行の値（大文字・小文字の別は問いません）と一致することを確認してください。\r\n"
	    "    コマンド プロンプト: certutil -hashfile manifest.json SHA256\r\n"
	    "    PowerShell:          Get-FileHash -Algorithm SHA256 manifest.json\r\n"
	    "    PowerShell で一括: Get-Content SHA256SUMS | ForEach-Object { $h, $n = $_ -split '  ', 2;\r\n"
	    "      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $n).Hash -eq $h) { \"OK  $n\" } else { \"NG  $n\" } }\r\n"
	    "%s",
	    org, jdate_format(ja, sizeof(ja), &day, r->cf->wareki),
	    r->src->revision, cat_title, cat_version,
	    o->since != NULL ? "  shinkyu/       新旧対照表（前回提出時点からの改正箇所）\r\n" : "",
	    o->sign != NULL ? "  SHA256SUMS.asc SHA256SUMS に対する電子署名（OpenPGP）\r\n" : "",
	    o->include_confidential ? "" :
	    "関係者外秘に区分された箇所は「（機密情報のため省略）」と表示しています。\r\n\r\n",
	    o->sign != NULL ?
	    "  署名は、当社の公開鍵を取り込んだうえで次により確認できます。\r\n"
	    "    gpg --verify SHA256SUMS.asc SHA256SUMS\r\n" : "");
	if (o->sign != NULL) {
		char	*owner, *fpr, *so = NULL;

		/* Names the key, so a reader can tell it from another with the same name. */
		if (bundle_key_owner(o->sign, &owner, &fpr) == 0) {
			if (owner != NULL)
				so = diag_safe(owner);
			fprintf(f, "  署名鍵：%s\r\n"
			    "  フィンガープリント：%s\r\n"
			    "  （gpg --verify が表示する鍵のフィンガープリントがこれと一致することを、\r\n"
			    "    当社から別途お伝えする値とも照らして確認してください。）\r\n",
			    so != NULL ? so : "（名前なし）", fpr);
			free(so);
			free(owner);
			free(fpr);
		}
	}
	free(org);
	free(cat_title);
	free(cat_version);
	rc = output_close(f, path, d);
	free(path);
	return rc;
}
