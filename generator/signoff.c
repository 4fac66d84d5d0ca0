/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Works out who approved which revision of each manual, its versions and
 * whether it is signed off, verifying signatures with gpgme when required.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>
#include <gpgme.h>

#include "ascii.h"
#include "config.h"
#include "diag.h"
#include "gpghome.h"
#include "history.h"
#include "jdate.h"
#include "model.h"
#include "pathglob.h"
#include "publish.h"
#include "signoff.h"
#include "sources.h"
#include "xalloc.h"

/* Hex digits of an OpenPGP v4 fingerprint, the shortest kitei.yml may give. */
#define SIGNOFF_FPR_MIN	40

/* The temporary keyring used to check approval signatures. */
struct signoff_gpg {
	struct gpghome	*home;		/* temporary GNUPGHOME, removed at the end */
	int		 ready;		/* keys imported */
};

/*
 * kitei.yml as it stood in approval commits, parsed once per version of the
 * file: an approval is judged by the roles in force when it was given, so
 * it still counts after its approver has left the role.
 */
struct signoff_past {
	git_oid		 blob;
	struct config	*cf;		/* NULL if it did not parse */
};

struct signoff_pasts {
	struct signoff_past	*v;
	size_t			 n;
};

/* Splits "名前 <email>" into name and email copies; returns 0 or -1. */
static int
signoff_parse_person(const char *v, char **name, char **email)
{
	const char	*lt = strrchr(v, '<'), *gt;
	size_t		 n;

	if (lt == NULL || (gt = strchr(lt, '>')) == NULL || gt == lt + 1)
		return -1;
	*email = xstrndup(lt + 1, (size_t)(gt - lt - 1));
	n = (size_t)(lt - v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	*name = xstrndup(v, n);
	return 0;
}

/* Whether role lists email among its members (case-insensitive). */
static int
signoff_is_member(const struct config_role *r, const char *email)
{
	size_t	 i;

	for (i = 0; i < r->nmembers; i++)
		if (!ascii_strcasecmp(r->members[i], email))
			return 1;
	return 0;
}

/* Whether the manual's approvers name role r earlier in the list too. */
static int
signoff_named_before(const struct config_manual *cm, size_t r)
{
	size_t	 i;

	for (i = 0; i < r; i++)
		if (!strcmp(cm->approvers[i], cm->approvers[r]))
			return 1;
	return 0;
}

/* The number of distinct roles among the manual's approvers. */
static size_t
signoff_nroles(const struct config_manual *cm)
{
	size_t	 r, n = 0;

	for (r = 0; r < cm->napprovers; r++)
		n += !signoff_named_before(cm, r);
	return n;
}

/* Whether any role in kitei.yml lists email among its members. */
static int
signoff_any_role(const struct config *cf, const char *email)
{
	size_t	 i;

	for (i = 0; i < cf->nroles; i++)
		if (signoff_is_member(&cf->roles[i], email))
			return 1;
	return 0;
}

/* Finds the person with this e-mail address, case-insensitively. */
static const struct config_person *
signoff_person(const struct config *cf, const char *email)
{
	size_t	 i;

	for (i = 0; i < cf->npeople; i++)
		if (cf->people[i].email != NULL &&
		    !ascii_strcasecmp(cf->people[i].email, email))
			return &cf->people[i];
	return NULL;
}

/* Returns kitei.yml as commit id had it (borrowed from ps), or NULL. */
static const struct config *
signoff_past_config(struct signoff_pasts *ps, const struct signoff_input *in,
    const char *id)
{
	git_oid		 oid;
	git_commit	*gc = NULL;
	git_tree	*tree = NULL;
	git_tree_entry	*e = NULL;
	git_blob	*b = NULL;
	struct config	*cf = NULL;
	struct diag	*quiet;
	size_t		 i;

	if (git_oid_fromstr(&oid, id) < 0 ||
	    git_commit_lookup(&gc, in->repo, &oid) < 0 ||
	    git_commit_tree(&tree, gc) < 0 ||
	    git_tree_entry_bypath(&e, tree, in->cf->path) < 0)
		goto out;
	for (i = 0; i < ps->n; i++)
		if (git_oid_equal(&ps->v[i].blob, git_tree_entry_id(e))) {
			cf = ps->v[i].cf;
			goto out;
		}
	if (git_blob_lookup(&b, in->repo, git_tree_entry_id(e)) == 0) {
		quiet = diag_new();
		if (config_parse(&cf, in->cf->path, git_blob_rawcontent(b),
		    (size_t)git_blob_rawsize(b), quiet) < 0)
			cf = NULL;
		diag_free(quiet);
	}
	ps->v = xgrowarray(ps->v, ps->n, 1, sizeof(*ps->v));
	git_oid_cpy(&ps->v[ps->n].blob, git_tree_entry_id(e));
	ps->v[ps->n++].cf = cf;
out:
	git_blob_free(b);
	git_tree_entry_free(e);
	git_tree_free(tree);
	git_commit_free(gc);
	return cf;
}

/*
 * Whether commit c changed, in kitei.yml, what manual cm is made of: its
 * documents globs or its title.  Documents dropped from a manual by a glob
 * change no file of it.
 */
static int
signoff_redefined(struct signoff_pasts *ps, const struct signoff_input *in,
    const struct history_commit *c, const struct config_manual *cm)
{
	const struct config		*now, *was;
	const struct config_manual	*a, *b;
	size_t				 i;

	for (i = 0; i < c->nfiles && strcmp(c->files[i].path, in->cf->path); i++)
		;
	if (i == c->nfiles || c->nparents == 0 ||
	    (now = signoff_past_config(ps, in, c->id)) == NULL ||
	    (was = signoff_past_config(ps, in, c->parents[0])) == NULL ||
	    (a = config_manual(now, cm->id)) == NULL ||
	    (b = config_manual(was, cm->id)) == NULL)
		return 0;
	if (a->ndocuments != b->ndocuments || a->kind != b->kind ||
	    strcmp(a->title != NULL ? a->title : "", b->title != NULL ? b->title : ""))
		return 1;
	for (i = 0; i < a->ndocuments; i++)
		if (strcmp(a->documents[i], b->documents[i]))
			return 1;
	return 0;
}

/* Whether past kitei.yml cf lists email in the role called id. */
static int
signoff_was_member(const struct config *cf, const char *id, const char *email)
{
	const struct config_role	*r;

	return cf != NULL && (r = config_role(cf, id)) != NULL &&
	    signoff_is_member(r, email);
}

/* Sets up the temporary keyring and imports keys/NAME.asc; returns 0 or -1. */
static int
signoff_gpg_init(struct signoff_gpg *g, const struct sources *src,
    struct diag *d)
{
	gpgme_error_t	 e;
	size_t		 i;

	if ((g->home = gpghome_new(d)) == NULL)
		return -1;
	for (i = 0; i < src->nkeys; i++)
		if ((e = gpghome_import(g->home, src->keys[i].data,
		    src->keys[i].len)) != 0) {
			struct pos pos = { src->keys[i].path, 0, 0 };

			diag_msg(d, &pos, MSG_BAD_KEY, gpgme_strerror(e));
		}
	g->ready = 1;
	return 0;
}

/* Releases the keyring and removes its folder. */
static void
signoff_gpg_free(struct signoff_gpg *g)
{
	gpghome_free(g->home);
	g->home = NULL;
}

/*
 * Compares two whole fingerprints, ignoring case and spaces.  A key id (a
 * fingerprint's tail) is no match: keys whose ids collide are easy to make.
 */
static int
signoff_fpr_equal(const char *a, const char *b)
{
	char	 x[128], y[128];
	size_t	 i, n = 0, m = 0;

	for (i = 0; a[i] != '\0' && n < sizeof(x) - 1; i++)
		if (!ascii_isspace((unsigned char)a[i]))
			x[n++] = (char)ascii_toupper((unsigned char)a[i]);
	for (i = 0; b[i] != '\0' && m < sizeof(y) - 1; i++)
		if (!ascii_isspace((unsigned char)b[i]))
			y[m++] = (char)ascii_toupper((unsigned char)b[i]);
	x[n] = y[m] = '\0';
	return n > 0 && !strcmp(x, y);
}

/*
 * The time an approval in commit c is judged at: the latest of its committer
 * time and its parents' (a commit cannot be made before its parents exist),
 * so that a signer whose clock was set back cannot date an approval into
 * the lifetime of a key that had expired.
 */
static int64_t
signoff_commit_time(git_repository *repo, const struct history_commit *c)
{
	git_commit	*pc;
	git_oid		 oid;
	int64_t		 t = c->time;
	size_t		 i;

	for (i = 0; i < c->nparents; i++)
		if (git_oid_fromstr(&oid, c->parents[i]) == 0 &&
		    git_commit_lookup(&pc, repo, &oid) == 0) {
			if ((int64_t)git_commit_time(pc) > t)
				t = (int64_t)git_commit_time(pc);
			git_commit_free(pc);
		}
	return t;
}

/*
 * Checks that commit c carries a good signature by the key configured for
 * person p.  Returns SIGNOFF_SIG_GOOD, or SIGNOFF_SIG_BAD with *why set to
 * a static reason.
 */
static enum signoff_sig
signoff_verify(struct signoff_gpg *g, git_repository *repo,
    const struct history_commit *c, const struct config_person *p,
    const char **why)
{
	git_buf			 sig = { NULL, 0, 0 }, text = { NULL, 0, 0 };
	git_oid			 oid;
	gpgme_data_t		 sd = NULL, td = NULL;
	gpgme_verify_result_t	 res;
	gpgme_signature_t	 s;
	gpgme_key_t		 key;
	gpgme_ctx_t		 ctx = NULL;
	int64_t			 when;
	enum signoff_sig	 rc = SIGNOFF_SIG_BAD;
	size_t			 i, n;

	*why = "the commit is not signed";
	if (p == NULL || p->key == NULL) {
		*why = "no key is configured for this person in kitei.yml";
		return SIGNOFF_SIG_BAD;
	}
	for (i = n = 0; p->key[i] != '\0'; i++)
		n += ascii_isxdigit((unsigned char)p->key[i]) != 0;
	if (n < SIGNOFF_FPR_MIN) {
		*why = "kitei.yml gives a key id for this person, not the key's "
		    "whole fingerprint";
		return SIGNOFF_SIG_BAD;
	}
	if (git_oid_fromstr(&oid, c->id) < 0 ||
	    git_commit_extract_signature(&sig, &text, repo, &oid, NULL) < 0)
		return SIGNOFF_SIG_BAD;
	*why = "the signature cannot be checked";
	if (!g->ready ||
	    gpgme_data_new_from_mem(&sd, sig.ptr, sig.size, 0) != 0 ||
	    gpgme_data_new_from_mem(&td, text.ptr, text.size, 0) != 0 ||
	    gpgme_op_verify(ctx = gpghome_ctx(g->home), sd, td, NULL) != 0 ||
	    (res = gpgme_op_verify_result(ctx)) == NULL)
		goto out;
	*why = "the signature is not by the approver's key";
	when = signoff_commit_time(repo, c);
	for (s = res->signatures; s != NULL; s = s->next) {
		if (gpg_err_code(s->status) == GPG_ERR_NO_PUBKEY) {
			*why = "signed by a key not in keys/";
			continue;
		}
		if (!gpghome_sig_counts(g->home, s, when, why))
			continue;
		if (signoff_fpr_equal(s->fpr, p->key)) {
			rc = SIGNOFF_SIG_GOOD;
			break;
		}
		/* A subkey signed: compare its primary key. */
		if (gpgme_get_key(ctx, s->fpr, &key, 0) == 0) {
			if (key->subkeys != NULL && key->subkeys->fpr != NULL &&
			    signoff_fpr_equal(key->subkeys->fpr, p->key))
				rc = SIGNOFF_SIG_GOOD;
			gpgme_key_unref(key);
			if (rc == SIGNOFF_SIG_GOOD)
				break;
		}
	}
out:
	gpgme_data_release(sd);
	gpgme_data_release(td);
	git_buf_dispose(&sig);
	git_buf_dispose(&text);
	return rc;
}

/* Frees an approval's strings. */
static void
signoff_approval_clear(struct signoff_approval *a)
{
	free(a->name);
	free(a->email);
}

/* Records a's approval in the pending set, replacing that role's earlier one. */
static void
signoff_pending_put(struct signoff_manual *sm, struct signoff_approval *a)
{
	size_t	 i;

	for (i = 0; i < sm->npending; i++)
		if (sm->pending[i].role == a->role) {
			signoff_approval_clear(&sm->pending[i]);
			sm->pending[i] = *a;
			return;
		}
	sm->pending = xgrowarray(sm->pending, sm->npending, 1,
	    sizeof(*sm->pending));
	sm->pending[sm->npending++] = *a;
}

/* Clears the pending approvals. */
static void
signoff_pending_reset(struct signoff_manual *sm)
{
	size_t	 i;

	for (i = 0; i < sm->npending; i++)
		signoff_approval_clear(&sm->pending[i]);
	sm->npending = 0;
}

/* Whether commit a is b or has b as an ancestor. */
static int
signoff_contains(git_repository *repo, const char *a, const char *b)
{
	git_oid	 x, y;

	if (!strcmp(a, b))
		return 1;
	if (git_oid_fromstr(&x, a) < 0 || git_oid_fromstr(&y, b) < 0)
		return 0;
	return git_graph_descendant_of(repo, &x, &y) == 1;
}

/* Makes a version from the pending approvals, completed by commit c. */
static void
signoff_add_version(struct signoff_manual *sm, const struct history_commit *c,
    const struct history_commit *change, char ***subjects, size_t *nsubjects)
{
	struct signoff_version	*v;
	const char		**eff;
	struct jdate		 day;
	size_t			 i, n;

	sm->versions = xgrowarray(sm->versions, sm->nversions, 1,
	    sizeof(*sm->versions));
	v = &sm->versions[sm->nversions];
	memset(v, 0, sizeof(*v));
	v->number = (int)++sm->nversions;
	v->time = c->time;
	v->offset = c->offset;
	jdate_from_time(&v->approved, c->time, c->offset);
	v->effective = v->approved;
	/*
	 * 施行日: the completing commit's Effective, else the latest
	 * approver's.  One that is no day stops the search: another
	 * approver's date is not what this one meant (check reports it).
	 */
	for (i = sm->npending + 1; i-- > 0; ) {
		const struct history_commit *ac = i == sm->npending ? c :
		    sm->pending[i].commit;

		n = history_trailer_values(&eff, ac, "Effective");
		if (n > 0 && jdate_parse(&day, eff[n - 1]) == 0) {
			v->effective = day;
			v->has_effective = 1;
		}
		free(eff);
		if (n > 0)
			break;
	}
	v->change = xstrdup(change->id);
	v->subjects = *subjects;
	v->nsubjects = *nsubjects;
	*subjects = NULL;
	*nsubjects = 0;
	v->approvals = xcalloc(sm->npending + 1, sizeof(*v->approvals));
	for (i = 0; i < sm->npending; i++) {
		v->approvals[i] = sm->pending[i];
		v->approvals[i].name = xstrdup(sm->pending[i].name);
		v->approvals[i].email = xstrdup(sm->pending[i].email);
	}
	v->napprovals = sm->npending;
}

/*
 * Whether commit c took a file matching the manual's documents globs away
 * (deleted it, or renamed it elsewhere): the current documents' histories
 * cannot show that change.  prefix is the policy root ("" or "policies/").
 */
static int
signoff_took_away(const struct history_commit *c,
    const struct config_manual *cm, const char *prefix)
{
	const char	*p;
	size_t		 i, k, n = strlen(prefix);

	for (i = 0; i < c->nfiles; i++) {
		p = c->files[i].status == 'D' ? c->files[i].path :
		    c->files[i].status == 'R' ? c->files[i].old_path : NULL;
		if (p == NULL || strncmp(p, prefix, n) != 0)
			continue;
		for (k = 0; k < cm->ndocuments; k++)
			if (pathglob_match(cm->documents[k], p + n))
				return 1;
	}
	return 0;
}

/*
 * Reports the Effective trailers of approval commit c that are no day: an
 * error, since the 施行日 printed would otherwise be the approval date
 * without a word.  Full-width digits are read (history.c normalises).
 */
static void
signoff_check_effective(const struct history_commit *c,
    const struct config_manual *cm, const struct pos *pos, struct diag *d)
{
	const char	**vals;
	struct jdate	  day;
	size_t		  i, n;

	n = history_trailer_values(&vals, c, "Effective");
	for (i = 0; i < n; i++)
		if (jdate_parse(&day, vals[i]) < 0)
			diag_msg(d, pos, MSG_BAD_APPROVAL_MANUAL, cm->id,
			    vals[i], c->id);
	free(vals);
}

/* Parses today (or the system date) into d. */
static void
signoff_today(struct jdate *d, const char *today)
{
	if (today != NULL && jdate_parse(d, today) == 0)
		return;
	jdate_from_time(d, (int64_t)time(NULL), 9 * 60);
}

/* Orders object ids, for qsort and bsearch. */
static int
signoff_oid_cmp(const void *a, const void *b)
{
	return git_oid_cmp(a, b);
}

/*
 * A manual's text at one commit, for telling whether a change changed it:
 * its title and kind, then the blob ids of its documents in chapter order
 * (by path, as the sources stage sorts them).  Paths are left out, so a
 * rename that keeps the order leaves the text as it was; a rename that
 * moves a chapter changes it.  Cached by the policy root's tree id.
 */
struct signoff_text {
	git_oid		 tree;		/* the policy root's tree at the commit */
	char		*key;		/* NULL: an empty slot */
};

struct signoff_texts {
	struct signoff_text	*v;	/* open addressing on the tree id */
	size_t			 cap;	/* a power of two, or 0 */
	size_t			 n;
};

/* One document found by signoff_text_cb. */
struct signoff_textdoc {
	char	*rel;			/* relative to the policy root */
	git_oid	 blob;
};

/* What signoff_text_cb collects. */
struct signoff_textwalk {
	const struct config	*cf;	/* kitei.yml in force at the commit */
	size_t			 manual; /* index of the manual in cf */
	struct signoff_textdoc	*docs;
	size_t			 ndocs;
};

/* Frees the cached texts. */
static void
signoff_texts_free(struct signoff_texts *ts)
{
	size_t	 i;

	for (i = 0; i < ts->cap; i++)
		free(ts->v[i].key);
	free(ts->v);
	memset(ts, 0, sizeof(*ts));
}

/* The slot for tree id in ts (a full one, or the empty one to fill). */
static struct signoff_text *
signoff_texts_slot(struct signoff_texts *ts, const git_oid *tree)
{
	size_t	 i;

	memcpy(&i, tree->id, sizeof(i));
	for (i &= ts->cap - 1; ts->v[i].key != NULL &&
	    !git_oid_equal(&ts->v[i].tree, tree); i = (i + 1) & (ts->cap - 1))
		;
	return &ts->v[i];
}

/* Stores key (taken over) for tree id, growing the table at half load. */
static void
signoff_texts_put(struct signoff_texts *ts, const git_oid *tree, char *key)
{
	struct signoff_texts	 old = *ts;
	struct signoff_text	*slot;
	size_t			 i;

	if (2 * (ts->n + 1) > ts->cap) {
		ts->cap = ts->cap ? 2 * ts->cap : 64;
		ts->v = xcalloc(ts->cap, sizeof(*ts->v));
		ts->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.v[i].key != NULL) {
				*signoff_texts_slot(ts, &old.v[i].tree) = old.v[i];
				ts->n++;
			}
		free(old.v);
	}
	slot = signoff_texts_slot(ts, tree);
	git_oid_cpy(&slot->tree, tree);
	slot->key = key;
	ts->n++;
}

