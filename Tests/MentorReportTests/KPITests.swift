import Foundation
import Testing
@testable import MentorReport

/// The KPIs of a fixture folder (loaded and validated clean) for one month.
func kpis(_ folder: String, _ period: String) throws -> KPISet {
    let loaded = Loader(folder: folder).load()
    let diagnostics = validate(loaded)
    #expect(diagnostics.errors.map(\.formatted) == [])
    let index = ProgrammeIndex(loaded.data)
    return KPICalculator(index: index, period: ReportingPeriod(Month(text: period)!)).compute()
}

func value(_ set: KPISet, _ id: String) -> Double? { set[id]?.value }

func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) < tolerance
}

@Suite struct KPITests {
    // MARK: Health and engagement (Tests/Fixtures/kpi-health, period 2026-03, as_of 2026-03-31)

    @Test func healthRulesApplyInOrderWithTheirBoundaries() throws {
        let set = try kpis(Fixture.path("kpi-health"), "2026-03")
        // too-early: h1 (21 days), h6 (29 days); at-risk: h2 (49 days since the last session);
        // behind: h3 (3 of 6 biweekly), h5 and h7 (0 of 1); on-track: h4 (5 of 3), h8 (45 days, 3 of 3).
        #expect(value(set, "health.too_early") == 2)
        #expect(value(set, "health.at_risk") == 1)
        #expect(value(set, "health.behind") == 3)
        #expect(value(set, "health.on_track") == 2)
        // cadence.adherence = on_track / (on_track + behind + at_risk) = 2 / 6
        #expect(near(value(set, "cadence.adherence"), 2.0 / 6))
        #expect(set["cadence.adherence"]?.n == 6)
    }

    @Test func sessionsOnTheFirstAndLastDayOfTheMonthCountInIt() throws {
        let set = try kpis(Fixture.path("kpi-health"), "2026-03")
        // March: h4 on 03-01, 03-15, 03-31 and h3 on 03-20; the 04-01 session is April's.
        #expect(value(set, "sessions.count") == 4)
        // 60 + 45 + 90 + 30 minutes = 225 = 3.75 hours
        #expect(value(set, "sessions.hours") == 3.75)
        // live_issue stated on three sessions, true on two
        #expect(near(value(set, "sessions.live_issue_rate"), 2.0 / 3))
        // h1–h8 are active in March (h9 ended in February): 4 sessions / 8
        #expect(value(set, "relationships.active") == 8)
        #expect(value(set, "sessions.per_active_relationship") == 0.5)
        let april = try kpis(Fixture.path("kpi-health"), "2026-04")
        #expect(value(april, "sessions.count") == 1)
    }

    @Test func relationshipEndingOnTheFirstDayOfThePeriodIsActiveInItButNotOnAsOf() throws {
        let relationships = """
            relationships:
              - {id: r001, type: one-to-one, mentors: [p001], mentees: [p101], start: 2026-01-15, ended: 2026-03-01, end_reason: completed}
              - {id: r002, type: group, mentors: [p002], mentees: [p102, p103], start: 2026-02-01}
            """
        let folder = try Fixture.variant(of: "minimal", ["relationships.yaml": relationships])
        let set = try kpis(folder.path, "2026-03")
        // Active in March: both (r001 ended on 03-01 >= first); ended in March: r001.
        #expect(value(set, "relationships.active") == 2)
        #expect(value(set, "relationships.ended") == 1)
        #expect(value(set, "relationships.active.type.one-to-one") == 1)
        #expect(value(set, "relationships.active.type.group") == 1)
        #expect(value(set, "relationships.active.type.peer") == 0)
        // Health is about relationships active on 03-31: r002 only, no session since 02-01 (58 days): at-risk.
        #expect(value(set, "health.at_risk") == 1)
        #expect(value(set, "health.on_track") == 0)
        // capacity: p001 (2) and p002 (3) enrolled; on 03-31 only r002 runs → 1 / 5
        #expect(value(set, "mentor.capacity_utilization") == 0.2)
    }

