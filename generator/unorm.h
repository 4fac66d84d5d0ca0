/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unicode normalisation (NFKC, with utf8proc) of the syntax kitei reads in
 * text people type: directive keys, element ids and separators, front
 * matter keys and values, trailer keys and values.  A Japanese keyboard in
 * full-width mode types ：, ４．１ and 　 (U+3000) where ASCII is meant; NFKC
 * reads each as its ASCII form.  Never for published text: NFKC also turns
 * （ into ( and ① into 1.  Also the one UTF-8 decoder (unorm_utf8).  For
 * catalog.c (which folds facets and section text for the coverage check),
 * diff.c, history.c, json.c, parse.c, pathglob.c, pdfsign.c and signoff.c.
 */
#ifndef KITEI_UNORM_H
#define KITEI_UNORM_H

#include <stddef.h>
#include <stdint.h>

/*
 * A normalised copy of a piece of UTF-8 text that remembers, for every byte,
 * the byte of the original it came from: each code point is replaced by its
 * own NFKC form, so ASCII stays where it was and columns in diagnostics can
 * point at what the author wrote.
 */
struct unorm_view {
	char	*s;	/* the copy, NUL-terminated (a NUL in the text ends it) */
	size_t	 len;	/* its length in bytes */
	size_t	*from;	/* len + 1 offsets into the original; from[len] is its length */
};

/*
 * Fills v with the normalised copy of the len bytes at text.  Bytes that are
 * not UTF-8 are kept as they are.  Free with unorm_view_free.
 */
void	 unorm_view_make(struct unorm_view *v, const char *text, size_t len);
void	 unorm_view_free(struct unorm_view *);

/*
 * Returns the original offset just past the code point that produced byte i
 * of v's copy (i < v->len), so that [from[i], unorm_view_end(v, i)) is the
 * original text of that code point.
 */
size_t	 unorm_view_end(const struct unorm_view *, size_t i);

/* Returns a new string (free with free): the NFKC form of len bytes at s. */
char	*unorm_nfkc(const char *s, size_t len);

/*
 * Returns a new string (free with free): the NFKC form of the len bytes at
 * s, case-folded, without white space at either end (U+3000 included).  For
 * comparing keys and words ("Visibility", "ｖｉｓｉｂｉｌｉｔｙ").
 */
char	*unorm_key(const char *s, size_t len);

/* Whether the byte c of a normalised copy is white space (ASCII only). */
int	 unorm_isspace(int c);

/*
 * The one UTF-8 decoder: reads the code point at s, of which avail bytes
 * may be read, into *cp.  Returns its length in bytes (1 to 4), or 0 when s
 * does not start a valid sequence (RFC 3629: no overlong forms, surrogates,
 * code points past U+10FFFF or sequences cut short by avail).
 */
size_t	 unorm_utf8(const char *s, size_t avail, uint32_t *cp);

#endif /* KITEI_UNORM_H */
