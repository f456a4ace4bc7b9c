/// How the CSV exports write their cells (SPEC §4): RFC 4180 quoting, and text a spreadsheet would
/// run as a formula made inert (decision 93). Files start with a UTF-8 byte-order mark, which Excel
/// needs to read them as UTF-8 (decision 93).
enum CSVCell {
    /// The UTF-8 byte-order mark every CSV export starts with.
    static let byteOrderMark = "\u{FEFF}"

    /// A text cell: without the characters report.xml cannot hold (so a label reads as on the pages,
    /// and a name's ESC cannot recolour a terminal), formula-safe, then quoted as needed.
    static func text(_ value: String) -> String { quoted(formulaSafe(xmlSafe(value))) }

    /// A number as the exports format it (`-0.25` stays a number: never prefixed).
    static func number(_ value: String) -> String { quoted(value) }

    /// Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
    /// (OWASP's advice against CSV injection), so Excel, LibreOffice and Google Sheets show it as
    /// text instead of running it as a formula.
    static func formulaSafe(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
    static func quoted(_ field: String) -> String {
        // Without any of those bytes no character can be one of them (a cheap look before the
        // character-by-character one).
        let plain = field.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        }
        if plain == true { return field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
