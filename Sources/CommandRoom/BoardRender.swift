import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The three-colour board: totals, then projects by group with card, completion against
/// 序时进度, reminders n/2, stall step and the last twelve months' cards.
enum BoardRender {
    /// The table (its column titles, then its rows) under the totals line.
    static func tableArea(_ body: Rect) -> Rect { body.inset(top: 2) }

    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let data = state.data else { return }
        let s = state.strings
        let words = CardText(strings: s, rules: data.config.rules.cards)
        // Totals.
        var x = body.x + 1
        for colour in CardColour.allCases {
            let cell = Render.card(colour, state)
            x += canvas.put(cell.text, x: x, y: body.y, style: cell.style ?? .plain)
            x += canvas.put(" \(data.board.totals[colour])   ", x: x, y: body.y, style: state.style("text"))
        }
        let summary = s.format("board.summary", ["n": String(data.board.totals.total),
                                                  "group": s[state.options.grouping == .subcommand ? "board.bySubcommand" : "board.byLocality"]])
        canvas.put(summary, x: x, y: body.y, limit: body.maxX - x, style: state.style("muted"))

        // From 100 columns the level, from 140 the card's reason.
        let withLevel = body.width >= 100
        let wide = body.width >= 140
        let org = data.organisation
        let other = state.options.grouping == .subcommand ? "col.locality" : "col.subcommand"
        // The place column takes its longest name when there is room (from 120 columns, up to
        // 34: the longest sub-command names), else at least 8.
        let places = state.options.grouping == .subcommand ? org.localities.map(\.name) : org.subcommands.map(\.name)
        let longest = places.map { DisplayWidth.of($0) }.max() ?? 8
        let placeWidth = body.width >= 120 ? min(longest, 34) : min(longest, 8)
        // Columns as wide as their words in this language need; the sorted one has room for
        // its arrow.
        func arrow(_ sort: BoardSort) -> Int { state.board.sort == sort ? 1 : 0 }
        func fit(_ key: String, _ least: Int, _ sort: BoardSort? = nil) -> ColumnWidth {
            .fixed(max(least, DisplayWidth.of(s[key]) + (sort.map(arrow) ?? 0)))
        }
        // One more column for the early-warning mark (预警: `!` when next month's card at the
        // project's pace is worse).
        let cardWidth = (CardColour.allCases.map { DisplayWidth.of(Render.card($0, state).text) }.max() ?? 6) + 1
        var columns = [TableColumn(s["col.card"], .fixed(max(cardWidth, DisplayWidth.of(s["col.card"]) + arrow(.card)))),
                       TableColumn(s["col.name"], .flex(min: 14, weight: 3)), TableColumn(s[other], .flex(min: placeWidth, weight: 1))]
        if withLevel { columns.append(TableColumn(s["col.level"], .fixed(max(DisplayWidth.of(s["col.level"]) + arrow(.level), ProjectLevel.allCases.map { DisplayWidth.of(s.word("level", $0)) }.max() ?? 4)))) }
        columns += [TableColumn(s["col.schedule"], fit("col.schedule", 5, .schedule), align: .right),
                    TableColumn(s["col.reminders"], fit("col.reminders", 4, .reminders), align: .right),
                    TableColumn(s["col.stall"], fit("col.stall", 3, .stall), align: .right), TableColumn(s["col.strip"], fit("col.strip", 12))]
        if wide { columns.append(TableColumn(s["col.reason"], .flex(min: 20, weight: 4))) }

        let table = tableArea(body)
        let visible = RowBuilding.boardOffset(selected: state.board.selected, offset: state.board.offset, height: table.height - 1,
                                              rows: state.board.rows)
        var rows: [TableRow] = []
        let end = min(state.board.rows.count, visible + table.height)
        for ref in state.board.rows[visible..<end] {
            switch ref {
            case let .heading(_, name, counts):
                let mix = CardColour.allCases.map { "\(CardGlyphs.glyph($0, ascii: state.options.ascii))\(counts[$0])" }.joined(separator: " ")
                rows.append(TableRow(section: (state.options.ascii ? "> " : "▌") + name + "  " + mix))
            case let .project(i):
                let st = data.board.standings[i]
                let p = st.project
                let place = state.options.grouping == .subcommand ? (org.locality(p.locality)?.name ?? p.locality)
                    : (org.subcommand(p.subcommand)?.name ?? p.subcommand)
                var card = Render.card(st.card.colour, state)
                if st.forecast?.warning != nil { card.text += "!" }
                var cells = [card, TableCell(p.name), TableCell(place, style: state.style("muted"))]
                if withLevel { cells.append(TableCell(s.word("level", p.level))) }
                cells += [TableCell(CardText.percent(st.card.schedule.ratio)), TableCell(words.reminders(st.remindersToDate)),
                          TableCell(st.stall == .none ? "—" : String(st.stall.rawValue), style: st.stall == .none ? nil : state.style("stall")),
                          TableCell(strip(st, state))]
                if wide { cells.append(TableCell(words.reason(st.card, asOf: data.asOf), style: state.style("muted"))) }
                rows.append(TableRow(cells))
            }
        }
        let view = TableView(columns: columns, rows: rows, selected: state.board.selected - visible, offset: 0,
                             sortColumn: sortColumn(state.board.sort, withLevel: withLevel), sortAscending: !state.board.descending,
                             headerStyle: state.style("table.header"), selectionStyle: state.style("selection"),
                             sectionStyle: state.style("table.section"), rowStyle: state.style("text"))
            .hits { .row(visible + $0) }
        view.render(into: &canvas, rect: table, sortMarks: state.options.ascii ? ("^", "v") : ("↑", "↓"))
        if state.board.rows.isEmpty {
            canvas.put(s["msg.noMatch"], in: table.row(2), align: .center, style: state.style("muted"))
        }
    }

    /// The last twelve months' cards as glyphs, oldest first, right-aligned.
    static func strip(_ standing: ProjectStanding, _ state: AppState) -> String {
        let glyphs = standing.strip.map { CardGlyphs.glyph($0.colour, ascii: state.options.ascii) }
        return String(repeating: " ", count: max(0, 12 - glyphs.count)) + glyphs.joined()
    }

    static func sortColumn(_ sort: BoardSort, withLevel: Bool) -> Int? {
        let after = withLevel ? 1 : 0
        switch sort {
        case .group, .code: return nil
        case .card: return 0
        case .name: return 1
        case .locality: return 2
        case .level: return withLevel ? 3 : nil
        case .schedule: return 3 + after
        case .reminders: return 4 + after
        case .stall: return 5 + after
        }
    }
}
