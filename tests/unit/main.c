/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The unit test runner: runs every suite, then prints the summary.  Run from
 * the repository root (tests/run.sh does), since some suites read catalogs/
 * and tests/fixtures/.  Exits 1 when any check failed.
 */
#include <git2.h>
#include <libxml/parser.h>

#include "harness.h"

int
main(void)
{
	int	 rc;

	git_libgit2_init();
	xmlInitParser();
	test_parse();
	test_config();
	test_model();
	test_catalog();
	test_coverage();
	test_diag();
	test_msg();
	test_mdtext();
	test_jdate();
	test_jlreq();
	test_json();
	test_xalloc();
	test_ascii();
	test_sources();
	test_xmlerr();
	rc = harness_summary();
	xmlCleanupParser();
	git_libgit2_shutdown();
	return rc;
}
