#!/usr/bin/env python3
"""
kitei's HTML manual against the GitHub Flavored Markdown spec's examples.

Every example of tests/gfm/spec.txt and tests/gfm/extensions.txt becomes one
document of a fixture policy root (one document each: link reference
definitions and headings belong to their document, so examples cannot meet),
`kitei build --only html` renders them all at once, and each example's
chapter is cut out of the page, stripped of what kitei adds around Markdown
and compared after normalisation (the spec's own test normaliser,
test/normalize.py, redone for Python 3).  Each example lands in one class:

  same     kitei's HTML equals the spec's expected HTML once normalised;
           "kitei's additions" stripped first are precisely: the chapter
           heading kitei writes and the chapter number (第N章) of a chapter
           heading; <section> wrappers; the table's scrolling <div>; the
           attributes id, class (class="align-X" becomes align="X", a code
           block's class="language-X" stays), scope, role, aria-*; boolean
           attributes written as checked="checked"; a <br> kitei puts
           between a tight list item's paragraph and a following block (it
           draws no line); nothing else.
  design   not the same, but equal to what cmark-gfm renders once the
           document is changed as kitei's design says (docs/templates.md,
           docs/architecture.md, README.md), all of these and nothing more:
           - the parser kitei uses: extensions table, strikethrough,
             autolink, tasklist for every example; no tagfilter, no
             footnotes (footnote definitions would leave their section);
           - raw HTML (blocks and inline tags) is not shown;
           - a link or image whose target has a scheme other than http,
             https, mailto, tel (RFC 3986 scheme) keeps its text, loses
             its target;
           - an image that is no file of the policy root shows as its
             text in 「［図：…］」 (none of the examples' images is one);
           - heading levels follow the section tree (h1 is the manual's
             title), so every level is compared as <h>; a heading inside a
             list or a quote is no section: a bold paragraph; the heading
             of a chapter of one top-level "# title" is its plain text.
  differs  anything else.

Exit status 0 unless kitei crashed, the page is missing an example, or
--max-differs N is given and more than N examples differ.
"""

import argparse
import ctypes
import ctypes.util
import hashlib
import html
import html.parser
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# The spec's examples (as cmark-gfm's test/spec_tests.py reads them).
# ---------------------------------------------------------------------------


def read_examples(path, tag):
    tests = []
    number = 0
    md, out, state, exts, section = [], [], 0, [], ''
    with open(path, encoding='utf-8', newline='\n') as f:
        for lineno, line in enumerate(f, 1):
            s = line.strip()
            if s.startswith('`' * 32 + ' example'):
                state = 1
                exts = s[32 + len(' example'):].split()
                start = lineno
            elif s == '`' * 32:
                state = 0
                number += 1
                if 'disabled' not in exts:
                    tests.append({
                        'id': '%s-%d' % (tag, number),
                        'markdown': ''.join(md).replace('→', '\t'),
                        'html': ''.join(out).replace('→', '\t'),
                        'section': section, 'line': start,
                        'file': os.path.basename(path)})
                md, out = [], []
            elif s == '.' and state == 1:
                state = 2
            elif state == 1:
                md.append(line)
            elif state == 2:
                out.append(line)
            elif re.match('#+ ', line):
                section = re.sub('#+ ', '', line).strip()
    return tests


# ---------------------------------------------------------------------------
# Normalisation: cmark's test/normalize.py for Python 3 (cgi is gone), with
# its intended (but dead) percent-encoding of href and src made to work.
# ---------------------------------------------------------------------------

BLOCK_TAGS = set('''article header aside hgroup blockquote hr iframe body li
    map button object canvas ol caption output col p colgroup pre dd progress
    div section dl table td dt tbody embed textarea fieldset tfoot figcaption
    th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 h video script
    style'''.split())
WS = re.compile(r'\s+')


