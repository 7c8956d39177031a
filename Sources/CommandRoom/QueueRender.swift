import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The issue queue in triage order: light, id, project, category, 13710 step, level, due, days
/// left, unit, 挂牌 mark, status, the issue itself.
enum QueueRender {
    static func lightGlyph(_ light: ClockLight, ascii: Bool) -> String {
        switch light {
        case .green: return ascii ? "o" : "●"
        case .yellow: return ascii ? "!" : "▲"
        case .red: return ascii ? "X" : "■"
        }
    }

    /// The table (its column titles, then its rows) under the totals line.
    static func tableArea(_ body: Rect) -> Rect { body.inset(top: 2) }

    enum Column: CaseIterable { case light, id, project, category, step, level, due, left, unit, listed, status, issue }

    /// The light and the id stay when the table scrolls sideways.
    static let frozen = 2

    /// The columns for a table `width` wide. From 130 columns, all of them. Narrower, first
    /// the ones that have always been shown at that width, filling it as they did (below 110
    /// the level gives way, below 100 the due date, which the days left say too), then the
    /// others, reached by scrolling sideways (`<` `>`).
    static func columns(_ state: AppState, width: Int) -> [(Column, TableColumn)] {
        let s = state.strings
        func fit(_ key: String, _ least: Int) -> ColumnWidth { .fixed(max(least, DisplayWidth.of(s[key]))) }
        /// As wide as the header and the longest of the words the column shows, up to 16.
        func words(_ key: String, _ all: [String]) -> ColumnWidth {
            .fixed(min(16, max(DisplayWidth.of(s[key]), all.map { DisplayWidth.of($0) }.max() ?? 0)))
        }
        let lightWidth = ClockLight.allCases.map { DisplayWidth.of(lightGlyph($0, ascii: state.options.ascii) + " " + s.word("light", $0)) }.max() ?? 4
        func column(_ kind: Column) -> TableColumn {
            switch kind {
            case .light: return TableColumn(s["col.light"], .fixed(max(lightWidth, DisplayWidth.of(s["col.light"]))))
            case .id: return TableColumn(s["col.id"], .fixed(10))
            case .project: return TableColumn(s["col.project"], .flex(min: 12, weight: 3))
            case .category: return TableColumn(s["col.category"], words("col.category", IssueCategory.allCases.map { s.word("category", $0) }))
            case .step: return TableColumn(s["col.step"], words("col.step", ClockStep.allCases.map { s.word("step", $0) }))
            case .level: return TableColumn(s["col.level"], words("col.level", IssueLevel.allCases.map { s.word("issueLevel", $0) }))
            case .due: return TableColumn(s["col.due"], .fixed(10))
            case .left: return TableColumn(s["col.left"], .fixed(10), align: .right)
            case .unit: return TableColumn(s["col.unit"], .flex(min: 8, weight: 2))
            case .listed: return TableColumn(s["col.listed"], fit("col.listed", 2))
            case .status: return TableColumn(s["col.status"], words("col.status", IssueStatus.allCases.map { s.word("status", $0) }))
            case .issue: return TableColumn(s["col.issues"], .flex(min: 16, weight: 4))
            }
        }
        if width >= 130 { return Column.allCases.map { ($0, column($0)) } }
        let withLevel = width >= 110, withDue = width >= 100
        let first: [Column] = [.light, .id, .project, .category, .step] + (withLevel ? [.level] : []) + (withDue ? [.due] : [])
            + [.left, .unit, .listed]
        let rest: [Column] = (withLevel ? [] : [.level]) + (withDue ? [] : [.due]) + [.status, .issue]
        var head = first.map { ($0, column($0)) }
        var tail = rest.map { ($0, column($0)) }
        // The issue column, when scrolled to, as wide as the room beside the frozen columns.
        let frozenWidth = head.prefix(frozen).map { $0.1.least + 1 }.reduce(0, +)
        tail[tail.count - 1].1.width = .fixed(max(16, width - 1 - frozenWidth))
        // The first view as it has always been (less the marker column), when it fits.
        let least = head.map(\.1.least).reduce(0, +) + head.count - 1
        if least <= width - 1 {
            let widths = TableView.widths(head.map(\.1), total: width - 1)
            for i in head.indices { head[i].1.width = .fixed(widths[i]) }
        }
        return head + tail
    }

