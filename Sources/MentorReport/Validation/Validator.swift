import Foundation
/// Checks what no single file can: ids unique across files, every reference resolving, answers fitting
/// their questions' scales. Policy findings are `PolicyFindings`' job.
struct Validator {
    let data: ProgrammeData
    /// Check the sessions on a second thread (false: everything on this one, for measuring).
    var concurrent = true
    private(set) var findings: [Diagnostic] = []
    /// People by id, kept for the policy checks that follow.
    private(set) var peopleIndex: IdIndex?

    init(data: ProgrammeData) { self.data = data }

    mutating func error(_ at: SourceLocation, _ message: String, suggesting suggestion: Suggestion? = nil) {
        add(.error, at, message, suggestion)
    }
    mutating func warning(_ at: SourceLocation, _ message: String) { add(.warning, at, message, nil) }

    private mutating func add(_ severity: Diagnostic.Severity, _ at: SourceLocation, _ message: String,
                              _ suggestion: Suggestion?) {
        let file = at.file >= 0 && Int(at.file) < data.files.count ? data.files[Int(at.file)] : "data"
        findings.append(Diagnostic(severity: severity, file: file, line: Int(at.line), column: Int(at.column),
                                   message: message, suggestion: suggestion, fileOrder: Int(at.file)))
    }

    func place(_ at: SourceLocation) -> String {
        let file = Int(at.file) < data.files.count ? data.files[Int(at.file)] : "data"
        return sourcePlace(file: file, line: Int(at.line), column: Int(at.column))
    }

    /// The position of the record `ref` names in `index`; a reference to nothing is reported.
    mutating func known(_ ref: Located<String>?, in index: IdIndex, _ kind: RecordKind) -> Int? {
        guard let ref else { return nil }
        if let i = index[ref.value] { return i }
        undefined(ref, in: index, kind)
        return nil
    }

    /// Reports a reference to a `what` that is not defined, unless loading already reported why it is
    /// missing: the record it names was left out for a bad value, or a file of its collection could
    /// not be read. (One typo in people.yaml must not also claim that every mention of that person,
    /// or of everyone, names nobody.)
    mutating func undefined(_ ref: Located<String>, in index: IdIndex, _ kind: RecordKind) {
        if data.mayBeUnread(kind, ref.value) { return }
        error(ref.location, "\(kind) '\(ref.value)' is not defined",
              suggesting: Suggestion(word: ref.value, among: index))
    }

    /// Indexes ids of one collection, reporting repeats: first use wins.
    mutating func index(_ ids: [(String, SourceLocation)], _ kind: RecordKind) -> IdIndex {
        var index = IdIndex(capacity: ids.count)
        for (i, (id, at)) in ids.enumerated() {
            if let earlier = index[id] {
                error(at, "\(kind) id '\(id)' is already used at \(place(ids[earlier].1)); expected ids unique among \(kind.plural)")
            } else {
                index.insert(id, i)
            }
        }
        return index
    }