class Normaliser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.last = 'starttag'
        self.in_pre = False
        self.output = ''
        self.last_tag = ''

    def handle_data(self, data):
        after_tag = self.last in ('endtag', 'starttag')
        after_block = after_tag and self.last_tag in BLOCK_TAGS
        if after_tag and self.last_tag == 'br':
            data = data.lstrip('\n')
        if not self.in_pre:
            data = WS.sub(' ', data)
        if after_block and not self.in_pre:
            data = data.lstrip() if self.last == 'starttag' else data.strip()
        self.output += data
        self.last = 'data'

    def handle_endtag(self, tag):
        if tag == 'pre':
            self.in_pre = False
        elif tag in BLOCK_TAGS:
            self.output = self.output.rstrip()
        self.output += '</' + tag + '>'
        self.last_tag = tag
        self.last = 'endtag'

    def handle_starttag(self, tag, attrs):
        if tag == 'pre':
            self.in_pre = True
        if tag in BLOCK_TAGS:
            self.output = self.output.rstrip()
        self.output += '<' + tag
        for k, v in sorted(attrs, key=lambda a: (a[0], a[1] or '')):
            self.output += ' ' + k
            if k in ('href', 'src'):
                self.output += '="%s"' % urllib.parse.quote(
                    urllib.parse.unquote(v or ''), safe="/:?#[]@!$&'()*+,;=~")
            elif v is not None:
                self.output += '="%s"' % html.escape(v, quote=True)
        self.output += '>'
        self.last_tag = tag
        self.last = 'starttag'

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.last = 'endtag'

    def handle_comment(self, data):
        self.output += '<!--' + data + '-->'
        self.last = 'comment'

    def handle_decl(self, data):
        self.output += '<!' + data + '>'
        self.last = 'decl'

    def unknown_decl(self, data):
        self.handle_decl(data)

    def handle_pi(self, data):
        self.output += '<?' + data + '>'
        self.last = 'pi'

    def handle_entityref(self, name):
        c = html.entities.name2codepoint.get(name)
        self.output_char(chr(c) if c is not None else None, '&' + name + ';')
        self.last = 'ref'

    def handle_charref(self, name):
        try:
            c = chr(int(name[1:], 16) if name[:1] in 'xX' else int(name))
        except (ValueError, OverflowError):
            c = None
        self.output_char(c, '&#' + name + ';')
        self.last = 'ref'

    def output_char(self, c, fallback):
        self.output += {'<': '&lt;', '>': '&gt;', '&': '&amp;',
                        '"': '&quot;'}.get(c, c) if c is not None else fallback


def normalise(s):
    p = Normaliser()
    for chunk in re.finditer(r'(<!\[CDATA\[.*?\]\]>|<[^>]*>|[^<]+)', s,
                             re.S):
        if chunk.group(0).startswith('<![CDATA'):
            p.output += chunk.group(0)
        else:
            p.feed(chunk.group(0))
    p.close()
    return p.output


def levels_as_h(s):
    """Heading levels follow kitei's section tree: compare them as <h>."""
    return re.sub(r'<(/?)h[1-6]>', r'<\1h>', s)


# ---------------------------------------------------------------------------
# A small DOM of kitei's page, to cut out one chapter and strip kitei's own
# additions.
# ---------------------------------------------------------------------------

VOID = set('area base br col embed hr img input link meta source track '
           'wbr'.split())


class Node:
    def __init__(self, tag, attrs=None, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs or []), parent
        self.kids = []

    def cls(self):
        return (self.attrs.get('class') or '').split()


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#root')
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        # Implied end tags: libxml2 writes an empty item as a lone <li>.
        while (tag == 'li' and self.cur.tag == 'li') or \
                (tag in ('td', 'th', 'tr') and self.cur.tag in ('td', 'th')) \
                or (tag == 'tr' and self.cur.tag == 'tr'):
            self.cur = self.cur.parent
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.kids.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def find_chapters(node, out):
    for k in node.kids:
        if isinstance(k, Node):
            if k.tag == 'div' and 'chapter' in k.cls():
                out[k.attrs.get('id')] = k
            else:
                find_chapters(k, out)
    return out


