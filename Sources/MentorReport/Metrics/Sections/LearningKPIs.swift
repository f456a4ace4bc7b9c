/// SPEC §3 "Learning" (level 2): competency growth from paired baseline and final self-assessments.
extension KPIDefinition {
    static let learning: [KPIDefinition] = [
        KPIDefinition("competency.{competency}.n", "{competency}: people assessed before and after", name: "Competency: people assessed",
                      unit: .count, section: .learning,
                      "People with both a pre score (their earliest baseline response that answers the competency's questions) and a later post score (their latest such final response)."),
        KPIDefinition("competency.{competency}.pre_mean", "{competency}: mean before", name: "Competency: mean before",
                      unit: .likert, section: .learning,
                      "Mean of the paired people's pre scores (each the mean of their 1–5 answers to the competency's questions)."),
        KPIDefinition("competency.{competency}.post_mean", "{competency}: mean after", name: "Competency: mean after",
                      unit: .likert, section: .learning,
                      "Mean of the paired people's post scores."),
        KPIDefinition("competency.{competency}.change", "{competency}: change", name: "Competency: change",
                      unit: .likert, section: .learning,
                      "Mean of post minus pre over the paired people, in points of the 1–5 scale."),
        KPIDefinition("competency.{competency}.effect_size", "{competency}: effect size", name: "Competency: effect size (d_z)",
                      unit: .effectSize, section: .learning,
                      "The change divided by the sample standard deviation of the differences (Cohen's d_z); none below 2 people or when every difference is equal."),
        KPIDefinition("competency.{competency}.ci95_low", "{competency}: 95% interval, low end", name: "Competency: 95% interval, low end",
                      unit: .likert, section: .learning,
                      "The change minus t(0.975, n−1) × SD / √n: the low end of the 95% confidence interval of the change."),
        KPIDefinition("competency.{competency}.ci95_high", "{competency}: 95% interval, high end", name: "Competency: 95% interval, high end",
                      unit: .likert, section: .learning,
                      "The change plus t(0.975, n−1) × SD / √n: the high end of the 95% confidence interval of the change."),
    ]
}
