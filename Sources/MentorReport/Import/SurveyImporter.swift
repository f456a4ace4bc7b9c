import Foundation

/// What importing one survey's export gives.
struct ImportResult: Sendable {
    var responses: [Response] = []
    var diagnostics: [Diagnostic] = []
    var bytes = 0
    /// Data rows read, and those left out on purpose (unfinished, previews, blank rows).
    var rows = 0
    var skipped = 0
}

/// Reads a survey tool's export into the survey's responses. Respondents are matched to people
/// (by email or id); answers become numbers through the scale's labels; free text is kept in memory
/// only as the YAML responses' is (counted, never written). Cross-references are then checked by the
/// validator exactly as for YAML responses.
struct SurveyImporter {
    let survey: Survey
    let spec: SurveyImport
    /// The data folder as given, for paths.
    let folder: String
    /// Index of the export in the files table, and its path as shown.
    let fileIndex: Int32
    let displayPath: String
    /// Path of the file holding `spec`, as shown.
    let specPath: String
    /// People's emails, normalized, to person id; and the emails for suggestions.
    let emails: [String: String]
    let emailList: [String]
    /// Emails (normalized) of people left out for a bad value: their rows are skipped, not reported.
    let leftOutEmails: Set<String>
    /// The export's bytes when the data folder is given in memory.
    let contents: [UInt8]?
    /// The largest export file accepted (`LoadLimits.fileBytes`), and the longest value of a cell
    /// (`LoadLimits.scalarBytes`, as for a YAML value).
    let maxBytes: Int
    let maxValueBytes: Int

    // Filled in by `run()`.
    var result = ImportResult()
    var suggestions = 0
    /// Row errors that read the same but for the row, in the order first met: printed once each,
    /// with their count and first lines (`flushRowErrors`).
    var rowErrors: [RowError] = []
    var rowErrorIndex: [String: Int] = [:]

    /// One kind of row error: where it was first met, how it reads for one row, and for several.
    struct RowError {
        var line: Int
        var column: Int
        var single: String
        /// The message for `count` rows, given the count and the list of first lines ("2, 5, 9, …").
        var many: @Sendable (_ count: Int, _ lines: String) -> String
        var lines: [Int]
        var count: Int
        /// For an answer that maps to no number: its column, and how the column reads when it is
        /// found to hold free text (the message quoting no answer; `flushRowErrors`).
        var answerColumn: Int? = nil
        var textMessage: (@Sendable (_ count: Int, _ lines: String) -> String)? = nil
        var textLike = false
    }

    /// The most distinct unknown answers a rating column may hold and still be reported one by one,
    /// quoting them (mistyped labels); more, or any text-like answer, and the column is taken for a
    /// free-text one (decision 108).
    static let quotedUnknownAnswers = 3

