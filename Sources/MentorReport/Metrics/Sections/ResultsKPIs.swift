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
