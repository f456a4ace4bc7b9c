/// Everything read from a data folder: the typed, validated input of the KPI engine.
public struct ProgrammeData: Sendable {
    /// The settings of program.yaml.
    public var program: Program
    /// The competencies of program.yaml, in file order.
    public var competencies: [Competency] = []
    /// The cohorts of program.yaml, in file order.
    public var cohorts: [Cohort] = []
    /// Everyone enrolled, in reading order.
    public var people: [Person] = []
    /// The mentoring relationships, in reading order.
    public var relationships: [Relationship] = []
    /// The sessions of all relationships, in reading order.
    public var sessions: [Session] = []
    /// The surveys, in reading order.
    public var surveys: [Survey] = []
    /// Survey responses from YAML files and imported exports.
    public var responses: [Response] = []
    /// Promotions, leavers and engagement scores, in reading order.
    public var outcomes: [Outcome] = []

    /// The files read, in reading order, as shown in messages; `SourceLocation.file` indexes it.
    public var files: [String] = []
    /// Bytes read from all files.
    public var bytesRead: Int = 0
    /// Rows of survey-tool exports read, and those left out on purpose (unfinished responses,
    /// previews and tests).
    public var importedRows: Int = 0
    /// Rows of survey exports left out on purpose (see `importedRows`).
    public var skippedImportRows: Int = 0

    /// What loading could not give, so that the validator does not report the gap again at every
    /// reference to it: ids of records that were reported and left out, by kind, and the kinds of which
    /// a file could not be read whole.
    var leftOutIds: [RecordKind: Set<String>] = [:]
    var incompleteKinds: Set<RecordKind> = []

    /// True when every record of `kind` was read: no file of its collection failed and none was left out.
    func readWhole(_ kind: RecordKind) -> Bool { !incompleteKinds.contains(kind) && leftOutIds[kind] == nil }

    /// True when nothing at all was left out or unread.
    var readWhole: Bool { incompleteKinds.isEmpty && leftOutIds.isEmpty }

    /// True when a record `id` of `kind` may exist but was not read: it was left out, or a file of its
    /// collection failed. A reference to it is then not reported again.
    func mayBeUnread(_ kind: RecordKind, _ id: String) -> Bool {
        incompleteKinds.contains(kind) || leftOutIds[kind]?.contains(id) == true
    }

    /// A programme with no records yet.
    public init(program: Program) { self.program = program }

    /// Records by collection, for summaries.
    public var recordCounts: [(collection: String, count: Int)] {
        [("people", people.count), ("relationships", relationships.count), ("sessions", sessions.count),
         ("surveys", surveys.count), ("responses", responses.count), ("outcomes", outcomes.count)]
    }

    /// All records of `recordCounts`, added up.
    public var recordCount: Int { recordCounts.reduce(0) { $0 + $1.count } }

    /// "117 people, 77 relationships, 1 survey, …": the counts for a summary line.
    public var recordSummary: String {
        let one = ["people": "person", "relationships": "relationship", "sessions": "session",
                   "surveys": "survey", "responses": "response", "outcomes": "outcome"]
        return recordCounts.map { counted($0.count, one[$0.collection] ?? $0.collection, $0.collection) }
            .joined(separator: ", ")
    }
}
