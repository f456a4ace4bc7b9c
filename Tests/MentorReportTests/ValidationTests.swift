import Foundation
import Testing
@testable import MentorReport

/// Each rule of SPEC §2 "Validation", with a small broken variant of the minimal fixture and the exact message.
@Suite struct ValidationTests {
    static let session = "sessions/2026-02.yaml"

    @Test func sessionOfUndefinedRelationship() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - {relationship: r999, date: 2026-02-12, minutes: 60}\n"])
        #expect(result == ["data/sessions/2026-02.yaml:2:20: error: relationship 'r999' is not defined"])
    }

    @Test func undefinedReferenceSuggestsTheNearestId() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - {relationship: r01, date: 2026-02-12, minutes: 60}\n"])
        #expect(result == ["data/sessions/2026-02.yaml:2:20: error: relationship 'r01' is not defined — did you mean 'r001'?"])
    }

    @Test func unknownKeySuggestsTheNearestKnownKey() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - relationship: r001\n    date: 2026-02-12\n    minuts: 60\n"])
        #expect(result == [
            "data/sessions/2026-02.yaml:2:5: error: session is missing the required key 'minutes' (a whole number from 1 to 600)",
            "data/sessions/2026-02.yaml:4:5: error: unknown key 'minuts' — did you mean 'minutes'?",
        ])
    }

    @Test func unknownKeyFarFromAnyKnownKeyListsThem() throws {
        let result = try findings(changing: ["outcomes.yaml": "outcomes:\n  - {person: p101, date: 2026-02-01, event: promoted, salary: 1}\n"])
        #expect(result == ["data/outcomes.yaml:2:55: error: unknown key 'salary' in outcome; expected one of person, date, event, voluntary, value (or 'extra' for your own data)"])
    }

    @Test func repeatedKeyIsAnError() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - {relationship: r001, date: 2026-02-12, minutes: 60, minutes: 30}\n"])
        #expect(result == ["data/sessions/2026-02.yaml:2:57: error: key 'minutes' appears twice in session; expected each key once"])
    }

    @Test func missingRequiredKeyNamesTheRecord() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "    enrolled: 2026-02-01\n", with: "")
        #expect(try findings(changing: ["people.yaml": people])
                == ["data/people.yaml:26:5: error: person 'p103' is missing the required key 'enrolled' (the date they joined, as YYYY-MM-DD)"])
    }

    @Test func emptyRequiredValueIsReported() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - relationship: r001\n    date:\n    minutes: 60\n"])
        #expect(result == ["data/sessions/2026-02.yaml:3:5: error: 'date' of session is empty; expected a date as YYYY-MM-DD"])
    }

    @Test func invalidIdSyntax() throws {
        let result = try findings(changing: ["outcomes.yaml": "outcomes:\n  - {person: -p101, date: 2026-02-01, event: promoted}\n"])
        #expect(result == ["data/outcomes.yaml:2:14: error: '-p101' is not a valid id for 'person'; expected an id of letters, digits, '.', '_' or '-' starting with a letter or digit"])
    }

    @Test func duplicateIdPointsAtTheFirstUse() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "id: r002", with: "id: r001")
        let result = try findings(changing: ["relationships.yaml": relationships, Self.session: "sessions: []\n",
                                             "sessions/2026-01.yaml": "sessions: []\n"])
        #expect(result == ["data/relationships.yaml:17:9: error: relationship id 'r001' is already used at data/relationships.yaml:2:9; expected ids unique among relationships"])
    }

    @Test func personOfWrongRoleInRelationship() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "mentors: [p002]", with: "mentors: [p103]")
        #expect(try findings(changing: ["relationships.yaml": relationships])
                == ["data/relationships.yaml:19:15: error: person 'p103' is listed as a mentor of relationship 'r002' but does not have the role mentor; expected a person with roles: [mentor]"])
    }

    @Test func undefinedMenteeInRelationship() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "mentees: [p102]", with: "mentees: [p102, p404]")
        #expect(try findings(changing: ["relationships.yaml": relationships])
                == ["data/relationships.yaml:17:9: warning: one-to-one relationship 'r002' has 1 mentor and 2 mentees; expected one of each",
                    "data/relationships.yaml:20:21: error: person 'p404' is not defined"])
    }

    @Test func goalOfUndefinedCompetencyAndAchievedBeforeSet() throws {
        let relationships = try String(contentsOfFile: Fixture.path("minimal/relationships.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "competency: strategic-thinking", with: "competency: strategy")
            .replacingOccurrences(of: "achieved: 2026-02-20", with: "achieved: 2026-01-02")
        #expect(try findings(changing: ["relationships.yaml": relationships]) == [
            "data/relationships.yaml:13:21: error: competency 'strategy' is not defined",
            "data/relationships.yaml:16:9: error: goal 'g1' was achieved (2026-01-02) before it was set (2026-01-15); expected 'achieved' on or after 'set'",
        ])
    }

    @Test func achievedGoalWithoutDate() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "        achieved: 2026-02-20\n", with: "")
        #expect(try findings(changing: ["relationships.yaml": relationships])
                == ["data/relationships.yaml:15:9: error: goal 'g1' is achieved but has no 'achieved' date; expected 'achieved: YYYY-MM-DD'"])
    }

    @Test func relationshipEndingBeforeItStarts() throws {
        let relationships = try String(contentsOfFile: Fixture.path("minimal/relationships.yaml"), encoding: .utf8)
            + "    ended: 2026-01-19\n    end_reason: completed\n"
        #expect(try findings(changing: ["relationships.yaml": relationships, Self.session: "sessions: []\n",
                                        "sessions/2026-01.yaml": "sessions: []\n"])
                == ["data/relationships.yaml:22:5: error: relationship 'r002' ends (2026-01-19) before it starts (2026-01-20); expected 'ended' on or after 'start'"])
    }

    @Test func datesMustBeReal() throws {
        let result = try findings(changing: [Self.session: "sessions:\n  - {relationship: r001, date: 2026-02-30, minutes: 60}\n  - {relationship: r001, date: 12/02/2026, minutes: 60}\n"])
        #expect(result == [
            "data/sessions/2026-02.yaml:2:32: error: '2026-02-30' is not a real date for 'date'; expected a date as YYYY-MM-DD that exists in the calendar",
            "data/sessions/2026-02.yaml:3:32: error: '12/02/2026' is not a date for 'date'; expected a date as YYYY-MM-DD",
        ])
    }

    @Test func leapDayIsARealDateIn2028Only() throws {
        let ok = try findings(changing: ["outcomes.yaml": "outcomes:\n  - {person: p101, date: 2028-02-29, event: promoted}\n"])
        #expect(ok == [])
        let bad = try findings(changing: ["outcomes.yaml": "outcomes:\n  - {person: p101, date: 2026-02-29, event: promoted}\n"])
        #expect(bad == ["data/outcomes.yaml:2:26: error: '2026-02-29' is not a real date for 'date'; expected a date as YYYY-MM-DD that exists in the calendar"])
    }

    @Test func minutesMustBeAWholeNumberFrom1To600() throws {
        let result = try findings(changing: [Self.session: """
            sessions:
              - {relationship: r001, date: 2026-02-12, minutes: 0}
              - {relationship: r001, date: 2026-02-12, minutes: 601}
              - {relationship: r001, date: 2026-02-12, minutes: 45.5}
              - {relationship: r001, date: 2026-02-12, minutes: "60"}
              - {relationship: r001, date: 2026-02-12, minutes: 600}
            """])
        #expect(result == [
            "data/sessions/2026-02.yaml:2:53: error: invalid value '0' for 'minutes'; expected a whole number from 1 to 600",
            "data/sessions/2026-02.yaml:3:53: error: invalid value '601' for 'minutes'; expected a whole number from 1 to 600",
            "data/sessions/2026-02.yaml:4:53: error: invalid value '45.5' for 'minutes'; expected a whole number from 1 to 600",
            "data/sessions/2026-02.yaml:5:53: error: invalid value '60' for 'minutes': quoted (or tagged), it is text, not a number; expected a whole number from 1 to 600",
        ])
    }

    @Test func enumValuesListTheAllowedOnes() throws {
        let relationships = try Fixture.text("minimal/relationships.yaml", replacing: "cadence: biweekly", with: "cadence: fortnightly")
        #expect(try findings(changing: ["relationships.yaml": relationships])
                == ["data/relationships.yaml:9:14: error: invalid value 'fortnightly' for 'cadence'; expected one of weekly, biweekly, monthly, quarterly"])
    }

    @Test func answersMustFitTheirQuestionsScale() throws {
        let result = try findings(changing: ["responses.yaml": """
            responses:
              - survey: baseline-2026
                respondent: p101
                submitted: 2026-01-20
                answers: {q1: 6, q2: 11, q3: 4}
              - survey: baseline-2026
                respondent: p102
                submitted: 2026-01-21
                answers: {q1: "agree", q2: 0, q4: 3}
            """])
        #expect(result == [
            "data/responses.yaml:5:19: error: answer 6 to question 'q1' is out of range; expected a whole number from 1 to 5 (likert5)",
            "data/responses.yaml:5:26: error: answer 11 to question 'q2' is out of range; expected a whole number from 0 to 10 (nps)",
            "data/responses.yaml:9:19: error: answer 'agree' to question 'q1' is not a number; expected a whole number from 1 to 5 (likert5)",
            "data/responses.yaml:9:39: error: question 'q4' is not in survey 'baseline-2026'; expected one of q1, q2, q3",
        ])
    }

    @Test func responseToUndefinedSurveyByUndefinedPerson() throws {
        let result = try findings(changing: ["responses.yaml": "responses:\n  - {survey: baseline-2027, respondent: p999, submitted: 2026-01-20, answers: {q1: 3}}\n"])
        #expect(result == [
            "data/responses.yaml:2:14: error: survey 'baseline-2027' is not defined — did you mean 'baseline-2026'?",
            "data/responses.yaml:2:41: error: person 'p999' is not defined",
        ])
    }

    @Test func cohortAndManagerMustResolve() throws {
        let people = try String(contentsOfFile: Fixture.path("minimal/people.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "manager: p002", with: "manager: p045")
            .replacingOccurrences(of: "cohort: 2026-spring\n    groups", with: "cohort: 2026-autumn\n    groups")
        #expect(try findings(changing: ["people.yaml": people]) == [
            "data/people.yaml:18:14: error: person 'p045' is not defined",
            "data/people.yaml:19:13: error: cohort '2026-autumn' is not defined",
        ])
    }

    @Test func privacyMinimumGroupSizeIsAtLeastThree() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "min_group_size: 5", with: "min_group_size: 2")
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:11:21: error: invalid value '2' for 'min_group_size'; expected a whole number from 3 to 1000"])
    }

    @Test func targetMustNameAKPI() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "match.rate: 0.9", with: "match.rat: 0.9\n    sessions.count: 10\n    competency.communication.change: 0.5")
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:13:5: error: unknown KPI 'match.rat' — did you mean 'match.rate'?"])
    }

    @Test func engagementScoreOutOfRange() throws {
        let result = try findings(changing: ["outcomes.yaml": "outcomes:\n  - {person: p101, date: 2026-02-01, event: engagement-score, value: 150}\n"])
        #expect(result == ["data/outcomes.yaml:2:70: error: invalid value '150' for 'value'; expected a number from 0 to 100"])
    }

    @Test func missingRequiredFilesAreErrors() throws {
        let result = try findings(changing: ["people.yaml": nil])
        #expect(result.first == "data/people.yaml: error: required file is missing; expected people.yaml or a folder people/ of .yaml files in the data folder")
    }

    @Test func misspeltCollectionFileIsFlagged() throws {
        let result = try findings(changing: ["outcome.yaml": "outcomes: []\n"])
        #expect(result == ["data/outcome.yaml:1:1: warning: ignored: not a collection of the data format — did you mean 'outcomes.yaml'?"])
    }

    @Test func policyFindingsAreWarningsAndErrorsWhenStrict() throws {
        // p101's manager is p002; pair them, put p002 over capacity (3) and leave r001 past its planned end.
        let relationships = """
            relationships:
              - {id: r001, type: one-to-one, mentors: [p001], mentees: [p101], start: 2026-01-15, planned_end: 2026-02-01}
              - {id: r002, type: one-to-one, mentors: [p002], mentees: [p101], start: 2026-01-20}
              - {id: r003, type: one-to-one, mentors: [p002], mentees: [p102], start: 2026-01-20}
              - {id: r004, type: one-to-one, mentors: [p002], mentees: [p103], start: 2026-02-01}
              - {id: r005, type: group, mentors: [p002], mentees: [p102, p103], start: 2026-02-01}
            """
        let warnings = try findings(changing: ["relationships.yaml": relationships])
        #expect(warnings == [
            "data/people.yaml:9:9: warning: policy: mentor 'p002' leads 4 relationships active on 2026-02-28 (r002, r003, r004, r005), more than their capacity of 3",
            "data/relationships.yaml:2:10: warning: policy: relationship 'r001' passed its planned end (2026-02-01) and has no 'ended' date as of 2026-02-28; expected 'ended' and 'end_reason', or a later planned_end",
            "data/relationships.yaml:3:10: warning: policy: mentor 'p002' is the line manager of mentee 'p101' in relationship 'r002'; structured programmes never pair mentors with their direct reports",
        ])
        let strict = try findings(changing: ["relationships.yaml": relationships], strict: true)
        #expect(strict == warnings.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") })
    }

    @Test func allErrorsAreCollectedAndPrintingIsCappedAt100() throws {
        let sessions = (1...150).map { "  - {relationship: r9\($0), date: 2026-02-12, minutes: 60}" }.joined(separator: "\n")
        let folder = try Fixture.variant(of: "minimal", [Self.session: "sessions:\n" + sessions + "\n"])
        let diagnostics = validate(Loader(folder: folder.path).load())
        #expect(diagnostics.errors.count == 150)
        let lines = DiagnosticPrinter(useColour: false).lines(for: diagnostics)
        #expect(lines.count == 101)
        #expect(lines[99].hasSuffix("error: relationship 'r9100' is not defined"))
        #expect(lines[100] == "… and 50 more errors")
    }

    @Test func warningsAreCappedAt100TooAfterTheErrors() throws {
        // 120 sessions dated before their relationship starts (a warning each) and one error.
        // Each on a day of its own (two identical sessions would be a duplicate, an error).
        let sessions = (0..<120).map { "  - {relationship: r001, date: 2025-\(String(format: "%02d", 1 + $0 / 28))-\(String(format: "%02d", 1 + $0 % 28)), minutes: 60}" }
            .joined(separator: "\n") + "\n  - {relationship: r999, date: 2026-02-12, minutes: 60}"
        let folder = try Fixture.variant(of: "minimal", [Self.session: "sessions:\n" + sessions + "\n"])
        let diagnostics = validate(Loader(folder: folder.path).load())
        #expect(diagnostics.warnings.count >= 120)
        let lines = DiagnosticPrinter(useColour: false).lines(for: diagnostics)
        #expect(lines.filter { $0.contains(": warning: ") }.count == 100)
        #expect(lines.filter { $0.contains(": error: ") }.count == 1)
        #expect(lines.last == "… and \(diagnostics.warnings.count - 100) more warnings")
    }

    @Test func sampleProgrammeValidatesWithoutErrors() throws {
        let sample = Fixture.repository.appendingPathComponent("data").path
        let loaded = Loader(folder: sample).load()
        let diagnostics = validate(loaded)
        #expect(diagnostics.errors.map(\.formatted) == [])
        #expect(loaded.data.people.count >= 80)
        #expect(loaded.data.sessions.count > 0)
    }
}