def strip_kitei(node):
    """Kitei's additions around Markdown, removed in place (see the top)."""
    kids = []
    for k in node.kids:
        if isinstance(k, str):
            kids.append(k)
            continue
        c = k.cls()
        if k.tag == 'h2' and 'chapter-heading' in c:
            continue
        if k.tag == 'p' and 'badges' in c:
            continue
        if k.tag == 'span' and 'chapter-no' in c:
            k.tag = '#chapter-no'
        strip_kitei(k)
        if (k.tag == 'section' and 'sec' in c) or \
                (k.tag == 'div' and 'table-wrap' in c):
            kids.extend(k.kids)
            continue
        attrs = {}
        for a, v in k.attrs.items():
            if a == 'class':
                for w in (v or '').split():
                    if w.startswith('align-'):
                        attrs['align'] = w[len('align-'):]
                    elif w.startswith('language-'):
                        attrs['class'] = w
            elif a in ('checked', 'disabled') and v == a:
                attrs[a] = ''
            elif a not in ('id', 'scope', 'role') and \
                    not a.startswith('aria-'):
                attrs[a] = v
        k.attrs = attrs
        kids.append(k)
    # 第N章 and the ideographic space after it.
    out = []
    drop_space = False
    for k in kids:
        if isinstance(k, Node) and k.tag == '#chapter-no':
            drop_space = True
            continue
        if drop_space and isinstance(k, str):
            k = k[1:] if k.startswith('\u3000') else k
            drop_space = False
        out.append(k)
    # A <br> before a block (a tight item's paragraph, then a list) or at
    # the end of its parent draws no line.
    node.kids = []
    for i, k in enumerate(out):
        if isinstance(k, Node) and k.tag == 'br':
            rest = [x for x in out[i + 1:]
                    if not (isinstance(x, str) and x.strip() == '')]
            if not rest or (isinstance(rest[0], Node) and
                            rest[0].tag in BLOCK_TAGS):
                continue
        node.kids.append(k)


def serialise(node):
    parts = []
    for k in node.kids:
        if isinstance(k, str):
            parts.append(html.escape(k, quote=True))
            continue
        a = ''.join(' %s="%s"' % (n, html.escape(v or '', quote=True))
                    for n, v in k.attrs.items())
        parts.append('<%s%s>' % (k.tag, a))
        if k.tag not in VOID:
            parts.append(serialise(k))
            parts.append('</%s>' % k.tag)
    return ''.join(parts)


# ---------------------------------------------------------------------------
# cmark-gfm itself (the library kitei links), for the "by design" rendering.
# ---------------------------------------------------------------------------

BLOCK, INLINE = 0x8000, 0xc000
DOCUMENT, BLOCK_QUOTE, LIST, ITEM = BLOCK | 1, BLOCK | 2, BLOCK | 3, BLOCK | 4
HTML_BLOCK, CUSTOM_BLOCK = BLOCK | 6, BLOCK | 7
PARAGRAPH, HEADING = BLOCK | 8, BLOCK | 9
TEXT, SOFTBREAK, LINEBREAK, CODE = INLINE | 1, INLINE | 2, INLINE | 3, \
    INLINE | 4
HTML_INLINE, STRONG, LINK, IMAGE = INLINE | 5, INLINE | 8, INLINE | 9, \
    INLINE | 10
OPT_UNSAFE, OPT_FOOTNOTES = 1 << 17, 1 << 13
KITEI_EXTENSIONS = ('table', 'strikethrough', 'autolink', 'tasklist')


