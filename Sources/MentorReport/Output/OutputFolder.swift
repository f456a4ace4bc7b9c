import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A build's audience refused for an output folder of the other audience (exit status 2: the command
/// line asked for something the folder's rule forbids). Says why and how to go on.
public struct AudienceMismatch: Error, CustomStringConvertible {
    /// Which audience OUT holds, why the build was refused, and how to go on (`--out`, `--force-audience`).
    public var message: String
    /// The message.
    public var description: String { message }
}

/// One audience per output folder (SPEC §4, 2026-12): `OUT/.mentor-report-audience` records whether
/// OUT holds public or admin reports, so that pages naming people never land in a folder published
/// as public, and a public archive never links an admin month.
enum OutputAudience {
    static let fileName = ".mentor-report-audience"

    /// The audience OUT records, if any.
    static func recorded(in out: URL) -> ReportAudience? {
        guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(fileName).path) else { return nil }
        return ReportAudience(rawValue: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The audience of OUT: the one it records or, for a folder written before audiences were recorded,
    /// the one its month folders show (admin months hold `relationships.html`); nil for a new folder.
    static func current(of out: URL) -> (audience: ReportAudience, how: String)? {
        if let recorded = recorded(in: out) { return (recorded, "recorded in \(fileName)") }
        let audiences = Set(MonthFolder.months(in: out).map(\.audience))
        if audiences.contains(.admin) { return (.admin, "its month folders hold admin pages") }
        if audiences.contains(.public) { return (.public, "its month folders hold public pages") }
        return nil
    }

    /// Refuses a build of `audience` into an output folder of the other audience, unless forced.
    static func check(_ out: URL, building audience: ReportAudience, force: Bool) throws {
        guard !force, let current = current(of: out), current.audience != audience else { return }
        let why = audience == .admin
            ? "admin pages name people and must not be added to a folder of public reports"
            : "a public build would share the archive with admin pages that name people"
        throw AudienceMismatch(message: "\(out.path) holds \(current.audience.rawValue) reports (\(current.how)); refusing to build "
            + "\(audience.rawValue) reports into it: \(why). Use another --out for \(audience.rawValue) reports, or "
            + "--force-audience to make \(out.path) a folder of \(audience.rawValue) reports (its archive then lists "
            + "\(audience.rawValue) months only). Nothing was changed")
    }
}

/// A month folder `OUT/<yyyy-mm>/` as mentor-report writes it, with the manifest that tells it from
/// anything else of that name.
enum MonthFolder {
    static let manifestName = ".mentor-report-month"

    /// The manifest: what wrote the folder, for which audience, and every file it holds.
    static func manifest(files: [String], audience: ReportAudience) -> [UInt8] {
        let lines = ["mentor-report month folder", "audience: \(audience.rawValue)", "files:"] + files.sorted().map { "  " + $0 }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The audience and files a manifest names; nil when it is not one.
    static func readManifest(_ folder: URL) -> (audience: ReportAudience, files: Set<String>)? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines[0] == "mentor-report month folder", lines[1].hasPrefix("audience: "),
              let audience = ReportAudience(rawValue: String(lines[1].dropFirst("audience: ".count))), lines[2] == "files:" else { return nil }
        return (audience, Set(lines.dropFirst(3).filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }))
    }

