/// Where each survey tool puts its header rows and metadata columns.
struct ExportLayout {
    /// Header rows before the first response (Qualtrics' third, the ImportId row, is optional:
    /// legacy exports have two).
    var headerRows: Int
    /// Columns naming the respondent, by how respondents are matched; the first present is used.
    var respondentColumns: [RespondentKey: [String]]
    /// Columns holding the completion time, whose date is `submitted`.
    var submittedColumns: [String]
    var responseIdColumns: [String]
    /// Whether question columns may be named by the tool's column id (Qualtrics' `Q3_2`, the
    /// generic CSV's question id) besides the header text.
    var matchesIds: Bool

    static func of(_ format: ExportFormat) -> ExportLayout {
        switch format {
        case .qualtrics:
            return ExportLayout(headerRows: 2,
                                respondentColumns: [.email: ["RecipientEmail"], .id: ["ExternalReference", "ExternalDataReference"]],
                                submittedColumns: ["RecordedDate", "EndDate"],
                                responseIdColumns: ["ResponseId", "ResponseID"], matchesIds: true)
        case .surveymonkey:
            return ExportLayout(headerRows: 2,
                                respondentColumns: [.email: ["Email Address"], .id: ["Custom Data 1", "Custom Data"]],
                                submittedColumns: ["End Date"], responseIdColumns: ["Respondent ID"], matchesIds: false)
        case .googleForms:
            return ExportLayout(headerRows: 1,
                                respondentColumns: [.email: ["Email address", "Username"], .id: []],
                                submittedColumns: ["Timestamp"], responseIdColumns: [], matchesIds: false)
        case .microsoftForms:
            return ExportLayout(headerRows: 1,
                                respondentColumns: [.email: ["Email"], .id: []],
                                submittedColumns: ["Completion time"], responseIdColumns: ["ID"], matchesIds: false)
        case .csv:
            return ExportLayout(headerRows: 1,
                                respondentColumns: [.email: ["email", "respondent"], .id: ["respondent", "id"]],
                                submittedColumns: ["submitted"], responseIdColumns: ["response_id"], matchesIds: true)
        }
    }

    /// What the file should look like, for messages.
    static func describe(_ format: ExportFormat) -> String {
        switch format {
        case .qualtrics: return "a Qualtrics CSV export (a row of column ids, a row of question texts, optionally the ImportId row, then responses)"
        case .surveymonkey: return "a SurveyMonkey CSV export (a row of questions and a row of answer options, then responses)"
        case .googleForms: return "a Google Forms CSV download (a header row starting with Timestamp, then responses)"
        case .microsoftForms: return "a Microsoft Forms export (.xlsx, or the same sheet saved as CSV: ID, Start time, Completion time, Email, Name, then questions)"
        case .csv: return "a CSV file with a header row: respondent (or email), submitted, optionally response_id and consent_to_quote, then one column per question"
        }
    }
}

/// One column of an export with the names it can be matched by.
struct ExportColumn {
    var index: Int
    /// The header as shown in messages.
    var header: String
    /// Normalized names: the header text, and the column id where the layout has one.
    var names: [String]
    /// The header texts a renamed question is compared with for a suggestion: the header, and for
    /// Qualtrics also the question's text in the second header row.
    var texts: [String] = []
}
