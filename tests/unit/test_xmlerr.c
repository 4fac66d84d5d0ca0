/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of xmlerr_emit, the one converter of libxml2's structured
 * errors (issue 20): position, one line, warnings dropped.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "diag.h"
#include "harness.h"
#include "xmlerr.h"

/* Emits one made-up error and returns the diagnostics as text (new). */
static char *
xmlerr_try(const char *file, int line, int int2, int level, const char *msg,
    int col)
{
	xmlError	 e;
	struct diag	*d = diag_new();
	char		*out;

	memset(&e, 0, sizeof(e));
	e.file = (char *)file;
	e.line = line;
	e.int2 = int2;
	e.level = (xmlErrorLevel)level;
	e.message = (char *)msg;
	xmlerr_emit(d, &e, "fallback.xsl", "template", col);
	out = harness_diags(d);
	diag_free(d);
	return out;
}

void
test_xmlerr(void)
{
	char	*s;

	s = xmlerr_try("cat.xml", 3, 7, XML_ERR_FATAL,
	    "Opening and ending tag mismatch: a\nline 2.\n", 1);
	STR_EQ("xmlerr: line, column, one line, no full stop", s,
	    "3:7: error: Opening and ending tag mismatch: a line 2 [template]\n");
	free(s);
	s = xmlerr_try(NULL, 0, 42, XML_ERR_ERROR, "XPath error\n", 0);
	OK("xmlerr: no column when not asked, the fallback path",
	    s != NULL && strstr(s, "error: XPath error [template]") != NULL &&
	    strstr(s, ":42") == NULL);
	free(s);
	s = xmlerr_try("x.xml", 1, 1, XML_ERR_WARNING, "just a warning\n", 1);
	STR_EQ("xmlerr: warnings dropped", s, "");
	free(s);
	s = xmlerr_try("x.xml", 1, 0, XML_ERR_ERROR, NULL, 1);
	OK("xmlerr: no message reads invalid", s != NULL &&
	    strstr(s, "invalid [template]") != NULL);
	free(s);
}
