import Foundation

/// What loading a data folder gives: the records read and every finding about them.
public struct LoadResult: Sendable {
    public var data: ProgrammeData
    public var diagnostics: Diagnostics
}

/// Bounds on what a data folder may hold, so that a runaway or hostile file fails with a message
/// instead of eating memory. Nesting depth (64) and alias expansion are bounded in `YAMLReader`.
public struct LoadLimits: Sendable {
    /// Bytes per file (YAML or survey export); `--max-file-size` raises it.
    public var fileBytes: Int
    /// Records in all (people, relationships, sessions, surveys, responses, outcomes, export rows).
    public var records: Int
    /// Bytes of one scalar value: far beyond any name, note or answer.
    public var scalarBytes: Int

    public static let standard = LoadLimits(fileBytes: 512 * 1_048_576, records: 10_000_000, scalarBytes: 1_048_576)

    public init(fileBytes: Int, records: Int, scalarBytes: Int) {
        self.fileBytes = fileBytes
        self.records = records
        self.scalarBytes = scalarBytes
    }
}

/// Records of one file, decoded on its own (files are read in parallel).
private enum FileRecords {
    case program(ProgramFile)
    case people([Person])
    case relationships([Relationship])
    case sessions([Session])
    /// Sessions appended to the list the caller passed in (see `Loader.read`).
    case sessionsAppended
    case surveys([Survey])
    case responses([Response])
    case outcomes([Outcome])
    case none
}

/// Reads a data folder into `ProgrammeData`: every file decoded straight from libyaml's events,
/// files in parallel on all cores, then merged in reading order.
public struct Loader {
    public var folder: String
    /// Read files on all cores (true) or one after another (false, for measuring).
    public var concurrent: Bool
    public var limits: LoadLimits
    /// Told "read N of M files" as files finish (from any thread), for a progress line.
    public var progress: (@Sendable (String) -> Void)?

    public init(folder: String, concurrent: Bool = true, limits: LoadLimits = .standard) {
        self.folder = folder
        self.concurrent = concurrent
        self.limits = limits
    }

    /// Exports given in memory (path inside the data folder -> bytes), instead of read from `folder`.
    private var memory: [String: [UInt8]]?

    /// A data folder given in memory: paths inside it (`people.yaml`, `sessions/2026-01.yaml`,
    /// `responses/pulse.csv`) and their bytes, shown in messages under the name `folder`. For tools
    /// that hold the data already, and for the fuzzer.
    public init(folder: String, files: [String: [UInt8]], concurrent: Bool = false, limits: LoadLimits = .standard) {
        self.folder = folder
        self.concurrent = concurrent
        self.limits = limits
        self.memory = files
    }

