import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview's investment page (and a wall panel): each locality's (or, with `g` on the
/// page, each sub-command's) investment against 序时 plan as a horizontal bar with the 100 % mark, its
/// card mix as a stacked bar, and its completion month by month this year as a sparkline.
enum InvestmentRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let (data, figures) = OverviewRender.figures(state, &canvas, body) else { return }
        let s = state.strings
        let ascii = state.options.ascii
        let inner = body.inset(left: 1, right: 1)
        let grouping: BoardGrouping = state.investmentBySubcommand ? .subcommand : .locality
        let groups = figures.investment(grouping).sorted { ($0.ratio ?? -1, $1.code) > ($1.ratio ?? -1, $0.code) }
        let month = CardText(strings: s, rules: data.config.rules.cards).monthTitle(figures.month)
        canvas.put(s.format(grouping == .locality ? "overview.investment.byLocality" : "overview.investment.bySubcommand",
                            ["month": month]) + "  " + OverviewRender.legend(state),
                   in: inner.row(0), style: state.style("table.section"))
        // Columns: name, bar, percent (and amounts when wide), card mix, this year's trend.
        let wide = inner.width >= 110
        let nameWidth = min(wide ? 24 : 12, max(4, groups.map { DisplayWidth.of($0.name) }.max() ?? 4))
        let sparkWidth = figures.trend.count
        let mixWidth = wide ? 16 : 10
        let amountWidth = wide ? 22 : 0
        let barWidth = max(8, inner.width - nameWidth - 5 - amountWidth - mixWidth - sparkWidth - 5)
        // The bar's scale: 100 % at most two thirds of the way when some are well ahead.
        let top = min(1.5, max(1.0, groups.compactMap(\.ratio).max() ?? 1))
        let mark = Int((1 / top * Double(barWidth)).rounded())
        var header = DisplayWidth.fit("", nameWidth + 1) + DisplayWidth.fit(s["overview.investment.bar"], barWidth + 6)
        if wide { header += " " + DisplayWidth.fit(s["overview.investment.amounts"], amountWidth, alignRight: true) }
        header += " " + DisplayWidth.fit(s["overview.investment.mix"], mixWidth) + " " + s["overview.investment.trend"]
        canvas.put(header, in: inner.row(1), style: state.style("table.header"))
        var y = 2
        for g in groups where y < body.height {
            var x = inner.x
            let row = body.y + y
            x += canvas.put(DisplayWidth.fit(g.name, nameWidth) + " ", x: x, y: row, style: state.style("text"))
            let fraction = (g.ratio ?? 0) / top
            let behind = (g.ratio ?? 1) < 1
            var bar = Array(Widgets.bar(min(1, fraction), width: barWidth, ascii: ascii))
            // The 100 % mark where the bar does not reach it.
            if mark < barWidth, fraction * Double(barWidth) < Double(mark) { bar[mark] = ascii ? "|" : "┊" }
            x += canvas.put(String(bar), x: x, y: row, style: state.style(behind ? "card.yellow" : "card.blue"))
            x += canvas.put(" " + DisplayWidth.fit(CardText.percent(g.ratio), 5, alignRight: true), x: x, y: row,
                            style: state.style(behind ? "alert" : "text"))
            if wide {
                x += canvas.put(" " + DisplayWidth.fit("\(g.completed.wanRoundedText)/\(g.planned.wanRoundedText)", amountWidth, alignRight: true),
                                x: x, y: row, style: state.style("muted"))
            }
            x += 1
            let lengths = Widgets.segments(CardColour.allCases.map { g.counts[$0] }, width: mixWidth)
            var used = 0
            for (colour, width) in zip(CardColour.allCases, lengths) where used < mixWidth {
                let w = min(width, mixWidth - used)
                x += canvas.put(String(repeating: OverviewRender.fill(colour, state), count: w), x: x, y: row, style: state.style("card.\(colour.rawValue)"))
                used += w
            }
            x += mixWidth - used + 1
            canvas.put(Widgets.sparkline(g.trend, ascii: ascii), x: x, y: row, style: state.style("muted"))
            y += 1
        }
        if groups.isEmpty { canvas.put(s["none"], in: inner.row(3), style: state.style("muted")) }
    }
}
