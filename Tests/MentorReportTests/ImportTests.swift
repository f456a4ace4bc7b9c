import Foundation
import Testing
@testable import MentorReport

/// One export of `Tests/Fixtures/imports/exports` and the `import` lines it needs.
struct ExportCase: CustomStringConvertible, Sendable {
    var file: String
    var format: String
    var respondent = "email"
    var extra: [String] = []
    var description: String { file }
}

/// The `imports/base` fixture with its YAML responses replaced by an export named in `import`.
func importFolder(_ export: ExportCase) throws -> TemporaryFolder {
    let folder = try Fixture.variant(of: "imports/base", ["responses.yaml": nil])
    let source = Fixture.path("imports/exports/" + export.file)
    let name = (export.file as NSString).lastPathComponent
    try folder.write("responses/" + name, [UInt8](FileManager.default.contents(atPath: source)!))
    var surveys = try String(contentsOfFile: folder.path + "/surveys.yaml", encoding: .utf8)
    let stanza = (["import:", "  file: responses/\(name)", "  format: \(export.format)", "  respondent: \(export.respondent)"]
                  + export.extra.map { "  " + $0 }).map { "    " + $0 + "\n" }.joined()
    surveys = surveys.replacingOccurrences(of: "    questions:\n", with: stanza + "    questions:\n")
    try folder.write("surveys.yaml", Array(surveys.utf8))
    return folder
}

/// Responses as comparable text: respondent, date, consent and answers in question order.
func summary(_ responses: [Response]) -> [String] {
    responses.map { r in
        let answers = r.answers.sorted { $0.question < $1.question }.map { a -> String in
            switch a.value {
            case .number(let n): return "\(a.question)=\(n)"
            case .text(let t): return "\(a.question)=\(t)"
            }
        }
        return "\(r.survey.value) \(r.respondent.value) \(r.submitted) \(r.consentToQuote) " + answers.joined(separator: " ")
    }.sorted()
}

