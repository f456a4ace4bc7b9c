import Foundation
import MentorReport

/// libFuzzer entry point over the loader, the validator and the KPI engine.
///
/// The input's first byte picks which file of a small valid programme (Tests/Fixtures/minimal) the
/// rest of the input replaces, so that every decoder, cross-reference check and KPI sees mutated
/// data next to valid surroundings; selectors from 0xF0 up feed the rest to a survey import instead
/// (Qualtrics or plain CSV, or a Microsoft Forms workbook). Whatever the input, loading must end with
/// records or diagnostics: never a crash, a hang, or unbounded memory.
///
///     scripts/fuzz [SECONDS]
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var files = FuzzBase.files
    if selector >= 0xF0 {
        let (name, format) = [("responses/pulse.csv", "qualtrics"), ("responses/pulse.csv", "csv"),
                              ("responses/pulse.xlsx", "microsoft-forms")][Int(selector - 0xF0) % 3]
        files[name] = input
        files["surveys.yaml"] = Array(FuzzBase.importSurvey(file: name, format: format).utf8)
    } else {
        let names = FuzzBase.names
        files[names[Int(selector) % names.count]] = input
    }
    let loaded = Loader(folder: "fuzz", files: files).load()
    let diagnostics = validate(loaded)
    if !diagnostics.hasErrors, !loaded.data.people.isEmpty {
        let period = ReportingPeriod.default(for: loaded.data)
        _ = Report(data: loaded.data, period: period, audience: .admin).kpis.count
    }
    return 0
}

enum FuzzBase {
    /// The minimal fixture's files, read once (from `MENTOR_REPORT_FUZZ_BASE` or the repository).
    static let files: [String: [UInt8]] = {
        let root = ProcessInfo.processInfo.environment["MENTOR_REPORT_FUZZ_BASE"] ?? "Tests/Fixtures/minimal"
        var files: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: root + "/" + relative) {
                files[relative] = [UInt8](data)
            }
        }
        precondition(files["people.yaml"] != nil, "no fuzzing base at \(root); run from the repository")
        return files
    }()

    static let names: [String] = files.keys.sorted()

    static func importSurvey(file: String, format: String) -> String {
        """
        surveys:
          - id: pulse
            title: Pulse
            kind: checkin
            audience: mentees
            opens: 2026-01-10
            import: {file: \(file), format: \(format), respondent: \(format == "csv" ? "id" : "email")}
            questions:
              - {id: q1, text: I am satisfied with my mentoring relationship, scale: likert5, measure: satisfaction}
              - {id: q2, text: How likely are you to recommend the programme?, scale: nps}
              - {id: q3, text: What would make it better?, scale: text, measure: story}

        """
    }
}

/// libFuzzer's driver (from the `-sanitize=fuzzer` runtime), run from this target's own `main`, which
/// SwiftPM requires of an executable.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
