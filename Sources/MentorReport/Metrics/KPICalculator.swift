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
        let people = index.data.people
        enrolledMentees = people.indices.filter { people[$0].isMentee && people[$0].enrolled <= period.asOf }
        enrolledMentors = people.indices.filter { people[$0].isMentor && people[$0].enrolled <= period.asOf }
        activeInPeriod = index.data.relationships.indices.filter {
            index.data.relationships[$0].isActive(from: period.first, to: period.last)
        }
        responses = index.countedResponses(asOf: period.asOf)
    }

    func compute() -> KPISet {
        var set = KPISet()
        let health = healthAssessments()
        for kpi in participation() + engagement(health: health) + surveyResponseRates() + reaction()
            + learning() + results() + inclusion() + policy() {
            set.append(kpi)
        }
        return set
    }

    // MARK: Participation and matching

    func participation() -> [KPIValue] {
        var matched = 0
        var daysToMatch: [Double] = []
        for p in enrolledMentees {
            // match.rate: a mentee of a relationship with start <= as_of; the earliest start is the first match.
            guard let first = index.firstStartAsMentee[p], first <= asOf else { continue }
            matched += 1
            daysToMatch.append(Double(max(0, first.days(since: data.people[p].enrolled))))
        }
        var led = 0
        var capacity = 0
        for p in enrolledMentors {
            led += index.ledBy[p].filter { data.relationships[$0].isActive(on: asOf) }.count
            capacity += data.people[p].mentorCapacity ?? program.defaultMentorCapacity
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
        let relationships = data.relationships
        let active = activeInPeriod.count
        var out: [KPIValue] = [
            .count("relationships.active", active),
            .count("relationships.new", relationships.filter { period.month.contains($0.start) }.count),
            .count("relationships.ended", relationships.filter { $0.ended.map(period.month.contains) ?? false }.count),
        ]
        for type in RelationshipType.allCases {
            out.append(.count("relationships.active.type.\(type.rawValue)",
                              activeInPeriod.filter { relationships[$0].type == type }.count))
        }
        for cohort in data.cohorts {
            out.append(.count("relationships.active.cohort.\(cohort.id)",
                              activeInPeriod.filter { relationships[$0].cohort?.value == cohort.id }.count))
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
        let month = index.months[period.month.ordinal] ?? ProgrammeIndex.MonthSessions()
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
        let withGoal = activeInPeriod.filter { relationships[$0].goals.contains { $0.set <= asOf } }.count
        var achievedInPeriod = 0, achievedByAsOf = 0, setByAsOf = 0
        for r in relationships {
            for g in r.goals {
                if g.set <= asOf { setByAsOf += 1 }
                guard g.status == .achieved, let day = g.achieved else { continue }
                if day <= asOf { achievedByAsOf += 1 }
                if period.month.contains(day) { achievedInPeriod += 1 }
            }
        }
        out += [
            .rate("goals.set_rate", withGoal, active),
            .count("goals.achieved", achievedInPeriod),
            .rate("goals.achievement_rate", achievedByAsOf, setByAsOf),
        ]
        return out
    }

    /// surveys.response_rate.<survey>: the audience is the people of the survey's role enrolled by the
    /// day it opens and who had not left before it; the rate counts those who responded by as_of.
    func surveyResponseRates() -> [KPIValue] {
        var respondents = [Set<Int>](repeating: [], count: data.surveys.count)
        for r in responses {
            let response = data.responses[r]
            if let s = index.surveyIndex[response.survey.value], let p = index.personIndex[response.respondent.value] {
                respondents[s].insert(p)
            }
        }
        return data.surveys.enumerated().map { s, survey in
            let id = "surveys.response_rate.\(survey.id)"
            guard survey.opens <= asOf, index.surveyIndex[survey.id] == s else { return KPIValue(id, .ratio, nil) }
            var audience = 0, responded = 0
            for (p, person) in data.people.enumerated() {
                let hasRole = survey.audience == .mentees ? person.isMentee : person.isMentor
                guard hasRole, person.enrolled <= survey.opens,
                      !index.departures[p].contains(where: { $0 < survey.opens }) else { continue }
                audience += 1
                if respondents[s].contains(p) { responded += 1 }
            }
            return .rate(id, responded, audience)
        }
    }

    // MARK: Policy

    func policy() -> [KPIValue] {
        let findings = PolicyFindings(data: data, asOf: asOf)
        return [
            .count("policy.direct_report_pairs", findings.directReportPairs.count),
            .count("policy.over_capacity_mentors", findings.overCapacityMentors.count),
            .count("policy.past_planned_end", findings.pastPlannedEnd.count),
        ]
    }
}
