/// SPEC §3 "Policy and data quality": pairings and loads the programme's rules do not allow.
extension KPIDefinition {
    static let policy: [KPIDefinition] = [
        KPIDefinition("policy.direct_report_pairs", "Mentors paired with a direct report", unit: .count, lowerIsBetter: true, section: .policy,
                      "(Relationship, mentor, mentee) triples in relationships active on the last day of the month where the mentor is the mentee's line manager."),
        KPIDefinition("policy.over_capacity_mentors", "Mentors over capacity", unit: .count, lowerIsBetter: true, section: .policy,
                      "People leading more relationships active on the last day of the month than their capacity."),
        KPIDefinition("policy.past_planned_end", "Relationships past their planned end", unit: .count, lowerIsBetter: true, section: .policy,
                      "Relationships active on the last day of the month whose planned end is before it and that have no end date."),
    ]
}

extension KPICalculator {
    func policy(_ given: PolicyFindings? = nil) -> [KPIValue] {
        let findings = given ?? PolicyFindings(data: data, links: index.links, asOf: asOf)
        return [
            .count("policy.direct_report_pairs", findings.directReportPairs.count),
            .count("policy.over_capacity_mentors", findings.overCapacityMentors.count),
            .count("policy.past_planned_end", findings.pastPlannedEnd.count),
        ]
    }
}
