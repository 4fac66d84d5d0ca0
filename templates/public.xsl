<?xml version="1.0" encoding="UTF-8"?>
<!--
  kitei: the public crisis-response page (Art. 13-2), output/public/index.html.

  Input: the document assemble_public() builds (root k:public, CommonMark XML
  as md:), which holds public sections only.  This template adds nothing from
  elsewhere and copies no element of its input: every element written here is
  one of its own, every text goes through "text" (platform-dependent
  characters replaced), and a link keeps its target only when the scheme is
  http, https, mailto or tel, or when it is relative.  See docs/public-page.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="k md exsl str">

<!-- libxslt adds the charset meta itself; indenting is off so that no white space lands inside Japanese text. -->
<xsl:output method="html" encoding="UTF-8" indent="no"/>
<xsl:strip-space elements="*"/>
<xsl:preserve-space elements="md:text md:code md:code_block"/>

<xsl:variable name="title" select="normalize-space(/k:public/@title)"/>
<xsl:variable name="nl" select="'&#10;'"/>

<!--
  Platform-dependent characters (機種依存文字) and what a page shows instead.
  Generated once from Unicode ranges: circled and parenthesised numbers,
  letters, kana and ideographs, Roman numerals, squared words and units.
-->
<xsl:variable name="pd-map-rtf">
		<k:m f="①" t="(1)"/>
		<k:m f="②" t="(2)"/>
		<k:m f="③" t="(3)"/>
		<k:m f="④" t="(4)"/>
		<k:m f="⑤" t="(5)"/>
		<k:m f="⑥" t="(6)"/>
		<k:m f="⑦" t="(7)"/>
		<k:m f="⑧" t="(8)"/>
		<k:m f="⑨" t="(9)"/>
		<k:m f="⑩" t="(10)"/>
		<k:m f="⑪" t="(11)"/>
		<k:m f="⑫" t="(12)"/>
		<k:m f="⑬" t="(13)"/>
		<k:m f="⑭" t="(14)"/>
		<k:m f="⑮" t="(15)"/>
		<k:m f="⑯" t="(16)"/>
		<k:m f="⑰" t="(17)"/>
		<k:m f="⑱" t="(18)"/>
		<k:m f="⑲" t="(19)"/>
		<k:m f="⑳" t="(20)"/>
		<k:m f="㉑" t="(21)"/>
		<k:m f="㉒" t="(22)"/>
		<k:m f="㉓" t="(23)"/>
		<k:m f="㉔" t="(24)"/>
		<k:m f="㉕" t="(25)"/>
		<k:m f="㉖" t="(26)"/>
		<k:m f="㉗" t="(27)"/>
		<k:m f="㉘" t="(28)"/>
		<k:m f="㉙" t="(29)"/>
		<k:m f="㉚" t="(30)"/>
		<k:m f="㉛" t="(31)"/>
		<k:m f="㉜" t="(32)"/>
		<k:m f="㉝" t="(33)"/>
		<k:m f="㉞" t="(34)"/>
		<k:m f="㉟" t="(35)"/>
		<k:m f="㊱" t="(36)"/>
		<k:m f="㊲" t="(37)"/>
		<k:m f="㊳" t="(38)"/>
		<k:m f="㊴" t="(39)"/>
		<k:m f="㊵" t="(40)"/>
		<k:m f="㊶" t="(41)"/>
		<k:m f="㊷" t="(42)"/>
		<k:m f="㊸" t="(43)"/>
		<k:m f="㊹" t="(44)"/>
		<k:m f="㊺" t="(45)"/>
		<k:m f="㊻" t="(46)"/>
		<k:m f="㊼" t="(47)"/>
		<k:m f="㊽" t="(48)"/>
		<k:m f="㊾" t="(49)"/>
		<k:m f="㊿" t="(50)"/>
		<k:m f="⓪" t="(0)"/>
		<k:m f="⑴" t="(1)"/>
		<k:m f="⑵" t="(2)"/>
		<k:m f="⑶" t="(3)"/>
		<k:m f="⑷" t="(4)"/>
		<k:m f="⑸" t="(5)"/>
		<k:m f="⑹" t="(6)"/>
		<k:m f="⑺" t="(7)"/>
		<k:m f="⑻" t="(8)"/>
		<k:m f="⑼" t="(9)"/>
		<k:m f="⑽" t="(10)"/>
		<k:m f="⑾" t="(11)"/>
		<k:m f="⑿" t="(12)"/>
		<k:m f="⒀" t="(13)"/>
		<k:m f="⒁" t="(14)"/>
		<k:m f="⒂" t="(15)"/>
		<k:m f="⒃" t="(16)"/>
		<k:m f="⒄" t="(17)"/>
		<k:m f="⒅" t="(18)"/>
		<k:m f="⒆" t="(19)"/>
		<k:m f="⒇" t="(20)"/>
		<k:m f="⒈" t="1."/>
		<k:m f="⒉" t="2."/>
		<k:m f="⒊" t="3."/>
		<k:m f="⒋" t="4."/>
		<k:m f="⒌" t="5."/>
		<k:m f="⒍" t="6."/>
		<k:m f="⒎" t="7."/>
		<k:m f="⒏" t="8."/>
		<k:m f="⒐" t="9."/>
		<k:m f="⒑" t="10."/>
		<k:m f="⒒" t="11."/>
		<k:m f="⒓" t="12."/>
		<k:m f="⒔" t="13."/>
		<k:m f="⒕" t="14."/>
		<k:m f="⒖" t="15."/>
		<k:m f="⒗" t="16."/>
		<k:m f="⒘" t="17."/>
		<k:m f="⒙" t="18."/>
		<k:m f="⒚" t="19."/>
		<k:m f="⒛" t="20."/>
		<k:m f="❶" t="(1)"/>
		<k:m f="❷" t="(2)"/>
		<k:m f="❸" t="(3)"/>
		<k:m f="❹" t="(4)"/>
		<k:m f="❺" t="(5)"/>
		<k:m f="❻" t="(6)"/>
		<k:m f="❼" t="(7)"/>
		<k:m f="❽" t="(8)"/>
		<k:m f="❾" t="(9)"/>
		<k:m f="❿" t="(10)"/>
		<k:m f="➀" t="(1)"/>
		<k:m f="➁" t="(2)"/>
		<k:m f="➂" t="(3)"/>
		<k:m f="➃" t="(4)"/>
		<k:m f="➄" t="(5)"/>
		<k:m f="➅" t="(6)"/>
		<k:m f="➆" t="(7)"/>
		<k:m f="➇" t="(8)"/>
		<k:m f="➈" t="(9)"/>
		<k:m f="➉" t="(10)"/>
		<k:m f="➊" t="(1)"/>
		<k:m f="➋" t="(2)"/>
		<k:m f="➌" t="(3)"/>
		<k:m f="➍" t="(4)"/>
		<k:m f="➎" t="(5)"/>
		<k:m f="➏" t="(6)"/>
		<k:m f="➐" t="(7)"/>
		<k:m f="➑" t="(8)"/>
		<k:m f="➒" t="(9)"/>
		<k:m f="➓" t="(10)"/>
		<k:m f="⓫" t="(11)"/>
		<k:m f="⓬" t="(12)"/>
		<k:m f="⓭" t="(13)"/>
		<k:m f="⓮" t="(14)"/>
		<k:m f="⓯" t="(15)"/>
		<k:m f="⓰" t="(16)"/>
		<k:m f="⓱" t="(17)"/>
		<k:m f="⓲" t="(18)"/>
		<k:m f="⓳" t="(19)"/>
		<k:m f="⓴" t="(20)"/>
		<k:m f="⓵" t="(1)"/>
		<k:m f="⓶" t="(2)"/>
		<k:m f="⓷" t="(3)"/>
		<k:m f="⓸" t="(4)"/>
		<k:m f="⓹" t="(5)"/>
		<k:m f="⓺" t="(6)"/>
		<k:m f="⓻" t="(7)"/>
		<k:m f="⓼" t="(8)"/>
		<k:m f="⓽" t="(9)"/>
		<k:m f="⓾" t="(10)"/>
		<k:m f="⒜" t="(a)"/>
		<k:m f="⒝" t="(b)"/>
		<k:m f="⒞" t="(c)"/>
		<k:m f="⒟" t="(d)"/>
		<k:m f="⒠" t="(e)"/>
		<k:m f="⒡" t="(f)"/>
		<k:m f="⒢" t="(g)"/>
		<k:m f="⒣" t="(h)"/>
		<k:m f="⒤" t="(i)"/>
		<k:m f="⒥" t="(j)"/>
		<k:m f="⒦" t="(k)"/>
		<k:m f="⒧" t="(l)"/>
		<k:m f="⒨" t="(m)"/>
		<k:m f="⒩" t="(n)"/>
		<k:m f="⒪" t="(o)"/>
		<k:m f="⒫" t="(p)"/>
		<k:m f="⒬" t="(q)"/>
		<k:m f="⒭" t="(r)"/>
		<k:m f="⒮" t="(s)"/>
		<k:m f="⒯" t="(t)"/>
		<k:m f="⒰" t="(u)"/>
		<k:m f="⒱" t="(v)"/>
		<k:m f="⒲" t="(w)"/>
		<k:m f="⒳" t="(x)"/>
		<k:m f="⒴" t="(y)"/>
		<k:m f="⒵" t="(z)"/>
		<k:m f="Ⓐ" t="(A)"/>
		<k:m f="Ⓑ" t="(B)"/>
		<k:m f="Ⓒ" t="(C)"/>
		<k:m f="Ⓓ" t="(D)"/>
		<k:m f="Ⓔ" t="(E)"/>
		<k:m f="Ⓕ" t="(F)"/>
		<k:m f="Ⓖ" t="(G)"/>
		<k:m f="Ⓗ" t="(H)"/>
		<k:m f="Ⓘ" t="(I)"/>
		<k:m f="Ⓙ" t="(J)"/>
		<k:m f="Ⓚ" t="(K)"/>
		<k:m f="Ⓛ" t="(L)"/>
		<k:m f="Ⓜ" t="(M)"/>
		<k:m f="Ⓝ" t="(N)"/>
		<k:m f="Ⓞ" t="(O)"/>
		<k:m f="Ⓟ" t="(P)"/>
		<k:m f="Ⓠ" t="(Q)"/>
		<k:m f="Ⓡ" t="(R)"/>
		<k:m f="Ⓢ" t="(S)"/>
		<k:m f="Ⓣ" t="(T)"/>
		<k:m f="Ⓤ" t="(U)"/>
		<k:m f="Ⓥ" t="(V)"/>
		<k:m f="Ⓦ" t="(W)"/>
		<k:m f="Ⓧ" t="(X)"/>
		<k:m f="Ⓨ" t="(Y)"/>
		<k:m f="Ⓩ" t="(Z)"/>
		<k:m f="ⓐ" t="(a)"/>
		<k:m f="ⓑ" t="(b)"/>
		<k:m f="ⓒ" t="(c)"/>
		<k:m f="ⓓ" t="(d)"/>
		<k:m f="ⓔ" t="(e)"/>
		<k:m f="ⓕ" t="(f)"/>
		<k:m f="ⓖ" t="(g)"/>
		<k:m f="ⓗ" t="(h)"/>
		<k:m f="ⓘ" t="(i)"/>
		<k:m f="ⓙ" t="(j)"/>
		<k:m f="ⓚ" t="(k)"/>
		<k:m f="ⓛ" t="(l)"/>
		<k:m f="ⓜ" t="(m)"/>
		<k:m f="ⓝ" t="(n)"/>
		<k:m f="ⓞ" t="(o)"/>
		<k:m f="ⓟ" t="(p)"/>
		<k:m f="ⓠ" t="(q)"/>
		<k:m f="ⓡ" t="(r)"/>
		<k:m f="ⓢ" t="(s)"/>
		<k:m f="ⓣ" t="(t)"/>
		<k:m f="ⓤ" t="(u)"/>
		<k:m f="ⓥ" t="(v)"/>
		<k:m f="ⓦ" t="(w)"/>
		<k:m f="ⓧ" t="(x)"/>
		<k:m f="ⓨ" t="(y)"/>
		<k:m f="ⓩ" t="(z)"/>
		<k:m f="Ⅰ" t="1"/>
		<k:m f="Ⅱ" t="2"/>
		<k:m f="Ⅲ" t="3"/>
		<k:m f="Ⅳ" t="4"/>
		<k:m f="Ⅴ" t="5"/>
		<k:m f="Ⅵ" t="6"/>
		<k:m f="Ⅶ" t="7"/>
		<k:m f="Ⅷ" t="8"/>
		<k:m f="Ⅸ" t="9"/>
		<k:m f="Ⅹ" t="10"/>
		<k:m f="Ⅺ" t="11"/>
		<k:m f="Ⅻ" t="12"/>
		<k:m f="Ⅼ" t="50"/>
		<k:m f="Ⅽ" t="100"/>
		<k:m f="Ⅾ" t="500"/>
		<k:m f="Ⅿ" t="1000"/>
		<k:m f="ⅰ" t="1"/>
		<k:m f="ⅱ" t="2"/>
		<k:m f="ⅲ" t="3"/>
		<k:m f="ⅳ" t="4"/>
		<k:m f="ⅴ" t="5"/>
		<k:m f="ⅵ" t="6"/>
		<k:m f="ⅶ" t="7"/>
		<k:m f="ⅷ" t="8"/>
		<k:m f="ⅸ" t="9"/>
		<k:m f="ⅹ" t="10"/>
		<k:m f="ⅺ" t="11"/>
		<k:m f="ⅻ" t="12"/>
		<k:m f="ⅼ" t="50"/>
		<k:m f="ⅽ" t="100"/>
		<k:m f="ⅾ" t="500"/>
		<k:m f="ⅿ" t="1000"/>
		<k:m f="㋐" t="(ア)"/>
		<k:m f="㋑" t="(イ)"/>
		<k:m f="㋒" t="(ウ)"/>
		<k:m f="㋓" t="(エ)"/>
		<k:m f="㋔" t="(オ)"/>
		<k:m f="㋕" t="(カ)"/>
		<k:m f="㋖" t="(キ)"/>
		<k:m f="㋗" t="(ク)"/>
		<k:m f="㋘" t="(ケ)"/>
		<k:m f="㋙" t="(コ)"/>
		<k:m f="㋚" t="(サ)"/>
		<k:m f="㋛" t="(シ)"/>
		<k:m f="㋜" t="(ス)"/>
		<k:m f="㋝" t="(セ)"/>
		<k:m f="㋞" t="(ソ)"/>
		<k:m f="㋟" t="(タ)"/>
		<k:m f="㋠" t="(チ)"/>
		<k:m f="㋡" t="(ツ)"/>
		<k:m f="㋢" t="(テ)"/>
		<k:m f="㋣" t="(ト)"/>
		<k:m f="㋤" t="(ナ)"/>
		<k:m f="㋥" t="(ニ)"/>
		<k:m f="㋦" t="(ヌ)"/>
		<k:m f="㋧" t="(ネ)"/>
		<k:m f="㋨" t="(ノ)"/>
		<k:m f="㋩" t="(ハ)"/>
		<k:m f="㋪" t="(ヒ)"/>
		<k:m f="㋫" t="(フ)"/>
		<k:m f="㋬" t="(ヘ)"/>
		<k:m f="㋭" t="(ホ)"/>
		<k:m f="㋮" t="(マ)"/>
		<k:m f="㋯" t="(ミ)"/>
		<k:m f="㋰" t="(ム)"/>
		<k:m f="㋱" t="(メ)"/>
		<k:m f="㋲" t="(モ)"/>
		<k:m f="㋳" t="(ヤ)"/>
		<k:m f="㋴" t="(ユ)"/>
		<k:m f="㋵" t="(ヨ)"/>
		<k:m f="㋶" t="(ラ)"/>
		<k:m f="㋷" t="(リ)"/>
		<k:m f="㋸" t="(ル)"/>
		<k:m f="㋹" t="(レ)"/>
		<k:m f="㋺" t="(ロ)"/>
		<k:m f="㋻" t="(ワ)"/>
		<k:m f="㋼" t="(ヰ)"/>
		<k:m f="㋽" t="(ヱ)"/>
		<k:m f="㋾" t="(ヲ)"/>
		<k:m f="㈱" t="(株)"/>
		<k:m f="㈲" t="(有)"/>
		<k:m f="㈳" t="(社)"/>
		<k:m f="㈴" t="(名)"/>
		<k:m f="㈵" t="(特)"/>
		<k:m f="㈶" t="(財)"/>
		<k:m f="㈷" t="(祝)"/>
		<k:m f="㈸" t="(労)"/>
		<k:m f="㈹" t="(代)"/>
		<k:m f="㈺" t="(呼)"/>
		<k:m f="㈻" t="(学)"/>
		<k:m f="㈼" t="(監)"/>
		<k:m f="㈽" t="(企)"/>
		<k:m f="㈾" t="(資)"/>
		<k:m f="㈿" t="(協)"/>
		<k:m f="㉀" t="(祭)"/>
		<k:m f="㉁" t="(休)"/>
		<k:m f="㉂" t="(自)"/>
		<k:m f="㉃" t="(至)"/>
		<k:m f="㈠" t="(一)"/>
		<k:m f="㈡" t="(二)"/>
		<k:m f="㈢" t="(三)"/>
		<k:m f="㈣" t="(四)"/>
		<k:m f="㈤" t="(五)"/>
		<k:m f="㈥" t="(六)"/>
		<k:m f="㈦" t="(七)"/>
		<k:m f="㈧" t="(八)"/>
		<k:m f="㈨" t="(九)"/>
		<k:m f="㈩" t="(十)"/>
		<k:m f="㈪" t="(月)"/>
		<k:m f="㈫" t="(火)"/>
		<k:m f="㈬" t="(水)"/>
		<k:m f="㈭" t="(木)"/>
		<k:m f="㈮" t="(金)"/>
		<k:m f="㈯" t="(土)"/>
		<k:m f="㈰" t="(日)"/>
		<k:m f="㊀" t="(一)"/>
		<k:m f="㊁" t="(二)"/>
		<k:m f="㊂" t="(三)"/>
		<k:m f="㊃" t="(四)"/>
		<k:m f="㊄" t="(五)"/>
		<k:m f="㊅" t="(六)"/>
		<k:m f="㊆" t="(七)"/>
		<k:m f="㊇" t="(八)"/>
		<k:m f="㊈" t="(九)"/>
		<k:m f="㊉" t="(十)"/>
		<k:m f="㊊" t="(月)"/>
		<k:m f="㊋" t="(火)"/>
		<k:m f="㊌" t="(水)"/>
		<k:m f="㊍" t="(木)"/>
		<k:m f="㊎" t="(金)"/>
		<k:m f="㊏" t="(土)"/>
		<k:m f="㊐" t="(日)"/>
		<k:m f="㊑" t="(株)"/>
		<k:m f="㊒" t="(有)"/>
		<k:m f="㊓" t="(社)"/>
		<k:m f="㊔" t="(名)"/>
		<k:m f="㊕" t="(特)"/>
		<k:m f="㊖" t="(財)"/>
		<k:m f="㊗" t="(祝)"/>
		<k:m f="㊘" t="(労)"/>
		<k:m f="㊙" t="(秘)"/>
		<k:m f="㊚" t="(男)"/>
		<k:m f="㊛" t="(女)"/>
		<k:m f="㊜" t="(適)"/>
		<k:m f="㊝" t="(優)"/>
		<k:m f="㊞" t="(印)"/>
		<k:m f="㊟" t="(注)"/>
		<k:m f="㊠" t="(項)"/>
		<k:m f="㊡" t="(休)"/>
		<k:m f="㊢" t="(写)"/>
		<k:m f="㊣" t="(正)"/>
		<k:m f="㊤" t="(上)"/>
		<k:m f="㊥" t="(中)"/>
		<k:m f="㊦" t="(下)"/>
		<k:m f="㊧" t="(左)"/>
		<k:m f="㊨" t="(右)"/>
		<k:m f="㊩" t="(医)"/>
		<k:m f="㊪" t="(宗)"/>
		<k:m f="㊫" t="(学)"/>
		<k:m f="㊬" t="(監)"/>
		<k:m f="㊭" t="(企)"/>
		<k:m f="㊮" t="(資)"/>
		<k:m f="㊯" t="(協)"/>
		<k:m f="㊰" t="(夜)"/>
		<k:m f="㍻" t="平成"/>
		<k:m f="㍼" t="昭和"/>
		<k:m f="㍽" t="大正"/>
		<k:m f="㍾" t="明治"/>
		<k:m f="㋿" t="令和"/>
		<k:m f="㍿" t="株式会社"/>
		<k:m f="㌀" t="アパート"/>
		<k:m f="㌃" t="アール"/>
		<k:m f="㌍" t="カロリー"/>
		<k:m f="㌔" t="キロ"/>
		<k:m f="㌘" t="グラム"/>
		<k:m f="㌢" t="センチ"/>
		<k:m f="㌣" t="セント"/>
		<k:m f="㌦" t="ドル"/>
		<k:m f="㌧" t="トン"/>
		<k:m f="㌫" t="パーセント"/>
		<k:m f="㌶" t="ヘクタール"/>
		<k:m f="㌻" t="ページ"/>
		<k:m f="㍉" t="ミリ"/>
		<k:m f="㍊" t="ミリバール"/>
		<k:m f="㍍" t="メートル"/>
		<k:m f="㍑" t="リットル"/>
		<k:m f="㍗" t="ワット"/>
		<k:m f="㌖" t="キロメートル"/>
		<k:m f="㌕" t="キログラム"/>
		<k:m f="㌹" t="ヘルツ"/>
		<k:m f="㎜" t="mm"/>
		<k:m f="㎝" t="cm"/>
		<k:m f="㎞" t="km"/>
		<k:m f="㎎" t="mg"/>
		<k:m f="㎏" t="kg"/>
		<k:m f="㏄" t="cc"/>
		<k:m f="㎡" t="m²"/>
		<k:m f="㎥" t="m³"/>
		<k:m f="㎖" t="ml"/>
		<k:m f="㎗" t="dl"/>
		<k:m f="㎘" t="kl"/>
		<k:m f="№" t="No."/>
		<k:m f="℡" t="TEL"/>
		<k:m f="㏍" t="K.K."/>
		<k:m f="〝" t="“"/>
		<k:m f="〟" t="”"/>