def load_cmark():
    def lib(name):
        for cand in ('lib%s.so' % name, ctypes.util.find_library(name)):
            if cand:
                try:
                    return ctypes.CDLL(cand)
                except OSError:
                    pass
        sys.exit('gfm.py: cannot load lib%s (apt-get install '
                 'libcmark-gfm-dev libcmark-gfm-extensions-dev)' % name)
    core = lib('cmark-gfm')
    ext = lib('cmark-gfm-extensions')
    P, I, S = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    sig = {
        'cmark_find_syntax_extension': (P, [S]),
        'cmark_parser_attach_syntax_extension': (I, [P, P]),
        'cmark_parser_new': (P, [I]),
        'cmark_parser_feed': (None, [P, S, ctypes.c_size_t]),
        'cmark_parser_finish': (P, [P]),
        'cmark_parser_free': (None, [P]),
        'cmark_parser_get_syntax_extensions': (P, [P]),
        'cmark_render_html': (P, [P, I, P]),
        'cmark_node_new': (P, [I]),
        'cmark_node_free': (None, [P]),
        'cmark_node_unlink': (None, [P]),
        'cmark_node_first_child': (P, [P]),
        'cmark_node_next': (P, [P]),
        'cmark_node_parent': (P, [P]),
        'cmark_node_get_type': (I, [P]),
        'cmark_node_get_url': (S, [P]),
        'cmark_node_get_literal': (S, [P]),
        'cmark_node_set_literal': (I, [P, S]),
        'cmark_node_get_heading_level': (I, [P]),
        'cmark_node_set_on_enter': (I, [P, S]),
        'cmark_node_set_on_exit': (I, [P, S]),
        'cmark_node_insert_before': (I, [P, P]),
        'cmark_node_append_child': (I, [P, P]),
    }
    for name, (res, args) in sig.items():
        f = getattr(core, name)
        f.restype, f.argtypes = res, args
    ext.cmark_gfm_core_extensions_ensure_registered()
    libc = ctypes.CDLL(None)
    libc.free.argtypes = [P]
    return core, libc


def url_safe(url):
    """parse_url_safe (generator/parse.c): http(s), mailto, tel, relative."""
    i = 0
    while i < len(url) and ord(url[i]) <= 0x20:
        i += 1
    scheme = ''
    for ch in url[i:]:
        if ch in '\t\n\r':
            continue
        if ch == ':':
            break
        if not ((ch.isascii() and ch.isalpha()) or
                (scheme and ch.isascii() and (ch.isdigit() or ch in '+-.'))):
            return True
        scheme += ch
        if len(scheme) >= 15:
            return False
    else:
        return True
    return scheme.lower() in ('http', 'https', 'mailto', 'tel')


class Cmark:
    def __init__(self):
        self.c, self.libc = load_cmark()

    def kids(self, n):
        out, k = [], self.c.cmark_node_first_child(n)
        while k:
            out.append(k)
            k = self.c.cmark_node_next(k)
        return out

    def text(self, n):
        """Plain text: literals of text and code, soft breaks as spaces."""
        t = self.c.cmark_node_get_type(n)
        if t in (TEXT, CODE):
            return (self.c.cmark_node_get_literal(n) or b'').decode('utf-8')
        if t in (SOFTBREAK, LINEBREAK):
            return ' '
        return ''.join(self.text(k) for k in self.kids(n))

    def new(self, t, literal=None):
        n = self.c.cmark_node_new(t)
        if literal is not None:
            self.c.cmark_node_set_literal(n, literal.encode('utf-8'))
        return n

    def unwrap(self, n):
        for k in self.kids(n):
            self.c.cmark_node_insert_before(n, k)
        self.c.cmark_node_unlink(n)
        self.c.cmark_node_free(n)

    def design(self, n, in_container):
        t = self.c.cmark_node_get_type(n)
        if t in (HTML_BLOCK, HTML_INLINE):
            self.reasons.add('raw HTML not shown')
            self.c.cmark_node_unlink(n)
            self.c.cmark_node_free(n)
            return
        url = (self.c.cmark_node_get_url(n) or b'').decode('utf-8') \
            if t in (LINK, IMAGE) else ''
        if t != IMAGE or not url_safe(url):
            for k in self.kids(n):
                self.design(k, in_container or t in (BLOCK_QUOTE, LIST,
                                                     ITEM))
        if t in (LINK, IMAGE):
            if not url_safe(url):
                self.reasons.add('link scheme dropped')
                self.unwrap(n)
            elif t == IMAGE:
                self.reasons.add('image as text')
                alt = self.text(n)
                for k, lit in ((HTML_INLINE, '<span>'),
                               (TEXT, '［図：' + alt + '］'),
                               (HTML_INLINE, '</span>')):
                    self.c.cmark_node_insert_before(n, self.new(k, lit))
                self.c.cmark_node_unlink(n)
                self.c.cmark_node_free(n)
        elif t == HEADING and in_container:
            self.reasons.add('heading in a list or quote')
            # <p><strong>, whether the list is tight or not.
            p, b = self.new(CUSTOM_BLOCK), self.new(STRONG)
            self.c.cmark_node_set_on_enter(p, b'<p>')
            self.c.cmark_node_set_on_exit(p, b'</p>')
            for k in self.kids(n):
                self.c.cmark_node_append_child(b, k)
            self.c.cmark_node_append_child(p, b)
            self.c.cmark_node_insert_before(n, p)
            # Not freed: the moved text points into the heading's buffer.
            self.c.cmark_node_unlink(n)

    def render(self, markdown, kitei_design):
        """cmark-gfm as kitei's parser is set up; kitei_design: changed as
        kitei's design says (see the top); self.reasons says how."""
        c = self.c
        self.reasons = set()
        parser = c.cmark_parser_new(0)
        for e in KITEI_EXTENSIONS:
            c.cmark_parser_attach_syntax_extension(
                parser, c.cmark_find_syntax_extension(e.encode()))
        b = markdown.encode('utf-8')
        c.cmark_parser_feed(parser, b, len(b))
        doc = c.cmark_parser_finish(parser)
        if kitei_design:
            self.design(doc, False)
            top = [k for k in self.kids(doc)
                   if c.cmark_node_get_type(k) != HTML_BLOCK]
            heads = [k for k in top if c.cmark_node_get_type(k) == HEADING]
            # A chapter that is one "# title" section: the title as text.
            if top and top[0] == (heads[0] if heads else None) and \
                    c.cmark_node_get_heading_level(top[0]) == 1 and \
                    not any(c.cmark_node_get_heading_level(h) == 1
                            for h in heads[1:]):
                h = top[0]
                self.reasons.add('chapter heading')
                title = self.text(h)
                for k in self.kids(h):
                    c.cmark_node_unlink(k)
                    c.cmark_node_free(k)
                c.cmark_node_append_child(h, self.new(TEXT, title))
        p = c.cmark_render_html(doc, OPT_UNSAFE,
                                c.cmark_parser_get_syntax_extensions(parser))
        out = ctypes.string_at(p).decode('utf-8')
        self.libc.free(p)
        c.cmark_node_free(doc)
        c.cmark_parser_free(parser)
        return out


