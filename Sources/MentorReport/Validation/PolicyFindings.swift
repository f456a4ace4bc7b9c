/// The programme's policy rules (SPEC §2), checked on the relationships active on `asOf`:
/// a mentor paired with their own direct report, a mentor over capacity, a relationship past its
/// planned end with no `ended`. Warnings; errors under `--strict`.
public struct PolicyFindings: Sendable {
    /// A mentor who is the line manager of a mentee in the same relationship: one per (relationship,
    /// mentor, mentee) triple, so a manager mentoring two direct reports in a group is two.
    public struct DirectReportPair: Sendable {
        /// The relationship's position in `ProgrammeData.relationships`.
        public var relationship: Int
        /// The mentor's id.
        public var mentor: String
        /// The id of the mentee who reports to them.
        public var mentee: String
    }

    /// A person leading more active relationships than their capacity.
    public struct OverCapacityMentor: Sendable {
        /// The person's position in `ProgrammeData.people`.
        public var person: Int
        /// The positions of the active relationships they lead.
        public var relationships: [Int]
        /// Their capacity: `mentor_capacity`, else the programme's default.
        public var capacity: Int
    }

    /// The day the rules were checked on.
    public let asOf: Day
    /// Mentors paired with their own direct reports.
    public let directReportPairs: [DirectReportPair]
    /// People leading more relationships active on `asOf` than their capacity: everyone listed as a
    /// relationship's mentor, enrolled or not and with the mentor role or not (SPEC 2026-12), with
    /// `mentor_capacity`, else the programme's default.
    public let overCapacityMentors: [OverCapacityMentor]
    /// Relationships active on `asOf` whose planned end is before it, with no `ended`.
    public let pastPlannedEnd: [Int]
    private let data: ProgrammeData

    /// One list of people positions per relationship, all kept in one array (a relationship lists one
    /// or two people: a list of their own each would be ten thousand small allocations).
    struct PositionLists: Sendable {
        private var starts: [Int] = [0]
        private var positions: [Int] = []

        subscript(i: Int) -> ArraySlice<Int> { positions[starts[i]..<starts[i + 1]] }

        /// Every list, one after another: list i is `flat[range(i)]` (for loops over many lists, where
        /// a slice per list would retain the storage each time).
        var flat: [Int] { positions }
        func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

        /// Adds the next relationship's list.
        mutating func append<S: Sequence>(_ list: S) where S.Element == Int {
            for p in list where !positions[starts[starts.count - 1]...].contains(p) { positions.append(p) }
            starts.append(positions.count)
        }
    }

    /// The people behind relationships, as positions in `data.people`.
    struct Links {
        var mentorsOf = PositionLists()
        var menteesOf = PositionLists()
        var managerOf: [Int?]
        var capacity: [Int]
        var isMentor: [Bool]

        init(_ data: ProgrammeData, personIndex: IdIndex? = nil) {
            let index = personIndex ?? IdIndex(data.people.map(\.id))
            // By position: iterating over the records would copy each whole record. Lists are short:
            // repeats are dropped by looking back rather than with a set.
            for i in data.relationships.indices {
                mentorsOf.append(data.relationships[i].mentors.lazy.compactMap { index[$0.value] })
                menteesOf.append(data.relationships[i].mentees.lazy.compactMap { index[$0.value] })
            }
            managerOf = data.people.indices.map { data.people[$0].manager.flatMap { index[$0.value] } }
            capacity = data.people.indices.map { data.people[$0].mentorCapacity ?? data.program.defaultMentorCapacity }
            isMentor = data.people.indices.map { data.people[$0].isMentor }
        }
    }

    /// Checks the policy rules on `data` as of `asOf`.
    public init(data: ProgrammeData, asOf: Day) {
        self.init(data: data, links: Links(data), asOf: asOf)
    }

    init(data: ProgrammeData, links: Links, asOf: Day) {
        self.data = data
        self.asOf = asOf
        var pairs: [DirectReportPair] = []
        var leads = [Int](repeating: 0, count: data.people.count)
        var past: [Int] = []
        var active: [Int] = []
        for i in data.relationships.indices where data.relationships[i].isActive(on: asOf) {
            active.append(i)
            for mentee in links.menteesOf[i] {
                guard let manager = links.managerOf[mentee], links.mentorsOf[i].contains(manager) else { continue }
                pairs.append(DirectReportPair(relationship: i, mentor: data.people[manager].id, mentee: data.people[mentee].id))
            }
            for mentor in links.mentorsOf[i] { leads[mentor] += 1 }
            if data.relationships[i].ended == nil, let planned = data.relationships[i].plannedEnd, planned < asOf { past.append(i) }
        }
        directReportPairs = pairs
        // Counted first; the relationships are listed only for the mentors over capacity.
        var over = [Int?](repeating: nil, count: data.people.count)
        var mentors: [OverCapacityMentor] = []
        for p in leads.indices where leads[p] > links.capacity[p] {
            over[p] = mentors.count
            mentors.append(OverCapacityMentor(person: p, relationships: [], capacity: links.capacity[p]))
        }
        if !mentors.isEmpty {
            for i in active {
                for mentor in links.mentorsOf[i] { if let m = over[mentor] { mentors[m].relationships.append(i) } }
            }
        }
        overCapacityMentors = mentors
        pastPlannedEnd = past
    }

    func diagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        func warn(_ at: SourceLocation, _ message: String) {
            out.append(Diagnostic(severity: .warning, file: data.files[Int(at.file)], line: Int(at.line),
                                  column: Int(at.column), message: message, fileOrder: Int(at.file)))
        }
        for pair in directReportPairs {
            let r = data.relationships[pair.relationship]
            warn(r.location, "policy: mentor '\(pair.mentor)' is the line manager of mentee '\(pair.mentee)' in relationship '\(r.id)'; structured programmes never pair mentors with their direct reports")
        }
        for m in overCapacityMentors {
            let person = data.people[m.person]
            let ids = m.relationships.map { data.relationships[$0].id }.joined(separator: ", ")
            warn(person.location, "policy: mentor '\(person.id)' leads \(counted(m.relationships.count, "relationship")) active on \(asOf) (\(ids)), more than their capacity of \(m.capacity)")
        }
        for i in pastPlannedEnd {
            let r = data.relationships[i]
            warn(r.location, "policy: relationship '\(r.id)' passed its planned end (\(r.plannedEnd!)) and has no 'ended' date as of \(asOf); expected 'ended' and 'end_reason', or a later planned_end")
        }
        return out
    }
}
