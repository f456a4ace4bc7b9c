import Foundation

/// Reading answers and dates as survey tools write them.
enum ExportValues {
    /// Text as compared when matching headers and labels: trimmed, inner whitespace runs as one space,
    /// lower case. Survey tools differ in capitals and spacing, never in words.
    static func normalized(_ text: String) -> String {
        // ASCII text (nearly every cell) is folded byte by byte; the rest by the Unicode rules.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for b in text.utf8 {
            if b >= 0x80 {
                return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text without leading and trailing whitespace (ASCII spaces, tabs and line breaks, and
    /// Unicode spaces such as the no-break space spreadsheets leave behind).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// English answer labels every import understands, by scale.
    static let builtInLabels: [Scale: [(String, Int)]] = [
        .likert5: [("strongly disagree", 1), ("disagree", 2), ("neither agree nor disagree", 3), ("neutral", 3),
                   ("agree", 4), ("strongly agree", 5),
                   ("very dissatisfied", 1), ("dissatisfied", 2), ("neither satisfied nor dissatisfied", 3),
                   ("satisfied", 4), ("very satisfied", 5)],
        .nps: [("not at all likely", 0), ("extremely likely", 10)],
    ]

    /// Labels shown in messages for a scale.
    static func labelList(_ scale: Scale) -> String {
        (builtInLabels[scale] ?? []).map { "'\($0.0)'" }.joined(separator: ", ")
    }

    /// A numeric answer from its cell: a whole number ("4", "4.0" as spreadsheets write it), a number
    /// leading a label ("10 - Extremely likely", "0 (Not at all likely)"), or a known label.
    static func number(_ cell: String, labels: [String: Int]) -> Int? {
        let text = normalized(cell)
        if let n = Int(text) { return n }
        if let x = Double(text), x.rounded() == x, abs(x) < 1e9 { return Int(x) }
        if let n = labels[text] { return n }
        // A whole number followed by a separator and a label.
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3, let n = Int(digits) {
            let rest = text.dropFirst(digits.count).drop(while: { $0 == " " })
            if let c = rest.first, "-–—:)(".contains(c) { return n }
        }
        return nil
    }

    /// The day of a timestamp as survey tools write it: ISO (`2026-06-10 09:15:32`, Qualtrics),
    /// `2026/06/10 9:15:32 AM GMT+1` (Google Forms), slash dates month- or day-first
    /// (`06/10/2026 09:15:32 AM`, SurveyMonkey; `6/10/2026 9:15:32`, Microsoft Forms as CSV), dotted
    /// dates day-first (`10.06.2026`), or an Excel serial number (`46183.385`, .xlsx cells). The time
    /// and any zone are ignored: the day is the one written.
    static func day(_ cell: String, order: DateOrder) -> Day? {
        let text = trimmed(cell)
        guard let first = text.first else { return nil }
        if first.isNumber, !text.contains("/"), !text.contains("-"), !text.contains("."),
           let serial = Int(text) {
            return excelSerial(Double(serial))
        }
        if let x = Double(text), !text.contains("-"), text.contains(".") {
            let fields = text.split(separator: ".")
            if fields.count == 2 { return excelSerial(x) }
        }
        let datePart = text.prefix(while: { !$0.isWhitespace && $0 != "T" })
        var fields: [Substring] = []
        var separator: Character?
        for c in ["-", "/", "."] as [Character] where datePart.contains(c) {
            fields = datePart.split(separator: c, omittingEmptySubsequences: false)
            separator = c
            break
        }
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2]) else { return nil }
        if fields[0].count == 4 { return Day(year: a, month: b, day: c) }
        guard fields[2].count == 4 || fields[2].count == 2, separator != "-" else { return nil }
        let year = fields[2].count == 2 ? 2000 + c : c
        if separator == "." || order == .dayFirst { return Day(year: year, month: b, day: a) }
        return Day(year: year, month: a, day: b)
    }

    /// Excel's 1900 date system: day 1 is 1900-01-01, with its phantom 1900-02-29, so serials from
    /// 61 on count from 1899-12-30.
    static func excelSerial(_ x: Double) -> Day? {
        guard x >= 61, x < 2_958_466 else { return nil }
        let epoch = Day(year: 1899, month: 12, day: 30)!
        return epoch.adding(days: Int(x.rounded(.down)))
    }
}