/* Orders documents by path, as sources.c does. */
static int
signoff_textdoc_cmp(const void *a, const void *b)
{
	return strcmp(((const struct signoff_textdoc *)a)->rel,
	    ((const struct signoff_textdoc *)b)->rel);
}

/*
 * git_tree_walk callback: keeps each Markdown blob that the walk's manual
 * claims, that is the first manual (in kitei.yml order) whose documents
 * globs match it, as model.c assigns documents.
 */
static int
signoff_text_cb(const char *root, const git_tree_entry *e, void *arg)
{
	struct signoff_textwalk		*w = arg;
	const char			*name = git_tree_entry_name(e);
	git_filemode_t			 mode = git_tree_entry_filemode(e);
	char				*rel;
	size_t				 n = strlen(name), j, k;

	if ((mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) ||
	    n < 4 || ascii_strcasecmp(name + n - 3, ".md"))
		return 0;
	xasprintf(&rel, "%s%s", root, name);
	for (j = 0; j < w->cf->nmanuals; j++) {
		for (k = 0; k < w->cf->manuals[j].ndocuments; k++)
			if (pathglob_match(w->cf->manuals[j].documents[k],
			    rel))
				break;
		if (k < w->cf->manuals[j].ndocuments)
			break;
	}
	if (j != w->manual) {
		free(rel);
		return 0;
	}
	w->docs = xgrowarray(w->docs, w->ndocs, 1, sizeof(*w->docs));
	w->docs[w->ndocs].rel = rel;
	git_oid_cpy(&w->docs[w->ndocs++].blob, git_tree_entry_id(e));
	return 0;
}

