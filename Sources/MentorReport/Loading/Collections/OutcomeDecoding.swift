/// The keys of an outcome.
enum OutcomeKey: String, YAMLName {
    case person, date, event, voluntary, value
    static let table = NameTable<OutcomeKey>()
}

extension YAMLReader {
    func decodeOutcome() throws -> Outcome? {
        var person: Located<String>?, date: Day?, event: OutcomeEvent?, voluntary: Bool?, value: Double?
        guard let info = try mapping("outcome", OutcomeKey.table, { key in
            switch key {
            case .person: person = try self.id("person")
            case .date: date = try day("date")
            case .event: event = try choice("event", OutcomeEvent.self)
            case .voluntary: voluntary = try bool("voluntary")
            case .value: value = try number("value", 0...100)
            }
        }) else { return nil }
        guard let person = require(person, .person, in: info, expected: "the id of a person"),
              let date = require(date, .date, in: info, expected: "a date as YYYY-MM-DD"),
              let event = require(event, .event, in: info, expected: "one of promoted, left, engagement-score") else { return nil }
        if event == .engagementScore, value == nil, !info.failed(.value) {
            error(info.location, "an engagement-score outcome has no 'value'; expected a score from 0 to 100")
            return nil
        }
        if event != .engagementScore, let at = info.seen(.value) {
            warning(at, "'value' is only used for engagement-score outcomes; this \(event.rawValue) outcome's value is ignored")
        }
        if event != .left, let at = info.seen(.voluntary) {
            warning(at, "'voluntary' is only used for 'left' outcomes; it is ignored here")
        }
        return Outcome(person: person, date: date, event: event, voluntary: voluntary,
                       value: event == .engagementScore ? value : nil, location: info.location)
    }
}
