/// The SPEC §3 section a KPI belongs to; each has its own file of definitions and rules.
public enum KPISection: String, CaseIterable, Sendable {
    case participation = "Participation and matching"
    case engagement = "Engagement"
    case reaction = "Reaction"
    case learning = "Learning"
    case results = "Behaviour and results"
    case inclusion = "Inclusion"
    case teamEngagement = "Team engagement"
    case segments = "Segments"
    case questions = "Survey questions"
    case policy = "Policy and data quality"
}

/// Which way is good for a KPI: a target is a floor when higher is better, a ceiling when lower is.
public enum KPIDirection: String, Sendable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
}

/// What a family's id part ranges over (`surveys.response_rate.{survey}`), and how the part reads in labels.
public enum KPIPart: String, CaseIterable, Sendable {
    case type, cohort, survey, role, competency, group
    /// Segments (SPEC 2026-12): the cohorts, departments and levels held by enrolled mentees.
    case menteeCohort = "mentee-cohort"
    case department, level
    /// A likert5 or nps question of an open survey, written `survey.question`.
    case question
}

/// One KPI, or one family of KPIs sharing a rule, as the catalogue declares it: everything the
/// report, the pages and the docs say about it comes from here.
public struct KPIDefinition: Sendable {
    /// The id, or the family's id with its part in braces: `competency.{competency}.effect_size`.
    public let pattern: String
    /// What the family is called in a glossary ("Survey response rate"); for a single KPI, its label.
    public let name: String
    /// The label of each KPI on the pages and in exports; `{part}` is replaced by the part's readable
    /// name (a cohort's or competency's name, a survey's title; `{Role}`/`{Roles}` read
    /// "Mentee"/"Mentees" or "Mentor"/"Mentors").
    public let label: String
    /// What its values are measured in.
    public let unit: KPIUnit
    /// Whether a target is a floor or a ceiling.
    public let direction: KPIDirection
    /// A rate or share: a fraction from 0 to 1 (a target outside that range is a warning).
    public let isFraction: Bool
    /// The place of its 12-month trend series in SPEC §3's "Trends" list (and report.xml's order), if
    /// it has one; a family's trend is for one part value only (`trendPart`).
    public let trendOrder: Int?
    /// For a family with a trend: the part value whose series is kept.
    public let trendPart: String?
    /// The SPEC §3 section it belongs to.
    public let section: KPISection
    /// One sentence: what the number is, exactly.
    public let definition: String

    init(_ pattern: String, _ label: String, name: String? = nil, unit: KPIUnit, lowerIsBetter: Bool = false,
         fraction: Bool = false, trend: Int? = nil, trendPart: String? = nil, section: KPISection, _ definition: String) {
        self.pattern = pattern
        self.label = label
        self.name = name ?? label
        self.unit = unit
        self.direction = lowerIsBetter ? .lowerIsBetter : .higherIsBetter
        self.isFraction = fraction
        self.trendOrder = trend
        self.trendPart = trendPart
        self.section = section
        self.definition = definition
    }

    /// The family's part, when the pattern has one.
    public var part: KPIPart? {
        guard let open = pattern.firstIndex(of: "{"), let close = pattern.firstIndex(of: "}") else { return nil }
        return KPIPart(rawValue: String(pattern[pattern.index(after: open)..<close]))
    }

    /// The glossary anchor and report.xml `term` of the family: the pattern without braces.
    public var key: String { pattern.filter { $0 != "{" && $0 != "}" } }

    /// The id for one value of the part (`surveys.response_rate.pulse`).
    func id(_ value: String) -> String {
        guard let part else { return pattern }
        return pattern.replacingOccurrences(of: "{\(part.rawValue)}", with: value)
    }

    /// Whether `id` is this KPI or one of this family's.
    func matches(_ id: String) -> Bool {
        guard let part else { return id == pattern }
        let token = "{\(part.rawValue)}"
        guard let range = pattern.range(of: token) else { return false }
        let prefix = pattern[..<range.lowerBound], suffix = pattern[range.upperBound...]
        return id.count > prefix.count + suffix.count && id.hasPrefix(prefix) && id.hasSuffix(suffix)
    }
}

extension KPIDefinition {
    /// The whole catalogue, in SPEC order: each section's definitions, declared in its file.
    public static let all: [KPIDefinition] = participation + engagement + reaction + learning + results + inclusion
        + teamEngagement + segments + questions + policy

    /// The definition of `id`: the KPI's own or its family's. Where two families match (the segment
    /// `segment.level.a.satisfaction.mean.mentees` also ends like `segment.level.{level}.mentees`), the one
    /// with the longer fixed text, which leaves the shorter part value, is meant.
    public static func of(_ id: String) -> KPIDefinition? {
        if let exact = byPattern[id] { return exact }
        var best: KPIDefinition?
        for d in all where d.part != nil && d.matches(id) {
            if best.map({ d.pattern.count > $0.pattern.count }) ?? true { best = d }
        }
        return best
    }

    private static let byPattern: [String: KPIDefinition] = Dictionary(
        all.filter { $0.part == nil }.map { ($0.pattern, $0) }, uniquingKeysWith: { first, _ in first })

    /// The ids with a 12-month trend series, in SPEC §3's order.
    public static let trendIds: [String] = all.compactMap { d in d.trendOrder.map { ($0, d.id(d.trendPart ?? "")) } }
        .sorted { $0.0 < $1.0 }.map(\.1)
}

extension KPIDefinition {
    /// `docs/kpis.md`: the catalogue as a document, section by section (a test keeps the file in step).
    static func catalogueMarkdown() -> String {
        var lines = [
            "# KPI catalogue",
            "",
            "Generated from the KPI catalogue (`Sources/MentorReport/Metrics/Sections/*KPIs.swift`); do not edit by hand:",
            "`MENTOR_REPORT_WRITE_DOCS=1 swift test --filter KPICatalogueTests` writes it anew. `{part}` in an id stands for",
            "each value of the part in the data (a relationship type, cohort, survey, role, competency or group; for segments, a",
            "cohort, department or level held by an enrolled mentee; for questions, a survey's id and a question's id joined by a dot).",
            "\"Better\" says which way meets a target: a target is a floor when higher is better, a ceiling when lower is.",
        ]
        for section in KPISection.allCases {
            lines += ["", "## \(section.rawValue)", "", "| id | label | unit | better | definition |", "|---|---|---|---|---|"]
            for d in all where d.section == section {
                var notes: [String] = []
                if d.isFraction { notes.append("a fraction from 0 to 1") }
                if d.trendOrder != nil { notes.append("12-month trend" + (d.trendPart.map { " for \($0)" } ?? "")) }
                let definition = d.definition + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
                lines.append("| `\(d.pattern)` | \(d.label) | \(d.unit.rawValue) | \(d.direction.rawValue) | \(definition) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
