/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * approve: makes the approval commit the sign-off stage reads (README,
 * "Approving a revision"): an empty commit on HEAD whose message ends with
 * Approved-by (from kitei.yml's people, else git's user.name), Effective and
 * Summary trailers.  Unsigned commits are made with libgit2; signed ones by
 * `git commit-tree -S`, so the approver's own gpg setup (gpg.program,
 * user.signingkey, agent and pinentry) signs them; either way libgit2 then
 * moves HEAD, only if it has not moved meanwhile.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "approve.h"
#include "ascii.h"
#include "config.h"
#include "diag.h"
#include "history.h"
#include "i18n.h"
#include "jdate.h"
#include "model.h"
#include "parse.h"
#include "signoff.h"
#include "sources.h"
#include "xalloc.h"

/* One manual the approval touches. */
struct approve_item {
	size_t	 mi;		/* index into model->manuals */
	int	 review;	/* signed off already: the approval is a review */
	int	 version;	/* 第N版 it approves (or reviews) */
};

/* Everything one look at HEAD gives. */
struct approve_state {
	struct sources	*src;
	struct config	*cf;
	struct model	*model;
	struct history	*hist;
	struct signoff	*so;
};

/* Frees what approve_load made; accepts a zeroed state. */
static void
approve_state_free(struct approve_state *s)
{
	signoff_free(s->so);
	history_free(s->hist);
	model_free(s->model);
	config_free(s->cf);
	sources_free(s->src);
	memset(s, 0, sizeof(*s));
}

/* Copies the fatal messages of q into d (the rest was for a full check). */
static void
approve_pass_fatal(const struct diag *q, struct diag *d)
{
	const struct diag_msg	*m;
	struct pos		 pos;
	size_t			 i;

	for (i = 0; i < diag_count(q); i++) {
		m = diag_get(q, i);
		if (m->level != DIAG_FATAL)
			continue;
		pos.path = m->path;
		pos.line = m->line;
		pos.col = m->col;
		diag_emit(d, DIAG_FATAL, &pos, m->rule, "%s", m->text);
	}
}

/*
 * Reads the policy root at HEAD and works out its sign-off, as check does
 * (findings are not this command's business and are dropped).  Returns 0,
 * or -1 with a fatal diagnostic.
 */
static int
approve_load(struct approve_state *s, struct diag *d)
{
	struct sources_opts	 so;
	struct signoff_input	 si;
	struct parse_doc	**docs;
	struct diag		*q = diag_new();
	size_t			 i;
	int			 rc = -1;

	memset(s, 0, sizeof(*s));
	memset(&so, 0, sizeof(so));
	if (sources_open(&s->src, &so, q) < 0 ||
	    config_parse(&s->cf, s->src->config.path, s->src->config.data,
	    s->src->config.len, q) < 0) {
		approve_pass_fatal(q, d);
		goto out;
	}
	if (s->src->commit == NULL) {
		diag_emit(d, DIAG_FATAL, NULL, "approve",
		    _("nothing is committed yet: an approval approves a commit"));
		goto out;
	}
	docs = xcalloc(s->src->ndocs + 1, sizeof(*docs));
	for (i = 0; i < s->src->ndocs; i++)
		docs[i] = parse_document(&s->src->docs[i], q);
	s->model = model_build(docs, s->src->ndocs, s->cf, q);
	free(docs);
	if (history_walk(&s->hist, s->src->repo, git_commit_id(s->src->commit),
	    s->src->prefix, q) < 0) {
		approve_pass_fatal(q, d);
		goto out;
	}
	memset(&si, 0, sizeof(si));
	si.repo = s->src->repo;
	si.hist = s->hist;
	si.model = s->model;
	si.cf = s->cf;
	si.src = s->src;
	s->so = signoff_run(&si, q);
	rc = 0;
out:
	diag_free(q);
	return rc;
}

