/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The command line: parses options, drives the stages in order, prints, and
 * maps the worst diagnostic onto the exit status (0 ok, 1 findings, 2 could
 * not run).
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <libxml/parser.h>

#include "assemble.h"
#include "bundle.h"
#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "diff.h"
#include "diag.h"
#include "history.h"
#include "jdate.h"
#include "json.h"
#include "model.h"
#include "parse.h"
#include "publish.h"
#include "render.h"
#include "report.h"
#include "signoff.h"
#include "sources.h"
#include "typeset.h"
#include "xalloc.h"

#define EXIT_FINDINGS	1
#define EXIT_NORUN	2

/* Options every command takes. */
struct opts {
	const char	*dir;		/* -C */
	const char	*rev;		/* --rev */
	int		 worktree;	/* --worktree */
	const char	*as_of;		/* --as-of */
	const char	*today;		/* --today */
	const char	*format;	/* --format */
	const char	*output;	/* -o */
	const char	*only;		/* --only */
	int		 release;	/* --release */
	int		 emit_xml;	/* --emit-xml */
	const char	*order;		/* --order old-left|new-left */
	const char	*since;		/* --since */
	const char	*sign;		/* --sign KEY */
	const char	*keyring;	/* --keyring FILE */
	int		 include_confidential; /* --include-confidential */
	int		 draft;		/* --draft */
	int		 redact;	/* set by bundle: confidential text withheld */
	const char	*args[4];	/* positional arguments after the command */
	int		 nargs;
};

static const char usage_text[] =
"usage: kitei [-C DIR] [--rev REV | --worktree] [--as-of DATE] [--today DATE]\n"
"             COMMAND [options]\n"
"\n"
"commands:\n"
"  check    [--format text|json|sarif|junit] [--release]  validate sources and coverage\n"
"  catalog  [--format text|json]                           the regulation's elements\n"
"  history  [PATH] [--format text|json]                    changes to the policy root or one document\n"
"  build    [-o DIR] [--only html,pdf,public,dashboard] [--release] [--emit-xml]\n"
"                                                          manuals, dashboard, matrix, public page\n"
"  diff     OLD NEW [-o DIR] [--order old-left|new-left]   新旧対照表 of every changed manual\n"
"  bundle   [-o FILE.zip] [--since REV] [--sign KEY] [--include-confidential] [--draft]\n"
"                                                          a verifiable bundle for regulators\n"
"  verify   FILE.zip [--keyring FILE]                      check a bundle's hashes and signature\n"
"\n"
"The policy root is the current folder (or DIR), inside a git repository;\n"
"kitei reads it from the commit REV (default HEAD).  Exit status: 0 ok,\n"
"1 findings at error level, 2 could not run.\n";

/* Prints usage to f. */
static void
main_usage(FILE *f)
{
	fputs(usage_text, f);
}

/* Whether diagnostics may be coloured on f. */
static int
main_color(FILE *f)
{
	const char	*nc = getenv("NO_COLOR");

	return (nc == NULL || nc[0] == '\0') && isatty(fileno(f));
}

/*
 * Finds the data folder (catalogs/, templates/): KITEI_DATA, else beside
 * the executable in a source checkout, else ../share/kitei from it, else the
 * DATADIR it was built for.  Returns a new string.
 */
static char *
main_datadir(void)
{
	const char	*env = getenv("KITEI_DATA");
	char		 exe[PATH_MAX], *slash, *probe;
	ssize_t		 n;
	struct stat	 st;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			xasprintf(&probe, "%s/catalogs/catalog.rng", exe);
			if (stat(probe, &st) == 0) {
				free(probe);
				return xstrdup(exe);
			}
			free(probe);
			/* Installed as PREFIX/bin/kitei: PREFIX/share/kitei, whatever PREFIX the objects were built for. */
			xasprintf(&probe, "%s/../share/kitei/catalogs/catalog.rng", exe);
			if (stat(probe, &st) == 0) {
				free(probe);
				xasprintf(&probe, "%s/../share/kitei", exe);
				return probe;
			}
			free(probe);
		}
	}
	return xstrdup(KITEI_DATADIR);
}

/* Reads a file from the file system; returns 0 or -1 with a diagnostic. */
static int
main_slurp(const char *path, char **data, size_t *len, struct diag *d)
{
	FILE		*f;
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[65536];
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	*data = buf_steal(&b);
	return 0;
}

/*
 * Loads the catalog named by kitei.yml: a shipped name (catalogs/NAME.xml
 * in the data folder) or a .xml path inside the policy root, read from the
 * same revision as the policies.  Returns 0 or -1.
 */
static int
main_catalog(struct catalog **out, const char *name, const struct sources *src,
    struct diag *d)
{
	char	*datadir, *path = NULL, *rng, *data = NULL;
	size_t	 len;
	int	 rc = -1, r;