    /// The month folders of OUT that hold an index page, with their audience.
    static func months(in out: URL) -> [(month: Month, audience: ReportAudience)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).sorted()
        return names.compactMap { name in
            let folder = out.appendingPathComponent(name, isDirectory: true)
            guard let month = Month(text: name), isDirectory(folder),
                  FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else { return nil }
            if let manifest = readManifest(folder) { return (month, manifest.audience) }
            let admin = FileManager.default.fileExists(atPath: folder.appendingPathComponent("relationships.html").path)
            return (month, admin ? .admin : .public)
        }
    }

    /// Throws unless `folder` is absent or a month folder mentor-report wrote, holding nothing else: every
    /// entry is a regular file (no link; no folder but its `actions/`) that its manifest lists or, for a folder written
    /// before manifests, one of report.xml, kpis.csv and pages, with a report.xml of that month.
    static func checkReplaceable(_ folder: URL) throws {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return }
        let keep = "; it was left as it is. Move it away or use another --out"
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            let kind = (info.st_mode & S_IFMT) == S_IFLNK ? "a link" : "a file"
            throw OutputFailure("\(folder.path) is \(kind), not a month folder written by mentor-report" + keep)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let manifest = readManifest(folder)
        if manifest == nil && !isLegacyMonth(folder, names: names) {
            throw OutputFailure("\(folder.path) has no .mentor-report-month manifest and no report.xml of that month, so it is not a month folder written by mentor-report" + keep)
        }
        let foreign = names.filter { !owned($0, in: folder, manifest: manifest) }
        if let first = foreign.first {
            let more = foreign.count > 1 ? " (and \(foreign.count - 1) more)" : ""
            throw OutputFailure("\(folder.path) holds \(first)\(more), which mentor-report did not write, so it will not replace the folder" + keep)
        }
    }

    /// Whether entry `name` of a month folder is one mentor-report wrote: a regular file (not a folder
    /// or a link) that the manifest lists (the manifest itself included) or, without a readable
    /// manifest, one of the names it writes (the manifest's among them).
    ///
    /// The one folder it writes inside a month, `actions/` (admin action lists), is its own when it is
    /// a real folder (not a link) holding only regular files that the manifest lists as
    /// `actions/<name>` (without a manifest: CSV files).
    static func owned(_ name: String, in folder: URL, manifest: (audience: ReportAudience, files: Set<String>)?) -> Bool {
        var entry = stat()
        let path = folder.appendingPathComponent(name).path
        guard lstat(path, &entry) == 0 else { return false }
        if (entry.st_mode & S_IFMT) == S_IFDIR {
            guard subfolders.contains(name), let inner = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
            return inner.allSatisfy { child in
                var file = stat()
                guard lstat(path + "/" + child, &file) == 0, (file.st_mode & S_IFMT) == S_IFREG else { return false }
                if let manifest { return manifest.files.contains(name + "/" + child) }
                return child.hasSuffix(".csv")
            }
        }
        guard (entry.st_mode & S_IFMT) == S_IFREG else { return false }
        if let manifest { return name == manifestName || manifest.files.contains(name) }
        // The manifest's name too: a build killed while writing it leaves it empty or cut, unreadable.
        return name == manifestName || name == "report.xml" || name == "kpis.csv" || name.hasSuffix(".html")
    }

    /// The folders mentor-report writes inside a month folder.
    static let subfolders: Set<String> = [ActionCSV.folder]

    /// Removes an entry `owned` said is mentor-report's: a file, or a subfolder with its files.
    private static func removeEntry(_ path: String) -> Bool {
        var entry = stat()
        guard lstat(path, &entry) == 0 else { return true }
        guard (entry.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
        let inner = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        var removed = true
        for child in inner where unlink(path + "/" + child) != 0 { removed = false }
        return removed && rmdir(path) == 0
    }

    /// A month folder written before manifests: its report.xml is mentor-report's, for that month.
    private static func isLegacyMonth(_ folder: URL, names: [String]) -> Bool {
        guard names.contains("report.xml"), let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent("report.xml").path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 512)) ?? Data(), as: UTF8.self)
        return head.contains("<report format-version=\"") && head.contains(" period=\"\(folder.lastPathComponent)\"")
    }

    /// The month folders of OUT that hold admin reports, index page or not: a manifest of audience
    /// admin, or, without one, a `relationships.html`. A month half removed (killed while its files
    /// were unlinked, or its index.html deleted by hand) is one too, as long as either is left.
    static func adminFolders(in out: URL) -> [(month: Month, folder: URL)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).sorted()
        return names.compactMap { name in
            let folder = out.appendingPathComponent(name, isDirectory: true)
            guard let month = Month(text: name), isDirectory(folder) else { return nil }
            if let manifest = readManifest(folder) { return manifest.audience == .admin ? (month, folder) : nil }
            var page = stat()
            return lstat(folder.appendingPathComponent("relationships.html").path, &page) == 0 ? (month, folder) : nil
        }
    }

    /// Throws unless every admin month folder of OUT (`adminFolders`) but `period`'s (which the build
    /// replaces, under `checkReplaceable`) can be emptied of
    /// what mentor-report wrote and removed: each entry is one it wrote (see `owned`) and the folder
    /// can be written. Called before a folder is turned public, so that a refused build changes
    /// nothing (decision 105).
    static func checkAdminRemovable(in out: URL, except period: Month?) throws {
        for (month, folder) in adminFolders(in: out) where month != period {
            let manifest = readManifest(folder)
            let listing = Result { try FileManager.default.contentsOfDirectory(atPath: folder.path) }
            let foreign = ((try? listing.get()) ?? []).sorted().filter { !owned($0, in: folder, manifest: manifest) }
            let what: String
            if case .failure = listing {
                what = "cannot be listed (\(String(cString: strerror(access(folder.path, R_OK | X_OK) == 0 ? EIO : errno))))"
            } else if let first = foreign.first {
                let more = foreign.count > 1 ? " (and \(foreign.count - 1) more)" : ""
                what = "holds \(first)\(more), which mentor-report did not write"
            } else if access(folder.path, W_OK | X_OK) != 0 {
                what = "cannot be emptied (\(String(cString: strerror(errno))))"
            } else {
                continue
            }
            throw OutputFailure("\(out.path) is to hold public reports, but its admin month \(folder.path) \(what); "
                + "its admin pages name people and must not stay in a public folder, and mentor-report removes only files it wrote. "
                + "Nothing was changed. Move \(foreign.isEmpty ? "the folder" : "those files") out of \(folder.path) (or the folder out of \(out.path)), "
                + "then build again, or use another --out for public reports")
        }
    }

    /// Removes what mentor-report wrote in `folder` (see `owned`) and then the folder, if it is empty;
    /// returns the names left (a user's files, which are never removed). The manifest goes last, so a
    /// removal cut short leaves a folder still marked as mentor-report's (and, for admin, as admin).
    @discardableResult
    static func removeOwned(_ folder: URL) -> [String] {
        let manifest = readManifest(folder)
        let names = removalOrder((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        var left: [String] = []
        for name in names {
            // A staging folder killed before its manifest was written holds generated names only.
            if owned(name, in: folder, manifest: manifest) || owned(name, in: folder, manifest: nil) {
                if !removeEntry(folder.appendingPathComponent(name).path) { left.append(name) }
            } else {
                left.append(name)
            }
        }
        if left.isEmpty { rmdir(folder.path) }
        return left
    }

    /// The order a month folder's entries are removed in: by name, the manifest last.
    static func removalOrder(_ names: [String]) -> [String] {
        names.sorted { ($0 == manifestName ? 1 : 0, $0) < ($1 == manifestName ? 1 : 0, $1) }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// `OUT/index.html`, the archive: replaced only when mentor-report wrote it.
enum ArchivePage {
    /// Throws when OUT holds an `index.html` that is not mentor-report's archive: a folder, a link, or a
    /// page of the user's in a folder mentor-report has not written to (no audience recorded, and not
    /// an archive page by its title).
    static func checkReplaceable(in out: URL) throws {
        let page = out.appendingPathComponent("index.html")
        var info = stat()
        guard lstat(page.path, &info) == 0 else { return }
        let keep = "; it was left as it is. Move it away or use another --out"
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw OutputFailure("\(page.path) is \((info.st_mode & S_IFMT) == S_IFLNK ? "a link" : "a folder"), not the archive page mentor-report writes" + keep)
        }
        if OutputAudience.recorded(in: out) != nil { return }
        let head = (FileHandle(forReadingAtPath: page.path).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 4096)
        }).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard head.contains("<title>Mentoring programme reports</title>") else {
            throw OutputFailure("\(page.path) is not an archive page written by mentor-report" + keep)
        }
    }
}

