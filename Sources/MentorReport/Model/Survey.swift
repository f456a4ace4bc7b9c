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
    /// The cohort the survey is for (SPEC 2026-12): its response-rate audience is that cohort's members.
    public var cohort: Located<String>?
    public var questions: [Question]
    /// A survey tool's export to read responses from, besides any YAML responses.
    public var importSpec: SurveyImport?
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

/// The survey tools whose exports can be imported, with their layouts (see `ExportLayout`).
public enum ExportFormat: String, CaseIterable, Sendable {
    case microsoftForms = "microsoft-forms"
    case googleForms = "google-forms"
    case qualtrics
    case surveymonkey
    case csv
}

/// How an export names its respondents: by people's `email`, or by person id.
public enum RespondentKey: String, CaseIterable, Sendable {
    case email, id
}

/// Which comes first in a slash date such as 06/10/2026.
public enum DateOrder: String, CaseIterable, Sendable {
    case monthFirst = "month-first"
    case dayFirst = "day-first"
}

/// A survey's `import`: the export file and how its columns map to the survey's questions.
public struct SurveyImport: Sendable {
    /// Path inside the data folder, as written.
    public var file: Located<String>
    public var format: ExportFormat
    public var respondent: RespondentKey
    /// Header of the column naming the respondent, when not the format's usual one.
    public var respondentColumn: Located<String>?
    /// Question id -> column header, where the header is not the question's text.
    public var columns: [(question: Located<String>, header: Located<String>)]
    /// Extra answer labels -> numbers, besides the built-in English ones.
    public var labels: [(label: Located<String>, value: Int)]
    public var dateOrder: DateOrder
    public var location: SourceLocation
}
