import Foundation
import CLibXML2
import CLibXSLT
import CXSLTSupport

/// A compiled XSLT 1.0 stylesheet (libxslt, with EXSLT). All of libxslt's unsafe pointer handling lives
/// in this file; the sandbox and the variadic error callbacks are in the small C target CXSLTSupport.
final class XSLTStylesheet: @unchecked Sendable {
    // Compiled stylesheets are read-only once parsed and may be shared by transforms on several threads.
    let style: xsltStylesheetPtr
    let path: String
    /// The templates the stylesheet may read from: a folder, or the built-in set.
    let source: TemplateSource

    /// Parses and compiles the stylesheet at `path` (imports resolve next to it) in the sandbox of
    /// `folder` (by default the stylesheet's own folder). No network access and no DTD loading.
    convenience init(path: String) throws {
        try self.init(path: path, folder: (path as NSString).deletingLastPathComponent)
    }

    convenience init(path: String, folder: String) throws {
        try self.init(path: path, source: .folder(folder))
    }

    /// The stylesheet `name` of `source` (for the built-in set, read from memory only).
    convenience init(named name: String, in source: TemplateSource) throws {
        try self.init(path: source.path(of: name), source: source)
    }

    init(path: String, source: TemplateSource) throws {
        XSLTSandbox.lock.lock()
        defer { XSLTSandbox.lock.unlock() }
        try XSLTSandbox.install()
        XSLTSandbox.prepareThread()
        try XSLTSandbox.enter(source)
        defer { XSLTSandbox.leave() }
        let options = Int32(XML_PARSE_NONET.rawValue)
        guard let doc = xmlReadFile(path, nil, options) else {
            throw RenderFailure(file: path, message: XSLTSandbox.takeErrors() ?? "cannot read or parse the stylesheet")
        }
        guard let style = xsltParseStylesheetDoc(doc) else {
            xmlFreeDoc(doc)
            throw RenderFailure(file: path, message: XSLTSandbox.takeErrors() ?? "the stylesheet does not compile")
        }
        if style.pointee.errors > 0 {
            let message = XSLTSandbox.takeErrors() ?? "the stylesheet has errors"
            xsltFreeStylesheet(style)
            throw RenderFailure(file: path, message: message)
        }
        _ = XSLTSandbox.takeErrors()
        self.style = style
        self.path = path
        self.source = source
    }

    deinit { xsltFreeStylesheet(style) }

    /// Applies the stylesheet to `document` with string parameters (passed literally, never as XPath)
    /// and returns the serialised result as `xsl:output` says.
    /// The page `document` becomes, serialised. `freeingResult` false leaves the result tree to the
    /// process's exit (see `ReportWriter.keepsTreesUntilExit`).
    func transform(_ document: XMLDocument, parameters: [(String, String)], freeingResult: Bool = true) throws -> [UInt8] {
        XSLTSandbox.prepareThread()
        try XSLTSandbox.enter(source)
        defer { XSLTSandbox.leave() }
        // Making a context stamps the document order into the source document's elements: one at a
        // time, so that transforms sharing a document never write it at once.
        XSLTSandbox.contextLock.lock()
        let made = xsltNewTransformContext(style, document.doc)
        XSLTSandbox.contextLock.unlock()
        guard let context = made else {
            throw RenderFailure(file: path, message: "cannot create a transform context")
        }
        guard mr_sandbox_context(UnsafeMutableRawPointer(context)) == 0 else {
            xsltFreeTransformContext(context)
            throw RenderFailure(file: path, message: "cannot apply the templates sandbox")
        }
        defer { xsltFreeTransformContext(context) }
        for (name, value) in parameters {
            guard xsltQuoteOneUserParam(context, name, value) == 0 else {
                throw RenderFailure(file: path, message: "cannot set the parameter \(name)")
            }
        }
        let result = xsltApplyStylesheetUser(style, document.doc, nil, nil, nil, context)
        defer {
            if let result {
                if freeingResult { xmlFreeDoc(result) } else { KeptUntilExit.keep(result) }
            }
        }
        let messages = XSLTSandbox.takeErrors()
        guard let result, context.pointee.state != XSLT_STATE_ERROR, context.pointee.state != XSLT_STATE_STOPPED,
              mr_sandbox_refusals() == 0 else {
            throw RenderFailure(file: path, message: messages ?? "the transformation failed")
        }
        var buffer: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        guard xsltSaveResultToString(&buffer, &length, result, style) == 0 else {
            throw RenderFailure(file: path, message: "cannot serialise the result")
        }
        guard let buffer else { return [] }
        defer { mr_xml_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }
}

/// A template that failed to compile or run: its file, and libxslt's message with the line.
public struct RenderFailure: Error, CustomStringConvertible {
    /// The stylesheet's file.
    public var file: String
    /// libxslt's message, with its line where it gave one.
    public var message: String
    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}

/// The templates sandbox: stylesheets may read files inside the templates folder only (so imports of
/// sibling stylesheets work), and may not write files, create folders or use the network.
enum XSLTSandbox {
    /// One compile at a time: compiling sets libxslt's default security preferences.
    static let lock = NSLock()
    /// Transform contexts are made one at a time (see `XSLTStylesheet.transform`).
    static let contextLock = NSLock()

