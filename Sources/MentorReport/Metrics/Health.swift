/// How a relationship active on as_of is doing (SPEC §3 "Health"), first rule that applies.
public enum HealthStatus: String, CaseIterable, Sendable {
    case tooEarly = "too-early"
    case atRisk = "at-risk"
    case behind
    case onTrack = "on-track"
}

/// One relationship's health with the facts behind it, for the admin page.
public struct HealthAssessment: Sendable {
    /// The relationship's position in `ProgrammeData.relationships`.
    public var relationship: Int
    /// How it is doing.
    public var status: HealthStatus
    /// Its last session on or before as_of, if any.
    public var lastSession: Day?
    /// Days from the last session on or before as_of (or from the start when none) to as_of.
    public var daysSinceContact: Int
    /// Sessions dated in the window [max(start, as_of − 89), as_of], and the floor(L / cadence days) expected.
    public var sessionsInWindow: Int
    /// The sessions its cadence expects in that window: floor(window length / cadence days).
    public var expectedInWindow: Int
    /// The cadence it is held to (its own or the programme's default).
    public var cadence: Cadence
}

extension KPICalculator {
    /// The health of every relationship active on as_of, in data order.
    func healthAssessments() -> [HealthAssessment] {
        let defaultCadence = program.defaultCadence
        return index.start.indices.compactMap { i -> HealthAssessment? in
            guard index.isActive(i, on: asOf) else { return nil }
            let start = index.start[i]
            let dates = index.sessionDates[i]
            let cadence = data.relationships[i].cadence ?? defaultCadence
            let last = ProgrammeIndex.last(dates, onOrBefore: asOf)
            let sinceContact = asOf.days(since: last ?? start)
            let windowStart = max(start, asOf.adding(days: -89))
            let length = asOf.days(since: windowStart) + 1
            let inWindow = ProgrammeIndex.count(dates, from: windowStart, to: asOf)
            let expected = length / cadence.days
            let status: HealthStatus
            if asOf.days(since: start) < 30 {
                status = .tooEarly
            } else if sinceContact > program.atRiskAfterDays {
                status = .atRisk
            } else if inWindow < expected {
                status = .behind
            } else {
                status = .onTrack
            }
            return HealthAssessment(relationship: i, status: status, lastSession: last, daysSinceContact: sinceContact,
                                    sessionsInWindow: inWindow, expectedInWindow: expected, cadence: cadence)
        }
    }
}
