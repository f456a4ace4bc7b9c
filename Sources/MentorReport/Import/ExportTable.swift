/// One row of a survey tool's export: its cells as text, and where it starts.
struct ExportRow {
    var cells: [String]
    /// The 1-based line of a CSV file where the row starts, or the row number of a spreadsheet.
    var line: Int

    subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
}

/// Rows of an export, read one at a time so that large exports never sit in memory whole.
protocol ExportRows {
    mutating func next() throws -> ExportRow?
}

extension ExportRows {
    /// An export file's bytes, read as data files are: a regular file only, at most `limit` bytes,
    /// the file opened lying inside the data folder whose real path is `folder` (decision 106).
    static func bytes(ofExport path: String, limit: Int, inside folder: String) throws -> [UInt8] {
        do {
            // The bytes are borrowed from `file`: it must live until they are copied.
            let file = try FileBytes(path: path, limit: limit, inside: folder)
            return withExtendedLifetime(file) { Array(file.bytes) }
        } catch {
            throw ExportReadError(message: "cannot read the file: \(error)")
        }
    }
}

/// An export file that cannot be read as the format it claims to be.
struct ExportReadError: Error {
    /// 1-based; nil when the problem is the file's as a whole.
    var line: Int? = nil
    /// 1-based; nil when the problem is a whole line's.
    var column: Int? = nil
    var message: String
}

/// The most bytes an export may hold, as a file or inside a spreadsheet package, so that a
/// compressed "zip bomb" or a runaway file fails with a message instead of eating memory.
let exportByteLimit = 512 * bytesPerMegabyte
