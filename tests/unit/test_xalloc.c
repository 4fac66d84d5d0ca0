/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of xalloc's arrays: xgrowarray keeps every member through a
 * million appends one at a time and through large jumps, reallocates only
 * at powers of two, and refuses (exit 2, one line) counts whose room or byte
 * size would overflow, where a wrapped size would be a heap overflow.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "xalloc.h"

/* Appends one at a time: every member survives, few reallocations. */
static void
xalloc_grow_one_by_one(void)
{
	size_t		*a = NULL, n, moved = 0, bad = 0;
	size_t		 N = 1000000;
	const void	*last = NULL;

	for (n = 0; n < N; n++) {
		a = xgrowarray(a, n, 1, sizeof(*a));
		if (a != last)
			moved++;
		last = a;
		a[n] = n * 7;
	}
	for (n = 0; n < N; n++)
		if (a[n] != n * 7)
			bad++;
	INT_EQ("xgrowarray: a million appends keep every member", bad, 0);
	OK("xgrowarray: at most one move per power of two", moved <= 21);
	free(a);
}

/* Adds many at once, and adds nothing. */
static void
xalloc_grow_jumps(void)
{
	unsigned char	*b = NULL;
	size_t		 n = 0, i, bad = 0;
	static const size_t adds[] = { 3, 0, 1, 1000, 65536, 1, 5000000 };

	for (i = 0; i < sizeof(adds) / sizeof(adds[0]); i++) {
		b = xgrowarray(b, n, adds[i], 1);
		memset(b + n, (int)(i + 1), adds[i]);
		n += adds[i];
	}
	/* Every byte is still there: a too-small room would have been
	 * caught by the writes above under ASan and here by the values. */
	for (i = 0, n = 0; i < sizeof(adds) / sizeof(adds[0]); n += adds[i], i++)
		if (adds[i] > 0 && (b[n] != i + 1 || b[n + adds[i] - 1] != i + 1))
			bad++;
	INT_EQ("xgrowarray: large additions keep every member", bad, 0);
	free(b);

	b = xgrowarray(NULL, 0, 0, 8);
	OK("xgrowarray: room for nothing is still a pointer", b != NULL);
	free(b);
}

/* Runs fn in a child; returns its exit status, or -1 if it did not exit. */
static int
xalloc_child(void (*fn)(void), char *err, size_t errsz)
{
	int	 fd[2], st;
	pid_t	 pid;
	ssize_t	 n;

	err[0] = '\0';
	if (pipe(fd) < 0)
		return -1;
	fflush(stdout);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		fn();
		_exit(0);
	}
	close(fd[1]);
	n = read(fd[0], err, errsz - 1);
	err[n > 0 ? n : 0] = '\0';
	close(fd[0]);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void
xalloc_count_wraps(void)
{
	/* n + add past SIZE_MAX. */
	(void)xgrowarray(NULL, SIZE_MAX, 1, 1);
}

static void
xalloc_room_wraps(void)
{
	/* The power of two above n + add is past SIZE_MAX. */
	(void)xgrowarray(NULL, SIZE_MAX / 2 + 2, 0, 1);
}

static void
xalloc_bytes_wrap(void)
{
	/* Room 2^61 of 16 bytes: the byte size wraps to 0. */
	(void)xgrowarray(NULL, (size_t)1 << (sizeof(size_t) * 8 - 3), 1, 16);
}

static void
xalloc_realloc_wraps(void)
{
	(void)xreallocarray(NULL, SIZE_MAX / 8 + 1, 8);
}

/* Overflowing sizes exit 2 with one line, never wrap into a small block. */
static void
xalloc_overflow(void)
{
	static const struct {
		const char	*name;
		void		(*fn)(void);
	} cases[] = {
		{ "xgrowarray: count past SIZE_MAX", xalloc_count_wraps },
		{ "xgrowarray: room past SIZE_MAX", xalloc_room_wraps },
		{ "xgrowarray: bytes past SIZE_MAX", xalloc_bytes_wrap },
		{ "xreallocarray: bytes past SIZE_MAX", xalloc_realloc_wraps },
	};
	char	 err[256], name[128];
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(name, sizeof(name), "%s: exit 2", cases[i].name);
		INT_EQ(name, xalloc_child(cases[i].fn, err, sizeof(err)), 2);
		snprintf(name, sizeof(name), "%s: says out of memory",
		    cases[i].name);
		OK(name, strstr(err, "kitei: out of memory") != NULL);
	}
}

void
test_xalloc(void)
{
	xalloc_grow_one_by_one();
	xalloc_grow_jumps();
	xalloc_overflow();
}
