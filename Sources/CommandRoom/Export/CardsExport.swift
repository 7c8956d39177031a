import KeyProjects
import KeyProjectsReports
import StringTables

/// The overview's first page: each group's card mix, by sub-command or locality as grouped.
enum CardsExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data else { return nil }
        let s = state.strings
        let grouping = state.options.grouping
        let headers = [s[grouping == .subcommand ? "col.subcommand" : "col.locality"]]
            + CardColour.allCases.map { s.word("card", $0) } + [s["col.total"]]
        let rows = data.stats.groups(grouping).map { g in
            [g.name] + CardColour.allCases.map { String(g.counts[$0]) } + [String(g.counts.total)]
        }
        let month = CardText(strings: s, rules: data.config.rules.cards).monthTitle(data.board.month)
        let title = ExportTitle.join([
            s.format("export.title.cards", ["hq": data.organisation.name, "month": month, "asOf": data.asOf.iso]),
            s[grouping == .subcommand ? "board.bySubcommand" : "board.byLocality"],
        ])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
