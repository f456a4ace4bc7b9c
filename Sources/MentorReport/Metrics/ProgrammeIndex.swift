/// The data indexed once for the KPI engine, so that no KPI rescans every record per relationship or
/// per person, and a month's KPIs cost the same whatever the month.
final class ProgrammeIndex: Sendable {
    let data: ProgrammeData
    let personIndex: IdIndex
    let surveyIndex: IdIndex
    /// Session dates of each relationship, sorted.
    let sessionDates: [[Day]]
    /// Per-month session sums, from `firstMonth` on.
    let months: [MonthSessions]
    let firstMonth: Int
    /// Earliest relationship start of each person as a mentee (nil: never a mentee of a relationship).
    let firstStartAsMentee: [Day?]
    /// The relationships each person leads as a mentor (indices into `data.relationships`).
    let ledBy: [[Int]]
    /// Each (survey, respondent)'s submissions, flat, in the order the groups are first met: group g's
    /// response positions, sorted by `submitted` then file order, are
    /// `submissionResponses[submissionStart[g] ..< submissionStart[g + 1]]`.
    let submissionStart: [Int]
    let submissionResponses: [Int]
    /// Each response's `submitted` day, by position.
    let responseSubmitted: [Day]
    /// `promoted` and `left` dates of each person, sorted.
    let promotions: [[Day]]
    let departures: [[Day]]
    /// `engagement-score` outcomes of each person, in reading order (SPEC 2026-12: team engagement).
    let engagementScores: [[(day: Day, value: Double)]]
    /// The self-identified groups found in people's `groups`, sorted.
    let groups: [String]
    /// Person p's groups as positions in `groups`, in the order listed:
    /// `personGroup[personGroupStart[p] ..< personGroupStart[p + 1]]`.
    let personGroupStart: [Int]
    let personGroup: [Int]
    /// Each survey's question ids → position in its `questions`.
    let questionLookup: [IdIndex]
    /// Each response's number answers to questions of its survey, flat, in answer order: response r's
    /// are at `numericAnswerStart[r] ..< numericAnswerStart[r + 1]`, as question position and value
    /// (the question KPIs read them each month without looking ids up again).
    let numericAnswerStart: [Int]
    let numericAnswerQuestion: [Int]
    let numericAnswerValue: [Int]
    /// Per segment dimension (`SegmentDimension.allCases` order): the values any mentee holds, in name
    /// order, and each person's value as a position in them (-1: none, or not a mentee).
    let segmentValues: [[String]]
    let segmentOf: [[Int]]

    // People, by position in `data.people`.
    let isMentee: [Bool]
    let enrolled: [Day]
    /// Relationships' mentors and mentees, managers and capacities as people positions.
    let links: PolicyFindings.Links
    /// Each response's survey and respondent positions (nil for an unknown id, which validation rejects).
    let responseSurvey: [Int?]
    let responseRespondent: [Int?]
    /// What each response's answers add to the reaction KPIs, worked out once.
    let answerTallies: [AnswerTally]
    /// Each baseline or final response's mean likert5 answer per competency (by competency position).
    let competencyScores: [[Double?]]
    /// Per survey: the day each audience member first responded (nil: never), for response rates. The
    /// audience: people of the survey's role enrolled by its opening day, not left before it, and of its
    /// cohort when it names one.
    let audienceFirstResponse: [[Day?]]
    /// Per survey: the audience members (positions in `data.people`), in the order of `audienceFirstResponse`.
    let audienceMembers: [[Int]]

    // Relationships, by position in `data.relationships`, as flat arrays for the monthly scans.
    let start: [Day]
    let ended: [Day?]
    let type: [RelationshipType]
    /// Position of the relationship's cohort in `data.cohorts`.
    let cohort: [Int?]
    /// The earliest `set` day of each relationship's goals (nil: no goals).
    let firstGoalSet: [Day?]
    /// Every goal's `set` day, and the `achieved` day of achieved goals, sorted.
    let goalSetDays: [Day]
    let goalAchievedDays: [Day]

