<?xml version="1.0" encoding="UTF-8"?>
<!-- engagement.html: matching, sessions, cadence and health, goals and survey response rates. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Engagement'"/>
      <xsl:with-param name="current" select="'engagement.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:variable name="month"><xsl:call-template name="month-name"><xsl:with-param name="month" select="@period"/></xsl:call-template></xsl:variable>
    <xsl:variable name="last-day"><xsl:call-template name="date"><xsl:with-param name="date" select="@as-of"/></xsl:call-template></xsl:variable>
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <div class="tiles">
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'sessions.count'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'sessions.hours'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'sessions.per_active_relationship'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'sessions.live_issue_rate'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'group.attendance_rate'"/></xsl:call-template>
      </div>
    </section>
    <section aria-labelledby="cadence-heading">
      <h2 id="cadence-heading">Cadence and health</h2>
      <div class="tiles">
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'cadence.adherence'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'health.at_risk'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'health.behind'"/></xsl:call-template>
      </div>
      <xsl:call-template name="health-bar">
        <xsl:with-param name="on-track" select="health/status[@id = 'on-track']/@count"/>
        <xsl:with-param name="behind" select="health/status[@id = 'behind']/@count"/>
        <xsl:with-param name="at-risk" select="health/status[@id = 'at-risk']/@count"/>
        <xsl:with-param name="too-early" select="health/status[@id = 'too-early']/@count"/>
        <xsl:with-param name="caption" select="'Health of the relationships active at the end of the month'"/>
      </xsl:call-template>
      <xsl:call-template name="health-slices">
        <xsl:with-param name="slices" select="health/by-type/slice"/>
        <xsl:with-param name="caption" select="concat('Health by relationship type, of the relationships active on ', $last-day)"/>
        <xsl:with-param name="key-heading" select="'Type'"/>
        <xsl:with-param name="last-day" select="$last-day"/>
      </xsl:call-template>
      <xsl:call-template name="health-slices">
        <xsl:with-param name="slices" select="health/by-cohort/slice"/>
        <xsl:with-param name="caption" select="concat('Health by cohort, of the relationships active on ', $last-day)"/>
        <xsl:with-param name="key-heading" select="'Cohort'"/>
        <xsl:with-param name="last-day" select="$last-day"/>
      </xsl:call-template>
      <p class="note">These tables count the relationships active on the last day of the month, whose health can be judged; the table of relationships below counts those active at any time in the month, so a relationship that ended during the month is there and not here.</p>
    </section>
    <section aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">Relationships</h2>
      <xsl:call-template name="kpi-table">
        <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'relationships.')]"/>
        <xsl:with-param name="caption" select="concat('Relationships active at any time in ', $month, ', by type and cohort')"/>
      </xsl:call-template>
    </section>
    <section aria-labelledby="matching-heading">
      <h2 id="matching-heading">Matching</h2>
      <xsl:call-template name="kpi-table">
        <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'participants.') or starts-with(@id, 'match.') or starts-with(@id, 'mentor.')]"/>
        <xsl:with-param name="caption" select="'Participants and matching'"/>
      </xsl:call-template>
    </section>
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals</h2>
      <xsl:call-template name="kpi-table">
        <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'goals.')]"/>
        <xsl:with-param name="caption" select="'Goals set and achieved'"/>
      </xsl:call-template>
    </section>
    <section aria-labelledby="surveys-heading">
      <h2 id="surveys-heading">Survey response rates</h2>
      <xsl:choose>
        <xsl:when test="kpis/kpi[starts-with(@id, 'surveys.response_rate.')]">
          <xsl:call-template name="bar-chart">
            <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'surveys.response_rate.')]"/>
            <xsl:with-param name="id" select="'response-rates'"/>
            <xsl:with-param name="title" select="'Response rate of each survey'"/>
          </xsl:call-template>
          <xsl:call-template name="kpi-table">
            <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'surveys.response_rate.')]"/>
            <xsl:with-param name="caption" select="'Response rate of each survey (audience: people of the survey’s role enrolled when it opened)'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p>No surveys yet.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- Health counts per relationship type or cohort (relationships that name no cohort in a row of
       their own), each row with its total and a row of totals. A withheld cohort row (too few people
       to show) says so instead of its counts. -->
  <xsl:template name="health-slices">
    <xsl:param name="slices"/>
    <xsl:param name="caption"/>
    <xsl:param name="key-heading"/>
    <xsl:param name="last-day"/>
    <xsl:if test="$slices">
      <div class="table-wrap">
        <table>
          <caption><xsl:value-of select="$caption"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$key-heading"/></th>
              <th scope="col" class="num">On track</th><th scope="col" class="num">Behind</th>
              <th scope="col" class="num">At risk</th><th scope="col" class="num">Too early</th>
              <th scope="col" class="num"><xsl:value-of select="concat('Active on ', $last-day)"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$slices">
              <tr>
                <th scope="row">
                  <xsl:choose>
                    <xsl:when test="@no-cohort = 'true'">No cohort</xsl:when>
                    <xsl:when test="key('cohort', @key)"><xsl:value-of select="key('cohort', @key)/@name"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@key"/></xsl:otherwise>
                  </xsl:choose>
                </th>
                <xsl:choose>
                  <xsl:when test="@suppressed = 'true'">
                    <td colspan="5" class="withheld">fewer than <xsl:value-of select="$min-group"/> people</td>
                  </xsl:when>
                  <xsl:otherwise>
                    <td class="num"><xsl:value-of select="@on-track"/></td>
                    <td class="num"><xsl:value-of select="@behind"/></td>
                    <td class="num"><xsl:value-of select="@at-risk"/></td>
                    <td class="num"><xsl:value-of select="@too-early"/></td>
                    <td class="num"><xsl:value-of select="@on-track + @behind + @at-risk + @too-early"/></td>
                  </xsl:otherwise>
                </xsl:choose>
              </tr>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <!-- The whole's counts: the slices add up to them, withheld ones included. -->
            <xsl:variable name="all" select="/report/health/status"/>
            <tr>
              <th scope="row">All</th>
              <td class="num"><xsl:value-of select="$all[@id = 'on-track']/@count"/></td>
              <td class="num"><xsl:value-of select="$all[@id = 'behind']/@count"/></td>
              <td class="num"><xsl:value-of select="$all[@id = 'at-risk']/@count"/></td>
              <td class="num"><xsl:value-of select="$all[@id = 'too-early']/@count"/></td>
              <td class="num"><xsl:value-of select="sum($all/@count)"/></td>
            </tr>
          </tfoot>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The glossary of the tiles and tables above. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'sessions.') or @id = 'group.attendance_rate' or @id = 'cadence.adherence'
        or starts-with(@id, 'health.') or starts-with(@id, 'relationships.') or starts-with(@id, 'participants.') or starts-with(@id, 'match.')
        or starts-with(@id, 'mentor.') or starts-with(@id, 'goals.') or starts-with(@id, 'surveys.response_rate.')]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
