public enum SessionFormat: String, CaseIterable, Sendable {
    case inPerson = "in-person"
    case video, phone, chat
}

/// A meeting of a relationship. Its confidential `notes` are read and dropped by the loader:
/// they are never part of the model, so no later stage can write them.
public struct Session: Sendable {
    public var relationship: Located<String>
    public var date: Day
    public var minutes: Int
    public var format: SessionFormat?
    public var attendees: [Located<String>]?
    public var liveIssue: Bool?
    public var location: SourceLocation
}