    init(_ data: ProgrammeData) {
        self.data = data
        let people = IdIndex(data.people.map(\.id))
        personIndex = people
        let surveys = IdIndex(data.surveys.map(\.id))
        surveyIndex = surveys
        // The sessions (most of the records) are summed on a thread of their own meanwhile, the survey
        // answers on another and the names on a third: the rest is indexed here.
        let sessionSums = BackgroundJob { ProgrammeIndex.sessionSums(data) }
        // Each response's survey and respondent are looked up once, here, for every later use.
        var responseSurvey: [Int?] = [], responseRespondent: [Int?] = []
        responseSurvey.reserveCapacity(data.responses.count)
        responseRespondent.reserveCapacity(data.responses.count)
        var surveyOf = RepeatedLookup(surveys)
        for r in data.responses.indices {
            responseSurvey.append(surveyOf(data.responses[r].survey.value))
            responseRespondent.append(people[data.responses[r].respondent.value])
        }
        self.responseSurvey = responseSurvey
        self.responseRespondent = responseRespondent
        let questionLookup: [IdIndex] = data.surveys.map { IdIndex($0.questions.map(\.id)) }
        self.questionLookup = questionLookup
        let answerJob = BackgroundJob { [responseSurvey] in ProgrammeIndex.answers(data, responseSurvey: responseSurvey, questionLookup: questionLookup) }
        // People's groups and segment values (text looked up in dictionaries) on a third.
        let namesJob = BackgroundJob { ProgrammeIndex.names(data) }

        var firstStart = [Day?](repeating: nil, count: data.people.count)
        var led = [[Int]](repeating: [], count: data.people.count)
        let links = PolicyFindings.Links(data, personIndex: people)
        for i in data.relationships.indices {
            let start = data.relationships[i].start
            for p in links.menteesOf[i] where firstStart[p].map({ start < $0 }) ?? true { firstStart[p] = start }
            for p in links.mentorsOf[i] { led[p].append(i) }
        }
        firstStartAsMentee = firstStart
        ledBy = led
        self.links = links

        // Each (survey, respondent)'s group, by survey then person position (-1: none): one table of
        // surveys × people (4 bytes each), also read for the response rates below.
        let peopleCount = data.people.count
        var groupOf = [Int32](repeating: -1, count: data.surveys.count * peopleCount)
        var groupSize: [Int] = []
        var responseGroup = [Int32](repeating: -1, count: data.responses.count)
        for i in data.responses.indices {
            guard let s = responseSurvey[i], let p = responseRespondent[i] else { continue }
            let key = s * peopleCount + p
            if groupOf[key] < 0 {
                groupOf[key] = Int32(groupSize.count)
                groupSize.append(0)
            }
            groupSize[Int(groupOf[key])] += 1
            responseGroup[i] = groupOf[key]
        }
        var submissionStart: [Int] = []
        submissionStart.reserveCapacity(groupSize.count + 1)
        var total = 0
        for n in groupSize {
            submissionStart.append(total)
            total += n
        }
        submissionStart.append(total)
        var next = submissionStart
        var submissionResponses = [Int](repeating: 0, count: total)
        for i in data.responses.indices where responseGroup[i] >= 0 {
            let g = Int(responseGroup[i])
            submissionResponses[next[g]] = i
            next[g] += 1
        }
        let submitted = data.responses.indices.map { data.responses[$0].submitted }
        for g in groupSize.indices where groupSize[g] > 1 {
            // By date, then file order (positions ascend in file order): the later record of a day is the latest.
            let range = submissionStart[g]..<submissionStart[g + 1]
            let sorted = submissionResponses[range].sorted { (submitted[$0], $0) < (submitted[$1], $1) }
            submissionResponses.replaceSubrange(range, with: sorted)
        }
        (self.submissionStart, self.submissionResponses, responseSubmitted) = (submissionStart, submissionResponses, submitted)

        var promotions = [[Day]](repeating: [], count: data.people.count)
        var departures = [[Day]](repeating: [], count: data.people.count)
        var engagement = [[(day: Day, value: Double)]](repeating: [], count: data.people.count)
        for o in data.outcomes {
            guard let p = people[o.person.value] else { continue }
            switch o.event {
            case .promoted: promotions[p].append(o.date)
            case .left: departures[p].append(o.date)
            case .engagementScore: if let v = o.value { engagement[p].append((o.date, v)) }
            }
        }
        engagementScores = engagement
        // Sorted where there is something to sort: most people have no such outcome, or one.
        self.promotions = promotions.map { $0.count > 1 ? $0.sorted() : $0 }
        self.departures = departures.map { $0.count > 1 ? $0.sorted() : $0 }

        // One pass by position: mapping key paths over the records would copy every record.
        let cohortIndex = IdIndex(data.cohorts.map(\.id))
        var start: [Day] = [], ended: [Day?] = [], type: [RelationshipType] = [], cohort: [Int?] = []
        var firstGoalSet: [Day?] = [], goalSetDays: [Day] = [], goalAchievedDays: [Day] = []
        for i in data.relationships.indices {
            start.append(data.relationships[i].start)
            ended.append(data.relationships[i].ended)
            type.append(data.relationships[i].type)
            cohort.append(data.relationships[i].cohort.flatMap { cohortIndex[$0.value] })
            var earliest: Day?
            for g in data.relationships[i].goals.indices {
                let set = data.relationships[i].goals[g].set
                goalSetDays.append(set)
                if earliest.map({ set < $0 }) ?? true { earliest = set }
                if data.relationships[i].goals[g].status == .achieved, let day = data.relationships[i].goals[g].achieved {
                    goalAchievedDays.append(day)
                }
            }
            firstGoalSet.append(earliest)
        }
        (self.start, self.ended, self.type, self.cohort) = (start, ended, type, cohort)
        self.firstGoalSet = firstGoalSet
        self.goalSetDays = goalSetDays.sorted()
        self.goalAchievedDays = goalAchievedDays.sorted()

        isMentee = data.people.map(\.isMentee)
        enrolled = data.people.map(\.enrolled)

        // surveys.response_rate: the audience is fixed by the opening day; who responded by when is not.
        // A survey for one cohort (SPEC 2026-12) asks only that cohort's members.
        let leftDates = self.departures
        let (isMentee, isMentor, enrolled) = (self.isMentee, links.isMentor, self.enrolled)
        let personCohort: [Int?] = data.people.indices.map { data.people[$0].cohort.flatMap { cohortIndex[$0.value] } }
        audienceMembers = data.surveys.map { survey in
            let cohort = survey.cohort.map { cohortIndex[$0.value] }
            return data.people.indices.filter { p in
                let hasRole = survey.audience == .mentees ? isMentee[p] : isMentor[p]
                return hasRole && enrolled[p] <= survey.opens && !leftDates[p].contains(where: { $0 < survey.opens })
                    && (cohort.map({ $0 != nil && personCohort[p] == $0 }) ?? true)
            }
        }
        // The day each member first responded: the first of their group's responses, sorted by date.
        audienceFirstResponse = audienceMembers.enumerated().map { s, members in
            members.map { p in
                let g = groupOf[s * peopleCount + p]
                return g < 0 ? nil : submitted[submissionResponses[submissionStart[Int(g)]]]
            }
        }
        (answerTallies, competencyScores, numericAnswerStart, numericAnswerQuestion, numericAnswerValue) = answerJob.wait()
        (groups, personGroupStart, personGroup, segmentValues, segmentOf) = namesJob.wait()
        (sessionDates, months, firstMonth) = sessionSums.wait()
    }

