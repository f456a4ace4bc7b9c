#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull reader over one YAML file's events for the record decoders: expands aliases (with a bound),
/// limits nesting, and collects diagnostics that point at the value they are about.
///
/// Records are decoded straight from the event stream; no document tree is built.
final class YAMLReader {
    /// Expanded alias events allowed beyond the file's own events: aliases that re-use a value are
    /// fine, a "billion laughs" file fails fast.
    static let aliasBudgetBase = 100_000
    static let aliasBudgetPerEvent = 4
    /// Bytes of values that aliases may replay: this many times the file's size, and never more than
    /// `aliasByteCeiling`. A few aliases of a 1 MB value must not make gigabytes of text.
    static let aliasBytesPerFileByte = 16
    static let aliasByteCeiling = 64 * bytesPerMegabyte
    static let maxDepth = 64

    let file: Int32
    let path: String
    /// Size of the text read, for estimates.
    private(set) var byteCount = 0
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0

    private let parser: YAMLParser
    // The per-event state below is touched only by the thread reading this file; runtime exclusivity
    // checks on it cost about a tenth of the load time, so they are off for these properties.
    @exclusivity(unchecked) private var replay: [YAMLEvent] = []
    @exclusivity(unchecked) private var replayIndex = 0
    /// Where the alias being replayed stands: its values are reported there, where they are used,
    /// not at the anchor they copy.
    @exclusivity(unchecked) private var replayLine: Int32 = 0
    @exclusivity(unchecked) private var replayColumn: Int32 = 0
    private var anchors: [String: [YAMLEvent]] = [:]
    private let arena = EventArena()
    @exclusivity(unchecked) private var recorders: [(name: String, events: [YAMLEvent], depth: Int)] = []
    @exclusivity(unchecked) private var peeked: YAMLEvent?
    @exclusivity(unchecked) private var parsedEvents = 0
    @exclusivity(unchecked) private var replayedEvents = 0
    @exclusivity(unchecked) private var replayedBytes = 0
    /// The most bytes of values aliases may replay in this file (see `aliasBytesPerFileByte`).
    let aliasByteLimit: Int
    /// The bytes of values each anchor's events hold, by anchor name.
    private var anchorBytes: [String: Int] = [:]
    @exclusivity(unchecked) private var depth = 0
    /// The longest scalar accepted, in bytes, and the most records one file may hold (`LoadLimits`).
    var scalarLimit = LoadLimits.standard.scalarBytes
    var recordLimit = LoadLimits.standard.records
    /// Records reported and left out whose id was read: (kind, id), for the validator (see
    /// `ProgrammeData.leftOutIds`).
    private(set) var leftOut: [(kind: RecordKind, id: String)] = []

    /// Notes that the record `id` names (a `kind`) was reported and left out; nil, for `return`.
    func leftOut<T>(_ id: Located<String>?, _ kind: RecordKind) -> T? {
        if let id { noteLeftOut(kind, id.value) }
        return nil
    }

    /// Gives the questions left out since `start` their survey, once its id is known.
    func assignLeftOutQuestions(from start: Int, toSurvey survey: String) {
        for i in start..<leftOut.count where leftOut[i].kind == .question(ofSurvey: nil) {
            leftOut[i].kind = .question(ofSurvey: survey)
        }
    }

    /// Notes a value left out with its record that other files may use to find it (a person's email).
    func noteLeftOut(_ kind: RecordKind, _ value: String) { leftOut.append((kind, value)) }

    /// Marks the file's records as incomplete when the next value, which should list records, is
    /// neither a list nor empty (it is then reported and skipped).
    func markIncompleteUnlessList() throws {
        let value = try peek()
        if value.kind != .sequenceStart && !isNull(value) { incomplete = true }
    }

    /// Set when the file's records could not be read at all (an empty file, no list where the
    /// records go): every id of its collection may be missing.
    var incomplete = false
    /// Set when the file held more records than `recordLimit` (it is then left out whole).
    var overRecordLimit = false

