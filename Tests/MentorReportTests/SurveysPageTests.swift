import Foundation
import Testing
@testable import MentorReport

/// The Surveys page as a person reads it: each survey's response rate with who it was for, and each
/// rated question's answers (bar, table, mean, top-2 share), or why they are not shown. The sample's
/// figures are checked against its report.xml; Tests/Fixtures/survey-page's are worked out by hand in
/// its responses.yaml.
@Suite struct SurveysPageTests {
    static let fixture = Fixture.path("survey-page")

    /// surveys.html and report.xml of a build of `folder`.
    static func built(_ folder: String, period: String) throws -> (page: String, xml: String) {
        let out = try TemporaryFolder()
        let written = try build(folder, out: out.path, period: period)
        return (try String(contentsOfFile: written + "/surveys.html", encoding: .utf8),
                try String(contentsOfFile: written + "/report.xml", encoding: .utf8))
    }

    /// The text a person reads in an HTML fragment, charts and decorations left out (tests read those
    /// apart): inline tags dropped, other tags as spaces, entities decoded, white space collapsed.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "(?s)<(style|title|svg)[^>]*>.*?</\\1>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"<span [^>]*aria-hidden="true"[^>]*>[^<]*</span>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</?(a|strong|span|bdi|b|em)( [^>]*)?>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The HTML of the question whose heading's id names `kpi` (question.S.Q), up to the next question
    /// or the end of its survey.
    static func question(_ kpi: String, in page: String) throws -> String {
        let start = try #require(page.range(of: #"<div class="question"><h3 id="q-\#(kpi)-heading""#), "no question \(kpi)")
        let rest = page[start.lowerBound...]
        let end = [rest.range(of: #"<div class="question">"#, range: rest.index(after: rest.startIndex)..<rest.endIndex),
                   rest.range(of: "</section>")].compactMap { $0?.lowerBound }.min() ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The value of attribute `name` in the first element of `xml` that starts with `start`.
    static func attribute(_ name: String, of start: String, in xml: String) throws -> String {
        let element = try #require(xml.components(separatedBy: start).dropFirst().first?.components(separatedBy: ">").first,
                                   "no \(start)")
        return try #require(element.components(separatedBy: " \(name)=\"").dropFirst().first?.components(separatedBy: "\"").first,
                            "no \(name) in \(start)")
    }

    // MARK: The sample