    /// The self-identified groups (as `KPICatalog.groups`) with each person's as positions in them, and
    /// each segment dimension's values with each mentee's as a position.
    private static func names(_ data: ProgrammeData)
        -> (groups: [String], groupStart: [Int], group: [Int], segmentValues: [[String]], segmentOf: [[Int]]) {
        // Flat, so that no month looks a name up: numbered as met, then renumbered in name order.
        var metGroup: [String: Int] = [:], groupNames: [String] = []
        var groupStart: [Int] = [], personGroup: [Int] = []
        groupStart.reserveCapacity(data.people.count + 1)
        for p in data.people.indices {
            groupStart.append(personGroup.count)
            for g in data.people[p].groups {
                if let k = metGroup[g] {
                    personGroup.append(k)
                } else {
                    metGroup[g] = groupNames.count
                    personGroup.append(groupNames.count)
                    groupNames.append(g)
                }
            }
        }
        groupStart.append(personGroup.count)
        let groupOrder = groupNames.indices.sorted { nameOrder(groupNames[$0], groupNames[$1]) }
        var groupRank = [Int](repeating: 0, count: groupNames.count)
        for (position, k) in groupOrder.enumerated() { groupRank[k] = position }
        let groups = groupOrder.map { groupNames[$0] }

        // Segments: a month's segment KPIs compare no text.
        var segmentValues: [[String]] = [], segmentOf: [[Int]] = []
        for dimension in SegmentDimension.allCases {
            // One pass: values numbered as met, then renumbered in name order (as `dimension.values`).
            var met: [String: Int] = [:], names: [String] = []
            var of = [Int](repeating: -1, count: data.people.count)
            for p in data.people.indices where data.people[p].isMentee {
                guard let v = dimension.value(of: data.people[p])?.value else { continue }
                if let k = met[v] {
                    of[p] = k
                } else {
                    met[v] = names.count
                    of[p] = names.count
                    names.append(v)
                }
            }
            let order = names.indices.sorted { nameOrder(names[$0], names[$1]) }
            var rank = [Int](repeating: 0, count: names.count)
            for (position, k) in order.enumerated() { rank[k] = position }
            for p in of.indices where of[p] >= 0 { of[p] = rank[of[p]] }
            segmentValues.append(order.map { names[$0] })
            segmentOf.append(of)
        }
        return (groups, groupStart, personGroup.map { groupRank[$0] }, segmentValues, segmentOf)
    }