    /// Whether an unknown answer could be a mistyped scale label, and so may be quoted in a message:
    /// at most 30 characters and 3 words, letters, digits, spaces and `-'/()` only. Anything else
    /// could be a respondent's own words, which never reach a message (decision 108).
    static func labelLike(_ cell: String) -> Bool {
        let text = cell.trimmedExportText
        guard text.count <= 30 else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
        guard words.count <= 3 else { return false }
        return text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || " -'/()".unicodeScalars.contains($0)
        }
    }

    /// The most lines a grouped row error lists.
    static let listedRows = 3

    /// The path of an import inside the data folder (`.` parts dropped), or nil when it is absolute,
    /// climbs out with `..`, or has empty parts.
    static func relativePath(_ file: String) -> String? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        if file.isEmpty || file.hasPrefix("/") || file.contains("\\") || parts.contains("..") || parts.contains("") {
            return nil
        }
        return parts.filter { $0 != "." }.joined(separator: "/")
    }

    // MARK: Messages

    private mutating func specError(_ at: SourceLocation, _ message: String) {
        result.diagnostics.append(Diagnostic(severity: .error, file: specPath, line: Int(at.line), column: Int(at.column),
                                             message: message, fileOrder: Int(at.file)))
    }

    /// A finding about the export, at `line` and `column`: one about the whole file (nil line) is placed
    /// at line 1, and one about a whole line at its column 1, so that every finding has both.
    private mutating func error(_ line: Int?, _ column: Int?, _ message: String) {
        result.diagnostics.append(Diagnostic(severity: .error, file: displayPath, line: line ?? 1, column: column ?? 1,
                                             message: message, fileOrder: Int(fileIndex)))
    }

    private mutating func warning(_ line: Int?, _ column: Int?, _ message: String) {
        result.diagnostics.append(Diagnostic(severity: .warning, file: displayPath, line: line ?? 1, column: column ?? 1,
                                             message: message, fileOrder: Int(fileIndex)))
    }

    /// A row error that may repeat in other rows with only the row differing (`key` the same): the
    /// first is kept, the rest counted, and `flushRowErrors` prints `single` for one row, `many` for more.
    private mutating func rowError(_ line: Int, _ column: Int, key: String, _ single: String,
                                   many: @escaping @Sendable (_ count: Int, _ lines: String) -> String,
                                   answerColumn: Int? = nil, textLike: Bool = false,
                                   textMessage: (@Sendable (_ count: Int, _ lines: String) -> String)? = nil) {
        if let i = rowErrorIndex[key] {
            rowErrors[i].count += 1
            if rowErrors[i].lines.count < SurveyImporter.listedRows { rowErrors[i].lines.append(line) }
            return
        }
        rowErrorIndex[key] = rowErrors.count
        rowErrors.append(RowError(line: line, column: column, single: single, many: many, lines: [line], count: 1,
                                  answerColumn: answerColumn, textMessage: textMessage, textLike: textLike))
    }

    /// The row errors with the unknown answers of each column that holds text (a text-like answer,
    /// or more than `quotedUnknownAnswers` distinct ones) merged into one, at the column's first
    /// such row, that quotes no answer.
    private func mergingTextColumns(_ errors: [RowError]) -> [RowError] {
        var distinct: [Int: Int] = [:], textual: Set<Int> = []
        for e in errors {
            guard let c = e.answerColumn else { continue }
            distinct[c, default: 0] += 1
            if e.textLike { textual.insert(c) }
        }
        for (c, n) in distinct where n > SurveyImporter.quotedUnknownAnswers { textual.insert(c) }
        guard !textual.isEmpty else { return errors }
        var merged: [RowError] = [], slot: [Int: Int] = [:]
        for e in errors {
            guard let c = e.answerColumn, textual.contains(c), let text = e.textMessage else { merged.append(e); continue }
            if let i = slot[c] {
                merged[i].count += e.count
                merged[i].lines = Array((merged[i].lines + e.lines).sorted().prefix(SurveyImporter.listedRows))
                merged[i].line = min(merged[i].line, e.line)
            } else {
                slot[c] = merged.count
                merged.append(RowError(line: e.line, column: e.column, single: text(1, String(e.line)), many: text,
                                       lines: e.lines, count: e.count))
            }
        }
        return merged
    }

    /// Prints the row errors kept by `rowError`: each kind once, at its first row.
    private mutating func flushRowErrors() {
        for e in mergingTextColumns(rowErrors) {
            if e.count == 1 {
                error(e.line, e.column, e.single)
            } else {
                let lines = e.lines.map(String.init).joined(separator: ", ") + (e.count > e.lines.count ? ", …" : "")
                error(e.line, e.column, e.many(e.count, lines))
            }
        }
        rowErrors = []
        rowErrorIndex = [:]
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: fileIndex, line: Int32(clamping: line), column: Int32(clamping: column))
    }

    // MARK: Reading

    mutating func run() -> ImportResult {
        guard let relative = SurveyImporter.relativePath(spec.file.value) else {
            specError(spec.file.location, "import file '\(clip(spec.file.value))' is not a path inside the data folder; expected a relative path such as responses/pulse.csv, without '..'")
            return result
        }
        let path = URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent(relative).path
        let size: Int
        let dataFolder = DataFolder(path: folder)
        let realFolder = dataFolder.realFolder ?? DataFolder.unresolvable
        if let contents {
            size = contents.count
        } else {
            let found = dataFolder.entry(relative)
            if let reason = found.notAFile {
                // Not a file (a folder, a link leaving the data folder): the path alone, as the data
                // folder's own findings about such entries, for there is no line to point at.
                result.diagnostics.append(Diagnostic(severity: .error, file: displayPath, line: nil, column: nil,
                                                     message: "cannot read the file: \(reason)", fileOrder: Int(fileIndex)))
                return result
            }
            guard case .file(let bytes) = found else {
                specError(spec.file.location, "import file '\(spec.file.value)' of survey '\(survey.id)' does not exist in the data folder; expected the export saved as \(displayPath)")
                return result
            }
            size = bytes
        }
        let isWorkbook = relative.lowercased().hasSuffix(".xlsx")
        if isWorkbook && spec.format != .microsoftForms {
            specError(spec.file.location, "import file '\(spec.file.value)' is an Excel workbook, but format \(spec.format.rawValue) exports are read as CSV; expected a .csv file, or format microsoft-forms")
            return result
        }
        if size > maxBytes {
            error(nil, nil, "the file is \(megabytesText(size)); \(expectedFileSize(maxBytes))")
            return result
        }
        result.bytes = size
        do {
            if isWorkbook {
                var rows = try contents.map { try XLSXRows(bytes: $0) } ?? XLSXRows(path: path, limit: maxBytes, inside: realFolder)
                try read(&rows)
            } else {
                var rows = try contents.map { try CSVRows(bytes: $0) } ?? CSVRows(path: path, limit: maxBytes, inside: realFolder)
                try read(&rows)
            }
        } catch let failure as ExportReadError {
            error(failure.line, failure.column, failure.message)
        } catch {
            self.error(nil, nil, "cannot read the export: \(error)")
        }
        flushRowErrors()
        return result
    }

    private mutating func read<Rows: ExportRows>(_ rows: inout Rows) throws {
        let layout = ExportLayout.of(spec.format)
        var headers: [ExportRow] = []
        while headers.count < layout.headerRows, let row = try nextRow(&rows) { headers.append(row) }
        guard headers.count == layout.headerRows, !headers[0].cells.allSatisfy({ $0.isEmpty }) else {
            error(nil, nil, "the export has no header \(layout.headerRows == 1 ? "row" : "rows"); expected \(ExportLayout.describe(spec.format))")
            return
        }
        let named = SurveyImporter.columns(headers, format: spec.format)
        // Qualtrics' third header row, when there, holds ImportId JSON.
        var pending: ExportRow?
        if spec.format == .qualtrics, let row = try nextRow(&rows, named) {
            if !row[0].trimmedExportText.hasPrefix("{") { pending = row }
        }
        guard let columns = findColumns(headers, named, layout: layout) else { return }
        // Answers repeat ("Agree", "9"): each distinct cell of a question column is read once.
        var readCells = [[String: Int?]](repeating: [:], count: columns.questions.count)
        var seenIds: [String: Int] = [:]
        while let row = try pending ?? nextRow(&rows, named) {
            pending = nil
            if row.cells.allSatisfy({ $0.trimmedExportText.isEmpty }) { continue }
            result.rows += 1
            if isLeftOut(row, columns) {
                result.skipped += 1
                continue
            }
            if let idColumn = columns.responseId {
                let id = row[idColumn.index].trimmedExportText
                if !id.isEmpty {
                    if let earlier = seenIds[id] {
                        error(row.line, idColumn.index + 1, "response id '\(clip(id))' in column '\(idColumn.header)' is already used at line \(earlier); expected each response once (remove the repeated row)")
                        continue
                    }
                    seenIds[id] = row.line
                }
            }
            if let response = response(from: row, columns, readCells: &readCells) { result.responses.append(response) }
        }
        if result.rows == 0 {
            warning(headers[0].line, nil, "the export of survey '\(survey.id)' holds no responses")
        }
    }

    /// The next row of `rows`, refused (with its line and column, and the column's header once the
    /// headers are read) when a cell holds more than `maxValueBytes`: the same limit as a YAML value's.
    private func nextRow<Rows: ExportRows>(_ rows: inout Rows, _ columns: [ExportColumn] = []) throws -> ExportRow? {
        guard let row = try rows.next() else { return nil }
        for (i, cell) in row.cells.enumerated() where cell.utf8.count > maxValueBytes {
            let header = i < columns.count && !columns[i].header.isEmpty ? " in column '\(clip(columns[i].header))'" : ""
            throw ExportReadError(line: row.line, column: i + 1,
                                  message: "a value of \(cell.utf8.count) bytes\(header) is too long; expected values of at most \(megabytesText(maxValueBytes)) (names, notes and answers are far shorter)")
        }
        return row
    }

    /// Where the respondent, the completion time, the tool's own bookkeeping and each question's
    /// answers are in an export, found from its header rows.
    private struct ImportColumns {
        var respondent: ExportColumn
        var submitted: ExportColumn
        var responseId: ExportColumn?
        /// Qualtrics' `Finished`, `Status` and `DistributionChannel`; our own layout's `consent_to_quote`.
        var finished: ExportColumn?
        var status: ExportColumn?
        var channel: ExportColumn?
        var consent: ExportColumn?
        /// Each question with its column and the labels its answers may use.
        var questions: [(question: Question, column: ExportColumn, labels: [String: Int])]
    }

    /// The export's columns found among all its `columns`, or nil when one is missing or ambiguous
    /// (reported at the header row or at the import stanza).
    private mutating func findColumns(_ headers: [ExportRow], _ columns: [ExportColumn], layout: ExportLayout) -> ImportColumns? {
        let headerLine = headers[0].line

        func column(_ names: [String]) -> ExportColumn? {
            let wanted = names.map(ExportValues.normalized)
            for name in wanted {
                if let c = columns.first(where: { $0.names.contains(name) }) { return c }
            }
            return nil
        }
        func headerList() -> String {
            let shown = columns.prefix(30).map { "'\(clip($0.header))'" }.joined(separator: ", ")
            return columns.count > 30 ? shown + ", …" : shown
        }
        // A question renamed in the survey tool: the nearest header text, quoted as the export has it
        // (for Qualtrics, the question text of the second header row, with the column's id).
        let texts = columns.flatMap { c in (c.texts.isEmpty ? [c.header] : c.texts).map { (text: $0, column: c) } }
        func suggestion(_ header: String) -> String {
            guard let near = nearest(to: header, in: texts.map(\.text), longest: longestSuggestedHeader),
                  let column = texts.first(where: { $0.text == near })?.column else {
                return "; its columns are \(headerList())"
            }
            let id = column.header == near ? "" : " (column '\(clip(column.header))')"
            return " — did you mean '\(near)'\(id)?"
        }

        // Metadata columns.
        let respondentColumn: ExportColumn
        if let named = spec.respondentColumn {
            guard let c = column([named.value]) else {
                error(headerLine, 1, "the export has no column '\(clip(named.value))' (respondent_column at \(sourcePlace(file: specPath, line: Int(named.location.line), column: Int(named.location.column))))\(suggestion(named.value))")
                return nil
            }
            respondentColumn = c
        } else {
            let candidates = layout.respondentColumns[spec.respondent] ?? []
            guard !candidates.isEmpty else {
                specError(spec.location, "survey '\(survey.id)': \(spec.format.rawValue) exports have no column of person ids; expected respondent: email, or respondent_column naming the column that holds the ids")
                return nil
            }
            guard let c = column(candidates) else {
                error(headerLine, 1, "the export has no column \(candidates.map { "'\($0)'" }.joined(separator: " or ")) naming respondents by \(spec.respondent.rawValue); expected \(ExportLayout.describe(spec.format)), or respondent_column in the import")
                return nil
            }
            respondentColumn = c
        }
        guard let submittedColumn = column(layout.submittedColumns) else {
            error(headerLine, 1, "the export has no column '\(layout.submittedColumns[0])' with the completion time; expected \(ExportLayout.describe(spec.format))")
            return nil
        }
        var found = ImportColumns(respondent: respondentColumn, submitted: submittedColumn,
                                  responseId: column(layout.responseIdColumns),
                                  finished: spec.format == .qualtrics ? column(["Finished"]) : nil,
                                  status: spec.format == .qualtrics ? column(["Status"]) : nil,
                                  channel: spec.format == .qualtrics ? column(["DistributionChannel"]) : nil,
                                  consent: spec.format == .csv ? column(["consent_to_quote"]) : nil,
                                  questions: [])

        // Question columns.
        var mapped: [String: Located<String>] = [:]
        for (question, header) in spec.columns {
            if survey.question(question.value) == nil {
                let ids = survey.questions.map(\.id)
                specError(question.location, "question '\(question.value)' in import columns is not in survey '\(survey.id)'"
                          + (nearest(to: question.value, in: ids).map { " — did you mean '\($0)'?" } ?? "; expected \(oneOf(ids, none: "none (the survey has no questions)"))"))
                continue
            }
            mapped[question.value] = header
        }
        var extraLabels: [String: Int] = [:]
        for (label, value) in spec.labels { extraLabels[ExportValues.normalized(label.value)] = value }
        for question in survey.questions {
            let matching: [ExportColumn]
            if let header = mapped[question.id] {
                let name = ExportValues.normalized(header.value)
                matching = columns.filter { $0.names.contains(name) }
                if matching.isEmpty {
                    error(headerLine, 1, "the export has no column '\(header.value)' for question '\(question.id)' (mapped at \(sourcePlace(file: specPath, line: Int(header.location.line), column: Int(header.location.column))))\(suggestion(header.value))")
                    continue
                }
            } else {
                var names = [ExportValues.normalized(question.text)]
                if spec.format == .csv { names.append(ExportValues.normalized(question.id)) }
                matching = columns.filter { c in c.names.contains(where: names.contains) }
                if matching.isEmpty {
                    error(headerLine, 1, "the export has no column for question '\(question.id)' (\(clip(question.text))); expected a column headed by the question's text, or a mapping in import columns\(suggestion(question.text))")
                    continue
                }
            }
            if matching.count > 1 {
                error(headerLine, matching[1].index + 1, "question '\(question.id)' matches \(matching.count) columns (\(matching.map { "'\(clip($0.header))'" }.joined(separator: ", "))); expected one: map it to one header in import columns")
                continue
            }
            var labels = Dictionary(uniqueKeysWithValues: ExportValues.builtInLabels[question.scale] ?? [])
            labels.merge(extraLabels) { _, extra in extra }
            found.questions.append((question, matching[0], labels))
        }
        if result.diagnostics.contains(where: { $0.severity == .error }) { return nil }
        return found
    }

    /// True for a row the survey tool marks as not a real answer: unfinished, a preview, a test or spam.
    private func isLeftOut(_ row: ExportRow, _ columns: ImportColumns) -> Bool {
        if let finished = columns.finished {
            let value = ExportValues.normalized(row[finished.index])
            if value == "false" || value == "0" { return true }
        }
        if let status = columns.status, SurveyImporter.qualtricsTestStatuses.contains(ExportValues.normalized(row[status.index])) {
            return true
        }
        if let channel = columns.channel, ExportValues.normalized(row[channel.index]) == "preview" { return true }
        return false
    }

    /// One row as a response, or nil when its respondent, date or an answer cannot be read (reported
    /// at the cell). `readCells` remembers each question column's cells already turned into numbers.
    private mutating func response(from row: ExportRow, _ columns: ImportColumns, readCells: inout [[String: Int?]]) -> Response? {
        // Respondent.
        let respondentColumn = columns.respondent
        let who = row[respondentColumn.index].trimmedExportText
        let respondent: String
        if who.isEmpty || ExportValues.normalized(who) == "anonymous" {
            let header = respondentColumn.header
            let expected = "expected the respondent's \(spec.respondent == .email ? "email (collect names or emails in the survey tool; anonymous responses cannot be matched)" : "person id")"
            rowError(row.line, respondentColumn.index + 1, key: "respondent",
                     "the response has no respondent in column '\(header)'; \(expected)",
                     many: { n, lines in "\(n) responses have no respondent in column '\(header)' (lines \(lines)); \(expected)" })
            return nil
        }
        if spec.respondent == .email {
            guard let person = emails[ExportValues.normalized(who)] else {
                if leftOutEmails.contains(ExportValues.normalized(who)) { return nil }
                var message = "respondent '\(clip(who))' in column '\(respondentColumn.header)' is not the email of any person"
                if suggestions < 100 {
                    suggestions += 1
                    message += nearest(to: who, in: emailList).map { " — did you mean '\($0)'?" } ?? "; expected the email of a person in people"
                } else {
                    message += "; expected the email of a person in people"
                }
                error(row.line, respondentColumn.index + 1, message)
                return nil
            }
            respondent = person
        } else {
            respondent = who
        }
        // Submitted.
        let when = row[columns.submitted.index]
        guard let submitted = ExportValues.day(when, order: spec.dateOrder) else {
            let value = clip(when), header = columns.submitted.header
            if spec.dateOrder == .monthFirst, ExportValues.day(when, order: .dayFirst) != nil {
                // A date with a day over 12 in the month's place: the export writes the day first,
                // and its dates with both under 13 were read the wrong way round.
                let fix = "add date_order: day-first to the import (at \(sourcePlace(file: specPath, line: Int(spec.location.line), column: Int(spec.location.column))))"
                rowError(row.line, columns.submitted.index + 1, key: "day-first",
                         "'\(value)' in column '\(header)' is not a date month first; the export writes the day first — \(fix)",
                         many: { n, lines in "\(n) rows have dates like '\(value)' in column '\(header)' (lines \(lines)), day first — \(fix)" })
            } else {
                let expected = "expected a date such as 2026-06-10 09:15:32, 6/10/2026 9:15:32 (month first unless date_order: day-first) or 2026/06/10"
                rowError(row.line, columns.submitted.index + 1, key: "date",
                         "'\(value)' in column '\(header)' is not a date; \(expected)",
                         many: { n, lines in "\(n) rows have values like '\(value)' in column '\(header)' that are not dates (lines \(lines)); \(expected)" })
            }
            return nil
        }
        guard submitted.isInSupportedYears else {
            let value = clip(when), header = columns.submitted.header
            let expected = "expected a date \(Day.supportedRangeText)"
            let years = "\(Day.supportedYears.lowerBound) to \(Day.supportedYears.upperBound)"
            rowError(row.line, columns.submitted.index + 1, key: "year",
                     "the year of '\(value)' in column '\(header)' must be from \(years); \(expected)",
                     many: { n, lines in "\(n) rows have dates like '\(value)' in column '\(header)' whose year is not from \(years) (lines \(lines)); \(expected)" })
            return nil
        }
        var consent = false
        if let consentColumn = columns.consent {
            switch ExportValues.normalized(row[consentColumn.index]) {
            case "true", "yes", "1": consent = true
            case "false", "no", "0", "": consent = false
            case let other:
                let value = clip(other)
                rowError(row.line, consentColumn.index + 1, key: "consent:" + other,
                         "'\(value)' in column 'consent_to_quote' is not true or false; expected true, false or empty",
                         many: { n, lines in "'\(value)' in column 'consent_to_quote' of \(n) rows (lines \(lines)) is not true or false; expected true, false or empty" })
            }
        }
        // Answers.
        var answers: [Answer] = []
        var rowFailed = false
        for (k, (question, column, labels)) in columns.questions.enumerated() {
            let cell = row[column.index]
            if cell.trimmedExportText.isEmpty { continue }
            let location = at(row.line, column.index + 1)
            if question.scale == .text {
                answers.append(Answer(question: question.id, value: .text(cell), location: location))
                continue
            }
            let number: Int?
            if let known = readCells[k][cell] {
                number = known
            } else {
                number = ExportValues.number(cell, labels: labels)
                if readCells[k].count < 10_000 { readCells[k][cell] = number }
            }
            guard let n = number else {
                let header = clip(column.header)
                let what = "column '\(header)' (mapped to \(question.scale.rawValue) question '\(question.id)')"
                let textMessage: @Sendable (Int, String) -> String = { n, lines in
                    "\(what) holds text in \(n == 1 ? "1 row (line \(lines))" : "\(n) rows (lines \(lines))"); expected numbers or scale labels — is it a free-text question?"
                }
                if !SurveyImporter.labelLike(cell) {
                    // Possibly a respondent's own words: never quoted.
                    rowError(row.line, column.index + 1, key: "answertext:\(column.index)",
                             textMessage(1, String(row.line)), many: textMessage,
                             answerColumn: column.index, textLike: true, textMessage: textMessage)
                    rowFailed = true
                    continue
                }
                let answer = "answer '\(clip(cell))' in column '\(header)'"
                let rest = "maps to no number for question '\(question.id)' (\(question.scale.rawValue)); expected a whole number or one of \(ExportValues.labelList(question.scale))\(spec.labels.isEmpty ? "" : " or the import's labels"); add it under import labels"
                rowError(row.line, column.index + 1, key: "answer:\(column.index):" + cell,
                         "\(answer) \(rest)",
                         many: { n, lines in "\(answer) of \(n) rows (lines \(lines)) \(rest)" },
                         answerColumn: column.index, textMessage: textMessage)
                rowFailed = true
                continue
            }
            answers.append(Answer(question: question.id, value: .number(n), location: location))
        }
        if rowFailed { return nil }
        return Response(survey: Located(survey.id, at: spec.location),
                        respondent: Located(respondent, at: at(row.line, respondentColumn.index + 1)),
                        submitted: submitted, consentToQuote: consent, answers: answers, location: at(row.line, 1))
    }

    /// Qualtrics' `Status` values of responses that are not real answers: previews, tests and spam,
    /// as labels or as the numeric codes of a "numeric values" export.
    static let qualtricsTestStatuses: Set<String> = [
        "survey preview", "survey test", "spam", "preview spam", "imported spam", "offline survey preview",
        "1", "2", "8", "9", "12", "17",
    ]

    /// The columns of an export with the names they can be matched by.
    static func columns(_ headers: [ExportRow], format: ExportFormat) -> [ExportColumn] {
        let width = headers.map(\.cells.count).max() ?? 0
        var columns: [ExportColumn] = []
        var carried = ""
        for i in 0..<width {
            let first = headers[0][i].trimmedExportText
            switch format {
            case .qualtrics:
                let text = headers.count > 1 ? headers[1][i].trimmedExportText : ""
                columns.append(ExportColumn(index: i, header: first.isEmpty ? text : first,
                                            names: [ExportValues.normalized(first), ExportValues.normalized(text)].filter { !$0.isEmpty },
                                            texts: [first, text].filter { !$0.isEmpty }))
            case .surveymonkey:
                if !first.isEmpty { carried = first }
                let sub = headers.count > 1 ? headers[1][i].trimmedExportText : ""
                let generic = ["", "response", "open-ended response"].contains(ExportValues.normalized(sub))
                let header = generic ? carried : carried + " - " + sub
                columns.append(ExportColumn(index: i, header: header, names: [ExportValues.normalized(header)]))
            default:
                columns.append(ExportColumn(index: i, header: first, names: [ExportValues.normalized(first)]))
            }
        }
        return columns
    }
}

extension String {
    /// The text without surrounding whitespace, cheaply when there is none.
    var trimmedExportText: String { ExportValues.trimmed(self) }
}
