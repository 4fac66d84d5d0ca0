/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * libFuzzer harness: kitei.yml through config_parse, then the lookups the
 * later stages make.  The first byte selects a prefix: bit 0 a byte-order
 * mark, bit 1 the sample's organization line, so that the fuzzer starts
 * from valid keys more often.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "xalloc.h"
#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Parses one kitei.yml, looks up what it names, frees everything.  Returns 0. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config		*cf = NULL;
	struct diag		*d;
	struct buf		 b = { NULL, 0, 0 };
	size_t			 i, j;
	uint8_t			 opt;

	if (size < 1)
		return 0;
	opt = data[0];
	if (opt & 1)
		buf_puts(&b, "\xef\xbb\xbf");
	if (opt & 2)
		buf_puts(&b, "organization: 株式会社サンプル\n");
	buf_put(&b, (const char *)data + 1, size - 1);
	if (b.data == NULL)
		buf_puts(&b, "");
	d = diag_new();
	if (config_parse(&cf, "policies/kitei.yml", b.data, b.len, d) == 0) {
		for (i = 0; i < cf->nmanuals; i++) {
			(void)config_manual(cf, cf->manuals[i].id);
			for (j = 0; j < cf->manuals[i].napprovers; j++)
				(void)config_role(cf, cf->manuals[i].approvers[j]);
		}
		for (i = 0; i < cf->nroles; i++)
			for (j = 0; j < cf->roles[i].nmembers; j++)
				(void)config_person(cf, cf->roles[i].members[j]);
		config_free(cf);
	}
	diag_free(d);
	buf_free(&b);
	return 0;
}
