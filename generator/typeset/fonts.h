/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Fonts, for typeset.c.  Gives the context's font map and Pango context.
 */
#ifndef KITEI_TYPESET_FONTS_H
#define KITEI_TYPESET_FONTS_H

#include "typeset_int.h"

/*
 * The private fontconfig: only the fonts kitei is told to use, so that the
 * output never depends on what else is installed.  Returns 0, or -1 with a
 * diagnostic.
 */
int	 typeset_fonts(struct ts_ctx *c, const char *fontdir);

#endif /* KITEI_TYPESET_FONTS_H */