    /// What each response's answers add to the reaction KPIs, each baseline or final response's mean
    /// likert5 answer per competency, and the number answers as flat (question position, value) lists.
    private static func answers(_ data: ProgrammeData, responseSurvey: [Int?], questionLookup: [IdIndex])
        -> (tallies: [AnswerTally], scores: [[Double?]], start: [Int], question: [Int], value: [Int]) {
        // Each question's competency as a position, worked out once per survey rather than per answer.
        let competencyIndex = IdIndex(data.competencies.map(\.id))
        let questionCompetency: [[Int?]] = data.surveys.map { survey in
            survey.questions.map { q in q.scale == .likert5 ? q.competency.flatMap { competencyIndex[$0.value] } : nil }
        }
        var tallies: [AnswerTally] = []
        var scores: [[Double?]] = []
        var answerStart: [Int] = [], answerQuestion: [Int] = [], answerValue: [Int] = []
        answerStart.reserveCapacity(data.responses.count + 1)
        tallies.reserveCapacity(data.responses.count)
        scores.reserveCapacity(data.responses.count)
        var sums = [Int](repeating: 0, count: data.competencies.count)
        var counts = [Int](repeating: 0, count: data.competencies.count)
        for r in data.responses.indices {
            var tally = AnswerTally()
            answerStart.append(answerQuestion.count)
            guard let s = responseSurvey[r] else {
                tallies.append(tally)
                scores.append([])
                continue
            }
            let survey = data.surveys[s]
            let kind = survey.kind
            let mentorsSurvey = survey.audience == .mentors
            for a in data.responses[r].answers.indices {
                guard case .number(let v) = data.responses[r].answers[a].value,
                      let qi = questionLookup[s][data.responses[r].answers[a].question] else { continue }
                tally.add(v, answering: survey.questions[qi], inMentorsSurvey: mentorsSurvey)
                answerQuestion.append(qi)
                answerValue.append(v)
                if kind != .checkin, let c = questionCompetency[s][qi] {
                    sums[c] += v
                    counts[c] += 1
                }
            }
            tallies.append(tally)
            if kind == .checkin {
                scores.append([])
            } else {
                scores.append(sums.indices.map { counts[$0] == 0 ? nil : Double(sums[$0]) / Double(counts[$0]) })
                for c in sums.indices { sums[c] = 0; counts[c] = 0 }
            }
        }
        answerStart.append(answerQuestion.count)
        return (tallies, scores, answerStart, answerQuestion, answerValue)
    }

