import ArgumentParser
import Foundation
import MentorReport

/// `mentor-report`: parses the command line and hands over to the library.
struct MentorReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentor-report",
        abstract: "Checks a mentoring programme's YAML data and writes its KPI reports.",
        discussion: "Exit status: 0 success (warnings printed), 1 invalid data, 2 bad usage, 3 template or output failure.",
        subcommands: [Build.self, Validate.self, Init.self, Templates.self, Generate.self],
        defaultSubcommand: Build.self)
}

struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder to read.", valueName: "dir"))
    var data: String = "data"

    @Option(name: .long, help: ArgumentHelp("The reporting month; default: the month of the latest session.", valueName: "yyyy-mm"))
    var period: String?

    @Flag(name: .long, help: "Treat warnings (policy findings included) as errors.")
    var strict = false

    @Flag(name: .long, help: "Print no progress or summary; findings are still printed.")
    var quiet = false

    // Taken as written (`.unconditional`), so that a negative number gets the range message below
    // instead of "missing value".
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The largest data file or survey export read, in MB.", valueName: "mb"))
    var maxFileSize: Int = LoadLimits.standard.fileBytes / bytesPerMegabyte

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The most records read in all (people, sessions, responses …).", valueName: "n"))
    var maxRecords: Int = LoadLimits.standard.records

    var limits: LoadLimits {
        LoadLimits(fileBytes: maxFileSize * bytesPerMegabyte, records: maxRecords, scalarBytes: LoadLimits.standard.scalarBytes)
    }

    func validate() throws {
        guard maxFileSize >= 1, maxFileSize <= 1_000_000 else { throw ValidationError("--max-file-size must be from 1 to 1000000 (MB)") }
        guard maxRecords >= 1 else { throw ValidationError("--max-records must be at least 1") }
        if let period, Month(text: period) == nil {
            // A month of the right shape but another year gets the range; anything else the shape.
            if period.utf8.count == 7, period.utf8.dropFirst(4).first == UInt8(ascii: "-"), let year = Int(period.prefix(4)), let month = Int(period.suffix(2)),
               period.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }),
               (1...12).contains(month), !Day.supportedYears.contains(year) {
                throw ValidationError("--period must be a month from \(Day.supportedYears.lowerBound)-01 to \(Day.supportedYears.upperBound)-12; found '\(period)'")
            }
            throw ValidationError("--period must be a month as YYYY-MM, such as 2026-10; found '\(period)'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory) else {
            throw ValidationError("the data folder '\(data)' does not exist; expected a folder holding program.yaml and people.yaml")
        }
        guard isDirectory.boolValue else {
            throw ValidationError("the data folder '\(data)' is a file, not a folder; expected a folder holding program.yaml and people.yaml")
        }
    }

    var reportingPeriod: ReportingPeriod? { period.flatMap(Month.init(text:)).map(ReportingPeriod.init) }
}

