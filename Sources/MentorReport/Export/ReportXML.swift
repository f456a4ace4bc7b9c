/// Builds `report.xml`: the whole computed report, the export for other systems and the only input of
/// the HTML templates. Public documents hold aggregates only; admin documents add the relationships
/// with their people and the policy findings. Session notes and text answers other than consented
/// stories are not in the report model, so they cannot appear here.
struct ReportXML {
    let report: Report

    static let formatVersion = "1"

    /// One `<trend>` per series, with a `<point>` per month.
    private func writeTrends(_ series: [Trend], into parent: XMLElement) {
        for t in series {
            let e = parent.element("trend")
            e.attribute("kpi", t.kpi)
            e.attribute("unit", t.points.first?.value.unit.rawValue)
            for point in t.points {
                let pe = e.element("point")
                pe.attribute("month", point.month.description)
                write(point.value, to: pe, unit: false)
            }
        }
    }

    func document() -> XMLDocument {
        let doc = XMLDocument(root: "report")
        let root = doc.root
        let data = report.data
        let period = report.period
        root.attribute("format-version", ReportXML.formatVersion)
        root.attribute("audience", report.audience.rawValue)
        root.attribute("period", period.month.description)
        root.attribute("first", period.first.description)
        root.attribute("last", period.last.description)
        root.attribute("as-of", period.asOf.description)
        root.attribute("previous-period", period.month.previous.description)

        let program = data.program
        let p = root.element("programme")
        p.attribute("id", program.id)
        p.attribute("name", program.name)
        p.attribute("organization", program.organization)
        p.attribute("start", program.start.description)
        p.attribute("default-cadence", program.defaultCadence.rawValue)
        p.attribute("default-mentor-capacity", String(program.defaultMentorCapacity))
        p.attribute("at-risk-after-days", String(program.atRiskAfterDays))
        p.attribute("min-group-size", String(program.minGroupSize))
        ReportXML.writeBranding(of: program, to: p)
        if !program.headlineKPIs.isEmpty {
            let headline = p.element("headline-kpis")
            for kpi in program.headlineKPIs { headline.element("kpi-ref").attribute("id", kpi.value) }
        }

        // Only in a partial month (SPEC §2): the notice every page of the month shows.
        if let partial = report.partialMonth {
            let e = root.element("partial-month")
            e.attribute("latest-session", partial.latestSession.description)
            e.attribute("days-before-end", String(partial.daysBeforeEnd))
            e.attribute("last-complete-period", partial.lastCompleteMonth.description)
        }

        let competencies = root.element("competencies")
        for c in data.competencies {
            let e = competencies.element("competency")
            e.attribute("id", c.id)
            e.attribute("name", c.name)
        }
        let cohorts = root.element("cohorts")
        for c in data.cohorts {
            let e = cohorts.element("cohort")
            e.attribute("id", c.id)
            e.attribute("name", c.name)
            e.attribute("start", c.start?.description)
            e.attribute("end", c.end?.description)
        }
        let surveys = root.element("surveys")
        var summaries = report.questions[...]
        for (i, s) in data.surveys.enumerated() {
            let e = surveys.element("survey")
            e.attribute("id", s.id)
            e.attribute("title", s.title)
            e.attribute("kind", s.kind.rawValue)
            e.attribute("audience", s.audience.rawValue)
            e.attribute("opens", s.opens.description)
            // For the Surveys page (2026-12): the cohort the survey is for, and how many of its
            // response-rate audience responded (the KPI's numerator; its n is the audience), exact
            // where the rate's four written decimals would not be.
            e.attribute("cohort", s.cohort?.value)
            if s.opens <= period.asOf, let rate = report.kpi("surveys.response_rate.\(s.id)")?.current,
               let value = rate.value, let n = rate.n {
                e.attribute("responded", String(Int((value * Double(n)).rounded())))
            }
            // Its likert5 and nps questions when open by as_of (SPEC 2026-12): text, and the counted
            // answers per scale point unless too few people answered to show them.
            while let q = summaries.first, q.survey == i {
                summaries.removeFirst()
                let question = s.questions[q.question]
                let qe = e.element("question")
                qe.attribute("id", question.id)
                qe.attribute("kpi", "question.\(s.id).\(question.id)")
                qe.attribute("scale", question.scale.rawValue)
                qe.attribute("text", question.text)
                if q.suppressed {
                    qe.attribute("suppressed", "true")
                } else {
                    qe.attribute("respondents", String(q.respondents))
                    for (point, count) in q.counts.enumerated() {
                        let a = qe.element("answers")
                        a.attribute("point", String(point + q.lowest))
                        a.attribute("count", String(count))
                    }
                }
            }
        }
        let groups = root.element("groups")
        for g in report.groups {
            let e = groups.element("group")
            e.attribute("id", g)
            e.attribute("name", KPICatalog.groupName(g))
        }

        // The Compare page's data (SPEC 2026-12 "Segments"): the seven segment KPIs with their definitions
        // for any segment and the programme KPI each is drawn against; then each dimension's values held
        // by enrolled mentees, in name order, with their names and whether the segment is withheld.
        let segments = root.element("segments")
        for m in SegmentMeasure.all {
            let e = segments.element("measure", text: m.definition("segment"))
            e.attribute("kpi", m.kpi)
            e.attribute("name", m.name)
            e.attribute("unit", m.unit.rawValue)
            e.attribute("programme", m.programme)
        }
        var withheld: [String: Bool] = [:]
        for k in report.kpis where k.id.hasPrefix("segment.") && k.id.hasSuffix(".mentees") { withheld[k.id] = k.current.suppressed }
        for d in SegmentDimension.allCases {
            let e = segments.element("dimension")
            e.attribute("id", d.rawValue)
            for (key, name) in KPICatalog.values(of: d.part, in: data, asOf: period.asOf) {
                let v = e.element("value")
                v.attribute("key", key)
                v.attribute("name", name)
                v.attribute("suppressed", withheld["segment.\(d.rawValue).\(key).mentees"] == true ? "true" : "false")
            }
        }

        let kpis = root.element("kpis")
        let catalog = KPICatalog(data: report.data, period: period)
        for k in report.kpis {
            let e = kpis.element("kpi")
            e.attribute("id", k.id)
            let entry = catalog.entry(k.id)
            e.attribute("label", entry?.label ?? k.id)
            e.attribute("term", entry?.definition.key ?? k.id)
            write(k.current, to: e)
            e.attribute("previous", k.previous.map(formatNumber))
            e.attribute("target", k.target.map(formatNumber))
            e.attribute("on-target", k.onTarget.map { $0 ? "true" : "false" })
        }

        let glossary = root.element("glossary")
        for definition in KPIDefinition.all {
            let term = glossary.element("term", text: definition.definition)
            term.attribute("key", definition.key)
            term.attribute("pattern", definition.pattern)
            term.attribute("name", definition.name)
            term.attribute("section", definition.section.rawValue)
            term.attribute("unit", definition.unit.rawValue)
            term.attribute("better", definition.direction.rawValue)
        }

        // SPEC's six trends; then the headline KPIs' own series (executive summary sparklines).
        writeTrends(report.trends, into: root.element("trends"))
        if !report.headlineTrends.isEmpty { writeTrends(report.headlineTrends, into: root.element("headline-trends")) }
        let notable = root.element("notable")
        for n in report.notable {
            let e = notable.element("kpi-ref")
            e.attribute("id", n.kpi)
            e.attribute("reason", n.reason.rawValue)
            e.attribute("usual-move", n.usualMove.map(formatNumber))
            e.attribute("spread", n.spread.map(formatNumber))
            e.attribute("moves", n.moves.map(formatNumber))
        }

        let health = root.element("health")
        health.attribute("as-of", period.asOf.description)
        for status in HealthStatus.allCases {
            let s = health.element("status")
            s.attribute("id", status.rawValue)
            s.attribute("count", String(report.health.filter { $0.status == status }.count))
        }
        // A withheld slice (decision 121) carries no count at all: report.xml is published too.
        func writeCounts(_ slice: HealthBreakdown, to s: XMLElement) {
            if slice.suppressed {
                s.attribute("suppressed", "true")
            } else {
                for status in HealthStatus.allCases { s.attribute(status.rawValue, String(slice.counts[status] ?? 0)) }
            }
        }
        for (name, slices) in [("by-type", report.healthByType), ("by-cohort", report.healthByCohort)] {
            let e = health.element(name)
            for slice in slices {
                let s = e.element("slice")
                s.attribute("key", slice.key)
                writeCounts(slice, to: s)
            }
            if name == "by-cohort", let none = report.healthWithoutCohort {
                let s = e.element("slice")
                s.attribute("no-cohort", "true")
                writeCounts(none, to: s)
            }
        }

        // The cohort pages' data beyond the KPIs (decision 122); nothing but the flag for a withheld cohort.
        let details = root.element("cohort-details")
        for d in report.cohortDetails {
            let e = details.element("cohort-detail")
            e.attribute("cohort", d.cohort)
            if d.suppressed {
                e.attribute("suppressed", "true")
                continue
            }
            for c in d.competencies {
                let ce = e.element("competency")
                ce.attribute("id", c.competency)
                let names = ["n", "pre-mean", "post-mean", "change", "effect-size", "ci95-low", "ci95-high"]
                for (name, value) in zip(names, c.values) where !c.suppressed {
                    ce.attribute(name, value.value.map(formatNumber))
                }
                ce.attribute("suppressed", c.suppressed ? "true" : nil)
                ce.attribute("status", c.values[3].status.rawValue)  // the change's
            }
            writeTrends(d.trends, into: e)
        }

        if let roi = report.roi {
            let e = root.element("roi")
            e.attribute("value", roi.roi.map(formatNumber))
            e.attribute("retention-rate", formatNumber(roi.retentionRate))
            e.attribute("retention-benchmark", formatNumber(roi.benchmark))
            e.attribute("mentees", String(roi.menteesInDenominator))
            e.attribute("retained", String(roi.retained))
            e.attribute("avoided-leavers", formatNumber(roi.avoidedLeavers))
            e.attribute("replacement-cost-per-leaver", formatNumber(roi.replacementCost))
            e.attribute("benefit", formatNumber(roi.benefit))
            e.attribute("programme-cost", formatNumber(roi.programmeCost))
            e.attribute("currency", data.program.costs.currency)
        }

        // Beside outcomes.team_engagement.*: the mentees they look at and how many lack a score before or
        // after their first relationship's start. When the KPIs are suppressed, so are the counts that
        // would give their n (eligible minus those lacking a score).
        let coverage = report.teamEngagement
        let engagement = root.element("team-engagement")
        engagement.attribute("eligible", String(coverage.eligible))
        if coverage.paired > 0 && coverage.paired < data.program.minGroupSize {
            engagement.attribute("suppressed", "true")
        } else {
            engagement.attribute("paired", String(coverage.paired))
            engagement.attribute("without-before", String(coverage.withoutBefore))
            engagement.attribute("without-after", String(coverage.withoutAfter))
            engagement.attribute("without-either", String(coverage.withoutEither))
        }

        let stories = root.element("stories")
        for s in report.stories {
            let e = stories.element("story", text: s.text)
            e.attribute("survey", s.survey)
            e.attribute("submitted", s.submitted.description)
        }

        if report.audience == .admin { writeAdmin(to: root) }
        return doc
    }

