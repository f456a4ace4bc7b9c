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
