import Foundation
import Testing
@testable import MentorReport

/// The cohort pages and the privacy of small cohorts (decisions 121–122), on
/// Tests/Fixtures/cohort-privacy (as_of 2026-03-31, min_group_size 5; its files say why each record is
/// there) and on the sample.
@Suite struct CohortPageTests {
    static let folder = Fixture.path("cohort-privacy")

    /// The built month of `folder` (public unless told).
    private func built(_ folder: String, _ out: TemporaryFolder, audience: ReportAudience = .public) throws -> String {
        try build(folder, out: out.path, period: "2026-03", audience: audience)
    }

    private func report(_ folder: String = CohortPageTests.folder, month: String = "2026-03", clean: Bool = true) throws -> Report {
        let loaded = Loader(folder: folder).load()
        #expect(!clean || validate(loaded).all.map(\.formatted) == [])
        return Report(data: loaded.data, period: ReportingPeriod(try #require(Month(text: month))), audience: .public)
    }

    private func file(_ folder: String, _ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    /// The page's main content as a person reads it: tags dropped, white space collapsed.
    static func readable(_ html: String) -> String {
        let main = html.components(separatedBy: "<main").dropFirst().first?.components(separatedBy: "</main>").first ?? ""
        return String(main.drop(while: { $0 != ">" }).dropFirst())
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#160;", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
            .replacingOccurrences(of: "&amp;", with: "&")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-4 } ?? false }

    // MARK: Privacy of small cohorts

    @Test func aOnePairCohortsHealthIsWithheldInReportXMLAndOnEveryPage() throws {
        let out = try TemporaryFolder()
        let month = try built(Self.folder, out)
        let xml = try file(month, "report.xml")
        // solo (1 mentee) is withheld by the segment rule and mid (6, the next-smallest) with it; big shown:
        // rk1-rk3, rk5-rk7 on track, rk4 behind (one session in its window, two expected).
        #expect(xml.contains(#"<slice key="big" too-early="0" at-risk="0" behind="1" on-track="6"/>"#))
        #expect(xml.contains(#"<slice key="mid" suppressed="true"/>"#))
        #expect(xml.contains(#"<slice key="solo" suppressed="true"/>"#))
        #expect(xml.contains(#"<cohort-detail cohort="solo" suppressed="true"/>"#))
        #expect(xml.contains(#"<cohort-detail cohort="mid" suppressed="true"/>"#))

        // No output file carries the health of mid or solo in any form.
        let files = try FileManager.default.contentsOfDirectory(atPath: month).sorted()
        #expect(files.contains("cohort-solo.html") && files.contains("engagement.html") && files.contains("kpis.csv"))
        for name in files {
            let text = try file(month, name)
            for leak in [#"key="solo" too-early"#, #"key="mid" too-early"#, #"id="health-solo"#, #"id="health-mid"#,
                         "Health of the Solo cohort", "Health of the Middle cohort"] {
                #expect(!text.contains(leak), "\(name) holds \(leak)")
            }
        }
        // The engagement page's table: withheld rows, and the whole's totals (the solo pair and rn1 at risk).
        let engagement = Self.readable(try file(month, "engagement.html"))
        #expect(engagement.contains("Big cohort 6 1 0 0 7 Middle cohort fewer than 5 people Solo cohort fewer than 5 people All 11 1 2 0 14"))

        // The solo and mid pages say so at the top and show no figure: no digit but the dates and the threshold.
        for page in ["cohort-solo.html", "cohort-mid.html"] {
            let text = Self.readable(try file(month, page))
            #expect(text.contains("Figures withheld to protect privacy. This cohort has fewer than 5 mentees"), "\(page)")
            let rest = text.replacingOccurrences(of: "Runs from 1 February 2026. ", with: "")
                .replacingOccurrences(of: "fewer than 5", with: "")
            let digits = rest.filter { $0.isNumber }
            #expect(digits.isEmpty, "\(page): \(rest)")
            for word in ["on track", "at risk", "behind", "too early", "Competency"] {
                #expect(!rest.contains(word), "\(page) says \(word)")
            }
        }
        // The admin report withholds them the same way (its relationships page names every pair anyway).
        let admin = try TemporaryFolder()
        let adminXML = try file(try built(Self.folder, admin, audience: .admin), "report.xml")
        #expect(adminXML.contains(#"<slice key="solo" suppressed="true"/>"#))
    }

    @Test func aSingleWithheldSliceWithholdsTheNextSmallest() throws {
        // s1 names no cohort in people.yaml: no segment is withheld (big 7, mid 6), but the relationship
        // rs1 still names solo: 1 distinct mentee, so solo's slice is withheld, and mid's (6 distinct
        // mentees, fewer than big's 7) with it, so that big's and the totals cannot give solo's away.
        let variant = try Fixture.variant(of: "cohort-privacy", ["people.yaml": try Fixture.text(
            "cohort-privacy/people.yaml", replacing: "enrolled: 2026-02-01, cohort: solo}", with: "enrolled: 2026-02-01}")])
        let r = try report(variant.path)
        #expect(r.kpi("segment.cohort.mid.mentees")?.current.value == 6)
        #expect(r.kpi("segment.cohort.solo.mentees") == nil)
        #expect(r.healthByCohort.map(\.suppressed) == [false, true, true])
        let out = try TemporaryFolder()
        let month = try built(variant.path, out)
        let xml = try file(month, "report.xml")
        #expect(xml.contains(#"<slice key="mid" suppressed="true"/>"#))
        #expect(xml.contains(#"<slice key="solo" suppressed="true"/>"#))
        // The mid page compares its segment KPIs (shown) but withholds its health.
        let mid = Self.readable(try file(month, "cohort-mid.html"))
        #expect(mid.contains("Mentees 6 14"))
        #expect(mid.contains("Health of its relationships Withheld: fewer than 5 people."))
        #expect(!mid.contains("Figures withheld"))

        // A relationship that names no cohort makes a row of its own in the rule: with rs1 naming none,
        // that row (1 mentee) is withheld and mid with it.
        let noCohort = try Fixture.variant(of: "cohort-privacy", [
            "people.yaml": try Fixture.text("cohort-privacy/people.yaml", replacing: "enrolled: 2026-02-01, cohort: solo}", with: "enrolled: 2026-02-01}"),
            "relationships.yaml": try Fixture.text("cohort-privacy/relationships.yaml",
                                                   replacing: "start: 2026-02-01, cohort: solo}", with: "start: 2026-02-01}"),
        ])
        let n = try report(noCohort.path)
        #expect(n.healthByCohort.map(\.suppressed) == [false, true, false])
        #expect(n.healthWithoutCohort?.suppressed == true)
    }

    // MARK: Competency growth of a cohort

    @Test func cohortCompetencyGrowthIsTheProgrammesRuleOverItsMentees() throws {
        let r = try report()
        let big = try #require(r.cohortDetails.first { $0.cohort == "big" })
        let values = try #require(big.competencies.first).values
        // big's pairs (k6 and k7 did not answer): 2→4, 3→4, 2→3, 4→4, 1→3; differences 2, 1, 1, 0, 2.
        // change 6/5 = 1.2; SD = √((0.64 + 0.04 + 0.04 + 1.44 + 0.64) / 4) = √0.7;
        // CI = 1.2 ∓ t(0.975, 4) · √0.7 / √5 with t = 2.7764451052.
        let sd = 0.7.squareRoot(), margin = 2.7764451052 * sd / 5.0.squareRoot()
        #expect(values.map(\.id) == ["n", "pre_mean", "post_mean", "change", "effect_size", "ci95_low", "ci95_high"]
            .map { "competency.communication." + $0 })
        #expect(values[0].value == 5)
        #expect(close(values[1].value, 12.0 / 5) && close(values[2].value, 18.0 / 5) && close(values[3].value, 1.2))
        #expect(close(values[4].value, 1.2 / sd))
        #expect(close(values[5].value, 1.2 - margin) && close(values[6].value, 1.2 + margin))
        // The programme's counts everyone who answered (n = 11: mid's and solo's mentees too).
        #expect(r.kpi("competency.communication.n")?.current.value == 11)
        // A mentee in no cohort counts in no cohort's: with s1 (1→5) out of solo, big's are the same.
        let variant = try Fixture.variant(of: "cohort-privacy", ["people.yaml": try Fixture.text(
            "cohort-privacy/people.yaml", replacing: "enrolled: 2026-02-01, cohort: solo}", with: "enrolled: 2026-02-01}")])
        let outside = try report(variant.path)
        #expect(outside.cohortDetails.first { $0.cohort == "big" }?.competencies.first?.values == values)
        #expect(outside.kpi("competency.communication.n")?.current.value == 11)
        // Withheld cohorts carry none; in report.xml big's row has the numbers.
        #expect(r.cohortDetails.filter(\.suppressed).map(\.cohort) == ["mid", "solo"])
        #expect(r.cohortDetails.filter(\.suppressed).allSatisfy { $0.competencies.isEmpty && $0.trends.isEmpty })
        let out = try TemporaryFolder()
        let month = try built(Self.folder, out)
        #expect(try file(month, "report.xml").contains(#"<competency id="communication" n="5" pre-mean="2.4" post-mean="3.6" change="1.2" effect-size="1.4343" ci95-low="0.1611" ci95-high="2.2389" status="ok"/>"#))
        let page = try file(month, "cohort-big.html")
        #expect(page.contains(#"<svg class="chart whiskers""#))
        #expect(Self.readable(page).contains("Communication 5 +1.20 (+0.16 to +2.24) +1.27"))
    }

    @Test func withOneCohortACohortsCompetencyGrowthIsTheProgrammes() throws {
        // Tests/Fixtures/kpi-competency with all four people in one cohort.
        var people = try String(contentsOfFile: Fixture.path("kpi-competency/people.yaml"), encoding: .utf8)
        people = people.replacingOccurrences(of: "enrolled: 2026-01-01}", with: "enrolled: 2026-01-01, cohort: only}")
        let program = try Fixture.text("kpi-competency/program.yaml", replacing: "competencies:\n",
                                       with: "cohorts:\n  - {id: only, name: Only}\ncompetencies:\n")
        let variant = try Fixture.variant(of: "kpi-competency", ["people.yaml": people, "program.yaml": program])
        let r = try report(variant.path)
        let detail = try #require(r.cohortDetails.first)
        #expect(detail.competencies.map(\.competency) == ["communication", "strategy"])
        var compared = 0
        for c in detail.competencies {
            for v in c.values {
                #expect(r.kpi(v.id)?.current == v, "\(v.id)")
                compared += 1
            }
        }
        #expect(compared == 14)
        #expect(r.kpi("competency.strategy.n")?.current.value == 3)
    }

    @Test func aCohortCellOfACompetencyAloneWithheldWithholdsTheNextSmallest() throws {
        // s1 with no cohort: big and mid shown as segments; mid's mentees answer only 3 pairs (n4, n5
        // removed), fewer than 5, so mid's cell is withheld, and big (5) is the next-smallest.
        let variant = try Fixture.variant(of: "cohort-privacy", [
            "people.yaml": try Fixture.text("cohort-privacy/people.yaml", replacing: "enrolled: 2026-02-01, cohort: solo}", with: "enrolled: 2026-02-01}"),
            "responses.yaml": try Fixture.text("cohort-privacy/responses.yaml",
                                               replacing: "  - {survey: fin, respondent: n4, submitted: 2026-03-16, answers: {q1: 5}}\n", with: "")
                .replacingOccurrences(of: "  - {survey: fin, respondent: n5, submitted: 2026-03-16, answers: {q1: 4}}\n", with: ""),
        ])
        let r = try report(variant.path)
        let cells = r.cohortDetails.map { $0.competencies.first?.suppressed }
        #expect(cells == [true, true, false])   // big, mid, and solo: no mentee of its own, n = 0
        #expect(r.cohortDetails[2].suppressed == false && r.cohortDetails[2].competencies.first?.values.first?.value == 0)
    }

    // MARK: Trend

    @Test func cohortTrendStartsWithTheCohortAndLeavesWithheldMonthsAsGaps() throws {
        let r = try report()
        let big = try #require(r.cohortDetails.first { $0.cohort == "big" })
        let active = big.trends[0], adherence = big.trends[1]
        #expect(active.kpi == "relationships.active.cohort.big" && adherence.kpi == "segment.cohort.big.cadence.adherence")
        #expect(active.points.map(\.month.description) == ["2026-01", "2026-02", "2026-03"])
        // January: only k1-k4 enrolled (4 < 5): withheld, a gap in both.
        #expect(active.points[0].value.suppressed && adherence.points[0].value.suppressed)
        // February 28: rk1-rk3 on track, rk4 at risk (no session in 54 days), rk5-rk7 too early: 3/4.
        #expect(active.points[1].value.value == 7 && close(adherence.points[1].value.value, 0.75))
        // March: as the segment KPI, 6/7.
        #expect(close(adherence.points[2].value.value, 6.0 / 7))
        #expect(adherence.points[2].value == r.kpi("segment.cohort.big.cadence.adherence")?.current)
        #expect(active.points[2].value == r.kpi("relationships.active.cohort.big")?.current)

        // With mid shown (s1 in no cohort), its trend starts with the cohort, in February.
        let variant = try Fixture.variant(of: "cohort-privacy", ["people.yaml": try Fixture.text(
            "cohort-privacy/people.yaml", replacing: "enrolled: 2026-02-01, cohort: solo}", with: "enrolled: 2026-02-01}")])
        let mid = try #require(try report(variant.path).cohortDetails.first { $0.cohort == "mid" })
        #expect(mid.trends[0].points.map(\.month.description) == ["2026-02", "2026-03"])

        let out = try TemporaryFolder()
        let page = Self.readable(try file(try built(Self.folder, out), "cohort-big.html"))
        #expect(page.contains("Month Value January 2026 fewer than 5 people February 2026 7 March 2026 7"))
        #expect(page.contains("Month Value January 2026 fewer than 5 people February 2026 75.0% March 2026 85.7%"))
    }

    // MARK: The sample

    @Test func sampleCohortPagesReadAsAPersonReadsThem() throws {
        let out = try TemporaryFolder()
        let month = try build(ExportTests.sample, out: out.path)
        let xml = try file(month, "report.xml")
        let r = try report(ExportTests.sample, month: String(month.suffix(7)), clean: false)
        func shown(_ id: String) -> String {
            let v = r.kpi(id)?.current.value ?? -1
            return v == v.rounded() && r.kpi(id)?.current.unit == .count ? String(Int(v)) : String(format: "%.1f%%", v * 100)
        }
        for cohort in r.data.cohorts {
            let page = Self.readable(try file(month, "cohort-\(cohort.id).html"))
            let s = "segment.cohort.\(cohort.id)."
            // The comparison table, this cohort beside the programme.
            #expect(page.contains("This cohort and the whole programme"))
            #expect(page.contains("Mentees \(shown(s + "mentees")) \(shown("participants.mentees")) Mentees matched \(shown(s + "match.rate")) \(shown("match.rate")) Cadence adherence \(shown(s + "cadence.adherence")) \(shown("cadence.adherence"))"),
                    "\(cohort.id): \(page.prefix(600))")
            // No whole-programme tiles any more.
            #expect(!page.contains("The whole programme "))
            #expect(page.contains("Competency growth of its mentees") && page.contains("Month by month"))
            // Health as report.xml has it: withheld, or the bar's legend with the slice's counts.
            let slice = r.healthByCohort.first { $0.key == cohort.id }!
            if slice.suppressed {
                #expect(page.contains("Withheld: fewer than 5 people."))
                #expect(xml.contains(#"<slice key="\#(cohort.id)" suppressed="true"/>"#))
            } else {
                #expect(page.contains("on track: \(slice.counts[.onTrack] ?? 0) ◆ behind: \(slice.counts[.behind] ?? 0) ▲ at risk: \(slice.counts[.atRisk] ?? 0)"))
            }
        }
        // The sample's three relationships that name no cohort (3 mentees) are withheld, and Autumn 2025
        // (fewer distinct mentees than Spring 2026) with them.
        #expect(r.healthWithoutCohort?.suppressed == true)
        #expect(r.healthByCohort.map(\.suppressed) == [true, false])
        let engagement = Self.readable(try file(month, "engagement.html"))
        #expect(engagement.contains("Autumn 2025 fewer than 5 people Spring 2026"))
        #expect(engagement.contains("No cohort fewer than 5 people All"))
    }
}
