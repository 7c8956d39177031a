import KeyProjects
import KeyProjectsStore
import TerminalKit

/// The monthly progress grid (`e`): arrows and Tab between cells, typing edits the cell, Enter
/// commits the row and moves down, C-s saves every pending row, Esc reverts a cell or leaves
/// (asking first when rows are pending), C-p / C-n change the month. Every printable key types.
struct GridScreen: Screen {
    var grid: GridUI

    /// Opens the grid on the month on the board: a clerk's own sub-commands; for the office,
    /// the sub-command of the project selected.
    static func open(_ state: inout AppState) -> Outcome {
        guard let data = state.data, Update.canWriteAnything(&state) else { return .handled() }
        if case .unit? = state.options.role {
            let project = Update.currentProject(state)
            _ = Update.allow(.recordProgress(subcommand: project?.subcommand ?? ""), target: project?.name ?? "", &state)
            return .handled()
        }
        var grid = GridUI(month: data.board.month)
        switch state.options.role {
        case let .clerk(subcommands)?: grid.scope = subcommands
        default: grid.scope = Update.currentProject(state).map { [$0.subcommand] }
        }
        state.message = nil
        return .push(GridScreen(grid: grid), [.loadGrid])
    }

    /// Whether the cell under the cursor is being typed in by the keys just before (not a cell
    /// left pending and come back to, nor a pasted one).
    var typing: Bool { grid.editing != nil && grid.editing?.cell == cell }
    var cell: GridCell? { grid.current.map { GridCell(project: $0.project.code, column: grid.column) } }

    func bindings(_ state: AppState) -> [Binding] {
        var list = [
            Binding([.enter], .commitRow, help: nil).bar("bar.commitRow", 0),
            Binding([.control("s")], .saveAll, help: nil).bar("bar.saveAll", 10),
            Binding([.tab], .nextCell, help: nil).bar("bar.nextCell", 20),
            Binding([.backTab], .previousCell, help: nil),
            Binding([.escape], .revertOrLeave, help: nil).bar("bar.revertOrBack", 30),
            Binding([.control("n")], .nextGridMonth, help: nil).bar("bar.gridMonth", 40),
            Binding([.control("p")], .previousGridMonth, help: nil),
            Binding([.up], .up, help: nil), Binding([.down], .down, help: nil),
            Binding([.pageUp], .pageUp, help: nil), Binding([.pageDown], .pageDown, help: nil),
            Binding([.home], .firstColumn, help: nil), Binding([.end], .lastColumn, help: nil),
            Binding([.left], .left, help: nil), Binding([.right], .right, help: nil),
        ]
        // `q` leaves unless a cell is being typed in; `:` opens the `:` line (`:w`), but within a
        // 形象进度 being typed it is text.
        if !typing { list.append(Binding([.character("q")], .leave, help: nil)) }
        if !(typing && grid.column == .progress) { list.append(Binding([.character(":")], .command, help: nil)) }
        return list
    }

