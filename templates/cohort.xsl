<?xml version="1.0" encoding="UTF-8"?>
<!-- cohort-<id>.html: one cohort's relationships and their health, with the programme around it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <!-- The cohort to show (its id in program.yaml). -->
  <xsl:param name="cohort" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="c" select="report/cohorts/cohort[@id = $cohort]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="concat('Cohort: ', $c/@name)"/>
      <xsl:with-param name="current" select="concat('cohort-', $cohort, '.html')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:apply-templates select="cohorts/cohort[@id = $cohort]" mode="cohort"/>
  </xsl:template>

  <xsl:template match="cohort" mode="cohort">
    <xsl:variable name="slice" select="/report/health/by-cohort/slice[@key = current()/@id]"/>
    <p>
      <xsl:if test="@start">
        <xsl:text>Runs from </xsl:text><xsl:call-template name="date"><xsl:with-param name="date" select="@start"/></xsl:call-template>
        <xsl:if test="@end"><xsl:text> to </xsl:text><xsl:call-template name="date"><xsl:with-param name="date" select="@end"/></xsl:call-template></xsl:if>
        <xsl:text>. </xsl:text>
      </xsl:if>
      <xsl:text>Relationships count in this cohort when their record names it.</xsl:text>
    </p>
    <section aria-labelledby="cohort-kpis-heading">
      <h2 id="cohort-kpis-heading">This cohort</h2>
      <div class="tiles">
        <xsl:call-template name="tile">
          <xsl:with-param name="id" select="concat('relationships.active.cohort.', @id)"/>
          <xsl:with-param name="label" select="'Relationships active in the month'"/>
        </xsl:call-template>
      </div>
      <xsl:call-template name="health-bar">
        <xsl:with-param name="id" select="concat('health-', @id)"/>
        <xsl:with-param name="on-track" select="sum($slice/@on-track)"/>
        <xsl:with-param name="behind" select="sum($slice/@behind)"/>
        <xsl:with-param name="at-risk" select="sum($slice/@at-risk)"/>
        <xsl:with-param name="too-early" select="sum($slice/@too-early)"/>
        <xsl:with-param name="caption" select="concat('Health of the ', @name, ' relationships active at the end of the month')"/>
      </xsl:call-template>
    </section>
    <section aria-labelledby="programme-kpis-heading">
      <h2 id="programme-kpis-heading">The whole programme</h2>
      <div class="tiles">
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'relationships.active'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'cadence.adherence'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'match.rate'"/></xsl:call-template>
      </div>
    </section>
  </xsl:template>

  <!-- The glossary of the tiles above. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[@id = concat('relationships.active.cohort.', $cohort) or @id = 'relationships.active'
        or @id = 'cadence.adherence' or @id = 'match.rate']"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