    /// Loads and checks each file on its own; cross-references are the validator's job.
    public func load() -> LoadResult {
        let (files, exports, layout) = DataFolder(path: folder, memory: memory).files()
        let limits = self.limits
        let progress = self.progress
        let done = FileCounter()
        // Largest files first, so one big file does not start last (each size asked for once).
        let sizes = files.map { $0.contents?.count ?? fileSize($0.url) }
        let bySize = files.indices.sorted { sizes[$0] > sizes[$1] }
        var results: [(FileRecords, [Diagnostic], Int)]
        var serialSessions: [Session] = []
        if concurrent {
            results = parallelMap(files.count, longestFirst: bySize) { i in
                var sessions: [Session] = []
                var result = Loader.read(files[i], index: Int32(i), limits: limits, sessions: &sessions)
                if case .sessionsAppended = result.0 { result.0 = .sessions(sessions) }
                progress?("read \(done.increment()) of \(files.count) files")
                return result
            }
        } else {
            // One file after another: every file's sessions go straight into one list, with no lists
            // per file to merge (sessions are most of the records: 10 MB at 20,000 people).
            results = files.indices.map { i in
                let result = Loader.read(files[i], index: Int32(i), limits: limits, sessions: &serialSessions)
                progress?("read \(done.increment()) of \(files.count) files")
                return result
            }
        }
        var program: ProgramFile?
        var data = ProgrammeData(program: Program(id: "unknown", name: "unknown", start: Day(daysSinceEpoch: 0)))
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: layout)
        // Room for every record first, so that merging the files' lists copies each record once.
        var counts = [Int](repeating: 0, count: 7)
        for (records, _, _) in results {
            switch records {
            case .people(let r): counts[0] += r.count
            case .relationships(let r): counts[1] += r.count
            case .sessions(let r): counts[2] += r.count
            case .responses(let r): counts[3] += r.count
            case .outcomes(let r): counts[4] += r.count
            default: break
            }
        }
        for i in results.indices {
            let (records, findings, bytes) = results[i]
            // Taken out, so that the merged list can grow in place from the first file's.
            results[i].0 = .none
            data.files.append(files[i].displayPath)
            data.bytesRead += bytes
            diagnostics.append(contentsOf: findings)
            switch records {
            case .program(let p): program = p
            case .people(let r): merge(r, into: &data.people, total: counts[0])
            case .relationships(let r): merge(r, into: &data.relationships, total: counts[1])
            case .sessions(let r): merge(r, into: &data.sessions, total: counts[2])
            case .sessionsAppended: break
            case .surveys(let r): data.surveys += r
            case .responses(let r): merge(r, into: &data.responses, total: counts[3])
            case .outcomes(let r): merge(r, into: &data.outcomes, total: counts[4])
            case .none: break
            }
        }
        if !concurrent { data.sessions = serialSessions }
        if let program {
            if let p = program.program { data.program = p }
            data.competencies = program.competencies
            data.cohorts = program.cohorts
        }
        importSurveys(into: &data, exports: exports, &diagnostics)
        if data.recordCount + data.importedRows > limits.records {
            diagnostics.append(Diagnostic(severity: .error, file: folder, line: 0, column: 0,
                                          message: "the data folder holds \(data.recordCount + data.importedRows) records; expected at most \(limits.records) (raise the limit with --max-records)",
                                          fileOrder: -1))
        }
        return LoadResult(data: data, diagnostics: diagnostics)
    }

    /// Appends one file's records: the first file's list becomes the merged list (no copy; given room
    /// for every record of the collection), later files' lists are appended to it.
    private func merge<T>(_ records: [T], into merged: inout [T], total: Int) {
        if merged.isEmpty {
            merged = records
            if total > records.count { merged.reserveCapacity(total) }
        } else {
            merged += records
        }
    }

    /// Reads the exports that surveys name under `import`, once people are known (respondents are
    /// matched by email). Each export joins the files table after the YAML files, in survey order.
    private func importSurveys(into data: inout ProgrammeData, exports: [String], _ diagnostics: inout Diagnostics) {
        let surveys = data.surveys.filter { $0.importSpec != nil }
        // An export dropped into the data folder that no survey imports is most likely a forgotten
        // `import`: say so rather than ignore it silently.
        let imported = Set(surveys.compactMap { $0.importSpec.flatMap { SurveyImporter.relativePath($0.file.value) } })
        for export in exports where !imported.contains(export) {
            diagnostics.append(Diagnostic(severity: .warning, file: DataFolder(path: folder).shown(export), line: 0, column: 0,
                                          message: "ignored: no survey imports this export; name it under a survey's import (file: \(export))",
                                          fileOrder: -1))
        }
        guard !surveys.isEmpty else { return }
        var emails: [String: String] = [:]
        var emailList: [String] = []
        for person in data.people {
            guard let email = person.email else { continue }
            let key = ExportValues.normalized(email)
            if emails[key] == nil {
                emails[key] = person.id
                emailList.append(email)
            }
        }
        var importers: [SurveyImporter] = []
        for survey in surveys {
            let spec = survey.importSpec!
            let shown = DataFolder(path: folder).shown(spec.file.value)
            let specFile = Int(spec.location.file)
            importers.append(SurveyImporter(survey: survey, spec: spec, folder: folder, fileIndex: Int32(data.files.count),
                                            displayPath: shown,
                                            specPath: specFile < data.files.count ? data.files[specFile] : "surveys.yaml",
                                            emails: emails, emailList: emailList,
                                            contents: memory.map { files in
                                                SurveyImporter.relativePath(spec.file.value).flatMap { files[$0] } ?? []
                                            },
                                            maxBytes: limits.fileBytes))
            data.files.append(shown)
        }
        let jobs = importers
        let results = parallelMap(jobs.count, concurrent: concurrent) { i in
            var importer = jobs[i]
            return importer.run()
        }
        for result in results {
            data.responses += result.responses
            data.bytesRead += result.bytes
            data.importedRows += result.rows
            data.skippedImportRows += result.skipped
            diagnostics.append(contentsOf: result.diagnostics)
        }
    }

    /// Reads one file. Sessions are appended to `sessions` (the result says `.sessionsAppended`); when
    /// the file fails, what it appended is taken out again.
    private static func read(_ file: DataFile, index: Int32, limits: LoadLimits,
                             sessions: inout [Session]) -> (FileRecords, [Diagnostic], Int) {
        func fileProblem(_ message: String) -> (FileRecords, [Diagnostic], Int) {
            (.none, [Diagnostic(severity: .error, file: file.displayPath, line: 0, column: 0, message: message,
                                fileOrder: Int(index))], 0)
        }
        let size = file.contents?.count ?? fileSize(file.url)
        if size > limits.fileBytes {
            return fileProblem("the file is \(megabytesText(size)); expected at most \(megabytesText(limits.fileBytes)) per file (raise the limit with --max-file-size)")
        }
        let storage: FileBytes
        do {
            storage = try file.contents.map { FileBytes(copying: $0) } ?? FileBytes(path: file.url.path)
        } catch {
            return fileProblem("cannot read the file: \(error)")
        }
        let head = storage.bytes.prefix(3)
        let offset = head.elementsEqual([0xEF, 0xBB, 0xBF]) ? 3 : 0
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return fileProblem("the file is UTF-16 or UTF-32 encoded; expected UTF-8 text (save it as UTF-8)")
        }
        let byteCount = storage.bytes.count
        let reader = YAMLReader(file: index, path: file.displayPath, storage: storage, from: offset)
        reader.scalarLimit = limits.scalarBytes
        reader.recordLimit = limits.records
        let expected = "a mapping with the key '\(file.collection.rawValue)' holding a list"
        var records = FileRecords.none
        let sessionsBefore = sessions.count
        var failed = true
        defer { if failed, sessions.count > sessionsBefore { sessions.removeSubrange(sessionsBefore...) } }
        do {
            switch file.collection {
            case .program:
                records = .program(try reader.decodeProgramFile())
            case .people:
                records = .people(try list(reader, file.collection, expected, "person") { try reader.decodePerson() })
            case .relationships:
                records = .relationships(try list(reader, file.collection, expected, "relationship") { try reader.decodeRelationship() })
            case .sessions:
                try list(reader, file.collection, expected, "session", into: &sessions) { try reader.decodeSession() }
                records = .sessionsAppended
            case .surveys:
                records = .surveys(try list(reader, file.collection, expected, "survey") { try reader.decodeSurvey() })
            case .responses:
                records = .responses(try list(reader, file.collection, expected, "response") { try reader.decodeResponse() })
            case .outcomes:
                records = .outcomes(try list(reader, file.collection, expected, "outcome") { try reader.decodeOutcome() })
            }
        } catch let failure as YAMLSyntaxError {
            let message = failure.kind == .encoding
                ? "the file is not valid UTF-8 text (\(failure.message)); expected UTF-8 encoded YAML"
                : "YAML syntax error: \(failure.message)"
            return (.none, reader.diagnostics + [Diagnostic(severity: .error, file: file.displayPath,
                                                             line: Int(failure.line), column: Int(failure.column),
                                                             message: message, fileOrder: Int(index))], byteCount)
        } catch let failure as LoadFailure {
            return (.none, reader.diagnostics + [Diagnostic(severity: .error, file: file.displayPath,
                                                             line: Int(failure.location.line), column: Int(failure.location.column),
                                                             message: failure.message, fileOrder: Int(index))], byteCount)
        } catch {
            return (.none, reader.diagnostics + [Diagnostic(severity: .error, file: file.displayPath, line: 0, column: 0,
                                                             message: "\(error)", fileOrder: Int(index))], byteCount)
        }
        failed = false
        return (records, reader.diagnostics, byteCount)
    }

    /// Reads a file whose document is `{NAME: [records]}`.
    private static func list<T>(_ reader: YAMLReader, _ collection: DataCollection, _ expected: String, _ what: String,
                                _ decode: () throws -> T?) throws -> [T] {
        var items: [T] = []
        try list(reader, collection, expected, what, into: &items, decode)
        return items
    }

    /// Appends the records of a file whose document is `{NAME: [records]}` to `items`.
    private static func list<T>(_ reader: YAMLReader, _ collection: DataCollection, _ expected: String, _ what: String,
                                into items: inout [T], _ decode: () throws -> T?) throws {
        let start = items.count
        // About one record per 100 bytes of YAML (a session takes about 100): few regrowths of big
        // lists. Room grows at least twofold, so that a list many files append to is not copied per file.
        let wanted = start + reader.byteCount / 100
        if items.capacity < wanted { items.reserveCapacity(max(wanted, 2 * items.capacity)) }
        var found = false
        try reader.document(expecting: expected, NameTable<DataCollection>(only: [collection])) { _ in
            found = true
            try reader.sequence("'\(collection.rawValue)'") {
                if let item = try decode() { items.append(item) }
                if items.count - start > reader.recordLimit {
                    throw LoadFailure(SourceLocation(file: reader.file, line: 1, column: 1),
                                      "the file holds more than \(reader.recordLimit) \(what) records",
                                      expected: "at most \(reader.recordLimit) records in all (raise the limit with --max-records)")
                }
            }
        }
        if !found && reader.errorCount == 0 {
            reader.error(SourceLocation(file: reader.file, line: 1, column: 1),
                         "the file has no key '\(collection.rawValue)'; expected \(expected)")
        }
    }
}

/// A byte count for messages: "512 MB", "1.5 MB", "900 bytes".
func megabytesText(_ bytes: Int) -> String {
    if bytes < 1_048_576 { return "\(bytes) bytes" }
    let mb = Double(bytes) / 1_048_576
    return mb == mb.rounded() ? "\(Int(mb)) MB" : String(format: "%.1f MB", mb)
}

private func fileSize(_ url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
}
