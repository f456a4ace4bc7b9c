/// SPEC §3 "Segments" (2026-12): the programme's KPIs compared across the cohorts, departments and
/// levels of enrolled mentees, each by the whole programme's rule restricted to the segment.
extension KPIDefinition {
    static let segments: [KPIDefinition] = SegmentDimension.allCases.flatMap(segmentFamily)

    private static func segmentFamily(_ d: SegmentDimension) -> [KPIDefinition] {
        let part = "{\(d.part.rawValue)}", of = d.rawValue
        return SegmentMeasure.all.map { m in
            KPIDefinition("segment.\(of).\(part).\(m.kpi)", "\(part): \(m.label)", name: "By \(of): \(m.label)", unit: m.unit,
                          fraction: m.fraction, section: .segments, m.definition(of))
        }
    }
}

/// One of the seven KPIs every segment has (SPEC 2026-12 "Segments"), in SPEC order: the one source of
/// the segment KPIs' labels and definitions, for the catalogue (per dimension) and for the Compare page
/// (for any segment).
struct SegmentMeasure: Sendable {
    /// The KPI's name after `segment.D.v.`.
    let kpi: String
    /// Its label after the value's name ("Autumn 2025: mentees matched").
    let label: String
    let unit: KPIUnit
    let fraction: Bool
    /// The whole programme's KPI of the same definition over all enrolled mentees, drawn as the
    /// reference line of the Compare page's chart; nil for `mentees` (a part's count has no whole to
    /// compare with).
    let programme: String?
    /// The definition, for segments called `of` ("cohort", or "segment" for any).
    let definition: @Sendable (String) -> String

    /// Its name in the Compare page's glossary: the label with a capital ("Mentees matched").
    var name: String { label.prefix(1).uppercased() + label.dropFirst() }
    /// Its glossary key on the Compare page, which explains each segment KPI once for every dimension.
    var key: String { "segment." + kpi }

    static let all: [SegmentMeasure] = [
        SegmentMeasure(kpi: "mentees", label: "mentees", unit: .count, fraction: false, programme: nil) { of in
            "Enrolled mentees of the \(of); all KPIs of a \(of) with fewer mentees than the privacy threshold are withheld (and of the next-smallest when only one is)." },
        SegmentMeasure(kpi: "match.rate", label: "mentees matched", unit: .ratio, fraction: true, programme: "match.rate") { of in
            "Share of the \(of)'s enrolled mentees who are mentees of a relationship that has started by the last day of the month." },
        SegmentMeasure(kpi: "cadence.adherence", label: "cadence adherence", unit: .ratio, fraction: true, programme: "cadence.adherence") { of in
            "Cadence adherence of the relationships with a mentee of the \(of), active on the last day of the month." },
        SegmentMeasure(kpi: "goals.achievement_rate", label: "goals achieved so far", unit: .ratio, fraction: true, programme: "goals.achievement_rate") { of in
            "Goals of the relationships with a mentee of the \(of) achieved by the last day of the month, divided by their goals set by then." },
        SegmentMeasure(kpi: "satisfaction.mean.mentees", label: "mentee satisfaction (1–5)", unit: .likert, fraction: false,
                       programme: "satisfaction.mean.mentees") { of in
            "Mean of the counted answers to satisfaction questions of mentee surveys given by the \(of)'s enrolled mentees." },
        SegmentMeasure(kpi: "outcomes.promotion_rate_12m", label: "mentees promoted in 12 months", unit: .ratio, fraction: true,
                       programme: "outcomes.promotion_rate_12m") { of in
            "Share of the \(of)'s enrolled mentees promoted in the 365 days up to the last day of the month." },
        SegmentMeasure(kpi: "outcomes.retention_rate_12m", label: "mentees retained over 12 months", unit: .ratio, fraction: true,
                       programme: "outcomes.retention_rate_12m") { of in
            "The 12-month retention rate over the \(of)'s enrolled mentees." },
    ]
}

/// A dimension the programme is compared across (SPEC 2026-12 "Segments").
enum SegmentDimension: String, CaseIterable {
    case cohort, department, level

    /// The catalogue part its values fill in.
    var part: KPIPart {
        switch self {
        case .cohort: return .menteeCohort
        case .department: return .department
        case .level: return .level
        }
    }

    /// The person's value in this dimension, with where it was read; nil when absent or empty.
    func value(of person: Person) -> (value: String, location: SourceLocation?)? {
        let found: (String?, SourceLocation?)
        switch self {
        case .cohort: found = (person.cohort?.value, person.cohort?.location)
        case .department: found = (person.department, person.departmentLocation)
        case .level: found = (person.level, person.levelLocation)
        }
        guard let value = found.0, !value.isEmpty else { return nil }
        return (value, found.1)
    }

