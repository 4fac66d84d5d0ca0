/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * What differs between systems, behind one interface. For compat_rename.c
 * and publish.c.
 */
#ifndef KITEI_COMPAT_H
#define KITEI_COMPAT_H

/* Swaps two existing paths atomically; -1 with errno ENOSYS where impossible. */
int	 compat_exchange(const char *, const char *);

#endif /* KITEI_COMPAT_H */
