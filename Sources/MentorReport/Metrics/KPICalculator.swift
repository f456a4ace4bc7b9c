/// Computes every KPI of the SPEC §3 catalog for one reporting month from the indexed data.
struct KPICalculator {
    let index: ProgrammeIndex
    let period: ReportingPeriod
    var data: ProgrammeData { index.data }
    var program: Program { index.data.program }
    var asOf: Day { period.asOf }
    var minGroupSize: Int { program.minGroupSize }

    /// People with the role and `enrolled <= as_of`.
    let enrolledMentees: [Int]
    let enrolledMentors: [Int]
    /// Relationships active at some point in the month (`start <= last`, not ended before `first`).
    let activeInPeriod: [Int]
    /// The responses that count on as_of.
    let responses: [Int]

    init(index: ProgrammeIndex, period: ReportingPeriod) {
        self.index = index
        self.period = period
        let count = index.data.people.count
        enrolledMentees = (0..<count).filter { index.isMentee[$0] && index.enrolled[$0] <= period.asOf }
        enrolledMentors = (0..<count).filter { index.links.isMentor[$0] && index.enrolled[$0] <= period.asOf }
        activeInPeriod = index.start.indices.filter {
            index.start[$0] <= period.last && (index.ended[$0].map { $0 >= period.first } ?? true)
        }
        responses = index.countedResponses(asOf: period.asOf)
    }

    /// Every KPI; the health assessments and policy findings may be passed when the caller has them.
    func compute(health: [HealthAssessment]? = nil, policy findings: PolicyFindings? = nil) -> KPISet {
        var set = KPISet()
        let health = health ?? healthAssessments()
        for kpi in participation() + engagement(health: health) + surveyResponseRates() + reaction()
            + learning() + results() + inclusion() + policy(findings) {
            set.append(kpi)
        }
        return set
    }

    /// Only the trend KPIs (SPEC §3 "Trends"), computed as in `compute()`: a trend month costs less
    /// than a full month.
    func computeTrendKPIs() -> KPISet {
        var set = KPISet()
        let wanted = Set(trendKPIs)
        let health = healthAssessments()
        for kpi in participation(withMedian: false) + engagement(health: health) + reaction() where wanted.contains(kpi.id) {
            set.append(kpi)
        }
        return set
    }

    // MARK: Participation and matching

    /// `withMedian: false` leaves out the days-to-match median (not needed for trend months).
    func participation(withMedian: Bool = true) -> [KPIValue] {
        var matched = 0
        var daysToMatch: [Double] = []
        for p in enrolledMentees {
            // match.rate: a mentee of a relationship with start <= as_of; the earliest start is the first match.
            guard let first = index.firstStartAsMentee[p], first <= asOf else { continue }
            matched += 1
            if withMedian { daysToMatch.append(Double(max(0, first.days(since: index.enrolled[p])))) }
        }
        var led = 0
        var capacity = 0
        for p in enrolledMentors {
            led += index.ledBy[p].filter { index.isActive($0, on: asOf) }.count
            capacity += index.links.capacity[p]
        }
        return [
            .count("participants.mentors", enrolledMentors.count),
            .count("participants.mentees", enrolledMentees.count),
            .rate("match.rate", matched, enrolledMentees.count),
            KPIValue("match.waiting", .count, Double(enrolledMentees.count - matched), n: enrolledMentees.count),
            KPIValue("match.days_to_match_median", .days, Statistics.median(daysToMatch), n: matched),
            .rate("mentor.capacity_utilization", led, capacity),
        ]
    }

    // MARK: Engagement

    func engagement(health: [HealthAssessment]) -> [KPIValue] {
        let active = activeInPeriod.count
        var out: [KPIValue] = [
            .count("relationships.active", active),
            .count("relationships.new", index.start.filter(period.contains).count),
            .count("relationships.ended", index.ended.filter { $0.map(period.contains) ?? false }.count),
        ]
        var byType = [Int](repeating: 0, count: RelationshipType.allCases.count)
        var byCohort = [Int](repeating: 0, count: data.cohorts.count)
        for i in activeInPeriod {
            byType[RelationshipType.allCases.firstIndex(of: index.type[i])!] += 1
            if let c = index.cohort[i] { byCohort[c] += 1 }
        }
        for (t, type) in RelationshipType.allCases.enumerated() {
            out.append(.count("relationships.active.type.\(type.rawValue)", byType[t]))
        }
        for (c, cohort) in data.cohorts.enumerated() {
            out.append(.count("relationships.active.cohort.\(cohort.id)", byCohort[c]))
        }
        var counts: [HealthStatus: Int] = [:]
        for h in health { counts[h.status, default: 0] += 1 }
        let onTrack = counts[.onTrack] ?? 0, behind = counts[.behind] ?? 0, atRisk = counts[.atRisk] ?? 0
        out += [
            .count("health.on_track", onTrack),
            .count("health.behind", behind),
            .count("health.at_risk", atRisk),
            .count("health.too_early", counts[.tooEarly] ?? 0),
            .rate("cadence.adherence", onTrack, onTrack + behind + atRisk),
        ]
        let month = index.sessions(in: period.month)
        out += [
            .count("sessions.count", month.count),
            KPIValue("sessions.hours", .hours, Double(month.minutes) / 60, n: month.count),
            .rate("sessions.per_active_relationship", month.count, active, unit: .perRelationship),
            .rate("sessions.live_issue_rate", month.liveIssueTrue, month.liveIssueStated),
            KPIValue("group.attendance_rate", .ratio,
                     month.attendanceSessions == 0 ? nil : month.attendanceSum / Double(month.attendanceSessions),
                     n: month.attendanceSessions),
        ]
        // goals.set_rate, goals.achieved, goals.achievement_rate
        let withGoal = activeInPeriod.filter { index.firstGoalSet[$0].map { $0 <= asOf } ?? false }.count
        let setByAsOf = ProgrammeIndex.upperBound(index.goalSetDays, asOf)
        let achievedByAsOf = ProgrammeIndex.upperBound(index.goalAchievedDays, asOf)
        let achievedInPeriod = ProgrammeIndex.count(index.goalAchievedDays, from: period.first, to: period.last)
        out += [
            .rate("goals.set_rate", withGoal, active),
            .count("goals.achieved", achievedInPeriod),
            .rate("goals.achievement_rate", achievedByAsOf, setByAsOf),
        ]
        return out
    }

    /// surveys.response_rate.<survey>: the audience is the people of the survey's role enrolled by the
    /// day it opens and who had not left before it, and only the members of the survey's cohort when it
    /// names one; the rate counts those who responded by as_of.
    func surveyResponseRates() -> [KPIValue] {
        data.surveys.enumerated().map { s, survey in
            let id = "surveys.response_rate.\(survey.id)"
            guard survey.opens <= asOf else { return KPIValue(id, .ratio, nil) }
            let audience = index.audienceFirstResponse[s]
            return .rate(id, audience.filter { $0.map { $0 <= asOf } ?? false }.count, audience.count)
        }
    }

    // MARK: Policy

    func policy(_ given: PolicyFindings? = nil) -> [KPIValue] {
        let findings = given ?? PolicyFindings(data: data, links: index.links, asOf: asOf)
        return [
            .count("policy.direct_report_pairs", findings.directReportPairs.count),
            .count("policy.over_capacity_mentors", findings.overCapacityMentors.count),
            .count("policy.past_planned_end", findings.pastPlannedEnd.count),
        ]
    }
}
