import CLibXML2
import CXSLTSupport
import Foundation
import Testing
@testable import MentorReport

/// The templates sandbox against every URI form an adversarial test tried: a query (`a?/..`), a
/// fragment (`#`), percent-encoded dots, symlinks and absolute `file:` URIs, in `document()`,
/// `xsl:include`, `xsl:import` and the XSD's `xs:include`. Each planted file outside the templates
/// folder must reach neither a page nor a message.
@Suite struct SandboxEscapeTests {
    static let secret = "SECRET-FIRST-LINE"

    /// A work folder holding `templates/` (with an empty file `a`, folders `a?` and `a#`, an inside
    /// document and a link to the outside) and, beside it, the planted `secret.xml` and `secret.txt`.
    final class Layout {
        let work: TemporaryFolder
        var templates: String { work.path + "/templates" }
        var outside: String { work.path }

        init() throws {
            work = try TemporaryFolder()
            try work.write("secret.xml", Array("<secret>\(SandboxEscapeTests.secret)</secret>".utf8))
            try work.write("secret.txt", Array("\(SandboxEscapeTests.secret)\nsecond line\n".utf8))
            try work.write("secret.xsl", Array("""
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                <xsl:template name="leak">\(SandboxEscapeTests.secret)</xsl:template>
                </xsl:stylesheet>
                """.utf8))
            try work.write("secret.xsd", Array("""
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="\(SandboxEscapeTests.secret)"/></xs:schema>
                """.utf8))
            try work.write("templates/a", [])
            try work.write("templates/inside.xml", Array("<inside>INSIDE-TEXT</inside>".utf8))
            for folder in ["a?", "a#", "%2e%2e"] {
                try FileManager.default.createDirectory(atPath: templates + "/" + folder, withIntermediateDirectories: true)
            }
            for name in ["secret.xml", "secret.txt", "secret.xsl", "secret.xsd"] {
                try FileManager.default.createSymbolicLink(atPath: templates + "/link-" + name, withDestinationPath: outside + "/" + name)
            }
        }

        /// The URI forms that name `name` outside the templates folder, as a template would write them.
        func escapes(_ name: String) -> [String] {
            ["a?/../../\(name)", "a#/../../\(name)", "%2e%2e/\(name)", "%2e%2e/%2e%2e/\(name)",
             "link-\(name)", "\(outside)/\(name)", "file://\(outside)/\(name)", "file://localhost\(outside)/\(name)",
             "file:\(outside)/\(name)", "FILE://\(outside)/\(name)", "file://\(outside)/templates/a?/../../\(name)",
             "file://\(outside)/templates/%2e%2e/\(name)", "file://\(outside)/templates/a%3F/../../\(name)"]
        }

