import Foundation
import Testing
@testable import MentorReport

/// What the pages say, read from built pages: numbers with their nouns, money with its currency, the
/// ROI's assumptions, health tables that add up, readable group names and chart labels that stay apart.
@Suite struct PageTextTests {
    static let sample = ExportTests.sample

    /// The page `name` of a build of `folder`.
    static func page(_ name: String, of folder: String, period: String? = nil, audience: ReportAudience = .public) throws -> String {
        let out = try TemporaryFolder()
        let written = try build(folder, out: out.path, period: period, audience: audience)
        return try String(contentsOfFile: written + "/" + name, encoding: .utf8)
    }

    /// The minimal fixture's program.yaml with `currency: <value>` added to its costs (line 22, the value at column 15).
    static func program(currency value: String) throws -> String {
        try Fixture.text("minimal/program.yaml", replacing: "    replacement_cost_per_leaver: 60000\n",
                         with: "    replacement_cost_per_leaver: 60000\n    currency: \(value)\n")
    }

    // MARK: Currency

    @Test func moneyOnTheOutcomesPageCarriesTheCurrencyCode() throws {
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": try Self.program(currency: "EUR")])
        let out = try TemporaryFolder()
        let written = try build(folder.path, out: out.path, period: "2026-02")
        let outcomes = try String(contentsOfFile: written + "/outcomes.html", encoding: .utf8)
        // February 2026: 3 enrolled mentees, none left: retention 3/3; benchmark 0.85 → 2.55 would have
        // stayed; 0.45 leavers avoided × 60,000 = 27,000; (27,000 − 10,000) / 10,000 = 170.0%.
        #expect(outcomes.contains("Benefit: 0.45 leavers avoided × EUR\u{A0}60,000 replacement cost each = EUR\u{A0}27,000."))
        #expect(outcomes.contains("Return: (EUR\u{A0}27,000 benefit − EUR\u{A0}10,000 programme cost) ÷ EUR\u{A0}10,000 = 170.0%."))
        let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
        #expect(xml.contains(#"programme-cost="10000" currency="EUR"/>"#))
    }

    @Test func withoutACurrencyMoneyShowsNoCode() throws {
        let outcomes = try Self.page("outcomes.html", of: Fixture.path("minimal"), period: "2026-02")
        #expect(outcomes.contains("Benefit: 0.45 leavers avoided × 60,000 replacement cost each = 27,000."))
        #expect(!outcomes.contains("\u{A0}60,000"))
    }

