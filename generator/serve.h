/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * kitei serve: a live preview of the working tree on the loopback address.
 * For main.c only.
 */
#ifndef KITEI_SERVE_H
#define KITEI_SERVE_H

#include "diag.h"

/* The default port, and the highest one. */
#define SERVE_PORT_DEFAULT	8765
#define SERVE_PORT_MAX		65535

/* What main.c hands serve_run. */
struct serve_opts {
	unsigned	 port;		/* 0: any free port (said on standard output) */
	const char	*today;		/* --today for the builds, or NULL */
};

/*
 * Serves the policy root in the current folder until SIGINT or SIGTERM:
 * builds it from the working tree (kitei build --worktree, in child
 * processes) into a temporary folder of its own, serves that folder on
 * 127.0.0.1 (and ::1 when it can), rebuilds when a file under the root
 * changes and tells open pages to reload.  Returns 0 after a clean stop
 * (the temporary folder removed), or -1 with a fatal diagnostic (the port
 * is in use, no temporary folder, no watch).
 */
int	 serve_run(const struct serve_opts *, struct diag *);

/* Whether v is a port number for --port (0 to 65535, digits only). */
int	 serve_valid_port(const char *v);

#endif /* KITEI_SERVE_H */
