/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Test driver for the typesetter: fo2pdf [-t title] [-a author] [-f fontdir]
 * IN.fo OUT.pdf typesets one XSL-FO file, printing diagnostics to stderr.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "diag.h"
#include "typeset.h"

/* Parses the FO, typesets it, prints diagnostics; exits 0, 1 or 2. */
int
main(int argc, char *argv[])
{
	struct typeset_meta	 meta;
	struct diag		*d;
	xmlDocPtr		 doc = NULL;
	int			 ch, rc = 2;

	/* The same test hook as kitei's main(): the whole locale from the environment. */
	if (getenv("KITEI_TEST_SETLOCALE") != NULL)
		setlocale(LC_ALL, "");
	memset(&meta, 0, sizeof(meta));
	meta.title = "kitei 組版テスト";
	meta.author = "株式会社サンプル金融サービス";
	meta.subject = "XSL-FO typesetting test";
	meta.keywords = "kitei, FO, PDF";
	meta.creator = "kitei " KITEI_VERSION;
	meta.lang = "ja-JP";
	meta.time = 1775000000;		/* 2026-04-01 08:33:20 JST */
	meta.offset = 9 * 60;
	while ((ch = getopt(argc, argv, "a:f:t:")) != -1) {
		switch (ch) {
		case 'a':
			meta.author = optarg;
			break;
		case 'f':
			meta.fontdir = optarg;
			break;
		case 't':
			meta.title = optarg;
			break;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		goto usage;
	d = diag_new();
	doc = xmlReadFile(argv[0], NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (doc == NULL) {
		fprintf(stderr, "fo2pdf: %s: not well-formed XML\n", argv[0]);
		diag_free(d);
		return 2;
	}
	typeset_pdf(d, doc, argv[1], &meta);
	diag_sort(d);
	diag_print_text(d, stderr, 0);
	rc = diag_exit_status(d);
	xmlFreeDoc(doc);
	diag_free(d);
	xmlCleanupParser();
	return rc;
usage:
	fprintf(stderr, "usage: fo2pdf [-a author] [-f fontdir] [-t title] "
	    "IN.fo OUT.pdf\n");
	return 2;
}
