/// The figures behind `outcomes.roi` (Phillips level 5), shown beside it as its assumptions.
public struct ReturnOnInvestment: Sendable {
    public var retentionRate: Double
    public var benchmark: Double
    public var menteesInDenominator: Int
    public var avoidedLeavers: Double
    public var replacementCost: Double
    public var benefit: Double
    public var programmeCost: Double
    public var roi: Double?
}

/// Kirkpatrick levels 3–4 (promotion, retention), Phillips level 5 (ROI), and inclusion.
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
                                  avoidedLeavers: avoided, replacementCost: replacement, benefit: benefit,
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

    /// inclusion.G.*: each group's share of enrolled mentees against its workforce share. Groups of fewer
    /// than `min_group_size` mentees are suppressed; when exactly one group is, the next-smallest is too,
    /// so that no suppressed count can be worked out from the others.
    func inclusion() -> [KPIValue] {
        let groups = index.groups
        var members = [Int](repeating: 0, count: groups.count)
        let position = Dictionary(groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for p in enrolledMentees {
            for g in data.people[p].groups { if let i = position[g] { members[i] += 1 } }
        }
        var suppressed = members.map { $0 < minGroupSize }
        let primary = suppressed.filter { $0 }.count
        if primary == 1 {
            let candidates = groups.indices.filter { !suppressed[$0] }
            if let next = candidates.min(by: { (members[$0], $0) < (members[$1], $1) }) { suppressed[next] = true }
        }
        var out: [KPIValue] = []
        for (i, group) in groups.enumerated() {
            let share = KPIValue.rate("inclusion.\(group).share", members[i], enrolledMentees.count)
            let workforce = program.benchmarks.workforceShare(of: group)
            var index = KPIValue("inclusion.\(group).representation_index", .index,
                                 share.value.flatMap { v in workforce.flatMap { $0 > 0 ? v / $0 : nil } },
                                 n: members[i])
            var shareOut = share
            shareOut.n = members[i]
            if suppressed[i] {
                shareOut = shareOut.suppressing()
                index = index.suppressing()
            }
            out += [shareOut, KPIValue("inclusion.\(group).workforce_share", .ratio, workforce), index]
        }
        return out
    }
}
