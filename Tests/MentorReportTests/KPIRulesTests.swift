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
}
