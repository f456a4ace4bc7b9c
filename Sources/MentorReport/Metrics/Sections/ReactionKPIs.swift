/// SPEC §3 "Reaction" (Kirkpatrick level 1): satisfaction, NPS and what mentors learn, per role.
extension KPIDefinition {
    static let reaction: [KPIDefinition] = [
        KPIDefinition("satisfaction.mean.{role}", "{Role} satisfaction (1–5)", name: "Satisfaction (1–5)",
                      unit: .likert, trend: 6, trendPart: "mentees", section: .reaction,
                      "Mean of the role's counted answers (1 to 5) to satisfaction questions; each respondent's latest response to a survey counts."),
        KPIDefinition("satisfaction.top2.{role}", "{Roles} satisfied (4 or 5)", name: "Satisfied (4 or 5)",
                      unit: .ratio, fraction: true, section: .reaction,
                      "Share of the role's counted answers to satisfaction questions that are 4 or 5."),
        KPIDefinition("nps.{role}", "{Role} Net Promoter Score", name: "Net Promoter Score",
                      unit: .nps, section: .reaction,
                      "100 × (share of the role's 0–10 recommendation answers that are 9 or 10 − share that are 0 to 6), to one decimal."),
        KPIDefinition("reciprocal.top2", "Mentors who learnt from their mentee", unit: .ratio, fraction: true, section: .reaction,
                      "Share of mentors' answers to mentor-learning questions that are 4 or 5."),
    ]
}
