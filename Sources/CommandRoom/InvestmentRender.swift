import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview's investment page (and a wall panel): each locality's (or, with `g` on the
/// page, each sub-command's) investment against 序时 plan as a horizontal bar with the 100 % mark, its
/// card mix as a stacked bar, and its completion month by month this year as a sparkline.
enum InvestmentRender {
    enum Column { case name, bar, amounts, mix, trend }

    /// The columns and their widths. From 110 columns, the amounts beside the bar; narrower,
    /// the amounts come last, reached by scrolling sideways (`columns`; on the wall, which
    /// does not scroll, they are left out).
    static func columns(_ state: AppState, _ figures: OverviewFigures, width: Int, scrolls: Bool) -> [(Column, Int)] {
        let groups = figures.investment(state.investmentBySubcommand ? .subcommand : .locality)
        let wide = width >= 110
        let nameWidth = min(wide ? 24 : 12, max(4, groups.map { DisplayWidth.of($0.name) }.max() ?? 4))
        let mixWidth = wide ? 16 : 10
        let amountWidth = 22
        let barWidth = max(8, width - nameWidth - 5 - (wide ? amountWidth : 0) - mixWidth - figures.trend.count - 5)
        // The bar and its percentage are one column: the percentage reads the bar.
        let bar = (Column.bar, barWidth + 6)
        if wide { return [(.name, nameWidth), bar, (.amounts, amountWidth), (.mix, mixWidth), (.trend, figures.trend.count)] }
        return [(.name, nameWidth), bar, (.mix, mixWidth), (.trend, figures.trend.count)] + (scrolls ? [(.amounts, amountWidth)] : [])
    }

    static func layout(_ state: AppState, _ figures: OverviewFigures, width: Int, columns: ColumnScroll?) -> ColumnLayout {
        let widths = self.columns(state, figures, width: width, scrolls: columns != nil).map(\.1)
        guard let columns else { return ColumnLayout(fitting: widths, gap: 1, total: width) }
        return ColumnLayout(widths: widths, gap: 1, total: width, frozen: 1, offset: columns.offset)
    }

    /// How far the page scrolls sideways.
    static func maxColumnOffset(_ state: AppState) -> Int {
        guard let figures = state.figures else { return 0 }
        return layout(state, figures, width: Layout.body(state).inset(left: 1, right: 1).width, columns: ColumnScroll()).maxOffset
    }

    /// `columns`: the page's sideways scroll (nil on the wall).
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, columns scroll: ColumnScroll? = nil) {
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
        let columns = self.columns(state, figures, width: inner.width, scrolls: scroll != nil)
        let layout = self.layout(state, figures, width: inner.width, columns: scroll)
        let barWidth = columns.first { $0.0 == .bar }!.1 - 6
        // The bar's scale: 100 % at most two thirds of the way when some are well ahead.
        let top = min(1.5, max(1.0, groups.compactMap(\.ratio).max() ?? 1))
        let mark = Int((1 / top * Double(barWidth)).rounded())
        for place in layout.placed {
            let title: String
            switch columns[place.index].0 {
            case .name: title = ""
            case .bar: title = s["overview.investment.bar"]
            case .amounts: title = DisplayWidth.fit(s["overview.investment.amounts"], place.width, alignRight: true)
            case .mix: title = s["overview.investment.mix"]
            case .trend: title = s["overview.investment.trend"]
            }
            canvas.put(title, in: Rect(x: inner.x + place.x, y: inner.y + 1, width: place.width, height: 1), style: state.style("table.header"))
        }
        canvas.putScrollMarks(layout, ScrollMarks.of(ascii: ascii), x: inner.x, y: inner.y + 1, style: state.style("table.header"))
        var y = 2
        for g in groups where y < body.height {
            let row = body.y + y
            for place in layout.placed {
                let x = inner.x + place.x
                switch columns[place.index].0 {
                case .name:
                    canvas.put(DisplayWidth.fit(g.name, place.width), x: x, y: row, style: state.style("text"))
                case .bar:
                    let fraction = (g.ratio ?? 0) / top
                    let behind = (g.ratio ?? 1) < 1
                    var bar = Array(Widgets.bar(min(1, fraction), width: barWidth, ascii: ascii))
                    // The 100 % mark where the bar does not reach it.
                    if mark < barWidth, fraction * Double(barWidth) < Double(mark) { bar[mark] = ascii ? "|" : "┊" }
                    let used = canvas.put(String(bar), x: x, y: row, limit: place.width, style: state.style(behind ? "card.yellow" : "card.blue"))
                    canvas.put(" " + DisplayWidth.fit(CardText.percent(g.ratio), 5, alignRight: true), x: x + used, y: row,
                               limit: place.width - used, style: state.style(behind ? "alert" : "text"))
                case .amounts:
                    canvas.put(DisplayWidth.fit("\(g.completed.wanRoundedText)/\(g.planned.wanRoundedText)", place.width, alignRight: true),
                               x: x, y: row, style: state.style("muted"))
                case .mix:
                    let lengths = Widgets.segments(CardColour.allCases.map { g.counts[$0] }, width: columns[place.index].1)
                    var used = 0
                    for (colour, width) in zip(CardColour.allCases, lengths) where used < place.width {
                        let w = min(width, place.width - used)
                        used += canvas.put(String(repeating: OverviewRender.fill(colour, state), count: w), x: x + used, y: row,
                                           style: state.style("card.\(colour.rawValue)"))
                    }
                case .trend:
                    canvas.put(Widgets.sparkline(g.trend, ascii: ascii), x: x, y: row, limit: place.width, style: state.style("muted"))
                }
            }
            y += 1
        }
        if groups.isEmpty { canvas.put(s["none"], in: inner.row(3), style: state.style("muted")) }
    }
}
