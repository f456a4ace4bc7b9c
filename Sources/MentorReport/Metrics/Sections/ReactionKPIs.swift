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

extension KPICalculator {
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
}

extension ProgrammeIndex {
    /// What one response's answers add to the reaction KPIs, worked out once per response when the data
    /// is indexed: the rules of top-2 (4 or 5 of 5), promoters (9–10) and detractors (0–6).
    struct AnswerTally {
        var satisfactionAnswers = 0, satisfactionSum = 0, satisfactionTop2 = 0
        var npsAnswers = 0, promoters = 0, detractors = 0
        var learningAnswers = 0, learningTop2 = 0

        /// Counts answer `value` to `question`; mentor-learning answers count in mentors' surveys only
        /// (`reciprocal.top2` is about what mentors learn).
        mutating func add(_ value: Int, answering question: Question, inMentorsSurvey: Bool) {
            switch (question.scale, question.measure) {
            case (.likert5, .satisfaction?):
                satisfactionAnswers += 1
                satisfactionSum += value
                if value >= 4 { satisfactionTop2 += 1 }
            case (.likert5, .mentorLearning?) where inMentorsSurvey:
                learningAnswers += 1
                if value >= 4 { learningTop2 += 1 }
            case (.nps, _):
                npsAnswers += 1
                if value >= 9 { promoters += 1 }
                if value <= 6 { detractors += 1 }
            default:
                break
            }
        }
    }
}
