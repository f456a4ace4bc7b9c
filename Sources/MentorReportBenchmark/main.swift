import Foundation
import MentorReport

/// Benchmarks loading and validation against libyaml's bare event parse of the same files.
///
///     swift run -c release mentor-report-bench [--people N] [--seed S] [--data DIR] [--runs K]
///     swift run -c release mentor-report-bench --import-rows N   (a Qualtrics CSV export of N rows)
///     swift run -c release mentor-report-bench --kpi-share [--runs K]   (KPIs against the one-thread load)
///
/// Without --data it generates a synthetic programme of N people (default 20,000) into a temporary folder.
struct Options {
    var people = 20_000
    var seed: UInt64 = 1
    var data: String?
    var runs = 3
    /// Only load once and compute the report this many times (for profiling the KPI engine).
    var profileKPIs = 0
    /// Only load once and validate this many times (for profiling the validator).
    var profileValidation = 0
    /// Only load this many times on one thread (for profiling the loader).
    var profileLoad = 0
    /// With --profile-load: also validate each load on one thread. `--profile-load 1 --validate` is the
    /// whole single-thread job in a process of its own, to time against `--profile-bare 1`.
    var validate = false
    /// Only run libyaml's bare event loop over the files this many times (the profile to compare with).
    var profileBare = 0
    /// Only time importing a Qualtrics CSV export of this many rows.
    var importRows = 0
    /// Only time the one-thread load against all KPIs with last month and trends, in paired rounds
    /// (issue 16's speed goal: the KPIs under 10% of the load).
    var kpiShare = false

    init(_ arguments: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fail("missing value after \(arguments[i - 1])") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--people": people = Int(value()) ?? people
            case "--seed": seed = UInt64(value()) ?? seed
            case "--data": data = value()
            case "--runs": runs = max(1, Int(value()) ?? runs)
            case "--profile-kpis": profileKPIs = max(1, Int(value()) ?? 1)
            case "--profile-validation": profileValidation = max(1, Int(value()) ?? 1)
            case "--profile-load": profileLoad = max(1, Int(value()) ?? 1)
            case "--validate": validate = true
            case "--profile-bare": profileBare = max(1, Int(value()) ?? 1)
            case "--import-rows": importRows = max(1, Int(value()) ?? 100_000)
            case "--kpi-share": kpiShare = true
            default: fail("unknown option \(arguments[i]); expected --people N, --seed S, --data DIR, --runs K, --import-rows N, --kpi-share")
            }
            i += 1
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("mentor-report-bench: \(message)\n".utf8))
    exit(2)
}

/// glibc's `malloc_trim(0)` (not in Swift's Glibc module): consolidates freed chunks and returns what
/// it can to the system.
func trimHeap() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
}

/// The fastest of `runs` timings of `body`, in seconds. What `body` returns is freed after the clock
/// stops: the tool never frees the programme it loaded (it exits), so tearing it down is not loading.
func measure<T>(_ runs: Int, _ body: () -> T) -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<runs {
        let start = clock.now
        let kept = body()
        let d = withExtendedLifetime(kept) { clock.now - start }
        // Freed (here, after the clock), and the heap trimmed before the next run: each run starts from a
        // heap like a fresh process's, not one full of the last run's freed chunks (glibc would
        // consolidate them inside the next timed run).
        _ = consume kept
        trimHeap()
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    return best
}