    @Test func currencyThatIsNotThreeUpperCaseLettersIsAnErrorAtItsValue() throws {
        let expected = "expected an ISO 4217 currency code of three upper-case letters, such as GBP, EUR or USD"
        #expect(try findings(changing: ["program.yaml": try Self.program(currency: "gbp")])
            == ["data/program.yaml:22:15: error: 'gbp' is not a currency code for 'currency'; \(expected) — did you mean 'GBP'?"])
        #expect(try findings(changing: ["program.yaml": try Self.program(currency: "£")])
            == ["data/program.yaml:22:15: error: '£' is not a currency code for 'currency'; \(expected)"])
        #expect(try findings(changing: ["program.yaml": try Self.program(currency: "[GBP]")])
            == ["data/program.yaml:22:15: error: 'currency' holds a list; \(expected)"])
    }

    @Test func wellFormedCurrencyThatISODoesNotListIsAWarningWithTheNearestCode() throws {
        #expect(try findings(changing: ["program.yaml": try Self.program(currency: "GBX")])
            == ["data/program.yaml:22:15: warning: currency 'GBX' is not an ISO 4217 code — did you mean 'GBP'?"])
        #expect(try findings(changing: ["program.yaml": try Self.program(currency: "QQQ")])
            == ["data/program.yaml:22:15: warning: currency 'QQQ' is not an ISO 4217 code; money is shown with 'QQQ' as written"])
        #expect(try findings(changing: ["program.yaml": try Self.program(currency: "CHF")]) == [])
    }

    // MARK: ROI

    @Test func roiAssumptionsShowFiguresThatWorkOutToTheResult() throws {
        let outcomes = try Self.page("outcomes.html", of: Self.sample)
        // The sample in October 2026: 72 of 79 mentees stayed (0.9114); benchmark 0.86; 0.86 × 79 =
        // 67.94; 72 − 67.94 = 4.06 leavers avoided; × 62,000 = 251,720; (251,720 − 145,000) / 145,000 = 0.736.
        #expect(outcomes.contains("Retention of mentees over 12 months: 72 of 79 mentees stayed (91.1%), against 86% for non-participants."))
        #expect(outcomes.contains("Leavers avoided: at the benchmark rate, 86% × 79 = 67.94 would have stayed; 72 − 67.94 = 4.06."))
        #expect(outcomes.contains("Benefit: 4.06 leavers avoided × GBP\u{A0}62,000 replacement cost each = GBP\u{A0}251,720."))
        #expect(outcomes.contains("Return: (GBP\u{A0}251,720 benefit − GBP\u{A0}145,000 programme cost) ÷ GBP\u{A0}145,000 = 73.6%."))
    }

    // MARK: Numbers and nouns

    @Test func oneOfAThingReadsInTheSingular() throws {
        // r002 ended in January: in February only r001 is active, meets once (60 minutes) and p103 waits.
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "    start: 2026-01-20\n",
                                             with: "    start: 2026-01-20\n    ended: 2026-01-31\n    end_reason: completed\n")
        let folder = try Fixture.variant(of: "minimal", ["relationships.yaml": relationships])
        let overview = try Self.page("index.html", of: folder.path, period: "2026-02")
        #expect(overview.contains("In February 2026, 1 relationship was active (0 new, 0 ended)."))
        #expect(overview.contains("Pairs met once for 1 hour."))
        #expect(overview.contains("; 1 is waiting."))
        let summary = try Self.page("executive-summary.html", of: folder.path, period: "2026-02")
        #expect(summary.contains("1 relationship was active; "))
        // And the plural where it belongs: January, both relationships, 60 + 45 minutes.
        let january = try Self.page("index.html", of: Fixture.path("minimal"), period: "2026-01")
        #expect(january.contains("In January 2026, 2 relationships were active (2 new, 0 ended)."))
        #expect(january.contains("Pairs met 2 times for 1.8 hours."))
    }

    @Test func pairTooYoungToExpectASessionSaysSoInsteadOfNoneExpected() throws {
        // January 2026: r002 started on the 20th, 12 days to the 31st: floor(12 / 30) = 0 sessions
        // expected, 1 held on the 28th, 3 days before the month's end.
        let page = try Self.page("relationships.html", of: Fixture.path("minimal"), period: "2026-01", audience: .admin)
        #expect(!page.contains(" of 0 expected"))
        #expect(page.contains(#"<td class="num">1<span class="sub"> (none expected yet)</span></td>"#))
        #expect(page.contains(#"2026-01-28<span class="sub"> 3 days ago</span>"#))
        let sample = try Self.page("relationships.html", of: Self.sample, audience: .admin)
        #expect(!sample.contains(" of 0 expected") && !sample.contains(" 1 days ago"))
        #expect(sample.contains(#"2026-10-30<span class="sub"> 1 day ago</span>"#))
    }

    // MARK: Health tables

    @Test func healthByCohortHasANoCohortRowAndBothTablesAddUp() throws {
        let page = try Self.page("engagement.html", of: Self.sample)
        // On 31 October 2026: 26 relationships of Autumn 2025, 30 of Spring 2026 and 3 (all too early,
        // r074, r077 and r078) naming no cohort: 59, the health bar's total. The no-cohort row has 3
        // mentees, fewer than 5: withheld, and Autumn 2025 with it (decision 121); the All row still
        // gives the whole.
        #expect(page.contains(#"<th scope="row">No cohort</th><td colspan="5" class="withheld">fewer than 5 people</td>"#))
        #expect(page.contains(#"<th scope="row">Autumn 2025</th><td colspan="5" class="withheld">fewer than 5 people</td>"#))
        let total = #"<th scope="row">All</th><td class="num">43</td><td class="num">8</td><td class="num">5</td><td class="num">3</td><td class="num">59</td>"#
        #expect(page.components(separatedBy: total).count == 3, "an All row of 59 under each health table")
        #expect(page.contains("<caption>Health by relationship type, of the relationships active on 31 October 2026</caption>"))
        #expect(page.contains("<caption>Relationships active at any time in October 2026, by type and cohort</caption>"))
        // The speed relationship, active in October but not on its last day, in words on both sides.
        #expect(page.contains(#"<th scope="row">speed</th><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">0</td>"#))
        let xml = try String(contentsOfFile: try build(Self.sample, out: TemporaryFolder().path) + "/report.xml", encoding: .utf8)
        #expect(xml.contains(#"<slice no-cohort="true" suppressed="true"/>"#))
    }

    @Test func noCohortRowOnlyWhenARelationshipNamesNone() throws {
        // The minimal fixture's r002 names no cohort; give it one and the row goes.
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "    start: 2026-01-20\n",
                                             with: "    start: 2026-01-20\n    cohort: 2026-spring\n")
        let folder = try Fixture.variant(of: "minimal", ["relationships.yaml": relationships])
        #expect(try Self.page("engagement.html", of: Fixture.path("minimal"), period: "2026-02").contains(#"<th scope="row">No cohort</th>"#))
        #expect(try !Self.page("engagement.html", of: folder.path, period: "2026-02").contains("No cohort"))
    }

    // MARK: Groups and chart labels

    @Test func groupNamesAreMadeReadableFromTheirIds() {
        #expect(KPICatalog.groupName("first-generation-graduate") == "First generation graduate")
        #expect(KPICatalog.groupName("ethnic_minority") == "Ethnic minority")
        #expect(KPICatalog.groupName("lgbtq") == "LGBTQ")
        #expect(KPICatalog.groupName("women") == "Women")
        #expect(KPICatalog.groupName("Women.2026") == "Women.2026")
    }

    @Test func inclusionPageShowsGroupNamesNotIds() throws {
        let page = try Self.page("inclusion.html", of: Self.sample)
        #expect(page.contains(#"<th scope="row">First generation graduate</th>"#))
        #expect(page.contains(#"<th scope="row">LGBTQ</th>"#))
        #expect(!page.contains(">first-generation-graduate<") && !page.contains(">lgbtq<"))
    }

    @Test func barChartLabelsStayDistinctAndCarryTheWholeLabel() throws {
        let page = try Self.page("engagement.html", of: Self.sample)
        let chart = try #require(page.components(separatedBy: #"<svg class="chart bars""#).dropFirst().first?
            .components(separatedBy: "</svg>").first)
        let rows = chart.components(separatedBy: #"<g class="bar-row">"#).dropFirst()
        #expect(rows.count == 9)
        var shown: [String] = []
        for row in rows {
            let title = try #require(row.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first)
            let label = try #require(row.components(separatedBy: #"<text class="bar-label""#).dropFirst().first?.components(separatedBy: "</text>").first)
            // The label's visible text: its lines, tags removed.
            let text = String(label.drop(while: { $0 != ">" }).dropFirst())
                .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                .split(separator: " ").joined(separator: " ")
            #expect(title.hasPrefix("Response rate: "))
            #expect(!text.contains("…"), "\(title) needs no shortening in two lines")
            shown.append(text)
        }
        #expect(Set(shown).count == 9, "labels alike: \(shown)")
        #expect(chart.contains(#"<title>Response rate: January check-in for mentees</title>"#))
        #expect(chart.contains(#"<tspan x="0" y="102">Response rate: January check-in for</tspan><tspan x="0" y="118">mentees</tspan>"#))
    }
}
