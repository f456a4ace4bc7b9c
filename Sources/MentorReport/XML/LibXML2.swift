import CLibXML2
import Foundation

/// Trees a process that exits right after using them leaves to the exit (see
/// `ReportWriter.keepsTreesUntilExit`). Held here so that they stay reachable: kept, not lost, for leak
/// checkers too.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var documents: [xmlDocPtr] = []

    static func keep(_ doc: xmlDocPtr) {
        lock.lock()
        documents.append(doc)
        lock.unlock()
    }

    /// How many trees are kept (for tests).
    static var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return documents.count
    }
}

/// An XML document built with libxml2's tree API. All of libxml2's unsafe pointer handling for the
/// exports lives in this file.
final class XMLDocument {
    let doc: xmlDocPtr
    /// False when the process exits right after using the document (see `ReportWriter.keepsTreesUntilExit`).
    var freedOnDeinit = true

    /// A new document with a root element `name`. libxml2 fails here only when it cannot allocate
    /// memory, which the process cannot go on without.
    init(root name: String) {
        guard let doc = xmlNewDoc("1.0"), let root = xmlNewDocNode(doc, nil, name, nil) else {
            fatalError("libxml2 could not allocate a new document (out of memory)")
        }
        self.doc = doc
        xmlDocSetRootElement(doc, root)
    }

    /// Takes ownership of a parsed document.
    init(adopting doc: xmlDocPtr) { self.doc = doc }

    deinit {
        if freedOnDeinit { xmlFreeDoc(doc) } else { KeptUntilExit.keep(doc) }
    }

    var root: XMLElement { XMLElement(node: xmlDocGetRootElement(doc)) }

    /// The document as UTF-8 bytes, indented, with an XML declaration.
    func serialized() throws -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { throw XMLFailure(message: "libxml2 could not allocate a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let save = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_FORMAT.rawValue)) else {
            throw XMLFailure(message: "libxml2 could not start serialising: " + lastXMLError())
        }
        let written = xmlSaveDoc(save, doc)
        xmlSaveClose(save)
        guard written >= 0, let content = xmlBufferContent(buffer) else {
            throw XMLFailure(message: "libxml2 could not serialise the report: " + lastXMLError())
        }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// Validates against an XSD; returns libxml2's messages (empty when valid).
    func validate(against schema: XMLSchema) -> [String] {
        guard let context = xmlSchemaNewValidCtxt(schema.schema) else { return ["cannot create a schema validation context"] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector()
        let box = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.add(error.pointee)
        }, box)
        let result = xmlSchemaValidateDoc(context, doc)
        if result != 0 && collector.messages.isEmpty { collector.messages.append("the document does not match the schema (code \(result))") }
        return collector.messages
    }
}

/// An element of an `XMLDocument`; valid while its document lives.
struct XMLElement {
    let node: xmlNodePtr?

    @discardableResult
    func element(_ name: String) -> XMLElement {
        name.withCString { XMLElement(node: xmlNewChild(node, nil, xmlChars($0), nil)) }
    }

    /// A child element holding `text` (escaped; characters XML 1.0 cannot hold are dropped).
    @discardableResult
    func element(_ name: String, text: String) -> XMLElement {
        XMLElement(node: xmlNewTextChild(node, nil, name, xmlSafe(text)))
    }

    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        // withCString hands libxml2 (which copies) a native string's own bytes; passing the String
        // itself would copy it into a new array first, for each of report.xml's attributes.
        name.withCString { name in
            xmlSafe(value).withCString { value in
                _ = xmlNewProp(node, xmlChars(name), xmlChars(value))
            }
        }
    }
}

/// A C string as libxml2's `xmlChar` (UTF-8 bytes).
private func xmlChars(_ text: UnsafePointer<CChar>) -> UnsafePointer<xmlChar> {
    UnsafeRawPointer(text).assumingMemoryBound(to: xmlChar.self)
}

/// A compiled XSD.
final class XMLSchema {
    let schema: xmlSchemaPtr
    /// The parsed schema document; the compiled schema points into it, so it lives as long.
    private let document: xmlDocPtr

    /// Reads and compiles the schema at `path`: parsed without entity substitution, DTD loading or
    /// network access (libxml2's schema reader would substitute entities), then compiled. The schema and
    /// everything it includes or imports must be files inside `folder` (by default the schema's own
    /// folder), like the stylesheets of a templates folder.
    convenience init(path: String) throws {
        try self.init(path: path, folder: (path as NSString).deletingLastPathComponent)
    }

    convenience init(path: String, folder: String) throws {
        try self.init(path: path, source: .folder(folder))
    }

    /// The schema `report.xsd` of `source` (for the built-in set, read from memory only).
    convenience init(in source: TemplateSource) throws {
        try self.init(path: source.path(of: "report.xsd"), source: source)
    }

