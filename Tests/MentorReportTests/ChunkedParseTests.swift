import Foundation
import Testing
@testable import MentorReport

/// A big collection file read in chunks by parsers in parallel (`ChunkPlan`) gives exactly what one
/// parser gives: the same records in the same order, the same diagnostics (file, line, column,
/// message, order). Each case is loaded with chunking forced on (every item a chunk of its own, or
/// small chunks) and off, and the two compared whole; each also says whether it was read in chunks,
/// so that a case meant to exercise chunks cannot pass by falling back to one parser.
@Suite struct ChunkedParseTests {
    /// The records and diagnostics of a load, as text to compare.
    static func outcome(_ result: LoadResult) -> (records: String, diagnostics: [Diagnostic]) {
        // Sets print in an order of their own: compared on their own, then left out of the dump.
        var data = result.data
        var records = "\(data.incompleteKinds.map { "\($0)" }.sorted())\n"
        for kind in data.leftOutIds.keys.map({ "\($0)" }).sorted() {
            let ids = data.leftOutIds.first { "\($0.key)" == kind }!.value
            records += "\(kind): \(ids.sorted())\n"
        }
        data.incompleteKinds = []
        data.leftOutIds = [:]
        dump(data, to: &records)
        return (records, result.diagnostics.all)
    }

