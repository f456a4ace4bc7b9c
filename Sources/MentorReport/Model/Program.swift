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
    /// The programme's id.
    public var id: String
    /// The programme's name, shown on every page.
    public var name: String
    /// The organisation running it, when given.
    public var organization: String?
    /// The day the programme started; trends begin no earlier.
    public var start: Day
    /// The cadence of relationships that name none.
    public var defaultCadence: Cadence = .monthly
    /// The capacity of mentors with no `mentor_capacity`.
    public var defaultMentorCapacity: Int = 2
    /// Days without a session after which an active relationship is at risk.
    public var atRiskAfterDays: Int = 45
    /// The fewest people a figure may describe; figures about fewer are suppressed.
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
    /// Figures for people outside the programme, to compare with.
    public var benchmarks = Benchmarks()
    /// The money figures behind the ROI.
    public var costs = Costs()
    /// The logo and accent colour of the pages.
    public var branding = Branding()
    /// The executive summary's tiles: 3 to 6 KPI ids, in order, with where each is named; empty when
    /// program.yaml lists none (the template's own list then applies).
    public var headlineKPIs: [Located<String>] = []

    /// The executive summary's tiles when program.yaml names none: the same list as the
    /// `headline-kpis` parameter of templates/executive-summary.xsl (a test keeps them equal).
    public static let defaultHeadlineKPIs = ["relationships.active", "match.rate", "cadence.adherence",
                                             "satisfaction.mean.mentees", "outcomes.retention_rate_12m"]

    /// The executive summary's tiles: program.yaml's, else the default list.
    public var headline: [String] { headlineKPIs.isEmpty ? Program.defaultHeadlineKPIs : headlineKPIs.map(\.value) }

    /// The logo's alternative text: the organisation's name (the programme's when there is none) and "logo".
    public var logoAlt: String { (organization ?? name) + " logo" }

    /// A programme with the default settings and no targets, benchmarks or costs.
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
    /// The KPI id the target is for.
    public var kpi: String
    /// The target value: a floor, or a ceiling where lower is better.
    public var value: Double
    /// Where the target is in program.yaml.
    public var location: SourceLocation
}

/// Comparison figures for people outside the programme.
public struct Benchmarks: Sendable {
    /// The organisation's 12-month promotion rate, a fraction.
    public var promotionRate12m: Double?
    /// The organisation's 12-month retention rate, a fraction.
    public var retentionRate12m: Double?
    /// Group → share of the whole workforce, in file order, with where each group is named.
    public var workforceShare: [(group: String, share: Double, location: SourceLocation)] = []

    /// No benchmarks.
    public init() {}

    /// The share of the workforce in `group`, when given.
    public func workforceShare(of group: String) -> Double? {
        workforceShare.first { $0.group == group }?.share
    }
}

/// Money figures for the return-on-investment KPI.
public struct Costs: Sendable {
    /// What the programme costs.
    public var programmeCost: Double?
    /// What replacing one person who leaves costs.
    public var replacementCostPerLeaver: Double?
    /// The ISO 4217 code money is shown in (`GBP`); nil: amounts are shown without one.
    public var currency: String?
    /// No costs.
    public init() {}
}

/// ISO 4217 currency codes (SPEC §2 `costs.currency`, 2026-12): the codes the standard lists, with the
/// few withdrawn since 2020 (a programme's costs may be older than the change). A code of three
/// upper-case letters not here is a warning, not an error: the list changes (ZWG, XCG), and a report
/// must not stop for a code that is newer than this list (decision 80).
enum CurrencyCode {
    /// Whether `code` is three upper-case ASCII letters, the form of every ISO 4217 code.
    static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// Whether ISO 4217 lists `code` (or listed it since 2020).
    static func isKnown(_ code: String) -> Bool { known.contains(code) }

    /// The codes, in alphabetical order (for suggestions).
    static let all: [String] = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP \
        BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB \
        EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD \
        JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU \
        MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD \
        RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY \
        TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD \
        XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL
        """.split(separator: " ").map(String.init)
    private static let known = Set(all)
}

/// A leadership competency the programme develops; survey questions and goals point at it.
public struct Competency: Sendable {
    /// The competency's id, which questions and goals name.
    public var id: String
    /// Its readable name, used in KPI labels.
    public var name: String
    /// Where it is declared in program.yaml.
    public var location: SourceLocation
}

/// An intake of people who start together.
public struct Cohort: Sendable {
    /// The cohort's id, which people, relationships and surveys name.
    public var id: String
    /// Its readable name, used in KPI labels.
    public var name: String
    /// The cohort's first day, when given.
    public var start: Day?
    /// The cohort's last day, when given.
    public var end: Day?
    /// Where it is declared in program.yaml.
    public var location: SourceLocation
}
