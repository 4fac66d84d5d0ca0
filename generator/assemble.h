/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The assemble stage: one XML document per manual in kitei's namespace
 * (docs/manual.rng), with the Markdown as CommonMark XML inside, the
 * elements it covers and its history; a site document for the dashboard
 * and the traceability matrix; and the public document, which is built
 * from public sections only, so internal text is never in it to leak.
 * For main.c and render.c.
 */
#ifndef KITEI_ASSEMBLE_H
#define KITEI_ASSEMBLE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "history.h"
#include "model.h"
#include "signoff.h"
#include "sources.h"

#define ASSEMBLE_NS	"urn:x-kitei:manual:1"
#define ASSEMBLE_MD_NS	"http://commonmark.org/xml/1.0"
/* What a reader without --include-confidential sees in place of 関係者外秘 text. */
#define ASSEMBLE_WITHHELD	"（機密情報のため省略）"

/* What the documents are made from; all borrowed. */
struct assemble_input {
	const struct sources	*src;
	const struct config	*cf;
	const struct catalog	*cat;
	const struct model	*model;
	const struct coverage	*cov;
	const struct history	*hist;		/* may be NULL */
	const struct signoff	*so;		/* may be NULL */
	const char		*generator;	/* "kitei 0.1.0" */
	/*
	 * The PDF page where section anchor of manual starts, or 0 when
	 * unknown; may be NULL (no PDFs were made).
	 */
	int			(*page_of)(void *arg, const char *manual,
				    const char *anchor);
	void			*page_arg;
	/*
	 * For readers outside the firm (bundles): manuals keep 改訂履歴 and
	 * approvers' roles and names, but no work-commit log (authors,
	 * subjects, paths) and no e-mail addresses; docs/bundle.md.
	 */
	int			 external;
	size_t			 errors;	/* check's error count, for the dashboard */
	size_t			 warnings;
};

/*
 * The manual at index i of model->manuals.  With redact, confidential
 * sections keep their heading and lose their content to
 * 「（機密情報のため省略）」.  Returns a new document (xmlFreeDoc).
 */
xmlDocPtr assemble_manual(const struct assemble_input *, size_t i, int redact);

/* The dashboard and traceability matrix.  Returns a new document. */
xmlDocPtr assemble_site(const struct assemble_input *);

/* Where one manual's public text comes from; borrowed. */
struct assemble_public_part {
	const struct model	*model;		/* the revision holding the text */
	const struct history	*hist;		/* its history, or NULL */
	size_t			 manual;	/* index into model->manuals */
};

/*
 * The public crisis-response page: the public sections of each part's
 * manual, in the order given, nothing else (parts NULL: every manual of
 * in->model as it stands).  With draft, the page is a preview marked
 * 未承認 and noindex.  Returns a new document.
 */
xmlDocPtr assemble_public(const struct assemble_input *,
	    const struct assemble_public_part *parts, size_t nparts, int draft);

/*
 * A copy of cov for a bundle without confidential text: the reason of an
 * element declared not applicable in a confidential section reads
 * ASSEMBLE_WITHHELD (internal reasons stay: regulators receive internal
 * text).  Shares everything else with cov, which must outlive it; free
 * with assemble_redacted_coverage_free.
 */
struct coverage	*assemble_redact_coverage(const struct coverage *,
		    const struct model *);
void		 assemble_redacted_coverage_free(struct coverage *);

#endif /* KITEI_ASSEMBLE_H */
