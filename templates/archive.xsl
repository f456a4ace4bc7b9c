<?xml version="1.0" encoding="UTF-8"?>
<!-- OUT/index.html: every month's report folder of the output folder's audience, newest first.
     Input: <archive audience="public|admin"><branding/>?<period month href/>…</archive>, the branding
     being the one of the build that wrote the page (report.xml's programme/branding). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Mentoring programme reports</title>
        <style><xsl:value-of select="$css"/></style>
        <xsl:call-template name="branding-style"><xsl:with-param name="branding" select="archive/branding"/></xsl:call-template>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header"><div class="wrap"><xsl:call-template name="logo"><xsl:with-param name="branding" select="archive/branding"/></xsl:call-template><p class="programme">Mentoring programme reports<xsl:if test="archive/@audience = 'admin'"><xsl:text> </xsl:text><span class="badge">Admin — names people, do not share</span></xsl:if></p></div></header>
        <main id="main" class="wrap" tabindex="-1">
          <h1>Reports by month</h1>
          <xsl:choose>
            <xsl:when test="archive/period">
              <ul class="archive">
                <xsl:for-each select="archive/period">
                  <li>
                    <a href="{@href}"><xsl:call-template name="month-name"><xsl:with-param name="month" select="@month"/></xsl:call-template></a>
                    <xsl:text> · </xsl:text>
                    <a href="{concat(@month, '/executive-summary.html')}">executive summary<span class="visually-hidden"><xsl:text> for </xsl:text><xsl:call-template name="month-name"><xsl:with-param name="month" select="@month"/></xsl:call-template></span></a>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p>No reports yet.</p></xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="site-footer"><div class="wrap"><p>Made by <xsl:value-of select="$generator-name"/>.</p></div></footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
