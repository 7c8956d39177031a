import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview's page of lower stores: one row each, the selected one highlighted.
enum LevelsRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let (_, figures) = OverviewRender.figures(state, &canvas, body) else { return }
        let s = state.strings
        let inner = body.inset(left: 1)
        canvas.put(s["overview.levels"], in: inner.row(0), style: state.style("table.section"))
        let nameWidth = min(30, max(8, figures.levels.map { DisplayWidth.of($0.name) }.max() ?? 8))
        var y = 2
        for (i, r) in figures.levels.enumerated() where y < body.height {
            let selected = i == state.levelsSelected
            let style = state.style(selected ? "table.selected" : "text")
            if selected { canvas.fill(inner.row(y), style: style) }
            canvas.hit(inner.row(y), .row(i))
            var x = inner.x
            x += canvas.put(DisplayWidth.fit(r.name, nameWidth) + "  ", x: x, y: body.y + y, style: style)
            let cards = CardColour.allCases.map { "\(CardGlyphs.glyph($0, ascii: state.options.ascii))\(r.counts[$0])" }.joined(separator: " ")
            x += canvas.put(cards + "  ", x: x, y: body.y + y, style: style)
            let plan = s.format("overview.levels.plan", ["percent": r.percentOfPlan.map { "\($0)%" } ?? "—"])
            x += canvas.put(plan + "  ", x: x, y: body.y + y, style: style)
            canvas.put(s.format("overview.levels.issues", ["overdue": String(r.overdueIssues), "open": String(r.openIssues)]),
                       x: x, y: body.y + y, limit: max(0, inner.x + inner.width - x), style: state.style(r.overdueIssues > 0 && !selected ? "alert" : selected ? "table.selected" : "text"))
            y += 1
        }
    }
}