/*
 * Returns manual cm's text at commit id (borrowed from ts), "" when the
 * policy root is not there, or NULL when it cannot be read: the caller then
 * takes the commit for a change.  The documents are those kitei.yml gave
 * the manual at that commit (today's kitei.yml when it had no such manual).
 */
static const char *
signoff_text(struct signoff_texts *ts, struct signoff_pasts *ps,
    const struct signoff_input *in, const struct config_manual *cm,
    const char *id)
{
	struct signoff_textwalk		 w;
	const struct config		*pcf;
	const struct config_manual	*pm;
	git_oid				 oid;
	git_commit			*gc = NULL;
	git_tree			*top = NULL, *tree = NULL;
	git_tree_entry			*e = NULL;
	struct buf			 b = { NULL, 0, 0 };
	const char			*key = NULL;
	char				 hex[GIT_OID_HEXSZ + 1];
	size_t				 i, n;
	int				 rc;

	memset(&w, 0, sizeof(w));
	if (in->src == NULL || git_oid_fromstr(&oid, id) < 0 ||
	    git_commit_lookup(&gc, in->repo, &oid) < 0 ||
	    git_commit_tree(&top, gc) < 0)
		goto out;
	n = strlen(in->src->prefix);
	if (n > 0) {
		char *dir = xstrndup(in->src->prefix, n - 1);

		rc = git_tree_entry_bypath(&e, top, dir);
		free(dir);
		if (rc == GIT_ENOTFOUND ||
		    (rc == 0 && git_tree_entry_type(e) != GIT_OBJECT_TREE)) {
			key = "";
			goto out;
		}
		if (rc < 0 || git_tree_lookup(&tree, in->repo,
		    git_tree_entry_id(e)) < 0)
			goto out;
	} else {
		tree = top;
		top = NULL;
	}
	if (ts->cap > 0 &&
	    (key = signoff_texts_slot(ts, git_tree_id(tree))->key) != NULL)
		goto out;
	pcf = signoff_past_config(ps, in, id);
	w.cf = pcf != NULL && config_manual(pcf, cm->id) != NULL ? pcf : in->cf;
	for (w.manual = 0; w.manual < w.cf->nmanuals &&
	    strcmp(w.cf->manuals[w.manual].id, cm->id); w.manual++)
		;
	if (w.manual == w.cf->nmanuals) {
		key = "";
		goto out;
	}
	pm = &w.cf->manuals[w.manual];
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, signoff_text_cb, &w) < 0)
		goto out;
	if (w.ndocs > 1)
		qsort(w.docs, w.ndocs, sizeof(*w.docs), signoff_textdoc_cmp);
	buf_printf(&b, "%s\n%d\n", pm->title != NULL ? pm->title : "",
	    (int)pm->kind);
	for (i = 0; i < w.ndocs; i++)
		buf_printf(&b, "%s\n", git_oid_tostr(hex, sizeof(hex),
		    &w.docs[i].blob));
	signoff_texts_put(ts, git_tree_id(tree), buf_steal(&b));
	key = signoff_texts_slot(ts, git_tree_id(tree))->key;
