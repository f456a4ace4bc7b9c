import Foundation

/// The collections of a data folder, in reading order. Each may be `NAME.yaml` or a folder `NAME/`
/// of `*.yaml` files read in name order (`program` is always one file).
enum DataCollection: String, CaseIterable, Sendable {
    case program, people, relationships, sessions, surveys, responses, outcomes

    /// The kinds of record other records name by id, as the validator calls them.
    var referencedKinds: [RecordKind] {
        switch self {
        case .program: return [.cohort, .competency]
        case .people: return [.person]
        case .relationships: return [.relationship]
        case .surveys: return [.survey]
        case .sessions, .responses, .outcomes: return []
        }
    }
}

/// One file to read, with the collection it belongs to.
struct DataFile: Sendable {
    var collection: DataCollection
    /// Path shown in messages: the data folder as given, joined with the file's relative path.
    var displayPath: String
    var url: URL
    /// The file's size when the folder was listed (its target's, for a link).
    var size: Int
    /// The file's bytes when it is given in memory rather than read from `url`.
    var contents: [UInt8]? = nil
    /// The data folder's real path, which the file opened must lie within (`FileBytes`).
    var realFolder: String? = nil

    /// The file's bytes: the ones given in memory, or the file read from disk, checked as it is opened
    /// to lie inside the data folder (`DataFolder.read`).
    func read(limit: Int) throws -> FileBytes {
        if let contents { return FileBytes(copying: contents) }
        return try FileBytes(path: url.path, limit: limit, inside: realFolder ?? DataFolder.unresolvable)
    }
}

/// Finds the files of a data folder, on disk or given in memory (path inside the folder → bytes).
struct DataFolder {
    let path: String
    let memory: [String: [UInt8]]?
    /// The folder's real path (links and `..` resolved), which every entry's must lie within; nil in
    /// memory, or when the folder cannot be resolved (then nothing in it is read).
    let realFolder: String?

    init(path: String, memory: [String: [UInt8]]? = nil) {
        self.path = path
        self.memory = memory
        realFolder = memory == nil ? DataFolder.realPath(path) : nil
    }

    /// What a path inside the data folder is.
    enum Entry: Equatable {
        case file(size: Int)
        case folder, absent
        /// Neither a file nor a folder: "a FIFO", "a device", "a socket".
        case special(String)
        /// There, but refused: a link to nothing or out of the data folder, or the system's reason, in words.
        case unusable(String)

        /// Why this cannot be read as a file ("it is a FIFO, not a file"); nil for a file or nothing.
        var notAFile: String? {
            switch self {
            case .file, .absent: return nil
            case .folder: return "it is a folder, not a file"
            case .special(let kind): return "it is \(kind), not a file"
            case .unusable(let reason): return reason
            }
        }
    }

