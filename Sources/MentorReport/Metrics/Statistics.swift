#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The statistics the KPIs need, done exactly: medians of even and odd counts, the sample standard
/// deviation, and Student's t quantile from the regularised incomplete beta function.
enum Statistics {
    static func mean(_ xs: [Double]) -> Double? {
        xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
    }

    /// The middle value; for an even count, the mean of the two middle values.
    static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }

    /// Sample standard deviation (divisor n − 1); nil for fewer than two values.
    static func sampleStandardDeviation(_ xs: [Double]) -> Double? {
        guard xs.count >= 2, let m = mean(xs) else { return nil }
        let ss = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(xs.count - 1)).squareRoot()
    }

    /// The regularised incomplete beta function I_x(a, b), by Lentz's continued fraction.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x)
        // The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularizedIncompleteBeta(1 - x, b, a)
        }
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var f = d
        for m in 1...10_000 {
            let m = Double(m)
            // Even step.
            var num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + num * d
            if abs(d) < tiny { d = tiny }
            c = 1 + num / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            f *= d * c
            // Odd step.
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + num * d
            if abs(d) < tiny { d = tiny }
            c = 1 + num / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            f *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(logFront) * f / a
    }

    /// P(T ≤ t) for Student's t with `df` degrees of freedom.
    static func studentTCDF(_ t: Double, df: Double) -> Double {
        let tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The quantile t(p, df) for 0.5 < p < 1: bisection on the CDF to full double precision, worked out
    /// once per (p, df) in a process (a report asks for the same few quantiles for every competency,
    /// cohort and month).
    static func studentTQuantile(_ p: Double, df: Int) -> Double {
        precondition(df >= 1 && p > 0.5 && p < 1)
        return quantiles.value(QuantileKey(p: p.bitPattern, df: df)) { computeStudentTQuantile(p, df: df) }
    }

    private static let quantiles = SharedMemo<QuantileKey, Double>()

    private struct QuantileKey: Hashable {
        var p: UInt64
        var df: Int
    }

    private static func computeStudentTQuantile(_ p: Double, df: Int) -> Double {
        var low = 0.0
        var high = 1.0
        while studentTCDF(high, df: Double(df)) < p { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid == low || mid == high { break }
            if studentTCDF(mid, df: Double(df)) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

