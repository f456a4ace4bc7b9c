<?xml version="1.0" encoding="UTF-8"?>
<!--
  surveys.html: each survey's response rate (within its cohort when it names one) and, for each likert5
  or nps question of a survey open by as-of, how people answered: a stacked bar of the answers per scale
  point with its text alternative and a table of the counts, the mean and the top-2 share. A question
  answered by fewer than min-group-size people shows no numbers (report.xml has none); free-text answers
  are never in report.xml. Survey titles and question texts are the data's own words: always written as
  text (never markup), isolated for right-to-left scripts and allowed to break anywhere on narrow screens.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <!-- as-of as a number (20261031), to compare with the surveys' opening days. -->
  <xsl:variable name="as-of-day" select="number(translate(/report/@as-of, '-', ''))"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Surveys'"/>
      <xsl:with-param name="current" select="'surveys.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:variable name="surveys" select="surveys/survey"/>
    <xsl:variable name="open" select="$surveys[number(translate(@opens, '-', '')) &lt;= $as-of-day]"/>
    <p class="lead">
      <xsl:text>How many people answered each survey, and how they answered each rated question. </xsl:text>
      <xsl:text>A question answered by fewer than </xsl:text>
      <xsl:value-of select="$min-group"/>
      <xsl:text> people shows no numbers, and answers to free-text questions are never published.</xsl:text>
    </p>
    <xsl:choose>
      <xsl:when test="not($surveys)">
        <p>The programme has no surveys.</p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="survey-overview"><xsl:with-param name="surveys" select="$surveys"/></xsl:call-template>
        <xsl:apply-templates select="$open" mode="survey-section"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'surveys.response_rate.') or starts-with(@id, 'question.')]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "check-in survey for mentees of the Autumn 2025 cohort" -->
  <xsl:template name="survey-kind">
    <xsl:param name="survey"/>
    <xsl:choose>
      <xsl:when test="$survey/@kind = 'baseline'">Baseline survey</xsl:when>
      <xsl:when test="$survey/@kind = 'checkin'">Check-in survey</xsl:when>
      <xsl:otherwise>Final survey</xsl:otherwise>
    </xsl:choose>
    <xsl:text> for </xsl:text>
    <xsl:value-of select="$survey/@audience"/>
    <xsl:call-template name="survey-cohort"><xsl:with-param name="survey" select="$survey"/></xsl:call-template>
  </xsl:template>

  <!-- " of the Autumn 2025 cohort", when the survey names a cohort. -->
  <xsl:template name="survey-cohort">
    <xsl:param name="survey"/>
    <xsl:if test="$survey/@cohort">
      <xsl:text> of the </xsl:text>
      <bdi><xsl:value-of select="key('cohort', $survey/@cohort)/@name"/></bdi>
      <xsl:text> cohort</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Every survey in one table: open ones link to their section and give their response rate. -->
  <xsl:template name="survey-overview">
    <xsl:param name="surveys"/>
    <div class="table-wrap">
      <table class="survey-overview">
        <caption>Survey response rates</caption>
        <thead>
          <tr><th scope="col">Survey</th><th scope="col">Opened</th><th scope="col" class="num">Response rate</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$surveys">
            <xsl:variable name="is-open" select="number(translate(@opens, '-', '')) &lt;= $as-of-day"/>
            <xsl:variable name="rate" select="key('kpi', concat('surveys.response_rate.', @id))"/>
            <tr>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="$is-open"><a href="#survey-{@id}" dir="auto"><xsl:value-of select="@title"/></a></xsl:when>
                  <xsl:otherwise><span dir="auto"><xsl:value-of select="@title"/></span></xsl:otherwise>
                </xsl:choose>
                <xsl:text> </xsl:text>
                <span class="sub survey-for"><xsl:call-template name="survey-kind"><xsl:with-param name="survey" select="."/></xsl:call-template></span>
              </th>
              <td>
                <xsl:if test="not($is-open)">opens </xsl:if>
                <xsl:call-template name="date"><xsl:with-param name="date" select="@opens"/></xsl:call-template>
              </td>
              <td class="num">
                <xsl:choose>
                  <xsl:when test="not($is-open)"><span class="withheld">not open yet</span></xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="value"><xsl:with-param name="kpi" select="$rate"/></xsl:call-template>
                    <xsl:if test="$rate/@value and @responded">
                      <xsl:text> </xsl:text>
                      <span class="sub survey-for"><xsl:value-of select="concat(@responded, ' of ', $rate/@n)"/></span>
                    </xsl:if>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- One open survey: what it is, its response rate, its rated questions. -->
  <xsl:template match="survey" mode="survey-section">
    <xsl:variable name="rate" select="key('kpi', concat('surveys.response_rate.', @id))"/>
    <xsl:variable name="people">
      <xsl:choose>
        <xsl:when test="@audience = 'mentors'">mentor</xsl:when>
        <xsl:otherwise>mentee</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="survey" id="survey-{@id}" aria-labelledby="survey-{@id}-heading">
      <h2 id="survey-{@id}-heading" dir="auto"><xsl:value-of select="@title"/></h2>
      <p class="sub">
        <xsl:call-template name="survey-kind"><xsl:with-param name="survey" select="."/></xsl:call-template>
        <xsl:text>, opened </xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="date" select="@opens"/></xsl:call-template>
        <xsl:text>.</xsl:text>
      </p>
      <p class="response-rate">
        <xsl:call-template name="term-link">
          <xsl:with-param name="key" select="'surveys.response_rate.survey'"/>
          <xsl:with-param name="text" select="'Response rate'"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:choose>
          <xsl:when test="$rate/@value and @responded">
            <strong><xsl:call-template name="value"><xsl:with-param name="kpi" select="$rate"/></xsl:call-template></strong>
            <xsl:text>. </xsl:text>
            <xsl:value-of select="@responded"/>
            <xsl:text> of the </xsl:text>
            <xsl:call-template name="count-of"><xsl:with-param name="count" select="$rate/@n"/><xsl:with-param name="singular" select="$people"/></xsl:call-template>
            <xsl:call-template name="survey-cohort"><xsl:with-param name="survey" select="."/></xsl:call-template>
            <xsl:choose>
              <xsl:when test="$rate/@n = 1"> who was</xsl:when>
              <xsl:otherwise> who were</xsl:otherwise>
            </xsl:choose>
            <xsl:text> in the programme when it opened responded</xsl:text>
            <!-- A survey still collecting answers: how the rate moved since last month. -->
            <xsl:if test="$rate/@previous and $rate/@previous != $rate/@value">
              <xsl:text> (</xsl:text>
              <xsl:call-template name="delta"><xsl:with-param name="kpi" select="$rate"/></xsl:call-template>
              <xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <span class="withheld">no data</span>
            <xsl:value-of select="concat('. No ', $people, 's')"/>
            <xsl:call-template name="survey-cohort"><xsl:with-param name="survey" select="."/></xsl:call-template>
            <xsl:text> were in the programme when it opened.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:apply-templates select="question" mode="survey-question"/>
    </section>
  </xsl:template>

  <!-- One likert5 or nps question: its text, then its answers, or why they are not shown. -->
  <xsl:template match="question" mode="survey-question">
    <xsl:variable name="id" select="concat('q-', @kpi)"/>
    <xsl:variable name="total" select="sum(answers/@count)"/>
    <div class="question">
      <h3 id="{$id}-heading" dir="auto"><xsl:value-of select="@text"/></h3>
      <xsl:choose>
        <xsl:when test="@suppressed = 'true'">
          <p class="withheld-note">
            <xsl:value-of select="concat('Fewer than ', $min-group, ' people answered: not shown.')"/>
          </p>
        </xsl:when>
        <xsl:when test="not($total &gt; 0)">
          <p class="withheld-note">Nobody has answered yet.</p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="question-figures"><xsl:with-param name="total" select="$total"/></xsl:call-template>
          <xsl:call-template name="answer-bar">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="total" select="$total"/>
          </xsl:call-template>
          <xsl:call-template name="answer-table"><xsl:with-param name="total" select="$total"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- "33 people answered · mean 2.85 out of 5 · top-2 share (4 or 5) 12.1%", the two KPIs linked to
       their definitions. -->
  <xsl:template name="question-figures">
    <xsl:param name="total"/>
    <xsl:variable name="mean" select="key('kpi', concat(@kpi, '.mean'))"/>
    <xsl:variable name="top2" select="key('kpi', concat(@kpi, '.top2'))"/>
    <p class="question-figures">
      <span>
        <xsl:call-template name="count-of">
          <xsl:with-param name="count" select="$total"/>
          <xsl:with-param name="singular" select="'person'"/>
          <xsl:with-param name="plural" select="'people'"/>
        </xsl:call-template>
        <xsl:text> answered</xsl:text>
      </span>
      <xsl:text> </xsl:text>
      <span>
        <xsl:call-template name="term-link"><xsl:with-param name="key" select="'question.question.mean'"/><xsl:with-param name="text" select="'Mean'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <strong><xsl:call-template name="value"><xsl:with-param name="kpi" select="$mean"/></xsl:call-template></strong>
        <xsl:choose>
          <xsl:when test="@scale = 'nps'"> out of 10</xsl:when>
          <xsl:otherwise> out of 5</xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:text> </xsl:text>
      <span>
        <xsl:call-template name="term-link"><xsl:with-param name="key" select="'question.question.top2'"/><xsl:with-param name="text" select="'Top-2 share'"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="@scale = 'nps'"> (9 or 10) </xsl:when>
          <xsl:otherwise> (4 or 5) </xsl:otherwise>
        </xsl:choose>
        <strong><xsl:call-template name="value"><xsl:with-param name="kpi" select="$top2"/></xsl:call-template></strong>
      </span>
    </p>
  </xsl:template>

  <!-- The colour class of a scale point: five steps for likert5; for nps the three groups
       (detractors 0–6, passives 7–8, promoters 9–10) as the ends and the middle of the same scale. -->
  <xsl:template name="point-class">
    <xsl:param name="scale"/>
    <xsl:param name="point"/>
    <xsl:choose>
      <xsl:when test="$scale = 'nps' and $point &lt;= 6">a1</xsl:when>
      <xsl:when test="$scale = 'nps' and $point &lt;= 8">a3</xsl:when>
      <xsl:when test="$scale = 'nps'">a5</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('a', $point)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A share of $total as a whole percentage ("27%"). -->
  <xsl:template name="share">
    <xsl:param name="count"/>
    <xsl:param name="total"/>
    <xsl:value-of select="format-number($count div $total * 100, '0')"/>
    <xsl:text>%</xsl:text>
  </xsl:template>

  <!-- The answers as one horizontal stacked bar, a segment per scale point answered, left (lowest) to
       right (highest), each labelled with its point where it is wide enough. Positions are percentages,
       so the bar takes the width of the page while its labels keep their size on a phone. The legend
       under it gives each point's share (for nps, each group's); the <desc> every count. -->
  <xsl:template name="answer-bar">
    <xsl:param name="id"/>
    <xsl:param name="total"/>
    <xsl:variable name="scale" select="@scale"/>
    <xsl:variable name="nps" select="@scale = 'nps'"/>
    <figure class="answer-chart">
      <svg class="answer-bar" width="100%" height="34" role="img" aria-labelledby="{$id}-title {$id}-desc">
        <title id="{$id}-title"><xsl:value-of select="concat('Answers to “', @text, '”')"/></title>
        <desc id="{$id}-desc">
          <xsl:call-template name="count-of">
            <xsl:with-param name="count" select="$total"/>
            <xsl:with-param name="singular" select="'person'"/>
            <xsl:with-param name="plural" select="'people'"/>
          </xsl:call-template>
          <xsl:text> answered, from </xsl:text>
          <xsl:choose>
            <xsl:when test="$nps">0 (lowest) to 10 (highest): </xsl:when>
            <xsl:otherwise>1 (lowest) to 5 (highest): </xsl:otherwise>
          </xsl:choose>
          <xsl:for-each select="answers[@count &gt; 0]">
            <xsl:value-of select="concat(@count, ' gave ', @point)"/>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
          <xsl:if test="answers[@count = 0]">; none gave any other answer</xsl:if>
          <xsl:text>.</xsl:text>
          <xsl:if test="$nps">
            <xsl:value-of select="concat(' Detractors (0 to 6): ', sum(answers[@point &lt;= 6]/@count),
                                         ', passives (7 or 8): ', sum(answers[@point = 7 or @point = 8]/@count),
                                         ', promoters (9 or 10): ', sum(answers[@point &gt;= 9]/@count), '.')"/>
          </xsl:if>
        </desc>
        <xsl:for-each select="answers[@count &gt; 0]">
          <xsl:variable name="start" select="sum(preceding-sibling::answers/@count) div $total * 100"/>
          <xsl:variable name="width" select="@count div $total * 100"/>
          <xsl:variable name="class"><xsl:call-template name="point-class"><xsl:with-param name="scale" select="$scale"/><xsl:with-param name="point" select="@point"/></xsl:call-template></xsl:variable>
          <rect class="seg {$class}" y="2" height="30" x="{format-number($start, '0.##')}%" width="{format-number($width, '0.##')}%"/>
          <xsl:if test="$width &gt;= 4 + 3 * (@point &gt;= 10)">
            <text class="seg-label {$class}" y="22" text-anchor="middle" x="{format-number($start + $width div 2, '0.##')}%"><xsl:value-of select="@point"/></text>
          </xsl:if>
        </xsl:for-each>
      </svg>
      <figcaption>
        <ul class="legend answer-legend">
          <xsl:choose>
            <xsl:when test="$nps">
              <xsl:call-template name="legend-item"><xsl:with-param name="class" select="'a1'"/><xsl:with-param name="label" select="'Detractors (0–6)'"/><xsl:with-param name="count" select="sum(answers[@point &lt;= 6]/@count)"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
              <xsl:call-template name="legend-item"><xsl:with-param name="class" select="'a3'"/><xsl:with-param name="label" select="'Passives (7–8)'"/><xsl:with-param name="count" select="sum(answers[@point = 7 or @point = 8]/@count)"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
              <xsl:call-template name="legend-item"><xsl:with-param name="class" select="'a5'"/><xsl:with-param name="label" select="'Promoters (9–10)'"/><xsl:with-param name="count" select="sum(answers[@point &gt;= 9]/@count)"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="answers">
                <xsl:call-template name="legend-item">
                  <xsl:with-param name="class" select="concat('a', @point)"/>
                  <xsl:with-param name="label">
                    <xsl:value-of select="@point"/>
                    <xsl:if test="@point = 1"> (lowest)</xsl:if>
                    <xsl:if test="@point = 5"> (highest)</xsl:if>
                  </xsl:with-param>
                  <xsl:with-param name="count" select="@count"/>
                  <xsl:with-param name="total" select="$total"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </ul>
      </figcaption>
    </figure>
  </xsl:template>

  <xsl:template name="legend-item">
    <xsl:param name="class"/>
    <xsl:param name="label"/>
    <xsl:param name="count"/>
    <xsl:param name="total"/>
    <li>
      <span class="key {$class}" aria-hidden="true">■</span>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$label"/>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="share"><xsl:with-param name="count" select="$count"/><xsl:with-param name="total" select="$total"/></xsl:call-template>
    </li>
  </xsl:template>

  <!-- The bar's numbers: every scale point, with how many people gave it and their share. -->
  <xsl:template name="answer-table">
    <xsl:param name="total"/>
    <xsl:variable name="nps" select="@scale = 'nps'"/>
    <details class="chart-data">
      <summary>Show the numbers</summary>
      <div class="table-wrap">
        <table class="answers">
          <caption><span class="visually-hidden">Answers to </span><span dir="auto"><xsl:value-of select="@text"/></span></caption>
          <thead><tr><th scope="col">Answer</th><th scope="col" class="num">People</th><th scope="col" class="num">Share</th></tr></thead>
          <tbody>
            <xsl:for-each select="answers">
              <tr>
                <th scope="row">
                  <xsl:value-of select="@point"/>
                  <xsl:choose>
                    <xsl:when test="$nps and @point &lt;= 6"> (detractor)</xsl:when>
                    <xsl:when test="$nps and @point &lt;= 8"> (passive)</xsl:when>
                    <xsl:when test="$nps"> (promoter)</xsl:when>
                    <xsl:when test="@point = 1"> (lowest)</xsl:when>
                    <xsl:when test="@point = 5"> (highest)</xsl:when>
                  </xsl:choose>
                </th>
                <td class="num"><xsl:value-of select="@count"/></td>
                <td class="num"><xsl:value-of select="format-number(@count div $total * 100, '0.0')"/>%</td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </details>
  </xsl:template>
</xsl:stylesheet>