    mutating func run() {
        let competencies = index(data.competencies.map { ($0.id, $0.location) }, .competency)
        let cohorts = index(data.cohorts.map { ($0.id, $0.location) }, .cohort)
        let people = index(data.people.map { ($0.id, $0.location) }, .person)
        peopleIndex = people
        let relationships = index(data.relationships.map { ($0.id, $0.location) }, .relationship)
        let surveys = index(data.surveys.map { ($0.id, $0.location) }, .survey)

        checkTargets()
        checkQuestionIds()
        var emails = IdIndex(capacity: data.people.count)
        var nameAndManager: [String: Int] = [:]
        var groupsSeen = Set<String>()
        for (p, person) in data.people.enumerated() {
            if let manager = person.manager {
                if manager.value == person.id {
                    error(manager.location, "person '\(person.id)' is their own manager; expected the id of their line manager")
                } else {
                    _ = known(manager, in: people, .person)
                }
            }
            _ = known(person.cohort, in: cohorts, .cohort)
            if let given = person.email {
                let email = given.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) ? given.lowercased() : given
                if let earlier = emails[email] {
                    warning(person.location, "email '\(email)' of person '\(person.id)' is also used at \(place(data.people[earlier].location)); survey imports cannot tell them apart")
                } else {
                    emails.insert(email, p)
                }
            }
            if let manager = person.manager?.value {
                let key = person.name + "\u{0}" + manager
                if let earlier = nameAndManager[key] {
                    warning(person.location, "person '\(person.id)' has the same name and manager ('\(manager)') as person '\(data.people[earlier].id)' at \(place(data.people[earlier].location)); is one a duplicate of the other?")
                } else {
                    nameAndManager[key] = p
                }
            }
            if person.mentorCapacity != nil && !person.isMentor {
                warning(person.location, "person '\(person.id)' has a mentor_capacity but no mentor role; it is ignored")
            }
            if person.isMentee && !person.groups.isEmpty { groupsSeen.formUnion(person.groups) }
        }
        checkSegmentValues()
        // Only when every person was read: a person left out may be the group's only mentee.
        for share in data.program.benchmarks.workforceShare where data.readWhole(.person) && !groupsSeen.contains(share.group) {
            warning(share.location,
                    "benchmarks.workforce_share names group '\(share.group)', which no mentee belongs to")
        }

        for r in data.relationships {
            checkMembers(r, people: people, cohorts: cohorts)
            var goalIds: [(id: String, location: SourceLocation)] = []
            for goal in r.goals {
                if let earlier = goalIds.first(where: { $0.id == goal.id })?.location {
                    error(goal.location, "goal id '\(goal.id)' is already used in relationship '\(r.id)' at \(place(earlier)); expected goal ids unique within a relationship")
                } else {
                    goalIds.append((goal.id, goal.location))
                }
                _ = known(goal.competency, in: competencies, .competency)
                if goal.status != .achieved, goal.achieved != nil {
                    warning(goal.location, "goal '\(goal.id)' of relationship '\(r.id)' has an 'achieved' date but status \(goal.status.rawValue); the date is ignored")
                }
            }
            if r.endReason != nil && r.ended == nil {
                warning(r.location, "relationship '\(r.id)' has an end_reason but no 'ended' date; it counts as not ended")
            }
        }

        // The sessions (most of the records) are checked on a thread of their own meanwhile; their
        // findings take their place between the relationships' and the surveys', as in one pass.
        let data = self.data
        let sessionChecks = BackgroundJob(concurrent: concurrent) { [relationships] in
            var v = Validator(data: data)
            v.checkSessions(relationships: relationships, people: people)
            return v.findings
        }
        let before = findings
        findings = []
        for survey in data.surveys {
            _ = known(survey.cohort, in: cohorts, .cohort)
            var questionIds: [String: SourceLocation] = [:]
            for q in survey.questions {
                if let earlier = questionIds[q.id] {
                    error(q.location, "question id '\(q.id)' is already used in survey '\(survey.id)' at \(place(earlier)); expected question ids unique within a survey")
                } else {
                    questionIds[q.id] = q.location
                }
                _ = known(q.competency, in: competencies, .competency)
            }
            if survey.questions.isEmpty {
                warning(survey.location, "survey '\(survey.id)' has no questions")
            }
        }