    /// `<branding accent accent-text><logo type alt src/></branding>`, when program.yaml sets any: the
    /// accent as `#rrggbb` with the text colour that reads on it, and the logo as a data URI (report.xml
    /// stays self-contained, and the templates need no file but it). Nothing when there is no branding.
    static func writeBranding(of program: Program, to parent: XMLElement) {
        let branding = program.branding
        let logo = branding.logo.flatMap { $0.bytes.isEmpty ? nil : $0 }
        guard branding.accent != nil || logo != nil else { return }
        let e = parent.element("branding")
        e.attribute("accent", branding.accent?.value)
        e.attribute("accent-text", branding.accentText)
        if let logo {
            let l = e.element("logo")
            l.attribute("type", logo.mediaType)
            l.attribute("alt", program.logoAlt)
            l.attribute("src", logo.dataURI)
        }
    }

    private func write(_ value: KPIValue, to e: XMLElement, unit: Bool = true) {
        e.attribute("value", value.value.map(formatNumber))
        e.attribute("n", value.n.map(String.init))
        if unit { e.attribute("unit", value.unit.rawValue) }
        if value.suppressed { e.attribute("suppressed", "true") }
        e.attribute("status", value.status.rawValue)
    }

    /// The pages that name people: every relationship active on as_of with its health, and the policy findings.
    private func writeAdmin(to root: XMLElement) {
        let data = report.data
        // The first person of an id, as everywhere (validation reports a repeated id).
        let people = IdIndex(data.people.map(\.id))
        func name(_ id: String) -> String? { people[id].map { data.people[$0].name } }
        let list = root.element("relationships")
        let asOf = report.period.asOf
        for h in report.health {
            let r = data.relationships[h.relationship]
            let e = list.element("relationship")
            e.attribute("id", r.id)
            e.attribute("type", r.type.rawValue)
            e.attribute("cohort", r.cohort?.value)
            e.attribute("start", r.start.description)
            e.attribute("planned-end", r.plannedEnd?.description)
            e.attribute("cadence", h.cadence.rawValue)
            e.attribute("health", h.status.rawValue)
            e.attribute("last-session", h.lastSession?.description)
            e.attribute("days-since-contact", String(h.daysSinceContact))
            e.attribute("sessions-in-window", String(h.sessionsInWindow))
            e.attribute("expected-in-window", String(h.expectedInWindow))
            let goals = r.goals.filter { $0.set <= asOf }
            e.attribute("goals-set", String(goals.count))
            e.attribute("goals-achieved", String(goals.filter { $0.status == .achieved && ($0.achieved.map { $0 <= asOf } ?? false) }.count))
            for m in r.mentors {
                let pe = e.element("mentor")
                pe.attribute("id", m.value)
                pe.attribute("name", name(m.value))
            }
            for m in r.mentees {
                let pe = e.element("mentee")
                pe.attribute("id", m.value)
                pe.attribute("name", name(m.value))
            }
        }
        let findings = root.element("policy-findings")
        for pair in report.policy.directReportPairs {
            let e = findings.element("direct-report")
            e.attribute("relationship", data.relationships[pair.relationship].id)
            e.attribute("mentor", pair.mentor)
            e.attribute("mentor-name", name(pair.mentor))
            e.attribute("mentee", pair.mentee)
            e.attribute("mentee-name", name(pair.mentee))
        }
        for m in report.policy.overCapacityMentors {
            let person = data.people[m.person]
            let e = findings.element("over-capacity")
            e.attribute("mentor", person.id)
            e.attribute("mentor-name", person.name)
            e.attribute("capacity", String(m.capacity))
            e.attribute("leads", String(m.relationships.count))
            for r in m.relationships { e.element("relationship-ref").attribute("id", data.relationships[r].id) }
        }
        for i in report.policy.pastPlannedEnd {
            let r = data.relationships[i]
            let e = findings.element("past-planned-end")
            e.attribute("relationship", r.id)
            e.attribute("planned-end", r.plannedEnd?.description)
        }
        if let actions = report.actions {
            let list = root.element("actions")
            list.attribute("recent-survey-days", String(ActionLists.recentSurveyDays))
            for w in actions.waitingMentees {
                let p = data.people[w.person]
                let e = list.element("waiting-mentee")
                e.attribute("person", p.id)
                e.attribute("name", p.name)
                e.attribute("email", p.email)
                e.attribute("enrolled", p.enrolled.description)
                e.attribute("days-waiting", String(w.daysWaiting))
            }
            for a in actions.pairsToCall {
                let e = list.element("pair-to-call")
                e.attribute("relationship", data.relationships[a.relationship].id)
                e.attribute("health", a.status.rawValue)
                e.attribute("last-session", a.lastSession?.description)
                e.attribute("days-since-last-session", String(a.daysSinceLastSession))
            }
            for a in actions.pastPlannedEnd {
                let e = list.element("past-planned-end")
                e.attribute("relationship", data.relationships[a.relationship].id)
                e.attribute("planned-end", a.plannedEnd.description)
                e.attribute("days-past", String(a.daysPast))
            }
            for a in actions.nonResponders {
                let p = data.people[a.person]
                let e = list.element("non-responder")
                e.attribute("survey", data.surveys[a.survey].id)
                e.attribute("person", p.id)
                e.attribute("name", p.name)
                e.attribute("email", p.email)
            }
        }
    }
}