</xsl:variable>
<xsl:variable name="pd-map" select="exsl:node-set($pd-map-rtf)/*"/>
<xsl:variable name="pd-chars">
	<xsl:for-each select="$pd-map"><xsl:value-of select="@f"/></xsl:for-each>
</xsl:variable>

<!-- Any text: platform-dependent characters replaced. -->
<xsl:template name="text">
	<xsl:param name="s" select="string(.)"/>
	<xsl:choose>
		<xsl:when test="translate($s, $pd-chars, '') = $s">
			<xsl:value-of select="$s"/>
		</xsl:when>
		<xsl:otherwise>
			<xsl:call-template name="replace-each">
				<xsl:with-param name="s" select="$s"/>
				<xsl:with-param name="map" select="$pd-map[contains($s, @f)]"/>
			</xsl:call-template>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template name="replace-each">
	<xsl:param name="s"/>
	<xsl:param name="map"/>
	<xsl:choose>
		<xsl:when test="not($map)"><xsl:value-of select="$s"/></xsl:when>
		<xsl:otherwise>
			<xsl:call-template name="replace-each">
				<xsl:with-param name="s" select="str:replace($s, string($map[1]/@f), string($map[1]/@t))"/>
				<xsl:with-param name="map" select="$map[position() &gt; 1]"/>
			</xsl:call-template>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!--
  A level-1 section whose heading is the page's title gives the page its
  introduction: its heading is not repeated.  Every other section becomes a
  heading one below its nearest shown ancestor, so headings run h1, h2, h3 …
  without gaps whatever levels the source used.
