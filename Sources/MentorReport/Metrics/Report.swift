import Foundation

/// Who a report is for: `public` pages show aggregates only; `admin` adds pages that name people.
public enum ReportAudience: String, Sendable, CaseIterable {
    case `public`, admin
}

/// One KPI as reported: this month's value, last month's, and the target.
public struct ReportedKPI: Sendable {
    /// This month's value.
    public var current: KPIValue
    /// Last month's value; nil where it is suppressed or undefined.
    public var previous: Double?
    /// The programme's target for it, if any.
    public var target: Double?
    /// Whether the value meets the target (lower is better for policy counts, at-risk, behind, waiting).
    public var onTarget: Bool?

    /// The KPI's id.
    public var id: String { current.id }
}

/// One month's value of a trend KPI.
public struct TrendPoint: Sendable {
    /// The month of the point.
    public var month: Month
    /// The KPI's value that month.
    public var value: KPIValue
}

/// The 12-month series of one trend KPI, up to the report's month.
public struct Trend: Sendable {
    /// The KPI's id.
    public var kpi: String
    /// Points by month, oldest first, from the later of the programme's start month and 11 months back.
    public var points: [TrendPoint]
}

/// Health counts of one slice of the relationships active on as_of (a type or a cohort).
public struct HealthBreakdown: Sendable {
    /// The relationship type's name or the cohort's id.
    public var key: String
    /// Relationships per health status (statuses with none are absent).
    public var counts: [HealthStatus: Int]
    /// Withheld (by-cohort only): the cohort's segment is, or the slice's relationships have fewer
    /// than min_group_size distinct mentees, or it is the next-smallest of one that is.
    public var suppressed = false
}

/// A consented `story` answer, quoted without a name.
public struct Story: Sendable {
    /// The id of the survey answered.
    public var survey: String
    /// The day the response was submitted.
    public var submitted: Day
    /// The answer, trimmed of surrounding white space.
    public var text: String
}

/// The whole computed report for one month: the input of every export.
public struct Report: Sendable {
    /// The data the report was computed from.
    public var data: ProgrammeData
    /// The month reported on.
    public var period: ReportingPeriod
    /// Who the report is for.
    public var audience: ReportAudience
    /// Every KPI of the month, in catalogue order.
    public var kpis: [ReportedKPI]
    /// The trend series, in SPEC §3's order.
    public var trends: [Trend]
    /// The health of each relationship active on as_of, in data order.
    public var health: [HealthAssessment]
    /// Health counts per relationship type, in the order of `RelationshipType.allCases`.
    public var healthByType: [HealthBreakdown]
    /// Health counts per cohort, in the order of `ProgrammeData.cohorts`.
    public var healthByCohort: [HealthBreakdown]
    /// Health counts of the relationships that name no cohort (key ""); nil when every one names one,
    /// so that the cohort rows add up to the whole.
    public var healthWithoutCohort: HealthBreakdown?
    /// The figures behind the ROI; nil when the costs or the retention benchmark are missing, or no mentee is counted.
    public var roi: ReturnOnInvestment?
    /// Consented story answers, newest first, at most 20.
    public var stories: [Story]
    /// The policy findings as of the month's last day.
    public var policy: PolicyFindings
    /// The self-identified groups of the data, sorted.
    public var groups: [String]
    /// Set when the month's data stop more than a week before its end: its pages say so.
    public var partialMonth: PartialMonth?
    /// Each likert5 or nps question of the surveys open by as_of, its counted answers per scale point.
    public var questions: [QuestionSummary]
    /// Monthly series of the headline KPIs that are not trend KPIs (for the executive summary).
    public var headlineTrends: [Trend]
    /// The month's most notable misses and moves, at most three (`NotableChange.choose`).
    public var notable: [NotableChange]
    /// The programme team's action lists (admin audience only; nil for public reports).
    public var actions: ActionLists?

    /// The mentees the team engagement KPIs look at on as_of, and how many of them lack a score before
    /// or after their first relationship's start.
    public var teamEngagement: TeamEngagementCoverage
    /// What each cohort's page shows beyond the KPIs, in the order of `ProgrammeData.cohorts`.
    public var cohortDetails: [CohortDetail]

    /// The index the KPIs were computed from, kept with the report: it is freed with the report (a build
    /// that exits after writing never frees it) rather than object by object at the end of `init`.
    let index: ProgrammeIndex

    /// The KPI `id`, when the report has it.
    public func kpi(_ id: String) -> ReportedKPI? { kpis.first { $0.id == id } }
}

/// The KPIs with trend series (SPEC §3 "Trends"), as the catalogue marks them.
let trendKPIs = KPIDefinition.trendIds

