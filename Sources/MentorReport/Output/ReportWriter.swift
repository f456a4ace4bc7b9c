import CXSLTSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failure to produce or write the reports (exit status 3): a template or schema problem, or the
/// file system refusing a write. Says which path and why.
public struct OutputFailure: Error, CustomStringConvertible {
    /// What failed, naming the path (and the system's reason, where there is one).
    public var message: String
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Writes one month's reports into `OUT/<yyyy-mm>/`: everything goes into a temporary folder inside
/// OUT first and is renamed into place only when all of it succeeded, so a failed run leaves the
/// previous output as it was.
public struct ReportWriter {
    /// OUT: the folder the months and the archive page are written into.
    public var outputFolder: String
    /// The templates the pages are rendered with (and report.xml is checked against): the built-in
    /// set, or a folder that replaces it whole.
    public var templates: TemplateSource
    /// Told what is being done ("rendered 3 of 10 pages"), from any thread, for a progress line.
    public var progress: (@Sendable (String) -> Void)?
    /// Set by a process that exits right after writing (the command line tool): report.xml's tree and
    /// the pages' result trees are then left to the exit instead of being freed node by node, which
    /// costs about a tenth of a large build (hundreds of thousands of small frees, and glibc's
    /// consolidation of them). Like a compiler's "disable free"; a process that goes on leaves it off.
    package var keepsTreesUntilExit = false
    /// Told what the build did besides writing the month that a user should know of (a month removed
    /// from a folder turned public, a folder kept aside), for the command line to print.
    public var note: (@Sendable (String) -> Void)?

    /// A writer into `outputFolder` with the stylesheets of `templatesFolder`.
    public init(outputFolder: String, templatesFolder: String) {
        self.init(outputFolder: outputFolder, templates: .folder(templatesFolder))
    }

    /// A writer into `outputFolder` with `templates` (by default the built-in ones).
    public init(outputFolder: String, templates: TemplateSource = .builtIn) {
        self.outputFolder = outputFolder
        self.templates = templates
    }

    /// The files of one month's folder, by name, before anything touches the disk.
    public func render(_ report: Report) throws -> [(name: String, bytes: [UInt8])] {
        if case .folder(let templatesFolder) = templates {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: templatesFolder, isDirectory: &isFolder) else {
                throw OutputFailure("the templates folder \(templatesFolder) cannot be used: No such file or directory")
            }
            guard isFolder.boolValue else {
                throw OutputFailure("the templates folder \(templatesFolder) cannot be used: Not a directory")
            }
        }
        let templates = self.templates
        var renderer = SiteRenderer(templates: templates)
        renderer.keepsTreesUntilExit = keepsTreesUntilExit
        let pages = SiteRenderer.pages(for: report)
        let schemaPath = templates.path(of: "report.xsd")
        // What needs the templates only (the schema, the compiled stylesheets, the CSS) is made on a
        // thread of its own while this one builds report.xml's tree. The CSV files need the report only:
        // they are written by whichever of the two threads is done first (this one on a public build,
        // whose tree is small; the other on an admin build, whose lists that name people take longer).
        let csvFiles = { @Sendable () -> [(name: String, bytes: [UInt8])] in
            let actions = report.actions.map { ActionCSV(report: report, actions: $0).files() } ?? []
            return [(name: "kpis.csv", bytes: Array(KPICSV(report: report).text().utf8))] + actions
        }
        let csvTaken = FirstTaker()
        let preparing = BackgroundJob { [renderer] in
            let schema = Result { try XMLSchema(path: schemaPath, source: templates) }.mapError { OutputFailure("\(schemaPath): \($0)") }
            let prepared = Result { try renderer.prepare(pages) }
            return UncheckedSendable((schema: schema, pages: prepared, csv: csvTaken.take() ? csvFiles() : nil))
        }
        let document = ReportXML(report: report).document()
        document.freedOnDeinit = !keepsTreesUntilExit
        let csvHere = csvTaken.take() ? csvFiles() : nil
        let prepared = preparing.wait().value

