/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Allocation wrappers that never return NULL: on exhaustion they print one line
 * and exit with status 2 (could not run).  Any module may include this header.
 */
#ifndef KITEI_XALLOC_H
#define KITEI_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
/*
 * Grows an array of n members of sz bytes that is about to hold n + add:
 * its room is the power of two at or above its count, so appending one at
 * a time costs amortised constant time without a capacity field.  Returns
 * p or its new place.  Use it for every append to that array.
 */
void	*xgrowarray(void *p, size_t n, size_t add, size_t sz);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * A growable byte buffer, always NUL-terminated once anything was added.
 * Free with buf_free(); steal the data with buf_steal().
 */
struct buf {
	char	*data;	/* bytes, NUL-terminated, or NULL if empty */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 buf_grow(struct buf *, size_t);
void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*buf_steal(struct buf *);
void	 buf_free(struct buf *);

#endif /* KITEI_XALLOC_H */
