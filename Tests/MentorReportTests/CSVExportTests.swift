import Foundation
import Testing
@testable import MentorReport

/// kpis.csv's new columns, formula-safe cells and OUT/kpis-history.csv (SPEC §4, 2026-12).
@Suite struct CSVExportTests {
    static let bom = "\u{FEFF}"

    /// A file's CRLF rows, its byte-order mark checked and dropped.
    static func rows(_ path: String) throws -> [String] {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) starts with the UTF-8 byte-order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        var rows = text.components(separatedBy: "\r\n")
        #expect(rows.last == "")  // every row ends in CRLF
        rows.removeLast()
        return rows
    }

    @Test func kpisCSVHasLabelTargetAndOnTarget() throws {
        // match.waiting is lower-is-better: its target is a ceiling.
        let program = try Fixture.text("minimal/program.yaml", replacing: "    match.rate: 0.9\n", with: "    match.rate: 0.9\n    match.waiting: 2\n")
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": program])
        let out = try TemporaryFolder()
        let rows = try CSVExportTests.rows(try build(folder.path, out: out.path, period: "2026-02") + "/kpis.csv")
        #expect(rows.first == "id,value,unit,n,previous,status,label,target,on_target")
        // February: 2 of the 3 mentees are matched (0.6667 < 0.9, off target); 1 waits (1 <= 2, on target).
        #expect(rows.contains("match.rate,0.6667,ratio,3,1,ok,Mentees matched,0.9,false"))
        #expect(rows.contains("match.waiting,1,count,3,0,ok,Mentees waiting for a match,2,true"))
        // No target: both columns empty.
        #expect(rows.contains("relationships.active,2,count,,2,ok,Relationships active,,"))
        // Every label is the catalogue's, as the pages show it.
        let catalog = KPICatalog(data: Loader(folder: folder.path).load().data)
        #expect(rows.dropFirst().map { $0.components(separatedBy: ",")[0] } == catalog.ids)
        let labelled = rows.dropFirst().filter { !$0.contains("\"") }.map { $0.components(separatedBy: ",") }
        #expect(labelled.count > 50 && labelled.allSatisfy { $0[6] == catalog.entry($0[0])?.label })
    }

    @Test func textCellsThatLookLikeFormulasAreMadeText() throws {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(CSVCell.formulaSafe(start + "SUM(A1)") == "'" + start + "SUM(A1)")
        }
        #expect(CSVCell.formulaSafe("A=B") == "A=B" && CSVCell.formulaSafe("") == "")
        #expect(CSVCell.text("=1+2, or more") == "\"'=1+2, or more\"")  // formula-safe, then RFC 4180 quoting
        #expect(CSVCell.number("-0.25") == "-0.25")  // a negative number stays a number
        // A competency named like a formula reaches kpis.csv in its KPIs' labels.
        let program = try Fixture.text("minimal/program.yaml", replacing: "    name: Communication\n", with: "    name: \"@SUM(1+1)\"\n")
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": program])
        let out = try TemporaryFolder()
        let rows = try CSVExportTests.rows(try build(folder.path, out: out.path, period: "2026-02") + "/kpis.csv")
        let change = try #require(rows.first { $0.hasPrefix("competency.communication.change,") })
        #expect(change.hasSuffix(",'@SUM(1+1): change,,"))
        #expect(!rows.contains { $0.contains(",@SUM") })
    }

    @Test func labelsDropTheControlCharactersThePagesDrop() throws {
        // ESC would recolour a terminal that shows kpis.csv; report.xml and the pages drop it.
        let program = try Fixture.text("minimal/program.yaml", replacing: "    name: Communication\n", with: "    name: \"Comm\\x01unication\\e[31m\"\n")
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": program])
        let out = try TemporaryFolder()
        let month = try build(folder.path, out: out.path, period: "2026-02")
        let rows = try CSVExportTests.rows(month + "/kpis.csv")
        let change = try #require(rows.first { $0.hasPrefix("competency.communication.change,") })
        #expect(change.hasSuffix(",Communication[31m: change,,"))
        let xml = try String(contentsOfFile: month + "/report.xml", encoding: .utf8)
        #expect(xml.contains("label=\"Communication[31m: change\""))
        #expect(!rows.contains { $0.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func historyCoversEveryMonthByPeriodThenCatalogueOrder() throws {
        let out = try TemporaryFolder()
        // Built out of order: the history is by period all the same.
        for period in ["2026-03", "2026-01", "2026-02"] {
            try build(Fixture.path("minimal"), out: out.path, period: period)
        }
        let history = try CSVExportTests.rows(out.path + "/kpis-history.csv")
        #expect(history.first == "period,id,value,unit,n,status")
        var expected: [String] = []
        for period in ["2026-01", "2026-02", "2026-03"] {
            // Each month's rows: its kpis.csv's id, value, unit, n and status, in its (catalogue) order.
            for row in try CSVExportTests.rows(out.path + "/\(period)/kpis.csv").dropFirst() {
                let cells = row.components(separatedBy: ",")
                expected.append([period, cells[0], cells[1], cells[2], cells[3], cells[5]].joined(separator: ","))
            }
        }
        #expect(Array(history.dropFirst()) == expected)
        #expect(expected.count == 3 * KPICatalog(data: Loader(folder: Fixture.path("minimal")).load().data).ids.count)
        // Written atomically: no temporary file is left in OUT.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.hasPrefix(".mentor-report-index-") })
        // Rebuilding a month leaves the history byte for byte as it was.
        let before = FileManager.default.contents(atPath: out.path + "/kpis-history.csv")
        try build(Fixture.path("minimal"), out: out.path, period: "2026-02")
        #expect(FileManager.default.contents(atPath: out.path + "/kpis-history.csv") == before)
    }

    @Test func historyLeavesOutAMonthWhoseKPIsCannotBeReadAndSaysSo() throws {
        let out = try TemporaryFolder()
        try build(Fixture.path("minimal"), out: out.path, period: "2026-01")
        // A hand-edited kpis.csv whose header lost its columns, and a smuggled formula.
        try out.write("2026-01/kpis.csv", Array("id;value\r\nmatch.rate;=cmd\r\n".utf8))
        let notes = NoteLog()
        let loaded = Loader(folder: Fixture.path("minimal")).load()
        let p = ReportingPeriod(Month(text: "2026-02")!)
        var writer = ReportWriter(outputFolder: out.path, templatesFolder: Fixture.repository.appendingPathComponent("templates").path)
        writer.note = { notes.add($0) }
        try writer.write(try writer.render(Report(data: loaded.data, period: p, audience: .public)), period: p.month, audience: .public)
        #expect(notes.all == ["\(out.path)/kpis-history.csv leaves out 2026-01: its kpis.csv cannot be read (kpis.csv has no column 'unit'; expected the header id,value,unit,n,previous,status,label,target,on_target)"])
        let history = try CSVExportTests.rows(out.path + "/kpis-history.csv")
        #expect(history.count == 1 + KPICatalog(data: loaded.data).ids.count && history.dropFirst().allSatisfy { $0.hasPrefix("2026-02,") })
    }

    @Test func historyNumbersReadBackStayNumbersAndOddCellsBecomeSafeText() {
        let kpis = Array("\u{FEFF}id,value,unit,n,previous,status\r\nx.a,-0.25,ratio,4,,ok\r\nx.b,=1+1,count,-3,,ok\r\n".utf8)
        let (text, skipped) = KPIHistoryCSV.text([(Month(text: "2026-05")!, kpis)])
        #expect(skipped.isEmpty)
        #expect(text == "\u{FEFF}period,id,value,unit,n,status\r\n2026-05,x.a,-0.25,ratio,4,ok\r\n2026-05,x.b,'=1+1,count,-3,ok\r\n")
    }

    @Test func historyThatIsNotMentorReportsIsLeftAlone() throws {
        let out = try TemporaryFolder()
        try out.write("kpis-history.csv/notes.txt", Array("mine".utf8))
        #expect(throws: OutputFailure.self) { try build(Fixture.path("minimal"), out: out.path, period: "2026-02") }
        // Nothing written but the (empty) lock file the build held.
        #expect(try contents(of: out.path) == [".mentor-report.lock": [], "kpis-history.csv/notes.txt": Array("mine".utf8)])
    }
}

/// Notes told by a writer, from any thread.
final class NoteLog: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String] = []
    func add(_ note: String) { lock.lock(); notes.append(note); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return notes }
}
