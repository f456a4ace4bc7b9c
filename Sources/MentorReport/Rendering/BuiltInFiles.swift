import CXSLTSupport
import Foundation

/// Where a build's templates come from: the set built into the program (the default), or a folder
/// (`--templates DIR`) that replaces the built-in set whole.
public enum TemplateSource: Sendable, Equatable, CustomStringConvertible {
    /// The templates built into the program from the repository's `templates/` folder.
    case builtIn
    /// The templates of a folder: every stylesheet, `site.css` and `report.xsd` are read from it.
    case folder(String)

    /// "the built-in templates", or the folder's path.
    public var description: String {
        switch self {
        case .builtIn: return "the built-in templates"
        case .folder(let path): return path
        }
    }

    /// The path that names template file `name`: inside the folder, or inside the built-in set's
    /// virtual folder (`/mentor-report/built-in-templates`, which is never read from disk).
    func path(of name: String) -> String {
        switch self {
        case .builtIn: return BuiltInFiles.templatesFolder + "/" + name
        case .folder(let folder): return (folder as NSString).appendingPathComponent(name)
        }
    }
}

/// The files built into the program at build time from the repository's `templates/` and `starter/`
/// folders (Plugins/EmbedFiles turns them into `EmbeddedFiles`), by path relative to their folder.
public enum BuiltInFiles {
    /// The default templates: the XSLT stylesheets, `site.css` and `report.xsd`.
    public static let templates: [String: [UInt8]] = decode(EmbeddedFiles.templates)
    /// The starter programme `mentor-report init` writes: `README.md` and `data/…`.
    public static let starter: [String: [UInt8]] = decode(EmbeddedFiles.starter)

    /// The virtual folder the built-in templates are named in, in paths and messages.
    static let templatesFolder = String(cString: mr_builtin_folder())

    private static func decode(_ files: [(path: String, base64: String)]) -> [String: [UInt8]] {
        var decoded: [String: [UInt8]] = [:]
        for file in files {
            // The generator wrote the text from the bytes: it always decodes.
            decoded[file.path] = [UInt8](Data(base64Encoded: file.base64)!)
        }
        return decoded
    }

    /// Hands the built-in templates to the sandbox's loader (CXSLTSupport), once: copies that live
    /// as long as the process, since the loader reads them from any thread at any time.
    static let registered: Void = {
        let names = templates.keys.sorted()
        let namePointers = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: names.count)
        let dataPointers = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: names.count)
        let lengths = UnsafeMutablePointer<Int>.allocate(capacity: names.count)
        for (i, name) in names.enumerated() {
            namePointers[i] = UnsafePointer(strdup(name))
            let bytes = templates[name]!
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            copy.initialize(from: bytes, count: bytes.count)
            dataPointers[i] = UnsafePointer(copy)
            lengths[i] = bytes.count
        }
        mr_builtin_register(namePointers, dataPointers, lengths, names.count)
    }()

    /// Writes `files` (relative path → bytes) into `folder`, creating folders on the way. Without
    /// `force`, nothing is written when any of the files already exists: an `ExistingFiles` error names
    /// them. With it, those files are replaced; other files in the folder are never touched.
    /// Returns the paths written, sorted.
    public static func write(_ files: [String: [UInt8]], into folder: String, force: Bool) throws -> [String] {
        let names = files.keys.sorted()
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        var info = stat()
        let existing = paths.filter { lstat($0, &info) == 0 }
        if !existing.isEmpty && !force {
            throw ExistingFiles(paths: existing)
        }
        for (name, path) in zip(names, paths) {
            let parent = (path as NSString).deletingLastPathComponent
            if let code = makeDirectories(parent) {
                throw OutputFailure("cannot create the folder \(parent): \(String(cString: strerror(code)))")
            }
            // Written to a temporary file and renamed into place: a link at the name is replaced,
            // never followed.
            do {
                try Data(files[name]!).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw OutputFailure("cannot write \(path): \(systemReason(error))")
            }
        }
        return paths
    }
}

/// `mkdir -p`: nil, or the system's error number (`ENOTDIR` when a file is in the way).
private func makeDirectories(_ path: String) -> Int32? {
    var info = stat()
    if stat(path, &info) == 0 {
        return (info.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path, let failure = makeDirectories(parent) { return failure }
    if mkdir(path, 0o755) != 0 && errno != EEXIST { return errno }
    return nil
}

/// Files that `mentor-report templates` or `init` would overwrite, without `--force`.
public struct ExistingFiles: Error, CustomStringConvertible {
    /// The files that exist already, sorted.
    public var paths: [String]
    public var description: String {
        let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
        return "\(shown) already exist\(paths.count == 1 ? "s" : ""); expected a new or empty folder (--force replaces these files, and only these)"
    }
}

/// The system's reason for a Foundation file error (`Permission denied`, `Not a directory`).
func systemReason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    return ns.localizedDescription
}
