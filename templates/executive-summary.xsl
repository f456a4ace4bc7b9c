<?xml version="1.0" encoding="UTF-8"?>
<!--
  executive-summary.html: one printed page for executive reviews: three to six numbers with their
  12-month sparklines, the month's most notable misses and moves (chosen by the rule in report.xml's
  <notable>), two sentences of findings, the health of the pairs, the return on investment with its
  assumption in one line, and a consented success story. Self-contained (CSS inside), so it can be
  attached to an email as it is; `build -pdf` prints it as executive-summary.pdf.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <!-- The numbers that matter when program.yaml names none (its headline_kpis, in report.xml's
       programme/headline-kpis, come first). -->
  <xsl:param name="headline-kpis" select="'relationships.active match.rate cadence.adherence satisfaction.mean.mentees outcomes.retention_rate_12m'"/>

  <!-- The tiles' KPI ids, each followed by a space. -->
  <xsl:variable name="headline-ids">
    <xsl:choose>
      <xsl:when test="/report/programme/headline-kpis/kpi-ref">
        <xsl:for-each select="/report/programme/headline-kpis/kpi-ref"><xsl:value-of select="concat(@id, ' ')"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(normalize-space($headline-kpis), ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="headline-count" select="string-length($headline-ids) - string-length(translate($headline-ids, ' ', ''))"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Executive summary'"/>
      <xsl:with-param name="current" select="'executive-summary.html'"/>
      <xsl:with-param name="body-class" select="'summary'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <xsl:variable name="month"><xsl:call-template name="month-name"><xsl:with-param name="month" select="@period"/></xsl:call-template></xsl:variable>
    <p class="lead"><xsl:value-of select="concat(programme/@name, ', ', $month, '.')"/></p>
    <h2 id="figures-heading" class="visually-hidden">Key figures</h2>
    <div class="tiles across-{$headline-count}">
      <xsl:call-template name="headline"><xsl:with-param name="ids" select="$headline-ids"/></xsl:call-template>
    </div>
    <section aria-labelledby="notable-heading">
      <h2 id="notable-heading">What stands out</h2>
      <xsl:choose>
        <xsl:when test="notable/kpi-ref">
          <ul class="notable">
            <xsl:for-each select="notable/kpi-ref">
              <xsl:variable name="kpi" select="key('kpi', @id)"/>
              <li>
                <strong>
                  <xsl:choose>
                    <xsl:when test="$kpi/@term"><a class="defined" href="#term-{$kpi/@term}"><xsl:value-of select="$kpi/@label"/></a></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$kpi/@label"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:text>: </xsl:text>
                  <xsl:call-template name="value"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template>
                </strong>
                <xsl:text>, </xsl:text>
                <xsl:choose>
                  <xsl:when test="@reason = 'off-target'">
                    <xsl:call-template name="target"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template>
                    <xsl:text>; </xsl:text>
                    <xsl:call-template name="delta"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="delta"><xsl:with-param name="kpi" select="$kpi"/></xsl:call-template>
                    <xsl:value-of select="concat(', unusual for this figure: ', format-number(@moves, '0.0'), ' standard deviations from its average monthly change over the past year')"/>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:text>.</xsl:text>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Nothing stands out: every KPI with a target meets it, and no figure moved much more than it usually does in a month.</p></xsl:otherwise>
      </xsl:choose>
      <p class="note">Chosen by a fixed rule: KPIs off their target first (the largest miss first), then figures whose change since last month is at least 2 standard deviations from their average monthly change over the past year; at most three.</p>
    </section>
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      <p>
        <xsl:variable name="adherence" select="key('kpi', 'cadence.adherence')"/>
        <xsl:variable name="active" select="key('kpi', 'relationships.active')/@value"/>
        <xsl:call-template name="count-of"><xsl:with-param name="count" select="$active"/><xsl:with-param name="singular" select="'relationship'"/></xsl:call-template>
        <xsl:value-of select="concat(substring(' were', 1, 5 * ($active != 1)), substring(' was', 1, 4 * ($active = 1)), ' active; ')"/>
        <xsl:choose>
          <xsl:when test="$adherence/@value">
            <xsl:value-of select="format-number($adherence/@value * 100, '0')"/>
            <xsl:text>% of established pairs meet at their agreed cadence</xsl:text>
            <xsl:if test="$adherence/@target">
              <xsl:choose>
                <xsl:when test="$adherence/@on-target = 'true'">, on target</xsl:when>
                <xsl:otherwise>, below the target of <xsl:value-of select="format-number($adherence/@target * 100, '0')"/>%</xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <xsl:text>. </xsl:text>
          </xsl:when>
          <xsl:otherwise>no pair is established enough to judge its cadence yet. </xsl:otherwise>
        </xsl:choose>
        <strong class="at-risk-count">
          <xsl:value-of select="health/status[@id = 'at-risk']/@count"/>
          <xsl:text> pair</xsl:text><xsl:if test="health/status[@id = 'at-risk']/@count != 1">s</xsl:if>
          <xsl:text> at risk</xsl:text>
        </strong>
        <xsl:text> (no session for more than </xsl:text>
        <xsl:call-template name="count-of"><xsl:with-param name="count" select="programme/@at-risk-after-days"/><xsl:with-param name="singular" select="'day'"/></xsl:call-template>
        <xsl:text>) need</xsl:text><xsl:if test="health/status[@id = 'at-risk']/@count = 1">s</xsl:if>
        <xsl:text> a call from the programme team.</xsl:text>
      </p>
      <p>
        <xsl:variable name="promo" select="key('kpi', 'outcomes.promotion_lift')"/>
        <xsl:variable name="ret" select="key('kpi', 'outcomes.retention_rate_12m')"/>
        <xsl:if test="$ret/@value">
          <xsl:value-of select="concat(format-number($ret/@value * 100, '0.0'), '% of mentees stayed over the last 12 months')"/>
          <xsl:if test="key('kpi', 'outcomes.retention_lift')/@value">
            <xsl:value-of select="concat(' (', format-number(key('kpi', 'outcomes.retention_lift')/@value, '0.00'), ' times the benchmark)')"/>
          </xsl:if>
          <xsl:text>; </xsl:text>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$promo/@value">mentees were promoted at <xsl:value-of select="format-number($promo/@value, '0.00')"/> times the rate of non-participants.</xsl:when>
          <xsl:otherwise>promotion has no benchmark to compare with.</xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
    <div class="summary-pair">
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">Health of the pairs</h2>
        <xsl:call-template name="health-bar">
          <xsl:with-param name="id" select="'summary-health'"/>
          <xsl:with-param name="on-track" select="health/status[@id = 'on-track']/@count"/>
          <xsl:with-param name="behind" select="health/status[@id = 'behind']/@count"/>
          <xsl:with-param name="at-risk" select="health/status[@id = 'at-risk']/@count"/>
          <xsl:with-param name="too-early" select="health/status[@id = 'too-early']/@count"/>
          <xsl:with-param name="caption" select="'Health of the relationships active at the end of the month'"/>
        </xsl:call-template>
      </section>
      <section aria-labelledby="roi-heading">
        <h2 id="roi-heading">Return on investment</h2>
        <xsl:choose>
          <xsl:when test="roi/@value">
            <p>
              <strong class="roi-value"><xsl:value-of select="format-number(roi/@value * 100, '0.0')"/>%</strong>
              <xsl:text>: an estimated </xsl:text>
              <xsl:value-of select="format-number(roi/@avoided-leavers, '#,##0.##')"/>
              <xsl:value-of select="concat(' leavers avoided (', format-number(roi/@retention-rate * 100, '0.0'), '% of mentees stayed against ', format-number(roi/@retention-benchmark * 100, '0.##'), '% for non-participants), each saving ')"/>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@replacement-cost-per-leaver"/></xsl:call-template>
              <xsl:text> of replacement cost, against a programme cost of </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="value" select="roi/@programme-cost"/></xsl:call-template>
              <xsl:text>.</xsl:text>
            </p>
          </xsl:when>
          <xsl:otherwise><p>Not computed: program.yaml gives no programme cost and replacement cost, or no mentee has 12 months of data.</p></xsl:otherwise>
        </xsl:choose>
      </section>
    </div>
    <xsl:if test="stories/story">
      <section aria-labelledby="story-heading">
        <h2 id="story-heading">In a participant’s words</h2>
        <!-- The newest story short enough for the printed page (280 characters), else the newest,
             cut to four lines in print. -->
        <xsl:variable name="short" select="stories/story[string-length(.) &lt;= 280][1]"/>
        <blockquote class="story{substring(' long', 1, 5 * not($short))}"><p><xsl:value-of select="$short | stories/story[not($short)][1]"/></p></blockquote>
        <p class="note">Quoted with the participant’s consent, without their name.</p>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Tiles for a space-separated list of KPI ids. -->
  <xsl:template name="headline">
    <xsl:param name="ids"/>
    <xsl:variable name="id" select="substring-before($ids, ' ')"/>
    <xsl:if test="$id != ''">
      <xsl:call-template name="tile-with-sparkline"><xsl:with-param name="id" select="$id"/></xsl:call-template>
      <xsl:call-template name="headline"><xsl:with-param name="ids" select="substring-after($ids, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The glossary of the headline tiles. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[contains(concat(' ', $headline-ids), concat(' ', @id, ' ')) or @id = /report/notable/kpi-ref/@id]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
