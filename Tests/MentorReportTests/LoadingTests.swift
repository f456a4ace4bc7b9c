import Foundation
import Testing
@testable import MentorReport

@Suite struct LoadingTests {
    @Test func minimalFixtureLoadsEveryRecordWithItsValues() throws {
        let data = try load()
        #expect(data.program.id == "fixture-minimal")
        #expect(data.program.start == Day(year: 2026, month: 1, day: 5))
        #expect(data.program.minGroupSize == 5)
        #expect(data.program.target(for: "match.rate") == 0.9)
        #expect(data.program.benchmarks.workforceShare(of: "women") == 0.48)
        #expect(data.program.costs.programmeCost == 10000)
        #expect(data.competencies.map(\.id) == ["strategic-thinking", "communication"])
        #expect(data.people.map(\.id) == ["p001", "p002", "p101", "p102", "p103"])
        #expect(data.people[1].mentorCapacity == 3)
        #expect(data.people[2].manager?.value == "p002")
        #expect(data.people[2].groups == ["women"])
        #expect(data.relationships[0].cadence == .biweekly)
        #expect(data.relationships[0].goals[0].achieved == Day(year: 2026, month: 2, day: 20))
        #expect(data.relationships[1].cadence == nil)
        #expect(data.sessions.count == 3)
        #expect(data.sessions[0].liveIssue == true)
        #expect(data.sessions[1].liveIssue == nil)
        #expect(data.sessions[1].format == .inPerson)
        #expect(data.responses[0].answers.map(\.value) == [.number(3), .number(9), .text("free text")])
        #expect(data.outcomes[0].value == 78)
    }

    @Test func monthlyFilesAreReadInNameOrder() throws {
        // "2026-10" sorts after "2026-02" by name; the loader must not list the folder in disk order.
        // Loaded only: the October session, 214 days after the others, is an outlier for the validator.
        let folder = try Fixture.variant(of: "minimal", [
            "sessions/2026-10.yaml": "sessions:\n  - {relationship: r002, date: 2026-10-01, minutes: 30}\n",
            "sessions/2026-03.yaml": "sessions:\n  - {relationship: r002, date: 2026-03-01, minutes: 30}\n",
        ])
        let data = Loader(folder: folder.path).load().data
        let sessionFiles = data.files.filter { $0.contains("/sessions/") }.map { String($0.suffix(12)) }
        #expect(sessionFiles == ["2026-01.yaml", "2026-02.yaml", "2026-03.yaml", "2026-10.yaml"])
        #expect(data.sessions.map(\.date.description) == ["2026-01-15", "2026-01-28", "2026-02-23", "2026-03-01", "2026-10-01"])
    }

    @Test func sessionNotesAreNeverKeptInTheModel() throws {
        let data = try load()
        // The Session type has no field for notes; the loader reads past them.
        let dump = String(describing: data.sessions)
        #expect(!dump.contains("reorganisation"))
    }

    @Test func flowAndBlockStylesCommentsAndNullsAllRead() throws {
        let data = try load(changing: ["outcomes.yaml": """
            # outcomes in both styles
            outcomes:
              - {person: p101, date: 2026-02-01, event: promoted}   # flow mapping
              - person: 'p102'          # single-quoted scalar
                date: "2026-02-03"      # double-quoted date still reads as a date
                event: left
                voluntary: ~            # null: as if absent
              - person: p103
                date: 2026-02-04
                event: engagement-score
                value: 61.5
            """])
        #expect(data.outcomes.map(\.event) == [.promoted, .left, .engagementScore])
        #expect(data.outcomes[1].person.value == "p102")
        #expect(data.outcomes[1].voluntary == nil)
        #expect(data.outcomes[2].value == 61.5)
    }