    // MARK: Matching (variant of Tests/Fixtures/minimal)

    @Test func matchingCountsMenteesWithARelationshipStartedByAsOf() throws {
        let people = """
            people:
              - {id: m1, name: Mentor One, roles: [mentor], enrolled: 2026-01-05}
              - {id: m2, name: Mentor Two, roles: [mentor], enrolled: 2026-01-05, mentor_capacity: 1}
              - {id: m3, name: Mentor Three, roles: [mentor], enrolled: 2026-04-01}
              - {id: a, name: Mentee A, roles: [mentee], enrolled: 2026-01-10}
              - {id: b, name: Mentee B, roles: [mentee], enrolled: 2026-01-20}
              - {id: c, name: Mentee C, roles: [mentee], enrolled: 2026-02-01}
              - {id: d, name: Mentee D, roles: [mentee], enrolled: 2026-03-15}
              - {id: e, name: Mentee E, roles: [mentee], enrolled: 2026-04-02}
              - {id: f, name: Mentee F, roles: [mentee], enrolled: 2026-03-31}
            """
        let relationships = """
            relationships:
              - {id: r1, type: one-to-one, mentors: [m1], mentees: [a], start: 2026-01-15}
              - {id: r2, type: one-to-one, mentors: [m1], mentees: [b], start: 2026-02-19}
              - {id: r3, type: one-to-one, mentors: [m2], mentees: [c], start: 2026-01-25}
              - {id: r4, type: one-to-one, mentors: [m3], mentees: [d], start: 2026-04-05}
              - {id: r5, type: one-to-one, mentors: [m2], mentees: [a], start: 2026-03-01, ended: 2026-03-10, end_reason: other}
            """
        let folder = try Fixture.variant(of: "minimal", [
            "people.yaml": people, "relationships.yaml": relationships,
            "sessions/2026-01.yaml": "sessions: []\n", "sessions/2026-02.yaml": "sessions: []\n",
            "responses.yaml": "responses: []\n", "outcomes.yaml": "outcomes: []\n",
        ])
        let set = try kpis(folder.path, "2026-03")
        // Enrolled on 03-31: mentees a, b, c, d, f (e enrols in April); mentors m1, m2.
        #expect(value(set, "participants.mentees") == 5)
        #expect(value(set, "participants.mentors") == 2)
        // Matched: a, b, c (d's relationship starts in April) → 3 / 5; waiting 2.
        #expect(value(set, "match.rate") == 0.6)
        #expect(value(set, "match.waiting") == 2)
        // Days to match: a 5 (01-10 → 01-15), b 30, c max(0, −7) = 0 → median 5.
        #expect(value(set, "match.days_to_match_median") == 5)
        // Active on 03-31: r1, r2 (m1), r3 (m2) → 3 / (2 + 1)
        #expect(value(set, "mentor.capacity_utilization") == 1)
        #expect(value(set, "relationships.new") == 1)  // r5
        #expect(value(set, "relationships.ended") == 1)  // r5
    }

    // MARK: Surveys (Tests/Fixtures/kpi-surveys, period 2026-03)

    @Test func reactionKPIsCountTheLatestSubmissionUpToAsOf() throws {
        let set = try kpis(Fixture.path("kpi-surveys"), "2026-03")
        // Satisfaction answers of s1–s5 (s5's later submission; s6's April answer not yet): 5 4 3 4 2
        #expect(value(set, "satisfaction.mean.mentees") == 3.6)
        #expect(value(set, "satisfaction.top2.mentees") == 0.6)
        #expect(set["satisfaction.mean.mentees"]?.n == 5)
        // NPS answers 10 9 7 8 0: promoters 2, detractors 1 → 100 × 1/5 = 20
        #expect(value(set, "nps.mentees") == 20)
    }

