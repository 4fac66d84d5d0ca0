/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The unit tests' checks and helpers; see harness.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "harness.h"
#include "sources.h"
#include "xalloc.h"

static int	 harness_passed;	/* checks that passed */
static int	 harness_failed;	/* checks that failed */

/* Records one check; returns pass. */
int
harness_ok(const char *file, int line, const char *name, const char *expr,
    int pass)
{
	if (pass) {
		harness_passed++;
		printf("ok - %s\n", name);
	} else {
		harness_failed++;
		printf("FAIL - %s:%d: %s (%s)\n", file, line, expr, name);
	}
	return pass;
}

/* Compares two integers; on failure shows both. */
int
harness_int_eq(const char *file, int line, const char *name, const char *expr,
    long long got, long long want)
{
	if (!harness_ok(file, line, name, expr, got == want))
		printf("    got:      %lld\n    expected: %lld\n", got, want);
	return got == want;
}

/* Compares two strings, either of which may be NULL; on failure shows both. */
int
harness_str_eq(const char *file, int line, const char *name, const char *expr,
    const char *got, const char *want)
{
	int	 pass;

	pass = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	if (!harness_ok(file, line, name, expr, pass))
		printf("    got:      %s%s%s\n    expected: %s%s%s\n",
		    got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
		    want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
	return pass;
}

int
harness_summary(void)
{
	printf("unit: %d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed > 0;
}

/* Builds a source file from a string; see harness.h. */
struct source_file *
harness_source(const char *path, const char *rel, const char *text)
{
	struct source_file	*f;

	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->rel = xstrdup(rel);
	f->len = strlen(text);
	f->data = xstrndup(text, f->len);
	return f;
}

/* Frees what harness_source made; accepts NULL. */
void
harness_source_free(struct source_file *f)
{
	if (f == NULL)
		return;
	free(f->path);
	free(f->rel);
	free(f->data);
	free(f);
}

/* Lists the messages; see harness.h. */
char *
harness_diags(const struct diag *d)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < diag_count(d); i++) {
		const struct diag_msg *m = diag_get(d, i);

		buf_printf(&b, "%d:%d: %s: %s [%s]\n", m->line, m->col,
		    diag_level_name(m->level), m->text, m->rule);
	}
	return buf_steal(&b);
}

size_t
harness_count_rule(const struct diag *d, const char *rule)
{
	size_t	 i, n = 0;

	for (i = 0; i < diag_count(d); i++)
		if (strcmp(diag_get(d, i)->rule, rule) == 0)
			n++;
	return n;
}

/* Reads a file of the source tree into a new string; aborts if it cannot. */
static char *
harness_slurp(const char *path, size_t *len)
{
	FILE		*f;
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[8192];
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		abort();
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

/* Loads a catalog of the source tree; see harness.h. */
struct catalog *
harness_catalog(const char *path, struct diag *d)
{
	struct catalog	*c = NULL;
	size_t		 len;
	char		*data = harness_slurp(path, &len);

	if (catalog_load(&c, path, data, len, HARNESS_RNG, d) < 0)
		c = NULL;
	free(data);
	return c;
}
