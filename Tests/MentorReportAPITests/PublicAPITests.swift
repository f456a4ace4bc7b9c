import Foundation
import MentorReport
import Testing

/// The library as a Swift program embedding it sees it: a plain `import` (no `@testable`), in a target of
/// its own, so this file compiles against the public API only (and `package` declarations, which it does
/// not use). It walks the embedding path on the sample data folder: load, validate, report, write.
@Suite struct PublicAPITests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aProgramLoadsValidatesReportsAndWritesTheSample() throws {
        let folder = PublicAPITests.repository.appendingPathComponent("data").path
        let loaded = Loader(folder: folder, limits: LoadLimits.standard).load()
        #expect(loaded.data.program.start <= loaded.data.sessions.map(\.date).max()!)
        #expect(loaded.data.people.count == 117)
        #expect(loaded.data.relationships.count == 77)

        let diagnostics = validate(loaded)
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.warnings.count == 3)
        let pair = try #require(diagnostics.warnings.first { $0.message.contains("line manager") })
        #expect(pair.severity == .warning)
        #expect(pair.file.hasSuffix("/data/relationships.yaml"))
        #expect((pair.line, pair.column) == (509, 9))
        #expect(pair.formatted == "\(pair.file):509:9: warning: \(pair.text)")
        #expect(DiagnosticPrinter(useColour: false).lines(for: diagnostics).count == 3)

        let period = ReportingPeriod.default(for: loaded.data)
        #expect(period.month == Month(year: 2026, month: 10))
        #expect(period.asOf == Day(iso: "2026-10-31"))
        let report = Report(data: loaded.data, period: period, audience: .admin)

        // Every KPI of the catalogue, in its order, and one read with its label.
        let catalog = KPICatalog(data: loaded.data, period: period)
        #expect(report.kpis.count == catalog.ids.count)
        #expect(report.kpis.map(\.id) == catalog.ids)
        let matched = try #require(report.kpi("match.rate"))
        #expect(matched.current.status == .ok)
        #expect(matched.current.unit == .ratio)
        #expect(matched.current.n == 81)
        #expect(matched.current.value == 76.0 / 81.0)
        #expect(matched.previous == 73.0 / 79.0)
        #expect(matched.target == 0.9 && matched.onTarget == true)
        let entry = try #require(catalog.entry(matched.id))
        #expect(entry.label == "Mentees matched")
        #expect(entry.definition.section == .participation && entry.definition.direction == .higherIsBetter)
        #expect(report.policy.directReportPairs.count == 1)
        #expect(!report.trends.isEmpty)

        // Rendered, then written under the output lock into a folder of admin reports.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-report-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = ReportWriter(outputFolder: out.path,
                                  templatesFolder: PublicAPITests.repository.appendingPathComponent("templates").path)
        let files = try writer.render(report)
        #expect(files.contains { $0.name == "report.xml" } && files.contains { $0.name == "kpis.csv" })
        let lock = try writer.acquire(audience: .admin)
        let written = try writer.write(files, period: period.month, audience: .admin, lock: lock)
        lock.release()
        #expect(written == out.appendingPathComponent("2026-10").path)
        #expect(FileManager.default.fileExists(atPath: written + "/report.xml"))
        let csv = try String(contentsOfFile: written + "/kpis.csv", encoding: .utf8)
        // One CRLF-terminated row per KPI under the header (RFC 4180).
        let rows = csv.split(whereSeparator: \.isNewline)
        #expect(rows.count == 1 + catalog.ids.count)
        #expect(rows.contains("match.rate,0.9383,ratio,81,0.9241,ok,Mentees matched,0.9,true"))

        // A public build into the admin folder is refused, and the folder left as it was.
        #expect(throws: AudienceMismatch.self) { _ = try writer.acquire(audience: .public) }
    }
}
