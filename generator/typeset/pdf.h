/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * PDF finishing, for typeset.c.  Takes Cairo's PDF in memory and the
 * document information and gives the finished file at a path.
 */
#ifndef KITEI_TYPESET_PDF_H
#define KITEI_TYPESET_PDF_H

#include "../typeset.h"
#include "typeset_int.h"

/* Cairo's write callback: appends to a struct buf. */
cairo_status_t	 typeset_write(void *arg, const unsigned char *data,
	    unsigned int len);

/* Formats time t at offset minutes as ISO 8601 (iso) or a PDF date. */
void	 typeset_date(char *out, size_t sz, int64_t t, int offset, int iso);

/*
 * Finishes the PDF in pdf with qpdf and writes it to path: /Lang, dates in
 * the PDF form, /MarkInfo, a Document root element, /DisplayDocTitle,
 * object streams and a deterministic /ID.
 * Returns 0, or -1 with a diagnostic.
 */
int	 typeset_finish(struct ts_ctx *c, const struct buf *pdf,
	    const char *path, const struct typeset_meta *meta);

#endif /* KITEI_TYPESET_PDF_H */
