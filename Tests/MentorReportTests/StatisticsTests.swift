import Testing
@testable import MentorReport

@Suite struct StatisticsTests {
    @Test(arguments: [
        (1, 12.7062047), (2, 4.3026527), (5, 2.5705818), (30, 2.0422725), (1000, 1.9623391),
        (3, 3.1824463), (10, 2.2281389), (100, 1.9839715),
    ])
    func studentTQuantileMatchesPublishedTables(df: Int, expected: Double) {
        #expect(abs(Statistics.studentTQuantile(0.975, df: df) - expected) < 1e-6)
    }

    @Test func studentTQuantileIsAccurateForEveryDegreeOfFreedomUpTo2000() {
        // The CDF at the computed quantile is 0.975, and quantiles fall towards z = 1.959964 as df grows.
        var previous = Double.infinity
        for df in 1...2000 {
            let t = Statistics.studentTQuantile(0.975, df: df)
            #expect(abs(Statistics.studentTCDF(t, df: Double(df)) - 0.975) < 1e-12)
            #expect(t < previous && t > 1.959963)
            previous = t
        }
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(Statistics.median([7, 1, 3]) == 3)
        #expect(Statistics.median([4, 1, 3, 10]) == 3.5)  // (3 + 4) / 2
        #expect(Statistics.median([]) == nil)
    }

    @Test func sampleStandardDeviationUsesNMinusOne() {
        // mean 5; squared deviations 9, 1, 1, 9 → 20 / 3
        #expect(abs(Statistics.sampleStandardDeviation([2, 4, 6, 8])! - (20.0 / 3).squareRoot()) < 1e-12)
        #expect(Statistics.sampleStandardDeviation([3]) == nil)
    }
}