/*
 * Refuses when files under the policy root differ from HEAD (staged,
 * modified, deleted, or new sources): an approval approves committed text,
 * and the approver must not believe they approved what they see.  Returns
 * 0, or -1 with a fatal diagnostic naming up to three of them.
 */
static int
approve_committed(const struct sources *src, struct diag *d)
{
	struct buf		 names = { NULL, 0, 0 };
	struct pos		 pos;
	size_t			 count = 0;
	int			 rc = -1;

	if (sources_uncommitted(src, &names, &count) < 0)
		goto fail;
	if (count == 0) {
		rc = 0;
		goto out;
	}
	pos.path = src->config.path;
	pos.line = pos.col = 0;
	diag_emit(d, DIAG_FATAL, &pos, "uncommitted-changes",
	    _("the policy root has uncommitted changes (%s): commit or stash "
	    "them first; an approval approves the committed text"), names.data);
	goto out;
fail:
	diag_emit(d, DIAG_FATAL, NULL, "git", _("cannot read the status of "
	    "the work tree: %s"), git_error_last() != NULL ?
	    git_error_last()->message : "unknown error");
out:
	buf_free(&names);
	return rc;
}

/* Whether email is a member of role id in cf. */
static int
approve_holds(const struct config *cf, const char *role_id, const char *email)
{
	const struct config_role	*r = config_role(cf, role_id);
	size_t				 i;

	for (i = 0; r != NULL && i < r->nmembers; i++)
		if (!ascii_strcasecmp(r->members[i], email))
			return 1;
	return 0;
}

/* Whether email holds any approver role of manual cm. */
static int
approve_may(const struct config *cf, const struct config_manual *cm,
    const char *email)
{
	size_t	 r;

	for (r = 0; r < cm->napprovers; r++)
		if (approve_holds(cf, cm->approvers[r], email))
			return 1;
	return 0;
}

/* The manual's index in the model, or SIZE_MAX. */
static size_t
approve_index(const struct model *m, const char *id)
{
	size_t	 i;

	for (i = 0; i < m->nmanuals; i++)
		if (!strcmp(m->manuals[i].cfg->id, id))
			return i;
	return (size_t)-1;
}

/* Whether the manual has changes no version covers yet. */
static int
approve_pending(const struct signoff_manual *sm)
{
	return sm->changed && !sm->signed_off;
}

/*
 * Appends the titles of the roles of cm still to approve once email has:
 * those not pending and not held by email.  Returns how many.
 */
static size_t
approve_missing(struct buf *b, const struct config *cf,
    const struct config_manual *cm, const struct signoff_manual *sm,
    const char *email)
{
	const struct config_role	*role;
	size_t				 r, i, n = 0;

	for (r = 0; r < cm->napprovers; r++) {
		role = config_role(cf, cm->approvers[r]);
		if (role == NULL || (email != NULL &&
		    approve_holds(cf, cm->approvers[r], email)))
			continue;
		for (i = 0; i < sm->npending && sm->pending[i].role != role; i++)
			;
		if (i < sm->npending)
			continue;
		buf_printf(b, "%s%s", n++ ? ", " : "",
		    role->title != NULL ? role->title : role->id);
	}
	return n;
}

/*
 * Picks the manuals the approval is about, refusing (fatal diagnostic, -1)
 * a manual kitei.yml lacks, one email may not approve, one with nothing
 * committed, and an approval that would also approve an awaiting manual
 * the person did not name.  Returns the count, items in *out.
 */