    /// Where the columns go across the table, scrolled past `offset`.
    static func layout(_ state: AppState, width: Int, offset: Int) -> ColumnLayout {
        TableView.columnLayout(columns(state, width: width).map(\.1), total: width, frozen: frozen, offset: offset)
    }

    /// How far the table scrolls sideways on this screen.
    static func maxColumnOffset(_ state: AppState) -> Int {
        guard state.data?.complete == true else { return 0 }
        return layout(state, width: tableArea(Layout.body(state)).width, offset: 0).maxOffset
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, columns scroll: ColumnScroll = ColumnScroll()) {
        guard let data = Render.completeData(state, &canvas, body) else { return }
        let s = state.strings
        let st = data.stats
        let summary = s.format("queue.summary", ["n": String(st.open), "overdue": String(st.overdue),
                                                 "listed": String(st.listed), "waiting": String(st.waiting)])
        canvas.put(" " + summary, in: body.row(0), style: state.style("text"))
        let table = tableArea(body)
        let columns = self.columns(state, width: table.width)
        let visible = TableView.visibleOffset(selected: state.queue.selected, offset: state.queue.offset, height: table.height - 1,
                                              count: state.queue.rows.count)
        let end = min(state.queue.rows.count, visible + table.height)
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: data.config, asOf: data.asOf, strings: s)
        let rows = state.queue.rows[visible..<end].map { index -> TableRow in
            let e = data.queue[index]
            let i = e.issue
            let lightStyle = state.style("light.\(e.clock.light.rawValue)")
            return TableRow(columns.map { kind, _ -> TableCell in
                switch kind {
                case .light:
                    // A cleared issue has no clock running: a check mark, its step column says 已销号.
                    if let mark = s.referredMark(i, ascii: state.options.ascii) {
                        // Handed to the level above: the status column says how it stands there.
                        return TableCell(mark, style: state.style("muted"))
                    }
                    return i.status == .cleared ? TableCell(state.options.ascii ? "v" : "✓", style: state.style("muted"))
                        : TableCell(lightGlyph(e.clock.light, ascii: state.options.ascii) + " " + s.word("light", e.clock.light), style: lightStyle)
                case .id: return TableCell(i.id)
                case .project: return TableCell(e.project?.name ?? i.projectLabel)
                case .category: return TableCell(s.word("category", i.category))
                case .step: return TableCell(s.word("step", e.clock.step))
                case .level: return TableCell(s.word("issueLevel", i.level))
                case .due: return TableCell(e.clock.due?.iso ?? "—")
                case .left: return TableCell(reader.daysText(e.clock), style: e.clock.isOverdue ? lightStyle : nil)
                case .unit: return TableCell(i.unit.isEmpty ? "—" : i.unit, style: state.style("muted"))
                case .listed: return TableCell(i.listed ? s["mark.listed"] : "", style: i.listed ? state.style("alert") : nil)
                // A referred issue's status is the level above's; its light column says it went up.
                case .status: return TableCell(s.word("status", i.status))
                case .issue:
                    let shared = e.groupSize > 1 ? "[" + s.format("shared", ["n": String(e.groupSize)]) + "] " : ""
                    return TableCell(shared + i.description, style: state.style("muted"))
                }
            })
        }
        var view = TableView(columns: columns.map(\.1), rows: rows, selected: state.queue.selected - visible, headerStyle: state.style("table.header"),
                             selectionStyle: state.style("selection"), sectionStyle: state.style("table.section"), rowStyle: state.style("text"))
        view.columnOffset = scroll.offset
        view.frozen = frozen
        view.scrollMarks = ScrollMarks.of(ascii: state.options.ascii)
        view.hits { .row(visible + $0) }.render(into: &canvas, rect: table)
        if state.queue.rows.isEmpty {
            canvas.put(s["msg.noMatch"], in: table.row(2), align: .center, style: state.style("muted"))
        }
    }
}