	datadir = main_datadir();
	xasprintf(&rng, "%s/catalogs/catalog.rng", datadir);
	if (strchr(name, '/') != NULL || strstr(name, ".xml") != NULL) {
		if (src == NULL)
			goto out;
		if ((r = sources_read(src, name, &data, &len, d)) < 0) {
			if (r == KITEI_ENOTFOUND)
				diag_emit(d, DIAG_FATAL, NULL, "bad-config",
				    "catalog %s: no such file in the policy root", name);
			goto out;
		}
		xasprintf(&path, "%s%s", src->prefix, name);
	} else {
		if (strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") !=
		    strlen(name)) {
			diag_emit(d, DIAG_FATAL, NULL, "bad-config",
			    "catalog: '%s' is neither a shipped catalog name nor "
			    "a .xml path", name);
			goto out;
		}
		xasprintf(&path, "%s/catalogs/%s.xml", datadir, name);
		if (access(path, R_OK) != 0) {
			diag_emit(d, DIAG_FATAL, NULL, "bad-config",
			    "catalog: no catalog named '%s' in %s/catalogs",
			    name, datadir);
			goto out;
		}
		if (main_slurp(path, &data, &len, d) < 0)
			goto out;
	}
	rc = catalog_load(out, path, data, len, rng, d);
out:
	free(data);
	free(path);
	free(rng);
	free(datadir);
	return rc;
}

/* Everything check and the later commands share. */
struct run {
	struct sources	*src;
	struct config	*cf;
	struct catalog	*cat;
	struct model	*model;
	struct coverage	*cov;
	struct history	*hist;		/* NULL without commits */
	struct signoff	*so;
};

/* Frees what main_pipeline made. */
static void
main_run_free(struct run *r)
{
	signoff_free(r->so);
	history_free(r->hist);
	coverage_free(r->cov);
	model_free(r->model);
	catalog_free(r->cat);
	config_free(r->cf);
	sources_free(r->src);
}

/*
 * Runs sources → parse → model → coverage.  Returns 0, or -1 when a stage
 * could not run (a fatal diagnostic was emitted).
 */
static int
main_pipeline(struct run *r, const struct opts *o, struct diag *d)
{
	struct sources_opts	 so;
	struct signoff_input	 si;
	struct parse_doc	**docs;
	size_t			 i;

	memset(r, 0, sizeof(*r));
	memset(&so, 0, sizeof(so));
	so.dir = o->dir;
	so.rev = o->rev;
	so.worktree = o->worktree;
	so.as_of = o->as_of;
	if (sources_open(&r->src, &so, d) < 0)
		return -1;
	if (config_parse(&r->cf, r->src->config.path, r->src->config.data,
	    r->src->config.len, d) < 0)
		return -1;
	if (main_catalog(&r->cat, r->cf->catalog, r->src, d) < 0)
		return -1;
	docs = xcalloc(r->src->ndocs + 1, sizeof(*docs));
	for (i = 0; i < r->src->ndocs; i++)
		docs[i] = parse_document(&r->src->docs[i], d);
	r->model = model_build(docs, r->src->ndocs, r->cf, d);
	free(docs);
	r->cov = coverage_run(r->cat, r->model, r->cf, d);
	if (r->src->commit != NULL && history_walk(&r->hist, r->src->repo,
	    git_commit_id(r->src->commit), r->src->prefix, d) < 0)
		return -1;
	memset(&si, 0, sizeof(si));
	si.repo = r->src->repo;
	si.hist = r->hist;
	si.model = r->model;
	si.cf = r->cf;
	si.src = r->src;
	si.today = o->today;
	si.release = o->release;
	r->so = signoff_run(&si, d);
	return 0;
}

/* Prints diagnostics of a run that stopped early, to standard error. */
static int
main_fail(struct diag *d)
{
	diag_sort(d);
	diag_print_text(d, stderr, main_color(stderr));
	return diag_exit_status(d) ? diag_exit_status(d) : EXIT_NORUN;
}

/* kitei check. */
static int
cmd_check(const struct opts *o, struct diag *d)
{
	struct run	 r;
	struct report	 rep;
	const char	*fmt = o->format != NULL ? o->format : "text";
	int		 rc;

	if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "sarif") &&
	    strcmp(fmt, "junit")) {
		fprintf(stderr, "kitei: check: unknown format '%s' (text, json, "
		    "sarif, junit)\n", fmt);
		return EXIT_NORUN;
	}
	if (main_pipeline(&r, o, d) < 0) {
		main_run_free(&r);
		return main_fail(d);
	}
	if (o->release && r.src->shallow)
		diag_emit(d, DIAG_ERROR, NULL, "shallow-clone", "--release needs "
		    "the whole history, and this is a shallow clone: run git "
		    "fetch --unshallow");
	if (o->release && r.src->worktree)
		diag_emit(d, DIAG_ERROR, NULL, "uncommitted", "--release reads "
		    "committed sources only; drop --worktree");
	diag_sort(d);
	rep.src = r.src;
	rep.cat = r.cat;
	rep.model = r.model;
	rep.cov = r.cov;
	rep.diag = d;
	if (!strcmp(fmt, "json"))
		report_json(stdout, &rep);
	else if (!strcmp(fmt, "sarif"))
		report_sarif(stdout, &rep);
	else if (!strcmp(fmt, "junit"))
		report_junit(stdout, &rep);
	else
		report_text(stdout, &rep, main_color(stdout));
	rc = diag_exit_status(d);
	main_run_free(&r);
	return rc;
}

