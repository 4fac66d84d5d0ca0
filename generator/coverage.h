/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The coverage stage: the catalog's elements against the model's sections.
 * Emits design.md's findings (missing-coverage, unknown-requirement,
 * empty-coverage, implausible-coverage, wrong-manual, not-public,
 * not-applicable-must, missing-reason, uncounted-coverage) and the status of
 * every element.  Only documents that belong to exactly one manual meet
 * elements.  coverage_row gives every output (check's reports, the matrix as
 * JSON, CSV and HTML) the same facts about an element.
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

/* A section as the matrix shows it; every pointer borrowed from the model. */
struct coverage_place {
	const char	*path;		/* repository-relative */
	int		 line;		/* the heading's line; a not-applicable: the directive's */
	const char	*heading;	/* plain text */
	const char	*anchor;	/* the section's stable id */
	size_t		 manual;	/* index into model->manuals */
	const char	*manual_id;
	const char	*manual_title;
};

/*
 * The facts about one element that every output shows, decided in one
 * place: sections only when it is covered, reason and reason_at only when
 * it is not applicable, nothing of either when it is missing.
 */
struct coverage_row {
	const struct catalog_element	*el;		/* borrowed */
	enum coverage_status		 status;
	struct coverage_place		*sections;	/* owned by the row */
	size_t				 nsections;
	const char			*reason;	/* not applicable: why; else NULL */
	struct coverage_place		 reason_at;	/* where it was declared (path NULL unless reason) */
};

/*
 * Fills row with the facts of element i of cov, whose references point
 * into m.  Release the row with coverage_row_clear.
 */
void	 coverage_row(struct coverage_row *row, const struct coverage *,
	    const struct model *m, size_t i);
void	 coverage_row_clear(struct coverage_row *);

#endif /* KITEI_COVERAGE_H */
