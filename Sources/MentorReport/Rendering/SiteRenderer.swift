import Foundation

/// Renders the HTML site from `report.xml` with the XSLT stylesheets of a templates folder or of the
/// built-in set: each stylesheet is compiled once per run, and pages are rendered on all cores.
package struct SiteRenderer {
    package var templates: TemplateSource
    /// Leave each page's result tree to the process's exit (see `ReportWriter.keepsTreesUntilExit`).
    var keepsTreesUntilExit = false

    package init(templates: TemplateSource) { self.templates = templates }
    package init(templatesFolder: String) { self.templates = .folder(templatesFolder) }

    /// One page to render: the file it becomes, its stylesheet and its parameters.
    struct Page {
        var file: String
        var stylesheet: String
        var parameters: [(String, String)] = []
    }

    /// The month's pages: overview, engagement, outcomes, inclusion, compare, surveys, one per cohort, the executive
    /// summary and, for the admin audience, the relationships and actions pages.
    static func pages(for report: Report) -> [Page] {
        var pages = [
            Page(file: "index.html", stylesheet: "overview.xsl"),
            Page(file: "engagement.html", stylesheet: "engagement.xsl"),
            Page(file: "outcomes.html", stylesheet: "outcomes.xsl"),
            Page(file: "inclusion.html", stylesheet: "inclusion.xsl"),
            Page(file: "compare.html", stylesheet: "compare.xsl"),
            Page(file: "surveys.html", stylesheet: "surveys.xsl"),
        ]
        for cohort in report.data.cohorts {
            pages.append(Page(file: "cohort-\(cohort.id).html", stylesheet: "cohort.xsl", parameters: [("cohort", cohort.id)]))
        }
        pages.append(Page(file: "executive-summary.html", stylesheet: "executive-summary.xsl"))
        if report.audience == .admin {
            pages.append(Page(file: "relationships.html", stylesheet: "relationships.xsl"))
            pages.append(Page(file: "actions.html", stylesheet: "actions.xsl"))
        }
        return pages
    }

    /// The CSS every page inlines (pages are self-contained files), read inside the templates sandbox
    /// like the stylesheets. A templates folder without a readable `site.css` is an error: pages
    /// without their styles must not be published.
    private func css() throws -> String {
        guard case .folder(let templatesFolder) = templates else {
            // Built in from templates/site.css, which the tests check is UTF-8.
            return String(decoding: BuiltInFiles.templates["site.css"] ?? [], as: UTF8.self)
        }
        let path = (templatesFolder as NSString).appendingPathComponent("site.css")
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw RenderFailure(file: path, message: "the style sheet is missing (\(String(cString: strerror(errno)))); expected site.css in the templates folder")
        }
        let bytes: [UInt8]
        do {
            bytes = try XSLTSandbox.readFile(path, inside: templatesFolder)
        } catch let failure as RenderFailure {
            throw RenderFailure(file: path, message: "the style sheet " + failure.message + "; expected site.css, a file of the templates folder")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RenderFailure(file: path, message: "the style sheet is not UTF-8 text")
        }
        return text
    }

    /// Compiles the stylesheets `names` once each, in the sandbox of the templates folder.
    private func compile(_ names: [String]) throws -> [String: XSLTStylesheet] {
        var compiled: [String: XSLTStylesheet] = [:]
        for name in names where compiled[name] == nil {
            let path = templates.path(of: name)
            switch templates {
            case .folder:
                guard FileManager.default.fileExists(atPath: path) else {
                    throw RenderFailure(file: path, message: "the stylesheet is missing from the templates folder; expected a complete set of templates (mentor-report templates DIR writes one)")
                }
            case .builtIn:
                guard BuiltInFiles.templates[name] != nil else {
                    throw RenderFailure(file: path, message: "the stylesheet is missing from the built-in templates")
                }
            }
            compiled[name] = try XSLTStylesheet(named: name, in: templates)
        }
        return compiled
    }

    /// The month's pages rendered from the serialised `report.xml`.
    func renderPages(reportXML: [UInt8], report: Report) throws -> [(name: String, bytes: [UInt8])] {
        try renderPages(document: parsedDocument(String(decoding: reportXML, as: UTF8.self)), report: report)
    }

    /// What every page needs before the first one renders: the compiled stylesheets and the CSS.
    struct Prepared: Sendable {
        var stylesheets: [String: XSLTStylesheet]
        var css: String
    }

    /// Compiles the stylesheets of `pages` (once each) and reads the CSS: the work that needs the
    /// templates only, not report.xml (a build does it while report.xml's tree is being built).
    func prepare(_ pages: [Page]) throws -> Prepared {
        let stylesheets = try compile(pages.map(\.stylesheet))
        return Prepared(stylesheets: stylesheets, css: try css())
    }

    /// One page rendered from report.xml's tree with what `prepare` made.
    func render(_ page: Page, document: XMLDocument, prepared: Prepared) throws -> [UInt8] {
        try prepared.stylesheets[page.stylesheet]!.transform(
            document, parameters: [("css", prepared.css)] + page.parameters, freeingResult: !keepsTreesUntilExit)
    }

    /// The pages that take longest, to start before the others (the relationships page, one row per
    /// relationship, then the actions page): started last, one of them would keep a core busy alone.
    static func longest(_ pages: [Page]) -> [Int] {
        ["relationships.html", "actions.html"].compactMap { file in pages.firstIndex { $0.file == file } }
    }

    /// The month's pages rendered from report.xml's tree (the one the build checks and serialises).
    func renderPages(document: XMLDocument, report: Report,
                     progress: (@Sendable (String) -> Void)? = nil) throws -> [(name: String, bytes: [UInt8])] {
        let pages = SiteRenderer.pages(for: report)
        let done = FileCounter()
        let prepared = try prepare(pages)
        // One document for every page: transforms only read it. (libxslt writes the document
        // order into its elements when a transform context is made; `XSLTStylesheet.transform` makes
        // contexts one at a time, and the order it writes is the same each time.)
        let document = UncheckedSendable(document)
        let results = parallelMap(pages.count, longestFirst: SiteRenderer.longest(pages)) { i in
            Result {
                let page = try render(pages[i], document: document.value, prepared: prepared)
                progress?("rendered \(done.increment()) of \(pages.count) pages")
                return page
            }
        }
        return try pages.indices.map { (pages[$0].file, try results[$0].get()) }
    }

    /// `OUT/index.html`: the archive of every month folder of the output folder's audience, newest first,
    /// with the logo and accent of `programme` (the build's) when it has them.
    func renderArchive(months: [Month], audience: ReportAudience, programme: Program? = nil) throws -> [UInt8] {
        let stylesheets = try compile(["archive.xsl"])
        let document = XMLDocument(root: "archive")
        document.root.attribute("audience", audience.rawValue)
        if let programme { ReportXML.writeBranding(of: programme, to: document.root) }
        for month in months.sorted(by: >) {
            let period = document.root.element("period")
            period.attribute("month", month.description)
            period.attribute("href", "\(month)/index.html")
        }
        return try stylesheets["archive.xsl"]!.transform(document, parameters: [("css", try css())])
    }
}

/// Renders every page of `report` (for the benchmark): the number of pages.
package func renderSite(_ report: Report, templates: String) throws -> Int {
    let xml = try ReportXML(report: report).document().serialized()
    return try SiteRenderer(templatesFolder: templates).renderPages(reportXML: xml, report: report).count
}
