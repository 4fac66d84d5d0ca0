#!/usr/bin/python3
"""Counts JLREQ violations in a PDF from its glyph positions (Poppler through
GObject introspection, Debian gir1.2-poppler-0.18).  Usage:
    check.py FILE.pdf [TOKEN ...]
Prints one line per violation and a last line "N violations".  Checked:
  wakan   和欧間: where Japanese meets a Latin letter or digit (a typed space
          between them or not) the gap is 1/8 to 1/2 em (JLREQ 3.2.10, 3.8)
  punct   two brackets or stops in a row (」「 。」 （「) take half an em
          between their origins, not a whole (JLREQ 3.1.4)
  last    a paragraph's last line of one or two characters (「る。」) that the
          line above could have taken by compressing its brackets, stops,
          和欧間 and slack (追い込み, JLREQ 3.8.2)
  break   a TOKEN (an e-mail address, a telephone or document number, a
          short term) split over two lines
"""
import os
import sys
import gi
gi.require_version('Poppler', '0.18')
from gi.repository import Poppler

OPEN = set('「『（〔［｛〈《【〖〘')
CLOSE = set('」』）〕］｝〉》】〗〙、。，．')


def wide(c):
    o = ord(c)
    return 0x2e80 <= o <= 0x9fff or 0xf900 <= o <= 0xfaff or \
        0xff00 <= o <= 0xffef or o >= 0x20000


def ja(c):
    o = ord(c)
    if not wide(c) or 0xff01 <= o <= 0xff65 or 0x3000 <= o <= 0x303f and c not in '々〻':
        return False
    return c not in OPEN and c not in CLOSE and c not in '・：；！？―…‥〜'


def latin(c):
    o = ord(c)
    return c.isascii() and c.isalnum() or 0xc0 <= o <= 0x24f and c not in '×÷' \
        or 0x370 <= o <= 0x4ff


def halt(a, b):
    """Whether a and b in a row share one blank half (JLREQ 3.1.4)."""
    if a in CLOSE and (b in CLOSE or b in OPEN):
        return True
    return a in OPEN and b in OPEN


def lines_of(path):
    doc = Poppler.Document.new_from_file('file://' + os.path.abspath(path), None)
    out = []
    for pn in range(doc.get_n_pages()):
        page = doc.get_page(pn)
        text = page.get_text()
        ok, rects = page.get_text_layout()
        cur = []
        for ch, r in zip(text, rects):
            if ch == '\n' or (cur and (abs(r.y2 - cur[-1][4]) > 2 or
                                       r.x1 < cur[-1][1] - 1 or
                                       r.x1 - cur[-1][2] > (r.y2 - r.y1))):
                if cur:
                    out.append((pn, cur))
                cur = []
                if ch == '\n':
                    continue
            cur.append((ch, r.x1, r.x2, r.y1, r.y2))
        if cur:
            out.append((pn, cur))
    return out


def em_of(line):
    """The line's em: its narrowest Japanese character (justification
    widens them all alike; a 和欧間 or a space may widen one's box)."""
    ws = [g[2] - g[1] for g in line if ja(g[0])]
    return min(ws) if ws else None


NATURAL = {}


def natural(lines):
    """Each Latin character's advance in em: its narrowest box anywhere
    (Poppler may stretch a box over the gap that follows it)."""
    for _, ln in lines:
        em = em_of(ln)
        if em is None:
            continue
        for g in ln:
            if latin(g[0]):
                w = (g[2] - g[1]) / em
                NATURAL[g[0]] = min(NATURAL.get(g[0], w), w)


def gap_after(a, b, em):
    """The blank between a's advance and b's origin."""
    if wide(a[0]):
        return b[1] - a[1] - em
    return b[1] - a[1] - NATURAL.get(a[0], (a[2] - a[1]) / em) * em


def main():
    path, tokens = sys.argv[1], sys.argv[2:]
    lines = lines_of(path)
    natural(lines)
    bad = []
    for li, (pn, ln) in enumerate(lines):
        em = em_of(ln)
        if em is None:
            continue
        glyphs = [g for g in ln if not g[0].isspace()]
        for i in range(len(glyphs) - 1):
            a, b = glyphs[i], glyphs[i + 1]
            gap = gap_after(a, b, em)
            if (ja(a[0]) and latin(b[0])) or (latin(a[0]) and ja(b[0])):
                if gap < 0.125 * em - 0.03 * em or gap > 0.5 * em + 0.03 * em:
                    bad.append('p%d wakan %s%s gap %.3f em' % (pn + 1, a[0], b[0], gap / em))
            elif halt(a[0], b[0]) and b[1] - a[1] > 0.6 * em:
                bad.append('p%d punct %s%s advance %.3f em' % (pn + 1, a[0], b[0], (b[1] - a[1]) / em))
        # 追い込み: a short last line under a line that could take it.
        if li == 0 or len(glyphs) == 0 or len(glyphs) > 2:
            continue
        ppn, prev = lines[li - 1]
        pg = [g for g in prev if not g[0].isspace()]
        if ppn != pn or len(pg) < 4 or not (0.9 * em < ln[0][3] - prev[0][3] < 2.3 * em):
            continue
        if not (-0.2 * em < pg[0][1] - glyphs[0][1] < 2.2 * em):
            continue
        if li + 1 < len(lines) and lines[li + 1][0] == pn and \
                0.9 * em < lines[li + 1][1][0][3] - ln[0][3] < 1.9 * em and \
                abs(lines[li + 1][1][0][1] - glyphs[0][1]) < 0.2 * em:
            continue    # not the paragraph's last line
        need = glyphs[-1][2] - glyphs[0][1]
        if glyphs[-1][0] in CLOSE:
            need -= 0.5 * em
        have = 0.0
        for i in range(len(pg) - 1):
            a, b = pg[i], pg[i + 1]
            gap = gap_after(a, b, em)
            if (ja(a[0]) and latin(b[0])) or (latin(a[0]) and ja(b[0])):
                have += max(0.0, gap - 0.125 * em)
            elif wide(a[0]) and wide(b[0]):
                have += max(0.0, gap)
            if (a[0] in CLOSE or a[0] in OPEN) and b[1] - a[1] > 0.9 * em:
                have += 0.5 * em
        if pg[-1][0] in CLOSE and pg[-1][2] - pg[-1][1] > 0.9 * em:
            have += 0.5 * em
        if have >= need + 0.05 * em:
            bad.append('p%d last line "%s" could go back (%.2f em needed, %.2f em to take)'
                       % (pn + 1, ''.join(g[0] for g in glyphs), need / em, have / em))
    flat = [''.join(g[0] for g in ln if not g[0].isspace()) for _, ln in lines]
    joined = ''.join(flat)
    for t in tokens:
        t = ''.join(t.split())
        whole = joined.count(t)
        kept = sum(f.count(t) for f in flat)
        for _ in range(whole - kept):
            bad.append('break %s split over two lines' % t)
    for b in bad:
        print(b)
    print('%d violations' % len(bad))


main()