/* kitei catalog: needs no repository when run outside one. */
static int
cmd_catalog(const struct opts *o, struct diag *d)
{
	struct sources_opts	 so;
	struct sources		*src = NULL;
	struct config		*cf = NULL;
	struct catalog		*cat = NULL;
	struct diag		*quiet = diag_new();
	const char		*name = "system-risk-rules";
	const char		*fmt = o->format != NULL ? o->format : "text";
	int			 rc = EXIT_NORUN;

	if (strcmp(fmt, "text") && strcmp(fmt, "json")) {
		fprintf(stderr, "kitei: catalog: unknown format '%s' (text, json)\n", fmt);
		goto out;
	}
	/* Inside a policy root, show the catalog it names. */
	memset(&so, 0, sizeof(so));
	so.dir = o->dir;
	so.rev = o->rev;
	so.worktree = o->worktree;
	if (sources_open(&src, &so, quiet) == 0) {
		if (config_parse(&cf, src->config.path, src->config.data,
		    src->config.len, d) < 0) {
			rc = main_fail(d);
			goto out;
		}
		name = cf->catalog;
	}
	if (main_catalog(&cat, name, src, d) < 0) {
		rc = main_fail(d);
		goto out;
	}
	if (!strcmp(fmt, "json"))
		catalog_print_json(stdout, cat);
	else
		catalog_print_text(stdout, cat);
	rc = 0;
out:
	catalog_free(cat);
	config_free(cf);
	sources_free(src);
	diag_free(quiet);
	return rc;
}

/* kitei history [PATH]. */
static int
cmd_history(const struct opts *o, struct diag *d)
{
	struct sources_opts	 so;
	struct sources		*src = NULL;
	struct history		*h = NULL;
	const char		*fmt = o->format != NULL ? o->format : "text";
	char			*path = NULL;
	int			 rc = EXIT_NORUN;

	if (strcmp(fmt, "text") && strcmp(fmt, "json")) {
		fprintf(stderr, "kitei: history: unknown format '%s' (text, json)\n", fmt);
		return EXIT_NORUN;
	}
	if (o->worktree) {
		fprintf(stderr, "kitei: history: reads commits only; drop --worktree\n");
		return EXIT_NORUN;
	}
	memset(&so, 0, sizeof(so));
	so.dir = o->dir;
	so.rev = o->rev;
	so.as_of = o->as_of;
	if (sources_open(&src, &so, d) < 0) {
		rc = main_fail(d);
		goto out;
	}
	if (history_walk(&h, src->repo, git_commit_id(src->commit), src->prefix,
	    d) < 0) {
		rc = main_fail(d);
		goto out;
	}
	if (o->nargs > 0) {
		const char *p = o->args[0];

		while (p[0] == '.' && p[1] == '/')
			p += 2;
		xasprintf(&path, "%s%s", src->prefix, p);
	}
	if (!strcmp(fmt, "json"))
		history_print_json(stdout, h, path);
	else
		history_print_text(stdout, h, path);
	rc = 0;
out:
	free(path);
	history_free(h);
	sources_free(src);
	return rc;
}

/* Whether part (html, public, dashboard, pdf) is asked for by --only. */
static int
main_only(const struct opts *o, const char *part)
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

/* Writes a file through a callback; returns 0 or -1 with a diagnostic. */
static int
main_write(const char *path, void (*fn)(FILE *, const struct assemble_input *),
    const struct assemble_input *in, struct diag *d)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
		return -1;
	}
	fn(f, in);
	if (fclose(f) != 0) {
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Saves an assembled document beside the pages (--emit-xml). */
static int
main_save_xml(xmlDocPtr doc, const char *path, struct diag *d)
{
	if (xmlSaveFormatFileEnc(path, doc, "UTF-8", 1) < 0) {
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "cannot write");
		return -1;
	}
	return 0;
}

/* Pages of every manual's ids, for the traceability matrix: "manual#id" → page. */
struct main_pages {
	char		**keys;		/* sorted once complete */
	int		 *pages;
	size_t		  n;
	const char	 *manual;	/* the manual being typeset */
};

