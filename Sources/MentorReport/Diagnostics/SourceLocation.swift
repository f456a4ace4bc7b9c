/// Where a value came from: a file of the data folder and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// Index into the loaded data's `files` table (reading order).
    public var file: Int32
    /// 1-based line in the file.
    public var line: Int32
    /// 1-based column on the line.
    public var column: Int32

    /// The place at `line` and `column` of the file at index `file` of `ProgrammeData.files`.
    public init(file: Int32, line: Int32, column: Int32) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Reading order: by file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A value together with the place it was read from, for messages about it.
public struct Located<Value> {
    /// The value as read.
    public var value: Value
    /// Where it was read.
    public var location: SourceLocation

    /// `value`, read at `location`.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}

/// The one way messages write a place: `file:line:column`, `file:line` when there is no column, or
/// `file` alone for a finding with no line to open (the data folder, a missing file; findings about a
/// file that is there are placed at 1:1). `Diagnostic.formatted`, the printer's coloured form
/// and messages naming another place ("already used at …", a survey import's "mapped at …") all use it.
func sourcePlace(file: String, line: Int?, column: Int?) -> String {
    guard let line else { return file }
    guard let column else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
}