extension MentorReportCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the data, compute the KPIs and write the reports (the default command).")

        @OptionGroup var options: DataOptions

        @Option(name: .long, help: ArgumentHelp("Where the reports go: OUT/<yyyy-mm>/ and OUT/index.html.", valueName: "dir"))
        var out: String = "output"

        @Option(name: .long, help: ArgumentHelp("A templates folder to render pages with instead of the built-in templates; it replaces them whole (`mentor-report templates DIR` writes a copy to edit).", valueName: "dir"))
        var templates: String?

        @Option(name: .long, help: ArgumentHelp("public: aggregates only; admin: also pages that name people.", valueName: "public|admin"))
        var audience: AudienceOption = .public

        @Flag(name: .long, help: "Build into an output folder that holds the other audience's reports, making it a folder of this audience.")
        var forceAudience = false

        @Flag(name: .long, help: "Also write executive-summary.pdf (one page) and report.pdf (the board pack), printed by headless Chromium.")
        var pdf = false

        @Option(name: .long, help: ArgumentHelp("The paper the PDFs are printed on.", valueName: "a4|letter"))
        var paper: PaperOption = .a4

        @Option(name: .long, help: ArgumentHelp("The Chromium (or Google Chrome) to print the PDFs with; default: chromium, chromium-browser or google-chrome on PATH.", valueName: "path"))
        var chromium: String?

        @Option(name: .long, help: ArgumentHelp("The longest one PDF may take to print, in seconds.", valueName: "seconds"))
        var pdfTimeLimit: Double = PDFPrinter.defaultTimeLimit

        func validate() throws {
            guard pdfTimeLimit > 0, pdfTimeLimit.isFinite else {
                throw ValidationError("--pdf-time-limit must be a number of seconds above 0")
            }
        }

        func run() throws {
            let clock = ContinuousClock()
            let started = clock.now
            let progress = ProgressLine(enabled: !options.quiet)
            // The browser is looked for first: without one, --pdf fails before anything is read or written.
            var printer: PDFPrinter?
            if pdf {
                do {
                    printer = PDFPrinter(chromium: try PDFPrinter.locate(chromium), paper: paper == .letter ? .letter : .a4,
                                         timeLimit: pdfTimeLimit)
                } catch let failure as PDFFailure {
                    printError("error: \(failure.message)")
                    throw ExitCode(3)
                }
            } else if chromium != nil || paper != .a4 {
                printError("note: --chromium and --paper apply to --pdf only; no PDF is written without it")
            }
            let run = CommandRun(options: options, progress: progress)
            var writer = ReportWriter(outputFolder: out, templates: templates.map(TemplateSource.folder) ?? .builtIn)
            let reportAudience: ReportAudience = audience == .admin ? .admin : .public
            // The output folder is taken before anything is read: a second build into it fails at once,
            // and a build of the other audience is refused before it does any work.
            let lock: OutputLock
            do {
                lock = try writer.acquire(audience: reportAudience, forceAudience: forceAudience)
            } catch let mismatch as AudienceMismatch {
                printError("error: \(mismatch.message)")
                throw ExitCode(2)
            } catch let failure as OutputFailure {
                printError("error: \(failure.message)")
                throw ExitCode(3)
            }
            guard let checked = run.loadAndValidate(summary: false) else {
                lock.abandon()
                throw ExitCode(1)
            }
            let loaded = checked.0, diagnostics = checked.1
            let period = options.reportingPeriod ?? ReportingPeriod.default(for: loaded.data)
            progress.show("computing KPIs for \(period.month)")
            let report = Report(data: loaded.data, period: period, audience: reportAudience)
            // The process exits when the month is written: its trees are left to the exit.
            writer.keepsTreesUntilExit = true
            if progress.enabled {
                writer.progress = { text in progress.show(text) }
            }
            writer.note = { text in
                progress.clear()
                printError("note: " + text)
            }
            do {
                var files = try writer.render(report)
                if let printer {
                    progress.show("printing the PDFs with \(printer.chromium)")
                    do {
                        files += try printer.print(files, period: period.month, programme: report.data.program.name)
                    } catch let failure as PDFFailure {
                        throw OutputFailure(failure.message)
                    }
                }
                let folder = try writer.write(files, period: period.month, audience: reportAudience, lock: lock,
                                                  programme: report.data.program)
                progress.clear()
                if !options.quiet {
                    let pages = files.filter { $0.name.hasSuffix(".html") }.count
                    let warnings = diagnostics.warnings.count
                    let records = loaded.data.recordCount
                    let elapsed = seconds(clock.now - started)
                    printError("\(options.data) → \(folder): \(counted(records, "record")), \(counted(warnings, "warning")); "
                               + "\(report.kpis.count) KPIs, \(pages) pages, report.xml and kpis.csv"
                               + (printer == nil ? " " : ", executive-summary.pdf and report.pdf ")
                               + "(period \(period.month), \(audience.rawValue)) in \(elapsed)")
                }
                // Done: the system frees the loaded programme and the pages at once; freeing them
                // object by object would cost a tenth of a large build.
                Foundation.exit(0)
            } catch let failure as OutputFailure {
                progress.clear()
                lock.abandon()
                printError("error: \(failure.message)")
                throw ExitCode(3)
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the data folder and print every finding with its file, line and column.")

        @OptionGroup var options: DataOptions

        func run() throws {
            let run = CommandRun(options: options, progress: ProgressLine(enabled: !options.quiet))
            guard run.loadAndValidate(summary: true) != nil else { throw ExitCode(1) }
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a starter programme folder: DIR/data (a small, commented programme that validates and builds) and DIR/README.md.")

        @Argument(help: ArgumentHelp("The folder to write (created if needed).", valueName: "dir"))
        var folder: String

        @Flag(name: .long, help: "Replace files of the starter programme that exist already in DIR.")
        var force = false

        func run() throws {
            try writeBuiltIn(BuiltInFiles.starter, into: folder, force: force, what: "the starter programme")
            let data = (folder as NSString).appendingPathComponent("data")
            let out = (folder as NSString).appendingPathComponent("out")
            printError("next: mentor-report validate --data \(data) && mentor-report build --data \(data) --out \(out)")
        }
    }

    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an editable copy of the built-in templates into DIR, for build --templates DIR.")

        @Argument(help: ArgumentHelp("The folder to write (created if needed).", valueName: "dir"))
        var folder: String

        @Flag(name: .long, help: "Replace template files that exist already in DIR.")
        var force = false

        func run() throws {
            try writeBuiltIn(BuiltInFiles.templates, into: folder, force: force, what: "the built-in templates")
            printError("next: edit them, then mentor-report build --templates \(folder)")
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic programme of any size in the data format, for benchmarks.")

        @Option(name: .long, help: "How many people (mentors and mentees).")
        var people: Int = 20_000

        @Option(name: .long, help: "Seed for the generator: the same seed gives the same files.")
        var seed: UInt64 = 1

        @Option(name: .long, help: ArgumentHelp("The folder to write (created; existing files are replaced).", valueName: "dir"))
        var out: String

        @Flag(name: .long, help: "Write sessions and responses as one file each (sessions.yaml, responses.yaml) instead of a file per month and per survey.")
        var singleFiles = false

        func validate() throws {
            guard people >= 10 else { throw ValidationError("--people must be at least 10") }
        }

        func run() throws {
            do {
                let summary = try SyntheticProgramme(people: people, seed: seed, singleFiles: singleFiles).write(to: out)
                printError(summary)
            } catch {
                printError("error: \(error)")
                throw ExitCode(3)
            }
        }
    }
}

/// Writes built-in files into `folder` for `init` and `templates`: exit 2 when files exist already
/// (without --force; nothing is written), 3 when the folder cannot be written.
func writeBuiltIn(_ files: [String: [UInt8]], into folder: String, force: Bool, what: String) throws {
    do {
        let written = try BuiltInFiles.write(files, into: folder, force: force)
        printError("wrote \(what) into \(folder): \(counted(written.count, "file"))")
    } catch let existing as ExistingFiles {
        printError("error: \(existing)")
        throw ExitCode(2)
    } catch {
        printError("error: \(error)")
        throw ExitCode(3)
    }
}

enum AudienceOption: String, ExpressibleByArgument, CaseIterable {
    case `public`, admin
}

enum PaperOption: String, ExpressibleByArgument, CaseIterable {
    case a4, letter
}

/// One run's loading and checking, with the messages the user sees.
struct CommandRun {
    var options: DataOptions
    var progress: ProgressLine

    /// Loads and validates; prints findings, and the load summary when `summary` is set or the data has
    /// errors (then it is the run's last line). Nil when the data has errors.
    func loadAndValidate(summary: Bool) -> (LoadResult, Diagnostics)? {
        let clock = ContinuousClock()
        let started = clock.now
        var loader = Loader(folder: options.data, limits: options.limits)
        let line = progress
        if progress.enabled { loader.progress = { line.show($0) } }
        let loaded = loader.load()
        progress.show("validating \(loaded.data.recordCount) records")
        let diagnostics = validate(loaded, period: options.reportingPeriod, strict: options.strict)
        progress.clear()
        DiagnosticPrinter().print(diagnostics)
        if !options.quiet && (summary || diagnostics.hasErrors) {
            let elapsed = clock.now - started
            var counts = loaded.data.recordSummary
            let exports = loaded.data.surveys.filter { $0.importSpec != nil }.count
            if exports > 0 {
                let rows = loaded.data.importedRows, skipped = loaded.data.skippedImportRows
                counts += " (\(counted(rows, "row")) of \(counted(exports, "survey export")) read, \(skipped) left out as unfinished or previews)"
            }
            let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
            printError("\(options.data): \(counted(loaded.data.files.count, "file")) (\(megabytesFigure(loaded.data.bytesRead))), \(counts); "
                       + "\(counted(errors, "error")), \(counted(warnings, "warning")) "
                       + "in \(seconds(elapsed))")
        }
        return diagnostics.hasErrors ? nil : (loaded, diagnostics)
    }
}

/// The progress line of a long run: on a terminal only (standard error), rewritten in place, cleared
/// before anything else is printed. Never on standard output, never with --quiet.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func show(_ text: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        // The text may name data (a file, a month): escaped; the control sequence is the line's own.
        writeStandardError("\r\u{1B}[K" + escapingControlCharacters(text) + "…")
        shown = true
    }

    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if shown { writeStandardError("\r\u{1B}[K") }
        shown = false
    }
}

func seconds(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.2f s", Double(c.seconds) + Double(c.attoseconds) / 1e18)
}

/// Runs the command with the SPEC's exit statuses: usage errors exit 2, not the parser's 64.
func main() -> Never {
    // A file-size limit (ulimit -f) must fail a write with "File too large", reported with its path and
    // exit status 3, instead of killing the process half-way.
    signal(SIGXFSZ, SIG_IGN)
    do {
        var command = try MentorReportCommand.parseAsRoot()
        try command.run()
        Foundation.exit(0)
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        let code = MentorReportCommand.exitCode(for: error)
        let message = MentorReportCommand.fullMessage(for: error)
        if code == .success {
            print(message)
            Foundation.exit(0)
        }
        // The argument parser starts its messages "Error:"; every other message starts "error:".
        printError(message.hasPrefix("Error: ") ? "error: " + message.dropFirst(7) : message)
        Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue)
    }
}

main()
