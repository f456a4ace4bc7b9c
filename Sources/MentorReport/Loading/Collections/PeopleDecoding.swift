extension YAMLReader {
    static let personKeys = ["id", "name", "email", "roles", "enrolled", "department", "level", "manager",
                             "mentor_capacity", "cohort", "groups"]

    func decodePerson() throws -> Person? {
        var id: Located<String>?, name: String?, email: String?, roles: [Located<String>]?, enrolled: Day?
        var department: String?, level: String?, manager: Located<String>?, capacity: Int?
        var cohort: Located<String>?, groups: [Located<String>]?
        guard let info = try mapping("person", known: YAMLReader.personKeys, { key in
            switch key.value {
            case "id": id = try self.id("id")
            case "name": name = try string("name")
            case "email": email = try string("email")
            case "roles": roles = try stringList("roles")
            case "enrolled": enrolled = try day("enrolled")
            case "department": department = try string("department")
            case "level": level = try string("level")
            case "manager": manager = try self.id("manager")
            case "mentor_capacity": capacity = try int("mentor_capacity", 0...Int.max)
            case "cohort": cohort = try self.id("cohort")
            default: groups = try stringList("groups")
            }
        }) else { return nil }
        var named = info
        if let id { named.what = "person '\(id.value)'" }
        var isMentor = false, isMentee = false
        for role in roles ?? [] {
            switch role.value {
            case "mentor": isMentor = true
            case "mentee": isMentee = true
            default:
                error(role.location, "invalid role '\(clip(role.value))'; expected mentor or mentee")
                named.fail("roles")
            }
        }
        if let roles, roles.isEmpty {
            error(named.seen("roles")!, "'roles' of \(named.what) is an empty list; expected mentor, mentee or both")
            named.fail("roles")
        }
        guard let id = require(id, "id", in: named, expected: YAMLReader.idExpectation),
              let name = require(name, "name", in: named, expected: "the person's name"),
              require(roles, "roles", in: named, expected: "a list of roles: mentor, mentee or both") != nil,
              let enrolled = require(enrolled, "enrolled", in: named, expected: "the date they joined, as YYYY-MM-DD"),
              !named.failed("roles") else { return nil }
        var seenGroups = Set<String>()
        var groupNames: [String] = []
        for g in groups ?? [] where seenGroups.insert(g.value).inserted { groupNames.append(g.value) }
        return Person(id: id.value, name: name, email: email, isMentor: isMentor, isMentee: isMentee,
                      enrolled: enrolled, department: department, level: level, manager: manager,
                      mentorCapacity: capacity, cohort: cohort, groups: groupNames, location: id.location)
    }
}
