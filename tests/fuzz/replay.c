/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Replays inputs through the fuzz harnesses without libFuzzer, for the
 * regression cases under tests/fuzz/regress/<name>/ that `make test` runs
 * (tests/e2e/fuzz-regress.sh) and for reproducing a crash with an ordinary
 * build:  replay NAME FILE...   (NAME: frontmatter, config, document, fo).
 * Exits 0 when every input ran; a crash is the sanitizers' or the kernel's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LLVMFuzzerTestOneInput	fuzz_frontmatter_one
#include "fuzz_frontmatter.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput	fuzz_config_one
#include "fuzz_config.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput	fuzz_document_one
#include "fuzz_document.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput	fuzz_fo_one
#include "fuzz_fo.c"
#undef LLVMFuzzerTestOneInput

static const struct {
	const char	*name;
	int		(*one)(const uint8_t *, size_t);
} replay_harnesses[] = {
	{ "frontmatter", fuzz_frontmatter_one },
	{ "config", fuzz_config_one },
	{ "document", fuzz_document_one },
	{ "fo", fuzz_fo_one },
};

/* Runs each file through the named harness; exits 0, or 2 on bad usage. */
int
main(int argc, char *argv[])
{
	int	(*one)(const uint8_t *, size_t) = NULL;
	char	*data;
	size_t	 i, len;
	int	 a;

	if (argc < 2)
		goto usage;
	for (i = 0; i < sizeof(replay_harnesses) / sizeof(replay_harnesses[0]); i++)
		if (strcmp(argv[1], replay_harnesses[i].name) == 0)
			one = replay_harnesses[i].one;
	if (one == NULL)
		goto usage;
	for (a = 2; a < argc; a++) {
		FILE	*f;
		long	 n;

		if ((f = fopen(argv[a], "rb")) == NULL) {
			perror(argv[a]);
			return 2;
		}
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		data = xmalloc((size_t)n + 1);
		len = fread(data, 1, (size_t)n, f);
		fclose(f);
		one((const uint8_t *)data, len);
		free(data);
		printf("ran %s\n", argv[a]);
	}
	return 0;
usage:
	fprintf(stderr, "usage: replay frontmatter|config|document|fo FILE...\n");
	return 2;
}
