/// What a cohort page shows beyond the KPIs (SPEC §4 "one page per cohort"): the cohort's competency
/// growth and its monthly trend. Page data, not KPIs: the KPI set is the catalogue's. A cohort's
/// mentees are its segment's (SPEC §3 "Segments"): the enrolled mentees whose people.yaml cohort is it.
public struct CohortDetail: Sendable {
    /// The cohort's id in program.yaml.
    public var cohort: String
    /// The cohort's segment KPIs are withheld (fewer than min_group_size mentees, or the next-smallest
    /// cohort of one that has): its page shows no figure of it, and nothing below is filled in.
    public var suppressed: Bool
    /// competency.C.* restricted to the cohort's mentees, one entry per competency in program order.
    public var competencies: [CohortCompetency]
    /// relationships.active.cohort.<id> and segment.cohort.<v>.cadence.adherence for each month from
    /// the later of the cohort's start month and the programme trend's first month, to P; a month in
    /// which the cohort's segment is withheld is a suppressed point of both.
    public var trends: [Trend]
}

/// One competency's growth among a cohort's mentees.
public struct CohortCompetency: Sendable {
    /// The competency's id.
    public var competency: String
    /// n, pre_mean, post_mean, change, effect_size, ci95_low and ci95_high, as `competencyKPIs` gives
    /// them for the cohort's pairs; all suppressed when withheld.
    public var values: [KPIValue]

    /// Withheld: fewer than min_group_size people paired, the cohort withheld, or the next-smallest.
    public var suppressed: Bool { values.first?.suppressed ?? false }
}

/// One month's figures of each cohort for its page's trend.
struct CohortMonth: Sendable {
    /// relationships.active.cohort.<id>, suppressed when the segment is.
    var active: KPIValue
    /// segment.cohort.<v>.cadence.adherence (no data when no enrolled mentee names the cohort).
    var adherence: KPIValue
}

extension KPICalculator {
    /// Each cohort's (program.yaml order) trend figures for this month: the cohort dimension of the
    /// segment KPIs, computed as for the month's KPIs, and its active relationships.
    func cohortMonth(health: [HealthAssessment]) -> [CohortMonth] {
        var segment: [String: KPIValue] = [:]
        for k in segments(health: health, dimensions: [.cohort], cadenceOnly: true) { segment[k.id] = k }
        let active = activeByCohort()
        return data.cohorts.enumerated().map { c, cohort in
            let prefix = "segment.cohort.\(segmentId(cohort.id))."
            let withheld = segment[prefix + "mentees"]?.suppressed == true
            let count = KPIValue.count("relationships.active.cohort.\(cohort.id)", active[c])
            let adherence = segment[prefix + "cadence.adherence"] ?? KPIValue(prefix + "cadence.adherence", .ratio, nil)
            return withheld ? CohortMonth(active: count.suppressing(), adherence: adherence.suppressing())
                            : CohortMonth(active: count, adherence: adherence)
        }
    }

    /// Each competency's (pre, post) pairs (`competencyPairs`) split by the cohorts of the enrolled
    /// mentees (whose people.yaml cohort it is), by competency then cohort position: the costly part of
    /// `cohortCompetencies`, which needs no other KPI and so is worked out alongside the month's KPIs.
    func cohortCompetencyPairs() -> [[[(pre: Double, post: Double)]]] {
        let cohorts = data.cohorts
        let position = Dictionary(cohorts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cohortOf = [Int](repeating: -1, count: data.people.count)
        for p in enrolledMentees {
            if let id = SegmentDimension.cohort.value(of: data.people[p])?.value, let c = position[id] { cohortOf[p] = c }
        }
        return competencyPairs().map { pairs in
            var mine = [[(pre: Double, post: Double)]](repeating: [], count: cohorts.count)
            for pair in pairs where cohortOf[pair.person] >= 0 { mine[cohortOf[pair.person]].append((pair.pre, pair.post)) }
            return mine
        }
    }

    /// competency.C.* of each cohort's mentees from `cohortCompetencyPairs()`: the programme's rule and
    /// suppression; a withheld cohort's are all suppressed, and where exactly one cohort's cell of a
    /// competency is suppressed and holds someone, the cohort with the next-fewest paired people is too
    /// (ties: first by id in name order).
    func cohortCompetencies(_ byCompetency: [[[(pre: Double, post: Double)]]], withheld: [Bool]) -> [[CohortCompetency]] {
        let cohorts = data.cohorts
        var result = [[CohortCompetency]](repeating: [], count: cohorts.count)
        for (c, mine) in byCompetency.enumerated() {
            let sizes = mine.map(\.count)
            var suppressed = cohorts.indices.map { withheld[$0] || (sizes[$0] >= 1 && sizes[$0] < minGroupSize) }
            withholdNextSmallest(&suppressed, sizes: sizes, names: cohorts.map(\.id))
            let competency = data.competencies[c].id
            for k in cohorts.indices {
                let values = competencyKPIs(competency, mine[k])
                result[k].append(CohortCompetency(competency: competency,
                                                  values: suppressed[k] ? values.map { $0.suppressing() } : values))
            }
        }
        return result
    }
}

/// Complementary suppression in a breakdown (SPEC §3 "Privacy"): when exactly one cell that holds
/// someone (size ≥ 1) is suppressed, the unsuppressed cell holding someone with the smallest size is
/// suppressed too, ties by name (UTF-8 order), so that a published total cannot reveal it by subtraction.
/// `names[i] == nil` sorts after every name (the "no cohort" row).
func withholdNextSmallest(_ suppressed: inout [Bool], sizes: [Int], names: [String?]) {
    guard suppressed.indices.filter({ suppressed[$0] && sizes[$0] >= 1 }).count == 1 else { return }
    let candidates = suppressed.indices.filter { !suppressed[$0] && sizes[$0] >= 1 }
    let next = candidates.min { a, b in
        if sizes[a] != sizes[b] { return sizes[a] < sizes[b] }
        switch (names[a], names[b]) {
        case let (x?, y?): return nameOrder(x, y)
        case (_?, nil): return true
        default: return false
        }
    }
    if let next { suppressed[next] = true }
}
