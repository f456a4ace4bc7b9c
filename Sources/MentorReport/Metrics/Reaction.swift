/// Kirkpatrick level 1 (reaction) and level 2 (learning): KPIs computed from survey answers, each
/// suppressed when fewer than `min_group_size` distinct people answered.
extension KPICalculator {
    /// A KPI from the answers of `respondents` distinct people: no data with none, suppressed with fewer
    /// than the minimum group size.
    func fromAnswers(_ kpi: KPIValue, respondents: Int) -> KPIValue {
        if respondents == 0 {
            var none = kpi
            none.value = nil
            return none
        }
        if respondents < minGroupSize { return kpi.suppressing() }
        return kpi
    }

    func reaction() -> [KPIValue] {
        struct Tally {
            var answers = 0, sum = 0, top2 = 0, promoters = 0, detractors = 0
            var people = 0
        }
        var satisfaction = [Tally](repeating: Tally(), count: 2)
        var nps = [Tally](repeating: Tally(), count: 2)
        var learning = Tally()
        // Distinct respondents: one flag per person and KPI family.
        var counted = [[Bool]](repeating: [Bool](repeating: false, count: data.people.count), count: 5)
        func count(_ family: Int, _ person: Int, _ tally: inout Tally) {
            if !counted[family][person] {
                counted[family][person] = true
                tally.people += 1
            }
        }
        for r in responses {
            guard let s = index.responseSurvey[r], let person = index.responseRespondent[r] else { continue }
            let role = data.surveys[s].audience == .mentees ? 0 : 1
            let t = index.answerTallies[r]
            if t.satisfactionAnswers > 0 {
                satisfaction[role].answers += t.satisfactionAnswers
                satisfaction[role].sum += t.satisfactionSum
                satisfaction[role].top2 += t.satisfactionTop2
                count(role, person, &satisfaction[role])
            }
            if t.npsAnswers > 0 {
                nps[role].answers += t.npsAnswers
                nps[role].promoters += t.promoters
                nps[role].detractors += t.detractors
                count(2 + role, person, &nps[role])
            }
            if t.learningAnswers > 0 {
                learning.answers += t.learningAnswers
                learning.top2 += t.learningTop2
                count(4, person, &learning)
            }
        }
        var out: [KPIValue] = []
        for (role, audience) in [(0, Audience.mentees), (1, Audience.mentors)] {
            let sat = satisfaction[role]
            let n = nps[role]
            out.append(fromAnswers(KPIValue("satisfaction.mean.\(audience.rawValue)", .likert,
                                            sat.answers == 0 ? nil : Double(sat.sum) / Double(sat.answers), n: sat.people),
                                   respondents: sat.people))
            out.append(fromAnswers(KPIValue("satisfaction.top2.\(audience.rawValue)", .ratio,
                                            sat.answers == 0 ? nil : Double(sat.top2) / Double(sat.answers), n: sat.people),
                                   respondents: sat.people))
            out.append(fromAnswers(KPIValue("nps.\(audience.rawValue)", .nps,
                                            netPromoterScore(promoters: n.promoters, detractors: n.detractors, answers: n.answers),
                                            n: n.people),
                                   respondents: n.people))
        }
        out.append(fromAnswers(KPIValue("reciprocal.top2", .ratio,
                                        learning.answers == 0 ? nil : Double(learning.top2) / Double(learning.answers),
                                        n: learning.people),
                               respondents: learning.people))
        return out
    }

    /// 100 × (share 9–10 − share 0–6), rounded half away from zero to one decimal, in exact integer
    /// arithmetic so that no binary fraction tips a rounding.
    func netPromoterScore(promoters: Int, detractors: Int, answers: Int) -> Double? {
        guard answers > 0 else { return nil }
        let tenths = 1000 * (promoters - detractors)
        var q = tenths / answers
        let r = tenths % answers
        if 2 * abs(r) >= answers { q += tenths < 0 ? -1 : 1 }
        return Double(q) / 10
    }

    // MARK: Learning

    /// competency.C.*: each person's pre score for C (mean of their likert5 answers to C's questions in
    /// their earliest baseline response that answers one of C's questions) paired with their post score
    /// (the same in their latest final response that does) when pre was submitted before post. A
    /// baseline without C's questions does not hide a later one that has them (SPEC 2026-12).
    func learning() -> [KPIValue] {
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
                pre += [Int](repeating: -1, count: competencies)
                post += [Int](repeating: -1, count: competencies)
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
        var pairs = [[(pre: Double, post: Double)]](repeating: [], count: competencies)
        for p in data.people.indices where row[p] >= 0 {
            for c in 0..<competencies {
                let a = pre[row[p] + c], b = post[row[p] + c]
                guard a >= 0, b >= 0, data.responses[a].submitted < data.responses[b].submitted,
                      let preScore = index.competencyScores[a][c], let postScore = index.competencyScores[b][c] else { continue }
                pairs[c].append((preScore, postScore))
            }
        }
        var out: [KPIValue] = []
        for (c, competency) in data.competencies.enumerated() {
            let prefix = "competency.\(competency.id)."
            let sample = pairs[c]
            let n = sample.count
            let diffs = sample.map { $0.post - $0.pre }
            let change = Statistics.mean(diffs)
            let sd = Statistics.sampleStandardDeviation(diffs)
            var effect: Double?
            var low: Double?, high: Double?
            if n >= 2, let sd, let change {
                if sd > 0 { effect = change / sd }
                let margin = Statistics.studentTQuantile(0.975, df: n - 1) * sd / Double(n).squareRoot()
                low = change - margin
                high = change + margin
            }
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
            out += kpis.map { $0.id == prefix + "n" && n == 0 ? $0 : fromAnswers($0, respondents: n) }
        }
        return out
    }
}
