/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The publish stage's writers: every file of `kitei build` (manual pages and
 * PDFs, dashboard, matrix as HTML, PDF, JSON and CSV, the public page), the
 * 新旧対照表 of `kitei diff`, and the history, manifest and README of a
 * bundle, all written into a folder the caller then publishes or packs.
 * For main.c only.
 */
#ifndef KITEI_OUTPUT_H
#define KITEI_OUTPUT_H

#include "assemble.h"
#include "diag.h"
#include "diff.h"
#include "history.h"
#include "publish.h"
#include "render.h"

/* What to write; strings borrowed. */
struct output_opts {
	const char	*only;		/* --only: "html,pdf,public,dashboard" or NULL for all */
	int		 emit_xml;	/* also the assembled XML */
	int		 redact;	/* confidential text withheld (bundles) */
	const char	*order;		/* 新旧対照表 columns: "old-left" (NULL) or "new-left" */
	int		 include_confidential; /* said in the bundle's manifest and README */
	const char	*since;		/* the bundle's --since, or NULL */
	const char	*sign;		/* the bundle's --sign key, or NULL */
	const char	*sign_pdf;	/* --sign-pdf: a PKCS#12 file signing each manual PDF, or NULL */
	int		 draft;		/* build --draft: the public page as a marked preview */
	const char	*dest;		/* the folder being replaced (its public/ may be kept) */
};

/*
 * Checks --only's list: returns 0, or -1 with a fatal diagnostic naming
 * each unknown part and the known ones.
 */
int	 output_check_only(const char *only, struct diag *);

/*
 * Writes build's outputs into pub's folder; with --only, the parts not
 * asked for are kept from the existing output. into pub's folder.  Returns 0, or -1 with a diagnostic.
 */
int	 output_build(const struct output_opts *, struct publish *pub,
	    const struct assemble_input *, struct render *, struct diag *);

/*
 * Writes the 新旧対照表 (HTML and PDF, and the XML with emit_xml) of every
 * manual that differs between the sides into dir.  Returns how many, or -1.
 */
int	 output_diff(const struct output_opts *, const struct diff_side *old,
	    const struct diff_side *new, const char *dir, struct render *,
	    struct diag *);

/* A bundle's history/history.{txt,json}, manifest.json and README.txt in dir. */
int	 output_history(const char *dir, const struct history *, struct diag *);
int	 output_manifest(const char *dir, const struct assemble_input *,
	    const struct output_opts *, const char *since_rev, struct diag *);
int	 output_readme(const char *dir, const struct assemble_input *,
	    const struct output_opts *, struct diag *);

#endif /* KITEI_OUTPUT_H */
