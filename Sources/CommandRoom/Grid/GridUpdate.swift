import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// Keys of the monthly progress grid: arrows and Tab between cells, typing edits the cell,
/// Enter commits the row and moves down, Esc reverts a cell or leaves, C-p / C-n change the
/// month. Every printable key types, so the grid takes all keys but C-c while it is open.
extension Update {
    static func openGrid(_ state: inout AppState) -> [AppEffect] {
        guard let data = state.data else { return [] }
        guard canWriteAnything(&state) else { return [] }
        if case .unit? = state.options.role {
            let project = currentProject(state)
            _ = allow(.recordProgress(subcommand: project?.subcommand ?? ""), target: project?.name ?? "", &state)
            return []
        }
        var grid = GridUI(month: data.board.month)
        // A clerk's own sub-commands; for the office, the sub-command of the project selected.
        switch state.options.role {
        case let .clerk(subcommands)?: grid.scope = subcommands
        default: grid.scope = currentProject(state).map { [$0.subcommand] }
        }
        state.grid = grid
        state.message = nil
        return [.loadGrid]
    }

    static func handleGrid(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var grid = state.grid else { return [] }
        // Taken out while the key is handled, so what is typed is edited in place, not copied.
        state.grid = nil
        var leave = false
        let effects = gridKey(key, &grid, &leave, &state)
        state.grid = leave ? nil : grid
        return effects
    }

    private static func gridKey(_ key: Key, _ grid: inout GridUI, _ leave: inout Bool, _ state: inout AppState) -> [AppEffect] {
        let today = state.data?.asOf ?? Day(ordinal: 0)
        let count = grid.rows.count
        let page = max(1, state.height - 7)
        if key != .escape { grid.confirmLeave = false }
        grid.justCommitted = nil
        // A message answers one key; the cell's own problem shows in the status line anyway.
        state.message = nil
        state.messageIsError = false
        func cell() -> GridCell? { grid.current.map { GridCell(project: $0.project.code, column: grid.column) } }
        switch key {
        case .escape:
            if let c = cell(), grid.pending[c] != nil {
                grid.pending[c] = nil
            } else if grid.pendingRows > 0 && !grid.confirmLeave {
                grid.confirmLeave = true
                state.message = state.strings.format("grid.unsaved", ["n": String(grid.pendingRows)])
                state.messageIsError = true
            } else {
                leave = true
                state.message = nil
                return []
            }
        case .up: grid.row = max(0, grid.row - 1)
        case .down: grid.row = min(max(0, count - 1), grid.row + 1)
        case .pageUp: grid.row = max(0, grid.row - page)
        case .pageDown: grid.row = min(max(0, count - 1), grid.row + page)
        case .home: grid.column = .completed
        case .end: grid.column = .milestone
        case .left: grid.column = GridColumn(rawValue: max(0, grid.column.rawValue - 1))!
        case .right: grid.column = GridColumn(rawValue: min(GridColumn.allCases.count - 1, grid.column.rawValue + 1))!
        case .tab:
            if grid.column == .milestone { grid.column = .completed; grid.row = min(max(0, count - 1), grid.row + 1) }
            else { grid.column = GridColumn(rawValue: grid.column.rawValue + 1)! }
        case .backTab:
            if grid.column == .completed { grid.column = .milestone; grid.row = max(0, grid.row - 1) }
            else { grid.column = GridColumn(rawValue: grid.column.rawValue - 1)! }
        case .control("p"), .control("n"):
            guard grid.pendingRows == 0 else {
                state.message = state.strings.format("grid.unsavedMonth", ["n": String(grid.pendingRows)])
                state.messageIsError = true
                break
            }
            let next = grid.month.adding(months: key == .control("n") ? 1 : -1)
            let earliest = ProgressValidation.earliestMonth(today: today)
            guard next >= earliest else {
                state.message = state.strings.format("grid.monthTooEarly", ["month": next.description, "earliest": earliest.description])
                state.messageIsError = true
                break
            }
            guard next.firstDay <= today else {
                state.message = state.strings.format("grid.monthNotBegun", ["month": next.description, "today": today.iso])
                state.messageIsError = true
                break
            }
            let scope = grid.scope
            grid = GridUI(month: next)
            grid.scope = scope
            return [.loadGrid]
        case .enter:
            // A row whose save is under way waits for its answer; others commit meanwhile.
            guard let r = grid.current, grid.committing[r.project.code] == nil else { break }
            guard grid.rowIsPending(r.project.code) else {
                grid.row = min(max(0, count - 1), grid.row + 1)
                break
            }
            switch grid.entry(for: r, today: today) {
            case let .failure(problem):
                state.message = ErrorText(strings: state.strings).progressProblem(problem)
                state.messageIsError = true
            case let .success((entry, loadedBase)):
                // Based on the versions loaded when the row was first typed in: a change made
                // meanwhile by someone else is refused, naming them, not overwritten.
                let base = grid.bases[r.project.code] ?? loadedBase
                grid.committing[r.project.code] = grid.sentTexts(r.project.code)
                grid.justCommitted = r.project.code
                grid.row = min(max(0, count - 1), grid.row + 1)
                return [.write(.progress(entry, basedOn: base))]
            }
        case .control("u"):
            if let c = cell() { noteBase(&grid); grid.pending[c] = "" }
        case .backspace:
            if let c = cell(), let r = grid.current {
                noteBase(&grid)
                var text = grid.text(r, grid.column)
                if !text.isEmpty { text.removeLast() }
                grid.pending[c] = text
            }
        case let .character(ch):
            guard let c = cell() else { break }
            noteBase(&grid)
            // The first key on a stored value replaces it, as in a spreadsheet; then it appends.
            grid.pending[c, default: ""].append(ch)
        default: break
        }
        grid.offset = TableView.visibleOffset(selected: grid.row, offset: grid.offset, height: page, count: count)
        return []
    }

    /// The versions a row's edit is based on: those on screen when its first cell was typed.
    static func noteBase(_ grid: inout GridUI) {
        guard let r = grid.current, grid.bases[r.project.code] == nil, !grid.awaitingRow.contains(r.project.code) else { return }
        var base = ProgressBase(monthly: r.monthlyVersion)
        if let m = r.nextMilestone { base.milestones[m.kind] = m.version }
        grid.bases[r.project.code] = base
    }

    /// New rows from the store: keep the cursor on its project and what was typed.
    static func gridLoaded(_ rows: [ProgressSheetRow], month: YearMonth, _ state: inout AppState) {
        guard var grid = state.grid, grid.month == month else { return }
        let code = grid.current?.project.code
        grid.rows = rows
        grid.loaded = true
        if let code, let i = rows.firstIndex(where: { $0.project.code == code }) { grid.row = i }
        grid.row = min(grid.row, max(0, rows.count - 1))
        state.grid = grid
    }
}
