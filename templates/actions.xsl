<?xml version="1.0" encoding="UTF-8"?>
<!-- actions.html (admin only): the month's to-do lists for the programme team, each with its CSV for a mail merge. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>

  <!-- Relationships and surveys by id: a list of thousands of pairs looks each one up once (the
       mentors' and mentees' names of a pair come from its relationship, written in place in each
       row: a named template called twice per row cost a tenth of the page). -->
  <xsl:key name="relationship" match="/report/relationships/relationship" use="@id"/>
  <xsl:key name="survey" match="/report/surveys/survey" use="@id"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Actions'"/>
      <xsl:with-param name="current" select="'actions.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <p class="warning-note">This page and its lists name people. They are for the programme team only.</p>
    <p>What to do this month, from the same data as the report. Each list is also a CSV file (UTF-8, for Excel, Google Sheets or a mail merge) in the <code>actions</code> folder beside this page.</p>
    <xsl:apply-templates select="actions"/>
  </xsl:template>

  <!-- A section's heading and the link to its CSV. -->
  <xsl:template name="list-head">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="file"/>
    <xsl:param name="count"/>
    <xsl:param name="kpi"/>
    <xsl:param name="what"/>
    <h2 id="{$id}-heading"><xsl:value-of select="$title"/></h2>
    <p>
      <xsl:value-of select="$what"/>
      <xsl:text> </xsl:text>
      <xsl:if test="$kpi"><xsl:text>Definition: </xsl:text><a class="defined" href="#term-{key('kpi', $kpi)/@term}"><xsl:value-of select="key('kpi', $kpi)/@label"/></a><xsl:text>. </xsl:text></xsl:if>
      <a href="actions/{$file}" download="{$file}">
        <xsl:value-of select="concat('Download ', $file)"/>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="count-of"><xsl:with-param name="count" select="$count"/><xsl:with-param name="singular" select="'row'"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </a>
    </p>
  </xsl:template>

  <xsl:template match="actions">
    <section aria-labelledby="waiting-heading">
      <xsl:call-template name="list-head">
        <xsl:with-param name="id" select="'waiting'"/>
        <xsl:with-param name="title" select="'Mentees to match'"/>
        <xsl:with-param name="file" select="'waiting-mentees.csv'"/>
        <xsl:with-param name="count" select="count(waiting-mentee)"/>
        <xsl:with-param name="kpi" select="'match.waiting'"/>
        <xsl:with-param name="what" select="'Enrolled mentees with no relationship started yet, longest waiting first.'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="waiting-mentee">
          <div class="table-wrap">
            <table>
              <caption>Mentees waiting for a match</caption>
              <thead><tr><th scope="col">Mentee</th><th scope="col">Email</th><th scope="col">Enrolled</th><th scope="col" class="num">Days waiting</th></tr></thead>
              <tbody>
                <xsl:for-each select="waiting-mentee">
                  <tr>
                    <th scope="row"><bdi><xsl:value-of select="@name"/></bdi><span class="sub"><xsl:value-of select="concat(' ', @person)"/></span></th>
                    <td class="wrap-anywhere"><xsl:value-of select="@email"/></td>
                    <td><xsl:call-template name="date"><xsl:with-param name="date" select="@enrolled"/></xsl:call-template></td>
                    <td class="num"><xsl:value-of select="@days-waiting"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p>No one is waiting.</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="call-heading">
      <xsl:call-template name="list-head">
        <xsl:with-param name="id" select="'call'"/>
        <xsl:with-param name="title" select="'Pairs to call'"/>
        <xsl:with-param name="file" select="'relationships-at-risk.csv'"/>
        <xsl:with-param name="count" select="count(pair-to-call)"/>
        <xsl:with-param name="kpi" select="'health.at_risk'"/>
        <xsl:with-param name="what" select="'Relationships at risk, then behind their cadence; in each, the longest without a session first (counted from the start when there has been none).'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="pair-to-call">
          <div class="table-wrap">
            <table>
              <caption>Relationships at risk or behind at the end of the month</caption>
              <thead><tr><th scope="col">Relationship</th><th scope="col">Health</th><th scope="col">Mentors</th><th scope="col">Mentees</th><th scope="col">Last session</th><th scope="col" class="num">Days since</th></tr></thead>
              <tbody>
                <xsl:for-each select="pair-to-call">
                  <tr>
                    <th scope="row"><xsl:value-of select="@relationship"/></th>
                    <td><xsl:call-template name="health-label"><xsl:with-param name="status" select="@health"/></xsl:call-template></td>
                    <td><xsl:for-each select="key('relationship', @relationship)/mentor"><bdi><xsl:value-of select="@name"/></bdi><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
                    <td><xsl:for-each select="key('relationship', @relationship)/mentee"><bdi><xsl:value-of select="@name"/></bdi><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@last-session"><xsl:call-template name="date"><xsl:with-param name="date" select="@last-session"/></xsl:call-template></xsl:when>
                        <xsl:otherwise>none yet</xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td class="num"><xsl:value-of select="@days-since-last-session"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p>No relationship is at risk or behind.</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="past-end-heading">
      <xsl:call-template name="list-head">
        <xsl:with-param name="id" select="'past-end'"/>
        <xsl:with-param name="title" select="'Pairs past their planned end'"/>
        <xsl:with-param name="file" select="'past-planned-end.csv'"/>
        <xsl:with-param name="count" select="count(past-planned-end)"/>
        <xsl:with-param name="kpi" select="'policy.past_planned_end'"/>
        <xsl:with-param name="what" select="'Active relationships whose planned end has passed with no end recorded: close them (ended and end_reason) or agree a later planned end.'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="past-planned-end">
          <div class="table-wrap">
            <table>
              <caption>Relationships past their planned end</caption>
              <thead><tr><th scope="col">Relationship</th><th scope="col">Mentors</th><th scope="col">Mentees</th><th scope="col">Planned end</th><th scope="col" class="num">Days past</th></tr></thead>
              <tbody>
                <xsl:for-each select="past-planned-end">
                  <tr>
                    <th scope="row"><xsl:value-of select="@relationship"/></th>
                    <td><xsl:for-each select="key('relationship', @relationship)/mentor"><bdi><xsl:value-of select="@name"/></bdi><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
                    <td><xsl:for-each select="key('relationship', @relationship)/mentee"><bdi><xsl:value-of select="@name"/></bdi><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
                    <td><xsl:call-template name="date"><xsl:with-param name="date" select="@planned-end"/></xsl:call-template></td>
                    <td class="num"><xsl:value-of select="@days-past"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p>None.</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="silent-heading">
      <xsl:call-template name="list-head">
        <xsl:with-param name="id" select="'silent'"/>
        <xsl:with-param name="title" select="'Survey reminders'"/>
        <xsl:with-param name="file" select="'survey-non-responders.csv'"/>
        <xsl:with-param name="count" select="count(non-responder)"/>
        <xsl:with-param name="what" select="concat('People asked by a survey that opened in the last ', @recent-survey-days, ' days who have not responded by the end of the month.')"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="non-responder">
          <div class="table-wrap">
            <table>
              <caption>People who have not answered a recent survey</caption>
              <thead><tr><th scope="col">Survey</th><th scope="col">Person</th><th scope="col">Email</th></tr></thead>
              <tbody>
                <xsl:for-each select="non-responder">
                  <tr>
                    <td><xsl:value-of select="key('survey', @survey)/@title"/></td>
                    <th scope="row"><bdi><xsl:value-of select="@name"/></bdi><span class="sub"><xsl:value-of select="concat(' ', @person)"/></span></th>
                    <td class="wrap-anywhere"><xsl:value-of select="@email"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p>Everyone asked by a recent survey has answered, or no survey opened in that time.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[@id = 'match.waiting' or @id = 'health.at_risk' or @id = 'policy.past_planned_end']"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
