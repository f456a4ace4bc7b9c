import Foundation
import Testing
@testable import MentorReport

/// What is in the data folder but cannot be read as a file: an error naming it, never a hang, a crash
/// or a collection silently taken as empty.
@Suite struct DataFolderTests {
    @Test(.timeLimit(.minutes(1)))
    func aFIFOInACollectionFolderIsAnErrorNotAWait() throws {
        let folder = try Fixture.variant(of: "minimal")
        #expect(mkfifo(folder.url.appendingPathComponent("sessions/2026-03.yaml").path, 0o644) == 0)
        #expect(findings(folder.path) == ["data/sessions/2026-03.yaml: error: cannot read the file: it is a FIFO, not a file"])
    }

    @Test func aLinkToADeviceIsAnErrorNotAnEndlessRead() throws {
        let folder = try Fixture.variant(of: "minimal")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("sessions/2026-03.yaml").path,
                                                   withDestinationPath: "/dev/zero")
        #expect(findings(folder.path) == ["data/sessions/2026-03.yaml: error: cannot read the file: it is a device, not a file"])
    }

    @Test func aLinkToNothingIsAnErrorNotAMissingCollection() throws {
        let folder = try Fixture.variant(of: "minimal", ["outcomes.yaml": nil])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("outcomes.yaml").path,
                                                   withDestinationPath: "/nonexistent/outcomes.yaml")
        #expect(findings(folder.path) == ["data/outcomes.yaml: error: cannot read the file: it is a link to '/nonexistent/outcomes.yaml', which cannot be read: No such file or directory"])
    }

    @Test func aRequiredFileThatIsALinkToNothingSaysSoAndNothingElse() throws {
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": nil])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("people.yaml").path,
                                                   withDestinationPath: "/nonexistent/people.yaml")
        // Relationships, responses and outcomes name people: none of them is reported as naming nobody.
        #expect(findings(folder.path) == ["data/people.yaml: error: cannot read the file: it is a link to '/nonexistent/people.yaml', which cannot be read: No such file or directory"])
    }

    @Test func aFolderWhereAFileBelongsAndASubfolderOfACollectionAreReported() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/old/2025-12.yaml": "sessions: []\n", "outcomes.yaml": nil])
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("outcomes.yaml"), withIntermediateDirectories: false)
        #expect(findings(folder.path) == [
            "data/outcomes.yaml: error: cannot read the file: it is a folder; expected a YAML file",
            "data/sessions/old: warning: ignored: a folder inside sessions/; only the .yaml files directly in sessions/ are read",
        ])
    }

    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.yaml", Array(repeating: UInt8(ascii: "#"), count: 5000))
        #expect(throws: FileReadError.self) { try FileBytes(path: folder.url.appendingPathComponent("big.yaml").path, limit: 4096) }
        let read = try FileBytes(path: folder.url.appendingPathComponent("big.yaml").path, limit: 5000)
        #expect(read.bytes.count == 5000)
    }
}
