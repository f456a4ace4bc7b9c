import Foundation
import Testing
@testable import MentorReport

/// The fixture folders under `Tests/Fixtures`, and throw-away variants of them.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = root.deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// A copy of fixture `name` in a new temporary folder with some files replaced (text) or removed (nil).
    static func variant(of name: String, _ changes: [String: String?] = [:]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.removeItem(at: folder.url)
        try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: folder.url)
        for (relative, content) in changes {
            try folder.write(relative, content.map { Array($0.utf8) })
        }
        return folder
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("mentor-report-tests-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes (or with nil, removes) a file, creating folders on the way.
    func write(_ relative: String, _ bytes: [UInt8]?) throws {
        let file = url.appendingPathComponent(relative)
        guard let bytes else {
            try FileManager.default.removeItem(at: file)
            return
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Loads and validates a folder; the findings as printed, with the folder's path shown as `data`.
func findings(_ folder: String, strict: Bool = false, period: String? = nil) -> [String] {
    let loaded = Loader(folder: folder).load()
    let diagnostics = validate(loaded, period: period.flatMap(Month.init(text:)).map(ReportingPeriod.init), strict: strict)
    return diagnostics.all.map { $0.formatted.replacingOccurrences(of: folder, with: "data") }
}

/// The findings of the minimal fixture with some files changed.
func findings(changing changes: [String: String?], strict: Bool = false) throws -> [String] {
    let folder = try Fixture.variant(of: "minimal", changes)
    return findings(folder.path, strict: strict)
}

/// The minimal fixture's data with some files changed, loaded (findings must be empty).
func load(changing changes: [String: String?] = [:]) throws -> ProgrammeData {
    let folder = try Fixture.variant(of: "minimal", changes)
    let loaded = Loader(folder: folder.path).load()
    #expect(validate(loaded).all.map(\.formatted) == [])
    return loaded.data
}

extension Fixture {
    /// A fixture file's text with `old` replaced by `new`. The test fails when `old` is not in the
    /// file: an edit that changes nothing would let a test pass for the wrong reason.
    static func text(_ name: String, replacing old: String, with new: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        try #require(text.contains(old), "\(name) does not hold \(old.debugDescription)", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: old, with: new)
    }
}
