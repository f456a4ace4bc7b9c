import Foundation
import Testing
@testable import MentorReport

/// The files of a folder (relative path → bytes), hidden files left out as the build leaves them out.
func folderFiles(_ root: String) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") {
            enumerator?.skipDescendants()
            continue
        }
        var isFolder: ObjCBool = false
        let path = root + "/" + relative
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        files[relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    return files
}

/// Runs `executable` with `arguments` from `folder` as its working directory.
func run(_ executable: String, _ arguments: [String], in folder: String) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

/// The built `mentor-report` executable.
var mentorReportExecutable: String {
    let folder = Bundle.main.executableURL!.deletingLastPathComponent()
    let direct = folder.appendingPathComponent("mentor-report")
    return FileManager.default.fileExists(atPath: direct.path) ? direct.path
        : folder.deletingLastPathComponent().appendingPathComponent("mentor-report").path
}

/// The templates and the starter programme built into the program: the same bytes as the repository's
/// folders, the same pages as the templates folder, and the same sandbox.
@Suite struct BuiltInTemplatesTests {
    /// Every block of site.css is closed where it should be: an unclosed `@media print {` silently
    /// turns every later rule into a print-only rule (a merge once left one open).
    @Test func theStyleSheetsBlocksAreBalanced() throws {
        let css = try String(contentsOfFile: Fixture.repository.path + "/templates/site.css", encoding: .utf8)
        let code = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
        var depth = 0
        for (number, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for c in line {
                if c == "{" { depth += 1 }
                if c == "}" { depth -= 1 }
            }
            #expect(depth >= 0, "site.css closes a block it never opened near line \(number + 1)")
            // A rule at the top level starts at column 1; one indented is inside a block.
            if depth == 0, let first = line.first, first == " ", line.contains("{") {
                Issue.record("site.css line \(number + 1) is indented at the top level: a block was closed too early")
            }
        }
        #expect(depth == 0, "site.css leaves \(depth) block(s) open")
    }

    static let templatesFolder = Fixture.repository.appendingPathComponent("templates").path
    static let virtualFolder = "/mentor-report/built-in-templates"

    @Test func theBuiltInFilesAreTheRepositoryFoldersByteForByte() throws {
        let templates = try folderFiles(Self.templatesFolder)
        #expect(templates.keys.contains("overview.xsl") && templates.keys.contains("report.xsd") && templates.keys.contains("site.css"))
        let starter = try folderFiles(Fixture.repository.appendingPathComponent("starter").path)
        #expect(starter.keys.contains("data/program.yaml") && starter.keys.contains("README.md"))
        for (builtIn, folder) in [(BuiltInFiles.templates, templates), (BuiltInFiles.starter, starter)] {
            #expect(builtIn.keys.sorted() == folder.keys.sorted())
            for (name, bytes) in folder {
                let same = builtIn[name] == bytes  // compared apart, so a failure names the file only
                #expect(same, "\(name) differs from its built-in copy")
            }
        }
        #expect(String(validating: BuiltInFiles.templates["site.css"]!, as: UTF8.self) != nil)
    }

