import Foundation
import Testing
@testable import MentorReport

/// The KPI catalogue is the one place a KPI is declared: what is computed, labelled, documented and
/// explained on the pages all comes from it.
@Suite struct KPICatalogueTests {
    static let sample = Fixture.repository.appendingPathComponent("data").path

    @Test func everyComputedKPIIsInTheCatalogueAndEveryEntryIsComputedWithItsUnit() throws {
        let data = Loader(folder: Self.sample).load().data
        let catalog = KPICatalog(data: data)
        for month in ["2026-03", "2026-10"] {
            let period = ReportingPeriod(try #require(Month(text: month)))
            let report = Report(data: data, period: period, audience: .public)
            // The month's catalogue: the segments of its enrolled mentees, the questions of its open surveys.
            let ofMonth = KPICatalog(data: data, period: period)
            #expect(report.kpis.map(\.id) == ofMonth.ids, "\(month)")
            #expect(Set(ofMonth.ids).isSubset(of: catalog.ids), "\(month)")
            for kpi in report.kpis {
                let definition = try #require(KPIDefinition.of(kpi.id), "\(kpi.id) has no definition")
                #expect(kpi.current.unit == definition.unit, "\(kpi.id): computed in \(kpi.current.unit), catalogued in \(definition.unit)")
            }
        }
        // Every definition is used by the sample (each family has at least one member there).
        for definition in KPIDefinition.all {
            #expect(catalog.entries.contains { $0.definition.pattern == definition.pattern }, "\(definition.pattern) is never computed")
        }
    }

    @Test func definitionsAreWholeAndUnique() {
        var patterns = Set<String>(), keys = Set<String>()
        for d in KPIDefinition.all {
            #expect(patterns.insert(d.pattern).inserted, "\(d.pattern) declared twice")
            #expect(keys.insert(d.key).inserted, "\(d.key) used twice")
            #expect(!d.label.isEmpty && !d.name.isEmpty && d.definition.hasSuffix("."), "\(d.pattern)")
            #expect(d.definition.count < 300, "\(d.pattern): one sentence")
        }
        #expect(KPIDefinition.trendIds == ["sessions.count", "relationships.active", "cadence.adherence", "health.at_risk",
                                          "match.rate", "satisfaction.mean.mentees"])
    }

    @Test func directionsFractionsAndFamiliesComeFromTheCatalogue() {
        #expect(lowerIsBetter("health.at_risk") && lowerIsBetter("match.waiting") && lowerIsBetter("policy.past_planned_end"))
        #expect(!lowerIsBetter("match.rate") && !lowerIsBetter("outcomes.roi"))
        #expect(KPICatalog.isFraction("surveys.response_rate.pulse") && KPICatalog.isFraction("inclusion.women.workforce_share"))
        #expect(!KPICatalog.isFraction("inclusion.women.representation_index") && !KPICatalog.isFraction("mentor.capacity_utilization"))
        #expect(KPIDefinition.of("competency.strategic-thinking.effect_size")?.pattern == "competency.{competency}.effect_size")
        #expect(KPIDefinition.of("competency.x.nope") == nil && KPIDefinition.of("satisfaction.mean.") == nil)
    }

    @Test func labelsFillInTheirPartsNames() throws {
        let data = Loader(folder: Self.sample).load().data
        let catalog = KPICatalog(data: data)
        #expect(catalog.entry("satisfaction.top2.mentors")?.label == "Mentors satisfied (4 or 5)")
        #expect(catalog.entry("nps.mentees")?.label == "Mentee Net Promoter Score")
        let cohort = try #require(data.cohorts.first)
        #expect(catalog.entry("relationships.active.cohort.\(cohort.id)")?.label == "Active in \(cohort.name)")
        let competency = try #require(data.competencies.first)
        #expect(catalog.entry("competency.\(competency.id).effect_size")?.label == "\(competency.name): effect size")
    }

    /// docs/kpis.md is the catalogue as written; `MENTOR_REPORT_WRITE_DOCS=1` rewrites it.
    @Test func theCatalogueDocumentIsUpToDate() throws {
        let path = Fixture.repository.appendingPathComponent("docs/kpis.md").path
        let expected = KPIDefinition.catalogueMarkdown()
        if ProcessInfo.processInfo.environment["MENTOR_REPORT_WRITE_DOCS"] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "docs/kpis.md is out of date")
    }

    @Test func reportXMLCarriesEachKPIsLabelAndTermAndTheGlossary() throws {
        let out = try TemporaryFolder()
        let written = try build(Self.sample, out: out.path)
        let xml = try String(contentsOfFile: written + "/report.xml", encoding: .utf8)
        #expect(xml.contains(#"<kpi id="cadence.adherence" label="Cadence adherence" term="cadence.adherence""#))
        #expect(xml.contains(#"label="Response rate: June check-in for mentees" term="surveys.response_rate.survey""#))
        #expect(xml.contains(#"<term key="competency.competency.effect_size" pattern="competency.{competency}.effect_size" name="Competency: effect size (d_z)" section="Learning" unit="effect-size" better="higher">"#))
    }

    /// Every page explains what it shows: each KPI label links to a definition on the same page, and
    /// every such link lands (no broken in-page anchors).
    @Test func pagesLinkTheirKPIsToTheirGlossary() throws {
        let out = try TemporaryFolder()
        let written = try build(Self.sample, out: out.path, audience: .admin)
        var linked = 0
        for page in try FileManager.default.contentsOfDirectory(atPath: written) where page.hasSuffix(".html") {
            let html = try String(contentsOfFile: written + "/" + page, encoding: .utf8)
            let targets = matches(##"href="#([^"]+)""##, in: html)
            let ids = Set(matches(#" id="([^"]+)""#, in: html))
            for target in targets { #expect(ids.contains(target), "\(page) links to #\(target), which it does not have") }
            let terms = targets.filter { $0.hasPrefix("term-") }
            linked += terms.count
            if page != "relationships.html" { #expect(!terms.isEmpty, "\(page) explains none of its KPIs") }
            for term in Set(terms) {
                let key = String(term.dropFirst("term-".count))
                // A catalogue definition, or on the Compare page a segment KPI explained once for the three
                // dimensions (decision 114).
                let name = try #require(KPIDefinition.all.first { $0.key == key }?.name
                                        ?? SegmentMeasure.all.first { page == "compare.html" && $0.key == key }?.name, "\(page): \(key)")
                #expect(html.contains("<dt id=\"\(term)\">\(name)</dt>"), "\(page): \(key)")
            }
        }
        #expect(linked > 50)
        let engagement = try String(contentsOfFile: written + "/engagement.html", encoding: .utf8)
        #expect(engagement.contains(##"<a class="defined" href="#term-cadence.adherence">Cadence adherence</a>"##))
        #expect(engagement.contains("<dd>Share of relationships old enough to judge (on track, behind or at risk) that are on track.</dd>"))
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