out:
	for (i = 0; i < w.ndocs; i++)
		free(w.docs[i].rel);
	free(w.docs);
	buf_free(&b);
	git_tree_entry_free(e);
	git_tree_free(tree);
	git_tree_free(top);
	git_commit_free(gc);
	return key;
}

/*
 * Whether manual cm reads the same at commits a and b (ids).  Unreadable
 * text never reads the same.
 */
static int
signoff_same_text(struct signoff_texts *ts, struct signoff_pasts *ps,
    const struct signoff_input *in, const struct config_manual *cm,
    const char *a, const char *b)
{
	const char	*x, *y;
	char		*keep;
	int		 same;

	if ((x = signoff_text(ts, ps, in, cm, a)) == NULL)
		return 0;
	keep = xstrdup(x);	/* the table may grow and move x */
	y = signoff_text(ts, ps, in, cm, b);
	same = y != NULL && !strcmp(keep, y);
	free(keep);
	return same;
}

/*
 * Collects the Summary trailers (改定内容 in the approvers' words) of the
 * completing commit c, else of the latest approval in sm's pending set that
 * has any, into *out (copies).
 */
static void
signoff_summary(const struct signoff_manual *sm,
    const struct history_commit *c, char ***out, size_t *nout)
{
	const char	**vals;
	size_t		  i, k, n;

	for (i = sm->npending + 1; i-- > 0; ) {
		const struct history_commit *ac = i == sm->npending ? c :
		    sm->pending[i].commit;

		n = history_trailer_values(&vals, ac, "Summary");
		if (n > 0) {
			*out = xcalloc(n, sizeof(char *));
			for (k = 0; k < n; k++)
				(*out)[k] = xstrdup(vals[k]);
			*nout = n;
			free(vals);
			return;
		}
		free(vals);
	}
}

