import Foundation
import CXSLTSupport
import ZIPFoundation

/// Rows of the first worksheet of an `.xlsx` workbook (Office Open XML, as Microsoft Forms exports it):
/// the package opened with ZIPFoundation, its shared strings and sheet read with libxml2's streaming
/// reader, without DTDs, entity expansion or network access. Cells come as text: numbers (dates
/// included, as Excel serial numbers) as written, shared and inline strings resolved.
struct XLSXRows: ExportRows {
    private let sheet: XMLStream
    private let strings: [String]
    private var lastRow = 0

    /// The export at `path`, which must lie inside the data folder whose real path is `folder`.
    init(path: String, limit: Int, inside folder: String) throws {
        try self.init(bytes: Self.bytes(ofExport: path, limit: limit, inside: folder))
    }

    /// The workbook's bytes, read once: checked by `ZIPCheck`, then opened by ZIPFoundation in memory.
    /// (ZIPFoundation's in-memory archives leak their backing store when opening fails; after the
    /// check, opening does not fail.) No part may unpack to more than `partLimit` bytes.
    init(bytes: [UInt8], partLimit: Int = exportByteLimit) throws {
        try ZIPCheck.verify(bytes, partLimit: partLimit)
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ExportReadError(message: "the file is not an Excel workbook (.xlsx); expected the workbook as the survey tool exported it")
        }
        try self.init(archive: archive, partLimit: partLimit)
    }

    private init(archive: Archive, partLimit: Int) throws {
        func part(_ path: String) throws -> [UInt8]? { try XLSXRows.part(archive, path, limit: partLimit) }
        guard let workbook = try part("xl/workbook.xml") else {
            throw ExportReadError(message: "the file is a ZIP archive without xl/workbook.xml; expected an Excel workbook (.xlsx)")
        }
        let relationships = try part("xl/_rels/workbook.xml.rels").map(XLSXRows.relationships) ?? [:]
        let sheetId = try XLSXRows.firstSheetRelationship(workbook)
        var sheetPath = "xl/worksheets/sheet1.xml"
        var stringsPath = "xl/sharedStrings.xml"
        if let sheetId, let target = relationships[sheetId]?.target { sheetPath = XLSXRows.resolve(target) }
        if let shared = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            stringsPath = XLSXRows.resolve(shared.target)
        }
        guard let sheetBytes = try part(sheetPath) else {
            throw ExportReadError(message: "the workbook has no worksheet \(sheetPath); expected an Excel workbook with at least one sheet")
        }
        strings = try part(stringsPath).map(XLSXRows.sharedStrings) ?? []
        sheet = try XMLStream(sheetBytes, name: sheetPath)
    }

    mutating func next() throws -> ExportRow? {
        var cells: [String] = []
        var row = 0
        var column = 0, type = "", value = "", capturing = false, inCell = false
        while try sheet.read() {
            switch sheet.nodeType {
            case .element:
                switch sheet.name {
                case "row":
                    row = sheet.attribute("r").flatMap { Int($0) } ?? lastRow + 1
                    cells = []
                    if sheet.isEmpty {
                        lastRow = row
                        return ExportRow(cells: [], line: row)
                    }
                case "c":
                    column = sheet.attribute("r").flatMap(XLSXRows.columnIndex) ?? cells.count
                    type = sheet.attribute("t") ?? "n"
                    value = ""
                    inCell = !sheet.isEmpty
                case "v", "t":
                    capturing = inCell && !sheet.isEmpty
                case "rPh":
                    if !sheet.isEmpty { try sheet.skipSubtree() }
                default: break
                }
            case .text:
                if capturing { value += sheet.value }
            case .endElement:
                switch sheet.name {
                case "v", "t": capturing = false
                case "c":
                    inCell = false
                    guard column < 16_384 else {
                        throw ExportReadError(line: row, column: column + 1, message: "cell beyond column XFD; expected a worksheet of at most 16,384 columns")
                    }
                    let text: String
                    switch type {
                    case "s":
                        guard let i = Int(value), strings.indices.contains(i) else {
                            throw ExportReadError(line: row, column: column + 1, message: "cell refers to shared string '\(clip(value))', which the workbook does not have")
                        }
                        text = strings[i]
                    case "b": text = value == "1" ? "TRUE" : "FALSE"
                    default: text = value
                    }
                    if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
                    cells[column] = text
                case "row":
                    lastRow = row
                    return ExportRow(cells: cells, line: row)
                default: break
                }
            default: break
            }
        }
        return nil
    }

    /// The 0-based column of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var n = 0
        var letters = 0
        for c in reference.utf8 {
            guard c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") else { break }
            n = n * 26 + Int(c - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n - 1
    }

    /// A part of the package, decompressed, or nil when absent; at most `limit` bytes.
    private static func part(_ archive: Archive, _ path: String, limit: Int) throws -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        if entry.uncompressedSize > UInt64(limit) {
            throw ZIPCheck.tooLarge(path, limit: limit)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else { throw ZIPCheck.tooLarge(path, limit: limit) }
                bytes.append(contentsOf: chunk)
            }
        } catch let failure as ExportReadError {
            throw failure
        } catch {
            throw ExportReadError(message: "\(path) inside the workbook cannot be unpacked (\(error)); expected an intact .xlsx file")
        }
        return bytes
    }

    /// `xl/_rels/workbook.xml.rels`: relationship id -> (target, type).
    private static func relationships(_ bytes: [UInt8]) throws -> [String: (target: String, type: String)] {
        let stream = try XMLStream(bytes, name: "xl/_rels/workbook.xml.rels")
        var result: [String: (target: String, type: String)] = [:]
        while try stream.read() {
            if stream.nodeType == .element, stream.name == "Relationship",
               let id = stream.attribute("Id"), let target = stream.attribute("Target") {
                result[id] = (target, stream.attribute("Type") ?? "")
            }
        }
        return result
    }

    /// The relationship id of the workbook's first sheet.
    private static func firstSheetRelationship(_ bytes: [UInt8]) throws -> String? {
        let stream = try XMLStream(bytes, name: "xl/workbook.xml")
        while try stream.read() {
            if stream.nodeType == .element, stream.name == "sheet" {
                return stream.namespacedAttribute("id")
            }
        }
        return nil
    }

    /// A relationship target as a path inside the package.
    private static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for part in target.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// `xl/sharedStrings.xml`: every `si` item's text, its runs joined, phonetic hints left out.
    private static func sharedStrings(_ bytes: [UInt8]) throws -> [String] {
        let stream = try XMLStream(bytes, name: "xl/sharedStrings.xml")
        var strings: [String] = []
        var current = "", capturing = false
        while try stream.read() {
            switch stream.nodeType {
            case .element:
                switch stream.name {
                case "si":
                    current = ""
                    if stream.isEmpty { strings.append("") }
                case "t": capturing = !stream.isEmpty
                case "rPh": if !stream.isEmpty { try stream.skipSubtree() }
                default: break
                }
            case .text:
                if capturing { current += stream.value }
            case .endElement:
                if stream.name == "t" { capturing = false } else if stream.name == "si" { strings.append(current) }
            default: break
            }
        }
        return strings
    }
}

