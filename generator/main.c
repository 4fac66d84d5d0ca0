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
#include <signal.h>
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
#include "init.h"
#include "jdate.h"
#include "model.h"
#include "output.h"
#include "parse.h"
#include "publish.h"
#include "render.h"
#include "report.h"
#include "signoff.h"
#include "sources.h"
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
	const char	*sign_pdf;	/* --sign-pdf IDENTITY */
	const char	*keyring;	/* --keyring FILE */
	int		 include_confidential; /* --include-confidential */
	int		 draft;		/* --draft */
	const char	*firm;		/* init --firm NAME */
	int		 redact;	/* set by bundle: confidential text withheld */
	int		 commit_today;	/* set by bundle: "today" is the commit's date */
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
"           [--draft] [--sign-pdf FILE.p12]                manuals, dashboard, matrix, public page\n"
"                                                          (--draft: public page of unapproved text, marked 未承認)\n"
"  diff     OLD NEW [-o DIR] [--order old-left|new-left]   新旧対照表 of every changed manual\n"
"  bundle   [-o FILE.zip] [--since REV] [--sign KEY] [--include-confidential] [--draft]\n"
"           [--sign-pdf FILE.p12]\n"
"                                                          a verifiable bundle for regulators\n"
"  verify   FILE.zip [--keyring FILE]                      check a bundle's hashes and signature\n"
"  init     [DIR] [--firm NAME]                            a new policy root: kitei.yml, a skeleton\n"
"                                                          per manual, the public page, CI recipes\n"
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
	struct jdate		 jd;
	char			 day[16];
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
	if (o->commit_today && r->src->commit != NULL) {
		/* A bundle's findings must not change with the day it is made. */
		jdate_from_time(&jd, r->src->time, r->src->offset);
		si.today = jdate_iso(day, sizeof(day), &jd);
	}
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

/* What assemble and output read from a run; all borrowed from r. */
static void
main_assemble_input(struct assemble_input *in, const struct run *r,
    const char *generator, const struct diag *d)
{
	memset(in, 0, sizeof(*in));
	in->src = r->src;
	in->cf = r->cf;
	in->cat = r->cat;
	in->model = r->model;
	in->cov = r->cov;
	in->hist = r->hist;
	in->so = r->so;
	in->generator = generator;
	in->errors = diag_count_level(d, DIAG_ERROR);
	in->warnings = diag_count_level(d, DIAG_WARNING);
}

/* The output stage's view of the options. */
static void
main_output_opts(struct output_opts *out, const struct opts *o)
{
	memset(out, 0, sizeof(*out));
	out->only = o->only;
	out->emit_xml = o->emit_xml;
	out->redact = o->redact;
	out->order = o->order;
	out->include_confidential = o->include_confidential;
	out->since = o->since;
	out->sign = o->sign;
	out->sign_pdf = o->sign_pdf;
	out->draft = o->draft;
	out->dest = o->output != NULL ? o->output : "output";
}