/* typeset_pdf's on_id callback: records one id's page. */
static void
main_pages_add(const char *id, int page, void *arg)
{
	struct main_pages	*mp = arg;

	mp->keys = xreallocarray(mp->keys, mp->n + 1, sizeof(char *));
	mp->pages = xreallocarray(mp->pages, mp->n + 1, sizeof(int));
	xasprintf(&mp->keys[mp->n], "%s#%s", mp->manual, id);
	mp->pages[mp->n++] = page;
}

/* assemble's page_of: a linear look-up (a few thousand ids at most). */
static int
main_pages_find(void *arg, const char *manual, const char *anchor)
{
	struct main_pages	*mp = arg;
	size_t			 i, n = strlen(manual);

	for (i = 0; i < mp->n; i++)
		if (!strncmp(mp->keys[i], manual, n) && mp->keys[i][n] == '#' &&
		    !strcmp(mp->keys[i] + n + 1, anchor))
			return mp->pages[i];
	return 0;
}

static void
main_pages_free(struct main_pages *mp)
{
	size_t	 i;

	for (i = 0; i < mp->n; i++)
		free(mp->keys[i]);
	free(mp->keys);
	free(mp->pages);
}

/* Typesets one assembled manual into path through templates/manual-fo.xsl. */
static int
main_pdf(struct render *rnd, xmlDocPtr doc, const struct assemble_input *in,
    size_t mi, const char *path, struct main_pages *mp, struct diag *d)
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
	meta.on_id = main_pages_add;
	meta.on_id_arg = mp;
	rc = typeset_pdf(d, fo, path, &meta);
	xmlFreeDoc(fo);
	return rc;
}

