/// SPEC §3 "Behaviour and results" (levels 3–5): promotion, retention, their lift and the ROI.
extension KPIDefinition {
    static let results: [KPIDefinition] = [
        KPIDefinition("outcomes.promotion_rate_12m", "Mentees promoted in 12 months", unit: .ratio, fraction: true, section: .results,
                      "Share of enrolled mentees promoted in the 365 days up to the last day of the month."),
        KPIDefinition("outcomes.retention_rate_12m", "Mentees retained over 12 months", unit: .ratio, fraction: true, section: .results,
                      "Among enrolled mentees with no leaving date before the day 364 days before the last day of the month, the share with no leaving date up to that last day."),
        KPIDefinition("outcomes.promotion_lift", "Promotion against benchmark", unit: .index, section: .results,
                      "The 12-month promotion rate divided by the organisation's benchmark rate (1.00 = the same)."),
        KPIDefinition("outcomes.retention_lift", "Retention against benchmark", unit: .index, section: .results,
                      "The 12-month retention rate divided by the organisation's benchmark rate (1.00 = the same)."),
        KPIDefinition("outcomes.roi", "Return on investment", unit: .ratio, section: .results,
                      "(Replacement cost of the leavers avoided − programme cost) / programme cost, where leavers avoided = (retention rate − benchmark, at least 0) × mentees counted for retention."),
    ]
}

/// The figures behind `outcomes.roi` (Phillips level 5), shown beside it as its assumptions.
public struct ReturnOnInvestment: Sendable {
    /// The mentees' 12-month retention rate.
    public var retentionRate: Double
    /// The organisation's 12-month retention rate.
    public var benchmark: Double
    /// The mentees counted for retention.
    public var menteesInDenominator: Int
    /// Of those, the mentees who stayed: retention rate = retained / mentees counted.
    public var retained: Int
    /// Leavers avoided: (retention rate − benchmark, at least 0) × mentees counted.
    public var avoidedLeavers: Double
    /// The cost of replacing one leaver.
    public var replacementCost: Double
    /// Leavers avoided × replacement cost.
    public var benefit: Double
    /// What the programme costs.
    public var programmeCost: Double
    /// (Benefit − programme cost) / programme cost; nil when the cost is 0.
    public var roi: Double?
}

extension KPICalculator {
    func retention() -> (retained: Int, denominator: Int) {
        let windowStart = asOf.adding(days: -364)
        var retained = 0, denominator = 0
        for p in enrolledMentees {
            let left = index.departures[p]
            // outcomes.retention_rate_12m: no `left` before as_of − 364, then none up to as_of.
            guard !left.contains(where: { $0 < windowStart }) else { continue }
            denominator += 1
            if !left.contains(where: { $0 <= asOf }) { retained += 1 }
        }
        return (retained, denominator)
    }

    func returnOnInvestment() -> ReturnOnInvestment? {
        let costs = program.costs
        guard let cost = costs.programmeCost, let replacement = costs.replacementCostPerLeaver,
              let benchmark = program.benchmarks.retentionRate12m else { return nil }
        let (retained, denominator) = retention()
        guard denominator > 0 else { return nil }
        let rate = Double(retained) / Double(denominator)
        let avoided = max(0, rate - benchmark) * Double(denominator)
        let benefit = avoided * replacement
        return ReturnOnInvestment(retentionRate: rate, benchmark: benchmark, menteesInDenominator: denominator,
                                  retained: retained, avoidedLeavers: avoided, replacementCost: replacement, benefit: benefit,
                                  programmeCost: cost, roi: cost > 0 ? (benefit - cost) / cost : nil)
    }

    func results() -> [KPIValue] {
        let windowStart = asOf.adding(days: -364)
        // outcomes.promotion_rate_12m
        let promoted = enrolledMentees.filter { p in
            index.promotions[p].contains { $0 >= windowStart && $0 <= asOf }
        }.count
        let promotion = KPIValue.rate("outcomes.promotion_rate_12m", promoted, enrolledMentees.count)
        let (retained, denominator) = retention()
        let retention = KPIValue.rate("outcomes.retention_rate_12m", retained, denominator)
        func lift(_ id: String, _ rate: KPIValue, _ benchmark: Double?) -> KPIValue {
            guard let value = rate.value, let benchmark, benchmark > 0 else { return KPIValue(id, .index, nil, n: rate.n) }
            return KPIValue(id, .index, value / benchmark, n: rate.n)
        }
        let roi = returnOnInvestment()
        return [
            promotion,
            retention,
            lift("outcomes.promotion_lift", promotion, program.benchmarks.promotionRate12m),
            lift("outcomes.retention_lift", retention, program.benchmarks.retentionRate12m),
            KPIValue("outcomes.roi", .ratio, roi?.roi, n: roi?.menteesInDenominator),
        ]
    }
}
