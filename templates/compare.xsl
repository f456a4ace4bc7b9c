<?xml version="1.0" encoding="UTF-8"?>
<!-- compare.html: the segment KPIs across cohorts, departments and levels, side by side. Per dimension
     (report.xml's segments/dimension), a table of its values (rows) by the seven segment KPIs
     (columns), then a dot chart per KPI with the whole programme's value as a dashed line. A withheld
     segment reads "fewer than N people" in every cell and has no dots. On a phone each row of a table
     becomes a card (site.css, "Compare page"). -->
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
    <p class="lead">
      <xsl:text>A segment is the group of enrolled mentees who share a cohort, a department or a level, as people.yaml records it for each mentee. Each table works out the programme’s measures for each segment alone; each chart sets the segments against the whole programme (the dashed line). To protect privacy, a segment of fewer than </xsl:text>
      <xsl:value-of select="$min-group"/>
      <xsl:text> mentees is not shown: each of its cells reads “fewer than </xsl:text>
      <xsl:value-of select="$min-group"/>
      <xsl:text> people”. When only one segment of a kind is that small, the next-smallest is hidden too, so that its figures cannot be worked out from the others.</xsl:text>
    </p>
    <p class="note">Mentees with no cohort, department or level in people.yaml count in the whole programme’s figures but in no segment of that kind.</p>
    <xsl:apply-templates select="segments/dimension"/>
  </xsl:template>

  <!-- One dimension: its table, then its charts. -->
  <xsl:template match="dimension">
    <xsl:variable name="dimension" select="."/>
    <section aria-labelledby="compare-{@id}-heading">
      <h2 id="compare-{@id}-heading">By <xsl:value-of select="@id"/></h2>
      <xsl:choose>
        <xsl:when test="not(value)">
          <p>No enrolled mentee has a <xsl:value-of select="@id"/> in people.yaml.</p>
        </xsl:when>
        <xsl:otherwise>
          <div class="table-wrap">
            <table class="compare">
              <caption>The measures of each <xsl:value-of select="@id"/>’s mentees</caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="dimension-name"><xsl:with-param name="id" select="@id"/></xsl:call-template></th>
                  <xsl:for-each select="/report/segments/measure">
                    <th scope="col" class="num">
                      <a class="defined" href="#term-segment.{@kpi}"><xsl:call-template name="measure-heading"/></a>
                    </th>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="value">
                  <xsl:variable name="value" select="."/>
                  <tr>
                    <xsl:if test="@suppressed = 'true'"><xsl:attribute name="class">withheld-row</xsl:attribute></xsl:if>
                    <th scope="row"><xsl:value-of select="@name"/></th>
                    <xsl:for-each select="/report/segments/measure">
                      <td class="num">
                        <xsl:attribute name="data-label"><xsl:call-template name="measure-heading"/></xsl:attribute>
                        <xsl:choose>
                          <xsl:when test="$value/@suppressed = 'true'">
                            <span class="withheld">fewer than <xsl:value-of select="$min-group"/> people</span>
                          </xsl:when>
                          <xsl:otherwise>
                            <xsl:call-template name="value">
                              <xsl:with-param name="kpi" select="key('kpi', concat('segment.', $dimension/@id, '.', $value/@key, '.', current()/@kpi))"/>
                            </xsl:call-template>
                          </xsl:otherwise>
                        </xsl:choose>
                      </td>
                    </xsl:for-each>
                  </tr>
                </xsl:for-each>
              </tbody>
              <tfoot>
                <tr class="programme-row">
                  <th scope="row">Whole programme</th>
                  <xsl:for-each select="/report/segments/measure">
                    <td class="num">
                      <xsl:attribute name="data-label"><xsl:call-template name="measure-heading"/></xsl:attribute>
                      <xsl:choose>
                        <xsl:when test="@programme">
                          <xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', current()/@programme)"/></xsl:call-template>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', 'participants.mentees')"/></xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </xsl:for-each>
                </tr>
              </tfoot>
            </table>
          </div>
          <div class="dot-grid">
            <xsl:for-each select="/report/segments/measure">
              <xsl:call-template name="segment-dots">
                <xsl:with-param name="dimension" select="$dimension"/>
                <xsl:with-param name="measure" select="."/>
                <xsl:with-param name="id" select="concat('dots-', $dimension/@id, '-', translate(@kpi, '._', '--'))"/>
              </xsl:call-template>
            </xsl:for-each>
          </div>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The page's glossary: each segment KPI once, for segments of any kind, and the dashed line. -->
  <xsl:template match="report" mode="page-glossary">
    <section class="glossary" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">What the numbers mean</h2>
      <dl>
        <xsl:for-each select="segments/measure">
          <dt id="term-segment.{@kpi}"><xsl:value-of select="@name"/></dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <dt id="whole-programme">Whole programme (the dashed line)</dt>
        <dd>The same measure over all the programme’s enrolled mentees, those in no segment included. Mentees has no dashed line: a segment’s count is a part of the programme’s, not a rate to set against it.</dd>
      </dl>
    </section>
  </xsl:template>

  <!-- The column heading of a dimension's values. -->
  <xsl:template name="dimension-name">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$id = 'cohort'">Cohort</xsl:when>
      <xsl:when test="$id = 'department'">Department</xsl:when>
      <xsl:when test="$id = 'level'">Level</xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The short column heading of the current segments/measure (its glossary name is longer). -->
  <xsl:template name="measure-heading">
    <xsl:choose>
      <xsl:when test="@kpi = 'match.rate'">Matched</xsl:when>
      <xsl:when test="@kpi = 'goals.achievement_rate'">Goals achieved</xsl:when>
      <xsl:when test="@kpi = 'satisfaction.mean.mentees'">Satisfaction (1–5)</xsl:when>
      <xsl:when test="@kpi = 'outcomes.promotion_rate_12m'">Promoted in 12 months</xsl:when>
      <xsl:when test="@kpi = 'outcomes.retention_rate_12m'">Retained over 12 months</xsl:when>
      <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
