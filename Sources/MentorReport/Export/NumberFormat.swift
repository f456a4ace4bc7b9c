import Foundation

/// A number as the exports write it (SPEC §4): `.` as decimal point, at most 4 decimals, no trailing
/// zeros, integers without decimals, never `-0`.
func formatNumber(_ x: Double) -> String {
    var text = String(format: "%.4f", x)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" { text = "0" }
    return text
}
