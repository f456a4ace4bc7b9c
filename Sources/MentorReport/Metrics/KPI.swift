/// What a KPI's number is measured in; written to `report.xml` and `kpis.csv` as `unit`.
public enum KPIUnit: String, Sendable {
    case count, ratio, days, hours, nps, likert, index
    case perRelationship = "per-relationship"
    case effectSize = "effect-size"
    case currency
    /// Points of the 0–100 team engagement scale.
    case points
    /// A mean answer on its question's own scale (1–5 or 0–10).
    case score
}

/// Whether a KPI has a value: `ok`, `suppressed` (too few people to show, SPEC §3 privacy) or `noData`
/// (nothing to compute it from, such as a zero denominator). Suppressed and no-data are never confused.
public enum KPIStatus: String, Sendable {
    case ok
    case suppressed
    case noData = "no-data"
}

/// One KPI's result for one month.
public struct KPIValue: Sendable, Equatable {
    /// The KPI's id, as the catalogue lists it.
    public var id: String
    /// What the value is measured in.
    public var unit: KPIUnit
    /// Nil when suppressed or when there is no data.
    public var value: Double?
    /// The number of people, relationships, sessions or answers behind the value (its denominator or
    /// sample size); nil when it would reveal a suppressed cell or does not apply.
    public var n: Int?
    /// Withheld because it would describe fewer than `min_group_size` people.
    public var suppressed: Bool = false

    /// `ok`, `suppressed` or `noData`.
    public var status: KPIStatus { suppressed ? .suppressed : value == nil ? .noData : .ok }

    init(_ id: String, _ unit: KPIUnit, _ value: Double?, n: Int? = nil) {
        self.id = id
        self.unit = unit
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.n = n
    }

    /// `numerator / denominator`, or no data when the denominator is 0.
    static func rate(_ id: String, _ numerator: Int, _ denominator: Int, unit: KPIUnit = .ratio) -> KPIValue {
        KPIValue(id, unit, denominator == 0 ? nil : Double(numerator) / Double(denominator), n: denominator)
    }

    static func count(_ id: String, _ value: Int) -> KPIValue { KPIValue(id, .count, Double(value)) }

    /// The same KPI with its value and size withheld.
    func suppressing() -> KPIValue {
        var copy = self
        copy.value = nil
        copy.n = nil
        copy.suppressed = true
        return copy
    }
}

/// All KPIs of one month, in catalog order.
struct KPISet: Sendable {
    private(set) var values: [KPIValue] = []
    private var positions: [String: Int] = [:]

    mutating func append(_ value: KPIValue) {
        positions[value.id] = values.count
        values.append(value)
    }

    subscript(id: String) -> KPIValue? {
        positions[id].map { values[$0] }
    }
}

/// KPIs for which lower values are better (SPEC §3): their target is a ceiling.
func lowerIsBetter(_ id: String) -> Bool {
    KPIDefinition.of(id)?.direction == .lowerIsBetter
}
