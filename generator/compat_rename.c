/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Swaps two paths atomically where the system can (Linux renameat2 with
 * RENAME_EXCHANGE), so that an output folder is never missing for a moment.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#include "compat.h"

/* Returns 0 when a and b were swapped, or -1 with errno set. */
int
compat_exchange(const char *a, const char *b)
{
#ifdef RENAME_EXCHANGE
	return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
	errno = ENOSYS;
	return -1;
#endif
}
