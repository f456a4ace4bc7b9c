/// The action lists as CSV files for a mail merge (SPEC §4, 2026-12; admin audience only), written
/// as `actions/<name>.csv` in the month folder: RFC 4180 with CRLF line ends, a UTF-8 byte-order mark
/// (so Excel keeps accents), text cells made formula-safe, as `kpis.csv` is. Several people in one
/// cell (a group's mentors, a pair's addresses) are joined by "; ", which mail programs read as a list
/// of recipients.
struct ActionCSV {
    let report: Report
    let actions: ActionLists

    /// The folder of the month folder the lists go in.
    static let folder = "actions"

    static let waitingHeader = "id,name,email,enrolled,days_waiting"
    static let atRiskHeader = "relationship,health,mentors,mentees,emails,last_session,days_since_last_session"
    static let pastPlannedEndHeader = "relationship,mentors,mentees,emails,planned_end,days_past_planned_end"
    static let nonRespondersHeader = "survey,person,name,email"

    /// The four files, by their path in the month folder.
    func files() -> [(name: String, bytes: [UInt8])] {
        let data = report.data
        // The first person of an id (validation reports a repeated one).
        let people = IdIndex(data.people.map(\.id))
        func names(_ ids: [Located<String>]) -> String {
            ids.map { people[$0.value].map { data.people[$0].name } ?? $0.value }.joined(separator: "; ")
        }
        func emails(_ r: Relationship) -> String {
            (r.mentors + r.mentees).compactMap { people[$0.value].flatMap { data.people[$0].email } }.joined(separator: "; ")
        }
        func file(_ name: String, _ header: String, _ rows: [[String]]) -> (name: String, bytes: [UInt8]) {
            var text = CSVCell.byteOrderMark + header + "\r\n"
            for row in rows { text += row.joined(separator: ",") + "\r\n" }
            return ("\(ActionCSV.folder)/\(name)", Array(text.utf8))
        }
        let waiting = actions.waitingMentees.map { w -> [String] in
            let p = data.people[w.person]
            return [CSVCell.text(p.id), CSVCell.text(p.name), CSVCell.text(p.email ?? ""),
                    CSVCell.text(p.enrolled.description), CSVCell.number(String(w.daysWaiting))]
        }
        let pairs = actions.pairsToCall.map { a -> [String] in
            let r = data.relationships[a.relationship]
            return [CSVCell.text(r.id), CSVCell.text(a.status.rawValue), CSVCell.text(names(r.mentors)),
                    CSVCell.text(names(r.mentees)), CSVCell.text(emails(r)),
                    CSVCell.text(a.lastSession?.description ?? ""), CSVCell.number(String(a.daysSinceLastSession))]
        }
        let past = actions.pastPlannedEnd.map { a -> [String] in
            let r = data.relationships[a.relationship]
            return [CSVCell.text(r.id), CSVCell.text(names(r.mentors)), CSVCell.text(names(r.mentees)),
                    CSVCell.text(emails(r)), CSVCell.text(a.plannedEnd.description), CSVCell.number(String(a.daysPast))]
        }
        let silent = actions.nonResponders.map { a -> [String] in
            let p = data.people[a.person]
            return [CSVCell.text(data.surveys[a.survey].id), CSVCell.text(p.id), CSVCell.text(p.name), CSVCell.text(p.email ?? "")]
        }
        return [
            file("waiting-mentees.csv", ActionCSV.waitingHeader, waiting),
            file("relationships-at-risk.csv", ActionCSV.atRiskHeader, pairs),
            file("past-planned-end.csv", ActionCSV.pastPlannedEndHeader, past),
            file("survey-non-responders.csv", ActionCSV.nonRespondersHeader, silent),
        ]
    }
}
