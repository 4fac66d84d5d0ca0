/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Japanese composition rules of the line composer: the character classes
 * of W3C JLREQ Appendix A as a table, and the rules compose.c applies with
 * them (punctuation compression, the gaps a justified line may widen).
 * Line breaking itself, including kinsoku, is Pango's (UAX #14).
 */
#include <stddef.h>
#include <stdint.h>

#include "jlreq.h"

/*
 * A mark set in a full em with a blank half that the fonts' halt feature
 * removes: the brackets, full stops and commas punctuation compression
 * works on.  Other members of those classes (‘“«, ｟) are left as they are.
 */
#define JL_HALF		0x01

/* A run of code points of one Appendix A class. */
struct ts_jlrange {
	uint32_t	 first, last;	/* code points, inclusive */
	enum ts_jlclass	 cls;
	unsigned int	 flags;		/* JL_HALF */
};

/*
 * The classes of JLREQ Appendix A that the rules use or will (cl-01 to
 * cl-11, cl-14), sorted by code point for a binary search.
 */
static const struct ts_jlrange ts_jlclasses[] = {
	{ 0x00ab, 0x00ab, JL_OPENING, 0 },	/* « */
	{ 0x00bb, 0x00bb, JL_CLOSING, 0 },	/* » */
	{ 0x2010, 0x2010, JL_HYPHEN, 0 },	/* ‐ */
	{ 0x2013, 0x2013, JL_HYPHEN, 0 },	/* – */
	{ 0x2014, 0x2014, JL_INSEPARABLE, 0 },	/* — */
	{ 0x2018, 0x2018, JL_OPENING, 0 },	/* ‘ */
	{ 0x2019, 0x2019, JL_CLOSING, 0 },	/* ’ */
	{ 0x201c, 0x201c, JL_OPENING, 0 },	/* “ */
	{ 0x201d, 0x201d, JL_CLOSING, 0 },	/* ” */
	{ 0x2025, 0x2025, JL_INSEPARABLE, 0 },	/* ‥ */
	{ 0x2026, 0x2026, JL_INSEPARABLE, 0 },	/* … */
	{ 0x203c, 0x203c, JL_DIVIDING, 0 },	/* ‼ */
	{ 0x2047, 0x2047, JL_DIVIDING, 0 },	/* ⁇ */
	{ 0x2048, 0x2048, JL_DIVIDING, 0 },	/* ⁈ */
	{ 0x2049, 0x2049, JL_DIVIDING, 0 },	/* ⁉ */
	{ 0x3000, 0x3000, JL_IDEO_SPACE, 0 },	/* ideographic space */
	{ 0x3001, 0x3001, JL_COMMA, JL_HALF },	/* 、 */
	{ 0x3002, 0x3002, JL_FULL_STOP, JL_HALF },	/* 。 */
	{ 0x3005, 0x3005, JL_ITERATION, 0 },	/* 々 */
	{ 0x3008, 0x3008, JL_OPENING, JL_HALF },	/* 〈 */
	{ 0x3009, 0x3009, JL_CLOSING, JL_HALF },	/* 〉 */
	{ 0x300a, 0x300a, JL_OPENING, JL_HALF },	/* 《 */
	{ 0x300b, 0x300b, JL_CLOSING, JL_HALF },	/* 》 */
	{ 0x300c, 0x300c, JL_OPENING, JL_HALF },	/* 「 */
	{ 0x300d, 0x300d, JL_CLOSING, JL_HALF },	/* 」 */
	{ 0x300e, 0x300e, JL_OPENING, JL_HALF },	/* 『 */
	{ 0x300f, 0x300f, JL_CLOSING, JL_HALF },	/* 』 */
	{ 0x3010, 0x3010, JL_OPENING, JL_HALF },	/* 【 */
	{ 0x3011, 0x3011, JL_CLOSING, JL_HALF },	/* 】 */
	{ 0x3014, 0x3014, JL_OPENING, JL_HALF },	/* 〔 */
	{ 0x3015, 0x3015, JL_CLOSING, JL_HALF },	/* 〕 */
	{ 0x3016, 0x3016, JL_OPENING, JL_HALF },	/* 〖 */
	{ 0x3017, 0x3017, JL_CLOSING, JL_HALF },	/* 〗 */
	{ 0x3018, 0x3018, JL_OPENING, JL_HALF },	/* 〘 */
	{ 0x3019, 0x3019, JL_CLOSING, JL_HALF },	/* 〙 */
	{ 0x301c, 0x301c, JL_HYPHEN, 0 },	/* 〜 */
	{ 0x301d, 0x301d, JL_OPENING, 0 },	/* 〝 */
	{ 0x301f, 0x301f, JL_CLOSING, 0 },	/* 〟 */
	{ 0x3033, 0x3033, JL_INSEPARABLE, 0 },	/* 〳 */
	{ 0x3034, 0x3034, JL_INSEPARABLE, 0 },	/* 〴 */
	{ 0x3035, 0x3035, JL_INSEPARABLE, 0 },	/* 〵 */
	{ 0x303b, 0x303b, JL_ITERATION, 0 },	/* 〻 */
	{ 0x3041, 0x3041, JL_SMALL_KANA, 0 },	/* ぁ */
	{ 0x3043, 0x3043, JL_SMALL_KANA, 0 },	/* ぃ */
	{ 0x3045, 0x3045, JL_SMALL_KANA, 0 },	/* ぅ */
	{ 0x3047, 0x3047, JL_SMALL_KANA, 0 },	/* ぇ */
	{ 0x3049, 0x3049, JL_SMALL_KANA, 0 },	/* ぉ */
	{ 0x3063, 0x3063, JL_SMALL_KANA, 0 },	/* っ */
	{ 0x3083, 0x3083, JL_SMALL_KANA, 0 },	/* ゃ */
	{ 0x3085, 0x3085, JL_SMALL_KANA, 0 },	/* ゅ */
	{ 0x3087, 0x3087, JL_SMALL_KANA, 0 },	/* ょ */
	{ 0x308e, 0x308e, JL_SMALL_KANA, 0 },	/* ゎ */
	{ 0x3095, 0x3095, JL_SMALL_KANA, 0 },	/* ゕ */
	{ 0x3096, 0x3096, JL_SMALL_KANA, 0 },	/* ゖ */
	{ 0x309d, 0x309d, JL_ITERATION, 0 },	/* ゝ */
	{ 0x309e, 0x309e, JL_ITERATION, 0 },	/* ゞ */
	{ 0x30a0, 0x30a0, JL_HYPHEN, 0 },	/* ゠ */
	{ 0x30a1, 0x30a1, JL_SMALL_KANA, 0 },	/* ァ */
	{ 0x30a3, 0x30a3, JL_SMALL_KANA, 0 },	/* ィ */
	{ 0x30a5, 0x30a5, JL_SMALL_KANA, 0 },	/* ゥ */
	{ 0x30a7, 0x30a7, JL_SMALL_KANA, 0 },	/* ェ */
	{ 0x30a9, 0x30a9, JL_SMALL_KANA, 0 },	/* ォ */
	{ 0x30c3, 0x30c3, JL_SMALL_KANA, 0 },	/* ッ */
	{ 0x30e3, 0x30e3, JL_SMALL_KANA, 0 },	/* ャ */
	{ 0x30e5, 0x30e5, JL_SMALL_KANA, 0 },	/* ュ */
	{ 0x30e7, 0x30e7, JL_SMALL_KANA, 0 },	/* ョ */
	{ 0x30ee, 0x30ee, JL_SMALL_KANA, 0 },	/* ヮ */
	{ 0x30f5, 0x30f5, JL_SMALL_KANA, 0 },	/* ヵ */
	{ 0x30f6, 0x30f6, JL_SMALL_KANA, 0 },	/* ヶ */
	{ 0x30fb, 0x30fb, JL_MIDDLE_DOT, 0 },	/* ・ */
	{ 0x30fc, 0x30fc, JL_PROLONGED, 0 },	/* ー */
	{ 0x30fd, 0x30fd, JL_ITERATION, 0 },	/* ヽ */
	{ 0x30fe, 0x30fe, JL_ITERATION, 0 },	/* ヾ */
	{ 0x31f0, 0x31ff, JL_SMALL_KANA, 0 },	/* ㇰ-ㇿ */
	{ 0xff01, 0xff01, JL_DIVIDING, 0 },	/* ！ */
	{ 0xff08, 0xff08, JL_OPENING, JL_HALF },	/* （ */
	{ 0xff09, 0xff09, JL_CLOSING, JL_HALF },	/* ） */
	{ 0xff0c, 0xff0c, JL_COMMA, JL_HALF },	/* ， */
	{ 0xff0e, 0xff0e, JL_FULL_STOP, JL_HALF },	/* ． */
	{ 0xff1a, 0xff1a, JL_MIDDLE_DOT, 0 },	/* ： */
	{ 0xff1b, 0xff1b, JL_MIDDLE_DOT, 0 },	/* ； */
	{ 0xff1f, 0xff1f, JL_DIVIDING, 0 },	/* ？ */
	{ 0xff3b, 0xff3b, JL_OPENING, JL_HALF },	/* ［ */
	{ 0xff3d, 0xff3d, JL_CLOSING, JL_HALF },	/* ］ */
	{ 0xff5b, 0xff5b, JL_OPENING, JL_HALF },	/* ｛ */
	{ 0xff5d, 0xff5d, JL_CLOSING, JL_HALF },	/* ｝ */
	{ 0xff5f, 0xff5f, JL_OPENING, 0 },	/* ｟ */
	{ 0xff60, 0xff60, JL_CLOSING, 0 },	/* ｠ */
};