    /// The grid says what each key did; a message answers one key (a save of all rows under
    /// way keeps its words until it is done).
    mutating func beginKey(_ state: inout AppState) -> GridEdit? {
        grid.justCommitted = nil
        if grid.saveAll == nil {
            state.message = nil
            state.messageIsError = false
        }
        let editing = typing ? grid.editing : nil
        grid.editing = nil
        return editing
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let editing = beginKey(&state)
        let count = grid.rows.count
        let page = max(1, GridRender.tableArea(Layout.body(state)).height - 1)
        let today = state.data?.asOf ?? Day(ordinal: 0)
        if grid.list.move(action, count: count, page: page) {
            grid.list.keepInView(height: page, count: count)
            return .handled()
        }
        switch action {
        case .revertOrLeave, .leave:
            // Esc while typing in a cell takes that typing back (the cell as it was before);
            // otherwise Esc and q leave the grid, asking first when rows are pending.
            if action == .revertOrLeave, let editing {
                grid.pending[editing.cell] = editing.before
            } else if grid.pendingRows > 0 {
                return .push(GridQuestionScreen(prompt: .leave))
            } else {
                state.message = nil
                return .pop()
            }
        case .command:
            return .push(CommandLineScreen())
        case .saveAll:
            var leave = false
            let effects = Update.saveAllRows(then: nil, &grid, &leave, &state)
            return leave ? .pop(effects) : .handled(effects)
        case .firstColumn: grid.column = .completed
        case .lastColumn: grid.column = .milestone
        case .left: grid.column = GridColumn(rawValue: max(0, grid.column.rawValue - 1))!
        case .right: grid.column = GridColumn(rawValue: min(GridColumn.allCases.count - 1, grid.column.rawValue + 1))!
        case .nextCell:
            if grid.column == .milestone { grid.column = .completed; grid.row = min(max(0, count - 1), grid.row + 1) }
            else { grid.column = GridColumn(rawValue: grid.column.rawValue + 1)! }
        case .previousCell:
            if grid.column == .completed { grid.column = .milestone; grid.row = max(0, grid.row - 1) }
            else { grid.column = GridColumn(rawValue: grid.column.rawValue - 1)! }
        case .previousGridMonth, .nextGridMonth:
            guard grid.pendingRows == 0 else {
                state.message = state.strings.format("grid.unsavedMonth", ["n": String(grid.pendingRows)])
                state.messageIsError = true
                break
            }
            let next = grid.month.adding(months: action == .nextGridMonth ? 1 : -1)
            let earliest = ProgressValidation.earliestMonth(today: today)
            guard next >= earliest else {
                state.message = state.strings.format("grid.monthTooEarly", ["month": next.description, "earliest": earliest.description])
                state.messageIsError = true
                break
            }
            guard next.firstDay <= today else {
                state.message = state.errorText.progressProblem(.monthNotBegun(next, today: today))
                state.messageIsError = true
                break
            }
            let scope = grid.scope
            grid = GridUI(month: next)
            grid.scope = scope
            return .handled([.loadGrid])
        case .commitRow:
            // A row whose save is under way waits for its answer; others commit meanwhile.
            guard let r = grid.current, grid.committing[r.project.code] == nil else { break }
            guard grid.rowIsPending(r.project.code) else {
                grid.row = min(max(0, count - 1), grid.row + 1)
                break
            }
            switch grid.entry(for: r, today: today) {
            case let .failure(problem):
                state.message = state.errorText.progressProblem(problem)
                state.messageIsError = true
            case let .success((entry, loadedBase)):
                // Based on the versions loaded when the row was first typed in: a change made
                // meanwhile by someone else is refused, naming them, not overwritten.
                let base = grid.bases[r.project.code] ?? loadedBase
                grid.committing[r.project.code] = grid.sentTexts(r.project.code)
                grid.justCommitted = r.project.code
                grid.row = min(max(0, count - 1), grid.row + 1)
                grid.list.keepInView(height: page, count: count)
                return .handled([.write(.progress(entry, basedOn: base))])
            }
        default: break
        }
        grid.list.keepInView(height: page, count: count)
        return .handled()
    }

    /// Typing in the cell: the first key on a stored value replaces it, as in a spreadsheet;
    /// then it appends. Backspace and C-u edit it.
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        let editing = beginKey(&state)
        guard let c = cell, let r = grid.current else { return .handled() }
        switch key {
        case .control("u"), .backspace, .character: break
        default: return .handled()
        }
        grid.editing = editing ?? GridEdit(cell: c, before: grid.pending[c])
        Update.noteBase(&grid)
        switch key {
        case .control("u"): grid.pending[c] = ""
        case .backspace:
            var text = grid.text(r, grid.column)
            if !text.isEmpty { text.removeLast() }
            grid.pending[c] = text
        case let .character(ch):
            grid.refusals[c.project] = nil
            grid.pending[c, default: ""].append(ch)
        default: break
        }
        return .handled()
    }

    /// A paste fills cells from the cursor (a column, or a block as Excel copies it).
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        Update.pasteIntoGrid(text, &grid, &state)
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { GridRender.draw(grid, state, &canvas, area) }

    func status(_ state: AppState) -> StatusParts? { StatusParts(GridRender.status(grid, state), showsAccount: false) }
}
