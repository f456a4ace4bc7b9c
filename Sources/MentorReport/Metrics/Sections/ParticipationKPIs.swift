/// SPEC §3 "Participation and matching": who is enrolled, who is matched, how mentors' capacity is used.
extension KPIDefinition {
    static let participation: [KPIDefinition] = [
        KPIDefinition("participants.mentors", "Mentors enrolled", unit: .count, section: .participation,
                      "People with the mentor role enrolled on or before the last day of the month."),
        KPIDefinition("participants.mentees", "Mentees enrolled", unit: .count, section: .participation,
                      "People with the mentee role enrolled on or before the last day of the month."),
        KPIDefinition("match.rate", "Mentees matched", unit: .ratio, fraction: true, trend: 5, section: .participation,
                      "Share of enrolled mentees who are mentees of a relationship that has started by the last day of the month."),
        KPIDefinition("match.waiting", "Mentees waiting for a match", unit: .count, lowerIsBetter: true, section: .participation,
                      "Enrolled mentees who are not yet mentees of any relationship that has started."),
        KPIDefinition("match.days_to_match_median", "Median days to a match", unit: .days, lowerIsBetter: true, section: .participation,
                      "Median, over matched mentees, of the days from enrolment to the start of their first relationship (0 when matched before enrolling)."),
        KPIDefinition("mentor.capacity_utilization", "Mentor capacity in use", unit: .ratio, section: .participation,
                      "Relationships active on the last day of the month led by enrolled mentors, divided by the sum of those mentors' capacities (may pass 100%)."),
    ]
}

extension KPICalculator {
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
            for i in index.ledBy[p] where index.isActive(i, on: asOf) { led += 1 }
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
}
