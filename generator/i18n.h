/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Messages a person reads, marked for translation with gettext (glibc's
 * libintl): _() translates, N_() only marks.  Any module may include this
 * header.
 */
#ifndef KITEI_I18N_H
#define KITEI_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

#endif /* KITEI_I18N_H */