        let questions = data.surveys.map { IdIndex($0.questions.map(\.id)) }
        for response in data.responses {
            let p = known(response.respondent, in: people, .person)
            guard let s = known(response.survey, in: surveys, .survey) else { continue }
            let survey = data.surveys[s]
            if let p {
                let fits = survey.audience == .mentees ? data.people[p].isMentee : data.people[p].isMentor
                if !fits {
                    warning(response.respondent.location, "respondent '\(data.people[p].id)' is not a \(survey.audience == .mentees ? "mentee" : "mentor"), but survey '\(survey.id)' asks \(survey.audience.rawValue)")
                }
            }
            if response.submitted < survey.opens {
                warning(response.location, "response to survey '\(survey.id)' was submitted (\(response.submitted)) before the survey opens (\(survey.opens))")
            }
            for answer in response.answers {
                guard let qi = questions[s][answer.question] else {
                    if data.mayBeUnread(.question(ofSurvey: survey.id), answer.question) { continue }
                    let ids = survey.questions.map(\.id)
                    error(answer.location, "question '\(answer.question)' is not in survey '\(survey.id)'",
                          suggesting: Suggestion(word: answer.question, candidates: ids,
                                                 otherwise: "; expected \(oneOf(ids, none: "no answers (the survey has no questions)"))"))
                    continue
                }
                let q = survey.questions[qi]
                guard let range = q.scale.range else { continue }
                switch answer.value {
                case .number(let n) where range.contains(n):
                    break
                case .number(let n):
                    error(answer.location, "answer \(n) to question '\(q.id)' is out of range; expected a whole number from \(range.lowerBound) to \(range.upperBound) (\(q.scale.rawValue))")
                case .text(let t):
                    error(answer.location, "answer '\(clip(t))' to question '\(q.id)' is \(YAMLReader.notANumber(t)); expected a whole number from \(range.lowerBound) to \(range.upperBound) (\(q.scale.rawValue))")
                }
            }
        }

