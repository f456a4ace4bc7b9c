/// Every KPI id the report computes for a data set (SPEC §3 catalog), in catalog order.
public struct KPICatalog {
    public let ids: [String]
    private let set: Set<String>

    public init(data: ProgrammeData) {
        var ids = ["participants.mentors", "participants.mentees", "match.rate", "match.waiting",
                   "match.days_to_match_median", "mentor.capacity_utilization",
                   "relationships.active", "relationships.new", "relationships.ended"]
        ids += RelationshipType.allCases.map { "relationships.active.type.\($0.rawValue)" }
        ids += data.cohorts.map { "relationships.active.cohort.\($0.id)" }
        ids += ["health.on_track", "health.behind", "health.at_risk", "health.too_early", "cadence.adherence",
                "sessions.count", "sessions.hours", "sessions.per_active_relationship", "sessions.live_issue_rate",
                "group.attendance_rate", "goals.set_rate", "goals.achieved", "goals.achievement_rate"]
        ids += data.surveys.map { "surveys.response_rate.\($0.id)" }
        for role in Audience.allCases {
            ids += ["satisfaction.mean.\(role.rawValue)", "satisfaction.top2.\(role.rawValue)", "nps.\(role.rawValue)"]
        }
        ids.append("reciprocal.top2")
        for c in data.competencies {
            ids += ["n", "pre_mean", "post_mean", "change", "effect_size", "ci95_low", "ci95_high"]
                .map { "competency.\(c.id).\($0)" }
        }
        ids += ["outcomes.promotion_rate_12m", "outcomes.retention_rate_12m", "outcomes.promotion_lift",
                "outcomes.retention_lift", "outcomes.roi"]
        for g in KPICatalog.groups(in: data) {
            ids += ["share", "workforce_share", "representation_index"].map { "inclusion.\(g).\($0)" }
        }
        ids += ["policy.direct_report_pairs", "policy.over_capacity_mentors", "policy.past_planned_end"]
        self.ids = ids
        self.set = Set(ids)
    }

    public func contains(_ id: String) -> Bool { set.contains(id) }

    /// True for the KPIs that are rates or shares: fractions from 0 to 1. (ROI and capacity
    /// utilisation are ratios too, but may go beyond 1.)
    public static func isFraction(_ id: String) -> Bool {
        let rates: Set<String> = ["match.rate", "cadence.adherence", "sessions.live_issue_rate", "group.attendance_rate",
                                  "goals.set_rate", "goals.achievement_rate", "reciprocal.top2",
                                  "outcomes.promotion_rate_12m", "outcomes.retention_rate_12m"]
        return rates.contains(id) || id.hasPrefix("surveys.response_rate.") || id.hasPrefix("satisfaction.top2.")
            || (id.hasPrefix("inclusion.") && (id.hasSuffix(".share") || id.hasSuffix(".workforce_share")))
    }

    /// The self-identified groups found in people's `groups`, sorted by name (stable output).
    public static func groups(in data: ProgrammeData) -> [String] {
        var seen = Set<String>()
        // By position, and only where there are groups: `for p in data.people` copies every person.
        for i in data.people.indices where !data.people[i].groups.isEmpty { seen.formUnion(data.people[i].groups) }
        return seen.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
