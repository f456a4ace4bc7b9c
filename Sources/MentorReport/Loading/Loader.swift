import Foundation

/// What loading a data folder gives: the records read and every finding about them.
public struct LoadResult: Sendable {
    /// The records read; those with errors are left out.
    public var data: ProgrammeData
    /// What loading found wrong in each file on its own (cross-references are `validate`'s).
    public var diagnostics: Diagnostics
    /// How many files were read in chunks by parsers in parallel (`ChunkPlan`), for tests.
    var chunkedFiles = 0
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

    /// The defaults: 512 MB per file, 10,000,000 records, 1 MB per value (1 MB = 1,048,576 bytes).
    public static let standard = LoadLimits(fileBytes: 512 * bytesPerMegabyte, records: 10_000_000, scalarBytes: bytesPerMegabyte)

    /// Limits of `fileBytes` per file, `records` in all and `scalarBytes` per value.
    public init(fileBytes: Int, records: Int, scalarBytes: Int) {
        self.fileBytes = fileBytes
        self.records = records
        self.scalarBytes = scalarBytes
    }
}

/// What one file gave besides records appended to the lists (see `RecordLists`).
private enum FileRecords {
    case program(ProgramFile)
    case surveys([Survey])
    /// Records appended to the lists the caller passed in (people, relationships, sessions, responses
    /// or outcomes), or nothing (a file that failed).
    case lists
}

/// The lists files append their records to: one set for all files when they are read one after
/// another, one set per file when they are read in parallel (merged in reading order afterwards).
private struct RecordLists {
    var people: [Person] = []
    var relationships: [Relationship] = []
    var sessions: [Session] = []
    var responses: [Response] = []
    var outcomes: [Outcome] = []
    /// Records reported and left out, by kind and id; and the collections of which a file failed.
    var leftOut: [(kind: RecordKind, id: String)] = []
    var incomplete: Set<DataCollection> = []
    /// True when a file held more records than the limit (its records are not in the lists).
    var overRecordLimit = false
    /// How many files were read in chunks by parsers in parallel (`ChunkPlan`).
    var chunkedFiles = 0

    /// Each list's length, to take out again what a file that failed part-way appended.
    var lengths: [Int] { [people.count, relationships.count, sessions.count, responses.count, outcomes.count] }

    mutating func truncate(to lengths: [Int]) {
        func cut<T>(_ list: inout [T], _ n: Int) { if list.count > n { list.removeSubrange(n...) } }
        cut(&people, lengths[0])
        cut(&relationships, lengths[1])
        cut(&sessions, lengths[2])
        cut(&responses, lengths[3])
        cut(&outcomes, lengths[4])
    }

    /// Room for about one record per 100 bytes of the collection's files (a session takes about 116):
    /// a list many files append to is then never copied to grow. Room beyond what is filled costs
    /// address space only; the pages are never touched.
    mutating func reserve(for files: [DataFile], limits: LoadLimits) {
        var bytes = [DataCollection: Int]()
        // A file over the size limit is refused unread: it gets no room.
        for file in files where file.size <= limits.fileBytes { bytes[file.collection, default: 0] += file.size }
        func room<T>(_ list: inout [T], _ collection: DataCollection) {
            list.reserveCapacity(min((bytes[collection] ?? 0) / 100, limits.records))
        }
        room(&people, .people)
        room(&relationships, .relationships)
        room(&sessions, .sessions)
        room(&responses, .responses)
        room(&outcomes, .outcomes)
    }
}

/// Reads a data folder into `ProgrammeData`: every file decoded straight from libyaml's events,
/// files in parallel on all cores, then merged in reading order.
public struct Loader {
    /// The data folder's path, as messages show it.
    public var folder: String
    /// Read files on all cores (true) or one after another (false, for measuring).
    public var concurrent: Bool
    /// The sizes past which a file or value is an error instead of being read.
    public var limits: LoadLimits
    /// Told "read N of M files" as files finish (from any thread), for a progress line.
    public var progress: (@Sendable (String) -> Void)?
    /// Which big collection files are cut into chunks read in parallel (`ChunkPlan`); tests force it.
    var chunking = ChunkSettings.standard