    /// The values held by mentees enrolled by `asOf` (by any mentee without it), in name order: by the
    /// value's text, byte by byte (a cohort's value is its id).
    func values(in data: ProgrammeData, asOf: Day?) -> [String] {
        var seen = Set<String>()
        for i in data.people.indices where data.people[i].isMentee && (asOf.map { data.people[i].enrolled <= $0 } ?? true) {
            if let v = value(of: data.people[i]) { seen.insert(v.value) }
        }
        return seen.sorted(by: nameOrder)
    }
}

/// Name order: by UTF-8 bytes, so that the order is the same everywhere (no locale).
func nameOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

/// A segment value as written in KPI ids: as is when it is an id, else lower-cased with each run of
/// other characters replaced by `-` (`Senior manager` → `senior-manager`).
func segmentId(_ value: String) -> String {
    if value.utf8.first.map(isIdStart) == true && value.utf8.allSatisfy(isIdByte) { return value }
    var out: [UInt8] = []
    var inRun = false
    for c in value.lowercased().unicodeScalars {
        if c.isASCII && isIdByte(UInt8(c.value)) {
            out.append(UInt8(c.value))
            inRun = false
        } else if !inRun {
            out.append(UInt8(ascii: "-"))
            inRun = true
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func isIdStart(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
}
private func isIdByte(_ b: UInt8) -> Bool { isIdStart(b) || b == 0x2E || b == 0x5F || b == 0x2D }

extension KPICalculator {
    /// segment.D.v.*: per dimension, the enrolled mentees are grouped once; each relationship, goal and
    /// counted response is added to the segments of its mentees (a relationship with mentees in two
    /// segments counts in both, once in each).
    /// With `cadenceOnly` (a cohort page's trend month) only `segment.D.v.mentees` and
    /// `segment.D.v.cadence.adherence` are computed and returned, with the same suppression.
    func segments(health: [HealthAssessment], dimensions: [SegmentDimension] = SegmentDimension.allCases,
                  cadenceOnly: Bool = false) -> [KPIValue] {
        // Facts of each enrolled mentee, worked out once for the three dimensions.
        let windowStart = asOf.adding(days: -364)
        var out: [KPIValue] = []
        // Goals of each relationship set and achieved by as_of; satisfaction of each respondent.
        // Bound once: each `data` or `index` access in a loop would retain the whole index.
        let relationships = data.relationships, people = data.people, surveys = data.surveys
        let menteesOf = index.links.menteesOf, mentees = menteesOf.flat, firstStart = index.firstStartAsMentee
        let promotions = index.promotions, departures = index.departures
        var goalsSet = [Int](repeating: 0, count: relationships.count)
        var goalsAchieved = [Int](repeating: 0, count: relationships.count)
        for i in relationships.indices where !cadenceOnly {
            // By position: copying a goal would copy its title.
            for g in relationships[i].goals.indices {
                if relationships[i].goals[g].set <= asOf { goalsSet[i] += 1 }
                if relationships[i].goals[g].status == .achieved, let day = relationships[i].goals[g].achieved,
                   day <= asOf { goalsAchieved[i] += 1 }
            }
        }
        var satAnswers = [Int](repeating: 0, count: people.count)
        var satSum = [Int](repeating: 0, count: people.count)
        let responseSurvey = index.responseSurvey, responseRespondent = index.responseRespondent, tallies = index.answerTallies
        for r in responses where !cadenceOnly {
            guard let s = responseSurvey[r], let p = responseRespondent[r], surveys[s].audience == .mentees else { continue }
            satAnswers[p] += tallies[r].satisfactionAnswers
            satSum[p] += tallies[r].satisfactionSum
        }
        var statusOf = [HealthStatus?](repeating: nil, count: relationships.count)
        for h in health { statusOf[h.relationship] = h.status }
        // Each enrolled mentee's matched, promoted and retention facts (bits of `facts`, by position in
        // `enrolledMentees`), worked out once rather than once per dimension.
        let matchedBit: UInt8 = 1, promotedBit: UInt8 = 2, countedBit: UInt8 = 4, retainedBit: UInt8 = 8
        var facts = [UInt8](repeating: 0, count: cadenceOnly ? 0 : enrolledMentees.count)
        for (e, p) in enrolledMentees.enumerated() where !cadenceOnly {
            var f: UInt8 = 0
            if let first = firstStart[p], first <= asOf { f |= matchedBit }
            if promotions[p].contains(where: { $0 >= windowStart && $0 <= asOf }) { f |= promotedBit }
            let left = departures[p]
            if !left.contains(where: { $0 < windowStart }) {
                f |= countedBit
                if !left.contains(where: { $0 <= asOf }) { f |= retainedBit }
            }
            facts[e] = f
        }

        for dimension in dimensions {
            let d = SegmentDimension.allCases.firstIndex(of: dimension)!
            // Segment of each enrolled mentee (-1: none), segments in name order: the index's values of
            // the dimension (any mentee's, in name order) that an enrolled mentee holds.
            let allValues = index.segmentValues[d], valueOf = index.segmentOf[d]
            var held = [Bool](repeating: false, count: allValues.count)
            for p in enrolledMentees where valueOf[p] >= 0 { held[valueOf[p]] = true }
            var local = [Int](repeating: -1, count: allValues.count)
            var values: [String] = []
            for k in allValues.indices where held[k] {
                local[k] = values.count
                values.append(allValues[k])
            }
            let minGroupSize = self.minGroupSize
            var segmentOf = [Int](repeating: -1, count: people.count)
            var t = [Tally](repeating: Tally(), count: values.count)
            for (e, p) in enrolledMentees.enumerated() {
                guard valueOf[p] >= 0 else { continue }
                let k = local[valueOf[p]]
                segmentOf[p] = k
                t[k].mentees += 1
                if cadenceOnly { continue }
                let f = facts[e]
                if f & matchedBit != 0 { t[k].matched += 1 }
                if f & promotedBit != 0 { t[k].promoted += 1 }
                if f & countedBit != 0 { t[k].retentionDenominator += 1 }
                if f & retainedBit != 0 { t[k].retained += 1 }
                if satAnswers[p] > 0 {
                    t[k].satisfactionAnswers += satAnswers[p]
                    t[k].satisfactionSum += satSum[p]
                    t[k].respondents += 1
                }
            }
            // R: the relationships with a mentee in the segment, each counted once per segment.
            var segs: [Int] = []
            for i in relationships.indices {
                segs.removeAll(keepingCapacity: true)
                for k in menteesOf.range(i) {
                    let p = mentees[k]
                    if segmentOf[p] >= 0 && !segs.contains(segmentOf[p]) { segs.append(segmentOf[p]) }
                }
                for k in segs {
                    t[k].goalsSet += goalsSet[i]
                    t[k].goalsAchieved += goalsAchieved[i]
                    switch statusOf[i] {
                    case .onTrack?: t[k].onTrack += 1
                    case .behind?: t[k].behind += 1
                    case .atRisk?: t[k].atRisk += 1
                    case .tooEarly?, nil: break
                    }
                }
            }
            // Privacy: a segment under the minimum group size is withheld whole; when exactly one is, the
            // next-smallest is too (ties: first in name order).
            let suppressed = withheldSegments(sizes: t.map(\.mentees), minGroupSize: minGroupSize)
            for (k, value) in values.enumerated() {
                let prefix = "segment.\(dimension.rawValue).\(segmentId(value))."
                let s = t[k]
                let kpis: [KPIValue] = [
                    .count(prefix + "mentees", s.mentees),
                    .rate(prefix + "match.rate", s.matched, s.mentees),
                    .rate(prefix + "cadence.adherence", s.onTrack, s.onTrack + s.behind + s.atRisk),
                    .rate(prefix + "goals.achievement_rate", s.goalsAchieved, s.goalsSet),
                    fromAnswers(KPIValue(prefix + "satisfaction.mean.mentees", .likert,
                                         s.satisfactionAnswers == 0 ? nil : Double(s.satisfactionSum) / Double(s.satisfactionAnswers),
                                         n: s.respondents), respondents: s.respondents),
                    .rate(prefix + "outcomes.promotion_rate_12m", s.promoted, s.mentees),
                    .rate(prefix + "outcomes.retention_rate_12m", s.retained, s.retentionDenominator),
                ]
                let wanted = cadenceOnly ? kpis.filter { $0.id == prefix + "mentees" || $0.id == prefix + "cadence.adherence" } : kpis
                out += suppressed[k] ? wanted.map { $0.suppressing() } : wanted
            }
        }
        return out
    }

    /// Which segments of one dimension are withheld, given their sizes in name order: those under the
    /// minimum group size and, when exactly one is, the next-smallest too (ties: first in name order).
    func withheldSegments(sizes: [Int], minGroupSize: Int) -> [Bool] {
        var suppressed = sizes.map { $0 < minGroupSize }
        if suppressed.filter({ $0 }).count == 1,
           let next = sizes.indices.filter({ !suppressed[$0] }).min(by: { (sizes[$0], $0) < (sizes[$1], $1) }) {
            suppressed[next] = true
        }
        return suppressed
    }

    private struct Tally {
        var mentees = 0, matched = 0, promoted = 0, retained = 0, retentionDenominator = 0
        var onTrack = 0, behind = 0, atRisk = 0, goalsSet = 0, goalsAchieved = 0
        var satisfactionAnswers = 0, satisfactionSum = 0, respondents = 0
    }
}