    /// A list reused for each response's answers (see `decodeAnswers`).
    private var answerScratch: [Answer] = []

    /// The reused answers list, empty, with the room earlier responses gave it.
    func takeAnswerScratch() -> [Answer] {
        var list: [Answer] = []
        swap(&list, &answerScratch)
        list.removeAll(keepingCapacity: true)
        return list
    }

    func returnAnswerScratch(_ list: inout [Answer]) {
        swap(&list, &answerScratch)
    }

    /// Set when a value reader reports a problem, so a record does not also say the key is missing.
    @exclusivity(unchecked) private(set) var valueFailed = false

    init<Bytes: Collection>(file: Int32, path: String, bytes: Bytes) where Bytes.Element == UInt8 {
        self.file = file
        self.path = path
        self.parser = YAMLParser(bytes: bytes)
        self.aliasByteLimit = YAMLReader.aliasByteLimit(fileSize: bytes.count)
    }

    /// Reads `storage` from byte `offset` on, without copying it.
    init(file: Int32, path: String, storage: FileBytes, from offset: Int) {
        self.file = file
        self.path = path
        self.byteCount = storage.bytes.count
        self.parser = YAMLParser(storage: storage, from: offset)
        self.aliasByteLimit = YAMLReader.aliasByteLimit(fileSize: storage.bytes.count)
    }

    /// Reads bytes `offset..<end` of `storage`, one chunk of a file's top-level list (see `ChunkPlan`):
    /// marks count from line `lineOffset + 1`, nesting from `depth` (the levels around the list in
    /// the whole file), and anchors, aliases and tags are noted (`sawUnchunkable`).
    init(file: Int32, path: String, storage: FileBytes, from offset: Int, to end: Int, lineOffset: Int32, depth: Int) {
        self.file = file
        self.path = path
        self.byteCount = end - offset
        self.parser = YAMLParser(storage: storage, from: offset, to: end, lineOffset: lineOffset, watchesForUnchunkable: true)
        self.aliasByteLimit = YAMLReader.aliasByteLimit(fileSize: storage.bytes.count)
        self.depth = depth
    }

    /// Set when a mapping held a merge key (`<<`), which usually names an anchor: a file that has one
    /// is read by one parser, not in chunks.
    private(set) var sawMergeKey = false

    /// Whether the text read so far held an anchor, an alias, a tag or a merge key (only noted for a chunk).
    var sawUnchunkable: Bool { parser.sawUnchunkable || sawMergeKey }

    /// The bytes aliases may replay in a file of `fileSize` bytes.
    static func aliasByteLimit(fileSize: Int) -> Int {
        min(aliasBytesPerFileByte * fileSize, aliasByteCeiling)
    }

    // MARK: Events

    func peek() throws -> YAMLEvent {
        if let e = peeked { return e }
        let e = try produce()
        peeked = e
        return e
    }

    func next() throws -> YAMLEvent {
        if let e = peeked {
            peeked = nil
            return e
        }
        return try produce()
    }

