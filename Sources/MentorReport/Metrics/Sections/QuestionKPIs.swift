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
        var summaries: [[QuestionSummary?]] = data.surveys.enumerated().map { s, survey in
            guard survey.opens <= asOf else { return [] }
            return survey.questions.enumerated().map { q, question in
                switch question.scale {
                case .likert5: return QuestionSummary(survey: s, question: q, respondents: 0, counts: [Int](repeating: 0, count: 5), suppressed: false, lowest: 1)
                case .nps: return QuestionSummary(survey: s, question: q, respondents: 0, counts: [Int](repeating: 0, count: 11), suppressed: false, lowest: 0)
                case .text: return nil
                }
            }
        }
        var answered: [Int] = []
        // Bound once: each `data` or `index` access in the loop would retain the whole index.
        let responseSurvey = index.responseSurvey, starts = index.numericAnswerStart
        let questions = index.numericAnswerQuestion, values = index.numericAnswerValue
        for r in responses {
            guard let s = responseSurvey[r], !summaries[s].isEmpty else { continue }
            answered.removeAll(keepingCapacity: true)
            // The response's number answers to its survey's questions, in answer order.
            for a in starts[r]..<starts[r + 1] {
                let q = questions[a]
                guard let lowest = summaries[s][q]?.lowest else { continue }
                let point = values[a] - lowest
                guard summaries[s][q]!.counts.indices.contains(point) else { continue }
                // In place: a copy of the summary would copy its counts for every answer.
                summaries[s][q]!.counts[point] += 1
                // A respondent counts once per question.
                if !answered.contains(q) {
                    answered.append(q)
                    summaries[s][q]!.respondents += 1
                }
            }
        }
        return summaries.flatMap { $0.compactMap { $0 } }.map { summary in
            var s = summary
            s.suppressed = s.respondents > 0 && s.respondents < minGroupSize
            return s
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