    /// The names in a folder inside the data folder ("" for the top), in byte order; or the system's
    /// reason when the folder cannot be listed.
    private func entries(_ relative: String) -> Result<[String], FileReadError> {
        let names: [String]
        if let memory {
            let prefix = relative.isEmpty ? "" : relative + "/"
            names = Array(Set(memory.keys.compactMap { key -> String? in
                guard key.hasPrefix(prefix) else { return nil }
                return key.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).first.map(String.init)
            }))
        } else {
            guard let folder = opendir(url(relative).path) else {
                return .failure(FileReadError(errno: errno))
            }
            defer { closedir(folder) }
            var found: [String] = []
            while true {
                errno = 0
                guard let entry = readdir(folder) else {
                    let code = errno
                    if code != 0 { return .failure(FileReadError(errno: code)) }
                    break
                }
                // The name is read where it stands: an entry may end before the 256 bytes `d_name` declares.
                let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                    field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                        String(cString: $0)
                    }
                }
                if name != "." && name != ".." { found.append(name) }
            }
            names = found
        }
        return .success(names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    /// Whether `relative` is a file, a folder, absent, or there but unusable (a link to nothing or
    /// out of the data folder, a FIFO or device, a path the system refuses).
    func entry(_ relative: String) -> Entry {
        if let memory {
            if let bytes = memory[relative] { return .file(size: bytes.count) }
            return memory.keys.contains { $0.hasPrefix(relative + "/") } ? .folder : .absent
        }
        let path = url(relative).path
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFREG || kind == S_IFDIR, let outside = leavesFolder(path, kind == S_IFDIR ? "folder" : "file") {
                return .unusable(outside)
            }
            switch kind {
            case S_IFREG: return .file(size: Int(info.st_size))
            case S_IFDIR: return .folder
            default: return .special(FileBytes.kind(of: info.st_mode))
            }
        }
        let code = errno
        let reason = String(cString: strerror(code))
        let missing = code == ENOENT || code == ENOTDIR
        var link = stat()
        if lstat(path, &link) == 0 {
            // The name is there: a symbolic link whose target is missing or refused.
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " '\($0)'" } ?? ""
            return .unusable("it is a link to\(target), which cannot be read: \(reason)")
        }
        return missing ? .absent : .unusable(reason)
    }

    /// Why the file or folder at `path` (inside the data folder as named) may not be read: its real
    /// path lies outside the data folder's, through a link. Nil when it stays inside. Such an entry
    /// is never opened, so nothing it holds can reach a message.
    private func leavesFolder(_ path: String, _ what: String) -> String? {
        let rule = "links must stay inside the data folder (copy the \(what) into it instead)"
        guard let root = realFolder, let real = DataFolder.realPath(path) else {
            // Only when the folder changes while it is read: refused, as what cannot be checked.
            return "its real path cannot be found, so it cannot be checked to lie inside the data folder"
        }
        if real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") { return nil }
        var link = stat()
        guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK,
              let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
            return "its path leads through a link out of the data folder; \(rule)"
        }
        return "it is a link to '\(target)', which leaves the data folder; \(rule)"
    }

    /// What in a `.yaml` file's name makes it look like a copy or a backup (`2026-10 (copy).yaml`,
    /// `2026-10 copy.yaml`, `Copy of 2026-10.yaml`, `2026-10 (1).yaml`, `2026-10~.yaml`, `2026-10.bak.yaml`,
    /// `2026-10.orig.yaml`, `2026-10-copy.yaml`, `2026-10_backup.yaml`, `~2026-10.yaml`), or nil (SPEC §2, 2026-12).
    static func copyMarker(_ name: String) -> String? {
        let stem = String(name.dropLast(".yaml".count)).lowercased()
        if stem.contains("(copy") { return "(copy)" }
        if stem.hasSuffix(" copy") || stem.contains(" copy ") { return " copy" }
        if stem.hasPrefix("copy of ") { return "copy of" }
        if stem.hasSuffix("~") { return "~" }
        // `~2026-10.yaml`: how Office and some editors name a lock or temporary copy.
        if stem.hasPrefix("~") { return "~" }
        // `2026-10-copy.yaml`, `2026-10_backup.yaml`: "copy" or "backup" as the last word of a
        // name of more than one word (joined by '-', '_', '.' or a space); `copywriting.yaml` is not.
        let words = stem.split(whereSeparator: { "-_. ".contains($0) })
        if words.count > 1, let last = words.last, ["copy", "backup"].contains(last) {
            let joiner = stem[stem.index(before: last.startIndex)]
            return "\(joiner)\(last)"
        }
        for ending in [".bak", ".orig", ".old"] where stem.hasSuffix(ending) { return ending }
        // " (1)", " (2)": how file managers and browsers name a second copy.
        if stem.hasSuffix(")"), let open = stem.lastIndex(of: "("), open > stem.startIndex,
           stem[stem.index(before: open)] == " ",
           case let digits = stem[stem.index(after: open)..<stem.index(before: stem.endIndex)],
           !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return " (\(digits))"
        }
        return nil
    }

    /// The name a data file ending in `.yaml` or `.yml` in another case (`2026-10.YAML`, `.Yaml`,
    /// `.YML`) is read under: its stem with `.yaml`. Nil for other names, `.yaml` and `.yml` included.
    static func lowerCaseYAMLName(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ending = name[dot...]
        guard ending != ".yaml", ending != ".yml", [".yaml", ".yml"].contains(ending.lowercased()) else { return nil }
        return name[..<dot] + ".yaml"
    }

    /// What a data file whose ending is not lower case is told.
    static func notLowerCase(_ renamed: String) -> String {
        "ignored: only files ending in lower-case .yaml are read; rename it to \(renamed) to include it"
    }

    /// The bytes of the file at `relative`, read only when the file opened lies inside the data folder,
    /// whatever became of its name since `entry` checked it (decision 106); throws why not.
    func read(_ relative: String, limit: Int) throws -> FileBytes {
        if let memory {
            guard let bytes = memory[relative] else { throw FileReadError(errno: ENOENT) }
            return FileBytes(copying: bytes)
        }
        return try FileBytes(path: url(relative).path, limit: limit, inside: realFolder ?? DataFolder.unresolvable)
    }

    /// Stands for a data folder whose real path cannot be found: no real path lies inside it, so
    /// nothing is read from it.
    static let unresolvable = "\u{0}unresolvable"

    /// The path with every link, `.` and `..` resolved (realpath(3)), or nil when it cannot be.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func url(_ relative: String) -> URL {
        relative.isEmpty ? URL(fileURLWithPath: path, isDirectory: true)
            : URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(relative)
    }

    private func file(_ collection: DataCollection, _ relative: String, size: Int) -> DataFile {
        DataFile(collection: collection, displayPath: shown(relative),
                 url: URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(relative),
                 size: size, contents: memory?[relative], realFolder: realFolder)
    }

    /// The data folder as given, joined with a path inside it: how files are named in messages.
    func shown(_ relative: String) -> String {
        path.hasSuffix("/") ? path + relative : path + "/" + relative
    }

    /// The files to read in reading order, the survey-tool exports present (`.csv` and `.xlsx` at the
    /// top and in `responses/`, as paths inside the folder), findings about the folder's layout, and
    /// the collections that are missing or could not be listed or read whole.
    func files() -> (files: [DataFile], exports: [String], diagnostics: [Diagnostic], incomplete: Set<DataCollection>) {
        var files: [DataFile] = []
        var exports: [String] = []
        var findings: [Diagnostic] = []
        var incomplete: Set<DataCollection> = []
        /// A finding about the folder, a sub-folder or a file that is absent or cannot be opened: the
        /// path alone (there is no line to point at).
        func problem(_ severity: Diagnostic.Severity, _ relative: String, _ message: String) {
            findings.append(Diagnostic(severity: severity, file: relative.isEmpty ? path : shown(relative), line: nil, column: nil,
                                       message: message, fileOrder: -1))
        }
        /// A finding about a file that is there (its name, not its text): at line 1, column 1, as
        /// every finding about a file.
        func fileProblem(_ severity: Diagnostic.Severity, _ relative: String, _ message: String) {
            findings.append(Diagnostic(severity: severity, file: shown(relative), line: 1, column: 1,
                                       message: message, fileOrder: -1))
        }
        func isExport(_ name: String) -> Bool {
            let lower = name.lowercased()
            return !name.hasPrefix(".") && (lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx"))
        }
        let top: [String]
        switch entries("") {
        case .success(let names): top = names
        case .failure(let failure):
            problem(.error, "", "cannot read the data folder: \(failure.reason); expected a readable folder holding program.yaml and people.yaml")
            return ([], [], findings, Set(DataCollection.allCases))
        }
        /// Adds a data file, or reports why what stands at `relative` cannot be read as one.
        func addFile(_ collection: DataCollection, _ relative: String, _ found: Entry) {
            if case .file(let size) = found { files.append(file(collection, relative, size: size)) }
            if let reason = found.notAFile {
                problem(.error, relative, "cannot read the file: \(reason)")
                incomplete.insert(collection)
            }
        }
        let listed = Set(top)
        for collection in DataCollection.allCases {
            let name = collection.rawValue
            // Only names the listing holds are looked at: in a folder that may be listed but not
            // searched, looking up an absent name fails with "Permission denied".
            let fileEntry = listed.contains(name + ".yaml") ? entry(name + ".yaml") : .absent
            let folderEntry = collection == .program || !listed.contains(name) ? .absent : entry(name)
            addFile(collection, name + ".yaml", fileEntry)
            switch folderEntry {
            case .folder:
                let names: [String]
                switch entries(name) {
                case .success(let found): names = found
                case .failure(let failure):
                    problem(.error, name + "/", "cannot read the folder: \(failure.reason); expected a readable folder of .yaml files")
                    incomplete.insert(collection)
                    names = []
                }
                for entryName in names where !entryName.hasPrefix(".") {
                    let relative = name + "/" + entryName
                    if entryName.hasSuffix(".yml") {
                        fileProblem(.warning, relative, "ignored: only files ending in .yaml are read; rename it to .yaml to include it")
                        continue
                    }
                    if let renamed = DataFolder.lowerCaseYAMLName(entryName) {
                        fileProblem(.warning, relative, DataFolder.notLowerCase(renamed))
                        continue
                    }
                    if collection == .responses && isExport(entryName) {
                        exports.append(relative)
                        continue
                    }
                    let found = entry(relative)
                    if found == .folder {
                        problem(.warning, relative, "ignored: a folder inside \(name)/; only the .yaml files directly in \(name)/ are read")
                    } else if entryName.hasSuffix(".yaml") {
                        addFile(collection, relative, found)
                        if let marker = DataFolder.copyMarker(entryName) {
                            fileProblem(.warning, relative, "read as data, but its name looks like a copy or a backup ('\(marker)'); if it is one, move it out of the data folder: a copy counts its records twice")
                        }
                    }
                }
            case .special(let kind):
                problem(.error, name, "cannot read the folder: it is \(kind), not a folder")
                incomplete.insert(collection)
            case .unusable(let reason):
                problem(.error, name + "/", "cannot read the folder: \(reason)")
                incomplete.insert(collection)
            case .file:
                // `people` saved without its extension, most likely.
                fileProblem(collection == .people && fileEntry == .absent ? .error : .warning, name,
                        "ignored: a file named '\(name)' without .yaml; expected \(name).yaml or a folder \(name)/ of .yaml files")
                incomplete.insert(collection)
            case .absent:
                break
            }
            let found = fileEntry != .absent || folderEntry == .folder
            if !found && folderEntry == .absent && (collection == .program || collection == .people) {
                problem(.error, name + ".yaml", "required file is missing; expected \(name).yaml"
                        + (collection == .people ? " or a folder people/ of .yaml files" : "") + " in the data folder")
                incomplete.insert(collection)
            }
        }
        let known = Set(DataCollection.allCases.map { $0.rawValue + ".yaml" })
        for entryName in top where !known.contains(entryName) {
            let lower = entryName.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { continue }
            if let renamed = DataFolder.lowerCaseYAMLName(entryName), known.contains(renamed.lowercased()) {
                fileProblem(.warning, entryName, DataFolder.notLowerCase(renamed.lowercased()))
                continue
            }
            let stem = String(entryName.prefix(upTo: entryName.lastIndex(of: ".")!))
            let names = DataCollection.allCases.map(\.rawValue)
            let hint = nearest(to: stem, in: names).map { " — did you mean '\($0).yaml'?" }
                ?? "; expected one of " + names.map { $0 + ".yaml" }.joined(separator: ", ")
            fileProblem(.warning, entryName, "ignored: not a collection of the data format\(hint)")
        }
        exports = top.filter(isExport) + exports
        return (files, exports, findings, incomplete)
    }
}