    private func produce() throws -> YAMLEvent {
        if replayIndex < replay.count {
            var event = replay[replayIndex]
            event.line = replayLine
            event.column = replayColumn
            replayIndex += 1
            try track(event)
            return event
        }
        var event = try parser.next()
        parsedEvents &+= 1
        if event.kind == .scalar {
            // The common case, kept short: a scalar neither nests nor (mostly) needs recording.
            if event.bytes.count > scalarLimit {
                throw LoadFailure(location(event), "a value of \(event.bytes.count) bytes is too long",
                                  expected: "values of at most \(megabytesText(scalarLimit)) (names, notes and answers are far shorter)")
            }
            if event.anchor != nil || !recorders.isEmpty { try track(event) }
            return event
        }
        if event.kind == .alias {
            guard let recorded = anchors[event.value] else {
                throw LoadFailure(location(event), "alias '*\(event.value)' refers to no anchor defined before it",
                                  expected: "an anchor '&\(event.value)' earlier in the file")
            }
            replayedEvents += recorded.count
            if replayedEvents > YAMLReader.aliasBudgetBase + YAMLReader.aliasBudgetPerEvent * parsedEvents {
                throw LoadFailure(location(event),
                                  "aliases expand to more than \(YAMLReader.aliasBudgetBase) values beyond the file's own (an alias bomb?)",
                                  expected: "aliases that re-use a value a few times")
            }
            replayedBytes += anchorBytes[event.value] ?? 0
            if replayedBytes > aliasByteLimit {
                throw LoadFailure(location(event),
                                  "aliases expand to more than \(aliasByteLimit) bytes of values (\(YAMLReader.aliasBytesPerFileByte) times the file's size, at most \(YAMLReader.aliasByteCeiling / bytesPerMegabyte) MiB; an alias bomb?)",
                                  expected: "aliases that re-use a value a few times")
            }
            replay = recorded
            replayIndex = 1
            replayLine = event.line
            replayColumn = event.column
            event = recorded[0]
            event.line = replayLine
            event.column = replayColumn
        }
        try track(event)
        return event
    }

    /// Records anchored values as they stream past (with aliases already expanded) and limits depth.
    private func track(_ event: YAMLEvent) throws {
        switch event.kind {
        case .sequenceStart, .mappingStart:
            depth += 1
            if depth > YAMLReader.maxDepth {
                throw LoadFailure(location(event), "values nest deeper than \(YAMLReader.maxDepth) levels",
                                  expected: "at most \(YAMLReader.maxDepth) levels of nesting")
            }
        case .sequenceEnd, .mappingEnd:
            depth -= 1
        default:
            break
        }
        guard !recorders.isEmpty || event.anchor != nil else { return }
        var plain = arena.keep(event)
        let anchorName = plain.anchorName
        plain.anchor = nil
        var i = 0
        while i < recorders.count {
            recorders[i].events.append(plain)
            switch event.kind {
            case .sequenceStart, .mappingStart: recorders[i].depth += 1
            case .sequenceEnd, .mappingEnd: recorders[i].depth -= 1
            default: break
            }
            if recorders[i].depth == 0 {
                anchors[recorders[i].name] = recorders[i].events
                anchorBytes[recorders[i].name] = recorders[i].events.reduce(0) { $0 + $1.bytes.count }
                recorders.remove(at: i)
            } else {
                i += 1
            }
        }
        if let name = anchorName {
            if event.kind == .scalar {
                anchors[name] = [plain]
                anchorBytes[name] = plain.bytes.count
            } else {
                recorders.append((name, [plain], 1))
            }
        }
    }

    // MARK: Diagnostics

    func location(_ event: YAMLEvent) -> SourceLocation {
        SourceLocation(file: file, line: event.line, column: event.column)
    }

    func error(_ at: SourceLocation, _ message: String) {
        errorCount += 1
        valueFailed = true
        diagnostics.append(Diagnostic(severity: .error, file: path, line: Int(at.line), column: Int(at.column),
                                      message: message, fileOrder: Int(file)))
    }

    /// An error about the file as a whole (empty, no data): placed at line 1, column 1, as every
    /// finding about a file is (editors jump to `file:line:column:`).
    func fileError(_ message: String) {
        errorCount += 1
        valueFailed = true
        diagnostics.append(Diagnostic(severity: .error, file: path, line: 1, column: 1,
                                      message: message, fileOrder: Int(file)))
    }

