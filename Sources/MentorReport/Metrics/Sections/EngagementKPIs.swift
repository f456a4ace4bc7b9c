/// SPEC §3 "Engagement": relationships, their health and cadence, sessions, goals and survey response.
extension KPIDefinition {
    static let engagement: [KPIDefinition] = [
        KPIDefinition("relationships.active", "Relationships active", unit: .count, trend: 2, section: .engagement,
                      "Relationships active at some time in the month: started by its last day and not ended before its first."),
        KPIDefinition("relationships.new", "Relationships started", unit: .count, section: .engagement,
                      "Relationships whose start date falls in the month."),
        KPIDefinition("relationships.ended", "Relationships ended", unit: .count, section: .engagement,
                      "Relationships whose end date falls in the month."),
        KPIDefinition("relationships.active.type.{type}", "Active {type} relationships", name: "Active relationships of a type",
                      unit: .count, section: .engagement,
                      "Relationships of the type (one-to-one, group, peer, reverse, e-mentoring or speed) active at some time in the month."),
        KPIDefinition("relationships.active.cohort.{cohort}", "Active in {cohort}", name: "Active relationships of a cohort",
                      unit: .count, section: .engagement,
                      "Relationships of the cohort active at some time in the month."),
        KPIDefinition("health.on_track", "On track", unit: .count, section: .engagement,
                      "Relationships active on the last day of the month that are past their first 30 days, not at risk, and met at least as often as their cadence asks over the last 90 days."),
        KPIDefinition("health.behind", "Behind cadence", unit: .count, lowerIsBetter: true, section: .engagement,
                      "Relationships active on the last day of the month with fewer sessions in the last 90 days (or since they started) than their cadence asks, but not at risk."),
        KPIDefinition("health.at_risk", "At risk", unit: .count, lowerIsBetter: true, trend: 4, section: .engagement,
                      "Relationships active on the last day of the month, past their first 30 days, whose last session (or start) is more days ago than the programme's at-risk limit."),
        KPIDefinition("health.too_early", "Too early to tell", unit: .count, section: .engagement,
                      "Relationships active on the last day of the month that started less than 30 days before it."),
        KPIDefinition("cadence.adherence", "Cadence adherence", unit: .ratio, fraction: true, trend: 3, section: .engagement,
                      "Share of relationships old enough to judge (on track, behind or at risk) that are on track."),
        KPIDefinition("sessions.count", "Sessions held", unit: .count, trend: 1, section: .engagement,
                      "Sessions dated in the month."),
        KPIDefinition("sessions.hours", "Hours of mentoring", unit: .hours, section: .engagement,
                      "The minutes of the sessions dated in the month, in hours."),
        KPIDefinition("sessions.per_active_relationship", "Sessions per active relationship", unit: .perRelationship, section: .engagement,
                      "Sessions dated in the month divided by the relationships active in the month."),
        KPIDefinition("sessions.live_issue_rate", "Sessions with a live issue", unit: .ratio, fraction: true, section: .engagement,
                      "Share of the month's sessions that say whether a live work issue was discussed in which one was."),
        KPIDefinition("group.attendance_rate", "Group session attendance", unit: .ratio, fraction: true, section: .engagement,
                      "Mean, over the month's group sessions that list attendees, of the share of the group's members (mentors and mentees) who attended."),
        KPIDefinition("goals.set_rate", "Relationships with goals", unit: .ratio, fraction: true, section: .engagement,
                      "Share of the relationships active in the month that had set a goal by its last day."),
        KPIDefinition("goals.achieved", "Goals achieved this month", unit: .count, section: .engagement,
                      "Goals marked achieved on a date in the month."),
        KPIDefinition("goals.achievement_rate", "Goals achieved so far", unit: .ratio, fraction: true, section: .engagement,
                      "Goals achieved by the last day of the month divided by goals set by then."),
        KPIDefinition("surveys.response_rate.{survey}", "Response rate: {survey}", name: "Survey response rate",
                      unit: .ratio, fraction: true, section: .engagement,
                      "For a survey open by the last day of the month: the share of its audience (people of its role enrolled by the day it opened, not gone before it, and of its cohort when it names one) who responded."),
    ]
}

