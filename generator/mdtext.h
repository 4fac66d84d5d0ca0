/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Plain text of Markdown, decided once: what a soft line break becomes, and
 * which nodes end a line.  For model.c (coverage text, headings), assemble.c
 * (the break's decision, carried to the HTML and PDF templates) and diff.c
 * (the 新旧対照表's text).
 */
#ifndef KITEI_MDTEXT_H
#define KITEI_MDTEXT_H

#include <stdint.h>

#include <cmark-gfm.h>

struct buf;

/*
 * Whether code point u belongs to a script written without spaces between
 * words: Han, Hiragana, Katakana, and the punctuation and full-width forms
 * written with them.
 */
int	mdtext_spaceless(uint32_t u);

/*
 * Whether the soft break n shows as a space: yes, unless the nearest
 * non-empty text on both sides (within its block) ends and starts with a
 * character of a spaceless script, or a side already is white space.
 */
int	mdtext_break_space(cmark_node *n);

/*
 * Whether n is a block node (cmark's inline types carry the block bit too,
 * so a plain `type & CMARK_NODE_TYPE_BLOCK` is true for every node).
 */
int	mdtext_is_block(cmark_node *n);

/*
 * Appends the plain text of n's subtree to b: text and code as written, a
 * soft break as mdtext_break_space() decides, a hard break and the start of
 * each block as a line feed.  Raw HTML is left out.
 */
void	mdtext_append(struct buf *b, cmark_node *n);

#endif /* KITEI_MDTEXT_H */
