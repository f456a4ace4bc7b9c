import Foundation
import Testing
@testable import MentorReport

/// Builds the reports of a folder into `out` as `mentor-report build` does; returns the written folder.
@discardableResult
func build(_ folder: String, out: String, period: String? = nil, audience: ReportAudience = .public,
           templates: String = Fixture.repository.appendingPathComponent("templates").path) throws -> String {
    let loaded = Loader(folder: folder).load()
    #expect(!validate(loaded).hasErrors)
    let p = period.flatMap(Month.init(text:)).map(ReportingPeriod.init) ?? ReportingPeriod.default(for: loaded.data)
    let report = Report(data: loaded.data, period: p, audience: audience)
    let writer = ReportWriter(outputFolder: out, templatesFolder: templates)
    return try writer.write(try writer.render(report), period: p.month, audience: audience)
}

/// Every file under `folder`, relative path → bytes.
func contents(of folder: String) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = folder + "/" + relative
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        }
    }
    return result
}

@Suite struct ExportTests {
    static let sample = Fixture.repository.appendingPathComponent("data").path

    @Test func sampleReportValidatesAgainstTheShippedSchemaInBothAudiences() throws {
        for audience in ReportAudience.allCases {
            let out = try TemporaryFolder()
            let written = try build(Self.sample, out: out.path, audience: audience)
            // Validate the written file again, independently of the writer, with libxml2's schema validator.
            let schema = try XMLSchema(path: Fixture.repository.appendingPathComponent("templates/report.xsd").path)
            let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
            let document = try parsedDocument(xml)
            #expect(document.validate(against: schema) == [])
            #expect(xml.contains("<report format-version=\"1\" audience=\"\(audience.rawValue)\" period=\"2026-10\""))
            #expect(xml.contains("<relationships>") == (audience == .admin))
        }
    }

    @Test func kpiElementsFollowTheSpecShape() throws {
        let out = try TemporaryFolder()
        let written = try build(Fixture.path("kpi-surveys"), out: out.path, period: "2026-03")
        let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
        #expect(xml.contains(#"<kpi id="nps.mentees" label="Mentee Net Promoter Score" term="nps.role" value="20" n="5" unit="nps" status="ok"/>"#))
        #expect(xml.contains(#"<kpi id="nps.mentors" label="Mentor Net Promoter Score" term="nps.role" unit="nps" suppressed="true" status="suppressed"/>"#))
        #expect(xml.contains(#"<kpi id="competency.communication.ci95_low" label="Communication: 95% interval, low end" term="competency.competency.ci95_low" value="0.3806" n="5" unit="likert" status="ok"/>"#))
        #expect(xml.contains(#"term="surveys.response_rate.survey" value="0.8333" n="6" unit="ratio" status="ok"/>"#))
    }

    @Test func csvHasOneRowPerKPIWithStatus() throws {
        let out = try TemporaryFolder()
        let written = try build(Fixture.path("kpi-surveys"), out: out.path, period: "2026-03")
        let csv = try String(contentsOfFile: written + "/kpis.csv", encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.first == "id,value,unit,n,previous,status,label,target,on_target")  // (Foundation drops the byte-order mark)
        #expect(rows.last == "")  // every row ends in CRLF
        #expect(rows.contains("satisfaction.mean.mentees,3.6,likert,5,,ok,Mentee satisfaction (1–5),,"))
        #expect(rows.contains("satisfaction.mean.mentors,,likert,,,suppressed,Mentor satisfaction (1–5),,"))
        // A survey not open in February has no previous value; in March its rate is 5/6.
        #expect(rows.contains { $0.hasPrefix("surveys.response_rate.fin,0.8333,ratio,6,,ok,") })
        let loaded = Loader(folder: Fixture.path("kpi-surveys")).load()
        #expect(rows.count - 2 == KPICatalog(data: loaded.data, period: ReportingPeriod(try #require(Month(text: "2026-03")))).ids.count)
        #expect(KPICSV.quoted("a,b") == "\"a,b\"" && KPICSV.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"" && KPICSV.quoted("x") == "x")
    }

