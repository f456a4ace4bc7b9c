import Testing
@testable import MentorReport

/// Where a finding points (issue 13 item 5): a line and a column, a line only, or the whole file, written
/// by one function wherever a message names a place.
@Suite struct DiagnosticPlaceTests {
    @Test func aPlaceHasAsMuchAsIsKnown() {
        #expect(sourcePlace(file: "data/people.yaml", line: 3, column: 5) == "data/people.yaml:3:5")
        #expect(sourcePlace(file: "data/responses/pulse.csv", line: 7, column: nil) == "data/responses/pulse.csv:7")
        #expect(sourcePlace(file: "data/people.yaml", line: nil, column: nil) == "data/people.yaml")
    }

    @Test func aFindingAboutTheWholeFileHasNoLine() {
        let whole = Diagnostic(severity: .error, file: "data/people.yaml", message: "the file is empty")
        #expect(whole.line == nil && whole.column == nil)
        #expect(whole.formatted == "data/people.yaml: error: the file is empty")
        let line = Diagnostic(severity: .warning, file: "data/x.csv", line: 2, message: "no responses")
        #expect(line.formatted == "data/x.csv:2: warning: no responses")
        // The coloured form names the same place.
        let coloured = DiagnosticPrinter(useColour: true).render(line)
        #expect(coloured.hasPrefix("\u{1B}[1mdata/x.csv:2:\u{1B}[0m "))
    }

    @Test func anEmptyFileIsReportedAtItsFirstLineAndColumn() {
        let loaded = Loader(folder: "data", files: ["program.yaml": [], "people.yaml": []]).load()
        let empty = loaded.diagnostics.errors.filter { $0.message.hasPrefix("the file is empty") }
        #expect(!empty.isEmpty)
        #expect(empty.allSatisfy { $0.line == 1 && $0.column == 1 })
    }

    @Test func aFindingAboutAWholeFileSortsBeforeThoseAtItsLines() {
        var diagnostics = Diagnostics()
        diagnostics.append(Diagnostic(severity: .error, file: "f", line: 1, column: 1, message: "b"))
        diagnostics.append(Diagnostic(severity: .error, file: "f", message: "a"))
        diagnostics.sort()
        #expect(diagnostics.all.map(\.message) == ["a", "b"])
    }
}