    @Test func fewerThanMinGroupSizeRespondentsIsSuppressedNotNoData() throws {
        let set = try kpis(Fixture.path("kpi-surveys"), "2026-03")
        // Four mentors answered: one fewer than min_group_size 5.
        for id in ["satisfaction.mean.mentors", "satisfaction.top2.mentors", "nps.mentors", "reciprocal.top2"] {
            #expect(set[id]?.status == .suppressed, "\(id)")
            #expect(set[id]?.value == nil && set[id]?.n == nil, "\(id)")
        }
        // In December nobody had answered: no data, not suppressed.
        let december = try kpis(Fixture.path("kpi-surveys"), "2025-12")
        #expect(december["satisfaction.mean.mentors"]?.status == .noData)
    }

    @Test func exactlyMinGroupSizeRespondentsIsShown() throws {
        let responses = try String(contentsOfFile: Fixture.path("kpi-surveys/responses.yaml"), encoding: .utf8)
            + "  - {survey: mcheck, respondent: t5, submitted: 2026-02-20, answers: {sat: 5, learn: 5, nps: 10}}\n"
        let folder = try Fixture.variant(of: "kpi-surveys", ["responses.yaml": responses])
        let set = try kpis(folder.path, "2026-03")
        // Satisfaction 5 4 4 3 5 → 21 / 5; top-2 4 of 5; learning 4 3 5 4 5 → 4 of 5 are 4–5
        #expect(near(value(set, "satisfaction.mean.mentors"), 4.2))
        #expect(value(set, "satisfaction.top2.mentors") == 0.8)
        #expect(value(set, "reciprocal.top2") == 0.8)
        // NPS 9 10 6 8 10: promoters 3, detractors 1 → 40
        #expect(value(set, "nps.mentors") == 40)
        #expect(set["nps.mentors"]?.n == 5)
    }

    @Test func competencyGrowthPairsEarliestBaselineWithLatestFinal() throws {
        let set = try kpis(Fixture.path("kpi-surveys"), "2026-03")
        // Communication pre (mean of q1, q2): 2.5 3 2 3.5 1.5; post: 4 3.5 3 4 2.5 (s5's later final).
        // Differences 1.5 0.5 1 0.5 1: mean 0.9, sample SD sqrt(0.7 / 4) = 0.418330.
        #expect(value(set, "competency.communication.n") == 5)
        #expect(near(value(set, "competency.communication.pre_mean"), 2.5))
        #expect(near(value(set, "competency.communication.post_mean"), 3.4))
        #expect(near(value(set, "competency.communication.change"), 0.9))
        // d_z = 0.9 / 0.418330 = 2.151411
        #expect(near(value(set, "competency.communication.effect_size"), 2.1514115, 1e-6))
        // 0.9 ∓ t(0.975, 4) 2.7764451 × 0.418330 / sqrt(5) = 0.9 ∓ 0.519425
        #expect(near(value(set, "competency.communication.ci95_low"), 0.3805747, 1e-6))
        #expect(near(value(set, "competency.communication.ci95_high"), 1.4194253, 1e-6))
        // Strategy: s5's counted final has no q3, so four pairs: suppressed, n included.
        #expect(set["competency.strategy.n"]?.status == .suppressed)
        #expect(set["competency.strategy.change"]?.status == .suppressed)
    }

    @Test func responseRateAudienceIsEnrolledByOpeningAndNotLeft() throws {
        let set = try kpis(Fixture.path("kpi-surveys"), "2026-03")
        #expect(value(set, "surveys.response_rate.base") == 1)  // 6 of 6
        #expect(near(value(set, "surveys.response_rate.fin"), 5.0 / 6))  // s6 answered after as_of
        // mcheck opens 02-01: t5 enrolled later, t4 left on 01-20 → audience t1–t3, all answered
        #expect(value(set, "surveys.response_rate.mcheck") == 1)
        #expect(set["surveys.response_rate.mcheck"]?.n == 3)
        let january = try kpis(Fixture.path("kpi-surveys"), "2026-01")
        #expect(january["surveys.response_rate.fin"]?.status == .noData)  // not open yet
    }

