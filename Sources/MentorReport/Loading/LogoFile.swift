import Foundation

extension Loader {
    /// Reads the file program.yaml names as `branding.logo` and checks it: a regular file inside the
    /// data folder (links out of it are refused, decision 57), at most 1 MB, whose content is what its
    /// ending says (PNG or JPEG signature; SVG: well-formed XML with an `<svg>` root in the SVG
    /// namespace). A logo that fails is reported at the `logo` value and dropped.
    func readLogo(into data: inout ProgrammeData, _ diagnostics: inout Diagnostics) {
        guard let logo = data.program.branding.logo, let relative = SurveyImporter.relativePath(logo.path.value) else { return }
        let at = logo.path.location
        let file = Int(at.file) < data.files.count ? data.files[Int(at.file)] : folder
        func problem(_ message: String) {
            diagnostics.append(Diagnostic(severity: .error, file: file, line: Int(at.line), column: Int(at.column),
                                          message: "logo '\(clip(logo.path.value))' " + message, fileOrder: Int(at.file)))
            data.program.branding.logo = nil
        }
        let dataFolder = DataFolder(path: folder, memory: memory)
        let found = dataFolder.entry(relative)
        if case .absent = found {
            return problem("does not exist in the data folder; expected the logo file saved as \(dataFolder.shown(relative))")
        }
        if let reason = found.notAFile { return problem("cannot be read: \(reason)") }
        guard case .file(let size) = found else { return }
        let limit = Logo.maxBytes
        if size > limit {
            return problem("is \(groupedCount(size)) bytes; expected at most \(groupedCount(limit)) (\(megabytesText(limit))), since every page carries it")
        }
        let bytes: [UInt8]
        do {
            let storage = try dataFolder.read(relative, limit: limit)
            bytes = withExtendedLifetime(storage) { Array(storage.bytes) }
        } catch let failure as FileReadError {
            return problem("cannot be read: \(failure.reason)")
        } catch {
            return problem("cannot be read: \(error)")
        }
        if let wrong = Loader.logoContentProblem(bytes, mediaType: logo.mediaType) { return problem(wrong) }
        data.program.branding.logo?.bytes = bytes
    }

    /// Why `bytes` are not an image of `mediaType`, or nil when they are.
    static func logoContentProblem(_ bytes: [UInt8], mediaType: String) -> String? {
        switch mediaType {
        case "image/png":
            let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            return bytes.starts(with: signature) ? nil : "is not a PNG image (it does not start with the PNG signature); expected a PNG file, or a name ending in the image's real type"
        case "image/jpeg":
            return bytes.starts(with: [0xFF, 0xD8, 0xFF]) ? nil : "is not a JPEG image (it does not start with the JPEG signature); expected a JPEG file, or a name ending in the image's real type"
        default:
            switch svgRoot(bytes) {
            case .success(let root):
                guard root.name == "svg" else {
                    return "is not an SVG image: its root element is <\(root.name)>; expected an <svg> root element"
                }
                guard root.namespace == "http://www.w3.org/2000/svg" else {
                    return "is not an SVG image a browser shows: its <svg> root has no xmlns=\"http://www.w3.org/2000/svg\"; expected the SVG namespace on the root element"
                }
                return nil
            case .failure(let failure):
                // Text saved as Windows-1252 that does not say so: the same hint as a YAML or CSV file.
                if failure.message.contains("UTF-8"), let bad = InvalidUTF8.first(in: bytes) {
                    return "is not an SVG image: line \(bad.line), column \(bad.column): " + bad.message(
                        expected: "well-formed XML with an <svg> root element, in UTF-8",
                        howToSave: "in the editor: Save As or Save with Encoding → UTF-8")
                }
                return "is not an SVG image: \(failure.message); expected well-formed XML with an <svg> root element"
            }
        }
    }
}
