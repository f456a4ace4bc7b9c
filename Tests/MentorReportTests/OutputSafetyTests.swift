import Foundation
import Testing
@testable import MentorReport

/// The output folder as a shared place: what the user put there is never replaced, one build at a time
/// from before it reads anything, one audience per folder, and templates that lack a part fail clearly.
@Suite struct OutputSafetyTests {
    // MARK: Replacing only what mentor-report made

    @Test func aFileNamedLikeTheMonthIsLeftAloneAndTheBuildFails() throws {
        let out = try TemporaryFolder()
        try out.write("2026-10", Array("the user's own notes".utf8))
        let result = try mentorReport(["build", "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: \(out.path)/2026-10 is a file, not a month folder written by mentor-report; it was left as it is"))
        #expect(try contents(of: out.path) == ["2026-10": Array("the user's own notes".utf8)])
    }

    @Test func aMonthFolderHoldingAFileOfTheUsersIsLeftAlone() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        try out.write("2026-10/board-notes.txt", Array("keep me".utf8))
        let before = try contents(of: out.path)
        let result = try mentorReport(["build", "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: \(out.path)/2026-10 holds board-notes.txt, which mentor-report did not write, so it will not replace the folder"))
        #expect(try contents(of: out.path) == before)
    }

    @Test func aLinkNamedLikeTheMonthIsLeftAlone() throws {
        let out = try TemporaryFolder(), elsewhere = try TemporaryFolder()
        try elsewhere.write("index.html", Array("elsewhere".utf8))
        try FileManager.default.createSymbolicLink(atPath: out.path + "/2026-10", withDestinationPath: elsewhere.path)
        let result = try mentorReport(["build", "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("2026-10 is a link, not a month folder written by mentor-report"))
        #expect(try contents(of: elsewhere.path) == ["index.html": Array("elsewhere".utf8)])
    }

    @Test func monthFoldersItWroteAreReplacedWithOrWithoutAManifest() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        let manifest = try String(contentsOfFile: out.path + "/2026-10/.mentor-report-month", encoding: .utf8)
        #expect(manifest.hasPrefix("mentor-report month folder\naudience: public\nfiles:\n  cohort-2025-autumn.html\n"))
        #expect(manifest.contains("\n  report.xml\n"))
        let first = try contents(of: out.path)
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        #expect(try contents(of: out.path) == first)
        // A folder written before manifests: report.xml, kpis.csv and pages only.
        try out.write("2026-10/.mentor-report-month", nil)
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        #expect(try contents(of: out.path) == first)
    }

    @Test func aFolderOfTheUsersWithOnlyGeneratedNamesIsLeftAlone() throws {
        let out = try TemporaryFolder()
        try out.write("2026-10/kpis.csv", Array("my precious notes".utf8))
        let result = try mentorReport(["build", "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("2026-10 has no .mentor-report-month manifest and no report.xml of that month"))
        #expect(try contents(of: out.path) == ["2026-10/kpis.csv": Array("my precious notes".utf8)])
    }

    @Test func foldersAndLinksAtGeneratedNamesAreLeftAlone() throws {
        for (name, make) in [("index.html", "folder"), ("engagement.html", "link"), (".mentor-report-month", "link"), ("kpis.csv", "folder")] {
            let out = try TemporaryFolder(), elsewhere = try TemporaryFolder()
            #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
            try elsewhere.write("target.txt", Array("user's".utf8))
            let path = out.path + "/2026-10/" + name
            try FileManager.default.removeItem(atPath: path)
            if make == "folder" {
                try out.write("2026-10/\(name)/keep.txt", Array("user's".utf8))
            } else {
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere.path + "/target.txt")
            }
            let before = try contents(of: out.path)
            let result = try mentorReport(["build", "--out", out.path, "--quiet"])
            #expect(result.status == 3, "\(make) at \(name)")
            #expect(try contents(of: out.path) == before, "\(make) at \(name)")
            #expect(try contents(of: elsewhere.path) == ["target.txt": Array("user's".utf8)])
        }
    }

    @Test func aUsersOwnIndexPageIsLeftAlone() throws {
        let out = try TemporaryFolder()
        try out.write("index.html", Array("<html><title>Our team site</title></html>".utf8))
        let result = try mentorReport(["build", "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(out.path)/index.html is not an archive page written by mentor-report; it was left as it is"))
        #expect(try contents(of: out.path) == ["index.html": Array("<html><title>Our team site</title></html>".utf8)])
    }

    @Test func whatALeftoverNameHoldsOfTheUsersIsKept() throws {
        let out = try TemporaryFolder()
        try out.write(".mentor-report-new-mine/notes.txt", Array("keep".utf8))
        try out.write(".mentor-report-old-x/report.xml", Array("<report/>".utf8))
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        #expect(FileManager.default.contents(atPath: out.path + "/.mentor-report-new-mine/notes.txt") == Data("keep".utf8))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/.mentor-report-old-x"))
    }

    /// A previous month folder is removed file by file: what mentor-report wrote goes, anything that
    /// appeared meanwhile stays (the build keeps that folder aside, see ReportWriter.write).
    @Test func removingAMonthFolderRemovesOnlyWhatItsManifestLists() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        try out.write("2026-10/late-notes.txt", Array("keep".utf8))
        let left = MonthFolder.removeOwned(out.url.appendingPathComponent("2026-10"))
        #expect(left == ["late-notes.txt"])
        #expect(try contents(of: out.path + "/2026-10") == ["late-notes.txt": Array("keep".utf8)])
    }

    @Test func aLockFileThatIsALinkIsNotFollowed() throws {
        let out = try TemporaryFolder(), elsewhere = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: out.path + "/.mentor-report.lock", withDestinationPath: elsewhere.path + "/planted")
        let result = try mentorReport(["build", "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot create the lock file"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path + "/planted"))
    }

    // MARK: One build at a time, from before reading

    @Test func theLockIsTakenBeforeTheDataIsRead() throws {
        // Data with an error: a build that read it first would exit 1; one that takes the lock first
        // fails at once on the lock held by this process.
        let data = try Fixture.variant(of: "minimal", ["sessions/2026-02.yaml": "sessions:\n  - {relationship: r999, date: 2026-02-12, minutes: 60}\n"])
        let out = try TemporaryFolder()
        let lock = try OutputLock(folder: out.url)
        let second = try mentorReport(["build", "--data", data.path, "--out", out.path, "--quiet"])
        lock.release()
        #expect(second.status == 3)
        #expect(second.stderr.contains("another mentor-report build (process \(getpid())) is writing to \(out.path)"))
        #expect(!second.stderr.contains("r999"))
    }

    @Test func aSecondBuildStartedWhileTheFirstReadsFailsAndTheFirstOneWins() throws {
        let work = try TemporaryFolder()
        _ = try SyntheticProgramme(people: 3000, seed: 7).write(to: work.path + "/big")
        let out = work.path + "/out"
        let first = try startMentorReport(["build", "--data", work.path + "/big", "--out", out, "--period", "2026-06", "--quiet"])
        // Wait until the first build holds the lock (it takes it before reading its data).
        var holder: pid_t = 0
        for _ in 0..<20_000 where holder == 0 {
            holder = lockHolder(out + "/.mentor-report.lock") ?? 0
            if holder == 0 { usleep(500) }
        }
        #expect(holder == first.processIdentifier)
        let second = try mentorReport(["build", "--out", out, "--quiet"])
        first.waitUntilExit()
        #expect(second.status == 3)
        #expect(second.stderr.contains("another mentor-report build (process \(first.processIdentifier)) is writing to \(out)"))
        #expect(first.terminationStatus == 0)
        // Only the first build's month is there (the sample's 2026-10 was never written).
        let months = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") && $0 != "index.html" && $0 != "kpis-history.csv" }
        #expect(months == ["2026-06"])
    }

    @Test func aFailedFirstBuildLeavesNoOutputFolder() throws {
        let data = try Fixture.variant(of: "minimal", ["sessions/2026-02.yaml": "sessions:\n  - {relationship: r999, date: 2026-02-12, minutes: 60}\n"])
        let work = try TemporaryFolder()
        #expect(try mentorReport(["build", "--data", data.path, "--out", work.path + "/reports", "--quiet"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: work.path + "/reports"))
    }

    // MARK: One audience per output folder

    @Test func aPublicBuildIntoAnAdminFolderIsRefusedAndChangesNothing() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--period", "2026-09", "--audience", "admin", "--quiet"]).status == 0)
        let before = try contents(of: out.path)
        let refused = try mentorReport(["build", "--out", out.path, "--period", "2026-10", "--quiet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: \(out.path) holds admin reports (recorded in .mentor-report-audience); refusing to build public reports into it"))
        #expect(refused.stderr.contains("--force-audience"))
        #expect(try contents(of: out.path) == before)
        let archive = try String(contentsOfFile: out.path + "/index.html", encoding: .utf8)
        #expect(archive.contains("Admin — names people, do not share"))
        // Forced, the folder becomes public: its archive links no admin month.
        let forced = try mentorReport(["build", "--out", out.path, "--period", "2026-10", "--force-audience", "--quiet"])
        #expect(forced.status == 0)
        let publicArchive = try String(contentsOfFile: out.path + "/index.html", encoding: .utf8)
        #expect(publicArchive.contains("href=\"2026-10/index.html\""))
        #expect(!publicArchive.contains("2026-09"))
        #expect(!publicArchive.contains("Admin — names people"))
        #expect(try String(contentsOfFile: out.path + "/.mentor-report-audience", encoding: .utf8) == "public\n")
        // ... and keeps no admin month: those pages name people.
        #expect(!FileManager.default.fileExists(atPath: out.path + "/2026-09"))
        #expect(forced.stderr.contains("note: removed the admin reports of 2026-09 from \(out.path), now a folder of public reports"))
    }

    @Test func aFolderTurnedPublicIsRefusedWhileAnAdminMonthHoldsAFileOfTheUsers() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--period", "2026-09", "--audience", "admin", "--quiet"]).status == 0)
        try out.write("2026-09/notes.txt", Array("notes".utf8))
        let before = try contents(of: out.path)
        let refused = try mentorReport(["build", "--out", out.path, "--period", "2026-10", "--force-audience", "--quiet"])
        #expect(refused.status == 3)
        #expect(refused.stderr == "error: \(out.path) is to hold public reports, but its admin month \(out.path)/2026-09 holds notes.txt, "
            + "which mentor-report did not write; its admin pages name people and must not stay in a public folder, and mentor-report "
            + "removes only files it wrote. Nothing was changed. Move those files out of \(out.path)/2026-09 (or the folder out of "
            + "\(out.path)), then build again, or use another --out for public reports\n")
        #expect(try contents(of: out.path) == before)
        // Checked again when the month is written, with the lock held (a file put there after the start).
        try out.write("2026-09/notes.txt", nil)
        let writer = ReportWriter(outputFolder: out.path, templatesFolder: Fixture.repository.appendingPathComponent("templates").path)
        let lock = try writer.acquire(audience: .public, forceAudience: true)
        try out.write("2026-09/notes.txt", Array("notes".utf8))
        let during = try contents(of: out.path)
        #expect(throws: OutputFailure.self) {
            try writer.write([("index.html", Array("page".utf8))], period: Month(text: "2026-10")!, audience: .public, lock: lock)
        }
        lock.release()
        #expect(try contents(of: out.path) == during)
    }

    @Test(arguments: [false, true])
    func aHalfRemovedAdminMonthIsRemovedWhenTheFolderTurnsPublic(manifestGone: Bool) throws {
        // What a kill while the admin month was emptied leaves, or an index.html deleted by hand: the
        // archive does not list it, but relationships.html, report.xml and kpis.csv still name people.
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--period", "2026-09", "--audience", "admin", "--quiet"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path + "/2026-09")
        for name in names where name.hasSuffix(".html") && name != "relationships.html" || manifestGone && name == ".mentor-report-month" {
            try out.write("2026-09/" + name, nil)
        }
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-09/relationships.html"))
        let forced = try mentorReport(["build", "--out", out.path, "--period", "2026-10", "--force-audience", "--quiet"])
        #expect(forced.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.path + "/2026-09"))
        #expect(forced.stderr.contains("note: removed the admin reports of 2026-09 from \(out.path), now a folder of public reports"))
        #expect(try String(contentsOfFile: out.path + "/.mentor-report-audience", encoding: .utf8) == "public\n")
    }

    @Test(arguments: ["", "mentor-report month fol"])
    func aStagingFolderKilledWhileItsManifestWasWrittenIsClearedByTheNextBuild(manifest: String) throws {
        // A kill after the manifest was created (empty) or while it was written (cut) leaves a staging
        // folder whose manifest cannot be read; the crash test's kills land there now and then.
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        try out.write(".mentor-report-new-2026-10-4242/report.xml", Array("<report".utf8))
        try out.write(".mentor-report-new-2026-10-4242/index.html", Array("<!DOCTYPE html>".utf8))
        try out.write(".mentor-report-new-2026-10-4242/.mentor-report-month", Array(manifest.utf8))
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(hidden.sorted() == [".mentor-report-audience", ".mentor-report.lock"])
    }

    @Test func removingAMonthFolderUnlinksItsManifestLast() throws {
        // Cut short, a removal leaves a folder still marked as mentor-report's, and as admin.
        #expect(MonthFolder.removalOrder([".mentor-report-month", "report.xml", "cohort-a.html", "index.html", "relationships.html"])
                == ["cohort-a.html", "index.html", "relationships.html", "report.xml", ".mentor-report-month"])
    }

    @Test func anAdminBuildIntoAPublicFolderIsRefused() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--quiet"]).status == 0)
        let before = try contents(of: out.path)
        let refused = try mentorReport(["build", "--out", out.path, "--audience", "admin", "--quiet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("admin pages name people and must not be added to a folder of public reports"))
        #expect(try contents(of: out.path) == before)
    }

    @Test func aFolderWrittenBeforeAudiencesWereRecordedIsKnownByItsPages() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--period", "2026-09", "--audience", "admin", "--quiet"]).status == 0)
        try out.write(".mentor-report-audience", nil)
        try out.write("2026-09/.mentor-report-month", nil)
        let refused = try mentorReport(["build", "--out", out.path, "--period", "2026-10", "--quiet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("holds admin reports (its month folders hold admin pages)"))
    }

    // MARK: Templates that lack a part

    @Test func aMissingStyleSheetFailsTheBuild() throws {
        let work = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Fixture.repository.path + "/templates", toPath: work.path + "/templates")
        try work.write("templates/site.css", nil)
        let result = try mentorReport(["build", "--out", work.path + "/out", "--templates", work.path + "/templates", "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(work.path)/templates/site.css: the style sheet is missing (No such file or directory); expected site.css in the templates folder"))
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"))
    }

    @Test func aMissingTemplatesFolderSaysSo() throws {
        let work = try TemporaryFolder()
        let result = try mentorReport(["build", "--out", work.path + "/out", "--templates", work.path + "/none", "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: the templates folder \(work.path)/none cannot be used: No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"))
    }
}

/// The process holding a POSIX write lock on `path`, if any.
func lockHolder(_ path: String) -> pid_t? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var probe = flock()
    probe.l_type = Int16(F_WRLCK)
    probe.l_whence = Int16(SEEK_SET)
    guard fcntl(fd, F_GETLK, &probe) == 0, probe.l_type != Int16(F_UNLCK) else { return nil }
    return probe.l_pid
}
