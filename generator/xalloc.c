/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Allocation wrappers that exit on exhaustion, and a growable byte buffer.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Exit status for "could not run", as design.md prescribes. */
#define XALLOC_EXIT	2

/* Prints one line and exits: nothing sensible can follow an exhausted heap. */
static void
xalloc_die(size_t sz)
{
	fprintf(stderr, "kitei: out of memory (%zu bytes)\n", sz);
	exit(XALLOC_EXIT);
}

/* Returns sz bytes; never NULL. */
void *
xmalloc(size_t sz)
{
	void	*p;

	if ((p = malloc(sz == 0 ? 1 : sz)) == NULL)
		xalloc_die(sz);
	return p;
}

/* Returns n zeroed members of sz bytes; never NULL. */
void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, sz == 0 ? 1 : sz)) == NULL)
		xalloc_die(n * sz);
	return p;
}

/* Resizes p to sz bytes; never NULL. */
void *
xrealloc(void *p, size_t sz)
{
	if ((p = realloc(p, sz == 0 ? 1 : sz)) == NULL)
		xalloc_die(sz);
	return p;
}

/* The room an array of n members has under xgrowarray: 0, or a power of two. */
static size_t
xalloc_room(size_t n)
{
	size_t	 r = 1;

	if (n == 0)
		return 0;
	while (r < n) {
		if (r > SIZE_MAX / 2)
			xalloc_die(SIZE_MAX);
		r *= 2;
	}
	return r;
}

/* Grows p for add more members; see xalloc.h. */
void *
xgrowarray(void *p, size_t n, size_t add, size_t sz)
{
	size_t	 want;

	if (add > SIZE_MAX - n)
		xalloc_die(SIZE_MAX);
	if ((want = xalloc_room(n + add)) <= xalloc_room(n) && p != NULL)
		return p;
	return xreallocarray(p, want, sz);
}

/* Resizes p to n members of sz bytes, refusing an overflowing product. */
void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		xalloc_die(SIZE_MAX);
	return xrealloc(p, n * sz);
}

/* Returns a copy of s, owned by the caller. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Returns a NUL-terminated copy of the first n bytes of s. */
char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Formats into a new string stored in *out; returns its length. */
int
xasprintf(char **out, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_die(0);
	*out = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(*out, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return n;
}

/* Makes room for at least n more bytes plus a NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t	 want;

	if (b->len + n + 1 <= b->cap)
		return;
	want = b->cap ? b->cap : 64;
	while (want < b->len + n + 1) {
		if (want > SIZE_MAX / 2)
			xalloc_die(SIZE_MAX);
		want *= 2;
	}
	b->data = xrealloc(b->data, want);
	b->cap = want;
}

/* Appends n bytes of p. */
void
buf_put(struct buf *b, const char *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Appends the string s. */
void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* Appends one byte. */
void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

/* Appends formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Returns the data (never NULL) and empties the buffer; the caller frees it. */
char *
buf_steal(struct buf *b)
{
	char	*p;

	p = b->data != NULL ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

/* Frees the buffer's data; the struct itself belongs to the caller. */
void
buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