/* The traceability matrix as a PDF, with the page of each covering section. */
static int
main_coverage_pdf(struct render *rnd, xmlDocPtr site,
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
static int
main_build_outputs(const struct opts *o, struct publish *pub,
    const struct assemble_input *in0, struct render *rnd, struct diag *d)
{
	const char		*dir = publish_dir(pub);
	struct assemble_input	 inp = *in0, *in = &inp;
	struct main_pages	 mp;
	xmlDocPtr		 doc = NULL;
	char			*path = NULL;
	size_t			 i;
	int			 rc = -1;

	memset(&mp, 0, sizeof(mp));

	if (main_only(o, "html") || main_only(o, "dashboard")) {
		xasprintf(&path, "%s/kitei.css", dir);
		if (render_copy(rnd, "kitei.css", path) < 0)
			goto out;
		free(path);
		path = NULL;
	}
	if (main_only(o, "html") || main_only(o, "pdf")) {
		if (publish_mkdirs(pub, "manuals/x", d) < 0)
			goto out;
		for (i = 0; i < in->model->nmanuals; i++) {
			const char *id = in->model->manuals[i].cfg->id;

			doc = assemble_manual(in, i, o->redact);
			if (main_only(o, "pdf")) {
				xasprintf(&path, "%s/manuals/%s.pdf", dir, id);
				if (main_pdf(rnd, doc, in, i, path, &mp, d) < 0)
					goto out;
				free(path);
				path = NULL;
			}
			if (!main_only(o, "html")) {
				xmlFreeDoc(doc);
				doc = NULL;
				continue;
			}
			if (o->emit_xml) {
				xasprintf(&path, "%s/manuals/%s.xml", dir, id);
				if (main_save_xml(doc, path, d) < 0)
					goto out;
				free(path);
			}
			xasprintf(&path, "%s/manuals/%s.html", dir, id);
			if (render_page(rnd, doc, "manual-html.xsl", path, NULL) < 0)
				goto out;
			free(path);
			path = NULL;
			xmlFreeDoc(doc);
			doc = NULL;
		}
	}
	if (main_only(o, "dashboard")) {
		if (main_only(o, "pdf")) {
			inp.page_of = main_pages_find;
			inp.page_arg = &mp;
		}
		doc = assemble_site(in);
		if (o->emit_xml) {
			xasprintf(&path, "%s/site.xml", dir);
			if (main_save_xml(doc, path, d) < 0)
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
		if (main_only(o, "pdf")) {
			xasprintf(&path, "%s/coverage.pdf", dir);
			if (main_coverage_pdf(rnd, doc, in, path, d) < 0)
				goto out;
			free(path);
		}
		xasprintf(&path, "%s/coverage.json", dir);
		if (main_write(path, render_coverage_json, in, d) < 0)
			goto out;
		free(path);
		xasprintf(&path, "%s/coverage.csv", dir);
		if (main_write(path, render_coverage_csv, in, d) < 0)
			goto out;
		free(path);
		path = NULL;
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (main_only(o, "public")) {
		if (publish_mkdirs(pub, "public/x", d) < 0)
			goto out;
		doc = assemble_public(in);
		if (o->emit_xml) {
			xasprintf(&path, "%s/public.xml", dir);
			if (main_save_xml(doc, path, d) < 0)
				goto out;
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
		path = NULL;
	}
	rc = 0;
out:
	main_pages_free(&mp);
	free(path);
	xmlFreeDoc(doc);
	return rc;
}

/* kitei build. */
static int
cmd_build(const struct opts *o, struct diag *d)
{
	struct run		 r;
	struct publish		*pub = NULL;
	struct render		*rnd = NULL;
	struct assemble_input	 in;
	char			*datadir = NULL, gen[64];
	const char		*out = o->output != NULL ? o->output : "output";
	int			 rc;

	size_t			 i;
	int			 refused = 0;

	if (main_pipeline(&r, o, d) < 0)
		goto fail;
	if (o->release && (r.src->shallow || r.src->worktree)) {
		diag_emit(d, DIAG_ERROR, NULL, "release", "--release builds from "
		    "the whole committed history only: %s",
		    r.src->shallow ? "this is a shallow clone (git fetch "
		    "--unshallow)" : "drop --worktree");
		goto fail;
	}
	for (i = 0; o->release && i < r.model->nmanuals; i++)
		if (!r.so->manuals[i].signed_off) {
			diag_emit(d, DIAG_ERROR, NULL, "release", "--release: "
			    "manual '%s' is not signed off; approve it or build "
			    "without --release (a draft)", r.model->manuals[i].cfg->id);
			refused = 1;
		}
	if (refused)
		goto fail;
	snprintf(gen, sizeof(gen), "kitei %s", KITEI_VERSION);
	memset(&in, 0, sizeof(in));
	in.src = r.src;
	in.cf = r.cf;
	in.cat = r.cat;
	in.model = r.model;
	in.cov = r.cov;
	in.hist = r.hist;
	in.so = r.so;
	in.generator = gen;
	in.errors = diag_count_level(d, DIAG_ERROR);
	in.warnings = diag_count_level(d, DIAG_WARNING);
	datadir = main_datadir();
	rnd = render_new(datadir, r.src, d);
	if ((pub = publish_begin(out, d)) == NULL)
		goto fail;
	if (main_build_outputs(o, pub, &in, rnd, d) < 0)
		goto fail;
	if (publish_commit(pub, d) < 0) {
		pub = NULL;
		goto fail;
	}
	pub = NULL;
	diag_sort(d);
	diag_print_text(d, stderr, main_color(stderr));
	printf("wrote %s: %zu manual%s, coverage %zu of %zu elements%s\n", out,
	    r.model->nmanuals, r.model->nmanuals == 1 ? "" : "s",
	    r.cov->covered + r.cov->not_applicable, r.cov->nelements,
	    r.src->worktree ? " (未コミット: from the working tree)" : "");
	rc = diag_exit_status(d);
	goto out;
fail:
	publish_abort(pub);
	rc = main_fail(d);
out:
	render_free(rnd);
	free(datadir);
	main_run_free(&r);
	return rc;
}

/* Fills a diff side from a run. */
static void
main_diff_side(struct diff_side *side, const struct run *r)
{
	side->src = r->src;
	side->cf = r->cf;
	side->model = r->model;
	side->hist = r->hist;
	side->so = r->so;
	side->redact = 0;
}

/* Index of the manual with this id in the model, or MODEL_NONE. */
static size_t
main_manual_index(const struct model *m, const char *id)
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
static int
main_diff_outputs(const struct opts *o, const struct run *old, const struct run *new,
    const char *dir, struct render *rnd, struct diag *d)
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
	main_diff_side(&os, old);
	main_diff_side(&ns, new);
	os.redact = ns.redact = o->redact;
	/* Every manual of the new side, then those the new side removed. */
	for (i = 0; i < new->model->nmanuals + old->model->nmanuals; i++) {
		if (i < new->model->nmanuals) {
			id = new->model->manuals[i].cfg->id;
			j = main_manual_index(old->model, id);
			doc = diff_manual(&os, j, &ns, i, order, d);
		} else {
			id = old->model->manuals[i - new->model->nmanuals].cfg->id;
			if (main_manual_index(new->model, id) != MODEL_NONE)
				continue;
			doc = diff_manual(&os, i - new->model->nmanuals, &ns,
			    MODEL_NONE, order, d);
		}
		if (doc == NULL)
			continue;
		if (o->emit_xml) {
			xasprintf(&path, "%s/%s.xml", dir, id);
			main_save_xml(doc, path, d);
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

/* kitei diff OLD NEW. */
static int
cmd_diff(const struct opts *o, struct diag *d)
{
	struct run		 old, new;
	struct opts		 oo, no;
	struct publish		*pub = NULL;
	struct render		*rnd = NULL;
	char			*datadir = NULL, *path = NULL;
	const char		*out = o->output != NULL ? o->output : "shinkyu";
	struct diag		*pd = diag_new();
	int			 rc, n;

	memset(&old, 0, sizeof(old));
	memset(&new, 0, sizeof(new));
	if (o->nargs != 2) {
		fprintf(stderr, "kitei: diff needs two revisions: kitei diff OLD NEW\n");
		diag_free(pd);
		return EXIT_NORUN;
	}
	if (o->order != NULL && strcmp(o->order, "old-left") &&
	    strcmp(o->order, "new-left")) {
		fprintf(stderr, "kitei: --order is old-left or new-left\n");
		diag_free(pd);
		return EXIT_NORUN;
	}
	oo = *o;
	oo.rev = o->args[0];
	oo.worktree = 0;
	no = *o;
	no.rev = o->args[1];
	no.worktree = 0;
	/* Findings of the two revisions are check's business, not diff's. */
	if (main_pipeline(&old, &oo, pd) < 0 || main_pipeline(&new, &no, pd) < 0) {
		rc = main_fail(pd);
		goto out;
	}
	datadir = main_datadir();
	rnd = render_new(datadir, new.src, d);
	if ((pub = publish_begin(out, d)) == NULL)
		goto fail;
	xasprintf(&path, "%s/shinkyu.css", publish_dir(pub));
	if (render_copy(rnd, "shinkyu.css", path) < 0)
		goto fail;
	if ((n = main_diff_outputs(o, &old, &new, publish_dir(pub), rnd, d)) < 0)
		goto fail;
	if (publish_commit(pub, d) < 0) {
		pub = NULL;
		goto fail;
	}
	pub = NULL;
	diag_sort(d);
	diag_print_text(d, stderr, main_color(stderr));
	printf("wrote %s: 新旧対照表 of %d manual%s\n", out, n, n == 1 ? "" : "s");
	rc = 0;
	goto out;
fail:
	publish_abort(pub);
	rc = main_fail(d);
out:
	free(path);
	render_free(rnd);
	free(datadir);
	main_run_free(&old);
	main_run_free(&new);
	diag_free(pd);
	return rc;
}

/* Writes history as text and JSON into dir/history/. */
static int
main_bundle_history(const char *dir, const struct history *h, struct diag *d)
{
	FILE	*f;
	char	*path;
	int	 i, rc = 0;

	for (i = 0; i < 2 && rc == 0; i++) {
		xasprintf(&path, "%s/history/history.%s", dir, i ? "json" : "txt");
		if ((f = fopen(path, "wb")) == NULL) {
			struct pos pos = { path, 0, 0 };

			diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
			rc = -1;
		} else {
			if (i)
				history_print_json(f, h, NULL);
			else
				history_print_text(f, h, NULL);
			fclose(f);
		}
		free(path);
	}
	return rc;
}

/* manifest.json: what the bundle holds, from which commit, by which kitei. */
static int
main_bundle_manifest(const char *dir, const struct run *r, const struct opts *o,
    const char *since_rev, struct diag *d)
{
	struct json	 j;
	FILE		*f;
	char		*path, iso[16], date[64];
	struct jdate	 day;
	size_t		 i;

	xasprintf(&path, "%s/manifest.json", dir);
	if ((f = fopen(path, "wb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
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
	json_key(&j, "since");
	json_string(&j, since_rev);
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
	fclose(f);
	free(path);
	return 0;
}

/* README.txt for the recipient, in Japanese. */
static int
main_bundle_readme(const char *dir, const struct run *r, const struct opts *o,
    struct diag *d)
{
	FILE		*f;
	char		*path, ja[48];
	struct jdate	 day;

	xasprintf(&path, "%s/README.txt", dir);
	if ((f = fopen(path, "wb")) == NULL) {
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
		free(path);
		return -1;
	}
	jdate_from_time(&day, r->src->time, r->src->offset);
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
	    "  history/       変更履歴（history.txt, history.json）\r\n"
	    "%s"
	    "  manifest.json  収録物の一覧（改訂番号、規則の版、各規程の版数と承認状況）\r\n"
	    "  SHA256SUMS     全ファイルの SHA-256 値\r\n"
	    "%s"
	    "\r\n"
	    "%s"
	    "【改ざんの有無の確認方法】\r\n"
	    "  展開したフォルダで次を実行し、全ファイルが OK となることを確認してください。\r\n"
	    "    sha256sum -c SHA256SUMS\r\n"
	    "%s",
	    r->cf->organization, jdate_format(ja, sizeof(ja), &day, r->cf->wareki),
	    r->src->revision, r->cat->title, r->cat->version,
	    o->since != NULL ? "  shinkyu/       新旧対照表（前回提出時点からの改正箇所）\r\n" : "",
	    o->sign != NULL ? "  SHA256SUMS.asc SHA256SUMS に対する電子署名（OpenPGP）\r\n" : "",
	    o->include_confidential ? "" :
	    "関係者外秘に区分された箇所は「（機密情報のため省略）」と表示しています。\r\n\r\n",
	    o->sign != NULL ?
	    "  署名は、当社の公開鍵を取り込んだうえで次により確認できます。\r\n"
	    "    gpg --verify SHA256SUMS.asc SHA256SUMS\r\n" : "");
	fclose(f);
	free(path);
	return 0;
}

/* kitei bundle. */
static int
cmd_bundle(const struct opts *o, struct diag *d)
{
	struct run		 r, old;
	struct opts		 bo = *o, oo = *o;
	struct publish		*pub = NULL;
	struct render		*rnd = NULL;
	struct assemble_input	 in;
	struct diag		*pd = diag_new();
	char			*datadir = NULL, *stage = NULL, *path = NULL, gen[64];
	const char		*out = o->output != NULL ? o->output : "bundle.zip";
	size_t			 i;
	int			 rc, refused = 0;

	memset(&r, 0, sizeof(r));
	memset(&old, 0, sizeof(old));
	if (o->worktree) {
		fprintf(stderr, "kitei: bundle: reads committed sources only; drop --worktree\n");
		diag_free(pd);
		return EXIT_NORUN;
	}
	bo.redact = !o->include_confidential;
	bo.emit_xml = 0;
	bo.only = "html,pdf,dashboard";
	if (main_pipeline(&r, o, d) < 0)
		goto fail;
	for (i = 0; i < r.model->nmanuals && !o->draft; i++)
		if (!r.so->manuals[i].signed_off) {
			diag_emit(d, DIAG_ERROR, NULL, "release", "manual '%s' is not "
			    "signed off: a bundle holds approved manuals (--draft "
			    "makes one anyway)", r.model->manuals[i].cfg->id);
			refused = 1;
		}
	if (r.src->shallow && !o->draft) {
		diag_emit(d, DIAG_ERROR, NULL, "shallow-clone", "this is a shallow "
		    "clone: the history in a bundle would be incomplete (git fetch "
		    "--unshallow)");
		refused = 1;
	}
	if (refused)
		goto fail;
	if (o->since != NULL) {
		oo.rev = o->since;
		if (main_pipeline(&old, &oo, pd) < 0) {
			rc = main_fail(pd);
			goto out;
		}
	}
	snprintf(gen, sizeof(gen), "kitei %s", KITEI_VERSION);
	memset(&in, 0, sizeof(in));
	in.src = r.src;
	in.cf = r.cf;
	in.cat = r.cat;
	in.model = r.model;
	in.cov = r.cov;
	in.hist = r.hist;
	in.so = r.so;
	in.generator = gen;
	in.errors = diag_count_level(d, DIAG_ERROR);
	in.warnings = diag_count_level(d, DIAG_WARNING);
	datadir = main_datadir();
	rnd = render_new(datadir, r.src, d);
	xasprintf(&stage, "%s.stage", out);
	if ((pub = publish_begin(stage, d)) == NULL)
		goto fail;
	if (main_build_outputs(&bo, pub, &in, rnd, d) < 0)
		goto fail;
	if (r.hist != NULL && (publish_mkdirs(pub, "history/x", d) < 0 ||
	    main_bundle_history(publish_dir(pub), r.hist, d) < 0))
		goto fail;
	if (o->since != NULL) {
		if (publish_mkdirs(pub, "shinkyu/x", d) < 0)
			goto fail;
		xasprintf(&path, "%s/shinkyu/shinkyu.css", publish_dir(pub));
		if (render_copy(rnd, "shinkyu.css", path) < 0)
			goto fail;
		free(path);
		xasprintf(&path, "%s/shinkyu", publish_dir(pub));
		if (main_diff_outputs(&bo, &old, &r, path, rnd, d) < 0)
			goto fail;
	}
	if (main_bundle_manifest(publish_dir(pub), &r, o, o->since != NULL ?
	    old.src->revision : NULL, d) < 0 ||
	    main_bundle_readme(publish_dir(pub), &r, o, d) < 0)
		goto fail;
	if (bundle_write(publish_dir(pub), out, r.src->time, o->sign, d) < 0)
		goto fail;
	publish_abort(pub);
	pub = NULL;
	diag_sort(d);
	diag_print_text(d, stderr, main_color(stderr));
	printf("wrote %s: %zu manual%s from %.12s%s\n", out, r.model->nmanuals,
	    r.model->nmanuals == 1 ? "" : "s", r.src->revision,
	    o->include_confidential ? " (confidential text included)" : "");
	rc = diag_exit_status(d);
	goto out;
fail:
	publish_abort(pub);
	rc = main_fail(d);
out:
	free(path);
	free(stage);
	render_free(rnd);
	free(datadir);
	main_run_free(&old);
	main_run_free(&r);
	diag_free(pd);
	return rc;
}

/* kitei verify FILE.zip. */
static int
cmd_verify(const struct opts *o, struct diag *d)
{
	if (o->nargs != 1) {
		fprintf(stderr, "kitei: verify needs one bundle: kitei verify FILE.zip\n");
		return EXIT_NORUN;
	}
	if (bundle_verify(o->args[0], o->keyring, d) == 0)
		return 0;
	diag_sort(d);
	diag_print_text(d, stderr, main_color(stderr));
	return diag_exit_status(d) == EXIT_NORUN ? EXIT_NORUN : EXIT_FINDINGS;
}

/* Takes the value of an option, from "--opt=value" or the next argument. */
static const char *
main_value(int argc, char *argv[], int *i, const char *opt)
{
	size_t	 n = strlen(opt);

	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (*i + 1 >= argc) {
		fprintf(stderr, "kitei: %s needs a value\n", opt);
		exit(EXIT_NORUN);
	}
	return argv[++*i];
}

/* Whether argv[i] is the option opt, alone or as opt=value. */
static int
main_is(const char *arg, const char *opt)
{
	size_t	 n = strlen(opt);

	return !strncmp(arg, opt, n) && (arg[n] == '\0' || arg[n] == '=');
}

int
main(int argc, char *argv[])
{
	struct opts	 o;
	struct diag	*d;
	const char	*cmd = NULL;
	int		 i, rc, help = 0;

	memset(&o, 0, sizeof(o));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-C"))
			o.dir = main_value(argc, argv, &i, "-C");
		else if (main_is(a, "--rev"))
			o.rev = main_value(argc, argv, &i, "--rev");
		else if (!strcmp(a, "--worktree"))
			o.worktree = 1;
		else if (main_is(a, "--as-of"))
			o.as_of = main_value(argc, argv, &i, "--as-of");
		else if (main_is(a, "--today"))
			o.today = main_value(argc, argv, &i, "--today");
		else if (main_is(a, "--format"))
			o.format = main_value(argc, argv, &i, "--format");
		else if (!strcmp(a, "-o") || main_is(a, "--output"))
			o.output = main_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output");
		else if (main_is(a, "--only"))
			o.only = main_value(argc, argv, &i, "--only");
		else if (!strcmp(a, "--release"))
			o.release = 1;
		else if (!strcmp(a, "--emit-xml"))
			o.emit_xml = 1;
		else if (main_is(a, "--since"))
			o.since = main_value(argc, argv, &i, "--since");
		else if (main_is(a, "--sign"))
			o.sign = main_value(argc, argv, &i, "--sign");
		else if (main_is(a, "--keyring"))
			o.keyring = main_value(argc, argv, &i, "--keyring");
		else if (!strcmp(a, "--include-confidential"))
			o.include_confidential = 1;
		else if (!strcmp(a, "--draft"))
			o.draft = 1;
		else if (main_is(a, "--order"))
			o.order = main_value(argc, argv, &i, "--order");
		else if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			help = 1;
		else if (!strcmp(a, "--version")) {
			printf("kitei %s\n", KITEI_VERSION);
			return 0;
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "kitei: unknown option %s\n", a);
			main_usage(stderr);
			return EXIT_NORUN;
		} else if (cmd == NULL)
			cmd = a;
		else if (o.nargs < 4)
			o.args[o.nargs++] = a;
		else {
			fprintf(stderr, "kitei: too many arguments\n");
			return EXIT_NORUN;
		}
	}
	if (help || cmd == NULL) {
		main_usage(help ? stdout : stderr);
		return help ? 0 : EXIT_NORUN;
	}
	if (o.worktree && o.rev != NULL) {
		fprintf(stderr, "kitei: --rev and --worktree exclude each other\n");
		return EXIT_NORUN;
	}

	/* As git -C: everything, output paths included, is relative to DIR. */
	if (o.dir != NULL && chdir(o.dir) < 0) {
		fprintf(stderr, "kitei: -C %s: %s\n", o.dir, strerror(errno));
		return EXIT_NORUN;
	}
	o.dir = NULL;
	git_libgit2_init();
	/*
	 * Every stage reads each object about once: the object cache only costs
	 * time, and git itself does not re-hash what it reads.
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	xmlInitParser();
	d = diag_new();
	if (!strcmp(cmd, "check"))
		rc = cmd_check(&o, d);
	else if (!strcmp(cmd, "catalog"))
		rc = cmd_catalog(&o, d);
	else if (!strcmp(cmd, "history"))
		rc = cmd_history(&o, d);
	else if (!strcmp(cmd, "build"))
		rc = cmd_build(&o, d);
	else if (!strcmp(cmd, "diff"))
		rc = cmd_diff(&o, d);
	else if (!strcmp(cmd, "bundle"))
		rc = cmd_bundle(&o, d);
	else if (!strcmp(cmd, "verify"))
		rc = cmd_verify(&o, d);
	else if (!strcmp(cmd, "init")) {
		fprintf(stderr, "kitei: %s is not implemented yet\n", cmd);
		rc = EXIT_NORUN;
	} else {
		fprintf(stderr, "kitei: unknown command '%s'\n", cmd);
		main_usage(stderr);
		rc = EXIT_NORUN;
	}
	diag_free(d);
	xmlCleanupParser();
	git_libgit2_shutdown();
	return rc;
}
