import Foundation
import Testing
@testable import MentorReport

/// The KPI rules settled in the SPEC's 2026-12 revision (issue 13 item 3): competency scores per
/// competency, the policy counts, surveys for one cohort, and targets that must name a KPI.
@Suite struct KPIRulesTests {
    // MARK: Competency growth per competency (Tests/Fixtures/kpi-competency, as_of 2026-03-31)

    @Test func competencyScoresComeFromTheResponsesThatAnswerTheCompetency() throws {
        let set = try kpis(Fixture.path("kpi-competency"), "2026-03")
        // Strategy: a's and b's intake (earliest baseline) and fin2 (latest final) have no strategy
        // question; their base and fin do. a 2 → 4, b 3 → 3, c 1 → 3; d's baseline is after its final.
        #expect(value(set, "competency.strategy.n") == 3)
        #expect(near(value(set, "competency.strategy.pre_mean"), 2))
        #expect(near(value(set, "competency.strategy.post_mean"), 10.0 / 3))
        #expect(near(value(set, "competency.strategy.change"), 4.0 / 3))
        // Differences 2 0 2: sample SD sqrt(4/3), d_z = (4/3) / sqrt(4/3) = sqrt(4/3)
        #expect(near(value(set, "competency.strategy.effect_size"), (4.0 / 3).squareRoot()))
        // Communication: intake → fin2 for a (2 → 5) and b (3 → 4), base → fin for c (2 → 3).
        #expect(value(set, "competency.communication.n") == 3)
        #expect(near(value(set, "competency.communication.pre_mean"), 7.0 / 3))
        #expect(near(value(set, "competency.communication.post_mean"), 4))
        #expect(near(value(set, "competency.communication.change"), 5.0 / 3))
    }

    @Test func competencyScoresUseOnlyResponsesCountedOnAsOf() throws {
        // In February no final is answered yet.
        let set = try kpis(Fixture.path("kpi-competency"), "2026-02")
        #expect(value(set, "competency.strategy.n") == 0)
        // With fin2 answered only in April, March's post scores for communication come from fin (a 4, b 4, c 3).
        let variant = try Fixture.variant(of: "kpi-competency", [
            "responses.yaml": try Fixture.text("kpi-competency/responses.yaml", replacing: "submitted: 2026-03-20", with: "submitted: 2026-04-20")
                .replacingOccurrences(of: "submitted: 2026-03-21", with: "submitted: 2026-04-21"),
        ])
        let march = try kpis(variant.path, "2026-03")
        #expect(near(value(march, "competency.communication.post_mean"), 11.0 / 3))
        #expect(value(march, "competency.strategy.n") == 3)
    }

    // MARK: Policy counts (variants of Tests/Fixtures/minimal, as_of 2026-03-31)

    @Test func directReportPairsCountRelationshipMentorMenteeTriples() throws {
        let people = """
            people:
              - {id: m1, name: Mentor One, roles: [mentor], enrolled: 2026-01-05, mentor_capacity: 5}
              - {id: m2, name: Mentor Two, roles: [mentor], enrolled: 2026-01-05}
              - {id: x, name: Mentee X, roles: [mentee], enrolled: 2026-01-05, manager: m1}
              - {id: y, name: Mentee Y, roles: [mentee], enrolled: 2026-01-05, manager: m1}
              - {id: z, name: Mentee Z, roles: [mentee], enrolled: 2026-01-05, manager: m2}
            """
        let relationships = """
            relationships:
              - {id: r1, type: group, mentors: [m1], mentees: [x, y, z], start: 2026-02-01}
              - {id: r2, type: one-to-one, mentors: [m1], mentees: [x], start: 2026-02-01}
              - {id: r3, type: one-to-one, mentors: [m2], mentees: [z], start: 2026-01-15, ended: 2026-03-30, end_reason: completed}
              - {id: r4, type: peer, mentors: [m2, m1], mentees: [y], start: 2026-04-01}
            """
        let folder = try Fixture.variant(of: "minimal", [
            "people.yaml": people, "relationships.yaml": relationships,
            "sessions/2026-01.yaml": "sessions: []\n", "sessions/2026-02.yaml": "sessions: []\n",
            "responses.yaml": "responses: []\n", "outcomes.yaml": "outcomes: []\n",
        ])
        let set = try kpis(folder.path, "2026-03")
        // Active on 03-31: r1 and r2 (r3 ended the day before, r4 starts in April).
        // Triples (r1, m1, x), (r1, m1, y), (r2, m1, x): three, over two relationships and two pairs.
        #expect(value(set, "policy.direct_report_pairs") == 3)
        let warnings = findings(folder.path, period: "2026-03").filter { $0.contains("line manager") }
        #expect(warnings.count == 3)
    }

