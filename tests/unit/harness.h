/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The unit tests' tiny harness: checks that print "ok - name" or
 * "FAIL - file:line: expr" with what was got and expected, counted by
 * tests/run.sh, and helpers that build stage inputs from strings.  For the
 * unit test files only.
 */
#ifndef KITEI_HARNESS_H
#define KITEI_HARNESS_H

#include <stddef.h>

#include "diag.h"
#include "sources.h"

/* OK(name, expr): passes when expr is true. */
#define OK(name, expr) \
	harness_ok(__FILE__, __LINE__, (name), #expr, (expr) != 0)
/* INT_EQ(name, got, want): passes when the two integers are equal. */
#define INT_EQ(name, got, want) \
	harness_int_eq(__FILE__, __LINE__, (name), #got " == " #want, \
	    (long long)(got), (long long)(want))
/* STR_EQ(name, got, want): passes when the strings are equal (NULL == NULL). */
#define STR_EQ(name, got, want) \
	harness_str_eq(__FILE__, __LINE__, (name), #got " == " #want, \
	    (got), (want))

int	 harness_ok(const char *file, int line, const char *name,
	    const char *expr, int pass);
int	 harness_int_eq(const char *file, int line, const char *name,
	    const char *expr, long long got, long long want);
int	 harness_str_eq(const char *file, int line, const char *name,
	    const char *expr, const char *got, const char *want);
/* Prints "unit: N passed, N failed"; returns 0, or 1 after a failure. */
int	 harness_summary(void);

/*
 * A source file holding text (a copy), as the sources stage would give it;
 * path is repository-relative, rel relative to the policy root.  Free with
 * harness_source_free.
 */
struct source_file *harness_source(const char *path, const char *rel,
	    const char *text);
void	 harness_source_free(struct source_file *);

/*
 * Every message of d as "line:col: level: text [rule]" lines (the path left
 * out), in emission order; a new string for the caller to free.
 */
char	*harness_diags(const struct diag *);
/* The number of messages of d with this rule. */
size_t	 harness_count_rule(const struct diag *, const char *rule);

/* The schema catalogs are checked against, from the repository root. */
#define HARNESS_RNG	"catalogs/catalog.rng"
/* The tiny catalog of the check fixtures. */
#define HARNESS_TINY	"tests/fixtures/check/cat.xml"

struct catalog;
/* Loads a catalog file (path from the repository root), or returns NULL. */
struct catalog *harness_catalog(const char *path, struct diag *);

/* The suites, one per file. */
void	 test_catalog(void);
void	 test_config(void);
void	 test_coverage(void);
void	 test_diag(void);
void	 test_msg(void);
void	 test_mdtext(void);
void	 test_jdate(void);
void	 test_jlreq(void);
void	 test_json(void);
void	 test_model(void);
void	 test_parse(void);
void	 test_xalloc(void);
void	 test_ascii(void);
void	 test_sources(void);
void	 test_xmlerr(void);

#endif /* KITEI_HARNESS_H */
