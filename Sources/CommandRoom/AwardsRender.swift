import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview's awards page (and a wall panel): the last quarter's 羚羊奖/蜗牛奖 — each
/// sub-command's nominations (proposed, or suggested from the data), the headquarters'
/// awards, and the earlier quarters' awards below.
enum AwardsRender {
    /// `columns`: the nominations scrolled sideways, when the page may scroll them (nil on
    /// the wall: each name is cut to half the room).
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, selectable: Bool = true, columns: ColumnScroll? = nil) {
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
        let layout = nominationLayout(state, report, subcommands, width: inner.width, columns: columns)
        for (i, sc) in subcommands.enumerated() where y < body.height {
            let selected = selectable && i == state.awardsSelected
            let rowStyle = state.style(selected ? "table.selected" : "text")
            if selected { canvas.fill(inner.row(y), style: rowStyle) }
            if selectable { canvas.hit(inner.row(y), .row(i)) }
            for place in layout.placed {
                let x = inner.x + place.x
                guard place.index > 0 else {
                    canvas.put(DisplayWidth.fit(sc.name, place.width), x: x, y: body.y + y, style: rowStyle)
                    continue
                }
                let kind = AwardKind.allCases[place.index - 1]
                let n = report.nominations.first { $0.subcommand == sc.code && $0.kind == kind.rawValue }
                let cell = n.map { ($0.proposed ? "" : "*") + $0.name } ?? "—"
                let glyph = kind == .antelope ? (state.options.ascii ? "+" : "★") : (state.options.ascii ? "-" : "▼")
                canvas.put(glyph, x: x, y: body.y + y, limit: place.width, style: selected ? rowStyle : state.style(kind == .antelope ? "card.blue" : "card.red"))
                canvas.put(cell, in: Rect(x: x + 1, y: body.y + y, width: max(0, place.width - 1), height: 1),
                           style: selected ? rowStyle : state.style(n?.proposed == true ? "text" : "muted"))
            }
            canvas.putScrollMarks(layout, ScrollMarks.of(ascii: state.options.ascii), x: inner.x, y: body.y + y,
                                  style: selected ? rowStyle : state.style("muted"))
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

    /// The nominations' columns: the sub-command, then each award's glyph and nominee. Each
    /// award takes half of what the name leaves; on a page that scrolls sideways, an award
    /// whose longest nominee is wider takes that width, and the table scrolls, the names kept.
    static func nominationLayout(_ state: AppState, _ report: AwardsReport, _ subcommands: [SubCommand], width: Int,
                                 columns: ColumnScroll?) -> ColumnLayout {
        let nameWidth = min(width >= 140 ? 40 : 18, max(6, subcommands.map { DisplayWidth.of($0.name) }.max() ?? 6))
        let half = max(10, (width - nameWidth - 3) / 2)
        let awards = AwardKind.allCases.map { kind -> Int in
            guard columns != nil else { return half - 1 }
            let names = report.nominations.filter { $0.kind == kind.rawValue }.map { DisplayWidth.of(($0.proposed ? "" : "*") + $0.name) }
            return max(half - 1, 1 + (names.max() ?? 1))
        }
        guard let columns else { return ColumnLayout(fitting: [nameWidth] + awards, gap: 1, total: width) }
        return ColumnLayout(widths: [nameWidth] + awards, gap: 1, total: width, frozen: 1, offset: columns.offset)
    }

    /// How far the awards page's nominations scroll sideways.
    static func maxColumnOffset(_ state: AppState) -> Int {
        guard let data = state.data, let figures = state.figures, let report = figures.awards else { return 0 }
        return nominationLayout(state, report, subcommands(figures, data), width: Layout.body(state).inset(left: 1, right: 1).width,
                                columns: ColumnScroll()).maxOffset
    }

    /// The sub-commands with a nomination or projects, in the organisation's order.
    static func subcommands(_ figures: OverviewFigures, _ data: DashboardData) -> [SubCommand] {
        data.organisation.subcommands.filter { sc in data.stats.groups(.subcommand).contains { $0.code == sc.code } }
    }
}
