<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page frame every page of the site shares: head with the inlined CSS, skip link, header,
  navigation, main, footer. Page stylesheets import this file (and components.xsl, charts.xsl) and call
  the named template "page" with their title; the page's main content comes from its own template
  matching "report" in mode "page-content", applied in place (no copy of a result tree fragment, which
  doubled the work of the long relationships table).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Tunable parameters -->
  <!-- The CSS of templates/site.css, inlined in every page so each file stands alone. -->
  <xsl:param name="css" select="''"/>
  <!-- The product name shown in the footer. -->
  <xsl:param name="generator-name" select="'mentor-report'"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <!-- "2026-10" → "October 2026" -->
  <xsl:template name="month-name">
    <xsl:param name="month"/>
    <xsl:variable name="m" select="number(substring($month, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="$m = 1">January</xsl:when><xsl:when test="$m = 2">February</xsl:when>
      <xsl:when test="$m = 3">March</xsl:when><xsl:when test="$m = 4">April</xsl:when>
      <xsl:when test="$m = 5">May</xsl:when><xsl:when test="$m = 6">June</xsl:when>
      <xsl:when test="$m = 7">July</xsl:when><xsl:when test="$m = 8">August</xsl:when>
      <xsl:when test="$m = 9">September</xsl:when><xsl:when test="$m = 10">October</xsl:when>
      <xsl:when test="$m = 11">November</xsl:when><xsl:otherwise>December</xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($month, 1, 4)"/>
  </xsl:template>

  <!-- "2026-10-31" → "31 October 2026" -->
  <xsl:template name="date">
    <xsl:param name="date"/>
    <xsl:value-of select="number(substring($date, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="month-name"><xsl:with-param name="month" select="$date"/></xsl:call-template>
  </xsl:template>

  <!-- One navigation link; marks the current page. -->
  <xsl:template name="nav-link">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <li>
      <a href="{$href}">
        <xsl:if test="$href = $current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- The notice of a partial month (SPEC §2): on every page of the month, under its heading. -->
  <xsl:template match="partial-month">
    <p class="warning-note partial-month" role="status">
      <xsl:text>Partial month: the latest session in the data is on </xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="date" select="@latest-session"/></xsl:call-template>
      <xsl:value-of select="concat(', ', @days-before-end, ' days before the month ends, so its figures are incomplete until its sessions are recorded. The last complete month is ')"/>
      <xsl:call-template name="month-name"><xsl:with-param name="month" select="@last-complete-period"/></xsl:call-template>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:template>

  <!-- program.yaml's accent (report.xml's programme/branding) as the custom properties "brand" and
       "brand-text" (white or black, whichever reads on the accent) that site.css draws the header and
       charts with. Only a #rrggbb value is written, so nothing else from the data reaches the style. -->
  <xsl:template name="branding-style">
    <xsl:param name="branding"/>
    <xsl:variable name="accent" select="string($branding/@accent)"/>
    <xsl:variable name="text" select="string($branding/@accent-text)"/>
    <xsl:if test="string-length($accent) = 7 and starts-with($accent, '#') and translate(substring($accent, 2), '0123456789abcdef', '') = ''
                  and ($text = '#ffffff' or $text = '#000000')">
      <style><xsl:value-of select="concat(':root { --brand: ', $accent, '; --brand-text: ', $text, '; }')"/></style>
    </xsl:if>
  </xsl:template>

  <!-- program.yaml's logo, as the data URI report.xml carries (an image, never inline SVG markup). -->
  <xsl:template name="logo">
    <xsl:param name="branding"/>
    <xsl:for-each select="$branding/logo[starts-with(@src, 'data:image/')]">
      <img class="logo" src="{@src}" alt="{@alt}"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A page's glossary of the KPIs it shows: each page that shows KPIs gives its own template for
       "report" in mode "page-glossary" (calling components.xsl's "glossary"); other pages have none. -->
  <xsl:template match="report" mode="page-glossary"/>

  <!-- The whole page. $current is the page's file name; the importing stylesheet's template for "report" in
       mode "page-content" gives its main content (after the h1). -->
  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="current"/>
    <xsl:param name="body-class" select="''"/>
    <xsl:variable name="report" select="/report"/>
    <xsl:variable name="period-name">
      <xsl:call-template name="month-name"><xsl:with-param name="month" select="$report/@period"/></xsl:call-template>
    </xsl:variable>
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="concat($title, ' — ', $report/programme/@name, ' — ', $period-name)"/></title>
        <style><xsl:value-of select="$css"/></style>
        <xsl:call-template name="branding-style"><xsl:with-param name="branding" select="$report/programme/branding"/></xsl:call-template>
      </head>
      <body class="{$body-class}">
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
          <div class="wrap">
            <xsl:call-template name="logo"><xsl:with-param name="branding" select="$report/programme/branding"/></xsl:call-template>
            <p class="programme"><xsl:value-of select="$report/programme/@name"/></p>
            <p class="period">
              <xsl:text>Report for </xsl:text><xsl:value-of select="$period-name"/>
              <xsl:if test="$report/@audience = 'admin'"><span class="badge">Admin — names people, do not share</span></xsl:if>
            </p>
          </div>
        </header>
        <nav class="site-nav" aria-label="Report pages">
          <ul class="wrap">
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'index.html'"/><xsl:with-param name="label" select="'Overview'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'engagement.html'"/><xsl:with-param name="label" select="'Engagement'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'outcomes.html'"/><xsl:with-param name="label" select="'Outcomes'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'inclusion.html'"/><xsl:with-param name="label" select="'Inclusion'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'compare.html'"/><xsl:with-param name="label" select="'Compare'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'surveys.html'"/><xsl:with-param name="label" select="'Surveys'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:for-each select="$report/cohorts/cohort">
              <xsl:call-template name="nav-link"><xsl:with-param name="href" select="concat('cohort-', @id, '.html')"/><xsl:with-param name="label" select="@name"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            </xsl:for-each>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'executive-summary.html'"/><xsl:with-param name="label" select="'Executive summary'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            <xsl:if test="$report/@audience = 'admin'">
              <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'relationships.html'"/><xsl:with-param name="label" select="'Relationships'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'actions.html'"/><xsl:with-param name="label" select="'Actions'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
            </xsl:if>
            <xsl:call-template name="nav-link"><xsl:with-param name="href" select="'../index.html'"/><xsl:with-param name="label" select="'All months'"/><xsl:with-param name="current" select="$current"/></xsl:call-template>
          </ul>
        </nav>
        <main id="main" class="wrap" tabindex="-1">
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:apply-templates select="$report/partial-month"/>
          <xsl:apply-templates select="$report" mode="page-content"/>
          <xsl:apply-templates select="$report" mode="page-glossary"/>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <xsl:value-of select="$report/programme/@organization"/>
              <xsl:if test="$report/programme/@organization"> · </xsl:if>
              <xsl:text>Figures as of </xsl:text>
              <xsl:call-template name="date"><xsl:with-param name="date" select="$report/@as-of"/></xsl:call-template>
              <xsl:text>. Groups smaller than </xsl:text><xsl:value-of select="$report/programme/@min-group-size"/>
              <xsl:text> are not shown. Made by </xsl:text><xsl:value-of select="$generator-name"/><xsl:text>.</xsl:text>
            </p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