/// One mistake is reported once: what loading left out (a record with a bad value, a file that does
/// not parse) is not reported again at every reference to it.
@Suite struct CascadeTests {
    @Test func aPersonLeftOutForABadRoleIsNotAlsoUndefinedWhereverNamed() throws {
        let people = try String(contentsOfFile: Fixture.path("minimal/people.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - id: p102\n    name: Dana Kowalski\n    roles: [mentee]",
                                  with: "  - id: p102\n    name: Dana Kowalski\n    roles: [mentees]")
        #expect(try findings(changing: ["people.yaml": people])
                == ["data/people.yaml:23:13: error: invalid role 'mentees'; expected mentor or mentee"])
    }

    @Test func aPeopleFileThatDoesNotParseIsTheOnlyError() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "roles: [mentor]\n    enrolled: 2026-01-05\n    department", with: "roles: [mentor\n    enrolled: 2026-01-05\n    department")
        let result = try findings(changing: ["people.yaml": people])
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("data/people.yaml:") == true && result.first?.contains("YAML syntax error") == true)
    }

    @Test func answersToAQuestionLeftOutAreNotAlsoReported() throws {
        let surveys = try String(contentsOfFile: Fixture.path("minimal/surveys.yaml"), encoding: .utf8)
        let broken = surveys.replacingOccurrences(of: "scale: likert5", with: "scales: likert5", options: [], range: surveys.range(of: "scale: likert5"))
        let result = try findings(changing: ["surveys.yaml": broken])
        #expect(result.count == 2)
        #expect(result.allSatisfy { $0.hasPrefix("data/surveys.yaml:") })
        #expect(result.contains { $0.contains("unknown key 'scales' — did you mean 'scale'?") })
    }

    @Test func aCohortLeftOutIsNotAlsoUndefinedWhereverNamed() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "    name: Spring 2026\n", with: "")
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:28:5: error: cohort '2026-spring' is missing the required key 'name' (text)"])
    }

    @Test func aValueUsedThroughAnAliasIsReportedWhereTheAliasIs() throws {
        let result = try findings(changing: [ValidationTests.session: """
            sessions:
              - {relationship: r001, date: &day 2026-02-12, minutes: 60}
              - {relationship: r001, date: 2026-02-13, minutes: *day}
            """])
        #expect(result == ["data/sessions/2026-02.yaml:3:53: error: invalid value '2026-02-12' for 'minutes'; expected a whole number from 1 to 600"])
    }

    @Test func aWorkforceShareOfAGroupNoMenteeIsInPointsAtTheGroup() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "      women: 0.48\n", with: "      women: 0.48\n      men: 0.52\n")
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:19:7: warning: benchmarks.workforce_share names group 'men', which no mentee belongs to"])
    }

    @Test func answersGivenAsQuotedNumbersOrFractionsSaySo() throws {
        #expect(try findings(changing: ["responses.yaml": Fixture.text("minimal/responses.yaml", replacing: "{q1: 3,", with: "{q1: \"3\",")])
                == ["data/responses.yaml:6:19: error: answer '3' to question 'q1' is quoted (or tagged) text, not a number; expected a whole number from 1 to 5 (likert5)"])
        #expect(try findings(changing: ["responses.yaml": Fixture.text("minimal/responses.yaml", replacing: "{q1: 3,", with: "{q1: 3.5,")])
                == ["data/responses.yaml:6:19: error: answer '3.5' to question 'q1' is not a whole number; expected a whole number from 1 to 5 (likert5)"])
    }
}