static int
approve_pick(struct approve_item **out, size_t *nout,
    const struct approve_state *s, const struct approve_opts *o,
    const char *email, struct diag *d)
{
	struct approve_item		*it;
	const struct config_manual	*cm;
	const struct signoff_manual	*sm;
	struct pos			 pos = { s->cf->path, 0, 0 };
	struct buf			 ids = { NULL, 0, 0 };
	size_t				 i, k, mi, n = 0;
	int				 named;

	*out = it = xcalloc(s->model->nmanuals + 1, sizeof(*it));
	*nout = 0;
	for (k = 0; k < o->nmanuals; k++) {
		if ((mi = approve_index(s->model, o->manuals[k])) == (size_t)-1) {
			for (i = 0; i < s->model->nmanuals; i++)
				buf_printf(&ids, "%s%s", i ? ", " : "",
				    s->model->manuals[i].cfg->id);
			diag_emit(d, DIAG_FATAL, &pos, "usage", _("approve: no "
			    "manual '%s' in kitei.yml (manuals: %s)"),
			    o->manuals[k], ids.data != NULL ? ids.data : "");
			buf_free(&ids);
			return -1;
		}
		cm = s->model->manuals[mi].cfg;
		pos.line = cm->line;
		if (!approve_may(s->cf, cm, email)) {
			diag_emit(d, DIAG_FATAL, &pos, "approve", _("%s holds no "
			    "approver role for manual '%s' in kitei.yml"), email,
			    cm->id);
			return -1;
		}
		if (!s->so->manuals[mi].changed) {
			diag_emit(d, DIAG_FATAL, &pos, "approve", _("manual '%s' "
			    "has no committed document to approve"), cm->id);
			return -1;
		}
	}
	for (mi = 0; mi < s->model->nmanuals; mi++) {
		cm = s->model->manuals[mi].cfg;
		sm = &s->so->manuals[mi];
		named = 0;
		for (k = 0; k < o->nmanuals; k++)
			if (!strcmp(o->manuals[k], cm->id))
				named = 1;
		if (!approve_may(s->cf, cm, email))
			continue;
		if (approve_pending(sm)) {
			/* The commit approves it whether named or not. */
			if (o->nmanuals > 0 && !named) {
				pos.line = cm->line;
				diag_emit(d, DIAG_FATAL, &pos, "approve", _("this "
				    "approval would also approve manual '%s', "
				    "which awaits your approval: name it too"),
				    cm->id);
				return -1;
			}
		} else if (!named)
			continue;
		for (k = 0; k < n; k++)
			if (it[k].mi == mi)
				break;
		if (k < n)
			continue;
		it[n].mi = mi;
		it[n].review = !approve_pending(sm);
		it[n].version = (int)sm->nversions + (it[n].review ? 0 : 1);
		n++;
	}
	if (n == 0) {
		diag_emit(d, DIAG_FATAL, &pos, "approve", _("nothing awaits the "
		    "approval of %s: every manual this person approves is signed "
		    "off (name manuals to record a review)"), email);
		return -1;
	}
	*nout = n;
	return (int)n;
}

/*
 * Reads user.email (required) and user.name from git's configuration for
 * the repository.  Returns 0, or -1 with a fatal diagnostic.
 */
static int
approve_identity(git_repository *repo, char **email, char **name,
    struct diag *d)
{
	git_config	*cfg = NULL;
	git_buf		 b = { NULL, 0, 0 };
	int		 rc = -1;

	*email = *name = NULL;
	if (git_repository_config_snapshot(&cfg, repo) < 0 ||
	    git_config_get_string_buf(&b, cfg, "user.email") < 0 ||
	    b.ptr[0] == '\0') {
		diag_emit(d, DIAG_FATAL, NULL, "approve", _("git config user.email "
		    "is not set: kitei approves as that person (git config "
		    "user.email you@example.co.jp)"));
		goto out;
	}
	*email = xstrdup(b.ptr);
	git_buf_dispose(&b);
	if (git_config_get_string_buf(&b, cfg, "user.name") == 0 &&
	    b.ptr[0] != '\0')
		*name = xstrdup(b.ptr);
	rc = 0;
out:
	git_buf_dispose(&b);
	git_config_free(cfg);
	return rc;
}

/* Whether s may stand in a trailer: no controls, no angle brackets. */
static int
approve_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '<' ||
		    *s == '>')
			return 0;
	return 1;
}

