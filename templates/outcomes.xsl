<?xml version="1.0" encoding="UTF-8"?>
<!-- outcomes.html: the four Kirkpatrick levels in order, then return on investment with its assumptions. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Outcomes'"/>
      <xsl:with-param name="current" select="'outcomes.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <section aria-labelledby="reaction-heading">
      <h2 id="reaction-heading">Level 1: Reaction</h2>
      <p>Answers to satisfaction and recommendation questions of every survey answered so far (each person’s latest answer to each survey).</p>
      <div class="table-wrap">
        <table>
          <caption>Satisfaction and Net Promoter Score by role</caption>
          <thead><tr><th scope="col">Measure</th><th scope="col" class="num">Mentees</th><th scope="col" class="num">Mentors</th></tr></thead>
          <tbody>
            <xsl:call-template name="role-row"><xsl:with-param name="label" select="'Satisfaction, mean of 1–5'"/><xsl:with-param name="stem" select="'satisfaction.mean.'"/></xsl:call-template>
            <xsl:call-template name="role-row"><xsl:with-param name="label" select="'Satisfied (answered 4 or 5)'"/><xsl:with-param name="stem" select="'satisfaction.top2.'"/></xsl:call-template>
            <xsl:call-template name="role-row"><xsl:with-param name="label" select="'Net Promoter Score (−100 to +100)'"/><xsl:with-param name="stem" select="'nps.'"/></xsl:call-template>
          </tbody>
        </table>
      </div>
      <div class="tiles">
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'reciprocal.top2'"/></xsl:call-template>
      </div>
    </section>

    <section aria-labelledby="learning-heading">
      <h2 id="learning-heading">Level 2: Learning</h2>
      <p>Each person’s self-rating in their earliest baseline survey that asks about the competency against their latest such final survey, for those who answered both. The effect size d is the mean change divided by the standard deviation of the changes.</p>
      <xsl:if test="kpis/kpi[starts-with(@id, 'competency.') and substring(@id, string-length(@id) - 6) = '.change' and @value]">
        <xsl:call-template name="dot-whisker"/>
      </xsl:if>
      <div class="table-wrap">
        <table>
          <caption>Competency growth, baseline to final</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th><th scope="col" class="num"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.n'"/><xsl:with-param name="text" select="'People'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.pre_mean'"/><xsl:with-param name="text" select="'Before'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.post_mean'"/><xsl:with-param name="text" select="'After'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.change'"/><xsl:with-param name="text" select="'Change'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.ci95_low'"/><xsl:with-param name="text" select="'95% confidence interval'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="term-link"><xsl:with-param name="key" select="'competency.competency.effect_size'"/><xsl:with-param name="text" select="'Effect size'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="competencies/competency">
              <xsl:variable name="p" select="concat('competency.', @id, '.')"/>
              <xsl:variable name="n" select="key('kpi', concat($p, 'n'))"/>
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <xsl:choose>
                  <xsl:when test="$n/@status = 'suppressed'">
                    <td colspan="6" class="withheld">fewer than <xsl:value-of select="$min-group"/> responses</td>
                  </xsl:when>
                  <xsl:otherwise>
                    <td class="num"><xsl:value-of select="$n/@value"/></td>
                    <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', concat($p, 'pre_mean'))"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', concat($p, 'post_mean'))"/></xsl:call-template></td>
                    <td class="num">
                      <xsl:variable name="c" select="key('kpi', concat($p, 'change'))"/>
                      <xsl:choose>
                        <xsl:when test="$c/@value"><xsl:value-of select="format-number($c/@value, '+0.00;−0.00')"/></xsl:when>
                        <xsl:otherwise>no data</xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td>
                      <xsl:variable name="lo" select="key('kpi', concat($p, 'ci95_low'))"/>
                      <xsl:choose>
                        <xsl:when test="$lo/@value"><xsl:value-of select="concat(format-number($lo/@value, '+0.00;−0.00'), ' to ', format-number(key('kpi', concat($p, 'ci95_high'))/@value, '+0.00;−0.00'))"/></xsl:when>
                        <xsl:otherwise>no data</xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td>
                      <xsl:variable name="d" select="key('kpi', concat($p, 'effect_size'))/@value"/>
                      <xsl:choose>
                        <xsl:when test="$d">
                          <xsl:value-of select="format-number($d, '0.00')"/>
                          <xsl:variable name="size" select="$d * (($d &gt;= 0) * 2 - 1)"/>
                          <xsl:choose>
                            <xsl:when test="$size &lt; 0.2"> (negligible)</xsl:when>
                            <xsl:when test="$size &lt; 0.5"> (small)</xsl:when>
                            <xsl:when test="$size &lt; 0.8"> (medium)</xsl:when>
                            <xsl:otherwise> (large)</xsl:otherwise>
                          </xsl:choose>
                        </xsl:when>
                        <xsl:otherwise>no data</xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </xsl:otherwise>
                </xsl:choose>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>

    <section aria-labelledby="behaviour-heading">
      <h2 id="behaviour-heading">Level 3: Behaviour</h2>
      <p>Goals the pairs agreed and achieved, a sign of new ways of working.</p>
      <div class="tiles">
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'goals.achievement_rate'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'goals.achieved'"/></xsl:call-template>
        <xsl:call-template name="tile"><xsl:with-param name="id" select="'goals.set_rate'"/></xsl:call-template>
      </div>
    </section>

    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Level 4: Results</h2>
      <xsl:call-template name="kpi-table">
        <xsl:with-param name="kpis" select="kpis/kpi[@id = 'outcomes.promotion_rate_12m' or @id = 'outcomes.retention_rate_12m' or @id = 'outcomes.promotion_lift' or @id = 'outcomes.retention_lift']"/>
        <xsl:with-param name="caption" select="'Promotion and retention of mentees over the last 12 months, against non-participants'"/>
      </xsl:call-template>
      <p class="note">A lift above 1.00 means mentees did better than the benchmark for non-participants.</p>
      <xsl:call-template name="team-engagement"/>
    </section>

    <section aria-labelledby="roi-heading">
      <h2 id="roi-heading">Return on investment</h2>
      <xsl:choose>
        <xsl:when test="roi">
          <div class="tiles">
            <xsl:call-template name="tile"><xsl:with-param name="id" select="'outcomes.roi'"/></xsl:call-template>
          </div>
          <h3>Assumptions</h3>
          <!-- Each line shows its figures as exactly as the ROI uses them, so that they work out to the
               result shown: the stayers as a count, the benchmark as given, the leavers avoided to four
               decimals (report.xml's precision). -->
          <xsl:variable name="benchmark" select="format-number(roi/@retention-benchmark * 100, '0.##')"/>
          <xsl:variable name="expected" select="roi/@retention-benchmark * roi/@mentees"/>
          <xsl:variable name="avoided" select="format-number(roi/@avoided-leavers, '#,##0.####')"/>
          <ul class="assumptions">
            <li>
              <xsl:text>Retention of mentees over 12 months: </xsl:text>
              <xsl:value-of select="concat(roi/@retained, ' of ')"/>
              <xsl:call-template name="count-of"><xsl:with-param name="count" select="roi/@mentees"/><xsl:with-param name="singular" select="'mentee'"/></xsl:call-template>
              <xsl:value-of select="concat(' stayed (', format-number(roi/@retention-rate * 100, '0.0'), '%), against ', $benchmark, '% for non-participants.')"/>
            </li>
            <li>
              <xsl:value-of select="concat('Leavers avoided: at the benchmark rate, ', $benchmark, '% × ', roi/@mentees, ' = ', format-number($expected, '#,##0.####'), ' would have stayed; ')"/>
              <xsl:choose>
                <xsl:when test="roi/@avoided-leavers &gt; 0"><xsl:value-of select="concat(roi/@retained, ' − ', format-number($expected, '#,##0.####'), ' = ', $avoided, '.')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat(roi/@retained, ' stayed, not more, so 0.')"/></xsl:otherwise>
              </xsl:choose>
            </li>
            <li>
              <xsl:text>Benefit: </xsl:text>
              <xsl:call-template name="count-of"><xsl:with-param name="count" select="roi/@avoided-leavers"/><xsl:with-param name="shown" select="$avoided"/><xsl:with-param name="singular" select="'leaver'"/></xsl:call-template>
              <xsl:text> avoided × </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@replacement-cost-per-leaver"/></xsl:call-template>
              <xsl:text> replacement cost each = </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@benefit"/></xsl:call-template>
              <xsl:text>.</xsl:text>
            </li>
            <li>
              <xsl:text>Return: (</xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@benefit"/></xsl:call-template>
              <xsl:text> benefit − </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@programme-cost"/></xsl:call-template>
              <xsl:text> programme cost) ÷ </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@programme-cost"/></xsl:call-template>
              <xsl:if test="roi/@value"> = <xsl:value-of select="format-number(roi/@value * 100, '0.0')"/>%</xsl:if>
              <xsl:text>.</xsl:text>
            </li>
            <li>Only avoided replacement costs are counted; promotions, engagement and other benefits are not given a money value.</li>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Not computed: it needs the programme cost, the replacement cost per leaver and the retention benchmark in program.yaml.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- Level 4, team engagement: the engagement score of the teams mentees manage before their first
       relationship and since, worded and charted as competency growth is, with how many of the mentees
       it looks at lack a score (report.xml's team-engagement element). -->
  <xsl:template name="team-engagement">
    <xsl:variable name="p" select="'outcomes.team_engagement.'"/>
    <xsl:variable name="n" select="key('kpi', concat($p, 'n'))"/>
    <xsl:variable name="cover" select="/report/team-engagement"/>
    <h3 id="team-engagement-heading">Team engagement</h3>
    <p>The engagement-survey score (0 to 100) of the team each mentee manages: their latest score on or before their first relationship’s start against their latest since, for those scored both before and after. The change is in points of the 0–100 scale.</p>
    <p class="coverage">
      <xsl:variable name="as-of"><xsl:call-template name="date"><xsl:with-param name="date" select="/report/@as-of"/></xsl:call-template></xsl:variable>
      <xsl:variable name="matched">
        <xsl:text> of the </xsl:text>
        <xsl:call-template name="count-of"><xsl:with-param name="count" select="$cover/@eligible"/><xsl:with-param name="singular" select="'mentee'"/></xsl:call-template>
        <xsl:value-of select="concat(' whose first relationship had started by ', $as-of)"/>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$cover/@eligible = 0">
          <xsl:value-of select="concat('No mentee’s first relationship had started by ', $as-of, ', so none was scored before and after.')"/>
        </xsl:when>
        <xsl:when test="$n/@status = 'suppressed'">
          <xsl:value-of select="concat('Fewer than ', $min-group, ' people', $matched, ' were scored both before and after it: too few to show their scores, or how many lack one.')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:choose>
            <xsl:when test="$cover/@paired = 0">None</xsl:when>
            <xsl:otherwise><xsl:value-of select="$cover/@paired"/></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="$matched"/>
          <xsl:choose>
            <xsl:when test="$cover/@paired = 1 or $cover/@paired = 0"> was</xsl:when>
            <xsl:otherwise> were</xsl:otherwise>
          </xsl:choose>
          <xsl:text> scored both before and after it</xsl:text>
          <xsl:choose>
            <xsl:when test="$cover/@without-before = 0 and $cover/@without-after = 0">.</xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="concat(': ', $cover/@without-before)"/>
              <xsl:call-template name="has-have"><xsl:with-param name="count" select="$cover/@without-before"/></xsl:call-template>
              <xsl:value-of select="concat(' no score from before it and ', $cover/@without-after)"/>
              <xsl:call-template name="has-have"><xsl:with-param name="count" select="$cover/@without-after"/></xsl:call-template>
              <xsl:text> none since</xsl:text>
              <xsl:if test="$cover/@without-either &gt; 0">
                <xsl:value-of select="concat(' (', $cover/@without-either)"/>
                <xsl:call-template name="has-have"><xsl:with-param name="count" select="$cover/@without-either"/></xsl:call-template>
                <xsl:text> neither)</xsl:text>
              </xsl:if>
              <xsl:text>.</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:if test="key('kpi', concat($p, 'change'))/@value">
      <xsl:call-template name="change-interval-chart"/>
    </xsl:if>
    <xsl:if test="$n">
      <!-- The chart's table: one measure, so its figures go down the rows (it fits a phone). -->
      <xsl:variable name="withheld">
        <xsl:choose>
          <xsl:when test="$n/@status = 'suppressed'">fewer than <xsl:value-of select="$min-group"/> people</xsl:when>
          <xsl:when test="not($n/@value)">no data</xsl:when>
        </xsl:choose>
      </xsl:variable>
      <div class="table-wrap">
        <table>
          <caption>Team engagement score (0–100), before mentoring to since</caption>
          <thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th></tr></thead>
          <tbody>
            <xsl:call-template name="team-engagement-row">
              <xsl:with-param name="key" select="concat($p, 'n')"/><xsl:with-param name="text" select="'People scored before and after'"/>
              <xsl:with-param name="withheld" select="$withheld"/><xsl:with-param name="shown" select="$n/@value"/>
            </xsl:call-template>
            <xsl:call-template name="team-engagement-row">
              <xsl:with-param name="key" select="concat($p, 'pre_mean')"/><xsl:with-param name="text" select="'Before'"/>
              <xsl:with-param name="withheld" select="$withheld"/><xsl:with-param name="shown" select="format-number(key('kpi', concat($p, 'pre_mean'))/@value, '0.0')"/>
            </xsl:call-template>
            <xsl:call-template name="team-engagement-row">
              <xsl:with-param name="key" select="concat($p, 'post_mean')"/><xsl:with-param name="text" select="'After'"/>
              <xsl:with-param name="withheld" select="$withheld"/><xsl:with-param name="shown" select="format-number(key('kpi', concat($p, 'post_mean'))/@value, '0.0')"/>
            </xsl:call-template>
            <xsl:call-template name="team-engagement-row">
              <xsl:with-param name="key" select="concat($p, 'change')"/><xsl:with-param name="text" select="'Change'"/>
              <xsl:with-param name="withheld" select="$withheld"/><xsl:with-param name="shown" select="format-number(key('kpi', concat($p, 'change'))/@value, '+0.0;−0.0')"/>
            </xsl:call-template>
            <xsl:variable name="lo" select="key('kpi', concat($p, 'ci95_low'))/@value"/>
            <xsl:call-template name="team-engagement-row">
              <xsl:with-param name="key" select="concat($p, 'ci95_low')"/><xsl:with-param name="text" select="'95% confidence interval'"/>
              <xsl:with-param name="withheld" select="$withheld"/>
              <xsl:with-param name="shown">
                <xsl:choose>
                  <xsl:when test="$lo"><xsl:value-of select="concat(format-number($lo, '+0.0;−0.0'), ' to ', format-number(key('kpi', concat($p, 'ci95_high'))/@value, '+0.0;−0.0'))"/></xsl:when>
                  <xsl:otherwise>no data</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- One row of the team engagement table: the figure, or why there is none. -->
  <xsl:template name="team-engagement-row">
    <xsl:param name="key"/>
    <xsl:param name="text"/>
    <xsl:param name="withheld"/>
    <xsl:param name="shown"/>
    <tr>
      <th scope="row"><xsl:call-template name="term-link"><xsl:with-param name="key" select="$key"/><xsl:with-param name="text" select="$text"/></xsl:call-template></th>
      <xsl:choose>
        <xsl:when test="string($withheld)"><td class="num withheld"><xsl:value-of select="$withheld"/></td></xsl:when>
        <xsl:otherwise><td class="num"><xsl:value-of select="$shown"/></td></xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>

  <!-- " has" for one, " have" for any other count. -->
  <xsl:template name="has-have">
    <xsl:param name="count"/>
    <xsl:choose>
      <xsl:when test="$count = 1"> has</xsl:when>
      <xsl:otherwise> have</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One measure for mentees and mentors side by side. -->
  <xsl:template name="role-row">
    <xsl:param name="label"/>
    <xsl:param name="stem"/>
    <tr>
      <th scope="row"><a class="defined" href="#term-{key('kpi', concat($stem, 'mentees'))/@term}"><xsl:value-of select="$label"/></a></th>
      <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', concat($stem, 'mentees'))"/></xsl:call-template></td>
      <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', concat($stem, 'mentors'))"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- The glossary of the tables and tiles above. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'satisfaction.') or starts-with(@id, 'nps.') or @id = 'reciprocal.top2'
        or starts-with(@id, 'competency.') or starts-with(@id, 'goals.')
        or starts-with(@id, 'outcomes.')]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
