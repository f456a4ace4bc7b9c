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

extension KPICalculator {
    /// competency.C.*: each person's pre score for C (mean of their likert5 answers to C's questions in
    /// their earliest baseline response that answers one of C's questions) paired with their post score
    /// (the same in their latest final response that does) when pre was submitted before post. A
    /// baseline without C's questions does not hide a later one that has them (SPEC 2026-12).
    func learning() -> [KPIValue] {
        competencyKPIs(competencyPairs().map { $0.map { ($0.pre, $0.post) } })
    }

    /// Each competency's (pre, post) score pairs with the person's position in `data.people`, in people
    /// order: the pairs of learning(), which a cohort page restricts to the cohort's mentees.
    func competencyPairs() -> [[(person: Int, pre: Double, post: Double)]] {
        let competencies = data.competencies.count
        // Per respondent (a row of `competencies` entries each): the response of the pre and of the post
        // score of each competency (-1: none). Rows only for people with a baseline or final response.
        var row = [Int](repeating: -1, count: data.people.count)
        var pre: [Int] = [], post: [Int] = []
        // Ties on the date go by position in the files: the first baseline and the last final.
        for r in responses {
            guard let s = index.responseSurvey[r], let p = index.responseRespondent[r], data.surveys[s].kind != .checkin else { continue }
            let scores = index.competencyScores[r]
            guard scores.contains(where: { $0 != nil }) else { continue }
            if row[p] < 0 {
                row[p] = pre.count
                // Appended in place: a temporary array per respondent would cost an allocation each.
                pre.append(contentsOf: repeatElement(-1, count: competencies))
                post.append(contentsOf: repeatElement(-1, count: competencies))
            }
            let submitted = data.responses[r].submitted
            for c in scores.indices where scores[c] != nil {
                let k = row[p] + c
                if data.surveys[s].kind == .baseline {
                    let e = pre[k]
                    if e < 0 || (submitted, r) < (data.responses[e].submitted, e) { pre[k] = r }
                } else {
                    let l = post[k]
                    if l < 0 || (submitted, r) > (data.responses[l].submitted, l) { post[k] = r }
                }
            }
        }
        var pairs = [[(person: Int, pre: Double, post: Double)]](repeating: [], count: competencies)
        for p in data.people.indices where row[p] >= 0 {
            for c in 0..<competencies {
                let a = pre[row[p] + c], b = post[row[p] + c]
                guard a >= 0, b >= 0, data.responses[a].submitted < data.responses[b].submitted,
                      let preScore = index.competencyScores[a][c], let postScore = index.competencyScores[b][c] else { continue }
                pairs[c].append((p, preScore, postScore))
            }
        }
        return pairs
    }

    /// competency.C.{n,pre_mean,post_mean,change,effect_size,ci95_low,ci95_high} from each competency's
    /// pairs, suppressed below the minimum group size.
    func competencyKPIs(_ pairs: [[(pre: Double, post: Double)]]) -> [KPIValue] {
        data.competencies.enumerated().flatMap { c, competency in competencyKPIs(competency.id, pairs[c]) }
    }

    /// The seven competency.C.* values of competency `id` from its pairs (the whole programme's, or a
    /// cohort's), suppressed below the minimum group size.
    func competencyKPIs(_ id: String, _ sample: [(pre: Double, post: Double)]) -> [KPIValue] {
        let prefix = "competency.\(id)."
        let n = sample.count
        let paired = PairedChange(sample)
        let (change, effect, low, high) = (paired.change, paired.effectSize, paired.low, paired.high)
        let kpis = [
            KPIValue(prefix + "n", .count, Double(n), n: n),
            KPIValue(prefix + "pre_mean", .likert, Statistics.mean(sample.map(\.pre)), n: n),
            KPIValue(prefix + "post_mean", .likert, Statistics.mean(sample.map(\.post)), n: n),
            KPIValue(prefix + "change", .likert, change, n: n),
            KPIValue(prefix + "effect_size", .effectSize, effect, n: n),
            KPIValue(prefix + "ci95_low", .likert, low, n: n),
            KPIValue(prefix + "ci95_high", .likert, high, n: n),
        ]
        // n = 0 is a count of nobody (0), not a suppressed cell; the rest have no data.
        return kpis.map { $0.id == prefix + "n" && n == 0 ? $0 : fromAnswers($0, respondents: n) }
    }
}
