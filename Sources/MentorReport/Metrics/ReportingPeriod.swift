/// The month a report is about (SPEC §3): `first` and `last` are its first and last days, `asOf = last`.
public struct ReportingPeriod: Sendable, Equatable {
    /// The month reported on.
    public let month: Month
    /// Its first day.
    public let first: Day
    /// Its last day.
    public let last: Day
    /// The day point-in-time KPIs are measured on: the last day.
    public var asOf: Day { last }

    /// The period of `month`.
    public init(_ month: Month) {
        self.month = month
        first = month.first
        last = month.last
    }

    /// The day falls in the month.
    public func contains(_ day: Day) -> Bool { day >= first && day <= last }

    /// The month of the latest session date; with no sessions, of the latest date anywhere in the data.
    /// Never the clock.
    public static func `default`(for data: ProgrammeData) -> ReportingPeriod {
        if let latest = data.sessions.lazy.map(\.date).max() { return ReportingPeriod(latest.month) }
        return ReportingPeriod(data.latestDate.month)
    }
}

extension ProgrammeData {
    /// The latest date of any kind in the data (the programme's start when there is nothing else).
    var latestDate: Day {
        var latest = program.start
        func see(_ d: Day?) { if let d, d > latest { latest = d } }
        for c in cohorts { see(c.start); see(c.end) }
        for p in people { see(p.enrolled) }
        for r in relationships {
            see(r.start); see(r.plannedEnd); see(r.ended)
            for g in r.goals { see(g.set); see(g.achieved) }
        }
        for s in surveys { see(s.opens) }
        for r in responses { see(r.submitted) }
        for o in outcomes { see(o.date) }
        return latest
    }
}
