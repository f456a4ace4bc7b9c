import Foundation
import Testing
@testable import MentorReport

/// Everyday file mistakes (a spreadsheet's encoding, a number where a date was, a tab, a YAML merge
/// key, one export mistake on every row) each get one message that says what to do, at a file, line
/// and column: on copies of the fixtures with the mistake written in.
@Suite struct FileMistakeMessagesTests {
    /// The minimal fixture with `file`'s text edited and written back as `encode` turns it into bytes.
    static func folder(editing file: String, replacing old: String, with new: String,
                       encode: (String) -> [UInt8] = { Array($0.utf8) }) throws -> TemporaryFolder {
        let folder = try Fixture.variant(of: "minimal")
        try folder.write(file, encode(try Fixture.text("minimal/" + file, replacing: old, with: new)))
        return folder
    }

    /// Text as Windows-1252 bytes (the characters these tests use are in Latin-1: one byte each).
    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }

    // MARK: Whole files

    @Test func findingsAboutAWholeExportAreAtLineOneColumnOne() throws {
        let utf16 = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        try utf16.write("responses/generic.csv", [0xFF, 0xFE] + Array("r\0e\0".utf8))
        #expect(findings(utf16.path) == ["data/responses/generic.csv:1:1: error: the file is UTF-16 encoded; expected UTF-8 (in Excel: Save As → CSV UTF-8)"])
        let empty = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        try empty.write("responses/generic.csv", [])
        #expect(findings(empty.path) == ["data/responses/generic.csv:1:1: error: the export has no header row; expected a CSV file with a header row: respondent (or email), submitted, optionally response_id and consent_to_quote, then one column per question"])
    }

    // MARK: Encodings

    @Test func aWindows1252YAMLFileIsToldToSaveAsUTF8AtTheBadByte() throws {
        let folder = try Self.folder(editing: "sessions/2026-01.yaml", replacing: "Talked about the reorganisation",
                                     with: "Talked about the café", encode: Self.windows1252)
        // `    notes: "Talked about the caf` is 32 characters: the byte é is column 33 of line 7.
        #expect(findings(folder.path) == [
            "data/sessions/2026-01.yaml:7:33: error: the file is not UTF-8 text: byte 0xE9 is not UTF-8 (it is 'é' in Windows-1252 or Latin-1, as Excel and older Windows editors save text); expected UTF-8 encoded YAML: save the file as UTF-8 (in the editor: Save As or Save with Encoding → UTF-8)",
        ])
    }

    @Test func aWindows1252ExportIsToldToSaveAsUTF8AtTheBadByte() throws {
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        let text = try String(contentsOfFile: Fixture.path("imports/exports/generic.csv"), encoding: .utf8)
        try #require(text.contains("Café meet-ups"))
        try folder.write("responses/generic.csv", Self.windows1252(text))
        // `p106,2026-06-15,pulse-006,5,5,10,Caf` is 36 characters: é is column 37 of line 7.
        #expect(findings(folder.path) == [
            "data/responses/generic.csv:7:37: error: the file is not UTF-8 text: byte 0xE9 is not UTF-8 (it is 'é' in Windows-1252 or Latin-1, as Excel and older Windows editors save text); expected a UTF-8 CSV file: save the file as UTF-8 (in Excel: Save As → CSV UTF-8)",
        ])
    }

    @Test func theFirstByteThatIsNotUTF8IsFoundAfterValidCharacters() {
        // "Zoë " in UTF-8, then "é" in Windows-1252 (0x80 is '€' there).
        let bytes: [UInt8] = Array("a\nZo".utf8) + [0xC3, 0xAB, 0x20, 0xE9, 0x20, 0x80]
        #expect(InvalidUTF8.first(in: bytes) == InvalidUTF8(line: 2, column: 5, byte: 0xE9))
        #expect(InvalidUTF8.first(in: Array("Zoë\n€".utf8)) == nil)
        #expect(InvalidUTF8.first(in: [0x41, 0xED, 0xA0, 0x80]) == InvalidUTF8(line: 1, column: 2, byte: 0xED), "a surrogate is not UTF-8")
        #expect(InvalidUTF8.windows1252(0x80) == "€")
        #expect(InvalidUTF8.windows1252(0x81) == nil)
    }

    // MARK: YAML mistakes

    @Test func aTabInIndentationSaysTabsAreNotAllowed() throws {
        let folder = try Self.folder(editing: "sessions/2026-01.yaml", replacing: "    format: video\n", with: "\tformat: video\n")
        #expect(findings(folder.path) == [
            "data/sessions/2026-01.yaml:5:1: error: tabs are not allowed for indentation in YAML; expected spaces to indent this line (set the editor to indent with spaces)",
        ])
        let after = try Self.folder(editing: "sessions/2026-01.yaml", replacing: "    format: video\n", with: "  \t  format: video\n")
        #expect(findings(after.path) == [
            "data/sessions/2026-01.yaml:5:3: error: tabs are not allowed for indentation in YAML; expected spaces to indent this line (set the editor to indent with spaces)",
        ])
    }

    @Test func anExcelSerialDateSaysWhichDateItIsAndHowToWriteIt() throws {
        let folder = try Self.folder(editing: "sessions/2026-01.yaml", replacing: "date: 2026-01-15", with: "date: 46296")
        #expect(findings(folder.path) == [
            "data/sessions/2026-01.yaml:3:11: error: '46296' is not a date for 'date': it looks like an Excel serial date, which is 2026-10-01 (the spreadsheet cell was formatted as a number); expected a date as YYYY-MM-DD: write 2026-10-01",
        ])
        // Excel's own dates: 1 January 2025 is serial 45658; with a time of day, the day is kept.
        #expect(YAMLReader.excelSerialDay("45658")?.description == "2025-01-01")
        #expect(YAMLReader.excelSerialDay("45658.75")?.description == "2025-01-01")
        #expect(YAMLReader.excelSerialDay("2026") == nil, "a year is no serial date")
        let small = try Self.folder(editing: "sessions/2026-01.yaml", replacing: "date: 2026-01-15", with: "date: 15")
        #expect(findings(small.path) == ["data/sessions/2026-01.yaml:3:11: error: '15' is not a date for 'date'; expected a date as YYYY-MM-DD"])
    }

    @Test func aMergeKeyIsSaidToBeUnsupportedNotAMissingKey() throws {
        let folder = try Fixture.variant(of: "minimal")
        try folder.write("sessions/2026-02.yaml", Array("""
            sessions:
              - &first
                relationship: r001
                date: 2026-02-12
                minutes: 60
                format: phone
              - <<: *first
                date: 2026-02-26

            """.utf8))
        #expect(findings(folder.path) == [
            "data/sessions/2026-02.yaml:7:5: error: merge keys ('<<') are not supported (in session); expected the keys written out in each record (repeat them), or an anchor on a whole value repeated with an alias (attendees: *team)",
        ])
    }

    @Test func aMergeKeyWrittenWithItsTagGetsTheMergeKeyMessage() throws {
        let folder = try Fixture.variant(of: "minimal")
        try folder.write("sessions/2026-02.yaml", Array("""
            sessions:
              - &first
                relationship: r001
                date: 2026-02-12
                minutes: 60
                format: phone
              - !!merge <<: *first
                date: 2026-02-26

            """.utf8))
        #expect(findings(folder.path) == [
            "data/sessions/2026-02.yaml:7:5: error: merge keys ('<<') are not supported (in session); expected the keys written out in each record (repeat them), or an anchor on a whole value repeated with an alias (attendees: *team)",
        ])
    }

    // MARK: Exports: one message for a mistake on many rows

    @Test func dayFirstDatesInAnExportPrintOnceWithTheCountAndTheFix() throws {
        // The Microsoft Forms export of the fixture writes 15/06/2026: without date_order, its rows of
        // the 15th fail (and those of the 9th to 12th would read as September).
        let folder = try importFolder(ExportCase(file: "microsoft-forms.csv", format: "microsoft-forms"))
        #expect(findings(folder.path) == [
            "data/responses/microsoft-forms.csv:6:3: error: 2 rows have dates like '15/06/2026 13:27:44' in column 'Completion time' (lines 6, 7), day first — add date_order: day-first to the import (at data/surveys.yaml:8:7)",
        ])
        // One such row: the same fix, worded for one.
        let text = try String(contentsOfFile: Fixture.path("imports/exports/microsoft-forms.csv"), encoding: .utf8)
        // (The export's lines end in CRLF, as Microsoft Forms writes them.)
        let last = try #require(text.components(separatedBy: "\r\n").last { $0.hasPrefix("6;") })
        try folder.write("responses/microsoft-forms.csv", Array(text.replacingOccurrences(of: last + "\r\n", with: "").utf8))
        #expect(findings(folder.path) == [
            "data/responses/microsoft-forms.csv:6:3: error: '15/06/2026 13:27:44' in column 'Completion time' is not a date month first; the export writes the day first — add date_order: day-first to the import (at data/surveys.yaml:8:7)",
        ])
    }

    @Test func oneUnknownAnswerOnManyRowsPrintsOnceWithTheCountAndFirstLines() throws {
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        var text = try String(contentsOfFile: Fixture.path("imports/exports/generic.csv"), encoding: .utf8)
        for id in ["001", "002", "003", "004"] {
            let row = try #require(text.split(separator: "\n").first { $0.contains("pulse-\(id),") })
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            text = text.replacingOccurrences(of: row, with: (fields[..<3] + ["Somewhat agree"] + fields[4...]).joined(separator: ","))
        }
        try folder.write("responses/generic.csv", Array(text.utf8))
        #expect(findings(folder.path) == [
            "data/responses/generic.csv:2:4: error: answer 'Somewhat agree' in column 'q1' of 4 rows (lines 2, 3, 4, …) maps to no number for question 'q1' (likert5); expected a whole number or one of 'strongly disagree', 'disagree', 'neither agree nor disagree', 'neutral', 'agree', 'strongly agree', 'very dissatisfied', 'dissatisfied', 'neither satisfied nor dissatisfied', 'satisfied', 'very satisfied'; add it under import labels",
        ])
    }

    @Test func aRenamedQualtricsQuestionGetsTheNearestQuestionTextQuoted() throws {
        let folder = try importFolder(ExportCase(file: "qualtrics.csv", format: "qualtrics"))
        let renamed = try Fixture.text("imports/exports/qualtrics.csv", replacing: ",I am satisfied with my mentoring relationship,",
                                       with: ",I am satisfied with my mentoring relationships so far,")
        try folder.write("responses/qualtrics.csv", Array(renamed.utf8))
        #expect(findings(folder.path) == [
            "data/responses/qualtrics.csv:1:1: error: the export has no column for question 'q1' (I am satisfied with my mentoring relationship); expected a column headed by the question's text, or a mapping in import columns — did you mean 'I am satisfied with my mentoring relationships so far' (column 'Q1')?",
        ])
    }
}