# ---------------------------------------------------------------------------
# The fixture and the build.
# ---------------------------------------------------------------------------

CATALOG = '''<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:x-kitei:catalog:1" id="gfm" version="0.1.0">
  <title>GFM</title>
  <article number="1">
    <heading>GFM</heading>
    <element id="1.1" obligation="example">
      <title>GFM</title>
      <text>GFM</text>
    </element>
  </article>
</catalog>
'''


def doc_name(t):
    return 'docs/%s.md' % t['id']


def chapter_id(rel):
    """assemble.c names a chapter after the git blob hash of its path."""
    b = rel.encode('utf-8')
    return 'c-' + hashlib.sha1(b'blob %d\0' % len(b) + b).hexdigest()[:10]


def build(kitei, work, tests):
    repo = os.path.join(work, 'repo')
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(os.path.join(repo, 'docs'))
    with open(os.path.join(repo, 'kitei.yml'), 'w') as f:
        f.write('organization: GFM\ncatalog: cat.xml\nmanuals:\n'
                '  - id: m\n    title: GFM\n    kind: policy\n'
                '    documents: [docs/*.md]\n')
    with open(os.path.join(repo, 'cat.xml'), 'w') as f:
        f.write(CATALOG)
    for t in tests:
        # A comment first: an example that starts with --- is no front
        # matter.  It and the blank line after it change no block.
        with open(os.path.join(repo, doc_name(t)), 'w', encoding='utf-8',
                  newline='') as f:
            f.write('<!-- %s -->\n\n' % t['id'] + t['markdown'])
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM='1', GIT_CONFIG_GLOBAL='/dev/null',
               HOME=work, GIT_CEILING_DIRECTORIES=work, TZ='UTC',
               LC_ALL='C.UTF-8', NO_COLOR='1',
               GIT_AUTHOR_NAME='GFM', GIT_AUTHOR_EMAIL='gfm@example.com',
               GIT_COMMITTER_NAME='GFM', GIT_COMMITTER_EMAIL='gfm@example.com',
               GIT_AUTHOR_DATE='2026-01-02T12:00:00Z',
               GIT_COMMITTER_DATE='2026-01-02T12:00:00Z')
    run = lambda *a: subprocess.run(a, cwd=repo, env=env, check=True,
                                    stdout=subprocess.DEVNULL)
    run('git', 'init', '-q', '-b', 'main')
    run('git', 'add', '-A')
    run('git', 'commit', '-q', '-m', 'examples')
    out = os.path.join(work, 'out')
    r = subprocess.run([kitei, '-C', repo, '--today', '2026-01-03', 'build',
                        '--only', 'html', '-o', out], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    log = r.stdout.decode('utf-8', 'replace') + \
        r.stderr.decode('utf-8', 'replace')
    if r.returncode not in (0, 1):
        sys.exit('gfm.py: kitei build exited %d:\n%s' % (r.returncode,
                                                        log[-2000:]))
    with open(os.path.join(out, 'manuals', 'm.html'), encoding='utf-8') as f:
        page = f.read()
    return page, log


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[1])
    ap.add_argument('--kitei', default=os.path.join(HERE, '..', '..',
                                                    'kitei'))
    ap.add_argument('--work', default=os.path.join(HERE, '..', 'tmp', 'gfm'))
    ap.add_argument('--show', default='',
                    help='print the examples of these classes '
                    '(comma-separated: same,design,differs)')
    ap.add_argument('--example', action='append', default=[],
                    help='only this example (spec-N or ext-N), repeatable')
    ap.add_argument('--max-differs', type=int, default=None)
    args = ap.parse_args()

    tests = read_examples(os.path.join(HERE, 'spec.txt'), 'spec') + \
        read_examples(os.path.join(HERE, 'extensions.txt'), 'ext')
    if args.example:
        tests = [t for t in tests if t['id'] in args.example]
    os.makedirs(args.work, exist_ok=True)
    page, log = build(os.path.abspath(args.kitei), os.path.abspath(args.work),
                      tests)
    tree = Tree()
    tree.feed(page)
    tree.close()
    chapters = find_chapters(tree.root, {})
    cm = Cmark()
    show = set(filter(None, args.show.split(',')))
    counts = {'same': 0, 'design': 0, 'differs': 0}
    causes = {}
    missing = 0
    for t in tests:
        ch = chapters.get(chapter_id(doc_name(t)))
        if ch is None:
            print('%s: no chapter on the page' % t['id'])
            missing += 1
            continue
        strip_kitei(ch)
        got = normalise(serialise(ch))
        want = normalise(t['html'])
        design = levels_as_h(normalise(cm.render(t['markdown'], True)))
        why = sorted(cm.reasons)
        if re.search('<h[1-6]>', want):
            why.append('heading levels')
        if normalise(cm.render(t['markdown'], False)) != want:
            why.append('parser: no footnotes, no tagfilter, '
                       'autolink everywhere')
        if got == want:
            cls = 'same'
        elif levels_as_h(got) == design:
            cls = 'design'
            for w in why:
                causes[w] = causes.get(w, 0) + 1
        else:
            cls = 'differs'
        counts[cls] += 1
        if cls in show:
            print('=== %s %s (%s line %d, %s)' % (cls, t['id'], t['file'],
                                                 t['line'], t['section']))
            print('--- markdown\n' + t['markdown'].rstrip('\n'))
            print('--- spec\n' + want)
            if cls != 'same':
                print('--- kitei design (%s)\n' % ', '.join(why) + design)
            print('--- kitei\n' + got)
            diags = [l for l in log.splitlines() if doc_name(t) + ':' in l]
            if diags:
                print('--- diagnostics\n' + '\n'.join(diags))
    if 'design' in show:
        for w, n in sorted(causes.items(), key=lambda x: -x[1]):
            print('by design, %d: %s' % (n, w))
    print('gfm: %d examples: %d same, %d by design, %d differ' % (
        len(tests), counts['same'], counts['design'], counts['differs']))
    if missing:
        return 1
    if args.max_differs is not None and counts['differs'] > args.max_differs:
        print('gfm: %d examples differ, at most %d expected' % (
            counts['differs'], args.max_differs))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
