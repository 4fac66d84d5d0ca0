/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * libFuzzer harness: front matter and directives through parse_document on
 * a fake source file.  The first byte selects how the rest is dressed: bit 0
 * opens a front matter block ("---\n"), bit 1 turns LF into CRLF, bit 2 adds
 * a byte-order mark, bit 3 closes the front matter and adds a heading.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "parse.h"
#include "sources.h"
#include "xalloc.h"
#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Parses one dressed-up document and frees everything.  Returns 0. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source_file	 f;
	struct parse_doc	*doc;
	struct diag		*d;
	struct buf		 b = { NULL, 0, 0 };
	uint8_t			 opt;
	size_t			 i;

	if (size < 1)
		return 0;
	opt = data[0];
	data++;
	size--;
	if (opt & 4)
		buf_puts(&b, "\xef\xbb\xbf");
	if (opt & 1)
		buf_puts(&b, "---\n");
	buf_put(&b, (const char *)data, size);
	if (opt & 8)
		buf_puts(&b, "\n---\n# 見出し\n<!-- covers: 4.1 -->\n本文。\n");
	if (opt & 2) {
		struct buf crlf = { NULL, 0, 0 };

		for (i = 0; i < b.len; i++) {
			if (b.data[i] == '\n')
				buf_putc(&crlf, '\r');
			buf_putc(&crlf, b.data[i]);
		}
		buf_free(&b);
		b = crlf;
	}
	fuzz_file(&f, "system-risk/fuzz.md", (const uint8_t *)b.data, b.len);
	buf_free(&b);
	d = diag_new();
	doc = parse_document(&f, d);
	parse_doc_free(doc);
	diag_free(d);
	fuzz_file_free(&f);
	return 0;
}
