import Foundation
import Testing
@testable import MentorReport

/// SPEC §2 (2026-12), issue "no silent wrong report", items 2 and 3: a session dated where it cannot be
/// right, a session far after all the others, and a month whose data stop early are said, with the
/// place of the date, and a partial month's pages say so too.
@Suite struct SessionDateTests {
    static let february = "minimal/sessions/2026-02.yaml"
    /// The minimal fixture's latest session: r001 on 2026-02-23 (sessions/2026-02.yaml:3:11).
    static let latest = "    date: 2026-02-23\n"

    /// The minimal fixture with its latest session moved to `date`.
    static func latestSession(on date: String) throws -> TemporaryFolder {
        try Fixture.variant(of: "minimal", ["sessions/2026-02.yaml": try Fixture.text(february, replacing: latest, with: "    date: \(date)\n")])
    }

    /// The findings of the minimal fixture with its latest session moved to `date`.
    static func findingsWithLatestSession(on date: String, period: String? = nil) throws -> [String] {
        let folder = try latestSession(on: date)
        return withExtendedLifetime(folder) { findings(folder.path, period: period) }
    }

    // MARK: Dates against the relationship

    @Test func aSessionAfterItsRelationshipEndedIsAnErrorAtItsDate() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "    planned_end: 2026-12-31\n",
                                             with: "    planned_end: 2026-12-31\n    ended: 2026-02-20\n    end_reason: completed\n")
        let found = try findings(changing: ["relationships.yaml": relationships])
        #expect(found == ["data/sessions/2026-02.yaml:3:11: error: session of relationship 'r001' on 2026-02-23 is after the relationship ended (2026-02-20, at data/relationships.yaml:2:9); expected a date on or before its end: check the session's date and the relationship's 'ended'"])
    }

    @Test func aSessionOnTheDayItsRelationshipEndedIsFine() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "    planned_end: 2026-12-31\n",
                                             with: "    planned_end: 2026-12-31\n    ended: 2026-02-23\n    end_reason: completed\n")
        #expect(try findings(changing: ["relationships.yaml": relationships]) == [])
    }

    @Test func aSessionAfterItsRelationshipEndedStopsTheBuild() throws {
        let folder = try Fixture.variant(of: "minimal", ["relationships.yaml": try Fixture.text(
            "minimal/relationships.yaml", replacing: "    planned_end: 2026-12-31\n", with: "    planned_end: 2026-12-31\n    ended: 2026-02-01\n")])
        let out = try TemporaryFolder()
        let result = try mentorReport(["build", "--data", folder.path, "--out", out.path + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder.path)/sessions/2026-02.yaml:3:11: error: session of relationship 'r001' on 2026-02-23 is after the relationship ended (2026-02-01, at \(folder.path)/relationships.yaml:2:9)"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/out"))
    }

    @Test func aSessionBeforeItsRelationshipStartsIsAWarningAtItsDate() throws {
        // r001 starts 2026-01-15, the day of its first session (no finding); a day earlier is a warning.
        let sessions = try Fixture.text("minimal/sessions/2026-01.yaml", replacing: "    date: 2026-01-15\n", with: "    date: 2026-01-14\n")
        let found = try findings(changing: ["sessions/2026-01.yaml": sessions])
        #expect(found == ["data/sessions/2026-01.yaml:3:11: warning: session of relationship 'r001' on 2026-01-14 is before the relationship starts (2026-01-15, at data/relationships.yaml:2:9)"])
    }

    // MARK: An outlier that would move the default period

    @Test func aSessionMoreThan45DaysAfterAllOthersIsAWarningAtItsDate() throws {
        // The others end on 2026-01-28 (sessions/2026-01.yaml:9:11); 2026-03-15 is 46 days later.
        let found = try Self.findingsWithLatestSession(on: "2026-03-15")
        #expect(found.contains("data/sessions/2026-02.yaml:3:11: warning: session of relationship 'r001' on 2026-03-15 is 46 days after every other session (the latest of them is on 2026-01-28, at data/sessions/2026-01.yaml:9:11): it alone makes 2026-03 the default reporting month; check its date"))
        // 45 days later is not an outlier.
        #expect(try !Self.findingsWithLatestSession(on: "2026-03-14").contains { $0.contains("after every other session") })
    }

    @Test func aGroupOfSessionsFarAfterTheRestIsAWarningAtItsFirst() throws {
        // Two sessions 112 days after the rest (2026-01-28): together they pick the default month.
        let sessions = try Fixture.text(Self.february, replacing: Self.latest, with: "    date: 2026-05-20\n")
            + "  - {relationship: r002, date: 2026-05-27, minutes: 30}\n"
        let found = try findings(changing: ["sessions/2026-02.yaml": sessions])
        #expect(found.contains("data/sessions/2026-02.yaml:3:11: warning: the 2 sessions from 2026-05-20 to 2026-05-27 are 112 days or more after every earlier session (the latest of them is on 2026-01-28, at data/sessions/2026-01.yaml:9:11): they alone make 2026-05 the default reporting month; check their dates (a mistyped year?)"))
        #expect(found.filter { $0.contains(": error: ") } == [])
    }

    @Test func sessionsGoingOnForMoreThan45DaysAfterABreakAreNoOutlier() throws {
        // A programme that resumed after a break and has met for 46 days since: not a typo.
        let sessions = try Fixture.text(Self.february, replacing: Self.latest, with: "    date: 2026-05-20\n")
            + "  - {relationship: r002, date: 2026-06-02, minutes: 30}\n"
            + "  - {relationship: r001, date: 2026-07-05, minutes: 30}\n"
        let found = try findings(changing: ["sessions/2026-02.yaml": sessions])
        #expect(!found.contains { $0.contains("after every other session") || $0.contains("after every earlier session") })
        // 45 days since the break's end is still a group worth a look.
        let shorter = try Fixture.text(Self.february, replacing: Self.latest, with: "    date: 2026-05-20\n")
            + "  - {relationship: r001, date: 2026-07-04, minutes: 30}\n"
        #expect(try findings(changing: ["sessions/2026-02.yaml": shorter]).contains { $0.contains("warning: the 2 sessions from 2026-05-20 to 2026-07-04 are 112 days or more after every earlier session") })
    }

    @Test func aWholeMonthTypedWithTheWrongYearIsAWarning() throws {
        // The adversarial case: October's file saved as 2027, its sessions of relationships that ended
        // in October 2026 left out (they would be errors), so nothing else would say it.
        let work = try Self.sampleCopy()
        let data = work.path + "/data"
        let october = try String(contentsOfFile: data + "/sessions/2026-10.yaml", encoding: .utf8)
        var kept: [Substring] = []
        for record in october.components(separatedBy: "\n  - ").enumerated().map({ Substring($0.element) }) {
            if ["r076", "r004", "r022"].contains(where: { record.contains("relationship: \($0)\n") }) { continue }
            kept.append(record)
        }
        try FileManager.default.removeItem(atPath: data + "/sessions/2026-10.yaml")
        let file = data + "/sessions/2027-10.yaml"
        try kept.joined(separator: "\n  - ").replacingOccurrences(of: "date: 2026-10-", with: "date: 2027-10-").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try mentorReport(["validate", "--data", data])
        #expect(result.status == 0)
        #expect(!result.stderr.contains(": error: "))
        #expect(result.stderr.contains("\(file):5:11: warning: the 97 sessions from 2027-10-01 to 2027-10-30 are 367 days or more after every earlier session (the latest of them is on 2026-09-29, at \(data)/sessions/2026-09.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("they alone make 2027-10 the default reporting month; check their dates (a mistyped year?)\n"))
    }

    // MARK: Partial month

    @Test func aMonthWhoseLatestSessionIsMoreThan7DaysBeforeItsEndIsPartial() throws {
        let found = try Self.findingsWithLatestSession(on: "2026-02-20")
        #expect(found == ["data/sessions/2026-02.yaml:3:11: warning: the reporting month 2026-02 is partial: the latest session of the data is on 2026-02-20, 8 days before the month ends (2026-02-28); use --period 2026-01 for the last complete month"])
        // Seven days before the end is complete (the fixture's own 2026-02-23 is five).
        #expect(try Self.findingsWithLatestSession(on: "2026-02-21") == [])
        #expect(findings(Fixture.path("minimal")) == [])
    }

    @Test func aPastMonthWithLaterSessionsIsNeverPartial() throws {
        // January's last session is on the 28th, but what matters is that the data go on past it.
        let folder = try Self.latestSession(on: "2026-02-20")
        #expect(findings(folder.path, period: "2026-01") == [])
    }

    @Test func aMonthAfterTheDataNamesTheLastCompleteMonth() throws {
        // The latest session, 2026-02-23, is within 7 days of February's end: February is complete.
        #expect(findings(Fixture.path("minimal"), period: "2026-04").contains("data/sessions/2026-02.yaml:3:11: warning: the reporting month 2026-04 is partial: the latest session of the data is on 2026-02-23, 66 days before the month ends (2026-04-30); use --period 2026-02 for the last complete month"))
        // On 2026-02-20 it is not: January is.
        #expect(try Self.findingsWithLatestSession(on: "2026-02-20", period: "2026-04").contains { $0.hasSuffix("2026-02-20, 69 days before the month ends (2026-04-30); use --period 2026-01 for the last complete month") })
    }

    @Test func aPartialMonthIsNotReportedBesideErrors() throws {
        // Nothing is written, so there is no month to call partial; the error is what to fix.
        let january = try Fixture.text("minimal/sessions/2026-01.yaml", replacing: "relationship: r002", with: "relationship: r999")
        let february = try Fixture.text(Self.february, replacing: Self.latest, with: "    date: 2026-02-20\n")
        let found = try findings(changing: ["sessions/2026-01.yaml": january, "sessions/2026-02.yaml": february])
        #expect(found == ["data/sessions/2026-01.yaml:8:19: error: relationship 'r999' is not defined"])
    }

    @Test func everyPageOfAPartialMonthCarriesTheNotice() throws {
        let folder = try Self.latestSession(on: "2026-02-20")
        for audience in ReportAudience.allCases {
            let out = try TemporaryFolder()
            let month = try build(folder.path, out: out.path, audience: audience)
            let files = try contents(of: month)
            let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
            #expect(pages.count >= 6)
            #expect(pages.contains("executive-summary.html"))
            for page in pages {
                let html = String(decoding: files[page]!, as: UTF8.self)
                #expect(html.contains("<p class=\"warning-note partial-month\" role=\"status\">Partial month: the latest session in the data is on 20 February 2026, 8 days before the month ends, so its figures are incomplete until its sessions are recorded. The last complete month is January 2026.</p>"), "\(audience) \(page)")
                // Near the top: right under the page's heading.
                #expect(html.range(of: "</h1><p class=\"warning-note partial-month\"") != nil, "\(audience) \(page)")
            }
            let xml = String(decoding: files["report.xml"]!, as: UTF8.self)
            #expect(xml.contains("<partial-month latest-session=\"2026-02-20\" days-before-end=\"8\" last-complete-period=\"2026-01\"/>"))
        }
    }

    @Test func theSamplesCompleteMonthHasNoNoticeAndNoWarning() throws {
        let sample = Fixture.repository.path + "/data"
        #expect(!findings(sample).contains { $0.contains("partial") || $0.contains("after every other session") || $0.contains("relationship ended") || $0.contains("relationship starts") })
        let out = try TemporaryFolder()
        let files = try contents(of: try build(sample, out: out.path, audience: .admin))
        #expect(files.keys.filter { $0.hasSuffix(".html") }.count >= 6)
        for (name, bytes) in files {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("partial-month"), "\(name)")
        }
    }

    // MARK: The scenarios, replayed on a copy of the sample

    /// A copy of the sample data in a new temporary folder (`work.path + "/data"`).
    static func sampleCopy() throws -> TemporaryFolder {
        let work = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Fixture.repository.path + "/data", toPath: work.path + "/data")
        return work
    }

    @Test func aMistypedYearIsAnOutlierAndItsMonthPartial() throws {
        let work = try Self.sampleCopy()
        let data = work.path + "/data"
        let file = data + "/sessions/2026-10.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // The first session of October (line 5, after two comment lines) typed with the wrong year.
        let first = try #require(text.range(of: "    date: 2026-10-01\n"))
        try text.replacingCharacters(in: first, with: "    date: 2027-10-01\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try mentorReport(["build", "--data", data, "--out", work.path + "/out"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file):5:11: warning: session of relationship 'r009' on 2027-10-01 is 336 days after every other session (the latest of them is on 2026-10-30, at \(file):"))
        #expect(result.stderr.contains("): it alone makes 2027-10 the default reporting month; check its date\n"))
        #expect(result.stderr.contains("\(file):5:11: warning: the reporting month 2027-10 is partial: the latest session of the data is on 2027-10-01, 30 days before the month ends (2027-10-31); use --period 2026-10 for the last complete month\n"))
        let page = try String(contentsOfFile: work.path + "/out/2027-10/index.html", encoding: .utf8)
        #expect(page.contains("Partial month: the latest session in the data is on 1 October 2027"))
    }

    @Test func twoEarlyNovemberSessionsMakeAPartialDefaultMonthSaidOnEveryPage() throws {
        let work = try Self.sampleCopy()
        let data = work.path + "/data"
        try """
            sessions:
              - relationship: r009
                date: 2026-11-02
                minutes: 45
                format: video
              - relationship: r060
                date: 2026-11-03
                minutes: 60
                format: in-person

            """.write(toFile: data + "/sessions/2026-11.yaml", atomically: true, encoding: .utf8)
        let warning = "\(data)/sessions/2026-11.yaml:7:11: warning: the reporting month 2026-11 is partial: the latest session of the data is on 2026-11-03, 27 days before the month ends (2026-11-30); use --period 2026-10 for the last complete month\n"
        let validated = try mentorReport(["validate", "--data", data])
        #expect(validated.status == 0)
        #expect(validated.stderr.contains(warning))
        let built = try mentorReport(["build", "--data", data, "--out", work.path + "/out"])
        #expect(built.status == 0)
        #expect(built.stderr.contains(warning))
        // The default period is still the month of the latest session.
        let files = try contents(of: work.path + "/out/2026-11")
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.contains("executive-summary.html") && pages.contains("index.html") && pages.count >= 6)
        for page in pages {
            #expect(String(decoding: files[page]!, as: UTF8.self).contains("Partial month: the latest session in the data is on 3 November 2026, 27 days before the month ends, so its figures are incomplete until its sessions are recorded. The last complete month is October 2026."), "\(page)")
        }
        // Under --strict the warning stops the build, like every warning.
        let strict = try mentorReport(["build", "--data", data, "--out", work.path + "/strict", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(data)/sessions/2026-11.yaml:7:11: error: the reporting month 2026-11 is partial"))
    }
}