-->
<xsl:template name="shown-depth">
	<xsl:param name="of" select="."/>
	<xsl:value-of select="count($of/ancestor-or-self::k:section[not(@level = 1 and normalize-space(@heading) = $title)])"/>
</xsl:template>

<xsl:template match="/">
	<xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
	<xsl:apply-templates select="k:public"/>
	<xsl:value-of select="$nl"/>
</xsl:template>

<xsl:template match="k:public">
	<xsl:variable name="org">
		<xsl:call-template name="text"><xsl:with-param name="s" select="string(@organization)"/></xsl:call-template>
	</xsl:variable>
	<xsl:variable name="page-title">
		<xsl:call-template name="text"><xsl:with-param name="s" select="$title"/></xsl:call-template>
	</xsl:variable>
	<xsl:variable name="top" select=".//k:section[not(@level = 1 and normalize-space(@heading) = $title)]
	    [count(ancestor::k:section[not(@level = 1 and normalize-space(@heading) = $title)]) = 0]"/>
	<html lang="ja">
	<head>
		<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'"/>
		<meta name="viewport" content="width=device-width, initial-scale=1"/>
		<meta name="referrer" content="no-referrer"/>
		<!-- A preview (a draft or a working-tree build) is never indexed, whoever puts it online. -->
		<xsl:if test="@draft = 'true' or @worktree = 'true'">
			<meta name="robots" content="noindex"/>
		</xsl:if>
		<title>
			<xsl:if test="@draft = 'true'">【未承認】</xsl:if>
			<xsl:value-of select="$page-title"/>
			<xsl:if test="string($org) != ''">｜<xsl:value-of select="$org"/></xsl:if>
		</title>
		<link rel="stylesheet" href="public.css"/>
	</head>
	<xsl:value-of select="$nl"/>
	<body>
		<a class="skip" href="#main">本文へ移動</a>
		<xsl:value-of select="$nl"/>
		<header class="site">
			<div class="wrap">
				<p class="org"><xsl:value-of select="$org"/></p>
			</div>
		</header>
		<xsl:value-of select="$nl"/>
		<main id="main" tabindex="-1">
			<div class="wrap">
				<xsl:if test="@draft = 'true'">
					<p class="preview">【未承認】承認されていない内容を含むプレビューです。公開しないでください。</p>
				</xsl:if>
				<xsl:if test="@worktree = 'true'">
					<p class="preview">【未コミット】コミットされていない内容から作成したプレビューです。公開しないでください。</p>
				</xsl:if>
				<h1><xsl:value-of select="$page-title"/></h1>
				<xsl:value-of select="$nl"/>
				<xsl:if test="not(.//k:section) and not(.//md:paragraph)">
					<p>現在、このページに掲載している情報はありません。</p>
				</xsl:if>
				<xsl:apply-templates select="k:chapters/k:chapter">
					<xsl:with-param name="top" select="$top"/>
				</xsl:apply-templates>
				<xsl:if test="string(@contact) != '' and not(.//k:section[contains(@heading, '問い合わせ') or contains(@heading, '問合せ') or contains(@heading, '連絡先') or contains(@heading, '窓口')])">
					<section class="s2">
						<h2 id="contact">お問い合わせ窓口</h2>
						<p><xsl:call-template name="contact"/></p>
					</section>
				</xsl:if>
				<xsl:if test="@established or @updated">
					<dl class="dates">
						<xsl:if test="@established">
							<div><dt>制定日</dt><dd><time datetime="{@established}"><xsl:value-of select="@established-text"/></time></dd></div>
						</xsl:if>
						<xsl:if test="@updated">
							<div><dt>最終更新日</dt><dd><time datetime="{@updated}"><xsl:value-of select="@updated-text"/></time></dd></div>
						</xsl:if>
					</dl>
				</xsl:if>
				<xsl:if test="string($org) != ''">
					<p class="signature"><xsl:value-of select="$org"/></p>
				</xsl:if>
			</div>
		</main>
		<xsl:value-of select="$nl"/>
		<footer class="site">
			<div class="wrap">
				<section class="a11y" aria-labelledby="a11y-label">
					<h2 id="a11y-label">ウェブアクセシビリティについて</h2>
					<p>このページは、日本産業規格 JIS X 8341-3:2016 のレベルAAに準拠することを目標として作成しています。すべての達成基準について試験を行い、準拠を確認したものではありません。<xsl:if test="string(@contact) != ''">ご利用にあたってお気づきの点がございましたら、お問い合わせ窓口までお知らせください。</xsl:if></p>
				</section>
				<xsl:if test="string(@contact) != ''">
					<p class="contact">お問い合わせ窓口：<xsl:call-template name="contact"/></p>
				</xsl:if>
				<p class="copyright">© <xsl:value-of select="$org"/></p>
			</div>
		</footer>
		<xsl:value-of select="$nl"/>
	</body>
	</html>
