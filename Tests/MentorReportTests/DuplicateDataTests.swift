import Foundation
import Testing
@testable import MentorReport

/// SPEC §2 (2026-12), issue "no silent wrong report", item 1: a copied file, a record entered twice or
/// a person entered twice is said, with its place, before it can double a month.
@Suite struct DuplicateDataTests {
    /// The scenario as a new user meets it: a copy of the month's sessions file beside it in a copy of
    /// the sample. It used to pass with 0 errors and double `sessions.count`.
    @Test func aCopiedSessionsFileIsAnErrorAtEachCopiedSessionAndNothingIsWritten() throws {
        let work = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Fixture.repository.path + "/data", toPath: work.path + "/data")
        try FileManager.default.copyItem(atPath: work.path + "/data/sessions/2026-10.yaml", toPath: work.path + "/data/sessions/2026-10 (copy).yaml")
        let result = try mentorReport(["build", "--data", work.path + "/data", "--out", work.path + "/out"])
        #expect(result.status == 1)
        let data = work.path + "/data"
        #expect(result.stderr.contains("\(data)/sessions/2026-10 (copy).yaml:1:1: warning: read as data, but its name looks like a copy or a backup ('(copy)')"))
        let copied = result.stderr.split(separator: "\n").filter { $0.hasPrefix("\(data)/sessions/2026-10 (copy).yaml:") && $0.contains(": error: duplicate of the session at \(data)/sessions/2026-10.yaml:") }
        #expect(copied.count == 100, "one error per copied session (the 100 printed)")
        // Each copy names the original at the same line and column.
        #expect(result.stderr.contains("\(data)/sessions/2026-10 (copy).yaml:4:5: error: duplicate of the session at \(data)/sessions/2026-10.yaml:4:5"))
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"))
    }

    @Test func aSecondSessionOnTheSameDayIsAWarningNamingTheFirst() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/2026-02.yaml": try Fixture.text("minimal/sessions/2026-02.yaml", replacing: "sessions:\n", with: """
            sessions:
              - relationship: r001
                date: 2026-02-23
                minutes: 30
                format: phone

            """)])
        let found = findings(folder.path)
        #expect(found.contains("data/sessions/2026-02.yaml:6:5: warning: a second session of relationship 'r001' on 2026-02-23; the other is at data/sessions/2026-02.yaml:2:5: check that one is not a corrected copy of the other"))
        #expect(!found.contains { $0.contains("error") })
    }

    @Test func anIdenticalSessionInTheSameFileIsAnError() throws {
        let twice = """
            sessions:
              - {relationship: r001, date: 2026-02-12, minutes: 60, format: phone, live_issue: false, notes: "first"}
              - {relationship: r001, date: 2026-02-12, minutes: 60, format: phone, live_issue: false, notes: "typed again"}

            """
        let found = try findings(changing: ["sessions/2026-02.yaml": twice])
        #expect(found.contains { $0.hasPrefix("data/sessions/2026-02.yaml:3:5: error: duplicate of the session at data/sessions/2026-02.yaml:2:5 (the same relationship 'r001', date, minutes, format, attendees and live_issue)") })
    }

    @Test func copyAndBackupNamesAreKnown() {
        for (name, marker) in [("2026-10 (copy).yaml", "(copy)"), ("2026-10 copy.yaml", " copy"), ("Copy of 2026-10.yaml", "copy of"),
                               ("2026-10 (1).yaml", " (1)"), ("2026-10~.yaml", "~"), ("2026-10.bak.yaml", ".bak"), ("2026-10.orig.yaml", ".orig"),
                               ("2026-10-copy.yaml", "-copy"), ("2026-10_backup.yaml", "_backup"), ("~2026-10.yaml", "~"),
                               ("2026-10.Backup.yaml", ".backup"), ("cohort-a_Copy.yaml", "_copy")] {
            #expect(DataFolder.copyMarker(name) == marker, "\(name)")
        }
        for name in ["2026-10.yaml", "copywriting.yaml", "2026 (q1).yaml", "people.yaml", "copy.yaml", "backup.yaml",
                     "2026-10-copyedit.yaml", "backups-2026.yaml", "cohort-copy-editors-2026.yaml", "2026-10-part2.yaml"] {
            #expect(DataFolder.copyMarker(name) == nil, "\(name)")
        }
    }

    @Test func aCopyNamedWithADashIsAWarningAtItsFile() throws {
        let folder = try Fixture.variant(of: "minimal")
        let month = try String(contentsOfFile: folder.path + "/sessions/2026-02.yaml", encoding: .utf8)
        try folder.write("sessions/2026-02_backup.yaml", Array(month.utf8))
        let found = findings(folder.path)
        #expect(found.contains("data/sessions/2026-02_backup.yaml:1:1: warning: read as data, but its name looks like a copy or a backup ('_backup'); if it is one, move it out of the data folder: a copy counts its records twice"), "\(found)")
    }

    @Test func aPersonEnteredTwiceUnderAnotherIdIsAWarning() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "  - id: p102\n", with: """
              - id: p109
                name: Chen Wei
                roles: [mentee]
                enrolled: 2026-01-10
                manager: p002
              - id: p102

            """)
        let found = try findings(changing: ["people.yaml": people])
        #expect(found.contains("data/people.yaml:21:9: warning: person 'p109' has the same name and manager ('p002') as person 'p101' at data/people.yaml:14:9; is one a duplicate of the other?"))
    }

    @Test func theSampleHasNoneOfThese() throws {
        let found = findings(Fixture.repository.path + "/data")
        #expect(!found.contains { $0.contains("duplicate") || $0.contains("second session") || $0.contains("copy or a backup") })
    }
}
