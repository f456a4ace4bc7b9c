/// When in the programme a survey is run: at the start, on the way, or at the end.
public enum SurveyKind: String, CaseIterable, Sendable {
    case baseline, checkin, final
}

/// Who a survey asks: the people of one role.
public enum Audience: String, CaseIterable, Sendable {
    case mentees, mentors
}

/// How a question is answered.
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

/// One question of a survey.
public struct Question: Sendable {
    /// The question's id within its survey.
    public var id: String
    /// The question as asked.
    public var text: String
    /// How it is answered.
    public var scale: Scale
    /// The id of the competency it measures, if any.
    public var competency: Located<String>?
    /// What it measures for the reaction KPIs or stories, if anything.
    public var measure: Measure?
    /// Where the question is in the data folder.
    public var location: SourceLocation
}

/// A survey of mentees or mentors, with its questions.
public struct Survey: Sendable {
    /// The survey's id, which responses name.
    public var id: String
    /// Its title, used in KPI labels.
    public var title: String
    /// When in the programme it is run.
    public var kind: SurveyKind
    /// Who it asks.
    public var audience: Audience
    /// The day it opens.
    public var opens: Day
    /// The cohort the survey is for (SPEC 2026-12): its response-rate audience is that cohort's members.
    public var cohort: Located<String>?
    /// Its questions, in file order.
    public var questions: [Question]
    /// A survey tool's export to read responses from, besides any YAML responses.
    public var importSpec: SurveyImport?
    /// Where the record is in the data folder.
    public var location: SourceLocation

    /// The question with `id`, if the survey has one.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
}

/// One answer as given: a number, or free text. Free text is kept only so that a consented
/// `story` answer can be quoted; every other text answer is counted and never written.
public enum AnswerValue: Sendable, Equatable {
    case number(Int)
    case text(String)
}

/// One answer of a response.
public struct Answer: Sendable {
    /// The id of the question answered.
    public var question: String
    /// The answer as given.
    public var value: AnswerValue
    /// Where the answer is in the data folder (or the export).
    public var location: SourceLocation
}

/// One submission of a survey by one person.
public struct Response: Sendable {
    /// The id of the survey answered.
    public var survey: Located<String>
    /// The id of the person who answered.
    public var respondent: Located<String>
    /// The day it was submitted.
    public var submitted: Day
    /// Whether its `story` answer may be quoted, without a name.
    public var consentToQuote: Bool
    /// Its answers, in the order given.
    public var answers: [Answer]
    /// Where the record is in the data folder (or the export).
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
    /// The survey tool whose layout the export has.
    public var format: ExportFormat
    /// How the export names its respondents.
    public var respondent: RespondentKey
    /// Header of the column naming the respondent, when not the format's usual one.
    public var respondentColumn: Located<String>?
    /// Question id -> column header, where the header is not the question's text.
    public var columns: [(question: Located<String>, header: Located<String>)]
    /// Extra answer labels -> numbers, besides the built-in English ones.
    public var labels: [(label: Located<String>, value: Int)]
    /// How to read slash dates in the export.
    public var dateOrder: DateOrder
    /// Where the `import` is in the data folder.
    public var location: SourceLocation
}
