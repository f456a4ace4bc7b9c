/// The kinds of record other records name by id, as messages call them; and a person's email, by
/// which survey exports name respondents.
enum RecordKind: Hashable, Sendable, CustomStringConvertible {
    case person, relationship, survey, cohort, competency, email
    /// A question of the survey with this id (nil while its survey is being read).
    case question(ofSurvey: String?)

    var description: String {
        switch self {
        case .person: "person"
        case .relationship: "relationship"
        case .survey: "survey"
        case .cohort: "cohort"
        case .competency: "competency"
        case .email: "email"
        case .question: "question"
        }
    }

    /// "people", "competencies", …
    var plural: String {
        switch self {
        case .person: "people"
        case .competency: "competencies"
        default: description + "s"
        }
    }
}
