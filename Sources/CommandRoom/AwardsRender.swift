import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview's awards page (and a wall panel): the last quarter's 羚羊奖/蜗牛奖 — each
/// sub-command's nominations (proposed, or suggested from the data), the headquarters'
/// awards, and the earlier quarters' awards below.
enum AwardsRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, selectable: Bool = true) {
        guard let (data, figures) = OverviewRender.figures(state, &canvas, body), let report = figures.awards else { return }
        let s = state.strings
        let text = AwardText(strings: s)
        let inner = body.inset(left: 1, right: 1)
        canvas.put(text.title(report.quarter, hq: data.organisation.name), in: inner.row(0), style: state.style("table.section"))
        var y = 1
        // The headquarters' awards first: what the wall is for.
        canvas.put(s["awards.picks"], in: inner.row(y), style: state.style("table.header"))
        y += 1
        if report.awards.isEmpty {
            canvas.put(s["awards.notPicked"], in: inner.row(y), style: state.style("muted"))
            y += 1
        }
        for a in report.awards where y < body.height {
            let style = state.style(a.kind == AwardKind.antelope.rawValue ? "card.blue" : "card.red")
            let glyph = a.kind == AwardKind.antelope.rawValue ? (state.options.ascii ? "+" : "★") : (state.options.ascii ? "-" : "▼")
            var x = inner.x
            x += canvas.put(glyph + " ", x: x, y: body.y + y, style: style)
            canvas.put(text.line(a, subcommand: data.organisation.subcommand(a.subcommand)?.name ?? a.subcommand), x: x, y: body.y + y,
                       limit: inner.x + inner.width - x, style: state.style("text"))
            y += 1
        }
        y += 1
        guard y < body.height else { return }
        canvas.put(s["awards.nominations"] + (report.nominations.contains { !$0.proposed } ? "  " + s["awards.suggestedShort"] : ""),
                   in: inner.row(y), style: state.style("table.header"))
        y += 1
        let subcommands = AwardsRender.subcommands(figures, data)
        let nameWidth = min(inner.width >= 140 ? 40 : 18, max(6, subcommands.map { DisplayWidth.of($0.name) }.max() ?? 6))
        let half = max(10, (inner.width - nameWidth - 3) / 2)
        for (i, sc) in subcommands.enumerated() where y < body.height {
            let selected = selectable && i == state.awardsSelected
            let rowStyle = state.style(selected ? "table.selected" : "text")
            if selected { canvas.fill(inner.row(y), style: rowStyle) }
            if selectable { canvas.hit(inner.row(y), .row(i)) }
            var x = inner.x
            x += canvas.put(DisplayWidth.fit(sc.name, nameWidth) + " ", x: x, y: body.y + y, style: rowStyle)
            for kind in AwardKind.allCases {
                let n = report.nominations.first { $0.subcommand == sc.code && $0.kind == kind.rawValue }
                let cell = n.map { ($0.proposed ? "" : "*") + $0.name } ?? "—"
                let glyph = kind == .antelope ? (state.options.ascii ? "+" : "★") : (state.options.ascii ? "-" : "▼")
                x += canvas.put(glyph, x: x, y: body.y + y, style: selected ? rowStyle : state.style(kind == .antelope ? "card.blue" : "card.red"))
                x += canvas.put(DisplayWidth.fit(cell, half - 2) + " ", x: x, y: body.y + y,
                                style: selected ? rowStyle : state.style(n?.proposed == true ? "text" : "muted"))
            }
            y += 1
        }
        // The selected sub-command's reasons, then the earlier awards.
        if selectable, subcommands.indices.contains(state.awardsSelected), y + 1 < body.height {
            let sc = subcommands[state.awardsSelected]
            for n in report.nominations where n.subcommand == sc.code && y + 1 < body.height {
                y += 1
                canvas.put(s["award.\(n.kind)"] + s.colon + n.name + (n.reason.isEmpty ? "" : " — " + n.reason)
                           + (n.proposed ? "" : " " + s["awards.suggested"]), in: inner.row(y), style: state.style("muted"))
            }
            y += 1
        }
        if !report.earlier.isEmpty, y + 2 < body.height {
            y += 1
            canvas.put(s["awards.earlier"], in: inner.row(y), style: state.style("table.header"))
            for a in report.earlier where y + 1 < body.height {
                y += 1
                canvas.put(text.quarterTitle(a.quarter) + " "
                           + text.line(a, subcommand: data.organisation.subcommand(a.subcommand)?.name ?? a.subcommand),
                           in: inner.row(y), style: state.style("muted"))
            }
        }
    }

    /// The sub-commands with a nomination or projects, in the organisation's order.
    static func subcommands(_ figures: OverviewFigures, _ data: DashboardData) -> [SubCommand] {
        data.organisation.subcommands.filter { sc in data.stats.groups(.subcommand).contains { $0.code == sc.code } }
    }
}
