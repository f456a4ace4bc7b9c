import Foundation

/// The organisation's look on every page (program.yaml `branding`, SPEC §2 2026-12): a logo and an
/// accent colour for the header and the charts.
public struct Branding: Sendable {
    /// The logo, once the loader has read and checked its file.
    public var logo: Logo?
    /// The accent colour as `#rrggbb` (a `#rgb` value is written out in full), lower case.
    public var accent: Located<String>?

    /// No logo, no accent: the templates' own colours.
    public init() {}

    /// The text colour that reads best on the accent: `#ffffff` or `#000000`, whichever contrasts more
    /// (WCAG 2 contrast ratio; white on a tie).
    public var accentText: String? {
        guard let accent = accent.flatMap({ RGBColour(hex: $0.value) }) else { return nil }
        return accent.contrast(with: .white) >= accent.contrast(with: .black) ? "#ffffff" : "#000000"
    }
}

/// A logo file of the data folder, embedded in every page as a data URI (never as inline markup).
public struct Logo: Sendable {
    /// The path as written in program.yaml, and where.
    public var path: Located<String>
    /// `image/svg+xml`, `image/png` or `image/jpeg`, from the file's ending (its content is checked to match).
    public var mediaType: String
    /// The file's bytes; empty until the loader has read them.
    public var bytes: [UInt8] = []

    /// The largest logo accepted: 1 MB (1,048,576 bytes), since every page carries it.
    public static let maxBytes = bytesPerMegabyte

    /// The media type of a logo file's ending (`.svg`, `.png`, `.jpg`, `.jpeg`, in any case), or nil.
    static func mediaType(ofPath path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        default: return nil
        }
    }

    /// `data:<type>;base64,<bytes>`: the logo as an `<img src>` that needs no other file.
    public var dataURI: String { "data:\(mediaType);base64," + Data(bytes).base64EncodedString() }
}

/// A colour of the sRGB space, for the contrast checks of WCAG 2.
struct RGBColour {
    var red: Int, green: Int, blue: Int

    static let white = RGBColour(red: 255, green: 255, blue: 255)
    static let black = RGBColour(red: 0, green: 0, blue: 0)

    init(red: Int, green: Int, blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rgb` or `#rrggbb` (hex digits in either case); nil for anything else.
    init?(hex text: String) {
        guard text.first == "#" else { return nil }
        var digits = Array(text.dropFirst())
        // ASCII only: `isHexDigit` also holds for the full-width forms (`ｆ`), which `Int(radix:)` refuses.
        guard digits.count == 3 || digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard let value = Int(String(digits), radix: 16) else { return nil }
        self.init(red: value >> 16, green: (value >> 8) & 0xff, blue: value & 0xff)
    }

    /// `#rrggbb`, lower case.
    var hex: String {
        let digits = String((red << 16) | (green << 8) | blue, radix: 16)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// WCAG 2 relative luminance: 0 for black, 1 for white.
    var luminance: Double {
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio with `other`, from 1 (none) to 21 (black on white).
    func contrast(with other: RGBColour) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
