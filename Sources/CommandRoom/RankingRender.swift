import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview's second page (`b`): the month's ranking of the localities with each score as a
/// bar and its change, the flagged ones marked, and the headquarters' investment against plan
/// month by month as a sparkline — the bulletin's figures where people would rather look.
enum RankingRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let (data, ranking) = OverviewRender.figures(state, &canvas, body) else { return }
        let s = state.strings
        let inner = body.inset(left: 1)
        let month = CardText(strings: s, rules: data.config.rules.cards).monthTitle(ranking.month)
        canvas.put(s.format("overview.ranking", ["month": month, "bottom": String(data.config.ranking.bottom),
                                                 "months": String(data.config.ranking.months)]),
                   in: inner.row(0), style: state.style("table.section"))
        // The trend: investment completed against 序时 plan, month by month this year.
        let trend = ranking.trend.map { Optional($0) }
        canvas.put(s["overview.trend"] + " " + Widgets.sparkline(trend, ascii: state.options.ascii) + " "
                   + (ranking.trend.last.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"),
                   in: inner.row(1), style: state.style("text"))
        let nameWidth = min(16, max(6, ranking.rows.map { DisplayWidth.of(name($0.group, data)) }.max() ?? 6))
        let barWidth = max(10, body.width - nameWidth - 30)
        var y = 3
        for row in ranking.rows where y < body.height {
            let change = row.change.map { $0 > 0 ? "↑\($0)" : $0 < 0 ? "↓\(-$0)" : "=" } ?? "—"
            var x = inner.x
            x += canvas.put(DisplayWidth.fit(String(row.rank), 3, alignRight: true) + " " + DisplayWidth.fit(change, 4) + " ",
                            x: x, y: body.y + y, style: state.style("muted"))
            x += canvas.put(DisplayWidth.fit(name(row.group, data), nameWidth) + " ", x: x, y: body.y + y,
                            style: state.style(row.flagged ? "alert" : "text"))
            x += canvas.put(Widgets.bar(row.score, width: barWidth, ascii: state.options.ascii), x: x, y: body.y + y,
                            style: state.style(row.flagged ? "card.red" : "bar"))
            canvas.put(" \(Int((row.score * 100).rounded()))%" + (row.flagged ? " " + s.format("ranking.flagged", ["n": String(row.monthsLow)]) : ""),
                       x: x, y: body.y + y, style: state.style(row.flagged ? "alert" : "muted"))
            y += 1
        }
    }

    static func name(_ code: String, _ data: DashboardData) -> String { data.organisation.locality(code)?.name ?? code }

    /// The year's targets: each actual as a bar against its target, met ones marked.
    static func targets(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let (data, page) = OverviewRender.figures(state, &canvas, body) else { return }
        let s = state.strings
        let inner = body.inset(left: 1)
        canvas.put(s.format("targets.title", ["hq": data.organisation.name, "year": String(data.asOf.year), "asOf": data.asOf.iso]),
                   in: inner.row(0), style: state.style("table.section"))
        if page.targets.isEmpty {
            canvas.put(s["targets.none"], in: inner.row(2), style: state.style("muted"))
            return
        }
        let nameWidth = min(30, max(8, page.targets.map { DisplayWidth.of($0.name) }.max() ?? 8))
        let barWidth = max(10, body.width - nameWidth - 34)
        var y = 2
        for t in page.targets where y < body.height {
            var x = inner.x
            x += canvas.put(DisplayWidth.fit(t.name, nameWidth) + " ", x: x, y: body.y + y, style: state.style("text"))
            // The bar is the actual against the target (full when it is reached).
            let fraction = t.actual.map { t.target > 0 ? min(1, $0 / t.target) : 1 } ?? 0
            x += canvas.put(Widgets.bar(fraction, width: barWidth, ascii: state.options.ascii), x: x, y: body.y + y,
                            style: state.style(t.met == true ? "card.blue" : t.met == false ? "card.yellow" : "muted"))
            let actual = t.actual.map(TargetsReport.percent) ?? "—"
            let verdict = t.met.map { $0 ? s["targets.met"] : s["targets.notMet"] } ?? ""
            canvas.put(" \(actual) / ≥ \(TargetsReport.percent(t.target))  \(verdict)", x: x, y: body.y + y, style: state.style("muted"))
            y += 1
            if !t.lead.isEmpty, y < body.height {
                canvas.put("  " + s.format("targets.leadLine", ["lead": t.lead]), in: inner.row(y), style: state.style("muted"))
                y += 1
            }
        }
    }
}