    @Test func aliasesExpandToTheValueTheyName() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/2026-02.yaml": """
            sessions:
              - &base {relationship: r001, date: 2026-02-12, minutes: 60, format: phone}
              - *base
              - relationship: r002
                date: 2026-02-14
                minutes: &hour 60
              - {relationship: r002, date: 2026-02-21, minutes: *hour}
            """])
        let loaded = Loader(folder: folder.path).load()
        #expect(loaded.diagnostics.all.isEmpty)
        let data = loaded.data
        #expect(data.sessions.count == 6)
        #expect(data.sessions[3].relationship.value == "r001")
        #expect(data.sessions[3].format == .phone)
        #expect(data.sessions[5].minutes == 60)
        // A whole session repeated through an alias is the same record twice: a duplicate.
        #expect(validate(loaded).all.map { $0.formatted.replacingOccurrences(of: folder.path, with: "data") }
            .contains { $0.hasPrefix("data/sessions/2026-02.yaml:3:5: error: duplicate of the session at data/sessions/2026-02.yaml:2:5") })
    }

    @Test func aliasBombFailsFastWithAClearError() throws {
        // Empty values: no bytes to replay, so the bound on the number of values is the one reached.
        var bomb = "a: &a ['', '', '', '', '', '', '', '', '', '']\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            bomb += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = try findings(changing: ["outcomes.yaml": "extra:\n" + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\noutcomes: []\n"])
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("data/outcomes.yaml:"))
        #expect(result[0].contains("error: aliases expand to more than 100000 values beyond the file's own (an alias bomb?)"))
    }

    @Test func aliasToAnUndefinedAnchorIsAnError() throws {
        let result = try findings(changing: ["outcomes.yaml": "outcomes:\n  - *nothing\n"])
        #expect(result == ["data/outcomes.yaml:2:5: error: alias '*nothing' refers to no anchor defined before it; expected an anchor '&nothing' earlier in the file"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let folder = try Fixture.variant(of: "minimal")
        try folder.write("outcomes.yaml", [0xEF, 0xBB, 0xBF] + Array("outcomes:\n  - {person: p101, date: 2026-02-01, event: promotedd}\n".utf8))
        // The BOM does not shift the column of the finding.
        #expect(findings(folder.path) == ["data/outcomes.yaml:2:45: error: invalid value 'promotedd' for 'event'; expected one of promoted, left, engagement-score"])
    }

    @Test func crlfLineEndsReadLikeLF() throws {
        let text = "sessions:\r\n  - relationship: r001\r\n    date: 2026-02-12\r\n    minutes: 700\r\n"
        let result = try findings(changing: ["sessions/2026-02.yaml": text])
        #expect(result == ["data/sessions/2026-02.yaml:4:14: error: invalid value '700' for 'minutes'; expected a whole number from 1 to 600"])
    }

    @Test func fileThatIsNotUTF8GetsOneErrorNamingIt() throws {
        let folder = try Fixture.variant(of: "minimal")
        // "Zoë" in Latin-1: 0xEB is not valid UTF-8 here.
        try folder.write("outcomes.yaml", Array("outcomes:\n  - {person: p101, date: 2026-02-01, event: promoted} # Zo".utf8) + [0xEB, 0x0A])
        let result = findings(folder.path)
        #expect(result.count == 1)
        // At the bad byte itself: "  - {person: …} # Zo" is 58 characters, so the byte is column 59.
        #expect(result == ["data/outcomes.yaml:2:59: error: the file is not UTF-8 text: byte 0xEB is not UTF-8 (it is 'ë' in Windows-1252 or Latin-1, as Excel and older Windows editors save text); expected UTF-8 encoded YAML: save the file as UTF-8 (in the editor: Save As or Save with Encoding → UTF-8)"])
    }

    @Test func utf16FileIsRefused() throws {
        let folder = try Fixture.variant(of: "minimal")
        try folder.write("outcomes.yaml", [0xFF, 0xFE] + Array("o\0u\0".utf8))
        #expect(findings(folder.path) == ["data/outcomes.yaml:1:1: error: the file is UTF-16 or UTF-32 encoded; expected UTF-8 text (save it as UTF-8)"])
    }

    @Test func emptyFileAndCommentOnlyFileAreErrors() throws {
        #expect(try findings(changing: ["outcomes.yaml": ""])
                == ["data/outcomes.yaml:1:1: error: the file is empty; expected a mapping with the key 'outcomes' holding a list"])
        #expect(try findings(changing: ["outcomes.yaml": "  \r\n\n"])
                == ["data/outcomes.yaml:1:1: error: the file is empty; expected a mapping with the key 'outcomes' holding a list"])
        #expect(try findings(changing: ["outcomes.yaml": "# nothing yet\n\n"])
                == ["data/outcomes.yaml:1:1: error: the file holds only comments; expected a mapping with the key 'outcomes' holding a list"])
    }

    @Test func fileThatIsNotYAMLGetsItsSyntaxErrorWithLineAndColumn() throws {
        let result = try findings(changing: ["outcomes.yaml": "outcomes:\n  - person: p101\n    date: [2026-02-01\n    event: left\n"])
        #expect(result.count == 1)
        #expect(result[0] == "data/outcomes.yaml:4:10: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11)")
        let prose = try findings(changing: ["outcomes.yaml": "These are our outcomes for the year.\n"])
        #expect(prose == ["data/outcomes.yaml:1:1: error: the file holds 'These are our outcomes for the year.' at the top; expected a mapping with the key 'outcomes' holding a list"])
    }

    @Test func secondDocumentIsAnError() throws {
        let result = try findings(changing: ["outcomes.yaml": "outcomes: []\n---\noutcomes: []\n"])
        #expect(result == ["data/outcomes.yaml:2:1: error: the file holds a second YAML document; expected one document per file"])
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        let result = try findings(changing: ["outcomes.yaml": "extra: \(deep)\noutcomes: []\n"])
        #expect(result == ["data/outcomes.yaml:1:71: error: values nest deeper than 64 levels; expected at most 64 levels of nesting"])
    }

    @Test func extraKeysAreKeptOutOfTheWay() throws {
        let data = try load(changing: ["outcomes.yaml": """
            outcomes:
              - person: p101
                date: 2026-02-01
                event: promoted
                extra: {hris_ref: 4471, note: [anything, {goes: here}]}
            extra: exported from the HR system
            """])
        #expect(data.outcomes.count == 1)
    }
}

@Suite struct InMemoryFolderTests {
    /// On one thread every file's sessions go straight into one list; a file that fails part-way must
    /// take its sessions out again, leaving what reading the files on all cores leaves.
    @Test func aSessionsFileThatFailsPartWayAddsNoSessionsOnOneThreadOrOnAllCores() throws {
        let broken = "sessions:\n  - relationship: r001\n    date: 2026-03-02\n    minutes: 30\n  - relationship: [r001\n"
        let folder = try Fixture.variant(of: "minimal", ["sessions/2026-03.yaml": broken])
        let parallel = Loader(folder: folder.path, concurrent: true).load()
        let serial = Loader(folder: folder.path, concurrent: false).load()
        let intact = Loader(folder: Fixture.root.appendingPathComponent("minimal").path, concurrent: false).load()
        #expect(serial.data.sessions.count == intact.data.sessions.count)
        #expect(parallel.data.sessions.count == intact.data.sessions.count)
        #expect(serial.data.sessions.map(\.date) == parallel.data.sessions.map(\.date))
        #expect(serial.diagnostics.all.map(\.formatted) == parallel.diagnostics.all.map(\.formatted))
        #expect(serial.diagnostics.errors.count == 1)
        #expect(serial.diagnostics.errors.first?.file.hasSuffix("sessions/2026-03.yaml") == true)
    }

    /// On one thread every file appends to one list per collection: a people, relationships, responses
    /// or outcomes file that breaks after its good records adds none of them, and the lists equal
    /// those read with files in parallel.
    @Test(arguments: ["people.yaml", "relationships.yaml", "responses.yaml", "outcomes.yaml"])
    func aFileThatFailsPartWayAddsNoRecordsOnOneThreadOrOnAllCores(file: String) throws {
        let intact = Fixture.root.appendingPathComponent("minimal")
        let good = try String(contentsOf: intact.appendingPathComponent(file), encoding: .utf8)
        let folder = try Fixture.variant(of: "minimal", [file: good + "  - [broken\n"])
        let serial = Loader(folder: folder.path, concurrent: false).load()
        let parallel = Loader(folder: folder.path, concurrent: true).load()
        let collection = String(file.dropLast(".yaml".count))
        let before = Loader(folder: intact.path, concurrent: false).load().data.recordCounts
        #expect(before.first { $0.collection == collection }!.count > 0)
        #expect(serial.data.recordCounts.first { $0.collection == collection }?.count == 0)
        #expect(serial.data.recordCounts.map(\.count) == parallel.data.recordCounts.map(\.count))
        #expect(serial.diagnostics.all.map(\.formatted) == parallel.diagnostics.all.map(\.formatted))
        #expect(serial.diagnostics.errors.contains { $0.file.hasSuffix(file) && $0.message.hasPrefix("YAML syntax error") })
    }

    /// In a collection folder, a file that breaks takes out only its own records: the earlier file's
    /// stay, on one thread (one shared list, cut back to its length before the file) and on all cores.
    @Test func aBrokenFileInAFolderKeepsTheEarlierFilesRecords() throws {
        let people = try String(contentsOfFile: Fixture.path("minimal/people.yaml"), encoding: .utf8)
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": nil, "people/a.yaml": people,
                                                         "people/b.yaml": "people:\n  - id: p900\n    name: Late Joiner\n    roles: [mentee]\n    enrolled: 2026-02-01\n  - [broken\n"])
        for concurrent in [false, true] {
            let loaded = Loader(folder: folder.path, concurrent: concurrent).load()
            #expect(loaded.data.people.map(\.id) == ["p001", "p002", "p101", "p102", "p103"])
            #expect(loaded.diagnostics.errors.count == 1)
        }
    }

    /// The summary line's counts, with each noun in the right number.
    @Test func theRecordSummarySaysOneSurveyAndFivePeople() {
        let data = Loader(folder: Fixture.path("minimal")).load().data
        #expect(data.recordSummary == "5 people, 2 relationships, 3 sessions, 1 survey, 1 response, 1 outcome")
    }

    /// A data folder given in memory is read exactly as the same files on disk: same files in the same
    /// order, same records, same findings (the fuzzer and tools that hold the data rely on it).
    @Test func inMemoryFolderLoadsLikeTheFolderOnDisk() throws {
        let folder = try Fixture.variant(of: "minimal", ["notes.yml": "x: 1\n", "sessions/old.yml": "sessions: []\n",
                                                         "responses/pulse.csv": "respondent,submitted\n"])
        let disk = Loader(folder: folder.path).load()
        var files: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = [UInt8](FileManager.default.contents(atPath: folder.path + "/" + relative)!)
            }
        }
        let memory = Loader(folder: folder.path, files: files).load()
        #expect(memory.data.files == disk.data.files)
        #expect(memory.data.recordCounts.map(\.count) == disk.data.recordCounts.map(\.count))
        #expect(validate(memory).all.map(\.formatted) == validate(disk).all.map(\.formatted))
        #expect(validate(disk).all.count == 3)  // the .yml file, the top-level .yml, the unimported export
        files["people.yaml"] = nil
        #expect(Loader(folder: "data", files: files).load().diagnostics.all.map(\.formatted).contains(
            "data/people.yaml: error: required file is missing; expected people.yaml or a folder people/ of .yaml files in the data folder"))
    }
}

/// The loader matches keys, closed-list values, booleans and dates straight from a scalar's bytes; these
/// check the byte matchers against the plain String definitions they replace.
@Suite struct ByteMatcherTests {
    private func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func everyKeyMatchesItsOwnSpellingOnly() {
        func check<K: YAMLName>(_: K.Type) {
            for key in K.allCases {
                #expect(bytes(key.rawValue, K.table.match) == key, "\(key.rawValue)")
                // Near misses: one byte short, one byte more, one byte changed, and another case.
                #expect(bytes(String(key.rawValue.dropLast()), K.table.match) == nil)
                #expect(bytes(key.rawValue + "s", K.table.match) == nil)
                #expect(bytes(key.rawValue.uppercased(), K.table.match) == nil)
            }
        }
        check(SessionKey.self)
        check(PersonKey.self)
        check(RelationshipKey.self)
        check(GoalKey.self)
        check(ResponseKey.self)
        check(ImportKey.self)
        check(ProgramKey.self)
        check(CostKey.self)
        check(BenchmarkKey.self)
        check(SessionFormat.self)
        check(ExportFormat.self)
        // Spellings that share their first eight bytes are told apart by the rest.
        #expect(bytes("default_cadence", ProgramKey.table.match) == .defaultCadence)
        #expect(bytes("default_mentor_capacity", ProgramKey.table.match) == .defaultMentorCapacity)
        #expect(bytes("default_mentor_capacitx", ProgramKey.table.match) == nil)
        #expect(bytes("respondent", ImportKey.table.match) == .respondent)
        #expect(bytes("respondent_column", ImportKey.table.match) == .respondentColumn)
        #expect(bytes("", SessionKey.table.match) == nil)
    }

    @Test func aTableLimitedToSomeCasesMatchesOnlyThem() {
        let sessionsOnly = NameTable<DataCollection>(only: [.sessions])
        #expect(bytes("sessions", sessionsOnly.match) == .sessions)
        #expect(bytes("people", sessionsOnly.match) == nil)
        #expect(sessionsOnly.known == ["sessions"])
    }

    @Test func booleansAreYAMLSpellingsOnly() {
        for text in ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"] {
            #expect(bytes(text, parseBool) == true, "\(text)")
        }
        for text in ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"] {
            #expect(bytes(text, parseBool) == false, "\(text)")
        }
        for text in ["", "t", "tRue", "truee", "yess", "o", "of", "nO", "1", "0", "y", "n", "falsey", "on\u{0}"] {
            #expect(bytes(text, parseBool) == nil, "\(text)")
        }
    }

    @Test func nullIsYAMLsSpellingsOfNullInPlainScalarsOnly() {
        let reader = YAMLReader(file: 0, path: "", bytes: [UInt8]())
        func isNull(_ text: String, plain: Bool = true) -> Bool {
            bytes(text) { reader.isNull(YAMLEvent(kind: .scalar, bytes: $0, isPlain: plain, line: 1, column: 1)) }
        }
        for text in ["", "~", "null", "Null", "NULL"] { #expect(isNull(text), "\(text)") }
        for text in ["nULL", "NuLL", "nUll", "NulL", "nul", "nulls", "none", "Nil", "~~", "0"] { #expect(!isNull(text), "\(text)") }
        #expect(!isNull("null", plain: false))
    }

    @Test func datesFromBytesAgreeWithDatesFromText() {
        let samples = ["2026-10-01", "2024-02-29", "2026-02-29", "2000-02-29", "1900-02-29", "0001-01-01",
                       "9999-12-31", "0000-01-01", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
                       "2026-10-1", "2026/10/01", "2026-10-0a", "20261001xx", "2026-10-01 ", "a026-10-01", ""]
        for text in samples {
            let fromBytes = bytes(text) { Day(iso: $0) }
            #expect(fromBytes == Day(iso: text.utf8), "\(text)")
        }
        #expect(bytes("2024-02-29") { Day(iso: $0) } == Day(year: 2024, month: 2, day: 29))
    }
}
