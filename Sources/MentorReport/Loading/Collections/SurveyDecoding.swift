/// The keys of a survey.
enum SurveyKey: String, YAMLName {
    case id, title, kind, audience, opens, cohort, questions, `import`
    static let table = NameTable<SurveyKey>()
}

/// The keys of a survey's `import` stanza.
enum ImportKey: String, YAMLName {
    case file, format, respondent, respondentColumn = "respondent_column", columns, labels, dateOrder = "date_order"
    static let table = NameTable<ImportKey>()
}

/// The keys of a survey question.
enum QuestionKey: String, YAMLName {
    case id, text, scale, competency, measure
    static let table = NameTable<QuestionKey>()
}

/// The keys of a survey response.
enum ResponseKey: String, YAMLName {
    case survey, respondent, submitted, consentToQuote = "consent_to_quote", answers
    static let table = NameTable<ResponseKey>()
}

extension YAMLReader {
    func decodeSurvey() throws -> Survey? {
        var id: Located<String>?, title: String?, kind: SurveyKind?, audience: Audience?, opens: Day?
        var cohort: Located<String>?
        var questions: [Question] = []
        var importSpec: SurveyImport?
        let leftOutBefore = leftOut.count
        guard var info = try mapping("survey", SurveyKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .title: title = try string("title")
            case .kind: kind = try choice("kind", SurveyKind.self)
            case .audience: audience = try choice("audience", Audience.self)
            case .opens: opens = try day("opens")
            case .cohort: cohort = try self.id("cohort")
            case .import: importSpec = try decodeImport()
            case .questions:
                try sequence("questions") {
                    if let q = try decodeQuestion() { questions.append(q) }
                }
            }
        }) else { return nil }
        info.id = id?.value
        if let id { assignLeftOutQuestions(from: leftOutBefore, toSurvey: id.value) }
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let title = require(title, .title, in: info, expected: "text"),
              let kind = require(kind, .kind, in: info, expected: "one of baseline, checkin, final"),
              let audience = require(audience, .audience, in: info, expected: "mentees or mentors"),
              let opens = require(opens, .opens, in: info, expected: "the date the survey opens, as YYYY-MM-DD") else { return leftOut(id, .survey) }
        return Survey(id: id.value, title: title, kind: kind, audience: audience, opens: opens, cohort: cohort,
                      questions: questions, importSpec: importSpec, location: id.location)
    }

    /// `import`: an export file of a survey tool and how to read it.
    private func decodeImport() throws -> SurveyImport? {
        var file: Located<String>?, format: ExportFormat?, respondent: RespondentKey?, respondentColumn: Located<String>?
        var columns: [(question: Located<String>, header: Located<String>)] = []
        var labels: [(label: Located<String>, value: Int)] = []
        var dateOrder: DateOrder?
        guard let info = try mapping("import", ImportKey.table, { key in
            switch key {
            case .file: file = try locatedString("file")
            case .format: format = try choice("format", ExportFormat.self)
            case .respondent: respondent = try choice("respondent", RespondentKey.self)
            case .respondentColumn: respondentColumn = try locatedString("respondent_column")
            case .columns:
                try textMapping("columns", expected: "a mapping of question ids to column headers, such as {q1: \"Q1\"}") { key, value in
                    guard isValidId(key.value) else {
                        error(key.location, "'\(clip(key.value))' in 'columns' is not a question id; expected \(YAMLReader.idExpectation)")
                        return
                    }
                    columns.append((key, value))
                }
            case .labels:
                try textMapping("labels", expected: "a mapping of answer labels to whole numbers, such as {\"Very satisfied\": 5}") { key, value in
                    guard let n = Int(value.value) else {
                        error(value.location, "label '\(clip(key.value))' maps to '\(clip(value.value))'; expected a whole number")
                        return
                    }
                    labels.append((key, n))
                }
            case .dateOrder: dateOrder = try choice("date_order", DateOrder.self)
            }
        }) else { return nil }
        guard let file = require(file, .file, in: info, expected: "the export's path inside the data folder, such as responses/pulse.csv"),
              let format = require(format, .format, in: info, expected: "one of " + ExportFormat.table.list) else { return nil }
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
        guard var info = try mapping("question", QuestionKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .text: text = try string("text")
            case .scale: scale = try choice("scale", Scale.self)
            case .competency: competency = try self.id("competency")
            case .measure: measure = try choice("measure", Measure.self)
            }
        }) else { return nil }
        info.id = id?.value
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let text = require(text, .text, in: info, expected: "the question's text"),
              let scale = require(scale, .scale, in: info, expected: "one of likert5, nps, text") else { return leftOut(id, .question(ofSurvey: nil)) }
        // Mismatches are warnings: the KPIs simply do not count such answers.
        if competency != nil, scale != .likert5 {
            warning(info.seen(.competency)!, "\(info.what) has a competency but its scale is \(scale.rawValue); only likert5 answers count towards competency growth, so it is ignored")
        }
        if let measure {
            let fits = measure == .story ? scale == .text : scale == .likert5
            if !fits {
                warning(info.seen(.measure)!, "\(info.what) measures \(measure.rawValue) on a \(scale.rawValue) scale; expected \(measure == .story ? "a text" : "a likert5") question, so its answers are not counted as \(measure.rawValue)")
            }
        }
        return Question(id: id.value, text: text, scale: scale, competency: competency, measure: measure,
                        location: id.location)
    }

    func decodeResponse() throws -> Response? {
        var survey: Located<String>?, respondent: Located<String>?, submitted: Day?, consent: Bool?
        var answers: [Answer]?
        guard let info = try mapping("response", ResponseKey.table, { key in
            switch key {
            case .survey: survey = try self.id("survey")
            case .respondent: respondent = try self.id("respondent")
            case .submitted: submitted = try day("submitted")
            case .consentToQuote: consent = try bool("consent_to_quote")
            case .answers: answers = try decodeAnswers()
            }
        }) else { return nil }
        guard let survey = require(survey, .survey, in: info, expected: "the id of a survey"),
              let respondent = require(respondent, .respondent, in: info, expected: "the id of a person"),
              let submitted = require(submitted, .submitted, in: info, expected: "a date as YYYY-MM-DD"),
              let answers = require(answers, .answers, in: info, expected: "a mapping of question ids to answers") else { return nil }
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
        // Collected in the reader's scratch list, then copied out at their exact count: appending to a
        // new list grows it four times for five answers, and leaves room for eight.
        var answers = takeAnswerScratch()
        defer { returnAnswerScratch(&answers) }
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
        return Array(answers)
    }
}
