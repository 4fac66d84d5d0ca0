<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of kitei's XSL-FO templates (docs/pdf.md): the page geometry,
  the text styles, and CommonMark XML (namespace md) as the FO subset of
  docs/fo-subset.md.  Included by manual-fo.xsl; an include resolves beside
  the including file.

  Geometry: A4, the text block 45 characters of 10.5 pt wide (472.5 pt),
  so that lines of Japanese fill it without extra spacing; 10.5 pt 明朝
  (Noto Serif CJK JP) on a 1.7 line pitch, headings in ゴシック (Noto Sans
  CJK JP).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:kfo="urn:x-kitei:fo:1"
    xmlns:k="urn:x-kitei:manual:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="k md">

  <!-- ASCII characters, for the soft-break rule and width estimates. -->
  <xsl:variable name="fo-ascii"
      select="concat(' !&quot;#$%&amp;()*+,-./0123456789:;&lt;=&gt;?@',
              'ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~', &quot;'&quot;)"/>

  <!-- Colours: dark blue for headings and rules, grey for secondary text. -->
  <xsl:variable name="fo-accent" select="'#1f3a5f'"/>
  <xsl:variable name="fo-grey" select="'#555555'"/>
  <xsl:variable name="fo-rule" select="'#7f8c99'"/>
  <xsl:variable name="fo-link" select="'#1a4f8b'"/>
  <xsl:variable name="fo-mark" select="'#b00020'"/>
  <xsl:variable name="fo-head-bg" select="'#e8eef5'"/>

  <!-- ================================================================
       Pages
       ================================================================ -->

  <!--
    cover: the first page, no header or footer.  page: every other page.
    Both have the same text width (the typesetter wants one width per
    sequence): 595.276 - 2 × 61.3 = 472.676 pt, just over 45 × 10.5 pt.
  -->
  <xsl:template name="fo-layout-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="cover" page-width="210mm" page-height="297mm"
          margin-top="22mm" margin-bottom="18mm" margin-left="61.3pt" margin-right="61.3pt">
        <fo:region-body/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm"
          margin-top="11mm" margin-bottom="10mm" margin-left="61.3pt" margin-right="61.3pt">
        <fo:region-body margin-top="15mm" margin-bottom="14mm"/>
        <fo:region-before extent="10mm"/>
        <fo:region-after extent="10mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="document">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="cover" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="page" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- ================================================================
       Styles
       ================================================================ -->

  <xsl:attribute-set name="fo-root">
    <xsl:attribute name="font-family">serif</xsl:attribute>
    <xsl:attribute name="font-size">10.5pt</xsl:attribute>
    <xsl:attribute name="line-height">1.7</xsl:attribute>
    <xsl:attribute name="color">#000000</xsl:attribute>
    <xsl:attribute name="xml:lang">ja</xsl:attribute>
  </xsl:attribute-set>

  <!-- The title of a part: 目次, a chapter, 附則, 改訂履歴, 付録. -->
  <xsl:attribute-set name="fo-h2">
    <xsl:attribute name="kfo:role">H2</xsl:attribute>
    <xsl:attribute name="font-family">sans-serif</xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.4</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$fo-accent"/></xsl:attribute>
    <xsl:attribute name="space-before">24pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
    <xsl:attribute name="padding-bottom">3pt</xsl:attribute>
    <xsl:attribute name="border-bottom">0.75pt solid <xsl:value-of select="$fo-accent"/></xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
    <xsl:attribute name="keep-together">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- An article (第N条) or section. -->
  <xsl:attribute-set name="fo-h3">
    <xsl:attribute name="kfo:role">H3</xsl:attribute>
    <xsl:attribute name="font-family">sans-serif</xsl:attribute>
    <xsl:attribute name="font-size">11pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.5</xsl:attribute>
    <xsl:attribute name="space-before">14pt</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
    <xsl:attribute name="keep-together">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="fo-h4">
    <xsl:attribute name="font-family">sans-serif</xsl:attribute>
    <xsl:attribute name="font-size">10.5pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">10pt</xsl:attribute>
    <xsl:attribute name="space-after">2pt</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
    <xsl:attribute name="keep-together">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="fo-para">
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- Small grey notes: the marks under a heading, captions. -->
  <xsl:attribute-set name="fo-note">
    <xsl:attribute name="font-family">sans-serif</xsl:attribute>
    <xsl:attribute name="font-size">8pt</xsl:attribute>
    <xsl:attribute name="line-height">1.5</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$fo-grey"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="fo-table">
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="line-height">1.5</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">8pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="fo-thead">
    <xsl:attribute name="font-family">sans-serif</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="background-color"><xsl:value-of select="$fo-head-bg"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="fo-cell">
    <xsl:attribute name="padding">2.5pt 4pt</xsl:attribute>
    <xsl:attribute name="border">0.5pt solid <xsl:value-of select="$fo-rule"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="fo-link">
    <xsl:attribute name="color"><xsl:value-of select="$fo-link"/></xsl:attribute>
  </xsl:attribute-set>

  <!-- ================================================================
       CommonMark XML → FO
       ================================================================ -->

  <!--
    A paragraph: a 項 as Japanese rules set them.  Every 項 hangs the same
    way: its text and all its lines one character in, the number of the
    second and later ones (「2　…」) out at the margin, so that an
    article's left edge is straight, 第1項 (no number) included.  A 号
    (「一　…」, 「(1)　…」, 「（1）　…」) starts at the 項's text and its
    lines hang under its own text.
  -->
  <xsl:template match="md:paragraph">
    <xsl:variable name="t" select="string(*[1][self::md:text])"/>
    <xsl:variable name="num" select="substring-before($t, '　')"/>
    <xsl:variable name="inner" select="substring($num, 2, string-length($num) - 2)"/>
    <xsl:choose>
      <xsl:when test="string-length($num) &gt; 0 and string-length($num) &lt; 4 and translate($num, '0123456789０１２３４５６７８９', '') = ''">
        <fo:block xsl:use-attribute-sets="fo-para" start-indent="1em" text-indent="-1em">
          <xsl:call-template name="fo-linefeeds"/>
          <xsl:apply-templates/>
        </fo:block>
      </xsl:when>
      <xsl:when test="string-length($num) &gt; 0 and string-length($num) &lt; 6 and
          (translate($num, '一二三四五六七八九十', '') = '' or
          (string-length($inner) &gt; 0 and translate($inner, '0123456789０１２３４５６７８９', '') = '' and
          ((starts-with($num, '(') and substring($num, string-length($num)) = ')') or
          (starts-with($num, '（') and substring($num, string-length($num)) = '）'))))">
        <xsl:variable name="w">
          <xsl:choose>
            <xsl:when test="starts-with($num, '(')">
              <xsl:value-of select="string-length($num) * 0.6 + 1"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="string-length($num) + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <fo:list-block xsl:use-attribute-sets="fo-para" start-indent="1em"
            provisional-distance-between-starts="{$w}em" provisional-label-separation="0pt">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()">
              <fo:block><xsl:value-of select="$num"/></fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block text-align="justify">
                <xsl:call-template name="fo-linefeeds"/>
                <xsl:value-of select="substring-after($t, '　')"/>
                <xsl:apply-templates select="node()[not(self::md:text) or preceding-sibling::md:text]"/>
              </fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="fo-para" start-indent="1em">
          <xsl:call-template name="fo-linefeeds"/>
          <xsl:apply-templates/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A hard line break is a preserved line feed. -->
  <xsl:template name="fo-linefeeds">
    <xsl:if test="md:linebreak">
      <xsl:attribute name="linefeed-treatment">preserve</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Paragraphs inside list items, quotes and cells: no indent. -->
  <xsl:template match="md:item/md:paragraph | md:tasklist/md:paragraph |
      md:block_quote/md:paragraph | md:footnote_definition/md:paragraph |
      md:*[local-name() = '&lt;unknown&gt;']/md:paragraph">
    <fo:block text-align="justify">
      <xsl:if test="following-sibling::* and not(../../@tight = 'true')">
        <xsl:attribute name="space-after">3pt</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-linefeeds"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- A heading Markdown keeps inside a block (a quote, a list item). -->
  <xsl:template match="md:heading">
    <fo:block font-family="sans-serif" font-weight="bold" space-before="4pt"
        keep-with-next="always">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!--
    Lists.  Ordered: (1) (2) … at the first level, ア イ ウ … inside
    another ordered list (the numbering of Japanese rules), else 1. 2. …;
    bullets ・.  The label column is two characters, three for long numbers.
  -->
  <xsl:template match="md:list">
    <xsl:variable name="depth" select="count(ancestor::md:list)"/>
    <xsl:variable name="last" select="@start + count(md:item | md:tasklist) - 1"/>
    <fo:list-block provisional-label-separation="0.5em" space-after="5pt">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="@type = 'ordered' and $depth = 0 and $last &gt;= 10">3em</xsl:when>
          <xsl:when test="@type = 'ordered' and $depth = 0">2.5em</xsl:when>
          <xsl:when test="@type = 'ordered' and $last &gt;= 10">3em</xsl:when>
          <xsl:when test="md:tasklist">1.5em</xsl:when>
          <xsl:otherwise>1.5em</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$depth = 0">
        <xsl:attribute name="start-indent">1em</xsl:attribute>
      </xsl:if>
      <xsl:if test="$depth &gt; 0">
        <xsl:attribute name="space-before">2pt</xsl:attribute>
        <xsl:attribute name="space-after">0pt</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="md:item | md:tasklist">
    <xsl:variable name="list" select=".."/>
    <xsl:variable name="n" select="$list/@start + count(preceding-sibling::md:item | preceding-sibling::md:tasklist)"/>
    <fo:list-item>
      <xsl:if test="following-sibling::*">
        <xsl:attribute name="space-after">
          <xsl:choose>
            <xsl:when test="$list/@tight = 'true'">1pt</xsl:when>
            <xsl:otherwise>4pt</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <fo:list-item-label end-indent="label-end()">
        <fo:block>
          <xsl:if test="$list/@type = 'ordered'">
            <xsl:attribute name="text-align">end</xsl:attribute>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="self::md:tasklist and @checked = 'true'">■</xsl:when>
            <xsl:when test="self::md:tasklist">□</xsl:when>
            <xsl:when test="$list/@type = 'ordered'">
              <xsl:call-template name="fo-item-number">
                <xsl:with-param name="n" select="$n"/>
                <xsl:with-param name="depth" select="count($list/ancestor::md:list[@type = 'ordered'])"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>・</xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <xsl:if test="not(md:*)">
          <fo:block/>
        </xsl:if>
        <xsl:apply-templates/>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <xsl:variable name="fo-iroha" select="'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'"/>

  <xsl:template name="fo-item-number">
    <xsl:param name="n"/>
    <xsl:param name="depth"/>
    <xsl:choose>
      <xsl:when test="$depth = 0">
        <xsl:text>(</xsl:text><xsl:value-of select="$n"/><xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:when test="$depth = 1 and $n &gt;= 1 and $n &lt;= string-length($fo-iroha)">
        <xsl:value-of select="substring($fo-iroha, $n, 1)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$n"/><xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:block_quote">
    <fo:block margin-left="1.5em" padding-left="0.75em"
        border-left="2pt solid #c5ccd4" color="#333333" space-before="2pt" space-after="6pt"
        kfo:role="BlockQuote">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- Code: monospace, lines kept; the block's final line feed dropped. -->
  <xsl:template match="md:code_block">
    <xsl:variable name="t" select="string(.)"/>
    <fo:block font-family="monospace" font-size="8.5pt" line-height="1.45"
        white-space="pre" text-align="start"
        background-color="#f3f4f6" border="0.5pt solid #d5d9de" padding="4pt 6pt"
        space-before="2pt" space-after="6pt" kfo:role="Code">
      <xsl:choose>
        <xsl:when test="substring($t, string-length($t)) = '&#10;'">
          <xsl:value-of select="substring($t, 1, string-length($t) - 1)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <xsl:template match="md:thematic_break">
    <fo:block space-before="4pt" space-after="10pt" border-bottom="0.5pt solid {$fo-rule}"
        start-indent="30%" end-indent="30%" line-height="6pt" font-size="6pt"/>
  </xsl:template>

  <xsl:template match="md:text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Soft breaks: a space unless assemble decided they join (common.xsl). -->
  <xsl:template match="md:softbreak">
    <xsl:if test="not(@space = 'false')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:linebreak">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="md:code">
    <fo:inline font-family="monospace" font-size="92%" background-color="#eef0f3">
      <xsl:value-of select="."/>
    </fo:inline>
  </xsl:template>

  <!-- Emphasis: Japanese has no italics; ゴシック stands out in 明朝. -->
  <xsl:template match="md:emph">
    <xsl:choose>
      <xsl:when test="@dropped-link = 'true'"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise><fo:inline font-family="sans-serif"><xsl:apply-templates/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:strong">
    <fo:inline font-family="sans-serif" font-weight="bold"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="md:strikethrough">
    <fo:inline text-decoration="line-through"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <!--
    Links.  #anchor: inside this document.  http(s), mailto, tel: outside;
    a web link whose text is not its address shows the address after it,
    for the printed page.  Relative links to other pages keep their text.
  -->
  <xsl:template match="md:link">
    <xsl:variable name="d" select="string(@destination)"/>
    <xsl:variable name="text" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="starts-with($d, '#') and //*[@id = substring($d, 2)]">
        <fo:basic-link internal-destination="{substring($d, 2)}" xsl:use-attribute-sets="fo-link">
          <xsl:apply-templates/>
        </fo:basic-link>
      </xsl:when>
      <xsl:when test="starts-with($d, 'http://') or starts-with($d, 'https://') or
          starts-with($d, 'mailto:') or starts-with($d, 'tel:')">
        <fo:basic-link external-destination="url('{$d}')" xsl:use-attribute-sets="fo-link">
          <xsl:apply-templates/>
        </fo:basic-link>
        <xsl:if test="(starts-with($d, 'http://') or starts-with($d, 'https://')) and
            $text != $d and $text != substring-after($d, '://') and
            concat($text, '/') != $d and concat($text, '/') != substring-after($d, '://')">
          <fo:inline font-size="85%">
            <xsl:text>（</xsl:text>
            <fo:basic-link external-destination="url('{$d}')" xsl:use-attribute-sets="fo-link">
              <xsl:value-of select="$d"/>
            </fo:basic-link>
            <xsl:text>）</xsl:text>
          </fo:inline>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    An image from the policy root: an external-graphic the typesetter sets
    on lines of its own, scaled to the text width, with its alternative
    text as the Figure's /Alt.  Any other image is never fetched: the
    alternative text stands in its place.
  -->
  <xsl:template match="md:image[@src]">
    <fo:external-graphic src="{@src}" kfo:alt="{normalize-space(@alt)}"
        space-before="0.5em" space-after="0.5em"/>
  </xsl:template>
  <xsl:template match="md:image">
    <xsl:text>［図：</xsl:text>
    <xsl:value-of select="normalize-space(@alt)"/>
    <xsl:text>］</xsl:text>
  </xsl:template>

  <!--
    GFM tables.  Column widths follow the longest text of each column
    (a Japanese character counting two, capped), so narrow columns stay
    narrow; the header row repeats on every page the table runs onto.
  -->
  <xsl:template match="md:table">
    <xsl:variable name="rows" select="md:table_header | md:table_row"/>
    <fo:table xsl:use-attribute-sets="fo-table">
      <xsl:for-each select="$rows[1]/md:table_cell">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="w">
          <xsl:call-template name="fo-column-weight">
            <xsl:with-param name="cells" select="$rows/md:table_cell[$i]"/>
          </xsl:call-template>
        </xsl:variable>
        <fo:table-column column-width="proportional-column-width({$w})"/>
      </xsl:for-each>
      <xsl:if test="md:table_header | md:table_row[@header = 'true']">
        <fo:table-header xsl:use-attribute-sets="fo-thead">
          <xsl:apply-templates select="md:table_header | md:table_row[@header = 'true']"/>
        </fo:table-header>
      </xsl:if>
      <fo:table-body>
        <xsl:apply-templates select="md:table_row[not(@header = 'true')]"/>
        <xsl:if test="not(md:table_row[not(@header = 'true')])">
          <fo:table-row>
            <fo:table-cell number-columns-spanning="{count($rows[1]/md:table_cell)}">
              <fo:block/>
            </fo:table-cell>
          </fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!--
    The width weight of a column: its widest cell in half-width units and 3
    for the padding, 4 to 60.  The widest cell is found by sorting, not by
    recursion, so a table of any length takes one pass (issue 11).
  -->
  <xsl:template name="fo-column-weight">
    <xsl:param name="cells"/>
    <xsl:variable name="w0">
      <xsl:for-each select="$cells">
        <xsl:sort data-type="number" order="descending"
            select="string-length(normalize-space(.)) + string-length(translate(normalize-space(.), $fo-ascii, ''))"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="string-length(normalize-space(.)) + string-length(translate(normalize-space(.), $fo-ascii, '')) + 3"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($cells) or $w0 &lt; 4">4</xsl:when>
      <xsl:when test="$w0 &gt; 60">60</xsl:when>
      <xsl:otherwise><xsl:value-of select="$w0"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:table_header | md:table_row">
    <fo:table-row>
      <xsl:apply-templates/>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="md:table_cell">
    <fo:table-cell xsl:use-attribute-sets="fo-cell">
      <fo:block>
        <xsl:choose>
          <xsl:when test="@align = 'center'"><xsl:attribute name="text-align">center</xsl:attribute></xsl:when>
          <xsl:when test="@align = 'right'"><xsl:attribute name="text-align">end</xsl:attribute></xsl:when>
          <xsl:otherwise><xsl:attribute name="text-align">start</xsl:attribute></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="fo-linefeeds"/>
        <xsl:apply-templates/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!--
    Footnotes: the typesetter sets no footnotes at the page foot, so the
    marks are numbered per chapter (*1, *2 …) and the notes follow the
    chapter (template fo-footnotes), as on the web page.  kitei 0.1.0 names
    both elements "<unknown>" (docs/templates.md): a mark is empty, a note
    holds blocks.
  -->
  <xsl:template match="md:footnote_reference" name="fo-footnote-reference">
    <xsl:variable name="chapter" select="ancestor::k:chapter[1]"/>
    <xsl:variable name="n" select="count(preceding::md:footnote_reference[generate-id(ancestor::k:chapter[1]) = generate-id($chapter)]
        | preceding::md:*[local-name() = '&lt;unknown&gt;' and not(*)][generate-id(ancestor::k:chapter[1]) = generate-id($chapter)]) + 1"/>
    <fo:basic-link internal-destination="fn-{$chapter/@id}-{$n}" xsl:use-attribute-sets="fo-link">
      <fo:inline baseline-shift="super" font-size="80%" id="fnref-{$chapter/@id}-{$n}">
        <xsl:text>*</xsl:text>
        <xsl:value-of select="$n"/>
      </fo:inline>
    </fo:basic-link>
  </xsl:template>

  <xsl:template match="md:footnote_definition"/>

  <xsl:template name="fo-footnotes">
    <xsl:variable name="defs" select=".//md:footnote_definition | .//md:*[local-name() = '&lt;unknown&gt;' and *]"/>
    <xsl:if test="$defs">
      <xsl:variable name="chapter" select="@id"/>
      <fo:block font-family="sans-serif" font-size="8pt" color="{$fo-grey}" space-before="8pt"
          padding-top="2pt" border-top="0.5pt solid {$fo-rule}" end-indent="60%"
          keep-with-next="always">注</fo:block>
      <fo:list-block provisional-distance-between-starts="2.5em" provisional-label-separation="0.5em"
          font-size="9pt" line-height="1.5" space-after="8pt">
        <xsl:for-each select="$defs">
          <fo:list-item space-after="2pt">
            <fo:list-item-label end-indent="label-end()">
              <fo:block id="fn-{$chapter}-{position()}">
                <xsl:text>*</xsl:text><xsl:value-of select="position()"/>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <xsl:apply-templates/>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <!-- A confidential section in a redacted manual: the replacement text. -->
  <xsl:template match="k:redacted">
    <fo:block xsl:use-attribute-sets="fo-para" color="{$fo-grey}" font-family="sans-serif"
        font-size="9.5pt">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Raw HTML is never in the input; anything unknown keeps its text. -->
  <xsl:template match="md:html_block | md:html_inline"/>

  <!-- kitei 0.1.0's footnotes are tested here, no predicate in the pattern: libxslt would count the siblings of every node it tests (issue 11). -->
  <xsl:template match="md:*">
    <xsl:choose>
      <xsl:when test="local-name() = '&lt;unknown&gt;' and not(*)"><xsl:call-template name="fo-footnote-reference"/></xsl:when>
      <xsl:when test="local-name() = '&lt;unknown&gt;'"/>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
