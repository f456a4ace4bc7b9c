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

  <xsl:variable name="min-group" select="/report/programme/@min-group-size"/>

  <!-- A KPI's name in words. -->
  <xsl:template name="label">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$id = 'participants.mentors'">Mentors enrolled</xsl:when>
      <xsl:when test="$id = 'participants.mentees'">Mentees enrolled</xsl:when>
      <xsl:when test="$id = 'match.rate'">Mentees matched</xsl:when>
      <xsl:when test="$id = 'match.waiting'">Mentees waiting for a match</xsl:when>
      <xsl:when test="$id = 'match.days_to_match_median'">Median days to a match</xsl:when>
      <xsl:when test="$id = 'mentor.capacity_utilization'">Mentor capacity in use</xsl:when>
      <xsl:when test="$id = 'relationships.active'">Relationships active</xsl:when>
      <xsl:when test="$id = 'relationships.new'">Relationships started</xsl:when>
      <xsl:when test="$id = 'relationships.ended'">Relationships ended</xsl:when>
      <xsl:when test="starts-with($id, 'relationships.active.type.')">
        <xsl:value-of select="concat('Active ', substring-after($id, 'relationships.active.type.'), ' relationships')"/>
      </xsl:when>
      <xsl:when test="starts-with($id, 'relationships.active.cohort.')">
        <xsl:value-of select="concat('Active in ', key('cohort', substring-after($id, 'relationships.active.cohort.'))/@name)"/>
      </xsl:when>
      <xsl:when test="$id = 'health.on_track'">On track</xsl:when>
      <xsl:when test="$id = 'health.behind'">Behind cadence</xsl:when>
      <xsl:when test="$id = 'health.at_risk'">At risk</xsl:when>
      <xsl:when test="$id = 'health.too_early'">Too early to tell</xsl:when>
      <xsl:when test="$id = 'cadence.adherence'">Cadence adherence</xsl:when>
      <xsl:when test="$id = 'sessions.count'">Sessions held</xsl:when>
      <xsl:when test="$id = 'sessions.hours'">Hours of mentoring</xsl:when>
      <xsl:when test="$id = 'sessions.per_active_relationship'">Sessions per active relationship</xsl:when>
      <xsl:when test="$id = 'sessions.live_issue_rate'">Sessions with a live issue</xsl:when>
      <xsl:when test="$id = 'group.attendance_rate'">Group session attendance</xsl:when>
      <xsl:when test="$id = 'goals.set_rate'">Relationships with goals</xsl:when>
      <xsl:when test="$id = 'goals.achieved'">Goals achieved this month</xsl:when>
      <xsl:when test="$id = 'goals.achievement_rate'">Goals achieved so far</xsl:when>
      <xsl:when test="starts-with($id, 'surveys.response_rate.')">
        <xsl:value-of select="concat('Response rate: ', key('survey', substring-after($id, 'surveys.response_rate.'))/@title)"/>
      </xsl:when>
      <xsl:when test="$id = 'satisfaction.mean.mentees'">Mentee satisfaction (1–5)</xsl:when>
      <xsl:when test="$id = 'satisfaction.mean.mentors'">Mentor satisfaction (1–5)</xsl:when>
      <xsl:when test="$id = 'satisfaction.top2.mentees'">Mentees satisfied (4 or 5)</xsl:when>
      <xsl:when test="$id = 'satisfaction.top2.mentors'">Mentors satisfied (4 or 5)</xsl:when>
      <xsl:when test="$id = 'nps.mentees'">Mentee Net Promoter Score</xsl:when>
      <xsl:when test="$id = 'nps.mentors'">Mentor Net Promoter Score</xsl:when>
      <xsl:when test="$id = 'reciprocal.top2'">Mentors who learnt from their mentee</xsl:when>
      <xsl:when test="starts-with($id, 'competency.')">
        <xsl:variable name="rest" select="substring-after($id, 'competency.')"/>
        <xsl:variable name="c" select="/report/competencies/competency[starts-with($rest, concat(@id, '.'))]"/>
        <xsl:value-of select="concat($c/@name, ': ', substring-after($rest, concat($c/@id, '.')))"/>
      </xsl:when>
      <xsl:when test="$id = 'outcomes.promotion_rate_12m'">Mentees promoted in 12 months</xsl:when>
      <xsl:when test="$id = 'outcomes.retention_rate_12m'">Mentees retained over 12 months</xsl:when>
      <xsl:when test="$id = 'outcomes.promotion_lift'">Promotion against benchmark</xsl:when>
      <xsl:when test="$id = 'outcomes.retention_lift'">Retention against benchmark</xsl:when>
      <xsl:when test="$id = 'outcomes.roi'">Return on investment</xsl:when>
      <xsl:when test="starts-with($id, 'inclusion.')">
        <xsl:variable name="rest" select="substring-after($id, 'inclusion.')"/>
        <xsl:variable name="g" select="/report/groups/group[starts-with($rest, concat(@id, '.'))]/@id"/>
        <xsl:variable name="stat" select="substring-after($rest, concat($g, '.'))"/>
        <xsl:value-of select="$g"/>
        <xsl:choose>
          <xsl:when test="$stat = 'share'">: share of mentees</xsl:when>
          <xsl:when test="$stat = 'workforce_share'">: share of workforce</xsl:when>
          <xsl:otherwise>: representation index</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$id = 'policy.direct_report_pairs'">Mentors paired with a direct report</xsl:when>
      <xsl:when test="$id = 'policy.over_capacity_mentors'">Mentors over capacity</xsl:when>
      <xsl:when test="$id = 'policy.past_planned_end'">Relationships past their planned end</xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A number in a unit, as people read it. -->
  <xsl:template name="number">
    <xsl:param name="value"/>
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="$unit = 'ratio'"><xsl:value-of select="format-number($value * 100, '0.0')"/>%</xsl:when>
      <xsl:when test="$unit = 'nps'"><xsl:value-of select="format-number($value, '+0.0;−0.0')"/></xsl:when>
      <xsl:when test="$unit = 'likert'"><xsl:value-of select="format-number($value, '0.00')"/></xsl:when>
      <xsl:when test="$unit = 'index' or $unit = 'effect-size' or $unit = 'per-relationship'"><xsl:value-of select="format-number($value, '0.00')"/></xsl:when>
      <xsl:when test="$unit = 'days'"><xsl:value-of select="format-number($value, '#,##0.#')"/> days</xsl:when>
      <xsl:when test="$unit = 'hours'"><xsl:value-of select="format-number($value, '#,##0.#')"/> h</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($value, '#,##0.##')"/></xsl:otherwise>
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
      <h3><xsl:value-of select="$label"/></h3>
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
              <th scope="row"><xsl:call-template name="label"><xsl:with-param name="id" select="@id"/></xsl:call-template></th>
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
