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
            "data/outcomes.yaml: error: cannot read the file: it is a folder, not a file",
            "data/sessions/old: warning: ignored: a folder inside sessions/; only the .yaml files directly in sessions/ are read",
        ])
    }

    /// The reader's own limit (it also holds when a file grows after the folder was listed): a file
    /// one byte over is refused, a file of exactly the limit is read whole.
    @Test func theFileReaderRefusesAFileOverItsLimitAndReadsOneAtIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.yaml", Array(repeating: UInt8(ascii: "#"), count: 5000))
        #expect(throws: FileReadError.self) { try FileBytes(path: folder.url.appendingPathComponent("big.yaml").path, limit: 4096) }
        let read = try FileBytes(path: folder.url.appendingPathComponent("big.yaml").path, limit: 5000)
        #expect(read.bytes.count == 5000)
    }

    @Test(.timeLimit(.minutes(1)))
    func aFIFOIsRefusedByTheFileReaderItselfWithoutWaiting() throws {
        // Reached when a FIFO replaces a file after the folder was listed: opened without blocking.
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("late.yaml").path
        #expect(mkfifo(path, 0o644) == 0)
        #expect(throws: FileReadError.self) { try FileBytes(path: path, limit: 1_000) }
        do { _ = try FileBytes(path: path, limit: 1_000) } catch let error as FileReadError {
            #expect(error.reason == "it is a FIFO, not a file")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFIFOWhereACollectionFolderBelongsIsAnError() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/2026-01.yaml": nil, "sessions/2026-02.yaml": nil])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("sessions"))
        #expect(mkfifo(folder.url.appendingPathComponent("sessions").path, 0o644) == 0)
        #expect(findings(folder.path) == ["data/sessions: error: cannot read the folder: it is a FIFO, not a folder"])
    }

    @Test func peopleSavedWithoutItsExtensionIsAnErrorNotAnEmptyProgramme() throws {
        let people = try String(contentsOfFile: Fixture.path("minimal/people.yaml"), encoding: .utf8)
        let folder = try Fixture.variant(of: "minimal", ["people.yaml": nil, "people": people])
        #expect(findings(folder.path) == ["data/people:1:1: error: ignored: a file named 'people' without .yaml; expected people.yaml or a folder people/ of .yaml files"])
    }

    @Test func aHugeFileIsRefusedBeforeRoomIsMadeForItsRecordsOnOneThread() throws {
        let folder = try Fixture.variant(of: "minimal")
        let path = folder.url.appendingPathComponent("sessions/2026-03.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 600 * 1_048_576) == 0)  // sparse: over the 512 MB limit, no disk used
        for concurrent in [false, true] {
            let loaded = Loader(folder: folder.path, concurrent: concurrent).load()
            #expect(loaded.diagnostics.errors.map(\.message) == ["the file is 600 MB; expected at most 512 MB per file (raise the limit with --max-file-size)"])
        }
    }

    @Test func aSubfolderOfACollectionIsReportedAlikeOnDiskAndInMemory() throws {
        let folder = try Fixture.variant(of: "minimal", ["sessions/old/2025-12.yaml": "sessions: []\n"])
        var files: [String: [UInt8]] = [:]
        for name in ["program.yaml", "people.yaml", "relationships.yaml", "surveys.yaml", "responses.yaml", "outcomes.yaml",
                     "sessions/2026-01.yaml", "sessions/2026-02.yaml", "sessions/old/2025-12.yaml"] {
            files[name] = [UInt8](FileManager.default.contents(atPath: folder.url.appendingPathComponent(name).path)!)
        }
        let expected = ["data/sessions/old: warning: ignored: a folder inside sessions/; only the .yaml files directly in sessions/ are read"]
        #expect(findings(folder.path) == expected)
        let memory = Loader(folder: folder.path, files: files).load()
        #expect(validate(memory).all.map { $0.formatted.replacingOccurrences(of: folder.path, with: "data") } == expected)
    }

    /// Thousands of names fill the system's directory buffer to its end: each is read where it stands
    /// (under the address sanitizer, reading a whole 256-byte name field ran past the buffer).
    @Test func aFolderOfThousandsOfFilesIsListedWhole() throws {
        let folder = try Fixture.variant(of: "minimal")
        for i in 0..<3_000 {
            try folder.write("sessions/x\(String(repeating: "-", count: i % 40))\(i).yaml", Array("sessions: []\n".utf8))
        }
        let (files, _, findings, _) = DataFolder(path: folder.path).files()
        #expect(findings.isEmpty)
        #expect(files.filter { $0.collection == .sessions }.count == 3_002)
    }

    // MARK: A file swapped for a link out of the folder after it was checked (decision 106)

    /// A data folder with `outcomes.yaml`, and a folder outside it holding a file of secret bytes.
    private func folderAndOutside() throws -> (data: TemporaryFolder, outside: TemporaryFolder) {
        let data = try Fixture.variant(of: "minimal")
        let outside = try TemporaryFolder()
        try outside.write("secret.yaml", Array("outcomes: [{person: p001, SECRETKEY: 1}]\n".utf8))
        try outside.write("sessions/2026-01.yaml", Array("SECRET-SESSIONS\n".utf8))
        try outside.write("secret.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\">SECRET-OUTSIDE</svg>".utf8))
        return (data, outside)
    }

    /// Replaces `relative` in `folder` by a link to `target`, as a second process may between the
    /// listing's check and the read.
    private func swapForLink(_ folder: TemporaryFolder, _ relative: String, to target: String) throws {
        let path = folder.url.appendingPathComponent(relative).path
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    @Test func aDataFileSwappedForALinkOutOfTheFolderAfterItsCheckIsNotRead() throws {
        let (data, outside) = try folderAndOutside()
        let folder = DataFolder(path: data.path)
        // The check: the listing finds a regular file inside the folder.
        let listed = folder.files().files.first { $0.displayPath.hasSuffix("/outcomes.yaml") }
        #expect(folder.entry("outcomes.yaml") == .file(size: try #require(listed).size))
        // Then the swap, then the read: the bytes outside never come back, and the reason says why.
        try swapForLink(data, "outcomes.yaml", to: outside.path + "/secret.yaml")
        for read in [{ try folder.read("outcomes.yaml", limit: 1 << 20) }, { try #require(listed).read(limit: 1 << 20) }] {
            do {
                let bytes = try read()
                Issue.record("read \(String(decoding: Array(bytes.bytes), as: UTF8.self))")
            } catch let failure as FileReadError {
                #expect(failure.reason == "it changed while it was read and now leads out of the data folder, so it was not read; links must stay inside the data folder (copy the file into it instead)")
            }
        }
    }

    @Test func aCollectionFolderSwappedForALinkOutOfTheFolderIsNotRead() throws {
        // A link in the middle of the path: not one that O_NOFOLLOW sees, but the file opened is checked.
        let (data, outside) = try folderAndOutside()
        let folder = DataFolder(path: data.path)
        let listed = try #require(folder.files().files.first { $0.displayPath.hasSuffix("/sessions/2026-01.yaml") })
        try FileManager.default.removeItem(atPath: data.path + "/sessions")
        try FileManager.default.createSymbolicLink(atPath: data.path + "/sessions", withDestinationPath: outside.path + "/sessions")
        #expect(throws: FileReadError.self) { try listed.read(limit: 1 << 20) }
        #expect(throws: FileReadError.self) { try folder.read("sessions/2026-01.yaml", limit: 1 << 20) }
    }

    @Test func aSurveyExportSwappedForALinkOutOfTheFolderIsNotRead() throws {
        let (data, outside) = try folderAndOutside()
        try data.write("responses/pulse.csv", Array("a,b\n1,2\n".utf8))
        let folder = DataFolder(path: data.path)
        #expect(folder.entry("responses/pulse.csv") == .file(size: 8))
        try outside.write("secret.csv", Array("SECRET,CELLS\n".utf8))
        try swapForLink(data, "responses/pulse.csv", to: outside.path + "/secret.csv")
        do {
            _ = try CSVRows(path: data.path + "/responses/pulse.csv", limit: 1 << 20, inside: try #require(folder.realFolder))
            Issue.record("the export outside the data folder was read")
        } catch let failure as ExportReadError {
            #expect(failure.message == "cannot read the file: it changed while it was read and now leads out of the data folder, so it was not read; links must stay inside the data folder (copy the file into it instead)")
        }
    }

    @Test func aLogoSwappedForALinkOutOfTheFolderIsNotRead() throws {
        let (data, outside) = try folderAndOutside()
        let logo = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)
        try data.write("assets/logo.svg", logo)
        let folder = DataFolder(path: data.path)
        #expect(folder.entry("assets/logo.svg") == .file(size: logo.count))
        try swapForLink(data, "assets/logo.svg", to: outside.path + "/secret.svg")
        #expect(throws: FileReadError.self) { try folder.read("assets/logo.svg", limit: Logo.maxBytes) }
    }

    @Test func linksThatStayInsideTheFolderAreStillRead() throws {
        let (data, _) = try folderAndOutside()
        let original = try #require(FileManager.default.contents(atPath: data.path + "/outcomes.yaml"))
        try data.write("archive/outcomes-2026.yaml", Array(original))
        try swapForLink(data, "outcomes.yaml", to: "archive/outcomes-2026.yaml")
        // A linked folder inside the data folder, too.
        try FileManager.default.moveItem(atPath: data.path + "/sessions", toPath: data.path + "/archive/sessions")
        try FileManager.default.createSymbolicLink(atPath: data.path + "/sessions", withDestinationPath: data.path + "/archive/sessions")
        let folder = DataFolder(path: data.path)
        let read = try folder.read("outcomes.yaml", limit: 1 << 20)
        #expect(withExtendedLifetime(read) { Array(read.bytes) } == Array(original))
        let sessions = try #require(folder.files().files.first { $0.displayPath.hasSuffix("/sessions/2026-01.yaml") })
        #expect(try sessions.read(limit: 1 << 20).bytes.count == sessions.size)
        #expect(findings(data.path) == findings(Fixture.path("minimal")))
    }
}
