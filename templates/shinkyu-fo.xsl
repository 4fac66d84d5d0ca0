<?xml version="1.0" encoding="UTF-8"?>
<!--
  新旧対照表 as XSL-FO (docs/fo-subset.md) for <id>.pdf beside <id>.html,
  from the compare stage's document (docs/shinkyu.rng, docs/diff.md): the
  content and wording of shinkyu.xsl, set on A4 landscape as compliance
  officers exchange it.  The title centred, the organization and both
  revisions under it, the caption 「（下線部分は改正箇所）」 at the right
  above a two-column ruled table whose column names (現行 | 改正案, or
  改正後 | 改正前) repeat on every page; one row per changed section, kept
  whole on a page unless taller than one; （略）, （新設）, （削除） and the
  move notes as on the web page; changed wording underlined in both
  columns (never struck through).  【機密区分】 in the running header, 「X / Y」
  in the footer.  Body 明朝 (Noto Serif CJK JP) 10 pt, headings and labels
  ゴシック (Noto Sans CJK JP).

  fo-common.xsl gives the colours and the cell and header styles; its page
  masters are portrait, so the landscape master is here.  Its templates
  match only CommonMark (md:) and k:redacted, which this input never holds.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:kfo="urn:x-kitei:fo:1"
    xmlns:k="urn:x-kitei:manual:1"
    exclude-result-prefixes="k">

  <xsl:include href="fo-common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Indentation of a file written with emit-xml is no text (docs/diff.md). -->
  <xsl:strip-space elements="k:shinkyu k:body k:pair k:old k:new k:table k:row"/>

  <!-- The side shown in the left column, then the right one. -->
  <xsl:variable name="left">
    <xsl:choose>
      <xsl:when test="/k:shinkyu/@order = 'new-left'">new</xsl:when>
      <xsl:otherwise>old</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="right">
    <xsl:choose>
      <xsl:when test="$left = 'new'">old</xsl:when>
      <xsl:otherwise>new</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- A manual new at NEW is shown as its enacted text, one column (制定). -->
  <xsl:variable name="enacted" select="/k:shinkyu/@kind = 'enacted'"/>

  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$enacted"><xsl:value-of select="concat('『', /k:shinkyu/@title, '』（制定）')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('『', /k:shinkyu/@title, '』新旧対照表')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Cell padding and the rule of the big table. -->
  <xsl:variable name="sk-rule" select="'#333333'"/>

  <xsl:template match="/k:shinkyu">
    <fo:root xsl:use-attribute-sets="fo-root" font-size="10pt" line-height="1.6">
      <fo:layout-master-set>
        <!--
          A4 landscape: 267 mm of text width, two columns of about 37
          characters of 10 pt each.
        -->
        <fo:simple-page-master master-name="landscape" page-width="297mm" page-height="210mm"
            margin-top="9mm" margin-bottom="8mm" margin-left="15mm" margin-right="15mm">
          <fo:region-body margin-top="12mm" margin-bottom="11mm"/>
          <fo:region-before extent="9mm"/>
          <fo:region-after extent="9mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <xsl:call-template name="bookmarks"/>
      <fo:page-sequence master-reference="landscape" initial-page-number="1" id="shinkyu">
        <xsl:call-template name="running-header"/>
        <xsl:call-template name="running-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="head"/>
          <xsl:choose>
            <xsl:when test="$enacted">
              <xsl:call-template name="enacted"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="table"/>
            </xsl:otherwise>
          </xsl:choose>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- ================================================================
       Header and footer
       ================================================================ -->

  <!-- Left: the title.  Right: 【機密区分】. -->
  <xsl:template name="running-header">
    <fo:static-content flow-name="xsl-region-before">
      <fo:block font-family="sans-serif" font-size="8pt" line-height="1.3" color="{$fo-grey}"
          padding-bottom="2pt" border-bottom="0.5pt solid {$fo-rule}">
        <xsl:value-of select="$title"/>
        <fo:leader leader-pattern="space"/>
        <fo:inline color="{$fo-mark}" font-weight="bold">
          <xsl:text>【</xsl:text>
          <xsl:value-of select="@classification-label"/>
          <xsl:text>】</xsl:text>
        </fo:inline>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!--
    The organization and 文書番号 at the left, 「3 / 12」 at the right.  The
    generator stays in the file's metadata (Creator), off the page a
    regulator reads.
  -->
  <xsl:template name="running-footer">
    <fo:static-content flow-name="xsl-region-after">
      <fo:block font-family="sans-serif" font-size="8pt" line-height="1.3" color="{$fo-grey}">
        <xsl:value-of select="@organization"/>
        <xsl:if test="@number">
          <xsl:text>　文書番号 </xsl:text>
          <xsl:value-of select="@number"/>
        </xsl:if>
        <fo:leader leader-pattern="space"/>
        <fo:page-number/>
        <xsl:text> / </xsl:text>
        <fo:page-number-citation-last ref-id="shinkyu"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!--
    Bookmarks: one for each row with a heading, named as the left column
    names it, what happened to it after the name (（新設）, （削除）, （移動）).
  -->
  <xsl:template name="bookmarks">
    <xsl:if test="k:body/k:pair/*/k:heading">
      <fo:bookmark-tree>
        <xsl:for-each select="k:body/k:pair">
          <xsl:variable name="side" select="(*[local-name() = $left][k:heading] |
              *[local-name() = $right][k:heading][not(../*[local-name() = $left]/k:heading)])"/>
          <xsl:if test="$side">
            <fo:bookmark internal-destination="sk-row-{position()}">
              <fo:bookmark-title>
                <xsl:value-of select="normalize-space($side/k:heading)"/>
                <xsl:choose>
                  <xsl:when test="@kind = 'new'">（新設）</xsl:when>
                  <xsl:when test="@kind = 'deleted'">（削除）</xsl:when>
                  <xsl:when test="@kind = 'moved'">（移動）</xsl:when>
                </xsl:choose>
              </fo:bookmark-title>
            </fo:bookmark>
          </xsl:if>
        </xsl:for-each>
      </fo:bookmark-tree>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Title and revisions
       ================================================================ -->

  <xsl:template name="head">
    <fo:block kfo:role="H1" font-family="sans-serif" font-size="16pt" font-weight="bold"
        line-height="1.4" text-align="center" color="{$fo-accent}" space-after="2mm">
      <xsl:value-of select="$title"/>
    </fo:block>
    <fo:block font-family="sans-serif" font-size="9pt" line-height="1.4" text-align="end"
        space-after="2mm">
      <xsl:value-of select="@organization"/>
      <xsl:if test="@number">
        <xsl:text>　文書番号 </xsl:text>
        <xsl:value-of select="@number"/>
      </xsl:if>
    </fo:block>
    <!-- 現行：第2版（2026年4月1日承認、2026年5月1日施行）　リビジョン … -->
    <fo:table width="100%" font-size="9pt" line-height="1.5" space-after="1mm" kfo:role="Table"
        keep-with-next="always">
      <fo:table-column column-width="16mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:choose>
          <xsl:when test="$enacted">
            <xsl:apply-templates select="k:revision[@side = 'new']"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="k:revision[@side = $left]"/>
            <xsl:apply-templates select="k:revision[@side = $right]"/>
          </xsl:otherwise>
        </xsl:choose>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="k:revision">
    <fo:table-row kfo:role="TR">
      <fo:table-cell padding="0.5pt 0pt" kfo:role="TD">
        <fo:block font-family="sans-serif" font-weight="bold"><xsl:value-of select="@label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell padding="0.5pt 0pt" kfo:role="TD">
        <fo:block>
          <xsl:choose>
            <xsl:when test="@absent = 'true'">（この規程なし）</xsl:when>
            <xsl:when test="@version">
              <xsl:text>第</xsl:text>
              <xsl:value-of select="@version"/>
              <xsl:text>版（</xsl:text>
              <xsl:value-of select="@approved-text"/>
              <xsl:text>承認</xsl:text>
              <xsl:if test="@effective and @effective != @approved">
                <xsl:text>、</xsl:text>
                <xsl:value-of select="@effective-text"/>
                <xsl:text>施行</xsl:text>
              </xsl:if>
              <xsl:text>）</xsl:text>
            </xsl:when>
            <xsl:otherwise>（なし）</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@revision-short">
            <xsl:text>　リビジョン </xsl:text>
            <fo:inline font-family="monospace" font-size="92%">
              <xsl:value-of select="@revision-short"/>
            </fo:inline>
          </xsl:if>
          <xsl:if test="@date">
            <xsl:text>（</xsl:text>
            <xsl:value-of select="@date-text"/>
            <xsl:text>）</xsl:text>
          </xsl:if>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ================================================================
       The table
       ================================================================ -->

  <!--
    A manual new at NEW: its sections one after another, in one column,
    nothing underlined, each with a rule above it.
  -->
  <xsl:template name="enacted">
    <fo:block font-family="sans-serif" font-size="9pt" line-height="1.4" space-after="2mm"
        keep-with-next="always">（新規制定のため、制定する規程の全文を示す。）</fo:block>
    <xsl:for-each select="k:body/k:pair/k:new">
      <fo:block kfo:role="Sect" border-top="0.5pt solid {$fo-rule}" padding-top="4pt"
          space-after="4pt">
        <xsl:apply-templates select="*"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="table">
    <fo:block kfo:role="Caption" font-family="sans-serif" font-size="9pt" line-height="1.4"
        text-align="end" space-after="1.5mm" keep-with-next="always">（下線部分は改正箇所）</fo:block>
    <fo:table width="100%" kfo:role="Table">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-header xsl:use-attribute-sets="fo-thead" font-size="10pt" line-height="1.4">
        <fo:table-row kfo:role="TR">
          <xsl:call-template name="column-head">
            <xsl:with-param name="side" select="$left"/>
          </xsl:call-template>
          <xsl:call-template name="column-head">
            <xsl:with-param name="side" select="$right"/>
          </xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="k:body/*"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="column-head">
    <xsl:param name="side"/>
    <fo:table-cell xsl:use-attribute-sets="sk-cell" kfo:role="TH" padding="3pt 7pt"
        display-align="center">
      <xsl:call-template name="first-cell-edge">
        <xsl:with-param name="side" select="$side"/>
      </xsl:call-template>
      <fo:block text-align="center">
        <xsl:value-of select="/k:shinkyu/k:revision[@side = $side]/@label"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!--
    The rules: every cell draws its top, bottom and right edges, the first
    of a row its left edge too, so that no edge is drawn twice (the
    typesetter draws each cell's borders inside the cell).
  -->
  <xsl:attribute-set name="sk-cell">
    <xsl:attribute name="kfo:role">TD</xsl:attribute>
    <xsl:attribute name="padding">5pt 7pt</xsl:attribute>
    <xsl:attribute name="border-top">0.75pt solid <xsl:value-of select="$sk-rule"/></xsl:attribute>
    <xsl:attribute name="border-bottom">0.75pt solid <xsl:value-of select="$sk-rule"/></xsl:attribute>
    <xsl:attribute name="border-right">0.75pt solid <xsl:value-of select="$sk-rule"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="first-cell-edge">
    <xsl:param name="side"/>
    <xsl:param name="color" select="$sk-rule"/>
    <xsl:param name="width" select="'0.75pt'"/>
    <xsl:if test="$side = $left">
      <xsl:attribute name="border-left">
        <xsl:value-of select="concat($width, ' solid ', $color)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A run of unchanged sections. -->
  <xsl:template match="k:body/k:omitted">
    <fo:table-row kfo:role="TR">
      <fo:table-cell xsl:use-attribute-sets="sk-cell">
        <xsl:call-template name="first-cell-edge">
          <xsl:with-param name="side" select="$left"/>
        </xsl:call-template>
        <fo:block>（略）</fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="sk-cell">
        <fo:block>（略）</fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!--
    A changed, new, deleted or moved section.  A row taller than what is
    left of the page continues on the next (keep-together auto), so pages
    stay full.
  -->
  <xsl:template match="k:pair">
    <fo:table-row kfo:role="TR" keep-together.within-page="auto">
      <xsl:call-template name="pair-cell">
        <xsl:with-param name="side" select="$left"/>
      </xsl:call-template>
      <xsl:call-template name="pair-cell">
        <xsl:with-param name="side" select="$right"/>
      </xsl:call-template>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="pair-cell">
    <xsl:param name="side"/>
    <xsl:variable name="content" select="*[local-name() = $side]"/>
    <fo:table-cell xsl:use-attribute-sets="sk-cell">
      <xsl:call-template name="first-cell-edge">
        <xsl:with-param name="side" select="$side"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="not($content) and $side = 'old'">
          <fo:block>（新設）</fo:block>
        </xsl:when>
        <xsl:when test="not($content)">
          <fo:block>（削除）</fo:block>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="@kind = 'moved'">
            <fo:block xsl:use-attribute-sets="sk-note">
              <xsl:call-template name="move-note">
                <xsl:with-param name="here" select="$content"/>
                <xsl:with-param name="there" select="*[local-name() != $side]"/>
                <xsl:with-param name="verb">
                  <xsl:choose>
                    <xsl:when test="$side = 'new'">から移動</xsl:when>
                    <xsl:otherwise>へ移動</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </fo:block>
          </xsl:if>
          <!--
            Where the section stands, unless the row before on this side
            stands there too or is that very place (the parent's heading).
          -->
          <xsl:variable name="prev"
              select="preceding-sibling::k:pair[*[local-name() = $side]][1]/*[local-name() = $side]"/>
          <xsl:variable name="prev-place">
            <xsl:value-of select="$prev/@location"/>
            <xsl:if test="$prev/@location != '' and $prev/k:heading">＞</xsl:if>
            <xsl:value-of select="$prev/k:heading"/>
          </xsl:variable>
          <xsl:if test="@kind != 'moved' and $content/@location != '' and
              not($prev/@location = $content/@location) and
              $prev-place != $content/@location">
            <fo:block xsl:use-attribute-sets="sk-note">
              <xsl:value-of select="$content/@location"/>
            </fo:block>
          </xsl:if>
          <xsl:apply-templates select="$content/*"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:table-cell>
  </xsl:template>

  <!-- Where a cell's section stands, and where a moved one came from. -->
  <xsl:attribute-set name="sk-note">
    <xsl:attribute name="font-family">sans-serif</xsl:attribute>
    <xsl:attribute name="font-size">8pt</xsl:attribute>
    <xsl:attribute name="line-height">1.5</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$fo-grey"/></xsl:attribute>
    <xsl:attribute name="space-after">2pt</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
  </xsl:attribute-set>

  <!--
    Where a moved section was (new column: 「（「第2章＞2.1」から移動）」) or
    went (old column: 「へ移動」): the other side's place, or, within the same
    place, the sibling it followed there (「（「第1条」の次から移動）」).
  -->
  <xsl:template name="move-note">
    <xsl:param name="here"/>
    <xsl:param name="there"/>
    <xsl:param name="verb"/>
    <xsl:text>（「</xsl:text>
    <xsl:choose>
      <xsl:when test="$there/@location != $here/@location or not($there/@location)">
        <xsl:value-of select="$there/@location"/>
        <xsl:text>」</xsl:text>
      </xsl:when>
      <xsl:when test="$there/@after">
        <xsl:value-of select="$there/@after"/>
        <xsl:text>」の次</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$there/@location"/>
        <xsl:text>」の冒頭</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$verb"/>
    <xsl:text>）</xsl:text>
  </xsl:template>

  <!-- ================================================================
       Blocks
       ================================================================ -->

  <!-- A hard line break is a preserved line feed. -->
  <xsl:template name="linefeeds">
    <xsl:if test=".//k:br">
      <xsl:attribute name="linefeed-treatment">preserve</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Nesting inside lists and quotes: 1.5 em a level. -->
  <xsl:template name="depth-indent">
    <xsl:param name="extra" select="0"/>
    <xsl:variable name="d">
      <xsl:choose>
        <xsl:when test="@depth"><xsl:value-of select="@depth - 1"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$d * 1.5 + $extra &gt; 0">
      <xsl:attribute name="start-indent">
        <xsl:value-of select="$d * 1.5 + $extra"/>
        <xsl:text>em</xsl:text>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="k:heading">
    <fo:block font-family="sans-serif" font-weight="bold" space-after="2pt"
        keep-with-next="always">
      <!-- The target of the row's bookmark. -->
      <xsl:if test="generate-id(..) = generate-id(../../*[local-name() = $left][k:heading] |
          ../../*[local-name() = $right][k:heading][not(../*[local-name() = $left]/k:heading)])">
        <xsl:attribute name="id">
          <xsl:value-of select="concat('sk-row-', count(../../preceding-sibling::k:pair) + 1)"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@level &lt;= 1">
        <xsl:attribute name="font-size">11pt</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="linefeeds"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!--
    A paragraph: the first line one character in, as the rule is printed,
    unless it begins with its paragraph number (「2　…」, a 項), which
    stands at the margin.
  -->
  <xsl:template match="k:para">
    <xsl:variable name="num" select="substring-before(string(.), '　')"/>
    <xsl:variable name="kou" select="not(@depth) and string-length($num) &gt; 0 and
        string-length($num) &lt; 4 and translate($num, '0123456789０１２３４５６７８９', '') = ''"/>
    <fo:block text-align="justify" space-after="3pt">
      <xsl:call-template name="depth-indent">
        <xsl:with-param name="extra" select="number(boolean(@depth)) * 1.6 + number($kou)"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$kou">
          <xsl:attribute name="text-indent">-1em</xsl:attribute>
        </xsl:when>
        <xsl:when test="not(@depth)">
          <xsl:attribute name="text-indent">1em</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="linefeeds"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!--
    A list item: the marker in a label column, the text beside it (a list
    of one item: the items of a changed section may stand apart).
  -->
  <xsl:template match="k:item">
    <fo:list-block provisional-label-separation="0.4em" space-after="2pt">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="string-length(@marker) &gt; 3">3.5em</xsl:when>
          <xsl:when test="string-length(@marker) &gt; 2">2.5em</xsl:when>
          <xsl:otherwise>1.6em</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="depth-indent"/>
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()">
          <fo:block>
            <xsl:choose>
              <xsl:when test="@marker-changed = 'true'">
                <fo:inline text-decoration="underline"><xsl:value-of select="@marker"/></fo:inline>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="@marker"/>
              </xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block text-align="justify">
            <xsl:call-template name="linefeeds"/>
            <xsl:apply-templates/>
          </fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="k:code">
    <fo:block font-family="monospace" font-size="8.5pt" line-height="1.45" white-space="pre"
        text-align="start" background-color="#f3f4f6" padding="3pt 5pt" space-after="3pt"
        kfo:role="Code">
      <xsl:call-template name="depth-indent"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- A paragraph (項) or item (号) with no counterpart in the other column. -->
  <xsl:template match="k:gap">
    <fo:block space-after="3pt">
      <xsl:choose>
        <xsl:when test="@kind = 'new'">（新設）</xsl:when>
        <xsl:otherwise>（削除）</xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!-- Unchanged blocks inside a changed section. -->
  <xsl:template match="k:old/k:omitted | k:new/k:omitted">
    <fo:block space-after="3pt">（略）</fo:block>
  </xsl:template>

  <!-- A table inside a section: ruled, its header row in ゴシック. -->
  <xsl:template match="k:table">
    <xsl:variable name="cols">
      <xsl:for-each select="k:row">
        <xsl:sort select="count(k:cell)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(k:cell)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$cols &gt; 0">
      <fo:table width="100%" font-size="9pt" line-height="1.5" space-before="1pt"
          space-after="4pt" kfo:role="Table">
        <xsl:call-template name="depth-indent"/>
        <!-- one column per cell of the widest row, without recursion -->
        <xsl:for-each select="(k:row[count(k:cell) = $cols])[1]/k:cell">
          <fo:table-column column-width="proportional-column-width(1)"/>
        </xsl:for-each>
        <fo:table-body>
          <xsl:apply-templates select="k:row | k:omitted">
            <xsl:with-param name="cols" select="$cols"/>
          </xsl:apply-templates>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template match="k:table/k:row">
    <fo:table-row kfo:role="TR">
      <xsl:if test="@header = 'true'">
        <xsl:attribute name="background-color"><xsl:value-of select="$fo-head-bg"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="k:cell"/>
    </fo:table-row>
  </xsl:template>

  <xsl:attribute-set name="sk-inner-cell">
    <xsl:attribute name="kfo:role">TD</xsl:attribute>
    <xsl:attribute name="padding">2pt 4pt</xsl:attribute>
    <xsl:attribute name="border-top">0.5pt solid <xsl:value-of select="$fo-rule"/></xsl:attribute>
    <xsl:attribute name="border-bottom">0.5pt solid <xsl:value-of select="$fo-rule"/></xsl:attribute>
    <xsl:attribute name="border-right">0.5pt solid <xsl:value-of select="$fo-rule"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="k:cell">
    <fo:table-cell xsl:use-attribute-sets="sk-inner-cell">
      <xsl:if test="not(preceding-sibling::k:cell)">
        <xsl:attribute name="border-left">0.5pt solid <xsl:value-of select="$fo-rule"/></xsl:attribute>
      </xsl:if>
      <fo:block text-align="start">
        <xsl:if test="../@header = 'true'">
          <xsl:attribute name="font-family">sans-serif</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="linefeeds"/>
        <xsl:apply-templates/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- Unchanged rows of a changed table: one row across every column. -->
  <xsl:template match="k:table/k:omitted">
    <xsl:param name="cols" select="1"/>
    <fo:table-row kfo:role="TR">
      <fo:table-cell xsl:use-attribute-sets="sk-inner-cell" number-columns-spanning="{$cols}"
          border-left="0.5pt solid {$fo-rule}">
        <fo:block>（略）</fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ================================================================
       Changed wording: underlined in both columns
       ================================================================ -->

  <xsl:template match="k:ins | k:del">
    <fo:inline text-decoration="underline"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="k:br">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!--
    Line feeds around elements in an indented file (emit-xml) are no text:
    outside code, Markdown's text never holds one (a hard break is k:br).
  -->
  <xsl:template match="k:heading/text()[normalize-space() = '' and contains(., '&#10;')] |
      k:para/text()[normalize-space() = '' and contains(., '&#10;')] |
      k:item/text()[normalize-space() = '' and contains(., '&#10;')] |
      k:cell/text()[normalize-space() = '' and contains(., '&#10;')]"/>

</xsl:stylesheet>
