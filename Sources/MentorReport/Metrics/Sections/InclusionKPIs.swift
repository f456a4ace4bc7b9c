/// SPEC §3 "Inclusion": each self-identified group's share of mentees against its share of the workforce.
extension KPIDefinition {
    static let inclusion: [KPIDefinition] = [
        KPIDefinition("inclusion.{group}.share", "{group}: share of mentees", name: "Group's share of mentees",
                      unit: .ratio, fraction: true, section: .inclusion,
                      "Enrolled mentees who list the group, as a share of enrolled mentees; not shown for groups under the privacy threshold."),
        KPIDefinition("inclusion.{group}.workforce_share", "{group}: share of workforce", name: "Group's share of workforce",
                      unit: .ratio, fraction: true, section: .inclusion,
                      "The group's share of the whole workforce, as program.yaml's benchmarks give it."),
        KPIDefinition("inclusion.{group}.representation_index", "{group}: representation index", name: "Representation index",
                      unit: .index, section: .inclusion,
                      "The group's share of mentees divided by its share of the workforce (1.00 = represented as in the workforce)."),
    ]
}

extension KPICalculator {
    /// inclusion.G.*: each group's share of enrolled mentees against its workforce share. Groups of fewer
    /// than `min_group_size` mentees are suppressed; when exactly one group is, the next-smallest is too,
    /// so that no suppressed count can be worked out from the others.
    func inclusion() -> [KPIValue] {
        let groups = index.groups
        var members = [Int](repeating: 0, count: groups.count)
        let start = index.personGroupStart, of = index.personGroup
        for p in enrolledMentees {
            for k in start[p]..<start[p + 1] { members[of[k]] += 1 }
        }
        var suppressed = members.map { $0 < minGroupSize }
        let primary = suppressed.filter { $0 }.count
        if primary == 1 {
            let candidates = groups.indices.filter { !suppressed[$0] }
            if let next = candidates.min(by: { (members[$0], $0) < (members[$1], $1) }) { suppressed[next] = true }
        }
        var out: [KPIValue] = []
        for (i, group) in groups.enumerated() {
            let share = KPIValue.rate("inclusion.\(group).share", members[i], enrolledMentees.count)
            let workforce = program.benchmarks.workforceShare(of: group)
            var index = KPIValue("inclusion.\(group).representation_index", .index,
                                 share.value.flatMap { v in workforce.flatMap { $0 > 0 ? v / $0 : nil } },
                                 n: members[i])
            var shareOut = share
            shareOut.n = members[i]
            if suppressed[i] {
                shareOut = shareOut.suppressing()
                index = index.suppressing()
            }
            out += [shareOut, KPIValue("inclusion.\(group).workforce_share", .ratio, workforce), index]
        }
        return out
    }
}