/* The commit message: a subject naming the versions, then the trailers. */
static char *
approve_message(const struct approve_state *s, const struct approve_item *it,
    size_t n, const char *name, const char *email,
    const struct approve_opts *o)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	/*
	 * The subject is a record in the repository, read by whoever audits
	 * it: Japanese like the rest of the history, whatever the locale.
	 */
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s 第%d版%s", i == 0 ? "承認：" : "、",
		    s->model->manuals[it[i].mi].cfg->title, it[i].version,
		    it[i].review ? "（見直し）" : "");
	buf_printf(&b, "\n\nApproved-by: %s <%s>\n", name, email);
	if (o->effective != NULL)
		buf_printf(&b, "Effective: %s\n", o->effective);
	if (o->summary != NULL)
		buf_printf(&b, "Summary: %s\n", o->summary);
	return buf_steal(&b);
}

/*
 * Runs `git commit-tree -S[key] TREE -p PARENT -F FILE` in the work tree,
 * as name and email (author and committer; git's -S without a key signs
 * with the committer's), and reads the new commit's id into oid.  Returns 0, or -1 with a fatal
 * diagnostic.
 */
static int
approve_git_sign(git_oid *oid, git_repository *repo, const git_commit *parent,
    const char *name, const char *email, const char *key, const char *msg,
    struct diag *d)
{
	char		 tree[GIT_OID_HEXSZ + 1];
	char		 pid_hex[GIT_OID_HEXSZ + 1], out[128], *sarg = NULL;
	const char	*tmpdir = getenv("TMPDIR"), *workdir;
	char		*path = NULL;
	int		 fd = -1, pfd[2] = { -1, -1 }, status, rc = -1;
	size_t		 len = strlen(msg), got = 0;
	ssize_t		 r;
	pid_t		 pid;

	workdir = git_repository_workdir(repo);
	xasprintf(&path, "%s/kitei-approve-XXXXXX", tmpdir != NULL &&
	    tmpdir[0] == '/' ? tmpdir : "/tmp");
	if ((fd = mkstemp(path)) < 0 || write(fd, msg, len) != (ssize_t)len ||
	    close(fd) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "io", "%s: %s", path,
		    strerror(errno));
		if (fd >= 0)
			unlink(path);
		goto out;
	}
	git_oid_tostr(tree, sizeof(tree), git_commit_tree_id(parent));
	git_oid_tostr(pid_hex, sizeof(pid_hex), git_commit_id(parent));
	xasprintf(&sarg, "-S%s", key != NULL ? key : "");
	if (pipe(pfd) < 0 || (pid = fork()) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "io", "git: %s", strerror(errno));
		goto out_unlink;
	}
	if (pid == 0) {
		close(pfd[0]);
		if (dup2(pfd[1], STDOUT_FILENO) < 0)
			_exit(127);
		close(pfd[1]);
		/* The approver makes the commit, as libgit2 would. */
		if (setenv("GIT_AUTHOR_NAME", name, 1) < 0 ||
		    setenv("GIT_AUTHOR_EMAIL", email, 1) < 0 ||
		    setenv("GIT_COMMITTER_NAME", name, 1) < 0 ||
		    setenv("GIT_COMMITTER_EMAIL", email, 1) < 0)
			_exit(127);
		execlp("git", "git", "-C", workdir, "commit-tree", sarg, tree,
		    "-p", pid_hex, "-F", path, (char *)NULL);
		_exit(127);
	}
	close(pfd[1]);
	pfd[1] = -1;
	while (got < sizeof(out) - 1 &&
	    (r = read(pfd[0], out + got, sizeof(out) - 1 - got)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		got += (size_t)r;
	}
	out[got] = '\0';
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    got < GIT_OID_HEXSZ || git_oid_fromstrn(oid, out, GIT_OID_HEXSZ) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "approve", _("git commit-tree -S "
		    "could not sign the approval (git's message is above); "
		    "nothing was committed"));
		goto out_unlink;
	}
	rc = 0;
