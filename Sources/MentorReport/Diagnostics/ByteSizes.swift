import Foundation

/// What "MB" means in every message, limit and summary of the tool: 1 MB = 1,048,576 bytes (2^20),
/// the unit the limits are set in (docs/decisions.md, decision 66).
package let bytesPerMegabyte = 1_048_576

/// A byte count for messages about limits: "512 MB", "1.5 MB", "900 bytes".
func megabytesText(_ bytes: Int) -> String {
    if bytes < bytesPerMegabyte { return "\(bytes) bytes" }
    let mb = Double(bytes) / Double(bytesPerMegabyte)
    return mb == mb.rounded() ? "\(Int(mb)) MB" : String(format: "%.1f MB", mb)
}

/// A count with thousands separated by commas, as messages write byte counts: "1,048,577".
func groupedCount(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}

/// A byte count for summary lines, always with one decimal: "0.3 MB", "30.8 MB".
package func megabytesFigure(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / Double(bytesPerMegabyte))
}
