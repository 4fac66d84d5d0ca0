<?xml version="1.0" encoding="UTF-8"?>
<!--
  新旧対照表 as HTML: one page per changed manual, from the compare stage's
  document (docs/shinkyu.rng, docs/diff.md).  Two columns in the order the
  document names (@order: 現行 | 改正案, or 改正後 | 改正前), one row per
  changed section, （略） for unchanged runs, （新設）/（削除） for whole
  sections.  Changed wording is underlined in both columns and stays in
  <ins>/<del> with hidden text markers, so it is not shown by underline
  alone.  Self-contained: no include, no script.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1"
    exclude-result-prefixes="k">

  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
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

  <xsl:template match="/k:shinkyu">
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="@kind = 'enacted'"><xsl:value-of select="concat('『', @title, '』（制定）')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('『', @title, '』新旧対照表')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="ja">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{@generator}"/>
        <meta name="referrer" content="no-referrer"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="shinkyu.css"/>
      </head>
      <!-- The class names the printed page (shinkyu.css): its mark in every page header. -->
      <body class="sk-page-{@classification}">
        <main id="main">
          <header class="sk-head">
            <p class="sk-class">
              <xsl:text>【</xsl:text>
              <xsl:value-of select="@classification-label"/>
              <xsl:text>】</xsl:text>
            </p>
            <h1><xsl:value-of select="$title"/></h1>
            <p class="sk-org">
              <xsl:value-of select="@organization"/>
              <xsl:if test="@number">
                <xsl:text>　</xsl:text>
                <span class="sk-nowrap">
                  <xsl:text>文書番号 </xsl:text>
                  <xsl:value-of select="@number"/>
                </span>
              </xsl:if>
            </p>
            <dl class="sk-revs">
              <xsl:choose>
                <xsl:when test="@kind = 'enacted'">
                  <xsl:apply-templates select="k:revision[@side = 'new']"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates select="k:revision[@side = $left]"/>
                  <xsl:apply-templates select="k:revision[@side = $right]"/>
                </xsl:otherwise>
              </xsl:choose>
            </dl>
          </header>
          <xsl:choose>
            <xsl:when test="@kind = 'enacted'">
              <xsl:call-template name="enacted"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="table"/>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="sk-foot">
          <p>
            <xsl:value-of select="@organization"/>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!--
    A manual new at NEW: its enacted text in one column (a table beside an
    empty 現行 column would say nothing more), nothing underlined.
  -->
  <xsl:template name="enacted">
    <p class="sk-enacted-note">（新規制定のため、制定する規程の全文を示す。）</p>
    <div class="sk-enacted">
      <xsl:for-each select="k:body/k:pair/k:new">
        <section class="sk-enacted-section">
          <xsl:apply-templates select="*"/>
        </section>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template name="table">
          <table class="shinkyu">
            <caption>（下線部分は改正箇所）</caption>
            <colgroup>
              <col class="sk-col"/>
              <col class="sk-col"/>
            </colgroup>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="k:revision[@side = $left]/@label"/></th>
                <th scope="col"><xsl:value-of select="k:revision[@side = $right]/@label"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="k:body/*"/>
            </tbody>
          </table>
  </xsl:template>

  <!-- 現行：第2版（2026年4月1日承認、2026年5月1日施行）　リビジョン … -->
  <xsl:template match="k:revision">
    <div>
      <dt><xsl:value-of select="@label"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="@absent = 'true'">（この規程なし）</xsl:when>
          <xsl:when test="@version">
            <xsl:text>第</xsl:text>
            <xsl:value-of select="@version"/>
            <xsl:text>版（</xsl:text>
            <time datetime="{@approved}"><xsl:value-of select="@approved-text"/></time>
            <xsl:text>承認</xsl:text>
            <xsl:if test="@effective and @effective != @approved">
              <xsl:text>、</xsl:text>
              <time datetime="{@effective}"><xsl:value-of select="@effective-text"/></time>
              <xsl:text>施行</xsl:text>
            </xsl:if>
            <xsl:text>）</xsl:text>
          </xsl:when>
          <xsl:otherwise>（なし）</xsl:otherwise>
        </xsl:choose>
        <xsl:text>　リビジョン </xsl:text>
        <code title="{@revision}"><xsl:value-of select="@revision-short"/></code>
        <xsl:if test="@date">
          <xsl:text>（</xsl:text>
          <time datetime="{@date}"><xsl:value-of select="@date-text"/></time>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </dd>
    </div>
  </xsl:template>

  <!-- A run of unchanged sections. -->
  <xsl:template match="k:body/k:omitted">
    <tr class="sk-row sk-row-omitted">
      <xsl:call-template name="omitted-cell">
        <xsl:with-param name="side" select="$left"/>
      </xsl:call-template>
      <xsl:call-template name="omitted-cell">
        <xsl:with-param name="side" select="$right"/>
      </xsl:call-template>
    </tr>
  </xsl:template>

  <xsl:template name="omitted-cell">
    <xsl:param name="side"/>
    <td>
      <xsl:call-template name="cell-label">
        <xsl:with-param name="side" select="$side"/>
      </xsl:call-template>
      <p class="sk-omitted">（略）</p>
    </td>
  </xsl:template>

  <!-- The column's name, shown above each cell where the columns stack (phones). -->
  <xsl:template name="cell-label">
    <xsl:param name="side"/>
    <span class="sk-label">
      <xsl:value-of select="/k:shinkyu/k:revision[@side = $side]/@label"/>
    </span>
  </xsl:template>

  <!-- A changed, new, deleted or moved section. -->
  <xsl:template match="k:pair">
    <tr class="sk-row sk-row-{@kind}">
      <xsl:call-template name="pair-cell">
        <xsl:with-param name="side" select="$left"/>
      </xsl:call-template>
      <xsl:call-template name="pair-cell">
        <xsl:with-param name="side" select="$right"/>
      </xsl:call-template>
    </tr>
  </xsl:template>

  <xsl:template name="pair-cell">
    <xsl:param name="side"/>
    <xsl:variable name="content" select="*[local-name() = $side]"/>
    <td>
      <xsl:call-template name="cell-label">
        <xsl:with-param name="side" select="$side"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="not($content) and $side = 'old'">
          <p class="sk-placeholder">（新設）</p>
        </xsl:when>
        <xsl:when test="not($content)">
          <p class="sk-placeholder">（削除）</p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="@kind = 'moved'">
            <p class="sk-note">
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
            </p>
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
            <p class="sk-where"><xsl:value-of select="$content/@location"/></p>
          </xsl:if>
          <xsl:apply-templates select="$content/*"/>
        </xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

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

  <xsl:template match="k:heading">
    <p class="sk-heading sk-h{@level}"><xsl:apply-templates/></p>
  </xsl:template>

  <!--
    A paragraph that begins with its number (「2　…」, a 項) hangs as in the
    manual: the number at the margin, the lines after it one character in.
  -->
  <xsl:template match="k:para">
    <xsl:variable name="num" select="substring-before(string(.), '　')"/>
    <p class="sk-para">
      <xsl:if test="not(@depth) and string-length($num) &gt; 0 and string-length($num) &lt; 4 and
          translate($num, '0123456789０１２３４５６７８９', '') = ''">
        <xsl:attribute name="class">sk-para sk-kou</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="depth"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A paragraph (項) or item (号) with no counterpart in the other column. -->
  <xsl:template match="k:gap">
    <p class="sk-placeholder">
      <xsl:choose>
        <xsl:when test="@kind = 'new'">（新設）</xsl:when>
        <xsl:otherwise>（削除）</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="k:item">
    <p class="sk-item">
      <xsl:call-template name="depth"/>
      <xsl:choose>
        <xsl:when test="@marker-changed = 'true' and ancestor::k:old">
          <del>
            <span class="vh">［ここから削除］</span>
            <span class="sk-marker"><xsl:value-of select="@marker"/></span>
            <span class="vh">［ここまで削除］</span>
          </del>
        </xsl:when>
        <xsl:when test="@marker-changed = 'true'">
          <ins>
            <span class="vh">［ここから追加］</span>
            <span class="sk-marker"><xsl:value-of select="@marker"/></span>
            <span class="vh">［ここまで追加］</span>
          </ins>
        </xsl:when>
        <xsl:otherwise>
          <span class="sk-marker"><xsl:value-of select="@marker"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- Nesting inside lists and quotes, as a class: pages carry no inline styles. -->
  <xsl:template name="depth">
    <xsl:if test="@depth">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('sk-', local-name(), ' sk-depth-', @depth)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="k:code">
    <pre class="sk-code"><xsl:apply-templates/></pre>
  </xsl:template>

  <!-- Unchanged blocks inside a changed section. -->
  <xsl:template match="k:old/k:omitted | k:new/k:omitted">
    <p class="sk-omitted">（略）</p>
  </xsl:template>

  <xsl:template match="k:table">
    <div class="sk-table-wrap">
      <table class="sk-table">
        <xsl:apply-templates select="k:row | k:omitted"/>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="k:table/k:row">
    <tr><xsl:apply-templates select="k:cell"/></tr>
  </xsl:template>

  <!-- No predicate in the pattern: libxslt would count the siblings of every node it tests (issue 11). -->
  <xsl:template match="k:cell">
    <xsl:choose>
      <xsl:when test="../@header = 'true'"><th scope="col"><xsl:apply-templates/></th></xsl:when>
      <xsl:otherwise><td><xsl:apply-templates/></td></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Unchanged rows of a changed table: one row across every column. -->
  <xsl:template match="k:table/k:omitted">
    <xsl:variable name="cols">
      <xsl:for-each select="../k:row">
        <xsl:sort select="count(k:cell)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(k:cell)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <tr>
      <td class="sk-omitted" colspan="{$cols}">（略）</td>
    </tr>
  </xsl:template>

  <!-- ================================================================
       Changed wording
       ================================================================ -->

  <xsl:template match="k:ins">
    <ins>
      <span class="vh">［ここから追加］</span>
      <xsl:apply-templates/>
      <span class="vh">［ここまで追加］</span>
    </ins>
  </xsl:template>

  <xsl:template match="k:del">
    <del>
      <span class="vh">［ここから削除］</span>
      <xsl:apply-templates/>
      <span class="vh">［ここまで削除］</span>
    </del>
  </xsl:template>

  <xsl:template match="k:br">
    <br/>
  </xsl:template>

</xsl:stylesheet>