        for outcome in data.outcomes {
            _ = known(outcome.person, in: people, .person)
        }
        findings = before + sessionChecks.wait() + findings
    }

    /// Each session's relationship and attendees resolve; the session falls within its relationship.
    private mutating func checkSessions(relationships: IdIndex, people: IdIndex) {
        // The first session of each (relationship, day), to tell a copied record from a second meeting.
        var firstOfDay: [Int64: Int] = [:]
        firstOfDay.reserveCapacity(data.sessions.count)
        // The latest session (the first of them in reading order) and the latest of all the others.
        var latest: Int?, runnerUp: Int?
        // By position, not `for s in`: copying 100,000 records costs more than checking them.
        for k in data.sessions.indices {
            let date = data.sessions[k].date
            if let l = latest, date <= data.sessions[l].date {
                if runnerUp.map({ date > data.sessions[$0].date }) ?? true { runnerUp = k }
            } else {
                runnerUp = latest
                latest = k
            }
            guard let i = known(data.sessions[k].relationship, in: relationships, .relationship) else {
                for a in data.sessions[k].attendees ?? [] { _ = known(a, in: people, .person) }
                continue
            }
            let day = Int64(i) << 32 | Int64(UInt32(bitPattern: date.daysSinceEpoch))
            if let j = firstOfDay[day] {
                checkSameDay(k, earlier: j, relationship: data.relationships[i].id)
            } else {
                firstOfDay[day] = k
            }
            // At the session's date: the date, or the relationship's, is what is wrong. After the end is an
            // error: a pair that ended cannot meet, and the session would count in a month it has no part in.
            let r = data.relationships[i]
            if date < r.start {
                warning(data.sessions[k].dateLocation, "session of relationship '\(r.id)' on \(date) is before the relationship starts (\(r.start), at \(place(r.location)))")
            } else if let ended = r.ended, date > ended {
                error(data.sessions[k].dateLocation, "session of relationship '\(r.id)' on \(date) is after the relationship ended (\(ended), at \(place(r.location))); expected a date on or before its end: check the session's date and the relationship's 'ended'")
            }
            guard let attendees = data.sessions[k].attendees else { continue }
            var listed: [Int] = []
            for a in attendees {
                guard let p = known(a, in: people, .person) else { continue }
                if listed.contains(p) {
                    error(a.location, "attendee '\(a.value)' is listed twice; expected each attendee once")
                } else {
                    listed.append(p)
                }
            }
        }
        if let latest, let runnerUp { checkLatestSession(latest, runnerUp: runnerUp) }
    }

    /// How many days the latest session may follow all the others before it is called an outlier.
    static let outlierDays = 45

    /// The latest sessions, when they come more than `outlierDays` after every earlier one, alone pick
    /// the default reporting month: a mistyped year is the likely cause (decision 72). One session
    /// (`runnerUp`, the latest of the others, is then more than `outlierDays` before it), or a group
    /// of them spanning at most `outlierDays` (a whole month typed with the wrong year) after such a
    /// gap. A group spanning longer is a programme that resumed after a break, not a typo.
    private mutating func checkLatestSession(_ k: Int, runnerUp j: Int) {
        let date = data.sessions[k].date, other = data.sessions[j].date
        let gap = date.days(since: other)
        if gap > Validator.outlierDays {
            warning(data.sessions[k].dateLocation, "session of relationship '\(data.sessions[k].relationship.value)' on \(date) is \(counted(gap, "day")) after every other session (the latest of them is on \(other), at \(place(data.sessions[j].dateLocation))): it alone makes \(date.month) the default reporting month; check its date")
            return
        }
        // A group: the session days of the last 2 × outlierDays + 1 days, by their distance from the latest.
        let window = 2 * Validator.outlierDays + 1
        var first = [Int](repeating: -1, count: window), count = [Int](repeating: 0, count: window)
        var before: Int?
        for s in data.sessions.indices {
            let back = date.days(since: data.sessions[s].date)
            if back < window {
                if first[back] < 0 { first[back] = s }
                count[back] += 1
            } else if before.map({ data.sessions[s].date > data.sessions[$0].date }) ?? true {
                before = s
            }
        }
        // Walk back from the latest day: the group ends where no session falls within outlierDays.
        var earliest = 0
        var earlier: Int? = before
        for back in 1..<window where first[back] >= 0 {
            if back - earliest > Validator.outlierDays { earlier = first[back]; break }
            earliest = back
            if earliest > Validator.outlierDays { return }
        }
        guard let earlier else { return }
        let start = data.sessions[first[earliest]].date
        let sessions = count[0...earliest].reduce(0, +)
        let gapBefore = start.days(since: data.sessions[earlier].date)
        warning(data.sessions[first[earliest]].dateLocation, "the \(sessions) sessions from \(start) to \(date) are \(counted(gapBefore, "day")) or more after every earlier session (the latest of them is on \(data.sessions[earlier].date), at \(place(data.sessions[earlier].dateLocation))): they alone make \(date.month) the default reporting month; check their dates (a mistyped year?)")
    }

    /// Session `k` falls on the same day of the same relationship as the earlier session `j`: equal in
    /// every field it is a duplicate (an error: a copied file must not double the month), otherwise a
    /// second meeting that day, which is worth a look (a warning).
    private mutating func checkSameDay(_ k: Int, earlier j: Int, relationship: String) {
        var a = data.sessions[j], b = data.sessions[k]
        // The finding goes on the later record, unless only the earlier one's file is named like a
        // copy ("2026-10 (copy).yaml" is read before "2026-10.yaml"): then on the copy.
        func looksCopied(_ location: SourceLocation) -> Bool {
            Int(location.file) < data.files.count
                && DataFolder.copyMarker((data.files[Int(location.file)] as NSString).lastPathComponent) != nil
        }
        if looksCopied(a.location) && !looksCopied(b.location) { swap(&a, &b) }
        if a.minutes == b.minutes, a.format == b.format, a.liveIssue == b.liveIssue,
           a.attendees?.map(\.value) == b.attendees?.map(\.value) {
            error(b.location, "duplicate of the session at \(place(a.location)) (the same relationship '\(relationship)', date, minutes, format, attendees and live_issue); expected each session once: a copied file would count the month twice")
        } else {
            warning(b.location, "a second session of relationship '\(relationship)' on \(b.date); the other is at \(place(a.location)): check that one is not a corrected copy of the other")
        }
    }

    /// Mentors and mentees resolve to people of the right role; nobody is listed twice.
    private mutating func checkMembers(_ r: Relationship, people: IdIndex, cohorts: IdIndex) {
        // Relationships list few people: a short array beats a dictionary here.
        var listed: [(person: Int, role: String)] = []
        for (list, role) in [(r.mentors, "mentor"), (r.mentees, "mentee")] {
            for member in list {
                guard let i = people[member.value] else {
                    undefined(member, in: people, .person)
                    continue
                }
                if (role == "mentor" && !data.people[i].isMentor) || (role == "mentee" && !data.people[i].isMentee) {
                    error(member.location, "person '\(member.value)' is listed as a \(role) of relationship '\(r.id)' but does not have the role \(role); expected a person with roles: [\(role)]")
                }
                if let earlier = listed.first(where: { $0.person == i })?.role {
                    error(member.location, earlier == role
                          ? "person '\(member.value)' is listed twice as a \(role) of relationship '\(r.id)'; expected each person once"
                          : "person '\(member.value)' is both a mentor and a mentee of relationship '\(r.id)'; expected one role per relationship")
                } else {
                    listed.append((i, role))
                }
            }
        }
        if r.type == .oneToOne && (r.mentors.count != 1 || r.mentees.count != 1) {
            warning(r.location, "one-to-one relationship '\(r.id)' has \(counted(r.mentors.count, "mentor")) and \(counted(r.mentees.count, "mentee")); expected one of each")
        }
        _ = known(r.cohort, in: cohorts, .cohort)
    }

    /// Question KPIs are named `question.S.Q` (SPEC 2026-12); ids may hold dots, so survey `a.b`'s question
    /// `c` and survey `a`'s question `b.c` would share their KPIs. An error at the later question.
    private mutating func checkQuestionIds() {
        var seen: [String: (survey: String, question: String, location: SourceLocation)] = [:]
        for survey in data.surveys {
            for q in survey.questions where q.scale != .text {
                let key = survey.id + "." + q.id
                if let earlier = seen[key] {
                    if earlier.survey != survey.id {
                        error(q.location, "question '\(q.id)' of survey '\(survey.id)' and question '\(earlier.question)' of survey '\(earlier.survey)' at \(place(earlier.location)) would both have the KPIs 'question.\(key).*'; expected survey and question ids that do not run into each other (use '-' rather than '.')")
                    }
                } else {
                    seen[key] = (survey.id, q.id, q.location)
                }
            }
        }
    }

    /// Segment values (SPEC 2026-12) are written in KPI ids as ids: two mentees' different values that
    /// would be written alike (`Senior manager`, `senior-manager`) would merge two segments' KPIs. An error
    /// at the second value in reading order, naming the first. Mentees of any enrolment date: a later month
    /// would meet the collision.
    private mutating func checkSegmentValues() {
        let suffixes = KPIDefinition.segments.filter { $0.part == .department }.map { d in
            String(d.pattern.dropFirst("segment.department.{department}".count))
        }
        for dimension in SegmentDimension.allCases {
            var first: [String: (value: String, location: SourceLocation?)] = [:]
            // Every KPI id of the values met so far → the value's id: a value such as `a.satisfaction.mean`
            // would give value `a`'s satisfaction id to its own count.
            var kpiIds: [String: String] = [:]
            for p in data.people.indices where data.people[p].isMentee {
                guard let v = dimension.value(of: data.people[p]) else { continue }
                let id = segmentId(v.value)
                guard let earlier = first[id] else {
                    first[id] = v
                    for suffix in suffixes {
                        let kpi = "segment.\(dimension.rawValue).\(id)\(suffix)"
                        if let other = kpiIds[kpi], let o = first[other] {
                            let there = o.location.map { " at \(place($0))" } ?? ""
                            error(v.location ?? data.people[p].location, "\(dimension.rawValue) '\(v.value)' of person '\(data.people[p].id)' would give the KPI id '\(kpi)', which is also one of \(dimension.rawValue) '\(o.value)'\(there); expected \(dimension.rawValue) values that do not end like a KPI's name")
                            break
                        }
                        kpiIds[kpi] = id
                    }
                    continue
                }
                guard earlier.value != v.value else { continue }
                let at = v.location ?? data.people[p].location
                let there = earlier.location.map { " at \(place($0))" } ?? ""
                error(at, "\(dimension.rawValue) '\(v.value)' of person '\(data.people[p].id)' and \(dimension.rawValue) '\(earlier.value)'\(there) are both written '\(id)' in KPI ids; expected \(dimension.rawValue) values that differ in more than case and punctuation (write one of them like the other)")
            }
        }
    }

    /// Each target and headline KPI names a KPI of the catalog (SPEC 2026-12: `unknown KPI 'health.at-risk' — did you
    /// mean 'health.at_risk'?`).
    private mutating func checkTargets() {
        let catalog = KPICatalog(data: data)
        for target in data.program.targets {
            guard catalog.contains(target.kpi) else {
                // The catalogue names surveys, cohorts, competencies and groups: with records left out
                // it is incomplete, and a target of a left-out one would be reported as naming nothing.
                if data.readWhole {
                    error(target.location, "unknown KPI '\(target.kpi)'",
                          suggesting: Suggestion(word: target.kpi, candidates: catalog.ids,
                                                 otherwise: "; expected a KPI id of the catalog, such as match.rate"))
                }
                continue
            }
            // A rate's target written as a percentage (90 for 90%) could never be met, or always be.
            if KPICatalog.isFraction(target.kpi) && !(0...1).contains(target.value) {
                warning(target.location, "target \(formatNumber(target.value)) for '\(target.kpi)' is outside 0 to 1, but the KPI is a rate; expected a fraction (90% is 0.9)")
            }
        }
        // headline_kpis (SPEC 2026-12): the same check and message as a target's.
        for kpi in data.program.headlineKPIs where !catalog.contains(kpi.value) && data.readWhole {
            error(kpi.location, "unknown KPI '\(kpi.value)'",
                  suggesting: Suggestion(word: kpi.value, candidates: catalog.ids,
                                         otherwise: "; expected a KPI id of the catalog, such as match.rate"))
        }
    }
}