extension Report {
    /// Computes the report of `period`: every KPI, last month's values, targets and 12-month trends.
    public init(data: ProgrammeData, period: ReportingPeriod, audience: ReportAudience) {
        let index = ProgrammeIndex(data)
        let calculator = KPICalculator(index: index, period: period)
        // The month's KPIs, last month's and each trend month's are independent: computed on all cores.
        let firstMonth = max(data.program.start.month, period.month.adding(months: -11))
        var trendMonths: [Month] = []
        var m = firstMonth
        while m <= period.month {
            if m != period.month && m != period.month.previous { trendMonths.append(m) }
            m = m.adding(months: 1)
        }
        let months = trendMonths
        // The headline tiles' KPIs that are not trend KPIs get a monthly series too, for their sparklines.
        let headlineSeries = data.program.headline.filter { !trendKPIs.contains($0) }
        // Job 2: what the report needs once, from this month's data alone, besides its KPIs.
        let results = parallelMap(3 + months.count) { job -> MonthResult in
            var result = MonthResult()
            switch job {
            case 0:
                let assessments = calculator.healthAssessments()
                let findings = PolicyFindings(data: data, links: index.links, asOf: period.asOf)
                let questions = calculator.questionSummaries()
                result.set = calculator.compute(health: assessments, policy: findings, questions: questions)
                result.questions = questions
                result.assessments = assessments
                result.findings = findings
                if audience == .admin { result.actions = calculator.actionLists(health: assessments, policy: findings) }
                result.cohorts = calculator.cohortMonth(health: assessments)
            case 1:
                let previous = KPICalculator(index: index, period: ReportingPeriod(period.month.previous))
                let health = previous.healthAssessments()
                result.set = previous.compute(health: health)
                result.cohorts = previous.cohortMonth(health: health)
            case 2:
                result.cohortPairs = calculator.cohortCompetencyPairs()
                result.roi = calculator.returnOnInvestment()
                result.teamEngagement = calculator.teamEngagementScores().coverage
                result.stories = calculator.consentedStories()
            default:
                let month = KPICalculator(index: index, period: ReportingPeriod(months[job - 3]))
                let health = month.healthAssessments()
                result.set = month.computeTrendKPIs(health: health, also: headlineSeries)
                result.cohorts = month.cohortMonth(health: health)
            }
            return result
        }
        let current = results[0].set, previous = results[1].set
        let assessments = results[0].assessments
        let findings = results[0].findings!
        kpis = current.values.map { value in
            let target = data.program.target(for: value.id)
            var onTarget: Bool?
            if let target, let v = value.value {
                onTarget = lowerIsBetter(value.id) ? v <= target : v >= target
            }
            let last = previous[value.id]
            return ReportedKPI(current: value, previous: last?.suppressed == true ? nil : last?.value,
                               target: target, onTarget: onTarget)
        }
        // Trends: each month from max(programme start, P − 11) to P.
        var monthly: [(Month, KPISet)] = []
        var cohortMonths: [(Month, [CohortMonth])] = []
        var month = firstMonth
        while month <= period.month {
            let result: MonthResult
            if month == period.month {
                result = results[0]
            } else if month == period.month.previous {
                result = results[1]
            } else {
                result = results[3 + trendMonths.firstIndex(of: month)!]
            }
            monthly.append((month, result.set))
            cohortMonths.append((month, result.cohorts))
            month = month.adding(months: 1)
        }
        func series(_ id: String) -> Trend {
            Trend(kpi: id, points: monthly.compactMap { m, set in set[id].map { TrendPoint(month: m, value: $0) } })
        }
        trends = trendKPIs.map(series)
        headlineTrends = headlineSeries.map(series)
        notable = NotableChange.choose(kpis: kpis, series: trends + headlineTrends)
        health = assessments
        // Counted in arrays by status position, then put in the breakdowns' dictionaries: a dictionary
        // keyed by the status hashes its raw text for every relationship.
        let statuses = HealthStatus.allCases
        func statusPosition(_ status: HealthStatus) -> Int { statuses.firstIndex(of: status)! }
        var typeCounts = [[Int]](repeating: [Int](repeating: 0, count: statuses.count), count: RelationshipType.allCases.count)
        var cohortCounts = [[Int]](repeating: [Int](repeating: 0, count: statuses.count), count: data.cohorts.count)
        var noCohortCounts = [Int](repeating: 0, count: statuses.count)
        let cohortPosition = Dictionary(data.cohorts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for h in health {
            let s = statusPosition(h.status)
            let t = RelationshipType.allCases.firstIndex(of: index.type[h.relationship])!
            typeCounts[t][s] += 1
            if let c = data.relationships[h.relationship].cohort {
                if let position = cohortPosition[c.value] { cohortCounts[position][s] += 1 }
            } else {
                noCohortCounts[s] += 1
            }
        }
        func counts(_ row: [Int]) -> [HealthStatus: Int] {
            var counts: [HealthStatus: Int] = [:]
            for status in statuses where row[statusPosition(status)] > 0 { counts[status] = row[statusPosition(status)] }
            return counts
        }
        let byType: [HealthBreakdown] = RelationshipType.allCases.enumerated().map { HealthBreakdown(key: $1.rawValue, counts: counts(typeCounts[$0])) }
        var byCohort: [HealthBreakdown] = data.cohorts.enumerated().map { HealthBreakdown(key: $1.id, counts: counts(cohortCounts[$0])) }
        var noCohort = HealthBreakdown(key: "", counts: counts(noCohortCounts))
        // Privacy of small cohorts (decision 121): a cohort's slice is withheld with its segment, or when
        // its relationships have fewer than min_group_size distinct mentees (none: nothing to hide); then
        // complementary suppression across the rows, the no-cohort row included.
        let withheld = data.cohorts.map { current["segment.cohort.\(segmentId($0.id)).mentees"]?.suppressed == true }
        var sliceMentees = [Set<Int>](repeating: [], count: data.cohorts.count + 1)
        var sliceSize = [Int](repeating: 0, count: data.cohorts.count + 1)
        for h in health {
            let r = data.relationships[h.relationship]
            var k = data.cohorts.count  // the no-cohort row
            if let c = r.cohort {
                guard let position = cohortPosition[c.value] else { continue }
                k = position
            }
            sliceSize[k] += 1
            sliceMentees[k].formUnion(index.links.menteesOf[h.relationship])
        }
        let minGroupSize = data.program.minGroupSize
        var hidden = sliceSize.indices.map { k in
            sliceSize[k] > 0 && ((k < withheld.count && withheld[k]) || sliceMentees[k].count < minGroupSize)
        }
        withholdNextSmallest(&hidden, sizes: sliceMentees.map(\.count), names: data.cohorts.map(\.id) + [nil])
        for k in byCohort.indices where hidden[k] { byCohort[k].suppressed = true }
        noCohort.suppressed = hidden[data.cohorts.count]
        healthByType = byType
        healthByCohort = byCohort
        healthWithoutCohort = noCohort.counts.isEmpty ? nil : noCohort
        // The cohort pages' competency growth and trends (decision 122).
        let competencies = calculator.cohortCompetencies(results[2].cohortPairs, withheld: withheld)
        cohortDetails = data.cohorts.enumerated().map { c, cohort in
            let from = max(firstMonth, cohort.start?.month ?? firstMonth)
            let months = cohortMonths.filter { $0.0 >= from }
            let active = Trend(kpi: "relationships.active.cohort.\(cohort.id)",
                               points: months.map { TrendPoint(month: $0.0, value: $0.1[c].active) })
            let adherence = Trend(kpi: "segment.cohort.\(segmentId(cohort.id)).cadence.adherence",
                                  points: months.map { TrendPoint(month: $0.0, value: $0.1[c].adherence) })
            return withheld[c] ? CohortDetail(cohort: cohort.id, suppressed: true, competencies: [], trends: [])
                               : CohortDetail(cohort: cohort.id, suppressed: false, competencies: competencies[c],
                                              trends: [active, adherence])
        }
        roi = results[2].roi
        teamEngagement = results[2].teamEngagement!
        stories = results[2].stories
        policy = findings
        questions = results[0].questions
        actions = results[0].actions
        groups = index.groups
        partialMonth = PartialMonth(period, in: data)
        self.data = data
        self.period = period
        self.audience = audience
        self.index = index
    }
}

extension KPICalculator {
    /// The most stories a report quotes: enough for every page, few enough to read.
    static let storyLimit = 20

