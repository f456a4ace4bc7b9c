import Foundation
import Testing
@testable import MentorReport

/// The Compare page (SPEC 2026-12 "Segments", issue 16), read as a person reads it from built pages: one
/// table per dimension with the values by name, withheld segments reading "fewer than N people" in
/// every cell and without dots, and the whole programme's value as each chart's dashed line.
@Suite struct ComparePageTests {
    static let measures = ["mentees", "match.rate", "cadence.adherence", "goals.achievement_rate", "satisfaction.mean.mentees",
                           "outcomes.promotion_rate_12m", "outcomes.retention_rate_12m"]
    static let names = ["Mentees", "Mentees matched", "Cadence adherence", "Goals achieved so far", "Mentee satisfaction (1–5)",
                        "Mentees promoted in 12 months", "Mentees retained over 12 months"]
    static let withheld = Array(repeating: "fewer than 5 people", count: 7)

    // MARK: Reading the page

    /// The text a person reads in `html`: tags dropped (a block's start and end as a space), the entities
    /// XSLT writes decoded, spaces collapsed.
    static func text<S: StringProtocol>(_ html: S) -> String {
        let blocks: Set<String> = ["p", "dt", "dd", "h2", "h3", "li", "tr", "caption", "figcaption", "section", "dl"]
        var out = "", tag: String? = nil
        for c in html {
            if c == "<" { tag = "" } else if c == ">", let t = tag {
                let name = t.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if blocks.contains(String(name)) { out.append(" ") }
                tag = nil
            } else if tag != nil { tag!.append(c) } else { out.append(c) }
        }
        out = out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The part of `text` from `start` to the next `end` after it.
    static func part(_ text: Substring, from start: String, to end: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Substring {
        let a = try #require(text.range(of: start), "no \(start.debugDescription)", sourceLocation: sourceLocation)
        let b = try #require(text[a.upperBound...].range(of: end), "no \(end.debugDescription) after \(start.debugDescription)", sourceLocation: sourceLocation)
        return text[a.lowerBound..<b.upperBound]
    }

    /// The section of one dimension ("cohort", "department", "level").
    static func section(_ page: String, _ dimension: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Substring {
        try part(page[...], from: "<section aria-labelledby=\"compare-\(dimension)-heading\">", to: "</section>", sourceLocation: sourceLocation)
    }

    /// The rows of a section's table, the whole programme's last: the row's name and its cells' text.
    static func rows(_ section: Substring) throws -> [(name: String, cells: [String])] {
        let table = try part(section, from: "<table", to: "</table>")
        return table.components(separatedBy: "<tr").dropFirst().compactMap { row in
            guard let th = row.range(of: "<th scope=\"row\">"), let thEnd = row.range(of: "</th>", range: th.upperBound..<row.endIndex)
            else { return nil }
            let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
                text(cell[cell.index(after: cell.firstIndex(of: ">")!)...].components(separatedBy: "</td>")[0])
            }
            return (text(row[th.upperBound..<thEnd.lowerBound]), cells)
        }
    }

    /// The chart of a measure (by its name) in a section: its caption, its text alternative, and per row the
    /// value's name, whether it has a dot and what it says.
    struct Chart {
        let caption: String
        let description: String
        let referenceX: String?
        let rows: [(name: String, dot: Bool, says: String)]
    }

    static func chart(_ section: Substring, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Chart {
        let figures = section.components(separatedBy: "<figure class=\"segment-dots\">").dropFirst()
        let figure = try #require(figures.first { $0.contains("<figcaption><strong>\(name)</strong>") }, "no chart \(name)",
                                  sourceLocation: sourceLocation)
        let caption = text(figure.components(separatedBy: "</figcaption>")[0])
        let description = text(figure.components(separatedBy: "<desc")[1].components(separatedBy: "</desc>")[0].drop { $0 != ">" }.dropFirst())
        let reference = figure.components(separatedBy: "<line class=\"reference-line\" x1=\"").dropFirst().first
            .map { String($0.prefix { $0 != "\"" }) }
        let rows = figure.components(separatedBy: "<g class=\"dot-row\">").dropFirst().map { g in
            let row = g.components(separatedBy: "</g>")[0]
            let title = text(row.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0])
            let says = row.components(separatedBy: "<text").dropFirst(2).map { text($0.drop { $0 != ">" }.dropFirst()) }.joined(separator: " ")
            return (title, row.contains("<circle"), says)
        }
        return Chart(caption: caption, description: description, referenceX: reference, rows: rows)
    }

    /// A value as the page writes it: rates with one decimal and %, satisfaction with two, counts whole;
    /// from report.xml's four decimals, rounded half up.
    static func shown(_ kpi: KPIValue) -> String {
        guard let v = kpi.value else { return kpi.suppressed ? "fewer than 5 responses" : "no data" }
        func rounded(_ d: Decimal, _ places: Int) -> String {
            var x = d, r = Decimal()
            NSDecimalRound(&r, &x, places, .plain)
            return String(format: "%.\(places)f", NSDecimalNumber(decimal: r).doubleValue)
        }
        let d = Decimal(string: formatNumber(v))!
        switch kpi.unit {
        case .ratio: return rounded(d * 100, 1) + "%"
        case .likert: return rounded(d, 2)
        default: return formatNumber(v)
        }
    }

    /// Where the chart draws a rate: 132 + 150 × value (the plot's start and width), to one decimal.
    static func x(rate: Double) -> String {
        var s = String(format: "%.1f", 132 + 150 * Double(formatNumber(rate))!)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    // MARK: The sample

    @Test func theSampleShowsEachSegmentByNameWithItsValuesAndTheProgrammeAsTheDashedLine() throws {
        let out = try TemporaryFolder()
        let written = try build(ExportTests.sample, out: out.path, period: "2026-10")
        let page = try String(contentsOfFile: written + "/compare.html", encoding: .utf8)
        let data = Loader(folder: ExportTests.sample).load().data
        let period = ReportingPeriod(try #require(Month(text: "2026-10")))
        let report = Report(data: data, period: period, audience: .public)

        #expect(Self.text(page).contains("A segment is the group of enrolled mentees who share a cohort, a department or a level, as people.yaml records it for each mentee."))
        #expect(Self.text(page).contains("a segment of fewer than 5 mentees is not shown: each of its cells reads “fewer than 5 people”."))
        for dimension in SegmentDimension.allCases {
            let section = try Self.section(page, dimension.rawValue)
            let values = KPICatalog.values(of: dimension.part, in: data, asOf: period.asOf)
            let rows = try Self.rows(section)
            // Every value by its name, in name order, then the whole programme.
            #expect(rows.map(\.name) == values.map(\.words) + ["Whole programme"], "\(dimension)")
            var withheld = 0
            for (row, value) in zip(rows, values) {
                let prefix = "segment.\(dimension.rawValue).\(value.value)."
                let segment = try #require(report.kpi(prefix + "mentees")).current
                if segment.suppressed {
                    withheld += 1
                    #expect(row.cells == Self.withheld, "\(row.name)")
                } else {
                    let expected = try Self.measures.map { Self.shown(try #require(report.kpi(prefix + $0)).current) }
                    #expect(row.cells == expected, "\(row.name)")
                }
            }
            #expect(withheld != 1, "\(dimension): a lone withheld segment")
            let programme = try ["participants.mentees"] + Self.measures.dropFirst().map { $0 }
            #expect(rows.last?.cells == (try programme.map { Self.shown(try #require(report.kpi($0)).current) }))
            // Each chart: a dot for every shown value, none for a withheld one; the dashed line at the
            // programme's value, named in the caption and the text alternative.
            for (measure, name) in zip(Self.measures, Self.names) {
                let chart = try Self.chart(section, name)
                #expect(chart.rows.map(\.name) == values.map(\.words))
                for (row, value) in zip(chart.rows, values) {
                    let kpi = try #require(report.kpi("segment.\(dimension.rawValue).\(value.value).\(measure)")).current
                    #expect(row.dot == (kpi.value != nil), "\(name): \(row.name)")
                    let whole = try #require(report.kpi("segment.\(dimension.rawValue).\(value.value).mentees")).current.suppressed
                    if whole { #expect(row.says == "fewer than 5 people", "\(name): \(row.name)") }
                    else if kpi.value == nil { #expect(row.says == Self.shown(kpi), "\(name): \(row.name)") }
                }
                if measure == "mentees" {
                    #expect(chart.referenceX == nil)
                    #expect(chart.caption.contains("No dashed line"))
                } else {
                    let whole = try #require(report.kpi(measure)).current
                    #expect(chart.caption.contains("Dashed line: the whole programme, \(Self.shown(whole))."), "\(name)")
                    #expect(chart.description.hasSuffix("Dashed line: the whole programme, \(Self.shown(whole))."), "\(name)")
                    if whole.unit == .ratio, let v = whole.value { #expect(chart.referenceX == Self.x(rate: v), "\(name)") }
                }
            }
        }
        // Readable names, not the ids: the department written people-culture in KPI ids, the cohorts' names.
        let departments = try Self.rows(try Self.section(page, "department")).map(\.name)
        #expect(departments.contains("People & Culture") && !departments.contains("people-culture"))
        #expect(try Self.rows(try Self.section(page, "cohort")).map(\.name) == ["Autumn 2025", "Spring 2026", "Whole programme"])
        // Match rate of the whole programme as a person reads it, and its line drawn there.
        let matched = try Self.chart(try Self.section(page, "cohort"), "Mentees matched")
        #expect(matched.caption == "Mentees matched Dashed line: the whole programme, 93.8%.")
        #expect(matched.referenceX == "272.7")   // 132 + 150 × 0.9383
    }

    // MARK: A small programme

    /// Tests/Fixtures/kpi-segments with mentee c6 in People & Culture: departments Finance 4, Operations 5,
    /// People & Culture 6 mentees; levels Senior manager 4, Manager 5, Team lead 6; min_group_size 5.
    static func smallProgramme() throws -> TemporaryFolder {
        let people = try Fixture.text("kpi-segments/people.yaml",
                                      replacing: "{id: c6, name: Mentee C6, roles: [mentee], enrolled: 2026-01-01, level: Team lead, cohort: 2026-b}",
                                      with: "{id: c6, name: Mentee C6, roles: [mentee], enrolled: 2026-01-01, level: Team lead, department: People & Culture, cohort: 2026-b}")
        return try Fixture.variant(of: "kpi-segments", ["people.yaml": people])
    }

    @Test func aSegmentOfFourAndTheNextSmallestReadFewerThanFivePeopleEverywhere() throws {
        let folder = try Self.smallProgramme()
        let out = try TemporaryFolder()
        let written = try build(folder.path, out: out.path, period: "2026-03")
        let page = try String(contentsOfFile: written + "/compare.html", encoding: .utf8)

        let departments = try Self.section(page, "department")
        let rows = try Self.rows(departments)
        #expect(rows.map(\.name) == ["Finance", "Operations", "People & Culture", "Whole programme"])
        // Finance (4) is withheld; being the only one, Operations (5), the next-smallest, is too.
        #expect(rows[0].cells == Self.withheld)
        #expect(rows[1].cells == Self.withheld)
        // People & Culture, c1-c6 (SegmentKPITests works each out): c1-c4 matched of 6; r1 on track, r2 at
        // risk, r3 too early; 2 of 3 goals achieved; satisfaction (5 + 4 + 3 + 4 + 2 + 5) / 6; c1 promoted;
        // 4 of 5 stayed (c4 left before the window, c3 in it).
        #expect(rows[2].cells == ["6", "66.7%", "50.0%", "66.7%", "3.83", "16.7%", "80.0%"])
        // The whole programme: 15 enrolled mentees, 7 matched (a1, a2, b5, c1-c4).
        #expect(rows[3].cells[0] == "15" && rows[3].cells[1] == "46.7%")

        for name in Self.names {
            let chart = try Self.chart(departments, name)
            #expect(chart.rows.map(\.name) == ["Finance", "Operations", "People & Culture"], "\(name)")
            #expect(chart.rows.map(\.dot) == [false, false, true], "\(name)")
            #expect(chart.rows[0].says == "fewer than 5 people" && chart.rows[1].says == "fewer than 5 people", "\(name)")
            #expect(chart.description.hasPrefix("Finance: no dot, fewer than 5 people; Operations: no dot, fewer than 5 people; People & Culture: "), "\(name)")
            #expect(chart.caption.contains("A row without a dot says why"), "\(name)")
        }
        let matched = try Self.chart(departments, "Mentees matched")
        #expect(matched.caption == "Mentees matched Dashed line: the whole programme, 46.7%. A row without a dot says why; the numbers are in the table above.")
        #expect(matched.referenceX == "202")   // 132 + 150 × 7/15 (0.4667)
        #expect(matched.rows[2].says == "66.7%")

        // Levels: Senior manager (4) and Manager (5) withheld, by name; Team lead shown.
        let levels = try Self.rows(try Self.section(page, "level"))
        #expect(levels.map(\.name) == ["Manager", "Senior manager", "Team lead", "Whole programme"])
        #expect(levels[0].cells == Self.withheld && levels[1].cells == Self.withheld)
        #expect(levels[2].cells == ["6", "66.7%", "50.0%", "66.7%", "3.83", "16.7%", "80.0%"])
        #expect(try Self.chart(try Self.section(page, "level"), "Cadence adherence").rows.map(\.name) == ["Manager", "Senior manager", "Team lead"])

        // The cohorts by name; 2026-a (Winter, 8) has no satisfaction answers: no data, not a dot at 0.
        let cohorts = try Self.rows(try Self.section(page, "cohort"))
        #expect(cohorts.map(\.name) == ["Winter", "Autumn", "Whole programme"])
        #expect(cohorts[0].cells[4] == "no data")
        let satisfaction = try Self.chart(try Self.section(page, "cohort"), "Mentee satisfaction (1–5)")
        #expect(satisfaction.rows.map(\.dot) == [false, true])
        #expect(satisfaction.rows[0].says == "no data")
        #expect(satisfaction.description.hasPrefix("Winter: no dot, no data; Autumn: "))

        // Column headings link to the glossary, which defines each segment KPI once.
        for measure in Self.measures {
            #expect(page.components(separatedBy: "href=\"#term-segment.\(measure)\"").count - 1 == 3, "\(measure)")
            #expect(page.components(separatedBy: "id=\"term-segment.\(measure)\"").count - 1 == 1, "\(measure)")
        }
        let glossary = Self.text(try Self.part(page[...], from: "<section class=\"glossary\"", to: "</section>"))
        #expect(glossary.contains("Mentees matched Share of the segment's enrolled mentees who are mentees of a relationship that has started by the last day of the month."))

        // report.xml carries the page's data: the values in name order with their names and withheld state.
        let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
        #expect(xml.contains("""
            <dimension id="level">
                  <value key="Manager" name="Manager" suppressed="true"/>
                  <value key="senior-manager" name="Senior manager" suppressed="true"/>
                  <value key="team-lead" name="Team lead" suppressed="false"/>
                </dimension>
            """))
        #expect(xml.contains(#"<value key="people-culture" name="People &amp; Culture" suppressed="false"/>"#))
        #expect(xml.contains(#"<measure kpi="match.rate" name="Mentees matched" unit="ratio" programme="match.rate">"#))
        #expect(xml.contains(#"<measure kpi="mentees" name="Mentees" unit="count">"#))
    }
}
