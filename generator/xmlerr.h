/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The one converter of libxml2's structured errors (xmlError: file, line,
 * column) into diagnostics, for the modules that install a structured-error
 * sink (docs/style.md rule 17).  For catalog.c and render.c.
 */
#ifndef KITEI_XMLERR_H
#define KITEI_XMLERR_H

#include <libxml/xmlerror.h>

#include "diag.h"

/*
 * Emits e as a fatal diagnostic with rule, at e's file (else path), line,
 * and, when col is set, column (libxml2's parser puts it in int2; XPath and
 * XSLT errors put other numbers there).  Warnings and a NULL e are dropped.
 * The message becomes one line: inner newlines turn into spaces, trailing
 * newlines and full stops go; an empty one reads "invalid".
 */
void	 xmlerr_emit(struct diag *d, const xmlError *e, const char *path,
	    const char *rule, int col);

#endif /* KITEI_XMLERR_H */
