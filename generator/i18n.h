/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Message translation: _() translates a string a person reads through the
 * "kitei" gettext domain; N_() only marks a string for xgettext (the message
 * table, static arrays), to be translated where it is used.  Any module may
 * include this header.
 */
#ifndef KITEI_I18N_H
#define KITEI_I18N_H

#include <libintl.h>

#define KITEI_TEXTDOMAIN	"kitei"

#define _(s)	dgettext(KITEI_TEXTDOMAIN, (s))
#define N_(s)	s

#endif /* KITEI_I18N_H */
