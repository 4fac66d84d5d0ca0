/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The sign-off stage: from the history's Approved-by trailers and
 * kitei.yml's roles, which revision of each manual was approved by whom and
 * when, its versions (第N版) with 制定日, 改定日 and 施行日, whether its current
 * content is signed off, and when its review is due. With require_signature,
 * an approval counts only if its commit is signed by the approver's key
 * (gpgme, in a temporary GNUPGHOME). For approve.c, assemble.c, diff.c, main.c,
 * output.c and pubpage.c.
 */
#ifndef KITEI_SIGNOFF_H
#define KITEI_SIGNOFF_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "config.h"
#include "diag.h"
#include "history.h"
#include "jdate.h"
#include "model.h"
#include "sources.h"

enum signoff_sig {
	SIGNOFF_SIG_NONE = 0,	/* not signed, none required */
	SIGNOFF_SIG_GOOD,	/* signed by the approver's configured key */
	SIGNOFF_SIG_BAD		/* required and missing, wrong key or invalid */
};

/* One person's approval of one manual's content, for one role. */
struct signoff_approval {
	const struct config_role	*role;		/* borrowed */
	char				*name;		/* from the trailer or kitei.yml */
	char				*email;
	const struct history_commit	*commit;	/* the approval commit, borrowed */
	enum signoff_sig		 sig;
};

/* A signed-off state of a manual: 第N版. */
struct signoff_version {
	int				 number;	/* 1 = 制定 */
	int64_t				 time;		/* approval completed (改定日) */
	int				 offset;
	struct jdate			 approved;	/* the day of time */
	struct jdate			 effective;	/* 施行日: Effective, else approved */
	int				 has_effective;	/* an Effective trailer was given */
	char				*change;	/* id of the last change it approves */
	char				**subjects;	/* subjects of the changes since the previous version (the fallback 改定内容) */
	size_t				 nsubjects;
	char				**summary;	/* 改定内容 in the approvers' words: Summary trailers */
	size_t				 nsummary;
	struct signoff_approval		*approvals;	/* one per role */
	size_t				 napprovals;
};

struct signoff_manual {
	struct signoff_version		*versions;	/* oldest first */
	size_t				 nversions;
	int				 signed_off;	/* every role approved the current content */
	int				 changed;	/* the manual has any committed change */
	const struct history_commit	*last_change;	/* borrowed, or NULL */
	struct signoff_approval		*pending;	/* approvals of the current, unfinished content */
	size_t				 npending;
	struct jdate			 last_approved;	/* every role's last approval: a version's, or a review of unchanged content */
	struct jdate			 review_due;	/* last_approved + review interval */
	int				 has_review_due;
};

struct signoff {
	struct signoff_manual	*manuals;	/* parallel to model->manuals */
	size_t			 nmanuals;
};

/* How to judge; all borrowed. */
struct signoff_input {
	git_repository		*repo;
	const struct history	*hist;		/* NULL: nothing is signed off */
	const struct model	*model;
	const struct config	*cf;
	const struct sources	*src;		/* for keys/NAME.asc */
	const char		*today;		/* YYYY-MM-DD, or NULL for the system date */
	int			 release;	/* unapproved changes are errors */
};

/*
 * Works out every manual's sign-off and emits review-overdue,
 * unapproved-change, bad-approval, effective-date-order and missing-summary
 * findings.  A change that leaves a manual's text as it was (a rename that
 * keeps the documents' order, a revert) makes no new version.  Returns a new value (free
 * with signoff_free); never NULL.
 */
struct signoff	*signoff_run(const struct signoff_input *, struct diag *);
void		 signoff_free(struct signoff *);

#endif /* KITEI_SIGNOFF_H */