@Suite struct TargetTests {
    @Test func aRateTargetWrittenAsAPercentageIsAWarning() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "    match.rate: 0.9\n", with: "    match.rate: 90\n    sessions.count: 40\n    outcomes.roi: 1.5\n")
        // Counts and ROI may exceed 1; only the rate is flagged.
        #expect(try findings(changing: ["program.yaml": program])
                == ["data/program.yaml:13:5: warning: target 90 for 'match.rate' is outside 0 to 1, but the KPI is a rate; expected a fraction (90% is 0.9)"])
    }
}

extension CascadeTests {
    /// The catalogue is built from the data: with a survey left out, a target of its response rate is
    /// not reported as naming no KPI (the survey's own error says what to mend).
    @Test func aTargetOfALeftOutSurveyIsNotAlsoReported() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "match.rate: 0.9", with: "match.rate: 0.9\n    surveys.response_rate.baseline-2026: 0.8")
        let surveys = try Fixture.text("minimal/surveys.yaml", replacing: "    title: Baseline self-assessment\n", with: "")
        #expect(try findings(changing: ["program.yaml": program, "surveys.yaml": surveys])
                == ["data/surveys.yaml:2:5: error: survey 'baseline-2026' is missing the required key 'title' (text)"])
    }
}

extension CascadeTests {
    /// The only mentee of group 'women' is left out for a bad role: the benchmark's group is not also
    /// reported as having no mentee.
    @Test func theWorkforceShareCheckWaitsForEveryPerson() throws {
        let people = try Fixture.text("minimal/people.yaml", replacing: "    roles: [mentee]\n    enrolled: 2026-01-10",
                                      with: "    roles: [mentees]\n    enrolled: 2026-01-10")
        #expect(try findings(changing: ["people.yaml": people])
                == ["data/people.yaml:16:13: error: invalid role 'mentees'; expected mentor or mentee"])
    }

    /// `cohorts:` that is not a list is one error; relationships and people naming its cohort are not
    /// also reported.
    @Test func aCohortsValueThatIsNotAListIsTheOnlyError() throws {
        let program = try Fixture.text("minimal/program.yaml", replacing: "cohorts:\n  - id: 2026-spring\n    name: Spring 2026\n    start: 2026-01-05\n    end: 2026-12-31\n",
                                       with: "cohorts: {id: 2026-spring, name: Spring 2026}\n")
        let result = try findings(changing: ["program.yaml": program])
        #expect(result.count == 1)
        #expect(result.first == "data/program.yaml:27:10: error: cohorts is a mapping; expected a list")
    }
}

