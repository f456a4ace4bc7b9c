/// One of the month's most notable figures, for the executive summary (decision 136).
public struct NotableChange: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The KPI misses its target.
        case offTarget = "off-target"
        /// The KPI's move against last month is far from how it usually moves in a month.
        case moved
    }

    /// The KPI's id.
    public var kpi: String
    public var reason: Reason
    /// For `moved`: the mean and the standard deviation of its earlier month-to-month moves, and how
    /// many standard deviations this month's move is from that mean.
    public var usualMove: Double?
    public var spread: Double?
    public var moves: Double?

    /// The most notable, at most `limit`: first the KPIs off their target, the largest relative miss
    /// (|value − target| / |target|) first; then the KPIs of a monthly series whose move against last
    /// month is at least `threshold` standard deviations from the mean of its earlier month-to-month
    /// moves (at least 3 of them, between consecutive months with values), the largest first: a figure
    /// that rises every month by about as much is not news, a sudden drop is. Ties keep the catalogue
    /// order. A KPI is listed once.
    static func choose(kpis: [ReportedKPI], series: [Trend], limit: Int = 3, threshold: Double = 2) -> [NotableChange] {
        var chosen: [NotableChange] = []
        let misses = kpis.enumerated().compactMap { position, k -> (Double, Int, String)? in
            guard k.onTarget == false, let value = k.current.value, let target = k.target else { return nil }
            let miss = abs(value - target) / max(abs(target), 1e-9)
            return (miss, position, k.id)
        }.sorted { ($1.0, $0.1) < ($0.0, $1.1) }
        for (_, _, id) in misses.prefix(limit) { chosen.append(NotableChange(kpi: id, reason: .offTarget)) }
        var moved: [(score: Double, position: Int, change: NotableChange)] = []
        for (position, trend) in series.enumerated() where !chosen.contains(where: { $0.kpi == trend.kpi }) {
            // Month-to-month moves between consecutive months that both have a value.
            var changes: [Double] = []
            for (a, b) in zip(trend.points, trend.points.dropFirst()) {
                guard b.month == a.month.adding(months: 1), a.value.status == .ok, b.value.status == .ok,
                      let x = a.value.value, let y = b.value.value else { continue }
                changes.append(y - x)
            }
            guard let last = trend.points.last, let before = trend.points.dropLast().last,
                  last.month == before.month.adding(months: 1), last.value.status == .ok, before.value.status == .ok,
                  let now = last.value.value, let then = before.value.value else { continue }
            let history = Array(changes.dropLast())
            guard history.count >= 3 else { continue }
            let mean = history.reduce(0, +) / Double(history.count)
            let variance = history.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(history.count - 1)
            let spread = variance.squareRoot()
            guard spread > 0 else { continue }
            let score = abs((now - then) - mean) / spread
            guard score >= threshold else { continue }
            moved.append((score, position, NotableChange(kpi: trend.kpi, reason: .moved, usualMove: mean, spread: spread, moves: score)))
        }
        moved.sort { ($1.score, $0.position) < ($0.score, $1.position) }
        for m in moved where chosen.count < limit { chosen.append(m.change) }
        return chosen
    }
}
