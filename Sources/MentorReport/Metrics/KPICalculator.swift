/// Computes every KPI of the SPEC §3 catalog for one reporting month from the indexed data. Each
/// section's rules live with its definitions in `Sections/<Section>KPIs.swift`; this file holds what
/// every section shares: the month's enrolled people, active relationships and counted responses.
struct KPICalculator {
    let index: ProgrammeIndex
    let period: ReportingPeriod
    var data: ProgrammeData { index.data }
    var program: Program { index.data.program }
    var asOf: Day { period.asOf }
    var minGroupSize: Int { program.minGroupSize }

    /// People with the role and `enrolled <= as_of`.
    let enrolledMentees: [Int]
    let enrolledMentors: [Int]
    /// Relationships active at some point in the month (`start <= last`, not ended before `first`).
    let activeInPeriod: [Int]
    /// The responses that count on as_of.
    let responses: [Int]

    init(index: ProgrammeIndex, period: ReportingPeriod) {
        self.index = index
        self.period = period
        // Bound once: reading them through the index in the closures would retain it for every element.
        let isMentee = index.isMentee, isMentor = index.links.isMentor, enrolled = index.enrolled
        let start = index.start, ended = index.ended
        let asOf = period.asOf, first = period.first, last = period.last
        enrolledMentees = isMentee.indices.filter { isMentee[$0] && enrolled[$0] <= asOf }
        enrolledMentors = isMentor.indices.filter { isMentor[$0] && enrolled[$0] <= asOf }
        activeInPeriod = start.indices.filter { start[$0] <= last && (ended[$0].map { $0 >= first } ?? true) }
        responses = index.countedResponses(asOf: period.asOf)
    }

    /// Every KPI; the health assessments and policy findings may be passed when the caller has them.
    func compute(health: [HealthAssessment]? = nil, policy findings: PolicyFindings? = nil,
                 questions summaries: [QuestionSummary]? = nil) -> KPISet {
        var set = KPISet()
        let health = health ?? healthAssessments()
        for kpi in participation() + engagement(health: health) + surveyResponseRates() + reaction()
            + learning() + results() + inclusion() + teamEngagement() + segments(health: health)
            + questions(summaries ?? questionSummaries()) + policy(findings) {
            set.append(kpi)
        }
        return set
    }

    /// Only the trend KPIs (SPEC §3 "Trends"), computed as in `compute()`: a trend month costs less
    /// than a full month.
    /// `health`: the month's assessments, when the caller has them. `also`: more KPIs wanted for each month (the executive summary's headline tiles); only the
    /// sections they belong to are computed besides.
    func computeTrendKPIs(health given: [HealthAssessment]? = nil, also extra: [String] = []) -> KPISet {
        var set = KPISet()
        let wanted = Set(trendKPIs).union(extra)
        let sections = Set(extra.compactMap { KPIDefinition.of($0)?.section })
        let health = given ?? healthAssessments()
        var kpis = participation(withMedian: sections.contains(.participation)) + engagement(health: health) + reaction()
        if sections.contains(.engagement) { kpis += surveyResponseRates() }
        if sections.contains(.learning) { kpis += learning() }
        if sections.contains(.results) { kpis += results() }
        if sections.contains(.inclusion) { kpis += inclusion() }
        if sections.contains(.teamEngagement) { kpis += teamEngagement() }
        if sections.contains(.segments) { kpis += segments(health: health) }
        if sections.contains(.questions) { kpis += questions(questionSummaries()) }
        if sections.contains(.policy) { kpis += policy(nil) }
        for kpi in kpis where wanted.contains(kpi.id) {
            set.append(kpi)
        }
        return set
    }

    /// A KPI from the answers of `respondents` distinct people: no data with none, suppressed with fewer
    /// than the minimum group size.
    func fromAnswers(_ kpi: KPIValue, respondents: Int) -> KPIValue {
        if respondents == 0 {
            var none = kpi
            none.value = nil
            return none
        }
        if respondents < minGroupSize { return kpi.suppressing() }
        return kpi
    }
}
