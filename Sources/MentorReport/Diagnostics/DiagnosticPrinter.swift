#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints diagnostics to standard error, colouring the severity only when stderr is a terminal.
public struct DiagnosticPrinter {
    /// The most errors printed one by one; the rest are counted.
    public static let errorCap = 100

    public var useColour: Bool

    public init(useColour: Bool = isatty(2) == 1) { self.useColour = useColour }

    /// The lines to print: every warning and up to `errorCap` errors, then `… and N more errors`.
    public func lines(for diagnostics: Diagnostics) -> [String] {
        var out: [String] = []
        var errorsShown = 0
        var errorsHidden = 0
        for d in diagnostics.all {
            if d.severity == .error {
                if errorsShown == DiagnosticPrinter.errorCap {
                    errorsHidden += 1
                    continue
                }
                errorsShown += 1
            }
            out.append(render(d))
        }
        if errorsHidden > 0 {
            out.append("… and \(errorsHidden) more error\(errorsHidden == 1 ? "" : "s")")
        }
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        guard useColour else { return d.formatted }
        let place = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
        let colour = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(place):\u{1B}[0m \(colour)\(d.severity.rawValue):\u{1B}[0m \(d.message)"
    }

    public func print(_ diagnostics: Diagnostics) {
        for line in lines(for: diagnostics) { printError(line) }
    }
}

/// Writes one line to standard error.
public func printError(_ line: String) {
    var text = line
    text.append("\n")
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        bytes = bytes.dropFirst(written)
    }
}