</xsl:template>

<!-- The table of contents: the top headings, when there are three or more. -->
<xsl:template name="toc">
	<xsl:param name="top" select="/.."/>
	<nav class="toc" aria-labelledby="toc-label">
		<p id="toc-label" class="toc-label">このページの内容</p>
		<ul>
			<xsl:for-each select="$top">
				<li><a href="#{@id}"><xsl:apply-templates select="k:heading/node()" mode="plain"/></a></li>
			</xsl:for-each>
		</ul>
	</nav>
	<xsl:value-of select="$nl"/>
</xsl:template>

<xsl:template match="k:chapter">
	<xsl:param name="top" select="/.."/>
	<xsl:apply-templates>
		<xsl:with-param name="top" select="$top"/>
	</xsl:apply-templates>
</xsl:template>

<xsl:template match="k:section">
	<xsl:param name="top" select="/.."/>
	<xsl:variable name="depth">
		<xsl:call-template name="shown-depth"/>
	</xsl:variable>
	<xsl:choose>
		<xsl:when test="@level = 1 and normalize-space(@heading) = $title">
			<!-- the page title repeated: only its text -->
			<xsl:apply-templates select="*[not(self::k:heading)]">
				<xsl:with-param name="top" select="$top"/>
			</xsl:apply-templates>
		</xsl:when>
		<xsl:otherwise>
			<xsl:variable name="level">
				<xsl:choose>
					<xsl:when test="$depth + 1 &gt; 6">6</xsl:when>
					<xsl:otherwise><xsl:value-of select="$depth + 1"/></xsl:otherwise>
				</xsl:choose>
			</xsl:variable>
			<xsl:if test="count($top) &gt;= 3 and generate-id(.) = generate-id($top[1])">
				<xsl:call-template name="toc"><xsl:with-param name="top" select="$top"/></xsl:call-template>
			</xsl:if>
			<section class="s{$level}">
				<xsl:element name="h{$level}">
					<xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
					<xsl:apply-templates select="k:heading/node()"/>
				</xsl:element>
				<xsl:value-of select="$nl"/>
				<xsl:apply-templates select="*[not(self::k:heading)]"/>
			</section>
			<xsl:value-of select="$nl"/>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- The contact line from kitei.yml; a phone number in it becomes a tel: link. -->