/*
 * Collects into *subjects the 改定内容 of a version approving change chg[t]:
 * the subjects of the changes it contains and the last version's change
 * base (NULL if none) does not, found in one revision walk, which no version
 * listed yet; merges left out unless they are all there is.  Marks them
 * listed.
 */
static void
signoff_subjects(const struct signoff_input *in, const size_t *chg,
    char *listed, size_t t, const struct history_commit *base,
    char ***subjects, size_t *nsubjects)
{
	const struct history_commit	*c;
	git_revwalk			*w = NULL;
	git_oid				 id, *ids = NULL;
	size_t				 u, n = 0, cap = 0;
	char				*hit;
	int				 merges;

	if (git_revwalk_new(&w, in->repo) == 0 &&
	    git_oid_fromstr(&id, in->hist->commits[chg[t]].id) == 0 &&
	    git_revwalk_push(w, &id) == 0) {
		if (base != NULL && git_oid_fromstr(&id, base->id) == 0)
			(void)git_revwalk_hide(w, &id);
		while (git_revwalk_next(&id, w) == 0) {
			if (n == cap) {
				cap = cap ? 2 * cap : 256;
				ids = xreallocarray(ids, cap, sizeof(*ids));
			}
			ids[n++] = id;
		}
	}
	git_revwalk_free(w);
	if (n > 1)
		qsort(ids, n, sizeof(*ids), signoff_oid_cmp);
	hit = xcalloc(t + 1, 1);
	for (u = 0; u <= t; u++)
		hit[u] = !listed[u] && n > 0 &&
		    git_oid_fromstr(&id, in->hist->commits[chg[u]].id) == 0 &&
		    bsearch(&id, ids, n, sizeof(*ids), signoff_oid_cmp) != NULL;
	for (merges = 0; merges < 2 && *nsubjects == 0; merges++)
		for (u = 0; u <= t; u++) {
			c = &in->hist->commits[chg[u]];
			if (!hit[u] || (c->nparents > 1) != merges)
				continue;
			*subjects = xreallocarray(*subjects, *nsubjects + 1,
			    sizeof(char *));
			(*subjects)[(*nsubjects)++] = xstrdup(c->subject);
		}
	for (u = 0; u <= t; u++)
		listed[u] |= hit[u];
	free(hit);
	free(ids);
}