    func warning(_ at: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(severity: .warning, file: path, line: Int(at.line), column: Int(at.column),
                                      message: message, fileOrder: Int(file)))
    }

    // MARK: Structure

    /// Skips one whole value (scalar, sequence or mapping).
    func skipValue() throws {
        try skipRest(of: try next())
    }

    /// Describes what the next value is, for "found …" in messages.
    func describe(_ event: YAMLEvent) -> String {
        switch event.kind {
        case .mappingStart: return "a mapping"
        case .sequenceStart: return "a list"
        case .scalar: return isNull(event) ? "nothing" : "'\(clip(event.value))'"
        default: return "nothing"
        }
    }

    func isNull(_ event: YAMLEvent) -> Bool {
        guard event.kind == .scalar, event.isPlain else { return false }
        return event.withBytes { b in
            switch b.count {
            case 0: return true
            case 1: return b[0] == UInt8(ascii: "~")
            case 4:
                // null, Null or NULL (every four-byte value comes here: compared byte by byte).
                let n = b[0], rest = (b[1], b[2], b[3])
                return (n == UInt8(ascii: "n") || n == UInt8(ascii: "N")) && rest == (UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l"))
                    || rest == (UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L")) && n == UInt8(ascii: "N")
            default: return false
            }
        }
    }

    /// Reads a mapping, calling `body` with each key that is one of `keys` (it must read the value).
    /// `extra` is skipped; unknown and repeated keys are reported and skipped. A value that is not a
    /// mapping is reported as `what` and skipped; then the result is nil.
    func mapping<Key>(_ what: String, _ keys: NameTable<Key>, _ body: (Key) throws -> Void) throws -> MappingInfo<Key>? {
        let start = try next()
        let startLocation = location(start)
        guard start.kind == .mappingStart else {
            if start.kind == .sequenceStart { try skipOpened() }
            error(startLocation, "\(what) is \(describe(start)); expected a mapping of keys and values")
            return nil
        }
        var info = MappingInfo<Key>(location: startLocation, kind: what)
        while true {
            let keyEvent = try next()
            if keyEvent.kind == .mappingEnd { break }
            let keyLocation = location(keyEvent)
            guard keyEvent.kind == .scalar else {
                try skipOpened()
                try skipValue()
                error(keyLocation, "a key of \(what) is \(describe(keyEvent)); expected a plain key name")
                continue
            }
            guard let k = keyEvent.withBytes(keys.position) else {
                let key = keyEvent.value
                try skipValue()
                if (keyEvent.isPlain && key == "<<") || keyEvent.isMergeTagged {
                    // A YAML 1.1 merge key: the keys it would bring in are not read, so the mapping's
                    // missing keys are this error's consequence and are not reported again.
                    info.hasMergeKey = true
                    sawMergeKey = true
                    error(keyLocation, YAMLReader.mergeKeyMessage(in: what))
                } else if key != "extra" {
                    error(keyLocation, unknownKeyMessage(key, known: keys.known, in: what))
                }
                continue
            }
            if info.seenMask & (1 << k) != 0 {
                try skipValue()
                error(keyLocation, "key '\(keys.spellings[k])' appears twice in \(what); expected each key once")
                continue
            }
            info.seenMask |= 1 << k
            info.locations[k] = keyLocation
            valueFailed = false
            try body(keys.cases[k])
            if valueFailed { info.failedMask |= 1 << k }
        }
        return info
    }

    /// Reads a list, calling `body` once per item (it must read the item). Null reads as an empty list.
    func sequence(_ what: String, _ body: () throws -> Void) throws {
        let start = try peek()
        if isNull(start) {
            _ = try next()
            return
        }
        guard start.kind == .sequenceStart else {
            try skipValue()
            error(location(start), "\(what) is \(describe(start)); expected a list")
            return
        }
        _ = try next()
        while try peek().kind != .sequenceEnd { try body() }
        _ = try next()
    }

    /// Skips the rest of a list or mapping whose start event was just read.
    func skipOpened() throws {
        var level = 1
        while level > 0 {
            switch try next().kind {
            case .sequenceStart, .mappingStart: level += 1
            case .sequenceEnd, .mappingEnd: level -= 1
            case .streamEnd: return
            default: break
            }
        }
    }

    /// Skips what follows `start` up to its end, when it opened a list or mapping.
    private func skipRest(of start: YAMLEvent) throws {
        guard start.kind == .sequenceStart || start.kind == .mappingStart else { return }
        try skipOpened()
    }

    // MARK: Scalars

    /// The next value as a scalar; nil (having skipped it) when it is null, or a list or mapping (reported).
    func scalar(_ key: String, expected: @autoclosure () -> String) throws -> YAMLEvent? {
        let event = try next()
        if event.kind == .scalar { return isNull(event) ? nil : event }
        let found = describe(event)
        if event.kind == .sequenceStart || event.kind == .mappingStart { try skipOpened() }
        error(location(event), "'\(key)' holds \(found); expected \(expected())")
        return nil
    }

    func string(_ key: String) throws -> String? {
        try scalar(key, expected: "text")?.value
    }

    func locatedString(_ key: String) throws -> Located<String>? {
        guard let e = try scalar(key, expected: "text") else { return nil }
        return Located(e.value, at: location(e))
    }

    static let idExpectation = "an id of letters, digits, '.', '_' or '-' starting with a letter or digit"

    func id(_ key: String) throws -> Located<String>? {
        guard let e = try scalar(key, expected: YAMLReader.idExpectation) else { return nil }
        guard e.withBytes(isValidId) else {
            error(location(e), "'\(clip(e.value))' is not a valid id for '\(key)'; expected \(YAMLReader.idExpectation)")
            return nil
        }
        return Located(e.value, at: location(e))
    }

    func day(_ key: String) throws -> Day? {
        try locatedDay(key)?.value
    }

    /// A date with the place it was read, for findings about the date itself (a session's).
    func locatedDay(_ key: String) throws -> Located<Day>? {
        guard let e = try scalar(key, expected: "a date as YYYY-MM-DD") else { return nil }
        if let d = e.withBytes({ Day(iso: $0) }), d.isInSupportedYears { return Located(d, at: location(e)) }
        if looksLikeDate(e.value), let year = Int(e.value.prefix(4)), !Day.supportedYears.contains(year) {
            error(location(e), "the year of '\(e.value)' for '\(key)' must be from \(Day.supportedYears.lowerBound) to \(Day.supportedYears.upperBound); expected a date as YYYY-MM-DD \(Day.supportedRangeText)")
        } else if looksLikeDate(e.value) {
            error(location(e), "'\(e.value)' is not a real date for '\(key)'; expected a date as YYYY-MM-DD that exists in the calendar")
        } else if let day = YAMLReader.excelSerialDay(e.value) {
            error(location(e), "'\(e.value)' is not a date for '\(key)': it looks like an Excel serial date, which is \(day) (the spreadsheet cell was formatted as a number); expected a date as YYYY-MM-DD: write \(day)")
        } else {
            error(location(e), "'\(clip(e.value))' is not a date for '\(key)'; expected a date as YYYY-MM-DD")
        }
        return nil
    }

    /// The day an Excel serial date stands for (1900 date system, as spreadsheets copy a date cell
    /// formatted as a number: 46296 is 2026-10-01), for a whole number, or one with a time fraction,
    /// whose day falls from 1950-01-01 to the last supported year: smaller numbers are no likely date.
    static func excelSerialDay(_ text: String) -> Day? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
              parts[0].count <= 6, let whole = Int(parts[0]),
              let day = ExportValues.excelSerial(Double(whole)),
              day >= Day(year: 1950, month: 1, day: 1)!, day.isInSupportedYears else { return nil }
        return day
    }

    /// A whole number within `range`. Every setting has a real upper bound, stated in the message
    /// ("expected a whole number from 0 to 1000"), which a number too long for an integer gets too.
    func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
        // Spelt out only for a message: this runs for every session's minutes.
        func expected() -> String { "a whole number from \(range.lowerBound) to \(range.upperBound)" }
        guard let e = try scalar(key, expected: expected()) else { return nil }
        guard e.isPlain, let n = e.withBytes(parseInt), range.contains(n) else {
            error(location(e), "\(invalidValue(e, key)); expected \(expected())")
            return nil
        }
        return n
    }

    func number(_ key: String, _ range: ClosedRange<Double>) throws -> Double? {
        func expected() -> String {
            if range.lowerBound == -.infinity && range.upperBound == .infinity { return "a number" }
            return range.upperBound == .infinity
                ? "a number of at least \(formatBound(range.lowerBound))"
                : "a number from \(formatBound(range.lowerBound)) to \(formatBound(range.upperBound))"
        }
        guard let e = try scalar(key, expected: expected()) else { return nil }
        guard e.isPlain, let x = parseNumber(e.value), range.contains(x) else {
            error(location(e), "\(invalidValue(e, key)); expected \(expected())")
            return nil
        }
        return x
    }

    /// "invalid value 'x' for 'key'", saying so when the value is a number made text by quotes or a tag.
    private func invalidValue(_ e: YAMLEvent, _ key: String) -> String {
        let text = e.value
        if !e.isPlain, parseNumber(text) != nil {
            return "invalid value '\(clip(text))' for '\(key)': quoted (or tagged), it is text, not a number"
        }
        return "invalid value '\(clip(text))' for '\(key)'"
    }

    /// Why an answer that is text is not a number, for messages: "not a whole number" for 3.5,
    /// "quoted text, not a number" for "3", "out of range" for a whole number too long for an integer.
    static func notANumber(_ text: String) -> String {
        var digits = text
        if digits.withUTF8(parseInt) != nil { return "quoted (or tagged) text, not a number" }
        var unsigned = Substring(text)
        if unsigned.first == "-" || unsigned.first == "+" { unsigned = unsigned.dropFirst() }
        if !unsigned.isEmpty && unsigned.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return "out of range" }
        if parseNumber(text) != nil { return "not a whole number" }
        return "not a number"
    }

    func bool(_ key: String) throws -> Bool? {
        guard let e = try scalar(key, expected: "true or false") else { return nil }
        if e.isPlain, let value = e.withBytes(parseBool) { return value }
        error(location(e), "invalid value '\(clip(e.value))' for '\(key)'; expected true or false")
        return nil
    }

    func choice<E: YAMLName>(_ key: String, _ type: E.Type) throws -> E? {
        guard let e = try scalar(key, expected: "one of \(E.table.list)") else { return nil }
        guard let value = e.withBytes(E.table.match) else {
            error(location(e), "invalid value '\(clip(e.value))' for '\(key)'; expected one of \(E.table.list)")
            return nil
        }
        return value
    }

    /// A list of ids (a single id is not accepted: lists are explicit); nil when any item is not an id.
    func idList(_ key: String) throws -> [Located<String>]? {
        guard let (items, failed) = try list(key, expected: "a list of ids, such as [a, b]", { try self.id(key) }) else { return nil }
        return failed ? nil : items
    }

    /// A list of plain words (roles); items that are not words are reported and left out.
    func stringList(_ key: String) throws -> [Located<String>]? {
        try list(key, expected: "a list, such as [a, b]", { try self.locatedString(key) })?.items
    }

    /// A list of strings with the number of entries written, those reported and left out included.
    func stringListCountingEntries(_ key: String) throws -> (items: [Located<String>], entries: Int)? {
        var entries = 0
        guard let items = try list(key, expected: "a list, such as [a, b]", { entries += 1; return try self.locatedString(key) })?.items else {
            return nil
        }
        return (items, entries)
    }

    static let groupNameExpectation = "a group name of letters, digits, '.', '_' or '-' starting with a letter or digit"

    /// A list of group names, each following the id rule: a group name becomes part of KPI ids
    /// (`inclusion.GROUP.share`). Items that are not group names are reported and left out.
    func groupList(_ key: String) throws -> [Located<String>]? {
        try list(key, expected: "a list of group names, such as [women]", { try self.groupName(key) })?.items
    }

    /// One group name of a list; nil, reported, when it is empty or breaks the id rule.
    private func groupName(_ key: String) throws -> Located<String>? {
        let start = try peek()
        if isNull(start) {
            _ = try next()
            error(location(start), "a group name in '\(key)' is empty; expected \(YAMLReader.groupNameExpectation)")
            return nil
        }
        guard let name = try locatedString(key) else { return nil }
        guard isValidId(name.value) else {
            error(name.location, YAMLReader.invalidGroupName(name.value))
            return nil
        }
        return name
    }

    /// "group name 'women ' is not valid; expected …", with where the name was used (" in workforce_share").
    static func invalidGroupName(_ name: String, in place: String = "") -> String {
        "group name '\(clip(name))'\(place) is not valid; expected \(groupNameExpectation)"
    }

    /// Reads a list with `item` for each element; nil (reported unless null) when the value is not a list.
    private func list(_ key: String, expected: String, _ item: () throws -> Located<String>?) throws
        -> (items: [Located<String>], failed: Bool)? {
        let start = try peek()
        if isNull(start) {
            _ = try next()
            return nil
        }
        guard start.kind == .sequenceStart else {
            let found = describe(start)
            try skipValue()
            error(location(start), "'\(key)' holds \(found); expected \(expected)")
            return nil
        }
        var items: [Located<String>] = []
        var failed = false
        try sequence(key) {
            if let value = try item() { items.append(value) } else { failed = true }
        }
        return (items, failed)
    }

    // MARK: Documents

    /// Reads the file's single document: a mapping whose keys are `keys` (plus `extra`), calling
    /// `body` for each. An empty file, a document that is not a mapping, or a second document is reported.
    @discardableResult
    func document<Key>(expecting description: String, _ keys: NameTable<Key>, _ body: (Key) throws -> Void) throws -> MappingInfo<Key>? {
        _ = try next()  // stream start
        let first = try next()
        if first.kind == .streamEnd {
            incomplete = true
            fileError(parser.isBlank
                  ? "the file is empty; expected \(description)"
                  : "the file holds only comments; expected \(description)")
            return nil
        }
        let content = try peek()
        if isNull(content) || content.kind == .documentEnd {
            incomplete = true
            fileError("the file holds no data; expected \(description)")
            return nil
        }
        guard content.kind == .mappingStart else {
            incomplete = true
            error(location(content), "the file holds \(describe(content)) at the top; expected \(description)")
            return nil
        }
        let info = try mapping("the file", keys, body)
        _ = try next()  // document end
        let after = try next()
        if after.kind == .documentStart {
            error(location(after), "the file holds a second YAML document; expected one document per file")
        }
        return info
    }

    // MARK: Required keys

    /// Reports a required key that is absent or empty (not one whose value was already reported).
    func require<T, Key>(_ value: T?, _ key: Key, in info: MappingInfo<Key>, expected: @autoclosure () -> String) -> T? {
        if let value { return value }
        if info.failed(key) || info.hasMergeKey { return nil }
        if let at = info.seen(key) {
            error(at, "'\(key.rawValue)' of \(info.what) is empty; expected \(expected())")
        } else {
            error(info.location, "\(info.what) is missing the required key '\(key.rawValue)' (\(expected()))")
        }
        return nil
    }
}