    @Test func numbersHaveAtMostFourDecimalsAndNoTrailingZeros() {
        #expect(formatNumber(0.91666666) == "0.9167")
        #expect(formatNumber(24) == "24")
        #expect(formatNumber(2.5) == "2.5")
        #expect(formatNumber(-0.00001) == "0")
        #expect(formatNumber(-1.25) == "-1.25")
        // Exact ties round to even (decision 55): 5/32 and 1/32.
        #expect(formatNumber(0.15625) == "0.1562")
        #expect(formatNumber(0.03125) == "0.0312")
        #expect(formatNumber(120000) == "120000")
    }

    @Test func sameDataAndFlagsGiveByteIdenticalFiles() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        try build(Self.sample, out: first.path, audience: .admin)
        try build(Self.sample, out: second.path, audience: .admin)
        let a = try contents(of: first.path), b = try contents(of: second.path)
        #expect(a.keys.sorted() == [".mentor-report-audience", ".mentor-report.lock", "2026-10/.mentor-report-month", "2026-10/actions.html", "2026-10/actions/past-planned-end.csv", "2026-10/actions/relationships-at-risk.csv",
                                    "2026-10/actions/survey-non-responders.csv", "2026-10/actions/waiting-mentees.csv", "2026-10/cohort-2025-autumn.html", "2026-10/cohort-2026-spring.html",
                                    "2026-10/compare.html", "2026-10/engagement.html", "2026-10/executive-summary.html", "2026-10/inclusion.html",
                                    "2026-10/index.html", "2026-10/kpis.csv", "2026-10/outcomes.html",
                                    "2026-10/relationships.html", "2026-10/report.xml", "2026-10/surveys.html", "index.html", "kpis-history.csv"])
        #expect(a == b)
    }

    @Test func confidentialTextNeverReachesAnyOutput() throws {
        // Planted: a session note (minimal), a text answer (minimal), a story without consent and a
        // superseded consented story (kpi-surveys).
        let planted = ["Talked about the reorganisation", "free text", "CONFIDENTIAL-STORY-NOT-CONSENTED", "SUPERSEDED-STORY"]
        for (fixture, period) in [("minimal", "2026-02"), ("kpi-surveys", "2026-03")] {
            for audience in ReportAudience.allCases {
                let out = try TemporaryFolder()
                try build(Fixture.path(fixture), out: out.path, period: period, audience: audience)
                for (file, bytes) in try contents(of: out.path) {
                    let text = String(decoding: bytes, as: UTF8.self)
                    for secret in planted { #expect(!text.contains(secret), "\(secret) in \(fixture) \(file)") }
                }
            }
        }
    }

    @Test func consentedStoryIsQuotedEscapedAndWithoutAName() throws {
        let out = try TemporaryFolder()
        let written = try build(Fixture.path("kpi-surveys"), out: out.path, period: "2026-03")
        let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
        #expect(xml.contains(#"<story survey="fin" submitted="2026-03-05">Mentoring gave me &lt;courage&gt; &amp; the "voice" to lead — merci</story>"#))
        #expect(!xml.contains("Mentee S1") && !xml.contains("\"s1\""))
    }

    @Test func publicReportAndPagesNameNobody() throws {
        let out = try TemporaryFolder()
        try build(Self.sample, out: out.path)
        let data = Loader(folder: Self.sample).load().data
        let files = try contents(of: out.path)
        #expect(files.count == 16)  // report.xml, kpis.csv, 9 pages, the manifest, the archive, the KPI history, the audience, the (empty) lock file
        #expect(files[".mentor-report.lock"] == [])
        for (file, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            for person in data.people {
                #expect(!text.contains(person.name), "\(person.name) in \(file)")
                // Names in HTML may be escaped: check the escaped form too.
                #expect(!text.contains(person.name.replacingOccurrences(of: "'", with: "&#39;")), "\(person.name) in \(file)")
                #expect(!text.contains("\"\(person.id)\"") && !text.contains(">\(person.id)<"), "\(person.id) in \(file)")
            }
        }
    }

    @Test func failedRunLeavesThePreviousOutputUntouched() throws {
        let out = try TemporaryFolder()
        try build(Fixture.path("minimal"), out: out.path, period: "2026-02")
        let before = try contents(of: out.path)
        // A schema that cannot be read stops the run before anything is written.
        let templates = try TemporaryFolder()
        #expect(throws: OutputFailure.self) {
            try build(Fixture.path("minimal"), out: out.path, period: "2026-02", templates: templates.path)
        }
        #expect(try contents(of: out.path) == before)
        // A second run for the same month replaces the folder whole, leaving nothing of its work behind
        // (an admin run, into this public folder only when forced).
        #expect(throws: AudienceMismatch.self) {
            try build(Fixture.path("minimal"), out: out.path, period: "2026-02", audience: .admin)
        }
        #expect(try contents(of: out.path) == before)
        let loaded = Loader(folder: Fixture.path("minimal")).load()
        let admin = Report(data: loaded.data, period: ReportingPeriod(Month(text: "2026-02")!), audience: .admin)
        let writer = ReportWriter(outputFolder: out.path, templatesFolder: Fixture.repository.path + "/templates")
        let forced = try writer.acquire(audience: .admin, forceAudience: true)
        try writer.write(try writer.render(admin), period: admin.period.month, audience: .admin, lock: forced)
        forced.release()
        let after = try contents(of: out.path)
        #expect(after.keys.sorted() == [".mentor-report-audience", ".mentor-report.lock", "2026-02/.mentor-report-month", "2026-02/actions.html", "2026-02/actions/past-planned-end.csv", "2026-02/actions/relationships-at-risk.csv",
                                    "2026-02/actions/survey-non-responders.csv", "2026-02/actions/waiting-mentees.csv", "2026-02/cohort-2026-spring.html", "2026-02/compare.html", "2026-02/engagement.html",
                                        "2026-02/executive-summary.html", "2026-02/inclusion.html", "2026-02/index.html",
                                        "2026-02/kpis.csv", "2026-02/outcomes.html", "2026-02/relationships.html",
                                        "2026-02/report.xml", "2026-02/surveys.html", "index.html", "kpis-history.csv"])
        #expect(after != before)
    }
}