    init(path: String, source: TemplateSource) throws {
        XSLTSandbox.initialise()
        // The sandbox's loader reports what it refuses as a generic message: collected on this thread
        // and taken before returning, so no message outlives the load (or the thread).
        XSLTSandbox.prepareThread()
        defer { _ = XSLTSandbox.takeErrors() }
        do { try XSLTSandbox.enter(source) } catch let failure as RenderFailure { throw XMLFailure(message: failure.description) }
        defer { XSLTSandbox.leave() }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        guard let document = xmlReadFile(path, nil, options) else {
            throw XMLFailure(message: "cannot read the schema \(path): " + (XSLTSandbox.takeErrors() ?? lastXMLError()))
        }
        guard let parser = xmlSchemaNewDocParserCtxt(document) else {
            xmlFreeDoc(document)
            throw XMLFailure(message: "cannot read the schema \(path)")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = ErrorCollector()
        xmlSchemaSetParserStructuredErrors(parser, { userData, error in
            guard let userData, let error else { return }
            Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error.pointee)
        }, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parser) }) else {
            xmlFreeDoc(document)
            let refused = XSLTSandbox.takeErrors().map { [$0] } ?? []
            throw XMLFailure(message: "the schema \(path) is invalid: " + (refused + collector.messages).joined(separator: "; "))
        }
        self.schema = schema
        self.document = document
    }

    deinit {
        xmlSchemaFree(schema)
        xmlFreeDoc(document)
    }
}

struct XMLFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Collects libxml2's structured errors as `line N: message` strings.
private final class ErrorCollector {
    var messages: [String] = []
    /// The messages that have a line.
    var located: [String] = []
    /// The first encoding-conversion message (libxml2 gives it no line), and the first line met.
    var encoding: String?
    var firstLine: Int32?

    func add(_ error: xmlError) {
        // libxml2's messages end in a newline, and some hold one ("…indicate encoding !\nBytes: …").
        let text = error.message.map { String(cString: $0) }?.trimmingTrailingNewlines()
            .split(whereSeparator: \.isNewline).joined(separator: " ") ?? "unknown error"
        messages.append(error.line > 0 ? "line \(error.line): \(text)" : text)
        if error.line > 0 { located.append(messages[messages.count - 1]); firstLine = firstLine ?? Int32(error.line) }
        if error.domain == Int32(XML_FROM_I18N.rawValue), encoding == nil { encoding = text }
    }
}

private func lastXMLError() -> String {
    guard let error = xmlGetLastError(), let message = error.pointee.message else { return "unknown error" }
    return String(cString: message).trimmingTrailingNewlines()
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last?.isNewline == true { s.removeLast() }
        return s
    }
}

/// Drops characters XML 1.0 cannot carry (most C0 controls), which YAML escapes such as "\x01" can produce.
func xmlSafe(_ text: String) -> String {
    // Most text has none of the bytes such characters start with in UTF-8 (a C0 control other than
    // tab, LF and CR; 0xEF, which begins U+F000…U+FFFF and so U+FFFE and U+FFFF): then nothing to drop.
    let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
        !bytes.contains { $0 < 0x20 ? ($0 != 0x9 && $0 != 0xA && $0 != 0xD) : $0 == 0xEF }
    }
    if plain == true { return text }
    guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter(isXMLCharacter)))
}

private func isXMLCharacter(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
}

/// Parses an XML text (no network, no entity expansion) into a document, for checks of written files.
func parsedDocument(_ text: String) throws -> XMLDocument {
    let bytes = Array(text.utf8)
    let options = Int32(XML_PARSE_NONET.rawValue)
    guard let doc = bytes.withUnsafeBufferPointer({ buffer in
        buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "report.xml", "UTF-8", options) }
    }) else { throw XMLFailure(message: "not well-formed XML: " + lastXMLError()) }
    return XMLDocument(adopting: doc)
}

/// The root element of an SVG file's bytes (its local name and namespace URI), or why they are not
/// well-formed XML (libxml2's message, with its line). Parsed without network, DTD loading or entity
/// substitution, so nothing outside the bytes is read.
func svgRoot(_ bytes: [UInt8]) -> Result<(name: String, namespace: String?), XMLFailure> {
    // libxml2 reads a memory buffer only up to a NUL byte, which browsers refuse.
    if let nul = bytes.firstIndex(of: 0) {
        let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return .failure(XMLFailure(message: "byte \(nul + 1) (line \(line)) is a NUL byte, which XML does not allow"))
    }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
    xmlResetLastError()
    // Every error of the parse (also the encoding and I/O errors libxml2 would print to stderr with
    // no place) goes to the collector; the first one with a line is reported, on one line.
    let collector = ErrorCollector()
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error.pointee)
    })
    let parsed = withExtendedLifetime(collector) {
        bytes.isEmpty ? nil : bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "logo.svg", nil, options) }
        }
    }
    xmlSetStructuredErrorFunc(nil, nil)
    guard let doc = parsed else {
        if bytes.isEmpty { return .failure(XMLFailure(message: "the file is empty")) }
        // A declared encoding that does not fit the bytes: libxml2's located error that follows
        // ("Blank needed here") says less than the conversion's own message.
        let message = collector.encoding.map { "line \(collector.firstLine ?? 1): \($0) (the encoding the file declares does not fit its bytes)" }
            ?? collector.located.first ?? collector.messages.first ?? "it is not well-formed XML"
        return .failure(XMLFailure(message: message))
    }
    defer { xmlFreeDoc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return .failure(XMLFailure(message: "it has no root element")) }
    let name = String(cString: root.pointee.name)
    let namespace = root.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    return .success((name, namespace))
}
