import Foundation
import Testing
@testable import MentorReport

/// The admin action lists (SPEC §4, 2026-12): `actions/*.csv` and the Actions page, on a fixture with
/// one record per case (Tests/Fixtures/actions, as of 2026-03-31) and on the sample.
@Suite struct ActionListTests {
    static let fixture = Fixture.path("actions")
    static let sample = Fixture.repository.appendingPathComponent("data").path

    /// A CSV file as written: the byte-order mark, then CRLF-ended lines.
    private func lines(_ bytes: [UInt8]?) throws -> [String] {
        let bytes = try #require(bytes)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark, for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        return text.components(separatedBy: "\r\n").dropLast()
    }

    @Test func eachListHasItsRowsInItsOrder() throws {
        let out = try TemporaryFolder()
        let written = try build(Self.fixture, out: out.path, period: "2026-03", audience: .admin)
        let files = try contents(of: written)
        #expect(try lines(files["actions/waiting-mentees.csv"]) == [
            "id,name,email,enrolled,days_waiting",
            "w1,Zoë Müller,zoe@fixture.example,2026-01-10,80",
            // 58 days each: by id; a name that starts like a formula is made inert
            "w0,Wait Zero,,2026-02-01,58",
            #"w2,"'=HYPERLINK(""x"")",w2@fixture.example,2026-02-01,58"#,
        ])
        #expect(try lines(files["actions/relationships-at-risk.csv"]) == [
            "relationship,health,mentors,mentees,emails,last_session,days_since_last_session",
            // no session: counted from the start, as the health rule counts; a person without an email is left out
            "a2,at-risk,Mentor One; Mentor Two,Mentee Two; Mentee Three,m1@fixture.example; e2@fixture.example; e3@fixture.example,,89",
            "a1,at-risk,Mentor One,Mentee One,m1@fixture.example; e1@fixture.example,2026-02-10,49",
            "b1,behind,Mentor Two,Mentee Four,,2026-02-15,44",
        ])
        #expect(try lines(files["actions/past-planned-end.csv"]) == [
            "relationship,mentors,mentees,emails,planned_end,days_past_planned_end",
            "p1,Mentor One,Mentee Five,m1@fixture.example; e5@fixture.example,2026-03-01,30",
        ])
        #expect(try lines(files["actions/survey-non-responders.csv"]) == [
            "survey,person,name,email",
            // e2 answered after as_of; e6 enrolled after the survey opened; January's survey is too old to
            // chase and April's not open yet
            "pulse-march,e2,Mentee Two,e2@fixture.example",
            "pulse-march,e3,Mentee Three,e3@fixture.example",
            "pulse-march,e4,Mentee Four,",
            "pulse-march,e5,Mentee Five,e5@fixture.example",
            "pulse-march,w0,Wait Zero,",
            #"pulse-march,w2,"'=HYPERLINK(""x"")",w2@fixture.example"#,
            // a cohort's survey asks only its members
            "spring-check,e1,Mentee One,e1@fixture.example",
        ])
    }

    @Test func theActionsPageShowsEachListAndLinksItsFile() throws {
        let out = try TemporaryFolder()
        let written = try build(Self.fixture, out: out.path, period: "2026-03", audience: .admin)
        let html = try String(contentsOfFile: written + "/actions.html", encoding: .utf8)
        let text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for file in ["waiting-mentees.csv", "relationships-at-risk.csv", "past-planned-end.csv", "survey-non-responders.csv"] {
            #expect(html.contains(#"href="actions/\#(file)""#), "\(file) is linked")
            #expect(FileManager.default.fileExists(atPath: written + "/actions/" + file))
        }
        #expect(text.contains("Download waiting-mentees.csv (3 rows)"))
        #expect(text.contains("Download past-planned-end.csv (1 row)"))
        #expect(text.contains("Zoë Müller"))
        #expect(text.contains("Mentor One, Mentor Two"))
        #expect(text.contains("March pulse"))
        #expect(!text.contains("January pulse"))
        // The page is in the navigation of every admin page.
        let overview = try String(contentsOfFile: written + "/index.html", encoding: .utf8)
        #expect(overview.contains(#"href="actions.html""#))
    }

    @Test func publicReportsHaveNoActionsAnywhere() throws {
        let out = try TemporaryFolder()
        let written = try build(Self.fixture, out: out.path, period: "2026-03", audience: .public)
        let files = try contents(of: written)
        #expect(!files.keys.contains { $0.hasPrefix("actions") }, "no actions folder, no actions page")
        for (name, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("fixture.example"), "\(name) holds an email address")
            #expect(!text.contains("actions.html"), "\(name) links the actions page")
            #expect(!text.contains("<actions"), "\(name) holds the action lists")
        }
    }

    /// The lists agree with the KPIs they act on, on the sample.
    @Test func theSamplesListsMatchItsKPIs() throws {
        let out = try TemporaryFolder()
        let written = try build(Self.sample, out: out.path, audience: .admin)
        let files = try contents(of: written)
        let kpis = Dictionary(try lines(files["kpis.csv"]).dropFirst().map { line -> (String, String) in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields[1]))
        }, uniquingKeysWith: { a, _ in a })
        func rows(_ name: String) throws -> Int { try lines(files["actions/" + name]).count - 1 }
        #expect(try rows("waiting-mentees.csv") == Int(try #require(kpis["match.waiting"]))!)
        #expect(try rows("relationships-at-risk.csv") == Int(kpis["health.at_risk"]!)! + Int(kpis["health.behind"]!)!)
        #expect(try rows("past-planned-end.csv") == Int(try #require(kpis["policy.past_planned_end"]))!)
        #expect(try rows("survey-non-responders.csv") > 0)
    }

    @Test func aMonthWithActionsIsReplacedAndRemovedWhole() throws {
        let out = try TemporaryFolder()
        try build(Self.fixture, out: out.path, period: "2026-03", audience: .admin)
        // Built again: the month folder, actions/ included, is replaced.
        try build(Self.fixture, out: out.path, period: "2026-03", audience: .admin)
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-03/actions/waiting-mentees.csv"))
        // A file of the user's in actions/ is not mentor-report's: the folder is not replaced.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out.path + "/2026-03/actions/notes.txt"))
        let before = try contents(of: out.path)
        let loaded = Loader(folder: Self.fixture).load()
        let report = Report(data: loaded.data, period: ReportingPeriod(Month(text: "2026-03")!), audience: .admin)
        let writer = ReportWriter(outputFolder: out.path, templatesFolder: Fixture.repository.path + "/templates")
        #expect {
            try writer.write(try writer.render(report), period: report.period.month, audience: .admin)
        } throws: { "\($0)".contains("2026-03 holds actions, which mentor-report did not write") }
        #expect(try contents(of: out.path) == before)
        try FileManager.default.removeItem(atPath: out.path + "/2026-03/actions/notes.txt")
        // Turned public: the admin month goes, its action lists with it.
        let result = try mentorReport(["build", "--data", Self.fixture, "--out", out.path, "--period", "2026-02", "--force-audience"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path + "/2026-03"))
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-02/index.html"))
    }
}
