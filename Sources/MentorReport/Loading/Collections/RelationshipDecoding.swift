/// The keys of a relationship.
enum RelationshipKey: String, YAMLName {
    case id, type, mentors, mentees, cohort, start, plannedEnd = "planned_end", ended, endReason = "end_reason"
    case cadence, goals
    static let table = NameTable<RelationshipKey>()
}

/// The keys of a relationship's goal.
enum GoalKey: String, YAMLName {
    case id, title, competency, set, status, achieved
    static let table = NameTable<GoalKey>()
}

extension YAMLReader {
    func decodeRelationship() throws -> Relationship? {
        var id: Located<String>?, type: RelationshipType?, mentors: [Located<String>]?, mentees: [Located<String>]?
        var cohort: Located<String>?, start: Day?, plannedEnd: Day?, ended: Day?, endReason: EndReason?
        var cadence: Cadence?
        var goals: [Goal] = []
        guard var info = try mapping("relationship", RelationshipKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .type: type = try choice("type", RelationshipType.self)
            case .mentors: mentors = try idList("mentors")
            case .mentees: mentees = try idList("mentees")
            case .cohort: cohort = try self.id("cohort")
            case .start: start = try day("start")
            case .plannedEnd: plannedEnd = try day("planned_end")
            case .ended: ended = try day("ended")
            case .endReason: endReason = try choice("end_reason", EndReason.self)
            case .cadence: cadence = try choice("cadence", Cadence.self)
            case .goals:
                try sequence("goals") {
                    if let g = try decodeGoal() { goals.append(g) }
                }
            }
        }) else { return nil }
        info.id = id?.value
        for key in [RelationshipKey.mentors, .mentees] {
            if let list = key == .mentors ? mentors : mentees, list.isEmpty {
                error(info.seen(key)!, "'\(key.rawValue)' of \(info.what) is an empty list; expected at least one person")
                info.fail(key)
            }
        }
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let type = require(type, .type, in: info, expected: "one of " + RelationshipType.table.list),
              let mentors = require(mentors, .mentors, in: info, expected: "a list of at least one mentor's id"),
              let mentees = require(mentees, .mentees, in: info, expected: "a list of at least one mentee's id"),
              let start = require(start, .start, in: info, expected: "a date as YYYY-MM-DD"),
              !info.failed(.mentors), !info.failed(.mentees) else { return leftOut(id, .relationship) }
        if let ended, ended < start {
            error(info.seen(.ended)!, "\(info.what) ends (\(ended)) before it starts (\(start)); expected 'ended' on or after 'start'")
        }
        if let plannedEnd, plannedEnd < start {
            error(info.seen(.plannedEnd)!, "\(info.what) is planned to end (\(plannedEnd)) before it starts (\(start)); expected 'planned_end' on or after 'start'")
        }
        return Relationship(id: id.value, type: type, mentors: mentors, mentees: mentees, cohort: cohort,
                            start: start, plannedEnd: plannedEnd, ended: ended, endReason: endReason,
                            cadence: cadence, goals: goals, location: id.location)
    }

    private func decodeGoal() throws -> Goal? {
        var id: Located<String>?, title: String?, competency: Located<String>?, set: Day?
        var status: GoalStatus?, achieved: Day?
        guard var info = try mapping("goal", GoalKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .title: title = try string("title")
            case .competency: competency = try self.id("competency")
            case .set: set = try day("set")
            case .status: status = try choice("status", GoalStatus.self)
            case .achieved: achieved = try day("achieved")
            }
        }) else { return nil }
        info.id = id?.value
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let title = require(title, .title, in: info, expected: "text"),
              let set = require(set, .set, in: info, expected: "the date the goal was set, as YYYY-MM-DD"),
              let status = require(status, .status, in: info, expected: "one of open, achieved, dropped") else { return nil }
        if status == .achieved, achieved == nil, !info.failed(.achieved) {
            error(info.seen(.status)!, "\(info.what) is achieved but has no 'achieved' date; expected 'achieved: YYYY-MM-DD'")
            return nil
        }
        if let achieved, achieved < set {
            error(info.seen(.achieved)!, "\(info.what) was achieved (\(achieved)) before it was set (\(set)); expected 'achieved' on or after 'set'")
        }
        return Goal(id: id.value, title: title, competency: competency, set: set, status: status,
                    achieved: achieved, location: id.location)
    }
}
