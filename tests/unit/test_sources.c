/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of sources: --as-of reads its day with jdate's one parser
 * (issue 20, "one helper per job"), so a day no calendar has (31 February)
 * is refused, as --today's is, instead of counting as 3 March.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "harness.h"
#include "sources.h"

/* Opens the repository at dir as of day; returns sources_open's code. */
static int
sources_try(const char *dir, const char *day, char **msgs)
{
	struct sources_opts	 so;
	struct sources		*src = NULL;
	struct diag		*d = diag_new();
	int			 rc;

	memset(&so, 0, sizeof(so));
	so.dir = dir;
	so.as_of = day;
	rc = sources_open(&src, &so, d);
	*msgs = harness_diags(d);
	sources_free(src);
	diag_free(d);
	return rc;
}

/* A one-commit repository in a scratch folder, then --as-of days on it. */
void
test_sources(void)
{
	char	 dir[] = "/tmp/kitei-unit-sources-XXXXXX", cmd[512], *msgs;

	if (mkdtemp(dir) == NULL) {
		OK("sources: scratch folder", 0);
		return;
	}
	snprintf(cmd, sizeof(cmd), "cd %s && git init -q -b main . && "
	    "printf 'organization: x\\n' > kitei.yml && git add kitei.yml && "
	    "GIT_AUTHOR_DATE=2026-01-05T12:00:00Z "
	    "GIT_COMMITTER_DATE=2026-01-05T12:00:00Z git -c user.name=t "
	    "-c user.email=t@example.co.jp commit -q -m init", dir);
	if (system(cmd) != 0) {
		OK("sources: fixture repository", 0);
		return;
	}
	INT_EQ("sources: --as-of 2026-02-28 opens", sources_try(dir, "2026-02-28",
	    &msgs), 0);
	free(msgs);
	INT_EQ("sources: --as-of 2026-02-31 refused", sources_try(dir,
	    "2026-02-31", &msgs), -1);
	OK("sources: 2026-02-31 named in the message",
	    msgs != NULL && strstr(msgs, "--as-of") != NULL &&
	    strstr(msgs, "2026-02-31") != NULL);
	free(msgs);
	INT_EQ("sources: --as-of 2026-13-01 refused", sources_try(dir,
	    "2026-13-01", &msgs), -1);
	free(msgs);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	(void)system(cmd);
}
