<?xml version="1.0" encoding="UTF-8"?>
<!--
  Charts as inline SVG, drawn from report.xml. Every chart has role="img", a <title> and a <desc> that
  say in words what it shows, and the same numbers in a table next to it. Suppressed or missing points
  are gaps, never zeros.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Tunable parameters: chart sizes in SVG user units. -->
  <xsl:param name="chart-width" select="600"/>
  <xsl:param name="chart-height" select="200"/>
  <xsl:param name="trend-width" select="360"/>
  <xsl:param name="trend-height" select="170"/>
  <xsl:param name="spark-width" select="160"/>
  <xsl:param name="spark-height" select="40"/>

  <!-- The largest @value of $points (0 when none). -->
  <xsl:template name="max-value">
    <xsl:param name="points"/>
    <xsl:choose>
      <xsl:when test="$points[@value]">
        <xsl:for-each select="$points[@value]">
          <xsl:sort select="@value" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="@value"/></xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The smallest @value of $points (0 when none). -->
  <xsl:template name="min-value">
    <xsl:param name="points"/>
    <xsl:choose>
      <xsl:when test="$points[@value]">
        <xsl:for-each select="$points[@value]">
          <xsl:sort select="@value" data-type="number" order="ascending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="@value"/></xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The path through the trend's points; a missing point breaks the line. -->
  <xsl:template name="trend-path">
    <xsl:param name="points"/>
    <xsl:param name="x0"/>
    <xsl:param name="step"/>
    <xsl:param name="y0"/>
    <xsl:param name="scale"/>
    <xsl:param name="low" select="0"/>
    <xsl:for-each select="$points">
      <xsl:if test="@value">
        <xsl:choose>
          <xsl:when test="position() = 1 or not(preceding-sibling::point[1]/@value)">M</xsl:when>
          <xsl:otherwise> L</xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="format-number($x0 + (position() - 1) * $step, '0.#')"/>
        <xsl:text>,</xsl:text>
        <xsl:value-of select="format-number($y0 - (@value - $low) * $scale, '0.#')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A line chart of a trend (with its target as a dashed line), or a sparkline when $spark. -->
  <xsl:template name="line-chart">
    <xsl:param name="trend"/>
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="spark" select="false()"/>
    <xsl:variable name="points" select="$trend/point"/>
    <xsl:variable name="kpi" select="key('kpi', $trend/@kpi)"/>
    <xsl:variable name="w" select="($spark * $spark-width) + (not($spark) * $trend-width)"/>
    <xsl:variable name="h" select="($spark * $spark-height) + (not($spark) * $trend-height)"/>
    <xsl:variable name="pad-left" select="not($spark) * 48 + 2"/>
    <xsl:variable name="pad-bottom" select="not($spark) * 24 + 4"/>
    <xsl:variable name="pad-top" select="not($spark) * 12 + 4"/>
    <xsl:variable name="max-data"><xsl:call-template name="max-value"><xsl:with-param name="points" select="$points"/></xsl:call-template></xsl:variable>
    <xsl:variable name="top">
      <xsl:choose>
        <xsl:when test="$trend/@unit = 'ratio'">1</xsl:when>
        <xsl:when test="$trend/@unit = 'likert'">5</xsl:when>
        <xsl:when test="$kpi/@target and $kpi/@target &gt; $max-data"><xsl:value-of select="ceiling($kpi/@target * 1.1)"/></xsl:when>
        <xsl:when test="$max-data &gt; 0"><xsl:value-of select="ceiling($max-data * 1.1)"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="plot-h" select="$h - $pad-top - $pad-bottom"/>
    <xsl:variable name="scale" select="$plot-h div $top"/>
    <xsl:variable name="n" select="count($points)"/>
    <xsl:variable name="step">
      <xsl:choose>
        <xsl:when test="$n &gt; 1"><xsl:value-of select="($w - $pad-left - 8) div ($n - 1)"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="y0" select="$h - $pad-bottom"/>
    <xsl:variable name="first-month"><xsl:call-template name="month-name"><xsl:with-param name="month" select="$points[1]/@month"/></xsl:call-template></xsl:variable>
    <xsl:variable name="last-month"><xsl:call-template name="month-name"><xsl:with-param name="month" select="$points[last()]/@month"/></xsl:call-template></xsl:variable>
    <svg class="chart{substring(' spark', 1, 6 * $spark)}" viewBox="0 0 {$w} {$h}" role="img" aria-labelledby="{$id}-title {$id}-desc" preserveAspectRatio="xMinYMin meet">
      <title id="{$id}-title"><xsl:value-of select="$title"/></title>
      <desc id="{$id}-desc">
        <xsl:value-of select="concat('Monthly values from ', $first-month, ' to ', $last-month, ': ')"/>
        <xsl:for-each select="$points">
          <xsl:call-template name="month-name"><xsl:with-param name="month" select="@month"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="@value"><xsl:call-template name="number"><xsl:with-param name="value" select="@value"/><xsl:with-param name="unit" select="$trend/@unit"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="withheld"><xsl:with-param name="kpi" select="."/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="position() != last()">; </xsl:if>
        </xsl:for-each>
        <xsl:if test="$kpi/@target">. Target: <xsl:call-template name="number"><xsl:with-param name="value" select="$kpi/@target"/><xsl:with-param name="unit" select="$trend/@unit"/></xsl:call-template></xsl:if>
        <xsl:text>.</xsl:text>
      </desc>
      <xsl:if test="not($spark)">
        <line class="axis" x1="{$pad-left}" y1="{$y0}" x2="{$w - 4}" y2="{$y0}"/>
        <line class="grid" x1="{$pad-left}" y1="{$pad-top}" x2="{$w - 4}" y2="{$pad-top}"/>
        <text class="tick" x="{$pad-left - 6}" y="{$y0 + 4}" text-anchor="end">0</text>
        <text class="tick" x="{$pad-left - 6}" y="{$pad-top + 4}" text-anchor="end">
          <xsl:call-template name="number"><xsl:with-param name="value" select="$top"/><xsl:with-param name="unit" select="$trend/@unit"/></xsl:call-template>
        </text>
        <text class="tick" x="{$pad-left}" y="{$h - 6}"><xsl:value-of select="$points[1]/@month"/></text>
        <text class="tick" x="{$w - 4}" y="{$h - 6}" text-anchor="end"><xsl:value-of select="$points[last()]/@month"/></text>
      </xsl:if>
      <xsl:if test="$kpi/@target">
        <line class="target-line" x1="{$pad-left}" x2="{$w - 4}" y1="{format-number($y0 - $kpi/@target * $scale, '0.#')}" y2="{format-number($y0 - $kpi/@target * $scale, '0.#')}"/>
      </xsl:if>
      <path class="series" fill="none">
        <xsl:attribute name="d">
          <xsl:call-template name="trend-path">
            <xsl:with-param name="points" select="$points"/><xsl:with-param name="x0" select="$pad-left"/>
            <xsl:with-param name="step" select="$step"/><xsl:with-param name="y0" select="$y0"/><xsl:with-param name="scale" select="$scale"/>
          </xsl:call-template>
        </xsl:attribute>
      </path>
      <xsl:for-each select="$points">
        <xsl:if test="@value">
          <circle class="dot" r="{3 - $spark}" cx="{format-number($pad-left + (position() - 1) * $step, '0.#')}" cy="{format-number($y0 - @value * $scale, '0.#')}"/>
        </xsl:if>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <!-- The numbers of a trend as a table (the chart's text alternative). -->
  <xsl:template name="trend-table">
    <xsl:param name="trend"/>
    <xsl:param name="caption"/>
    <details class="chart-data">
      <summary>Show the numbers</summary>
      <div class="table-wrap">
        <table>
          <caption><xsl:value-of select="$caption"/></caption>
          <thead><tr><th scope="col">Month</th><th scope="col" class="num">Value</th></tr></thead>
          <tbody>
            <xsl:for-each select="$trend/point">
              <tr>
                <th scope="row"><xsl:call-template name="month-name"><xsl:with-param name="month" select="@month"/></xsl:call-template></th>
                <td class="num">
                  <xsl:choose>
                    <xsl:when test="@value"><xsl:call-template name="number"><xsl:with-param name="value" select="@value"/><xsl:with-param name="unit" select="$trend/@unit"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:call-template name="withheld"><xsl:with-param name="kpi" select="."/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </details>
  </xsl:template>

  <!-- The health of active relationships as one stacked bar, each segment labelled in its legend. -->
  <xsl:template name="health-bar">
    <xsl:param name="id" select="'health'"/>
    <xsl:param name="on-track"/>
    <xsl:param name="behind"/>
    <xsl:param name="at-risk"/>
    <xsl:param name="too-early"/>
    <xsl:param name="caption"/>
    <xsl:variable name="total" select="$on-track + $behind + $at-risk + $too-early"/>
    <xsl:variable name="w" select="$chart-width"/>
    <xsl:variable name="unit" select="($total &gt; 0) * $w div ($total + ($total = 0))"/>
    <figure class="health-chart">
      <svg class="chart" viewBox="0 0 {$w} 36" role="img" aria-labelledby="{$id}-title {$id}-desc">
        <title id="{$id}-title"><xsl:value-of select="$caption"/></title>
        <desc id="{$id}-desc">
          <xsl:value-of select="concat($on-track, ' on track, ', $behind, ' behind, ', $at-risk, ' at risk, ', $too-early, ' too early to tell, of ')"/>
          <xsl:call-template name="count-of"><xsl:with-param name="count" select="$total"/><xsl:with-param name="singular" select="'relationship'"/></xsl:call-template>
          <xsl:text>.</xsl:text>
        </desc>
        <rect class="seg on-track" x="0" y="4" height="28" width="{format-number($on-track * $unit, '0.#')}"/>
        <rect class="seg behind" x="{format-number($on-track * $unit, '0.#')}" y="4" height="28" width="{format-number($behind * $unit, '0.#')}"/>
        <rect class="seg at-risk" x="{format-number(($on-track + $behind) * $unit, '0.#')}" y="4" height="28" width="{format-number($at-risk * $unit, '0.#')}"/>
        <rect class="seg too-early" x="{format-number(($on-track + $behind + $at-risk) * $unit, '0.#')}" y="4" height="28" width="{format-number($too-early * $unit, '0.#')}"/>
      </svg>
      <figcaption>
        <ul class="legend">
          <li><span class="key on-track" aria-hidden="true">●</span> on track: <xsl:value-of select="$on-track"/></li>
          <li><span class="key behind" aria-hidden="true">◆</span> behind: <xsl:value-of select="$behind"/></li>
          <li><span class="key at-risk" aria-hidden="true">▲</span> at risk: <xsl:value-of select="$at-risk"/></li>
          <li><span class="key too-early" aria-hidden="true">○</span> too early: <xsl:value-of select="$too-early"/></li>
        </ul>
      </figcaption>
    </figure>
    <details class="chart-data">
      <summary>Show the numbers</summary>
      <div class="table-wrap">
        <table>
          <caption><xsl:value-of select="$caption"/></caption>
          <thead><tr><th scope="col">Health</th><th scope="col" class="num">Relationships</th><th scope="col" class="num">Share</th></tr></thead>
          <tbody>
            <xsl:call-template name="health-row"><xsl:with-param name="label" select="'On track'"/><xsl:with-param name="count" select="$on-track"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
            <xsl:call-template name="health-row"><xsl:with-param name="label" select="'Behind'"/><xsl:with-param name="count" select="$behind"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
            <xsl:call-template name="health-row"><xsl:with-param name="label" select="'At risk'"/><xsl:with-param name="count" select="$at-risk"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
            <xsl:call-template name="health-row"><xsl:with-param name="label" select="'Too early'"/><xsl:with-param name="count" select="$too-early"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
          </tbody>
        </table>
      </div>
    </details>
  </xsl:template>

  <xsl:template name="health-row">
    <xsl:param name="label"/>
    <xsl:param name="count"/>
    <xsl:param name="total"/>
    <tr>
      <th scope="row"><xsl:value-of select="$label"/></th>
      <td class="num"><xsl:value-of select="$count"/></td>
      <td class="num">
        <xsl:choose>
          <xsl:when test="$total &gt; 0"><xsl:value-of select="format-number($count div $total * 100, '0.0')"/>%</xsl:when>
          <xsl:otherwise>no data</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- The first line of $text wrapped at $width characters: the words that fit, or the first word
       when even it does not. -->
  <xsl:template name="first-line">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="line" select="''"/>
    <xsl:variable name="word">
      <xsl:choose>
        <xsl:when test="contains($text, ' ')"><xsl:value-of select="substring-before($text, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="longer" select="concat($line, substring(' ', 1, $line != ''), $word)"/>
    <xsl:choose>
      <xsl:when test="$line != '' and string-length($longer) &gt; $width"><xsl:value-of select="$line"/></xsl:when>
      <xsl:when test="not(contains($text, ' '))"><xsl:value-of select="$longer"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="first-line">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="line" select="$longer"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text in at most $width characters: when longer, its middle gives way to "…", so that labels
       alike at the start or at the end stay apart. -->
  <xsl:template name="shorten-middle">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &gt; $width">
        <xsl:variable name="head" select="floor(($width - 1) div 2)"/>
        <xsl:variable name="tail" select="$width - 1 - $head"/>
        <xsl:value-of select="concat(substring($text, 1, $head), '…', substring($text, string-length($text) - $tail + 1))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Horizontal bars for KPIs of one unit (rates from 0 to 100%, or counts up to the largest). A label
       longer than $label-chars wraps onto a second line (every row then has two), shortened in its
       middle only when it needs more; the whole label is each row's <title> and in the table beside
       the chart. -->
  <xsl:template name="bar-chart">
    <xsl:param name="kpis"/>
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="label-chars" select="38"/>
    <xsl:variable name="n" select="count($kpis)"/>
    <xsl:variable name="two-lines" select="boolean($kpis[string-length(@label) &gt; $label-chars])"/>
    <xsl:variable name="row" select="26 + 16 * $two-lines"/>
    <xsl:variable name="label-w" select="260"/>
    <xsl:variable name="max-data"><xsl:call-template name="max-value"><xsl:with-param name="points" select="$kpis"/></xsl:call-template></xsl:variable>
    <xsl:variable name="top">
      <xsl:choose>
        <xsl:when test="$kpis[1]/@unit = 'ratio'">1</xsl:when>
        <xsl:when test="$max-data &gt; 0"><xsl:value-of select="$max-data"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="bar-w" select="$chart-width - $label-w - 70"/>
    <svg class="chart bars" viewBox="0 0 {$chart-width} {$n * $row + 8}" role="img" aria-labelledby="{$id}-title {$id}-desc">
      <title id="{$id}-title"><xsl:value-of select="$title"/></title>
      <desc id="{$id}-desc">
        <xsl:for-each select="$kpis">
          <xsl:call-template name="label"><xsl:with-param name="id" select="@id"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="value"><xsl:with-param name="kpi" select="."/></xsl:call-template>
          <xsl:if test="position() != last()">; </xsl:if>
        </xsl:for-each>
      </desc>
      <xsl:for-each select="$kpis">
        <xsl:variable name="y" select="(position() - 1) * $row + 4"/>
        <!-- The bar's middle: with two lines of label, between them. -->
        <xsl:variable name="mid" select="$y + 11 + 8 * $two-lines"/>
        <xsl:variable name="label"><xsl:call-template name="label"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:variable>
        <g class="bar-row">
          <title><xsl:value-of select="$label"/></title>
          <text class="bar-label" x="0" y="{$mid + 5}">
            <xsl:choose>
              <xsl:when test="string-length($label) &gt; $label-chars">
                <xsl:variable name="first"><xsl:call-template name="first-line"><xsl:with-param name="text" select="$label"/><xsl:with-param name="width" select="$label-chars"/></xsl:call-template></xsl:variable>
                <tspan x="0" y="{$y + 14}"><xsl:call-template name="shorten-middle"><xsl:with-param name="text" select="$first"/><xsl:with-param name="width" select="$label-chars"/></xsl:call-template></tspan>
                <tspan x="0" y="{$y + 30}"><xsl:call-template name="shorten-middle"><xsl:with-param name="text" select="substring($label, string-length($first) + 2)"/><xsl:with-param name="width" select="$label-chars"/></xsl:call-template></tspan>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
            </xsl:choose>
          </text>
          <rect class="track" x="{$label-w}" y="{$mid - 8}" width="{$bar-w}" height="16"/>
          <xsl:if test="@value">
            <rect class="bar" x="{$label-w}" y="{$mid - 8}" height="16" width="{format-number(@value div $top * $bar-w, '0.#')}"/>
          </xsl:if>
          <text class="bar-value" x="{$label-w + $bar-w + 6}" y="{$mid + 5}">
            <xsl:choose>
              <xsl:when test="@value"><xsl:call-template name="number"><xsl:with-param name="value" select="@value"/><xsl:with-param name="unit" select="@unit"/></xsl:call-template></xsl:when>
              <xsl:when test="@status = 'suppressed'">hidden</xsl:when>
              <xsl:otherwise>no data</xsl:otherwise>
            </xsl:choose>
          </text>
        </g>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <!-- Competency change with 95% confidence intervals: a dot per competency and its whisker. -->
  <xsl:template name="dot-whisker">
    <xsl:param name="id" select="'competency-change'"/>
    <xsl:variable name="comps" select="/report/competencies/competency[key('kpi', concat('competency.', @id, '.change'))/@value]"/>
    <xsl:variable name="lows" select="/report/kpis/kpi[starts-with(@id, 'competency.') and substring(@id, string-length(@id) - 8) = 'ci95_low' and @value]"/>
    <xsl:variable name="highs" select="/report/kpis/kpi[starts-with(@id, 'competency.') and substring(@id, string-length(@id) - 9) = 'ci95_high' and @value]"/>
    <xsl:variable name="changes" select="/report/kpis/kpi[starts-with(@id, 'competency.') and substring(@id, string-length(@id) - 6) = '.change' and @value]"/>
    <xsl:variable name="lo-data"><xsl:call-template name="min-value"><xsl:with-param name="points" select="$lows | $changes"/></xsl:call-template></xsl:variable>
    <xsl:variable name="hi-data"><xsl:call-template name="max-value"><xsl:with-param name="points" select="$highs | $changes"/></xsl:call-template></xsl:variable>
    <xsl:variable name="lo" select="($lo-data &lt; 0) * $lo-data - 0.25"/>
    <xsl:variable name="hi" select="($hi-data &gt; 0) * $hi-data + 0.25"/>
    <xsl:variable name="row" select="28"/>
    <xsl:variable name="label-w" select="200"/>
    <xsl:variable name="plot-w" select="$chart-width - $label-w - 20"/>
    <xsl:variable name="scale" select="$plot-w div ($hi - $lo)"/>
    <xsl:variable name="h" select="count($comps) * $row + 30"/>
    <svg class="chart whiskers" viewBox="0 0 {$chart-width} {$h}" role="img" aria-labelledby="{$id}-title {$id}-desc">
      <title id="{$id}-title">Change in self-rated competencies, baseline to final, with 95% confidence intervals</title>
      <desc id="{$id}-desc">
        <xsl:for-each select="$comps">
          <xsl:variable name="p" select="concat('competency.', @id, '.')"/>
          <xsl:value-of select="@name"/>
          <xsl:text>: change </xsl:text>
          <xsl:value-of select="format-number(key('kpi', concat($p, 'change'))/@value, '+0.00;−0.00')"/>
          <xsl:if test="key('kpi', concat($p, 'ci95_low'))/@value">
            <xsl:value-of select="concat(' (95% CI ', format-number(key('kpi', concat($p, 'ci95_low'))/@value, '+0.00;−0.00'), ' to ', format-number(key('kpi', concat($p, 'ci95_high'))/@value, '+0.00;−0.00'), ')')"/>
          </xsl:if>
          <xsl:if test="position() != last()">; </xsl:if>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </desc>
      <line class="zero" x1="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" x2="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" y1="0" y2="{$h - 24}"/>
      <text class="tick" x="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" y="{$h - 8}" text-anchor="middle">no change</text>
      <xsl:for-each select="$comps">
        <xsl:variable name="p" select="concat('competency.', @id, '.')"/>
        <xsl:variable name="y" select="(position() - 1) * $row + 16"/>
        <xsl:variable name="c" select="key('kpi', concat($p, 'change'))/@value"/>
        <text class="bar-label" x="0" y="{$y + 5}"><xsl:value-of select="@name"/></text>
        <xsl:if test="key('kpi', concat($p, 'ci95_low'))/@value">
          <line class="whisker" y1="{$y}" y2="{$y}"
                x1="{format-number($label-w + (key('kpi', concat($p, 'ci95_low'))/@value - $lo) * $scale, '0.#')}"
                x2="{format-number($label-w + (key('kpi', concat($p, 'ci95_high'))/@value - $lo) * $scale, '0.#')}"/>
        </xsl:if>
        <circle class="dot" r="5" cy="{$y}" cx="{format-number($label-w + ($c - $lo) * $scale, '0.#')}"/>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <!-- Compare page: one segment KPI ($measure, a report.xml segments/measure) across the values of
       $dimension (a segments/dimension), a dot per value on a common scale (rates 0–100%, satisfaction
       1–5, counts 0 to the largest), with the whole programme's value (the measure's @programme KPI) as
       a dashed line. A withheld segment or a KPI without a value has no dot: its row says why, and so
       does the text alternative. -->
  <xsl:template name="segment-dots">
    <xsl:param name="dimension"/>
    <xsl:param name="measure"/>
    <xsl:param name="id"/>
    <xsl:param name="label-chars" select="18"/>
    <xsl:variable name="stem" select="concat('segment.', $dimension/@id, '.')"/>
    <xsl:variable name="suffix" select="concat('.', $measure/@kpi)"/>
    <xsl:variable name="unit" select="$measure/@unit"/>
    <xsl:variable name="programme" select="key('kpi', $measure/@programme)"/>
    <xsl:variable name="max-data">
      <xsl:for-each select="$dimension/value[key('kpi', concat($stem, @key, $suffix))/@value]">
        <xsl:sort select="key('kpi', concat($stem, @key, $suffix))/@value" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="key('kpi', concat($stem, @key, $suffix))/@value"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="lo" select="number($unit = 'likert')"/>
    <xsl:variable name="hi">
      <xsl:choose>
        <xsl:when test="$unit = 'ratio'">1</xsl:when>
        <xsl:when test="$unit = 'likert'">5</xsl:when>
        <xsl:when test="number($max-data) &gt; 0"><xsl:value-of select="$max-data"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="n" select="count($dimension/value)"/>
    <xsl:variable name="w" select="340"/>
    <xsl:variable name="row" select="22"/>
    <xsl:variable name="top" select="22"/>
    <xsl:variable name="x0" select="132"/>
    <xsl:variable name="plot-w" select="150"/>
    <xsl:variable name="h" select="$top + $n * $row + 22"/>
    <xsl:variable name="scale" select="$plot-w div ($hi - $lo)"/>
    <xsl:variable name="withheld-word">
      <xsl:choose>
        <xsl:when test="$measure/@kpi = 'satisfaction.mean.mentees'">responses</xsl:when>
        <xsl:otherwise>people</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="programme-text">
      <xsl:if test="$programme/@value"><xsl:call-template name="number"><xsl:with-param name="value" select="$programme/@value"/><xsl:with-param name="unit" select="$unit"/></xsl:call-template></xsl:if>
    </xsl:variable>
    <figure class="segment-dots">
      <figcaption>
        <strong><xsl:value-of select="$measure/@name"/></strong>
        <xsl:choose>
          <xsl:when test="$programme-text != ''"> Dashed line: the whole programme, <xsl:value-of select="$programme-text"/>.</xsl:when>
          <xsl:when test="$measure/@programme"> The whole programme has no value to draw.</xsl:when>
          <xsl:otherwise> No dashed line: each count is a part of the programme’s mentees.</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$dimension/value[@suppressed = 'true' or not(key('kpi', concat($stem, @key, $suffix))/@value)]"> A row without a dot says why; the numbers are in the table above.</xsl:if>
      </figcaption>
      <svg class="chart dots" viewBox="0 0 {$w} {$h}" role="img" aria-labelledby="{$id}-title {$id}-desc">
        <title id="{$id}-title"><xsl:value-of select="concat($measure/@name, ' by ', $dimension/@id)"/></title>
        <desc id="{$id}-desc">
          <xsl:for-each select="$dimension/value">
            <xsl:variable name="kpi" select="key('kpi', concat($stem, @key, $suffix))"/>
            <xsl:value-of select="@name"/>
            <xsl:text>: </xsl:text>
            <xsl:choose>
              <xsl:when test="@suppressed = 'true'">no dot, fewer than <xsl:value-of select="$min-group"/> people</xsl:when>
              <xsl:when test="$kpi/@value"><xsl:call-template name="number"><xsl:with-param name="value" select="$kpi/@value"/><xsl:with-param name="unit" select="$unit"/></xsl:call-template></xsl:when>
              <xsl:when test="$kpi/@status = 'suppressed'">no dot, fewer than <xsl:value-of select="concat($min-group, ' ', $withheld-word)"/></xsl:when>
              <xsl:otherwise>no dot, no data</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="position() != last()">; </xsl:if>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
          <xsl:if test="$programme-text != ''"> Dashed line: the whole programme, <xsl:value-of select="$programme-text"/>.</xsl:if>
        </desc>
        <xsl:if test="$programme/@value">
          <xsl:variable name="x" select="format-number($x0 + ($programme/@value - $lo) * $scale, '0.#')"/>
          <xsl:variable name="anchor">
            <xsl:choose>
              <xsl:when test="$x &lt; $x0 + $plot-w * 0.3">start</xsl:when>
              <xsl:when test="$x &gt; $x0 + $plot-w * 0.7">end</xsl:when>
              <xsl:otherwise>middle</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <line class="reference-line" x1="{$x}" x2="{$x}" y1="{$top - 4}" y2="{$top + $n * $row}"/>
          <text class="reference-label" x="{$x}" y="{$top - 8}" text-anchor="{$anchor}">programme <xsl:value-of select="$programme-text"/></text>
        </xsl:if>
        <xsl:for-each select="$dimension/value">
          <xsl:variable name="kpi" select="key('kpi', concat($stem, @key, $suffix))"/>
          <xsl:variable name="y" select="$top + (position() - 1) * $row + $row div 2"/>
          <g class="dot-row">
            <title><xsl:value-of select="@name"/></title>
            <text class="bar-label" x="0" y="{$y + 4}"><xsl:call-template name="shorten-middle"><xsl:with-param name="text" select="@name"/><xsl:with-param name="width" select="$label-chars"/></xsl:call-template></text>
            <line class="grid" x1="{$x0}" x2="{$x0 + $plot-w}" y1="{$y}" y2="{$y}"/>
            <xsl:choose>
              <xsl:when test="@suppressed != 'true' and $kpi/@value">
                <circle class="dot" r="5" cy="{$y}" cx="{format-number($x0 + ($kpi/@value - $lo) * $scale, '0.#')}"/>
                <text class="bar-value" x="{$x0 + $plot-w + 8}" y="{$y + 4}"><xsl:call-template name="number"><xsl:with-param name="value" select="$kpi/@value"/><xsl:with-param name="unit" select="$unit"/></xsl:call-template></text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="why">
                  <xsl:choose>
                    <xsl:when test="@suppressed = 'true'">fewer than <xsl:value-of select="$min-group"/> people</xsl:when>
                    <xsl:when test="$kpi/@status = 'suppressed'">fewer than <xsl:value-of select="concat($min-group, ' ', $withheld-word)"/></xsl:when>
                    <xsl:otherwise>no data</xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <!-- The words stand on the page's background, clear of the dashed line behind them. -->
                <rect class="no-dot-ground" x="{$x0 + 1}" y="{$y - 8}" height="16" width="{string-length($why) * 6 + 6}"/>
                <text class="no-dot" x="{$x0 + 4}" y="{$y + 4}"><xsl:value-of select="$why"/></text>
              </xsl:otherwise>
            </xsl:choose>
          </g>
        </xsl:for-each>
        <xsl:variable name="per-cent" select="substring('%', 1, number($unit = 'ratio'))"/>
        <text class="tick" x="{$x0}" y="{$h - 6}" text-anchor="middle"><xsl:value-of select="concat(format-number($lo * (1 + 99 * ($unit = 'ratio')), '#,##0'), $per-cent)"/></text>
        <text class="tick" x="{$x0 + $plot-w}" y="{$h - 6}" text-anchor="middle"><xsl:value-of select="concat(format-number($hi * (1 + 99 * ($unit = 'ratio')), '#,##0'), $per-cent)"/></text>
      </svg>
    </figure>
  </xsl:template>

  <!-- A KPI tile with its 12-month sparkline, from the trends or the headline KPIs' series (the overview's
       Trends section has the numbers in tables). -->
  <xsl:template name="tile-with-sparkline">
    <xsl:param name="id"/>
    <xsl:variable name="trend" select="(/report/trends/trend | /report/headline-trends/trend)[@kpi = $id]"/>
    <xsl:call-template name="tile">
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="extra">
        <xsl:if test="count($trend/point) &gt; 1">
          <xsl:variable name="label"><xsl:call-template name="label"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="line-chart">
            <xsl:with-param name="trend" select="$trend"/>
            <xsl:with-param name="id" select="concat('spark-', translate($id, '._', '--'))"/>
            <xsl:with-param name="title" select="concat($label, ' over the last ', count($trend/point), ' months')"/>
            <xsl:with-param name="spark" select="true()"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Team engagement (outcomes page, level 4): one paired change with its 95% confidence interval,
       drawn as the competencies' dot-whisker chart is (a dot for the change, a whisker for the
       interval, the zero line labelled "no change"), in points of the 0–100 scale. $prefix is the KPI
       stem ('outcomes.team_engagement.'); call it only when the change has a value. -->
  <xsl:template name="change-interval-chart">
    <xsl:param name="id" select="'team-engagement-change'"/>
    <xsl:param name="prefix" select="'outcomes.team_engagement.'"/>
    <xsl:param name="label" select="'Team engagement'"/>
    <xsl:param name="title" select="'Change in the engagement score of the teams mentees manage, before to since mentoring, with its 95% confidence interval'"/>
    <xsl:param name="format" select="'+0.0;−0.0'"/>
    <xsl:param name="unit-text" select="' points'"/>
    <xsl:param name="pad" select="1"/>
    <xsl:variable name="c" select="key('kpi', concat($prefix, 'change'))/@value"/>
    <xsl:variable name="low" select="key('kpi', concat($prefix, 'ci95_low'))/@value"/>
    <xsl:variable name="high" select="key('kpi', concat($prefix, 'ci95_high'))/@value"/>
    <xsl:variable name="lo-data"><xsl:call-template name="min-value"><xsl:with-param name="points" select="key('kpi', concat($prefix, 'ci95_low'))[@value] | key('kpi', concat($prefix, 'change'))"/></xsl:call-template></xsl:variable>
    <xsl:variable name="hi-data"><xsl:call-template name="max-value"><xsl:with-param name="points" select="key('kpi', concat($prefix, 'ci95_high'))[@value] | key('kpi', concat($prefix, 'change'))"/></xsl:call-template></xsl:variable>
    <xsl:variable name="lo" select="($lo-data &lt; 0) * $lo-data - $pad"/>
    <xsl:variable name="hi" select="($hi-data &gt; 0) * $hi-data + $pad"/>
    <xsl:variable name="label-w" select="200"/>
    <xsl:variable name="plot-w" select="$chart-width - $label-w - 20"/>
    <xsl:variable name="scale" select="$plot-w div ($hi - $lo)"/>
    <xsl:variable name="y" select="16"/>
    <xsl:variable name="h" select="58"/>
    <svg class="chart whiskers" viewBox="0 0 {$chart-width} {$h}" role="img" aria-labelledby="{$id}-title {$id}-desc">
      <title id="{$id}-title"><xsl:value-of select="$title"/></title>
      <desc id="{$id}-desc">
        <xsl:value-of select="concat($label, ': change ', format-number($c, $format), $unit-text)"/>
        <xsl:if test="$low">
          <xsl:value-of select="concat(' (95% CI ', format-number($low, $format), ' to ', format-number($high, $format), ')')"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </desc>
      <line class="zero" x1="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" x2="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" y1="0" y2="{$h - 24}"/>
      <text class="tick" x="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" y="{$h - 8}" text-anchor="middle">no change</text>
      <text class="bar-label" x="0" y="{$y + 5}"><xsl:value-of select="$label"/></text>
      <xsl:if test="$low">
        <line class="whisker" y1="{$y}" y2="{$y}"
              x1="{format-number($label-w + ($low - $lo) * $scale, '0.#')}"
              x2="{format-number($label-w + ($high - $lo) * $scale, '0.#')}"/>
      </xsl:if>
      <circle class="dot" r="5" cy="{$y}" cx="{format-number($label-w + ($c - $lo) * $scale, '0.#')}"/>
    </svg>
  </xsl:template>
  <!-- Cohort pages: competency change with 95% confidence intervals, drawn as dot-whisker draws the
       programme's, from rows with @id (a competency), @change and, when n >= 2, @ci95-low/@ci95-high
       (report.xml's cohort-detail/competency). -->
  <xsl:template name="competency-ci-chart">
    <xsl:param name="rows"/>
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:variable name="lo-data">
      <xsl:for-each select="$rows/@ci95-low | $rows/@change">
        <xsl:sort select="." data-type="number" order="ascending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="hi-data">
      <xsl:for-each select="$rows/@ci95-high | $rows/@change">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="lo" select="($lo-data &lt; 0) * $lo-data - 0.25"/>
    <xsl:variable name="hi" select="($hi-data &gt; 0) * $hi-data + 0.25"/>
    <xsl:variable name="row" select="28"/>
    <xsl:variable name="label-w" select="200"/>
    <xsl:variable name="plot-w" select="$chart-width - $label-w - 20"/>
    <xsl:variable name="scale" select="$plot-w div ($hi - $lo)"/>
    <xsl:variable name="h" select="count($rows) * $row + 30"/>
    <svg class="chart whiskers" viewBox="0 0 {$chart-width} {$h}" role="img" aria-labelledby="{$id}-title {$id}-desc">
      <title id="{$id}-title"><xsl:value-of select="$title"/></title>
      <desc id="{$id}-desc">
        <xsl:for-each select="$rows">
          <xsl:value-of select="key('competency', @id)/@name"/>
          <xsl:text>: change </xsl:text>
          <xsl:value-of select="format-number(@change, '+0.00;−0.00')"/>
          <xsl:if test="@ci95-low">
            <xsl:value-of select="concat(' (95% CI ', format-number(@ci95-low, '+0.00;−0.00'), ' to ', format-number(@ci95-high, '+0.00;−0.00'), ')')"/>
          </xsl:if>
          <xsl:if test="position() != last()">; </xsl:if>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </desc>
      <line class="zero" x1="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" x2="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" y1="0" y2="{$h - 24}"/>
      <text class="tick" x="{format-number($label-w + (0 - $lo) * $scale, '0.#')}" y="{$h - 8}" text-anchor="middle">no change</text>
      <xsl:for-each select="$rows">
        <xsl:variable name="y" select="(position() - 1) * $row + 16"/>
        <text class="bar-label" x="0" y="{$y + 5}"><xsl:value-of select="key('competency', @id)/@name"/></text>
        <xsl:if test="@ci95-low">
          <line class="whisker" y1="{$y}" y2="{$y}"
                x1="{format-number($label-w + (@ci95-low - $lo) * $scale, '0.#')}"
                x2="{format-number($label-w + (@ci95-high - $lo) * $scale, '0.#')}"/>
        </xsl:if>
        <circle class="dot" r="5" cy="{$y}" cx="{format-number($label-w + (@change - $lo) * $scale, '0.#')}"/>
      </xsl:for-each>
    </svg>
  </xsl:template>
</xsl:stylesheet>
