/// The mentoring formats the programme runs.
public enum RelationshipType: String, CaseIterable, Sendable {
    case oneToOne = "one-to-one"
    case group
    case peer
    case reverse
    case eMentoring = "e-mentoring"
    case speed
}

/// Why a relationship ended.
public enum EndReason: String, CaseIterable, Sendable {
    case completed
    case endedEarly = "ended-early"
    case other
}

/// Where a goal stands.
public enum GoalStatus: String, CaseIterable, Sendable {
    case open, achieved, dropped
}

/// A goal a pair agreed, tied to a competency.
public struct Goal: Sendable {
    /// The goal's id within its relationship.
    public var id: String
    /// What the pair aims for.
    public var title: String
    /// The id of the competency it develops, if any.
    public var competency: Located<String>?
    /// The day it was set.
    public var set: Day
    /// Where it stands.
    public var status: GoalStatus
    /// The day it was achieved, when it was.
    public var achieved: Day?
    /// Where the goal is in the data folder.
    public var location: SourceLocation
}

/// A mentoring relationship: one or more mentors (for a group, its facilitator) with one or more mentees.
public struct Relationship: Sendable {
    /// The relationship's id, unique in the data folder.
    public var id: String
    /// Its mentoring format.
    public var type: RelationshipType
    /// The ids of its mentors (for a group, its facilitator).
    public var mentors: [Located<String>]
    /// The ids of its mentees.
    public var mentees: [Located<String>]
    /// The id of its cohort, if any.
    public var cohort: Located<String>?
    /// The day it started.
    public var start: Day
    /// The day it is planned to end, when given.
    public var plannedEnd: Day?
    /// The day it ended; nil while it goes on.
    public var ended: Day?
    /// Why it ended, when it did.
    public var endReason: EndReason?
    /// How often the pair agreed to meet; nil for the programme's default.
    public var cadence: Cadence?
    /// The goals the pair agreed.
    public var goals: [Goal]
    /// Where the record is in the data folder.
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