    @Test func netPromoterScoreRoundsHalfAwayFromZero() throws {
        let calculator = KPICalculator(index: ProgrammeIndex(try load()), period: ReportingPeriod(Month(year: 2026, month: 2)))
        // 1 promoter, 7 detractors of 16: 100 × −6/16 = −37.5 exactly; 1 of 3 promoters: 33.33…
        #expect(calculator.netPromoterScore(promoters: 1, detractors: 7, answers: 16) == -37.5)
        #expect(calculator.netPromoterScore(promoters: 1, detractors: 0, answers: 3) == 33.3)
        #expect(calculator.netPromoterScore(promoters: 2, detractors: 0, answers: 3) == 66.7)
        // 1/160 of 100 = 0.625 → 0.6; 3/80 × 100 = 3.75 → 3.8 (half away from zero)
        #expect(calculator.netPromoterScore(promoters: 1, detractors: 0, answers: 160) == 0.6)
        #expect(calculator.netPromoterScore(promoters: 3, detractors: 0, answers: 80) == 3.8)
        #expect(calculator.netPromoterScore(promoters: 0, detractors: 3, answers: 80) == -3.8)
        #expect(calculator.netPromoterScore(promoters: 0, detractors: 0, answers: 0) == nil)
    }

    // MARK: Inclusion

    static func inclusionFolder(_ groups: [String]) throws -> TemporaryFolder {
        var people = "people:\n  - {id: m1, name: Mentor, roles: [mentor], enrolled: 2026-01-05}\n"
        for (i, g) in groups.enumerated() {
            people += "  - {id: x\(i), name: Mentee \(i), roles: [mentee], enrolled: 2026-01-05, groups: [\(g)]}\n"
        }
        let program = """
            program:
              id: inclusion
              name: Inclusion
              start: 2026-01-05
              benchmarks:
                workforce_share: {women: 0.5, lgbtq: 0.1, veterans: 0.05}
            competencies: [{id: communication, name: Communication}]
            """
        return try Fixture.variant(of: "minimal", [
            "program.yaml": program, "people.yaml": people, "relationships.yaml": "relationships: []\n",
            "sessions/2026-01.yaml": nil, "sessions/2026-02.yaml": nil, "responses.yaml": "responses: []\n",
            "outcomes.yaml": "outcomes: []\n", "surveys.yaml": "surveys: []\n",
        ])
    }

    @Test func breakdownWithExactlyOneSmallGroupSuppressesTheNextSmallestToo() throws {
        // 14 mentees: women 7, veterans 5, lgbtq 2 ("" = no group).
        let groups = Array(repeating: "women", count: 7) + Array(repeating: "veterans", count: 5) + ["lgbtq", "lgbtq"]
        let folder = try Self.inclusionFolder(groups)
        let set = try kpis(folder.path, "2026-01")
        #expect(set["inclusion.lgbtq.share"]?.status == .suppressed)
        // Complementary suppression: veterans (5, the smallest shown) would reveal lgbtq by subtraction.
        #expect(set["inclusion.veterans.share"]?.status == .suppressed)
        #expect(set["inclusion.veterans.representation_index"]?.status == .suppressed)
        #expect(set["inclusion.veterans.share"]?.n == nil)
        // women 7 / 14 = 0.5; index 0.5 / 0.5 = 1; the benchmark itself is never suppressed.
        #expect(value(set, "inclusion.women.share") == 0.5)
        #expect(value(set, "inclusion.women.representation_index") == 1)
        #expect(value(set, "inclusion.lgbtq.workforce_share") == 0.1)
    }

