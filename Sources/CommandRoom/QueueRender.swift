import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The issue queue in triage order: light, id, project, category, 13710 step, due, days left,
/// unit, 挂牌 mark, status.
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

    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let data = Render.completeData(state, &canvas, body) else { return }
        let s = state.strings
        let st = data.stats
        let summary = s.format("queue.summary", ["n": String(st.open), "overdue": String(st.overdue),
                                                 "listed": String(st.listed), "waiting": String(st.waiting)])
        canvas.put(" " + summary, in: body.row(0), style: state.style("text"))
        let wide = body.width >= 130
        // Below 100 columns the due date gives way to the days left, which say the same.
        let withDue = body.width >= 100
        let withLevel = body.width >= 110
        func fit(_ key: String, _ least: Int) -> ColumnWidth { .fixed(max(least, DisplayWidth.of(s[key]))) }
        /// As wide as the header and the longest of the words the column shows, up to 16.
        func words(_ key: String, _ all: [String]) -> ColumnWidth {
            .fixed(min(16, max(DisplayWidth.of(s[key]), all.map { DisplayWidth.of($0) }.max() ?? 0)))
        }
        let lightWidth = ClockLight.allCases.map { DisplayWidth.of(lightGlyph($0, ascii: state.options.ascii) + " " + s.word("light", $0)) }.max() ?? 4
        var columns = [TableColumn(s["col.light"], .fixed(max(lightWidth, DisplayWidth.of(s["col.light"])))),
                       TableColumn(s["col.id"], .fixed(10)), TableColumn(s["col.project"], .flex(min: 12, weight: 3)),
                       TableColumn(s["col.category"], words("col.category", IssueCategory.allCases.map { s.word("category", $0) })),
                       TableColumn(s["col.step"], words("col.step", ClockStep.allCases.map { s.word("step", $0) }))]
        if withLevel { columns.append(TableColumn(s["col.level"], words("col.level", IssueLevel.allCases.map { s.word("issueLevel", $0) }))) }
        if withDue { columns.append(TableColumn(s["col.due"], .fixed(10))) }
        columns += [TableColumn(s["col.left"], .fixed(10), align: .right), TableColumn(s["col.unit"], .flex(min: 8, weight: 2)),
                    TableColumn(s["col.listed"], fit("col.listed", 2))]
        if wide {
            columns.append(TableColumn(s["col.status"], words("col.status", IssueStatus.allCases.map { s.word("status", $0) })))
            columns.append(TableColumn(s["col.issues"], .flex(min: 16, weight: 4)))
        }
        let table = tableArea(body)
        let visible = TableView.visibleOffset(selected: state.queue.selected, offset: state.queue.offset, height: table.height - 1,
                                              count: state.queue.rows.count)
        let end = min(state.queue.rows.count, visible + table.height)
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: data.config, asOf: data.asOf, strings: s)
        let rows = state.queue.rows[visible..<end].map { index -> TableRow in
            let e = data.queue[index]
            let i = e.issue
            let lightStyle = state.style("light.\(e.clock.light.rawValue)")
            // A cleared issue has no clock running: a check mark, its step column says 已销号.
            let light = i.status == .cleared ? TableCell(state.options.ascii ? "v" : "✓", style: state.style("muted"))
                : TableCell(lightGlyph(e.clock.light, ascii: state.options.ascii) + " " + s.word("light", e.clock.light), style: lightStyle)
            var cells = [light,
                         TableCell(i.id), TableCell(e.project?.name ?? i.project), TableCell(s.word("category", i.category)),
                         TableCell(s.word("step", e.clock.step))]
            if withLevel { cells.append(TableCell(s.word("issueLevel", i.level))) }
            if withDue { cells.append(TableCell(e.clock.due?.iso ?? "—")) }
            cells += [TableCell(reader.daysText(e.clock), style: e.clock.isOverdue ? lightStyle : nil),
                         TableCell(i.unit.isEmpty ? "—" : i.unit, style: state.style("muted")),
                      TableCell(i.listed ? s["mark.listed"] : "", style: i.listed ? state.style("alert") : nil)]
            if wide {
                cells.append(TableCell(s.word("status", i.status)))
                let shared = e.groupSize > 1 ? "[" + s.format("shared", ["n": String(e.groupSize)]) + "] " : ""
                cells.append(TableCell(shared + i.description, style: state.style("muted")))
            }
            return TableRow(cells)
        }
        TableView(columns: columns, rows: rows, selected: state.queue.selected - visible, headerStyle: state.style("table.header"),
                  selectionStyle: state.style("selection"), sectionStyle: state.style("table.section"), rowStyle: state.style("text"))
            .hits { .row(visible + $0) }
            .render(into: &canvas, rect: table)
        if state.queue.rows.isEmpty {
            canvas.put(s["msg.noMatch"], in: table.row(2), align: .center, style: state.style("muted"))
        }
    }
}