        // Then everything that reads the tree, on all cores: the schema check and the serialisation
        // (nothing is returned unless the check passed) and the pages. The longest pages start first,
        // then the check, so that no long job starts last.
        enum Job { case check, page(Int) }
        enum Output { case xml(Result<[UInt8], OutputFailure>), page(Result<[UInt8], Error>) }
        let longest = SiteRenderer.longest(pages)
        let jobs: [Job] = (try? prepared.pages.get()) == nil ? [.check]
            : longest.map(Job.page) + [.check] + pages.indices.filter { !longest.contains($0) }.map(Job.page)
        let done = FileCounter()
        let shared = UncheckedSendable((document: document, schema: prepared.schema, pages: prepared.pages))
        let outputs = parallelMap(jobs.count) { [progress, renderer] k -> Output in
            switch jobs[k] {
            case .check:
                let schema: XMLSchema
                switch shared.value.schema {
                case .failure(let failure): return .xml(.failure(failure))
                case .success(let compiled): schema = compiled
                }
                let problems = shared.value.document.validate(against: schema)
                guard problems.isEmpty else {
                    return .xml(.failure(OutputFailure("report.xml does not match \(schemaPath) (a bug in mentor-report or a changed schema): "
                                                       + problems.prefix(5).joined(separator: "; "))))
                }
                do { return .xml(.success(try shared.value.document.serialized())) } catch { return .xml(.failure(OutputFailure("report.xml: \(error)"))) }
            case .page(let i):
                return .page(Result {
                    let page = try renderer.render(pages[i], document: shared.value.document, prepared: try shared.value.pages.get())
                    progress?("rendered \(done.increment()) of \(pages.count) pages")
                    return page
                })
            }
        }
        var xml: Result<[UInt8], OutputFailure> = .failure(OutputFailure("report.xml was not written"))
        var rendered: [Int: Result<[UInt8], Error>] = [:]
        for (job, output) in zip(jobs, outputs) {
            switch (job, output) {
            case (_, .xml(let result)): xml = result
            case (.page(let i), .page(let result)): rendered[i] = result
            default: break
            }
        }
        // The tree is freed (or kept) when `document` goes, after every job; a schema problem is told first.
        let checked = try xml.get()
        do {
            _ = try prepared.pages.get()
            let files = try pages.indices.map { i in (name: pages[i].file, bytes: try rendered[i]!.get()) }
            return [("report.xml", checked)] + (csvHere ?? prepared.csv ?? []) + files
        } catch let failure as RenderFailure {
            throw OutputFailure("template error: \(failure)")
        }
    }

    /// Takes the output folder for one build, before anything is read: creates OUT if needed, holds
    /// `OUT/.mentor-report.lock` (a second build into the same folder fails at once, naming the first
    /// one's process) and checks that OUT is a folder of `audience` (see `OutputAudience`). Held until
    /// released or the process exits. A build that then fails before writing calls `abandon()`, which
    /// leaves OUT as it was (removing it again if this call created it).
    public func acquire(audience: ReportAudience, forceAudience: Bool = false) throws -> OutputLock {
        let out = URL(fileURLWithPath: outputFolder, isDirectory: true)
        let existed = FileManager.default.fileExists(atPath: out.path)
        do {
            try makeDirectories(out.path)
        } catch {
            throw OutputFailure("cannot create the output folder \(out.path): \(reason(error))")
        }
        let lock = try OutputLock(folder: out, created: !existed)
        do {
            try OutputAudience.check(out, building: audience, force: forceAudience)
            // Refused before the data is read, too, when an admin month cannot be taken out (`write`
            // checks again, with the lock held, before it changes anything).
            if audience == .public { try MonthFolder.checkAdminRemovable(in: out, except: nil) }
        } catch {
            lock.abandon()
            throw error
        }
        return lock
    }

