/// SPEC §3 "Survey questions" (2026-12): each likert5 or nps question of a survey open by the month's
/// last day, its mean and top-2 share, and (in report.xml) how many gave each answer.
extension KPIDefinition {
    static let questions: [KPIDefinition] = [
        KPIDefinition("question.{question}.mean", "{question} (mean)", name: "Question: mean answer", unit: .score, section: .questions,
                      "Mean of the counted answers to the question (1–5 or 0–10), each respondent's latest response to the survey counting."),
        KPIDefinition("question.{question}.top2", "{question} (top 2)", name: "Question: top-2 share", unit: .ratio, fraction: true,
                      section: .questions,
                      "Share of the counted answers to the question that are 4 or 5 (1–5 scale) or 9 or 10 (0–10 scale)."),
    ]
}

/// One likert5 or nps question's counted answers in a month (SPEC 2026-12 "Survey questions").
public struct QuestionSummary: Sendable {
    /// The survey's and the question's positions in `ProgrammeData.surveys` and its `questions`.
    public var survey: Int
    public var question: Int
    /// Respondents who answered.
    public var respondents: Int
    /// How many answers gave each scale point: 1…5 for likert5 (index 0 is 1), 0…10 for nps.
    public var counts: [Int]
    /// Fewer respondents than the minimum group size (and at least one): nothing of it is shown.
    public var suppressed: Bool
    /// The lowest point of its scale: 1 for likert5, 0 for nps.
    public var lowest: Int
}

extension KPICalculator {
    /// Each likert5 or nps question of each survey with `opens <= as_of`, in survey and question order,
    /// from the counted responses (one per respondent and survey: the latest by as_of).
    func questionSummaries() -> [QuestionSummary] {
        // Flat tallies: question q of survey s is slot `firstSlot[s] + q` (-1 in `counted`: not counted),
        // its points at `pointStart[slot] ..< pointStart[slot] + points[slot]` of `counts`.
        let surveys = data.surveys
        var firstSlot: [Int] = [], pointStart: [Int] = [], points: [Int] = [], lowest: [Int] = []
        var summarised: [(survey: Int, question: Int)] = []
        var slotOf: [Int] = []
        var size = 0
        for s in surveys.indices {
            firstSlot.append(slotOf.count)
            let open = surveys[s].opens <= asOf
            for q in surveys[s].questions.indices {
                let scale = surveys[s].questions[q].scale
                guard open, scale != .text else {
                    slotOf.append(-1)
                    continue
                }
                slotOf.append(summarised.count)
                summarised.append((s, q))
                let (n, low) = scale == .likert5 ? (5, 1) : (11, 0)
                pointStart.append(size)
                points.append(n)
                lowest.append(low)
                size += n
            }
        }
        var counts = [Int](repeating: 0, count: size)
        var respondents = [Int](repeating: 0, count: summarised.count)
        var answered: [Int] = []
        // Bound once: each `data` or `index` access in the loop would retain the whole index.
        let responseSurvey = index.responseSurvey, starts = index.numericAnswerStart
        let questions = index.numericAnswerQuestion, values = index.numericAnswerValue
        for r in responses {
            guard let s = responseSurvey[r] else { continue }
            answered.removeAll(keepingCapacity: true)
            // The response's number answers to its survey's questions, in answer order.
            for a in starts[r]..<starts[r + 1] {
                let slot = slotOf[firstSlot[s] + questions[a]]
                guard slot >= 0 else { continue }
                let point = values[a] - lowest[slot]
                guard point >= 0 && point < points[slot] else { continue }
                counts[pointStart[slot] + point] += 1
                // A respondent counts once per question.
                if !answered.contains(slot) {
                    answered.append(slot)
                    respondents[slot] += 1
                }
            }
        }
        let minGroupSize = self.minGroupSize
        return summarised.indices.map { k in
            QuestionSummary(survey: summarised[k].survey, question: summarised[k].question, respondents: respondents[k],
                            counts: Array(counts[pointStart[k] ..< pointStart[k] + points[k]]),
                            suppressed: respondents[k] > 0 && respondents[k] < minGroupSize, lowest: lowest[k])
        }
    }

    /// question.S.Q.mean and .top2: no data without answers, suppressed below the minimum group size.
    func questions(_ summaries: [QuestionSummary]) -> [KPIValue] {
        var out: [KPIValue] = []
        for q in summaries {
            let survey = data.surveys[q.survey]
            let prefix = "question.\(survey.id).\(survey.questions[q.question].id)."
            let answers = q.counts.reduce(0, +)
            var sum = 0
            for (i, c) in q.counts.enumerated() { sum += (i + q.lowest) * c }
            // Top 2: the scale's two highest points (4–5, or 9–10).
            let top2 = q.counts[q.counts.count - 2] + q.counts[q.counts.count - 1]
            out.append(fromAnswers(KPIValue(prefix + "mean", .score, answers == 0 ? nil : Double(sum) / Double(answers), n: q.respondents),
                                   respondents: q.respondents))
            out.append(fromAnswers(KPIValue(prefix + "top2", .ratio, answers == 0 ? nil : Double(top2) / Double(answers), n: q.respondents),
                                   respondents: q.respondents))
        }
        return out
    }
}