    @Test func sampleSurveyForACohortGivesItsResponseRateAsPeopleOfThatCohort() throws {
        let (page, xml) = try Self.built(ExportTests.sample, period: "2026-10")
        // report.xml: the survey names its cohort, and says how many of the rate's audience responded.
        let survey = #"<survey id="baseline-2025-autumn" "#
        #expect(try Self.attribute("cohort", of: survey, in: xml) == "2025-autumn")
        #expect(xml.contains(#"<cohort id="2025-autumn" name="Autumn 2025""#))
        let responded = try #require(Int(try Self.attribute("responded", of: survey, in: xml)))
        let kpi = #"<kpi id="surveys.response_rate.baseline-2025-autumn" "#
        let rate = try #require(Double(try Self.attribute("value", of: kpi, in: xml)))
        let audience = try #require(Int(try Self.attribute("n", of: kpi, in: xml)))
        #expect(abs(Double(responded) / Double(audience) - rate) < 0.00005)
        let percent = String(format: "%.1f%%", rate * 100)
        let section = try #require(page.components(separatedBy: #"<section class="survey" id="survey-baseline-2025-autumn""#)
            .dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(Self.text(section).contains(
            "Baseline survey for mentees of the Autumn 2025 cohort, opened 1 September 2025. Response rate: \(percent). "
            + "\(responded) of the \(audience) mentees of the Autumn 2025 cohort who were in the programme when it opened responded."))
        // The overview table: its row links to the section and gives the rate with its counts.
        let overview = try #require(page.components(separatedBy: #"<table class="survey-overview">"#).dropFirst().first?
            .components(separatedBy: "</table>").first)
        #expect(overview.contains(##"<a href="#survey-baseline-2025-autumn" dir="auto">Baseline self-assessment (autumn 2025 cohort)</a>"##))
        #expect(Self.text(overview).contains("1 September 2025 \(percent) \(responded) of \(audience)"))
        // The rate is linked to its definition, which the glossary has.
        #expect(section.contains(##"<a class="defined" href="#term-surveys.response_rate.survey">Response rate</a>"##))
        #expect(page.contains(#"<dt id="term-surveys.response_rate.survey">"#))
    }

    @Test func sampleResponseRateThatMovedSinceLastMonthSaysByHowMuch() throws {
        let (page, xml) = try Self.built(ExportTests.sample, period: "2026-10")
        // The autumn cohort's final survey opened on 21 September: still collecting in October.
        let kpi = #"<kpi id="surveys.response_rate.final-2025-autumn-mentees" "#
        let rate = try #require(Double(try Self.attribute("value", of: kpi, in: xml)))
        let previous = try #require(Double(try Self.attribute("previous", of: kpi, in: xml)))
        #expect(rate > previous)
        let responded = try Self.attribute("responded", of: #"<survey id="final-2025-autumn-mentees" "#, in: xml)
        let audience = try Self.attribute("n", of: kpi, in: xml)
        #expect(Self.text(page).contains("Response rate: \(String(format: "%.1f%%", rate * 100)). \(responded) of the \(audience) mentees of the "
            + "Autumn 2025 cohort who were in the programme when it opened responded (up \(String(format: "%.1f", (rate - previous) * 100)) points on last month)."))
    }

    @Test func sampleQuestionShowsItsAnswersMeanAndTopTwoAsReportXMLHasThem() throws {
        let (page, xml) = try Self.built(ExportTests.sample, period: "2026-10")
        let kpi = "question.baseline-2025-autumn.st1"
        // The counts per point as report.xml has them, and the KPIs worked out from them.
        let element = try #require(xml.components(separatedBy: #"<question id="st1" kpi="\#(kpi)""#).dropFirst().first?
            .components(separatedBy: "</question>").first)
        var counts: [Int: Int] = [:]
        for point in 1...5 {
            counts[point] = Int(try Self.attribute("count", of: #"<answers point="\#(point)""#, in: element))
        }
        let n = counts.values.reduce(0, +)
        #expect(try Self.attribute("respondents", of: #"<question id="st1" "#, in: xml) == String(n))
        let mean = Double(counts.map { $0.key * $0.value }.reduce(0, +)) / Double(n)
        let top2 = Double(counts[4]! + counts[5]!) / Double(n)
        #expect(abs(mean - (try #require(Double(try Self.attribute("value", of: #"<kpi id="\#(kpi).mean""#, in: xml))))) < 0.00005)
        #expect(abs(top2 - (try #require(Double(try Self.attribute("value", of: #"<kpi id="\#(kpi).top2""#, in: xml))))) < 0.00005)

        let question = try Self.question(kpi, in: page)
        let read = Self.text(question)
        #expect(read.hasPrefix("I connect my team's priorities to the company strategy \(n) people answered "
            + "Mean \(String(format: "%.2f", mean)) out of 5 Top-2 share (4 or 5) \(String(format: "%.1f%%", top2 * 100))"))
        // The bar: one segment per point answered, as wide as its share, left to right.
        var x = 0.0
        for point in 1...5 where counts[point]! > 0 {
            let share = Double(counts[point]!) / Double(n) * 100
            #expect(question.contains(#"<rect class="seg a\#(point)" y="2" height="30" x="\#(Self.percent(x))" width="\#(Self.percent(share))">"#),
                    "segment \(point)")
            x += share
        }
        // Its text alternative names every count; the legend every point's share.
        let given = (1...5).filter { counts[$0]! > 0 }.map { "\(counts[$0]!) gave \($0)" }.joined(separator: ", ")
        #expect(question.contains("<desc id=\"q-\(kpi)-desc\">\(n) people answered, from 1 (lowest) to 5 (highest): \(given)"))
        #expect(read.contains("1 (lowest): \(Self.whole(counts[1]!, n)) 2: \(Self.whole(counts[2]!, n)) 3: \(Self.whole(counts[3]!, n)) "
            + "4: \(Self.whole(counts[4]!, n)) 5 (highest): \(Self.whole(counts[5]!, n))"))
        // The table behind it keeps every point, zeros too.
        let rows = (1...5).map { p in
            "\(p)\(p == 1 ? " (lowest)" : p == 5 ? " (highest)" : "") \(counts[p]!) \(String(format: "%.1f%%", Double(counts[p]!) / Double(n) * 100))"
        }.joined(separator: " ")
        #expect(read.contains("Show the numbers Answers to I connect my team's priorities to the company strategy Answer People Share \(rows)"))
        // Mean and top-2 share link to their definitions.
        #expect(question.contains(##"<a class="defined" href="#term-question.question.mean">Mean</a>"##))
        #expect(question.contains(##"<a class="defined" href="#term-question.question.top2">Top-2 share</a>"##))
        #expect(page.contains(#"<dt id="term-question.question.top2">"#))
    }

    /// A share of 100 as the bar writes it: "27.27%", "0%".
    static func percent(_ x: Double) -> String {
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + "%"
    }

    static func whole(_ count: Int, _ n: Int) -> String { String(format: "%.0f%%", Double(count) / Double(n) * 100) }

    // MARK: The fixture

    @Test func responseRateWithinACohortCountsOnlyItsMembers() throws {
        let (page, _) = try Self.built(Self.fixture, period: "2026-03")
        // s1-s5 of the six Spring 2026 mentees responded; n1, of no cohort, answered too but is not of the audience.
        #expect(Self.text(page).contains("Response rate: 83.3%. 5 of the 6 mentees of the Spring 2026 cohort who were in the programme when it opened responded."))
        // sat counts n1's answer: 6 people.
        #expect(Self.text(try Self.question("question.pulse.sat", in: page)).hasPrefix(
            "The programme is worth my time 6 people answered Mean 3.83 out of 5 Top-2 share (4 or 5) 66.7%"))
    }

    @Test func questionAnsweredByFourPeopleSaysSoAndShowsNoNumbers() throws {
        let (page, xml) = try Self.built(Self.fixture, period: "2026-03")
        #expect(xml.contains(#"<question id="few" kpi="question.pulse.few" scale="likert5" text="Only four people answered this" suppressed="true"/>"#))
        let question = try Self.question("question.pulse.few", in: page)
        #expect(Self.text(question) == "Only four people answered this Fewer than 5 people answered: not shown.")
        #expect(!question.contains("<svg") && !question.contains("<table") && !question.contains("<details"))
        // Nowhere else on the page either: no count of its people, no mean, no bar or table for it.
        #expect(!page.contains("4 people answered") && !page.contains("Answers to “Only four") && !page.contains("q-question.pulse.few-desc"))
        #expect(page.components(separatedBy: "Only four people answered this").count == 2)
    }

    @Test func questionNobodyAnsweredSaysSo() throws {
        let (page, _) = try Self.built(Self.fixture, period: "2026-03")
        #expect(Self.text(try Self.question("question.pulse.unasked", in: page)) == "Nobody answered this one Nobody has answered yet.")
    }

    @Test func hostileQuestionTextAndSurveyTitleShowAsText() throws {
        let (page, _) = try Self.built(Self.fixture, period: "2026-03")
        // No markup of the data reaches the page: it has no script element at all.
        #expect(!page.lowercased().contains("<script"))
        let odd = #"<script>alert(1)</script> & "quoted" ]]> שלום Pneumonoultramicroscopicsilicovolcanoconiosis_and_more_and_more"#
        let title = #"Spring pulse <script>alert("title")</script> & ]]>"#
        let question = try Self.question("question.pulse.odd", in: page)
        #expect(question.contains(#"<h3 id="q-question.pulse.odd-heading" dir="auto">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quoted" ]]&gt; שלום "#))
        #expect(Self.text(question).hasPrefix(odd + " 5 people answered Mean 2.80 out of 5 Top-2 share (4 or 5) 40.0%"))
        #expect(question.contains(#"<title id="q-question.pulse.odd-title">Answers to “&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quoted" ]]&gt;"#))
        #expect(Self.text(question).contains("Show the numbers Answers to \(odd) Answer People Share"))
        #expect(page.contains(#"<h2 id="survey-pulse-heading" dir="auto">Spring pulse &lt;script&gt;alert("title")&lt;/script&gt; &amp; ]]&gt;</h2>"#))
        #expect(Self.text(page).contains(title + " Check-in survey for mentees of the Spring 2026 cohort, opened 1 March 2026."))
        // A very long word may break anywhere rather than widen the page.
        #expect(page.contains("section.survey h2, .question h3, table.survey-overview tbody th, table.answers caption, .survey-for { overflow-wrap: anywhere; }"))
    }

    @Test func npsQuestionBarGroupsItsPointsAndItsTableKeepsEachOne() throws {
        let (page, _) = try Self.built(Self.fixture, period: "2026-03")
        // rec: 10, 9, 9, 7, 3 → mean 38/5, promoters 3 of 5.
        let question = try Self.question("question.pulse.rec", in: page)
        let read = Self.text(question)
        #expect(read.hasPrefix("How likely are you to recommend it? 5 people answered Mean 7.60 out of 10 Top-2 share (9 or 10) 60.0%"))
        // Detractors red (a1), passives grey (a3), promoters blue (a5): one segment per point answered,
        // each carrying its point.
        let bar = try #require(question.components(separatedBy: "</desc>").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(bar == #"<rect class="seg a1" y="2" height="30" x="0%" width="20%"></rect><text class="seg-label a1" y="22" text-anchor="middle" x="10%">3</text>"#
            + #"<rect class="seg a3" y="2" height="30" x="20%" width="20%"></rect><text class="seg-label a3" y="22" text-anchor="middle" x="30%">7</text>"#
            + #"<rect class="seg a5" y="2" height="30" x="40%" width="40%"></rect><text class="seg-label a5" y="22" text-anchor="middle" x="60%">9</text>"#
            + #"<rect class="seg a5" y="2" height="30" x="80%" width="20%"></rect><text class="seg-label a5" y="22" text-anchor="middle" x="90%">10</text>"#)
        #expect(question.contains(#"<svg class="answer-bar" width="100%" height="34" role="img" aria-labelledby="q-question.pulse.rec-title q-question.pulse.rec-desc">"#))
        #expect(question.contains("5 people answered, from 0 (lowest) to 10 (highest): 1 gave 3, 1 gave 7, 2 gave 9, 1 gave 10; none gave any other answer. "
            + "Detractors (0 to 6): 1, passives (7 or 8): 1, promoters (9 or 10): 3.</desc>"))
        #expect(read.contains("Detractors (0–6): 20% Passives (7–8): 20% Promoters (9–10): 60%"))
        #expect(read.contains("Answer People Share 0 (detractor) 0 0.0% 1 (detractor) 0 0.0% 2 (detractor) 0 0.0% 3 (detractor) 1 20.0% "
            + "4 (detractor) 0 0.0% 5 (detractor) 0 0.0% 6 (detractor) 0 0.0% 7 (passive) 1 20.0% 8 (passive) 0 0.0% "
            + "9 (promoter) 2 40.0% 10 (promoter) 1 20.0%"))
    }

    @Test func surveyForACohortWithNobodyInItHasNoResponseRateAndSaysWhy() throws {
        let program = try Fixture.text("survey-page/program.yaml", replacing: "  - {id: 2026-spring, name: Spring 2026, start: 2026-01-01}\n",
                                       with: "  - {id: 2026-spring, name: Spring 2026, start: 2026-01-01}\n  - {id: 2026-empty, name: Nobody Yet, start: 2026-01-01}\n")
        let surveys = try Fixture.text("survey-page/surveys.yaml", replacing: "    cohort: 2026-spring\n", with: "    cohort: 2026-empty\n")
        let folder = try Fixture.variant(of: "survey-page", ["program.yaml": program, "surveys.yaml": surveys])
        let (page, xml) = try Self.built(folder.path, period: "2026-03")
        #expect(xml.contains(#"opens="2026-03-01" cohort="2026-empty">"#))
        #expect(Self.text(page).contains("Response rate: no data. No mentees of the Nobody Yet cohort were in the programme when it opened."))
        #expect(Self.text(page).contains("Check-in survey for mentees of the Nobody Yet cohort 1 March 2026 no data April pulse"))
    }

    @Test func surveyNotOpenYetIsListedWithoutQuestionsAndFreeTextIsNeverShown() throws {
        let (page, xml) = try Self.built(Self.fixture, period: "2026-03")
        let overview = try #require(page.components(separatedBy: #"<table class="survey-overview">"#).dropFirst().first?
            .components(separatedBy: "</table>").first)
        #expect(Self.text(overview).contains("April pulse Check-in survey for mentees opens 1 April 2026 not open yet"))
        #expect(!page.contains("survey-later") && !page.contains("Still worth it"))
        #expect(xml.contains(#"<survey id="later" title="April pulse" kind="checkin" audience="mentees" opens="2026-04-01"/>"#))
        #expect(!page.contains("Anything else?") && !page.contains("a private remark"))
        #expect(!xml.contains("Anything else?") && !xml.contains("a private remark"))
    }
}