        func stylesheet(_ body: String) throws -> String {
            let path = templates + "/page.xsl"
            try Data("""
                <?xml version="1.0"?>
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                \(body)
                <xsl:output method="text"/>
                </xsl:stylesheet>
                """.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    var input: XMLDocument { try! parsedDocument("<report/>") }

    /// What compiling and running the stylesheet gives: its output, or its error message.
    func outcome(_ path: String, folder: String) -> String {
        do {
            let page = try XSLTStylesheet(path: path, folder: folder).transform(input, parameters: [])
            return "output: " + String(decoding: page, as: UTF8.self)
        } catch {
            return "error: \(error)"
        }
    }

    @Test func documentCannotReadOutsideTheTemplatesFolder() throws {
        let layout = try Layout()
        for uri in layout.escapes("secret.xml") {
            let path = try layout.stylesheet("""
                <xsl:template match="/">[<xsl:copy-of select="document('\(uri)')"/>]</xsl:template>
                """)
            let result = outcome(path, folder: layout.templates)
            #expect(!result.contains(Self.secret), "document('\(uri)') read the planted file: \(result)")
            // A fragment is libxslt's to strip ('a#/../..' names the empty file a, inside): every other
            // form is a refused read, and a refused read fails the page.
            if !uri.hasPrefix("a#") { #expect(result.hasPrefix("error: "), "document('\(uri)') was not refused: \(result)") }
        }
    }

    @Test func includeAndImportCannotReadOutsideTheTemplatesFolder() throws {
        let layout = try Layout()
        for element in ["xsl:include", "xsl:import"] {
            for name in ["secret.xsl", "secret.txt"] {
                for uri in layout.escapes(name) {
                    let path = try layout.stylesheet("""
                        <\(element) href="\(uri)"/>
                        <xsl:template match="/">[<xsl:call-template name="leak"/>]</xsl:template>
                        """)
                    let result = outcome(path, folder: layout.templates)
                    #expect(result.hasPrefix("error: "), "\(element) of '\(uri)' was not refused: \(result)")
                    #expect(!result.contains(Self.secret), "\(element) of '\(uri)' showed the planted file: \(result)")
                }
            }
        }
    }

    @Test func documentsInsideTheFolderStillLoadInEveryForm() throws {
        let layout = try Layout()
        for uri in ["inside.xml", "a?/../inside.xml", "file://\(layout.templates)/inside.xml",
                    "file://localhost\(layout.templates)/inside.xml", "\(layout.templates)/inside.xml"] {
            let path = try layout.stylesheet("""
                <xsl:template match="/">[<xsl:value-of select="document('\(uri)')"/>]</xsl:template>
                """)
            #expect(outcome(path, folder: layout.templates) == "output: [INSIDE-TEXT]", "document('\(uri)')")
        }
    }

    @Test func refusalsSayWhy() throws {
        let layout = try Layout()
        let path = try layout.stylesheet("""
            <xsl:include href="a?/../../secret.xsl"/>
            <xsl:template match="/">x</xsl:template>
            """)
        let result = outcome(path, folder: layout.templates)
        #expect(result.contains("outside the templates folder"), "\(result)")
        let query = try layout.stylesheet("""
            <xsl:template match="/">[<xsl:value-of select="document('file://\(layout.templates)/inside.xml?x=1')"/>]</xsl:template>
            """)
        #expect(outcome(query, folder: layout.templates).contains("a file URI with a query (?) or fragment (#)"))
    }

    @Test func schemaIncludesCannotReadOutsideTheTemplatesFolder() throws {
        let layout = try Layout()
        for name in ["secret.xsd", "secret.txt"] {
            for uri in layout.escapes(name) + ["/etc/hostname"] {
                let schema = layout.templates + "/report.xsd"
                try Data("""
                    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                      <xs:include schemaLocation="\(uri)"/>
                      <xs:element name="report"/>
                    </xs:schema>
                    """.utf8).write(to: URL(fileURLWithPath: schema))
                var message = "compiled"
                do { _ = try XMLSchema(path: schema, folder: layout.templates) } catch { message = "\(error)" }
                #expect(message != "compiled", "xs:include of '\(uri)' was read")
                #expect(!message.contains(Self.secret), "xs:include of '\(uri)' showed the planted file: \(message)")
            }
        }
    }

    /// The loader's reason for refusing an include reaches the message, and is taken from the thread's
    /// buffer: a thread that ends after a refused load leaves nothing behind (LeakSanitizer checks this
    /// under scripts/sanitize; CI once found such a buffer of an ended thread leaked).
    @Test func aRefusedSchemaIncludeIsNamedAndLeavesNoMessageOnTheThread() throws {
        let layout = try Layout()
        let schema = layout.templates + "/report.xsd"
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="/etc/hostname"/>
              <xs:element name="report"/>
            </xs:schema>
            """.utf8).write(to: URL(fileURLWithPath: schema))
        /// What the thread saw, read after it has signalled.
        final class Seen: @unchecked Sendable {
            var message = "compiled"
            var left: String?
        }
        let seen = Seen()
        let folder = layout.templates
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try XMLSchema(path: schema, folder: folder) } catch { seen.message = "\(error)" }
            seen.left = XSLTSandbox.takeErrors()
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(seen.message.contains("cannot read /etc/hostname"), "\(seen.message)")
        #expect(seen.left == nil, "messages were left on the thread: \(seen.left ?? "")")

        // A thread that ends holding a refusal nobody took frees it at its exit (LeakSanitizer).
        let ended = DispatchSemaphore(value: 0)
        let untaken = Thread {
            XSLTSandbox.prepareThread()
            if (try? XSLTSandbox.enter(.folder(folder))) != nil {
                if let doc = xmlReadFile("/etc/hostname", nil, 0) { xmlFreeDoc(doc) }
                XSLTSandbox.leave()
            }
            ended.signal()
        }
        untaken.start()
        ended.wait()
    }

    @Test func aSchemaMayIncludeItsSiblings() throws {
        let layout = try Layout()
        try layout.work.write("templates/types.xsd", Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:simpleType name="id"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>
            """.utf8))
        try layout.work.write("templates/report.xsd", Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="types.xsd"/>
              <xs:element name="report" type="id"/>
            </xs:schema>
            """.utf8))
        let schema = try XMLSchema(path: layout.templates + "/report.xsd", folder: layout.templates)
        #expect(try parsedDocument("<report>x</report>").validate(against: schema) == [])
    }

    /// The loader's check alone: what it lets through is a canonical regular file inside the folder.
    @Test func theResolverOpensOnlyCanonicalFilesInside() throws {
        let layout = try Layout()
        let root = try #require(realpathString(layout.templates))
        func resolve(_ uri: String) -> String? {
            var out = [CChar](repeating: 0, count: Int(PATH_MAX))
            var why: UnsafePointer<CChar>?
            return mr_sandbox_resolve(root, uri, &out, out.count, &why) == 0 ? String(cString: out) : nil
        }
        for uri in layout.escapes("secret.xml") + ["/etc/hostname", "-", "", "http://127.0.0.1:9/x.xml", "ftp://x/y",
                                                    "file://other/\(root)/inside.xml", root + "/a?", root] {
            #expect(resolve(uri) == nil, "\(uri) resolved")
        }
        #expect(resolve(root + "/a?/../inside.xml") == root + "/inside.xml")
        #expect(resolve("file://" + root + "/%69nside.xml") == root + "/inside.xml")
    }
}

func realpathString(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// The escapes as a user meets them: `build --templates` with a customised copy of the templates.
@Suite struct SandboxEscapeCommandTests {
    /// A copy of the shipped templates with the overview page's body replaced by `body`, an empty file
    /// `a` and a folder `a?`, and a planted `secret.xml` / `secret.txt` beside the folder.
    func templates(overview body: String, schemaInclude: String? = nil) throws -> (TemporaryFolder, String) {
        let work = try TemporaryFolder()
        let templates = work.path + "/templates"
        try FileManager.default.copyItem(atPath: Fixture.repository.path + "/templates", toPath: templates)
        try work.write("templates/a", [])
        try FileManager.default.createDirectory(atPath: templates + "/a?", withIntermediateDirectories: true)
        try work.write("secret.xml", Array("<secret>\(SandboxEscapeTests.secret)</secret>".utf8))
        try work.write("secret.txt", Array("\(SandboxEscapeTests.secret)\n".utf8))
        let overview = try String(contentsOfFile: templates + "/overview.xsl", encoding: .utf8)
        let marker = try #require(overview.range(of: "<xsl:template match=\"/\">"))
        try work.write("templates/overview.xsl", Array(overview.replacingCharacters(in: marker, with: body + "<xsl:template match=\"/\" priority=\"-9\">").utf8))
        if let schemaInclude {
            let schema = try String(contentsOfFile: templates + "/report.xsd", encoding: .utf8)
            let opening = "elementFormDefault=\"qualified\">"
            let root = try #require(schema.range(of: opening))
            try work.write("templates/report.xsd", Array(schema.replacingCharacters(in: root, with: opening + "\n<xs:include schemaLocation=\"\(schemaInclude)\"/>").utf8))
        }
        return (work, templates)
    }

    @Test func documentWithAQueryCannotReadOutside() throws {
        let (work, templates) = try templates(overview: """
            <xsl:template match="/" priority="9"><html><body><xsl:copy-of select="document('a?/../../secret.xml')"/></body></html></xsl:template>
            """)
        let result = try mentorReport(["build", "--out", work.path + "/out", "--templates", templates, "--quiet"])
        let page = (try? String(contentsOfFile: work.path + "/out/2026-10/index.html", encoding: .utf8)) ?? ""
        #expect(result.status == 3)
        #expect(!page.contains(SandboxEscapeTests.secret))
        #expect(!result.stderr.contains(SandboxEscapeTests.secret))
        #expect(result.stderr.contains("outside the templates folder"))
    }

    @Test func includeWithAQueryShowsNothingOfTheFile() throws {
        let (work, templates) = try templates(overview: "<xsl:include href=\"a?/../../secret.txt\"/>")
        let result = try mentorReport(["build", "--out", work.path + "/out", "--templates", templates, "--quiet"])
        #expect(result.status == 3)
        #expect(!result.stderr.contains(SandboxEscapeTests.secret))
        #expect(result.stderr.contains("outside the templates folder"))
    }

    @Test func aStyleSheetLinkedOutsideIsRefused() throws {
        let (work, templates) = try templates(overview: "")
        try FileManager.default.removeItem(atPath: templates + "/site.css")
        try FileManager.default.createSymbolicLink(atPath: templates + "/site.css", withDestinationPath: work.path + "/secret.txt")
        let result = try mentorReport(["build", "--out", work.path + "/out", "--templates", templates, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("site.css: the style sheet cannot be read: outside the templates folder"))
        #expect(!result.stderr.contains(SandboxEscapeTests.secret))
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out/2026-10"))
    }

    @Test func schemaIncludeOfAFileOutsideShowsNothingOfIt() throws {
        for include in ["../secret.txt", "a?/../../secret.txt"] {
            let (work, templates) = try templates(overview: "", schemaInclude: include)
            let result = try mentorReport(["build", "--out", work.path + "/out", "--templates", templates, "--quiet"])
            #expect(result.status == 3)
            #expect(!result.stderr.contains(SandboxEscapeTests.secret), "\(include): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: work.path + "/out/2026-10"))
        }
    }
}
