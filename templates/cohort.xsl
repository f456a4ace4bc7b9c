<?xml version="1.0" encoding="UTF-8"?>
<!-- cohort-<id>.html: one cohort against the whole programme: its segment KPIs, the health of its
     relationships, its mentees' competency growth and its monthly trend. A cohort too small to show
     (its segment KPIs withheld) says so and shows no figure of it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <!-- The cohort to show (its id in program.yaml). -->
  <xsl:param name="cohort" select="''"/>

  <!-- The segment KPIs of the cohort (a cohort id is written as is in KPI ids) and the programme-wide
       KPI each is compared with. -->
  <xsl:variable name="segment" select="concat('segment.cohort.', $cohort, '.')"/>
  <xsl:variable name="segment-kpis" select="/report/kpis/kpi[starts-with(@id, $segment)]"/>
  <xsl:variable name="withheld" select="key('kpi', concat($segment, 'mentees'))/@status = 'suppressed'
    or /report/cohort-details/cohort-detail[@cohort = $cohort]/@suppressed = 'true'"/>

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

  <!-- What a withheld value says on this page: a segment withheld whole is too few people; a
       competency or satisfaction figure is too few responses. -->
  <xsl:template name="withheld">
    <xsl:param name="kpi"/>
    <xsl:choose>
      <xsl:when test="$kpi/@status = 'suppressed' and ($withheld or local-name($kpi) = 'point')">fewer than <xsl:value-of select="$min-group"/> people</xsl:when>
      <xsl:when test="$kpi/@status = 'suppressed' and (starts-with($kpi/@id, 'inclusion.') or $kpi/@id = concat($segment, 'mentees'))">fewer than <xsl:value-of select="$min-group"/> people</xsl:when>
      <xsl:when test="$kpi/@status = 'suppressed'">fewer than <xsl:value-of select="$min-group"/> responses</xsl:when>
      <xsl:otherwise>no data</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cohort" mode="cohort">
    <xsl:variable name="detail" select="/report/cohort-details/cohort-detail[@cohort = current()/@id]"/>
    <p>
      <xsl:if test="@start">
        <xsl:text>Runs from </xsl:text><xsl:call-template name="date"><xsl:with-param name="date" select="@start"/></xsl:call-template>
        <xsl:if test="@end"><xsl:text> to </xsl:text><xsl:call-template name="date"><xsl:with-param name="date" select="@end"/></xsl:call-template></xsl:if>
        <xsl:text>. </xsl:text>
      </xsl:if>
      <xsl:text>Its mentees are the enrolled mentees whose cohort is </xsl:text>
      <xsl:value-of select="@name"/>
      <xsl:text>; its relationships are those whose record names it.</xsl:text>
    </p>
    <xsl:choose>
      <xsl:when test="$withheld">
        <p class="warning-note" role="status">
          <strong>Figures withheld to protect privacy.</strong>
          <xsl:text> This cohort has fewer than </xsl:text><xsl:value-of select="$min-group"/>
          <xsl:text> mentees, or its figures would let those of such a cohort be worked out from the programme’s totals, so this page shows no figures about it. The programme’s figures are on the other pages.</xsl:text>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="not($segment-kpis)">
          <p class="note">No enrolled mentee has this cohort in the people file, so the cohort’s own figures have no data.</p>
        </xsl:if>
        <xsl:call-template name="comparison"/>
        <xsl:call-template name="cohort-health"><xsl:with-param name="c" select="."/></xsl:call-template>
        <xsl:call-template name="cohort-competencies"><xsl:with-param name="detail" select="$detail"/></xsl:call-template>
        <xsl:call-template name="cohort-trend"><xsl:with-param name="c" select="."/><xsl:with-param name="detail" select="$detail"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cohort's segment KPIs beside the programme's. -->
  <xsl:template name="comparison">
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">This cohort and the whole programme</h2>
      <div class="table-wrap">
        <table class="cohort-compare">
          <caption>This cohort’s mentees against all enrolled mentees, at the end of the month</caption>
          <thead>
            <tr><th scope="col">Measure</th><th scope="col" class="num">This cohort</th><th scope="col" class="num">Whole programme</th></tr>
          </thead>
          <tbody>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'mentees'"/><xsl:with-param name="whole" select="'participants.mentees'"/><xsl:with-param name="label" select="'Mentees'"/></xsl:call-template>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'match.rate'"/><xsl:with-param name="whole" select="'match.rate'"/><xsl:with-param name="label" select="'Mentees matched'"/></xsl:call-template>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'cadence.adherence'"/><xsl:with-param name="whole" select="'cadence.adherence'"/><xsl:with-param name="label" select="'Cadence adherence'"/></xsl:call-template>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'goals.achievement_rate'"/><xsl:with-param name="whole" select="'goals.achievement_rate'"/><xsl:with-param name="label" select="'Goals achieved so far'"/></xsl:call-template>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'satisfaction.mean.mentees'"/><xsl:with-param name="whole" select="'satisfaction.mean.mentees'"/><xsl:with-param name="label" select="'Mentee satisfaction (1–5)'"/></xsl:call-template>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'outcomes.promotion_rate_12m'"/><xsl:with-param name="whole" select="'outcomes.promotion_rate_12m'"/><xsl:with-param name="label" select="'Promoted in 12 months'"/></xsl:call-template>
            <xsl:call-template name="compare-row"><xsl:with-param name="part" select="'outcomes.retention_rate_12m'"/><xsl:with-param name="whole" select="'outcomes.retention_rate_12m'"/><xsl:with-param name="label" select="'Retained over 12 months'"/></xsl:call-template>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="compare-row">
    <xsl:param name="part"/>
    <xsl:param name="whole"/>
    <xsl:param name="label"/>
    <xsl:variable name="mine" select="key('kpi', concat($segment, $part))"/>
    <tr>
      <th scope="row">
        <xsl:call-template name="term-link">
          <xsl:with-param name="key" select="concat('segment.cohort.mentee-cohort.', $part)"/>
          <xsl:with-param name="text" select="$label"/>
        </xsl:call-template>
      </th>
      <td class="num">
        <xsl:choose>
          <xsl:when test="$mine"><xsl:call-template name="value"><xsl:with-param name="kpi" select="$mine"/></xsl:call-template></xsl:when>
          <xsl:otherwise><span class="withheld">no data</span></xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', $whole)"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- The health of the relationships that name the cohort, unless too few people are behind it. -->
  <xsl:template name="cohort-health">
    <xsl:param name="c"/>
    <xsl:variable name="slice" select="/report/health/by-cohort/slice[@key = $c/@id]"/>
    <xsl:variable name="last-day"><xsl:call-template name="date"><xsl:with-param name="date" select="/report/@as-of"/></xsl:call-template></xsl:variable>
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Health of its relationships</h2>
      <xsl:choose>
        <xsl:when test="$slice/@suppressed = 'true'">
          <p><span class="withheld">Withheld: fewer than <xsl:value-of select="$min-group"/> people.</span>
            <xsl:text> The relationships that name this cohort and were active on </xsl:text><xsl:value-of select="$last-day"/>
            <xsl:text> have fewer than </xsl:text><xsl:value-of select="$min-group"/>
            <xsl:text> mentees between them, or their health would let a smaller group’s be worked out from the programme’s totals.</xsl:text></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="health-bar">
            <xsl:with-param name="id" select="concat('health-', $c/@id)"/>
            <xsl:with-param name="on-track" select="sum($slice/@on-track)"/>
            <xsl:with-param name="behind" select="sum($slice/@behind)"/>
            <xsl:with-param name="at-risk" select="sum($slice/@at-risk)"/>
            <xsl:with-param name="too-early" select="sum($slice/@too-early)"/>
            <xsl:with-param name="caption" select="concat('Health of the ', $c/@name, ' relationships active on ', $last-day)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- Competency growth of the cohort's mentees, computed as the programme's. -->
  <xsl:template name="cohort-competencies">
    <xsl:param name="detail"/>
    <xsl:variable name="rows" select="$detail/competency"/>
    <xsl:if test="$rows">
      <section aria-labelledby="learning-heading">
        <h2 id="learning-heading">Competency growth of its mentees</h2>
        <p>Each mentee’s self-rating in their earliest baseline survey that asks about the competency against their latest such final survey, for the cohort’s mentees who answered both, as on the Outcomes page for the whole programme (where the means before and after are too; report.xml has the cohort’s).</p>
        <xsl:if test="$rows[@change]">
          <xsl:call-template name="competency-ci-chart">
            <xsl:with-param name="rows" select="$rows[@change]"/>
            <xsl:with-param name="id" select="'cohort-competency-change'"/>
            <xsl:with-param name="title" select="'Change in the cohort’s self-rated competencies, baseline to final, with 95% confidence intervals'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="not($rows[@n &gt; 0 or @suppressed = 'true'])">
          <p>None of the cohort’s mentees has answered both a baseline and a final survey yet.</p>
        </xsl:if>
        <xsl:if test="$rows[@n &gt; 0 or @suppressed = 'true']">
        <div class="table-wrap">
          <table class="cohort-competency">
            <caption>Competency growth of the cohort’s mentees, baseline to final</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col" class="num"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.n'"/><xsl:with-param name="text" select="'People'"/></xsl:call-template></th>
                <th scope="col" class="num">Change (95% interval)</th>
                <th scope="col" class="num">Whole programme</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$rows">
                <tr>
                  <th scope="row"><xsl:value-of select="key('competency', @id)/@name"/></th>
                  <xsl:choose>
                    <xsl:when test="@suppressed = 'true'">
                      <td colspan="2" class="withheld">fewer than <xsl:value-of select="$min-group"/> responses</td>
                    </xsl:when>
                    <xsl:otherwise>
                      <td class="num"><xsl:value-of select="@n"/></td>
                      <td class="num">
                        <xsl:call-template name="cohort-number"><xsl:with-param name="value" select="@change"/><xsl:with-param name="signed" select="true()"/></xsl:call-template>
                        <xsl:if test="@ci95-low">
                          <br/><xsl:value-of select="concat('(', format-number(@ci95-low, '+0.00;−0.00'), ' to ', format-number(@ci95-high, '+0.00;−0.00'), ')')"/>
                        </xsl:if>
                      </td>
                    </xsl:otherwise>
                  </xsl:choose>
                  <td class="num">
                    <xsl:variable name="whole" select="key('kpi', concat('competency.', @id, '.change'))"/>
                    <xsl:choose>
                      <xsl:when test="$whole/@value"><xsl:value-of select="format-number($whole/@value, '+0.00;−0.00')"/></xsl:when>
                      <xsl:otherwise><xsl:call-template name="withheld"><xsl:with-param name="kpi" select="$whole"/></xsl:call-template></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A 1–5 mean or change with two decimals, or "no data". -->
  <xsl:template name="cohort-number">
    <xsl:param name="value"/>
    <xsl:param name="signed" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($value)">no data</xsl:when>
      <xsl:when test="$signed"><xsl:value-of select="format-number($value, '+0.00;−0.00')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($value, '0.00')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cohort's active relationships and cadence adherence month by month. -->
  <xsl:template name="cohort-trend">
    <xsl:param name="c"/>
    <xsl:param name="detail"/>
    <xsl:variable name="active" select="$detail/trend[1]"/>
    <xsl:variable name="adherence" select="$detail/trend[2]"/>
    <xsl:if test="$active/point">
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Month by month</h2>
        <p>
          <xsl:text>From </xsl:text>
          <xsl:call-template name="month-name"><xsl:with-param name="month" select="$active/point[1]/@month"/></xsl:call-template>
          <xsl:text>, the later of the cohort’s start and twelve months back. A month in which the cohort had fewer than </xsl:text>
          <xsl:value-of select="$min-group"/>
          <xsl:text> enrolled mentees (or was withheld with such a cohort) is a gap.</xsl:text>
        </p>
        <div class="trend-grid">
          <div class="trend">
            <h3>Relationships active in the month</h3>
            <xsl:call-template name="line-chart">
              <xsl:with-param name="trend" select="$active"/>
              <xsl:with-param name="id" select="'cohort-trend-active'"/>
              <xsl:with-param name="title" select="concat('Relationships of ', $c/@name, ' active each month')"/>
            </xsl:call-template>
            <xsl:call-template name="trend-table">
              <xsl:with-param name="trend" select="$active"/>
              <xsl:with-param name="caption" select="concat('Relationships of ', $c/@name, ' active each month')"/>
            </xsl:call-template>
          </div>
          <div class="trend">
            <h3>Cadence adherence at the end of the month</h3>
            <xsl:call-template name="line-chart">
              <xsl:with-param name="trend" select="$adherence"/>
              <xsl:with-param name="id" select="'cohort-trend-adherence'"/>
              <xsl:with-param name="title" select="concat('Cadence adherence of the relationships of ', $c/@name, ' mentees, each month')"/>
            </xsl:call-template>
            <xsl:call-template name="trend-table">
              <xsl:with-param name="trend" select="$adherence"/>
              <xsl:with-param name="caption" select="concat('Cadence adherence of the relationships of ', $c/@name, ' mentees, each month')"/>
            </xsl:call-template>
          </div>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The glossary of the figures above; none for a withheld cohort. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:if test="not($withheld)">
      <xsl:call-template name="glossary">
        <xsl:with-param name="kpis" select="$segment-kpis | kpis/kpi[@id = 'participants.mentees' or @id = 'match.rate'
          or @id = 'cadence.adherence' or @id = 'goals.achievement_rate' or @id = 'satisfaction.mean.mentees'
          or @id = 'outcomes.promotion_rate_12m' or @id = 'outcomes.retention_rate_12m'
          or @id = concat('relationships.active.cohort.', $cohort) or starts-with(@id, 'competency.')]"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
