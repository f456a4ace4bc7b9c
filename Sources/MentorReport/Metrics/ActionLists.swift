/// The month's to-do lists for the programme team (SPEC §4, 2026-12; admin audience only): whom to
/// match, which pairs to call, which pairs to close or extend, who has not answered a recent survey.
/// Every list is in a fixed order, so the same data gives the same files.
public struct ActionLists: Sendable {
    /// An enrolled mentee with no relationship started by as_of (`match.waiting`).
    public struct WaitingMentee: Sendable {
        /// The person's position in `ProgrammeData.people`.
        public var person: Int
        /// Days from enrolment to as_of.
        public var daysWaiting: Int
    }

    /// A relationship active on as_of whose health is at risk or behind.
    public struct PairToCall: Sendable {
        /// The relationship's position in `ProgrammeData.relationships`.
        public var relationship: Int
        public var status: HealthStatus
        /// The last session on or before as_of, if any.
        public var lastSession: Day?
        /// Days from the last session (or, with none, from the start, as the health rule counts) to as_of.
        public var daysSinceLastSession: Int
    }

    /// A relationship active on as_of past its planned end with no `ended` (`policy.past_planned_end`).
    public struct PastPlannedEnd: Sendable {
        public var relationship: Int
        public var plannedEnd: Day
        /// Days from the planned end to as_of.
        public var daysPast: Int
    }

    /// A member of a recent survey's audience with no response submitted by as_of.
    public struct NonResponder: Sendable {
        /// The survey's position in `ProgrammeData.surveys`.
        public var survey: Int
        /// The person's position in `ProgrammeData.people`.
        public var person: Int
    }

    /// How far back a survey may have opened to have its non-responders listed: [as_of − 60, as_of].
    public static let recentSurveyDays = 60

    /// Most days waiting first; ties by id.
    public var waitingMentees: [WaitingMentee]
    /// At-risk pairs, then behind; in each, longest without a session first; ties by id.
    public var pairsToCall: [PairToCall]
    /// Longest past the planned end first; ties by id.
    public var pastPlannedEnd: [PastPlannedEnd]
    /// Surveys in data order; in each, people by id.
    public var nonResponders: [NonResponder]
}

extension KPICalculator {
    /// The action lists of as_of, from the same facts as the KPIs: the match rule of `match.waiting`,
    /// the health of `health`, the findings of `policy.past_planned_end` and the audiences of
    /// `surveys.response_rate.<survey>`.
    func actionLists(health: [HealthAssessment], policy: PolicyFindings) -> ActionLists {
        let people = data.people, relationships = data.relationships
        let waiting = enrolledMentees.filter { p in index.firstStartAsMentee[p].map { $0 > asOf } ?? true }
            .map { ActionLists.WaitingMentee(person: $0, daysWaiting: asOf.days(since: index.enrolled[$0])) }
            .sorted { ($1.daysWaiting, people[$0.person].id) < ($0.daysWaiting, people[$1.person].id) }
        // At risk first, then behind (a switch: a dictionary keyed by the status would hash its text).
        func rank(_ status: HealthStatus) -> Int? {
            switch status {
            case .atRisk: return 0
            case .behind: return 1
            case .onTrack, .tooEarly: return nil
            }
        }
        let toCall = health.filter { rank($0.status) != nil }
            .map { ActionLists.PairToCall(relationship: $0.relationship, status: $0.status, lastSession: $0.lastSession,
                                          daysSinceLastSession: $0.daysSinceContact) }
            .sorted {
                (rank($0.status)!, -$0.daysSinceLastSession, relationships[$0.relationship].id)
                    < (rank($1.status)!, -$1.daysSinceLastSession, relationships[$1.relationship].id)
            }
        let past = policy.pastPlannedEnd.compactMap { i -> ActionLists.PastPlannedEnd? in
            guard let planned = relationships[i].plannedEnd else { return nil }
            return ActionLists.PastPlannedEnd(relationship: i, plannedEnd: planned, daysPast: asOf.days(since: planned))
        }.sorted { ($1.daysPast, relationships[$0.relationship].id) < ($0.daysPast, relationships[$1.relationship].id) }
        let earliest = asOf.adding(days: -ActionLists.recentSurveyDays)
        var silent: [ActionLists.NonResponder] = []
        for (s, survey) in data.surveys.enumerated() where survey.opens >= earliest && survey.opens <= asOf {
            let members = zip(index.audienceMembers[s], index.audienceFirstResponse[s])
                .filter { _, first in first.map { $0 > asOf } ?? true }
                .map(\.0)
                .sorted { people[$0].id < people[$1].id }
            silent += members.map { ActionLists.NonResponder(survey: s, person: $0) }
        }
        return ActionLists(waitingMentees: waiting, pairsToCall: toCall, pastPlannedEnd: past, nonResponders: silent)
    }
}
