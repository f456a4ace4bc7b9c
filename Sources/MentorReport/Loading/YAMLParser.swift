import CYAML
#if canImport(Glibc)
import Glibc
#endif

/// One libyaml parser event, as plain data (copies cost nothing).
///
/// A scalar's text (or an alias's anchor name) and an anchor name are borrowed: from libyaml, valid only
/// until the parser moves on, or from the reader's arena for events kept to replay an alias. Read them
/// (`value`, `withBytes`) before asking for the next event.
struct YAMLEvent {
    /// The raw values are libyaml's `yaml_event_type_t`, so an event's kind is its type, unswitched.
    enum Kind: UInt8 {
        case streamStart = 1, streamEnd, documentStart, documentEnd, alias, scalar
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    // Stored compactly (32 bytes): events are copied on every step of the reader, and a smaller event
    // is cheaper to move than a pair of buffer pointers and an optional.
    private var start: UnsafePointer<UInt8>?
    /// The anchor name's first byte (NUL-terminated, as libyaml and the arena keep it), or nil.
    private var anchorStart: UnsafePointer<UInt8>?
    private var count: Int32
    /// 1-based position of the event's start.
    var line: Int32
    var column: Int32
    var kind: Kind
    /// True for a plain (unquoted, untagged) scalar, whose text may mean null, a number or a boolean.
    var isPlain: Bool
    /// True for a scalar tagged `!!merge` (YAML 1.1's merge key written with its tag).
    var isMergeTagged = false

    init(kind: Kind, bytes: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
         anchor: UnsafePointer<UInt8>? = nil, isPlain: Bool = false, line: Int32, column: Int32) {
        self.kind = kind
        self.start = bytes.baseAddress
        self.count = Int32(truncatingIfNeeded: bytes.count)
        self.anchorStart = anchor
        self.isPlain = isPlain
        self.line = line
        self.column = column
    }

    /// A scalar's text, or an alias's anchor name (borrowed bytes).
    var bytes: UnsafeBufferPointer<UInt8> {
        get { UnsafeBufferPointer(start: start, count: Int(count)) }
        set {
            start = newValue.baseAddress
            count = Int32(truncatingIfNeeded: newValue.count)
        }
    }

    /// The anchor (`&name`) on a scalar, sequence or mapping, NUL-terminated; nil when it has none.
    var anchor: UnsafePointer<UInt8>? {
        get { anchorStart }
        set { anchorStart = newValue }
    }

    /// The anchor's name, when there is one.
    var anchorName: String? { anchorStart.map { String(cString: $0) } }

    /// A scalar's text, or an alias's anchor name; empty otherwise.
    var value: String { String(decoding: bytes, as: UTF8.self) }

