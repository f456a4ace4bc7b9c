import Foundation

/// `kpis.csv`: `id,value,unit,n,previous,status`, one row per KPI, RFC 4180 (CRLF line ends, fields
/// quoted when they hold a comma, quote or line break). `value` is empty when suppressed or no data;
/// `status` says which.
struct KPICSV {
    let report: Report

    func text() -> String {
        var out = "id,value,unit,n,previous,status\r\n"
        for k in report.kpis {
            let fields = [
                k.id,
                k.current.value.map(formatNumber) ?? "",
                k.current.unit.rawValue,
                k.current.n.map(String.init) ?? "",
                k.previous.map(formatNumber) ?? "",
                k.current.status.rawValue,
            ]
            out += fields.map(KPICSV.quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
