<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dashboard (output/index.html) from kitei's site XML (docs/manual.rng):
  the overall coverage, coverage by article, each manual, recent changes.
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
        <xsl:with-param name="title" select="concat('規程管理ダッシュボード｜', @organization)"/>
      </xsl:call-template>
      <body class="page-dashboard class-internal{substring(' worktree', 1, 9 * (@worktree = 'true'))}">
        <xsl:call-template name="skip-link"/>
        <header class="site-header">
          <nav class="crumbs" aria-label="サイト内">
            <span aria-current="page">ダッシュボード</span>
            <span class="sep" aria-hidden="true">｜</span>
            <a href="coverage.html">対応表</a>
          </nav>
          <p class="header-class">【社外秘】</p>
        </header>
        <main id="main">
          <xsl:call-template name="worktree-mark"/>
          <div class="page-title">
            <p class="page-org"><xsl:value-of select="@organization"/></p>
            <h1>規程管理ダッシュボード</h1>
            <p class="page-rev">
              <xsl:text>出典リビジョン </xsl:text>
              <xsl:call-template name="revision-text"/>
            </p>
          </div>
          <xsl:apply-templates select="k:summary"/>
          <xsl:call-template name="manuals"/>
          <xsl:call-template name="articles"/>
          <xsl:apply-templates select="k:changes"/>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- The overall figures. -->
  <xsl:template match="k:summary">
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">対応状況の概要</h2>
      <p class="note">
        <xsl:text>「</xsl:text>
        <xsl:value-of select="../k:catalog/@title"/>
        <xsl:text>」（</xsl:text>
        <xsl:value-of select="../k:catalog/@id"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="../k:catalog/@version"/>
        <xsl:text>）の各要素に対する、全規程の対応状況です。</xsl:text>
      </p>
      <dl class="figures">
        <div class="figure figure-main">
          <dt>充足率</dt>
          <dd>
            <xsl:call-template name="percent">
              <xsl:with-param name="part" select="@covered + @not-applicable"/>
              <xsl:with-param name="whole" select="@elements"/>
            </xsl:call-template>
            <span class="figure-sub">
              <xsl:value-of select="@covered + @not-applicable"/>
              <xsl:text> / </xsl:text>
              <xsl:value-of select="@elements"/>
              <xsl:text> 要素</xsl:text>
            </span>
          </dd>
        </div>
        <div class="figure figure-covered">
          <dt>対応済</dt>
          <dd><xsl:value-of select="@covered"/></dd>
        </div>
        <div class="figure figure-not-applicable">
          <dt>適用除外</dt>
          <dd><xsl:value-of select="@not-applicable"/></dd>
        </div>
        <div class="figure figure-missing">
          <xsl:if test="@missing &gt; 0">
            <xsl:attribute name="class">figure figure-missing alert</xsl:attribute>
          </xsl:if>
          <dt>未対応</dt>
          <dd><xsl:value-of select="@missing"/></dd>
        </div>
        <div class="figure">
          <xsl:if test="@errors &gt; 0">
            <xsl:attribute name="class">figure alert</xsl:attribute>
          </xsl:if>
          <dt>エラー</dt>
          <dd><xsl:value-of select="@errors"/></dd>
        </div>
        <div class="figure">
          <dt>警告</dt>
          <dd><xsl:value-of select="@warnings"/></dd>
        </div>
      </dl>
      <xsl:if test="@errors &gt; 0 or @warnings &gt; 0">
        <p class="note">エラーと警告の内容は <code>kitei check</code> で確認できます。</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Each manual with its last change. -->
  <xsl:template name="manuals">
    <section aria-labelledby="manuals-title">
      <h2 id="manuals-title">規程・マニュアル</h2>
      <div class="table-wrap">
        <table class="manuals stack">
          <thead>
            <tr>
              <th scope="col">文書名</th>
              <th scope="col">文書番号</th>
              <th scope="col">機密区分</th>
              <th scope="col">所管部署</th>
              <th scope="col">文書数</th>
              <th scope="col">版・承認</th>
              <th scope="col">見直し期限</th>
              <th scope="col">最終変更</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="k:manual">
              <tr>
                <th scope="row" data-label="文書名" class="first"><a href="{@href}"><xsl:value-of select="@title"/></a></th>
                <td data-label="文書番号" class="nowrap short"><xsl:value-of select="@number"/></td>
                <td data-label="機密区分" class="nowrap short">【<xsl:value-of select="@classification-label"/>】</td>
                <td data-label="所管部署" class="short"><xsl:value-of select="@owner"/></td>
                <td data-label="文書数" class="num short"><xsl:value-of select="@documents"/></td>
                <td data-label="版・承認" class="short">
                  <xsl:if test="@version">
                    <xsl:text>第</xsl:text>
                    <xsl:value-of select="@version"/>
                    <xsl:text>版</xsl:text>
                    <span class="figure-sub"><xsl:value-of select="@revised-text"/>承認</span>
                  </xsl:if>
                  <xsl:choose>
                    <xsl:when test="@signed-off = 'true'"><span class="status status-covered">承認済</span></xsl:when>
                    <xsl:when test="@signed-off = 'false' and @version"><span class="status status-missing">未承認の変更あり</span></xsl:when>
                    <xsl:when test="@signed-off = 'false'"><span class="status status-missing">未承認</span></xsl:when>
                  </xsl:choose>
                </td>
                <td data-label="見直し期限" class="nowrap short">
                  <xsl:choose>
                    <xsl:when test="@review-due"><time datetime="{@review-due}"><xsl:value-of select="@review-due-text"/></time></xsl:when>
                    <xsl:otherwise><span class="pending">―</span></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td data-label="最終変更">
                  <xsl:choose>
                    <xsl:when test="k:change">
                      <time datetime="{k:change/@date}"><xsl:value-of select="k:change/@date-text"/></time>
                      <br/>
                      <span class="subject"><xsl:value-of select="k:change/@subject"/></span>
                    </xsl:when>
                    <xsl:when test="@revised"><time datetime="{@revised}"><xsl:value-of select="@revised-text"/></time></xsl:when>
                    <xsl:otherwise><span class="pending">記録なし</span></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- Coverage by article, each status with its obligations. -->
  <xsl:template name="articles">
    <section aria-labelledby="articles-title">
      <h2 id="articles-title">条文ごとの対応状況</h2>
      <p class="note">各欄は要素の数と、その義務の強さの内訳です。要素ごとの対応箇所は<a href="coverage.html">対応表</a>にあります。</p>
      <div class="table-wrap">
        <table class="articles stack">
          <thead>
            <tr>
              <th scope="col">条</th>
              <th scope="col">見出し</th>
              <th scope="col">対応済</th>
              <th scope="col">適用除外</th>
              <th scope="col">未対応</th>
              <th scope="col">計</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="k:article">
              <tr>
                <xsl:if test="k:element[@status = 'missing']">
                  <xsl:attribute name="class">row-missing</xsl:attribute>
                </xsl:if>
                <th scope="row" data-label="条" class="nowrap short first">
                  <a href="coverage.html#art-{@number}">
                    <xsl:call-template name="article-label">
                      <xsl:with-param name="number" select="@number"/>
                    </xsl:call-template>
                  </a>
                </th>
                <td data-label="見出し" class="grow first"><xsl:value-of select="@heading"/></td>
                <xsl:call-template name="status-cell">
                  <xsl:with-param name="status" select="'covered'"/>
                  <xsl:with-param name="label" select="'対応済'"/>
                </xsl:call-template>
                <xsl:call-template name="status-cell">
                  <xsl:with-param name="status" select="'not-applicable'"/>
                  <xsl:with-param name="label" select="'適用除外'"/>
                </xsl:call-template>
                <xsl:call-template name="status-cell">
                  <xsl:with-param name="status" select="'missing'"/>
                  <xsl:with-param name="label" select="'未対応'"/>
                </xsl:call-template>
                <td data-label="計" class="num short"><xsl:value-of select="count(k:element)"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="status-cell">
    <xsl:param name="status"/>
    <xsl:param name="label"/>
    <xsl:variable name="els" select="k:element[@status = $status]"/>
    <td data-label="{$label}">
      <xsl:attribute name="class">
        <xsl:text>count short</xsl:text>
        <xsl:if test="$els"> count-<xsl:value-of select="$status"/></xsl:if>
      </xsl:attribute>
      <span class="n"><xsl:value-of select="count($els)"/></span>
      <xsl:if test="$els">
        <span class="breakdown">
          <xsl:call-template name="obligation-breakdown">
            <xsl:with-param name="elements" select="$els"/>
          </xsl:call-template>
        </span>
      </xsl:if>
    </td>
  </xsl:template>

  <!-- The latest commits to the policy root. -->
  <xsl:template match="k:changes">
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">最近の変更</h2>
      <xsl:choose>
        <xsl:when test="k:change">
          <div class="table-wrap">
            <table class="changes stack">
              <thead>
                <tr>
                  <th scope="col">日付</th>
                  <th scope="col">変更内容</th>
                  <th scope="col">作成者</th>
                  <th scope="col">ファイル</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="k:change">
                  <tr>
                    <td data-label="日付" class="nowrap short first"><time datetime="{@date}"><xsl:value-of select="@date-text"/></time></td>
                    <td data-label="変更内容">
                      <xsl:value-of select="@subject"/>
                      <xsl:if test="@approval = 'true'">
                        <xsl:text> </xsl:text>
                        <span class="badge">承認</span>
                      </xsl:if>
                      <xsl:text> </xsl:text>
                      <code class="rev" title="{@id}"><xsl:value-of select="substring(@short, 1, 7)"/></code>
                    </td>
                    <td data-label="作成者" class="grow first"><xsl:value-of select="@author"/></td>
                    <td data-label="ファイル">
                      <xsl:if test="k:file">
                        <ul class="files"><xsl:apply-templates select="k:file"/></ul>
                      </xsl:if>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">記録された変更はありません。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
