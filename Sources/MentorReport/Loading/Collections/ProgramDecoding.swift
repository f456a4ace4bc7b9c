/// What `program.yaml` holds besides the programme's settings.
struct ProgramFile {
    var program: Program?
    var competencies: [Competency] = []
    var cohorts: [Cohort] = []
}

/// The keys of `program.yaml`.
enum ProgramFileKey: String, YAMLName {
    case program, competencies, cohorts
    static let table = NameTable<ProgramFileKey>()
}

/// The keys of the programme's settings.
enum ProgramKey: String, YAMLName {
    case id, name, organization, start, defaultCadence = "default_cadence"
    case defaultMentorCapacity = "default_mentor_capacity", atRiskAfterDays = "at_risk_after_days"
    case privacy, targets, benchmarks, costs
    case branding, headlineKPIs = "headline_kpis"
    static let table = NameTable<ProgramKey>()
}

enum PrivacyKey: String, YAMLName {
    case minGroupSize = "min_group_size"
    static let table = NameTable<PrivacyKey>()
}

enum CostKey: String, YAMLName {
    case programmeCost = "programme_cost", replacementCostPerLeaver = "replacement_cost_per_leaver", currency
    static let table = NameTable<CostKey>()
}

enum BenchmarkKey: String, YAMLName {
    case promotionRate12m = "promotion_rate_12m", retentionRate12m = "retention_rate_12m", workforceShare = "workforce_share"
    static let table = NameTable<BenchmarkKey>()
}

/// The keys of a competency.
enum NamedItemKey: String, YAMLName {
    case id, name
    static let table = NameTable<NamedItemKey>()
}

/// The keys of a cohort.
enum CohortKey: String, YAMLName {
    case id, name, start, end
    static let table = NameTable<CohortKey>()
}

extension YAMLReader {
    func decodeProgramFile() throws -> ProgramFile {
        var result = ProgramFile()
        let info = try document(expecting: "a mapping with the keys program, competencies and cohorts", ProgramFileKey.table) { key in
            switch key {
            case .program: result.program = try decodeProgram()
            case .competencies:
                try markIncompleteUnlessList()
                try sequence("competencies") {
                    if let c = try decodeNamedItem(.competency) {
                        result.competencies.append(Competency(id: c.id, name: c.name, location: c.location))
                    }
                }
            case .cohorts:
                try markIncompleteUnlessList()
                try sequence("cohorts") {
                    if let c = try decodeCohort() { result.cohorts.append(c) }
                }
            }
        }
        if let info, let at = info.seen(.competencies), !info.failed(.competencies), result.competencies.isEmpty {
            error(at, "'competencies' lists none; expected at least one competency")
        }
        let top = SourceLocation(file: file, line: 1, column: 1)
        for required in [ProgramFileKey.program, .competencies] where info?.seen(required) == nil && errorCount == 0 {
            error(top, "program.yaml is missing the required key '\(required.rawValue)'")
        }
        return result
    }

