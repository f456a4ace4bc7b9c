import Foundation
import Testing
@testable import MentorReport

/// The outcomes page's team engagement (SPEC §3 "Team engagement", 2026-12) under Kirkpatrick level 4,
/// read as a person reads it: the change with its 95% interval as chart and table, how many of the
/// mentees it looks at lack a score before or after, and the wording when the KPIs are suppressed or
/// have no data. Tests/Fixtures/kpi-segments gives all three: March 2026 (5 paired, shown), February
/// (2 paired, suppressed below 5) and January (none paired).
@Suite struct TeamEngagementPageTests {
    static let fixture = Fixture.path("kpi-segments")

    /// outcomes.html and report.xml of a build of `folder`.
    private func build(_ folder: String, period: String? = nil) throws -> (page: String, xml: String) {
        let out = try TemporaryFolder()
        let written = try MentorReportTests.build(folder, out: out.path, period: period)
        return (try String(contentsOfFile: written + "/outcomes.html", encoding: .utf8),
                try String(contentsOfFile: written + "/report.xml", encoding: .utf8))
    }

    /// The team engagement part of the page: from its heading to the end of level 4's section.
    private func section(_ page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let start = try #require(page.range(of: #"<h3 id="team-engagement-heading">"#), "no team engagement heading", sourceLocation: sourceLocation)
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex), sourceLocation: sourceLocation)
        return String(page[start.lowerBound..<end.lowerBound])
    }

    /// Markup as the words a person reads: tags dropped, the few entities the pages use decoded.
    private func words(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&#160;", "\u{A0}"), ("&nbsp;", "\u{A0}")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// A KPI's value as report.xml writes it.
    private func value(_ xml: String, _ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Double {
        let pattern = #"<kpi id="\#(NSRegularExpression.escapedPattern(for: id))"[^>]* value="([^"]*)""#
        let match = try #require(xml.range(of: pattern, options: .regularExpression), "\(id) has no value in report.xml", sourceLocation: sourceLocation)
        let attribute = xml[match].components(separatedBy: #" value=""#).last!.dropLast()
        return try #require(Double(attribute), sourceLocation: sourceLocation)
    }

    /// A number as the page writes a team engagement figure: one decimal, signed with + and − for changes.
    private func points(_ x: Double, signed: Bool = false) -> String {
        let text = String(format: "%.1f", abs(x))
        guard signed else { return String(format: "%.1f", x) }
        return (x < 0 ? "−" : "+") + text
    }

    @Test func shownChangeReadsLikeCompetencyGrowthWithItsCoverage() throws {
        let (page, xml) = try build(Self.fixture, period: "2026-03")
        let text = words(try section(page))
        // Pairs (pre, post): c1 (62, 70), c2 (50, 58), c3 (40, 52), a1 (70, 66), c4 (55, 60). Mentees
        // whose first relationship started by 31 March: those five, b5 (no score on or before 5 January)
        // and a2 (no score after 1 February): 7. c5, c6 and d1 are not matched by then.
        let diffs = [8.0, 8, 12, -4, 5]
        let change = diffs.reduce(0, +) / 5
        let sd = (diffs.map { ($0 - change) * ($0 - change) }.reduce(0, +) / 4).squareRoot()
        let margin = 2.7764451051977987 * sd / 5.0.squareRoot()   // t(0.975, 4)
        #expect(text.contains("5 of the 7 mentees whose first relationship had started by 31 March 2026 were scored both before and after it: 1 has no score from before it and 1 has none since."))
        #expect(text.contains("People scored before and after 5 Before 55.4 After 61.2 Change +5.8 95% confidence interval \(points(change - margin, signed: true)) to \(points(change + margin, signed: true))"))
        #expect(page.contains("<desc id=\"team-engagement-change-desc\">Team engagement: change +5.8 points (95% CI \(points(change - margin, signed: true)) to \(points(change + margin, signed: true))).</desc>"))
        #expect(xml.contains(#"<team-engagement eligible="7" paired="5" without-before="1" without-after="1" without-either="0"/>"#))
        // Each figure links to its definition, and the glossary holds all six.
        for suffix in ["n", "pre_mean", "post_mean", "change", "ci95_low", "ci95_high"] {
            #expect(page.contains(#"<dt id="term-outcomes.team_engagement.\#(suffix)">"#), "\(suffix)")
        }
        #expect(page.contains(##"<a class="defined" href="#term-outcomes.team_engagement.ci95_low">95% confidence interval</a>"##))
    }

    @Test func sampleShowsTheValuesOfReportXMLAndWhoLacksAScore() throws {
        let sample = ExportTests.sample
        let (page, xml) = try build(sample)
        let text = words(try section(page))
        let p = "outcomes.team_engagement."
        let n = Int(try value(xml, p + "n"))
        let pre = try value(xml, p + "pre_mean"), post = try value(xml, p + "post_mean")
        let change = try value(xml, p + "change")
        let low = try value(xml, p + "ci95_low"), high = try value(xml, p + "ci95_high")
        #expect(text.contains("People scored before and after \(n) Before \(points(pre)) After \(points(post)) Change \(points(change, signed: true)) 95% confidence interval \(points(low, signed: true)) to \(points(high, signed: true))"))
        #expect(page.contains("Team engagement: change \(points(change, signed: true)) points (95% CI \(points(low, signed: true)) to \(points(high, signed: true)))."))

        // Coverage worked out from the data without the KPI code: enrolled mentees matched by as_of,
        // whether each has an engagement score on or before their first start and one after it.
        let loaded = Loader(folder: sample).load()
        let data = loaded.data
        let asOf = ReportingPeriod.default(for: data).asOf
        var eligible = 0, noBefore = 0, noAfter = 0, neither = 0
        for person in data.people where person.isMentee && person.enrolled <= asOf {
            let starts = data.relationships.filter { $0.mentees.contains { $0.value == person.id } }.map(\.start)
            guard let s = starts.min(), s <= asOf else { continue }
            eligible += 1
            let days = data.outcomes.filter { $0.person.value == person.id && $0.event == .engagementScore }.map(\.date)
            let before = days.contains { $0 <= s }, after = days.contains { $0 > s && $0 <= asOf }
            if !before { noBefore += 1 }
            if !after { noAfter += 1 }
            if !before && !after { neither += 1 }
        }
        #expect(eligible - (noBefore + noAfter - neither) == n, "the paired mentees are the KPI's n")
        #expect(noBefore > 0 && noAfter > 0 && neither > 0, "the sample has mentees without each score")
        #expect(xml.contains(#"<team-engagement eligible="\#(eligible)" paired="\#(n)" without-before="\#(noBefore)" without-after="\#(noAfter)" without-either="\#(neither)"/>"#))
        let has = { (count: Int) in count == 1 ? "has" : "have" }
        #expect(text.contains("\(n) of the \(eligible) mentees whose first relationship had started by 31 October 2026 were scored both before and after it: \(noBefore) \(has(noBefore)) no score from before it and \(noAfter) \(has(noAfter)) none since (\(neither) \(has(neither)) neither)."))
    }

    @Test func suppressedChangeSaysFewerThanNPeopleAndShowsNoFigure() throws {
        // February: c1 (62, 70) and a1 (70, 66) are paired: 2 < 5. Matched by 28 February: c1, c2, c3,
        // a1, b5 and a2 (c4's first relationship starts 15 March): 6.
        let (page, xml) = try build(Self.fixture, period: "2026-02")
        let part = try section(page)
        let text = words(part)
        #expect(text.contains("Fewer than 5 people of the 6 mentees whose first relationship had started by 28 February 2026 were scored both before and after it: too few to show their scores, or how many lack one."))
        // Each of the table's five rows (people, before, after, change, interval) says so.
        #expect(part.components(separatedBy: #"<td class="num withheld">fewer than 5 people</td>"#).count == 6)
        #expect(!part.contains("<svg"))
        // No figure of the two pairs (means 66.0 and 68.0, change +2.0, n = 2), nor the coverage
        // counts that would give n away (6 − 4 lacking a score).
        for figure in ["66.0", "68.0", "+2.0", "2 of the", "has no score", "have no score", "none since"] {
            #expect(!text.contains(figure), "\(figure)")
        }
        #expect(xml.contains(#"<team-engagement eligible="6" suppressed="true"/>"#))
    }

    @Test func noPairedMenteeSaysNoneWasScoredAndWhatIsMissing() throws {
        // January: c1, c2, c3, a1 and b5 are matched by the 31st; none has a score after their start by
        // then, and b5 none on or before it either (its only score is of 1 February).
        let (page, xml) = try build(Self.fixture, period: "2026-01")
        let part = try section(page)
        let text = words(part)
        #expect(text.contains("None of the 5 mentees whose first relationship had started by 31 January 2026 was scored both before and after it: 1 has no score from before it and 5 have none since (1 has neither)."))
        #expect(part.components(separatedBy: #"<td class="num withheld">no data</td>"#).count == 6)
        #expect(!part.contains("<svg"))
        #expect(!text.contains("fewer than"))
        #expect(xml.contains(#"<team-engagement eligible="5" paired="0" without-before="1" without-after="5" without-either="1"/>"#))
    }
}
