import KeyProjects
import KeyProjectsReports
import StringTables

/// The overview's investment page: each locality (or sub-command, `g` on the page) in the
/// page's order, furthest ahead first, with the amounts, the card mix and the months of the
/// year the page draws as bars and a sparkline.
enum InvestmentExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data, let figures = state.figures else { return nil }
        let s = state.strings
        let words = CardText(strings: s, rules: data.config.rules.cards)
        let grouping: BoardGrouping = state.investmentBySubcommand ? .subcommand : .locality
        // The order the page draws them in.
        let groups = figures.investment(grouping).sorted { ($0.ratio ?? -1, $1.code) > ($1.ratio ?? -1, $0.code) }
        let months = (1...figures.month.month).compactMap { YearMonth(year: figures.month.year, month: $0) }
        let headers = [s[grouping == .subcommand ? "col.subcommand" : "col.locality"], s["bulletin.col.ratio"], s["bulletin.col.done"],
                       s["bulletin.col.plan"]] + CardColour.allCases.map { s.word("card", $0) } + months.map(words.monthTitle)
        let rows = groups.map { g -> [String] in
            [g.name, CardText.percent(g.ratio), g.completed.wanRoundedText, g.planned.wanRoundedText]
                + CardColour.allCases.map { String(g.counts[$0]) }
                + months.indices.map { $0 < g.trend.count ? CardText.percent(g.trend[$0]) : "—" }
        }
        let title = ExportTitle.join([
            data.organisation.name,
            s.format(grouping == .locality ? "overview.investment.byLocality" : "overview.investment.bySubcommand",
                     ["month": words.monthTitle(figures.month)]),
            s.format("export.asOf", ["asOf": data.asOf.iso]),
        ])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
