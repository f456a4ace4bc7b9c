/// What an outcome records: a promotion, a person leaving, or an engagement score.
public enum OutcomeEvent: String, CaseIterable, Sendable {
    case promoted
    case left
    case engagementScore = "engagement-score"
}

/// Something that happened to a participant after or during the programme.
public struct Outcome: Sendable {
    /// The id of the person it happened to.
    public var person: Located<String>
    /// When it happened.
    public var date: Day
    /// What happened.
    public var event: OutcomeEvent
    /// For `left`: whether the person chose to leave; nil when not given.
    public var voluntary: Bool?
    /// For `engagement-score`: the score; nil for other events.
    public var value: Double?
    /// Where the record is in the data folder.
    public var location: SourceLocation
}
