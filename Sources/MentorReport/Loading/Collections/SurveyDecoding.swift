extension YAMLReader {
    static let surveyKeys = ["id", "title", "kind", "audience", "opens", "questions", "import"]
    static let importKeys = ["file", "format", "respondent", "respondent_column", "columns", "labels", "date_order"]
    static let questionKeys = ["id", "text", "scale", "competency", "measure"]
    static let responseKeys = ["survey", "respondent", "submitted", "consent_to_quote", "answers"]

    func decodeSurvey() throws -> Survey? {
        var id: Located<String>?, title: String?, kind: SurveyKind?, audience: Audience?, opens: Day?
        var questions: [Question] = []
        var importSpec: SurveyImport?
        guard let info = try mapping("survey", known: YAMLReader.surveyKeys, { key in
            switch key.value {
            case "id": id = try self.id("id")
            case "title": title = try string("title")
            case "kind": kind = try choice("kind", SurveyKind.self)
            case "audience": audience = try choice("audience", Audience.self)
            case "opens": opens = try day("opens")
            case "import": importSpec = try decodeImport()
            default:
                try sequence("questions") {
                    if let q = try decodeQuestion() { questions.append(q) }
                }
            }
        }) else { return nil }
        var named = info
        if let id { named.what = "survey '\(id.value)'" }
        guard let id = require(id, "id", in: named, expected: YAMLReader.idExpectation),
              let title = require(title, "title", in: named, expected: "text"),
              let kind = require(kind, "kind", in: named, expected: "one of baseline, checkin, final"),
              let audience = require(audience, "audience", in: named, expected: "mentees or mentors"),
              let opens = require(opens, "opens", in: named, expected: "the date the survey opens, as YYYY-MM-DD") else { return nil }
        return Survey(id: id.value, title: title, kind: kind, audience: audience, opens: opens,
                      questions: questions, importSpec: importSpec, location: id.location)
    }

    /// `import`: an export file of a survey tool and how to read it.
    private func decodeImport() throws -> SurveyImport? {
        var file: Located<String>?, format: ExportFormat?, respondent: RespondentKey?, respondentColumn: Located<String>?
        var columns: [(question: Located<String>, header: Located<String>)] = []
        var labels: [(label: Located<String>, value: Int)] = []
        var dateOrder: DateOrder?
        guard let info = try mapping("import", known: YAMLReader.importKeys, { key in
            switch key.value {
            case "file": file = try locatedString("file")
            case "format": format = try choice("format", ExportFormat.self)
            case "respondent": respondent = try choice("respondent", RespondentKey.self)
            case "respondent_column": respondentColumn = try locatedString("respondent_column")
            case "columns":
                try textMapping("columns", expected: "a mapping of question ids to column headers, such as {q1: \"Q1\"}") { key, value in
                    guard isValidId(key.value) else {
                        error(key.location, "'\(clip(key.value))' in 'columns' is not a question id; expected \(YAMLReader.idExpectation)")
                        return
                    }
                    columns.append((key, value))
                }
            case "labels":
                try textMapping("labels", expected: "a mapping of answer labels to whole numbers, such as {\"Very satisfied\": 5}") { key, value in
                    guard let n = Int(value.value) else {
                        error(value.location, "label '\(clip(key.value))' maps to '\(clip(value.value))'; expected a whole number")
                        return
                    }
                    labels.append((key, n))
                }
            default: dateOrder = try choice("date_order", DateOrder.self)
            }
        }) else { return nil }
        guard let file = require(file, "file", in: info, expected: "the export's path inside the data folder, such as responses/pulse.csv"),
              let format = require(format, "format", in: info, expected: "one of " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) else { return nil }
        return SurveyImport(file: file, format: format, respondent: respondent ?? .email, respondentColumn: respondentColumn,
                            columns: columns, labels: labels, dateOrder: dateOrder ?? .monthFirst, location: info.location)
    }

    /// Reads a mapping of scalar keys to scalar values, calling `body` with each pair.
    private func textMapping(_ key: String, expected: String, _ body: (Located<String>, Located<String>) -> Void) throws {
        let start = try next()
        guard start.kind == .mappingStart else {
            if start.kind == .sequenceStart { try skipOpened() }
            if isNull(start) { return }
            error(location(start), "'\(key)' holds \(describe(start)); expected \(expected)")
            return
        }
        var seen = Set<String>()
        while true {
            let keyEvent = try next()
            if keyEvent.kind == .mappingEnd { break }
            guard keyEvent.kind == .scalar else {
                try skipOpened()
                try skipValue()
                error(location(keyEvent), "a key of '\(key)' is \(describe(keyEvent)); expected \(expected)")
                continue
            }
            // The key's bytes are borrowed until the next event: keep them first.
            let keyText = keyEvent.value, keyLocation = location(keyEvent)
            let value = try next()
            guard value.kind == .scalar, !isNull(value) else {
                if value.kind != .scalar { try skipOpened() }
                error(location(value), "'\(clip(keyText))' in '\(key)' holds \(describe(value)); expected \(expected)")
                continue
            }
            guard seen.insert(keyText).inserted else {
                error(keyLocation, "'\(clip(keyText))' appears twice in '\(key)'; expected each once")
                continue
            }
            body(Located(keyText, at: keyLocation), Located(value.value, at: location(value)))
        }
    }

    private func decodeQuestion() throws -> Question? {
        var id: Located<String>?, text: String?, scale: Scale?, competency: Located<String>?, measure: Measure?
        guard let info = try mapping("question", known: YAMLReader.questionKeys, { key in
            switch key.value {
            case "id": id = try self.id("id")
            case "text": text = try string("text")
            case "scale": scale = try choice("scale", Scale.self)
            case "competency": competency = try self.id("competency")
            default: measure = try choice("measure", Measure.self)
            }
        }) else { return nil }
        var named = info
        if let id { named.what = "question '\(id.value)'" }
        guard let id = require(id, "id", in: named, expected: YAMLReader.idExpectation),
              let text = require(text, "text", in: named, expected: "the question's text"),
              let scale = require(scale, "scale", in: named, expected: "one of likert5, nps, text") else { return nil }
        // Mismatches are warnings: the KPIs simply do not count such answers.
        if competency != nil, scale != .likert5 {
            warning(named.seen("competency")!, "\(named.what) has a competency but its scale is \(scale.rawValue); only likert5 answers count towards competency growth, so it is ignored")
        }
        if let measure {
            let fits = measure == .story ? scale == .text : scale == .likert5
            if !fits {
                warning(named.seen("measure")!, "\(named.what) measures \(measure.rawValue) on a \(scale.rawValue) scale; expected \(measure == .story ? "a text" : "a likert5") question, so its answers are not counted as \(measure.rawValue)")
            }
        }
        return Question(id: id.value, text: text, scale: scale, competency: competency, measure: measure,
                        location: id.location)
    }

    func decodeResponse() throws -> Response? {
        var survey: Located<String>?, respondent: Located<String>?, submitted: Day?, consent: Bool?
        var answers: [Answer]?
        guard let info = try mapping("response", known: YAMLReader.responseKeys, { key in
            switch key.value {
            case "survey": survey = try self.id("survey")
            case "respondent": respondent = try self.id("respondent")
            case "submitted": submitted = try day("submitted")
            case "consent_to_quote": consent = try bool("consent_to_quote")
            default: answers = try decodeAnswers()
            }
        }) else { return nil }
        guard let survey = require(survey, "survey", in: info, expected: "the id of a survey"),
              let respondent = require(respondent, "respondent", in: info, expected: "the id of a person"),
              let submitted = require(submitted, "submitted", in: info, expected: "a date as YYYY-MM-DD"),
              let answers = require(answers, "answers", in: info, expected: "a mapping of question ids to answers") else { return nil }
        return Response(survey: survey, respondent: respondent, submitted: submitted, consentToQuote: consent ?? false,
                        answers: answers, location: info.location)
    }

    /// `answers`: question id → a whole number, or free text. Scales are checked by the validator,
    /// which knows the survey's questions. An empty answer means the question was skipped.
    private func decodeAnswers() throws -> [Answer]? {
        let start = try next()
        guard start.kind == .mappingStart else {
            if start.kind == .sequenceStart { try skipOpened() }
            if isNull(start) { return [] }
            error(location(start), "'answers' holds \(describe(start)); expected a mapping of question ids to answers, such as {q1: 4}")
            return nil
        }
        var answers: [Answer] = []
        while true {
            let keyEvent = try next()
            if keyEvent.kind == .mappingEnd { break }
            let keyLocation = location(keyEvent)
            guard keyEvent.kind == .scalar, keyEvent.withBytes(isValidId) else {
                let found = describe(keyEvent)
                if keyEvent.kind != .scalar { try skipOpened() }
                try skipValue()
                error(keyLocation, "answer key \(found) is not a question id; expected \(YAMLReader.idExpectation)")
                continue
            }
            let key = (value: keyEvent.value, location: keyLocation)
            if key.value == "extra" {
                try skipValue()
                continue
            }
            let value = try peek()
            guard value.kind == .scalar else {
                try skipValue()
                error(location(value), "the answer to '\(key.value)' is \(describe(value)); expected a number or text")
                continue
            }
            _ = try next()
            if isNull(value) { continue }
            // A response answers a handful of questions: a scan beats hashing into a set.
            guard !answers.contains(where: { $0.question == key.value }) else {
                error(key.location, "question '\(key.value)' is answered twice in one response; expected one answer per question")
                continue
            }
            let answer: AnswerValue
            if value.isPlain, let n = value.withBytes(parseInt) {
                answer = .number(n)
            } else {
                answer = .text(value.value)
            }
            answers.append(Answer(question: key.value, value: answer, location: location(value)))
        }
        return answers
    }
}
