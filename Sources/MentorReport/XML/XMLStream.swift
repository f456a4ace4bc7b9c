import CLibXML2
import CXSLTSupport

/// libxml2's streaming reader over bytes in memory: no DTD loading, no entity expansion, no network.
/// Errors are collected, not printed. The reader reads from a copy of the bytes that this object owns
/// for as long as the reader lives; no libxml2 pointer leaves it.
final class XMLStream {
    /// The kinds of node the readers of workbooks act on; everything else is `.other`.
    enum Node {
        case element, endElement
        /// Text, CDATA or whitespace.
        case text
        case other
    }

    private let storage: UnsafeMutableBufferPointer<CChar>
    private let reader: xmlTextReaderPtr
    private let partName: String
    private let errors = XMLStreamErrors()

    init(_ bytes: [UInt8], name: String) throws {
        partName = name
        let storage = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBytes { source in
            UnsafeMutableRawBufferPointer(storage).copyMemory(from: source)
        }
        self.storage = storage
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        guard let made = xmlReaderForMemory(storage.baseAddress, Int32(clamping: bytes.count), name, nil, options) else {
            storage.deallocate()
            throw ExportReadError(message: "\(name) inside the workbook cannot be read as XML")
        }
        reader = made
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<XMLStreamErrors>.fromOpaque(userData).takeUnretainedValue()
            if box.first == nil {
                let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                box.first = (Int(error.pointee.line), text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        storage.deallocate()
    }

    /// Moves to the next node; false at the end.
    func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status < 0 || errors.first != nil { throw failure() }
        return status == 1
    }

    func skipSubtree() throws {
        if xmlTextReaderNext(reader) < 0 { throw failure() }
    }

    private func failure() -> ExportReadError {
        let (line, message) = errors.first ?? (0, "unknown error")
        return ExportReadError(message: "\(partName) inside the workbook is not well-formed XML (line \(line): \(message)); expected an intact .xlsx file")
    }

    var nodeType: Node {
        switch xmlReaderTypes(UInt32(bitPattern: xmlTextReaderNodeType(reader))) {
        case XML_READER_TYPE_ELEMENT: return .element
        case XML_READER_TYPE_END_ELEMENT: return .endElement
        case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA, XML_READER_TYPE_WHITESPACE, XML_READER_TYPE_SIGNIFICANT_WHITESPACE: return .text
        default: return .other
        }
    }
    var isEmpty: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var name: String { xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? "" }
    var value: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }

    func attribute(_ attribute: String) -> String? {
        guard let raw = xmlTextReaderGetAttribute(reader, attribute) else { return nil }
        defer { mr_xml_free(raw) }
        return String(cString: raw)
    }

    /// The value of an attribute with this local name in any namespace (such as `r:id`).
    func namespacedAttribute(_ local: String) -> String? {
        var found: String?
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
        repeat {
            if xmlTextReaderConstNamespaceUri(reader) != nil, name == local { found = value }
        } while found == nil && xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return found
    }
}

private final class XMLStreamErrors {
    var first: (Int, String)?
}
