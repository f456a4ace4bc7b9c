<?xml version="1.0" encoding="UTF-8"?>
<!-- surveys.html: each survey's response rate and each rated question's answers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Surveys'"/>
      <xsl:with-param name="current" select="'surveys.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:call-template name="kpi-table">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'surveys.response_rate.')]"/>
      <xsl:with-param name="caption" select="'Survey response rates'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'surveys.response_rate.') or starts-with(@id, 'question.')]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