    /// Writes `files`, the reports of `audience` for `period`, as `OUT/<period>/`, replacing an earlier
    /// folder of that month whole, and rewrites the archive `OUT/index.html`.
    ///
    /// Only what mentor-report made is replaced: an existing `OUT/<period>` must be a month folder it
    /// wrote (its `.mentor-report-month` manifest lists every entry, or, written before manifests, it
    /// holds only report.xml, kpis.csv and pages); anything else there (a file, a link, a folder with a
    /// file of the user's) is an `OutputFailure` and nothing is touched.
    ///
    /// Crash safety: the build holds the output lock (`acquire`, taken here when the caller has not).
    /// The month is written into a hidden staging folder; then one atomic `renameat2(RENAME_EXCHANGE)`
    /// swaps it with the previous month folder (or one rename puts a new month in place), and the
    /// archive page is replaced by a rename when its bytes change. Killed at any moment, the build leaves
    /// OUT as it was, or with the new month in place (its archive entry follows on the next run if the
    /// kill fell between the two renames). Leftovers of a killed build are removed by the next one.
    ///
    /// `programme`, the programme of the month written, gives the archive its logo and accent colour.
    @discardableResult
    public func write(_ files: [(name: String, bytes: [UInt8])], period: Month, audience: ReportAudience,
                      lock held: OutputLock? = nil, programme: Program? = nil) throws -> String {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: outputFolder, isDirectory: true)
        let final = out.appendingPathComponent(period.description, isDirectory: true)
        let token = "\(period)-\(ProcessInfo.processInfo.processIdentifier)"
        let staging = out.appendingPathComponent(".mentor-report-new-\(token)", isDirectory: true)
        let lock = try held ?? acquire(audience: audience)
        defer { if held == nil { lock.release() } }
        try MonthFolder.checkReplaceable(final)
        try ArchivePage.checkReplaceable(in: out)
        try HistoryFile.checkReplaceable(in: out)
        if audience == .public { try MonthFolder.checkAdminRemovable(in: out, except: period) }
        progress?("writing \(files.count) files into \(final.path)")
        removeLeftovers(in: out)
        var current = staging
        do {
            try makeDirectories(staging.path)
            for file in files + [(MonthFolder.manifestName, MonthFolder.manifest(files: files.map(\.name), audience: audience))] {
                current = staging.appendingPathComponent(file.name)
                try makeDirectories(current.deletingLastPathComponent().path)
                try writeFile(file.bytes, to: current)
            }
        } catch {
            MonthFolder.removeOwned(staging)
            throw OutputFailure("cannot write \(current.path): \(reason(error))")
        }
        // The archive lists every month folder of this audience present once this one is in place.
        let index = out.appendingPathComponent("index.html")
        let indexTemporary = out.appendingPathComponent(".mentor-report-index-\(token).html")
        let audienceFile = out.appendingPathComponent(OutputAudience.fileName)
        let audienceTemporary = out.appendingPathComponent(".mentor-report-index-\(token).audience")
        let history = out.appendingPathComponent(HistoryFile.name)
        let historyTemporary = out.appendingPathComponent(".mentor-report-index-\(token).history.csv")
        var newIndex: [UInt8]?
        var newHistory: [UInt8]?
        var newAudience = false
        do {
            var months = MonthFolder.months(in: out).filter { $0.month != period && $0.audience == audience }.map(\.month)
            months.append(period)
            let archive = try SiteRenderer(templates: templates).renderArchive(months: months, audience: audience, programme: programme)
            if fm.contents(atPath: index.path).map({ [UInt8]($0) }) != archive {
                current = indexTemporary
                try writeFile(archive, to: indexTemporary)
                newIndex = archive
            }
            // kpis-history.csv: the same months, from their kpis.csv (this month's from `files`).
            let (historyText, skipped) = KPIHistoryCSV.text(months.map { month in
                (month, month == period ? files.first { $0.name == "kpis.csv" }?.bytes : HistoryFile.kpis(of: month, in: out))
            })
            for (month, why) in skipped {
                note?("\(history.path) leaves out \(month): its kpis.csv cannot be read (\(why))")
            }
            let historyBytes = Array(historyText.utf8)
            if fm.contents(atPath: history.path).map({ [UInt8]($0) }) != historyBytes {
                current = historyTemporary
                try writeFile(historyBytes, to: historyTemporary)
                newHistory = historyBytes
            }
            if OutputAudience.recorded(in: out) != audience {
                current = audienceTemporary
                try writeFile(Array((audience.rawValue + "\n").utf8), to: audienceTemporary)
                newAudience = true
            }
        } catch {
            MonthFolder.removeOwned(staging)
            unlink(indexTemporary.path)
            unlink(audienceTemporary.path)
            unlink(historyTemporary.path)
            if let failure = error as? RenderFailure { throw OutputFailure("template error: \(failure)") }
            throw OutputFailure("cannot write \(current.path): \(reason(error))")
        }
        // The commit: one atomic step puts the month in place.
        let replaced = fm.fileExists(atPath: final.path)
        let status = replaced
            ? mr_rename_exchange(staging.path, final.path)
            : rename(staging.path, final.path)
        if status != 0 {
            let why = String(cString: strerror(errno))
            MonthFolder.removeOwned(staging)
            unlink(indexTemporary.path)
            unlink(audienceTemporary.path)
            unlink(historyTemporary.path)
            throw OutputFailure("cannot move the reports into place at \(final.path): \(why)")
        }
        // After an exchange the staging name holds the previous month folder: what mentor-report wrote
        // in it goes; a file a user put there meanwhile is kept, in a folder beside the month. This comes
        // after the renames of the audience record, the archive page and the history (each one system
        // call), so a kill leaves a visible window of microseconds, not the time removing a folder takes;
        // a kill before it leaves the hidden staging folder, which the next build removes.
        func clearPrevious() {
            guard replaced else { return }
            if !MonthFolder.removeOwned(staging).isEmpty {
                let kept = out.appendingPathComponent("\(period).kept-\(ProcessInfo.processInfo.processIdentifier)")
                if rename(staging.path, kept.path) == 0 {
                    note?("\(final.path) received files while it was replaced; the previous folder, with them, is kept as \(kept.path)")
                }
            }
        }
        defer { clearPrevious() }
        // A folder turned public (--force-audience) keeps no admin month: those pages name people.
        // Every admin month, with its index page or half removed, was checked above to hold only
        // mentor-report's files; one that could not be emptied after all (a file added meanwhile, an
        // unlink refused) stops the build before the folder is recorded public (decision 105).
        if audience == .public {
            for (month, folder) in MonthFolder.adminFolders(in: out) where month != period {
                var left = MonthFolder.removeOwned(folder)
                var gone = stat()
                if left.isEmpty && lstat(folder.path, &gone) == 0 { left = ["entries that cannot be removed"] }
                guard left.isEmpty else {
                    unlink(audienceTemporary.path)
                    unlink(indexTemporary.path)
                    unlink(historyTemporary.path)
                    throw OutputFailure("the public reports are in \(final.path), but the admin month \(folder.path) could not be emptied: "
                        + "it still holds \(left.joined(separator: ", ")); its pages may name people, so \(out.path) is not recorded as a folder "
                        + "of public reports. Move those files out of \(folder.path), then build again")
                }
                note?("removed the admin reports of \(month) from \(out.path), now a folder of public reports (they name people)")
            }
        }
        if newAudience, rename(audienceTemporary.path, audienceFile.path) != 0 {
            let why = String(cString: strerror(errno))
            unlink(audienceTemporary.path)
            unlink(indexTemporary.path)
            unlink(historyTemporary.path)
            throw OutputFailure("the reports are in \(final.path), but \(audienceFile.path) could not be replaced: \(why)")
        }
        if newIndex != nil, rename(indexTemporary.path, index.path) != 0 {
            let why = String(cString: strerror(errno))
            unlink(indexTemporary.path)
            unlink(historyTemporary.path)
            throw OutputFailure("the reports are in \(final.path), but \(index.path) could not be replaced: \(why)")
        }
        if newHistory != nil, rename(historyTemporary.path, history.path) != 0 {
            let why = String(cString: strerror(errno))
            unlink(historyTemporary.path)
            throw OutputFailure("the reports are in \(final.path), but \(history.path) could not be replaced: \(why)")
        }
        return (outputFolder as NSString).appendingPathComponent(period.description)
    }

    /// `mkdir -p` with the system's reason on failure (`Not a directory`, `Permission denied`).
    private func makeDirectories(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw POSIXFailure(code: ENOTDIR)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw POSIXFailure(code: errno) }
    }

    /// Writes a file with the system's own calls, so that a full disk or a file-size limit comes back as
    /// an error with its reason (`No space left on device`, `File too large`), never as a signal.
    private func writeFile(_ bytes: [UInt8], to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure(code: errno) }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        if let failure {
            close(fd)
            throw POSIXFailure(code: failure)
        }
        if close(fd) != 0 { throw POSIXFailure(code: errno) }
    }

    /// Removes what a killed build left in OUT: staging folders and a previous month folder swapped out
    /// but not yet removed (only the files mentor-report writes, never a folder's other contents), and
    /// archive pages not yet renamed (files or links of those reserved names, never a folder). Only
    /// called with the lock held.
    private func removeLeftovers(in out: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        for name in names where name.hasPrefix(".mentor-report-new-") || name.hasPrefix(".mentor-report-old-")
            || name.hasPrefix(".mentor-report-index-") {
            let path = out.appendingPathComponent(name)
            var info = stat()
            guard lstat(path.path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                MonthFolder.removeOwned(path)
            } else if name.hasPrefix(".mentor-report-index-") {
                unlink(path.path)
            }
        }
    }

    private func reason(_ error: Error) -> String {
        if let posix = error as? POSIXFailure { return posix.description }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}

