import Foundation
import Testing
@testable import MentorReport

/// The visible files of an output folder (hidden lock and staging names left out), path → bytes.
func visibleTree(_ folder: String) throws -> [String: [UInt8]] {
    try contents(of: folder).filter { path, _ in !path.split(separator: "/").contains { $0.hasPrefix(".") } }
}

/// Starts `mentor-report` with arguments, without waiting.
func startMentorReport(_ arguments: [String]) throws -> Process {
    let result = Process()
    let folder = Bundle.main.executableURL!.deletingLastPathComponent()
    var executable = folder.appendingPathComponent("mentor-report")
    if !FileManager.default.fileExists(atPath: executable.path) {
        executable = folder.deletingLastPathComponent().appendingPathComponent("mentor-report")
    }
    result.executableURL = executable
    result.arguments = arguments
    result.currentDirectoryURL = Fixture.repository
    result.standardOutput = FileHandle.nullDevice
    result.standardError = FileHandle.nullDevice
    try result.run()
    return result
}

@Suite(.serialized) struct CrashSafetyTests {
    /// `kill -9` at 20 points spread over a large build leaves the output folder as it was, or holds the
    /// complete new build: never a mix, never a half-written month.
    @Test func killedBuildsLeaveThePreviousOutputOrTheWholeNewOne() throws {
        let data = try TemporaryFolder()
        _ = try SyntheticProgramme(people: 3_000, seed: 5).write(to: data.path)
        let period = ["--period", "2026-06"]
        // Before: the public site. After: the admin site (one more page, other numbers on none).
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--data", data.path, "--out", out.path, "--quiet"] + period).status == 0)
        let before = try visibleTree(out.path)
        let reference = try TemporaryFolder()
        let started = Date()
        #expect(try mentorReport(["build", "--data", data.path, "--out", reference.path, "--audience", "admin", "--quiet"] + period).status == 0)
        let duration = Date().timeIntervalSince(started)
        let after = try visibleTree(reference.path)
        #expect(before != after)

        var generator = SplitMix64(seed: 20261123)
        var outcomes = (before: 0, after: 0)
        for k in 0..<20 {
            // Ten points spread over the whole run, ten over its last fifth (rendering and writing), each
            // at a random place in its slot.
            let r = Double(generator.next() % 1000) / 1000
            let delay = k < 10 ? duration * (Double(k) + r) / 10 : duration * (0.8 + 0.2 * (Double(k - 10) + r) / 10)
            // Forced: the folder changes audience back and forth (one audience per folder otherwise).
            let build = try startMentorReport(["build", "--data", data.path, "--out", out.path, "--audience", "admin", "--force-audience", "--quiet"] + period)
            Thread.sleep(forTimeInterval: delay)
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let now = try visibleTree(out.path)
            #expect(now == before || now == after, "kill after \(delay) s left a mix: \(Set(now.keys).union(after.keys).filter { now[$0] != after[$0] }.sorted()) differ from the new output, \(Set(now.keys).union(before.keys).filter { now[$0] != before[$0] }.sorted()) from the old")
            if now == before { outcomes.before += 1 } else if now == after {
                outcomes.after += 1
                // Back to the earlier state for the next kill.
                #expect(try mentorReport(["build", "--data", data.path, "--out", out.path, "--force-audience", "--quiet"] + period).status == 0)
            }
        }
        #expect(outcomes.before > 0)
        // The next build clears what killed ones left behind.
        #expect(try mentorReport(["build", "--data", data.path, "--out", out.path, "--force-audience", "--quiet"] + period).status == 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(hidden.sorted() == [".mentor-report-audience", ".mentor-report.lock"])
    }

    @Test func aSecondBuildIntoTheSameFolderFailsClearlyWhileTheFirstHoldsTheLock() throws {
        let out = try TemporaryFolder()
        let lock = try OutputLock(folder: out.url)
        let second = try mentorReport(["build", "--out", out.path, "--quiet"])
        lock.release()
        #expect(second.status == 3)
        #expect(second.stderr.contains("error: another mentor-report build (process \(getpid())) is writing to \(out.path); expected one build at a time per output folder"))
        #expect(try visibleTree(out.path).isEmpty)
        // Once the first is done, the next one goes ahead.
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
    }

    @Test func aFileSizeLimitFailsWithThePathAndTheSystemsReasonAndKeepsTheOutput() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--period", "2026-09", "--quiet"]).status == 0)
        let before = try visibleTree(out.path)
        let executable = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("mentor-report")
        let path = FileManager.default.fileExists(atPath: executable.path) ? executable.path
            : executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("mentor-report").path
        let limited = try mentorReport(["__shell", "ulimit -f 4; exec '\(path)' build --out '\(out.path)' --period 2026-09 --quiet"])
        #expect(limited.status == 3)
        #expect(limited.stderr.contains("error: cannot write \(out.path)/.mentor-report-new-2026-09-"))
        #expect(limited.stderr.contains(": File too large"))
        #expect(try visibleTree(out.path) == before)
    }

    @Test func anOutputFolderThatCannotBeMadeExitsThreeWithTheReason() throws {
        let folder = try TemporaryFolder()
        try folder.write("file", Array("x".utf8))
        let result = try mentorReport(["build", "--out", folder.path + "/file/out", "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: cannot create the output folder \(folder.path)/file/out: Not a directory"))
    }
}
