import Foundation

/// The keys of program.yaml's `branding`.
enum BrandingKey: String, YAMLName {
    case logo, accent
    static let table = NameTable<BrandingKey>()
}

extension YAMLReader {
    /// The size `headline_kpis` may have: the executive summary holds 3 to 6 tiles.
    static let headlineKPICount = 3...6
    /// The contrast an accent should have against white (WCAG 2 AA for text).
    static let accentMinimumContrast = 4.5

    /// `branding`: the logo's path (its file is read and checked by the loader) and the accent colour.
    func decodeBranding() throws -> Branding {
        var branding = Branding()
        _ = try mapping("branding", BrandingKey.table) { key in
            switch key {
            case .logo:
                guard let path = try locatedString("logo") else { return }
                guard SurveyImporter.relativePath(path.value) != nil else {
                    if path.value.isEmpty {
                        error(path.location, "'logo' is empty; expected a relative path such as assets/logo.svg, or no logo key for no logo")
                        return
                    }
                    let parts = path.value.split(separator: "/", omittingEmptySubsequences: false)
                    if !path.value.hasPrefix("/"), !path.value.contains("\\"), !parts.contains(".."), parts.contains("") {
                        error(path.location, "logo '\(clip(path.value))' has an empty folder or file name ('//' or a '/' at the end); expected a relative path such as assets/logo.svg")
                        return
                    }
                    error(path.location, "logo '\(clip(path.value))' is not a path inside the data folder; expected a relative path such as assets/logo.svg, without '..'")
                    return
                }
                guard let type = Logo.mediaType(ofPath: path.value) else {
                    error(path.location, "logo '\(clip(path.value))' is not an SVG, PNG or JPEG file; expected a file ending in .svg, .png, .jpg or .jpeg")
                    return
                }
                branding.logo = Logo(path: path, mediaType: type)
            case .accent:
                let start = try peek()
                if isNull(start) {
                    // `accent: #1d4e89` unquoted is a comment, so the value is empty: the likeliest mistake.
                    _ = try next()
                    error(location(start), "'accent' is empty; expected a colour as #rgb or #rrggbb in quotes, such as accent: \"#1d4e89\" (unquoted, # starts a comment in YAML)")
                    return
                }
                guard let text = try locatedString("accent") else { return }
                guard let colour = RGBColour(hex: text.value) else {
                    error(text.location, "invalid value '\(clip(text.value))' for 'accent'; expected a colour as #rgb or #rrggbb, such as \"#1d4e89\"")
                    return
                }
                let contrast = colour.contrast(with: .white)
                if contrast < YAMLReader.accentMinimumContrast {
                    warning(text.location, "accent '\(text.value)' has a contrast of \(YAMLReader.ratioText(contrast)):1 against white; expected at least 4.5:1 (WCAG AA), or the charts drawn in it are hard to see on the white page")
                }
                branding.accent = Located(colour.hex, at: text.location)
            }
        }
        return branding
    }

    /// A contrast ratio to two decimals, cut rather than rounded, so that a ratio below 4.5 never reads "4.50".
    static func ratioText(_ ratio: Double) -> String {
        String(format: "%.2f", (ratio * 100).rounded(.down) / 100)
    }

    /// `headline_kpis`: 3 to 6 KPI ids, each once. Whether each is a KPI of the catalogue is the
    /// validator's check (as for `targets`).
    func decodeHeadlineKPIs() throws -> [Located<String>] {
        let start = location(try peek())
        guard let (ids, entries) = try stringListCountingEntries("headline_kpis") else { return [] }
        var kept: [Located<String>] = []
        for id in ids {
            if let first = kept.first(where: { $0.value == id.value }) {
                error(id.location, "KPI '\(clip(id.value))' appears twice in headline_kpis (first at \(first.location.line):\(first.location.column)); expected each KPI once")
            } else {
                kept.append(id)
            }
        }
        let range = YAMLReader.headlineKPICount
        // The entries written are counted, also one reported above as not an id.
        if !range.contains(entries) {
            error(start, "'headline_kpis' lists \(counted(entries, "KPI")); expected \(range.lowerBound) to \(range.upperBound) KPI ids, the executive summary's tiles")
        }
        return kept
    }
}
