import Foundation

/// The collections of a data folder, in reading order. Each may be `NAME.yaml` or a folder `NAME/`
/// of `*.yaml` files read in name order (`program` is always one file).
enum DataCollection: String, CaseIterable, Sendable {
    case program, people, relationships, sessions, surveys, responses, outcomes
}

/// One file to read, with the collection it belongs to.
struct DataFile: Sendable {
    var collection: DataCollection
    /// Path shown in messages: the data folder as given, joined with the file's relative path.
    var displayPath: String
    var url: URL
    /// The file's bytes when it is given in memory rather than read from `url`.
    var contents: [UInt8]? = nil
}

/// Finds the files of a data folder, on disk or given in memory (path inside the folder → bytes).
struct DataFolder {
    var path: String
    var memory: [String: [UInt8]]? = nil

    /// The names in a folder inside the data folder ("" for the top), in byte order; empty when absent.
    private func entries(_ relative: String) -> [String] {
        let names: [String]
        if let memory {
            let prefix = relative.isEmpty ? "" : relative + "/"
            names = Array(Set(memory.keys.compactMap { key -> String? in
                guard key.hasPrefix(prefix) else { return nil }
                return key.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).first.map(String.init)
            }))
        } else {
            let url = URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(relative)
            names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Whether `relative` is a file (true), a folder (false) or absent (nil).
    private func isFile(_ relative: String) -> Bool? {
        if let memory {
            if memory[relative] != nil { return true }
            return memory.keys.contains { $0.hasPrefix(relative + "/") } ? false : nil
        }
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        return !isDirectory.boolValue
    }

    private func file(_ collection: DataCollection, _ relative: String) -> DataFile {
        DataFile(collection: collection, displayPath: shown(relative),
                 url: URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(relative),
                 contents: memory?[relative])
    }

    /// The data folder as given, joined with a path inside it: how files are named in messages.
    func shown(_ relative: String) -> String {
        path.hasSuffix("/") ? path + relative : path + "/" + relative
    }

    /// The files to read in reading order, the survey-tool exports present (`.csv` and `.xlsx` at the
    /// top and in `responses/`, as paths inside the folder), and findings about the folder's layout.
    func files() -> (files: [DataFile], exports: [String], diagnostics: [Diagnostic]) {
        var files: [DataFile] = []
        var exports: [String] = []
        var findings: [Diagnostic] = []
        func problem(_ severity: Diagnostic.Severity, _ relative: String, _ message: String) {
            findings.append(Diagnostic(severity: severity, file: shown(relative), line: 0, column: 0, message: message,
                                       fileOrder: -1))
        }
        func isExport(_ name: String) -> Bool {
            let lower = name.lowercased()
            return !name.hasPrefix(".") && (lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx"))
        }
        for collection in DataCollection.allCases {
            let name = collection.rawValue
            let hasFile = isFile(name + ".yaml") == true
            let hasFolder = collection != .program && isFile(name) == false
            if hasFile { files.append(file(collection, name + ".yaml")) }
            if hasFolder {
                for entry in entries(name) where !entry.hasPrefix(".") {
                    if entry.hasSuffix(".yaml") {
                        files.append(file(collection, name + "/" + entry))
                    } else if entry.hasSuffix(".yml") {
                        problem(.warning, name + "/" + entry, "ignored: only files ending in .yaml are read; rename it to .yaml to include it")
                    } else if collection == .responses && isExport(entry) {
                        exports.append(name + "/" + entry)
                    }
                }
            }
            if !hasFile && !hasFolder && (collection == .program || collection == .people) {
                problem(.error, name + ".yaml", "required file is missing; expected \(name).yaml"
                        + (collection == .people ? " or a folder people/ of .yaml files" : "") + " in the data folder")
            }
        }
        let known = Set(DataCollection.allCases.map { $0.rawValue + ".yaml" })
        let top = entries("")
        for entry in top where (entry.hasSuffix(".yaml") || entry.hasSuffix(".yml")) && !known.contains(entry) {
            let stem = String(entry.prefix(upTo: entry.lastIndex(of: ".")!))
            let names = DataCollection.allCases.map(\.rawValue)
            let hint = nearest(to: stem, in: names).map { " — did you mean '\($0).yaml'?" }
                ?? "; expected one of " + names.map { $0 + ".yaml" }.joined(separator: ", ")
            problem(.warning, entry, "ignored: not a collection of the data format\(hint)")
        }
        exports = top.filter(isExport) + exports
        return (files, exports, findings)
    }
}
