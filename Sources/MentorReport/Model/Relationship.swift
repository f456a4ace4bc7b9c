/// The mentoring formats the programme runs.
public enum RelationshipType: String, CaseIterable, Sendable {
    case oneToOne = "one-to-one"
    case group
    case peer
    case reverse
    case eMentoring = "e-mentoring"
    case speed
}

public enum EndReason: String, CaseIterable, Sendable {
    case completed
    case endedEarly = "ended-early"
    case other
}

public enum GoalStatus: String, CaseIterable, Sendable {
    case open, achieved, dropped
}

/// A goal a pair agreed, tied to a competency.
public struct Goal: Sendable {
    public var id: String
    public var title: String
    public var competency: Located<String>?
    public var set: Day
    public var status: GoalStatus
    public var achieved: Day?
    public var location: SourceLocation
}

/// A mentoring relationship: one or more mentors (for a group, its facilitator) with one or more mentees.
public struct Relationship: Sendable {
    public var id: String
    public var type: RelationshipType
    public var mentors: [Located<String>]
    public var mentees: [Located<String>]
    public var cohort: Located<String>?
    public var start: Day
    public var plannedEnd: Day?
    public var ended: Day?
    public var endReason: EndReason?
    public var cadence: Cadence?
    public var goals: [Goal]
    public var location: SourceLocation

    /// Active on `day`: started and not yet ended.
    public func isActive(on day: Day) -> Bool {
        start <= day && (ended.map { day <= $0 } ?? true)
    }

    /// Active at some point between `first` and `last` inclusive.
    public func isActive(from first: Day, to last: Day) -> Bool {
        start <= last && (ended.map { $0 >= first } ?? true)
    }
}
