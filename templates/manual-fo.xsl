<?xml version="1.0" encoding="UTF-8"?>
<!--
  One manual as XSL-FO (docs/fo-subset.md) for output/manuals/<id>.pdf, from
  kitei's manual XML (docs/manual.rng): cover, 目次, chapters, 附則, 改訂履歴
  and the appendix 規則との対応表 — the content and wording of
  manual-html.xsl, set for A4 paper.  docs/pdf.md explains the choices.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:kfo="urn:x-kitei:fo:1"
    xmlns:k="urn:x-kitei:manual:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="k md str">

  <xsl:include href="fo-common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Indentation of the input is no text; Markdown's own text keeps every space. -->
  <xsl:strip-space elements="k:* md:*"/>
  <xsl:preserve-space elements="md:text md:code md:code_block"/>

  <!-- 'yes': chapters are headed 第N章 (unless the heading already says so). -->
  <xsl:param name="chapter-numbers" select="'yes'"/>

  <xsl:variable name="m" select="/k:manual"/>

  <!-- The marks of an unofficial build, drawn across every page and named in the header. -->
  <xsl:variable name="watermark">
    <xsl:choose>
      <xsl:when test="$m/@draft = 'true'">未承認（ドラフト）</xsl:when>
      <xsl:when test="$m/@worktree = 'true'">未コミット</xsl:when>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/k:manual">
    <fo:root xsl:use-attribute-sets="fo-root">
      <xsl:call-template name="fo-layout-masters"/>
      <xsl:call-template name="bookmarks"/>
      <fo:page-sequence master-reference="document" initial-page-number="1" id="document">
        <xsl:if test="$watermark != ''">
          <xsl:attribute name="kfo:watermark"><xsl:value-of select="$watermark"/></xsl:attribute>
        </xsl:if>
        <xsl:call-template name="running-header"/>
        <xsl:call-template name="running-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="cover"/>
          <xsl:call-template name="toc"/>
          <fo:block break-before="page"/>
          <xsl:apply-templates select="k:chapters/k:chapter"/>
          <xsl:call-template name="supplementary-provisions"/>
          <xsl:call-template name="revision-history"/>
          <xsl:call-template name="coverage-appendix"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- ================================================================
       Header and footer
       ================================================================ -->

  <!--
    Left: the title and the chapter the page is in.  Right: the marks of
    an unofficial build, then 【機密区分】.
  -->
  <xsl:template name="running-header">
    <fo:static-content flow-name="xsl-region-before">
      <fo:block font-family="sans-serif" font-size="8pt" line-height="1.3" color="{$fo-grey}"
          padding-bottom="2pt" border-bottom="0.5pt solid {$fo-rule}">
        <xsl:value-of select="@title"/>
        <xsl:text>　</xsl:text>
        <fo:retrieve-marker retrieve-class-name="chapter" retrieve-position="first-including-carryover"/>
        <fo:leader leader-pattern="space"/>
        <xsl:if test="@draft = 'true'">
          <fo:inline color="{$fo-mark}" font-weight="bold">未承認（ドラフト）</fo:inline>
          <xsl:text>　</xsl:text>
        </xsl:if>
        <xsl:if test="@worktree = 'true'">
          <fo:inline color="{$fo-mark}" font-weight="bold">未コミット</fo:inline>
          <xsl:text>　</xsl:text>
        </xsl:if>
        <fo:inline color="{$fo-mark}" font-weight="bold">
          <xsl:text>【</xsl:text>
          <xsl:value-of select="@classification-label"/>
          <xsl:text>】</xsl:text>
        </fo:inline>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- 「3 / 12」, centred; the document number and 版数 at the left. -->
  <xsl:template name="running-footer">
    <fo:static-content flow-name="xsl-region-after">
      <fo:block font-family="sans-serif" font-size="8pt" line-height="1.3" color="{$fo-grey}">
        <xsl:value-of select="@number"/>
        <xsl:if test="@version">
          <xsl:text>　第</xsl:text>
          <xsl:value-of select="@version"/>
          <xsl:text>版</xsl:text>
        </xsl:if>
        <fo:leader leader-pattern="space"/>
        <fo:page-number/>
        <xsl:text> / </xsl:text>
        <fo:page-number-citation-last ref-id="document"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ================================================================
       Bookmarks: every heading, nested as the sections are
       ================================================================ -->

  <xsl:template name="bookmarks">
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="cover">
        <fo:bookmark-title>表紙</fo:bookmark-title>
      </fo:bookmark>
      <fo:bookmark internal-destination="toc">
        <fo:bookmark-title>目次</fo:bookmark-title>
      </fo:bookmark>
      <xsl:for-each select="k:chapters/k:chapter">
        <xsl:variable name="merged" select="count(k:section) = 1 and k:section/@level = 1 and not(md:*)"/>
        <fo:bookmark>
          <xsl:attribute name="internal-destination">
            <xsl:choose>
              <xsl:when test="$merged"><xsl:value-of select="k:section/@id"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <fo:bookmark-title>
            <xsl:call-template name="chapter-title">
              <xsl:with-param name="title">
                <xsl:choose>
                  <xsl:when test="$merged"><xsl:value-of select="k:section/@heading"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </fo:bookmark-title>
          <xsl:apply-templates mode="bookmark" select="k:section[$merged]/k:section | k:section[not($merged)]"/>
        </fo:bookmark>
      </xsl:for-each>
      <xsl:if test="k:versions/k:version">
        <fo:bookmark internal-destination="supplementary">
          <fo:bookmark-title>附則</fo:bookmark-title>
        </fo:bookmark>
      </xsl:if>
      <fo:bookmark internal-destination="revision-history">
        <fo:bookmark-title>改訂履歴</fo:bookmark-title>
      </fo:bookmark>
      <fo:bookmark internal-destination="coverage-appendix">
        <fo:bookmark-title>付録　規則との対応表</fo:bookmark-title>
      </fo:bookmark>
    </fo:bookmark-tree>
  </xsl:template>

  <xsl:template match="k:section" mode="bookmark">
    <fo:bookmark internal-destination="{@id}">
      <fo:bookmark-title><xsl:value-of select="@heading"/></fo:bookmark-title>
      <xsl:apply-templates mode="bookmark" select="k:section"/>
    </fo:bookmark>
  </xsl:template>

  <!-- ================================================================
       Cover
       ================================================================ -->

  <xsl:template name="cover">
    <!-- 文書番号 at the left, 【機密区分】 at the right. -->
    <fo:block id="cover" font-family="sans-serif" font-size="11pt" line-height="1.4">
      <fo:inline color="{$fo-grey}"><xsl:value-of select="@number"/></fo:inline>
      <fo:leader leader-pattern="space"/>
      <fo:inline font-size="13pt" font-weight="bold" color="{$fo-mark}">
        <xsl:text>【</xsl:text>
        <xsl:value-of select="@classification-label"/>
        <xsl:text>】</xsl:text>
      </fo:inline>
    </fo:block>
    <fo:block font-family="sans-serif" font-size="12pt" text-align="center" space-before="38mm">
      <xsl:value-of select="@organization"/>
    </fo:block>
    <fo:block kfo:role="H1" font-family="sans-serif" font-size="26pt" font-weight="bold"
        line-height="1.3" text-align="center" space-before="8mm" color="{$fo-accent}">
      <xsl:value-of select="@title"/>
    </fo:block>
    <xsl:if test="@version">
      <fo:block font-family="sans-serif" font-size="12pt" text-align="center" space-before="5mm">
        <xsl:text>第</xsl:text>
        <xsl:value-of select="@version"/>
        <xsl:text>版</xsl:text>
      </fo:block>
    </xsl:if>
    <xsl:if test="@draft = 'true' or @worktree = 'true'">
      <fo:block font-family="sans-serif" font-size="12pt" font-weight="bold" text-align="center"
          color="{$fo-mark}" space-before="6mm" start-indent="45mm" end-indent="45mm"
          border="1pt solid {$fo-mark}" padding="2pt 0pt">
        <xsl:if test="@draft = 'true'">未承認（ドラフト）</xsl:if>
        <xsl:if test="@draft = 'true' and @worktree = 'true'">　</xsl:if>
        <xsl:if test="@worktree = 'true'">未コミット</xsl:if>
      </fo:block>
    </xsl:if>
    <fo:table width="100%" font-size="10pt" line-height="1.5" space-before="24mm" kfo:role="Table">
      <fo:table-column column-width="32mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">文書名</xsl:with-param>
          <xsl:with-param name="value"><xsl:value-of select="@title"/></xsl:with-param>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">文書番号</xsl:with-param>
          <xsl:with-param name="value"><xsl:value-of select="@number"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">版数</xsl:with-param>
          <xsl:with-param name="value"><xsl:call-template name="cover-edition"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">制定日</xsl:with-param>
          <xsl:with-param name="value">
            <xsl:call-template name="day-or-pending">
              <xsl:with-param name="iso" select="@established"/>
              <xsl:with-param name="text" select="@established-text"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">最終改定日</xsl:with-param>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="@version &gt; 1"><xsl:value-of select="@revised-text"/></xsl:when>
              <xsl:when test="@version">改定なし</xsl:when>
              <xsl:otherwise>未定</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">施行日</xsl:with-param>
          <xsl:with-param name="value">
            <xsl:call-template name="day-or-pending">
              <xsl:with-param name="iso" select="@effective"/>
              <xsl:with-param name="text" select="@effective-text"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">作成日</xsl:with-param>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="@date"><xsl:value-of select="@date-text"/></xsl:when>
              <xsl:otherwise>未コミット</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="@review-due">
          <xsl:call-template name="cover-row">
            <xsl:with-param name="label">次回見直し期限</xsl:with-param>
            <xsl:with-param name="value"><xsl:value-of select="@review-due-text"/></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">所管部署</xsl:with-param>
          <xsl:with-param name="value"><xsl:value-of select="@owner"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">機密区分</xsl:with-param>
          <xsl:with-param name="value"><xsl:value-of select="@classification-label"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cover-row">
          <xsl:with-param name="label">出典リビジョン</xsl:with-param>
          <xsl:with-param name="value"><xsl:call-template name="revision-text"/></xsl:with-param>
          <xsl:with-param name="last" select="true()"/>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
    <fo:block id="approval" font-family="sans-serif" font-size="10.5pt" font-weight="bold" space-before="9mm"
        space-after="2mm" kfo:role="H2" keep-with-next="always">承認</fo:block>
    <fo:table width="100%" font-size="9.5pt" line-height="1.5" kfo:role="Table">
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="proportional-column-width(2.2)"/>
      <fo:table-column column-width="proportional-column-width(2.2)"/>
      <fo:table-column column-width="proportional-column-width(2)"/>
      <fo:table-header xsl:use-attribute-sets="fo-thead" font-size="9pt">
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>承認者（役割）</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>氏名</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>承認日</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>電子署名</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:call-template name="cover-approvals"/>
      </fo:table-body>
    </fo:table>
    <!-- The 承認 block ends here: a signed PDF's field spans approval to approval-end. -->
    <fo:block id="approval-end"/>
  </xsl:template>

  <!--
    One row of the cover's table.  The rule between rows is each row's top
    border (the typesetter paints a row's backgrounds over the row above's
    bottom border); the last row closes the table with its bottom border.
  -->
  <xsl:template name="cover-row">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="first" select="false()"/>
    <xsl:param name="last" select="false()"/>
    <xsl:variable name="top">
      <xsl:choose>
        <xsl:when test="$first">0.75pt solid <xsl:value-of select="$fo-accent"/></xsl:when>
        <xsl:otherwise>0.5pt solid <xsl:value-of select="$fo-rule"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table-row>
      <fo:table-cell padding="3pt 6pt" border-top="{$top}" background-color="#f2f5f9">
        <xsl:if test="$last">
          <xsl:attribute name="border-bottom">0.75pt solid <xsl:value-of select="$fo-accent"/></xsl:attribute>
        </xsl:if>
        <fo:block font-family="sans-serif"><xsl:value-of select="$label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell padding="3pt 8pt" border-top="{$top}">
        <xsl:if test="$last">
          <xsl:attribute name="border-bottom">0.75pt solid <xsl:value-of select="$fo-accent"/></xsl:attribute>
        </xsl:if>
        <fo:block><xsl:copy-of select="$value"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="cover-edition">
    <xsl:choose>
      <xsl:when test="@version">
        <xsl:text>第</xsl:text>
        <xsl:value-of select="@version"/>
        <xsl:text>版</xsl:text>
        <xsl:if test="@signed-off = 'false'">（その後の変更は未承認）</xsl:if>
      </xsl:when>
      <xsl:otherwise>未承認（承認された版はまだありません）</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="day-or-pending">
    <xsl:param name="iso"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="$iso"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>未定</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The source revision: short id and the commit's date. -->
  <xsl:template name="revision-text">
    <xsl:choose>
      <xsl:when test="/*/@revision-short">
        <fo:inline font-family="monospace" font-size="92%"><xsl:value-of select="/*/@revision-short"/></fo:inline>
        <xsl:if test="/*/@date-text">
          <xsl:text>（</xsl:text>
          <xsl:value-of select="/*/@date-text"/>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>コミットなし</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="/*/@worktree = 'true'">＋未コミットの変更</xsl:if>
  </xsl:template>

  <!-- The latest version's approvals, then those given so far to unapproved changes. -->
  <xsl:template name="cover-approvals">
    <xsl:variable name="last" select="k:versions/k:version[last()]"/>
    <xsl:choose>
      <xsl:when test="$last/k:approval">
        <xsl:apply-templates select="$last/k:approval"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="fo-cell" number-columns-spanning="4">
            <fo:block>承認の記録はまだありません。</fo:block>
          </fo:table-cell>
        </fo:table-row>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="k:pending/k:approval">
      <fo:table-row background-color="#f2f5f9">
        <fo:table-cell xsl:use-attribute-sets="fo-cell" number-columns-spanning="4">
          <fo:block font-family="sans-serif">承認待ちの変更に対する承認（未完了）</fo:block>
        </fo:table-cell>
      </fo:table-row>
      <xsl:apply-templates select="k:pending/k:approval"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="k:approval">
    <fo:table-row>
      <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block><xsl:value-of select="@role-title"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block><xsl:value-of select="@name"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block><xsl:value-of select="@date-text"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block><xsl:call-template name="signature-label"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="signature-label">
    <xsl:choose>
      <xsl:when test="@signature = 'good'">署名検証済</xsl:when>
      <xsl:when test="@signature = 'bad'"><fo:inline color="{$fo-mark}">検証できず</fo:inline></xsl:when>
      <xsl:otherwise>署名なし（不要）</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Table of contents
       ================================================================ -->

  <xsl:template name="toc">
    <fo:block break-before="page" id="toc" xsl:use-attribute-sets="fo-h2" space-before="0pt">
      <fo:marker marker-class-name="chapter">目次</fo:marker>
      <xsl:text>目次</xsl:text>
    </fo:block>
    <fo:block kfo:role="TOC">
      <xsl:for-each select="k:chapters/k:chapter">
        <xsl:variable name="merged" select="count(k:section) = 1 and k:section/@level = 1 and not(md:*)"/>
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="$merged"><xsl:value-of select="k:section/@id"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="title">
            <xsl:call-template name="chapter-title">
              <xsl:with-param name="title">
                <xsl:choose>
                  <xsl:when test="$merged"><xsl:value-of select="k:section/@heading"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="level" select="1"/>
        </xsl:call-template>
        <xsl:for-each select="k:section[$merged]/k:section | k:section[not($merged)]">
          <xsl:call-template name="toc-entry">
            <xsl:with-param name="id" select="@id"/>
            <xsl:with-param name="title" select="@heading"/>
            <xsl:with-param name="level" select="2"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:if test="k:versions/k:version">
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="id">supplementary</xsl:with-param>
          <xsl:with-param name="title">附則</xsl:with-param>
          <xsl:with-param name="level" select="1"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="id">revision-history</xsl:with-param>
        <xsl:with-param name="title">改訂履歴</xsl:with-param>
        <xsl:with-param name="level" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="id">coverage-appendix</xsl:with-param>
        <xsl:with-param name="title">付録　規則との対応表</xsl:with-param>
        <xsl:with-param name="level" select="1"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- title ……… page, the title a link; chapters in ゴシック, sections indented. -->
  <xsl:template name="toc-entry">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="level"/>
    <fo:block kfo:role="TOCI" text-align="start" keep-together="always">
      <xsl:choose>
        <xsl:when test="$level = 1">
          <xsl:attribute name="font-family">sans-serif</xsl:attribute>
          <xsl:attribute name="line-height">1.6</xsl:attribute>
          <xsl:attribute name="space-before">5pt</xsl:attribute>
          <xsl:attribute name="keep-with-next">always</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-size">10pt</xsl:attribute>
          <xsl:attribute name="line-height">1.5</xsl:attribute>
          <xsl:attribute name="start-indent">2em</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <fo:basic-link internal-destination="{$id}">
        <xsl:value-of select="$title"/>
      </fo:basic-link>
      <fo:leader leader-pattern="dots"/>
      <fo:page-number-citation ref-id="{$id}"/>
    </fo:block>
  </xsl:template>

  <!-- 「第N章　title」 -->
  <xsl:template name="chapter-title">
    <xsl:param name="title"/>
    <xsl:variable name="n" select="count(ancestor-or-self::k:chapter/preceding-sibling::k:chapter) + 1"/>
    <xsl:if test="$chapter-numbers = 'yes' and not(starts-with($title, '第') and contains(substring($title, 1, 6), '章'))">
      <xsl:text>第</xsl:text>
      <xsl:value-of select="$n"/>
      <xsl:text>章　</xsl:text>
    </xsl:if>
    <xsl:value-of select="$title"/>
  </xsl:template>

  <!-- ================================================================
       Chapters and sections
       ================================================================ -->

  <!--
    A chapter is one document.  When it is a single top-level heading (the
    usual "# title"), that heading is the chapter's heading; otherwise the
    chapter gets its own heading from the front matter's title.
  -->
  <xsl:template match="k:chapter">
    <xsl:variable name="merged" select="count(k:section) = 1 and k:section/@level = 1 and not(md:*)"/>
    <xsl:if test="not($merged)">
      <xsl:variable name="title">
        <xsl:call-template name="chapter-title">
          <xsl:with-param name="title" select="@title"/>
        </xsl:call-template>
      </xsl:variable>
      <fo:block id="{@id}" xsl:use-attribute-sets="fo-h2">
        <xsl:call-template name="chapter-space"/>
        <fo:marker marker-class-name="chapter"><xsl:value-of select="$title"/></fo:marker>
        <xsl:value-of select="$title"/>
      </fo:block>
    </xsl:if>
    <xsl:apply-templates>
      <xsl:with-param name="offset" select="1 + number(not($merged))"/>
      <xsl:with-param name="chapter-id" select="@id[$merged]"/>
    </xsl:apply-templates>
    <xsl:call-template name="fo-footnotes"/>
  </xsl:template>

  <!-- The first chapter starts at the top of its page. -->
  <xsl:template name="chapter-space">
    <xsl:if test="not(ancestor-or-self::k:chapter/preceding-sibling::k:chapter) and
        not(ancestor::k:section)">
      <xsl:attribute name="space-before">0pt</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="k:section">
    <xsl:param name="offset" select="1"/>
    <xsl:param name="chapter-id"/>
    <xsl:variable name="depth" select="count(ancestor::k:section) + $offset"/>
    <xsl:choose>
      <xsl:when test="$depth = 1">
        <xsl:variable name="title">
          <xsl:call-template name="chapter-title">
            <xsl:with-param name="title" select="@heading"/>
          </xsl:call-template>
        </xsl:variable>
        <fo:block id="{@id}" xsl:use-attribute-sets="fo-h2">
          <xsl:call-template name="chapter-space"/>
          <fo:marker marker-class-name="chapter"><xsl:value-of select="$title"/></fo:marker>
          <xsl:if test="$chapter-id">
            <fo:inline id="{$chapter-id}"/>
          </xsl:if>
          <xsl:value-of select="$title"/>
        </fo:block>
      </xsl:when>
      <xsl:when test="$depth = 2">
        <fo:block id="{@id}" xsl:use-attribute-sets="fo-h3">
          <xsl:apply-templates select="k:heading/node()"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block id="{@id}" xsl:use-attribute-sets="fo-h4">
          <xsl:attribute name="kfo:role">
            <xsl:choose>
              <xsl:when test="$depth &gt; 4">H6</xsl:when>
              <xsl:otherwise>H<xsl:value-of select="$depth + 1"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="$depth &gt; 3">
            <xsl:attribute name="font-weight">normal</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="k:heading/node()"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="section-badges"/>
    <xsl:apply-templates select="node()[not(self::k:heading)]">
      <xsl:with-param name="offset" select="$offset"/>
    </xsl:apply-templates>
  </xsl:template>

  <!--
    Small marks under a heading: the catalog elements the section covers
    (linking to the appendix), those it declares not applicable, and a
    stricter class than the manual's.
  -->
  <xsl:template name="section-badges">
    <xsl:if test="@covers or @not-applicable or (@visibility = 'confidential' and $m/@classification != 'confidential')">
      <fo:block xsl:use-attribute-sets="fo-note" space-after="3pt" keep-with-next="always">
        <xsl:if test="@visibility = 'confidential' and $m/@classification != 'confidential'">
          <fo:inline color="{$fo-mark}" font-weight="bold">【関係者外秘】</fo:inline>
          <xsl:text>　</xsl:text>
        </xsl:if>
        <xsl:if test="@covers">
          <xsl:text>対応：</xsl:text>
          <xsl:for-each select="str:tokenize(@covers, ' ')">
            <xsl:call-template name="element-badge"/>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="@not-applicable">
          <xsl:if test="@covers"><xsl:text>　</xsl:text></xsl:if>
          <xsl:text>適用除外：</xsl:text>
          <xsl:for-each select="str:tokenize(@not-applicable, ' ')">
            <xsl:call-template name="element-badge"/>
          </xsl:for-each>
        </xsl:if>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Context: a token (an element id). -->
  <xsl:template name="element-badge">
    <xsl:variable name="id" select="string(.)"/>
    <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
    <xsl:choose>
      <xsl:when test="$m/k:coverage/k:element[@id = $id]">
        <fo:basic-link internal-destination="el-{$id}" color="{$fo-link}"><xsl:value-of select="$id"/></fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       附則: cumulative, one per version
       ================================================================ -->

  <xsl:template name="document-word">
    <xsl:choose>
      <xsl:when test="$m/@kind = 'crisis'">マニュアル</xsl:when>
      <xsl:otherwise>規程</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    As in Japanese rules: 「附則」 (「附則（2026年10月1日改定）」 for an
    amendment) set three characters in, then its sentence.  The first is the
    target of the table of contents.
  -->
  <xsl:template name="supplementary-provisions">
    <xsl:if test="k:versions/k:version">
      <xsl:for-each select="k:versions/k:version">
        <fo:block font-family="sans-serif" font-weight="bold" start-indent="3em"
            space-before="18pt" space-after="4pt" keep-with-next="always" kfo:role="H2">
          <xsl:if test="position() = 1">
            <xsl:attribute name="id">supplementary</xsl:attribute>
            <xsl:attribute name="space-before">28pt</xsl:attribute>
            <fo:marker marker-class-name="chapter">附則</fo:marker>
          </xsl:if>
          <xsl:text>附則</xsl:text>
          <xsl:if test="@number &gt; 1">
            <xsl:text>（</xsl:text>
            <xsl:value-of select="@approved-text"/>
            <xsl:text>改定）</xsl:text>
          </xsl:if>
        </fo:block>
        <fo:block xsl:use-attribute-sets="fo-para" text-indent="1em">
          <xsl:choose>
            <xsl:when test="@number = 1">
              <xsl:text>この</xsl:text>
              <xsl:call-template name="document-word"/>
            </xsl:when>
            <xsl:otherwise>この改定</xsl:otherwise>
          </xsl:choose>
          <xsl:text>は、</xsl:text>
          <xsl:value-of select="@effective-text"/>
          <xsl:text>から施行する。</xsl:text>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       改訂履歴: 版数 | 改定日 | 施行日 | 改定内容 | 承認者
       ================================================================ -->

  <xsl:template name="revision-history">
    <fo:block id="revision-history" xsl:use-attribute-sets="fo-h2" space-before="30pt">
      <fo:marker marker-class-name="chapter">改訂履歴</fo:marker>
      <xsl:text>改訂履歴</xsl:text>
    </fo:block>
    <fo:table xsl:use-attribute-sets="fo-table">
      <fo:table-column column-width="13mm"/>
      <fo:table-column column-width="28mm"/>
      <fo:table-column column-width="28mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="47mm"/>
      <fo:table-header xsl:use-attribute-sets="fo-thead">
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>版数</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>改定日</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>施行日</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>改定内容</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>承認者</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="k:versions/k:version">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="fo-cell">
              <fo:block>第<xsl:value-of select="@number"/>版</fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="fo-cell">
              <fo:block>
                <xsl:value-of select="@approved-text"/>
                <xsl:if test="@number = 1">（制定）</xsl:if>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="fo-cell">
              <fo:block><xsl:value-of select="@effective-text"/></fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="fo-cell">
              <!-- kitei decided the words (assemble.c); the HTML prints the same. -->
              <xsl:choose>
                <xsl:when test="count(k:summary/k:item) = 1">
                  <fo:block><xsl:value-of select="k:summary/k:item"/></fo:block>
                </xsl:when>
                <xsl:when test="k:summary/k:item">
                  <fo:list-block provisional-distance-between-starts="1em" provisional-label-separation="0pt">
                    <xsl:for-each select="k:summary/k:item">
                      <fo:list-item>
                        <fo:list-item-label end-indent="label-end()"><fo:block>・</fo:block></fo:list-item-label>
                        <fo:list-item-body start-indent="body-start()"><fo:block><xsl:value-of select="."/></fo:block></fo:list-item-body>
                      </fo:list-item>
                    </xsl:for-each>
                  </fo:list-block>
                </xsl:when>
                <xsl:otherwise><fo:block/></xsl:otherwise>
              </xsl:choose>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="fo-cell">
              <xsl:for-each select="k:approval">
                <fo:block>
                  <xsl:value-of select="@role-title"/>
                  <xsl:text>　</xsl:text>
                  <xsl:value-of select="@name"/>
                  <xsl:if test="@signature = 'good'">（署名検証済）</xsl:if>
                </fo:block>
              </xsl:for-each>
              <xsl:if test="not(k:approval)"><fo:block/></xsl:if>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
        <xsl:if test="not(k:versions/k:version)">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="fo-cell" number-columns-spanning="5">
              <fo:block>承認された版はまだありません。</fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
    <xsl:if test="@draft = 'true' and k:versions/k:version">
      <fo:block xsl:use-attribute-sets="fo-note" font-size="8.5pt">
        <xsl:text>第</xsl:text>
        <xsl:value-of select="@version"/>
        <xsl:text>版の後の変更は、まだ承認されていません。</xsl:text>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Appendix: 規則との対応表
       ================================================================ -->

  <xsl:template name="coverage-appendix">
    <fo:block id="coverage-appendix" break-before="page" xsl:use-attribute-sets="fo-h2" space-before="0pt">
      <fo:marker marker-class-name="chapter">付録　規則との対応表</fo:marker>
      <xsl:text>付録　規則との対応表</xsl:text>
    </fo:block>
    <fo:block xsl:use-attribute-sets="fo-para" font-size="9.5pt" space-after="6pt">
      <xsl:text>「</xsl:text>
      <xsl:value-of select="k:catalog/@title"/>
      <xsl:text>」（</xsl:text>
      <xsl:value-of select="k:catalog/@id"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="k:catalog/@version"/>
      <xsl:text>）の要素のうち、本</xsl:text>
      <xsl:call-template name="document-word"/>
      <xsl:text>が対応するもの</xsl:text>
      <xsl:if test="@kind = 'crisis'">及び危機管理マニュアルで対応すべきもの</xsl:if>
      <xsl:text>と、その対応箇所です。全要素の対応状況は対応表（全規程）にあります。</xsl:text>
    </fo:block>
    <xsl:choose>
      <xsl:when test="k:coverage/k:element">
        <fo:table xsl:use-attribute-sets="fo-table">
          <fo:table-column column-width="16mm"/>
          <fo:table-column column-width="13mm"/>
          <fo:table-column column-width="proportional-column-width(3)"/>
          <fo:table-column column-width="proportional-column-width(2)"/>
          <fo:table-header xsl:use-attribute-sets="fo-thead">
            <fo:table-row>
              <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>要素</fo:block></fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>区分</fo:block></fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>項目・規則の文言</fo:block></fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="fo-cell"><fo:block>対応箇所</fo:block></fo:table-cell>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:apply-templates select="k:coverage/k:element"/>
          </fo:table-body>
        </fo:table>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="fo-para">この<xsl:call-template name="document-word"/>が対応する要素はありません。</fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="k:coverage/k:element">
    <fo:table-row>
      <fo:table-cell xsl:use-attribute-sets="fo-cell">
        <fo:block id="el-{@id}" font-family="sans-serif"><xsl:value-of select="@id"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="fo-cell">
        <fo:block><xsl:value-of select="@obligation-label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="fo-cell">
        <fo:block font-family="sans-serif" font-weight="bold"><xsl:value-of select="@title"/></fo:block>
        <fo:block text-align="justify"><xsl:value-of select="k:text"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="fo-cell">
        <xsl:if test="@status != 'covered'">
          <fo:block font-family="sans-serif" font-weight="bold">
            <xsl:if test="@status = 'missing'">
              <xsl:attribute name="color"><xsl:value-of select="$fo-mark"/></xsl:attribute>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="@status = 'not-applicable'">適用除外</xsl:when>
              <xsl:when test="@status = 'missing'">未対応</xsl:when>
              <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </xsl:if>
        <xsl:apply-templates select="k:ref"/>
        <xsl:if test="k:reason">
          <fo:block>
            <xsl:text>理由：</xsl:text>
            <xsl:value-of select="k:reason"/>
          </fo:block>
        </xsl:if>
        <xsl:if test="not(k:ref | k:reason) and @status = 'covered'"><fo:block/></xsl:if>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- A section of this manual: its heading and page, a link; of another manual: its title too. -->
  <xsl:template match="k:element/k:ref">
    <fo:block>
      <xsl:choose>
        <xsl:when test="@manual = $m/@id or (not(@manual) and $m//k:section[@id = current()/@section])">
          <fo:basic-link internal-destination="{@section}" color="{$fo-link}">
            <xsl:value-of select="@heading"/>
          </fo:basic-link>
          <xsl:text>（</xsl:text>
          <fo:page-number-citation ref-id="{@section}"/>
          <xsl:text>ページ）</xsl:text>
        </xsl:when>
        <xsl:when test="@manual">
          <xsl:text>「</xsl:text>
          <xsl:value-of select="@manual-title"/>
          <xsl:text>」</xsl:text>
          <xsl:value-of select="@heading"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@heading"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
