import KeyProjects
import KeyProjectsReports
import StringTables

/// The overview's targets page: each of the year's targets, its actual, met or not, its lead.
enum TargetsExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data, let figures = state.figures else { return nil }
        let s = state.strings
        let headers = [s["targets.col.name"], s["targets.col.target"], s["targets.col.actual"], s["targets.col.met"], s["targets.col.lead"]]
        let rows = figures.targets.map { t in
            [t.name, "≥ " + TargetsReport.percent(t.target), t.actual.map(TargetsReport.percent) ?? "—",
             t.met.map { $0 ? s["targets.met"] : s["targets.notMet"] } ?? "", t.lead]
        }
        let title = s.format("targets.title", ["hq": data.organisation.name, "year": String(data.asOf.year), "asOf": data.asOf.iso])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
