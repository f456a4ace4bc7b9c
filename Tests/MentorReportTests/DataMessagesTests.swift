import Foundation
import Testing
@testable import MentorReport

/// A ZIP archive built byte by byte, for workbooks no survey tool would write: each entry stored as
/// given, or as a raw deflate stream with the size it unpacks to.
struct ZIPBuilder {
    struct Entry {
        var name: String
        /// 0 stored, 8 deflated.
        var method: UInt16
        var data: [UInt8]
        var unpackedSize: Int
        var crc: UInt32
    }
    var entries: [Entry] = []

    mutating func stored(_ name: String, _ text: String) {
        let bytes = Array(text.utf8)
        entries.append(Entry(name: name, method: 0, data: bytes, unpackedSize: bytes.count, crc: ZIPBuilder.crc32(bytes)))
    }

    mutating func deflated(_ name: String, _ stream: [UInt8], unpackedSize: Int) {
        entries.append(Entry(name: name, method: 8, data: stream, unpackedSize: unpackedSize, crc: 0))
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ to: inout [UInt8]) { to += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ to: inout [UInt8]) { u16(v & 0xFFFF, &to); u16(v >> 16 & 0xFFFF, &to) }
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            // Local header: version 2.0, no flags, 1980-01-01 00:00.
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(Int(entry.method), &out)
            u16(0, &out); u16(0x21, &out); u32(Int(entry.crc), &out)
            u32(entry.data.count, &out); u32(entry.unpackedSize, &out); u16(name.count, &out); u16(0, &out)
            out += name + entry.data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(Int(entry.method), &central)
            u16(0, &central); u16(0x21, &central); u32(Int(entry.crc), &central)
            u32(entry.data.count, &central); u32(entry.unpackedSize, &central); u16(name.count, &central)
            u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
            central += name
        }
        let start = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(start, &out); u16(0, &out)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A raw deflate stream (one block of fixed Huffman codes) of `byte` once and then `copies` times
    /// 258 more of it: 13 bits per 258 bytes unpacked. Returns the stream and the size it unpacks to.
    static func repeatedByte(_ byte: UInt8, copies: Int) -> (stream: [UInt8], unpackedSize: Int) {
        var out: [UInt8] = []
        var pending: UInt32 = 0, count: UInt32 = 0
        func bits(_ value: UInt32, _ n: UInt32) {           // least significant bit first
            pending |= value << count
            count += n
            while count >= 8 { out.append(UInt8(pending & 0xFF)); pending >>= 8; count -= 8 }
        }
        func code(_ value: UInt32, _ n: UInt32) {           // Huffman codes go most significant bit first
            for i in stride(from: n, to: 0, by: -1) { bits(value >> (i - 1) & 1, 1) }
        }
        bits(1, 1)                                          // the final block
        bits(1, 2)                                          // fixed Huffman codes
        code(0x30 + UInt32(byte), 8)                        // the literal (byte < 144)
        for _ in 0..<copies {
            code(0xC5, 8)                                   // length 258 (code 285)
            code(0, 5)                                      // distance 1
        }
        code(0, 7)                                          // end of block (code 256)
        if count > 0 { out.append(UInt8(pending & 0xFF)) }
        return (out, 1 + 258 * copies)
    }
}

