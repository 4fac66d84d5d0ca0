/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * approve: the approval commit (an empty commit whose Approved-by, Effective
 * and Summary trailers the sign-off stage reads) for the person in git's
 * user.email, after checking that this person holds an approver role for
 * the manuals named and that the policy root is committed, and after
 * showing what will be approved.  For main.c only.
 */
#ifndef KITEI_APPROVE_H
#define KITEI_APPROVE_H

#include <stddef.h>
#include <stdio.h>

struct diag;

/* What to approve and how; all borrowed. */
struct approve_opts {
	const char *const *manuals;	/* manual ids; none: every one awaiting this person */
	size_t		   nmanuals;
	const char	  *effective;	/* YYYY-MM-DD (施行日), or NULL */
	const char	  *summary;	/* 改定内容, one line, or NULL */
	int		   sign;	/* sign the commit (git commit-tree -S) */
	int		   yes;		/* do not ask */
};

/*
 * Approves the policy root in the current folder at HEAD: shows on out what
 * the commit will approve, asks on in (a terminal) unless yes, makes the
 * commit and says what it signed off.  Returns 0 when committed, 1 when the
 * person said no (nothing committed), or -1 with a fatal diagnostic (a
 * refusal: no role, uncommitted changes, not a terminal, ...).
 */
int	 approve_run(const struct approve_opts *, FILE *in, FILE *out,
	    struct diag *);

#endif /* KITEI_APPROVE_H */
