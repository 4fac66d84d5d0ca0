/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The globs of kitei.yml's `documents:` lists, defined here rather than by
 * fnmatch(3), whose `?` and `[…]` follow LC_CTYPE and LC_COLLATE: under
 * ja_JP.UTF-8 fnmatch's `?` matches 規, under C it does not, so the locale
 * would move documents between manuals.  What each form matches (README.md,
 * "Manuals and their documents"):
 *
 *   *      any run of characters within one path segment, none at all too
 *   ?      one character (UTF-8 decoded, whatever the locale), not '/'
 *   […]    one character in the set: characters and ranges a-z by code
 *          point; [!…] or [^…] the complement; ']' first is itself; never '/'
 *   **     when it is a whole segment (between slashes, or at either end):
 *          zero or more segments; elsewhere the same as *
 *   \c     the character c itself
 *
 * A leading '.' is not special.  Classes such as [:alpha:], [=e=] and [.x.]
 * (locale-dependent), an unclosed '[' and a trailing '\' are refused.
 * Bytes that are not UTF-8 each count as one character.
 * Any module may include this header.
 */
#ifndef KITEI_PATHGLOB_H
#define KITEI_PATHGLOB_H

/*
 * Returns NULL when pattern is a glob kitei reads, else a static English
 * phrase saying why not (for a diagnostic naming the pattern).
 */
const char	*pathglob_check(const char *pattern);

/*
 * Returns 1 when path (a '/'-separated relative path) matches pattern, else
 * 0.  A pattern pathglob_check refuses matches nothing.  Time is bounded by
 * the product of the lengths; nothing here recurses.
 */
int		 pathglob_match(const char *pattern, const char *path);

#endif
