/// One finding about the data: an error (the run writes nothing) or a warning (policy findings
/// and other doubts that do not stop a report; errors under `--strict`).
public struct Diagnostic: Hashable, Sendable {
    /// Whether a finding stops the run (`error`) or not (`warning`).
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        /// Errors come before warnings.
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// Error or warning.
    public var severity: Severity
    /// The file's path as shown to the user (data folder joined with the file's relative path).
    public var file: String
    /// The 1-based line the finding points at (1 for a finding about a file as a whole); nil only when
    /// there is no file to open: the data folder, a sub-folder, a missing file or one that is no file.
    public var line: Int?
    /// The 1-based column on `line`; nil when the finding names a line only, or no line.
    public var column: Int?
    /// What is wrong, without the suggestion (see `text`).
    public var message: String
    /// A "did you mean", worked out when the message is shown (`text`), not when it is found.
    var suggestion: Suggestion?
    /// Orders diagnostics by reading order of the files.
    var fileOrder: Int

    /// A finding of the caller's own; `Diagnostics.sort` orders it with the findings of the first file read.
    public init(severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.init(severity: severity, file: file, line: line, column: column, message: message, suggestion: nil)
    }

    init(severity: Severity, file: String, line: Int?, column: Int?, message: String,
         suggestion: Suggestion? = nil, fileOrder: Int = 0) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
        self.fileOrder = fileOrder
    }

    /// The message as shown: with its suggestion, when it has one.
    public var text: String {
        guard let suggestion else { return message }
        return message + suggestion.text
    }

    /// Where the finding points, as messages write it: `file:line:column`, `file:line` or `file`.
    public var place: String { sourcePlace(file: file, line: line, column: column) }

    /// `file:line:column: severity: message`, the form compilers use, so editors can jump to it.
    public var formatted: String { "\(place): \(severity.rawValue): \(text)" }
}

/// All findings of a run, in the order of the files and positions they point at.
public struct Diagnostics: Sendable {
    /// Every finding, errors and warnings together.
    public private(set) var all: [Diagnostic] = []

    /// No findings.
    public init() {}

    /// Adds one finding at the end (`sort` puts it in place).
    public mutating func append(_ d: Diagnostic) { all.append(d) }
    /// Adds findings at the end (`sort` puts them in place).
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    /// The errors, in order.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    /// The warnings, in order.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    /// Whether any finding is an error (then no report may be written).
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Warnings turned into errors, for `--strict`.
    public mutating func promoteWarnings() {
        for i in all.indices where all[i].severity == .warning { all[i].severity = .error }
    }

    /// Sorted by file reading order, line, column, then text: stable output for the same data.
    public mutating func sort() {
        all.sort { a, b in
            // A finding with no line comes before those at lines, and a line's before its columns'.
            (a.fileOrder, a.line ?? 0, a.column ?? 0, a.severity == .error ? 0 : 1, a.message)
                < (b.fileOrder, b.line ?? 0, b.column ?? 0, b.severity == .error ? 0 : 1, b.message)
        }
    }
}
