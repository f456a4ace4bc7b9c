/// When a collection file is big enough to be read in chunks, and how big the chunks are.
struct ChunkSettings: Sendable {
    /// Files smaller than this are read by one parser, as always.
    var threshold: Int
    /// About how many bytes each chunk holds (chunks end at item boundaries).
    var chunkBytes: Int

    /// Files of 1 MB and more, in chunks of about 1 MB: a 15 MB sessions file makes 15 chunks, enough
    /// to keep both cores busy to the end.
    static let standard = ChunkSettings(threshold: bytesPerMegabyte, chunkBytes: bytesPerMegabyte)
    /// Never chunk.
    static let off = ChunkSettings(threshold: Int.max, chunkBytes: Int.max)
}

/// Where a collection file (`sessions:` followed by a list) may be cut into chunks that separate
/// parsers read, each chunk a run of whole list items (decision 140).
///
/// The plan is conservative: it cuts only a file whose text is, line by line, comments and blank lines,
/// then the collection's key alone at column 1, then list items (`- ` at one indentation) and lines
/// indented deeper than the items. Anything else (a directive, a document marker, another top-level
/// key, a flow-style top level, a byte-order mark, a tab or a carriage return anywhere, a line at the
/// items' indentation or less that is no item) gives no plan: the file is read by one parser. What a
/// line scan cannot see (an item line inside a multi-line quoted or flow scalar, anchors, aliases and
/// tags) the chunks' parsers catch: a chunk that ends inside a quoted or flow value is a syntax error,
/// and anchors, aliases and tags are noted (`YAMLParser.sawUnchunkable`); the loader then reads the
/// file again with one parser.
struct ChunkPlan: Equatable {
    /// The first byte of each chunk (the first is 0), and the line (0-based) each starts on.
    var starts: [Int]
    var lines: [Int32]
    /// The items' indentation (spaces before `-`).
    var indent: Int

    /// The plan for `bytes`, a file of the collection `key`, in chunks of about `chunkBytes`; nil when
    /// the file must be read whole (see the type's description) or makes one chunk only.
    static func make(_ bytes: UnsafeBufferPointer<UInt8>, key: String, chunkBytes: Int) -> ChunkPlan? {
        let n = bytes.count
        guard n > 0, chunkBytes > 0 else { return nil }
        let keyBytes = Array(key.utf8)
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#")
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        var starts = [0], lines: [Int32] = [0]
        var indent = -1
        var sawKey = false
        var line: Int32 = 0
        var i = 0
        // Where the next chunk should start at the earliest.
        var nextCut = chunkBytes
        while i < n {
            let lineStart = i
            var end = i
            // The line's end; a tab, a carriage return or a NUL anywhere gives no plan.
            while end < n && bytes[end] != newline {
                let b = bytes[end]
                if b == 0x09 || b == 0x0D || b == 0 { return nil }
                end += 1
            }
            var first = i
            while first < end && bytes[first] == space { first += 1 }
            let width = first - lineStart
            defer {
                i = end + 1
                line += 1
            }
            // Blank lines and comments (a comment inside a quoted value is the chunks' parsers' to see).
            if first == end || bytes[first] == hash { continue }
            if !sawKey {
                // The collection's key, alone at column 1: `sessions:`, maybe a comment after it.
                guard width == 0, end - first > keyBytes.count,
                      bytes[first..<(first + keyBytes.count)].elementsEqual(keyBytes),
                      bytes[first + keyBytes.count] == colon else { return nil }
                var k = first + keyBytes.count + 1
                while k < end && bytes[k] == space { k += 1 }
                guard k == end || (bytes[k] == hash && bytes[k - 1] == space) else { return nil }
                sawKey = true
                continue
            }
            if indent >= 0 && width > indent { continue }
            // An item line: `-` then a space or the line's end, at the items' indentation.
            guard bytes[first] == dash, first + 1 == end || bytes[first + 1] == space else { return nil }
            if indent < 0 {
                indent = width
                continue
            }
            guard width == indent else { return nil }
            if lineStart >= nextCut && n - lineStart >= chunkBytes / 2 {
                starts.append(lineStart)
                lines.append(line)
                nextCut = lineStart + chunkBytes
            }
        }
        guard indent >= 0, starts.count > 1 else { return nil }
        return ChunkPlan(starts: starts, lines: lines, indent: indent)
    }
}
