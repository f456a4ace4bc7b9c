#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints diagnostics to standard error, colouring the severity only when stderr is a terminal.
public struct DiagnosticPrinter {
    /// The most errors, and the most warnings, printed one by one; the rest are counted.
    public static let errorCap = 100
    public static let warningCap = 100

    public var useColour: Bool

    public init(useColour: Bool = isatty(2) == 1) { self.useColour = useColour }

    /// The lines to print: up to `errorCap` errors and `warningCap` warnings in reading order, then
    /// `… and N more errors` and `… and N more warnings`.
    public func lines(for diagnostics: Diagnostics) -> [String] {
        var out: [String] = []
        var shown: [Diagnostic.Severity: Int] = [:], hidden: [Diagnostic.Severity: Int] = [:]
        for d in diagnostics.all {
            let cap = d.severity == .error ? DiagnosticPrinter.errorCap : DiagnosticPrinter.warningCap
            if shown[d.severity, default: 0] == cap {
                hidden[d.severity, default: 0] += 1
                continue
            }
            shown[d.severity, default: 0] += 1
            out.append(render(d))
        }
        for severity in [Diagnostic.Severity.error, .warning] {
            if let n = hidden[severity] {
                out.append("… and \(counted(n, "more \(severity.rawValue)"))")
            }
        }
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        guard useColour else { return d.formatted }
        let place = d.line > 0 ? (d.column > 0 ? "\(d.file):\(d.line):\(d.column)" : "\(d.file):\(d.line)") : d.file
        let colour = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(place):\u{1B}[0m \(colour)\(d.severity.rawValue):\u{1B}[0m \(d.message)"
    }

    public func print(_ diagnostics: Diagnostics) {
        for line in lines(for: diagnostics) { printError(line) }
    }
}

/// Writes one line to standard error.
public func printError(_ line: String) {
    writeStandardError(line + "\n")
}

/// Writes `text` to standard error as it is (no newline added), all of it.
public func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        bytes = bytes.dropFirst(written)
    }
}