/*
 * Works out one manual's sign-off.  The changes are taken oldest first; an
 * approval commit approves the newest change it contains (a commit on a
 * branch it does not contain does not hide what it approved).  Approvals of
 * content older than the last version count for nothing.
 */
static void
signoff_manual_run(struct signoff_manual *sm, size_t mi,
    const struct signoff_input *in, struct signoff_gpg *g,
    struct signoff_pasts *ps, struct signoff_texts *ts, struct diag *d)
{
	const struct history		*h = in->hist;
	const struct model_manual	*mm = &in->model->manuals[mi];
	const struct config_manual	*cm = mm->cfg;
	const struct history_commit	*target;
	const struct config		*pcf, *then;
	const char			**vals;
	char				*changed, *listed, **subjects;
	size_t				 nsubjects, i, j, k, r, n, *idx;
	size_t				*chg, nchg = 0, t;
	size_t				 vpos = SIZE_MAX, ppos = SIZE_MAX;
	const char			*vseen = NULL;	/* the commit whose text the last version's approvers saw */
	int				 counted;
	struct pos			 pos = { in->cf->path, cm->line, 0 };

	changed = xcalloc(h->ncommits + 1, 1);
	listed = xcalloc(h->ncommits + 1, 1);
	chg = xcalloc(h->ncommits + 1, sizeof(*chg));
	for (j = 0; j < mm->ndocs; j++) {
		n = history_for_path(&idx, h, in->model->docs[mm->docs[j]].path);
		for (k = 0; k < n; k++)
			changed[idx[k]] = 1;
		free(idx);
	}
	for (i = 0; in->src != NULL && i < h->ncommits; i++)
		if (signoff_took_away(&h->commits[i], cm, in->src->prefix) ||
		    signoff_redefined(ps, in, &h->commits[i], cm))
			changed[i] = 1;
	/* A commit that left the text as its first parent had it changed nothing. */
	for (i = 0; in->src != NULL && i < h->ncommits; i++)
		if (changed[i] && h->commits[i].nparents > 0 &&
		    signoff_same_text(ts, ps, in, cm, h->commits[i].id,
		    h->commits[i].parents[0]))
			changed[i] = 0;
	for (i = h->ncommits; i-- > 0; ) {
		const struct history_commit *c = &h->commits[i];

		if (changed[i]) {
			chg[nchg++] = i;
			sm->changed = 1;
			sm->last_change = c;
		}
		if (!c->is_approval || nchg == 0)
			continue;
		/*
		 * The newest change this approval contains; one no newer
		 * than the last version's approves nothing new.
		 */
		for (t = nchg; t-- > 0 && (vpos == SIZE_MAX || t >= vpos); )
			if (signoff_contains(in->repo, c->id,
			    h->commits[chg[t]].id))
				break;
		if (t == SIZE_MAX || (vpos != SIZE_MAX && (t < vpos ||
		    (t == vpos && t != nchg - 1))))
			continue;
		target = &h->commits[chg[t]];
		if (t != ppos) {
			signoff_pending_reset(sm);
			ppos = t;
		}
		counted = 0;
		pcf = signoff_past_config(ps, in, c->id);
		n = history_trailer_values(&vals, c, "Approved-by");
		for (k = 0; k < n; k++) {
			struct signoff_approval a;
			const struct config_person *p;
			const char *why;

			memset(&a, 0, sizeof(a));
			if (signoff_parse_person(vals[k], &a.name, &a.email) < 0) {
				if (t == nchg - 1)
					diag_msg(d, &pos,
					    MSG_BAD_APPROVAL_MANUAL_APPROVED,
					    cm->id, vals[k], c->id);
				continue;
			}
			/*
			 * A role held then counts only for someone today's
			 * kitei.yml still lists under people (with their key).
			 */
			p = signoff_person(in->cf, a.email);
			then = p != NULL ? pcf : NULL;
			if (t == nchg - 1 && !signoff_any_role(in->cf, a.email) &&
			    (then == NULL || !signoff_any_role(then, a.email)))
				diag_msg(d, &pos,
				    MSG_BAD_APPROVAL_MANUAL_APPROVAL, cm->id,
				    vals[k], c->id);
			for (r = 0; r < cm->napprovers; r++) {
				const struct config_role *role =
				    config_role(in->cf, cm->approvers[r]);

				if (role == NULL || (!signoff_is_member(role, a.email) &&
				    !signoff_was_member(then, role->id, a.email)))
					continue;
				a.role = role;
				a.commit = c;
				a.sig = SIGNOFF_SIG_NONE;
				if (in->cf->require_signature) {
					a.sig = signoff_verify(g, in->repo, c, p, &why);
					if (a.sig != SIGNOFF_SIG_GOOD) {
						diag_msg(d, &pos,
						    MSG_BAD_APPROVAL_MANUAL_APPROVAL_COUNTED,
						    cm->id, vals[k], c->id, why);
						break;
					}
				}
				if (p != NULL && p->name != NULL) {
					free(a.name);
					a.name = xstrdup(p->name);
				}
				{
					struct signoff_approval copy = a;

					copy.name = xstrdup(a.name);
					copy.email = xstrdup(a.email);
					signoff_pending_put(sm, &copy);
				}
				counted = 1;
			}
			signoff_approval_clear(&a);
		}
		free(vals);
		if (counted)
			signoff_check_effective(c, cm, &pos, d);
		if (cm->napprovers > 0 && sm->npending == signoff_nroles(cm)) {
			/*
			 * Every role again on unchanged content, or on changes
			 * that gave back the last version's text: a review.
			 * It may give the version the Summary it lacked.
			 */
			if (t != vpos && vseen != NULL &&
			    signoff_same_text(ts, ps, in, cm, target->id, vseen))
				vpos = t;
			if (t == vpos && sm->nversions > 0 &&
			    sm->versions[sm->nversions - 1].nsummary == 0 &&
			    sm->versions[sm->nversions - 1].number > 1) {
				struct signoff_version *lv =
				    &sm->versions[sm->nversions - 1];

				signoff_summary(sm, c, &lv->summary, &lv->nsummary);
			}
			if (t != vpos) {
				subjects = NULL;
				nsubjects = 0;
				signoff_subjects(in, chg, listed, t,
				    vpos == SIZE_MAX ? NULL : &h->commits[chg[vpos]],
				    &subjects, &nsubjects);
				signoff_add_version(sm, c, target, &subjects,
				    &nsubjects);
				signoff_summary(sm, c,
				    &sm->versions[sm->nversions - 1].summary,
				    &sm->versions[sm->nversions - 1].nsummary);
			}
			vpos = t;
			vseen = c->id;
			jdate_from_time(&sm->last_approved, c->time, c->offset);
			signoff_pending_reset(sm);
		}
	}
	sm->signed_off = nchg > 0 && (vpos == nchg - 1 || (vseen != NULL &&
	    signoff_same_text(ts, ps, in, cm, h->commits[chg[nchg - 1]].id,
	    vseen)));
	/* Approvals of content since replaced are pending nothing. */
	if (nchg > 0 && ppos != nchg - 1)
		signoff_pending_reset(sm);
	free(chg);
	free(listed);
	free(changed);
}

