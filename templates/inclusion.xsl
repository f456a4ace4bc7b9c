<?xml version="1.0" encoding="UTF-8"?>
<!-- inclusion.html: each self-identified group's share of mentees against its share of the workforce. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="components.xsl"/>
  <xsl:import href="charts.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Inclusion'"/>
      <xsl:with-param name="current" select="'inclusion.html'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="report" mode="page-content">
    <p>Who the programme reaches: the share of enrolled mentees in each self-identified group, against that group’s share of the whole workforce. A representation index of 1.00 means the group is represented in proportion; below 1.00, under-represented. Groups with fewer than <xsl:value-of select="$min-group"/> mentees are not shown, and where only one group would be hidden the next smallest is hidden too, so that no count can be worked out from the others.</p>
    <xsl:choose>
      <xsl:when test="groups/group">
        <div class="table-wrap">
          <table>
            <caption>Representation of self-identified groups among enrolled mentees</caption>
            <thead>
              <tr><th scope="col">Group</th><th scope="col" class="num"><a class="defined" href="#term-inclusion.group.share">Share of mentees</a></th><th scope="col" class="num"><a class="defined" href="#term-inclusion.group.workforce_share">Share of workforce</a></th><th scope="col" class="num"><a class="defined" href="#term-inclusion.group.representation_index">Representation index</a></th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="groups/group">
                <xsl:variable name="p" select="concat('inclusion.', @id, '.')"/>
                <tr>
                  <th scope="row"><xsl:value-of select="@name"/></th>
                  <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', concat($p, 'share'))"/></xsl:call-template></td>
                  <td class="num"><xsl:call-template name="value"><xsl:with-param name="kpi" select="key('kpi', concat($p, 'workforce_share'))"/></xsl:call-template></td>
                  <td class="num">
                    <xsl:variable name="i" select="key('kpi', concat($p, 'representation_index'))"/>
                    <xsl:call-template name="value"><xsl:with-param name="kpi" select="$i"/></xsl:call-template>
                    <xsl:if test="$i/@value &lt; 0.8"> <span class="flag"> (under-represented)</span></xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="bar-chart">
          <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'inclusion.') and substring(@id, string-length(@id) - 5) = '.share']"/>
          <xsl:with-param name="id" select="'inclusion-shares'"/>
          <xsl:with-param name="title" select="'Share of enrolled mentees in each group'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p>No one has recorded a self-identified group.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The glossary of the table above. -->
  <xsl:template match="report" mode="page-glossary">
    <xsl:call-template name="glossary">
      <xsl:with-param name="kpis" select="kpis/kpi[starts-with(@id, 'inclusion.')]"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