    /// Each relationship's session dates (sorted), and the sessions' sums per month from the first month.
    private static func sessionSums(_ data: ProgrammeData) -> (dates: [[Day]], months: [MonthSessions], firstMonth: Int) {
        // By position: a closure over each record would copy the whole record.
        let relationships = IdIndex(data.relationships.indices.map { data.relationships[$0].id })
        let members: [Set<String>] = data.relationships.indices.map { i in
            data.relationships[i].type == .group
                ? Set(data.relationships[i].mentors.map(\.value) + data.relationships[i].mentees.map(\.value)) : []
        }
        var dates = [[Day]](repeating: [], count: data.relationships.count)
        let sessions = data.sessions
        var sessionRelationship = [Int](repeating: -1, count: sessions.count)
        var sessionMonth = [Int](repeating: 0, count: sessions.count)
        var firstMonth = Int.max, lastMonth = Int.min
        // The month of the last session's date is kept with its first and last days: sessions are
        // mostly listed by date, so most dates need no calendar arithmetic.
        var known = (first: Day(daysSinceEpoch: 1), last: Day(daysSinceEpoch: 0), month: 0)
        var perRelationship = [Int](repeating: 0, count: data.relationships.count)
        var relationshipOf = RepeatedLookup(relationships)
        for i in sessions.indices {
            if let r = relationshipOf(sessions[i].relationship.value) {
                sessionRelationship[i] = r
                perRelationship[r] += 1
            }
            let date = sessions[i].date
            if date < known.first || date > known.last {
                let month = date.month
                known = (month.first, month.last, month.ordinal)
            }
            let m = known.month
            sessionMonth[i] = m
            firstMonth = min(firstMonth, m)
            lastMonth = max(lastMonth, m)
        }
        for r in dates.indices where perRelationship[r] > 1 { dates[r].reserveCapacity(perRelationship[r]) }
        for i in sessions.indices where sessionRelationship[i] >= 0 { dates[sessionRelationship[i]].append(sessions[i].date) }
        if sessions.isEmpty { (firstMonth, lastMonth) = (0, -1) }
        var months = [MonthSessions](repeating: MonthSessions(), count: lastMonth - firstMonth + 1)
        let isGroup = members.map { !$0.isEmpty }
        for i in sessions.indices {
            let m = sessionMonth[i] - firstMonth
            let r = sessionRelationship[i]
            // Only a group's sessions have an attendance (asked first: passing the lists costs more).
            let attendance = r >= 0 && isGroup[r] ? MonthSessions.attendance(sessions[i].attendees, members: members[r]) : nil
            months[m].add(minutes: sessions[i].minutes, liveIssue: sessions[i].liveIssue, attendance: attendance)
        }
        return (dates.map { $0.count > 1 ? $0.sorted() : $0 }, months, firstMonth)
    }

    /// The question an answer in a response to survey `s` answers.
    func question(_ s: Int, _ id: String) -> Question? {
        questionLookup[s][id].map { data.surveys[s].questions[$0] }
    }

    /// The responses that count on `asOf`: submitted by then, and of several submissions of one survey
    /// by one person only the latest. In no particular order: users of the list break ties by position.
    func countedResponses(asOf: Day) -> [Int] {
        let starts = submissionStart, responses = submissionResponses, submitted = responseSubmitted
        var result: [Int] = []
        result.reserveCapacity(starts.count - 1)
        for g in 0..<(starts.count - 1) {
            // The group's latest response submitted by as_of.
            var k = starts[g + 1] - 1
            while k >= starts[g] && submitted[responses[k]] > asOf { k -= 1 }
            if k >= starts[g] { result.append(responses[k]) }
        }
        return result
    }

    /// Relationship `i` is active on `day`.
    func isActive(_ i: Int, on day: Day) -> Bool {
        start[i] <= day && (ended[i].map { day <= $0 } ?? true)
    }

    /// The sessions of a month (all zero for a month without any).
    func sessions(in month: Month) -> MonthSessions {
        let i = month.ordinal - firstMonth
        return months.indices.contains(i) ? months[i] : MonthSessions()
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
