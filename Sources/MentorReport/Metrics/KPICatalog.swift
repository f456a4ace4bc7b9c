/// Every KPI id the report computes for a data set (SPEC §3 catalog), in catalog order: the
/// definitions of `KPIDefinition.all`, each family expanded over its part's values in the data.
public struct KPICatalog {
    /// One KPI of the data set: its id, its definition and its label with the part's name filled in.
    public struct Entry: Sendable {
        /// The KPI's id, its part filled in.
        public let id: String
        /// The definition it comes from.
        public let definition: KPIDefinition
        /// Its label, with the part's readable name filled in.
        public let label: String
    }

    /// Every KPI of the data set, in catalogue order.
    public let entries: [Entry]
    /// The ids of `entries`, in order.
    public var ids: [String] { entries.map(\.id) }
    private let positions: [String: Int]

    /// The catalogue for `data`: each family expanded over the types, cohorts, surveys, roles, competencies and groups it has.
    /// The segments and questions depend on the month (mentees enrolled, surveys open by its last day): with
    /// `period` they are the month's; without, every value any mentee holds and every survey's questions
    /// (the ids a target may name).
    public init(data: ProgrammeData, period: ReportingPeriod? = nil) {
        var entries: [Entry] = []
        let all = KPIDefinition.all
        var i = 0
        while i < all.count {
            // Consecutive definitions over the same part expand part value by part value
            // (satisfaction.mean, satisfaction.top2 and nps for mentees, then for mentors).
            guard let part = all[i].part else {
                entries.append(Entry(id: all[i].pattern, definition: all[i], label: all[i].label))
                i += 1
                continue
            }
            var end = i
            while end < all.count && all[end].part == part { end += 1 }
            for (value, words) in KPICatalog.values(of: part, in: data, asOf: period?.asOf) {
                for definition in all[i..<end] {
                    entries.append(Entry(id: definition.id(value), definition: definition,
                                         label: KPICatalog.label(definition.label, part: part, value: value, words: words)))
                }
            }
            i = end
        }
        self.entries = entries
        positions = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the data set has the KPI `id`.
    public func contains(_ id: String) -> Bool { positions[id] != nil }

    /// The entry of `id`, when the data set has that KPI.
    public func entry(_ id: String) -> Entry? { positions[id].map { entries[$0] } }

    /// True for the KPIs that are rates or shares: fractions from 0 to 1. (ROI and capacity
    /// utilisation are ratios too, but may go beyond 1.)
    public static func isFraction(_ id: String) -> Bool { KPIDefinition.of(id)?.isFraction ?? false }

    /// The values a part takes in the data, with their readable names, in catalogue order.
    static func values(of part: KPIPart, in data: ProgrammeData, asOf: Day?) -> [(value: String, words: String)] {
        switch part {
        case .menteeCohort:
            let names = Dictionary(data.cohorts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return SegmentDimension.cohort.values(in: data, asOf: asOf).map { (segmentId($0), names[$0] ?? $0) }
        case .department: return SegmentDimension.department.values(in: data, asOf: asOf).map { (segmentId($0), $0) }
        case .level: return SegmentDimension.level.values(in: data, asOf: asOf).map { (segmentId($0), $0) }
        case .question:
            return data.surveys.filter { s in asOf.map { s.opens <= $0 } ?? true }.flatMap { s in
                s.questions.filter { $0.scale != .text }.map { ("\(s.id).\($0.id)", "\(s.title): \($0.text)") }
            }
        case .type: return RelationshipType.allCases.map { ($0.rawValue, $0.rawValue) }
        case .cohort: return data.cohorts.map { ($0.id, $0.name) }
        case .survey: return data.surveys.map { ($0.id, $0.title) }
        case .role: return Audience.allCases.map { ($0.rawValue, $0.rawValue) }
        case .competency: return data.competencies.map { ($0.id, $0.name) }
        case .group: return groups(in: data).map { ($0, groupName($0)) }
        }
    }

    /// A definition's label for one part value: `{part}` becomes the value's name; `{Role}` and
    /// `{Roles}` read "Mentee" and "Mentees" (or "Mentor", "Mentors").
    static func label(_ template: String, part: KPIPart, value: String, words: String) -> String {
        if part == .role {
            let singular = value == Audience.mentees.rawValue ? "Mentee" : "Mentor"
            return template.replacingOccurrences(of: "{Roles}", with: singular + "s").replacingOccurrences(of: "{Role}", with: singular)
        }
        return template.replacingOccurrences(of: "{\(part.rawValue)}", with: words)
    }

    /// A self-identified group's readable name, made from its id since the data gives groups no names
    /// (decision 83): `-` and `_` become spaces and the first letter a capital
    /// (`first-generation-graduate` → "First generation graduate"); a word without a vowel is taken
    /// for an initialism and written in capitals (`lgbtq` → "LGBTQ").
    static func groupName(_ id: String) -> String {
        let words = id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { word -> String in
            let w = String(word)
            return w.lowercased().contains(where: { "aeiouy".contains($0) }) ? w : w.uppercased()
        }
        guard let first = words.first else { return id }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// The self-identified groups found in people's `groups`, sorted by name (stable output).
    public static func groups(in data: ProgrammeData) -> [String] {
        var seen = Set<String>()
        // By position, and only where there are groups: `for p in data.people` copies every person.
        for i in data.people.indices where !data.people[i].groups.isEmpty { seen.formUnion(data.people[i].groups) }
        return seen.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
