<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of kitei's HTML templates (docs/templates.md):
  the page frame (doctype, head, header, footer), the marks every page
  carries (機密区分, 未コミット), the status and obligation labels, and the
  rendering of CommonMark XML (namespace md) as HTML.

  Included by manual-html.xsl, dashboard.xsl and coverage.xsl; an include
  resolves beside the including file.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="k md">

  <!-- ================================================================
       Page frame
       ================================================================ -->

  <!-- <!DOCTYPE html>: XSLT 1.0 cannot write an HTML5 doctype otherwise. -->
  <xsl:template name="doctype">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
  </xsl:template>

  <!--
    The head of every page.  The charset is declared with the http-equiv
    form because libxml2's HTML serializer adds that form itself; a second
    <meta charset> would be a duplicate declaration.
  -->
  <xsl:template name="head">
    <xsl:param name="title"/>
    <xsl:param name="css" select="'kitei.css'"/>
    <head>
      <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="{/*/@generator}"/>
      <meta name="referrer" content="no-referrer"/>
      <title><xsl:value-of select="$title"/></title>
      <link rel="stylesheet" href="{$css}"/>
    </head>
  </xsl:template>

  <!-- A link that skips the navigation, for keyboard users. -->
  <xsl:template name="skip-link">
    <a class="skip-link" href="#main">本文へ移動</a>
  </xsl:template>

  <!--
    The uncommitted mark: a banner at the top of the page.  In print,
    kitei.css repeats it with the 機密区分 in every sheet's header (named
    pages chosen by the body's classes class-* and worktree).
  -->
  <xsl:template name="worktree-mark">
    <xsl:if test="/*/@worktree = 'true'">
      <p class="uncommitted" role="note"><strong>未コミット</strong>
        <xsl:text>　この文書は作業ツリーのコミットされていない内容から作られた確認用の版です。正式な版ではありません。</xsl:text>
      </p>
    </xsl:if>
    <xsl:if test="/*/@shallow = 'true'">
      <p class="uncommitted" role="note"><strong>履歴不完全</strong>
        <xsl:text>　浅いクローン（shallow clone）から作られたため、変更履歴の一部が欠けています。</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The source revision: short id and the commit's date. -->
  <xsl:template name="revision-text">
    <xsl:choose>
      <xsl:when test="/*/@revision-short">
        <code class="rev" title="{/*/@revision}"><xsl:value-of select="/*/@revision-short"/></code>
        <xsl:if test="/*/@date-text">
          <xsl:text>（</xsl:text>
          <time datetime="{/*/@date}"><xsl:value-of select="/*/@date-text"/></time>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>コミットなし</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="/*/@worktree = 'true'">
      <xsl:text>＋未コミットの変更</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The footer of every page. -->
  <xsl:template name="footer">
    <footer class="site-footer">
      <p>
        <xsl:value-of select="/*/@organization"/>
        <xsl:text>　｜　出典リビジョン </xsl:text>
        <xsl:call-template name="revision-text"/>
        <xsl:text>　｜　</xsl:text>
        <xsl:value-of select="/*/@generator"/>
        <xsl:text> により生成</xsl:text>
      </p>
    </footer>
  </xsl:template>

  <!-- ================================================================
       Labels
       ================================================================ -->

  <!-- 対応済 / 適用除外 / 未対応 for a coverage status. -->
  <xsl:template name="status-label">
    <xsl:param name="status" select="@status"/>
    <xsl:choose>
      <xsl:when test="$status = 'covered'">対応済</xsl:when>
      <xsl:when test="$status = 'not-applicable'">適用除外</xsl:when>
      <xsl:when test="$status = 'missing'">未対応</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A status badge: colour, border shape and text all say the same. -->
  <xsl:template name="status-badge">
    <xsl:param name="status" select="@status"/>
    <span class="status status-{$status}">
      <xsl:call-template name="status-label">
        <xsl:with-param name="status" select="$status"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- 追加 / 変更 / 削除 / 名前変更 for a file status letter. -->
  <xsl:template name="file-status-label">
    <xsl:param name="status" select="@status"/>
    <xsl:choose>
      <xsl:when test="$status = 'A'">追加</xsl:when>
      <xsl:when test="$status = 'M'">変更</xsl:when>
      <xsl:when test="$status = 'D'">削除</xsl:when>
      <xsl:when test="$status = 'R'">名前変更</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One changed file: 「変更 path」, 「名前変更 old → new」. -->
  <xsl:template match="k:file">
    <li>
      <span class="file-status file-status-{@status}">
        <xsl:call-template name="file-status-label"/>
      </span>
      <xsl:text> </xsl:text>
      <xsl:if test="@old-path">
        <code class="path"><xsl:value-of select="@old-path"/></code>
        <xsl:text> → </xsl:text>
      </xsl:if>
      <code class="path"><xsl:value-of select="@path"/></code>
    </li>
  </xsl:template>

  <!-- 第N条 -->
  <xsl:template name="article-label">
    <xsl:param name="number"/>
    <xsl:text>第</xsl:text>
    <xsl:value-of select="$number"/>
    <xsl:text>条</xsl:text>
  </xsl:template>

  <!-- A whole percentage, rounded down so that 99.9 never shows as 100. -->
  <xsl:template name="percent">
    <xsl:param name="part"/>
    <xsl:param name="whole"/>
    <xsl:choose>
      <xsl:when test="$whole &gt; 0">
        <xsl:value-of select="floor($part * 1000 div $whole) div 10"/>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
    <xsl:text>%</xsl:text>
  </xsl:template>

  <!--
    Counts of the given elements by obligation, in the catalog's order:
    「義務 3・例示 2」.  Nothing when the set is empty.
  -->
  <xsl:template name="obligation-breakdown">
    <xsl:param name="elements"/>
    <xsl:variable name="parts">
      <xsl:for-each select="$elements[@obligation = 'must'][1] |
          $elements[@obligation = 'shall'][1] |
          $elements[@obligation = 'endeavor'][1] |
          $elements[@obligation = 'consider'][1] |
          $elements[@obligation = 'example'][1]">
        <xsl:sort select="string-length(substring-before('must shall endeavor consider example', @obligation))" data-type="number"/>
        <xsl:variable name="o" select="@obligation"/>
        <xsl:if test="position() &gt; 1">・</xsl:if>
        <xsl:value-of select="@obligation-label"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="count($elements[@obligation = $o])"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="$parts"/>
  </xsl:template>

  <!-- ================================================================
       CommonMark XML → HTML
       ================================================================ -->

  <xsl:template match="md:paragraph">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Tight lists: an item's paragraphs are not separated (no predicate in the pattern: libxslt would count the siblings of every node it tests (issue 11)). -->
  <xsl:template match="md:item/md:paragraph | md:tasklist/md:paragraph">
    <xsl:choose>
      <xsl:when test="../../@tight = 'true'">
        <xsl:apply-templates/>
        <xsl:if test="following-sibling::*">
          <br/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:apply-templates/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A heading Markdown keeps inside a block (a quote, a list item). -->
  <xsl:template match="md:heading">
    <p class="md-heading"><strong><xsl:apply-templates/></strong></p>
  </xsl:template>

  <xsl:template match="md:list">
    <xsl:choose>
      <xsl:when test="@type = 'ordered'">
        <ol>
          <xsl:if test="@start and @start != '1'">
            <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates/>
        </ol>
      </xsl:when>
      <xsl:otherwise>
        <ul>
          <xsl:if test="md:tasklist">
            <xsl:attribute name="class">tasks</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates/>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- A task: a disabled check box plus the state in words for print and readers. -->
  <xsl:template match="md:tasklist">
    <li class="task">
      <xsl:choose>
        <xsl:when test="@checked = 'true'">
          <input type="checkbox" checked="checked" disabled="disabled" aria-label="完了"/>
        </xsl:when>
        <xsl:otherwise>
          <input type="checkbox" disabled="disabled" aria-label="未完了"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="md:block_quote">
    <blockquote><xsl:apply-templates/></blockquote>
  </xsl:template>

  <xsl:template match="md:code_block">
    <pre>
      <code>
        <xsl:if test="@info">
          <xsl:attribute name="class">
            <xsl:text>language-</xsl:text>
            <xsl:value-of select="translate(substring-before(concat(normalize-space(@info), ' '), ' '), '&quot;&lt;&gt;', '')"/>
          </xsl:attribute>
        </xsl:if>
        <xsl:value-of select="."/>
      </code>
    </pre>
  </xsl:template>

  <xsl:template match="md:thematic_break">
    <hr/>
  </xsl:template>

  <xsl:template match="md:text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!--
    A soft break is a space unless kitei decided it joins two characters of
    Japanese (@space, set by assemble from mdtext.c's one rule).
  -->
  <xsl:template match="md:softbreak">
    <xsl:if test="not(@space = 'false')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:linebreak">
    <br/>
  </xsl:template>

  <xsl:template match="md:code">
    <code><xsl:value-of select="."/></code>
  </xsl:template>

  <!-- An unsafe link kitei dropped (dropped-link): its text only. -->
  <xsl:template match="md:emph">
    <xsl:choose>
      <xsl:when test="@dropped-link = 'true'"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise><em><xsl:apply-templates/></em></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:strong">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="md:strikethrough">
    <del><xsl:apply-templates/></del>
  </xsl:template>

  <xsl:template match="md:link">
    <a href="{@destination}">
      <xsl:if test="@title">
        <xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <!--
    An image from the policy root (assemble gave it src: the copy beside the
    page) is shown, no wider than the text; any other image is never
    fetched, and its alternative text stands in its place.
  -->
  <xsl:template match="md:image[@src]">
    <img class="md-image" src="{@src}" alt="{normalize-space(@alt)}"
        width="{@width}" height="{@height}">
      <xsl:if test="@title">
        <xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute>
      </xsl:if>
    </img>
  </xsl:template>
  <xsl:template match="md:image">
    <span class="image-alt">
      <xsl:text>［図：</xsl:text>
      <xsl:value-of select="normalize-space(@alt)"/>
      <xsl:text>］</xsl:text>
    </span>
  </xsl:template>

  <!-- GFM tables, in a wrapper that scrolls on narrow screens. -->
  <xsl:template match="md:table">
    <div class="table-wrap">
      <table class="md-table">
        <xsl:if test="md:table_header | md:table_row[@header = 'true']">
          <thead>
            <xsl:apply-templates select="md:table_header | md:table_row[@header = 'true']"/>
          </thead>
        </xsl:if>
        <xsl:if test="md:table_row[not(@header = 'true')]">
          <tbody>
            <xsl:apply-templates select="md:table_row[not(@header = 'true')]"/>
          </tbody>
        </xsl:if>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="md:table_header | md:table_row">
    <tr><xsl:apply-templates/></tr>
  </xsl:template>

  <xsl:template match="md:table_cell">
    <xsl:choose>
      <xsl:when test="parent::md:table_header or ../@header = 'true'">
        <th scope="col">
          <xsl:call-template name="cell-align"/>
          <xsl:apply-templates/>
        </th>
      </xsl:when>
      <xsl:otherwise>
        <td>
          <xsl:call-template name="cell-align"/>
          <xsl:apply-templates/>
        </td>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Alignment as a class: pages carry no inline styles. -->
  <xsl:template name="cell-align">
    <xsl:if test="@align = 'left' or @align = 'center' or @align = 'right'">
      <xsl:attribute name="class">align-<xsl:value-of select="@align"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!--
    Footnotes.  The names cmark-gfm should give are footnote_reference and
    footnote_definition; kitei 0.1.0 writes "<unknown>" for both (see
    docs/templates.md), so both forms are matched: a reference is empty, a
    definition holds blocks.  References are numbered in order within the
    chapter; the definitions are shown at the chapter's end (mode
    "footnotes") and skipped where they stand.
  -->
  <xsl:template match="md:footnote_reference" name="footnote-reference">
    <xsl:variable name="chapter" select="ancestor::k:chapter[1]"/>
    <xsl:variable name="n" select="count(preceding::md:footnote_reference[generate-id(ancestor::k:chapter[1]) = generate-id($chapter)]
        | preceding::md:*[local-name() = '&lt;unknown&gt;' and not(*)][generate-id(ancestor::k:chapter[1]) = generate-id($chapter)]) + 1"/>
    <sup class="fnref" id="fnref-{$chapter/@id}-{$n}">
      <a href="#fn-{$chapter/@id}-{$n}" aria-label="脚注{$n}">
        <xsl:text>*</xsl:text>
        <xsl:value-of select="$n"/>
      </a>
    </sup>
  </xsl:template>

  <xsl:template match="md:footnote_definition"/>

  <xsl:template name="footnotes">
    <xsl:variable name="defs" select=".//md:footnote_definition | .//md:*[local-name() = '&lt;unknown&gt;' and *]"/>
    <xsl:if test="$defs">
      <xsl:variable name="chapter" select="@id"/>
      <aside class="footnotes" aria-label="脚注">
        <ol>
          <xsl:for-each select="$defs">
            <li id="fn-{$chapter}-{position()}">
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a class="fnback" href="#fnref-{$chapter}-{position()}">本文へ戻る</a>
            </li>
          </xsl:for-each>
        </ol>
      </aside>
    </xsl:if>
  </xsl:template>

  <!-- A confidential section in a redacted manual: the replacement text. -->
  <xsl:template match="k:redacted">
    <p class="redacted"><xsl:value-of select="."/></p>
  </xsl:template>

  <!-- Raw HTML is never in the input; anything unknown keeps its text. -->
  <xsl:template match="md:html_block | md:html_inline"/>

  <!-- kitei 0.1.0's footnotes are tested here, no predicate in the pattern: libxslt would count the siblings of every node it tests (issue 11). -->
  <xsl:template match="md:*">
    <xsl:choose>
      <xsl:when test="local-name() = '&lt;unknown&gt;' and not(*)"><xsl:call-template name="footnote-reference"/></xsl:when>
      <xsl:when test="local-name() = '&lt;unknown&gt;'"/>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
