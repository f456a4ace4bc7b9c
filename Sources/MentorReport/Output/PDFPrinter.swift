import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The paper the PDFs are printed on (`--paper`).
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    /// The CSS `@page` size.
    var cssSize: String { self == .a4 ? "A4" : "Letter" }
}

/// Why the PDFs could not be made; the build then writes nothing (exit 3).
public struct PDFFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}

/// `build --pdf` (SPEC §4, 2026-12): prints `executive-summary.pdf` (one page) and `report.pdf` (the
/// board pack) with headless Chromium from the HTML the site uses, before anything is written to the
/// output folder: the PDFs go into the month folder with the other files, so a failure leaves the
/// output folder as it was. Chromium runs as a child process in a process group of its own, in a
/// temporary folder of its own (its profile included), and is killed, with every process it started,
/// when it runs over the time limit.
///
/// PDFs carry their creation date, so they are the one output that is not byte-identical between two
/// builds of the same data (decision 135).
public struct PDFPrinter: Sendable {
    /// The browser to print with (a path).
    public var chromium: String
    /// Called when SIGINT, SIGTERM or SIGHUP arrives while printing, after the browser and the
    /// temporary folder are gone and before the process exits (the caller gives its output lock back).
    public var onInterrupt: (@Sendable () -> Void)?
    public var paper: Paper
    /// The longest one print may take, in seconds.
    public var timeLimit: Double

    /// The names a Chromium is looked for on PATH, in this order.
    public static let candidates = ["chromium", "chromium-browser", "google-chrome"]
    public static let defaultTimeLimit = 120.0

    public init(chromium: String, paper: Paper = .a4, timeLimit: Double = PDFPrinter.defaultTimeLimit) {
        self.chromium = chromium
        self.paper = paper
        self.timeLimit = timeLimit
    }