<xsl:template name="contact">
	<xsl:call-template name="phone-link">
		<xsl:with-param name="s" select="string(/k:public/@contact)"/>
	</xsl:call-template>
</xsl:template>

<xsl:variable name="digits" select="'0123456789０１２３４５６７８９'"/>
<xsl:variable name="digits-ascii" select="'01234567890123456789'"/>
<xsl:variable name="dashes" select="'-‐‑–－'"/>

<!--
  Writes s with its first Japanese phone number (10 or 11 digits starting
  with 0, hyphens allowed, ASCII or full-width; among its first 50 runs
  of digits) as a tel: link.
-->
<xsl:template name="phone-link">
	<xsl:param name="s"/>
	<!-- digit runs looked at so far: the search stops after 50, so that a long line cannot recurse deeply -->
	<xsl:param name="runs" select="0"/>
	<xsl:variable name="mask" select="translate($s, concat($digits, $dashes), '#########################')"/>
	<xsl:choose>
		<xsl:when test="not(contains($mask, '#')) or $runs &gt;= 50">
			<xsl:call-template name="text"><xsl:with-param name="s" select="$s"/></xsl:call-template>
		</xsl:when>
		<xsl:otherwise>
			<xsl:variable name="before" select="substring-before($mask, '#')"/>
			<xsl:variable name="rest" select="substring($mask, string-length($before) + 1)"/>
			<xsl:variable name="stop" select="substring(translate($rest, '#', ''), 1, 1)"/>
			<xsl:variable name="run-mask">
				<xsl:choose>
					<xsl:when test="$stop = ''"><xsl:value-of select="$rest"/></xsl:when>
					<xsl:otherwise><xsl:value-of select="substring-before($rest, $stop)"/></xsl:otherwise>
				</xsl:choose>
			</xsl:variable>
			<xsl:variable name="run" select="substring($s, string-length($before) + 1, string-length($run-mask))"/>
			<xsl:variable name="number" select="translate(translate($run, $dashes, ''), $digits, $digits-ascii)"/>
			<xsl:call-template name="text">
				<xsl:with-param name="s" select="substring($s, 1, string-length($before))"/>
			</xsl:call-template>
			<xsl:choose>
				<xsl:when test="starts-with($number, '0') and string-length($number) &gt;= 10 and string-length($number) &lt;= 11">
					<a href="tel:{$number}"><xsl:value-of select="$run"/></a>
					<xsl:call-template name="text">
						<xsl:with-param name="s" select="substring($s, string-length($before) + string-length($run) + 1)"/>
					</xsl:call-template>
				</xsl:when>
				<xsl:otherwise>
					<xsl:value-of select="$run"/>
					<xsl:call-template name="phone-link">
						<xsl:with-param name="s" select="substring($s, string-length($before) + string-length($run) + 1)"/>
						<xsl:with-param name="runs" select="$runs + 1"/>
					</xsl:call-template>
				</xsl:otherwise>
			</xsl:choose>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- ===== CommonMark blocks ===== -->

