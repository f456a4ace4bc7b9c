import Foundation

/// A failure to produce or write the reports (exit status 3): a template or schema problem, or the
/// file system refusing a write. Says which path and why.
public struct OutputFailure: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes one month's reports into `OUT/<yyyy-mm>/`: everything goes into a temporary folder inside
/// OUT first and is renamed into place only when all of it succeeded, so a failed run leaves the
/// previous output as it was.
public struct ReportWriter {
    public var outputFolder: String
    public var templatesFolder: String

    public init(outputFolder: String, templatesFolder: String) {
        self.outputFolder = outputFolder
        self.templatesFolder = templatesFolder
    }

    /// The files of one month's folder, by name, before anything touches the disk.
    public func render(_ report: Report) throws -> [(name: String, bytes: [UInt8])] {
        let document = ReportXML(report: report).document()
        let schemaPath = (templatesFolder as NSString).appendingPathComponent("report.xsd")
        let schema: XMLSchema
        do {
            schema = try XMLSchema(path: schemaPath)
        } catch {
            throw OutputFailure("\(schemaPath): \(error)")
        }
        let problems = document.validate(against: schema)
        guard problems.isEmpty else {
            throw OutputFailure("report.xml does not match \(schemaPath) (a bug in mentor-report or a changed schema): "
                                + problems.prefix(5).joined(separator: "; "))
        }
        let xml: [UInt8]
        do { xml = try document.serialized() } catch { throw OutputFailure("report.xml: \(error)") }
        let pages: [(name: String, bytes: [UInt8])]
        do {
            pages = try SiteRenderer(templatesFolder: templatesFolder).renderPages(reportXML: xml, report: report)
        } catch let failure as RenderFailure {
            throw OutputFailure("template error: \(failure)")
        }
        return [("report.xml", xml), ("kpis.csv", Array(KPICSV(report: report).text().utf8))] + pages
    }

    /// Writes `files` as `OUT/<period>/`, replacing an earlier folder of that month whole.
    @discardableResult
    public func write(_ files: [(name: String, bytes: [UInt8])], period: Month) throws -> String {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: outputFolder, isDirectory: true)
        let final = out.appendingPathComponent(period.description, isDirectory: true)
        let token = "\(period)-\(ProcessInfo.processInfo.processIdentifier)"
        let staging = out.appendingPathComponent(".mentor-report-new-\(token)", isDirectory: true)
        let retired = out.appendingPathComponent(".mentor-report-old-\(token)", isDirectory: true)
        do {
            try fm.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw OutputFailure("cannot create the output folder \(out.path): \(reason(error))")
        }
        do {
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputFailure("cannot write the reports into \(staging.path): \(reason(error))")
        }
        // The archive lists every month folder present once this one is in place.
        let archiveTemporary = out.appendingPathComponent(".mentor-report-index-\(token).html")
        do {
            let months = Set(existingMonths(in: out) + [period])
            let archive = try SiteRenderer(templatesFolder: templatesFolder).renderArchive(months: Array(months))
            try Data(archive).write(to: archiveTemporary)
        } catch {
            try? fm.removeItem(at: staging)
            try? fm.removeItem(at: archiveTemporary)
            if let failure = error as? RenderFailure { throw OutputFailure("template error: \(failure)") }
            throw OutputFailure("cannot write \(archiveTemporary.path): \(reason(error))")
        }
        do {
            if fm.fileExists(atPath: final.path) { try fm.moveItem(at: final, to: retired) }
            try fm.moveItem(at: staging, to: final)
            if rename(archiveTemporary.path, out.appendingPathComponent("index.html").path) != 0 {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
            }
        } catch {
            try? fm.removeItem(at: archiveTemporary)
            // Put the previous month's folder back if it was moved aside.
            if !fm.fileExists(atPath: final.path), fm.fileExists(atPath: retired.path) { try? fm.moveItem(at: retired, to: final) }
            try? fm.removeItem(at: staging)
            throw OutputFailure("cannot move the reports into place at \(final.path): \(reason(error))")
        }
        try? fm.removeItem(at: retired)
        return (outputFolder as NSString).appendingPathComponent(period.description)
    }

    /// The `yyyy-mm` folders of OUT that hold an index page.
    private func existingMonths(in out: URL) -> [Month] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        return names.compactMap { name in
            guard let month = Month(text: name),
                  FileManager.default.fileExists(atPath: out.appendingPathComponent(name + "/index.html").path) else { return nil }
            return month
        }
    }

    private func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