    /// The browser to print with: `explicit` (`--chromium PATH`), which must be an executable file, or
    /// the first of `candidates` found on `path` (the PATH variable).
    public static func locate(_ explicit: String?, path: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> String {
        let install = "install Chromium (Debian and Ubuntu: `sudo apt-get install chromium`) or point --chromium PATH at a Chromium or Google Chrome"
        if let explicit {
            var info = stat()
            guard stat(explicit, &info) == 0 else {
                throw PDFFailure("--pdf needs a Chromium, and --chromium \(explicit) cannot be used: \(String(cString: strerror(errno))); \(install)")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG, access(explicit, X_OK) == 0 else {
                throw PDFFailure("--pdf needs a Chromium, and --chromium \(explicit) is not an executable file; \(install)")
            }
            return explicit
        }
        let folders = (path ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for name in candidates {
            for folder in folders {
                let candidate = (folder as NSString).appendingPathComponent(name)
                var info = stat()
                if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                    return candidate
                }
            }
        }
        throw PDFFailure("--pdf needs a Chromium to print with, and none of \(candidates.joined(separator: ", ")) is on PATH; \(install)")
    }

    /// The two PDFs of a month, from its rendered files (`ReportWriter.render`).
    public func print(_ files: [(name: String, bytes: [UInt8])], period: Month, programme: String) throws -> [(name: String, bytes: [UInt8])] {
        var pages: [String: String] = [:]
        for file in files where file.name.hasSuffix(".html") { pages[file.name] = String(decoding: file.bytes, as: UTF8.self) }
        guard let summary = pages["executive-summary.html"], pages["index.html"] != nil else {
            throw PDFFailure("--pdf: the executive summary or the overview page was not rendered")
        }
        // In the system's temporary folder ($TMPDIR, else /tmp), never in OUT.
        let temporary = (NSTemporaryDirectory() as NSString).appendingPathComponent("mentor-report-print-XXXXXX")
        var template = Array(temporary.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PDFFailure("--pdf: cannot make a temporary folder to print in: \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Stopped while printing (Ctrl-C, a CI job cancelled, a closed terminal): the browser's whole
        // group and the temporary folder, which holds the pages, go too.
        let watch = InterruptWatch(folder: folder, onInterrupt: onInterrupt)
        defer { watch.stop() }
        let footer = "\(programme) — \(PDFPrinter.monthName(period))"
        let jobs = [
            ("executive-summary.pdf", "executive-summary.html", PDFPrinter.withPageStyle(summary, paper: paper, footer: nil)),
            ("report.pdf", "board-pack.html", PDFPrinter.boardPack(pages, paper: paper, footer: footer)),
        ]
        var printed: [(name: String, bytes: [UInt8])] = []
        for (pdf, html, text) in jobs {
            let source = folder + "/" + html, target = folder + "/" + pdf
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: source))
            } catch {
                throw PDFFailure("--pdf: cannot write \(source): \(error.localizedDescription)")
            }
            var bytes = try printOnce(source: source, target: target, pdf: pdf, in: folder, watch: watch)
            // The summary is one page: when the data make it longer (long names, six tiles), it is
            // printed again a little smaller, down to 80%; a summary that still does not fit is an error.
            if pdf == "executive-summary.pdf" {
                for scale in ["0.93", "0.86", "0.8"] where PDFPrinter.pageCount(bytes) ?? 1 > 1 {
                    try Data(PDFPrinter.scaled(text, by: scale).utf8).write(to: URL(fileURLWithPath: source))
                    bytes = try printOnce(source: source, target: target, pdf: pdf, in: folder, watch: watch)
                }
                if let pages = PDFPrinter.pageCount(bytes), pages > 1 {
                    throw PDFFailure("--pdf: the executive summary needs \(pages) pages even printed at 80%; shorten the programme's or organisation's name or use fewer headline_kpis in program.yaml")
                }
            }
            printed.append((pdf, bytes))
        }
        return printed
    }

    /// One print of `source`, checked to be a whole PDF: a header, an end-of-file marker and pages.
    private func printOnce(source: String, target: String, pdf: String, in folder: String, watch: InterruptWatch) throws -> [UInt8] {
        try? FileManager.default.removeItem(atPath: target)
        try run(source: source, target: target, in: folder, watch: watch)
        guard let data = FileManager.default.contents(atPath: target) else {
            throw PDFFailure("--pdf: \(chromium) finished without writing \(pdf)")
        }
        let bytes = [UInt8](data)
        guard bytes.starts(with: Array("%PDF-".utf8)), String(decoding: bytes.suffix(64), as: UTF8.self).contains("%%EOF"),
              (PDFPrinter.pageCount(bytes) ?? 0) >= 1 else {
            throw PDFFailure("--pdf: \(chromium) wrote \(pdf), but it is not a whole PDF (no header, no end or no page)")
        }
        return bytes
    }

    /// The page count of a PDF as Chromium writes it: the largest `/Count` of its page tree (nil when
    /// none is found).
    static func pageCount(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        var best: Int?
        var rest = text[...]
        while let r = rest.range(of: "/Count ") {
            let digits = rest[r.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits) { best = max(best ?? 0, n) }
            rest = rest[r.upperBound...]
        }
        return best
    }

    /// `page` printed at `scale` (a CSS zoom on the root element).
    static func scaled(_ page: String, by scale: String) -> String {
        guard let head = page.range(of: "</head>") else { return page }
        return page.replacingCharacters(in: head, with: "<style>@media print { html { zoom: \(scale); } }</style></head>")
    }

    /// `page` with its paper size (and, for the board pack, the footer) as a style of its own.
    static func withPageStyle(_ page: String, paper: Paper, footer: String?) -> String {
        var style = "@page { size: \(paper.cssSize); }"
        if let footer {
            style = "@page { size: \(paper.cssSize); margin: 14mm 12mm 16mm; "
                + "@bottom-left { content: \(cssString(footer)); font: 8pt system-ui, sans-serif; color: #444; width: 75%; } "
                + "@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font: 8pt system-ui, sans-serif; color: #444; white-space: nowrap; } }"
        }
        guard let head = page.range(of: "</head>") else { return page }
        return page.replacingCharacters(in: head, with: "<style>\(style)</style></head>")
    }

    /// The sections of the board pack, in order, after its cover (the executive summary).
    static let packSections = ["index.html", "engagement.html", "outcomes.html", "inclusion.html", "compare.html"]

    /// The board pack: the overview page's head and header, the executive summary as its cover, then
    /// each section's main content, each starting on a new page.
    static func boardPack(_ pages: [String: String], paper: Paper, footer: String) -> String {
        func between(_ text: String, _ start: String, _ end: String) -> String? {
            guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
            return String(text[a.upperBound..<b.lowerBound])
        }
        func main(_ name: String) -> String? {
            guard let page = pages[name], let open = page.range(of: "<main") else { return nil }
            guard let tagEnd = page.range(of: ">", range: open.upperBound..<page.endIndex) else { return nil }
            return between(String(page[tagEnd.lowerBound...]), ">", "</main>")
        }
        let overview = pages["index.html"] ?? ""
        var head = (overview.range(of: "</head>").map { String(overview[..<$0.lowerBound]) } ?? "<!DOCTYPE html><html><head>")
        // Its title is the pack's, not the overview's ("Overview — programme — month").
        if let open = head.range(of: "<title>"), let close = head.range(of: "</title>", range: open.upperBound..<head.endIndex) {
            let title = head[open.upperBound..<close.lowerBound]
            let rest = title.range(of: " — ").map { String(title[$0.lowerBound...]) } ?? ""
            head.replaceSubrange(open.upperBound..<close.lowerBound, with: "Board pack" + rest)
        }
        let header = overview.range(of: "<header").flatMap { a in
            overview.range(of: "</header>", range: a.upperBound..<overview.endIndex).map { String(overview[a.lowerBound..<$0.upperBound]) }
        } ?? ""
        let packStyle = ".pack-section { break-before: page; } .pack-section:first-of-type { break-before: auto; } "
            + ".pack-section .site-nav, .pack-section .skip-link { display: none; }"
        var body = "<body class=\"pack\">"
        for name in ["executive-summary.html"] + packSections {
            guard let content = main(name) else { continue }
            // The cover, with the site's header, keeps the executive summary's own print layout (its
            // rules are `.summary …`) and page.
            if name == "executive-summary.html" {
                body += "<section class=\"pack-section summary\">" + header + "<div class=\"wrap\">" + content + "</div></section>"
            } else {
                body += "<section class=\"pack-section wrap\">" + content + "</section>"
            }
        }
        body += "</body></html>"
        return withPageStyle(head + "<style>" + packStyle + "</style></head>" + body, paper: paper, footer: footer)
    }

    /// A CSS string literal of `text`: quotes, backslashes, line breaks and `<` escaped (so no text can
    /// end the style element or the string).
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&":
                out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\" + String(scalar.value, radix: 16) + " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func monthName(_ month: Month) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return "\(names[month.month - 1]) \(month.year)"
    }

