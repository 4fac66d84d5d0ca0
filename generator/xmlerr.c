/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * libxml2's structured errors as one-line diagnostics.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "xmlerr.h"

/* Converts one error; see xmlerr.h. */
void
xmlerr_emit(struct diag *d, const xmlError *e, const char *path,
    const char *rule, int col)
{
	struct pos	 pos;
	char		*msg, *p;
	size_t		 n;

	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	pos.path = e->file != NULL ? e->file : path;
	pos.line = e->line;
	pos.col = col && e->int2 > 0 ? e->int2 : 0;
	msg = xstrdup(e->message != NULL ? e->message : "");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '.'))
		msg[--n] = '\0';
	for (p = msg; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	diag_emit(d, DIAG_FATAL, &pos, rule, "%s", n > 0 ? msg : "invalid");
	free(msg);
}
