import Foundation
import Testing
@testable import MentorReport

/// SPEC §3 (2026-12) "Team engagement", "Segments" and "Survey questions", each KPI worked out by hand on
/// Tests/Fixtures/kpi-segments (its files say why each record is there) on as_of 2026-03-31.
@Suite struct SegmentKPITests {
    static let folder = Fixture.path("kpi-segments")

    private func report(_ month: String, folder: String = SegmentKPITests.folder) throws -> Report {
        let loaded = Loader(folder: folder).load()
        #expect(validate(loaded).all.map(\.formatted) == [])
        return Report(data: loaded.data, period: ReportingPeriod(try #require(Month(text: month))), audience: .public)
    }

    private func value(_ report: Report, _ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Double {
        let kpi = try #require(report.kpi(id), "\(id) missing", sourceLocation: sourceLocation)
        return try #require(kpi.current.value, "\(id) has no value", sourceLocation: sourceLocation)
    }

    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func teamEngagementPairsEachMenteesScoresAroundTheirFirstStart() throws {
        let march = try report("2026-03")
        // Pairs (pre, post): c1 (62 on its start day, not 60; 70), c2 (50; 58, the later record of
        // 2026-03-01), c3 (40; 52, not 90 of April), a1 (70; 66), c4 (55; 60). b5 has no pre, a2 no post.
        let pre = [62.0, 50, 40, 70, 55], post = [70.0, 58, 52, 66, 60]
        let diffs = zip(pre, post).map { $1 - $0 }
        let change = diffs.reduce(0, +) / 5
        let sd = (diffs.map { ($0 - change) * ($0 - change) }.reduce(0, +) / 4).squareRoot()
        let margin = 2.7764451051977987 * sd / 5.0.squareRoot()   // t(0.975, 4)
        #expect(try value(march, "outcomes.team_engagement.n") == 5)
        #expect(close(try value(march, "outcomes.team_engagement.pre_mean"), 277.0 / 5))
        #expect(close(try value(march, "outcomes.team_engagement.post_mean"), 306.0 / 5))
        #expect(close(try value(march, "outcomes.team_engagement.change"), 29.0 / 5))
        #expect(abs(try value(march, "outcomes.team_engagement.ci95_low") - (change - margin)) < 1e-6)
        #expect(abs(try value(march, "outcomes.team_engagement.ci95_high") - (change + margin)) < 1e-6)
        #expect(march.kpi("outcomes.team_engagement.change")?.current.unit == .points)
        // February: only c1 and a1 have a later score: all six suppressed, so March shows no previous.
        let february = try report("2026-02")
        for suffix in ["n", "pre_mean", "post_mean", "change", "ci95_low", "ci95_high"] {
            #expect(february.kpi("outcomes.team_engagement." + suffix)?.current.status == .suppressed, "\(suffix)")
            #expect(march.kpi("outcomes.team_engagement." + suffix)?.previous == nil, "\(suffix)")
        }
        // January: no one has a score after their start: no data, the count included.
        let january = try report("2026-01")
        #expect(january.kpi("outcomes.team_engagement.n")?.current.status == .noData)
        #expect(january.kpi("outcomes.team_engagement.ci95_high")?.current.status == .noData)
    }

    @Test func segmentsApplyTheProgrammesRulesToEachSegment() throws {
        let march = try report("2026-03")
        // Team lead: c1-c6. Matched c1 (r1), c2, c3 (r2), c4 (r3); c6's r6 starts in April.
        let lead = "segment.level.team-lead."
        #expect(try value(march, lead + "mentees") == 6)
        #expect(close(try value(march, lead + "match.rate"), 4.0 / 6))
        // r1 on track, r2 at risk, r3 too early: 1 / 2.
        #expect(close(try value(march, lead + "cadence.adherence"), 0.5))
        // r1: 2 set, 1 achieved; r2: 1 set by as_of (one set in April), 1 achieved; r6's is set in April.
        #expect(close(try value(march, lead + "goals.achievement_rate"), 2.0 / 3))
        // c1's later response counts (5, not 1): (5 + 4 + 3 + 4 + 2 + 5) / 6.
        #expect(close(try value(march, lead + "satisfaction.mean.mentees"), 23.0 / 6))
        #expect(march.kpi(lead + "satisfaction.mean.mentees")?.current.n == 6)
        // c1 promoted in the window (c2's promotion is before it); c4 left before the window (out of
        // the denominator), c3 left in it.
        #expect(close(try value(march, lead + "outcomes.promotion_rate_12m"), 1.0 / 6))
        #expect(close(try value(march, lead + "outcomes.retention_rate_12m"), 4.0 / 5))
        // In February: c1, c2, c3 matched; r1 and r2 both on track; r2's goal achieved 02-10 of 2 set.
        #expect(close(try #require(march.kpi(lead + "match.rate")?.previous), 3.0 / 6))
        #expect(march.kpi(lead + "satisfaction.mean.mentees")?.previous == nil)   // the survey opened in March

        // People & Culture (c1-c5), written people-culture.
        let culture = "segment.department.people-culture."
        #expect(try value(march, culture + "mentees") == 5)
        #expect(close(try value(march, culture + "match.rate"), 4.0 / 5))
        #expect(close(try value(march, culture + "satisfaction.mean.mentees"), 18.0 / 5))
        #expect(close(try value(march, culture + "outcomes.promotion_rate_12m"), 1.0 / 5))
        #expect(close(try value(march, culture + "outcomes.retention_rate_12m"), 3.0 / 4))

        // Cohort 2026-b (b5, c1-c6): r4 (b5) is behind, so 1 on track of 3; r4's dropped goal counts as set.
        let b = "segment.cohort.2026-b."
        #expect(try value(march, b + "mentees") == 7)
        #expect(close(try value(march, b + "match.rate"), 5.0 / 7))
        #expect(close(try value(march, b + "cadence.adherence"), 1.0 / 3))
        #expect(close(try value(march, b + "goals.achievement_rate"), 2.0 / 4))
        #expect(close(try value(march, b + "outcomes.retention_rate_12m"), 5.0 / 6))
        // Cohort 2026-a: a1 (r2, at risk) and a2 (r5, ended: no health, its goal counts); nobody answered.
        let a = "segment.cohort.2026-a."
        #expect(close(try value(march, a + "match.rate"), 2.0 / 8))
        #expect(try value(march, a + "cadence.adherence") == 0)
        #expect(try value(march, a + "goals.achievement_rate") == 1)
        #expect(march.kpi(a + "satisfaction.mean.mentees")?.current.status == .noData)
    }

    @Test func segmentValuesComeInNameOrderFromEnrolledMenteesOnly() throws {
        let march = try report("2026-03")
        let mentees = march.kpis.map(\.id).filter { $0.hasPrefix("segment.") && $0.hasSuffix(".mentees") && !$0.hasSuffix("satisfaction.mean.mentees") }
        // Cohorts by id (2026-a is "Winter", 2026-b "Autumn"); d1 (Director, Legal) enrols in May; the
        // mentors' Marketing is no mentee's.
        #expect(mentees == ["segment.cohort.2026-a.mentees", "segment.cohort.2026-b.mentees",
                            "segment.department.Finance.mentees", "segment.department.Operations.mentees",
                            "segment.department.people-culture.mentees",
                            "segment.level.Manager.mentees", "segment.level.senior-manager.mentees", "segment.level.team-lead.mentees"])
        // Each segment's KPIs follow one another, in the catalogue's order.
        let lead = march.kpis.map(\.id).filter { $0.hasPrefix("segment.level.team-lead.") }
        #expect(lead.map { String($0.dropFirst("segment.level.team-lead.".count)) } ==
                ["mentees", "match.rate", "cadence.adherence", "goals.achievement_rate", "satisfaction.mean.mentees",
                 "outcomes.promotion_rate_12m", "outcomes.retention_rate_12m"])
        #expect(KPICatalog(data: march.data, period: march.period).entry("segment.cohort.2026-b.match.rate")?.label == "Autumn: mentees matched")
        let may = try report("2026-05")
        #expect(may.kpi("segment.level.Director.mentees")?.current.status == .suppressed)
    }