func yamlFiles(in folder: String) -> [String] {
    let url = URL(fileURLWithPath: folder)
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted()
        .map { url.appendingPathComponent($0).path }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if options.importRows > 0 {
    importBenchmark(rows: options.importRows, runs: options.runs)
    exit(0)
}
var folder = options.data ?? ""
if options.data == nil {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-report-bench-\(options.people)-\(options.seed)").path
    if !FileManager.default.fileExists(atPath: folder + "/program.yaml") {
        do {
            print(try SyntheticProgramme(people: options.people, seed: options.seed).write(to: folder))
        } catch {
            fail("cannot generate the programme: \(error)")
        }
    }
}

if options.kpiShare {
    // Rounds of a one-thread load then the whole report's KPIs (this month's, last month's and the
    // trend months', as a build computes them), back to back, so that a busy machine slows both alike:
    // the median of the rounds' shares is the figure to compare with the goal.
    let loaded = Loader(folder: folder).load()
    let period = ReportingPeriod.default(for: loaded.data)
    var loads: [Double] = [], kpis: [Double] = [], shares: [Double] = []
    var count = 0
    for _ in 0..<options.runs {
        let l = measure(1) { Loader(folder: folder, concurrent: false).load() }
        let k = measure(1) { () -> Report in
            let report = Report(data: loaded.data, period: period, audience: .admin)
            count = report.kpis.count
            return report
        }
        loads.append(l)
        kpis.append(k)
        shares.append(k / l)
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    print(String(format: "load (1 thread): least %.3f s, median %.3f s", loads.min()!, median(loads)))
    print(String(format: "%d KPIs for %@ with previous month and trends: least %.3f s, median %.3f s",
                 count, period.month.description, kpis.min()!, median(kpis)))
    print(String(format: "KPIs / load, paired rounds: median %.1f%% (%d rounds, %.1f%% to %.1f%%)",
                 100 * median(shares), shares.count, 100 * shares.min()!, 100 * shares.max()!))
    exit(0)
}

if options.profileBare > 0 {
    var events = 0
    for _ in 0..<options.profileBare {
        for path in yamlFiles(in: folder) {
            events += FileManager.default.contents(atPath: path).flatMap { countYAMLEvents([UInt8]($0)) } ?? 0
        }
    }
    print("parsed \(events) events")
    exit(0)
}

if options.profileLoad > 0 {
    var records = 0
    // Kept, as the tool keeps what it loaded until it exits: no teardown in the profile.
    var kept: [LoadResult] = []
    for _ in 0..<options.profileLoad {
        kept.append(Loader(folder: folder, concurrent: false).load())
        records += kept.last!.data.recordCount
        if options.validate && validate(kept.last!, concurrent: false).hasErrors { fail("the data has errors") }
    }
    print("loaded \(records) records")
    exit(0)
}

if options.profileValidation > 0 {
    let loaded = Loader(folder: folder).load()
    var errors = 0
    for _ in 0..<options.profileValidation { errors += validate(loaded, concurrent: false).errors.count }
    print("validated, \(errors) errors")
    exit(0)
}

if options.profileKPIs > 0 {
    let loaded = Loader(folder: folder).load()
    let period = ReportingPeriod.default(for: loaded.data)
    var kpis = 0
    for _ in 0..<options.profileKPIs { kpis += Report(data: loaded.data, period: period, audience: .admin).kpis.count }
    print("computed \(kpis) KPIs")
    exit(0)
}

let files = yamlFiles(in: folder)
let totalBytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
let megabytes = Double(totalBytes) / Double(bytesPerMegabyte)

// The floor: read every file and run libyaml's event loop over it, nothing else, one thread.
var events = 0
let bare = measure(options.runs) {
    events = 0
    for path in files {
        guard let data = FileManager.default.contents(atPath: path), let n = countYAMLEvents([UInt8](data)) else {
            fail("libyaml cannot parse \(path)")
        }
        events += n
    }
}

// The loader's event layer alone (positions, alias expansion, depth limit), no record decoding.
let readerOnly = measure(options.runs) {
    for path in files {
        guard let data = FileManager.default.contents(atPath: path), countReaderEvents([UInt8](data)) != nil else {
            fail("the reader cannot read \(path)")
        }
    }
}

var records = 0
var errors = 0
let single = measure(options.runs) {
    let loaded = Loader(folder: folder, concurrent: false).load()
    records = loaded.data.recordCount
    let diagnostics = validate(loaded, concurrent: false)
    errors = diagnostics.errors.count
    return (loaded, diagnostics)
}
let parallel = measure(options.runs) {
    let loaded = Loader(folder: folder, concurrent: true).load()
    return (loaded, validate(loaded))
}
let loadOnly = measure(options.runs) {
    Loader(folder: folder, concurrent: false).load()
}

// Paired rounds: bare parse and load + validate back to back, so that a busy or throttled machine
// slows both alike; the median of the rounds' ratios is the number to compare with the goal.
var ratios: [Double] = []
for _ in 0..<max(options.runs, 5) {
    let b = measure(1) {
        for path in files { _ = FileManager.default.contents(atPath: path).flatMap { countYAMLEvents([UInt8]($0)) } }
    }
    let l = measure(1) {
        let loaded = Loader(folder: folder, concurrent: false).load()
        return (loaded, validate(loaded, concurrent: false))
    }
    ratios.append(l / b)
}
ratios.sort()

// Validation alone (cross-references and policy findings) on loaded data.
let loadedOnce = Loader(folder: folder).load()
let validateTime = measure(options.runs) { _ = validate(loadedOnce, concurrent: false) }
print(String(format: "validation alone: %.3f s", validateTime))

// The KPI engine: every KPI for the default month, last month's values and the 12-month trends.
let loaded = Loader(folder: folder).load()
let period = ReportingPeriod.default(for: loaded.data)
var kpiCount = 0
let kpiTime = measure(options.runs) {
    let report = Report(data: loaded.data, period: period, audience: .admin)
    kpiCount = report.kpis.count
}
var exportBytes = 0
let exportTime = measure(options.runs) {
    let report = Report(data: loaded.data, period: period, audience: .admin)
    let writer = ReportWriter(outputFolder: "unused", templatesFolder: "templates")
    exportBytes = ((try? writer.render(report)) ?? []).reduce(0) { $0 + $1.bytes.count }
}

@MainActor func row(_ name: String, _ seconds: Double) -> String {
    let padded = name.padding(toLength: 44, withPad: " ", startingAt: 0)
    return padded + String(format: "%8.3f s %9.1f MB/s %12.0f records/s %6.2f× bare", seconds, megabytes / seconds,
                           Double(records) / seconds, seconds / bare)
}
print("data: \(folder): \(files.count) files, \(String(format: "%.1f", megabytes)) MB, \(records) records, \(events) libyaml events, \(errors) errors")
print("best of \(options.runs) runs on \(ProcessInfo.processInfo.activeProcessorCount) cores")
print(row("libyaml bare event parse (1 thread)", bare))
print(row("event layer only, no decoding (1 thread)", readerOnly))
print(row("load (1 thread)", loadOnly))
print(row("load + validate (1 thread)", single))
print(row("load + validate (all cores)", parallel))
print(String(format: "load + validate (1 thread) / bare, paired rounds: median %.2f× (%d rounds, %.2f× to %.2f×)",
             ratios[ratios.count / 2], ratios.count, ratios.first!, ratios.last!))
print(String(format: "KPIs: %d KPIs for %@ with previous month and trends in %.3f s = %.1f%% of the 1-thread load",
             kpiCount, period.month.description, kpiTime, 100 * kpiTime / loadOnly))
print(String(format: "KPIs + report.xml (admin, XSD-validated) + kpis.csv + HTML pages: %.3f s, %.1f MB", exportTime, Double(exportBytes) / Double(bytesPerMegabyte)))

// Rendering alone: all pages of the admin site from the serialised report.xml, stylesheets compiled once, both cores.
let adminReport = Report(data: loaded.data, period: period, audience: .admin)
var pageCount = 0
let renderTime = measure(options.runs) {
    pageCount = (try? renderSite(adminReport, templates: "templates")) ?? 0
}
print(String(format: "HTML: %d admin pages rendered in %.3f s", pageCount, renderTime))
