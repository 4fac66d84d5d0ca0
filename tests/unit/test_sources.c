/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of sources: --as-of reads its day with jdate's one parser
 * (issue 20, "one helper per job"), so a day no calendar has (31 February)
 * is refused, as --today's is, instead of counting as 3 March; and
 * sources_slurp, the one reader of a whole file, with its size cap.
 */
#include <errno.h>
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

/* sources_slurp on files in dir: the cap, a missing file, a symlink. */
static void
sources_slurp_checks(const char *dir)
{
	char	 path[256], link[256], *data = NULL;
	size_t	 len = 0;
	FILE	*f;

	snprintf(path, sizeof(path), "%s/ten", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	if ((f = fopen(path, "w")) == NULL || fputs("0123456789", f) < 0 ||
	    fclose(f) != 0 || symlink(path, link) < 0) {
		OK("sources_slurp: fixture files", 0);
		return;
	}
	INT_EQ("sources_slurp: a file of exactly max bytes is read",
	    sources_slurp(path, 10, 0, &data, &len), 0);
	OK("sources_slurp: all of it, NUL-terminated", data != NULL &&
	    len == 10 && strcmp(data, "0123456789") == 0);
	free(data);
	data = NULL;
	errno = 0;
	INT_EQ("sources_slurp: one byte over max is refused",
	    sources_slurp(path, 9, 0, &data, &len), -1);
	INT_EQ("sources_slurp: over max is EFBIG", errno, EFBIG);
	OK("sources_slurp: nothing handed out when refused", data == NULL);
	errno = 0;
	INT_EQ("sources_slurp: a missing file", sources_slurp("/nonexistent/x",
	    10, 0, &data, &len), -1);
	INT_EQ("sources_slurp: a missing file is ENOENT", errno, ENOENT);
	INT_EQ("sources_slurp: a symlink refused with SOURCES_NOFOLLOW",
	    sources_slurp(link, 10, SOURCES_NOFOLLOW, &data, &len), -1);
	INT_EQ("sources_slurp: a symlink followed without it",
	    sources_slurp(link, 10, 0, &data, &len), 0);
	free(data);
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
	sources_slurp_checks(dir);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	(void)system(cmd);
}
