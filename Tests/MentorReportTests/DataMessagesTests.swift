import Foundation
import Testing
@testable import MentorReport

/// Messages about the data that say what is wrong and what was expected, and never show what the
/// data folder does not hold.
@Suite struct DataMessagesTests {
    // MARK: Links that leave the data folder

    /// The whole-file error a link out of the data folder gets.
    static func leaves(_ target: String, _ what: String = "file") -> String {
        "cannot read the \(what): it is a link to '\(target)', which leaves the data folder; links must stay inside the data folder (copy the \(what) into it instead)"
    }

    @Test func aDataFileLinkedOutsideTheFolderIsRefusedUnread() throws {
        let outside = try TemporaryFolder()
        try outside.write("passwd", Array("root:x:0:0:secret-line\nother:x:1:1:more\n".utf8))
        let target = outside.url.appendingPathComponent("passwd").path
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": nil])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("people.yaml").path,
                                                   withDestinationPath: target)
        #expect(findings(folder.path) == ["data/people.yaml: error: " + DataMessagesTests.leaves(target)])
        let run = try mentorReport(["validate", "--data", folder.path, "--quiet"])
        #expect(run.status == 1)
        #expect(!run.stderr.contains("secret-line"))
        #expect(!run.stderr.contains("root:x"))
        #expect(run.stderr.contains("which leaves the data folder"))
    }

    @Test func aLinkToASiblingInsideTheFolderStillLoadsAndTheFolderMayBeALink() throws {
        let folder = try Fixture.variant(of: "minimal")
        let people = folder.url.appendingPathComponent("people.yaml")
        try FileManager.default.moveItem(at: people, to: folder.url.appendingPathComponent("people.txt"))
        try FileManager.default.createSymbolicLink(atPath: people.path, withDestinationPath: "people.txt")
        #expect(findings(folder.path) == [])
        #expect(Loader(folder: folder.path).load().data.people.count == 5)
        // The data folder given as a link to it: its files are compared with the folder's real path.
        let links = try TemporaryFolder()
        let linked = links.url.appendingPathComponent("data").path
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: folder.path)
        #expect(findings(linked) == [])
        #expect(Loader(folder: linked).load().data.people.count == 5)
    }

    @Test func aCollectionFileLinkedOutsideIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("2026-10.yaml", Array("sessions: []\n".utf8))
        let target = outside.url.appendingPathComponent("2026-10.yaml").path
        let folder = try Fixture.variant(of: "minimal")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("sessions/2026-10.yaml").path,
                                                   withDestinationPath: target)
        #expect(findings(folder.path) == ["data/sessions/2026-10.yaml: error: " + DataMessagesTests.leaves(target)])
    }

    @Test func aCollectionFolderLinkedOutsideIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("outcomes/2026.yaml", Array("outcomes: []\n".utf8))
        let target = outside.url.appendingPathComponent("outcomes").path
        let folder = try Fixture.variant(of: "minimal", ["outcomes.yaml": nil])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("outcomes").path,
                                                   withDestinationPath: target)
        #expect(findings(folder.path) == ["data/outcomes/: error: " + DataMessagesTests.leaves(target, "folder")])
    }

    @Test func anImportedExportLinkedOutsideIsRefused() throws {
        let folder = try importFolder(ExportCase(file: "generic.csv", format: "csv", respondent: "id"))
        let outside = try TemporaryFolder()
        try outside.write("generic.csv", [UInt8](FileManager.default.contents(atPath: folder.path + "/responses/generic.csv")!))
        let target = outside.url.appendingPathComponent("generic.csv").path
        try folder.write("responses/generic.csv", nil)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/responses/generic.csv", withDestinationPath: target)
        #expect(findings(folder.path) == ["data/responses/generic.csv: error: " + DataMessagesTests.leaves(target)])
        // Named through a folder that is a link out of the data folder.
        try folder.write("responses/generic.csv", nil)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/elsewhere", withDestinationPath: outside.path)
        let surveys = try String(contentsOfFile: folder.path + "/surveys.yaml", encoding: .utf8)
        try folder.write("surveys.yaml", Array(surveys.replacingOccurrences(of: "file: responses/generic.csv", with: "file: elsewhere/generic.csv").utf8))
        #expect(findings(folder.path) == ["data/elsewhere/generic.csv: error: cannot read the file: its path leads through a link out of the data folder; links must stay inside the data folder (copy the file into it instead)"])
    }

    // MARK: File names in other cases

    @Test func dataFilesEndingInAnUpperCaseExtensionAreWarnedAboutNotSkipped() throws {
        let outcomes = try String(contentsOfFile: Fixture.path("minimal/outcomes.yaml"), encoding: .utf8)
        let found = try findings(changing: [
            "sessions/2026-03.YAML": "sessions: []\n",
            "sessions/2026-04.Yaml": "sessions: []\n",
            "sessions/2026-05.YML": "sessions: []\n",
            "sessions/2026-06.yml": "sessions: []\n",
            "outcomes.yaml": nil,
            "Outcomes.YAML": outcomes,
        ])
        // (Findings about the folder as a whole are in the order of their messages.)
        #expect(found == [
            "data/sessions/2026-06.yml: warning: ignored: only files ending in .yaml are read; rename it to .yaml to include it",
            "data/sessions/2026-03.YAML: warning: ignored: only files ending in lower-case .yaml are read; rename it to 2026-03.yaml to include it",
            "data/sessions/2026-04.Yaml: warning: ignored: only files ending in lower-case .yaml are read; rename it to 2026-04.yaml to include it",
            "data/sessions/2026-05.YML: warning: ignored: only files ending in lower-case .yaml are read; rename it to 2026-05.yaml to include it",
            "data/Outcomes.YAML: warning: ignored: only files ending in lower-case .yaml are read; rename it to outcomes.yaml to include it",
        ])
    }
}