    /// Runs `body` over the text's UTF-8 bytes without copying them.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { body(bytes) }
}

/// A file's bytes, read straight into memory this object owns (one copy, from the kernel).
final class FileBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    init<Bytes: Collection>(copying source: Bytes) where Bytes.Element == UInt8 {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(source.count, 1))
        _ = buffer.initialize(from: source)
        bytes = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<source.count])
    }

    /// Reads the whole file; throws the system's reason when it cannot. Only a regular file is read
    /// (a FIFO would block for ever, a device such as /dev/zero never ends), opened without blocking,
    /// and never more than `limit` bytes, even if the file grows while it is read.
    ///
    /// With `folder` (a folder's real path, as `DataFolder.realPath` gives it), the file must lie inside
    /// that folder, and what is checked is the file opened, not its name, so that a file swapped for a
    /// link out of the folder after the folder's listing checked it is never read (decision 106): the
    /// path's real path is found and opened without following a link at the last step (`O_NOFOLLOW`),
    /// and the opened descriptor's own path (`/proc/self/fd/N`) must lie inside `folder` before any
    /// byte is read. A link inside the folder still works (its real path is what is opened).
    init(path: String, limit: Int, inside folder: String? = nil) throws {
        let fd: Int32
        if let folder {
            fd = try FileBytes.openInside(path, folder: folder)
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw FileReadError(errno: errno) }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileReadError(reason: "it is \(FileBytes.kind(of: info.st_mode)), not a file")
        }
        let tooLarge = FileReadError(reason: "it holds more than \(megabytesText(limit)); \(expectedFileSize(limit))")
        guard Int(info.st_size) <= limit else { throw tooLarge }
        // One byte more than the size, so that reaching the end needs no second buffer.
        var capacity = max(Int(info.st_size), 0) + 1
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        var length = 0
        while true {
            if length == capacity {
                // The file grew while being read: make room, up to one byte past the limit.
                guard capacity <= limit else {
                    buffer.deallocate()
                    throw tooLarge
                }
                let larger = min(capacity * 2, limit + 1)
                let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: larger)
                _ = bigger.initialize(from: buffer)
                buffer.deallocate()
                buffer = bigger
                capacity = larger
            }
            let n = read(fd, buffer.baseAddress! + length, capacity - length)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                buffer.deallocate()
                throw FileReadError(errno: code)
            }
            if n == 0 { break }
            length += n
        }
        if length > limit {
            buffer.deallocate()
            throw tooLarge
        }
        bytes = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<length])
    }

    /// Opens `path` for reading only when the file opened lies inside `folder` (a real path); see
    /// `init(path:limit:inside:)`. Returns the descriptor, or throws why the file was not read.
    static func openInside(_ path: String, folder: String) throws -> Int32 {
        let rule = "links must stay inside the data folder (copy the file into it instead)"
        let changed = FileReadError(reason: "it changed while it was read and now leads out of the data folder, so it was not read; \(rule)")
        func inside(_ real: String) -> Bool {
            real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        guard let resolved = realpath(path, nil) else { throw FileReadError(errno: errno) }
        let real = String(cString: resolved)
        free(resolved)
        guard inside(real) else { throw changed }
        let fd = open(real, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw changed }
            throw FileReadError(errno: code)
        }
        // The descriptor's own path: what was opened, whatever happened to the names on the way.
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard n > 0, n < buffer.count - 1 else {
            close(fd)
            throw FileReadError(reason: "the file opened cannot be told (/proc/self/fd cannot be read), so it cannot be checked to lie inside the data folder")
        }
        let opened = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard inside(opened) else {
            close(fd)
            throw changed
        }
        return fd
    }

    /// What a file system entry that is not a regular file is, in words.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "an entry of another kind"
        }
    }

    deinit { UnsafeMutablePointer(mutating: bytes.baseAddress).map { $0.deallocate() } }
}

struct FileReadError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }

    init(reason: String) { self.reason = reason }

    /// The system's words for an `errno` value (read it right after the failing call).
    init(errno code: Int32) { reason = String(cString: strerror(code)) }
}

/// Memory that outlives the parser's events: the text of events kept to replay aliases. Freed with it.
final class EventArena {
    private var blocks: [UnsafeMutableBufferPointer<UInt8>] = []

    /// A stable copy of `bytes`.
    func keep(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = block.initialize(from: bytes)
        blocks.append(block)
        return UnsafeBufferPointer(block)
    }

    /// The event with its text and anchor (NUL-terminated) kept here.
    func keep(_ event: YAMLEvent) -> YAMLEvent {
        var copy = event
        copy.bytes = keep(event.bytes)
        copy.anchor = event.anchor.map { name in
            let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
            let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: length + 1)
            _ = block.initialize(from: UnsafeBufferPointer(start: name, count: length + 1))
            blocks.append(block)
            return UnsafePointer(block.baseAddress!)
        }
        return copy
    }

    deinit { for block in blocks { block.deallocate() } }
}

/// A failure of libyaml itself: the text is not YAML, or not UTF-8.
struct YAMLSyntaxError: Error {
    /// `tabIndentation`: a syntax error on a line indented with a tab, its message rewritten to say so.
    enum Kind { case syntax, encoding, tabIndentation }
    var kind: Kind
    var message: String
    /// Where libyaml stopped (1-based); nil when it failed before reading (out of memory).
    var line: Int32?
    var column: Int32?
}

