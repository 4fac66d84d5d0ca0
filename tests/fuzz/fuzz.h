/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * What the libFuzzer harnesses in tests/fuzz/ share: the source folder (for
 * the shipped catalog and the sample kitei.yml) and a fake source file.
 * For the harnesses in tests/fuzz/ only.
 */
#ifndef KITEI_FUZZ_H
#define KITEI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sources.h"
#include "xalloc.h"

#ifndef KITEI_SRCDIR
#define KITEI_SRCDIR "."
#endif

/*
 * The source tree: $KITEI_SRCDIR at run time, else the one the harness was
 * built in.  Borrowed.
 */
static inline const char *
fuzz_srcdir(void)
{
	const char	*env = getenv("KITEI_SRCDIR");

	return env != NULL && env[0] != '\0' ? env : KITEI_SRCDIR;
}

/*
 * Reads srcdir/rel whole into a new NUL-terminated string (free it), or
 * aborts: a harness without its fixtures cannot run.
 */
static inline char *
fuzz_slurp(const char *rel, size_t *len)
{
	char	*path, *data;
	FILE	*f;
	long	 n;

	xasprintf(&path, "%s/%s", fuzz_srcdir(), rel);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "fuzz: cannot open %s (set KITEI_SRCDIR)\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = xmalloc((size_t)n + 1);
	if (fread(data, 1, (size_t)n, f) != (size_t)n)
		abort();
	data[n] = '\0';
	fclose(f);
	free(path);
	*len = (size_t)n;
	return data;
}

/*
 * Fills a source file that looks like one read from git: a NUL-terminated
 * copy of data under the given relative path.  Free with fuzz_file_free.
 */
static inline void
fuzz_file(struct source_file *f, const char *rel, const uint8_t *data,
    size_t len)
{
	xasprintf(&f->path, "policies/%s", rel);
	f->rel = xstrdup(rel);
	f->data = xmalloc(len + 1);
	if (len > 0)
		memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
}

/* Frees what fuzz_file made. */
static inline void
fuzz_file_free(struct source_file *f)
{
	free(f->path);
	free(f->rel);
	free(f->data);
}

#endif /* KITEI_FUZZ_H */