<xsl:template match="md:paragraph">
	<xsl:choose>
		<!-- a tight list shows its items' paragraphs without <p>, as cmark does -->
		<xsl:when test="(parent::md:item or parent::md:tasklist) and ../../@tight = 'true'">
			<xsl:apply-templates/>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:apply-templates/></p>
			<xsl:value-of select="$nl"/>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- No predicate in the pattern: libxslt would count the siblings of every list it tests (issue 11). -->
<xsl:template match="md:list">
	<xsl:choose>
		<xsl:when test="@type = 'ordered'">
			<ol>
				<xsl:if test="@start and @start != 1">
					<xsl:attribute name="start"><xsl:value-of select="number(@start)"/></xsl:attribute>
				</xsl:if>
				<xsl:apply-templates/>
			</ol>
		</xsl:when>
		<xsl:otherwise>
			<ul><xsl:apply-templates/></ul>
		</xsl:otherwise>
	</xsl:choose>
	<xsl:value-of select="$nl"/>
</xsl:template>

<xsl:template match="md:item | md:tasklist">
	<li><xsl:apply-templates/></li>
</xsl:template>

<xsl:template match="md:block_quote">
	<blockquote><xsl:apply-templates/></blockquote>
	<xsl:value-of select="$nl"/>
</xsl:template>

