<?xml version="1.0" encoding="UTF-8"?>
<!-- relationships.html (admin only): every active relationship with its health, at risk first, and the policy findings. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Relationships'"/>
      <xsl:with-param name="current" select="'relationships.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <p class="warning-note">This page names people. It is for the programme team only.</p>
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">Policy findings</h2>
      <xsl:choose>
        <xsl:when test="policy-findings/*">
          <ul class="findings">
            <xsl:for-each select="policy-findings/direct-report">
              <li><xsl:value-of select="concat(@mentor-name, ' (', @mentor, ') mentors their own direct report ', @mentee-name, ' (', @mentee, ') in relationship ', @relationship, '.')"/></li>
            </xsl:for-each>
            <xsl:for-each select="policy-findings/over-capacity">
              <li>
                <xsl:value-of select="concat(@mentor-name, ' (', @mentor, ') leads ')"/>
                <xsl:call-template name="count-of"><xsl:with-param name="count" select="@leads"/><xsl:with-param name="singular" select="'relationship'"/></xsl:call-template>
                <xsl:value-of select="concat(', more than their capacity of ', @capacity, ': ')"/>
                <xsl:for-each select="relationship-ref"><xsl:value-of select="@id"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
                <xsl:text>.</xsl:text>
              </li>
            </xsl:for-each>
            <xsl:for-each select="policy-findings/past-planned-end">
              <li>
                <xsl:value-of select="concat('Relationship ', @relationship, ' passed its planned end (')"/>
                <xsl:call-template name="date"><xsl:with-param name="date" select="@planned-end"/></xsl:call-template>
                <xsl:text>) and has not been closed.</xsl:text>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>None.</p></xsl:otherwise>
      </xsl:choose>
    </section>
    <section aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">Active relationships</h2>
      <div class="table-wrap">
        <table class="pairs">
          <caption>Relationships active at the end of the month, at risk first</caption>
          <thead>
            <tr>
              <th scope="col">Relationship</th><th scope="col">Mentors</th><th scope="col">Mentees</th><th scope="col">Health</th>
              <th scope="col">Last session</th><th scope="col" class="num">Sessions in 90 days</th><th scope="col">Cadence</th>
              <th scope="col" class="num">Goals achieved</th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="relationships/relationship[@health = 'at-risk']"/>
            <xsl:apply-templates select="relationships/relationship[@health = 'behind']"/>
            <xsl:apply-templates select="relationships/relationship[@health = 'too-early']"/>
            <xsl:apply-templates select="relationships/relationship[@health = 'on-track']"/>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="relationship">
    <tr>
      <th scope="row"><xsl:value-of select="@id"/><span class="sub"><xsl:value-of select="concat(' ', @type)"/></span></th>
      <td><xsl:for-each select="mentor"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
      <td><xsl:for-each select="mentee"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
      <td><xsl:call-template name="health-label"><xsl:with-param name="status" select="@health"/></xsl:call-template></td>
      <td>
        <xsl:choose>
          <xsl:when test="@last-session">
            <xsl:value-of select="@last-session"/>
            <span class="sub"><xsl:text> </xsl:text><xsl:value-of select="@days-since-contact"/><xsl:choose><xsl:when test="@days-since-contact = 1"> day</xsl:when><xsl:otherwise> days</xsl:otherwise></xsl:choose> ago</span>
          </xsl:when>
          <xsl:otherwise>none yet</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num">
        <xsl:choose>
          <!-- Too young for the cadence to expect a session yet (SPEC §3 "behind": floor(L / cadence days) = 0). -->
          <xsl:when test="@expected-in-window = 0"><xsl:value-of select="@sessions-in-window"/><span class="sub"> (none expected yet)</span></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(@sessions-in-window, ' of ', @expected-in-window, ' expected')"/></xsl:otherwise>
        </xsl:choose>
      </td>
      <td><xsl:value-of select="@cadence"/></td>
      <td class="num"><xsl:value-of select="concat(@goals-achieved, ' of ', @goals-set)"/></td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