/// What a decoder learned about one mapping: where it starts, which of its keys it held and where, and
/// which held a value already reported as wrong. Kept inline (no allocation): one per record.
struct MappingInfo<Key: YAMLName> {
    static var maxKeys: Int { 16 }

    var location: SourceLocation
    /// What the mapping is ("relationship"), and its id once known, for messages.
    var kind: String
    var id: String?
    var seenMask: UInt32 = 0
    var failedMask: UInt32 = 0
    /// Whether the mapping held a merge key (`<<`), already reported: its missing keys are not.
    var hasMergeKey = false
    var locations = InlineArray<16, SourceLocation>(repeating: SourceLocation(file: 0, line: 0, column: 0))

    init(location: SourceLocation, kind: String) {
        precondition(Key.table.cases.count <= MappingInfo.maxKeys, "a record type has more keys than MappingInfo holds")
        self.location = location
        self.kind = kind
    }

    /// "relationship 'r1'" once the id is known, else "relationship".
    var what: String { id.map { "\(kind) '\($0)'" } ?? kind }

    /// Where `key` was, if the mapping held it.
    func seen(_ key: Key) -> SourceLocation? {
        let k = Key.table.position(of: key)
        return seenMask & (1 << k) != 0 ? locations[k] : nil
    }

    func failed(_ key: Key) -> Bool {
        failedMask & (1 << Key.table.position(of: key)) != 0
    }

