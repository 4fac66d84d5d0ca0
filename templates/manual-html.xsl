<?xml version="1.0" encoding="UTF-8"?>
<!--
  One manual (output/manuals/<id>.html) from kitei's manual XML
  (docs/manual.rng): cover, 目次, chapters, 附則, 改訂履歴, 変更履歴 and the
  appendix 規則との対応表.  See docs/templates.md for the hooks a policy
  root's own template may override.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="k md str">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"/>

  <!-- 'yes': chapters are headed 第N章 (unless the heading already says so). -->
  <xsl:param name="chapter-numbers" select="'yes'"/>

  <xsl:variable name="m" select="/k:manual"/>
  <!--
    The names of this manual's documents, with their earlier names (two
    renames back): a change may also touch other manuals' files.
  -->
  <xsl:variable name="paths0" select="/k:manual/k:chapters/k:chapter/@path"/>
  <xsl:variable name="paths1" select="$paths0 | /k:manual/k:history/k:change/k:file[@path = $paths0]/@old-path"/>
  <xsl:variable name="paths" select="$paths1 | /k:manual/k:history/k:change/k:file[@path = $paths1]/@old-path"/>

  <xsl:template match="/k:manual">
    <xsl:call-template name="doctype"/>
    <html lang="ja">
      <xsl:call-template name="head">
        <xsl:with-param name="title" select="concat(@title, '（', @number, '）｜', @organization)"/>
        <xsl:with-param name="css" select="'../kitei.css'"/>
      </xsl:call-template>
      <body class="page-manual kind-{@kind} class-{@classification}{substring(' worktree', 1, 9 * (@worktree = 'true'))}">
        <xsl:call-template name="skip-link"/>
        <header class="site-header">
          <nav class="crumbs" aria-label="パンくずリスト">
            <a href="../index.html">ダッシュボード</a>
            <span class="sep" aria-hidden="true">›</span>
            <span aria-current="page"><xsl:value-of select="@title"/></span>
          </nav>
          <p class="header-class">【<xsl:value-of select="@classification-label"/>】</p>
        </header>
        <main id="main">
          <xsl:call-template name="worktree-mark"/>
          <xsl:call-template name="draft-mark"/>
          <xsl:call-template name="cover"/>
          <xsl:call-template name="toc"/>
          <div class="manual-body">
            <xsl:apply-templates select="k:chapters/k:chapter"/>
          </div>
          <xsl:call-template name="supplementary-provisions"/>
          <xsl:call-template name="revision-history"/>
          <xsl:if test="not(k:history/@withheld = 'true')">
            <xsl:call-template name="change-history"/>
          </xsl:if>
          <xsl:call-template name="coverage-appendix"/>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- ================================================================
       Cover
       ================================================================ -->

  <xsl:template name="cover">
    <section class="cover" aria-labelledby="doc-title">
      <div class="cover-top">
        <p class="cover-number"><xsl:value-of select="@number"/></p>
        <p class="cover-class">
          <span class="visually-hidden">機密区分：</span>
          <xsl:text>【</xsl:text>
          <xsl:value-of select="@classification-label"/>
          <xsl:text>】</xsl:text>
        </p>
      </div>
      <p class="cover-org"><xsl:value-of select="@organization"/></p>
      <h1 id="doc-title"><xsl:value-of select="@title"/></h1>
      <xsl:if test="@worktree = 'true' or @draft = 'true'">
        <p class="cover-marks">
          <xsl:if test="@draft = 'true'"><span class="cover-mark">未承認（ドラフト）</span></xsl:if>
          <xsl:if test="@worktree = 'true'"><span class="cover-mark">未コミット</span></xsl:if>
        </p>
      </xsl:if>
      <table class="cover-meta">
        <caption class="visually-hidden">文書の情報</caption>
        <tbody>
          <tr><th scope="row">文書番号</th><td><xsl:value-of select="@number"/></td></tr>
          <tr><th scope="row">版数</th><td><xsl:call-template name="cover-edition"/></td></tr>
          <tr><th scope="row">制定日</th><td><xsl:call-template name="cover-established"/></td></tr>
          <tr><th scope="row">最終改定日</th><td><xsl:call-template name="cover-last-revised"/></td></tr>
          <tr><th scope="row">施行日</th><td><xsl:call-template name="cover-effective"/></td></tr>
          <tr><th scope="row">作成日</th><td><xsl:call-template name="cover-created"/></td></tr>
          <xsl:if test="@review-due">
            <tr><th scope="row">次回見直し期限</th><td><xsl:call-template name="cover-review-due"/></td></tr>
          </xsl:if>
          <tr><th scope="row">所管部署</th><td><xsl:value-of select="@owner"/></td></tr>
          <tr><th scope="row">機密区分</th><td><xsl:value-of select="@classification-label"/></td></tr>
          <tr><th scope="row">出典リビジョン</th><td><xsl:call-template name="revision-text"/></td></tr>
        </tbody>
      </table>
      <section class="cover-approvals" aria-labelledby="approvals-title">
        <h2 id="approvals-title">承認</h2>
        <table class="approvals stack">
          <thead>
            <tr>
              <th scope="col">承認者（役割）</th>
              <th scope="col">氏名</th>
              <th scope="col">承認日</th>
              <th scope="col">電子署名</th>
            </tr>
          </thead>
          <tbody>
            <xsl:call-template name="cover-approvals"/>
          </tbody>
        </table>
      </section>
    </section>
  </xsl:template>

  <!--
    Sign-off (docs/templates.md): 版数, the dates and the approvals come from
    the root's signed-off, draft, version, established, revised, effective
    and review-due attributes and its versions and pending elements.  Each
    named template below is called with the root as context; a policy
    root's own manual-html.xsl may replace any of them.
  -->
  <xsl:template name="cover-edition">
    <xsl:choose>
      <xsl:when test="@version">
        <xsl:text>第</xsl:text>
        <xsl:value-of select="@version"/>
        <xsl:text>版</xsl:text>
        <xsl:if test="@signed-off = 'false'">
          <span class="pending">（その後の変更は未承認）</span>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <span class="pending">未承認（承認された版はまだありません）</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="cover-established">
    <xsl:call-template name="day-or-pending">
      <xsl:with-param name="iso" select="@established"/>
      <xsl:with-param name="text" select="@established-text"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cover-last-revised">
    <xsl:choose>
      <xsl:when test="@version &gt; 1">
        <time datetime="{@revised}"><xsl:value-of select="@revised-text"/></time>
      </xsl:when>
      <xsl:when test="@version">改定なし</xsl:when>
      <xsl:otherwise><span class="pending">未定</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="cover-effective">
    <xsl:call-template name="day-or-pending">
      <xsl:with-param name="iso" select="@effective"/>
      <xsl:with-param name="text" select="@effective-text"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cover-review-due">
    <xsl:call-template name="day-or-pending">
      <xsl:with-param name="iso" select="@review-due"/>
      <xsl:with-param name="text" select="@review-due-text"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="day-or-pending">
    <xsl:param name="iso"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="$iso">
        <time datetime="{$iso}"><xsl:value-of select="$text"/></time>
      </xsl:when>
      <xsl:otherwise><span class="pending">未定</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 作成日: the source commit's date. -->
  <xsl:template name="cover-created">
    <xsl:choose>
      <xsl:when test="@date">
        <time datetime="{@date}"><xsl:value-of select="@date-text"/></time>
      </xsl:when>
      <xsl:otherwise><span class="pending">未コミット</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Rows of the 承認 table (役割 | 氏名 | 承認日 | 電子署名): the latest
    version's approvals, then those given so far to unapproved changes.
  -->
  <xsl:template name="cover-approvals">
    <xsl:variable name="last" select="k:versions/k:version[last()]"/>
    <xsl:choose>
      <xsl:when test="$last/k:approval">
        <xsl:apply-templates select="$last/k:approval"/>
      </xsl:when>
      <xsl:otherwise>
        <tr><td colspan="4" class="empty">承認の記録はまだありません。</td></tr>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="k:pending/k:approval">
      <tr class="subhead"><th scope="rowgroup" colspan="4">承認待ちの変更に対する承認（未完了）</th></tr>
      <xsl:apply-templates select="k:pending/k:approval"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="k:approval">
    <tr>
      <td data-label="承認者（役割）" class="first"><xsl:value-of select="@role-title"/></td>
      <td data-label="氏名" class="short"><xsl:value-of select="@name"/></td>
      <td data-label="承認日" class="nowrap short"><time datetime="{@date}"><xsl:value-of select="@date-text"/></time></td>
      <td data-label="電子署名" class="short">
        <xsl:call-template name="signature-label"/>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="signature-label">
    <xsl:choose>
      <xsl:when test="@signature = 'good'"><span class="sig sig-good">検証済</span></xsl:when>
      <xsl:when test="@signature = 'bad'"><span class="sig sig-bad">検証できず</span></xsl:when>
      <xsl:otherwise><span class="sig sig-none">署名なし（不要）</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A manual whose current content is not signed off (or built from the
    working tree): a banner on screen, a mark on every printed sheet.
  -->
  <xsl:template name="draft-mark">
    <xsl:if test="@draft = 'true'">
      <p class="draft-banner" role="note">
        <strong>未承認（ドラフト）</strong>
        <xsl:text>　この文書には承認されていない内容が含まれます。</xsl:text>
        <xsl:choose>
          <xsl:when test="@version">
            <xsl:text>承認済みの最新版は第</xsl:text>
            <xsl:value-of select="@version"/>
            <xsl:text>版（</xsl:text>
            <xsl:value-of select="@revised-text"/>
            <xsl:text>承認）です。</xsl:text>
          </xsl:when>
          <xsl:otherwise>承認された版はまだありません。</xsl:otherwise>
        </xsl:choose>
      </p>
      <div class="draft-watermark" aria-hidden="true">未承認（ドラフト）</div>
    </xsl:if>
  </xsl:template>

  <!-- 規程 or マニュアル, for the 附則's wording. -->
  <xsl:template name="document-word">
    <xsl:choose>
      <xsl:when test="$m/@kind = 'crisis'">マニュアル</xsl:when>
      <xsl:otherwise>規程</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 附則: cumulative, one per version. -->
  <xsl:template name="supplementary-provisions">
    <xsl:if test="k:versions/k:version">
      <section class="back-matter" id="supplementary" aria-labelledby="supplementary-title">
        <h2 id="supplementary-title">附則</h2>
        <xsl:for-each select="k:versions/k:version">
          <div class="provision">
            <h3 class="provision-title">
              <xsl:text>附則</xsl:text>
              <xsl:if test="@number &gt; 1">
                <xsl:text>（</xsl:text>
                <xsl:value-of select="@approved-text"/>
                <xsl:text>改定）</xsl:text>
              </xsl:if>
            </h3>
            <p>
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
            </p>
          </div>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- 改訂履歴: one row per version (版数 | 改定日 | 施行日 | 改定内容 | 承認者). -->
  <xsl:template name="revision-history">
    <section class="back-matter" id="revision-history" aria-labelledby="revision-history-title">
      <h2 id="revision-history-title">改訂履歴</h2>
      <div class="table-wrap">
        <table class="revisions stack">
          <thead>
            <tr>
              <th scope="col">版数</th>
              <th scope="col">改定日</th>
              <th scope="col">施行日</th>
              <th scope="col">改定内容</th>
              <th scope="col">承認者</th>
            </tr>
          </thead>
          <tbody>
            <xsl:call-template name="revision-history-rows"/>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="revision-history-rows">
    <xsl:for-each select="k:versions/k:version">
      <tr>
        <th scope="row" data-label="版数" class="nowrap short first">第<xsl:value-of select="@number"/>版</th>
        <td data-label="改定日" class="nowrap short">
          <time datetime="{@approved}"><xsl:value-of select="@approved-text"/></time>
          <xsl:if test="@number = 1">（制定）</xsl:if>
        </td>
        <td data-label="施行日" class="nowrap short"><time datetime="{@effective}"><xsl:value-of select="@effective-text"/></time></td>
        <td data-label="改定内容">
          <!-- kitei decided the words (assemble.c); the PDF prints the same. -->
          <xsl:choose>
            <xsl:when test="count(k:summary/k:item) = 1"><xsl:value-of select="k:summary/k:item"/></xsl:when>
            <xsl:when test="k:summary/k:item">
              <ul class="subjects">
                <xsl:for-each select="k:summary/k:item"><li><xsl:value-of select="."/></li></xsl:for-each>
              </ul>
            </xsl:when>
          </xsl:choose>
        </td>
        <td data-label="承認者">
          <ul class="approvers">
            <xsl:for-each select="k:approval">
              <li>
                <xsl:value-of select="@role-title"/>
                <xsl:text>　</xsl:text>
                <xsl:value-of select="@name"/>
                <xsl:if test="@signature = 'good'"><xsl:text> </xsl:text><span class="sig sig-good">署名検証済</span></xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </td>
      </tr>
    </xsl:for-each>
    <xsl:if test="not(k:versions/k:version)">
      <tr>
        <td colspan="5" class="empty">承認された版はまだありません。下の変更履歴は git に記録された編集です。</td>
      </tr>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Table of contents
       ================================================================ -->

  <xsl:template name="toc">
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">目次</h2>
      <ol class="toc-list">
        <xsl:for-each select="k:chapters/k:chapter">
          <xsl:variable name="merged" select="count(k:section) = 1 and k:section/@level = 1 and not(md:*)"/>
          <li>
            <a>
              <xsl:attribute name="href">
                <xsl:text>#</xsl:text>
                <xsl:choose>
                  <xsl:when test="$merged"><xsl:value-of select="k:section/@id"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:call-template name="chapter-title">
                <xsl:with-param name="title">
                  <xsl:choose>
                    <xsl:when test="$merged"><xsl:value-of select="k:section/@heading"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </a>
            <xsl:variable name="subs" select="k:section[$merged]/k:section | k:section[not($merged)]"/>
            <xsl:if test="$subs">
              <ol>
                <xsl:for-each select="$subs">
                  <li><a href="#{@id}"><xsl:value-of select="@heading"/></a></li>
                </xsl:for-each>
              </ol>
            </xsl:if>
          </li>
        </xsl:for-each>
        <xsl:call-template name="toc-back-matter"/>
      </ol>
    </nav>
  </xsl:template>

  <!-- The entries after the chapters; an override adds 附則 here. -->
  <xsl:template name="toc-back-matter">
    <xsl:if test="k:versions/k:version">
      <li class="toc-back"><a href="#supplementary">附則</a></li>
    </xsl:if>
    <li class="toc-back"><a href="#revision-history">改訂履歴</a></li>
    <xsl:if test="not(k:history/@withheld = 'true')">
      <li class="toc-back"><a href="#change-history">変更履歴</a></li>
    </xsl:if>
    <li class="toc-back"><a href="#coverage-appendix">付録　規則との対応表</a></li>
  </xsl:template>

  <!-- 「第N章　title」 -->
  <xsl:template name="chapter-title">
    <xsl:param name="title"/>
    <xsl:variable name="n" select="count(ancestor-or-self::k:chapter/preceding-sibling::k:chapter) + 1"/>
    <xsl:if test="$chapter-numbers = 'yes' and not(starts-with($title, '第') and contains(substring($title, 1, 6), '章'))">
      <span class="chapter-no">
        <xsl:text>第</xsl:text>
        <xsl:value-of select="$n"/>
        <xsl:text>章</xsl:text>
      </span>
      <xsl:text>　</xsl:text>
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
    <div class="chapter" id="{@id}">
      <xsl:if test="not($merged)">
        <h2 class="chapter-heading">
          <xsl:call-template name="chapter-title">
            <xsl:with-param name="title" select="@title"/>
          </xsl:call-template>
        </h2>
      </xsl:if>
      <xsl:apply-templates>
        <xsl:with-param name="offset" select="1 + number(not($merged))"/>
      </xsl:apply-templates>
      <xsl:call-template name="footnotes"/>
    </div>
  </xsl:template>

  <xsl:template match="k:section">
    <xsl:param name="offset" select="1"/>
    <xsl:variable name="depth" select="count(ancestor::k:section) + $offset"/>
    <xsl:variable name="h">
      <xsl:choose>
        <xsl:when test="$depth &gt; 5">h6</xsl:when>
        <xsl:otherwise>h<xsl:value-of select="$depth + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section id="{@id}" class="sec depth-{$depth}">
      <xsl:element name="{$h}">
        <xsl:attribute name="class">sec-heading</xsl:attribute>
        <xsl:choose>
          <xsl:when test="$depth = 1">
            <xsl:call-template name="chapter-title">
              <xsl:with-param name="title" select="@heading"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="k:heading/node()"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <xsl:call-template name="section-badges"/>
      <xsl:apply-templates select="node()[not(self::k:heading)]">
        <xsl:with-param name="offset" select="$offset"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <!--
    Small marks under a heading for policy owners: the catalog elements the
    section covers (linking to the appendix), those it declares not
    applicable, and its visibility where it differs from the manual's class
    and from its parent's (関係者外秘 inside a 社外秘 manual, 公開 for what
    the public page may show).
  -->
  <xsl:template name="section-badges">
    <xsl:variable name="vis">
      <xsl:if test="@visibility != 'internal' and @visibility != $m/@classification and
          (parent::k:chapter or ../@visibility != @visibility)">
        <xsl:value-of select="@visibility"/>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="@covers or @not-applicable or $vis != ''">
      <p class="badges">
        <xsl:if test="$vis = 'confidential'">
          <span class="badge badge-class">関係者外秘</span>
        </xsl:if>
        <xsl:if test="$vis = 'public'">
          <span class="badge badge-public">公開</span>
        </xsl:if>
        <xsl:if test="@covers">
          <span class="badge-label">対応：</span>
          <xsl:for-each select="str:tokenize(@covers, ' ')">
            <xsl:call-template name="element-badge"/>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="@not-applicable">
          <span class="badge-label">適用除外：</span>
          <xsl:for-each select="str:tokenize(@not-applicable, ' ')">
            <xsl:call-template name="element-badge"/>
          </xsl:for-each>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Context: a token (an element id). -->
  <xsl:template name="element-badge">
    <xsl:variable name="id" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$m/k:coverage/k:element[@id = $id]">
        <a class="badge" href="#el-{$id}"><xsl:value-of select="$id"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="badge"><xsl:value-of select="$id"/></span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ================================================================
       Change history (git)
       ================================================================ -->

  <xsl:template name="change-history">
    <section class="back-matter" id="change-history" aria-labelledby="change-history-title">
      <h2 id="change-history-title">変更履歴</h2>
      <p class="note">この規程の文書を変更したコミットです（新しい順）。</p>
      <xsl:choose>
        <xsl:when test="k:history/k:change">
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
                <xsl:apply-templates select="k:history/k:change"/>
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

  <xsl:template match="k:history/k:change">
    <xsl:variable name="own" select="k:file[@path = $paths or @old-path = $paths]"/>
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
        <ul class="files">
          <xsl:choose>
            <xsl:when test="$own"><xsl:apply-templates select="$own"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="k:file"/></xsl:otherwise>
          </xsl:choose>
        </ul>
      </td>
    </tr>
  </xsl:template>

  <!-- ================================================================
       Appendix: 規則との対応表
       ================================================================ -->

  <xsl:template name="coverage-appendix">
    <section class="back-matter appendix" id="coverage-appendix" aria-labelledby="coverage-appendix-title">
      <h2 id="coverage-appendix-title">付録　規則との対応表</h2>
      <p class="note">
        <xsl:text>「</xsl:text>
        <xsl:value-of select="k:catalog/@title"/>
        <xsl:text>」（</xsl:text>
        <xsl:value-of select="k:catalog/@id"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="k:catalog/@version"/>
        <xsl:text>）の要素のうち、本規程が対応するもの</xsl:text>
        <xsl:if test="@kind = 'crisis'">及び危機管理マニュアルで対応すべきもの</xsl:if>
        <xsl:text>と、その対応箇所です。全要素の対応状況は</xsl:text>
        <a href="../coverage.html">対応表（全規程）</a>
        <xsl:text>にあります。</xsl:text>
      </p>
      <xsl:choose>
        <xsl:when test="k:coverage/k:element">
          <div class="table-wrap">
            <table class="matrix stack">
              <thead>
                <tr>
                  <th scope="col">要素</th>
                  <th scope="col">区分</th>
                  <th scope="col">項目・規則の文言</th>
                  <th scope="col">対応箇所</th>
                </tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="k:coverage/k:element"/>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">この規程が対応する要素はありません。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="k:coverage/k:element">
    <tr id="el-{@id}" class="row-{@status}">
      <th scope="row" data-label="要素" class="el-id short first"><xsl:value-of select="@id"/></th>
      <td data-label="区分" class="obl nowrap short first"><xsl:value-of select="@obligation-label"/></td>
      <td data-label="項目・規則の文言">
        <strong class="el-title"><xsl:value-of select="@title"/></strong>
        <span class="rule-text"><xsl:value-of select="k:text"/></span>
      </td>
      <td data-label="対応箇所" class="refs-cell">
        <xsl:if test="@status != 'covered'">
          <xsl:call-template name="status-badge"/>
        </xsl:if>
        <xsl:if test="k:ref">
          <ul class="refs">
            <xsl:apply-templates select="k:ref"/>
          </ul>
        </xsl:if>
        <xsl:if test="k:reason">
          <p class="reason">
            <xsl:text>理由：</xsl:text>
            <xsl:value-of select="k:reason"/>
          </p>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="k:element/k:ref">
    <li>
      <xsl:choose>
        <xsl:when test="@manual = $m/@id">
          <a href="#{@section}"><xsl:value-of select="@heading"/></a>
        </xsl:when>
        <xsl:when test="@manual">
          <a href="{@manual}.html#{@section}">
            <xsl:value-of select="@manual-title"/>
            <xsl:text> › </xsl:text>
            <xsl:value-of select="@heading"/>
          </a>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@heading"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <code class="path"><xsl:value-of select="@path"/>:<xsl:value-of select="@line"/></code>
    </li>
  </xsl:template>

</xsl:stylesheet>