    /// The sample's month, public and admin, and the archive page: the same bytes with the built-in
    /// templates as with `--templates templates`.
    @Test(arguments: [ReportAudience.public, .admin])
    func theBuiltInTemplatesRenderTheSameBytesAsTheTemplatesFolder(audience: ReportAudience) throws {
        let loaded = Loader(folder: Fixture.repository.appendingPathComponent("data").path).load()
        let report = Report(data: loaded.data, period: ReportingPeriod.default(for: loaded.data), audience: audience)
        let builtIn = try ReportWriter(outputFolder: "unused").render(report)
        let folder = try ReportWriter(outputFolder: "unused", templatesFolder: Self.templatesFolder).render(report)
        #expect(builtIn.map(\.name) == folder.map(\.name))
        #expect(builtIn.count >= 8)
        for (a, b) in zip(builtIn, folder) {
            #expect(a.bytes == b.bytes, "\(a.name) differs")
        }
        let months = [Month(text: "2026-09")!, Month(text: "2026-10")!]
        #expect(try SiteRenderer(templates: .builtIn).renderArchive(months: months, audience: audience)
                == SiteRenderer(templatesFolder: Self.templatesFolder).renderArchive(months: months, audience: audience))
    }

    /// `--templates DIR` replaces the built-in set whole: its files are used, and a file missing from it
    /// is an error, not a fallback to the built-in one.
    @Test func aTemplatesFolderReplacesTheBuiltInSetWhole() throws {
        let copy = try TemporaryFolder()
        for (name, bytes) in try folderFiles(Self.templatesFolder) { try copy.write(name, bytes) }
        let css = String(decoding: BuiltInFiles.templates["site.css"]!, as: UTF8.self) + "\n.override-marker { color: red; }\n"
        try copy.write("site.css", Array(css.utf8))
        let out = try TemporaryFolder()
        let edited = try mentorReport(["build", "--out", out.path + "/a", "--templates", copy.path, "--quiet"])
        #expect(edited.status == 0)
        let page = try String(contentsOfFile: out.path + "/a/2026-10/index.html", encoding: .utf8)
        #expect(page.contains(".override-marker { color: red; }"))
        let standard = try mentorReport(["build", "--out", out.path + "/b", "--quiet"])
        #expect(standard.status == 0)
        #expect(try !String(contentsOfFile: out.path + "/b/2026-10/index.html", encoding: .utf8).contains("override-marker"))

        try copy.write("overview.xsl", nil)
        let missing = try mentorReport(["build", "--out", out.path + "/c", "--templates", copy.path, "--quiet"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("error: template error: \(copy.path)/overview.xsl: the stylesheet is missing from the templates folder; expected a complete set of templates (mentor-report templates DIR writes one)"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/c/2026-10"))
    }

    /// With the built-in templates, a load may name only a built-in file, exactly: no file of the disk,
    /// however it is written, even one that exists, and no other spelling of a built-in name.
    @Test func theBuiltInSetReadsNothingButItsOwnFiles() throws {
        let planted = try TemporaryFolder()
        let stylesheet = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:template match="/">PLANTED</xsl:template></xsl:stylesheet>
            """
        try planted.write("page.xsl", Array(stylesheet.utf8))
        try planted.write("report.xsd", Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"report\"/></xs:schema>".utf8))
        let v = Self.virtualFolder
        let refused = [
            planted.path + "/page.xsl", "file://" + planted.path + "/page.xsl", "file://localhost" + planted.path + "/page.xsl",
            "/etc/hostname", "file:///etc/hostname", "\(v)/../../etc/hostname", "\(v)/%2e%2e/%2e%2e/etc/hostname",
            "\(v)/./layout.xsl", "\(v)//layout.xsl", "\(v)/a?/../layout.xsl", "file://\(v)/layout.xsl?x", "file://\(v)/layout.xsl#x",
            "file://other\(v)/layout.xsl", "http://127.0.0.1:9\(v)/layout.xsl", "layout.xsl", "built-in-templates/layout.xsl",
            "\(v)/missing.xsl", "\(v)", "\(v)/",
        ]
        for uri in refused {
            var message = ""
            do { _ = try XSLTStylesheet(path: uri, source: .builtIn) } catch let failure as RenderFailure { message = failure.message }
            #expect(message.contains("not a file of the built-in templates") || message.contains("only local files may be read")
                    || message.contains("a file URI"), "\(uri): \(message)")
            #expect(!message.contains("PLANTED"))
        }
        for uri in ["\(v)/layout.xsl", "file://\(v)/layout.xsl", "file://localhost\(v)/layout.xsl", "\(v)/%6cayout.xsl"] {
            #expect(throws: Never.self, "\(uri)") { try XSLTStylesheet(path: uri, source: .builtIn) }
        }
        #expect {
            try XMLSchema(path: planted.path + "/report.xsd", source: .builtIn)
        } throws: { error in
            "\(error)".hasPrefix("cannot read the schema \(planted.path)/report.xsd")
        }
        #expect(throws: Never.self) { try XMLSchema(in: .builtIn) }
    }

    /// A templates folder cannot reach the built-in files by their virtual names: it reads only its own
    /// files, as before.
    @Test func aTemplatesFolderCannotReachTheBuiltInFiles() throws {
        let folder = try TemporaryFolder()
        let v = Self.virtualFolder
        for href in ["\(v)/layout.xsl", "file://\(v)/layout.xsl", "../../../../../..\(v)/layout.xsl"] {
            try folder.write("page.xsl", Array("""
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                <xsl:import href="\(href)"/>
                <xsl:template match="/">x</xsl:template></xsl:stylesheet>
                """.utf8))
            #expect(throws: RenderFailure.self, "\(href)") { try XSLTStylesheet(named: "page.xsl", in: .folder(folder.path)) }
        }
        try folder.write("page.xsl", Array("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:output method="text"/>
            <xsl:template match="/">[<xsl:value-of select="count(document('\(v)/report.xsd')/*)"/>]</xsl:template></xsl:stylesheet>
            """.utf8))
        let sheet = try XSLTStylesheet(named: "page.xsl", in: .folder(folder.path))
        #expect(throws: RenderFailure.self) { try sheet.transform(try parsedDocument("<report/>"), parameters: []) }
    }

    /// The binary copied alone into an empty folder works from any working directory.
    @Test func theBinaryAloneBuildsFromAnotherFolder() throws {
        let bin = try TemporaryFolder(), elsewhere = try TemporaryFolder(), out = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: mentorReportExecutable, toPath: bin.path + "/mentor-report")
        let data = Fixture.repository.appendingPathComponent("data").path
        let result = try run(bin.path + "/mentor-report", ["build", "--data", data, "--out", out.path + "/site", "--quiet"], in: elsewhere.path)
        #expect(result.status == 0, "\(result.stderr)")
        let reference = try mentorReport(["build", "--out", out.path + "/reference", "--templates", "templates", "--quiet"])
        #expect(reference.status == 0)
        for name in ["index.html", "2026-10/index.html", "2026-10/engagement.html", "2026-10/report.xml"] {
            #expect(FileManager.default.contents(atPath: out.path + "/site/" + name) == FileManager.default.contents(atPath: out.path + "/reference/" + name), "\(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}

/// `mentor-report init DIR` and `mentor-report templates DIR`.
@Suite struct StarterAndCopyTests {
    @Test func initWritesAStarterProgrammeThatValidatesWithoutWarningsAndBuilds() throws {
        let folder = try TemporaryFolder()
        let dir = folder.path + "/programme"
        let result = try mentorReport(["init", dir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote the starter programme into \(dir): \(BuiltInFiles.starter.count) files"))
        #expect(try folderFiles(dir) == folderFiles(Fixture.repository.appendingPathComponent("starter").path))
        for collection in ["program.yaml", "people.yaml", "relationships.yaml", "sessions", "surveys.yaml", "responses", "outcomes.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/data/" + collection), "\(collection)")
        }
        let validate = try mentorReport(["validate", "--data", dir + "/data", "--strict"])
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("0 errors, 0 warnings"), "\(validate.stderr)")
        #expect(!validate.stderr.contains("warning:"))
        for audience in ["public", "admin"] {
            let build = try mentorReport(["build", "--data", dir + "/data", "--out", dir + "/out-\(audience)", "--audience", audience])
            #expect(build.status == 0, "\(build.stderr)")
            #expect(build.stderr.contains("0 warnings"))
        }
        // Every page of the month has something: the survey is not suppressed, a cohort has its page.
        let xml = try String(contentsOfFile: dir + "/out-public/2026-10/report.xml", encoding: .utf8)
        #expect(xml.contains("<kpi id=\"satisfaction.mean.mentees\" label=\"Mentee satisfaction (1–5)\" term=\"satisfaction.mean.role\" value=\"4.2\" n=\"5\""))
        #expect(FileManager.default.fileExists(atPath: dir + "/out-public/2026-10/cohort-2026-autumn.html"))
        // The programme's own look: its logo (embedded), accent colour and headline tiles on the pages.
        let logo = try Data(contentsOf: URL(fileURLWithPath: dir + "/data/assets/logo.svg")).base64EncodedString()
        for page in ["2026-10/index.html", "2026-10/executive-summary.html", "index.html"] {
            let html = try String(contentsOfFile: dir + "/out-public/" + page, encoding: .utf8)
            #expect(html.contains("src=\"data:image/svg+xml;base64,\(logo)\" alt=\"Example Ltd logo\""), "\(page)")
            #expect(html.contains("--brand: #2f5d50;"), "\(page)")
        }
        let summary = try String(contentsOfFile: dir + "/out-public/2026-10/executive-summary.html", encoding: .utf8)
        #expect(summary.contains("tiles across-5"))
        #expect(summary.contains("Goals achieved so far"))
    }

    @Test func templatesWritesTheBuiltInTemplatesAndTheyBuild() throws {
        let folder = try TemporaryFolder()
        let dir = folder.path + "/my-templates"
        let result = try mentorReport(["templates", dir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folderFiles(dir) == folderFiles(BuiltInTemplatesTests.templatesFolder))
        let out = try TemporaryFolder()
        #expect(try mentorReport(["build", "--out", out.path, "--templates", dir, "--quiet"]).status == 0)
    }

    /// Without --force nothing is written when a file exists (exit 2, naming it); with --force the
    /// files are replaced, and a file of the user's beside them is left alone.
    @Test(arguments: [("templates", "overview.xsl"), ("init", "data/people.yaml")])
    func existingFilesAreReplacedOnlyWithForce(command: String, file: String) throws {
        let folder = try TemporaryFolder()
        #expect(try mentorReport([command, folder.path]).status == 0)
        let path = folder.path + "/" + file
        let original = FileManager.default.contents(atPath: path)
        try folder.write(file, Array("edited by hand\n".utf8))
        try folder.write("mine.txt", Array("a file of the user's\n".utf8))
        let refused = try mentorReport([command, folder.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: \(folder.path)/"))
        #expect(refused.stderr.contains("already exist; expected a new or empty folder (--force replaces these files, and only these)"))
        #expect(FileManager.default.contents(atPath: path) == Data("edited by hand\n".utf8))
        let forced = try mentorReport([command, folder.path, "--force"])
        #expect(forced.status == 0)
        #expect(FileManager.default.contents(atPath: path) == original)
        #expect(FileManager.default.contents(atPath: folder.path + "/mine.txt") == Data("a file of the user's\n".utf8))
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & 0o777 == 0o644)
    }

    /// A link at a file's name is replaced by the file, never written through.
    @Test func forceReplacesALinkInsteadOfWritingThroughIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("outside.txt", Array("OUTSIDE\n".utf8))
        try FileManager.default.createDirectory(atPath: folder.path + "/t", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/t/site.css", withDestinationPath: "../outside.txt")
        #expect(try mentorReport(["templates", folder.path + "/t"]).status == 2)
        #expect(try mentorReport(["templates", folder.path + "/t", "--force"]).status == 0)
        #expect(FileManager.default.contents(atPath: folder.path + "/outside.txt") == Data("OUTSIDE\n".utf8))
        #expect(FileManager.default.contents(atPath: folder.path + "/t/site.css").map { [UInt8]($0) } == BuiltInFiles.templates["site.css"])
    }

    @Test func aFolderThatCannotBeMadeExitsThree() throws {
        let folder = try TemporaryFolder()
        try folder.write("file", Array("x".utf8))
        let result = try mentorReport(["init", folder.path + "/file/programme"])
        #expect(result.status == 3)
        #expect(result.stderr == "error: cannot create the folder \(folder.path)/file/programme: Not a directory\n")
    }

    @Test func oneExistingFileIsNamedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("site.css", Array("mine\n".utf8))
        let refused = try mentorReport(["templates", folder.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: \(folder.path)/site.css already exists; expected a new or empty folder (--force replaces these files, and only these)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site.css"])
    }
}
