import Foundation
import MentorReport

/// libFuzzer entry point: `FuzzHarness.run` on each input, over the minimal fixture (or the folder
/// named by `MENTOR_REPORT_FUZZ_BASE`).
///
///     scripts/fuzz [SECONDS]
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.run(Array(UnsafeBufferPointer(start: data, count: size)), base: base)
    return 0
}

/// The minimal fixture's YAML files, read once.
let base: [String: [UInt8]] = {
    let root = ProcessInfo.processInfo.environment["MENTOR_REPORT_FUZZ_BASE"] ?? "Tests/Fixtures/minimal"
    let files = FuzzHarness.base(at: root)
    precondition(files["people.yaml"] != nil, "no fuzzing base at \(root); run from the repository")
    return files
}()

/// libFuzzer's driver (from the `-sanitize=fuzzer` runtime), run from this target's own `main`, which
/// SwiftPM requires of an executable.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
