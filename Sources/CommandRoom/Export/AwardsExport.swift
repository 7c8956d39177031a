import KeyProjects
import KeyProjectsReports
import StringTables

/// The overview's awards page as one table: the headquarters' awards of the quarter, each
/// sub-command's nominations (proposed, or suggested by the data), then the earlier quarters'
/// awards, as the page lists them top to bottom.
enum AwardsExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data, let figures = state.figures, let report = figures.awards else { return nil }
        let s = state.strings
        let text = AwardText(strings: s)
        let org = data.organisation
        func subcommand(_ code: String) -> String { org.subcommand(code)?.name ?? code }
        let headers = [s["export.col.awardsPart"], s["export.col.quarter"], s["awards.col.kind"], s["export.col.place"],
                       s["col.subcommand"], s["col.code"], s["col.project"], s["awards.col.reason"], s["export.col.note"]]
        func award(_ part: String, _ a: AwardsReport.Award) -> [String] {
            [part, text.quarterTitle(a.quarter), s["award.\(a.kind)"], String(a.place), subcommand(a.subcommand), a.project, a.name,
             a.reason, a.times > 1 ? s.format("awards.times", ["n": String(a.times)]) : ""]
        }
        var rows = report.awards.map { award(s["awards.picks"], $0) }
        let quarter = text.quarterTitle(report.quarter)
        for sc in AwardsRender.subcommands(figures, data) {
            for n in report.nominations where n.subcommand == sc.code {
                rows.append([s["awards.nominations"], quarter, s["award.\(n.kind)"], "", sc.name, n.project, n.name, n.reason,
                             n.proposed ? "" : s["awards.suggested"]])
            }
        }
        rows += report.earlier.map { award(s["awards.earlier"], $0) }
        let title = ExportTitle.join([text.title(report.quarter, hq: org.name), s.format("export.asOf", ["asOf": data.asOf.iso])])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
