/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Plain text of Markdown: the one rule for soft line breaks.  A line break
 * inside a paragraph is a space, except between two characters of scripts
 * written without spaces (Japanese), where the writer only wrapped a line.
 */
#include <stdint.h>
#include <string.h>

#include <cmark-gfm.h>
#include <glib.h>

#include "mdtext.h"
#include "xalloc.h"

int
mdtext_spaceless(uint32_t u)
{
	GUnicodeScript	 s;

	/* Punctuation and forms written with Japanese, whatever their script. */
	if ((u >= 0x3000 && u <= 0x303f) ||	/* 、。「」々〆 and the ideographic space's block */
	    (u >= 0x3200 && u <= 0x33ff) ||	/* enclosed and compatibility CJK */
	    (u >= 0xfe30 && u <= 0xfe4f) ||	/* CJK compatibility forms */
	    (u >= 0xff01 && u <= 0xff65) ||	/* full-width forms, half-width 。「」、・ */
	    u == 0x30a0 || u == 0x30fb || u == 0x30fc)	/* ゠ ・ ー */
		return 1;
	if (u < 0x2e80)
		return 0;
	s = g_unichar_get_script((gunichar)u);
	return s == G_UNICODE_SCRIPT_HAN || s == G_UNICODE_SCRIPT_HIRAGANA ||
	    s == G_UNICODE_SCRIPT_KATAKANA;
}

int
mdtext_is_block(cmark_node *n)
{
	return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) ==
	    CMARK_NODE_TYPE_BLOCK;
}

/* Whether a code point is white space for joining (0: no text at all). */
static int
mdtext_blank(uint32_t u)
{
	return u == 0 || u == ' ' || u == '\t' || u == '\n' || u == '\r' ||
	    u == 0x3000;
}

/*
 * The first (forward) or last character of the text of n's subtree, or 0
 * when it has none; a hard break counts as a line feed, and so does a soft
 * break looking back; a code span's white space counts as U+FFFC (an
 * object, no white space).  Raw HTML has no text here, as it is never shown.
 */
static uint32_t
mdtext_subtree_edge(cmark_node *n, int forward)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*c;
	const char		*lit, *p;
	uint32_t		 u = 0;

	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		c = cmark_iter_get_node(it);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(c);
			if (lit == NULL || *lit == '\0')
				continue;
			if (forward)
				u = g_utf8_get_char_validated(lit, -1);
			else {
				p = g_utf8_find_prev_char(lit, lit + strlen(lit));
				u = p != NULL ?
				    g_utf8_get_char_validated(p, -1) : 0;
			}
			if (u == (uint32_t)-1 || u == (uint32_t)-2)
				u = 0xfffd;
			/*
			 * A code span's spaces are code, shown in its box:
			 * beside the text around it, the span is one thing,
			 * as an object (U+FFFC) is.
			 */
			if (cmark_node_get_type(c) == CMARK_NODE_CODE &&
			    mdtext_blank(u))
				u = 0xfffc;
			break;
		case CMARK_NODE_SOFTBREAK:
			/*
			 * Breaks with only raw HTML between them are one
			 * break: the first decides, the later ones join.
			 */
			if (forward)
				continue;
			u = '\n';
			break;
		case CMARK_NODE_LINEBREAK:
			u = '\n';
			break;
		default:
			continue;
		}
		if (forward)
			break;
	}
	cmark_iter_free(it);
	return u;
}

/*
 * The nearest character before (or after) node n within its block, or 0.
 * Empty text nodes and inline containers without text are passed over.
 */
static uint32_t
mdtext_neighbour(cmark_node *n, int forward)
{
	cmark_node	*c = n, *next;
	uint32_t	 u;

	for (;;) {
		next = forward ? cmark_node_next(c) : cmark_node_previous(c);
		if (next == NULL) {
			c = cmark_node_parent(c);
			if (c == NULL || mdtext_is_block(c))
				return 0;
			continue;
		}
		c = next;
		if ((u = mdtext_subtree_edge(c, forward)) != 0)
			return u;
	}
}

int
mdtext_break_space(cmark_node *n)
{
	uint32_t	 a = mdtext_neighbour(n, 0), b = mdtext_neighbour(n, 1);

	if (mdtext_blank(a) || mdtext_blank(b))
		return 0;
	return !(mdtext_spaceless(a) && mdtext_spaceless(b));
}

void
mdtext_append(struct buf *b, cmark_node *n)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*c;
	const char		*lit;

	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		c = cmark_iter_get_node(it);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			if ((lit = cmark_node_get_literal(c)) != NULL)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
			if (mdtext_break_space(c))
				buf_putc(b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, '\n');
			break;
		default:
			if (mdtext_is_block(c))
				buf_putc(b, '\n');
			break;
		}
	}
	cmark_iter_free(it);
}