extension KPICalculator {
    func engagement(health: [HealthAssessment]) -> [KPIValue] {
        let active = activeInPeriod.count
        var out: [KPIValue] = [
            .count("relationships.active", active),
            .count("relationships.new", index.start.filter(period.contains).count),
            .count("relationships.ended", index.ended.filter { $0.map(period.contains) ?? false }.count),
        ]
        var byType = [Int](repeating: 0, count: RelationshipType.allCases.count)
        for i in activeInPeriod {
            byType[RelationshipType.allCases.firstIndex(of: index.type[i])!] += 1
        }
        let byCohort = activeByCohort()
        for (t, type) in RelationshipType.allCases.enumerated() {
            out.append(.count("relationships.active.type.\(type.rawValue)", byType[t]))
        }
        for (c, cohort) in data.cohorts.enumerated() {
            out.append(.count("relationships.active.cohort.\(cohort.id)", byCohort[c]))
        }
        // Counted by case: a dictionary keyed by the status would hash its raw text for every relationship.
        var onTrack = 0, behind = 0, atRisk = 0, tooEarly = 0
        for h in health {
            switch h.status {
            case .onTrack: onTrack += 1
            case .behind: behind += 1
            case .atRisk: atRisk += 1
            case .tooEarly: tooEarly += 1
            }
        }
        out += [
            .count("health.on_track", onTrack),
            .count("health.behind", behind),
            .count("health.at_risk", atRisk),
            .count("health.too_early", tooEarly),
            .rate("cadence.adherence", onTrack, onTrack + behind + atRisk),
        ]
        let month = index.sessions(in: period.month)
        out += [
            .count("sessions.count", month.count),
            KPIValue("sessions.hours", .hours, Double(month.minutes) / 60, n: month.count),
            .rate("sessions.per_active_relationship", month.count, active, unit: .perRelationship),
            .rate("sessions.live_issue_rate", month.liveIssueTrue, month.liveIssueStated),
            KPIValue("group.attendance_rate", .ratio,
                     month.attendanceRate,
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
}

extension ProgrammeIndex {
    /// What the sessions of one month add up to, summed once per session when the data is indexed.
    struct MonthSessions: Sendable {
        var count = 0
        var minutes = 0
        var liveIssueStated = 0
        var liveIssueTrue = 0
        /// Group sessions that list attendees: how many, and for each size of group met (members,
        /// ascending) the attending members summed over its sessions, so that the mean share is exact
        /// whatever order the sessions are listed in (decision 142).
        var attendanceSessions = 0
        var attendanceSizes: [Int] = []
        var attendanceAttended: [Int] = []

        mutating func add(minutes: Int, liveIssue: Bool?, attendance: (attended: Int, members: Int)?) {
            count += 1
            self.minutes += minutes
            if let liveIssue {
                liveIssueStated += 1
                if liveIssue { liveIssueTrue += 1 }
            }
            if let attendance {
                attendanceSessions += 1
                if let k = attendanceSizes.firstIndex(of: attendance.members) {
                    attendanceAttended[k] += attendance.attended
                } else {
                    let k = attendanceSizes.firstIndex(where: { $0 > attendance.members }) ?? attendanceSizes.count
                    attendanceSizes.insert(attendance.members, at: k)
                    attendanceAttended.insert(attendance.attended, at: k)
                }
            }
        }

        /// `group.attendance_rate`: the mean over the sessions of attending members / members, as the
        /// double nearest the exact mean (one division of integers over the sizes' common multiple);
        /// when that multiple is too large, the sizes' shares added from the smallest size up.
        var attendanceRate: Double? {
            guard attendanceSessions > 0 else { return nil }
            var multiple = 1
            for size in attendanceSizes {
                let (product, overflow) = multiple.multipliedReportingOverflow(by: size / gcd(multiple, size))
                guard !overflow, product < 1 << 40 else { return approximateAttendanceRate }
                multiple = product
            }
            var numerator = 0
            for (size, attended) in zip(attendanceSizes, attendanceAttended) {
                let (term, overflow) = attended.multipliedReportingOverflow(by: multiple / size)
                guard !overflow, term < 1 << 52 else { return approximateAttendanceRate }
                numerator += term
                guard numerator < 1 << 53 else { return approximateAttendanceRate }
            }
            let (denominator, overflow) = multiple.multipliedReportingOverflow(by: attendanceSessions)
            guard !overflow, denominator < 1 << 53 else { return approximateAttendanceRate }
            return Double(numerator) / Double(denominator)
        }

        private var approximateAttendanceRate: Double {
            var sum = 0.0
            for (size, attended) in zip(attendanceSizes, attendanceAttended) { sum += Double(attended) / Double(size) }
            return sum / Double(attendanceSessions)
        }

        private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

        /// `group.attendance_rate`'s count for one session: the group's members (mentors and mentees)
        /// among its attendees, and the members; nil for a session that lists no attendees or is not of
        /// a group (`members` empty).
        static func attendance(_ attendees: [Located<String>]?, members: Set<String>) -> (attended: Int, members: Int)? {
            guard !members.isEmpty, let attendees else { return nil }
            // The distinct attendees who are members. A short list is compared in place: a set made per
            // session would cost an allocation and a hash of every name.
            guard attendees.count <= 16 else { return (Set(attendees.map(\.value)).intersection(members).count, members.count) }
            var attended = 0
            for i in attendees.indices where members.contains(attendees[i].value) {
                if !attendees[..<i].contains(where: { $0.value == attendees[i].value }) { attended += 1 }
            }
            return (attended, members.count)
        }
    }
}

extension KPICalculator {
    /// relationships.active.cohort.<cohort>: the relationships active in the month whose record names
    /// each cohort of program.yaml, in its order.
    func activeByCohort() -> [Int] {
        var byCohort = [Int](repeating: 0, count: data.cohorts.count)
        for i in activeInPeriod {
            if let c = index.cohort[i] { byCohort[c] += 1 }
        }
        return byCohort
    }
}