out_unlink:
	unlink(path);
out:
	if (pfd[0] >= 0)
		close(pfd[0]);
	if (pfd[1] >= 0)
		close(pfd[1]);
	free(sarg);
	free(path);
	return rc;
}

/*
 * Makes the approval commit on HEAD and moves HEAD (its branch, or HEAD
 * itself when detached) to it, unless HEAD moved since it was read.
 * Returns 0, or -1 with a fatal diagnostic.
 */
static int
approve_commit(git_oid *oid, const struct approve_state *s, const char *msg,
    const char *committer, const char *email, const char *key, int sign,
    struct diag *d)
{
	git_repository	*repo = s->src->repo;
	git_signature	*sig = NULL;
	git_tree	*tree = NULL;
	git_reference	*head = NULL, *target = NULL, *moved = NULL;
	const git_commit *parents[1];
	git_buf		 sb = { NULL, 0, 0 }, sd = { NULL, 0, 0 };
	int		 rc = -1;

	parents[0] = s->src->commit;
	if (sign) {
		if (approve_git_sign(oid, repo, s->src->commit, committer, email,
		    key, msg, d) < 0)
			goto out;
		/* What git wrote must be signed, or it approves nothing. */
		if (git_commit_extract_signature(&sb, &sd, repo, oid, NULL) < 0) {
			diag_emit(d, DIAG_FATAL, NULL, "approve", _("git made an "
			    "unsigned commit: check gpg.program and "
			    "user.signingkey; nothing was committed"));
			goto out;
		}
	} else if (git_signature_now(&sig, committer, email) < 0 ||
	    git_commit_tree(&tree, s->src->commit) < 0 ||
	    git_commit_create(oid, repo, NULL, sig, sig, NULL, msg, tree, 1,
	    parents) < 0)
		goto git_fail;
	if (git_repository_head(&head, repo) < 0)
		goto git_fail;
	if (git_reference_is_branch(head)) {
		if (git_reference_create_matching(&moved, repo,
		    git_reference_name(head), oid, 1, git_commit_id(s->src->commit),
		    "approve: kitei approve") < 0)
			goto git_fail;
	} else if (git_oid_cmp(git_reference_target(head),
	    git_commit_id(s->src->commit)) != 0 ||
	    git_repository_set_head_detached(repo, oid) < 0)
		goto git_fail;
	rc = 0;
	goto out;
git_fail:
	diag_emit(d, DIAG_FATAL, NULL, "git", _("the approval commit was not "
	    "made: %s"), git_error_last() != NULL ? git_error_last()->message :
	    _("HEAD moved meanwhile"));
out:
	git_buf_dispose(&sb);
	git_buf_dispose(&sd);
	git_reference_free(moved);
	git_reference_free(target);
	git_reference_free(head);
	git_tree_free(tree);
	git_signature_free(sig);
	return rc;
}

/*
 * Asks on in whether to go on.  Returns 1 for yes (y, yes, はい), 0 for
 * anything else.
 */
static int
approve_ask(FILE *in, FILE *out)
{
	char	 line[64];
	char	*p;

	fputs(_("Approve? [y/N] "), out);
	fflush(out);
	if (fgets(line, sizeof(line), in) == NULL)
		return 0;
	for (p = line; *p == ' '; p++)
		;
	p[strcspn(p, " \r\n")] = '\0';
	return !ascii_strcasecmp(p, "y") || !ascii_strcasecmp(p, "yes") ||
	    !strcmp(p, "はい") || !strcmp(p, "ｙ");
}

/*
 * The 施行日 an earlier pending approval set (the sign-off stage takes the
 * completing commit's Effective, else the latest approver's): its day into
 * out and 1, or 0 when none did.
 */