/* kitei build. */
static int
cmd_build(const struct opts *o, struct diag *d)
{
	struct run		 r;
	struct publish		*pub = NULL;
	struct render		*rnd = NULL;
	struct assemble_input	 in;
	struct output_opts	 oo;
	char			*datadir = NULL, gen[64];
	const char		*out = o->output != NULL ? o->output : "output";
	int			 rc;

	size_t			 i;
	int			 refused = 0;

	if (o->only != NULL && output_check_only(o->only, d) < 0)
		return main_fail(d);
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
	main_assemble_input(&in, &r, gen, d);
	datadir = main_datadir();
	rnd = render_new(datadir, r.src, d);
	if ((pub = publish_begin(out, 0, d)) == NULL)
		goto fail;
	main_output_opts(&oo, o);
	if (output_build(&oo, pub, &in, rnd, d) < 0)
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

/* kitei diff OLD NEW. */
static int
cmd_diff(const struct opts *o, struct diag *d)
{
	struct run		 old, new;
	struct opts		 oo, no;
	struct output_opts	 oo2;
	struct diff_side	 os, ns;
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
	if ((pub = publish_begin(out, PUBLISH_DIFF, d)) == NULL)
		goto fail;
	xasprintf(&path, "%s/shinkyu.css", publish_dir(pub));
	if (render_copy(rnd, "shinkyu.css", path) < 0)
		goto fail;
	main_output_opts(&oo2, o);
	main_diff_side(&os, &old);
	main_diff_side(&ns, &new);
	if ((n = output_diff(&oo2, &os, &ns, publish_dir(pub), rnd, d)) < 0)
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

/* kitei bundle. */
static int
cmd_bundle(const struct opts *o, struct diag *d)
{
	struct run		 r, old;
	struct opts		 bo = *o, oo = *o;
	struct output_opts	 boo;
	struct diff_side	 os, ns;
	struct publish		*pub = NULL;
	struct render		*rnd = NULL;
	struct assemble_input	 in;
	struct diag		*pd = diag_new();
	char			*datadir = NULL, *path = NULL, gen[64];
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
	bo.commit_today = oo.commit_today = 1;
	if (main_pipeline(&r, &bo, d) < 0)
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
	main_assemble_input(&in, &r, gen, d);
	in.external = 1;
	datadir = main_datadir();
	rnd = render_new(datadir, r.src, d);
	if ((pub = publish_begin(out, PUBLISH_FILE, d)) == NULL)
		goto fail;
	main_output_opts(&boo, &bo);
	if (output_build(&boo, pub, &in, rnd, d) < 0)
		goto fail;
	if (o->since != NULL) {
		if (publish_mkdirs(pub, "shinkyu/x", d) < 0)
			goto fail;
		xasprintf(&path, "%s/shinkyu/shinkyu.css", publish_dir(pub));
		if (render_copy(rnd, "shinkyu.css", path) < 0)
			goto fail;
		free(path);
		xasprintf(&path, "%s/shinkyu", publish_dir(pub));
		main_diff_side(&os, &old);
		main_diff_side(&ns, &r);
		if (output_diff(&boo, &os, &ns, path, rnd, d) < 0)
			goto fail;
	}
	if (output_manifest(publish_dir(pub), &in, &boo, o->since != NULL ?
	    old.src->revision : NULL, d) < 0 ||
	    output_readme(publish_dir(pub), &in, &boo, d) < 0)
		goto fail;
	if (bundle_write(publish_dir(pub), out, r.src->time, r.src->offset,
	    o->sign, d) < 0)
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
	render_free(rnd);
	free(datadir);
	main_run_free(&old);
	main_run_free(&r);
	diag_free(pd);
	return rc;
}

/*
 * init [DIR] [--firm NAME]: a new policy root in DIR (default: here).
 * Returns the exit status.
 */
static int
cmd_init(const struct opts *o, struct diag *d)
{
	struct catalog	*cat = NULL;
	int		 rc;

	if (o->nargs > 1) {
		fprintf(stderr, "kitei: init takes one folder, not '%s'\n",
		    o->args[1]);
		return EXIT_NORUN;
	}
	if (main_catalog(&cat, "system-risk-rules", NULL, d) < 0 ||
	    init_run(o->nargs == 1 ? o->args[0] : ".", o->firm, cat, stdout,
	    d) < 0)
		rc = main_fail(d);
	else
		rc = 0;
	catalog_free(cat);
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
		else if (main_is(a, "--sign-pdf"))
			o.sign_pdf = main_value(argc, argv, &i, "--sign-pdf");
		else if (main_is(a, "--sign"))
			o.sign = main_value(argc, argv, &i, "--sign");
		else if (main_is(a, "--keyring"))
			o.keyring = main_value(argc, argv, &i, "--keyring");
		else if (!strcmp(a, "--include-confidential"))
			o.include_confidential = 1;
		else if (!strcmp(a, "--draft"))
			o.draft = 1;
		else if (main_is(a, "--firm"))
			o.firm = main_value(argc, argv, &i, "--firm");
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
	/* A file-size limit (ulimit -f) is a write error, not a kill. */
	signal(SIGXFSZ, SIG_IGN);
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
	else if (!strcmp(cmd, "init"))
		rc = cmd_init(&o, d);
	else {
		fprintf(stderr, "kitei: unknown command '%s'\n", cmd);
		main_usage(stderr);
		rc = EXIT_NORUN;
	}
	diag_free(d);
	xmlCleanupParser();
	git_libgit2_shutdown();
	return rc;
}