    private static let setUp: Void = {
        xmlInitParser()
        exsltRegisterAll()
        mr_install_safe_loaders()
        BuiltInFiles.registered
    }()

    /// Makes sure libxml2 and libxslt are initialised and every XML read stays local and entity-free
    /// (templates, imports, the XSD), before any XML is parsed.
    static func initialise() { _ = setUp }

    /// Installs libxslt's security preferences (no writes, no network, reads only what this thread's
    /// templates folder allows, see `enter`) for every stylesheet compiled or run from now on.
    static func install() throws {
        _ = setUp
        guard mr_install_sandbox() == 0 else {
            throw RenderFailure(file: "", message: "libxslt could not set up the templates sandbox (out of memory)")
        }
    }

    /// Lets XML loads on this thread (stylesheets, imports, `document()`, the XSD and its includes) read
    /// files inside `folder`, and nothing else, until `leave`. Every load is checked by the one loader
    /// that opens it (CXSLTSupport's `sandboxed_loader`), so what is checked is what is opened.
    static func enter(_ folder: String) throws {
        try enter(.folder(folder))
    }

    /// Lets XML loads on this thread read the templates of `source` until `leave`: the files inside a
    /// folder, as above, or the built-in templates by name from memory (then no file at all is opened).
    static func enter(_ source: TemplateSource) throws {
        _ = setUp
        switch source {
        case .folder(let folder):
            guard mr_sandbox_enter(folder) == 0 else {
                let why = String(cString: strerror(errno))
                throw RenderFailure(file: folder, message: "cannot use the templates folder: \(why)")
            }
        case .builtIn:
            guard mr_sandbox_enter_builtin() == 0 else {
                throw RenderFailure(file: BuiltInFiles.templatesFolder, message: "the built-in templates are not registered")
            }
        }
    }

    static func leave() { mr_sandbox_leave() }

    /// The bytes of `path`, read as the templates' loader reads (a regular file inside `folder`, no
    /// link followed out of it, what is read being what was checked): for files of a templates folder
    /// that are not XML, such as site.css.
    static func readFile(_ path: String, inside folder: String) throws -> [UInt8] {
        guard let root = realpath(folder, nil) else {
            throw RenderFailure(file: folder, message: "cannot use the templates folder: \(String(cString: strerror(errno)))")
        }
        defer { free(root) }
        var canonical = [CChar](repeating: 0, count: Int(PATH_MAX))
        var data: UnsafeMutablePointer<UInt8>?
        var length = 0
        var why: UnsafePointer<CChar>?
        guard mr_sandbox_read_file(root, path, &canonical, canonical.count, &data, &length, &why) == 0, let data else {
            throw RenderFailure(file: path, message: "cannot be read: " + (why.map { String(cString: $0) } ?? "unknown reason"))
        }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    /// Sends this thread's libxml2 and libxslt messages to a buffer that `takeErrors` empties.
    static func prepareThread() {
        _ = setUp
        mr_capture_errors()
    }

    /// The messages libxml2 and libxslt reported on this thread since the last call, tidied.
    static func takeErrors() -> String? {
        guard let raw = mr_take_errors() else { return nil }
        defer { free(raw) }
        let lines = String(cString: raw).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "^" }
        return lines.isEmpty ? nil : lines.joined(separator: "; ")
    }
}