    private func decodeProgram() throws -> Program? {
        var id: Located<String>?, name: String?, start: Day?
        var organization: String?, cadence: Cadence?, capacity: Int?, atRisk: Int?, minGroup: Int?
        var targets: [Target] = []
        var benchmarks = Benchmarks()
        var costs = Costs()
        var branding = Branding()
        var headlineKPIs: [Located<String>] = []
        guard let info = try mapping("program", ProgramKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .name: name = try string("name")
            case .organization: organization = try string("organization")
            case .start: start = try day("start")
            case .defaultCadence: cadence = try choice("default_cadence", Cadence.self)
            case .defaultMentorCapacity: capacity = try int("default_mentor_capacity", 1...Program.maxMentorCapacity)
            case .atRiskAfterDays: atRisk = try int("at_risk_after_days", 1...Program.maxAtRiskAfterDays)
            case .privacy:
                _ = try mapping("privacy", PrivacyKey.table) { _ in
                    minGroup = try int("min_group_size", 3...Program.maxMinGroupSize)
                }
            case .targets: targets = try decodeTargets()
            case .benchmarks: benchmarks = try decodeBenchmarks()
            case .costs:
                _ = try mapping("costs", CostKey.table) { k in
                    switch k {
                    case .programmeCost: costs.programmeCost = try number(k.rawValue, 0...Double.infinity)
                    case .replacementCostPerLeaver: costs.replacementCostPerLeaver = try number(k.rawValue, 0...Double.infinity)
                    case .currency: costs.currency = try currency()
                    }
                }
            case .branding: branding = try decodeBranding()
            case .headlineKPIs: headlineKPIs = try decodeHeadlineKPIs()
            }
        }) else { return nil }
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let name = require(name, .name, in: info, expected: "the programme's name"),
              let start = require(start, .start, in: info, expected: "a date as YYYY-MM-DD") else { return nil }
        var program = Program(id: id.value, name: name, start: start)
        program.organization = organization
        program.defaultCadence = cadence ?? .monthly
        program.defaultMentorCapacity = capacity ?? 2
        program.atRiskAfterDays = atRisk ?? 45
        program.minGroupSize = minGroup ?? 5
        program.targets = targets
        program.benchmarks = benchmarks
        program.costs = costs
        program.branding = branding
        program.headlineKPIs = headlineKPIs
        return program
    }

    /// `costs.currency` (SPEC §2, 2026-12): an ISO 4217 code. Not three upper-case letters: an error
    /// (the pages would show it beside every amount); well formed but not a code ISO 4217 lists: a
    /// warning with the nearest code, and the code is used as written (decision 80).
    private func currency() throws -> String? {
        let expected = "an ISO 4217 currency code of three upper-case letters, such as GBP, EUR or USD"
        guard let e = try scalar("currency", expected: expected) else { return nil }
        let code = e.value, at = location(e)
        guard CurrencyCode.isWellFormed(code) else {
            let upper = code.uppercased()
            let hint = CurrencyCode.isKnown(upper) ? " — did you mean '\(upper)'?" : ""
            error(at, "'\(clip(code))' is not a currency code for 'currency'; expected \(expected)\(hint)")
            return nil
        }
        if !CurrencyCode.isKnown(code) {
            let hint = nearest(to: code, in: CurrencyCode.all).map { " — did you mean '\($0)'?" }
                ?? "; money is shown with '\(code)' as written"
            warning(at, "currency '\(code)' is not an ISO 4217 code\(hint)")
        }
        return code
    }

    /// `targets`: KPI id → number. The ids are checked against the KPI catalog by the validator.
    private func decodeTargets() throws -> [Target] {
        var targets: [Target] = []
        try numberMapping("targets", keyName: "KPI id", range: -Double.infinity...Double.infinity) { kpi, at, value in
            if targets.contains(where: { $0.kpi == kpi }) {
                error(at, "target '\(kpi)' appears twice; expected each KPI once")
            } else {
                targets.append(Target(kpi: kpi, value: value, location: at))
            }
        }
        return targets
    }

    /// A mapping of free keys to numbers in `range` (targets, workforce shares); `body` gets each pair.
    private func numberMapping(_ what: String, keyName: String, range: ClosedRange<Double>,
                               _ body: (String, SourceLocation, Double) -> Void) throws {
        let start = try peek()
        guard start.kind == .mappingStart else {
            if !isNull(start) {
                error(location(start), "'\(what)' holds \(describe(start)); expected a mapping of \(keyName)s to numbers")
            }
            try skipValue()
            return
        }
        _ = try next()
        while true {
            let keyEvent = try next()
            if keyEvent.kind == .mappingEnd { break }
            guard keyEvent.kind == .scalar else {
                let found = describe(keyEvent)
                try skipOpened()
                try skipValue()
                error(location(keyEvent), "a key of \(what) is \(found); expected a \(keyName)")
                continue
            }
            let key = keyEvent.value, at = location(keyEvent)
            if let value = try number(key, range) { body(key, at, value) }
        }
    }

    private func decodeBenchmarks() throws -> Benchmarks {
        var b = Benchmarks()
        _ = try mapping("benchmarks", BenchmarkKey.table) { key in
            switch key {
            case .promotionRate12m: b.promotionRate12m = try number(key.rawValue, 0...1)
            case .retentionRate12m: b.retentionRate12m = try number(key.rawValue, 0...1)
            case .workforceShare:
                try numberMapping("workforce_share", keyName: "group name", range: 0...1) { group, at, share in
                    if !isValidId(group) {
                        error(at, YAMLReader.invalidGroupName(group, in: " in workforce_share"))
                    } else if b.workforceShare.contains(where: { $0.group == group }) {
                        error(at, "group '\(group)' appears twice in workforce_share; expected each group once")
                    } else {
                        b.workforceShare.append((group, share, at))
                    }
                }
            }
        }
        return b
    }

    /// An item with `id` and `name` only (a competency).
    private func decodeNamedItem(_ kind: RecordKind) throws -> (id: String, name: String, location: SourceLocation)? {
        var id: Located<String>?, name: String?
        guard var info = try mapping(kind.description, NamedItemKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .name: name = try string("name")
            }
        }) else { return nil }
        info.id = id?.value
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let name = require(name, .name, in: info, expected: "text") else { return leftOut(id, kind) }
        return (id.value, name, id.location)
    }

    private func decodeCohort() throws -> Cohort? {
        var id: Located<String>?, name: String?, start: Day?, end: Day?
        guard var info = try mapping("cohort", CohortKey.table, { key in
            switch key {
            case .id: id = try self.id("id")
            case .name: name = try string("name")
            case .start: start = try day("start")
            case .end: end = try day("end")
            }
        }) else { return nil }
        info.id = id?.value
        guard let id = require(id, .id, in: info, expected: YAMLReader.idExpectation),
              let name = require(name, .name, in: info, expected: "text") else { return leftOut(id, .cohort) }
        if let start, let end, end < start {
            error(info.seen(.end) ?? info.location, "cohort '\(id.value)' ends (\(end)) before it starts (\(start)); expected end on or after start")
        }
        return Cohort(id: id.value, name: name, start: start, end: end, location: id.location)
    }
}