<xsl:template match="md:code_block">
	<pre><code><xsl:call-template name="text"/></code></pre>
	<xsl:value-of select="$nl"/>
</xsl:template>

<xsl:template match="md:thematic_break">
	<hr/>
</xsl:template>

<!-- A heading inside a list or quote is not a section: bold text keeps the outline intact. -->
<xsl:template match="md:heading">
	<p class="minor-heading"><strong><xsl:apply-templates/></strong></p>
</xsl:template>

<!-- cmark-gfm calls the header row table_header (older output: table_row header="true"). -->
<xsl:template match="md:table">
	<xsl:variable name="head" select="md:table_header | md:table_row[@header = 'true']"/>
	<div class="table">
		<table>
			<xsl:if test="$head">
				<thead>
					<xsl:apply-templates select="$head"/>
				</thead>
			</xsl:if>
			<tbody>
				<xsl:apply-templates select="md:table_row[not(@header = 'true')]"/>
			</tbody>
		</table>
	</div>
	<xsl:value-of select="$nl"/>
</xsl:template>

<xsl:template match="md:table_row | md:table_header">
	<tr><xsl:apply-templates select="md:table_cell"/></tr>
</xsl:template>

<!-- Header cells label columns; a body row's first cell labels its row. -->
<xsl:template match="md:table_cell">
	<xsl:variable name="header" select="boolean(parent::md:table_header or ../@header = 'true')"/>
	<xsl:variable name="name">
		<xsl:choose>
			<xsl:when test="$header or not(preceding-sibling::md:table_cell)">th</xsl:when>
			<xsl:otherwise>td</xsl:otherwise>
		</xsl:choose>
	</xsl:variable>
	<xsl:element name="{$name}">
		<xsl:choose>
			<xsl:when test="$header"><xsl:attribute name="scope">col</xsl:attribute></xsl:when>
			<xsl:when test="$name = 'th'"><xsl:attribute name="scope">row</xsl:attribute></xsl:when>
		</xsl:choose>
		<xsl:if test="@align = 'center' or @align = 'right'">
			<xsl:attribute name="class"><xsl:value-of select="concat('align-', @align)"/></xsl:attribute>
		</xsl:if>
		<xsl:apply-templates/>
	</xsl:element>
