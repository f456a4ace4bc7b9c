/// How often a pair agreed to meet.
public enum Cadence: String, CaseIterable, Sendable {
    case weekly, biweekly, monthly, quarterly

    /// Days between meetings, as SPEC section 3 fixes them.
    public var days: Int {
        switch self {
        case .weekly: return 7
        case .biweekly: return 14
        case .monthly: return 30
        case .quarterly: return 90
        }
    }
}

/// The programme's settings from `program.yaml`.
public struct Program: Sendable {
    public var id: String
    public var name: String
    public var organization: String?
    public var start: Day
    public var defaultCadence: Cadence = .monthly
    public var defaultMentorCapacity: Int = 2
    public var atRiskAfterDays: Int = 45
    public var minGroupSize: Int = 5

    /// The largest capacity a mentor may have (`mentor_capacity`, `default_mentor_capacity`): far more
    /// relationships than anyone leads at once, and small enough that capacities summed over
    /// 10,000,000 people cannot overflow.
    public static let maxMentorCapacity = 1_000
    /// The largest `at_risk_after_days`: ten years, longer than any mentoring relationship.
    public static let maxAtRiskAfterDays = 3_650
    /// The largest `min_group_size`: a group that must be larger than this to be shown is beyond
    /// any programme's surveys and cohorts.
    public static let maxMinGroupSize = 1_000

    /// KPI id → target value, in file order.
    public var targets: [Target] = []
    public var benchmarks = Benchmarks()
    public var costs = Costs()

    public init(id: String, name: String, start: Day) {
        self.id = id
        self.name = name
        self.start = start
    }

    /// The target set for a KPI id, if any.
    public func target(for kpi: String) -> Double? {
        targets.first { $0.kpi == kpi }?.value
    }
}

/// A target value for one KPI, shown as on or off target.
public struct Target: Sendable {
    public var kpi: String
    public var value: Double
    public var location: SourceLocation
}

/// Comparison figures for people outside the programme.
public struct Benchmarks: Sendable {
    public var promotionRate12m: Double?
    public var retentionRate12m: Double?
    /// Group → share of the whole workforce, in file order, with where each group is named.
    public var workforceShare: [(group: String, share: Double, location: SourceLocation)] = []

    public init() {}

    public func workforceShare(of group: String) -> Double? {
        workforceShare.first { $0.group == group }?.share
    }
}

/// Money figures for the return-on-investment KPI.
public struct Costs: Sendable {
    public var programmeCost: Double?
    public var replacementCostPerLeaver: Double?
    public init() {}
}

/// A leadership competency the programme develops; survey questions and goals point at it.
public struct Competency: Sendable {
    public var id: String
    public var name: String
    public var location: SourceLocation
}

/// An intake of people who start together.
public struct Cohort: Sendable {
    public var id: String
    public var name: String
    public var start: Day?
    public var end: Day?
    public var location: SourceLocation
}
