/// A reporting month whose data stop well before its end (SPEC §2, 2026-12, "Partial month"): the
/// latest session of the data is more than `allowedDays` before as_of. Its figures are those of a
/// month not yet entered, so `build` and `validate` say so, and so do its pages (decision 70).
public struct PartialMonth: Sendable, Equatable {
    /// How many days the latest session may be before as_of in a complete month.
    public static let allowedDays = 7

    /// The month reported on.
    public var month: Month
    /// The latest session date of the whole data.
    public var latestSession: Day
    /// Where that session's date is (the first such session in reading order).
    public var latestSessionLocation: SourceLocation
    /// The latest month that is not partial by the same rule: the latest session's month when that
    /// session is within `allowedDays` of its month's end, otherwise the month before it, or, when that
    /// month has no session, the month of the latest session before it.
    public var lastCompleteMonth: Month
    /// Days from the latest session to as_of.
    public var daysBeforeEnd: Int

    /// The notice for `period`, or nil when the month is complete: some session is dated after as_of
    /// or within `allowedDays` of it, or there are no sessions to judge by.
    public init?(_ period: ReportingPeriod, in data: ProgrammeData) {
        guard let latest = PartialMonth.latestSession(in: data) else { return nil }
        let date = data.sessions[latest].date
        let gap = period.asOf.days(since: date)
        guard gap > PartialMonth.allowedDays else { return nil }
        month = period.month
        latestSession = date
        latestSessionLocation = data.sessions[latest].dateLocation
        daysBeforeEnd = gap
        var complete = date.month.last.days(since: date) > PartialMonth.allowedDays ? date.month.previous : date.month
        // A month with no session at all is no answer (a mistyped year leaves a gap of empty months):
        // then the month of the latest session before it, where the data stopped.
        if complete < date.month {
            var earlier: Day?
            for session in data.sessions where session.date <= complete.last && earlier.map({ session.date > $0 }) ?? true {
                earlier = session.date
            }
            if let earlier, earlier.month < complete { complete = earlier.month }
        }
        lastCompleteMonth = complete
    }

    /// The index of the latest-dated session, the first of them in reading order; nil with none.
    static func latestSession(in data: ProgrammeData) -> Int? {
        var latest: Int?
        for k in data.sessions.indices where latest.map({ data.sessions[k].date > data.sessions[$0].date }) ?? true {
            latest = k
        }
        return latest
    }

    /// The warning `build` and `validate` print, at the latest session's date.
    func message() -> String {
        "the reporting month \(month) is partial: the latest session of the data is on \(latestSession), "
            + "\(counted(daysBeforeEnd, "day")) before the month ends (\(month.last)); "
            + "use --period \(lastCompleteMonth) for the last complete month"
    }
}
