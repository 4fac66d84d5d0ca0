/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * FO properties, for the files of generator/typeset/ only.  Takes FO element
 * nodes (libxml2) and gives their properties as struct ts_attrs (borrowed
 * strings), ts_style and ts_deco (typeset_int.h); a bad value gives one
 * warning at the FO line and leaves the default.
 */
#ifndef KITEI_TYPESET_PROPS_H
#define KITEI_TYPESET_PROPS_H

#include "typeset_int.h"

/*
 * Emits table message MSG_X (msg.h) at node's FO line:
 * typeset_warn(c, n, MSG_X, args...), checked against MSG_X's format.
 */
void	 typeset_warn(struct ts_ctx *c, xmlNodePtr n, enum msgid id,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
#define typeset_warn(c, n, ...)	typeset_warn((c), (n), MSG_IDFMT(__VA_ARGS__))

/*
 * The same once per rule and key in the document (the first place found):
 * a template that uses an unsupported property does so on every page.
 * typeset_warn_once(c, n, key, MSG_X, args...).
 */
void	 typeset_warn_once(struct ts_ctx *c, xmlNodePtr n, const char *key,
	    enum msgid id, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
#define typeset_warn_once(c, n, key, ...) \
	typeset_warn_once((c), (n), (key), MSG_IDFMT(__VA_ARGS__))

/* Returns whether n is the FO element called name. */
int	 typeset_is(xmlNodePtr n, const char *name);

/* Returns whether n is an element in the FO namespace. */
int	 typeset_is_fo(xmlNodePtr n);

/*
 * Reads the attributes of n into a (borrowed strings), warning once about
 * names outside the subset.
 */
void	 typeset_attrs(struct ts_ctx *c, xmlNodePtr n, struct ts_attrs *a);

/*
 * Parses a length into *out (pt).  em is the font size for em units; pct is
 * what 100% means.  Returns 0, or -1 (with a warning) when s is not a length.
 */
int	 typeset_len(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
	    double pct, double *out);

/* Sets *out from a length attribute if present and valid; returns 1 if set. */
int	 typeset_len_opt(struct ts_ctx *c, xmlNodePtr n, const char *s,
	    double em, double pct, double *out);

/* Parses a colour; returns 0, 1 for transparent, or -1 with a warning. */
int	 typeset_color(struct ts_ctx *c, xmlNodePtr n, const char *s,
	    uint32_t *out);

/* Parses a keep value: "always" or a positive integer keeps; returns 1 to keep. */
int	 typeset_keep(const char *s);

/* Returns whether a role names a paragraph (H1…H6, P, Lbl …) rather than a group. */
int	 typeset_role_is_para(const char *r);

/* Returns whether a role is a heading. */
int	 typeset_role_is_heading(const char *r);

/*
 * Computes the inherited properties of an element from its parent's
 * (in *st) and its attributes; refw is the reference area width for %.
 */
void	 typeset_style(struct ts_ctx *c, xmlNodePtr n, const struct ts_attrs *a,
	    struct ts_style *st, double refw);

/*
 * Computes borders, padding and background of an element into dc; returns
 * whether it has any (so that plain blocks cost nothing).
 */
int	 typeset_deco(struct ts_ctx *c, xmlNodePtr n, const struct ts_attrs *a,
	    const struct ts_style *st, double refw, struct ts_deco *dc);

/*
 * Parses a shorthand of one to four lengths (top right bottom left, as
 * in CSS) into out; returns 0, or -1 with a warning.
 */
int	 typeset_len4(struct ts_ctx *c, xmlNodePtr n, const char *s, double em,
	    double pct, double out[4]);

/*
 * Returns a new table of the property names of the subset (name -> enum
 * ts_attr + 1), for typeset_attrs; the caller destroys it.
 */
GHashTable	*typeset_attrnames(void);

#endif /* KITEI_TYPESET_PROPS_H */