/* Emits the manual's review-overdue and unapproved-change findings. */
static void
signoff_findings(struct signoff_manual *sm, size_t mi,
    const struct signoff_input *in, struct diag *d)
{
	const struct config_manual	*cm = in->model->manuals[mi].cfg;
	struct pos			 pos = { in->cf->path, cm->line, 0 };
	struct jdate			 today;
	char				 a[32], b[32];
	size_t				 i, r;
	int				 months;

	months = cm->review_months > 0 ? cm->review_months : in->cf->review_months;
	if (sm->nversions > 0) {
		sm->review_due = sm->last_approved;
		jdate_add_months(&sm->review_due, months);
		sm->has_review_due = 1;
		signoff_today(&today, in->today);
		if (jdate_days(&today) > jdate_days(&sm->review_due))
			diag_msg(d, &pos, MSG_REVIEW_OVERDUE, cm->id,
			    jdate_iso(a, sizeof(a), &sm->last_approved),
			    jdate_iso(b, sizeof(b), &sm->review_due));
	}
	if (sm->signed_off || !sm->changed)
		return;
	if (cm->napprovers == 0) {
		if (in->release)
			diag_msg(d, &pos, MSG_UNAPPROVED_CHANGE_NO_APPROVERS,
			    cm->id);
		else
			diag_msg(d, &pos,
			    MSG_UNAPPROVED_CHANGE_NO_APPROVERS_DRAFT, cm->id);
		return;
	}
	{
		struct buf missing = { NULL, 0, 0 };
		const char *since, *who;

		for (r = 0; r < cm->napprovers; r++) {
			const struct config_role *role = config_role(in->cf,
			    cm->approvers[r]);

			for (i = 0; i < sm->npending && sm->pending[i].role != role; i++)
				;
			if (i == sm->npending && !signoff_named_before(cm, r))
				buf_printf(&missing, "%s%s", missing.len ? ", " : "",
				    role != NULL && role->title ? role->title :
				    cm->approvers[r]);
		}
		since = sm->nversions > 0 ? _("its last sign-off") :
		    _("it was written");
		who = missing.data ? missing.data : _("no one");
		if (in->release)
			diag_msg(d, &pos, MSG_UNAPPROVED_CHANGE, cm->id, since,
			    sm->last_change->id, who);
		else
			diag_msg(d, &pos, MSG_UNAPPROVED_CHANGE_DRAFT, cm->id,
			    since, sm->last_change->id, who);
		buf_free(&missing);
	}
}

