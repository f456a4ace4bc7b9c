#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints diagnostics to standard error, colouring the severity only when stderr is a terminal.
public struct DiagnosticPrinter {
    /// The most errors, and the most warnings, printed one by one; the rest are counted.
    public static let errorCap = 100
    /// The most warnings printed one by one.
    public static let warningCap = 100

    /// Colour the place and severity with terminal escape codes.
    public var useColour: Bool

    /// A printer colouring its output when `useColour` (by default, when standard error is a terminal).
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

    /// One diagnostic as printed: the data's text (file names, quoted values) with control characters
    /// escaped, so a value cannot drive the terminal; colour codes, when on, are the printer's own.
    public func render(_ d: Diagnostic) -> String {
        guard useColour else { return escapingControlCharacters(d.formatted) }
        let colour = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(escapingControlCharacters(d.place)):\u{1B}[0m \(colour)\(d.severity.rawValue):\u{1B}[0m "
            + escapingControlCharacters(d.text)
    }

    /// Writes `lines(for:)` to standard error.
    public func print(_ diagnostics: Diagnostics) {
        // Rendered lines are escaped already and may hold colour codes: written as they are.
        for line in lines(for: diagnostics) { writeStandardError(line + "\n") }
    }
}

/// Writes one line to standard error, its control characters escaped (line breaks kept: usage messages
/// span lines). Every message of the tool goes through here or through `DiagnosticPrinter`.
package func printError(_ line: String) {
    writeStandardError(escapingControlCharacters(line, keepingLineBreaks: true) + "\n")
}

/// `text` with each control character (C0, DEL and C1: U+0000–U+001F, U+007F–U+009F) and each
/// bidirectional formatting character (U+202E …) written as `\u{1B}`, as Swift spells it, so that data quoted in a message (a name holding ESC [2J) cannot move
/// the cursor, clear the screen or retitle the terminal. With `keepingLineBreaks`, "\n" stays.
package func escapingControlCharacters(_ text: String, keepingLineBreaks: Bool = false) -> String {
    // Nearly every message has none: checked byte by byte first (C1 controls are 0xC2 0x80–0x9F).
    var utf8 = text.utf8.makeIterator()
    var found = false
    var previous: UInt8 = 0, beforePrevious: UInt8 = 0
    while let b = utf8.next() {
        if (b < 0x20 && !(keepingLineBreaks && b == 0x0A)) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F)
            || (previous == 0xD8 && b == 0x9C)
            || (beforePrevious == 0xE2 && previous == 0x80 && (b == 0x8E || b == 0x8F || (0xAA...0xAE).contains(b)))
            || (beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(b)) {
            found = true
            break
        }
        beforePrevious = previous
        previous = b
    }
    guard found else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if (v < 0x20 && !(keepingLineBreaks && v == 0x0A)) || (0x7F...0x9F).contains(v) || isBidiControl(v) {
            out.append(contentsOf: "\\u{\(String(v, radix: 16, uppercase: true))}".unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}

/// The bidirectional formatting characters (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069):
/// printed raw, a right-to-left override makes the rest of a message read backwards ("Trojan Source").
private func isBidiControl(_ v: UInt32) -> Bool {
    v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
}

/// Writes `text` to standard error as it is (no newline added), all of it.
package func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        bytes = bytes.dropFirst(written)
    }
}
