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

/// The collection a path relative to the data folder belongs to: `NAME.yaml`, or `NAME/FILE.yaml`
/// (not for `program`); nil for any other path.
func collection(ofRelativePath path: String) -> DataCollection? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard path.hasSuffix(".yaml") else { return nil }
    if parts.count == 1 { return DataCollection(rawValue: String(path.dropLast(5))) }
    if parts.count == 2, !parts[1].hasPrefix("."), let c = DataCollection(rawValue: String(parts[0])), c != .program { return c }
    return nil
}

/// Finds the files of a data folder.
struct DataFolder {
    var path: String

    /// The files to read in reading order, and findings about the folder's layout.
    func files() -> (files: [DataFile], diagnostics: [Diagnostic]) {
        let fm = FileManager.default
        var files: [DataFile] = []
        var findings: [Diagnostic] = []
        let base = URL(fileURLWithPath: path, isDirectory: true)
        func shown(_ relative: String) -> String {
            path.hasSuffix("/") ? path + relative : path + "/" + relative
        }
        func problem(_ severity: Diagnostic.Severity, _ relative: String, _ message: String) {
            findings.append(Diagnostic(severity: severity, file: shown(relative), line: 0, column: 0, message: message,
                                       fileOrder: -1))
        }
        for collection in DataCollection.allCases {
            let name = collection.rawValue
            var isDirectory: ObjCBool = false
            let fileURL = base.appendingPathComponent(name + ".yaml")
            let folderURL = base.appendingPathComponent(name, isDirectory: true)
            let hasFile = fm.fileExists(atPath: fileURL.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            let hasFolder = collection != .program
                && fm.fileExists(atPath: folderURL.path, isDirectory: &isDirectory) && isDirectory.boolValue
            if hasFile {
                files.append(DataFile(collection: collection, displayPath: shown(name + ".yaml"), url: fileURL))
            }
            if hasFolder {
                let entries = ((try? fm.contentsOfDirectory(atPath: folderURL.path)) ?? []).sorted {
                    Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
                }
                for entry in entries where !entry.hasPrefix(".") {
                    if entry.hasSuffix(".yaml") {
                        files.append(DataFile(collection: collection, displayPath: shown(name + "/" + entry),
                                              url: folderURL.appendingPathComponent(entry)))
                    } else if entry.hasSuffix(".yml") {
                        problem(.warning, name + "/" + entry, "ignored: only files ending in .yaml are read; rename it to .yaml to include it")
                    }
                }
            }
            if !hasFile && !hasFolder && (collection == .program || collection == .people) {
                problem(.error, name + ".yaml", "required file is missing; expected \(name).yaml"
                        + (collection == .people ? " or a folder people/ of .yaml files" : "") + " in the data folder")
            }
        }
        let known = Set(DataCollection.allCases.map { $0.rawValue + ".yaml" })
        let top = ((try? fm.contentsOfDirectory(atPath: base.path)) ?? []).sorted()
        for entry in top where (entry.hasSuffix(".yaml") || entry.hasSuffix(".yml")) && !known.contains(entry) {
            let stem = String(entry.prefix(upTo: entry.lastIndex(of: ".")!))
            let names = DataCollection.allCases.map(\.rawValue)
            let hint = nearest(to: stem, in: names).map { " — did you mean '\($0).yaml'?" }
                ?? "; expected one of " + names.map { $0 + ".yaml" }.joined(separator: ", ")
            problem(.warning, entry, "ignored: not a collection of the data format\(hint)")
        }
        return (files, findings)
    }
}