</xsl:template>

<!-- ===== CommonMark inlines ===== -->

<xsl:template match="md:text">
	<xsl:call-template name="text"/>
</xsl:template>

<xsl:template match="md:code">
	<code><xsl:call-template name="text"/></code>
</xsl:template>

<xsl:template match="md:emph">
	<xsl:choose>
		<!-- a link whose target was dropped: its text only -->
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

<!--
  A soft break is a space unless kitei decided it joins two characters of
  Japanese (@space, set by assemble from one rule for every output).
-->
<xsl:template match="md:softbreak">
	<xsl:if test="not(@space = 'false')">
		<xsl:text> </xsl:text>
	</xsl:if>
</xsl:template>

<xsl:template match="md:linebreak">
	<br/>
</xsl:template>

<!-- Whether a link target is safe: http(s), mailto, tel or relative (defence in depth: assemble drops the rest). -->
<xsl:template name="safe-url">
	<xsl:param name="u"/>
	<xsl:variable name="l" select="translate($u, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
	<xsl:variable name="head" select="substring-before(concat(translate($l, '?#', '//'), '/'), '/')"/>
	<xsl:choose>
		<xsl:when test="$u = ''"/>
		<xsl:when test="translate($u, ' &#9;&#10;&#13;\', '') != $u"/>
		<xsl:when test="starts-with($l, 'http://') or starts-with($l, 'https://') or starts-with($l, 'mailto:') or starts-with($l, 'tel:')">yes</xsl:when>
		<xsl:when test="starts-with($u, '//')"/>
		<xsl:when test="not(contains($head, ':'))">yes</xsl:when>
	</xsl:choose>
</xsl:template>

<!-- Link titles are not shown: a reference-style link takes its title from a definition that may sit in any section. -->
<xsl:template match="md:link">
	<xsl:variable name="safe">
		<xsl:call-template name="safe-url"><xsl:with-param name="u" select="string(@destination)"/></xsl:call-template>
	</xsl:variable>
	<xsl:variable name="d" select="string(@destination)"/>
	<xsl:choose>
		<!-- policy sources are not published: a link to one would only break -->
		<xsl:when test="$safe != 'yes' or contains(concat($d, '#'), '.md#') or contains(concat($d, '?'), '.md?')">
			<xsl:apply-templates/>
		</xsl:when>
		<xsl:otherwise>
			<a href="{$d}">
				<xsl:apply-templates/>
			</a>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!--
  An image from the policy root in a public section is copied beside the page
  (public/img/, assemble gave it src) and shown from there; the page fetches
  nothing from elsewhere: any other image shows its text alternative.
-->
<xsl:template match="md:image[@src]">
	<img class="md-image" src="{@src}" alt="{normalize-space(@alt)}" width="{@width}" height="{@height}"/>
</xsl:template>
<xsl:template match="md:image">
	<span class="image-alt"><xsl:apply-templates/></span>
</xsl:template>

<!--
  Whatever else: left out, text and all.  Only the elements named above are
  rendered.  Footnotes are among those left out: cmark moves every footnote
  definition to the end of the document, so the section it was written in
  (and that section's visibility) is lost, and a definition from an internal
  section would show up under the last public one.  Raw HTML never reaches
  this template (assemble leaves it out) and would be dropped here too.
-->
<xsl:template match="md:*"/>

<!-- Headings in the table of contents: text without links. -->
<xsl:template match="md:link | md:image | md:emph | md:strong | md:strikethrough | md:code" mode="plain">
	<xsl:apply-templates mode="plain"/>
</xsl:template>
<xsl:template match="md:text | md:code/text()" mode="plain">
	<xsl:call-template name="text"/>
</xsl:template>
<xsl:template match="md:softbreak" mode="plain">
	<xsl:if test="not(@space = 'false')">
		<xsl:text> </xsl:text>
	</xsl:if>
</xsl:template>
<xsl:template match="md:linebreak" mode="plain">
	<xsl:text> </xsl:text>
</xsl:template>
<xsl:template match="text()" mode="plain">
	<xsl:call-template name="text"/>
</xsl:template>

<!-- Unmatched kitei elements and stray text (there should be none). -->
<xsl:template match="k:*">
	<xsl:apply-templates/>
</xsl:template>
<xsl:template match="text()">
	<xsl:call-template name="text"/>
</xsl:template>

</xsl:stylesheet>
