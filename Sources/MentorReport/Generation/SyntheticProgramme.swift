import Foundation

/// Writes a synthetic programme of any size in the data format: the input of the benchmarks.
/// The same `people` and `seed` always give the same bytes.
package struct SyntheticProgramme {
    package var people: Int
    package var seed: UInt64
    /// Sessions and responses as one file each (`sessions.yaml`, `responses.yaml`) instead of a file
    /// per month and per survey: the same records in the same order.
    package var singleFiles: Bool

    package init(people: Int, seed: UInt64, singleFiles: Bool = false) {
        self.people = people
        self.seed = seed
        self.singleFiles = singleFiles
    }

    static let competencies = ["strategic-thinking", "emotional-intelligence", "team-dynamics",
                               "conflict-resolution", "communication", "decision-making"]
    static let departments = ["Operations", "Finance", "Sales", "Engineering", "People & Culture", "Marketing",
                              "Legal", "Customer Service", "Procurement", "Data & Analytics"]
    static let levels = ["Director", "Senior manager", "Manager", "Team lead", "Senior specialist", "Specialist"]
    static let firstNames = ["Amara", "Ben", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas",
                             "Kofi", "Lena", "Marta", "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tariq",
                             "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe"]
    static let lastNames = ["Okafor", "Berg", "Li", "Kowalski", "Yilmaz", "Haddad", "Murphy", "Tanaka", "Silva",
                            "Schmidt", "Mensah", "Novak", "Garcia", "Iyer", "Petrova", "Ruiz", "Walsh", "Costa",
                            "Larsen", "Aziz", "Rao", "Dubois", "Zhang", "Lopez", "Demir", "Evans"]
    static let groups = ["women", "ethnic-minority", "disability", "lgbtq", "first-generation-graduate"]

    /// Writes the folder and returns a one-line summary of what it holds.
    package func write(to folder: String) throws -> String {
        var rng = SplitMix64(seed: seed)
        let fm = FileManager.default
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        for sub in ["sessions", "responses"] {
            let url = base.appendingPathComponent(sub)
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
            let single = base.appendingPathComponent(sub + ".yaml")
            if fm.fileExists(atPath: single.path) { try fm.removeItem(at: single) }
            if !singleFiles { try fm.createDirectory(at: url, withIntermediateDirectories: true) }
        }
        let programStart = Day(year: 2025, month: 1, day: 6)!
        let lastDay = Day(year: 2026, month: 10, day: 31)!
        var bytes = 0
        func save(_ text: String, _ name: String) throws {
            let data = Data(text.utf8)
            bytes += data.count
            try data.write(to: base.appendingPathComponent(name))
        }

        // program.yaml
        var t = """
        program:
          id: synthetic-\(people)
          name: Synthetic Leadership Programme (\(people) people)
          organization: Synthetic Corp
          start: \(programStart)
          default_cadence: monthly
          default_mentor_capacity: 2
          at_risk_after_days: 45
          privacy:
            min_group_size: 5
          targets:
            match.rate: 0.9
            cadence.adherence: 0.8
          benchmarks:
            promotion_rate_12m: 0.08
            retention_rate_12m: 0.85
            workforce_share:

        """
        for g in SyntheticProgramme.groups { t += "      \(g): 0.\(10 + rng.below(40))\n" }
        t += """
          costs:
            programme_cost: \(people * 150)
            replacement_cost_per_leaver: 60000
        competencies:

        """
        for c in SyntheticProgramme.competencies { t += "  - id: \(c)\n    name: \(c.replacingOccurrences(of: "-", with: " ").capitalized)\n" }
        t += "cohorts:\n"
        let cohortCount = 4
        for k in 0..<cohortCount {
            let start = programStart.adding(days: k * 150)
            t += "  - id: cohort-\(k + 1)\n    name: Cohort \(k + 1)\n    start: \(start)\n    end: \(start.adding(days: 364))\n"
        }
        try save(t, "program.yaml")

        // people.yaml: about 38% mentors, 62% mentees, a few both.
        struct P { var id: String; var mentor: Bool; var mentee: Bool; var enrolled: Day; var cohort: Int }
        var persons: [P] = []
        persons.reserveCapacity(people)
        t = "people:\n"
        t.reserveCapacity(people * 260)
        for i in 0..<people {
            let id = "p" + pad(i + 1, 6)
            let r = rng.below(100)
            let mentor = r < 38 || r >= 97
            let mentee = r >= 38
            let cohort = rng.below(cohortCount)
            let enrolled = programStart.adding(days: cohort * 150 + rng.below(60) - 20)
            persons.append(P(id: id, mentor: mentor, mentee: mentee, enrolled: max(enrolled, programStart), cohort: cohort))
            let first = SyntheticProgramme.firstNames[rng.below(SyntheticProgramme.firstNames.count)]
            let last = SyntheticProgramme.lastNames[rng.below(SyntheticProgramme.lastNames.count)]
            t += "  - id: \(id)\n    name: \(first) \(last)\n    email: \(first.lowercased()).\(last.lowercased()).\(i + 1)@synthetic.example\n"
            t += "    roles: [\(mentor && mentee ? "mentor, mentee" : mentor ? "mentor" : "mentee")]\n"
            t += "    enrolled: \(persons[i].enrolled)\n"
            t += "    department: \(SyntheticProgramme.departments[rng.below(SyntheticProgramme.departments.count)])\n"
            t += "    level: \(SyntheticProgramme.levels[mentor ? rng.below(3) : 2 + rng.below(4)])\n"
            if i > 0 && rng.below(3) == 0 { t += "    manager: p\(pad(1 + rng.below(i), 6))\n" }
            t += "    cohort: cohort-\(cohort + 1)\n"
            var gs: [String] = []
            for g in SyntheticProgramme.groups where rng.below(100) < (g == "women" ? 48 : 12) { gs.append(g) }
            if !gs.isEmpty { t += "    groups: [\(gs.joined(separator: ", "))]\n" }
        }
        try save(t, "people.yaml")

        // relationships.yaml: mentees matched to mentors with free capacity, mostly one-to-one.
        let mentorIndices = persons.indices.filter { persons[$0].mentor }
        let menteeIndices = persons.indices.filter { persons[$0].mentee && !persons[$0].mentor }
        var load = [Int](repeating: 0, count: persons.count)
        struct R { var id: String; var start: Day; var end: Day?; var cadence: Int; var members: [String] }
        var relationships: [R] = []
        t = "relationships:\n"
        t.reserveCapacity(menteeIndices.count * 420)
        var m = 0
        var cursor = 0
        let types = ["one-to-one", "one-to-one", "one-to-one", "one-to-one", "e-mentoring", "reverse", "speed"]
        while m < menteeIndices.count {
            if rng.below(10) == 0 { m += 1; continue }  // about one mentee in ten waits
            var mentorIndex = mentorIndices[cursor % mentorIndices.count]
            cursor += 1
            if load[mentorIndex] >= 2 { mentorIndex = mentorIndices[rng.below(mentorIndices.count)] }
            load[mentorIndex] += 1
            let group = rng.below(40) == 0
            let size = group ? 5 : 1
            let mentees = (0..<size).compactMap { k in m + k < menteeIndices.count ? persons[menteeIndices[m + k]] : nil }
            m += size
            let latestEnrolled = mentees.map(\.enrolled).max()!
            let start = min(latestEnrolled.adding(days: rng.below(40)), lastDay.adding(days: -rng.below(20)))
            let planned = start.adding(days: 270 + rng.below(100))
            let ended: Day? = planned < lastDay && rng.below(10) < 8 ? planned.adding(days: rng.below(20) - 10) : nil
            let cadence = [7, 14, 30, 30, 30, 90][rng.below(6)]
            let id = "r" + pad(relationships.count + 1, 6)
            let type = group ? "group" : types[rng.below(types.count)]
            t += "  - id: \(id)\n    type: \(type)\n    mentors: [\(persons[mentorIndex].id)]\n"
            t += "    mentees: [\(mentees.map(\.id).joined(separator: ", "))]\n"
            t += "    cohort: cohort-\(mentees[0].cohort + 1)\n    start: \(start)\n    planned_end: \(planned)\n"
            if let ended { t += "    ended: \(max(ended, start))\n    end_reason: \(rng.below(5) == 0 ? "ended-early" : "completed")\n" }
            let cadenceName = ["weekly": 7, "biweekly": 14, "monthly": 30, "quarterly": 90].first { $0.value == cadence }!.key
            t += "    cadence: \(cadenceName)\n    goals:\n"
            for g in 0..<(1 + rng.below(3)) {
                let set = start.adding(days: rng.below(30))
                let achieved = rng.below(3) == 0 ? set.adding(days: 30 + rng.below(200)) : nil
                t += "      - id: g\(g + 1)\n        title: Grow in \(SyntheticProgramme.competencies[(g + relationships.count) % 6]) through a stretch assignment\n"
                t += "        competency: \(SyntheticProgramme.competencies[(g + relationships.count) % 6])\n        set: \(set)\n"
                if let achieved, achieved <= lastDay {
                    t += "        status: achieved\n        achieved: \(achieved)\n"
                } else {
                    t += "        status: open\n"
                }
            }
            relationships.append(R(id: id, start: start, end: ended.map { max($0, start) }, cadence: cadence,
                                   members: [persons[mentorIndex].id] + mentees.map(\.id)))
        }
        try save(t, "relationships.yaml")

        // sessions/YYYY-MM.yaml: about every cadence period, with some gaps.
        var byMonth: [Int: String] = [:]
        var sessionCount = 0
        let formats = ["video", "in-person", "phone", "chat"]
        for r in relationships {
            var d = r.start.adding(days: rng.below(10))
            let end = min(r.end ?? lastDay, lastDay)
            let slack = rng.below(4) == 0 ? 2 : 1
            while d <= end {
                var s = "  - relationship: \(r.id)\n    date: \(d)\n    minutes: \(30 + 15 * rng.below(5))\n"
                s += "    format: \(formats[rng.below(formats.count)])\n"
                if rng.below(5) != 0 { s += "    live_issue: \(rng.below(2) == 0)\n" }
                if r.members.count > 2 { s += "    attendees: [\(r.members.filter { _ in rng.below(5) != 0 }.joined(separator: ", "))]\n" }
                if rng.below(5) == 0 { s += "    notes: \"Confidential: talked through a difficult conversation with \(r.members[0])\"\n" }
                byMonth[d.month.ordinal, default: ""] += s
                sessionCount += 1
                d = d.adding(days: r.cadence * slack + rng.below(7) - 3)
            }
        }
        if singleFiles {
            try save("sessions:\n" + byMonth.keys.sorted().map { byMonth[$0]! }.joined(), "sessions.yaml")
        } else {
            for ordinal in byMonth.keys.sorted() {
                try save("sessions:\n" + byMonth[ordinal]!, "sessions/\(Month(ordinal: ordinal)).yaml")
            }
        }

        // surveys.yaml and responses/: baseline, check-in and final for mentees; check-in and final for mentors.
        let surveyDefs: [(id: String, kind: String, audience: String, opens: Day)] = [
            ("baseline", "baseline", "mentees", programStart),
            ("checkin-mentees", "checkin", "mentees", programStart.adding(days: 180)),
            ("final-mentees", "final", "mentees", programStart.adding(days: 400)),
            ("checkin-mentors", "checkin", "mentors", programStart.adding(days: 180)),
            ("final-mentors", "final", "mentors", programStart.adding(days: 400)),
        ]
        t = "surveys:\n"
        for s in surveyDefs {
            t += "  - id: \(s.id)\n    title: \(s.id.capitalized) survey\n    kind: \(s.kind)\n    audience: \(s.audience)\n    opens: \(s.opens)\n    questions:\n"
            if s.audience == "mentees" && s.kind != "checkin" {
                for (k, c) in SyntheticProgramme.competencies.enumerated() {
                    t += "      - id: c\(k + 1)\n        text: I am confident in \(c)\n        scale: likert5\n        competency: \(c)\n"
                }
            }
            if s.kind != "baseline" {
                t += "      - id: sat\n        text: The programme is worth my time\n        scale: likert5\n        measure: satisfaction\n"
                t += "      - id: nps\n        text: How likely are you to recommend the programme?\n        scale: nps\n"
                if s.audience == "mentors" { t += "      - id: learn\n        text: I learnt from my mentee\n        scale: likert5\n        measure: mentor-learning\n" }
                t += "      - id: story\n        text: What changed for you?\n        scale: text\n        measure: story\n"
            }
        }
        try save(t, "surveys.yaml")
        var responseCount = 0
        // The survey files' texts, each after its `responses:` line, joined for one file.
        var allResponses = ""
        for s in surveyDefs {
            t = "responses:\n"
            let audience = s.audience == "mentees" ? menteeIndices : mentorIndices
            let rate = s.audience == "mentees" ? 60 : 36
            for i in audience where rng.below(100) < rate {
                let p = persons[i]
                let submitted = max(s.opens, p.enrolled).adding(days: rng.below(30))
                guard submitted <= lastDay else { continue }
                var answers: [String] = []
                if s.audience == "mentees" && s.kind != "checkin" {
                    let lift = s.kind == "final" ? 1 : 0
                    for k in 1...6 { answers.append("c\(k): \(min(5, 1 + rng.below(4) + lift))") }
                }
                if s.kind != "baseline" {
                    answers.append("sat: \(2 + rng.below(4))")
                    answers.append("nps: \(3 + rng.below(8))")
                    if s.audience == "mentors" { answers.append("learn: \(2 + rng.below(4))") }
                    answers.append("story: \"It helped me lead my team through a reorganisation\"")
                }
                t += "  - survey: \(s.id)\n    respondent: \(p.id)\n    submitted: \(submitted)\n"
                t += "    consent_to_quote: \(rng.below(4) == 0)\n    answers: {\(answers.joined(separator: ", "))}\n"
                responseCount += 1
            }
            if singleFiles {
                allResponses += t.dropFirst("responses:\n".count)
            } else {
                try save(t, "responses/\(s.id).yaml")
            }
        }
        if singleFiles { try save("responses:\n" + allResponses, "responses.yaml") }

        // outcomes.yaml
        t = "outcomes:\n"
        var outcomeCount = 0
        for i in menteeIndices {
            let r = rng.below(100)
            let date = persons[i].enrolled.adding(days: 60 + rng.below(500))
            guard date <= lastDay else { continue }
            if r < 12 {
                t += "  - person: \(persons[i].id)\n    date: \(date)\n    event: promoted\n"
            } else if r < 20 {
                t += "  - person: \(persons[i].id)\n    date: \(date)\n    event: left\n    voluntary: \(rng.below(3) != 0)\n"
            } else if r < 50 {
                // A team engagement score when they enrolled, before their first relationship (SPEC 2026-12
                // pairs it with a later one), from a generator of its own so that every other record stays
                // as the seed made it before.
                var before = SplitMix64(seed: UInt64(i) &* 0x9E37_79B9_7F4A_7C15 &+ 0x7E57)
                t += "  - person: \(persons[i].id)\n    date: \(persons[i].enrolled)\n    event: engagement-score\n    value: \(35 + before.below(55))\n"
                outcomeCount += 1
                t += "  - person: \(persons[i].id)\n    date: \(date)\n    event: engagement-score\n    value: \(40 + rng.below(60))\n"
            } else { continue }
            outcomeCount += 1
        }
        try save(t, "outcomes.yaml")
        return "wrote \(folder): \(people) people, \(relationships.count) relationships, \(sessionCount) sessions, "
            + "\(responseCount) responses, \(outcomeCount) outcomes, \(megabytesFigure(bytes))"
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence everywhere.
package struct SplitMix64: Sendable {
    var state: UInt64
    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n.
    package mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
