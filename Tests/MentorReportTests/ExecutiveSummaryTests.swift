import Foundation
import Testing
@testable import MentorReport

/// The executive summary that uses its page (issue "Hand-offs"): sparklines on every headline tile, the
/// month's notable misses and moves by a stated rule, the health of the pairs, the ROI with its
/// assumption, a consented story — still one printed page (checked in print by scripts/check-site and
/// scripts/check-pdf, and by PDFTests).
@Suite struct ExecutiveSummaryTests {
    private func kpi(_ id: String, _ value: Double?, target: Double? = nil, onTarget: Bool? = nil) -> ReportedKPI {
        ReportedKPI(current: KPIValue(id, .ratio, value), previous: nil, target: target, onTarget: onTarget)
    }

    private func series(_ id: String, _ values: [Double?]) -> Trend {
        let start = Month(text: "2026-01")!
        return Trend(kpi: id, points: values.enumerated().map { i, v in
            TrendPoint(month: start.adding(months: i), value: KPIValue(id, .ratio, v))
        })
    }

    @Test func offTargetComesFirstLargestMissFirstThenTheLargestUnusualMoves() {
        let kpis = [
            kpi("match.rate", 0.85, target: 0.9, onTarget: false),          // misses by 5.6 %
            kpi("cadence.adherence", 0.6, target: 0.8, onTarget: false),    // misses by 25 %
            kpi("goals.set_rate", 0.95, target: 0.9, onTarget: true),
        ]
        let trends = [
            // moves of 0.01, 0.01, 0.03, 0.01 (mean 0.015, sd 0.01), then 0.10: 8.5 standard deviations off
            series("sessions.count", [0.50, 0.51, 0.52, 0.55, 0.56, 0.66]),
            // moves of ±0.05 (mean 0, sd ≈ 0.058), then 0.05: 0.87, not notable
            series("relationships.active", [0.5, 0.55, 0.5, 0.55, 0.5, 0.55]),
            // rising by about 0.05 every month, and again this month: not news
            series("goals.achievement_rate", [0.1, 0.15, 0.21, 0.25, 0.31, 0.36]),
            // listed already as off target: not twice
            series("cadence.adherence", [0.8, 0.8, 0.81, 0.8, 0.8, 0.6]),
            // only two earlier moves: too little history to judge
            series("match.rate", [0.9, 0.91, 0.9, 0.5]),
        ]
        let chosen = NotableChange.choose(kpis: kpis, series: trends)
        #expect(chosen.map(\.kpi) == ["cadence.adherence", "match.rate", "sessions.count"])
        #expect(chosen.map(\.reason) == [.offTarget, .offTarget, .moved])
        let moved = chosen[2]
        #expect(abs((moved.usualMove ?? 0) - 0.015) < 1e-9)
        #expect(abs((moved.spread ?? 0) - 0.01) < 1e-9)
        #expect(abs((moved.moves ?? 0) - 8.5) < 1e-6)
    }

    @Test func aGapInTheSeriesOrAFlatHistoryIsNotAMove() {
        let trends = [
            // last month has no value: no move this month
            series("sessions.count", [0.5, 0.51, 0.52, 0.53, nil, 0.9]),
            // never moved before: no usual move to measure against
            series("relationships.active", [0.5, 0.5, 0.5, 0.5, 0.9]),
        ]
        #expect(NotableChange.choose(kpis: [], series: trends).isEmpty)
        // At most three, and the limit holds for misses alone.
        let misses = (0..<5).map { kpi("inclusion.g\($0).share", 0.1, target: 0.5, onTarget: false) }
        #expect(NotableChange.choose(kpis: misses, series: []).count == 3)
    }

    @Test func theSamplesSummaryShowsItsSparklinesNotableFiguresHealthAndROI() throws {
        let html = try PageTextTests.page("executive-summary.html", of: PageTextTests.sample)
        let text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        // A sparkline on every headline tile, outcomes.retention_rate_12m's from its own monthly series.
        for id in ["relationships-active", "match-rate", "cadence-adherence", "satisfaction-mean-mentees", "outcomes-retention-rate-12m"] {
            #expect(html.contains("id=\"spark-\(id)-title\""), "no sparkline for \(id)")
        }
        // October 2026: at risk 5 against a ceiling of 3 (67 % over), cadence adherence 76.8 % against 80 %.
        #expect(text.contains("At risk: 5, ✗ off target (3); ▼ down 1 on last month."))
        #expect(text.contains("Cadence adherence: 76.8%, ✗ off target (80.0%); ▲ up 13.0 points on last month."))
        #expect(text.contains("Health of the relationships active at the end of the month"))
        #expect(text.contains("73.6%: an estimated 4.06 leavers avoided (91.1% of mentees stayed against 86% for non-participants), each saving GBP\u{A0}62,000 of replacement cost, against a programme cost of GBP\u{A0}145,000."))
        // The quotation marks are the style sheet's.
        #expect(html.contains("<blockquote class=\"story\"><p>I now write a one-page update every month."))
    }

    /// The template's default tiles and the program's default list (which gets the monthly series) agree.
    @Test func theDefaultHeadlineListIsTheSameInTheTemplateAndTheProgram() throws {
        let xsl = try String(contentsOfFile: Fixture.repository.path + "/templates/executive-summary.xsl", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"<xsl:param name="headline-kpis" select="'([^']*)'"/>"#)
        let match = try #require(pattern.firstMatch(in: xsl, range: NSRange(xsl.startIndex..., in: xsl)))
        let list = String(xsl[Range(match.range(at: 1), in: xsl)!]).split(separator: " ").map(String.init)
        #expect(list == Program.defaultHeadlineKPIs)
    }
}