    @Test func twoSmallGroupsNeedNoComplementarySuppression() throws {
        let groups = Array(repeating: "women", count: 7) + Array(repeating: "veterans", count: 4) + ["lgbtq", "lgbtq"]
        let folder = try Self.inclusionFolder(groups)
        let set = try kpis(folder.path, "2026-01")
        #expect(set["inclusion.lgbtq.share"]?.status == .suppressed)
        #expect(set["inclusion.veterans.share"]?.status == .suppressed)
        #expect(near(value(set, "inclusion.women.share"), 7.0 / 13))
        #expect(set["inclusion.women.share"]?.n == 7)
    }

    // MARK: Outcomes

    @Test func promotionWindowIsTheLast365DaysInclusive() throws {
        // as_of 2026-12-31: window starts 2026-12-31 − 364 = 2026-01-01.
        let outcomes = """
            outcomes:
              - {person: p101, date: 2026-01-01, event: promoted}
              - {person: p102, date: 2025-12-31, event: promoted}
              - {person: p103, date: 2025-12-30, event: left, voluntary: true}
              - {person: p102, date: 2026-06-30, event: left, voluntary: false}
            """
        let folder = try Fixture.variant(of: "minimal", ["outcomes.yaml": outcomes])
        let set = try kpis(folder.path, "2026-12")
        // Promoted in window: p101 only (p102's is a day early) → 1 / 3 mentees
        #expect(near(value(set, "outcomes.promotion_rate_12m"), 1.0 / 3))
        // Retention: p103 left before the window → out of the denominator; p102 left within → 1 / 2
        #expect(value(set, "outcomes.retention_rate_12m") == 0.5)
        #expect(set["outcomes.retention_rate_12m"]?.n == 2)
        // Lifts against the benchmarks 0.08 and 0.85
        #expect(near(value(set, "outcomes.promotion_lift"), (1.0 / 3) / 0.08))
        #expect(near(value(set, "outcomes.retention_lift"), 0.5 / 0.85))
        // ROI: retention 0.5 is below the benchmark, so no leavers avoided: (0 − 10000) / 10000 = −1
        #expect(value(set, "outcomes.roi") == -1)
    }

    @Test func returnOnInvestmentFromAvoidedLeavers() throws {
        // No leavers: retention 3/3 = 1; avoided = (1 − 0.85) × 3 = 0.45; benefit 0.45 × 60000 = 27000;
        // roi = (27000 − 10000) / 10000 = 1.7
        let folder = try Fixture.variant(of: "minimal")
        let set = try kpis(folder.path, "2026-02")
        #expect(near(value(set, "outcomes.roi"), 1.7))
    }

    // MARK: Periods and zero denominators