    /// Answers to `story` questions whose respondent consented to be quoted, newest first (on one day,
    /// the later record first), at most `storyLimit`. Every other text answer stays out of the report.
    func consentedStories() -> [Story] {
        var found: [(answer: Int, response: Int)] = []
        for r in responses where data.responses[r].consentToQuote {
            guard let s = index.responseSurvey[r] else { continue }
            for (a, answer) in data.responses[r].answers.enumerated() {
                guard case .text(let text) = answer.value, let q = index.question(s, answer.question),
                      q.scale == .text, q.measure == .story, text.contains(where: { !$0.isWhitespace }) else { continue }
                found.append((a, r))
            }
        }
        let newest = found.sorted { a, b in
            let (da, db) = (data.responses[a.response].submitted, data.responses[b.response].submitted)
            return da != db ? da > db : (a.response, a.answer) > (b.response, b.answer)
        }.prefix(KPICalculator.storyLimit)
        return newest.map { a, r in
            let response = data.responses[r]
            guard case .text(let text) = response.answers[a].value else { return nil }
            return Story(survey: response.survey.value, submitted: response.submitted,
                         text: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }.compactMap { $0 }
    }
}

/// One month's computation in `Report.init`.
private struct MonthResult {
    var set = KPISet()
    var assessments: [HealthAssessment] = []
    var findings: PolicyFindings?
    var questions: [QuestionSummary] = []
    var actions: ActionLists?
    var cohorts: [CohortMonth] = []
    // Job 2's.
    var cohortPairs: [[[(pre: Double, post: Double)]]] = []
    var roi: ReturnOnInvestment?
    var teamEngagement: TeamEngagementCoverage?
    var stories: [Story] = []
}

