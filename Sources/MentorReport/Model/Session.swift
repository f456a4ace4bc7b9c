/// How a session was held.
public enum SessionFormat: String, CaseIterable, Sendable {
    case inPerson = "in-person"
    case video, phone, chat
}

/// A meeting of a relationship. Its confidential `notes` are read and dropped by the loader:
/// they are never part of the model, so no later stage can write them.
public struct Session: Sendable {
    /// The id of the relationship that met.
    public var relationship: Located<String>
    /// The day of the meeting.
    public var date: Day
    /// How long it lasted, in minutes.
    public var minutes: Int
    /// How it was held, when given.
    public var format: SessionFormat?
    /// For a group session: the ids of who attended, when listed.
    public var attendees: [Located<String>]?
    /// Whether a live work issue was discussed; nil when the record does not say.
    public var liveIssue: Bool?
    /// Where the record is in the data folder.
    public var location: SourceLocation
    /// Where its date is, for findings about the date (after the relationship ended, an outlier).
    public var dateLocation: SourceLocation
}
