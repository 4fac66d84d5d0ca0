/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * init: a new policy root a firm can start from — a commented kitei.yml, one
 * Markdown skeleton per manual whose sections follow the rule article by
 * article (each with its covers: and the rule's words to answer), the public
 * page, .gitignore, CI recipes and a pre-commit hook.  Never overwrites a
 * file.  For main.c only.
 */
#ifndef KITEI_INIT_H
#define KITEI_INIT_H

#include <stdio.h>

struct catalog;
struct diag;

/*
 * Writes the skeleton into the folder dir (made if missing), for the firm
 * named firm (NULL: a placeholder), from the catalog cat (borrowed).  When
 * dir is inside no git repository, one is made there.  Reports each file it
 * wrote, or left as it was, to report.  Returns 0, or -1 with a diagnostic
 * emitted (an I/O error).
 */
int	 init_run(const char *dir, const char *firm, const struct catalog *cat,
	    FILE *report, struct diag *d);

#endif /* KITEI_INIT_H */