    @Test func januaryComparesWithDecemberOfTheYearBefore() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/2025-12.yaml": """
            sessions:
              - {relationship: r001, date: 2025-12-31, minutes: 60}
              - {relationship: r001, date: 2025-12-01, minutes: 60}
            """])
        let loaded = Loader(folder: folder.path).load()
        let report = Report(data: loaded.data, period: ReportingPeriod(Month(year: 2026, month: 1)), audience: .public)
        #expect(report.kpi("sessions.count")?.current.value == 2)  // 01-15 and 01-28
        #expect(report.kpi("sessions.count")?.previous == 2)  // December 2025
        // Trends start at the programme's first month, January 2026.
        #expect(report.trends.first?.points.map(\.month.description) == ["2026-01"])
    }

    @Test func leapDaySessionCountsInFebruary2028() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/2028-02.yaml": """
            sessions:
              - {relationship: r001, date: 2028-02-29, minutes: 60}
            """])
        let set = try kpis(folder.path, "2028-02")
        #expect(value(set, "sessions.count") == 1)
        #expect(value(try kpis(folder.path, "2028-03"), "sessions.count") == 0)
    }

    @Test func zeroDenominatorsAreNoDataNotZero() throws {
        let folder = try Fixture.variant(of: "minimal")
        // December 2025, before anyone enrolled: no mentees, no relationships, no sessions.
        let set = try kpis(folder.path, "2025-12")
        for id in ["match.rate", "cadence.adherence", "sessions.per_active_relationship", "sessions.live_issue_rate",
                   "group.attendance_rate", "goals.set_rate", "goals.achievement_rate", "outcomes.promotion_rate_12m",
                   "mentor.capacity_utilization", "match.days_to_match_median"] {
            #expect(set[id]?.status == .noData, "\(id)")
        }
        #expect(value(set, "sessions.count") == 0)
        #expect(set["sessions.count"]?.status == .ok)
    }

    @Test func targetsAndDirectionOfBetter() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "match.rate: 0.9", with: "match.rate: 0.9\n    match.waiting: 1")
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": program])
        let loaded = Loader(folder: folder.path).load()
        let report = Report(data: loaded.data, period: ReportingPeriod(Month(year: 2026, month: 2)), audience: .public)
        // Mentees p101, p102 matched, p103 waiting: 2/3 < 0.9 → off target; waiting 1 <= 1 → on target
        #expect(report.kpi("match.rate")?.onTarget == false)
        #expect(report.kpi("match.waiting")?.onTarget == true)
        #expect(report.kpi("sessions.count")?.onTarget == nil)
    }
}

@Suite struct PeriodTests {
    @Test func defaultPeriodIsTheMonthOfTheLatestSession() throws {
        let data = try load()
        // Latest session: 2026-02-23 (the programme's planned ends reach into December).
        #expect(ReportingPeriod.default(for: data).month.description == "2026-02")
    }

    @Test func withoutSessionsTheDefaultPeriodIsTheLatestDateAnywhere() throws {
        let data = try load(changing: ["sessions/2026-01.yaml": nil, "sessions/2026-02.yaml": nil])
        // Latest date anywhere: planned_end and cohort end 2026-12-31.
        #expect(ReportingPeriod.default(for: data).month.description == "2026-12")
    }

    @Test func periodBoundsIncludeLeapDay() {
        let february = ReportingPeriod(Month(year: 2028, month: 2))
        #expect(february.first.description == "2028-02-01")
        #expect(february.last.description == "2028-02-29")
        #expect(ReportingPeriod(Month(year: 2026, month: 1)).month.previous.description == "2025-12")
    }

    /// The index finds a session's month from the last one's when the dates run in order, and reserves
    /// each relationship's dates from a first count: the sessions listed in any order give the same report.
    @Test func theSessionsListedInAnyOrderGiveTheSameReport() throws {
        let folder = try TemporaryFolder()
        _ = try SyntheticProgramme(people: 400, seed: 11).write(to: folder.path)
        let loaded = Loader(folder: folder.path).load()
        #expect(!validate(loaded).hasErrors)
        let data = loaded.data
        let period = ReportingPeriod.default(for: data)
        var shuffled = data
        // Reversed, then every third one moved to the end: months and relationships interleave.
        let reversed = Array(data.sessions.reversed())
        shuffled.sessions = reversed.indices.filter { $0 % 3 != 0 }.map { reversed[$0] }
            + reversed.indices.filter { $0 % 3 == 0 }.map { reversed[$0] }
        #expect(shuffled.sessions.count == data.sessions.count && data.sessions.count > 1000)
        let a = Report(data: data, period: period, audience: .admin)
        let b = Report(data: shuffled, period: period, audience: .admin)
        let differing = zip(a.kpis, b.kpis).filter { $0.current != $1.current }.map { "\($0.current) vs \($1.current)" }
        #expect(differing == [])
        #expect(a.kpis.map(\.previous) == b.kpis.map(\.previous))
        #expect(a.trends.map { $0.points.map(\.value) } == b.trends.map { $0.points.map(\.value) })
        #expect(a.health.map(\.lastSession) == b.health.map(\.lastSession))
        #expect(a.health.map { $0.status.rawValue } == b.health.map { $0.status.rawValue })
        #expect((a.kpi("sessions.count")?.current.value ?? 0) > 0)
    }
}
