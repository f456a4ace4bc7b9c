/// The programme's policy rules (SPEC §2), checked on the relationships active on `asOf`:
/// a mentor paired with their own direct report, a mentor over capacity, a relationship past its
/// planned end with no `ended`. Warnings; errors under `--strict`.
public struct PolicyFindings: Sendable {
    public let data: ProgrammeData
    public let asOf: Day

    public init(data: ProgrammeData, asOf: Day) {
        self.data = data
        self.asOf = asOf
    }

    /// A mentor who is the line manager of a mentee in the same relationship.
    public struct DirectReportPair: Sendable {
        public var relationship: Int
        public var mentor: String
        public var mentee: String
    }

    public struct OverCapacityMentor: Sendable {
        public var person: Int
        public var relationships: [Int]
        public var capacity: Int
    }

    public var directReportPairs: [DirectReportPair] {
        let managerOf = Dictionary(data.people.map { ($0.id, $0.manager?.value) }, uniquingKeysWith: { a, _ in a })
        var pairs: [DirectReportPair] = []
        for (i, r) in data.relationships.enumerated() where r.isActive(on: asOf) {
            for mentee in r.mentees {
                guard let manager = managerOf[mentee.value] ?? nil else { continue }
                for mentor in r.mentors where mentor.value == manager {
                    pairs.append(DirectReportPair(relationship: i, mentor: mentor.value, mentee: mentee.value))
                }
            }
        }
        return pairs
    }

    /// Mentors leading more relationships active on `asOf` than their capacity.
    public var overCapacityMentors: [OverCapacityMentor] {
        var led: [String: [Int]] = [:]
        for (i, r) in data.relationships.enumerated() where r.isActive(on: asOf) {
            for mentor in Set(r.mentors.map(\.value)) { led[mentor, default: []].append(i) }
        }
        var result: [OverCapacityMentor] = []
        for (i, person) in data.people.enumerated() where person.isMentor {
            let capacity = person.mentorCapacity ?? data.program.defaultMentorCapacity
            if let list = led[person.id], list.count > capacity {
                result.append(OverCapacityMentor(person: i, relationships: list, capacity: capacity))
            }
        }
        return result
    }

    /// Relationships active on `asOf` whose planned end is before it.
    public var pastPlannedEnd: [Int] {
        data.relationships.indices.filter { i in
            let r = data.relationships[i]
            return r.isActive(on: asOf) && r.ended == nil && (r.plannedEnd.map { $0 < asOf } ?? false)
        }
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
            warn(person.location, "policy: mentor '\(person.id)' leads \(m.relationships.count) relationships active on \(asOf) (\(ids)), more than their capacity of \(m.capacity)")
        }
        for i in pastPlannedEnd {
            let r = data.relationships[i]
            warn(r.location, "policy: relationship '\(r.id)' passed its planned end (\(r.plannedEnd!)) and has no 'ended' date as of \(asOf); expected 'ended' and 'end_reason', or a later planned_end")
        }
        return out
    }
}
