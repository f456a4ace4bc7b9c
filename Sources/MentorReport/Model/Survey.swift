public enum SurveyKind: String, CaseIterable, Sendable {
    case baseline, checkin, final
}

/// Who a survey asks: the people of one role.
public enum Audience: String, CaseIterable, Sendable {
    case mentees, mentors
}

public enum Scale: String, CaseIterable, Sendable {
    case likert5, nps, text

    /// The allowed numeric answers, nil for free text.
    public var range: ClosedRange<Int>? {
        switch self {
        case .likert5: return 1...5
        case .nps: return 0...10
        case .text: return nil
        }
    }
}

/// What a question measures, for the reaction KPIs and the quoted story.
public enum Measure: String, CaseIterable, Sendable {
    case satisfaction
    case mentorLearning = "mentor-learning"
    case story
}

public struct Question: Sendable {
    public var id: String
    public var text: String
    public var scale: Scale
    public var competency: Located<String>?
    public var measure: Measure?
    public var location: SourceLocation
}

public struct Survey: Sendable {
    public var id: String
    public var title: String
    public var kind: SurveyKind
    public var audience: Audience
    public var opens: Day
    public var questions: [Question]
    public var location: SourceLocation

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
}

/// One answer as given: a number, or free text. Free text is kept only so that a consented
/// `story` answer can be quoted; every other text answer is counted and never written.
public enum AnswerValue: Sendable, Equatable {
    case number(Int)
    case text(String)
}

public struct Answer: Sendable {
    public var question: String
    public var value: AnswerValue
    public var location: SourceLocation
}

/// One submission of a survey by one person.
public struct Response: Sendable {
    public var survey: Located<String>
    public var respondent: Located<String>
    public var submitted: Day
    public var consentToQuote: Bool
    public var answers: [Answer]
    public var location: SourceLocation
}
