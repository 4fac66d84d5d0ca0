<?xml version="1.0" encoding="UTF-8"?>
<!--
  The traceability matrix of a regulator bundle as XSL-FO (docs/fo-subset.md):
  for each article of the rule, each element with its strength, the rule's
  words, its status and the manual, section and PDF page that meet it.
  Input: the site document (docs/manual.rng); a ref's page attribute is the
  page of that section in the manual's PDF.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:kfo="urn:x-kitei:fo:1"
    xmlns:k="urn:x-kitei:manual:1"
    exclude-result-prefixes="k">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="accent" select="'#1f3a5f'"/>
  <xsl:variable name="rule" select="'#7f8c99'"/>
  <xsl:variable name="head-bg" select="'#e8eef5'"/>

  <xsl:attribute-set name="cell">
    <xsl:attribute name="padding">2.5pt 4pt</xsl:attribute>
    <xsl:attribute name="border">0.5pt solid <xsl:value-of select="$rule"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="/k:site">
    <fo:root font-family="serif" font-size="9pt" line-height="1.5" xml:lang="ja">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-width="297mm" page-height="210mm"
            margin-top="10mm" margin-bottom="9mm" margin-left="15mm" margin-right="15mm">
          <fo:region-body margin-top="13mm" margin-bottom="11mm"/>
          <fo:region-before extent="9mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:bookmark-tree>
        <xsl:for-each select="k:article">
          <fo:bookmark internal-destination="art-{@number}">
            <fo:bookmark-title>第<xsl:value-of select="@number"/>条　<xsl:value-of select="@heading"/></fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>
      <fo:page-sequence master-reference="page" id="matrix">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block font-family="sans-serif" font-size="8pt" text-align-last="justify"
              border-bottom="0.5pt solid {$rule}" padding-bottom="2pt">
            <fo:inline><xsl:value-of select="@organization"/>　規則との対応表</fo:inline>
            <fo:leader leader-pattern="space"/>
            <fo:inline font-weight="bold" color="#b00020">【社外秘】</fo:inline>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-family="sans-serif" font-size="8pt" text-align="center">
            <fo:page-number/> / <fo:page-number-citation-last ref-id="matrix"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block kfo:role="H1" font-family="sans-serif" font-size="16pt" font-weight="bold"
              color="{$accent}" space-after="4pt">規則との対応表</fo:block>
          <fo:block kfo:role="P" space-after="2pt">
            <xsl:text>対象規則：</xsl:text>
            <xsl:value-of select="k:catalog/@title"/>
            <xsl:text>（</xsl:text><xsl:value-of select="k:catalog/@version"/><xsl:text> 版）</xsl:text>
          </fo:block>
          <fo:block kfo:role="P" space-after="2pt">
            <xsl:text>出典リビジョン：</xsl:text>
            <xsl:value-of select="@revision-short"/>
            <xsl:text>（</xsl:text><xsl:value-of select="@date-text"/><xsl:text>）</xsl:text>
          </fo:block>
          <fo:block kfo:role="P" space-after="8pt">
            <xsl:text>全</xsl:text><xsl:value-of select="k:summary/@elements"/>
            <xsl:text>要素のうち、対応済 </xsl:text><xsl:value-of select="k:summary/@covered"/>
            <xsl:text>、適用除外 </xsl:text><xsl:value-of select="k:summary/@not-applicable"/>
            <xsl:text>、未対応 </xsl:text><xsl:value-of select="k:summary/@missing"/>
            <xsl:text>。「頁」は各規程の PDF における頁番号である。</xsl:text>
          </fo:block>
          <xsl:apply-templates select="k:article"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="k:article">
    <fo:block id="art-{@number}" kfo:role="H2" font-family="sans-serif" font-size="11pt"
        font-weight="bold" color="{$accent}" space-before="10pt" space-after="3pt"
        keep-with-next="always">
      <xsl:text>第</xsl:text><xsl:value-of select="@number"/><xsl:text>条　</xsl:text>
      <xsl:value-of select="@heading"/>
    </fo:block>
    <fo:table kfo:role="Table" width="100%" table-layout="fixed">
      <fo:table-column column-width="13mm"/>
      <fo:table-column column-width="15mm"/>
      <fo:table-column column-width="proportional-column-width(5)"/>
      <fo:table-column column-width="14mm"/>
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="10mm"/>
      <fo:table-header font-family="sans-serif" font-weight="bold" background-color="{$head-bg}">
        <fo:table-row kfo:role="TR">
          <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TH"><fo:block>要素</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TH"><fo:block>区分</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TH"><fo:block>規則の定め</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TH"><fo:block>状況</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TH"><fo:block>対応箇所</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TH"><fo:block text-align="end">頁</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="k:element"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="k:element">
    <fo:table-row kfo:role="TR" keep-together="always">
      <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TD">
        <fo:block font-family="sans-serif"><xsl:value-of select="@id"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TD">
        <fo:block><xsl:value-of select="@obligation-label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TD">
        <fo:block font-family="sans-serif" font-weight="bold"><xsl:value-of select="@title"/></fo:block>
        <fo:block><xsl:value-of select="k:text"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TD">
        <fo:block>
          <xsl:choose>
            <xsl:when test="@status = 'covered'">対応済</xsl:when>
            <xsl:when test="@status = 'not-applicable'">適用除外</xsl:when>
            <xsl:otherwise><fo:inline color="#b00020" font-weight="bold">未対応</fo:inline></xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TD">
        <xsl:for-each select="k:ref">
          <fo:block>
            <xsl:value-of select="@manual-title"/>
            <xsl:text>　</xsl:text>
            <xsl:value-of select="@heading"/>
          </fo:block>
        </xsl:for-each>
        <xsl:for-each select="k:reason">
          <fo:block>（適用除外の理由）<xsl:value-of select="."/></fo:block>
        </xsl:for-each>
        <xsl:if test="not(k:ref) and not(k:reason)"><fo:block>―</fo:block></xsl:if>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell" kfo:role="TD">
        <xsl:for-each select="k:ref">
          <fo:block text-align="end">
            <xsl:choose>
              <xsl:when test="@page"><xsl:value-of select="@page"/></xsl:when>
              <xsl:otherwise>―</xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </xsl:for-each>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

</xsl:stylesheet>