/* Code points set solid in Japanese: ideographs, kana, full-width forms. */
static const struct {
	uint32_t	 first, last;	/* inclusive */
} ts_jlwide[] = {
	{ 0x2e80, 0x9fff },	/* CJK radicals … unified ideographs, kana, CJK punctuation */
	{ 0xf900, 0xfaff },	/* CJK compatibility ideographs */
	{ 0xfe30, 0xfe4f },	/* CJK compatibility forms */
	{ 0xff00, 0xffef },	/* half-width and full-width forms */
	{ 0x20000, 0x3ffff },	/* planes 2 and 3: ideographs */
};

/* Returns the table row holding u, or NULL. */
static const struct ts_jlrange *
typeset_jlreq_find(uint32_t u)
{
	size_t	 lo = 0, hi = sizeof(ts_jlclasses) / sizeof(ts_jlclasses[0]), mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u < ts_jlclasses[mid].first)
			hi = mid;
		else if (u > ts_jlclasses[mid].last)
			lo = mid + 1;
		else
			return &ts_jlclasses[mid];
	}
	return NULL;
}

/* Returns the Appendix A class of code point u, or JL_OTHER. */
enum ts_jlclass
typeset_jlreq_class(uint32_t u)
{
	const struct ts_jlrange	*r = typeset_jlreq_find(u);

	return r != NULL ? r->cls : JL_OTHER;
}