/// Checks a ZIP archive's structure before ZIPFoundation reads it: every entry's data lies inside the
/// file, is stored or deflated, and a deflated entry's stream ends within its compressed size.
/// (ZIPFoundation 0.9.20 loops forever on a deflate stream that does not end: fuzzing found it.)
enum ZIPCheck {
    /// No entry may unpack to more than `partLimit` bytes (an export's parts are far smaller; a
    /// "zip bomb" is refused while it is checked, before anything is unpacked to memory).
    static func verify(_ bytes: [UInt8], partLimit: Int = exportByteLimit) throws {
        func damaged(_ why: String) -> ExportReadError {
            ExportReadError(message: "the workbook is damaged (\(why)); expected the .xlsx file as the survey tool exported it")
        }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
        guard bytes.count >= 22 else {
            throw ExportReadError(message: "the file is not an Excel workbook (.xlsx); expected the workbook as the survey tool exported it")
        }
        var end = -1
        var at = bytes.count - 22
        while at >= max(0, bytes.count - 22 - 65_535) {
            if u32(at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        guard end >= 0 else {
            throw ExportReadError(message: "the file is not an Excel workbook (.xlsx); expected the workbook as the survey tool exported it")
        }
        let count = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw damaged("a ZIP64 archive, which workbooks of this size never need")
        }
        guard offset + size <= end else { throw damaged("the central directory lies outside the file") }
        var entry = offset
        for _ in 0..<count {
            guard entry + 46 <= end, u32(entry) == 0x0201_4B50 else { throw damaged("a broken central directory") }
            let method = u16(entry + 10), compressed = u32(entry + 20), unpacked = u32(entry + 24)
            let nameLength = u16(entry + 28), extraLength = u16(entry + 30), commentLength = u16(entry + 32)
            let local = u32(entry + 42)
            let name = String(decoding: bytes[min(entry + 46, end)..<min(entry + 46 + nameLength, end)], as: UTF8.self)
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw damaged("\(clip(name)) has no local header") }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + compressed <= bytes.count else { throw damaged("\(clip(name)) runs past the end of the file") }
            switch method {
            case 0:
                guard compressed == unpacked else { throw damaged("\(clip(name)) has inconsistent sizes") }
            case 8:
                let checked = bytes.withUnsafeBufferPointer { buffer in
                    mr_check_deflate(buffer.baseAddress! + start, compressed, partLimit)
                }
                if checked == -2 { throw tooLarge(name, limit: partLimit) }
                guard checked == 0 else { throw damaged("\(clip(name)) holds a broken compressed stream") }
            default:
                throw damaged("\(clip(name)) uses compression method \(method); expected stored or deflated entries")
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
    }

    /// What a part that unpacks to more than `limit` bytes is told.
    static func tooLarge(_ part: String, limit: Int) -> ExportReadError {
        ExportReadError(message: "\(clip(part)) inside the workbook unpacks to more than \(megabytesText(limit)); expected parts of at most \(megabytesText(limit)) unpacked (a survey export's are far smaller)")
    }
}
