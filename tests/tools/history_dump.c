/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Test driver for the history stage: walks REPO from HEAD over the policy
 * root ROOT and prints the history (or PATH's) as text or, with --json, as
 * JSON.  Usage: history_dump REPO ROOT [PATH] [--json]
 */
#include <stdio.h>
#include <string.h>

#include <git2.h>

#include "diag.h"
#include "history.h"

/* Runs the walk and prints it; exits 0, or 2 with the diagnostics printed. */
int
main(int argc, char *argv[])
{
	git_repository	*repo = NULL;
	git_object	*head = NULL;
	struct history	*h = NULL;
	struct diag	*d = diag_new();
	const char	*path = NULL;
	int		 i, json = 0, rc = 2, nargs = 0;
	const char	*args[3] = { NULL, NULL, NULL };

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (nargs < 3)
			args[nargs++] = argv[i];
		else
			nargs = 4;
	}
	if (nargs < 2 || nargs > 3) {
		fprintf(stderr, "usage: history_dump REPO ROOT [PATH] [--json]\n");
		goto out;
	}
	path = args[2];
	git_libgit2_init();
	/* The settings history.h asks main.c for, so the bench measures kitei. */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	if (git_repository_open(&repo, args[0]) < 0 ||
	    git_revparse_single(&head, repo, "HEAD^{commit}") < 0) {
		fprintf(stderr, "history_dump: %s\n", git_error_last()->message);
		goto out;
	}
	if (history_walk(&h, repo, git_object_id(head), args[1], d) < 0)
		goto out;
	if ((json ? history_print_json(stdout, h, path) :
	    history_print_text(stdout, h, path)) < 0)
		goto out;
	rc = 0;
out:
	diag_print_text(d, stderr, 0);
	diag_free(d);
	history_free(h);
	git_object_free(head);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