@Suite struct PageTests {
    static let hostile = #"<script>alert("x")</script> & 'Zoë' "Ünïcode""#

    @Test func namesTitlesAndStoriesAreEscapedAndShownAsWritten() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "name: Minimal Fixture Programme", with: "name: '\(Self.hostile.replacingOccurrences(of: "'", with: "''"))'")
        let people = try Fixture.text("minimal/people.yaml", replacing: "name: Amara Okafor", with: "name: '<script>evil()</script> O''Brien & Zoë'")
        let responses = """
            responses:
              - survey: baseline-2026
                respondent: p101
                submitted: 2026-01-20
                consent_to_quote: true
                answers: {q1: 3, q2: 9, q3: "I <b>grew</b> & said \\"thanks\\" — ça marche"}
            """
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": program, "people.yaml": people, "responses.yaml": responses])
        let out = try TemporaryFolder()
        let written = try build(folder.path, out: out.path, period: "2026-02", audience: .admin)
        let files = try contents(of: out.path)
        for (name, bytes) in files where name.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("<script"), "raw script tag in \(name)")
            #expect(!html.contains("<b>grew"), "raw markup from a story in \(name)")
        }
        let overview = try String(contentsOfFile: written + "/index.html", encoding: .utf8)
        #expect(overview.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'Zoë' \"Ünïcode\""))
        let summary = try String(contentsOfFile: written + "/executive-summary.html", encoding: .utf8)
        #expect(summary.contains("I &lt;b&gt;grew&lt;/b&gt; &amp; said \"thanks\" — ça marche"))
        let relationships = try String(contentsOfFile: written + "/relationships.html", encoding: .utf8)
        #expect(relationships.contains("&lt;script&gt;evil()&lt;/script&gt; O'Brien &amp; Zoë"))
    }

    @Test func everyPageLinksOnlyRelativelyAndUsesNoScript() throws {
        let out = try TemporaryFolder()
        let written = try build(ExportTests.sample, out: out.path, audience: .admin)
        for page in try FileManager.default.contentsOfDirectory(atPath: written) where page.hasSuffix(".html") {
            let html = try String(contentsOfFile: written + "/" + page, encoding: .utf8)
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("href=\"/") && !html.contains("href=\"http") && !html.contains("src=\"http"), "\(page)")
            #expect(html.components(separatedBy: "<h1").count == 2, "one h1 in \(page)")
            #expect(html.hasPrefix("<!DOCTYPE html"), "\(page)")
            #expect(html.contains("<html lang=\"en\">"), "\(page)")
            for id in ["main"] { #expect(html.contains("id=\"\(id)\""), "\(page)") }
        }
    }

    @Test func brokenTemplateFailsTheBuildWithItsLocationAndLeavesOutputAlone() throws {
        let templates = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixture.repository.appendingPathComponent("templates").path) {
            let bytes = FileManager.default.contents(atPath: Fixture.repository.appendingPathComponent("templates/" + name).path)!
            try templates.write(name, [UInt8](bytes))
        }
        let overview = try String(contentsOfFile: templates.path + "/overview.xsl", encoding: .utf8)
        try templates.write("overview.xsl", Array(overview.replacingOccurrences(of: "<h2 id=\"summary-heading\">Summary</h2>",
                                                                             with: "<h2 id=\"summary-heading\"><xsl:value-of select=\"1 +\"/></h2>").utf8))
        let out = try TemporaryFolder()
        let result = try mentorReport(["build", "--out", out.path, "--templates", templates.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("overview.xsl"))
        #expect(result.stderr.contains("line "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}

@Suite struct SharedDocumentTests {
    /// Pages are rendered from the report.xml tree that was checked and serialised; they must be the
    /// pages the serialised file itself gives (what a user re-rendering report.xml would get).
    @Test func pagesFromTheBuiltTreeEqualPagesFromTheWrittenFile() throws {
        let sample = Fixture.repository.appendingPathComponent("data").path
        let loaded = Loader(folder: sample).load()
        let report = Report(data: loaded.data, period: ReportingPeriod.default(for: loaded.data), audience: .admin)
        let document = ReportXML(report: report).document()
        let xml = try document.serialized()
        let renderer = SiteRenderer(templatesFolder: Fixture.repository.appendingPathComponent("templates").path)
        let fromTree = try renderer.renderPages(document: document, report: report)
        let fromFile = try renderer.renderPages(reportXML: xml, report: report)
        #expect(fromTree.map(\.name) == fromFile.map(\.name))
        for (a, b) in zip(fromTree, fromFile) { #expect(a.bytes == b.bytes, "\(a.name)") }
    }

    /// The command line tool leaves report.xml's tree and the pages' result trees to its exit: it must
    /// keep every one of them (reachable, not freed) and write exactly the files a normal run writes.
    @Test func aBuildThatExitsAfterwardsKeepsItsTreesAndWritesTheSameFiles() throws {
        let sample = Fixture.repository.appendingPathComponent("data").path
        let templates = Fixture.repository.appendingPathComponent("templates").path
        let loaded = Loader(folder: sample).load()
        let report = Report(data: loaded.data, period: ReportingPeriod.default(for: loaded.data), audience: .admin)
        let normal = try ReportWriter(outputFolder: "unused", templatesFolder: templates).render(report)
        var oneShot = ReportWriter(outputFolder: "unused", templatesFolder: templates)
        oneShot.keepsTreesUntilExit = true
        let keptBefore = KeptUntilExit.count
        let files = try oneShot.render(report)
        let pages = files.filter { $0.name.hasSuffix(".html") }.count
        #expect(KeptUntilExit.count - keptBefore == pages + 1)
        #expect(files.map(\.name) == normal.map(\.name))
        for (a, b) in zip(files, normal) { #expect(a.bytes == b.bytes, "\(a.name)") }
    }
}
