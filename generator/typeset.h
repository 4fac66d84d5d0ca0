/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The typesetter: lays out a document in kitei's XSL-FO subset (docs/fo-
 * subset.md) with Pango and writes it as PDF with Cairo, then finishes the
 * file with qpdf (/Lang, PDF date forms, a deterministic /ID). For output.c.
 */
#ifndef KITEI_TYPESET_H
#define KITEI_TYPESET_H

#include <stdint.h>

#include "diag.h"

struct images;

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
	const char	*fontdir;	/* folder of fonts to use only, or NULL */
	/*
	 * Called once for every id of the finished document with the
	 * 1-based PDF page where it starts (in no particular order), so that
	 * other documents can cite those pages; or NULL.
	 */
	void		(*on_id)(const char *id, int page, void *arg);
	void		*on_id_arg;
	const struct images *images;	/* what fo:external-graphic may name (image.h), or NULL */
};

/*
 * Typesets fo (an xmlDocPtr of the FO subset; typed void * so that callers
 * need not include libxml2) into a PDF at path, written in place: callers
 * write into their own temporary folder.  Fonts come from a private
 * fontconfig holding only meta->fontdir's fonts when it is not NULL, else only
 * the Noto CJK faces of fonts-noto-cjk; other installed fonts are never used.
 * Bad FO (unknown elements or properties, unresolved references) gives
 * warnings with the FO line and does not stop the run.  Pass 1 lays out and
 * records the page of every id; pass 2 fills in citations and draws.
 * Returns 0, or -1 with a diagnostic emitted (no fonts, I/O, PDF library).
 */
int	 typeset_pdf(struct diag *d, const void *fo, const char *path,
	    const struct typeset_meta *meta);

#endif /* KITEI_TYPESET_H */