@Suite struct ImportTests {
    static let exports = [
        ExportCase(file: "qualtrics.csv", format: "qualtrics"),
        ExportCase(file: "surveymonkey.csv", format: "surveymonkey"),
        ExportCase(file: "google-forms.csv", format: "google-forms",
                   extra: [#"columns: {q2: "Rate yourself [I connect my team's priorities to the company strategy]"}"#]),
        ExportCase(file: "microsoft-forms.xlsx", format: "microsoft-forms"),
        ExportCase(file: "microsoft-forms.csv", format: "microsoft-forms", extra: ["date_order: day-first"]),
        ExportCase(file: "generic.csv", format: "csv", respondent: "id"),
    ]

    @Test(arguments: exports)
    func exportImportsToTheSameAnswersAndKPIsAsYAML(_ export: ExportCase) throws {
        let folder = try importFolder(export)
        #expect(findings(folder.path) == [])
        let imported = Loader(folder: folder.path).load().data
        let reference = Loader(folder: Fixture.path("imports/base")).load().data
        #expect(imported.responses.count == 6)
        #expect(summary(imported.responses) == summary(reference.responses))
        #expect(try kpis(folder.path, "2026-06").values == kpis(Fixture.path("imports/base"), "2026-06").values)
        #expect(imported.files.last == folder.path + "/responses/" + (export.file as NSString).lastPathComponent)
    }

    @Test func qualtricsLeavesOutUnfinishedResponsesAndPreviews() throws {
        let folder = try importFolder(Self.exports[0])
        let data = Loader(folder: folder.path).load().data
        #expect(data.importedRows == 8)
        #expect(data.skippedImportRows == 2)
    }

    @Test func importedFreeTextNeverReachesAnyOutput() throws {
        for export in Self.exports {
            let folder = try importFolder(export)
            for audience in ReportAudience.allCases {
                let out = try TemporaryFolder()
                try build(folder.path, out: out.path, period: "2026-06", audience: audience)
                for (file, bytes) in try contents(of: out.path) {
                    let text = String(decoding: bytes, as: UTF8.self)
                    for secret in ["ideally every two weeks", "template for the first session", "when things clicked", "Café meet-ups"] {
                        #expect(!text.contains(secret), "\(secret) in \(export.file) \(file)")
                    }
                }
            }
        }
    }

    // MARK: Errors in exports: file, line, column and the column's header

    @Test func exportErrorsNameFileLineAndColumn() throws {
        let cases: [(ExportCase, String)] = [
            (ExportCase(file: "broken/unknown-respondent.csv", format: "qualtrics"),
             "data/responses/unknown-respondent.csv:5:12: error: respondent 'farid.hadad@example.org' in column 'RecipientEmail' is not the email of any person — did you mean 'farid.haddad@example.org'?"),
            (ExportCase(file: "broken/bad-label.csv", format: "qualtrics"),
             "data/responses/bad-label.csv:5:18: error: answer 'Somewhat agree' in column 'Q1' maps to no number for question 'q1' (likert5); expected a whole number or one of 'strongly disagree', 'disagree', 'neither agree nor disagree', 'neutral', 'agree', 'strongly agree', 'very dissatisfied', 'dissatisfied', 'neither satisfied nor dissatisfied', 'satisfied', 'very satisfied'; add it under import labels"),
            (ExportCase(file: "broken/out-of-range.csv", format: "csv", respondent: "id"),
             "data/responses/out-of-range.csv:3:4: error: answer 7 to question 'q1' is out of range; expected a whole number from 1 to 5 (likert5)"),
            (ExportCase(file: "broken/missing-column.csv", format: "qualtrics"),
             "data/responses/missing-column.csv:1:1: error: the export has no column for question 'q2' (I connect my team's priorities to the company strategy); expected a column headed by the question's text, or a mapping in import columns; its columns are 'StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'LocationLatitude', 'LocationLongitude', 'DistributionChannel', 'UserLanguage', 'Q1', 'Q3_NPS_GROUP', 'Q3', 'Q4'"),
            (ExportCase(file: "broken/duplicate-id.csv", format: "qualtrics"),
             "data/responses/duplicate-id.csv:6:9: error: response id 'R_NBEjE4o24hOSDRE' in column 'ResponseId' is already used at line 4; expected each response once (remove the repeated row)"),
            (ExportCase(file: "broken/unterminated.csv", format: "csv", respondent: "id"),
             "data/responses/unterminated.csv:3:1: error: a quoted field opened on this line is never closed; expected a closing '\"' (quotes inside a field are written twice: \"\")"),
        ]
        for (export, expected) in cases {
            let folder = try importFolder(export)
            #expect(findings(folder.path) == [expected])
        }
    }

    @Test func aRatingQuestionMappedToAFreeTextColumnIsOneErrorQuotingNoAnswer() throws {
        // q2 (likert5) mapped to Q4, the free-text question: the answers are respondents' own words.
        let folder = try importFolder(ExportCase(file: "qualtrics.csv", format: "qualtrics", extra: [#"columns: {q2: "Q4"}"#]))
        let found = findings(folder.path)
        #expect(found == [
            "data/responses/qualtrics.csv:5:22: error: column 'Q4' (mapped to likert5 question 'q2') holds text in 5 rows (lines 5, 6, 7, …); expected numbers or scale labels — is it a free-text question?",
        ])
        for secret in ["ideally every two weeks", "goals", "clicked", "Café", "what good looks like"] {
            #expect(!found.joined().contains(secret))
        }
    }

    @Test func manyDistinctShortUnknownAnswersInAColumnAreTakenForText() throws {
        // Short answers could be a respondent's words too: more than three distinct ones are not quoted.
        var text = try String(contentsOfFile: Fixture.path("imports/exports/generic.csv"), encoding: .utf8)
        for (id, answer) in [("001", "Nothing"), ("002", "More sessions"), ("003", "Fine"), ("004", "Nothing")] {
            let row = try #require(text.split(separator: "\n").first { $0.contains("pulse-\(id),") })
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            text = text.replacingOccurrences(of: row, with: (fields[..<3] + [Substring(answer)] + fields[4...]).joined(separator: ","))
        }
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        try folder.write("responses/generic.csv", Array(text.utf8))
        // Three distinct short values: mistyped labels, quoted (grouped per value).
        #expect(findings(folder.path) == [
            "data/responses/generic.csv:2:4: error: answer 'Nothing' in column 'q1' of 2 rows (lines 2, 5) maps to no number for question 'q1' (likert5); expected a whole number or one of 'strongly disagree', 'disagree', 'neither agree nor disagree', 'neutral', 'agree', 'strongly agree', 'very dissatisfied', 'dissatisfied', 'neither satisfied nor dissatisfied', 'satisfied', 'very satisfied'; add it under import labels",
            "data/responses/generic.csv:3:4: error: answer 'More sessions' in column 'q1' maps to no number for question 'q1' (likert5); expected a whole number or one of 'strongly disagree', 'disagree', 'neither agree nor disagree', 'neutral', 'agree', 'strongly agree', 'very dissatisfied', 'dissatisfied', 'neither satisfied nor dissatisfied', 'satisfied', 'very satisfied'; add it under import labels",
            "data/responses/generic.csv:4:4: error: answer 'Fine' in column 'q1' maps to no number for question 'q1' (likert5); expected a whole number or one of 'strongly disagree', 'disagree', 'neither agree nor disagree', 'neutral', 'agree', 'strongly agree', 'very dissatisfied', 'dissatisfied', 'neither satisfied nor dissatisfied', 'satisfied', 'very satisfied'; add it under import labels",
        ])
        // A fourth: the column holds text, and no answer is quoted.
        let row = try #require(text.split(separator: "\n").first { $0.contains("pulse-006,") })
        text = text.replacingOccurrences(of: row, with: row.replacingOccurrences(of: "pulse-006,5,", with: "pulse-006,Good,"))
        try folder.write("responses/generic.csv", Array(text.utf8))
        #expect(findings(folder.path) == [
            "data/responses/generic.csv:2:4: error: column 'q1' (mapped to likert5 question 'q1') holds text in 5 rows (lines 2, 3, 4, …); expected numbers or scale labels — is it a free-text question?",
        ])
    }

    @Test func aMappedColumnThatIsMissingIsNamedWithTheNearestHeader() throws {
        let folder = try importFolder(ExportCase(file: "google-forms.csv", format: "google-forms",
                                                 extra: [#"columns: {q2: "Rate yourself [I connect my teams priorities to the company strategy]"}"#]))
        #expect(findings(folder.path) == [
            "data/responses/google-forms.csv:1:1: error: the export has no column 'Rate yourself [I connect my teams priorities to the company strategy]' for question 'q2' (mapped at data/surveys.yaml:11:21) — did you mean 'Rate yourself [I connect my team's priorities to the company strategy]'?",
        ])
    }

    @Test func extraLabelsMapAnswersToNumbers() throws {
        let folder = try importFolder(ExportCase(file: "broken/bad-label.csv", format: "qualtrics",
                                                 extra: [#"labels: {"Somewhat agree": 4}"#]))
        #expect(findings(folder.path) == [])
        let data = Loader(folder: folder.path).load().data
        #expect(data.responses.contains { r in r.answers.contains { $0.question == "q1" && $0.value == .number(4) } && r.respondent.value == "p102" })
    }

    @Test func importStanzaErrorsPointAtSurveysYAML() throws {
        let cases: [([String], String, String)] = [
            (["  file: ../people.yaml", "  format: csv"], "", "data/surveys.yaml:8:13: error: import file '../people.yaml' is not a path inside the data folder; expected a relative path such as responses/pulse.csv, without '..'"),
            (["  file: responses/nowhere.csv", "  format: csv"], "", "data/surveys.yaml:8:13: error: import file 'responses/nowhere.csv' of survey 'pulse-2026-06' does not exist in the data folder; expected the export saved as data/responses/nowhere.csv"),
            (["  file: responses/microsoft-forms.xlsx", "  format: qualtrics"], "microsoft-forms.xlsx", "data/surveys.yaml:8:13: error: import file 'responses/microsoft-forms.xlsx' is an Excel workbook, but format qualtrics exports are read as CSV; expected a .csv file, or format microsoft-forms"),
            (["  file: responses/microsoft-forms.xlsx", "  format: microsoft-forms", "  respondent: id"], "microsoft-forms.xlsx", "data/surveys.yaml:8:7: error: survey 'pulse-2026-06': microsoft-forms exports have no column of person ids; expected respondent: email, or respondent_column naming the column that holds the ids"),
            (["  file: responses/generic.csv", "  format: csv", "  respondent: id", "  columns: {q9: q1}"], "generic.csv", "data/surveys.yaml:11:17: error: question 'q9' in import columns is not in survey 'pulse-2026-06'; expected one of q1, q2, q3, q4"),
            (["  file: responses/generic.csv", "  format: excel"], "generic.csv", "data/surveys.yaml:9:15: error: invalid value 'excel' for 'format'; expected one of microsoft-forms, google-forms, qualtrics, surveymonkey, csv"),
            (["  file: responses/generic.csv", "  format: csv", "  respondent: id", "  labels: {Yes: many}"], "generic.csv", "data/surveys.yaml:11:21: error: label 'Yes' maps to 'many'; expected a whole number"),
        ]
        for (lines, copy, expected) in cases {
            let folder = try Fixture.variant(of: "imports/base", ["responses.yaml": nil])
            if !copy.isEmpty {
                try folder.write("responses/" + copy, [UInt8](FileManager.default.contents(atPath: Fixture.path("imports/exports/" + copy))!))
            }
            var surveys = try String(contentsOfFile: folder.path + "/surveys.yaml", encoding: .utf8)
            let stanza = (["import:"] + lines).map { "    " + $0 + "\n" }.joined()
            surveys = surveys.replacingOccurrences(of: "    questions:\n", with: stanza + "    questions:\n")
            try folder.write("surveys.yaml", Array(surveys.utf8))
            let found = findings(folder.path)
            #expect(found.contains(expected), "\(found)")
            #expect(found.filter { $0.contains("error:") }.count == 1, "\(found)")
        }
    }

    /// A person left out for a bad value is reported once: their export rows are not reported again
    /// as unknown respondents (with a "did you mean" pointing at someone else).
    @Test func rowsOfAPersonLeftOutAreNotReportedAgain() throws {
        let folder = try importFolder(ImportTests.exports[0])
        let people = try String(contentsOfFile: folder.path + "/people.yaml", encoding: .utf8)
            .replacingOccurrences(of: "    email: emma.novak@example.org\n    roles: [mentee]", with: "    email: emma.novak@example.org\n    roles: [mentees]")
        try folder.write("people.yaml", Array(people.utf8))
        #expect(findings(folder.path).count == 1)
        #expect(findings(folder.path).first?.contains("invalid role 'mentees'") == true)
        // With people unread, the export is not read at all.
        try folder.write("people.yaml", Array("people:\n  - [broken\n".utf8))
        #expect(findings(folder.path).count == 1)
        #expect(findings(folder.path).first?.contains("YAML syntax error") == true)
    }

    @Test func anExportNoSurveyImportsIsAWarning() throws {
        let folder = try Fixture.variant(of: "imports/base")
        try folder.write("responses/pulse.csv", Array("respondent,submitted\n".utf8))
        #expect(findings(folder.path) == ["data/responses/pulse.csv:1:1: warning: ignored: no survey imports this export; name it under a survey's import (file: responses/pulse.csv)"])
    }

    /// With the survey that imports an export left out, the export is not also called unused.
    @Test func anExportOfASurveyLeftOutIsNotAlsoCalledUnused() throws {
        let folder = try importFolder(ImportTests.exports[0])
        let surveys = try String(contentsOfFile: folder.path + "/surveys.yaml", encoding: .utf8)
        let title = try #require(surveys.split(separator: "\n").first { $0.hasPrefix("    title: ") })
        try folder.write("surveys.yaml", Array(surveys.replacingOccurrences(of: title + "\n", with: "").utf8))
        let result = findings(folder.path)
        #expect(result.count == 1)
        #expect(result.first?.contains("is missing the required key 'title'") == true)
    }

    @Test func aWorkbookThatIsNotOneGetsOneClearError() throws {
        let folder = try importFolder(ExportCase(file: "microsoft-forms.xlsx", format: "microsoft-forms"))
        try folder.write("responses/microsoft-forms.xlsx", Array("ID,Start time\n1,2\n".utf8))
        #expect(findings(folder.path) == ["data/responses/microsoft-forms.xlsx:1:1: error: the file is not an Excel workbook (.xlsx); expected the workbook as the survey tool exported it"])
    }

    // MARK: CSV layer

    @Test func csvRowsKeepQuotedBreaksAndCountLines() throws {
        let text = "\u{FEFF}a;b;c\r\n1;\"two\r\nlines\";\"say \"\"hi\"\"\"\r\n2;x,y;\r\n3;\"\";z"
        var rows = try CSVRows(bytes: Array(text.utf8))
        #expect(rows.delimiter == ";")
        var read: [ExportRow] = []
        while let row = try rows.next() { read.append(row) }
        #expect(read.map(\.cells) == [["a", "b", "c"], ["1", "two\r\nlines", "say \"hi\""], ["2", "x,y", ""], ["3", "", "z"]])
        #expect(read.map(\.line) == [1, 2, 4, 5])
    }

    @Test func csvWithTextAfterAClosingQuoteIsRejectedWithItsLine() throws {
        let bytes = Array("a,b\n1,\"x\"y\n2,3\n".utf8)
        do {
            _ = try CSVRows(bytes: bytes)
            Issue.record("expected an error")
        } catch let e as ExportReadError {
            #expect(e.line == 2)
            #expect(e.message.hasPrefix("text follows the closing quote"))
        }
    }

    @Test func csvThatIsNotUTF8IsRejectedWithItsLine() throws {
        var bytes = Array("a,b\n1,2\n".utf8)
        bytes += [0x33, 0x2C, 0xE9, 0x0A]   // Latin-1 é on line 3
        #expect(throws: ExportReadError.self) { _ = try CSVRows(bytes: bytes) }
        do { _ = try CSVRows(bytes: bytes) } catch let e as ExportReadError { #expect(e.line == 3) }
    }

    // MARK: Values

    @Test func datesInEachToolsFormat() {
        let june10 = Day(year: 2026, month: 6, day: 10)
        #expect(ExportValues.day("2026-06-10 09:15:32", order: .monthFirst) == june10)
        #expect(ExportValues.day("2026-06-10T09:15:32Z", order: .monthFirst) == june10)
        #expect(ExportValues.day("2026/06/10 9:15:32 AM GMT+1", order: .monthFirst) == june10)
        #expect(ExportValues.day("06/10/2026 09:15:32 AM", order: .monthFirst) == june10)
        #expect(ExportValues.day("6/10/26 9:15:32", order: .monthFirst) == june10)
        #expect(ExportValues.day("10/06/2026 09:15", order: .dayFirst) == june10)
        #expect(ExportValues.day("10.06.2026", order: .monthFirst) == june10)
        #expect(ExportValues.day("46183.385", order: .monthFirst) == june10)   // Excel serial
        #expect(ExportValues.day("46183", order: .monthFirst) == june10)
        #expect(ExportValues.day("13/31/2026", order: .monthFirst) == nil)
        #expect(ExportValues.day("yesterday", order: .monthFirst) == nil)
        #expect(ExportValues.day("", order: .monthFirst) == nil)
    }

    @Test func answersFromNumbersLabelsAndLeadingNumbers() {
        let likert = Dictionary(uniqueKeysWithValues: ExportValues.builtInLabels[.likert5]!)
        let nps = Dictionary(uniqueKeysWithValues: ExportValues.builtInLabels[.nps]!)
        #expect(ExportValues.number("4", labels: likert) == 4)
        #expect(ExportValues.number("4.0", labels: likert) == 4)
        #expect(ExportValues.number("  Strongly   AGREE ", labels: likert) == 5)
        #expect(ExportValues.number("Neither agree nor disagree", labels: likert) == 3)
        #expect(ExportValues.number("10 - Extremely likely", labels: nps) == 10)
        #expect(ExportValues.number("0 (Not at all likely)", labels: nps) == 0)
        #expect(ExportValues.number("Extremely likely", labels: nps) == 10)
        #expect(ExportValues.number("Somewhat agree", labels: likert) == nil)
        #expect(ExportValues.number("4.5", labels: likert) == nil)
        #expect(ExportValues.number("4. Agree", labels: likert) == nil)
        #expect(ExportValues.number("Promoter", labels: nps) == nil)
    }

    // MARK: The sample programme

    @Test func sampleImportsOneQualtricsAndOneMicrosoftFormsSurvey() {
        let data = Loader(folder: Fixture.repository.appendingPathComponent("data").path).load().data
        let imported = data.surveys.compactMap { s in s.importSpec.map { (s.id, $0.format) } }
        #expect(imported.map(\.0) == ["checkin-2026-06-mentees", "checkin-2026-06-mentors"])
        #expect(imported.map(\.1) == [.qualtrics, .microsoftForms])
        for id in ["checkin-2026-06-mentees", "checkin-2026-06-mentors"] {
            let responses = data.responses.filter { $0.survey.value == id }
            #expect(responses.count >= 25)
            #expect(responses.allSatisfy { data.files[Int($0.location.file)].hasSuffix(".csv") || data.files[Int($0.location.file)].hasSuffix(".xlsx") })
        }
    }
}
