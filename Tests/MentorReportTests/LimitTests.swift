import Foundation
import Testing
@testable import MentorReport

/// Findings of the minimal fixture, with changes, loaded under `limits`.
func findings(changing changes: [String: String?], limits: LoadLimits) throws -> [String] {
    let folder = try Fixture.variant(of: "minimal", changes)
    let loaded = Loader(folder: folder.path, limits: limits).load()
    return validate(loaded).all.map { $0.formatted.replacingOccurrences(of: folder.path, with: "data") }
}

@Suite struct LimitTests {
    let standard = LoadLimits.standard

    @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
        var limits = standard
        limits.fileBytes = 700
        let found = try findings(changing: [:], limits: limits)
        #expect(found.first == "data/program.yaml:1:1: error: the file is 734 bytes; expected at most 700 bytes per file (raise the limit with --max-file-size)")
        #expect(found.filter { $0.contains("the file is") }.count == 1)
    }

    @Test func aValueOverTheScalarLimitIsAnErrorAtItsPlace() throws {
        var limits = standard
        limits.scalarBytes = 1_048_576
        let long = String(repeating: "x", count: 1_048_577)
        let found = try findings(changing: ["sessions/2026-02.yaml": "sessions:\n  - relationship: r001\n    date: 2026-02-03\n    minutes: 60\n    notes: \"\(long)\"\n"], limits: limits)
        #expect(found == ["data/sessions/2026-02.yaml:5:12: error: a value of 1048577 bytes is too long; expected values of at most 1 MB (names, notes and answers are far shorter)"])
    }

    @Test func recordsOverTheLimitAreAnError() throws {
        var limits = standard
        limits.records = 3
        let found = try findings(changing: [:], limits: limits)
        // One file over the limit stops there; the folder as a whole is counted too.
        #expect(found.contains { $0.hasPrefix("data/people.yaml:1:1: error: the file holds more than 3 person records; expected at most 3 records in all") })
        // people.yaml was left out whole, so the records read undercount the folder: "more than".
        #expect(found.contains { $0 == "data: error: the data folder holds more than 3 records; expected at most 3 (raise the limit with --max-records)" })
        // The same on one thread.
        let folder = try Fixture.variant(of: "minimal")
        let serial = Loader(folder: folder.path, concurrent: false, limits: limits).load()
        #expect(serial.diagnostics.all.map { $0.formatted.replacingOccurrences(of: folder.path, with: "data") }.sorted() == found.sorted())
    }

    @Test func limitFlagsReachTheLoader() throws {
        let tight = try mentorReport(["validate", "--max-records", "1000", "--quiet"])
        #expect(tight.status == 1)
        #expect(tight.stderr.contains("data: error: the data folder holds 1795 records; expected at most 1000 (raise the limit with --max-records)"))
        let small = try mentorReport(["validate", "--data", Fixture.path("minimal"), "--max-file-size", "0"])
        #expect(small.status == 2)
        // A negative number is a value out of range, not a missing value.
        let negative = try mentorReport(["validate", "--data", Fixture.path("minimal"), "--max-records", "-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--max-records must be at least 1"))
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let found = try findings(changing: ["outcomes.yaml": "extra: \(deep)\noutcomes: []\n"], limits: standard)
        #expect(found.count == 1)
        #expect(found[0].contains("error: values nest deeper than 64 levels; expected at most 64 levels of nesting"))
    }
}
