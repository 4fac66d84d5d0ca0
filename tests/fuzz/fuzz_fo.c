/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * libFuzzer harness: an XSL-FO document through typeset_pdf into a scratch
 * file.  Typesetting is slow, so run it with a small -max_len.  The first
 * byte selects: bit 0 wraps the rest in a minimal A4 root, page sequence and
 * flow, so that short inputs reach the line breaker; bit 1 also wraps that
 * in a block with a font size and justification.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "diag.h"
#include "typeset.h"
#include "xalloc.h"
#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	*fuzz_fo_out;		/* the scratch PDF, made once */

/* Removes the scratch PDF at exit. */
static void
fuzz_fo_cleanup(void)
{
	if (fuzz_fo_out != NULL)
		unlink(fuzz_fo_out);
}

/* Typesets one FO document and frees everything.  Returns 0. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct typeset_meta	 meta;
	struct diag		*d;
	struct buf		 b = { NULL, 0, 0 };
	xmlDocPtr		 doc;
	uint8_t			 opt;
	const char		*tmp;

	if (fuzz_fo_out == NULL) {
		tmp = getenv("TMPDIR");
		xasprintf(&fuzz_fo_out, "%s/kitei-fuzz-fo-%ld.pdf",
		    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp", (long)getpid());
		atexit(fuzz_fo_cleanup);
	}
	if (size < 1)
		return 0;
	opt = data[0];
	if (opt & 1)
		buf_puts(&b, "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">"
		    "<fo:layout-master-set><fo:simple-page-master master-name=\"a\" "
		    "page-width=\"210mm\" page-height=\"297mm\" margin=\"20mm\">"
		    "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
		    "<fo:page-sequence master-reference=\"a\">"
		    "<fo:flow flow-name=\"xsl-region-body\">");
	if (opt & 2)
		buf_puts(&b, "<fo:block font-size=\"10.5pt\" text-align=\"justify\">");
	buf_put(&b, (const char *)data + 1, size - 1);
	if (opt & 2)
		buf_puts(&b, "</fo:block>");
	if (opt & 1)
		buf_puts(&b, "</fo:flow></fo:page-sequence></fo:root>");
	if (b.data == NULL)
		buf_puts(&b, "");
	doc = xmlReadMemory(b.data, (int)b.len, "fuzz.fo", NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	buf_free(&b);
	if (doc == NULL)
		return 0;
	memset(&meta, 0, sizeof(meta));
	meta.title = "fuzz";
	meta.author = "kitei";
	meta.creator = "kitei fuzz";
	meta.lang = "ja-JP";
	meta.time = 1775000000;
	meta.offset = 9 * 60;
	d = diag_new();
	typeset_pdf(d, doc, fuzz_fo_out, &meta);
	diag_free(d);
	xmlFreeDoc(doc);
	return 0;
}
