import Foundation

/// `kpis.csv`: `id,value,unit,n,previous,status,label,target,on_target`, one row per KPI in catalogue
/// order, RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break), UTF-8
/// with a byte-order mark. `value` is empty when suppressed or no data; `status` says which. `label` is
/// the KPI's name as the pages show it; `target` the programme's target, if set; `on_target` true or
/// false when there is a target and a value, else empty (a ceiling for lower-is-better KPIs).
struct KPICSV {
    let report: Report

    static let header = "id,value,unit,n,previous,status,label,target,on_target"

    func text() -> String {
        var out = CSVCell.byteOrderMark + KPICSV.header + "\r\n"
        let catalog = KPICatalog(data: report.data)
        for k in report.kpis {
            let fields = [
                CSVCell.text(k.id),
                CSVCell.number(k.current.value.map(formatNumber) ?? ""),
                CSVCell.text(k.current.unit.rawValue),
                CSVCell.number(k.current.n.map(String.init) ?? ""),
                CSVCell.number(k.previous.map(formatNumber) ?? ""),
                CSVCell.text(k.current.status.rawValue),
                CSVCell.text(catalog.entry(k.id)?.label ?? k.id),
                CSVCell.number(k.target.map(formatNumber) ?? ""),
                CSVCell.text(k.onTarget.map { $0 ? "true" : "false" } ?? ""),
            ]
            out += fields.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quoted(_ field: String) -> String { CSVCell.quoted(field) }
}
