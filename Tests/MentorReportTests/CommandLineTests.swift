import Foundation
import Testing

/// Runs the built `mentor-report` executable as a user would, from the repository folder.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// `["__shell", SCRIPT]` runs SCRIPT with /bin/sh instead (for `ulimit`).
func mentorReport(_ arguments: [String]) throws -> CommandResult {
    let folder = Bundle.main.executableURL!.deletingLastPathComponent()
    var executable = folder.appendingPathComponent("mentor-report")
    if !FileManager.default.fileExists(atPath: executable.path) {
        // swift-testing's runner may live one level deeper than the products.
        executable = folder.deletingLastPathComponent().appendingPathComponent("mentor-report")
    }
    let process = Process()
    if arguments.first == "__shell" {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", arguments[1]]
    } else {
        process.executableURL = executable
        process.arguments = arguments
    }
    process.currentDirectoryURL = Fixture.repository
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

@Suite struct CommandLineTests {
    @Test func validateOnTheSampleExitsZeroWithASummary() throws {
        let result = try mentorReport(["validate"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("data: 28 files"))
        #expect(result.stderr.contains("265 responses, 244 outcomes (87 rows of 2 survey exports read, 3 left out as unfinished or previews)"))
        #expect(result.stderr.contains("0 errors, 3 warnings"))
    }

    @Test func strictTurnsPolicyFindingsIntoErrorsAndExitsOne() throws {
        let result = try mentorReport(["validate", "--strict", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: policy: mentor 'p010' is the line manager of mentee 'p064'"))
        #expect(!result.stderr.contains("0 errors"))  // --quiet: no summary
    }

    @Test func invalidDataExitsOneAndWritesNothing() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/2026-02.yaml": "sessions:\n  - {relationship: r999, date: 2026-02-12, minutes: 60}\n"])
        let out = try TemporaryFolder()
        let result = try mentorReport(["build", "--data", folder.path, "--out", out.path + "/reports"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sessions/2026-02.yaml:2:20: error: relationship 'r999' is not defined"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/reports"))
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try mentorReport(["build", "--period", "2026-13"]).status == 2)
        #expect(try mentorReport(["validate", "--data", "/nonexistent/folder"]).status == 2)
        #expect(try mentorReport(["build", "--audience", "everyone"]).status == 2)
        #expect(try mentorReport(["--help"]).status == 0)
    }

    @Test func usageErrorsStartLowerCaseLikeEveryOtherMessage() throws {
        let result = try mentorReport(["build", "--period", "2026-13"])
        #expect(result.stderr.hasPrefix("error: --period must be a month as YYYY-MM, such as 2026-10; found '2026-13'\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"))
    }

    @Test func aRightToLeftOverrideInAPathIsEscapedInTheMessage() throws {
        // Printed raw, U+202E would show the rest of the line backwards.
        let program = try Fixture.text("minimal/program.yaml", replacing: "    replacement_cost_per_leaver: 60000\n",
                                       with: "    replacement_cost_per_leaver: 60000\n  branding:\n    logo: \"assets/x\u{202E}gnp.svg\"\n")
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": program])
        let result = try mentorReport(["validate", "--data", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.replacingOccurrences(of: folder.path, with: "data").contains(
            #"data/program.yaml:23:11: error: logo 'assets/x\u{202E}gnp.svg' does not exist in the data folder; expected the logo file saved as data/assets/x\u{202E}gnp.svg"#))
        #expect(!result.stderr.unicodeScalars.contains("\u{202E}"))
    }

    @Test func buildWritesTheMonthFolderAndABrokenSchemaExitsThree() throws {
        let out = try TemporaryFolder()
        let ok = try mentorReport(["build", "--out", out.path, "--period", "2026-09", "--quiet"])
        #expect(ok.status == 0)
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-09/report.xml"))
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-09/kpis.csv"))
        let templates = try TemporaryFolder()
        try templates.write("report.xsd", Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><oops".utf8))
        let broken = try mentorReport(["build", "--out", out.path, "--templates", templates.path, "--quiet"])
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("report.xsd"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/2026-10"))
    }
}

/// What a person sees: progress on a terminal, one summary line at the end, nothing on stdout.
@Suite struct ProgressAndSummaryTests {
    var executable: String {
        let folder = Bundle.main.executableURL!.deletingLastPathComponent()
        let direct = folder.appendingPathComponent("mentor-report")
        return FileManager.default.fileExists(atPath: direct.path) ? direct.path
            : folder.deletingLastPathComponent().appendingPathComponent("mentor-report").path
    }

    @Test func aBuildEndsWithOneSummaryLineAndWritesNothingToStdout() throws {
        let out = try TemporaryFolder()
        let result = try mentorReport(["build", "--out", out.path])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(!result.stderr.contains("\r"))  // no progress when standard error is not a terminal
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("data → \(out.path)/2026-10: 1708 records, 3 warnings; 343 KPIs, 9 pages, report.xml and kpis.csv (period 2026-10, public) in "))
        #expect(result.stderr.split(separator: "\n").filter { !$0.contains("warning: policy") }.count == 1)
    }

    @Test func onATerminalProgressShowsAndQuietSilencesIt() throws {
        let out = try TemporaryFolder()
        let stdout = out.path + "/stdout.txt"
        let tty = try mentorReport(["__shell", "script -qec \"'\(executable)' build --out '\(out.path)/site' --audience admin > '\(stdout)'\" /dev/null"])
        #expect(tty.status == 0)
        #expect(tty.stdout.contains("rendered 11 of 11 pages"))
        #expect(tty.stdout.contains("writing 17 files into \(out.path)/site/2026-10"))
        #expect(tty.stdout.contains("data → \(out.path)/site/2026-10: 1708 records"))
        #expect(try String(contentsOfFile: stdout, encoding: .utf8) == "")
        let quiet = try mentorReport(["__shell", "script -qec \"'\(executable)' build --out '\(out.path)/public' --quiet > '\(stdout)'\" /dev/null"])
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("rendered"))
        #expect(!quiet.stdout.contains("records"))
        #expect(quiet.stdout.contains("policy: mentor"))  // findings are still printed (in colour on a terminal)
    }
}
