/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * kitei.yml: the policy root's configuration (design.md, "kitei.yml"),
 * parsed with libyaml into plain structs. Unknown keys are errors, so typos
 * never pass silently. For approve.c, assemble.c, coverage.c, diff.c, main.c, model.c,
 * output.c, pubpage.c and signoff.c.
 */
#ifndef KITEI_CONFIG_H
#define KITEI_CONFIG_H

#include <stddef.h>

#include "diag.h"

enum manual_kind {
	MANUAL_POLICY = 0,	/* a 規程 */
	MANUAL_CRISIS		/* a 危機管理マニュアル (Art. 13) */
};

struct config_manual {
	char		 *id;		/* ASCII, used in file names */
	char		 *title;	/* 文書名 */
	char		 *number;	/* 文書番号, or NULL */
	char		 *owner;	/* 所管部署, or NULL */
	enum manual_kind  kind;
	char		**documents;	/* globs relative to the policy root */
	size_t		  ndocuments;
	char		**approvers;	/* role ids */
	size_t		  napprovers;
	int		  review_months; /* 0: the root's default */
	int		  line;		/* where the manual is declared */
};

struct config_role {
	char	 *id;
	char	 *title;	/* e.g. 取締役会 */
	char	**members;	/* e-mail addresses */
	size_t	  nmembers;
};

struct config_person {
	char	*email;
	char	*name;
	char	*key;		/* OpenPGP fingerprint, or NULL */
};

struct config {
	char			*path;		/* repository-relative path of kitei.yml */
	char			*organization;
	char			*catalog;	/* catalog name or path */
	int			 catalog_line;	/* where catalog: stands */
	int			 review_months;	/* default review interval */
	int			 wareki;	/* date_style: wareki */
	char			*association_name;
	char			*association_url;
	struct config_manual	*manuals;
	size_t			 nmanuals;
	char			*public_title;
	char			*public_contact;
	int			 require_signature;
	struct config_role	*roles;
	size_t			 nroles;
	struct config_person	*people;
	size_t			 npeople;
};

/*
 * Parses kitei.yml held in data.  Problems are reported with rule
 * "bad-config" at the fatal level (design.md: bad config means exit 2).
 * Returns 0 and a new config in *out (free with config_free), or -1.
 */
int	 config_parse(struct config **out, const char *path, const char *data,
	    size_t len, struct diag *d);
void	 config_free(struct config *);

/* Borrowed lookups; NULL when absent. */
const struct config_manual *config_manual(const struct config *, const char *id);
const struct config_role   *config_role(const struct config *, const char *id);
const struct config_person *config_person(const struct config *, const char *email);

#endif /* KITEI_CONFIG_H */