extension TargetTests {
    /// The rates the target check knows are the sample's ratio KPIs that stay within 0 to 1: every one
    /// it names is a ratio whose value (where there is one) is a fraction, in every month of the sample,
    /// and it names at least one of each family (so a renamed rate cannot silently drop out).
    @Test func theRatesTheTargetCheckKnowsAreFractionsOfTheSample() throws {
        var named = Set<String>()
        for month in ["2025-12", "2026-06", "2026-10"] {
            for kpi in try kpis(Fixture.repository.appendingPathComponent("data").path, month).values
            where KPICatalog.isFraction(kpi.id) {
                named.insert(kpi.id.split(separator: ".").prefix(2).joined(separator: "."))
                #expect(kpi.unit == .ratio, "\(kpi.id)")
                if let value = kpi.value { #expect((0...1).contains(value), "\(kpi.id) = \(value) in \(month)") }
            }
        }
        #expect(named.isSuperset(of: ["match.rate", "cadence.adherence", "sessions.live_issue_rate", "group.attendance_rate",
                                      "goals.set_rate", "goals.achievement_rate", "reciprocal.top2",
                                      "outcomes.promotion_rate_12m", "outcomes.retention_rate_12m", "surveys.response_rate",
                                      "satisfaction.top2"]))
        #expect(named.contains { $0.hasPrefix("inclusion.") })
        #expect(!KPICatalog.isFraction("outcomes.roi") && !KPICatalog.isFraction("mentor.capacity_utilization"))
    }
}
