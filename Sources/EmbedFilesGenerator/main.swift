import Foundation

// EmbedFilesGenerator OUTPUT (SET RELATIVE-PATH FILE)…
//
// Writes OUTPUT, a Swift source file declaring `EmbeddedFiles.templates` and `EmbeddedFiles.starter`:
// each file's path relative to its folder and its bytes, base64-encoded (any bytes, byte for byte).
// Run at build time by the EmbedFiles plugin; the file is never kept in the repository.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("EmbedFilesGenerator: \(message)\n".utf8))
    exit(1)
}

/// A Swift string literal of `text`, which holds only characters that need no escape but `\` and `"`.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let output = arguments.first, (arguments.count - 1) % 3 == 0 else {
        fail("usage: EmbedFilesGenerator OUTPUT (SET RELATIVE-PATH FILE)…")
    }
    var sets: [String: [(String, String)]] = ["templates": [], "starter": []]
    for i in stride(from: 1, to: arguments.count, by: 3) {
        let set = arguments[i], relative = arguments[i + 1], file = arguments[i + 2]
        guard sets[set] != nil else { fail("unknown set '\(set)'; expected templates or starter") }
        guard let bytes = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        sets[set]!.append((relative, bytes.base64EncodedString()))
    }

    var source = """
        // Generated at build time from the repository's templates/ and starter/ folders by the EmbedFiles
        // plugin (Plugins/EmbedFiles, Sources/EmbedFilesGenerator). Not kept in the repository: edit the
        // folders instead.

        /// The files of the repository's `templates/` and `starter/` folders as they were at build time:
        /// each one's path relative to its folder and its bytes in base64, sorted by path.
        enum EmbeddedFiles {

        """
    for set in ["templates", "starter"] {
        source += "    static let \(set): [(path: String, base64: String)] = [\n"
        for (relative, base64) in sets[set]! {
            source += "        (\(literal(relative)), \(literal(base64))),\n"
        }
        source += "    ]\n"
    }
    source += "}\n"
    // Written only when it changed, so that an unchanged folder recompiles nothing.
    let data = Data(source.utf8)
    if FileManager.default.contents(atPath: output) != data {
        do { try data.write(to: URL(fileURLWithPath: output)) } catch { fail("cannot write \(output): \(error)") }
    }
}

main()
