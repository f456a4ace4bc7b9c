// swift-tools-version:6.0
import PackageDescription

/// The libFuzzer target exists only when asked for (`MENTOR_REPORT_FUZZ=1`, see scripts/fuzz): it runs
/// libFuzzer's driver, so it links only with `-sanitize=fuzzer`.
let fuzzing = Context.environment["MENTOR_REPORT_FUZZ"] != nil

let package = Package(
    name: "mentor-report",
    products: [
        .executable(name: "mentor-report", targets: ["MentorReportCLI"]),
        .executable(name: "mentor-report-bench", targets: ["MentorReportBenchmark"]),
        .library(name: "MentorReport", targets: ["MentorReport"]),
    ] + (fuzzing ? [.executable(name: "mentor-report-fuzz", targets: ["MentorReportFuzz"])] : []),
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibXSLT", path: "Sources/CLibXSLT", pkgConfig: "libexslt",
            providers: [.apt(["libxslt1-dev"])]),
        // libxslt's error and security callbacks, which need C (variadic functions).
        .target(
            name: "CXSLTSupport",
            dependencies: ["CLibXSLT"],
            linkerSettings: [.linkedLibrary("z")]),
        // The default templates and the starter programme, built into the program from templates/ and
        // starter/ (see Plugins/EmbedFiles). `Embedded/` holds links to those two folders only so that
        // SwiftPM sees a file added to or removed from them and runs the plugin again.
        .target(
            name: "MentorReport",
            dependencies: [
                "CYAML", "CLibXML2", "CLibXSLT", "CXSLTSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["Embedded"],
            plugins: ["EmbedFiles"]),
        .executableTarget(name: "EmbedFilesGenerator"),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["EmbedFilesGenerator"]),
        .executableTarget(
            name: "MentorReportCLI",
            dependencies: [
                "MentorReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "MentorReportBenchmark",
            dependencies: ["MentorReport", "CYAML"]),
        .testTarget(
            name: "MentorReportTests",
            dependencies: ["MentorReport", "MentorReportCLI"]),
        // The library as an embedding program sees it: a plain `import`, no `@testable`.
        .testTarget(
            name: "MentorReportAPITests",
            dependencies: ["MentorReport"]),
    ] + (fuzzing ? [
        .executableTarget(
            name: "MentorReportFuzz",
            dependencies: ["MentorReport"]),
    ] : [])
)
