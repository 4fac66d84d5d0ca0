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
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <libxml/parser.h>

#include "approve.h"
#include "assemble.h"
#include "bundle.h"
#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "diff.h"
#include "diag.h"
#include "i18n.h"
#include "history.h"
#include "i18n.h"
#include "image.h"
#include "init.h"
#include "jdate.h"
#include "model.h"
#include "orient.h"
#include "output.h"
#include "parse.h"
#include "publish.h"
#include "render.h"
#include "report.h"
#include "serve.h"
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
	const char	*port;		/* serve --port N */
	const char	*effective;	/* approve --effective DATE */
	const char	*summary;	/* approve --summary TEXT */
	int		 sign_commit;	/* approve --sign */
	int		 yes;		/* approve --yes */
	int		 quiet;		/* check --quiet */
	char		*cwd_prefix;	/* set by main: the user's folder in the work tree, or NULL */
	int		 redact;	/* set by bundle: confidential text withheld */
	int		 commit_today;	/* set by bundle: "today" is the commit's date */
	const char	**args;		/* positional arguments after the command */
	int		 nargs;
};

static const char usage_text[] = N_(
"usage: kitei [-C DIR] [--rev REV | --worktree] [--as-of DATE] [--today DATE]\n"
"             COMMAND [options] [arguments]\n"
"\n"
"commands:\n"
"  check    [--format text|json|sarif|junit] [--release]  validate sources and coverage\n"
"  catalog  [ID...] [--format text|json]                   the regulation's elements (the named ones in full)\n"
"  history  [PATH] [--format text|json]                    changes to the policy root or one document\n"
"  build    [-o DIR] [--only html,pdf,public,dashboard] [--release] [--emit-xml]\n"
"           [--draft] [--sign-pdf FILE.p12]                manuals, dashboard, matrix, public page\n"
"                                                          (--draft: public page of unapproved text, marked 未承認)\n"
"  diff     OLD [NEW] [-o DIR] [--order old-left|new-left] [--emit-xml]\n"
"                                                          新旧対照表 of every changed manual (NEW: --rev, HEAD)\n"
"  bundle   [-o FILE.zip] [--since REV [--order old-left|new-left]] [--sign KEY]\n"
"           [--include-confidential] [--draft] [--sign-pdf FILE.p12]\n"
"                                                          a verifiable bundle for regulators\n"
"  verify   FILE.zip [--keyring FILE]                      check a bundle's hashes and signature\n"
"  init     [DIR] [--firm NAME]                            a new policy root: kitei.yml, a skeleton\n"
"                                                          per manual, the public page, CI recipes\n"
"  approve  [MANUAL...] [--effective DATE] [--summary TEXT] [--sign] [--yes]\n"
"                                                          the approval commit, as git's user.email\n"
"  serve    [--port N]                                     a live preview of the working tree on\n"
"                                                          127.0.0.1 (reloads as files change)\n"
"  help     [COMMAND]                                      a command's options and an example\n"
"\n"
"-C goes with every command; --rev with all but verify and init (for diff it\n"
"is NEW); --worktree with check, catalog and build; --as-of with check,\n"
"history, build and bundle; --today (YYYY-MM-DD, for review dates) with check,\n"
"build, diff and bundle.  An option a command does not read, a bad value or an\n"
"extra argument is an error (exit 2).\n"
"\n"
"The policy root is the current folder (or DIR), inside a git repository;\n"
"kitei reads it from the commit REV (default HEAD).  Exit status: 0 ok,\n"
"1 findings at error level, 2 could not run.\n");

/* Prints usage to f. */
static void
main_usage(FILE *f)
{
	fputs(_(usage_text), f);
}

/* Whether diagnostics may be coloured on f. */
static int
main_color(FILE *f)
{
	const char	*nc = getenv("NO_COLOR");

	return (nc == NULL || nc[0] == '\0') && isatty(fileno(f));
}

/*
 * Sets up message translation.  Only LC_MESSAGES follows the environment:
 * numbers, sorting and glob matching never depend on the locale.  The
 * catalogs come from the data folder's locale/ when it has one (a source
 * checkout, built by make), else from the LOCALEDIR kitei was built for;
 * they are read as UTF-8 whatever LC_CTYPE says.
 */
static void main_i18n(void);

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

