<?xml version="1.0" encoding="UTF-8"?>
<!-- compare.html: the segment KPIs across cohorts, departments and levels, side by side. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Compare'"/>
      <xsl:with-param name="current" select="'compare.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:call-template name="kpi-table">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'segment.')]"/>
      <xsl:with-param name="caption" select="'Segment KPIs'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'segment.')]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
