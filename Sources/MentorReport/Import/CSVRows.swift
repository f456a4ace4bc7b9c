import CSV
import Foundation

/// Rows of a CSV export (RFC 4180: quoted fields with embedded delimiters, quotes and line breaks;
/// CRLF or LF), parsed by yaslab/CSV.swift. Before parsing, one pass over the bytes checks what the
/// library lets through silently (text that is not UTF-8, a quote left open at the end of the file),
/// drops a UTF-8 byte-order mark and finds the delimiter: a comma, or a semicolon or tab where the
/// header row has more of those (spreadsheets in locales with a decimal comma write semicolons).
struct CSVRows: ExportRows {
    private let reader: CSVReader
    private var nextLine = 1
    let delimiter: UnicodeScalar

    /// The export at `path`, which must lie inside the data folder whose real path is `folder`.
    init(path: String, limit: Int, inside folder: String) throws {
        try self.init(bytes: Self.bytes(ofExport: path, limit: limit, inside: folder))
    }

    init(bytes all: [UInt8]) throws {
        var bytes = all[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ExportReadError(message: "the file is UTF-16 encoded; expected UTF-8 (in Excel: Save As → CSV UTF-8)")
        }
        let scan = CSVRows.scan(bytes)
        if let line = scan.textAfterQuoteLine {
            throw ExportReadError(line: line, message: "text follows the closing quote of a quoted field; expected the delimiter '\(scan.delimiter)' or the end of the line after it (quotes inside a field are written twice: \"\")")
        }
        if let line = scan.openQuoteLine {
            throw ExportReadError(line: line, message: "a quoted field opened on this line is never closed; expected a closing '\"' (quotes inside a field are written twice: \"\")")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let save = "in Excel: Save As → CSV UTF-8"
            guard let bad = InvalidUTF8.first(in: bytes) else {
                throw ExportReadError(line: 1, column: 1, message: "the file is not valid UTF-8 text; expected a UTF-8 CSV file (\(save))")
            }
            throw ExportReadError(line: bad.line, column: bad.column, message: bad.message(expected: "a UTF-8 CSV file", howToSave: save))
        }
        delimiter = scan.delimiter
        reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: scan.delimiter)
    }

    mutating func next() throws -> ExportRow? {
        guard let cells = reader.next() else {
            if let failure = reader.error {
                throw ExportReadError(line: nextLine, message: "cannot read the CSV: \(failure)")
            }
            return nil
        }
        let row = ExportRow(cells: cells, line: nextLine)
        // The next row starts after this one's line breaks, those inside quoted fields included.
        var breaks = 1
        for cell in cells where cell.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            var previous: UInt8 = 0
            for b in cell.utf8 {
                if b == 0x0A && previous != 0x0D || b == 0x0D { breaks += 1 }
                previous = b
            }
        }
        nextLine += breaks
        return row
    }

    /// Passes over the bytes as the parser will read them: the delimiter of the header row, then the
    /// line of a quoted field still open at the end, or of text after a closing quote, if any.
    static func scan(_ bytes: ArraySlice<UInt8>) -> (delimiter: UnicodeScalar, openQuoteLine: Int?, textAfterQuoteLine: Int?) {
        let delimiter = headerDelimiter(bytes)
        let separator = UInt8(delimiter.value)
        let quote = UInt8(ascii: "\""), cr = UInt8(0x0D), lf = UInt8(0x0A)
        var line = 1, quoteLine = 0
        var quoted = false, closing = false, fieldStart = true
        var previous: UInt8 = 0
        for b in bytes {
            defer { previous = b }
            if b == cr || (b == lf && previous != cr) { line += 1 }
            if quoted {
                if closing {
                    closing = false
                    if b == quote { continue }      // an escaped quote
                    // The field has closed: only a delimiter or a line break may follow (the parser
                    // would otherwise carry on inside the quotes, swallowing the rows after it).
                    guard b == separator || b == cr || b == lf else { return (delimiter, nil, line) }
                    quoted = false
                } else {
                    if b == quote { closing = true }
                    continue
                }
            }
            if b == quote && fieldStart {
                quoted = true
                quoteLine = line
                fieldStart = false
            } else {
                fieldStart = b == separator || b == cr || b == lf
            }
        }
        return (delimiter, quoted && !closing ? quoteLine : nil, nil)
    }

    /// The delimiter most used outside quotes in the first row: comma, semicolon or tab.
    private static func headerDelimiter(_ bytes: ArraySlice<UInt8>) -> UnicodeScalar {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if b == UInt8(ascii: ",") { comma += 1 } else if b == UInt8(ascii: ";") { semicolon += 1 } else if b == 0x09 { tab += 1 }
        }
        if semicolon > comma && semicolon >= tab { return ";" }
        return tab > comma ? "\t" : ","
    }
}