/* Returns whether u is set solid in Japanese (see ts_jlwide). */
int
typeset_jlreq_wide(uint32_t u)
{
	size_t	 i;

	for (i = 0; i < sizeof(ts_jlwide) / sizeof(ts_jlwide[0]); i++)
		if (u >= ts_jlwide[i].first && u <= ts_jlwide[i].last)
			return 1;
	return 0;
}

/* Returns whether u is a space: U+0020 or the ideographic space (cl-14). */
int
typeset_jlreq_space(uint32_t u)
{
	return u == ' ' || typeset_jlreq_class(u) == JL_IDEO_SPACE;
}

/*
 * Classes the gap between code points a and b in a justified line: none
 * inside a Latin word, solid between two Japanese characters, space at a
 * space or where Japanese meets Latin.
 */
enum ts_jlgap
typeset_jlreq_gap(uint32_t a, uint32_t b)
{
	if (typeset_jlreq_space(a) || typeset_jlreq_space(b))
		return JL_GAP_SPACE;
	if (typeset_jlreq_wide(a) && typeset_jlreq_wide(b))
		return JL_GAP_SOLID;
	if (typeset_jlreq_wide(a) || typeset_jlreq_wide(b))
		return JL_GAP_SPACE;
	return JL_GAP_NONE;
}

/*
 * Returns whether u is Japanese for 和欧間 (JLREQ 3.2.9): set solid and no
 * bracket, stop, comma, middle dot, dividing mark or space (cl-01 to cl-08
 * and cl-14 keep their own spacing), and not a full-width Latin letter or digit.
 */
int
typeset_jlreq_ja(uint32_t u)
{
	enum ts_jlclass	 cls;

	if (!typeset_jlreq_wide(u) || (u >= 0xff01 && u <= 0xff65) ||
	    (u >= 0x3000 && u <= 0x303f && u != 0x3005 && u != 0x303b))
		return 0;
	cls = typeset_jlreq_class(u);
	return cls == JL_OTHER || cls == JL_ITERATION || cls == JL_PROLONGED ||
	    cls == JL_SMALL_KANA;
}

/* Returns whether u is a Latin (Greek, Cyrillic) letter or a digit. */
int
typeset_jlreq_latin(uint32_t u)
{
	if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') ||
	    (u >= 'a' && u <= 'z'))
		return 1;
	return (u >= 0xc0 && u <= 0x24f && u != 0xd7 && u != 0xf7) ||
	    (u >= 0x370 && u <= 0x4ff);
}

/*
 * 和欧間 (JLREQ 3.2.9-3.2.10): whether a quarter em goes between a and b,
 * a Japanese character and a Latin letter or digit in either order.
 */
int
typeset_jlreq_wakan(uint32_t a, uint32_t b)
{
	return (typeset_jlreq_ja(a) && typeset_jlreq_latin(b)) ||
	    (typeset_jlreq_latin(a) && typeset_jlreq_ja(b));
}

/*
 * Returns 1 for a compressible closing mark (cl-02 closing bracket, cl-06
 * full stop, cl-07 comma), 2 for a compressible opening one (cl-01), else 0.
 */
static int
typeset_jlreq_punct(uint32_t u)
{
	const struct ts_jlrange	*r = typeset_jlreq_find(u);

	if (r == NULL || !(r->flags & JL_HALF))
		return 0;
	return r->cls == JL_OPENING ? 2 : 1;
}

/*
 * Punctuation compression of two marks in a row: the closing mark gives
 * its trailing blank, or the second of two opening marks its leading one
 * (see jlreq.h).
 */
int
typeset_jlreq_halt(uint32_t a, uint32_t b)
{
	int	 ka, kb;

	if ((ka = typeset_jlreq_punct(a)) == 0 ||
	    (kb = typeset_jlreq_punct(b)) == 0)
		return 0;
	if (ka == 1)
		return 1;
	return kb == 2 ? 2 : 0;
}

/*
 * Returns 1 for a mark with a blank half (JL_HALF) that sets its ink at
 * the end (a closing bracket, stop or comma: the trailing half is blank),
 * 2 for an opening bracket (the leading half is blank), else 0.
 */
int
typeset_jlreq_half(uint32_t u)
{
	return typeset_jlreq_punct(u);
}
