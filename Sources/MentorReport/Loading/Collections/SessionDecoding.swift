/// The keys of a session.
enum SessionKey: String, YAMLName {
    case relationship, date, minutes, format, attendees, liveIssue = "live_issue", notes
    static let table = NameTable<SessionKey>()
}

extension YAMLReader {
    func decodeSession() throws -> Session? {
        var relationship: Located<String>?, date: Located<Day>?, minutes: Int?, format: SessionFormat?
        var attendees: [Located<String>]?, liveIssue: Bool?
        guard let info = try mapping("session", SessionKey.table, { key in
            switch key {
            case .relationship: relationship = try self.id("relationship")
            case .date: date = try locatedDay("date")
            case .minutes: minutes = try int("minutes", 1...600)
            case .format: format = try choice("format", SessionFormat.self)
            case .attendees: attendees = try idList("attendees")
            case .liveIssue: liveIssue = try bool("live_issue")
            case .notes:
                // Confidential: the notes are read past and never kept.
                try skipValue()
            }
        }) else { return nil }
        guard let relationship = require(relationship, .relationship, in: info, expected: "the id of a relationship"),
              let date = require(date, .date, in: info, expected: "a date as YYYY-MM-DD"),
              let minutes = require(minutes, .minutes, in: info, expected: "a whole number from 1 to 600") else { return nil }
        return Session(relationship: relationship, date: date.value, minutes: minutes, format: format,
                       attendees: attendees, liveIssue: liveIssue, location: info.location, dateLocation: date.location)
    }
}
