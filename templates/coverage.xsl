<?xml version="1.0" encoding="UTF-8"?>
<!--
  The traceability matrix (output/coverage.html) from kitei's site XML
  (docs/manual.rng): per article, each element with its obligation, rule
  text, status and the sections that cover it, or the reason it does not
  apply.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="k md">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/k:site">
    <xsl:call-template name="doctype"/>
    <html lang="ja">
      <xsl:call-template name="head">
        <xsl:with-param name="title" select="concat('規則との対応表｜', @organization)"/>
      </xsl:call-template>
      <body class="page-coverage class-internal{substring(' worktree', 1, 9 * (@worktree = 'true'))}">
        <xsl:call-template name="skip-link"/>
        <header class="site-header">
          <nav class="crumbs" aria-label="パンくずリスト">
            <a href="index.html">ダッシュボード</a>
            <span class="sep" aria-hidden="true">›</span>
            <span aria-current="page">対応表</span>
          </nav>
          <p class="header-class">【社外秘】</p>
        </header>
        <main id="main">
          <xsl:call-template name="worktree-mark"/>
          <div class="page-title">
            <p class="page-org"><xsl:value-of select="@organization"/></p>
            <h1>規則との対応表</h1>
            <p class="page-rev">
              <xsl:text>「</xsl:text>
              <xsl:value-of select="k:catalog/@title"/>
              <xsl:text>」（</xsl:text>
              <xsl:value-of select="k:catalog/@id"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="k:catalog/@version"/>
              <xsl:text>）</xsl:text>
              <br/>
              <xsl:text>出典リビジョン </xsl:text>
              <xsl:call-template name="revision-text"/>
            </p>
          </div>
          <xsl:apply-templates select="k:summary"/>
          <nav class="toc toc-articles" aria-labelledby="articles-toc-title">
            <h2 id="articles-toc-title">条文</h2>
            <ol class="toc-list toc-inline">
              <xsl:for-each select="k:article">
                <li>
                  <a href="#art-{@number}">
                    <xsl:call-template name="article-label">
                      <xsl:with-param name="number" select="@number"/>
                    </xsl:call-template>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="@heading"/>
                  </a>
                  <xsl:if test="k:element[@status = 'missing']">
                    <xsl:text> </xsl:text>
                    <span class="status status-missing">未対応 <xsl:value-of select="count(k:element[@status = 'missing'])"/></span>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </nav>
          <xsl:apply-templates select="k:article"/>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="k:summary">
    <p class="summary-line">
      <xsl:text>全 </xsl:text>
      <xsl:value-of select="@elements"/>
      <xsl:text> 要素：</xsl:text>
      <span class="status status-{substring('covered', 1, 7 * (@covered &gt; 0))}{substring('zero', 1, 4 * (@covered = 0))}">対応済 <xsl:value-of select="@covered"/></span>
      <xsl:text> </xsl:text>
      <span class="status status-{substring('not-applicable', 1, 14 * (@not-applicable &gt; 0))}{substring('zero', 1, 4 * (@not-applicable = 0))}">適用除外 <xsl:value-of select="@not-applicable"/></span>
      <xsl:text> </xsl:text>
      <span class="status status-{substring('missing', 1, 7 * (@missing &gt; 0))}{substring('zero', 1, 4 * (@missing = 0))}">未対応 <xsl:value-of select="@missing"/></span>
      <xsl:text>（充足率 </xsl:text>
      <xsl:call-template name="percent">
        <xsl:with-param name="part" select="@covered + @not-applicable"/>
        <xsl:with-param name="whole" select="@elements"/>
      </xsl:call-template>
      <xsl:text>）</xsl:text>
    </p>
  </xsl:template>

  <xsl:template match="k:article">
    <section class="article" id="art-{@number}" aria-labelledby="art-{@number}-title">
      <h2 id="art-{@number}-title">
        <xsl:call-template name="article-label">
          <xsl:with-param name="number" select="@number"/>
        </xsl:call-template>
        <xsl:text>　</xsl:text>
        <xsl:value-of select="@heading"/>
      </h2>
      <div class="table-wrap">
        <table class="matrix stack">
          <thead>
            <tr>
              <th scope="col">要素</th>
              <th scope="col">区分</th>
              <th scope="col">項目・規則の文言</th>
              <th scope="col">状態</th>
              <th scope="col">対応箇所・除外理由</th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="k:element"/>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="k:element">
    <tr id="el-{@id}" class="row-{@status}">
      <th scope="row" data-label="要素" class="el-id short first"><xsl:value-of select="@id"/></th>
      <td data-label="区分" class="obl nowrap short first">
        <xsl:value-of select="@obligation-label"/>
        <xsl:if test="@manual = 'crisis'">
          <span class="where">危機管理マニュアル</span>
        </xsl:if>
        <xsl:if test="@public = 'true'">
          <span class="where">公開</span>
        </xsl:if>
      </td>
      <td data-label="項目・規則の文言">
        <strong class="el-title"><xsl:value-of select="@title"/></strong>
        <span class="rule-text"><xsl:value-of select="k:text"/></span>
      </td>
      <td data-label="状態" class="st short first"><xsl:call-template name="status-badge"/></td>
      <td data-label="対応箇所・除外理由" class="refs-cell">
        <xsl:if test="k:ref">
          <ul class="refs">
            <xsl:apply-templates select="k:ref"/>
          </ul>
        </xsl:if>
        <xsl:if test="k:reason">
          <p class="reason">
            <xsl:text>除外理由：</xsl:text>
            <xsl:value-of select="k:reason"/>
            <xsl:text> </xsl:text>
            <code class="path"><xsl:value-of select="k:reason/@path"/>:<xsl:value-of select="k:reason/@line"/></code>
          </p>
        </xsl:if>
        <xsl:if test="not(k:ref) and not(k:reason)">
          <span class="empty">（なし）</span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="k:ref">
    <li>
      <xsl:choose>
        <xsl:when test="@href">
          <a href="{@href}">
            <xsl:value-of select="@manual-title"/>
            <xsl:text> › </xsl:text>
            <xsl:value-of select="@heading"/>
          </a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="@heading"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <code class="path"><xsl:value-of select="@path"/>:<xsl:value-of select="@line"/></code>
    </li>
  </xsl:template>

</xsl:stylesheet>
