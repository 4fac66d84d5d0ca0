/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * NFKC normalisation of the syntax people type, with utf8proc.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "unorm.h"
#include "xalloc.h"

/* The options of NFKC, as utf8proc_NFKC uses them. */
#define UNORM_NFKC	(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE)

/*
 * Maps len bytes at s with utf8proc options opts into a new string (free
 * with free).  Text that is not UTF-8 comes back unchanged.
 */
static char *
unorm_map(const char *s, size_t len, utf8proc_option_t opts)
{
	utf8proc_uint8_t	*out = NULL;
	utf8proc_ssize_t	 n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &out, opts);
	if (n < 0 || out == NULL) {
		/* Not UTF-8, or no memory (then xstrndup ends the run). */
		free(out);
		return xstrndup(s, len);
	}
	return (char *)out;
}

char *
unorm_nfkc(const char *s, size_t len)
{
	return unorm_map(s, len, UNORM_NFKC);
}

int
unorm_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

char *
unorm_key(const char *s, size_t len)
{
	char	*k = unorm_map(s, len, UNORM_NFKC | UTF8PROC_CASEFOLD);
	size_t	 n = strlen(k), b = 0;

	while (b < n && unorm_isspace((unsigned char)k[b]))
		b++;
	while (n > b && unorm_isspace((unsigned char)k[n - 1]))
		n--;
	memmove(k, k + b, n - b);
	k[n - b] = '\0';
	return k;
}

/* Appends n bytes at p, all from original offset off, to v (room cap). */
static void
unorm_view_put(struct unorm_view *v, size_t *cap, const char *p, size_t n,
    size_t off)
{
	size_t	 i;

	while (v->len + n + 1 > *cap) {
		*cap *= 2;
		v->s = xrealloc(v->s, *cap);
		v->from = xreallocarray(v->from, *cap, sizeof(*v->from));
	}
	for (i = 0; i < n; i++) {
		v->s[v->len] = p[i];
		v->from[v->len++] = off;
	}
}

void
unorm_view_make(struct unorm_view *v, const char *text, size_t len)
{
	const utf8proc_uint8_t	*t = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 cap = len + 16, i = 0;
	char			*m;

	v->s = xmalloc(cap);
	v->from = xreallocarray(NULL, cap, sizeof(*v->from));
	v->len = 0;
	while (i < len && text[i] != '\0') {
		if (t[i] < 0x80) {
			unorm_view_put(v, &cap, text + i, 1, i);
			i++;
			continue;
		}
		n = utf8proc_iterate(t + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {
			unorm_view_put(v, &cap, text + i, 1, i);
			i++;
			continue;
		}
		m = unorm_map(text + i, (size_t)n, UNORM_NFKC);
		unorm_view_put(v, &cap, m, strlen(m), i);
		free(m);
		i += (size_t)n;
	}
	v->s[v->len] = '\0';
	v->from[v->len] = i;
}

size_t
unorm_view_end(const struct unorm_view *v, size_t i)
{
	size_t	 k = i + 1;

	while (k < v->len && v->from[k] == v->from[i])
		k++;
	return v->from[k];
}

void
unorm_view_free(struct unorm_view *v)
{
	if (v == NULL)
		return;
	free(v->s);
	free(v->from);
	v->s = NULL;
	v->from = NULL;
	v->len = 0;
}

/* Decodes one code point with utf8proc, which holds to RFC 3629. */
size_t
unorm_utf8(const char *s, size_t avail, uint32_t *cp)
{
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;

	if (avail == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    avail > 4 ? 4 : (utf8proc_ssize_t)avail, &c);
	if (n <= 0)
		return 0;
	*cp = (uint32_t)c;
	return (size_t)n;
}
