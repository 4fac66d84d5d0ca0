/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Test driver for the PDF signer: pdfsign FILE.p12 IN.pdf signs IN.pdf in
 * place (password in $KITEI_PDF_PASSWORD), printing diagnostics to stderr.
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "pdfsign.h"

/* Loads the identity, signs the file; exits 0 or 2. */
int
main(int argc, char *argv[])
{
	struct pdfsign_info	 info;
	struct pdfsign		*ps;
	struct diag		*d;
	int			 rc = 2;

	if (argc != 3) {
		fprintf(stderr, "usage: pdfsign FILE.p12 IN.pdf\n");
		return 2;
	}
	memset(&info, 0, sizeof(info));
	info.time = 1775000000;		/* 2026-04-01 08:33:20 JST */
	info.offset = 9 * 60;
	info.reason = "承認済み規程";
	info.name = "山田 太郎（取締役会）";
	d = diag_new();
	if ((ps = pdfsign_new(argv[1], d)) != NULL &&
	    pdfsign_file(ps, argv[2], &info, d) == 0)
		rc = 0;
	pdfsign_free(ps);
	diag_print_text(d, stderr, 0);
	diag_free(d);
	return rc;
}