/*
 * Emits the findings about a manual's versions: a 施行日 before the previous
 * version's (effective-date-order, an error: the 附則 would contradict each
 * other), and a current amendment whose 改定内容 comes from work-commit
 * subjects because no approval gave a Summary (missing-summary; older
 * versions cannot be given one any more).
 */
static void
signoff_version_findings(const struct signoff_manual *sm, size_t mi,
    const struct signoff_input *in, struct diag *d)
{
	const struct config_manual	*cm = in->model->manuals[mi].cfg;
	const struct signoff_version	*v, *p;
	struct pos			 pos = { in->cf->path, cm->line, 0 };
	char				 a[32], b[32];
	size_t				 i;

	for (i = 1; i < sm->nversions; i++) {
		v = &sm->versions[i];
		p = &sm->versions[i - 1];
		if (jdate_days(&v->effective) < jdate_days(&p->effective))
			diag_msg(d, &pos, MSG_EFFECTIVE_DATE_ORDER, cm->id,
			    v->number, jdate_iso(a, sizeof(a), &v->effective),
			    p->number, jdate_iso(b, sizeof(b), &p->effective),
			    v->change);
	}
	if (sm->nversions > 0 &&
	    (v = &sm->versions[sm->nversions - 1])->number > 1 &&
	    v->nsummary == 0)
		diag_msg(d, &pos, MSG_MISSING_SUMMARY, cm->id, v->number);
}

struct signoff *
signoff_run(const struct signoff_input *in, struct diag *d)
{
	struct signoff		*so;
	struct signoff_gpg	 g;
	struct signoff_pasts	 ps;
	struct signoff_texts	 ts;
	size_t			 i;

	so = xcalloc(1, sizeof(*so));
	so->nmanuals = in->model->nmanuals;
	so->manuals = xcalloc(so->nmanuals + 1, sizeof(*so->manuals));
	if (in->hist == NULL)
		return so;
	memset(&g, 0, sizeof(g));
	memset(&ps, 0, sizeof(ps));
	memset(&ts, 0, sizeof(ts));
	if (in->cf->require_signature)
		signoff_gpg_init(&g, in->src, d);
	for (i = 0; i < so->nmanuals; i++) {
		signoff_manual_run(&so->manuals[i], i, in, &g, &ps, &ts, d);
		signoff_texts_free(&ts);
		signoff_findings(&so->manuals[i], i, in, d);
		signoff_version_findings(&so->manuals[i], i, in, d);
	}
	signoff_gpg_free(&g);
	for (i = 0; i < ps.n; i++)
		config_free(ps.v[i].cf);
	free(ps.v);
	return so;
}

void
signoff_free(struct signoff *so)
{
	size_t	 i, j, k;

	if (so == NULL)
		return;
	for (i = 0; i < so->nmanuals; i++) {
		struct signoff_manual *sm = &so->manuals[i];

		for (j = 0; j < sm->nversions; j++) {
			struct signoff_version *v = &sm->versions[j];

			for (k = 0; k < v->nsubjects; k++)
				free(v->subjects[k]);
			free(v->subjects);
			for (k = 0; k < v->nsummary; k++)
				free(v->summary[k]);
			free(v->summary);
			for (k = 0; k < v->napprovals; k++)
				signoff_approval_clear(&v->approvals[k]);
			free(v->approvals);
			free(v->change);
		}
		free(sm->versions);
		signoff_pending_reset(sm);
		free(sm->pending);
	}
	free(so->manuals);
	free(so);
}
