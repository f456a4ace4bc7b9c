import Foundation
import PackagePlugin

/// Builds the repository's `templates/` and `starter/` folders into the program: before the target
/// compiles, `EmbedFilesGenerator` turns every file of both folders into `EmbeddedFiles.swift` (the
/// bytes as base64 text). Every file is an input of the command, so an edited file is embedded again;
/// SwiftPM runs the plugin again when a file is added or removed because the target's folder holds
/// links to both folders (`Sources/MentorReport/Embedded`), whose structure it watches. So the built-in
/// copy cannot drift from the folders.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var arguments: [String] = []
        var inputs: [URL] = []
        for set in ["templates", "starter"] {
            let folder = root.appendingPathComponent(set, isDirectory: true)
            for relative in try files(in: folder) {
                let file = folder.appendingPathComponent(relative)
                arguments += [set, relative, file.path]
                inputs.append(file)
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) files of templates and starter",
            executable: try context.tool(named: "EmbedFilesGenerator").url,
            arguments: [output.path] + arguments,
            // Builds with sanitizers (scripts/sanitize, scripts/fuzz) build this tool with them too; its
            // memory at exit is not the program's.
            environment: ["ASAN_OPTIONS": "detect_leaks=0"],
            inputFiles: inputs,
            outputFiles: [output])]
    }

    /// The regular files under `folder`, as paths relative to it, sorted; hidden files and folders
    /// (an editor's `.swp`, `.DS_Store`) are left out.
    private func files(in folder: URL) throws -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? folder.path : folder.appendingPathComponent(relative).path
            for name in try fm.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: folder.appendingPathComponent(child).path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue { try walk(child) } else { found.append(child) }
            }
        }
        try walk("")
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
