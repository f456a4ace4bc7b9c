/// The data indexed once for the KPI engine, so that no KPI rescans every record per relationship or
/// per person, and a month's KPIs cost the same whatever the month.
struct ProgrammeIndex {
    let data: ProgrammeData
    let personIndex: [String: Int]
    let surveyIndex: [String: Int]
    /// Session dates of each relationship, sorted.
    let sessionDates: [[Day]]
    /// Per-month session sums, by month ordinal.
    let months: [Int: MonthSessions]
    /// Earliest relationship start of each person as a mentee (nil: never a mentee of a relationship).
    let firstStartAsMentee: [Day?]
    /// The relationships each person leads as a mentor (indices into `data.relationships`).
    let ledBy: [[Int]]
    /// Each (survey, respondent)'s submissions, as response indices sorted by `submitted` then file order.
    let submissions: [SubmissionGroup]
    /// `promoted` and `left` dates of each person, sorted.
    let promotions: [[Day]]
    let departures: [[Day]]
    /// The self-identified groups found in people's `groups`, sorted.
    let groups: [String]
    /// Each survey's question ids → position in its `questions`.
    let questionLookup: [[String: Int]]

    struct SubmissionGroup {
        var survey: Int
        var respondent: Int
        var responses: [Int]
    }

    /// What the sessions of one month add up to.
    struct MonthSessions {
        var count = 0
        var minutes = 0
        var liveIssueStated = 0
        var liveIssueTrue = 0
        /// Sum over group sessions that list attendees of (attending members / members), and how many.
        var attendanceSum = 0.0
        var attendanceSessions = 0
    }

    init(_ data: ProgrammeData) {
        self.data = data
        var people: [String: Int] = [:]
        for (i, p) in data.people.enumerated() where people[p.id] == nil { people[p.id] = i }
        personIndex = people
        var surveys: [String: Int] = [:]
        for (i, s) in data.surveys.enumerated() where surveys[s.id] == nil { surveys[s.id] = i }
        surveyIndex = surveys
        var relationships: [String: Int] = [:]
        for (i, r) in data.relationships.enumerated() where relationships[r.id] == nil { relationships[r.id] = i }

        let members: [Set<String>] = data.relationships.map { r in
            r.type == .group ? Set(r.mentors.map(\.value) + r.mentees.map(\.value)) : []
        }
        var dates = [[Day]](repeating: [], count: data.relationships.count)
        var months: [Int: MonthSessions] = [:]
        for s in data.sessions {
            let r = relationships[s.relationship.value]
            if let r { dates[r].append(s.date) }
            var m = months[s.date.month.ordinal, default: MonthSessions()]
            m.count += 1
            m.minutes += s.minutes
            if let live = s.liveIssue {
                m.liveIssueStated += 1
                if live { m.liveIssueTrue += 1 }
            }
            // group.attendance_rate
            if let r, data.relationships[r].type == .group, let attendees = s.attendees, !members[r].isEmpty {
                let present = Set(attendees.map(\.value)).intersection(members[r]).count
                m.attendanceSum += Double(present) / Double(members[r].count)
                m.attendanceSessions += 1
            }
            months[s.date.month.ordinal] = m
        }
        sessionDates = dates.map { $0.sorted() }
        self.months = months

        var firstStart = [Day?](repeating: nil, count: data.people.count)
        var led = [[Int]](repeating: [], count: data.people.count)
        for (i, r) in data.relationships.enumerated() {
            for m in Set(r.mentees.map(\.value)) {
                guard let p = people[m] else { continue }
                if firstStart[p].map({ r.start < $0 }) ?? true { firstStart[p] = r.start }
            }
            for m in Set(r.mentors.map(\.value)) {
                if let p = people[m] { led[p].append(i) }
            }
        }
        firstStartAsMentee = firstStart
        ledBy = led

        var groupsByKey: [Int: Int] = [:]
        var submissions: [SubmissionGroup] = []
        for (i, response) in data.responses.enumerated() {
            guard let s = surveys[response.survey.value], let p = people[response.respondent.value] else { continue }
            let key = s * data.people.count + p
            if let g = groupsByKey[key] {
                submissions[g].responses.append(i)
            } else {
                groupsByKey[key] = submissions.count
                submissions.append(SubmissionGroup(survey: s, respondent: p, responses: [i]))
            }
        }
        for g in submissions.indices {
            // Stable: equal dates keep file order, so the later record of a day is the latest.
            submissions[g].responses = submissions[g].responses.enumerated()
                .sorted { (data.responses[$0.element].submitted, $0.offset) < (data.responses[$1.element].submitted, $1.offset) }
                .map(\.element)
        }
        self.submissions = submissions

        var promotions = [[Day]](repeating: [], count: data.people.count)
        var departures = [[Day]](repeating: [], count: data.people.count)
        for o in data.outcomes {
            guard let p = people[o.person.value] else { continue }
            switch o.event {
            case .promoted: promotions[p].append(o.date)
            case .left: departures[p].append(o.date)
            case .engagementScore: break
            }
        }
        self.promotions = promotions.map { $0.sorted() }
        self.departures = departures.map { $0.sorted() }
        groups = KPICatalog.groups(in: data)
        questionLookup = data.surveys.map { survey in
            var lookup: [String: Int] = [:]
            for (i, q) in survey.questions.enumerated() where lookup[q.id] == nil { lookup[q.id] = i }
            return lookup
        }
    }

    /// The question an answer in a response to survey `s` answers.
    func question(_ s: Int, _ id: String) -> Question? {
        questionLookup[s][id].map { data.surveys[s].questions[$0] }
    }

    /// The responses that count on `asOf`: submitted by then, and of several submissions of one survey
    /// by one person only the latest.
    func countedResponses(asOf: Day) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(submissions.count)
        for g in submissions {
            if let latest = g.responses.last(where: { data.responses[$0].submitted <= asOf }) { result.append(latest) }
        }
        return result.sorted()
    }

    /// Number of sorted `dates` in `from...to`.
    static func count(_ dates: [Day], from: Day, to: Day) -> Int {
        guard from <= to else { return 0 }
        return upperBound(dates, to) - lowerBound(dates, from)
    }

    /// The last of the sorted `dates` on or before `day`.
    static func last(_ dates: [Day], onOrBefore day: Day) -> Day? {
        let i = upperBound(dates, day)
        return i == 0 ? nil : dates[i - 1]
    }

    static func lowerBound(_ dates: [Day], _ day: Day) -> Int {
        var low = 0, high = dates.count
        while low < high {
            let mid = (low + high) / 2
            if dates[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func upperBound(_ dates: [Day], _ day: Day) -> Int {
        var low = 0, high = dates.count
        while low < high {
            let mid = (low + high) / 2
            if dates[mid] <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
