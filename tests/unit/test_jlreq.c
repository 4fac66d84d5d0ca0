/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the typesetter's composition rules (generator/typeset/
 * jlreq.c): the JLREQ Appendix A classes of its table, including the ends
 * of the table and of its ranges (a row out of order would hide them from
 * the binary search), and the compression and justification rules.
 */
#include <stdint.h>
#include <stdio.h>

#include "harness.h"
#include "typeset/jlreq.h"

/* Checks the class of one code point. */
static void
jlreq_class_is(uint32_t u, enum ts_jlclass want)
{
	char	 name[64];

	snprintf(name, sizeof(name), "U+%04X is class %d", (unsigned)u, (int)want);
	INT_EQ(name, typeset_jlreq_class(u), want);
}

/* Checks the compression of a pair of code points. */
static void
jlreq_halt_is(uint32_t a, uint32_t b, int want)
{
	char	 name[64];

	snprintf(name, sizeof(name), "U+%04X U+%04X: halt %d", (unsigned)a,
	    (unsigned)b, want);
	INT_EQ(name, typeset_jlreq_halt(a, b), want);
}

/* Runs the jlreq tests. */
void
test_jlreq(void)
{
	jlreq_class_is(0x00ab, JL_OPENING);	/* « first row */
	jlreq_class_is(0x300c, JL_OPENING);	/* 「 */
	jlreq_class_is(0xff08, JL_OPENING);	/* （ */
	jlreq_class_is(0x300d, JL_CLOSING);	/* 」 */
	jlreq_class_is(0xff60, JL_CLOSING);	/* ｠ last row */
	jlreq_class_is(0x301c, JL_HYPHEN);	/* 〜 */
	jlreq_class_is(0xff1f, JL_DIVIDING);	/* ？ */
	jlreq_class_is(0x30fb, JL_MIDDLE_DOT);	/* ・ */
	jlreq_class_is(0x3002, JL_FULL_STOP);	/* 。 */
	jlreq_class_is(0x3001, JL_COMMA);	/* 、 */
	jlreq_class_is(0x2026, JL_INSEPARABLE);	/* … */
	jlreq_class_is(0x3005, JL_ITERATION);	/* 々 */
	jlreq_class_is(0x30fc, JL_PROLONGED);	/* ー */
	jlreq_class_is(0x3063, JL_SMALL_KANA);	/* っ */
	jlreq_class_is(0x31f0, JL_SMALL_KANA);	/* a range's ends */
	jlreq_class_is(0x31ff, JL_SMALL_KANA);
	jlreq_class_is(0x31ef, JL_OTHER);
	jlreq_class_is(0x3000, JL_IDEO_SPACE);
	jlreq_class_is(0x4e00, JL_OTHER);	/* 一 */
	jlreq_class_is('A', JL_OTHER);
	jlreq_class_is(0x10ffff, JL_OTHER);

	jlreq_halt_is(0x300d, 0x300c, 1);	/* 」「: the closing one */
	jlreq_halt_is(0x3002, 0x300d, 1);	/* 。」 */
	jlreq_halt_is(0xff08, 0x300c, 2);	/* （「: the second opening one */
	jlreq_halt_is(0x300c, 0x300d, 0);	/* 「」 */
	jlreq_halt_is(0x300d, 0x4e00, 0);	/* 」一 */
	jlreq_halt_is(0x201d, 0x300c, 0);	/* ”「: not a full-em mark */

	INT_EQ("kanji-kanji gap is solid", typeset_jlreq_gap(0x4e00, 0x3042),
	    JL_GAP_SOLID);
	INT_EQ("kanji-Latin gap is a space", typeset_jlreq_gap(0x4e00, 'A'),
	    JL_GAP_SPACE);
	INT_EQ("ideographic space is a space", typeset_jlreq_gap(0x3000, 0x4e00),
	    JL_GAP_SPACE);
	INT_EQ("Latin-Latin gap does not stretch", typeset_jlreq_gap('a', 'b'),
	    JL_GAP_NONE);
	OK("full-width A is wide", typeset_jlreq_wide(0xff21));
	OK("plane 2 is wide", typeset_jlreq_wide(0x20000));
	OK("e-acute is not wide", !typeset_jlreq_wide(0xe9));

	/* 和欧間: Japanese next to a Latin letter or digit, either way. */
	OK("年1 gets 和欧間", typeset_jlreq_wakan(0x5e74, '1'));
	OK("1回 gets 和欧間", typeset_jlreq_wakan('1', 0x56de));
	OK("Tを gets 和欧間", typeset_jlreq_wakan('T', 0x3092));
	OK("ーA gets 和欧間", typeset_jlreq_wakan(0x30fc, 'A'));
	OK("々1 gets 和欧間", typeset_jlreq_wakan(0x3005, '1'));
	OK("「A gets none", !typeset_jlreq_wakan(0x300c, 'A'));
	OK("A」 gets none", !typeset_jlreq_wakan('A', 0x300d));
	OK("、1 gets none", !typeset_jlreq_wakan(0x3001, '1'));
	OK("1（ gets none", !typeset_jlreq_wakan('1', 0xff08));
	OK("全角１ next to 年 gets none", !typeset_jlreq_wakan(0x5e74, 0xff11));
	OK("% is no letter", !typeset_jlreq_wakan('%', 0x4ee5));
	OK("ab gets none", !typeset_jlreq_wakan('a', 'b'));
	INT_EQ("」 gives a trailing half", typeset_jlreq_half(0x300d), 1);
	INT_EQ("「 gives a leading half", typeset_jlreq_half(0x300c), 2);
	INT_EQ("一 has none", typeset_jlreq_half(0x4e00), 0);
}