    /// Runs Chromium once, printing `source` to `target`, within the time limit.
    private func run(source: String, target: String, in folder: String, watch: InterruptWatch) throws {
        var arguments = [chromium, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--disable-sync",
                         "--user-data-dir=\(folder)/profile", "--no-pdf-header-footer", "--print-to-pdf=\(target)"]
        // Chromium refuses to run as root with its sandbox; only then is the sandbox turned off.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(URL(fileURLWithPath: source).absoluteString)
        let log = folder + "/chromium.log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let spawned = posix_spawn(&pid, chromium, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw PDFFailure("--pdf: cannot run \(chromium): \(String(cString: strerror(spawned)))")
        }
        watch.running(pid)
        defer { watch.running(0) }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw PDFFailure("--pdf: \(chromium) did not finish printing \((source as NSString).lastPathComponent) within \(formatSeconds(timeLimit)) s, so it was stopped; nothing was written")
            }
            usleep(50_000)
        }
        watch.holdIfInterrupted()
        // Whatever it left running in its group goes with it.
        kill(-pid, SIGKILL)
        let exited = (status & 0x7F) == 0
        let code = (status >> 8) & 0xFF
        if !exited || code != 0 {
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").suffix(3).joined(separator: " / ")
            let how = exited ? "exit status \(code)" : "signal \(status & 0x7F)"
            throw PDFFailure("--pdf: \(chromium) failed (\(how)) printing \((source as NSString).lastPathComponent)" + (last.isEmpty ? "" : ": \(last)"))
        }
    }

    private func formatSeconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Watches for SIGINT, SIGTERM and SIGHUP while the PDFs print: the browser's process group is killed,
/// the temporary folder removed and the caller's `onInterrupt` run before the process exits with
/// 128 + the signal's number, as a shell reports it.
final class InterruptWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: pid_t = 0
    private var interrupting = false
    private var sources: [DispatchSourceSignal] = []
    private let folder: String
    private let onInterrupt: (@Sendable () -> Void)?

    init(folder: String, onInterrupt: (@Sendable () -> Void)?) {
        self.folder = folder
        self.onInterrupt = onInterrupt
        let queue = DispatchQueue(label: "mentor-report.pdf-interrupt")
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.interrupted(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The browser now running (0: none).
    func running(_ pid: pid_t) {
        lock.lock()
        self.pid = pid
        lock.unlock()
    }

    /// Called by the printing thread once the browser has ended: when that is because a signal is being
    /// handled, the handler ends the process with the signal's status, and this thread must not go on
    /// to report the browser's end (and exit with another status) first. It waits for the exit.
    func holdIfInterrupted() {
        lock.lock()
        let stopping = interrupting
        lock.unlock()
        guard stopping else { return }
        while true { sleep(1) }
    }

    private func interrupted(_ number: Int32) {
        lock.lock()
        // Set before the browser is killed: the printing thread sees the browser end only after it.
        interrupting = true
        let pid = self.pid
        lock.unlock()
        if pid > 0 {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: folder)
        onInterrupt?()
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "SIGHUP"
        let message = "error: stopped by \(name) while printing the PDFs; nothing was written\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        exit(128 + number)
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in [SIGINT, SIGTERM, SIGHUP] { signal(number, SIG_DFL) }
    }
}
