import KeyProjects
import KeyProjectsReports
import StringTables

/// The overview's ranking page: the localities in rank order, with the four measures the score
/// is the average of (the page shows the score alone, as a bar).
enum RankingExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data, let figures = state.figures else { return nil }
        let s = state.strings
        let org = data.organisation
        let headers = [s["ranking.col.rank"], s["ranking.col.change"], s["col.locality"], s["ranking.col.projects"],
                       s["ranking.col.start"], s["ranking.col.completion"], s["ranking.col.cards"], s["ranking.col.cleared"],
                       s["ranking.col.score"], s["ranking.col.low"]]
        let rows = figures.rows.map { r -> [String] in
            // The page's `=` for no change is a formula to Excel: 0 instead.
            let change = r.change.map { $0 > 0 ? "↑\($0)" : $0 < 0 ? "↓\(-$0)" : "0" } ?? "—"
            return [String(r.rank), change, org.locality(r.group)?.name ?? r.group, String(r.projects), CardText.percent(r.startRate),
                    CardText.percent(r.completion), CardText.percent(r.cardScore), CardText.percent(r.clearedOnTime),
                    CardText.percent(r.score), r.flagged ? s.format("ranking.flagged", ["n": String(r.monthsLow)]) : ""]
        }
        let month = CardText(strings: s, rules: data.config.rules.cards).monthTitle(figures.month)
        let title = ExportTitle.join([
            s.format("ranking.title", ["hq": org.name, "month": month, "by": s["ranking.byLocality"]]),
            s.format("export.asOf", ["asOf": data.asOf.iso]),
        ])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
