/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Japanese composition rules (W3C JLREQ, "Requirements for Japanese Text
 * Layout"), for compose.c and the unit tests.  Takes code points and gives
 * their Appendix A character class and what the composer does between two
 * of them: which bracket or stop gives up its blank half, and how much a
 * justified line may widen the gap.  The classes are data (the table in
 * jlreq.c); each rule is one function below, so that a new JLREQ rule is a
 * new row or a new function here, not a change inside the composer.
 */
#ifndef KITEI_TYPESET_JLREQ_H
#define KITEI_TYPESET_JLREQ_H

#include <stdint.h>

/* Character classes of JLREQ Appendix A; the value is the class number. */
enum ts_jlclass {
	JL_OTHER = 0,		/* in no class the rules use */
	JL_OPENING = 1,		/* cl-01 opening brackets 「（ */
	JL_CLOSING = 2,		/* cl-02 closing brackets 」） */
	JL_HYPHEN = 3,		/* cl-03 hyphens ‐〜 */
	JL_DIVIDING = 4,	/* cl-04 dividing punctuation marks ！？ */
	JL_MIDDLE_DOT = 5,	/* cl-05 middle dots ・：； */
	JL_FULL_STOP = 6,	/* cl-06 full stops 。． */
	JL_COMMA = 7,		/* cl-07 commas 、， */
	JL_INSEPARABLE = 8,	/* cl-08 inseparable characters —…‥ */
	JL_ITERATION = 9,	/* cl-09 iteration marks 々ゝ */
	JL_PROLONGED = 10,	/* cl-10 prolonged sound mark ー */
	JL_SMALL_KANA = 11,	/* cl-11 small kana ぁっャ */
	JL_IDEO_SPACE = 14	/* cl-14 ideographic space U+3000 */
};

/* Gap classes of a justified line (typeset_jlreq_gap). */
enum ts_jlgap {
	JL_GAP_NONE = 0,	/* does not stretch: inside a Latin word */
	JL_GAP_SOLID = 1,	/* between two Japanese characters */
	JL_GAP_SPACE = 2	/* at a space, or where Japanese meets Latin */
};

/*
 * Justification adds at most this many em to a JL_GAP_SOLID gap: wider
 * gaps read as spaces in copied text.
 */
#define TS_MAXSTRETCH	0.05
/* And at most this many em to a JL_GAP_SPACE gap; more looks like a hole. */
#define TS_MAXSPACE	0.6

/* Returns the Appendix A class of code point u, or JL_OTHER. */
enum ts_jlclass	 typeset_jlreq_class(uint32_t u);

/*
 * Returns whether u is set solid in Japanese (no space between two of
 * them): the ideographs, kana, full-width forms and CJK punctuation.
 */
int	 typeset_jlreq_wide(uint32_t u);

/*
 * Returns whether u is a space (U+0020, or the ideographic space of
 * cl-14): it stretches in a justified line and hangs at its end.
 */
int	 typeset_jlreq_space(uint32_t u);

/* Classes the gap between code points a and b in a justified line. */
enum ts_jlgap	 typeset_jlreq_gap(uint32_t a, uint32_t b);

/*
 * Punctuation compression (JLREQ 3.1.4): of two marks in a row (」「, 。」,
 * （「 …) one gives up its blank half, through the fonts' halt feature.
 * Returns 1 when a gives its trailing blank (a closing bracket, full stop
 * or comma before another mark), 2 when b gives its leading blank (an
 * opening bracket after another), else 0.
 */
int	 typeset_jlreq_halt(uint32_t a, uint32_t b);

/*
 * Returns 1 for a mark whose trailing half is blank (closing brackets,
 * full stops and commas the fonts' halt feature works on), 2 for one whose
 * leading half is (opening brackets), else 0: what 行頭 and line adjustment
 * may take away.
 */
int	 typeset_jlreq_half(uint32_t u);

/* 和欧間: the width, in em, between Japanese and Latin (JLREQ 3.2.10). */
#define TS_WAKAN	0.25
/* And the least it shrinks to when a line pulls in characters (追い込み). */
#define TS_WAKAN_MIN	0.125

/*
 * Returns whether u is Japanese for 和欧間: an ideograph, kana, iteration
 * or prolonged sound mark; not a bracket, stop, comma or space.
 */
int	 typeset_jlreq_ja(uint32_t u);

/* Returns whether u is a Latin (or Greek, Cyrillic) letter or a digit. */
int	 typeset_jlreq_latin(uint32_t u);

/*
 * Returns whether a quarter em (TS_WAKAN) goes between a and b: one is
 * Japanese, the other a Latin letter or digit.  Never next to a bracket or
 * a stop: those keep their own blank half.
 */
int	 typeset_jlreq_wakan(uint32_t a, uint32_t b);

#endif /* KITEI_TYPESET_JLREQ_H */
