import Foundation
import Testing
@testable import MentorReport

/// `build --pdf` (SPEC §4, 2026-12): the PDFs printed by headless Chromium, and every way printing
/// can fail leaving the output folder as it was.
@Suite struct PDFTests {
    /// A real Chromium and poppler's pdfinfo (CI installs both: `.ci/run`).
    static let chromium = (try? PDFPrinter.locate(nil)) ?? ""
    static let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let canPrint = !chromium.isEmpty && pdfinfo != nil

    /// `pdfinfo FILE`'s fields.
    private func info(_ pdf: String) throws -> [String: String] {
        let result = try mentorReport(["__shell", "'\(Self.pdfinfo!)' '\(pdf)'"])
        #expect(result.status == 0, "\(result.stderr)")
        var fields: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    @Test(.enabled(if: canPrint)) func theSummaryIsOnePageOnA4AndLetterAndTheBoardPackHasEverySection() throws {
        for (paper, size) in [("a4", "(A4)"), ("letter", "(letter)")] {
            let out = try TemporaryFolder()
            let result = try mentorReport(["build", "--out", out.path, "--pdf", "--paper", paper, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let summary = try info(out.path + "/2026-10/executive-summary.pdf")
            #expect(summary["Pages"] == "1", "\(paper): \(summary)")
            #expect(summary["Page size"]?.hasSuffix(size) == true, "\(paper): \(summary)")
            let pack = try info(out.path + "/2026-10/report.pdf")
            #expect(Int(pack["Pages"] ?? "") ?? 0 >= 1 + PDFPrinter.packSections.count, "\(paper): \(pack)")
            #expect(pack["Page size"]?.hasSuffix(size) == true)
            // The manifest lists them, so the next build replaces the month with them.
            let manifest = try String(contentsOfFile: out.path + "/2026-10/.mentor-report-month", encoding: .utf8)
            #expect(manifest.contains("  executive-summary.pdf\n") && manifest.contains("  report.pdf\n"))
        }
    }

    @Test(.enabled(if: canPrint)) func theBoardPackHasPageNumbersTheMonthAndEachSection() throws {
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--pdf", "--quiet"]).status == 0)
        let text = try mentorReport(["__shell", "pdftotext -layout '\(out.path)/2026-10/report.pdf' -"]).stdout
        let pages = Int(try info(out.path + "/2026-10/report.pdf")["Pages"] ?? "") ?? 0
        #expect(text.contains("Page 1 of \(pages)") && text.contains("Page \(pages) of \(pages)"))
        #expect(text.contains("Northwind Leadership Mentoring Programme — October 2026"))
        for heading in ["Executive summary", "Overview", "Engagement", "Outcomes", "Inclusion", "Compare"] {
            #expect(text.contains(heading), "the board pack has no \(heading)")
        }
        // Vector charts: the text of the health chart's labels is text in the PDF, not pixels.
        #expect(text.contains("on track"))
    }

    @Test func withoutAChromiumTheBuildExitsThreeAndWritesNothing() throws {
        let out = try TemporaryFolder()
        let executable = Bundle.main.executableURL!.deletingLastPathComponent()
        let result = try mentorReport(["__shell", """
            bin='\(executable.path)/mentor-report'; [ -x "$bin" ] || bin='\(executable.deletingLastPathComponent().path)/mentor-report'
            PATH=/nonexistent "$bin" build --out '\(out.path)/site' --pdf
            """])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: --pdf needs a Chromium to print with, and none of chromium, chromium-browser, google-chrome is on PATH"))
        #expect(result.stderr.contains("sudo apt-get install chromium") && result.stderr.contains("--chromium PATH"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/site"))
        let named = try mentorReport(["build", "--out", out.path + "/site", "--pdf", "--chromium", out.path + "/no-such-browser"])
        #expect(named.status == 3)
        #expect(named.stderr.contains("--chromium \(out.path)/no-such-browser cannot be used: No such file or directory"))
    }

    @Test func aChromiumThatHangsIsStoppedAtTheTimeLimitWithEverythingItStarted() throws {
        let out = try TemporaryFolder()
        // A browser that never prints, and starts a child of its own that would outlive it.
        let browser = out.path + "/slow-browser"
        try Data("#!/bin/sh\nsleep 300 &\necho $! > '\(out.path)/child.pid'\nsleep 300\n".utf8).write(to: URL(fileURLWithPath: browser))
        chmod(browser, 0o755)
        #expect(try mentorReport(["build", "--out", out.path + "/site", "--quiet"]).status == 0)
        let before = try contents(of: out.path + "/site")
        let started = Date()
        let result = try mentorReport(["build", "--out", out.path + "/site", "--pdf", "--chromium", browser, "--pdf-time-limit", "1"])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: --pdf: \(browser) did not finish printing executive-summary.html within 1 s, so it was stopped; nothing was written"))
        #expect(try contents(of: out.path + "/site") == before, "the output folder is as it was")
        let child = try #require(Int32(String(contentsOfFile: out.path + "/child.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // SIGKILL is delivered at once but the process goes when the system has reaped it: a zombie
        // (state Z) counts as gone; give it a few seconds on a busy machine.
        func running(_ pid: Int32) -> Bool {
            guard kill(pid, 0) == 0 else { return false }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            return !(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false)
        }
        var waited = 0
        while running(child) && waited < 50 { usleep(100_000); waited += 1 }
        #expect(!running(child), "the browser's child process is still running")
    }

    @Test func aChromiumThatFailsIsReportedWithWhatItSaid() throws {
        let out = try TemporaryFolder()
        let browser = out.path + "/broken-browser"
        try Data("#!/bin/sh\necho 'cannot open display' >&2\nexit 7\n".utf8).write(to: URL(fileURLWithPath: browser))
        chmod(browser, 0o755)
        let result = try mentorReport(["build", "--out", out.path + "/site", "--pdf", "--chromium", browser])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: --pdf: \(browser) failed (exit status 7) printing executive-summary.html: cannot open display"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/site/2026-10"))
    }

    @Test func aFileThatOnlyStartsLikeAPDFIsNotAcceptedAsOne() throws {
        let out = try TemporaryFolder()
        let browser = out.path + "/garbage-browser"
        // Writes a PDF header and nothing else to the --print-to-pdf path.
        try Data("""
            #!/bin/sh
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 garbage' > "${a#--print-to-pdf=}";; esac; done
            """.utf8).write(to: URL(fileURLWithPath: browser))
        chmod(browser, 0o755)
        let result = try mentorReport(["build", "--out", out.path + "/site", "--pdf", "--chromium", browser])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: --pdf: \(browser) wrote executive-summary.pdf, but it is not a whole PDF (no header, no end or no page)"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/site/2026-10"))
    }

    @Test func stoppedWhilePrintingTheBuildTakesTheBrowserAndItsFolderWithIt() throws {
        let out = try TemporaryFolder()
        let browser = out.path + "/slow-browser"
        try Data("#!/bin/sh\nsleep 300 &\necho $! > '\(out.path)/child.pid'\nsleep 300\n".utf8).write(to: URL(fileURLWithPath: browser))
        chmod(browser, 0o755)
        let executable = Bundle.main.executableURL!.deletingLastPathComponent()
        // The build is stopped with SIGTERM (as a cancelled CI job or `timeout` stops it) once the
        // browser has started.
        let result = try mentorReport(["__shell", """
            bin='\(executable.path)/mentor-report'; [ -x "$bin" ] || bin='\(executable.deletingLastPathComponent().path)/mentor-report'
            TMPDIR='\(out.path)' "$bin" build --out '\(out.path)/site' --pdf --chromium '\(browser)' --quiet &
            build=$!
            while [ ! -s '\(out.path)/child.pid' ]; do sleep 0.1; done
            kill -TERM $build; wait $build; echo "status $?"
            """])
        #expect(result.stdout.contains("status 143"), "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("error: stopped by SIGTERM while printing the PDFs; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/site/2026-10"))
        // Its temporary folder (in TMPDIR) is gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("mentor-report-print-") }
        #expect(left.isEmpty, "left behind: \(left)")
        let child = try #require(Int32(String(contentsOfFile: out.path + "/child.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var waited = 0
        while kill(child, 0) == 0, !((try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.contains(") Z") ?? true), waited < 50 {
            usleep(100_000); waited += 1
        }
        #expect(kill(child, 0) != 0 || ((try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.contains(") Z") ?? true),
                "the browser's child outlived the build")
    }

    /// The footer's text is the programme's name: it cannot end the style element or the CSS string.
    @Test func theFooterTextIsEscapedForCSS() {
        let css = PDFPrinter.cssString("A \"quoted\" </style><script>x</script> \\ name\n")
        #expect(css == #""A \22 quoted\22  \3c /style\3e \3c script\3e x\3c /script\3e  \5c  name\a ""#)
        let page = PDFPrinter.withPageStyle("<html><head><title>t</title></head><body></body></html>", paper: .letter, footer: "</style>")
        #expect(page.components(separatedBy: "</style>").count == 2, "one style element, closed once")
        #expect(page.contains("size: Letter"))
    }
}