static int
approve_pending_effective(char *out, size_t outsz,
    const struct signoff_manual *sm)
{
	const char	**vals;
	struct jdate	  day;
	size_t		  i, n;
	int		  found = 0;

	for (i = sm->npending; i-- > 0; ) {
		n = history_trailer_values(&vals, sm->pending[i].commit,
		    "Effective");
		if (n > 0 && jdate_parse(&day, vals[n - 1]) == 0) {
			jdate_iso(out, outsz, &day);
			found = 1;
		}
		free(vals);
		if (n > 0)
			break;
	}
	return found;
}

/* Prints a manual's line: id, title, 第N版, 施行日, what remains. */
static void
approve_show(FILE *out, const struct approve_state *s,
    const struct approve_item *it, const char *email,
    const struct approve_opts *o)
{
	const struct config_manual	*cm = s->model->manuals[it->mi].cfg;
	const struct signoff_manual	*sm = &s->so->manuals[it->mi];
	struct buf			 miss = { NULL, 0, 0 };
	char				 day[16];

	fputs("  ", out);
	diag_fputs(cm->id, out);
	fputs("  ", out);
	diag_fputs(cm->title, out);
	fprintf(out, "  第%d版", it->version);
	if (it->review) {
		fprintf(out, _("  review of the signed-off text (施行日 %s stays)\n"),
		    jdate_iso(day, sizeof(day),
		    &sm->versions[sm->nversions - 1].effective));
		return;
	}
	if (o->effective != NULL)
		fprintf(out, "  施行日 %s", o->effective);
	else if (approve_pending_effective(day, sizeof(day), sm))
		fprintf(out, _("  施行日 %s (set by an earlier approval)"), day);
	else
		fputs(_("  施行日 the day of the last approval"), out);
	if (approve_missing(&miss, s->cf, cm, sm, email) == 0)
		fputs(_("  (this approval completes the sign-off)\n"), out);
	else {
		fputs(_("  (then still awaiting "), out);
		diag_fputs(miss.data, out);
		fputs(")\n", out);
	}
	buf_free(&miss);
}

/* After the commit: what each manual's sign-off now is. */
static void
approve_report(FILE *out, const struct approve_state *s,
    const struct approve_item *it, size_t n)
{
	const struct config_manual	*cm;
	const struct signoff_manual	*sm;
	struct buf			 miss = { NULL, 0, 0 };
	char				 day[16];
	size_t				 i;

	for (i = 0; i < n; i++) {
		cm = s->model->manuals[it[i].mi].cfg;
		sm = &s->so->manuals[it[i].mi];
		fputs("  ", out);
		diag_fputs(cm->id, out);
		if (sm->signed_off && sm->nversions > 0)
			fprintf(out, _(": signed off, 第%d版, 施行日 %s\n"),
			    sm->versions[sm->nversions - 1].number,
			    jdate_iso(day, sizeof(day),
			    &sm->versions[sm->nversions - 1].effective));
		else {
			approve_missing(&miss, s->cf, cm, sm, NULL);
			fputs(_(": approval recorded; awaiting "), out);
			diag_fputs(miss.data != NULL ? miss.data : "?", out);
			fputc('\n', out);
			buf_free(&miss);
		}
	}
}

