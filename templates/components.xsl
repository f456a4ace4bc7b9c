<?xml version="1.0" encoding="UTF-8"?>
<!--
  Components shared by the pages: KPI labels, values as people read them, change against last month,
  target status, KPI tiles and KPI tables. Suppressed values read "fewer than N …", values without
  data read "no data": the two are never confused and never shown as 0.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:key name="kpi" match="/report/kpis/kpi" use="@id"/>
  <xsl:key name="competency" match="/report/competencies/competency" use="@id"/>
  <xsl:key name="survey" match="/report/surveys/survey" use="@id"/>
  <xsl:key name="cohort" match="/report/cohorts/cohort" use="@id"/>
  <!-- The KPIs of a glossary term: a page links hundreds of labels, each looked up once, not by a
       scan of every KPI. -->
  <xsl:key name="kpi-term" match="/report/kpis/kpi" use="@term"/>

  <xsl:variable name="min-group" select="/report/programme/@min-group-size"/>

  <!-- A KPI's label, as the KPI catalogue gives it in report.xml. -->
  <xsl:template name="label">
    <xsl:param name="id"/>
    <xsl:variable name="kpi" select="key('kpi', $id)"/>
    <xsl:choose>
      <xsl:when test="$kpi/@label"><xsl:value-of select="$kpi/@label"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A KPI's label as a link to its definition in the page's glossary ("What the numbers mean"). -->
  <xsl:template name="defined-label">
    <xsl:param name="id"/>
    <xsl:variable name="kpi" select="key('kpi', $id)"/>
    <xsl:choose>
      <xsl:when test="$kpi/@term"><a class="defined" href="#term-{$kpi/@term}"><xsl:value-of select="$kpi/@label"/></a></xsl:when>
      <xsl:otherwise><xsl:call-template name="label"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text as a link to the glossary's term $key, when the report has KPIs of that term. -->
  <xsl:template name="term-link">
    <xsl:param name="key"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="key('kpi-term', $key)"><a class="defined" href="#term-{$key}"><xsl:value-of select="$text"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page's glossary: the catalogue's definition of each KPI the page shows ($kpis), once per
       term, in catalogue order. Every page that shows KPIs ends with it (layout.xsl's mode
       "page-glossary"); tiles and tables link their labels here. -->
  <xsl:template name="glossary">
    <xsl:param name="kpis"/>
    <xsl:variable name="terms" select="/report/glossary/term[@key = $kpis/@term]"/>
    <xsl:if test="$terms">
      <section class="glossary" aria-labelledby="glossary-heading">
        <h2 id="glossary-heading">What the numbers mean</h2>
        <dl>
          <xsl:for-each select="$terms">
            <dt id="term-{@key}"><xsl:value-of select="@name"/></dt>
            <dd><xsl:value-of select="."/></dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A number in a unit, as people read it. -->
  <xsl:template name="number">
    <xsl:param name="value"/>
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="$unit = 'ratio'"><xsl:value-of select="format-number($value * 100, '0.0')"/>%</xsl:when>
      <xsl:when test="$unit = 'nps'"><xsl:value-of select="format-number($value, '+0.0;−0.0')"/></xsl:when>
      <xsl:when test="$unit = 'likert' or $unit = 'score'"><xsl:value-of select="format-number($value, '0.00')"/></xsl:when>
      <xsl:when test="$unit = 'index' or $unit = 'effect-size' or $unit = 'per-relationship'"><xsl:value-of select="format-number($value, '0.00')"/></xsl:when>
      <xsl:when test="$unit = 'points'"><xsl:value-of select="format-number($value, '0.0')"/></xsl:when>
      <xsl:when test="$unit = 'days'"><xsl:value-of select="format-number($value, '#,##0.#')"/> day<xsl:if test="format-number($value, '0.#') != '1'">s</xsl:if></xsl:when>
      <xsl:when test="$unit = 'hours'"><xsl:value-of select="format-number($value, '#,##0.#')"/> h</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($value, '#,##0.##')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A count with its noun in the right number: "1 session", "2 sessions", "0 sessions". $shown is
       the count as written (formatted), when it differs from $count. -->
  <xsl:template name="count-of">
    <xsl:param name="count"/>
    <xsl:param name="singular"/>
    <xsl:param name="plural" select="concat($singular, 's')"/>
    <xsl:param name="shown" select="$count"/>
    <xsl:value-of select="$shown"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$count = 1"><xsl:value-of select="$singular"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$plural"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An amount of money: with the currency code of program.yaml's costs before it ("GBP 120,000"),
       or the bare number when none is given; pence only when there are some. -->
  <xsl:template name="money">
    <xsl:param name="value"/>
    <xsl:variable name="currency" select="/report/roi/@currency"/>
    <xsl:if test="$currency"><xsl:value-of select="concat($currency, '&#160;')"/></xsl:if>
    <xsl:choose>
      <xsl:when test="$value = floor($value)"><xsl:value-of select="format-number($value, '#,##0')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($value, '#,##0.00')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What a withheld value says instead of a number. -->
  <xsl:template name="withheld">
    <xsl:param name="kpi"/>
    <xsl:choose>
      <xsl:when test="$kpi/@status = 'suppressed' and starts-with($kpi/@id, 'inclusion.')">fewer than <xsl:value-of select="$min-group"/> people</xsl:when>
      <xsl:when test="$kpi/@status = 'suppressed'">fewer than <xsl:value-of select="$min-group"/> responses</xsl:when>
      <xsl:otherwise>no data</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A KPI's value, or why there is none. -->
  <xsl:template name="value">
    <xsl:param name="kpi"/>
    <xsl:choose>
      <xsl:when test="$kpi/@value">
        <xsl:call-template name="number"><xsl:with-param name="value" select="$kpi/@value"/><xsl:with-param name="unit" select="$kpi/@unit"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="withheld"><xsl:call-template name="withheld"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Change against last month, in words and with an arrow. -->
  <xsl:template name="delta">
    <xsl:param name="kpi"/>
    <xsl:choose>
      <xsl:when test="$kpi/@value and $kpi/@previous">
        <xsl:variable name="d" select="$kpi/@value - $kpi/@previous"/>
        <xsl:variable name="size">
          <xsl:choose>
            <xsl:when test="$kpi/@unit = 'ratio'"><xsl:value-of select="format-number(($d * 100) * (($d &gt;= 0) * 2 - 1), '0.0')"/> points</xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="number"><xsl:with-param name="value" select="$d * (($d &gt;= 0) * 2 - 1)"/><xsl:with-param name="unit" select="$kpi/@unit"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$d &gt; 0"><span class="delta up"><span aria-hidden="true">▲ </span>up <xsl:value-of select="translate($size, '+', '')"/> on last month</span></xsl:when>
          <xsl:when test="$d &lt; 0"><span class="delta down"><span aria-hidden="true">▼ </span>down <xsl:value-of select="translate($size, '+', '')"/> on last month</span></xsl:when>
          <xsl:otherwise><span class="delta same"><span aria-hidden="true">● </span>same as last month</span></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><span class="delta none">no comparison with last month</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- On or off target, in words with a symbol. -->
  <xsl:template name="target">
    <xsl:param name="kpi"/>
    <xsl:if test="$kpi/@target">
      <xsl:variable name="t">
        <xsl:call-template name="number"><xsl:with-param name="value" select="$kpi/@target"/><xsl:with-param name="unit" select="$kpi/@unit"/></xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$kpi/@on-target = 'true'"><span class="target on"><span aria-hidden="true">✓ </span>on target (<xsl:value-of select="$t"/>)</span></xsl:when>
        <xsl:when test="$kpi/@on-target = 'false'"><span class="target off"><span aria-hidden="true">✗ </span>off target (<xsl:value-of select="$t"/>)</span></xsl:when>
        <xsl:otherwise><span class="target none">target <xsl:value-of select="$t"/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A KPI tile: label, value, change, target. -->
  <xsl:template name="tile">
    <xsl:param name="id"/>
    <xsl:param name="label">
      <xsl:call-template name="label"><xsl:with-param name="id" select="$id"/></xsl:call-template>
    </xsl:param>
    <!-- Anything more to show in the tile, such as a sparkline. -->
    <xsl:param name="extra"/>
    <xsl:variable name="kpi" select="key('kpi', $id)"/>
    <div class="tile">
      <h3>
        <xsl:choose>
          <xsl:when test="$kpi/@term"><a class="defined" href="#term-{$kpi/@term}"><xsl:value-of select="$label"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
        </xsl:choose>
      </h3>
      <p class="value"><xsl:call-template name="value"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template></p>
      <p class="meta"><xsl:call-template name="delta"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template></p>
      <xsl:if test="$kpi/@target"><p class="meta"><xsl:call-template name="target"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template></p></xsl:if>
      <xsl:copy-of select="$extra"/>
    </div>
  </xsl:template>

  <!-- A table of KPIs: this month, last month, change, target. -->
  <xsl:template name="kpi-table">
    <xsl:param name="kpis"/>
    <xsl:param name="caption"/>
    <div class="table-wrap">
      <table>
        <caption><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr><th scope="col">Measure</th><th scope="col" class="num">This month</th><th scope="col" class="num">Last month</th><th scope="col">Change</th><th scope="col">Target</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$kpis">
            <tr>
              <th scope="row"><xsl:call-template name="defined-label"><xsl:with-param name="id" select="@id"/></xsl:call-template></th>
              <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="."/></xsl:call-template></td>
              <td class="num">
                <xsl:choose>
                  <xsl:when test="@previous"><xsl:call-template name="number"><xsl:with-param name="value" select="@previous"/><xsl:with-param name="unit" select="@unit"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:call-template name="delta"><xsl:with-param name="kpi" select="."/></xsl:call-template></td>
              <td><xsl:call-template name="target"><xsl:with-param name="kpi" select="."/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- A health status in words with its shape. -->
  <xsl:template name="health-label">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'on-track'"><span class="health on-track"><span aria-hidden="true">● </span>on track</span></xsl:when>
      <xsl:when test="$status = 'behind'"><span class="health behind"><span aria-hidden="true">◆ </span>behind</span></xsl:when>
      <xsl:when test="$status = 'at-risk'"><span class="health at-risk"><span aria-hidden="true">▲ </span>at risk</span></xsl:when>
      <xsl:otherwise><span class="health too-early"><span aria-hidden="true">○ </span>too early</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