/// Lets one thread of several do a piece of work: the first to ask.
private final class FirstTaker: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false

    /// True for the first caller only.
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if taken { return false }
        taken = true
        return true
    }
}

/// A system call's failure, described by the system.
struct POSIXFailure: Error, CustomStringConvertible {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}

/// The lock that keeps two builds from writing into one output folder at once: a POSIX record lock
/// (`fcntl`) on the empty file `OUT/.mentor-report.lock`, which the kernel releases when the holder
/// exits, killed or not, and which names the holder's process for the message the second build prints.
/// The file stays empty, so output folders stay byte-identical from run to run.
public final class OutputLock {
    private var fd: Int32
    private let folder: URL
    /// Whether taking the lock created the output folder (then `abandon` removes it again).
    private let createdFolder: Bool
    /// Whether taking the lock created the lock file (then `abandon` removes it again).
    private let createdFile: Bool

    init(folder: URL, created: Bool = false) throws {
        self.folder = folder
        self.createdFolder = created
        let path = folder.appendingPathComponent(".mentor-report.lock").path
        createdFile = access(path, F_OK) != 0
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw OutputFailure("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        var request = flock()
        request.l_type = Int16(F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        guard fcntl(fd, F_SETLK, &request) == 0 else {
            var holder = flock()
            holder.l_type = Int16(F_WRLCK)
            holder.l_whence = Int16(SEEK_SET)
            let known = fcntl(fd, F_GETLK, &holder) == 0 && holder.l_type != Int16(F_UNLCK)
            close(fd)
            fd = -1
            throw OutputFailure("another mentor-report build\(known ? " (process \(holder.l_pid))" : "") is writing to \(folder.path); expected one build at a time per output folder: wait for it to finish, or use another --out")
        }
    }

    /// Releases the lock (closing the file releases the record lock).
    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    /// Releases the lock of a build that wrote nothing, leaving OUT as it was: a lock file this build
    /// created is removed (while still held), and so is an output folder it created, once empty.
    public func abandon() {
        guard fd >= 0 else { return }
        if createdFile { unlink(folder.appendingPathComponent(".mentor-report.lock").path) }
        release()
        if createdFolder { rmdir(folder.path) }
    }

    deinit { release() }
}