    /// Marks `key`'s value as wrong (already reported), so it is not also reported as missing.
    mutating func fail(_ key: Key) {
        failedMask |= 1 << Key.table.position(of: key)
    }
}

/// A problem that stops reading one file (a syntax error, an alias bomb): reported at its place.
struct LoadFailure: Error {
    var location: SourceLocation
    var message: String

    init(_ location: SourceLocation, _ message: String, expected: String) {
        self.location = location
        self.message = "\(message); expected \(expected)"
    }
}

func isValidId(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(isValidId)
}

func isValidId(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var first = true
    for b in bytes {
        let alnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
        if first {
            guard alnum else { return false }
            first = false
        } else if !(alnum || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")) {
            return false
        }
    }
    return !first
}

private func looksLikeDate(_ text: String) -> Bool {
    let b = Array(text.utf8)
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
    return b.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (c >= 48 && c <= 57) }
}

/// A whole number in decimal with an optional sign, straight from the bytes.
func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        negative = first == UInt8(ascii: "-")
        i = 1
    }
    guard i < bytes.count, bytes.count - i <= 18 else { return nil }
    var n = 0
    while i < bytes.count {
        let b = bytes[i]
        guard b >= 48, b <= 57 else { return nil }
        n = n * 10 + Int(b - 48)
        i += 1
    }
    return negative ? -n : n
}

