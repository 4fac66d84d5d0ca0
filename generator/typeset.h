/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The typesetter: lays out a document in kitei's XSL-FO subset (docs/fo-subset.md)
 * with Pango and writes it as PDF with Cairo, then finishes the file with
 * qpdf (/Lang, PDF date forms, a deterministic /ID).  For render.c and main.c.
 */
#ifndef KITEI_TYPESET_H
#define KITEI_TYPESET_H

#include <stdint.h>

#include "diag.h"

/* Document information written into the PDF. */
struct typeset_meta {
	const char	*title;		/* /Title */
	const char	*author;	/* /Author: the organization */
	const char	*subject;	/* /Subject, or NULL */
	const char	*keywords;	/* /Keywords, or NULL */
	const char	*creator;	/* /Creator, e.g. "kitei 0.1.0" */
	const char	*lang;		/* /Lang, e.g. "ja-JP" */
	int64_t		 time;		/* /CreationDate and /ModDate: the source commit's time */
	int		 offset;	/* its UTC offset in minutes */
};

/*
 * Typesets fo (an xmlDocPtr of the FO subset; typed void * so that callers
 * need not include libxml2) into a PDF at path, written in place: callers
 * write into their own temporary folder.  Fonts come from fontdir when not
 * NULL (a private fontconfig holding only those), else from the system.
 * Returns 0, or -1 with a diagnostic emitted.
 */
int	 typeset_pdf(struct diag *d, const void *fo, const char *path,
	    const struct typeset_meta *meta);

#endif /* KITEI_TYPESET_H */