/// `OUT/kpis-history.csv`: replaced only when mentor-report wrote it, like the archive page.
enum HistoryFile {
    static let name = "kpis-history.csv"

    /// Throws when OUT holds a `kpis-history.csv` that is not mentor-report's: a folder, a link, or a
    /// file of the user's in a folder mentor-report has not written to (no audience recorded, and not
    /// starting with the history's header).
    static func checkReplaceable(in out: URL) throws {
        let file = out.appendingPathComponent(name)
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return }
        let keep = "; it was left as it is. Move it away or use another --out"
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw OutputFailure("\(file.path) is \((info.st_mode & S_IFMT) == S_IFLNK ? "a link" : "a folder"), not the KPI history mentor-report writes" + keep)
        }
        if OutputAudience.recorded(in: out) != nil { return }
        let head = (FileHandle(forReadingAtPath: file.path).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 64)
        }).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard head.hasPrefix(CSVCell.byteOrderMark + KPIHistoryCSV.header) else {
            throw OutputFailure("\(file.path) is not a KPI history written by mentor-report" + keep)
        }
    }

    /// The kpis.csv of month folder `month` of OUT: a regular file (never a link) of at most 64 MB,
    /// or nil (the history then says the month was left out).
    static func kpis(of month: Month, in out: URL) -> [UInt8]? {
        let path = out.appendingPathComponent(month.description).appendingPathComponent("kpis.csv").path
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let file = try? FileBytes(path: path, limit: 64 * bytesPerMegabyte) else { return nil }
        return withExtendedLifetime(file) { Array(file.bytes) }
    }
}
