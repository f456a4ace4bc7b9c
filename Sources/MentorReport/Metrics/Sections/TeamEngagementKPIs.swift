/// SPEC §3 "Team engagement" (2026-12): the engagement score of the teams mentees manage, before their
/// first relationship and since.
extension KPIDefinition {
    static let teamEngagement: [KPIDefinition] = [
        KPIDefinition("outcomes.team_engagement.n", "Team engagement: mentees scored before and after", unit: .count, section: .teamEngagement,
                      "Enrolled mentees matched by the last day of the month with a team engagement score on or before their first relationship's start and one after it."),
        KPIDefinition("outcomes.team_engagement.pre_mean", "Team engagement before mentoring", unit: .points, section: .teamEngagement,
                      "Mean of the paired mentees' latest team engagement score (0–100) on or before their first relationship's start."),
        KPIDefinition("outcomes.team_engagement.post_mean", "Team engagement since mentoring", unit: .points, section: .teamEngagement,
                      "Mean of the paired mentees' latest team engagement score (0–100) after their first relationship's start, up to the last day of the month."),
        KPIDefinition("outcomes.team_engagement.change", "Team engagement change", unit: .points, section: .teamEngagement,
                      "Mean of the later score minus the earlier one over the paired mentees, in points of the 0–100 scale."),
        KPIDefinition("outcomes.team_engagement.ci95_low", "Team engagement change: 95% interval, low end", unit: .points, section: .teamEngagement,
                      "The change minus t(0.975, n−1) × SD / √n of the differences: the low end of its 95% confidence interval (from 2 mentees)."),
        KPIDefinition("outcomes.team_engagement.ci95_high", "Team engagement change: 95% interval, high end", unit: .points, section: .teamEngagement,
                      "The change plus t(0.975, n−1) × SD / √n of the differences: the high end of its 95% confidence interval (from 2 mentees)."),
    ]
}

/// Who could have a team engagement change on as_of and who has one: shown beside the KPIs, so that a
/// reader knows how many mentees the change speaks for (page data, not KPIs).
public struct TeamEngagementCoverage: Sendable, Equatable {
    /// Enrolled mentees whose first relationship starts by as_of: those the KPIs look at.
    public var eligible = 0
    /// Of those, the mentees with a score before and one after (outcomes.team_engagement.n).
    public var paired = 0
    /// Of those, the mentees with no score on or before their first relationship's start.
    public var withoutBefore = 0
    /// Of those, the mentees with no score after it, up to as_of.
    public var withoutAfter = 0
    /// Of those, the mentees with neither (counted in both numbers above).
    public var withoutEither = 0
}

extension KPICalculator {
    /// outcomes.team_engagement.*: for each enrolled mentee whose first relationship starts (s) by as_of,
    /// pre = the latest score dated on or before s, post = the latest dated after s and by as_of (on one
    /// date, the later in reading order); paired when both exist. The interval is the competencies'.
    func teamEngagement() -> [KPIValue] {
        let pairs = teamEngagementScores().pairs
        let prefix = "outcomes.team_engagement."
        let n = pairs.count
        let change = PairedChange(pairs)
        let kpis = [
            KPIValue(prefix + "n", .count, Double(n), n: n),
            KPIValue(prefix + "pre_mean", .points, Statistics.mean(pairs.map(\.pre)), n: n),
            KPIValue(prefix + "post_mean", .points, Statistics.mean(pairs.map(\.post)), n: n),
            KPIValue(prefix + "change", .points, change.change, n: n),
            KPIValue(prefix + "ci95_low", .points, change.low, n: n),
            KPIValue(prefix + "ci95_high", .points, change.high, n: n),
        ]
        // SPEC: all six suppressed when 1 <= n < min_group_size, no data when n = 0 (the count too).
        return kpis.map { n == 0 ? KPIValue($0.id, $0.unit, nil, n: 0) : fromAnswers($0, respondents: n) }
    }

    /// The paired (pre, post) scores of the team engagement KPIs, in mentee order, and how many of the
    /// mentees they look at lack a score before or after their first relationship's start.
    func teamEngagementScores() -> (pairs: [(pre: Double, post: Double)], coverage: TeamEngagementCoverage) {
        var pairs: [(pre: Double, post: Double)] = []
        var coverage = TeamEngagementCoverage()
        let firstStart = index.firstStartAsMentee, scores = index.engagementScores
        for p in enrolledMentees {
            guard let s = firstStart[p], s <= asOf else { continue }
            coverage.eligible += 1
            var pre: (day: Day, value: Double)?, post: (day: Day, value: Double)?
            // Reading order: `>=` lets a later record of the same date win.
            for score in scores[p] {
                if score.day <= s {
                    if pre.map({ score.day >= $0.day }) ?? true { pre = score }
                } else if score.day <= asOf {
                    if post.map({ score.day >= $0.day }) ?? true { post = score }
                }
            }
            if let pre, let post { pairs.append((pre.value, post.value)) }
            if pre == nil { coverage.withoutBefore += 1 }
            if post == nil { coverage.withoutAfter += 1 }
            if pre == nil && post == nil { coverage.withoutEither += 1 }
        }
        coverage.paired = pairs.count
        return (pairs, coverage)
    }
}

/// The mean change of paired scores with its 95% confidence interval (change ∓ t(0.975, n−1)·SD/√n,
/// from two pairs) and effect size d_z (when SD > 0): shared by the competencies and team engagement.
struct PairedChange {
    var change: Double?
    var effectSize: Double?
    var low: Double?
    var high: Double?

    init(_ pairs: [(pre: Double, post: Double)]) {
        let n = pairs.count
        let diffs = pairs.map { $0.post - $0.pre }
        change = Statistics.mean(diffs)
        let sd = Statistics.sampleStandardDeviation(diffs)
        if n >= 2, let sd, let change {
            if sd > 0 { effectSize = change / sd }
            let margin = Statistics.studentTQuantile(0.975, df: n - 1) * sd / Double(n).squareRoot()
            low = change - margin
            high = change + margin
        }
    }
}
