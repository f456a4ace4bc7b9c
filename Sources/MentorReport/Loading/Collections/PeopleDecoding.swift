/// The keys of a person.
enum PersonKey: String, YAMLName {
    case id, name, email, roles, enrolled, department, level, manager, mentorCapacity = "mentor_capacity", cohort, groups
    static let table = NameTable<PersonKey>()
}

extension YAMLReader {
    func decodePerson() throws -> Person? {
        var id: Located<String>?, name: String?, email: String?, roles: [Located<String>]?, enrolled: Day?
        var department: Located<String>?, level: Located<String>?, manager: Located<String>?, capacity: Int?
        var cohort: Located<String>?, groups: [Located<String>]?
        guard var info = try mapping("person", PersonKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .name: name = try string("name")
            case .email: email = try string("email")
            case .roles: roles = try stringList("roles")
            case .enrolled: enrolled = try day("enrolled")
            case .department: department = try locatedString("department")
            case .level: level = try locatedString("level")
            case .manager: manager = try self.id("manager")
            case .mentorCapacity: capacity = try int("mentor_capacity", 0...Program.maxMentorCapacity)
            case .cohort: cohort = try self.id("cohort")
            case .groups: groups = try groupList("groups")
            }
        }) else { return nil }
        info.id = id?.value
        var isMentor = false, isMentee = false
        for role in roles ?? [] {
            switch role.value {
            case "mentor": isMentor = true
            case "mentee": isMentee = true
            default:
                error(role.location, "invalid role '\(clip(role.value))'; expected mentor or mentee")
                info.fail(.roles)
            }
        }
        if let roles, roles.isEmpty {
            error(info.seen(.roles)!, "'roles' of \(info.what) is an empty list; expected mentor, mentee or both")
            info.fail(.roles)
        }
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let name = require(name, .name, in: info, expected: "the person's name"),
              require(roles, .roles, in: info, expected: "a list of roles: mentor, mentee or both") != nil,
              let enrolled = require(enrolled, .enrolled, in: info, expected: "the date they joined, as YYYY-MM-DD"),
              !info.failed(.roles) else {
            if let email { noteLeftOut(.email, email) }
            return leftOut(id, .person)
        }
        // A person is in a handful of groups: a scan beats hashing into a set.
        var groupNames: [String] = []
        for g in groups ?? [] where !groupNames.contains(g.value) { groupNames.append(g.value) }
        return Person(id: id.value, name: name, email: email, isMentor: isMentor, isMentee: isMentee,
                      enrolled: enrolled, department: department?.value, level: level?.value, manager: manager,
                      mentorCapacity: capacity, cohort: cohort, groups: groupNames, location: id.location,
                      departmentLocation: department?.location, levelLocation: level?.location)
    }
}