    /// Loads `files` (in memory) with chunks of `chunkBytes` and by one parser, on one thread and on
    /// all cores; expects the same outcome every way, and `expected` files read in chunks (any number
    /// when negative); returns the chunked load.
    @discardableResult
    static func compare(_ files: [String: [UInt8]], chunkBytes: Int = 1, limits: LoadLimits = .standard,
                        chunked expected: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadResult {
        var whole = Loader(folder: "data", files: files, concurrent: false, limits: limits)
        whole.chunking = .off
        let reference = whole.load()
        #expect(reference.chunkedFiles == 0, sourceLocation: sourceLocation)
        let want = outcome(reference)
        var last = reference
        for concurrent in [false, true] {
            var loader = Loader(folder: "data", files: files, concurrent: concurrent, limits: limits)
            loader.chunking = ChunkSettings(threshold: 0, chunkBytes: chunkBytes)
            let result = loader.load()
            if expected >= 0 { #expect(result.chunkedFiles == expected, "files read in chunks", sourceLocation: sourceLocation) }
            let got = outcome(result)
            #expect(got.diagnostics == want.diagnostics, sourceLocation: sourceLocation)
            #expect(got.records == want.records, sourceLocation: sourceLocation)
            last = result
        }
        return last
    }

    static func sessions(_ text: String) -> [String: [UInt8]] { ["sessions.yaml": Array(text.utf8)] }

    static func item(_ r: String, _ date: String = "2026-01-05", extra: String = "") -> String {
        "  - relationship: \(r)\n    date: \(date)\n    minutes: 45\n    format: video\n" + extra
    }

    static let clean = "sessions:\n" + (1...6).map { item("r\($0)") }.joined()

    @Test func cleanItemsAreReadInChunksAndGiveTheSameRecords() {
        let result = Self.compare(Self.sessions(Self.clean), chunked: 1)
        #expect(result.data.sessions.count == 6)
        #expect(result.data.sessions.map { $0.relationship.value } == (1...6).map { "r\($0)" })
        // The last item's date keeps its own line: marks are counted from each chunk's first line.
        #expect(result.data.sessions.last?.relationship.location.line == 22)
    }

    @Test func commentsBlankLinesAndItemsAtColumnOne() {
        let text = "# sessions of January\n\nsessions:   # all of them\n# first\n- relationship: r1\n  date: 2026-01-05\n\n"
            + "# between items\n- relationship: r2\n  date: 2026-01-06\n  # inside an item\n  minutes: 30\n- relationship: r3\n  date: 2026-01-07\n# trailing\n"
        Self.compare(Self.sessions(text), chunked: 1)
    }

    @Test func blockScalarsWhoseLinesStartWithADash() {
        let notes = ["|", "|-", "|+", ">", ">-", "|2"].map { style in
            "    notes: \(style)\n      - not an item\n      - nor this\n\n        - deeper, still text\n\n"
        }
        let text = "sessions:\n" + notes.enumerated().map { Self.item("r\($0.offset)", extra: $0.element) }.joined()
            // A block scalar as the last thing of the file, and of an item that is a chunk of its own.
            + Self.item("r9", extra: "    notes: |+\n      - the end\n\n\n")
        let result = Self.compare(Self.sessions(text), chunked: 1)
        #expect(result.data.sessions.count == 7)
    }

    @Test func aQuotedValueWithAnItemLineInsideIsReadByOneParser() {
        for quote in ["\"", "'"] {
            let text = "sessions:\n" + Self.item("r1", extra: "    notes: \(quote)first line\n  - looks like an item\n    end\(quote)\n") + Self.item("r2")
            Self.compare(Self.sessions(text), chunked: 0)
        }
        // A flow list over several lines, one of them like an item.
        let flow = "sessions:\n" + Self.item("r1", extra: "    attendees: [a,\n  - b]\n") + Self.item("r2")
        Self.compare(Self.sessions(flow), chunked: 0)
        // A quoted value over lines indented deeper than the items is fine to cut around.
        let deep = "sessions:\n" + Self.item("r1", extra: "    notes: \"first\n      - second\"\n") + Self.item("r2")
        Self.compare(Self.sessions(deep), chunked: 1)
    }

    @Test func errorsInLaterChunksKeepTheirPlaceAndOrder() {
        let text = "sessions:\n" + Self.item("r1")
            + Self.item("r2", "2026-02-30")                                   // not a real date, 2nd chunk
            + "  - relationship: r3\n    date: 2026-01-05\n    minutes: 45\n    minutes: 50\n"  // duplicate key
            + "  - just text\n"                                               // an item that is no mapping
            + Self.item("r5", extra: "    minuts: 3\n")                       // unknown key
            + Self.item("r6", "2026-13-01")                                   // bad date in the last item
        let result = Self.compare(Self.sessions(text), chunked: 1)
        let found = result.diagnostics.all.filter { $0.file == "data/sessions.yaml" }
        #expect(found.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["7:11", "13:5", "14:5", "19:5", "21:11"])
        #expect(found.count == 5)
        if found.count == 5 {
            #expect(found[1].message == "key 'minutes' appears twice in session; expected each key once")
            #expect(found[4].message.contains("'2026-13-01' is not a real date for 'date'"))
        }
    }

    @Test func syntaxErrorsAndLimitsFallBackToOneParser() {
        // A syntax error in the third item: the one parser's message.
        let bad = "sessions:\n" + Self.item("r1") + Self.item("r2") + "  - relationship: r3\n    date: [2026\n" + Self.item("r4")
        let result = Self.compare(Self.sessions(bad), chunked: 0)
        #expect(result.diagnostics.hasErrors)
        // More records than --max-records, and a value over the value limit in a late item.
        let many = LoadLimits(fileBytes: LoadLimits.standard.fileBytes, records: 4, scalarBytes: 20)
        Self.compare(Self.sessions(Self.clean), limits: many, chunked: 0)
        let long = "sessions:\n" + Self.item("r1") + Self.item("r2", extra: "    notes: \(String(repeating: "x", count: 30))\n")
        Self.compare(Self.sessions(long), limits: many, chunked: 0)
        // A file over --max-file-size is refused before any chunk.
        let small = LoadLimits(fileBytes: 100, records: 100, scalarBytes: 100)
        Self.compare(Self.sessions(Self.clean), limits: small, chunked: 0)
    }

    @Test func nestingIsCountedAsInTheWholeFile() {
        // 3 levels (the file's mapping, the list, the item) and 61 more reach the limit of 64 exactly.
        func nested(_ n: Int) -> String {
            "sessions:\n" + Self.item("r1") + Self.item("r2", extra: "    extra: \(String(repeating: "[", count: n))\(String(repeating: "]", count: n))\n")
        }
        let fits = Self.compare(Self.sessions(nested(61)), chunked: 1)
        #expect(!fits.diagnostics.all.contains { $0.file == "data/sessions.yaml" })
        let deep = Self.compare(Self.sessions(nested(62)), chunked: 0)
        #expect(deep.diagnostics.all.map { $0.message }.contains { $0.contains("values nest deeper than 64 levels") })
    }

    @Test func whatChunksCannotHonourIsReadByOneParser() {
        let cases = [
            // An anchor in one item and its alias in another.
            "sessions:\n  - &first\n    relationship: r1\n    date: 2026-01-05\n  - *first\n",
            "sessions:\n" + Self.item("r1", extra: "    attendees: &team [a, b]\n") + Self.item("r2", extra: "    attendees: *team\n"),
            "sessions:\n" + Self.item("r1", extra: "    <<: {minutes: 30}\n") + Self.item("r2"),
            "sessions:\n" + Self.item("r1", extra: "    notes: !!str 12\n") + Self.item("r2"),
            "%YAML 1.2\n---\n" + Self.clean,
            "---\n" + Self.clean,
            Self.clean + "---\nsessions: []\n",
            Self.clean + "...\n",
            Self.clean + "extra: 1\n",
            "extra: 1\n" + Self.clean,
            "sessions: [{relationship: r1, date: 2026-01-05}, {relationship: r2, date: 2026-01-06}]\n",
            "sessions:\n" + Self.item("r1") + " - relationship: r2\n   date: 2026-01-05\n",
            Self.clean.replacingOccurrences(of: "\n", with: "\r\n"),
            Self.clean.replacingOccurrences(of: "    minutes: 45\n", with: "    minutes:\t45\n"),
            "\u{FEFF}" + Self.clean,
            "session:\n" + Self.clean.dropFirst("sessions:\n".count),
        ]
        for (n, text) in cases.enumerated() {
            let result = Self.compare(Self.sessions(text), chunked: 0)
            #expect(result.chunkedFiles == 0, "case \(n)")
        }
        // Not UTF-8 in a late item.
        var latin = Array(Self.clean.utf8)
        latin.insert(0xE9, at: latin.count - 3)
        Self.compare(["sessions.yaml": latin], chunked: 0)
    }

    @Test func everyListCollectionIsChunked() {
        let files: [String: String] = [
            "people.yaml": "people:\n  - id: p1\n    name: A\n    roles: [mentor]\n  - id: p2\n    name: B\n    roles: [mentee]\n    enrolled: 2026-99-01\n",
            "relationships.yaml": "relationships:\n  - id: r1\n    mentors: [p1]\n    mentees: [p2]\n    start: 2026-01-01\n  - id: r2\n    mentors: [p1]\n    start: 2026-01-01\n",
            "responses.yaml": "responses:\n  - survey: s1\n    respondent: p2\n    submitted: 2026-01-01\n    answers: {q1: 3}\n  - survey: s1\n    respondent: p1\n    answers: {q1: 4}\n",
            "outcomes.yaml": "outcomes:\n  - person: p2\n    date: 2026-02-01\n    event: promoted\n  - person: p1\n    date: 2026-02-01\n    event: flew\n",
        ]
        Self.compare(files.mapValues { Array($0.utf8) }, chunked: 4)
    }

    /// A generated programme in the single-file layout, read in chunks of 4 KB.
    static func generated(people: Int, seed: UInt64) throws -> [String: [UInt8]] {
        let folder = try TemporaryFolder()
        _ = try SyntheticProgramme(people: people, seed: seed, singleFiles: true).write(to: folder.path)
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            files[name] = Array(try Data(contentsOf: folder.url.appendingPathComponent(name)))
        }
        return files
    }

    @Test func aGeneratedProgrammeReadsTheSameInChunks() throws {
        let files = try Self.generated(people: 600, seed: 3)
        let result = Self.compare(files, chunkBytes: 4096, chunked: 5)
        #expect(result.data.sessions.count > 1000)
        #expect(!result.diagnostics.hasErrors)
    }

    /// Random edits of a generated sessions file (a byte replaced by one that matters to YAML, a line
    /// cut or repeated): whatever the edit, chunks give what one parser gives.
    @Test func editedGeneratedFilesReadTheSameInChunks() throws {
        let all = try Self.generated(people: 60, seed: 11)
        let original = all["sessions.yaml"]!
        #expect(original.count > 2000)
        let specials = Array("-: \n\"'|>#[]{}&*!%\t?,x9".utf8)
        var rng = SplitMix64(seed: 2026)
        var chunkedCount = 0
        for _ in 0..<150 {
            var text = original
            for _ in 0...rng.below(2) {
                let at = rng.below(text.count)
                switch rng.below(4) {
                case 0: text.insert(specials[rng.below(specials.count)], at: at)
                case 1: text.remove(at: at)
                default: text[at] = specials[rng.below(specials.count)]
                }
            }
            let result = Self.compare(["sessions.yaml": text], chunkBytes: 1 + rng.below(600), chunked: -1)
            chunkedCount += result.chunkedFiles
        }
        // Most edits leave a file that can be cut.
        #expect(chunkedCount > 50)
    }
}
