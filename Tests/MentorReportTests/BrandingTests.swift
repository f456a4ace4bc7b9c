import Foundation
import Testing
@testable import MentorReport

/// program.yaml's `branding` and `headline_kpis` (SPEC §2, 2026-12): their checks, and what the pages show.
@Suite struct BrandingTests {
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle id="fixture-mark" cx="20" cy="20" r="18" fill="#1d4e89"/></svg>

        """

    /// The minimal fixture's program.yaml with `lines` added after `costs` (they start at line 22).
    static func program(_ lines: String) throws -> String {
        try Fixture.text("minimal/program.yaml", replacing: "    replacement_cost_per_leaver: 60000\n",
                         with: "    replacement_cost_per_leaver: 60000\n" + lines)
    }

    static func branding(logo: String = "assets/logo.svg", accent: String = "\"#1d4e89\"") throws -> String {
        try program("  branding:\n    logo: \(logo)\n    accent: \(accent)\n")
    }

    @Test func brandingOfTheSampleKindLoadsWithoutFindings() throws {
        let data = try load(changing: ["program.yaml": try BrandingTests.branding(accent: "\"#13A\""), "assets/logo.svg": BrandingTests.logo])
        #expect(data.program.branding.accent?.value == "#1133aa")  // #rgb written out in full, lower case
        #expect(data.program.branding.logo?.bytes == Array(BrandingTests.logo.utf8))
        #expect(data.program.branding.logo?.mediaType == "image/svg+xml")
    }

    @Test func logoPathAndTypeErrorsPointAtTheValue() throws {
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(logo: "../logo.svg")])
                == ["data/program.yaml:23:11: error: logo '../logo.svg' is not a path inside the data folder; expected a relative path such as assets/logo.svg, without '..'"])
        // No '..' in these: they are told what is wrong with them.
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(logo: "\"\"")])
                == ["data/program.yaml:23:11: error: 'logo' is empty; expected a relative path such as assets/logo.svg, or no logo key for no logo"])
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(logo: "assets//logo.svg")])
                == ["data/program.yaml:23:11: error: logo 'assets//logo.svg' has an empty folder or file name ('//' or a '/' at the end); expected a relative path such as assets/logo.svg"])
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(logo: "assets/logo.gif"), "assets/logo.gif": "GIF89a"])
                == ["data/program.yaml:23:11: error: logo 'assets/logo.gif' is not an SVG, PNG or JPEG file; expected a file ending in .svg, .png, .jpg or .jpeg"])
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding()])
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' does not exist in the data folder; expected the logo file saved as data/assets/logo.svg"])
    }

    @Test func logoContentMustBeItsType() throws {
        func check(_ name: String, _ content: String) throws -> [String] {
            try findings(changing: ["program.yaml": try BrandingTests.branding(logo: name), name: content])
        }
        #expect(try check("assets/logo.png", BrandingTests.logo)
                == ["data/program.yaml:23:11: error: logo 'assets/logo.png' is not a PNG image (it does not start with the PNG signature); expected a PNG file, or a name ending in the image's real type"])
        #expect(try check("assets/logo.jpeg", "\u{89}PNG")
                == ["data/program.yaml:23:11: error: logo 'assets/logo.jpeg' is not a JPEG image (it does not start with the JPEG signature); expected a JPEG file, or a name ending in the image's real type"])
        #expect(try check("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle></svg>")
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: line 1: Opening and ending tag mismatch: circle line 1 and svg; expected well-formed XML with an <svg> root element"])
        #expect(try check("assets/logo.svg", "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>")
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: its root element is <html>; expected an <svg> root element"])
        #expect(try check("assets/logo.svg", "<svg viewBox=\"0 0 1 1\"/>")
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image a browser shows: its <svg> root has no xmlns=\"http://www.w3.org/2000/svg\"; expected the SVG namespace on the root element"])
    }

    @Test func anSVGLogoWithANULByteOrContentAfterItsRootIsRefused() throws {
        // libxml2 stops reading at a NUL byte; browsers show such a file as a broken image.
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(), "assets/logo.svg": svg + "\u{0}junk"])
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: byte 42 (line 1) is a NUL byte, which XML does not allow; expected well-formed XML with an <svg> root element"])
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(), "assets/logo.svg": svg + "\n\u{0}\n"])
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: byte 43 (line 2) is a NUL byte, which XML does not allow; expected well-formed XML with an <svg> root element"])
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(), "assets/logo.svg": svg + "\njunk"])
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: line 2: Extra content at the end of the document; expected well-formed XML with an <svg> root element"])
        // A comment and white space after the root are well-formed XML.
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(), "assets/logo.svg": svg + "\n<!-- end -->\n  "]) == [])
    }

    @Test func aLatin1SVGLogoIsToldToSaveAsUTF8OnOneLine() throws {
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": try BrandingTests.branding()])
        try folder.write("assets/logo.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text>caf".utf8) + [0xE9] + Array("</text></svg>".utf8))
        #expect(findings(folder.path)
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: line 2, column 10: the file is not UTF-8 text: byte 0xE9 is not UTF-8 (it is 'é' in Windows-1252 or Latin-1, as Excel and older Windows editors save text); expected well-formed XML with an <svg> root element, in UTF-8: save the file as UTF-8 (in the editor: Save As or Save with Encoding → UTF-8)"])
    }

    @Test func aLogoWithAWrongDeclaredEncodingPrintsOneLocatedMessageOnly() throws {
        let folder = try Fixture.variant(of: "minimal", [
            "program.yaml": try BrandingTests.branding(),
            "assets/logo.svg": "<?xml version=\"1.0\" encoding=\"EBCDIC-US\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
        let result = try mentorReport(["validate", "--data", folder.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map { $0.replacingOccurrences(of: folder.path, with: "data") }
        // Every line is a located message or the summary: libxml2 printed nothing of its own.
        #expect(lines.filter { !$0.hasPrefix("data/") && !$0.hasPrefix("data:") && !$0.contains("errors") }.isEmpty, "\(lines)")
        #expect(lines.contains("data/program.yaml:23:11: error: logo 'assets/logo.svg' is not an SVG image: line 1: input conversion failed due to input error, bytes 0x73 0x76 0x67 0x20 (the encoding the file declares does not fit its bytes); expected well-formed XML with an <svg> root element"))
    }

    @Test func realPNGAndJPEGSignaturesAreAccepted() throws {
        for (name, bytes) in [("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] as [UInt8]),
                              ("assets/logo.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16])] {
            let folder = try Fixture.variant(of: "minimal", ["program.yaml": try BrandingTests.branding(logo: name)])
            try folder.write(name, bytes)
            #expect(findings(folder.path) == [])
            #expect(Loader(folder: folder.path).load().data.program.branding.logo?.bytes == bytes)
        }
    }

    @Test func logoOverOneMegabyteIsAnError() throws {
        let big = "<svg xmlns=\"http://www.w3.org/2000/svg\"><!--" + String(repeating: "x", count: bytesPerMegabyte) + "--></svg>"
        #expect(try findings(changing: ["program.yaml": try BrandingTests.branding(), "assets/logo.svg": big])
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' is 1,048,629 bytes; expected at most 1,048,576 (1 MB), since every page carries it"])
    }

    @Test func logoLinkLeavingTheDataFolderIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("logo.svg", Array(BrandingTests.logo.utf8))
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": try BrandingTests.branding()])
        try FileManager.default.createDirectory(atPath: folder.path + "/assets", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/assets/logo.svg", withDestinationPath: outside.path + "/logo.svg")
        #expect(findings(folder.path).map { $0.replacingOccurrences(of: outside.path, with: "OUTSIDE") }
                == ["data/program.yaml:23:11: error: logo 'assets/logo.svg' cannot be read: it is a link to 'OUTSIDE/logo.svg', which leaves the data folder; links must stay inside the data folder (copy the file into it instead)"])
    }

    @Test func accentErrorsAndLowContrastWarning() throws {
        let logo = ["assets/logo.svg": BrandingTests.logo]
        #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "blue")]) { $1 })
                == ["data/program.yaml:24:13: error: invalid value 'blue' for 'accent'; expected a colour as #rgb or #rrggbb, such as \"#1d4e89\""])
        #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "\"#12345\"")]) { $1 })
                == ["data/program.yaml:24:13: error: invalid value '#12345' for 'accent'; expected a colour as #rgb or #rrggbb, such as \"#1d4e89\""])
        // Full-width hex digits pass Character.isHexDigit; they are an error, not a crash.
        for accent in ["#ｆｆｆ", "#12345６"] {
            #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "\"\(accent)\"")]) { $1 })
                    == ["data/program.yaml:24:13: error: invalid value '\(accent)' for 'accent'; expected a colour as #rgb or #rrggbb, such as \"#1d4e89\""])
        }
        // Unquoted, `#1d4e89` is a YAML comment: the value is empty, not the colour.
        #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "#1d4e89")]) { $1 })
                == ["data/program.yaml:24:12: error: 'accent' is empty; expected a colour as #rgb or #rrggbb in quotes, such as accent: \"#1d4e89\" (unquoted, # starts a comment in YAML)"])
        // #ffcc00: L = 0.2126 · 1 + 0.7152 · ((0.8 + 0.055) / 1.055)^2.4 = 0.6444; (1 + 0.05) / (0.6444 + 0.05) = 1.512.
        #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "\"#FFCC00\"")]) { $1 })
                == ["data/program.yaml:24:13: warning: accent '#FFCC00' has a contrast of 1.51:1 against white; expected at least 4.5:1 (WCAG AA), or the charts drawn in it are hard to see on the white page"])
        // #767676 is the lightest grey with 4.5:1 (4.54); #777777 has 4.47, cut (not rounded) to 4.47.
        #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "\"#767676\"")]) { $1 }) == [])
        #expect(try findings(changing: logo.merging(["program.yaml": try BrandingTests.branding(accent: "\"#777777\"")]) { $1 })
                == ["data/program.yaml:24:13: warning: accent '#777777' has a contrast of 4.47:1 against white; expected at least 4.5:1 (WCAG AA), or the charts drawn in it are hard to see on the white page"])
    }

    @Test func textOnTheAccentIsWhiteOrBlackByContrast() {
        var branding = Branding()
        let at = SourceLocation(file: 0, line: 1, column: 1)
        branding.accent = Located("#1d4e89", at: at)
        #expect(branding.accentText == "#ffffff")  // 8.9:1 with white, 2.4:1 with black
        branding.accent = Located("#ffcc00", at: at)
        #expect(branding.accentText == "#000000")  // 1.5:1 with white, 13.9:1 with black
    }

    @Test func headlineKPIsAreCheckedLikeTargets() throws {
        func check(_ list: String) throws -> [String] {
            try findings(changing: ["program.yaml": try BrandingTests.program("  headline_kpis: \(list)\n")])
        }
        #expect(try check("[match.rate, sessions.count]")
                == ["data/program.yaml:22:18: error: 'headline_kpis' lists 2 KPIs; expected 3 to 6 KPI ids, the executive summary's tiles"])
        #expect(try check("[a.a, b.b, c.c, d.d, e.e, f.f, g.g]").first
                == "data/program.yaml:22:18: error: 'headline_kpis' lists 7 KPIs; expected 3 to 6 KPI ids, the executive summary's tiles")
        // Three entries were written, one of them not an id: only that one is reported, not the count.
        #expect(try check("[[match.rate], cadence.adherence, sessions.count]")
                == ["data/program.yaml:22:19: error: 'headline_kpis' holds a list; expected text"])
        #expect(try check("[[match.rate], cadence.adherence]")
                == ["data/program.yaml:22:18: error: 'headline_kpis' lists 2 KPIs; expected 3 to 6 KPI ids, the executive summary's tiles",
                    "data/program.yaml:22:19: error: 'headline_kpis' holds a list; expected text"])
        #expect(try check("[match.rate, sessions.count, match.rate]")
                == ["data/program.yaml:22:47: error: KPI 'match.rate' appears twice in headline_kpis (first at 22:19); expected each KPI once"])
        #expect(try check("[match.rate, sessions.count, health.at-risk]")
                == ["data/program.yaml:22:47: error: unknown KPI 'health.at-risk' — did you mean 'health.at_risk'?"])
        // A family's KPI is a catalogue id once expanded over the programme's competencies.
        #expect(try check("[match.rate, sessions.count, competency.communication.change]") == [])
        #expect(try check("[match.rate, sessions.count, competency.listening.change]").first?
                    .hasPrefix("data/program.yaml:22:47: error: unknown KPI 'competency.listening.change'") == true)
    }

    /// The sample's program.yaml names today's default tiles; a build of it shows no new warnings.
    @Test func sampleSetsBrandingAndTheDefaultHeadline() throws {
        let loaded = Loader(folder: Fixture.repository.appendingPathComponent("data").path).load()
        #expect(!validate(loaded).all.contains { $0.file.hasSuffix("program.yaml") })
        let program = loaded.data.program
        #expect(program.headlineKPIs.map(\.value) == ["relationships.active", "match.rate", "cadence.adherence",
                                                      "satisfaction.mean.mentees", "outcomes.retention_rate_12m"])
        let template = try String(contentsOfFile: Fixture.repository.appendingPathComponent("templates/executive-summary.xsl").path, encoding: .utf8)
        #expect(template.contains("select=\"'\(program.headlineKPIs.map(\.value).joined(separator: " "))'\""))
        #expect(program.branding.logo?.bytes.isEmpty == false && program.branding.accent?.value == "#1d4e89")
    }

    @Test func logoAndAccentAreOnEveryPageAndTheArchive() throws {
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": try BrandingTests.branding(), "assets/logo.svg": BrandingTests.logo])
        let out = try TemporaryFolder()
        let loaded = Loader(folder: folder.path).load()
        let p = ReportingPeriod.default(for: loaded.data)
        let report = Report(data: loaded.data, period: p, audience: .admin)
        let writer = ReportWriter(outputFolder: out.path, templatesFolder: Fixture.repository.appendingPathComponent("templates").path)
        try writer.write(try writer.render(report), period: p.month, audience: .admin, programme: loaded.data.program)
        let image = "<img class=\"logo\" src=\"data:image/svg+xml;base64,\(Data(BrandingTests.logo.utf8).base64EncodedString())\" alt=\"Fixture Ltd logo\">"
        let style = "<style>:root { --brand: #1d4e89; --brand-text: #ffffff; }</style>"
        let pages = try contents(of: out.path).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 11)  // 4 section pages, 1 cohort, executive summary, relationships, the archive
        #expect(pages.keys.contains("index.html") && pages.keys.contains("\(p.month)/cohort-2026-spring.html"))
        for (name, bytes) in pages {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(html.contains(image), "\(name)")
            #expect(html.contains(style), "\(name)")
            #expect(!html.contains("fixture-mark"), "\(name)")  // never inline SVG markup
        }
        let xml = try String(contentsOfFile: out.path + "/\(p.month)/report.xml", encoding: .utf8)
        #expect(xml.contains("<branding accent=\"#1d4e89\" accent-text=\"#ffffff\">"))
    }

    @Test func headlineTilesFollowProgramYAML() throws {
        let ids = ["sessions.count", "competency.communication.change", "match.rate"]
        let folder = try Fixture.variant(of: "minimal", ["program.yaml": try BrandingTests.program("  headline_kpis: [\(ids.joined(separator: ", "))]\n")])
        let out = try TemporaryFolder()
        let written = try build(folder.path, out: out.path)
        let html = try String(contentsOfFile: written + "/executive-summary.html", encoding: .utf8)
        let tiles = try #require(html.components(separatedBy: "<div class=\"tiles across-3\">").dropFirst().first?
            .components(separatedBy: "<section").first)
        let labels = tiles.components(separatedBy: "<h3>").dropFirst().map { $0.components(separatedBy: "</a>")[0].components(separatedBy: ">").last ?? "" }
        let catalog = KPICatalog(data: Loader(folder: folder.path).load().data)
        #expect(labels == ids.map { catalog.entry($0)!.label })
        // Without headline_kpis the template's parameter decides: five tiles.
        let plain = try String(contentsOfFile: try build(Fixture.path("minimal"), out: try TemporaryFolder().path) + "/executive-summary.html", encoding: .utf8)
        #expect(plain.contains("<div class=\"tiles across-5\">"))
    }
}