/// Checks a loaded data folder: cross-references, then policy findings as of `period`'s last day.
/// `concurrent` false keeps every check on the calling thread (for single-thread measurements).
public func validate(_ loaded: LoadResult, period: ReportingPeriod? = nil, strict: Bool = false,
                     concurrent: Bool = true) -> Diagnostics {
    var diagnostics = loaded.diagnostics
    var validator = Validator(data: loaded.data)
    validator.concurrent = concurrent
    validator.run()
    diagnostics.append(contentsOf: validator.findings)
    // Findings about the month that would be written: only when it can be (decision 70).
    if !diagnostics.hasErrors {
        let reporting = period ?? ReportingPeriod.default(for: loaded.data)
        let links = PolicyFindings.Links(loaded.data, personIndex: validator.peopleIndex)
        diagnostics.append(contentsOf: PolicyFindings(data: loaded.data, links: links, asOf: reporting.asOf).diagnostics())
        if let partial = PartialMonth(reporting, in: loaded.data) {
            let at = partial.latestSessionLocation
            diagnostics.append(Diagnostic(severity: .warning, file: loaded.data.files[Int(at.file)], line: Int(at.line),
                                          column: Int(at.column), message: partial.message(), fileOrder: Int(at.file)))
        }
    }
    if strict { diagnostics.promoteWarnings() }
    diagnostics.sort()
    return diagnostics
}