/// Owns a libyaml `yaml_parser_t` over an in-memory copy of one file and hands out its events.
/// All of libyaml's unsafe pointer handling lives here.
final class YAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let storage: FileBytes
    private let input: UnsafeBufferPointer<UInt8>
    @exclusivity(unchecked) private var event = yaml_event_t()
    @exclusivity(unchecked) private var holdsEvent = false
    @exclusivity(unchecked) private var finished = false
    /// Whether `yaml_parser_initialize` succeeded.
    private let started: Bool
    /// Lines before the text parsed (a chunk of a file starts on a later line): added to every mark.
    private let lineOffset: Int32
    /// For a chunk of a file (see `ChunkPlan`): note any anchor, alias or tag, which a chunk cannot
    /// honour as the whole file's parser would (an alias may name an anchor in another chunk).
    let watchesForUnchunkable: Bool
    /// Set when `watchesForUnchunkable` and an event carried an anchor or a tag, or was an alias.
    @exclusivity(unchecked) private(set) var sawUnchunkable = false

    /// `bytes` must already be UTF-8 without a byte-order mark.
    convenience init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(storage: FileBytes(copying: bytes), from: 0)
    }

    /// Parses `storage` from byte `offset` on (past a byte-order mark), without copying it; up to byte
    /// `end` (a chunk's end, see `ChunkPlan`) when given, its marks counted from line `lineOffset + 1`.
    init(storage: FileBytes, from offset: Int, to end: Int? = nil, lineOffset: Int32 = 0, watchesForUnchunkable: Bool = false) {
        self.storage = storage
        self.lineOffset = lineOffset
        self.watchesForUnchunkable = watchesForUnchunkable
        let all = storage.bytes
        let stop = min(end ?? all.count, all.count)
        input = UnsafeBufferPointer(rebasing: all[min(offset, stop)..<stop])
        parser = .allocate(capacity: 1)
        // libyaml fails to initialise only when it cannot allocate its buffers: `next()` then says so.
        started = yaml_parser_initialize(parser) == 1
        if started {
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        }
    }

    deinit {
        if holdsEvent { yaml_event_delete(&event) }
        if started { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// The next event; throws on the first syntax or encoding error. The previous event's borrowed
    /// text is released here.
    func next() throws(YAMLSyntaxError) -> YAMLEvent {
        if holdsEvent {
            yaml_event_delete(&event)
            holdsEvent = false
        }
        if finished { return YAMLEvent(kind: .streamEnd, line: 0, column: 0) }
        guard started else { throw YAMLSyntaxError(kind: .syntax, message: "libyaml could not start a parser (out of memory)", line: nil, column: nil) }
        guard yaml_parser_parse(parser, &event) == 1 else { throw error() }
        holdsEvent = true
        let line = Int32(truncatingIfNeeded: event.start_mark.line &+ 1) &+ lineOffset
        let column = Int32(truncatingIfNeeded: event.start_mark.column &+ 1)
        if watchesForUnchunkable { noteUnchunkable() }
        // Scalars are most events: they are tested first, by libyaml's type, and no other kind needs
        // a switch (the kinds' raw values are libyaml's types).
        if event.type == YAML_SCALAR_EVENT {
            let s = event.data.scalar
            // A plain scalar resolves by its text (null, number, boolean); `!!str` or quotes make it text.
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE && (s.tag == nil || (s.tag[0] == UInt8(ascii: "!") && s.tag[1] == 0))
            var scalar = YAMLEvent(kind: .scalar, bytes: UnsafeBufferPointer(start: s.value, count: s.length),
                                   anchor: UnsafePointer(s.anchor), isPlain: plain, line: line, column: column)
            if let tag = s.tag, tag[0] != UInt8(ascii: "!") || tag[1] != 0 {
                scalar.isMergeTagged = strcmp(UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self), "tag:yaml.org,2002:merge") == 0
            }
            return scalar
        }
        guard let kind = YAMLEvent.Kind(rawValue: UInt8(truncatingIfNeeded: event.type.rawValue)) else {
            throw YAMLSyntaxError(kind: .syntax, message: "unexpected parser event", line: line, column: column)
        }
        if kind == .mappingStart || kind == .sequenceStart {
            let anchor = kind == .mappingStart ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            return YAMLEvent(kind: kind, anchor: UnsafePointer(anchor), line: line, column: column)
        }
        if kind == .alias {
            return YAMLEvent(kind: .alias, bytes: text(event.data.alias.anchor) ?? UnsafeBufferPointer(start: nil, count: 0),
                             line: line, column: column)
        }
        if kind == .streamEnd { finished = true }
        return YAMLEvent(kind: kind, line: line, column: column)
    }

    /// Sets `sawUnchunkable` when the event held now has an anchor or a tag, or is an alias.
    private func noteUnchunkable() {
        switch event.type {
        case YAML_SCALAR_EVENT:
            if event.data.scalar.anchor != nil || event.data.scalar.tag != nil { sawUnchunkable = true }
        case YAML_MAPPING_START_EVENT:
            if event.data.mapping_start.anchor != nil || event.data.mapping_start.tag != nil { sawUnchunkable = true }
        case YAML_SEQUENCE_START_EVENT:
            if event.data.sequence_start.anchor != nil || event.data.sequence_start.tag != nil { sawUnchunkable = true }
        case YAML_ALIAS_EVENT, YAML_DOCUMENT_START_EVENT:
            // A document start is only ever implicit in a chunk the plan accepts; an explicit one
            // (or a version or tag directive) is not honoured.
            if event.type == YAML_ALIAS_EVENT || event.data.document_start.implicit == 0
                || event.data.document_start.version_directive != nil
                || event.data.document_start.tag_directives.start != nil {
                sawUnchunkable = true
            }
        default:
            break
        }
    }

    /// True when the text is only spaces, tabs and line ends (an empty file, as opposed to one of comments).
    var isBlank: Bool { input.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }

    /// A NUL-terminated libyaml string as borrowed bytes.
    private func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> UnsafeBufferPointer<UInt8>? {
        p.map { UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))) }
    }

    /// libyaml's own description of what went wrong, and where.
    private func error() -> YAMLSyntaxError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        if p.error == YAML_READER_ERROR {
            let (line, column) = position(ofOffset: p.problem_offset)
            return YAMLSyntaxError(kind: .encoding, message: problem, line: line, column: column)
        }
        if p.error == YAML_MEMORY_ERROR {
            return YAMLSyntaxError(kind: .syntax, message: "out of memory", line: nil, column: nil)
        }
        let problemLine = Int(p.problem_mark.line) + 1, problemColumn = Int(p.problem_mark.column) + 1
        if let tab = indentingTab(line: problemLine, column: problemColumn) {
            // libyaml's words ("found a tab character that violates indentation", "found character that
            // cannot start any token") do not say what to change.
            return YAMLSyntaxError(kind: .tabIndentation,
                                   message: "tabs are not allowed for indentation in YAML; expected spaces to indent this line (set the editor to indent with spaces)",
                                   line: Int32(clamping: problemLine), column: Int32(clamping: tab))
        }
        var message = problem
        if let context = p.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(p.context_mark.line + 1), column \(p.context_mark.column + 1))"
        }
        return YAMLSyntaxError(kind: .syntax, message: message,
                               line: Int32(truncatingIfNeeded: p.problem_mark.line + 1),
                               column: Int32(truncatingIfNeeded: p.problem_mark.column + 1))
    }

    /// The column of the first tab in the indentation of `line` (its leading spaces and tabs) when a
    /// syntax error points into that indentation or just past it, else nil.
    private func indentingTab(line: Int, column: Int) -> Int? {
        var current = 1
        var i = 0
        while current < line && i < input.count {
            if input[i] == 0x0A { current += 1 }
            i += 1
        }
        guard current == line else { return nil }
        var width = 0
        var tab: Int?
        while i < input.count, input[i] == 0x20 || input[i] == 0x09 {
            width += 1
            if input[i] == 0x09 && tab == nil { tab = width }
            i += 1
        }
        guard let tab, column <= width + 1 else { return nil }
        return tab
    }

    /// Line and column of a byte offset, for reader errors that only carry the offset.
    private func position(ofOffset offset: Int) -> (Int32, Int32) {
        var line: Int32 = 1
        var column: Int32 = 1
        for i in 0..<min(offset, input.count) {
            if input[i] == 0x0A {
                line += 1
                column = 1
            } else if input[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Runs libyaml's bare event loop over a buffer and counts events: the floor any YAML loader built on
/// libyaml can reach, used by the benchmark. Returns nil when the text does not parse.
package func countYAMLEvents(_ bytes: [UInt8]) -> Int? {
    var parser = yaml_parser_t()
    var event = yaml_event_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var count = 0
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            count += 1
            if done { return count }
        }
    }
}

/// Runs the loader's event layer (`YAMLReader`: events with positions, alias expansion, depth limit)
/// over a buffer without decoding records: the benchmark's measure of that layer's cost.
package func countReaderEvents(_ bytes: [UInt8]) -> Int? {
    let reader = YAMLReader(file: 0, path: "", bytes: bytes)
    var count = 0
    do {
        while try reader.next().kind != .streamEnd { count += 1 }
    } catch {
        return nil
    }
    return count + 1
}