/// A Microsoft Forms workbook of inline strings, its first row the headers (columns A to Z).
func formsWorkbook(_ rows: [[String]]) -> [UInt8] {
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for (r, row) in rows.enumerated() {
        sheet += "<row r=\"\(r + 1)\">"
        for (c, cell) in row.enumerated() {
            sheet += "<c r=\"\(letters[c])\(r + 1)\" t=\"inlineStr\"><is><t>\(escaped(cell))</t></is></c>"
        }
        sheet += "</row>"
    }
    sheet += "</sheetData></worksheet>"
    var zip = ZIPBuilder()
    zip.stored("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>"#)
    zip.stored("xl/worksheets/sheet1.xml", sheet)
    return zip.bytes
}

/// Messages about the data that say what is wrong and what was expected, and never show what the
/// data folder does not hold.
@Suite struct DataMessagesTests {
    // MARK: Links that leave the data folder

    /// The whole-file error a link out of the data folder gets.
    static func leaves(_ target: String, _ what: String = "file") -> String {
        "cannot read the \(what): it is a link to '\(target)', which leaves the data folder; links must stay inside the data folder (copy the \(what) into it instead)"
    }

    @Test func aDataFileLinkedOutsideTheFolderIsRefusedUnread() throws {
        let outside = try TemporaryFolder()
        try outside.write("passwd", Array("root:x:0:0:secret-line\nother:x:1:1:more\n".utf8))
        let target = outside.url.appendingPathComponent("passwd").path
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": nil])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("people.yaml").path,
                                                   withDestinationPath: target)
        #expect(findings(folder.path) == ["data/people.yaml: error: " + DataMessagesTests.leaves(target)])
        let run = try mentorReport(["validate", "--data", folder.path, "--quiet"])
        #expect(run.status == 1)
        #expect(!run.stderr.contains("secret-line"))
        #expect(!run.stderr.contains("root:x"))
        #expect(run.stderr.contains("which leaves the data folder"))
    }

    @Test func aLinkToASiblingInsideTheFolderStillLoadsAndTheFolderMayBeALink() throws {
        let folder = try Fixture.variant(of: "minimal")
        let people = folder.url.appendingPathComponent("people.yaml")
        try FileManager.default.moveItem(at: people, to: folder.url.appendingPathComponent("people.txt"))
        try FileManager.default.createSymbolicLink(atPath: people.path, withDestinationPath: "people.txt")
        #expect(findings(folder.path) == [])
        #expect(Loader(folder: folder.path).load().data.people.count == 5)
        // The data folder given as a link to it: its files are compared with the folder's real path.
        let links = try TemporaryFolder()
        let linked = links.url.appendingPathComponent("data").path
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: folder.path)
        #expect(findings(linked) == [])
        #expect(Loader(folder: linked).load().data.people.count == 5)
    }

    @Test func aCollectionFileLinkedOutsideIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("2026-10.yaml", Array("sessions: []\n".utf8))
        let target = outside.url.appendingPathComponent("2026-10.yaml").path
        let folder = try Fixture.variant(of: "minimal")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("sessions/2026-10.yaml").path,
                                                   withDestinationPath: target)
        #expect(findings(folder.path) == ["data/sessions/2026-10.yaml: error: " + DataMessagesTests.leaves(target)])
    }

    @Test func aCollectionFolderLinkedOutsideIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("outcomes/2026.yaml", Array("outcomes: []\n".utf8))
        let target = outside.url.appendingPathComponent("outcomes").path
        let folder = try Fixture.variant(of: "minimal", ["outcomes.yaml": nil])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("outcomes").path,
                                                   withDestinationPath: target)
        #expect(findings(folder.path) == ["data/outcomes/: error: " + DataMessagesTests.leaves(target, "folder")])
    }

    @Test func anImportedExportLinkedOutsideIsRefused() throws {
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        let outside = try TemporaryFolder()
        try outside.write("generic.csv", [UInt8](FileManager.default.contents(atPath: folder.path + "/responses/generic.csv")!))
        let target = outside.url.appendingPathComponent("generic.csv").path
        try folder.write("responses/generic.csv", nil)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/responses/generic.csv", withDestinationPath: target)
        #expect(findings(folder.path) == ["data/responses/generic.csv: error: " + DataMessagesTests.leaves(target)])
        // Named through a folder that is a link out of the data folder.
        try folder.write("responses/generic.csv", nil)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/elsewhere", withDestinationPath: outside.path)
        let surveys = try String(contentsOfFile: folder.path + "/surveys.yaml", encoding: .utf8)
        try folder.write("surveys.yaml", Array(surveys.replacingOccurrences(of: "file: responses/generic.csv", with: "file: elsewhere/generic.csv").utf8))
        #expect(findings(folder.path) == ["data/elsewhere/generic.csv: error: cannot read the file: its path leads through a link out of the data folder; links must stay inside the data folder (copy the file into it instead)"])
    }

    // MARK: Workbook parts over the size limit

    @Test func aWorkbookPartOverTheSizeLimitSaysSoAndNotThatItIsDamaged() throws {
        let (stream, unpacked) = ZIPBuilder.repeatedByte(UInt8(ascii: " "), copies: 5_000)
        #expect(unpacked > 1_048_576 && stream.count < 10_000)
        var zip = ZIPBuilder()
        zip.stored("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>"#)
        zip.deflated("xl/worksheets/sheet1.xml", stream, unpackedSize: unpacked)
        do {
            _ = try XLSXRows(bytes: zip.bytes, partLimit: 1_048_576)
            Issue.record("a part over the limit was read")
        } catch let failure as ExportReadError {
            #expect(failure.message == "xl/worksheets/sheet1.xml inside the workbook unpacks to more than 1 MB; expected parts of at most 1 MB unpacked (a survey export's are far smaller)")
        }
        // Under a higher limit the same workbook opens: the limit was the only reason.
        #expect(throws: Never.self) { _ = try XLSXRows(bytes: zip.bytes, partLimit: 2 * 1_048_576) }
    }

    @Test func theWorkbookPartLimitIsStatedInBinaryMegabytes() {
        #expect(exportByteLimit == 512 * 1_048_576)
        #expect(megabytesText(exportByteLimit) == "512 MB")
    }

    /// One MB in every message and summary (decision 66): the summary line's figure too, which used to
    /// count 1,000,000 bytes (the 20,000-person programme's 32,300,000 bytes read "32.3 MB").
    @Test func summariesCountMegabytesOf1048576Bytes() {
        #expect(bytesPerMegabyte == 1_048_576)
        #expect(megabytesFigure(32_300_000) == "30.8 MB")
        #expect(megabytesFigure(bytesPerMegabyte) == "1.0 MB")
        #expect(megabytesText(3 * bytesPerMegabyte / 2) == "1.5 MB")
        #expect(LoadLimits.standard.fileBytes == 512 * bytesPerMegabyte)
    }

    // MARK: File names in other cases

    @Test func dataFilesEndingInAnUpperCaseExtensionAreWarnedAboutNotSkipped() throws {
        let outcomes = try String(contentsOfFile: Fixture.path("minimal/outcomes.yaml"), encoding: .utf8)
        let found = try findings(changing: [
            "sessions/2026-03.YAML": "sessions: []\n",
            "sessions/2026-04.Yaml": "sessions: []\n",
            "sessions/2026-05.YML": "sessions: []\n",
            "sessions/2026-06.yml": "sessions: []\n",
            "outcomes.yaml": nil,
            "Outcomes.YAML": outcomes,
        ])
        // (Findings about the folder as a whole are in the order of their messages.)
        #expect(found == [
            "data/sessions/2026-06.yml:1:1: warning: ignored: only files ending in .yaml are read; rename it to .yaml to include it",
            "data/sessions/2026-03.YAML:1:1: warning: ignored: only files ending in lower-case .yaml are read; rename it to 2026-03.yaml to include it",
            "data/sessions/2026-04.Yaml:1:1: warning: ignored: only files ending in lower-case .yaml are read; rename it to 2026-04.yaml to include it",
            "data/sessions/2026-05.YML:1:1: warning: ignored: only files ending in lower-case .yaml are read; rename it to 2026-05.yaml to include it",
            "data/Outcomes.YAML:1:1: warning: ignored: only files ending in lower-case .yaml are read; rename it to outcomes.yaml to include it",
        ])
    }

    // MARK: Values over 1 MB in survey exports

    static let overLimit = "a value of 1048577 bytes in column '%@' is too long; expected values of at most 1 MB (names, notes and answers are far shorter)"

    @Test func aCSVValueOverOneMegabyteIsAnErrorAtItsLineAndColumn() throws {
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        var csv = try String(contentsOfFile: folder.path + "/responses/generic.csv", encoding: .utf8)
        let long = "\"" + String(repeating: "x", count: 1_048_577) + "\""
        csv = csv.replacingOccurrences(of: "\"The mid-point check-in, it's when things clicked; keep it\"", with: long)
        try folder.write("responses/generic.csv", Array(csv.utf8))
        #expect(findings(folder.path) == ["data/responses/generic.csv:4:7: error: "
                                          + DataMessagesTests.overLimit.replacingOccurrences(of: "%@", with: "q4")])
    }

    @Test func aWorkbookCellOverOneMegabyteIsAnErrorAtItsRowAndColumn() throws {
        let folder = try Fixture.variant(of: "imports/base", ["responses.yaml": nil])
        let header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                      "I am satisfied with my mentoring relationship",
                      "I connect my team's priorities to the company strategy",
                      "How likely are you to recommend the programme to a colleague?",
                      "What one thing would make the programme better?"]
        let row = ["1", "2026-06-09 09:11:02", "2026-06-09 09:15:32", "emma.novak@example.org", "Emma Novak", "",
                   "Strongly agree", "Agree", "9", String(repeating: "x", count: 1_048_577)]
        try folder.write("responses/pulse.xlsx", formsWorkbook([header, row]))
        let surveys = try String(contentsOfFile: folder.path + "/surveys.yaml", encoding: .utf8)
        try folder.write("surveys.yaml", Array(surveys.replacingOccurrences(
            of: "    questions:\n", with: "    import:\n      file: responses/pulse.xlsx\n      format: microsoft-forms\n    questions:\n").utf8))
        #expect(findings(folder.path) == ["data/responses/pulse.xlsx:2:10: error: "
                                          + DataMessagesTests.overLimit.replacingOccurrences(of: "%@", with: "What one thing would make the programme better?")])
    }

    // MARK: Whole numbers with real bounds

    @Test func aCapacityTooLargeNamesItsRealBound() throws {
        for value in ["9223372036854775807", "99999999999999999999999", "1001", "-1"] {
            let people = try Fixture.text("minimal/people.yaml", replacing: "mentor_capacity: 3", with: "mentor_capacity: \(value)")
            #expect(try findings(changing: ["people.yaml": people])
                    == ["data/people.yaml:13:22: error: invalid value '\(value)' for 'mentor_capacity'; expected a whole number from 0 to 1000"])
        }
        let people = try Fixture.text("minimal/people.yaml", replacing: "mentor_capacity: 3", with: "mentor_capacity: 1000")
        #expect(try findings(changing: ["people.yaml": people]) == [])
    }

    @Test func programmeSettingsTooLargeNameTheirRealBounds() throws {
        let cases = [
            ("default_mentor_capacity: 2", "default_mentor_capacity: 9223372036854775807",
             "data/program.yaml:8:28: error: invalid value '9223372036854775807' for 'default_mentor_capacity'; expected a whole number from 1 to 1000"),
            ("at_risk_after_days: 45", "at_risk_after_days: 99999999999999999999",
             "data/program.yaml:9:23: error: invalid value '99999999999999999999' for 'at_risk_after_days'; expected a whole number from 1 to 3650"),
            ("at_risk_after_days: 45", "at_risk_after_days: 3651",
             "data/program.yaml:9:23: error: invalid value '3651' for 'at_risk_after_days'; expected a whole number from 1 to 3650"),
            ("min_group_size: 5", "min_group_size: 1001",
             "data/program.yaml:11:21: error: invalid value '1001' for 'min_group_size'; expected a whole number from 3 to 1000"),
        ]
        for (old, new, expected) in cases {
            let program = try Fixture.text("minimal/program.yaml", replacing: old, with: new)
            #expect(try findings(changing: ["program.yaml": program]) == [expected])
        }
    }

    @Test func anAnswerTooLargeForAnyIntegerIsOutOfRangeNotAFraction() throws {
        let responses = try Fixture.text("minimal/responses.yaml", replacing: "{q1: 3, q2: 9", with: "{q1: 99999999999999999999, q2: 9")
        #expect(try findings(changing: ["responses.yaml": responses])
                == ["data/responses.yaml:6:19: error: answer '99999999999999999999' to question 'q1' is out of range; expected a whole number from 1 to 5 (likert5)"])
    }

    @Test func sessionMinutesTooLargeForAnyIntegerGetTheSameMessage() throws {
        let sessions = try Fixture.text("minimal/sessions/2026-01.yaml", replacing: "minutes: 60", with: "minutes: 99999999999999999999")
        let found = try findings(changing: ["sessions/2026-01.yaml": sessions])
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("error: invalid value '99999999999999999999' for 'minutes'; expected a whole number from 1 to 600") == true)
    }
}