/* The approval; see approve.h. */
int
approve_run(const struct approve_opts *o, FILE *in, FILE *out, struct diag *d)
{
	struct approve_state		 s, after;
	struct approve_item		*it = NULL;
	const struct config_person	*p;
	const struct signoff_manual	*sm;
	struct jdate			 eff;
	struct pos			 pos;
	git_oid				 oid;
	char				*email = NULL, *uname = NULL, *msg = NULL;
	char				 a[16], hex[GIT_OID_HEXSZ + 1];
	const char			*name, *key = NULL;
	size_t				 n = 0, i, r;
	int				 sign, rc = -1;

	memset(&after, 0, sizeof(after));
	if (approve_load(&s, d) < 0)
		goto out;
	if (approve_committed(s.src, d) < 0 ||
	    approve_identity(s.src->repo, &email, &uname, d) < 0)
		goto out;
	pos.path = s.cf->path;
	pos.line = pos.col = 0;
	for (i = 0, r = 0; i < s.cf->nroles; i++)
		r += approve_holds(s.cf, s.cf->roles[i].id, email);
	if (r == 0) {
		diag_emit(d, DIAG_FATAL, &pos, "approve", _("%s (git config "
		    "user.email) holds no approver role in kitei.yml"), email);
		goto out;
	}
	if (approve_pick(&it, &n, &s, o, email, d) < 0)
		goto out;
	p = config_person(s.cf, email);
	name = p != NULL && p->name != NULL ? p->name : uname != NULL ? uname :
	    email;
	if (!approve_plain(name) || !approve_plain(email)) {
		diag_emit(d, DIAG_FATAL, &pos, "approve", _("the approver's name "
		    "or address holds '<', '>' or a control character, which an "
		    "Approved-by: trailer cannot carry"));
		goto out;
	}
	key = p != NULL ? p->key : NULL;
	sign = o->sign || s.cf->require_signature;
	if (s.cf->require_signature && key == NULL) {
		diag_emit(d, DIAG_FATAL, &pos, "approve", _("approvals must be "
		    "signed (require_signature), and kitei.yml gives %s no key "
		    "under people"), email);
		goto out;
	}
	/* A 施行日 before the previous version's would contradict its 附則. */
	for (i = 0; o->effective != NULL && i < n; i++) {
		sm = &s.so->manuals[it[i].mi];
		if (it[i].review || sm->nversions == 0 ||
		    jdate_parse(&eff, o->effective) < 0)
			continue;
		if (jdate_days(&eff) < jdate_days(
		    &sm->versions[sm->nversions - 1].effective)) {
			pos.line = s.model->manuals[it[i].mi].cfg->line;
			diag_emit(d, DIAG_FATAL, &pos, "effective-date-order",
			    _("--effective %s is earlier than the 施行日 of "
			    "manual '%s' 第%d版, %s"), o->effective,
			    s.model->manuals[it[i].mi].cfg->id,
			    sm->versions[sm->nversions - 1].number,
			    jdate_iso(a, sizeof(a),
			    &sm->versions[sm->nversions - 1].effective));
			goto out;
		}
	}
	msg = approve_message(&s, it, n, name, email, o);
	/* Never show what cannot be confirmed. */
	if (!o->yes && !isatty(fileno(in))) {
		diag_emit(d, DIAG_FATAL, NULL, "approve", _("approve asks "
		    "before committing and standard input is not a "
		    "terminal: give --yes to approve without asking"));
		goto out;
	}

	fputs(_("Approval by "), out);
	diag_fputs(name, out);
	fputs(" <", out);
	diag_fputs(email, out);
	fprintf(out, _("> of commit %.12s:\n"), s.src->revision);
	for (i = 0; i < n; i++)
		approve_show(out, &s, &it[i], email, o);
	if (o->summary != NULL) {
		fputs("  Summary: ", out);
		diag_fputs(o->summary, out);
		fputc('\n', out);
	}
	if (sign) {
		fputs(_("  signed with "), out);
		diag_fputs(key != NULL ? key : _("git's signing key"), out);
		fputc('\n', out);
	}
	if (!o->yes && !approve_ask(in, out)) {
		fputs(_("Not approved; nothing committed.\n"), out);
		rc = 1;
		goto out;
	}
	if (approve_commit(&oid, &s, msg, uname != NULL ? uname : name, email,
	    key, sign, d) < 0)
		goto out;
	git_oid_tostr(hex, sizeof(hex), &oid);
	fprintf(out, _("committed %.12s\n"), hex);
	if (approve_load(&after, d) == 0)
		approve_report(out, &after, it, n);
	rc = 0;
out:
	approve_state_free(&after);
	approve_state_free(&s);
	free(msg);
	free(it);
	free(email);
	free(uname);
	return rc;
}
