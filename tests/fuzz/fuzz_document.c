/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * libFuzzer harness: whole Markdown documents through parse → model →
 * coverage, against the shipped catalog and the sample's kitei.yml (both
 * loaded once).  The input is split into up to four documents at lines
 * "====="; the first byte picks the manual (folder) of each: two bits per
 * document, system-risk, security, outsourcing or crisis.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "diag.h"
#include "model.h"
#include "parse.h"
#include "sources.h"
#include "xalloc.h"
#include "fuzz.h"

#define FUZZ_DOC_MAX	4
#define FUZZ_DOC_SEP	"\n=====\n"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The first FUZZ_DOC_SEP in [p, end), or NULL (memmem is a GNU extension). */
static const uint8_t *
fuzz_doc_sep(const uint8_t *p, const uint8_t *end)
{
	size_t	 n = strlen(FUZZ_DOC_SEP);

	for (; (size_t)(end - p) >= n; p++)
		if (memcmp(p, FUZZ_DOC_SEP, n) == 0)
			return p;
	return NULL;
}

static struct catalog	*fuzz_doc_cat;		/* loaded once */
static struct config	*fuzz_doc_cf;		/* the sample's kitei.yml */

/* Loads the catalog and the sample's configuration, or aborts. */
static void
fuzz_doc_init(void)
{
	struct diag	*d = diag_new();
	char		*data, *path, *rng;
	size_t		 len;

	data = fuzz_slurp("catalogs/system-risk-rules.xml", &len);
	xasprintf(&path, "%s/catalogs/system-risk-rules.xml", fuzz_srcdir());
	xasprintf(&rng, "%s/catalogs/catalog.rng", fuzz_srcdir());
	if (catalog_load(&fuzz_doc_cat, path, data, len, rng, d) < 0)
		abort();
	free(data);
	free(path);
	free(rng);
	data = fuzz_slurp("policies/kitei.yml", &len);
	if (config_parse(&fuzz_doc_cf, "policies/kitei.yml", data, len, d) < 0)
		abort();
	free(data);
	diag_free(d);
}

/* Runs the documents through parse, model and coverage.  Returns 0. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dirs[] = {
		"system-risk", "security", "outsourcing", "crisis"
	};
	struct source_file	 files[FUZZ_DOC_MAX];
	struct parse_doc	*docs[FUZZ_DOC_MAX];
	struct model		*m;
	struct coverage		*cov;
	struct diag		*d;
	const uint8_t		*p, *end, *sep;
	char			*rel;
	size_t			 n = 0, i;
	uint8_t			 opt;

	if (fuzz_doc_cat == NULL)
		fuzz_doc_init();
	if (size < 1)
		return 0;
	opt = data[0];
	p = data + 1;
	end = data + size;
	while (n < FUZZ_DOC_MAX) {
		sep = n + 1 < FUZZ_DOC_MAX ? fuzz_doc_sep(p, end) : NULL;
		xasprintf(&rel, "%s/%02zu-fuzz.md", dirs[(opt >> (2 * n)) & 3], n);
		fuzz_file(&files[n], rel, p, (size_t)((sep ? sep : end) - p));
		free(rel);
		n++;
		if (sep == NULL)
			break;
		p = sep + strlen(FUZZ_DOC_SEP);
	}
	d = diag_new();
	for (i = 0; i < n; i++)
		docs[i] = parse_document(&files[i], d);
	m = model_build(docs, n, fuzz_doc_cf, d);
	cov = coverage_run(fuzz_doc_cat, m, fuzz_doc_cf, d);
	diag_sort(d);
	coverage_free(cov);
	model_free(m);
	diag_free(d);
	for (i = 0; i < n; i++)
		fuzz_file_free(&files[i]);
	return 0;
}
