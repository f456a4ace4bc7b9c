import CXSLTSupport
import Foundation

/// What the fuzzer runs on each input (`Sources/MentorReportFuzz`), shared with the regression tests
/// that replay the inputs it found (`Tests/Fixtures/fuzz`).
///
/// The input's first byte picks which file of a small valid programme the rest replaces, so that every
/// decoder, cross-reference check and KPI sees mutated data next to valid surroundings; from 0xF0 up it
/// picks a survey-export format instead (Qualtrics CSV, plain CSV, Microsoft Forms workbook). Whatever
/// the input, loading must end with records or diagnostics: never a crash, a hang or unbounded memory.
package enum FuzzHarness {
    /// Loads, validates and (when valid) computes the KPIs of `base` with `input` applied; returns the
    /// number of diagnostics.
    @discardableResult
    package static func run(_ input: [UInt8], base: [String: [UInt8]]) -> Int {
        guard let selector = input.first else { return 0 }
        let rest = Array(input.dropFirst())
        var files = base
        if selector >= 0xF0 {
            let (name, format) = [("responses/pulse.csv", "qualtrics"), ("responses/pulse.csv", "csv"),
                                  ("responses/pulse.xlsx", "microsoft-forms")][Int(selector - 0xF0) % 3]
            files[name] = rest
            files["surveys.yaml"] = Array(importSurvey(file: name, format: format).utf8)
        } else {
            let names = base.keys.sorted()
            guard !names.isEmpty else { return 0 }
            files[names[Int(selector) % names.count]] = rest
        }
        checkTemplateURI(rest)
        let loaded = Loader(folder: "fuzz", files: files).load()
        let diagnostics = validate(loaded)
        if !diagnostics.hasErrors, !loaded.data.people.isEmpty {
            let period = ReportingPeriod.default(for: loaded.data)
            _ = Report(data: loaded.data, period: period, audience: .admin).kpis.count
        }
        return diagnostics.all.count
    }

    /// A templates folder laid out as the sandbox's attackers lay theirs: an empty file `a`, folders
    /// `a?`, `a#` and `%2e%2e`, a link to a file outside, an inside document; `secret.xml` beside it.
    static let templatesRoot: String? = {
        let work = NSTemporaryDirectory() + "mentor-report-fuzz-templates-\(getpid())"
        let fm = FileManager.default
        try? fm.createDirectory(atPath: work + "/templates/a?", withIntermediateDirectories: true)
        for folder in ["a#", "%2e%2e", "sub"] { try? fm.createDirectory(atPath: work + "/templates/" + folder, withIntermediateDirectories: true) }
        _ = fm.createFile(atPath: work + "/secret.xml", contents: Data("<secret/>".utf8))
        _ = fm.createFile(atPath: work + "/templates/a", contents: Data())
        _ = fm.createFile(atPath: work + "/templates/sub/inside.xml", contents: Data("<inside/>".utf8))
        try? fm.createSymbolicLink(atPath: work + "/templates/link.xml", withDestinationPath: work + "/secret.xml")
        guard let resolved = realpath(work + "/templates", nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }()

    /// Runs the input's first line through the templates sandbox's read check, as written and relative
    /// to the templates folder: whatever it lets through must be a regular file inside the folder, named
    /// by its canonical path (the path the loader then opens).
    /// Returns the canonical paths it let through.
    @discardableResult
    static func checkTemplateURI(_ input: [UInt8]) -> [String] {
        guard let root = templatesRoot else { return [] }
        var accepted: [String] = []
        let line = input.prefix(4096).prefix { $0 != 0x0A && $0 != 0 }
        let uri = String(decoding: line, as: UTF8.self)
        for candidate in [uri, root + "/" + uri] {
            var out = [CChar](repeating: 0, count: Int(PATH_MAX))
            var why: UnsafePointer<CChar>?
            guard mr_sandbox_resolve(root, candidate, &out, out.count, &why) == 0 else { continue }
            let path = String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var info = stat()
            guard path.hasPrefix(root + "/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }),
                  lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                fatalError("the templates sandbox let '\(candidate)' through as '\(path)'")
            }
            accepted.append(path)
        }
        return accepted
    }

    /// The `.yaml` files of a data folder (path inside it → bytes): the programme the inputs mutate.
    package static func base(at folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: folder + "/" + relative) {
                files[relative] = [UInt8](data)
            }
        }
        return files
    }

    static func importSurvey(file: String, format: String) -> String {
        """
        surveys:
          - id: pulse
            title: Pulse
            kind: checkin
            audience: mentees
            opens: 2026-01-10
            import: {file: \(file), format: \(format), respondent: \(format == "csv" ? "id" : "email")}
            questions:
              - {id: q1, text: I am satisfied with my mentoring relationship, scale: likert5, measure: satisfaction}
              - {id: q2, text: How likely are you to recommend the programme?, scale: nps}
              - {id: q3, text: What would make it better?, scale: text, measure: story}

        """
    }
}