    @Test func smallSegmentsAreWithheldWholeAndOneMoreWhenOnlyOneIs() throws {
        let march = try report("2026-03")
        let suffixes = ["mentees", "match.rate", "cadence.adherence", "goals.achievement_rate", "satisfaction.mean.mentees",
                        "outcomes.promotion_rate_12m", "outcomes.retention_rate_12m"]
        // Senior manager has 4 (< 5): withheld; the only one, so the next-smallest, Manager (5), too.
        // Finance has 4; Operations and People & Culture 5 each: the tie goes to the first by name.
        for prefix in ["segment.level.senior-manager.", "segment.level.Manager.", "segment.department.Finance.",
                       "segment.department.Operations."] {
            for s in suffixes {
                let kpi = try #require(march.kpi(prefix + s))
                #expect(kpi.current.status == .suppressed && kpi.current.value == nil && kpi.current.n == nil, "\(prefix + s)")
            }
        }
        #expect(march.kpi("segment.level.team-lead.mentees")?.current.status == .ok)
        #expect(march.kpi("segment.department.people-culture.mentees")?.current.status == .ok)
        // Two cohorts of 8 and 7: none withheld.
        #expect(march.kpi("segment.cohort.2026-a.mentees")?.current.status == .ok)
    }

    @Test func valuesThatWouldBeWrittenAlikeAreAnError() throws {
        let people = try Fixture.text("kpi-segments/people.yaml",
                                      replacing: "{id: b1, name: Mentee B1, roles: [mentee], enrolled: 2026-01-01, level: Manager,",
                                      with: "{id: b1, name: Mentee B1, roles: [mentee], enrolled: 2026-01-01, level: senior manager,")
        let folder = try Fixture.variant(of: "kpi-segments", ["people.yaml": people])
        #expect(findings(folder.path) == [
            "data/people.yaml:10:77: error: level 'senior manager' of person 'b1' and level 'Senior manager' at data/people.yaml:6:77 are both written 'senior-manager' in KPI ids; expected level values that differ in more than case and punctuation (write one of them like the other)",
        ])
        // A value whose KPI ids include another value's: `Team lead.satisfaction.mean` (written
        // team-lead.satisfaction.mean) would count its mentees under team-lead's satisfaction id. The error
        // goes on the later of the two in reading order (c1's Team lead).
        let clash = try Fixture.text("kpi-segments/people.yaml",
                                     replacing: "{id: b2, name: Mentee B2, roles: [mentee], enrolled: 2026-01-01, level: Manager,",
                                     with: "{id: b2, name: Mentee B2, roles: [mentee], enrolled: 2026-01-01, level: Team lead.satisfaction.mean,")
        let clashing = try Fixture.variant(of: "kpi-segments", ["people.yaml": clash])
        #expect(findings(clashing.path) == [
            "data/people.yaml:15:77: error: level 'Team lead' of person 'c1' would give the KPI id 'segment.level.team-lead.satisfaction.mean.mentees', which is also one of level 'Team lead.satisfaction.mean' at data/people.yaml:11:77; expected level values that do not end like a KPI's name",
        ])
        #expect(segmentId("Senior manager") == "senior-manager" && segmentId("People & Culture") == "people-culture")
        #expect(segmentId("R&D  / Ops") == "r-d-ops" && segmentId("Sales") == "Sales" && segmentId("2026-a") == "2026-a")
        #expect(segmentId("Équipe") == "-quipe" && segmentId(".hidden") == ".hidden")
    }

    @Test func surveyAndQuestionIdsThatRunIntoEachOtherAreAnError() throws {
        // Survey pulse's question q3.extra and survey pulse.q3's question extra: both question.pulse.q3.extra.
        let surveys = try Fixture.text("kpi-segments/surveys.yaml", replacing: "  - id: later\n", with: "  - id: pulse.q3\n")
            .replacingOccurrences(of: "      - {id: sat, text: Still worth it,", with: "      - {id: extra, text: Still worth it,")
            .replacingOccurrences(of: "      - {id: note, text: 'Anything else?', scale: text}\n",
                                  with: "      - {id: note, text: 'Anything else?', scale: text}\n      - {id: q3.extra, text: Extra, scale: likert5}\n")
        let folder = try Fixture.variant(of: "kpi-segments", ["surveys.yaml": surveys])
        #expect(findings(folder.path) == [
            "data/surveys.yaml:20:14: error: question 'extra' of survey 'pulse.q3' and question 'q3.extra' of survey 'pulse' at data/surveys.yaml:12:14 would both have the KPIs 'question.pulse.q3.extra.*'; expected survey and question ids that do not run into each other (use '-' rather than '.')",
        ])
    }

    @Test func questionsHaveMeansTopTwoSharesAndAnswerCounts() throws {
        let march = try report("2026-03")
        // sat: c1's later 5, then 4, 3, 4, 2, 5.
        #expect(close(try value(march, "question.pulse.sat.mean"), 23.0 / 6))
        #expect(close(try value(march, "question.pulse.sat.top2"), 4.0 / 6))
        #expect(march.kpi("question.pulse.sat.mean")?.current.n == 6)
        // q3 by five: 1, 2, 5, 5, 4.
        #expect(close(try value(march, "question.pulse.q3.mean"), 17.0 / 5))
        #expect(close(try value(march, "question.pulse.q3.top2"), 3.0 / 5))
        // rec (0–10) by four: suppressed.
        #expect(march.kpi("question.pulse.rec.mean")?.current.status == .suppressed)
        #expect(march.kpi("question.pulse.rec.top2")?.current.status == .suppressed)
        // No KPI for the text question or for the survey opening in April.
        #expect(!march.kpis.contains { $0.id.hasPrefix("question.pulse.note") || $0.id.hasPrefix("question.later.") })
        let april = try report("2026-04")
        #expect(april.kpi("question.later.sat.mean")?.current.status == .noData)

        let out = try TemporaryFolder()
        let written = try build(Self.folder, out: out.path, period: "2026-03")
        let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
        #expect(xml.contains(#"<question id="sat" kpi="question.pulse.sat" scale="likert5" text="The programme is worth my time" respondents="6"><answers point="1" count="0"/><answers point="2" count="1"/><answers point="3" count="1"/><answers point="4" count="2"/><answers point="5" count="2"/></question>"#.replacingOccurrences(of: "><", with: ">\n        <").replacingOccurrences(of: ">\n        </question>", with: ">\n      </question>")))
        #expect(xml.contains(#"<question id="rec" kpi="question.pulse.rec" scale="nps" text="Would you recommend it?" suppressed="true"/>"#))
        #expect(xml.contains(#"text="Rate &quot;support&quot; &amp; &lt;tools&gt;" respondents="5">"#))
        #expect(!xml.contains("Anything else?") && !xml.contains("private"))
        #expect(xml.contains(#"<survey id="later" title="April pulse" kind="checkin" audience="mentees" opens="2026-04-01"/>"#))
    }

    /// The sample programme: every segment's count is within the mentees, shown rates are fractions, and
    /// each open survey's rating questions have their KPIs.
    @Test func theSampleProgrammesNewKPIsAreSane() throws {
        let data = Loader(folder: Fixture.repository.appendingPathComponent("data").path).load().data
        let period = ReportingPeriod(try #require(Month(text: "2026-10")))
        let report = Report(data: data, period: period, audience: .public)
        let mentees = try value(report, "participants.mentees")
        for dimension in ["cohort", "department", "level"] {
            let counts = report.kpis.filter { $0.id.hasPrefix("segment.\(dimension).") && $0.id.hasSuffix(".mentees")
                && !$0.id.hasSuffix("satisfaction.mean.mentees") }
            #expect(counts.count >= 2, "\(dimension)")
            #expect(counts.compactMap(\.current.value).reduce(0, +) <= mentees, "\(dimension)")
            #expect(counts.filter { $0.current.suppressed }.count != 1, "\(dimension): a lone withheld segment")
        }
        for kpi in report.kpis where kpi.id.hasPrefix("segment.") && KPICatalog.isFraction(kpi.id) {
            if let v = kpi.current.value { #expect((0...1).contains(v), "\(kpi.id)") }
        }
        let open = data.surveys.filter { $0.opens <= period.asOf }
        let rated = open.flatMap { s in s.questions.filter { $0.scale != .text }.map { "question.\(s.id).\($0.id).mean" } }
        #expect(!rated.isEmpty && rated.allSatisfy { report.kpi($0) != nil })
        let n = try value(report, "outcomes.team_engagement.n")
        let low = try value(report, "outcomes.team_engagement.ci95_low"), high = try value(report, "outcomes.team_engagement.ci95_high")
        #expect(n >= 5 && low < high)
    }
}