/// A plain number: optional sign, digits, optional fraction and exponent; never nan or infinity.
func parseNumber(_ text: String) -> Double? {
    var sawDigit = false
    for b in text.utf8 {
        if b >= 48 && b <= 57 { sawDigit = true; continue }
        switch b {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
        default: return nil
        }
    }
    guard sawDigit, let x = Double(text), x.isFinite else { return nil }
    return x
}

func formatBound(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}

/// A value quoted in a message, shortened so one bad line cannot flood the output.
func clip(_ text: String) -> String {
    let oneLine = text.replacingNewlines()
    return oneLine.count > 60 ? String(oneLine.prefix(57)) + "…" : oneLine
}

extension String {
    fileprivate func replacingNewlines() -> String {
        guard contains(where: { $0.isNewline }) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }
}

extension YAMLReader {
    /// What a merge key (`<<: *base`) is told: YAML 1.1's merge keys are not part of YAML 1.2 nor of
    /// the data format, and the keys it would bring in are not read.
    static func mergeKeyMessage(in what: String) -> String {
        "merge keys ('<<') are not supported (in \(what)); expected the keys written out in each record "
            + "(repeat them), or an anchor on a whole value repeated with an alias (attendees: *team)"
    }
}

/// `unknown key 'minuts' — did you mean 'minutes'?`, or the list of known keys when none is close.
func unknownKeyMessage(_ key: String, known: [String], in what: String) -> String {
    if let near = nearest(to: key, in: known) {
        return "unknown key '\(clip(key))' — did you mean '\(near)'?"
    }
    return "unknown key '\(clip(key))' in \(what); expected one of \(known.joined(separator: ", ")) (or 'extra' for your own data)"
}
