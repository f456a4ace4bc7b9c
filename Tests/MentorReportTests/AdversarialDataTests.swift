import Foundation
import Testing
@testable import MentorReport

/// Data written to break the tool (issue 12): control characters, alias bombs by size, dates far from
/// now, references that make suggestions costly, group names that no report can carry.
@Suite struct AdversarialDataTests {
    static let session = "sessions/2026-02.yaml"

    // MARK: Control characters in messages (item 3)

    /// The C0 controls, DEL and the C1 controls that may appear in what the tool prints.
    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }
    }

    @Test func controlCharactersFromTheDataArePrintedEscaped() throws {
        // An escape sequence that clears the screen in a name and in a value a message quotes; a C1
        // control (CSI), DEL and a tab in the same value.
        var people = try Fixture.text("minimal/people.yaml", replacing: "    name: Chen Wei\n", with: "    name: \"Chen\\e[2JWei\"\n")
        people = people.replacingOccurrences(of: "    manager: p002\n", with: "    manager: \"p002\\e[2J\\x9B2J\\x7F\\t\"\n")
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": people])
        let result = try mentorReport(["validate", "--data", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(#"people.yaml:18:14: error: 'p002\u{1B}[2J\u{9B}2J\u{7F}\u{9}' is not a valid id for 'manager'"#))
        #expect(Self.controls(in: result.stderr) == [])
        #expect(!result.stderr.utf8.contains(0x1B))
    }

    @Test func controlCharactersInCommandLineMessagesArePrintedEscaped() throws {
        let result = try mentorReport(["validate", "--data", "/nonexistent/\u{1B}[2Jfolder"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"the data folder '/nonexistent/\u{1B}[2Jfolder' does not exist"#))
        #expect(Self.controls(in: result.stderr) == [])
    }

    @Test func theDiagnosticPrinterEscapesTheTextButKeepsItsColours() {
        var diagnostics = Diagnostics()
        diagnostics.append(Diagnostic(severity: .error, file: "data/\u{1B}x.yaml", line: 2, column: 3, message: "'a\u{1B}[2J\u{85}\u{0}b' is bad"))
        #expect(DiagnosticPrinter(useColour: false).lines(for: diagnostics)
                == [#"data/\u{1B}x.yaml:2:3: error: 'a\u{1B}[2J\u{85}\u{0}b' is bad"#])
        let coloured = DiagnosticPrinter(useColour: true).lines(for: diagnostics)
        #expect(coloured == ["\u{1B}[1m" + #"data/\u{1B}x.yaml:2:3:"# + "\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m " + #"'a\u{1B}[2J\u{85}\u{0}b' is bad"#])
        #expect(escapingControlCharacters("plain text — ok") == "plain text — ok")
        // Bidirectional overrides and isolates would make the rest of a message read backwards.
        #expect(escapingControlCharacters("logo\u{202E}gvs.a — \u{2066}x\u{2069}\u{200F}\u{61C}")
                == #"logo\u{202E}gvs.a — \u{2066}x\u{2069}\u{200F}\u{61C}"#)
        #expect(escapingControlCharacters("\u{2010}\u{2065}\u{202F}\u{200D}") == "\u{2010}\u{2065}\u{202F}\u{200D}")
        #expect(escapingControlCharacters("two\nlines\r\u{7F}", keepingLineBreaks: true) == #"two"# + "\n" + #"lines\u{D}\u{7F}"#)
    }

    // MARK: Alias bombs by size (item 5)

    @Test func aliasesReplayingTooManyBytesAreRefusedAtTheAlias() throws {
        let big = String(repeating: "x", count: 900_000)
        var lines = ["people:", "  - {id: p000, name: &big \"\(big)\", roles: [mentor], enrolled: 2026-01-05}"]
        for k in 1...200 { lines.append("  - {id: p\(String(format: "%03d", k)), name: *big, roles: [mentor], enrolled: 2026-01-05}") }
        let text = lines.joined(separator: "\n") + "\n"
        let limit = min(16 * text.utf8.count, 64 * 1_048_576)
        // The first alias whose bytes go over the limit, and where it stands.
        let failing = limit / 900_000 + 1
        let line = 2 + failing, column = Array(lines[line - 1]).firstIndex(of: "*")! + 1
        let found = try findings(changing: ["people.yaml": text])
        #expect(found.first == "data/people.yaml:\(line):\(column): error: aliases expand to more than \(limit) bytes of values (16 times the file's size, at most 64 MiB; an alias bomb?); expected aliases that re-use a value a few times")
    }

    @Test func aliasesWithinTheByteBoundAreFine() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "    department: Operations\n", with: "    department: &dept Operations\n")
            .replacingOccurrences(of: "    mentor_capacity: 3\n", with: "    mentor_capacity: 3\n    department: *dept\n")
        #expect(try findings(changing: ["people.yaml": people]) == [])
    }

    // MARK: Dates from 1900 to 2199 (item 6)

    @Test func aDateBeforeTheYear1900IsAnErrorAtItsPlace() throws {
        let sessions = try Fixture.text("minimal/sessions/2026-01.yaml", replacing: "    date: 2026-01-15\n", with: "    date: 0001-01-15\n")
        let folder = try Fixture.variant(of: "minimal", ["sessions/2026-01.yaml": sessions])
        let result = try mentorReport(["validate", "--data", folder.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sessions/2026-01.yaml:3:11: error: the year of '0001-01-15' for 'date' must be from 1900 to 2199; expected a date as YYYY-MM-DD from 1900-01-01 to 2199-12-31"))
    }

    @Test func aDateAfterTheYear2199IsAnError() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "    enrolled: 2026-02-01\n", with: "    enrolled: 2200-01-01\n")
        let found = try findings(changing: ["people.yaml": people])
        #expect(found.contains("data/people.yaml:29:15: error: the year of '2200-01-01' for 'enrolled' must be from 1900 to 2199; expected a date as YYYY-MM-DD from 1900-01-01 to 2199-12-31"))
        let year0 = try Fixture.text("minimal/people.yaml", replacing: "    enrolled: 2026-02-01\n", with: "    enrolled: 0000-01-01\n")
        #expect(try findings(changing: ["people.yaml": year0]).contains { $0.hasPrefix("data/people.yaml:29:15: error: the year of '0000-01-01' for 'enrolled' must be from 1900 to 2199") })
    }

    @Test func theFirstAndLastDaysOfTheRangeAreAccepted() throws {
        let sessions = try Fixture.text("minimal/sessions/2026-01.yaml", replacing: "    date: 2026-01-15\n", with: "    date: 1900-01-01\n")
            .replacingOccurrences(of: "    date: 2026-01-28\n", with: "    date: 2199-12-31\n")
        let found = try findings(changing: ["sessions/2026-01.yaml": sessions])
        #expect(found.filter { $0.contains(": error: ") } == [])
        #expect(found.contains { $0.contains("on 1900-01-01 is before the relationship starts") })
        #expect(Day(iso: "1900-01-01").map(\.isInSupportedYears) == true)
        #expect(Day(iso: "2199-12-31").map(\.isInSupportedYears) == true)
        #expect(Day(iso: "1899-12-31").map(\.isInSupportedYears) == false)
        #expect(Day(iso: "2200-01-01").map(\.isInSupportedYears) == false)
    }

    @Test func aPeriodOutsideTheYearsIsAUsageError() throws {
        for period in ["0001-01", "1899-12", "2200-01"] {
            let result = try mentorReport(["build", "--data", Fixture.path("minimal"), "--period", period, "--quiet"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--period must be a month from 1900-01 to 2199-12; found '\(period)'"))
        }
        #expect(Month(text: "1900-01") != nil)
        #expect(Month(text: "2199-12") != nil)
        #expect(Month(text: "0001-01") == nil)
    }

    @Test func anImportedDateOutsideTheYearsIsAnError() throws {
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        let csv = try String(contentsOfFile: folder.path + "/responses/generic.csv", encoding: .utf8)
        try #require(csv.contains("p101,2026-06-09,"))
        try folder.write("responses/generic.csv", Array(csv.replacingOccurrences(of: "p101,2026-06-09,", with: "p101,1899-06-09,").utf8))
        #expect(findings(folder.path).contains("data/responses/generic.csv:2:2: error: the year of '1899-06-09' in column 'submitted' must be from 1900 to 2199; expected a date from 1900-01-01 to 2199-12-31"))
        // Excel serial numbers past 2199-12-31 (day 109574) are out of range too.
        #expect(ExportValues.day("109574", order: .monthFirst) == Day(iso: "2199-12-31"))
        #expect(ExportValues.day("109574", order: .monthFirst).map(\.isInSupportedYears) == true)
        #expect(ExportValues.day("109575", order: .monthFirst).map(\.isInSupportedYears) == false)
        #expect(ExportValues.day("2958465", order: .monthFirst).map(\.isInSupportedYears) == false)
    }

    // MARK: Suggestions only for printed errors (item 7)

    @Test func suggestionsAreWorkedOutOnlyForPrintedErrors() throws {
        let sessions = (1...150).map { "  - {relationship: r00\($0 % 2 + 1)x, date: 2026-02-12, minutes: 60}" }.joined(separator: "\n")
        let folder = try Fixture.variant(of: "minimal", [Self.session: "sessions:\n" + sessions + "\n"])
        let diagnostics = validate(Loader(folder: folder.path).load())
        #expect(diagnostics.errors.count == 150)
        // Found, not yet worked out: the suggestion waits for the printer.
        #expect(diagnostics.errors.allSatisfy { $0.message.hasSuffix("x' is not defined") && $0.suggestion != nil })
        let lines = DiagnosticPrinter(useColour: false).lines(for: diagnostics)
        #expect(lines.count == 101)
        #expect(lines.filter { $0.hasSuffix("x' is not defined — did you mean 'r001'?") || $0.hasSuffix("x' is not defined — did you mean 'r002'?") }.count == 100)
        #expect(lines[0] == diagnostics.all[0].formatted.replacingOccurrences(of: folder.path, with: folder.path))
    }

    @Test func printedSuggestionsReadAsBefore() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - {relationship: r01, date: 2026-02-12, minutes: 60}\n"])
        #expect(result == ["data/sessions/2026-02.yaml:2:20: error: relationship 'r01' is not defined — did you mean 'r001'?"])
        var diagnostics = Diagnostics()
        diagnostics.append(Diagnostic(severity: .error, file: "f", line: 1, column: 1, message: "relationship 'r01' is not defined",
                                      suggestion: Suggestion(word: "r01", candidates: ["r001", "r002"])))
        #expect(DiagnosticPrinter(useColour: false).lines(for: diagnostics) == ["f:1:1: error: relationship 'r01' is not defined — did you mean 'r001'?"])
        #expect(nearest(to: "Minuts", in: ["minutes", "format"]) == "minutes")
        #expect(nearest(to: "stratgeic-thinking", in: ["communication", "strategic-thinking"]) == "strategic-thinking")
        #expect(nearest(to: "abc", in: ["xyz"]) == nil)
    }

    @Test func anOverLongUnknownIdGetsNoSuggestion() throws {
        let long = "r" + String(repeating: "a", count: 64)  // 65 characters, one edit from the id below
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "  - id: r001\n", with: "  - id: \(long)\n")
        let sessions = try Fixture.text("minimal/sessions/2026-01.yaml", replacing: "  - relationship: r001\n", with: "  - relationship: \(long)a\n")
        let found = try findings(changing: ["relationships.yaml": relationships, "sessions/2026-01.yaml": sessions])
        #expect(found.contains("data/sessions/2026-01.yaml:2:19: error: relationship '\(long)a' is not defined"))
        #expect(nearest(to: long + "a", in: [long]) == nil)
        #expect(nearest(to: String(repeating: "b", count: 1_000_000), in: [long]) == nil)
        // Up to 64 characters, suggestions are made as before.
        let shorter = String(long.dropLast())  // 64 characters
        #expect(nearest(to: String(shorter.dropLast()) + "b", in: [shorter]) == shorter)
    }

    @Test func theScreenedSearchChoosesWhatTheFullOneDid() {
        /// The search as it was: every candidate's whole edit distance, ties to the earlier.
        func plainNearest(_ word: String, _ candidates: [String]) -> String? {
            let w = Array(word.lowercased().unicodeScalars)
            guard w.count >= 3, w.count <= 64 else { return nil }
            let limit = max(1, w.count / 3)
            var best: (String, Int)?
            for c in candidates {
                let d = editDistance(w, Array(c.lowercased().unicodeScalars))
                if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
            }
            return best?.0
        }
        var state: UInt64 = 12
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let letters = Array("abcdeR01-.é")
        func word() -> String { String((0..<(2 + random(9))).map { _ in letters[random(letters.count)] }) }
        let ids = (0..<300).map { _ in word() }
        let index = IdIndex(ids)
        var suggested = 0
        for _ in 0..<300 {
            var typo = Array(ids[random(ids.count)])
            switch random(4) {
            case 0: typo.insert(letters[random(letters.count)], at: random(typo.count + 1))
            case 1: typo.remove(at: random(typo.count))
            case 2: typo[random(typo.count)] = letters[random(letters.count)]
            default: if typo.count > 1 { typo.swapAt(0, 1) }
            }
            let text = String(typo)
            #expect(nearest(to: text, in: ids) == plainNearest(text, ids), "\(text)")
            #expect(nearest(to: text, among: index.ids) == plainNearest(text, ids.sorted()), "\(text)")
            if plainNearest(text, ids) != nil { suggested += 1 }
        }
        #expect(suggested > 150)  // the comparison is mostly about suggestions made, not refused
    }

    // MARK: Group names are ids (item 8)

    @Test func groupNamesThatAreNotIdsAreErrorsAtTheirPlace() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "    groups: [women]\n", with: "    groups: [women, \"women \", \"\", \"a,b\", ~]\n")
        let found = try findings(changing: ["people.yaml": people])
        let rule = "expected a group name of letters, digits, '.', '_' or '-' starting with a letter or digit"
        #expect(found == [
            "data/people.yaml:20:21: error: group name 'women ' is not valid; \(rule)",
            "data/people.yaml:20:31: error: group name '' is not valid; \(rule)",
            "data/people.yaml:20:35: error: group name 'a,b' is not valid; \(rule)",
            "data/people.yaml:20:42: error: a group name in 'groups' is empty; \(rule)",
        ])
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": people])
        let result = try mentorReport(["validate", "--data", folder.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("people.yaml:20:21: error: group name 'women ' is not valid; \(rule)"))
    }

    @Test func workforceShareGroupNamesAreIds() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "      women: 0.48\n", with: "      women: 0.48\n      \"women \": 0.5\n")
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:19:7: error: group name 'women ' in workforce_share is not valid; expected a group name of letters, digits, '.', '_' or '-' starting with a letter or digit"])
    }

    @Test func oddButValidGroupNamesBuild() throws {
        let names = ["first-gen.2", "a..b", "x.", "B_9"]
        var people = try Fixture.text("minimal/people.yaml", replacing: "    groups: [women]\n", with: "    groups: [women, \(names.joined(separator: ", "))]\n")
        people = people.replacingOccurrences(of: "    enrolled: 2026-01-12\n", with: "    enrolled: 2026-01-12\n    groups: [\(names.joined(separator: ", "))]\n")
        let program = try Fixture.text("minimal/program.yaml", replacing: "      women: 0.48\n", with: "      women: 0.48\n      first-gen.2: 0.1\n      a..b: 0.2\n")
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": people, "program.yaml": program])
        let out = try TemporaryFolder()
        let result = try mentorReport(["build", "--data", folder.path, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: out.path + "/2026-02/kpis.csv", encoding: .utf8)
        for name in names { #expect(csv.contains("inclusion.\(name).share")) }
    }
}