    /// A loader of the data folder at `folder`.
    public init(folder: String, concurrent: Bool = true, limits: LoadLimits = .standard) {
        self.folder = folder
        self.concurrent = concurrent
        self.limits = limits
    }

    /// Exports given in memory (path inside the data folder -> bytes), instead of read from `folder`.
    private(set) var memory: [String: [UInt8]]?

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
        let (files, exports, layout, unreadable) = DataFolder(path: folder, memory: memory).files()
        let limits = self.limits
        let progress = self.progress
        let chunking = self.chunking
        let concurrent = self.concurrent
        let done = FileCounter()
        // Largest files first, so one big file does not start last (sizes as the folder was listed).
        let bySize = files.indices.sorted { files[$0].size > files[$1].size }
        var results: [(FileRecords, [Diagnostic], Int)]
        var lists = RecordLists()
        if concurrent {
            var perFile = parallelMap(files.count, longestFirst: bySize) { i in
                var own = RecordLists()
                let result = Loader.read(files[i], index: Int32(i), limits: limits, chunking: chunking, concurrent: true, into: &own)
                progress?("read \(done.increment()) of \(files.count) files")
                return (result, own)
            }
            results = perFile.map { $0.0 }
            lists = Loader.merged(&perFile)
        } else {
            // One file after another: every file's records go straight into one list per collection,
            // given room for all of them first (sessions are most of the records: 10 MB at 20,000
            // people; growing their list by doubling copied 17 MB and touched as much new memory).
            lists.reserve(for: files, limits: limits)
            results = files.indices.map { i in
                let result = Loader.read(files[i], index: Int32(i), limits: limits, chunking: chunking, concurrent: concurrent, into: &lists)
                progress?("read \(done.increment()) of \(files.count) files")
                return result
            }
        }
        var program: ProgramFile?
        var data = ProgrammeData(program: Program(id: "unknown", name: "unknown", start: Day(daysSinceEpoch: 0)))
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: layout)
        for i in results.indices {
            let (records, findings, bytes) = results[i]
            data.files.append(files[i].displayPath)
            data.bytesRead += bytes
            diagnostics.append(contentsOf: findings)
            switch records {
            case .program(let p): program = p
            case .surveys(let r): data.surveys += r
            case .lists: break
            }
        }
        data.people = lists.people
        data.relationships = lists.relationships
        data.sessions = lists.sessions
        data.responses = lists.responses
        data.outcomes = lists.outcomes
        for (kind, id) in lists.leftOut { data.leftOutIds[kind, default: []].insert(id) }
        for collection in lists.incomplete.union(unreadable) { data.incompleteKinds.formUnion(collection.referencedKinds) }
        if let program {
            if let p = program.program { data.program = p }
            data.competencies = program.competencies
            data.cohorts = program.cohorts
        }
        readLogo(into: &data, &diagnostics)
        importSurveys(into: &data, exports: exports, &diagnostics)
        if data.recordCount + data.importedRows > limits.records {
            // A file over the limit was left out: the count read is then less than the folder holds.
            let held = lists.overRecordLimit ? "more than \(limits.records)" : "\(data.recordCount + data.importedRows)"
            diagnostics.append(Diagnostic(severity: .error, file: folder, line: nil, column: nil,
                                          message: "the data folder holds \(held) records; expected at most \(limits.records) (raise the limit with --max-records)",
                                          fileOrder: -1))
        }
        return LoadResult(data: data, diagnostics: diagnostics, chunkedFiles: lists.chunkedFiles)
    }

    /// The files' lists joined in reading order, taken out of `perFile`: each collection's first
    /// non-empty list becomes the joined list (no copy), given room for all, and the later files'
    /// lists are appended to it.
    private static func merged<Result>(_ perFile: inout [(Result, RecordLists)]) -> RecordLists {
        var all = RecordLists()
        func join<T>(_ list: WritableKeyPath<RecordLists, [T]>) {
            let total = perFile.reduce(0) { $0 + $1.1[keyPath: list].count }
            for i in perFile.indices {
                var own: [T] = []
                swap(&own, &perFile[i].1[keyPath: list])
                if own.isEmpty { continue }
                if all[keyPath: list].isEmpty {
                    own.reserveCapacity(total)
                    all[keyPath: list] = own
                } else {
                    all[keyPath: list] += own
                }
            }
        }
        join(\.people)
        join(\.relationships)
        join(\.sessions)
        join(\.responses)
        join(\.outcomes)
        for own in perFile {
            all.leftOut += own.1.leftOut
            all.incomplete.formUnion(own.1.incomplete)
            all.overRecordLimit = all.overRecordLimit || own.1.overRecordLimit
            all.chunkedFiles += own.1.chunkedFiles
        }
        return all
    }

    /// Reads the exports that surveys name under `import`, once people are known (respondents are
    /// matched by email). Each export joins the files table after the YAML files, in survey order.
    private func importSurveys(into data: inout ProgrammeData, exports: [String], _ diagnostics: inout Diagnostics) {
        let surveys = data.surveys.filter { $0.importSpec != nil }
        // An export dropped into the data folder that no survey imports is most likely a forgotten
        // `import`: say so rather than ignore it silently.
        let imported = Set(surveys.compactMap { $0.importSpec.flatMap { SurveyImporter.relativePath($0.file.value) } })
        // (Unless surveys were left out: the one that imports it may be among them.)
        for export in exports where data.readWhole(.survey) && !imported.contains(export) {
            diagnostics.append(Diagnostic(severity: .warning, file: DataFolder(path: folder).shown(export), line: 1, column: 1,
                                          message: "ignored: no survey imports this export; name it under a survey's import (file: \(export))",
                                          fileOrder: -1))
        }
        guard !surveys.isEmpty else { return }
        // Respondents are matched to people: with people unread, every row would be reported as
        // nobody's. The people file's own error says what to mend first.
        guard !data.incompleteKinds.contains(.person) else { return }
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
        // A person left out for a bad value is reported there; their rows are left out silently.
        let leftOutEmails = Set((data.leftOutIds[.email] ?? []).map(ExportValues.normalized))
        var importers: [SurveyImporter] = []
        for survey in surveys {
            let spec = survey.importSpec!
            let shown = DataFolder(path: folder).shown(spec.file.value)
            let specFile = Int(spec.location.file)
            importers.append(SurveyImporter(survey: survey, spec: spec, folder: folder, fileIndex: Int32(data.files.count),
                                            displayPath: shown,
                                            specPath: specFile < data.files.count ? data.files[specFile] : "surveys.yaml",
                                            emails: emails, emailList: emailList, leftOutEmails: leftOutEmails,
                                            contents: memory.map { files in
                                                SurveyImporter.relativePath(spec.file.value).flatMap { files[$0] } ?? []
                                            },
                                            maxBytes: limits.fileBytes, maxValueBytes: limits.scalarBytes))
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

    /// Reads one file. Its records are appended to `lists` (the result says `.lists`); when the
    /// file fails, what it appended is taken out again.
    private static func read(_ file: DataFile, index: Int32, limits: LoadLimits, chunking: ChunkSettings = .off,
                             concurrent: Bool = false, into lists: inout RecordLists) -> (FileRecords, [Diagnostic], Int) {
        func fileProblem(_ message: String) -> (FileRecords, [Diagnostic], Int) {
            lists.incomplete.insert(file.collection)
            // About the file as a whole: at line 1, column 1, as every finding about a file.
            return (.lists, [Diagnostic(severity: .error, file: file.displayPath, line: 1, column: 1, message: message,
                                    fileOrder: Int(index))], 0)
        }
        let size = file.size
        if size > limits.fileBytes {
            return fileProblem("the file is \(megabytesText(size)); \(expectedFileSize(limits.fileBytes))")
        }
        let storage: FileBytes
        do {
            storage = try file.read(limit: limits.fileBytes)
        } catch {
            return fileProblem("cannot read the file: \(error)")
        }
        let head = storage.bytes.prefix(3)
        let offset = head.elementsEqual([0xEF, 0xBB, 0xBF]) ? 3 : 0
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return fileProblem("the file is UTF-16 or UTF-32 encoded; expected UTF-8 text (save it as UTF-8)")
        }
        let byteCount = storage.bytes.count
        if offset == 0 && byteCount >= chunking.threshold,
           let diagnostics = readChunkedList(file, index: index, storage: storage, limits: limits, chunking: chunking,
                                             concurrent: concurrent, into: &lists) {
            return (.lists, diagnostics, byteCount)
        }
        let reader = YAMLReader(file: index, path: file.displayPath, storage: storage, from: offset)
        reader.scalarLimit = limits.scalarBytes
        reader.recordLimit = limits.records
        let expected = "a mapping with the key '\(file.collection.rawValue)' holding a list"
        var records = FileRecords.lists
        let lengthsBefore = lists.lengths
        var failed = true
        defer {
            if failed {
                lists.truncate(to: lengthsBefore)
                lists.incomplete.insert(file.collection)
                if reader.overRecordLimit { lists.overRecordLimit = true }
            }
        }
        do {
            switch file.collection {
            case .program:
                records = .program(try reader.decodeProgramFile())
            case .people:
                try list(reader, file.collection, expected, "person", into: &lists.people) { try reader.decodePerson() }
            case .relationships:
                try list(reader, file.collection, expected, "relationship", into: &lists.relationships) { try reader.decodeRelationship() }
            case .sessions:
                try list(reader, file.collection, expected, "session", into: &lists.sessions) { try reader.decodeSession() }
            case .surveys:
                records = .surveys(try list(reader, file.collection, expected, "survey") { try reader.decodeSurvey() })
            case .responses:
                try list(reader, file.collection, expected, "response", into: &lists.responses) { try reader.decodeResponse() }
            case .outcomes:
                try list(reader, file.collection, expected, "outcome", into: &lists.outcomes) { try reader.decodeOutcome() }
            }
        } catch let failure as YAMLSyntaxError {
            var message: String
            switch failure.kind {
            case .encoding: message = "the file is not valid UTF-8 text (\(failure.message)); expected UTF-8 encoded YAML"
            case .tabIndentation: message = failure.message
            case .syntax: message = "YAML syntax error: \(failure.message)"
            }
            var line = failure.line.map(Int.init) ?? 1, column = failure.column.map(Int.init) ?? 1
            // libyaml names the offset where it gave up, often the byte after the bad one: the first
            // byte that is not UTF-8 is found here, and a Windows-1252 file is told to be saved as UTF-8.
            if failure.kind == .encoding, let bad = InvalidUTF8.first(in: storage.bytes[offset...]) {
                message = bad.message(expected: "UTF-8 encoded YAML",
                                      howToSave: "in the editor: Save As or Save with Encoding → UTF-8")
                (line, column) = (bad.line, bad.column)
            }
            return (.lists, reader.diagnostics + [Diagnostic(severity: .error, file: file.displayPath,
                                                             line: line, column: column,
                                                             message: message, fileOrder: Int(index))], byteCount)
        } catch let failure as LoadFailure {
            return (.lists, reader.diagnostics + [Diagnostic(severity: .error, file: file.displayPath,
                                                             line: Int(failure.location.line), column: Int(failure.location.column),
                                                             message: failure.message, fileOrder: Int(index))], byteCount)
        } catch {
            return (.lists, reader.diagnostics + [Diagnostic(severity: .error, file: file.displayPath, line: 1, column: 1,
                                                             message: "\(error)", fileOrder: Int(index))], byteCount)
        }
        failed = false
        lists.leftOut += reader.leftOut
        if reader.incomplete { lists.incomplete.insert(file.collection) }
        return (records, reader.diagnostics, byteCount)
    }

    /// Reads a people, relationships, sessions, responses or outcomes file in chunks when it can be
    /// (`readInChunks`), its records appended to `lists`; returns its diagnostics, or nil when the file
    /// is to be read by one parser.
    private static func readChunkedList(_ file: DataFile, index: Int32, storage: FileBytes, limits: LoadLimits,
                                        chunking: ChunkSettings, concurrent: Bool, into lists: inout RecordLists) -> [Diagnostic]? {
        typealias Read<T> = (items: [T], diagnostics: [Diagnostic], leftOut: [(kind: RecordKind, id: String)])
        func chunks<T>(_ what: String, _ decode: @escaping (YAMLReader) throws -> T?) -> Read<T>? {
            readInChunks(file, index: index, storage: storage, limits: limits, chunking: chunking, concurrent: concurrent, what, decode)
        }
        let diagnostics: [Diagnostic]
        let leftOut: [(kind: RecordKind, id: String)]
        switch file.collection {
        case .people:
            guard let read = chunks("person", { try $0.decodePerson() }) else { return nil }
            lists.people += read.items
            (diagnostics, leftOut) = (read.diagnostics, read.leftOut)
        case .relationships:
            guard let read = chunks("relationship", { try $0.decodeRelationship() }) else { return nil }
            lists.relationships += read.items
            (diagnostics, leftOut) = (read.diagnostics, read.leftOut)
        case .sessions:
            guard let read = chunks("session", { try $0.decodeSession() }) else { return nil }
            lists.sessions += read.items
            (diagnostics, leftOut) = (read.diagnostics, read.leftOut)
        case .responses:
            guard let read = chunks("response", { try $0.decodeResponse() }) else { return nil }
            lists.responses += read.items
            (diagnostics, leftOut) = (read.diagnostics, read.leftOut)
        case .outcomes:
            guard let read = chunks("outcome", { try $0.decodeOutcome() }) else { return nil }
            lists.outcomes += read.items
            (diagnostics, leftOut) = (read.diagnostics, read.leftOut)
        case .program, .surveys:
            return nil
        }
        lists.leftOut += leftOut
        lists.chunkedFiles += 1
        return diagnostics
    }

    /// Reads a file whose document is `{NAME: [records]}` in chunks (`ChunkPlan`) by parsers in parallel:
    /// the first chunk as the file's start (`{NAME: [the first items]}`), each later one as a list of
    /// items, its marks counted from its first line. Nil when the file must be read by one parser: it
    /// makes no plan, or a chunk failed (a syntax error, a limit, an item that spans two chunks), held
    /// an anchor, alias or tag, or did not read as whole items; or the records are more than the limit.
    /// The one parser then gives each of these cases its exact message.
    private static func readInChunks<T>(_ file: DataFile, index: Int32, storage: FileBytes, limits: LoadLimits,
                                        chunking: ChunkSettings, concurrent: Bool, _ what: String,
                                        _ decode: @escaping (YAMLReader) throws -> T?)
        -> (items: [T], diagnostics: [Diagnostic], leftOut: [(kind: RecordKind, id: String)])? {
        let key = file.collection.rawValue
        guard let plan = ChunkPlan.make(storage.bytes, key: key, chunkBytes: chunking.chunkBytes) else { return nil }
        let expected = "a mapping with the key '\(key)' holding a list"
        let count = plan.starts.count
        let sharedStorage = UncheckedSendable(storage), sharedDecode = UncheckedSendable(decode)
        let collection = file.collection, path = file.displayPath
        typealias Chunk = (items: [T], diagnostics: [Diagnostic], leftOut: [(kind: RecordKind, id: String)])
        let chunks = parallelMap(count, concurrent: concurrent, longestFirst: []) { k -> Chunk? in
            let storage = sharedStorage.value, decode = sharedDecode.value
            let end = k + 1 < count ? plan.starts[k + 1] : storage.bytes.count
            // The first chunk is the file's start; each later one a list at the items' indentation, one
            // level in (the file's top mapping) as in the whole file.
            let reader = YAMLReader(file: index, path: path, storage: storage, from: plan.starts[k], to: end,
                                    lineOffset: plan.lines[k], depth: k == 0 ? 0 : 1)
            reader.scalarLimit = limits.scalarBytes
            reader.recordLimit = limits.records
            var items: [T] = []
            do {
                if k == 0 {
                    try list(reader, collection, expected, what, into: &items) { try decode(reader) }
                } else {
                    guard try reader.next().kind == .streamStart, try reader.next().kind == .documentStart else { return nil }
                    let list = try reader.next()
                    guard list.kind == .sequenceStart, list.line == plan.lines[k] + 1,
                          list.column == Int32(plan.indent + 1) else { return nil }
                    // As `YAMLReader.sequence` reads the whole file's list.
                    while case let next = try reader.peek().kind, next != .sequenceEnd {
                        guard next != .streamEnd else { return nil }
                        if let item = try decode(reader) { items.append(item) }
                    }
                    guard try reader.next().kind == .sequenceEnd, try reader.next().kind == .documentEnd,
                          try reader.next().kind == .streamEnd else { return nil }
                }
            } catch {
                return nil
            }
            guard !reader.incomplete, !reader.sawUnchunkable else { return nil }
            return (items, reader.diagnostics, reader.leftOut)
        }
        var items: [T] = []
        var diagnostics: [Diagnostic] = []
        var leftOut: [(kind: RecordKind, id: String)] = []
        items.reserveCapacity(chunks.reduce(0) { $0 + ($1?.items.count ?? 0) })
        for chunk in chunks {
            guard let chunk else { return nil }
            items += chunk.items
            diagnostics += chunk.diagnostics
            leftOut += chunk.leftOut
        }
        guard items.count <= limits.records else { return nil }
        return (items, diagnostics, leftOut)
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
        // About one record per 100 bytes of YAML: few regrowths of a file's own list when files are
        // read in parallel (on one thread the shared lists already have room, see `RecordLists.reserve`).
        // Room grows at least twofold, so that a list is never copied once per file.
        let wanted = start + reader.byteCount / 100
        if items.capacity < wanted { items.reserveCapacity(max(wanted, 2 * items.capacity)) }
        var found = false
        try reader.document(expecting: expected, NameTable<DataCollection>(only: [collection])) { _ in
            found = true
            try reader.markIncompleteUnlessList()
            try reader.sequence("'\(collection.rawValue)'") {
                if let item = try decode() { items.append(item) }
                if items.count - start > reader.recordLimit {
                    reader.overRecordLimit = true
                    throw LoadFailure(SourceLocation(file: reader.file, line: 1, column: 1),
                                      "the file holds more than \(reader.recordLimit) \(what) records",
                                      expected: "at most \(reader.recordLimit) records in all (raise the limit with --max-records)")
                }
            }
        }
        if !found { reader.incomplete = true }
        if !found && reader.errorCount == 0 {
            reader.error(SourceLocation(file: reader.file, line: 1, column: 1),
                         "the file has no key '\(collection.rawValue)'; expected \(expected)")
        }
    }
}

/// What a file over `--max-file-size` is told: "expected at most 512 MB per file (raise the limit …)".
func expectedFileSize(_ limit: Int) -> String {
    "expected at most \(megabytesText(limit)) per file (raise the limit with --max-file-size)"
}
