extension YAMLReader {
    static let relationshipKeys = ["id", "type", "mentors", "mentees", "cohort", "start", "planned_end", "ended",
                                   "end_reason", "cadence", "goals"]
    static let goalKeys = ["id", "title", "competency", "set", "status", "achieved"]

    func decodeRelationship() throws -> Relationship? {
        var id: Located<String>?, type: RelationshipType?, mentors: [Located<String>]?, mentees: [Located<String>]?
        var cohort: Located<String>?, start: Day?, plannedEnd: Day?, ended: Day?, endReason: EndReason?
        var cadence: Cadence?
        var goals: [Goal] = []
        guard let info = try mapping("relationship", known: YAMLReader.relationshipKeys, { key in
            switch key.value {
            case "id": id = try self.id("id")
            case "type": type = try choice("type", RelationshipType.self)
            case "mentors": mentors = try idList("mentors")
            case "mentees": mentees = try idList("mentees")
            case "cohort": cohort = try self.id("cohort")
            case "start": start = try day("start")
            case "planned_end": plannedEnd = try day("planned_end")
            case "ended": ended = try day("ended")
            case "end_reason": endReason = try choice("end_reason", EndReason.self)
            case "cadence": cadence = try choice("cadence", Cadence.self)
            default:
                try sequence("goals") {
                    if let g = try decodeGoal() { goals.append(g) }
                }
            }
        }) else { return nil }
        var named = info
        if let id { named.what = "relationship '\(id.value)'" }
        for (key, list) in [("mentors", mentors), ("mentees", mentees)] {
            if let list, list.isEmpty {
                error(named.seen(key)!, "'\(key)' of \(named.what) is an empty list; expected at least one person")
                named.fail(key)
            }
        }
        let what = named.what
        guard let id = require(id, "id", in: named, expected: YAMLReader.idExpectation),
              let type = require(type, "type", in: named, expected: "one of " + RelationshipType.allCases.map(\.rawValue).joined(separator: ", ")),
              let mentors = require(mentors, "mentors", in: named, expected: "a list of at least one mentor's id"),
              let mentees = require(mentees, "mentees", in: named, expected: "a list of at least one mentee's id"),
              let start = require(start, "start", in: named, expected: "a date as YYYY-MM-DD"),
              !named.failed("mentors"), !named.failed("mentees") else { return nil }
        if let ended, ended < start {
            error(named.seen("ended")!, "\(what) ends (\(ended)) before it starts (\(start)); expected 'ended' on or after 'start'")
        }
        if let plannedEnd, plannedEnd < start {
            error(named.seen("planned_end")!, "\(what) is planned to end (\(plannedEnd)) before it starts (\(start)); expected 'planned_end' on or after 'start'")
        }
        return Relationship(id: id.value, type: type, mentors: mentors, mentees: mentees, cohort: cohort,
                            start: start, plannedEnd: plannedEnd, ended: ended, endReason: endReason,
                            cadence: cadence, goals: goals, location: id.location)
    }

    private func decodeGoal() throws -> Goal? {
        var id: Located<String>?, title: String?, competency: Located<String>?, set: Day?
        var status: GoalStatus?, achieved: Day?
        guard let info = try mapping("goal", known: YAMLReader.goalKeys, { key in
            switch key.value {
            case "id": id = try self.id("id")
            case "title": title = try string("title")
            case "competency": competency = try self.id("competency")
            case "set": set = try day("set")
            case "status": status = try choice("status", GoalStatus.self)
            default: achieved = try day("achieved")
            }
        }) else { return nil }
        var named = info
        if let id { named.what = "goal '\(id.value)'" }
        guard let id = require(id, "id", in: named, expected: YAMLReader.idExpectation),
              let title = require(title, "title", in: named, expected: "text"),
              let set = require(set, "set", in: named, expected: "the date the goal was set, as YYYY-MM-DD"),
              let status = require(status, "status", in: named, expected: "one of open, achieved, dropped") else { return nil }
        if status == .achieved, achieved == nil, !named.failed("achieved") {
            error(named.seen("status")!, "\(named.what) is achieved but has no 'achieved' date; expected 'achieved: YYYY-MM-DD'")
            return nil
        }
        if let achieved, achieved < set {
            error(named.seen("achieved")!, "\(named.what) was achieved (\(achieved)) before it was set (\(set)); expected 'achieved' on or after 'set'")
        }
        return Goal(id: id.value, title: title, competency: competency, set: set, status: status,
                    achieved: achieved, location: id.location)
    }
}
