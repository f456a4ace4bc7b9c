<?xml version="1.0" encoding="UTF-8"?>
<!-- index.html: the month at a glance: KPI tiles, a summary in words, pair health and 12-month trends. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Overview'"/>
      <xsl:with-param name="current" select="'index.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:variable name="month"><xsl:call-template name="month-name"><xsl:with-param name="month" select="@period"/></xsl:call-template></xsl:variable>
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <p class="lead">
        <xsl:call-template name="summary-sentences"><xsl:with-param name="month" select="$month"/></xsl:call-template>
      </p>
    </section>
    <section aria-labelledby="kpis-heading">
      <h2 id="kpis-heading">Key figures</h2>
      <div class="tiles">
        <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="'relationships.active'"/></xsl:call-template>
        <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="'match.rate'"/></xsl:call-template>
        <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="'cadence.adherence'"/></xsl:call-template>
        <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="'health.at_risk'"/></xsl:call-template>
        <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="'sessions.count'"/></xsl:call-template>
        <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="'satisfaction.mean.mentees'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'nps.mentees'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'outcomes.retention_rate_12m'"/></xsl:call-template>
      </div>
    </section>
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Health of active relationships</h2>
      <xsl:call-template name="health-bar">
        <xsl:with-param name="on-track" select="health/status[@id = 'on-track']/@count"/>
        <xsl:with-param name="behind" select="health/status[@id = 'behind']/@count"/>
        <xsl:with-param name="at-risk" select="health/status[@id = 'at-risk']/@count"/>
        <xsl:with-param name="too-early" select="health/status[@id = 'too-early']/@count"/>
        <xsl:with-param name="caption" select="'Health of the relationships active at the end of the month'"/>
      </xsl:call-template>
      <p class="note">On track: meeting at the agreed cadence over the last 90 days. Behind: fewer sessions than the cadence expects. At risk: no session for more than <xsl:call-template name="count-of"><xsl:with-param name="count" select="programme/@at-risk-after-days"/><xsl:with-param name="singular" select="'day'"/></xsl:call-template>. Too early: started less than 30 days ago.</p>
    </section>
    <section aria-labelledby="trends-heading">
      <h2 id="trends-heading">Trends</h2>
      <div class="trend-grid">
        <xsl:for-each select="trends/trend">
          <xsl:variable name="label"><xsl:call-template name="label"><xsl:with-param name="id" select="@kpi"/></xsl:call-template></xsl:variable>
          <xsl:variable name="id" select="concat('trend-', translate(@kpi, '._', '--'))"/>
          <div class="trend">
            <h3 id="{$id}-heading"><xsl:value-of select="$label"/></h3>
            <xsl:call-template name="line-chart">
              <xsl:with-param name="trend" select="."/>
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="title" select="concat($label, ' by month')"/>
            </xsl:call-template>
            <xsl:call-template name="trend-table">
              <xsl:with-param name="trend" select="."/>
              <xsl:with-param name="caption" select="concat($label, ' by month')"/>
            </xsl:call-template>
          </div>
        </xsl:for-each>
      </div>
    </section>
  </xsl:template>

  <!-- The month in words, from the numbers. -->
  <xsl:template name="summary-sentences">
    <xsl:param name="month"/>
    <xsl:variable name="active" select="key('kpi', 'relationships.active')"/>
    <xsl:value-of select="concat('In ', $month, ', ')"/>
    <xsl:call-template name="count-of"><xsl:with-param name="count" select="$active/@value"/><xsl:with-param name="singular" select="'relationship'"/></xsl:call-template>
    <xsl:value-of select="concat(substring(' were', 1, 5 * ($active/@value != 1)), substring(' was', 1, 4 * ($active/@value = 1)), ' active')"/>
    <xsl:value-of select="concat(' (', key('kpi', 'relationships.new')/@value, ' new, ', key('kpi', 'relationships.ended')/@value, ' ended). ')"/>
    <xsl:text>At the end of the month: </xsl:text>
    <xsl:value-of select="concat(health/status[@id = 'on-track']/@count, ' on track, ', health/status[@id = 'behind']/@count, ' behind their agreed cadence, ', health/status[@id = 'at-risk']/@count, ' at risk and ', health/status[@id = 'too-early']/@count, ' too early to tell. ')"/>
    <xsl:variable name="sessions" select="key('kpi', 'sessions.count')/@value"/>
    <xsl:variable name="hours" select="key('kpi', 'sessions.hours')/@value"/>
    <xsl:text>Pairs met </xsl:text>
    <xsl:choose>
      <xsl:when test="$sessions = 1">once</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($sessions, ' times')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> for </xsl:text>
    <xsl:call-template name="count-of"><xsl:with-param name="count" select="format-number($hours, '0.#')"/><xsl:with-param name="shown" select="format-number($hours, '#,##0.#')"/><xsl:with-param name="singular" select="'hour'"/></xsl:call-template>
    <xsl:text>. </xsl:text>
    <xsl:variable name="match" select="key('kpi', 'match.rate')"/>
    <xsl:if test="$match/@value">
      <xsl:variable name="waiting" select="key('kpi', 'match.waiting')/@value"/>
      <xsl:call-template name="number"><xsl:with-param name="value" select="$match/@value"/><xsl:with-param name="unit" select="'ratio'"/></xsl:call-template>
      <xsl:value-of select="concat(' of enrolled mentees have a mentor; ', $waiting, substring(' are', 1, 4 * ($waiting != 1)), substring(' is', 1, 3 * ($waiting = 1)), ' waiting. ')"/>
    </xsl:if>
    <xsl:variable name="sat" select="key('kpi', 'satisfaction.mean.mentees')"/>
    <xsl:choose>
      <xsl:when test="$sat/@value">
        <xsl:text>Mentees rate the programme </xsl:text>
        <xsl:call-template name="number"><xsl:with-param name="value" select="$sat/@value"/><xsl:with-param name="unit" select="'likert'"/></xsl:call-template>
        <xsl:text> out of 5.</xsl:text>
      </xsl:when>
      <xsl:when test="$sat/@status = 'suppressed'">Mentee satisfaction is not shown: fewer than <xsl:value-of select="$min-group"/> responses.</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The glossary of the tiles and trends above. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[@id = 'relationships.active' or @id = 'match.rate' or @id = 'cadence.adherence'
        or @id = 'health.at_risk' or @id = 'sessions.count' or @id = 'satisfaction.mean.mentees' or @id = 'nps.mentees'
        or @id = 'outcomes.retention_rate_12m' or @id = /report/trends/trend/@kpi]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