    /// Mentors over capacity: m1 (capacity 1, enrolled), m2 (enrolled only after as_of) and x1, listed
    /// as a mentor without the mentor role (the validator's error), with the default capacity 2.
    static func overCapacityFolder() throws -> TemporaryFolder {
        let people = """
            people:
              - {id: m1, name: Mentor One, roles: [mentor], enrolled: 2026-01-05, mentor_capacity: 1}
              - {id: m2, name: Mentor Two, roles: [mentor], enrolled: 2026-05-01}
              - {id: m3, name: Mentor Three, roles: [mentor], enrolled: 2026-01-05}
              - {id: x1, name: Mentee X1, roles: [mentee], enrolled: 2026-01-05}
              - {id: x2, name: Mentee X2, roles: [mentee], enrolled: 2026-01-05}
              - {id: e1, name: Mentee E1, roles: [mentee], enrolled: 2026-01-05}
              - {id: e2, name: Mentee E2, roles: [mentee], enrolled: 2026-01-05}
            """
        let relationships = """
            relationships:
              - {id: r1, type: one-to-one, mentors: [m1], mentees: [e1], start: 2026-02-01}
              - {id: r2, type: one-to-one, mentors: [m1], mentees: [e2], start: 2026-02-01}
              - {id: r3, type: one-to-one, mentors: [m2], mentees: [e1], start: 2026-02-01}
              - {id: r4, type: one-to-one, mentors: [m2], mentees: [e2], start: 2026-02-01}
              - {id: r5, type: group, mentors: [m2], mentees: [e1, e2], start: 2026-02-01}
              - {id: r6, type: one-to-one, mentors: [m3], mentees: [e1], start: 2026-02-01}
              - {id: r7, type: reverse, mentors: [x1], mentees: [e1], start: 2026-02-01}
              - {id: r8, type: reverse, mentors: [x1], mentees: [e2], start: 2026-02-01}
              - {id: r9, type: group, mentors: [x1], mentees: [e1, e2], start: 2026-02-01}
              - {id: r10, type: reverse, mentors: [x2], mentees: [e1], start: 2026-02-01}
              - {id: r11, type: reverse, mentors: [x2], mentees: [e2], start: 2026-02-01}
            """
        return try Fixture.variant(of: "minimal", [
            "people.yaml": people, "relationships.yaml": relationships,
            "sessions/2026-01.yaml": "sessions: []\n", "sessions/2026-02.yaml": "sessions: []\n",
            "responses.yaml": "responses: []\n", "outcomes.yaml": "outcomes: []\n",
        ])
    }

    @Test func overCapacityCountsEveryoneLeadingRelationships() throws {
        let folder = try Self.overCapacityFolder()
        let loaded = Loader(folder: folder.path).load()
        // Listing x1 and x2 as mentors is an error of the data; the count still names them.
        #expect(validate(loaded).errors.count == 5)
        let period = ReportingPeriod(Month(year: 2026, month: 3))
        let set = KPICalculator(index: ProgrammeIndex(loaded.data), period: period).compute()
        // m1 leads 2 > 1; m2 (not enrolled by as_of) 3 > 2; x1 (no mentor role) 3 > 2; m3 1 and x2 2 are within.
        #expect(value(set, "policy.over_capacity_mentors") == 3)
        let findings = PolicyFindings(data: loaded.data, asOf: period.asOf)
        #expect(findings.overCapacityMentors.map { loaded.data.people[$0.person].id } == ["m1", "m2", "x1"])
        let warnings = findings.diagnostics().map { $0.formatted.replacingOccurrences(of: folder.path, with: "data") }
        #expect(warnings.contains("data/people.yaml:5:10: warning: policy: mentor 'x1' leads 3 relationships active on 2026-03-31 (r7, r8, r9), more than their capacity of 2"))
        #expect(warnings.contains("data/people.yaml:3:10: warning: policy: mentor 'm2' leads 3 relationships active on 2026-03-31 (r3, r4, r5), more than their capacity of 2"))
    }

    // MARK: Surveys for one cohort (Tests/Fixtures/survey-cohorts, as_of 2026-03-31)

    @Test func cohortSurveyAudienceIsThatCohortsMembers() throws {
        let set = try kpis(Fixture.path("survey-cohorts"), "2026-03")
        // baseline-winter: winter mentees enrolled by 01-05 (w1–w4; w5 later); w1–w3 answered (s1 is spring).
        #expect(value(set, "surveys.response_rate.baseline-winter") == 0.75)
        #expect(set["surveys.response_rate.baseline-winter"]?.n == 4)
        // pulse names no cohort: every mentee enrolled by 01-05 (7), of whom w1, s1, n1 answered.
        #expect(near(value(set, "surveys.response_rate.pulse"), 3.0 / 7))
        // mentors-winter: t1 only (t2 has no cohort).
        #expect(value(set, "surveys.response_rate.mentors-winter") == 1)
        #expect(set["surveys.response_rate.mentors-winter"]?.n == 1)
    }

    @Test func surveyCohortMustBeACohortOfTheProgramme() throws {
        let surveys = try Fixture.text("survey-cohorts/surveys.yaml", replacing: "    cohort: 2026-winter\n    questions:\n      - {id: q1",
                                       with: "    cohort: 2026-wintr\n    questions:\n      - {id: q1")
        let folder = try Fixture.variant(of: "survey-cohorts", ["surveys.yaml": surveys])
        #expect(findings(folder.path) == ["data/surveys.yaml:7:13: error: cohort '2026-wintr' is not defined — did you mean '2026-winter'?"])
    }

    // MARK: Targets name KPIs of the catalogue

    @Test func unknownTargetKPIIsAnErrorWithASuggestion() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "match.rate: 0.9", with: "match.rate: 0.9\n    health.at-risk: 3")
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:14:5: error: unknown KPI 'health.at-risk' — did you mean 'health.at_risk'?"])
    }
}
