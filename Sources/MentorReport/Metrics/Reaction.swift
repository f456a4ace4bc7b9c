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
            var people = Set<Int>()
        }
        var satisfaction: [Audience: Tally] = [:]
        var nps: [Audience: Tally] = [:]
        var learning = Tally()
        for r in responses {
            let response = data.responses[r]
            guard let s = index.surveyIndex[response.survey.value],
                  let person = index.personIndex[response.respondent.value] else { continue }
            let audience = data.surveys[s].audience
            for answer in response.answers {
                guard case .number(let v) = answer.value, let q = index.question(s, answer.question) else { continue }
                switch (q.scale, q.measure) {
                case (.likert5, .satisfaction?):
                    satisfaction[audience, default: Tally()].answers += 1
                    satisfaction[audience]!.sum += v
                    if v >= 4 { satisfaction[audience]!.top2 += 1 }
                    satisfaction[audience]!.people.insert(person)
                case (.likert5, .mentorLearning?) where audience == .mentors:
                    // reciprocal.top2: mentors' answers only
                    learning.answers += 1
                    if v >= 4 { learning.top2 += 1 }
                    learning.people.insert(person)
                case (.nps, _):
                    nps[audience, default: Tally()].answers += 1
                    if v >= 9 { nps[audience]!.promoters += 1 }
                    if v <= 6 { nps[audience]!.detractors += 1 }
                    nps[audience]!.people.insert(person)
                default:
                    break
                }
            }
        }
        var out: [KPIValue] = []
        for role in Audience.allCases {
            let sat = satisfaction[role] ?? Tally()
            let n = nps[role] ?? Tally()
            out.append(fromAnswers(KPIValue("satisfaction.mean.\(role.rawValue)", .likert,
                                            sat.answers == 0 ? nil : Double(sat.sum) / Double(sat.answers), n: sat.people.count),
                                   respondents: sat.people.count))
            out.append(fromAnswers(KPIValue("satisfaction.top2.\(role.rawValue)", .ratio,
                                            sat.answers == 0 ? nil : Double(sat.top2) / Double(sat.answers), n: sat.people.count),
                                   respondents: sat.people.count))
            out.append(fromAnswers(KPIValue("nps.\(role.rawValue)", .nps,
                                            netPromoterScore(promoters: n.promoters, detractors: n.detractors, answers: n.answers),
                                            n: n.people.count),
                                   respondents: n.people.count))
        }
        out.append(fromAnswers(KPIValue("reciprocal.top2", .ratio,
                                        learning.answers == 0 ? nil : Double(learning.top2) / Double(learning.answers),
                                        n: learning.people.count),
                               respondents: learning.people.count))
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

    /// competency.C.*: each person's pre score (mean of their likert5 answers to C's questions in their
    /// earliest baseline response) paired with their post score (the same in their latest final
    /// response) when pre was submitted before post.
    func learning() -> [KPIValue] {
        var earliestBaseline: [Int: Int] = [:]
        var latestFinal: [Int: Int] = [:]
        // `responses` is in file order; ties on the date keep the first baseline and the last final.
        for r in responses {
            let response = data.responses[r]
            guard let s = index.surveyIndex[response.survey.value],
                  let p = index.personIndex[response.respondent.value] else { continue }
            switch data.surveys[s].kind {
            case .baseline:
                if earliestBaseline[p].map({ response.submitted < data.responses[$0].submitted }) ?? true {
                    earliestBaseline[p] = r
                }
            case .final:
                if latestFinal[p].map({ response.submitted >= data.responses[$0].submitted }) ?? true {
                    latestFinal[p] = r
                }
            case .checkin:
                break
            }
        }
        var pairs = [[(pre: Double, post: Double)]](repeating: [], count: data.competencies.count)
        let competencyIndex = Dictionary(data.competencies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for p in earliestBaseline.keys.sorted() {
            guard let pre = earliestBaseline[p], let post = latestFinal[p],
                  data.responses[pre].submitted < data.responses[post].submitted else { continue }
            let preScores = competencyScores(data.responses[pre], competencyIndex)
            let postScores = competencyScores(data.responses[post], competencyIndex)
            for c in data.competencies.indices {
                if let a = preScores[c], let b = postScores[c] { pairs[c].append((a, b)) }
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

    /// A response's mean likert5 answer per competency (by competency position), nil where it has none.
    private func competencyScores(_ response: Response, _ competencyIndex: [String: Int]) -> [Double?] {
        var sums = [Int](repeating: 0, count: data.competencies.count)
        var counts = [Int](repeating: 0, count: data.competencies.count)
        guard let s = index.surveyIndex[response.survey.value] else { return [] }
        for answer in response.answers {
            guard case .number(let v) = answer.value, let q = index.question(s, answer.question), q.scale == .likert5,
                  let id = q.competency?.value, let c = competencyIndex[id] else { continue }
            sums[c] += v
            counts[c] += 1
        }
        return sums.indices.map { counts[$0] == 0 ? nil : Double(sums[$0]) / Double(counts[$0]) }
    }
}