/* See the prototype above. */
static void
main_i18n(void)
{
	char		*datadir, *dir;
	struct stat	 st;

	setlocale(LC_MESSAGES, "");
	datadir = main_datadir();
	xasprintf(&dir, "%s/locale", datadir);
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		bindtextdomain(KITEI_TEXTDOMAIN, dir);
	else
		bindtextdomain(KITEI_TEXTDOMAIN, KITEI_LOCALEDIR);
	bind_textdomain_codeset(KITEI_TEXTDOMAIN, "UTF-8");
	free(dir);
	free(datadir);
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

		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
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
				diag_msg(d, NULL, MSG_BAD_CONFIG_CATALOG_SUCH,
				    name);
			goto out;
		}
		xasprintf(&path, "%s%s", src->prefix, name);
	} else {
		if (strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") !=
		    strlen(name)) {
			diag_msg(d, NULL, MSG_BAD_CONFIG_CATALOG_NEITHER, name);
			goto out;
		}
		xasprintf(&path, "%s/catalogs/%s.xml", datadir, name);
		if (access(path, R_OK) != 0) {
			diag_msg(d, NULL, MSG_BAD_CONFIG_CATALOG_CATALOG, name,
			    datadir);
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
	struct images	*images;	/* image files the documents name */
};

/* Frees what main_pipeline made. */
static void
main_run_free(struct run *r)
{
	images_free(r->images);
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
	r->images = images_load(r->src, r->model, d);
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
	struct diag	*view;
	const char	*fmt = o->format != NULL ? o->format : "text";
	int		 rc;

	if (main_pipeline(&r, o, d) < 0) {
		main_run_free(&r);
		return main_fail(d);
	}
	if (o->release && r.src->shallow)
		diag_msg(d, NULL, MSG_SHALLOW_CLONE);
	if (o->release && r.src->worktree)
		diag_msg(d, NULL, MSG_UNCOMMITTED);
	diag_sort(d);
	rep.src = r.src;
	rep.cat = r.cat;
	rep.model = r.model;
	rep.cov = r.cov;
	rep.diag = d;
	view = NULL;
	if (!strcmp(fmt, "json"))
		report_json(stdout, &rep);
	else if (!strcmp(fmt, "sarif"))
		report_sarif(stdout, &rep);
	else if (!strcmp(fmt, "junit"))
		report_junit(stdout, &rep);
	else if (o->quiet) {
		view = orient_view(d, o->cwd_prefix, 1);
		diag_print_text(view, stdout, main_color(stdout));
	} else {
		rep.diag = view = orient_view(d, o->cwd_prefix, 0);
		report_text(stdout, &rep, main_color(stdout));
		orient_summary(stdout, d, r.cat);
	}
	diag_free(view);
	rc = diag_exit_status(d);
	main_run_free(&r);
	return rc;
}

/*
 * Prints the elements named by ids, in the order given: in full as text, or
 * as the catalog JSON holding only them.  An id the catalog lacks is a usage
 * error naming the nearest ids.  Returns the exit status.
 */
static int
main_catalog_ids(const struct catalog *cat, const char *const *ids, int nids,
    int json, struct diag *d)
{
	struct catalog			 view;
	const struct catalog_element	*e;
	const char			*near[4];
	size_t				 n, k;
	int				 i, bad = 0;

	for (i = 0; i < nids; i++)
		if (catalog_find(cat, ids[i]) == NULL) {
			bad = 1;
			n = catalog_nearest(cat, ids[i], near, 4);
			diag_msg(d, NULL, MSG_USAGE, ids[i], cat->id,
			    n > 0 ? "; nearest: " : "", n > 0 ? near[0] : "",
			    n > 1 ? ", " : "", n > 1 ? near[1] : "",
			    n > 2 ? ", " : "", n > 2 ? near[2] : "",
			    n > 3 ? ", " : "", n > 3 ? near[3] : "");
		}
	if (bad)
		return main_fail(d);
	/* A view sharing cat's strings, holding copies of the chosen members. */
	view = *cat;
	view.elements = xcalloc((size_t)nids, sizeof(*view.elements));
	view.nelements = (size_t)nids;
	for (i = 0; i < nids; i++) {
		e = catalog_find(cat, ids[i]);
		view.elements[i] = *e;
	}
	if (json)
		catalog_print_json(stdout, &view);
	else
		for (k = 0; k < view.nelements; k++)
			catalog_print_element(stdout, cat, &view.elements[k]);
	free(view.elements);
	return 0;
}

/*
 * kitei catalog [ID...]: needs no repository when run outside one, unless
 * --rev or --worktree asks for one.
 */
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

	/* Inside a policy root, show the catalog it names. */
	memset(&so, 0, sizeof(so));
	so.dir = o->dir;
	so.rev = o->rev;
	so.worktree = o->worktree;
	if (sources_open(&src, &so, o->rev != NULL || o->worktree ? d : quiet)
	    == 0) {
		if (config_parse(&cf, src->config.path, src->config.data,
		    src->config.len, d) < 0) {
			rc = main_fail(d);
			goto out;
		}
		name = cf->catalog;
	} else if (o->rev != NULL || o->worktree) {
		/* The revision asked for is not there: never another catalog. */
		rc = main_fail(d);
		goto out;
	}
	if (main_catalog(&cat, name, src, d) < 0) {
		rc = main_fail(d);
		goto out;
	}
	if (o->nargs > 0)
		rc = main_catalog_ids(cat, o->args, o->nargs, !strcmp(fmt, "json"), d);
	else {
		if (!strcmp(fmt, "json"))
			catalog_print_json(stdout, cat);
		else
			catalog_print_text(stdout, cat);
		rc = 0;
	}
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
	size_t			*idx = NULL, hits;
	int			 rc = EXIT_NORUN;

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
		/* A misspelt PATH is an error, not a document that never changed. */
		if ((hits = history_for_path(&idx, h, path)) == 0 && !h->shallow) {
			diag_msg(d, NULL, MSG_USAGE_HISTORY, o->args[0]);
			rc = main_fail(d);
			goto out;
		}
		free(idx);
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
	in->images = r->images;
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

	/* Refuse a target kitei may not replace before any work or finding. */
	if (publish_check(out, 0, d) < 0)
		return main_fail(d);
	if (main_pipeline(&r, o, d) < 0)
		goto fail;
	if (o->release && (r.src->shallow || r.src->worktree)) {
		diag_msg(d, NULL, MSG_RELEASE,
		    r.src->shallow ? "this is a shallow clone (git fetch " "--unshallow)" : "drop --worktree");
		goto fail;
	}
	for (i = 0; o->release && i < r.model->nmanuals; i++)
		if (!r.so->manuals[i].signed_off) {
			diag_msg(d, NULL, MSG_RELEASE_RELEASE,
			    r.model->manuals[i].cfg->id);
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
	fputs("wrote ", stdout);
	diag_fputs(out, stdout);
	printf(": %zu manual%s, coverage %zu of %zu elements%s\n",
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

/* kitei diff OLD [NEW]. */
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

	if (publish_check(out, PUBLISH_DIFF, d) < 0) {
		diag_free(pd);
		return main_fail(d);
	}
	memset(&old, 0, sizeof(old));
	memset(&new, 0, sizeof(new));
	/*
	 * NEW defaults to --rev, else HEAD, as every other command reads;
	 * both at once would leave one unused.
	 */
	if (o->nargs > 1 && o->rev != NULL) {
		diag_free(pd);
		diag_msg(d, NULL, MSG_USAGE_DIFF);
		return main_fail(d);
	}
	oo = *o;
	oo.rev = o->args[0];
	oo.worktree = 0;
	no = *o;
	no.rev = o->nargs > 1 ? o->args[1] : o->rev != NULL ? o->rev : "HEAD";
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
	fputs("wrote ", stdout);
	diag_fputs(out, stdout);
	printf(": 新旧対照表 of %d manual%s\n", n, n == 1 ? "" : "s");
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

	if (publish_check(out, PUBLISH_FILE, d) < 0) {
		diag_free(pd);
		return main_fail(d);
	}
	memset(&r, 0, sizeof(r));
	memset(&old, 0, sizeof(old));
	if (o->order != NULL && o->since == NULL) {
		diag_free(pd);
		diag_msg(d, NULL, MSG_USAGE_BUNDLE);
		return main_fail(d);
	}
	bo.redact = !o->include_confidential;
	bo.emit_xml = 0;
	bo.only = "html,pdf,dashboard";
	bo.commit_today = oo.commit_today = 1;
	if (main_pipeline(&r, &bo, d) < 0)
		goto fail;
	for (i = 0; i < r.model->nmanuals && !o->draft; i++)
		if (!r.so->manuals[i].signed_off) {
			diag_msg(d, NULL, MSG_RELEASE_MANUAL,
			    r.model->manuals[i].cfg->id);
			refused = 1;
		}
	if (r.src->shallow && !o->draft) {
		diag_msg(d, NULL, MSG_SHALLOW_CLONE_SHALLOW);
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
	fputs("wrote ", stdout);
	diag_fputs(out, stdout);
	printf(": %zu manual%s from %.12s%s\n", r.model->nmanuals,
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

	if (main_catalog(&cat, "system-risk-rules", NULL, d) < 0 ||
	    init_run(o->nargs == 1 ? o->args[0] : ".", o->firm, cat, stdout,
	    d) < 0)
		rc = main_fail(d);
	else
		rc = 0;
	catalog_free(cat);
	return rc;
}

/*
 * approve [MANUAL...]: the approval commit for git's user.email.  Returns
 * the exit status: 0 committed, 1 declined, 2 refused.
 */
static int
cmd_approve(const struct opts *o, struct diag *d)
{
	struct approve_opts	 ao;
	int			 rc;

	memset(&ao, 0, sizeof(ao));
	ao.manuals = o->args;
	ao.nmanuals = (size_t)o->nargs;
	ao.effective = o->effective;
	ao.summary = o->summary;
	ao.sign = o->sign_commit;
	ao.yes = o->yes;
	if (o->dir != NULL && chdir(o->dir) < 0) {
		struct pos pos = { o->dir, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "io", "%s", strerror(errno));
		return main_fail(d);
	}
	if ((rc = approve_run(&ao, stdin, stdout, d)) < 0)
		return main_fail(d);
	return rc;
}

/* kitei verify FILE.zip. */
static int
cmd_verify(const struct opts *o, struct diag *d)
{
	if (bundle_verify(o->args[0], o->keyring, d) == 0)
		return 0;
	diag_sort(d);
	diag_print_text(d, stderr, main_color(stderr));
	return diag_exit_status(d) == EXIT_NORUN ? EXIT_NORUN : EXIT_FINDINGS;
}

/* ---------------------------------------------------------------- */
/* The command line: one table of commands, one table of options.   */
/* ---------------------------------------------------------------- */

/* The commands, as bits for the option table. */
#define MAIN_CHECK	0x01u
#define MAIN_CATALOG	0x02u
#define MAIN_HISTORY	0x04u
#define MAIN_BUILD	0x08u
#define MAIN_DIFF	0x10u
#define MAIN_BUNDLE	0x20u
#define MAIN_VERIFY	0x40u
#define MAIN_INIT	0x80u
#define MAIN_SERVE	0x100u
#define MAIN_APPROVE	0x200u
#define MAIN_ALL	0x3ffu
/* The commands that read a policy root, found upwards without -C. */
#define MAIN_ROOTED	(MAIN_CHECK | MAIN_CATALOG | MAIN_HISTORY | \
			 MAIN_BUILD | MAIN_DIFF | MAIN_BUNDLE | MAIN_APPROVE | \
			 MAIN_SERVE)

/* kitei serve: a live preview of the working tree (serve.c). */
static int
cmd_serve(const struct opts *o, struct diag *d)
{
	struct serve_opts	 so;

	memset(&so, 0, sizeof(so));
	so.port = o->port != NULL ? (unsigned)atoi(o->port) : SERVE_PORT_DEFAULT;
	so.today = o->today;
	if (serve_run(&so, d) < 0)
		return main_fail(d);
	return 0;
}

/* A command: its name, how many arguments it takes, and what runs it. */
struct main_command {
	const char	*name;
	unsigned	 bit;		/* MAIN_* */
	int		 minargs;	/* positional arguments after the command */
	int		 maxargs;	/* -1: any number */
	const char	*synopsis;	/* the arguments, for messages */
	int		(*run)(const struct opts *, struct diag *); /* NULL: not yet */
};

static const struct main_command main_commands[] = {
	{ "check",   MAIN_CHECK,   0, 0,  "",		cmd_check },
	{ "catalog", MAIN_CATALOG, 0, -1, " [ID...]",	cmd_catalog },
	{ "history", MAIN_HISTORY, 0, 1,  " [PATH]",	cmd_history },
	{ "build",   MAIN_BUILD,   0, 0,  "",		cmd_build },
	{ "diff",    MAIN_DIFF,    1, 2,  " OLD [NEW]",	cmd_diff },
	{ "bundle",  MAIN_BUNDLE,  0, 0,  "",		cmd_bundle },
	{ "verify",  MAIN_VERIFY,  1, 1,  " FILE.zip",	cmd_verify },
	{ "init",    MAIN_INIT,    0, 1,  " [DIR]",	cmd_init },
	{ "serve",   MAIN_SERVE,   0, 0,  "",		cmd_serve },
	{ "approve", MAIN_APPROVE, 0, -1, " [MANUAL...]", cmd_approve },
};

/* Validators: each returns whether the value is acceptable. */

/* Any value but the empty one. */
static int
main_valid_any(const char *v)
{
	return v[0] != '\0';
}

/* A real day written YYYY-MM-DD, digits and zero padding required. */
static int
main_valid_date(const char *v)
{
	struct jdate	 day;
	size_t		 i;

	if (strlen(v) != 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? v[i] != '-' : (v[i] < '0' || v[i] > '9'))
			return 0;
	return jdate_parse(&day, v) == 0;
}

/* Whether v is one of the words of list (separated by '|'). */
static int
main_valid_word(const char *v, const char *list)
{
	size_t	 n = strlen(v);
	const char *p;

	for (p = list; n > 0 && (p = strstr(p, v)) != NULL; p += n)
		if ((p == list || p[-1] == '|') && (p[n] == '\0' || p[n] == '|'))
			return 1;
	return 0;
}

static int
main_valid_format_check(const char *v)
{
	return main_valid_word(v, "text|json|sarif|junit");
}

static int
main_valid_format(const char *v)
{
	return main_valid_word(v, "text|json");
}

static int
main_valid_order(const char *v)
{
	return main_valid_word(v, "old-left|new-left");
}

/* One line of text: not empty, no control characters. */
static int
main_valid_line(const char *v)
{
	for (; *v != '\0'; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return 0;
	return 1;
}

/* A comma-separated list of the parts output.c knows, none empty. */
static int
main_valid_only(const char *v)
{
	struct diag	*q = diag_new();
	int		 ok = output_check_only(v, q) == 0;

	diag_free(q);
	return ok;
}

#define MAIN_OFF(m)	offsetof(struct opts, m)

/*
 * Every option: where it goes in struct opts, which commands read it, and
 * how its value is checked.  An option a command does not read is an error,
 * not silently ignored.  The same name may stand twice with different
 * commands when what it accepts differs (--format).
 */
static const struct main_option {
	const char	*name;		/* "--today" */
	const char	*alias;		/* another spelling, or NULL */
	size_t		 off;		/* of its member in struct opts */
	int		 flag;		/* 1: takes no value; the member is an int */
	unsigned	 cmds;		/* the commands that read it, MAIN_* */
	int		(*valid)(const char *);	/* NULL for flags */
	const char	*accepted;	/* what valid accepts, for messages */
} main_options[] = {
	{ "-C", NULL, MAIN_OFF(dir), 0, MAIN_ALL,
	    main_valid_any, N_("a folder") },
	{ "--rev", NULL, MAIN_OFF(rev), 0, MAIN_CHECK | MAIN_CATALOG |
	    MAIN_HISTORY | MAIN_BUILD | MAIN_DIFF | MAIN_BUNDLE,
	    main_valid_any, N_("a revision") },
	{ "--worktree", NULL, MAIN_OFF(worktree), 1,
	    MAIN_CHECK | MAIN_CATALOG | MAIN_BUILD, NULL, NULL },
	{ "--as-of", NULL, MAIN_OFF(as_of), 0,
	    MAIN_CHECK | MAIN_HISTORY | MAIN_BUILD | MAIN_BUNDLE,
	    main_valid_date, N_("a date as YYYY-MM-DD") },
	{ "--today", NULL, MAIN_OFF(today), 0,
	    MAIN_CHECK | MAIN_BUILD | MAIN_DIFF | MAIN_BUNDLE | MAIN_SERVE,
	    main_valid_date, N_("a date as YYYY-MM-DD") },
	{ "--format", NULL, MAIN_OFF(format), 0, MAIN_CHECK,
	    main_valid_format_check, N_("text, json, sarif or junit") },
	{ "--format", NULL, MAIN_OFF(format), 0, MAIN_CATALOG | MAIN_HISTORY,
	    main_valid_format, N_("text or json") },
	{ "-o", "--output", MAIN_OFF(output), 0,
	    MAIN_BUILD | MAIN_DIFF | MAIN_BUNDLE, main_valid_any, N_("a path") },
	{ "--only", NULL, MAIN_OFF(only), 0, MAIN_BUILD, main_valid_only,
	    N_("a comma-separated list of html, pdf, public, dashboard") },
	{ "--release", NULL, MAIN_OFF(release), 1, MAIN_CHECK | MAIN_BUILD,
	    NULL, NULL },
	{ "--emit-xml", NULL, MAIN_OFF(emit_xml), 1, MAIN_BUILD | MAIN_DIFF,
	    NULL, NULL },
	{ "--order", NULL, MAIN_OFF(order), 0, MAIN_DIFF | MAIN_BUNDLE,
	    main_valid_order, N_("old-left or new-left") },
	{ "--since", NULL, MAIN_OFF(since), 0, MAIN_BUNDLE,
	    main_valid_any, N_("a revision") },
	{ "--sign", NULL, MAIN_OFF(sign), 0, MAIN_BUNDLE,
	    main_valid_any, N_("a key") },
	{ "--sign", NULL, MAIN_OFF(sign_commit), 1, MAIN_APPROVE, NULL, NULL },
	{ "--sign-pdf", NULL, MAIN_OFF(sign_pdf), 0, MAIN_BUILD | MAIN_BUNDLE,
	    main_valid_any, N_("a PKCS#12 file") },
	{ "--keyring", NULL, MAIN_OFF(keyring), 0, MAIN_VERIFY,
	    main_valid_any, N_("a file") },
	{ "--include-confidential", NULL, MAIN_OFF(include_confidential), 1,
	    MAIN_BUNDLE, NULL, NULL },
	{ "--draft", NULL, MAIN_OFF(draft), 1, MAIN_BUILD | MAIN_BUNDLE,
	    NULL, NULL },
	{ "--firm", NULL, MAIN_OFF(firm), 0, MAIN_INIT, main_valid_any,
	    N_("a firm's name") },
	{ "--port", NULL, MAIN_OFF(port), 0, MAIN_SERVE, serve_valid_port,
	    N_("a port number, 0 (any free port) to 65535") },
	{ "--effective", NULL, MAIN_OFF(effective), 0, MAIN_APPROVE,
	    main_valid_date, N_("a date as YYYY-MM-DD") },
	{ "--summary", NULL, MAIN_OFF(summary), 0, MAIN_APPROVE,
	    main_valid_line, N_("one line of text") },
	{ "--yes", NULL, MAIN_OFF(yes), 1, MAIN_APPROVE, NULL, NULL },
	{ "--quiet", "-q", MAIN_OFF(quiet), 1, MAIN_CHECK, NULL, NULL },
};

#define MAIN_NOPTIONS	(sizeof(main_options) / sizeof(main_options[0]))
#define MAIN_NCOMMANDS	(sizeof(main_commands) / sizeof(main_commands[0]))

/* What each command does and an example, for kitei help COMMAND. */
static const struct main_command_help {
	const char	*name;
	const char	*what;
	const char	*example;
} main_command_help[] = {
	{ "check", N_("validates the sources and the coverage of every element"),
	  "kitei check --format sarif > kitei.sarif" },
	{ "catalog", N_("lists the rule's elements; the named ones in full"),
	  "kitei catalog 4.1.6" },
	{ "history", N_("the commits that changed the policy root or one document"),
	  "kitei history crisis/01-crisis.md" },
	{ "build", N_("manuals (HTML, PDF), dashboard, matrix and public page"),
	  "kitei build --release -o output" },
	{ "diff", N_("the 新旧対照表 of every manual changed between two revisions"),
	  "kitei diff v2026-01 HEAD -o shinkyu" },
	{ "bundle", N_("a verifiable zip for regulators"),
	  "kitei bundle --since v2026-01 -o sr-2026-04.zip" },
	{ "verify", N_("checks a bundle's hashes and signature"),
	  "kitei verify sr-2026-04.zip --keyring our-key.asc" },
	{ "init", N_("a new policy root: kitei.yml, a skeleton per manual, "
	  "the public page, CI recipes"),
	  "kitei init --firm みらい証券仲介株式会社" },
	{ "approve", N_("the approval commit for git's user.email: shows the "
	  "manuals, 第N版 and 施行日, asks, commits"),
	  "kitei approve --effective 2026-04-01 --summary \"制定\"" },
	{ "serve", N_("a live preview of the working tree on 127.0.0.1, "
	  "rebuilt and reloaded as files change"),
	  "kitei serve --port 8000" },
};

/* What each option means, by name, for kitei help COMMAND. */
static const struct main_option_help {
	const char	*name;
	unsigned	 cmds;		/* the rows it explains, MAIN_*; 0: all */
	const char	*value;		/* NULL for flags */
	const char	*what;
} main_option_help[] = {
	{ "-C", 0, "DIR", N_("run as if started in DIR") },
	{ "--rev", 0, "REV", N_("read the sources from this commit (default HEAD)") },
	{ "--worktree", 0, NULL, N_("read uncommitted files (a preview)") },
	{ "--as-of", 0, "DATE", N_("the last commit before the end of that day") },
	{ "--today", 0, "DATE", N_("the day review dates are judged against") },
	{ "--format", 0, "FORMAT", N_("output format") },
	{ "-o", 0, "PATH", N_("where to write") },
	{ "--only", 0, "PARTS", N_("rewrite only these parts of an output") },
	{ "--release", 0, NULL, N_("unapproved changes are errors") },
	{ "--emit-xml", 0, NULL, N_("also write the intermediate XML") },
	{ "--order", 0, "ORDER", N_("which side the old text stands on") },
	{ "--since", 0, "REV", N_("add a 新旧対照表 against this revision") },
	{ "--sign", MAIN_BUNDLE, "KEY", N_("sign SHA256SUMS with this OpenPGP key") },
	{ "--sign", MAIN_APPROVE, NULL, N_("sign the commit (git commit-tree -S)") },
	{ "--sign-pdf", 0, "FILE", N_("sign every manual PDF (PAdES)") },
	{ "--port", 0, "N", N_("the port to listen on, 0 for any free one") },
	{ "--keyring", 0, "FILE", N_("check the signature against these keys only") },
	{ "--include-confidential", 0, NULL, N_("keep 関係者外秘 text") },
	{ "--draft", 0, NULL, N_("allow unapproved text, marked 未承認") },
	{ "--firm", 0, "NAME", N_("the firm's name for kitei.yml") },
	{ "--effective", 0, "DATE", N_("the 施行日 (Effective: trailer)") },
	{ "--summary", 0, "TEXT", N_("the 改定内容 (Summary: trailer)") },
	{ "--yes", 0, NULL, N_("do not ask") },
	{ "--quiet", 0, NULL, N_("print errors only") },
};

/*
 * Prints command cmd's help to f: what it does, its synopsis, each option
 * it reads (from main_options, so help and parsing never disagree) and an
 * example.
 */
static void
main_help(FILE *f, const struct main_command *cmd)
{
	const struct main_option	*opt;
	const char			*value, *what;
	size_t				 i, k;

	for (k = 0; k < sizeof(main_command_help) /
	    sizeof(main_command_help[0]); k++)
		if (!strcmp(main_command_help[k].name, cmd->name))
			break;
	fprintf(f, _("usage: kitei %s%s [options]\n"), cmd->name,
	    cmd->synopsis);
	if (k < sizeof(main_command_help) / sizeof(main_command_help[0]))
		fprintf(f, "\n%s\n", _(main_command_help[k].what));
	fputs(_("\noptions:\n"), f);
	for (i = 0; i < MAIN_NOPTIONS; i++) {
		opt = &main_options[i];
		if (!(opt->cmds & cmd->bit))
			continue;
		value = NULL;
		what = "";
		for (k = 0; k < sizeof(main_option_help) /
		    sizeof(main_option_help[0]); k++)
			if (!strcmp(main_option_help[k].name, opt->name) &&
			    (main_option_help[k].cmds == 0 ||
			    (main_option_help[k].cmds & opt->cmds))) {
				value = main_option_help[k].value;
				what = _(main_option_help[k].what);
			}
		if (opt->flag)
			value = NULL;
		else if (value == NULL)
			value = "VALUE";
		fprintf(f, "  %s%s%s%s%s\n      %s%s%s%s\n", opt->name,
		    opt->alias != NULL ? ", " : "",
		    opt->alias != NULL ? opt->alias : "",
		    value != NULL ? " " : "", value != NULL ? value : "", what,
		    opt->accepted != NULL ? " (" : "",
		    opt->accepted != NULL ? _(opt->accepted) : "",
		    opt->accepted != NULL ? ")" : "");
	}
	for (k = 0; k < sizeof(main_command_help) /
	    sizeof(main_command_help[0]); k++)
		if (!strcmp(main_command_help[k].name, cmd->name))
			fprintf(f, _("\nexample:\n  %s\n"),
			    main_command_help[k].example);
}

/* One option as given: its first row in the table and its value. */
struct main_given {
	size_t		 row;
	const char	*spelling;	/* as typed: the name or the alias */
	const char	*value;		/* NULL for a flag */
};

/*
 * Prints one usage error through the diagnostic printer (so what the user
 * typed is escaped) and returns the exit status for it.
 */
static int
main_usage_error(struct diag *d, enum msgid id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
main_usage_error(struct diag *d, enum msgid id, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vmsgf(d, NULL, id, fmt, ap);
	va_end(ap);
	diag_print_text(d, stderr, main_color(stderr));
	return EXIT_NORUN;
}
/* main_usage_error(d, MSG_X, args...), checked against MSG_X's format. */
#define main_usage_error(d, ...) main_usage_error((d), MSG_IDFMT(__VA_ARGS__))

/*
 * Finds the table row for the option spelt at the start of arg (alone or as
 * "name=value"); sets *eq to the '=' or NULL.  Returns the row or -1.
 */
static long
main_option_find(const char *arg, const char **eq)
{
	size_t	 i, n;
	const char *names[2];
	int	 k;

	for (i = 0; i < MAIN_NOPTIONS; i++) {
		names[0] = main_options[i].name;
		names[1] = main_options[i].alias;
		for (k = 0; k < 2; k++) {
			if (names[k] == NULL)
				continue;
			n = strlen(names[k]);
			if (strncmp(arg, names[k], n) == 0 &&
			    (arg[n] == '\0' || arg[n] == '=')) {
				*eq = arg[n] == '=' ? arg + n : NULL;
				return (long)i;
			}
		}
	}
	return -1;
}

/*
 * The row of the option at row that the command named word reads, when
 * word names one that does (--sign is a flag for approve, takes a key for
 * bundle); else row itself.
 */
static size_t
main_option_for(size_t row, const char *word)
{
	size_t	 i, k;

	for (k = 0; word != NULL &&
	    k < sizeof(main_commands) / sizeof(main_commands[0]); k++)
		if (!strcmp(word, main_commands[k].name))
			for (i = row; i < MAIN_NOPTIONS; i++)
				if (!strcmp(main_options[i].name,
				    main_options[row].name) &&
				    (main_options[i].cmds & main_commands[k].bit))
					return i;
	return row;
}

/*
 * Applies one given option for command cmd: picks the row of that name
 * which cmd reads, checks the value and stores it.  Returns 0, or exit
 * status 2 after a message.
 */
static int
main_option_apply(struct opts *o, const struct main_command *cmd,
    const struct main_given *g, unsigned *seen, struct diag *d)
{
	const struct main_option *opt = &main_options[g->row];
	size_t	 i;

	for (i = g->row; i < MAIN_NOPTIONS; i++)
		if (strcmp(main_options[i].name, opt->name) == 0 &&
		    (main_options[i].cmds & cmd->bit)) {
			opt = &main_options[i];
			break;
		}
	if (i == MAIN_NOPTIONS)
		return main_usage_error(d, MSG_USAGE_DOES, cmd->name,
		    g->spelling);
	/* Rows of one name are adjacent; the first one counts repeats. */
	if (seen[g->row]++)
		return main_usage_error(d, MSG_USAGE_GIVEN, g->spelling);
	if (opt->flag) {
		*(int *)(void *)((char *)o + opt->off) = 1;
		return 0;
	}
	if (!opt->valid(g->value))
		return main_usage_error(d, MSG_USAGE_EXPECTED, g->spelling,
		    _(opt->accepted), g->value);
	*(const char **)(void *)((char *)o + opt->off) = g->value;
	return 0;
}

/*
 * Parses argv into o and *cmd_out: options anywhere, the first word the
 * command, the rest its arguments ("--" ends the options).  Every option
 * is checked against the command that was named.  Returns -1 to go on, or
 * the exit status to leave with (0 after --help or --version).
 */
static int
main_parse(struct opts *o, const struct main_command **cmd_out, int argc,
    char *argv[], struct diag *d)
{
	struct main_given	*given;
	const struct main_command *cmd = NULL;
	const char		*word = NULL, *eq;
	char			**spellings;
	unsigned		 seen[MAIN_NOPTIONS];
	size_t			 ngiven = 0, i;
	long			 row;
	int			 help = 0, dashes = 0, rc = -1;

	memset(seen, 0, sizeof(seen));
	given = xcalloc((size_t)argc + 1, sizeof(*given));
	spellings = xcalloc((size_t)argc + 1, sizeof(*spellings));
	o->args = xcalloc((size_t)argc + 1, sizeof(*o->args));
	for (i = 1; i < (size_t)argc; i++) {
		const char *a = argv[i];

		if (dashes || a[0] != '-' || a[1] == '\0') {
			if (word == NULL)
				word = a;
			else
				o->args[o->nargs++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			dashes = 1;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			help = 1;
			continue;
		}
		if (!strcmp(a, "--version")) {
			printf("kitei %s\n", KITEI_VERSION);
			rc = 0;
			goto out;
		}
		if ((row = main_option_find(a, &eq)) < 0) {
			rc = main_usage_error(d, MSG_USAGE_UNKNOWN, a);
			goto out;
		}
		given[ngiven].row = (size_t)row;
		given[ngiven].spelling = a;
		if (eq != NULL) {
			/* The spelling without "=value", kept in the copy. */
			spellings[ngiven] = xstrndup(a, (size_t)(eq - a));
			given[ngiven].spelling = spellings[ngiven];
		}
		if (main_options[main_option_for((size_t)row, word)].flag) {
			if (eq != NULL) {
				rc = main_usage_error(d, MSG_USAGE_TAKES,
				    given[ngiven].spelling);
				goto out;
			}
		} else if (eq != NULL)
			given[ngiven].value = eq + 1;
		else if (i + 1 < (size_t)argc && (argv[i + 1][0] != '-' ||
		    argv[i + 1][1] == '\0'))
			given[ngiven].value = argv[++i];
		else {
			/* "-o --release" is a forgotten value, not a folder. */
			rc = main_usage_error(d, MSG_USAGE_NEEDS, a,
			    _(main_options[row].accepted));
			goto out;
		}
		ngiven++;
	}
	/* kitei help [COMMAND], kitei COMMAND --help. */
	if (word != NULL && !strcmp(word, "help")) {
		help = 1;
		word = o->nargs > 0 ? o->args[0] : NULL;
		if (o->nargs > 1) {
			rc = main_usage_error(d, MSG_USAGE_HELP, o->args[1]);
			goto out;
		}
	}
	if (help) {
		for (i = 0; word != NULL && i < MAIN_NCOMMANDS; i++)
			if (!strcmp(word, main_commands[i].name))
				cmd = &main_commands[i];
		if (word != NULL && cmd == NULL) {
			rc = main_usage_error(d, MSG_USAGE_UNKNOWN_COMMAND,
			    word);
			goto out;
		}
		if (cmd != NULL)
			main_help(stdout, cmd);
		else
			main_usage(stdout);
		rc = 0;
		goto out;
	}
	if (word == NULL) {
		main_usage(stderr);
		rc = EXIT_NORUN;
		goto out;
	}
	for (i = 0; i < sizeof(main_commands) / sizeof(main_commands[0]); i++)
		if (!strcmp(word, main_commands[i].name))
			cmd = &main_commands[i];
	if (cmd == NULL) {
		rc = main_usage_error(d, MSG_USAGE_UNKNOWN_COMMAND, word);
		goto out;
	}
	for (i = 0; i < ngiven; i++)
		if (main_option_apply(o, cmd, &given[i], seen, d) != 0) {
			rc = EXIT_NORUN;
			goto out;
		}
	if (o->nargs < cmd->minargs) {
		rc = main_usage_error(d, MSG_USAGE_MISSING, cmd->name,
		    cmd->name, cmd->synopsis);
		goto out;
	}
	if (cmd->maxargs >= 0 && o->nargs > cmd->maxargs) {
		rc = main_usage_error(d, MSG_USAGE_UNEXPECTED, cmd->name,
		    o->args[cmd->maxargs], cmd->name, cmd->synopsis);
		goto out;
	}
	if (o->worktree && o->rev != NULL) {
		rc = main_usage_error(d, MSG_USAGE_REV);
		goto out;
	}
	*cmd_out = cmd;
out:
	/* Messages are printed by now: the spellings may go. */
	for (i = 0; i <= (size_t)argc; i++)
		free(spellings[i]);
	free(spellings);
	free(given);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct opts			 o;
	struct diag			*d;
	const struct main_command	*cmd = NULL;
	char				 start[PATH_MAX], *root = NULL;
	int				 rc;

	/*
	 * Test hook, for tests/e2e/locales.sh only: take the whole locale from
	 * the environment, so the test proves no output byte depends on it.
	 */
	if (getenv("KITEI_TEST_SETLOCALE") != NULL)
		setlocale(LC_ALL, "");
	memset(&o, 0, sizeof(o));
	main_i18n();
	d = diag_new();
	if (getcwd(start, sizeof(start)) == NULL)
		start[0] = '\0';
	if ((rc = main_parse(&o, &cmd, argc, argv, d)) >= 0)
		goto out;
	if (cmd->run == NULL) {
		rc = main_usage_error(d, MSG_USAGE_IMPLEMENTED, cmd->name);
		goto out;
	}
	/* As git -C: everything, output paths included, is relative to DIR. */
	if (o.dir != NULL && chdir(o.dir) < 0) {
		rc = main_usage_error(d, MSG_USAGE_2, o.dir, strerror(errno));
		goto out;
	}
	/* Without -C, the policy root is the nearest folder up with kitei.yml. */
	if (o.dir == NULL && (cmd->bit & MAIN_ROOTED)) {
		struct diag *q = diag_new();

		/* catalog needs no policy root: without one, the shipped rule. */
		if (orient_root(&root, cmd->name, cmd->bit == MAIN_CATALOG ? q :
		    d) < 0 && cmd->bit != MAIN_CATALOG) {
			diag_free(q);
			rc = main_fail(d);
			goto out;
		}
		diag_free(q);
	}
	o.dir = root;
	o.cwd_prefix = orient_prefix(start[0] != '\0' ? start : NULL);
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
	rc = cmd->run(&o, d);
	xmlCleanupParser();
	git_libgit2_shutdown();
out:
	free(o.cwd_prefix);
	free(root);
	free(o.args);
	diag_free(d);
	return rc;
}
