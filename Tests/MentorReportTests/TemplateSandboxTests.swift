import Foundation
import Testing
@testable import MentorReport

/// The stylesheet sandbox: templates may import siblings, and may not read other files, write files or
/// reach the network. Broken templates fail with their file and line.
@Suite struct TemplateSandboxTests {
    var input: XMLDocument { try! parsedDocument("<report><programme name=\"A &amp; B\"/></report>") }

    func stylesheet(_ body: String, extra: [String: String] = [:]) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let text = """
            <?xml version="1.0"?>
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
            \(body)
            <xsl:output method="text"/>
            </xsl:stylesheet>
            """
        try folder.write("page.xsl", Array(text.utf8))
        for (name, content) in extra { try folder.write(name, Array(content.utf8)) }
        return (folder, folder.path + "/page.xsl")
    }

    @Test func siblingImportsWorkAndParametersArePassedAsText() throws {
        let sibling = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:template name="greet">from sibling</xsl:template>
            </xsl:stylesheet>
            """
        let (folder, path) = try stylesheet("""
            <xsl:import href="sibling.xsl"/>
            <xsl:param name="css" select="''"/>
            <xsl:template match="/"><xsl:call-template name="greet"/>|<xsl:value-of select="$css"/>|<xsl:value-of select="report/programme/@name"/></xsl:template>
            """, extra: ["sibling.xsl": sibling])
        _ = folder
        let out = try XSLTStylesheet(path: path).transform(input, parameters: [("css", "a { content: \"x'y\" }")])
        #expect(String(decoding: out, as: UTF8.self) == "from sibling|a { content: \"x'y\" }|A & B")
    }

    @Test func readingAFileOutsideTheTemplatesFolderIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.xml", Array("<secret>PLANTED-OUTSIDE</secret>".utf8))
        let (folder, path) = try stylesheet("""
            <xsl:template match="/">[<xsl:value-of select="document('\(outside.path)/secret.xml')"/>]</xsl:template>
            """)
        _ = folder
        #expect {
            try XSLTStylesheet(path: path).transform(input, parameters: [])
        } throws: { error in
            (error as? RenderFailure)?.message.contains("denied") == true
        }
    }

    @Test func importingAFileOutsideTheTemplatesFolderIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("evil.xsl", Array("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>
            """.utf8))
        let (folder, path) = try stylesheet("""
            <xsl:import href="\(outside.path)/evil.xsl"/>
            <xsl:template match="/">x</xsl:template>
            """)
        _ = folder
        #expect {
            try XSLTStylesheet(path: path)
        } throws: { error in
            (error as? RenderFailure)?.message.contains("denied") == true
        }
    }

    @Test func writingFilesWithExslDocumentIsRefused() throws {
        let target = try TemporaryFolder()
        let (folder, path) = try stylesheet("""
            <xsl:template match="/"><exsl:document href="\(target.path)/written.txt" method="text">PWNED</exsl:document>done</xsl:template>
            """)
        _ = folder
        #expect {
            try XSLTStylesheet(path: path).transform(input, parameters: [])
        } throws: { error in
            (error as? RenderFailure)?.message.contains("denied") == true
        }
        #expect(!FileManager.default.fileExists(atPath: target.path + "/written.txt"))
    }

    @Test func networkDocumentsAreRefused() throws {
        let (folder, path) = try stylesheet("""
            <xsl:template match="/">[<xsl:value-of select="document('http://127.0.0.1:9/x.xml')"/>]</xsl:template>
            """)
        _ = folder
        #expect(throws: RenderFailure.self) {
            try XSLTStylesheet(path: path).transform(input, parameters: [])
        }
    }

    /// An external entity in a template or in a stylesheet it imports is never read or substituted
    /// (libxslt's own loader would substitute it).
    @Test func externalEntitiesInTemplatesAndImportsAreNotExpanded() throws {
        let entity = """
            <?xml version="1.0"?>
            <!DOCTYPE xsl:stylesheet [<!ENTITY planted SYSTEM "planted.txt">]>
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:template name="leak">[&planted;]</xsl:template>
            </xsl:stylesheet>
            """
        let (folder, path) = try stylesheet("""
            <xsl:import href="imported.xsl"/>
            <xsl:template match="/"><xsl:call-template name="leak"/></xsl:template>
            """, extra: ["imported.xsl": entity, "planted.txt": "PLANTED-ENTITY-TEXT"])
        _ = folder
        let output = (try? XSLTStylesheet(path: path).transform(input, parameters: [])).map { String(decoding: $0, as: UTF8.self) }
        #expect(output?.contains("PLANTED-ENTITY-TEXT") != true)
        let (mainFolder, mainPath) = try stylesheet("<xsl:template match=\"/\">x</xsl:template>", extra: ["planted.txt": "PLANTED-ENTITY-TEXT"])
        let main = entity.replacingOccurrences(of: "<xsl:template name=\"leak\">", with: "<xsl:output method=\"text\"/><xsl:template match=\"/\">")
        try mainFolder.write("page.xsl", Array(main.utf8))
        let direct = (try? XSLTStylesheet(path: mainPath).transform(input, parameters: [])).map { String(decoding: $0, as: UTF8.self) }
        #expect(direct?.contains("PLANTED-ENTITY-TEXT") != true)
    }

    @Test func importsAndSchemaIncludesFromTheNetworkAreRefused() throws {
        let (folder, path) = try stylesheet("""
            <xsl:import href="http://127.0.0.1:9/remote.xsl"/>
            <xsl:template match="/">x</xsl:template>
            """)
        _ = folder
        #expect {
            try XSLTStylesheet(path: path)
        } throws: { error in
            (error as? RenderFailure)?.message.contains("Network file read for http://127.0.0.1:9/remote.xsl refused") == true
        }
        let schemaFolder = try TemporaryFolder()
        try schemaFolder.write("report.xsd", Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="http://127.0.0.1:9/remote.xsd"/>
              <xs:element name="report"/>
            </xs:schema>
            """.utf8))
        #expect {
            try XMLSchema(path: schemaFolder.path + "/report.xsd")
        } throws: { error in
            "\(error)".contains("http://127.0.0.1:9/remote.xsd")
        }
    }

    @Test func brokenTemplateNamesItsFileAndLine() throws {
        let (folder, path) = try stylesheet("""
            <xsl:template match="/">
              <xsl:value-of select="count(("/>
            </xsl:template>
            """)
        _ = folder
        #expect {
            try XSLTStylesheet(path: path)
        } throws: { error in
            guard let failure = error as? RenderFailure else { return false }
            return failure.file == path && failure.message.contains("line 5") && failure.message.contains("value-of")
        }
        let (folder2, malformed) = try stylesheet("<xsl:template match=\"/\">")
        _ = folder2
        #expect {
            try XSLTStylesheet(path: malformed)
        } throws: { error in
            (error as? RenderFailure)?.message.contains(":6:") == true
        }
    }
}
