/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writes the result of `kitei check`: the diagnostics and the coverage of
 * every element, as text, design.md's JSON, SARIF 2.1.0 or JUnit XML.
 * For main.c only.
 */
#ifndef KITEI_REPORT_H
#define KITEI_REPORT_H

#include <stdio.h>

#include "catalog.h"
#include "coverage.h"
#include "diag.h"
#include "model.h"
#include "sources.h"

/* Everything a report shows; all borrowed. */
struct report {
	const struct sources	*src;
	const struct catalog	*cat;
	const struct model	*model;
	const struct coverage	*cov;
	const struct diag	*diag;
};

/* Diagnostics one a line, then a summary line. */
void	 report_text(FILE *, const struct report *, int color);
void	 report_json(FILE *, const struct report *);
void	 report_sarif(FILE *, const struct report *);
void	 report_junit(FILE *, const struct report *);

#endif /* KITEI_REPORT_H */
