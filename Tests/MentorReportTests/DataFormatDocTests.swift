import Foundation
import Testing
@testable import MentorReport

/// docs/data-format.md against the loader: every key a decoder accepts has a row, every row names a
/// key a decoder accepts, every value of a closed list is named, and the example programme is a valid
/// data folder that uses every key.
@Suite struct DataFormatDocTests {
    static let docPath = Fixture.repository.appendingPathComponent("docs/data-format.md").path
    static let collectionsFolder = Fixture.repository.appendingPathComponent("Sources/MentorReport/Loading/Collections")

    /// Keys SPEC 2026-12 adds that the document describes before the loader reads them: rows that
    /// may name no decoder key, and keys the example programme need not use (it must load cleanly
    /// where they are unknown). Once the loader reads them, move them into the example and empty this.
    static let documentedAhead: Set<String> = []

    static func document() throws -> String { try String(contentsOfFile: docPath, encoding: .utf8) }

    /// The key lists of the decoders, read from their source: each `enum …Key: String, YAMLName` of
    /// `Loading/Collections/`, its cases' spellings. Read from the source so that a key list added
    /// there is checked too without being named in this test.
    static func decoderKeys() throws -> [String: [String]] {
        var lists: [String: [String]] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: collectionsFolder.path).filter { $0.hasSuffix(".swift") }
        for file in files.sorted() {
            let text = try String(contentsOf: collectionsFolder.appendingPathComponent(file), encoding: .utf8)
            var current: String?
            for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("enum "), line.contains(": String, YAMLName") {
                    current = String(line.dropFirst("enum ".count).prefix { $0 != ":" })
                    lists[current!] = []
                } else if let name = current, line.hasPrefix("case ") {
                    for item in line.dropFirst("case ".count).split(separator: ",") {
                        let parts = item.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                        let spelling = parts.count == 2 ? parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                            : parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                        lists[name]!.append(spelling)
                    }
                } else if line.hasPrefix("static let table") || line == "}" {
                    current = nil
                }
            }
        }
        return lists
    }

    /// The keys named in the first column of the document's key tables (tables headed `| key |`).
    static func documentedKeys(_ doc: String) -> Set<String> {
        var keys: Set<String> = []
        var inKeyTable = false
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { inKeyTable = false; continue }
            if line.hasPrefix("| key |") { inKeyTable = true; continue }
            guard inKeyTable, line.hasPrefix("| `") else { continue }
            keys.insert(String(line.dropFirst(3).prefix { $0 != "`" }))
        }
        return keys
    }

    /// The example programme: each fenced block right after `<!-- example: PATH -->`, by path.
    static func examples(_ doc: String) -> [(path: String, text: String)] {
        var found: [(String, String)] = []
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("<!-- example: "), line.hasSuffix(" -->"), i + 1 < lines.count, lines[i + 1].hasPrefix("```") {
                let path = String(line.dropFirst("<!-- example: ".count).dropLast(" -->".count))
                var body: [String] = []
                i += 2
                while i < lines.count, lines[i] != "```" { body.append(lines[i]); i += 1 }
                found.append((path, body.joined(separator: "\n") + "\n"))
            }
            i += 1
        }
        return found
    }

    /// The keys the YAML examples use: `key:` at the start of a line, after any indentation or `- `.
    static func exampleKeys(_ examples: [(path: String, text: String)]) -> Set<String> {
        var keys: Set<String> = []
        for example in examples where example.path.hasSuffix(".yaml") {
            for line in example.text.split(separator: "\n") {
                var rest = line.drop { $0 == " " }
                if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
                let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !key.isEmpty, rest.dropFirst(key.count).hasPrefix(":") { keys.insert(String(key)) }
            }
        }
        return keys
    }

    /// Decoder keys without a row, and rows that name no decoder key.
    static func mismatches(_ doc: String) throws -> (undocumented: [String], unknown: [String]) {
        let accepted = Set(try decoderKeys().values.joined())
        let documented = documentedKeys(doc)
        return (accepted.subtracting(documented).sorted(),
                documented.subtracting(accepted).subtracting(documentedAhead).sorted())
    }

    @Test func theKeyListsAreReadFromTheDecodersSource() throws {
        let lists = try Self.decoderKeys()
        func spellings<K: YAMLName>(_ type: K.Type) -> [String] { K.allCases.map(\.rawValue) }
        let reachable: [String: [String]] = [
            "ProgramFileKey": spellings(ProgramFileKey.self), "ProgramKey": spellings(ProgramKey.self),
            "PrivacyKey": spellings(PrivacyKey.self), "CostKey": spellings(CostKey.self),
            "BenchmarkKey": spellings(BenchmarkKey.self), "NamedItemKey": spellings(NamedItemKey.self),
            "CohortKey": spellings(CohortKey.self), "PersonKey": spellings(PersonKey.self),
            "RelationshipKey": spellings(RelationshipKey.self), "GoalKey": spellings(GoalKey.self),
            "SessionKey": spellings(SessionKey.self), "SurveyKey": spellings(SurveyKey.self),
            "ImportKey": spellings(ImportKey.self), "QuestionKey": spellings(QuestionKey.self),
            "ResponseKey": spellings(ResponseKey.self), "OutcomeKey": spellings(OutcomeKey.self),
        ]
        for (name, keys) in reachable {
            #expect(lists[name] == keys, "the source scan of \(name) differs from its cases")
        }
        #expect(Set(reachable.keys).isSubset(of: Set(lists.keys)))
    }

    @Test func everyKeyTheLoaderAcceptsHasARowAndEveryRowIsAKey() throws {
        let found = try Self.mismatches(try Self.document())
        #expect(found.undocumented == [], "keys the loader accepts with no row in docs/data-format.md")
        #expect(found.unknown == [], "rows of docs/data-format.md naming no key the loader accepts")
    }

    @Test func aKeyRemovedFromTheDocumentIsReported() throws {
        let doc = try Self.document()
        let row = String(try #require(doc.split(separator: "\n").first { $0.hasPrefix("| `minutes` |") }))
        let without = doc.replacingOccurrences(of: row + "\n", with: "")
        #expect(try Self.mismatches(without).undocumented == ["minutes"])
        let invented = doc.replacingOccurrences(of: row, with: row + "\n| `minuts` | whole number | no | | |")
        #expect(try Self.mismatches(invented).unknown == ["minuts"])
    }

    @Test func everyValueOfAClosedListIsNamed() throws {
        let doc = try Self.document()
        func spellings<K: YAMLName>(_ type: K.Type) -> [String] { K.allCases.map(\.rawValue) }
        let values = spellings(Cadence.self) + spellings(RelationshipType.self) + spellings(EndReason.self)
            + spellings(GoalStatus.self) + spellings(SessionFormat.self) + spellings(OutcomeEvent.self)
            + spellings(SurveyKind.self) + spellings(Audience.self) + spellings(Scale.self) + spellings(Measure.self)
            + spellings(ExportFormat.self) + spellings(RespondentKey.self) + spellings(DateOrder.self)
        #expect(values.filter { !doc.contains("`\($0)`") } == [])
    }

    /// Writes the example programme into a folder, loads and validates it.
    static func exampleFindings(_ doc: String) throws -> [String] {
        let folder = try TemporaryFolder()
        for example in examples(doc) {
            try folder.write(example.path, Array(example.text.utf8))
        }
        return findings(folder.path)
    }

    @Test func theExampleProgrammeIsValidAndUsesEveryKey() throws {
        let doc = try Self.document()
        let paths = Self.examples(doc).map(\.path)
        #expect(paths.contains("program.yaml") && paths.contains("people.yaml") && paths.contains("responses/checkin-2026-03.csv"))
        #expect(Set(paths).count == paths.count, "two examples write one file")
        #expect(try Self.exampleFindings(doc) == [])
        let used = Self.exampleKeys(Self.examples(doc))
        let keys = Set(try Self.decoderKeys().values.joined()).union(DataCollection.allCases.map(\.rawValue)).union(["extra"])
        // Keys documented ahead are shown in a block of their own until the loader reads them.
        #expect(keys.subtracting(used).subtracting(Self.documentedAhead).sorted() == [], "keys no example uses")
        // The example is really loaded: it has every collection, and the export's two rows.
        let folder = try TemporaryFolder()
        for example in Self.examples(doc) { try folder.write(example.path, Array(example.text.utf8)) }
        let data = Loader(folder: folder.path).load().data
        #expect(data.people.count == 4 && data.relationships.count == 2 && data.sessions.count == 3)
        #expect(data.responses.filter { $0.survey.value == "checkin-2026-03" }.count == 2)
        #expect(data.outcomes.count == 3 && data.cohorts.count == 1 && data.competencies.count == 1)
    }

    @Test func aWrongKeyInAnExampleIsReported() throws {
        let doc = try Self.document()
        let broken = doc.replacingOccurrences(of: "    minutes: 45\n", with: "    minuts: 45\n")
        try #require(broken != doc)
        let found = try Self.exampleFindings(broken)
        #expect(found == [
            "data/sessions/2026-03.yaml:9:5: error: session is missing the required key 'minutes' (a whole number from 1 to 600)",
            "data/sessions/2026-03.yaml:11:5: error: unknown key 'minuts' — did you mean 'minutes'?",
        ])
    }
}
