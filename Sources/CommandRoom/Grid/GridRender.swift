import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit
import TextLayout

/// The monthly progress grid: one row per project, the editable cells (本月完成, 形象进度, the
/// next milestone's date) marked when typed and not yet committed, shown in the alert style
/// when their value is refused, and the project's card on the board.
enum GridRender {
    /// The table (column titles, then rows) under the title.
    static func tableArea(_ body: Rect) -> Rect { body.inset(top: 2) }

    static func draw(_ grid: GridUI, _ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        guard let data = state.data else { return }
        let title = s.format("grid.title", ["month": grid.month.description, "n": String(grid.rows.count),
                                            "pending": grid.pendingRows > 0 ? s.format("grid.pendingRows", ["n": String(grid.pendingRows)]) : ""])
        canvas.put(" " + title, in: body.row(0), style: state.style("text"))
        guard grid.loaded else {
            canvas.put(s["msg.loading"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
            return
        }
        if grid.rows.isEmpty {
            canvas.put(s["grid.empty"], in: body.row(2), align: .center, style: state.style("muted"))
            return
        }
        let wide = body.width >= 110
        // Below 90 columns the month's plan gives way (the status line has the totals).
        let withPlan = body.width >= 90
        let milestoneWords = MilestoneKind.allCases.map { DisplayWidth.of(s.word("milestone", $0)) }.max() ?? 8
        var columns = [TableColumn("", .fixed(1)), TableColumn(s["col.project"], .flex(min: 12, weight: 3))]
        if withPlan { columns.append(TableColumn(s["grid.col.planned"], .fixed(9), align: .right)) }
        columns += [TableColumn(s["grid.col.completed"], .fixed(10), align: .right)]
        if wide { columns.append(TableColumn(s["grid.col.cumulative"], .fixed(16), align: .right)) }
        columns += [TableColumn(s["grid.col.progress"], .flex(min: 12, weight: 2)),
                    TableColumn(s["grid.col.milestone"], wide ? .flex(min: milestoneWords + 11, weight: 1) : .fixed(max(8, milestoneWords))),
                    TableColumn(s["grid.col.reached"], .fixed(10)),
                    TableColumn(s["col.card"], .fixed(CardColour.allCases.map { DisplayWidth.of(Render.card($0, state).text) }.max() ?? 7))]
        let table = tableArea(body)
        let height = table.height - 1
        let first = TableView.visibleOffset(selected: grid.row, offset: grid.offset, height: height, count: grid.rows.count)
        let end = min(grid.rows.count, first + height)
        // The place (属地) after the name when two names on screen look the same at the width
        // they are shown in.
        let nameWidth = TableView.widths(columns, total: table.width, gap: 1)[1]
        let shown = grid.rows[first..<end].map { DisplayWidth.fit($0.project.name, nameWidth) }
        let withPlace = Set(shown).count < shown.count
        func place(_ p: Project) -> String { data.organisation.locality(p.locality)?.name ?? p.locality }
        if withPlace {
            let placeWidth = min(10, grid.rows[first..<end].map { DisplayWidth.of(place($0.project)) }.max() ?? 4)
            columns.insert(TableColumn(s["col.locality"], .fixed(max(placeWidth, DisplayWidth.of(s["col.locality"])))), at: 2)
        }
        let done = (withPlan ? 3 : 2) + (withPlace ? 1 : 0)
        let editable: [GridColumn: Int] = [.completed: done, .progress: done + (wide ? 2 : 1), .milestone: done + (wide ? 4 : 3)]
        let rows = grid.rows[first..<end].map { r -> TableRow in
            let code = r.project.code
            func cell(_ column: GridColumn) -> TableCell {
                let text = grid.text(r, column)
                if grid.problem(r, column, today: data.asOf) != nil { return TableCell(text.isEmpty ? "?" : text, style: state.style("alert")) }
                return TableCell(text, style: grid.isPending(code, column) ? state.style("notice") : nil)
            }
            // The planned day, with its year when it is not this year's.
            let milestone = r.nextMilestone.map { m in
                s.word("milestone", m.kind) + (wide ? " " + (m.planned.map { $0.year == data.asOf.year ? String($0.iso.dropFirst(5)) : $0.iso } ?? "") : "")
            } ?? "—"
            let card = data.standing(code).map { Render.card($0.card.colour, state) } ?? TableCell("")
            // Pending rows marked `*`; a row refused at its last commit `!`, in the alert style.
            let mark = grid.refusals[code] != nil ? TableCell("!", style: state.style("alert"))
                : TableCell(grid.rowIsPending(code) ? "*" : " ", style: state.style("notice"))
            var cells = [mark, TableCell(r.project.name)]
            if withPlace { cells.append(TableCell(place(r.project), style: state.style("muted"))) }
            if withPlan { cells.append(TableCell(r.planned?.wanRoundedText ?? "—", style: state.style("muted"))) }
            cells.append(cell(.completed))
            if wide {
                let done = r.otherMonths + (Money.parseWan(grid.text(r, .completed)).successValue ?? .zero)
                cells.append(TableCell("\(done.wanRoundedText)/\(r.project.totalInvestment.wanRoundedText)", style: state.style("muted")))
            }
            cells += [cell(.progress), TableCell(milestone), cell(.milestone), card]
            return TableRow(cells)
        }
        var view = TableView(columns: columns, rows: rows, selected: nil, offset: 0, headerStyle: state.style("table.header"),
                             rowStyle: state.style("text"))
        view.gap = 1
        view.hit = { .row(first + $0) }
        view.render(into: &canvas, rect: Rect(x: table.x, y: table.y, width: table.width, height: table.height))
        // The cursor: the current cell reversed, the rest of its row underlined.
        let widths = TableView.widths(columns, total: table.width, gap: 1)
        for r in first..<end {
            for (column, index) in editable {
                let x = table.x + widths.prefix(index).reduce(0, +) + index
                canvas.hit(Rect(x: x, y: table.y + 1 + r - first, width: widths[index], height: 1), .cell(row: r, column: column.rawValue))
            }
        }
        let y = table.y + 1 + grid.row - first
        guard grid.row >= first && grid.row < end, let index = editable[grid.column] else { return }
        canvas.restyle(Rect(x: table.x, y: y, width: table.width, height: 1)) { style in
            var st = style
            st.underline = true
            return st
        }
        let x = table.x + widths.prefix(index).reduce(0, +) + index
        canvas.restyle(Rect(x: x, y: y, width: widths[index], height: 1)) { _ in state.style("selection") }
    }

    /// The status line under the grid: the problem with the current cell, else what to do.
    static func status(_ grid: GridUI, _ state: AppState) -> String {
        let s = state.strings
        guard let r = grid.current, let data = state.data else { return s["grid.status.empty"] }
        if let problem = grid.problem(r, grid.column, today: data.asOf) {
            return state.errorText.progressProblem(problem)
        }
        // Why the row's last commit was refused, until it is typed in or saved.
        if let refusal = grid.refusals[r.project.code] { return refusal }
        // The rows typed and not saved, counted first: C-s saves them all.
        let pending = grid.pendingRows > 0 ? s.format("grid.status.pending", ["n": String(grid.pendingRows)]) : ""
        // The whole name and the place: names cut short in the grid can look alike.
        let place = data.organisation.locality(r.project.locality)?.name ?? r.project.locality
        return pending + s.format("grid.status", ["code": r.project.code, "name": r.project.name, "place": place,
                                        "total": r.project.totalInvestment.wanRoundedText, "done": r.otherMonths.wanRoundedText,
                                        "plan": r.planned?.wanRoundedText ?? "—"])
    }
}

extension GridRender {
    /// The question asked when the grid is left (Esc, q) or the program quit (C-c) with rows
    /// pending: save all, discard or stay.
    static func prompt(_ prompt: GridPrompt, _ grid: GridUI, _ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let n = ["n": String(grid.pendingRows)]
        let lines = [s.format(prompt == .quit ? "grid.prompt.quit" : "grid.prompt.leave", n), "",
                     s["grid.prompt.save"], s["grid.prompt.discard"], s["grid.prompt.stay"]]
        let width = min(canvas.width - 4, max(40, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        _ = Widgets.modal(title: s["grid.prompt.title"], lines: lines, into: &canvas, within: canvas.bounds, width: width,
                          ascii: state.options.ascii, style: state.style("modal"), borderStyle: state.style("modal.border"))
    }
}

extension Result {
    var successValue: Success? { if case let .success(v) = self { return v }; return nil }
}
