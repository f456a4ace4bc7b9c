import Foundation
import MentorReport

/// `--import-rows N`: the time to import a Qualtrics CSV export of N responses (three header rows,
/// Likert labels, NPS scores, free text with commas, quotes and line breaks), as the load of a
/// programme with that import minus the load of the same programme without it, one thread.
func importBenchmark(rows: Int, runs: Int) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-report-import-bench").path
    if !FileManager.default.fileExists(atPath: folder + "/program.yaml") {
        do { _ = try SyntheticProgramme(people: 2_000, seed: 7).write(to: folder) } catch { fail("cannot generate: \(error)") }
    }
    let surveysPath = folder + "/surveys.yaml"
    let originalPath = folder + "/surveys.original"
    if !FileManager.default.fileExists(atPath: originalPath) {
        try? FileManager.default.copyItem(atPath: surveysPath, toPath: originalPath)
    }
    guard let original = try? String(contentsOfFile: originalPath, encoding: .utf8) else { fail("cannot read \(originalPath)") }
    try? original.write(toFile: surveysPath, atomically: true, encoding: .utf8)
    let emails = Loader(folder: folder, concurrent: false).load().data.people.filter(\.isMentee).compactMap(\.email)
    guard !emails.isEmpty else { fail("the generated programme has no mentees with emails") }

    // The export, written as Qualtrics does: BOM, CRLF, three header rows.
    let labels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
    let notes = ["More time with my mentor", "A shared \"goals\" template, please", "Nothing, it works well",
                 "Clearer expectations,\r\nand a guide for the first session"]
    var csv = "\u{FEFF}StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,ExternalReference,LocationLatitude,LocationLongitude,DistributionChannel,UserLanguage,Q1,Q2,Q3_NPS_GROUP,Q3,Q4\r\n"
    csv += "Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,Recipient Last Name,Recipient First Name,Recipient Email,External Data Reference,Location Latitude,Location Longitude,Distribution Channel,User Language,The programme is worth my time,I learn something at every session,How likely are you to recommend the programme? - Group,How likely are you to recommend the programme?,What would make it better?\r\n"
    csv += "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"Europe/London\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"Europe/London\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"ipAddress\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\",\"{\"\"ImportId\"\":\"\"duration\"\"}\",\"{\"\"ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"Europe/London\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"recipientLastName\"\"}\",\"{\"\"ImportId\"\":\"\"recipientFirstName\"\"}\",\"{\"\"ImportId\"\":\"\"recipientEmail\"\"}\",\"{\"\"ImportId\"\":\"\"externalDataReference\"\"}\",\"{\"\"ImportId\"\":\"\"locationLatitude\"\"}\",\"{\"\"ImportId\"\":\"\"locationLongitude\"\"}\",\"{\"\"ImportId\"\":\"\"distributionChannel\"\"}\",\"{\"\"ImportId\"\":\"\"userLanguage\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_NPS_GROUP\"\"}\",\"{\"\"ImportId\"\":\"\"QID3\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_TEXT\"\"}\"\r\n"
    var generator = SplitMix64(seed: 1)
    func random(_ n: Int) -> Int { generator.below(n) }
    for i in 0..<rows {
        let day = 1 + random(28), nps = random(11)
        let date = "2027-03-\(day < 10 ? "0" : "")\(day) \(10 + random(9)):\(10 + random(50)):\(10 + random(50))"
        let note = notes[random(notes.count)]
        let quoted = note.contains(",") || note.contains("\"") || note.contains("\n")
            ? "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : note
        csv += "\(date),\(date),IP Address,192.0.2.\(random(250)),100,\(60 + random(900)),True,\(date),R_\(String(i, radix: 36)),,,\(emails[random(emails.count)]),,51.5,-0.12,email,EN,"
        csv += "\(labels[random(5)]),\(labels[random(5)]),\(nps >= 9 ? "Promoter" : nps >= 7 ? "Passive" : "Detractor"),\(nps),\(quoted)\r\n"
    }
    let exportPath = folder + "/responses/pulse-export.csv"
    do { try csv.write(toFile: exportPath, atomically: true, encoding: .utf8) } catch { fail("cannot write the export: \(error)") }
    let megabytes = Double(csv.utf8.count) / Double(bytesPerMegabyte)

    let without = measure(runs) { _ = Loader(folder: folder, concurrent: false).load() }
    let survey = """
      - id: pulse-import
        title: Pulse survey (Qualtrics export)
        kind: checkin
        audience: mentees
        opens: 2027-03-01
        import:
          file: responses/pulse-export.csv
          format: qualtrics
          respondent: email
        questions:
          - {id: sat, text: The programme is worth my time, scale: likert5, measure: satisfaction}
          - {id: learn, text: I learn something at every session, scale: likert5}
          - {id: nps, text: How likely are you to recommend the programme?, scale: nps}
          - {id: better, text: What would make it better?, scale: text}

    """
    try? (original + survey).write(toFile: surveysPath, atomically: true, encoding: .utf8)
    var imported = 0, errors = 0
    let with = measure(runs) {
        let loaded = Loader(folder: folder, concurrent: false).load()
        imported = loaded.data.responses.filter { $0.survey.value == "pulse-import" }.count
        errors = loaded.diagnostics.errors.count
    }
    try? original.write(toFile: surveysPath, atomically: true, encoding: .utf8)
    let seconds = with - without
    print("import: Qualtrics CSV, \(rows) rows, \(String(format: "%.1f", megabytes)) MB; \(imported) responses, \(errors) errors")
    print(String(format: "import time (load with import %.3f s − without %.3f s): %.3f s = %.0f rows/s, %.1f MB/s",
                 with, without, seconds, Double(rows) / seconds, megabytes / seconds))
}
