/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The coverage stage: the catalog's elements against the model's sections.
 * Emits design.md's findings (missing-coverage, unknown-requirement,
 * empty-coverage, implausible-coverage, wrong-manual, not-public,
 * not-applicable-must, missing-reason) and the status of every element.
 * For main.c and the stages after it.
 */
#ifndef KITEI_COVERAGE_H
#define KITEI_COVERAGE_H

#include <stddef.h>

#include "catalog.h"
#include "config.h"
#include "diag.h"
#include "model.h"

enum coverage_status {
	COVERAGE_MISSING = 0,
	COVERAGE_COVERED,
	COVERAGE_NA
};

/* A section that covers (or declares not applicable) an element. */
struct coverage_ref {
	size_t	 doc;		/* index into model->docs */
	size_t	 section;	/* index into that document's sections */
	int	 line;		/* where the id stands */
	int	 col;
};

struct coverage_element {
	const struct catalog_element *el;	/* borrowed */
	enum coverage_status	 status;
	struct coverage_ref	*refs;		/* covering sections that count */
	size_t			 nrefs;
	const char		*reason;	/* not-applicable reason, borrowed */
	struct coverage_ref	 na;		/* where it was declared not applicable */
};

struct coverage {
	struct coverage_element	*elements;	/* in catalog order */
	size_t			 nelements;
	size_t			 covered;
	size_t			 not_applicable;
	size_t			 missing;
};

/*
 * Checks every element against the model.  cf gives the position used for
 * missing elements (kitei.yml's catalog: line).  Returns a new coverage
 * (free with coverage_free).
 */
struct coverage *coverage_run(const struct catalog *, const struct model *,
	    const struct config *, struct diag *);
void	 coverage_free(struct coverage *);

/* Status words of design.md's JSON: "covered", "missing", "not-applicable". */
const char *coverage_status_name(enum coverage_status);

#endif /* KITEI_COVERAGE_H */
