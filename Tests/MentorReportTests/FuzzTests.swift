import Foundation
import Testing
@testable import MentorReport

@Suite struct FuzzTests {
    static let base = FuzzHarness.base(at: Fixture.path("minimal"))

    static let found: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Fixture.path("fuzz"))) ?? [])
        .filter { $0.hasSuffix(".bin") }.sorted()

    /// Every input the fuzzer found ends in diagnostics, quickly.
    @Test(arguments: found)
    func foundInputEndsInDiagnostics(_ name: String) throws {
        let input = [UInt8](FileManager.default.contents(atPath: Fixture.path("fuzz/" + name))!)
        let started = Date()
        #expect(FuzzHarness.run(input, base: Self.base) > 0)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func theDamagedWorkbookIsNamedAsSuch() throws {
        let input = [UInt8](FileManager.default.contents(atPath: Fixture.path("fuzz/xlsx-deflate-stream-never-ends.bin"))!)
        var files = Self.base
        files["responses/pulse.xlsx"] = Array(input.dropFirst())
        files["surveys.yaml"] = Array(FuzzHarness.importSurvey(file: "responses/pulse.xlsx", format: "microsoft-forms").utf8)
        let loaded = Loader(folder: "data", files: files).load()
        #expect(loaded.diagnostics.all.map(\.formatted) == [
            "data/responses/pulse.xlsx:1:1: error: the workbook is damaged (xl/styles.xml holds a broken compressed stream); expected the .xlsx file as the survey tool exported it",
        ])
    }

    /// The harness's template-URI check holds for the known escapes and lets inside files through.
    @Test func theTemplateURICheckHoldsForTheKnownEscapes() throws {
        let root = try #require(FuzzHarness.templatesRoot)
        for uri in ["a?/../../secret.xml", "a#/../../secret.xml", "%2e%2e/secret.xml", "link.xml", "file://\(root)/../secret.xml",
                    "file://\(root)/a%3F/../../secret.xml", "-", "/etc/passwd"] {
            #expect(FuzzHarness.checkTemplateURI(Array(uri.utf8)) == [], "\(uri)")
        }
        // Inside files pass, as written relative to the folder, and only as their canonical path.
        for uri in ["sub/inside.xml", "a?/../sub/inside.xml"] {
            #expect(FuzzHarness.checkTemplateURI(Array(uri.utf8)) == [root + "/sub/inside.xml"], "\(uri)")
        }
    }

    @Test func theHarnessReachesEveryFileOfTheBase() {
        // A selector for each base file, and one for each export format, all load to a result.
        for selector in 0..<UInt8(Self.base.count) { #expect(FuzzHarness.run([selector] + Array("x: [".utf8), base: Self.base) > 0) }
        for selector in UInt8(0xF0)...UInt8(0xF2) { #expect(FuzzHarness.run([selector] + Array("a,b\n".utf8), base: Self.base) > 0) }
    }
}
