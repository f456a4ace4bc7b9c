/// `OUT/kpis-history.csv` (SPEC §4, 2026-12): `period,id,value,unit,n,status` for every month folder of
/// the output folder's audience, in long format for pivot tables and BI tools: by period, then in each
/// month's catalogue order. Built from the months' own `kpis.csv` (decision 94), so a row says exactly
/// what that month's file says; written like it (RFC 4180, CRLF, byte-order mark, formula-safe text).
struct KPIHistoryCSV {
    static let header = "period,id,value,unit,n,status"

    /// The file's text for `months` (each with its kpis.csv bytes, nil when it has none; any order), and the months left out
    /// because their kpis.csv could not be read, with why.
    static func text(_ months: [(month: Month, kpis: [UInt8]?)]) -> (text: String, skipped: [(month: Month, reason: String)]) {
        var out = CSVCell.byteOrderMark + header + "\r\n"
        var skipped: [(month: Month, reason: String)] = []
        for (month, bytes) in months.sorted(by: { $0.month < $1.month }) {
            guard let bytes else {
                skipped.append((month, "it is missing, or not a regular file"))
                continue
            }
            do {
                out += try rows(of: month, bytes)
            } catch let failure as ExportReadError {
                skipped.append((month, failure.line.map { "line \($0): \(failure.message)" } ?? failure.message))
            } catch {
                skipped.append((month, "\(error)"))
            }
        }
        return (out, skipped)
    }

    /// One month's rows, in its kpis.csv's order (its catalogue order).
    private static func rows(of month: Month, _ bytes: [UInt8]) throws -> String {
        var rows = try CSVRows(bytes: bytes)
        guard let header = try rows.next() else { throw ExportReadError(message: "kpis.csv is empty") }
        var columns: [Int] = []
        for name in ["id", "value", "unit", "n", "status"] {
            guard let i = header.cells.firstIndex(of: name) else {
                throw ExportReadError(message: "kpis.csv has no column '\(name)'; expected the header \(KPICSV.header)")
            }
            columns.append(i)
        }
        var out = ""
        while let row = try rows.next() {
            if row.cells.allSatisfy(\.isEmpty) { continue }
            let id = row[columns[0]], value = row[columns[1]], unit = row[columns[2]], n = row[columns[3]], status = row[columns[4]]
            out += [CSVCell.text(month.description), CSVCell.text(id), cell(value), CSVCell.text(unit), cell(n), CSVCell.text(status)]
                .joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A number cell read back: kept as a number when it is one as the exports write them, else text
    /// (made formula-safe: a kpis.csv edited by hand must not smuggle a formula into the history).
    private static func cell(_ text: String) -> String {
        isExportNumber(text) ? CSVCell.number(text) : CSVCell.text(text)
    }

    /// `-?digits(.digits)?`, or empty.
    static func isExportNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.isEmpty { return true }
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
