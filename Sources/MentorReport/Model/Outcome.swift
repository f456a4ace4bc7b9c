public enum OutcomeEvent: String, CaseIterable, Sendable {
    case promoted
    case left
    case engagementScore = "engagement-score"
}

/// Something that happened to a participant after or during the programme.
public struct Outcome: Sendable {
    public var person: Located<String>
    public var date: Day
    public var event: OutcomeEvent
    public var voluntary: Bool?
    public var value: Double?
    public var location: SourceLocation
}
