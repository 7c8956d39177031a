import Foundation
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
        // The question (save all / discard / stay) takes the keys while it is asked.
        if let prompt = grid.prompt { return promptKey(key, prompt, &grid, &leave, &state) }
        grid.justCommitted = nil
        // A message answers one key; the cell's own problem shows in the status line anyway.
        // (A save of all rows under way keeps its words until it is done.)
        if grid.saveAll == nil {
            state.message = nil
            state.messageIsError = false
        }
        func cell() -> GridCell? { grid.current.map { GridCell(project: $0.project.code, column: grid.column) } }
        // The cell being typed in by the keys just before (not a cell left pending and come
        // back to, nor a pasted one): Esc takes back only that typing.
        let editing = grid.editing.flatMap { $0.cell == cell() ? $0 : nil }
        grid.editing = nil
        let typing = editing != nil
        func startEdit(_ c: GridCell) { grid.editing = editing ?? GridEdit(cell: c, before: grid.pending[c]) }
        switch key {
        case .escape, .character("q") where !typing:
            // Esc while typing in a cell takes that typing back (the cell as it was before);
            // otherwise Esc and q leave the grid, asking first when rows are pending.
            if key == .escape, let editing {
                grid.pending[editing.cell] = editing.before
            } else if grid.pendingRows > 0 {
                grid.prompt = .leave
            } else {
                leave = true
                state.message = nil
                return []
            }
        case .character(":") where !(typing && grid.column == .progress):
            // The `:` line (`:w` saves all), but within a 形象进度 being typed `:` is text.
            state.overlay = .command(TextInput())
        case .control("s"):
            return saveAllRows(then: nil, &grid, &leave, &state)
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
                state.message = state.errorText.progressProblem(.monthNotBegun(next, today: today))
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
                state.message = state.errorText.progressProblem(problem)
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
            if let c = cell() { startEdit(c); noteBase(&grid); grid.pending[c] = "" }
        case .backspace:
            if let c = cell(), let r = grid.current {
                startEdit(c)
                noteBase(&grid)
                var text = grid.text(r, grid.column)
                if !text.isEmpty { text.removeLast() }
                grid.pending[c] = text
            }
        case let .character(ch):
            guard let c = cell() else { break }
            startEdit(c)
            noteBase(&grid)
            grid.refusals[c.project] = nil
            // The first key on a stored value replaces it, as in a spreadsheet; then it appends.
            grid.pending[c, default: ""].append(ch)
        default: break
        }
        grid.offset = TableView.visibleOffset(selected: grid.row, offset: grid.offset, height: page, count: count)
        return []
    }

    /// The versions a row's edit is based on: those on screen when its first cell was typed.
    static func noteBase(_ grid: inout GridUI) {
        guard let r = grid.current else { return }
        noteBase(r, &grid)
    }

    static func noteBase(_ r: ProgressSheetRow, _ grid: inout GridUI) {
        guard grid.bases[r.project.code] == nil, !grid.awaitingRow.contains(r.project.code) else { return }
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

    /// A key while the question (save all / discard / stay) is asked: `s` saves every pending
    /// row, then leaves or quits once all are saved; `d` discards them and leaves or quits;
    /// Esc (or `c`) stays in the grid. Other keys are not taken: nothing is typed meanwhile.
    static func promptKey(_ key: Key, _ prompt: GridPrompt, _ grid: inout GridUI, _ leave: inout Bool,
                          _ state: inout AppState) -> [AppEffect] {
        switch key {
        case .character("s"), .character("S"), .control("s"):
            grid.prompt = nil
            return saveAllRows(then: prompt, &grid, &leave, &state)
        case .character("d"), .character("D"):
            grid.prompt = nil
            state.message = nil
            state.messageIsError = false
            if prompt == .quit {
                state.quit = true
                return [.quit]
            }
            leave = true
        case .escape, .character("c"), .character("C"):
            grid.prompt = nil
        default: break
        }
        return []
    }

    /// C-s, `:w` and `s` at the question: every pending row committed, each row one write (one
    /// transaction) through the store, based on the versions it was typed on. A row whose
    /// cells are refused by the checks is not sent and stays pending with its reason; a row
    /// whose save is under way is waited for. The words ("已保存 N 行", the refusals by row)
    /// come once every answer is in; then `then` leaves the grid or quits if nothing is left.
    static func saveAllRows(then: GridPrompt?, _ grid: inout GridUI, _ leave: inout Bool, _ state: inout AppState) -> [AppEffect] {
        let today = state.data?.asOf ?? Day(ordinal: 0)
        var batch = grid.saveAll ?? GridSaveAll()
        batch.then = then ?? batch.then
        var effects: [AppEffect] = []
        let byCode = Dictionary(grid.rows.map { ($0.project.code, $0) }, uniquingKeysWith: { a, _ in a })
        for code in grid.pendingCodes {
            guard let r = byCode[code] else { continue }
            if grid.committing[code] != nil { batch.waiting.insert(code); continue }
            switch grid.entry(for: r, today: today) {
            case let .failure(problem):
                let reason = state.errorText.progressProblem(problem)
                grid.refusals[code] = reason
                batch.refused.append(state.strings.format("grid.rowRefused", ["code": code, "name": r.project.name, "reason": reason]))
            case let .success((entry, loadedBase)):
                let base = grid.bases[code] ?? loadedBase
                grid.committing[code] = grid.sentTexts(code)
                batch.waiting.insert(code)
                effects.append(.write(.progress(entry, basedOn: base)))
            }
        }
        grid.saveAll = batch
        if batch.waiting.isEmpty { return finishSaveAll(&grid, &leave, &state) }
        state.message = state.strings.format("grid.saving", ["n": String(batch.waiting.count)])
        state.messageIsError = false
        return effects
    }

    /// Every answer of a save-all is in: its words, and the way out asked for if nothing is
    /// left pending.
    static func finishSaveAll(_ grid: inout GridUI, _ leave: inout Bool, _ state: inout AppState) -> [AppEffect] {
        guard let batch = grid.saveAll, batch.waiting.isEmpty else { return [] }
        grid.saveAll = nil
        let s = state.strings
        var words = s.format("grid.savedRows", ["n": String(batch.saved)])
        if !batch.refused.isEmpty {
            words += s.format("grid.refusedRows", ["n": String(batch.refused.count), "list": batch.refused.joined(separator: s["grid.refusalSeparator"])])
        }
        state.message = words
        state.messageIsError = !batch.refused.isEmpty
        var effects: [AppEffect] = batch.saved > 0 ? [.reloadBoard] : []
        if let then = batch.then, grid.pendingRows == 0 {
            if then == .quit {
                state.quit = true
                effects.append(.quit)
            } else {
                leave = true
            }
        }
        return effects
    }

    /// The store's answer to one row of a save-all (saved, or refused with the words).
    static func saveAllAnswered(_ code: String, refusal: String?, _ state: inout AppState) -> [AppEffect] {
        guard var grid = state.grid, var batch = grid.saveAll, batch.waiting.contains(code) else { return [] }
        batch.waiting.remove(code)
        if let refusal { batch.refused.append(refusal) } else { batch.saved += 1 }
        grid.saveAll = batch
        var leave = false
        let effects = finishSaveAll(&grid, &leave, &state)
        state.grid = leave ? nil : grid
        return effects
    }

    /// A paste in the grid: from the cursor cell, each line a row downwards and each tab a cell
    /// to the right (a column, or a block as Excel and WPS copy it); CR, LF and CRLF alike, a
    /// last line end adds no row; an empty cell leaves its cell as it is. The cells are
    /// pending and checked as typed ones; nothing is committed. Lines beyond the last row
    /// and cells beyond the last column are counted in the words, not dropped silently.
    static func pasteIntoGrid(_ text: String, _ state: inout AppState) {
        guard var grid = state.grid, grid.prompt == nil, grid.loaded, !grid.rows.isEmpty else { return }
        state.grid = nil
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if body.hasSuffix("\n") { body.removeLast() }
        let lines = body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false)
        let fits = max(0, min(lines.count, grid.rows.count - grid.row))
        var beyondRight = 0
        for (i, line) in lines.prefix(fits).enumerated() {
            let r = grid.rows[grid.row + i]
            let code = r.project.code
            for (j, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                let value = cell.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                guard let column = GridColumn(rawValue: grid.column.rawValue + j) else { beyondRight += 1; continue }
                noteBase(r, &grid)
                grid.pending[GridCell(project: code, column: column)] = value
                grid.refusals[code] = nil
            }
        }
        let s = state.strings
        var words = s.format("grid.pasted", ["n": String(fits)])
        if lines.count > fits { words += s.format("grid.pastedBeyondRows", ["m": String(lines.count - fits)]) }
        if beyondRight > 0 { words += s.format("grid.pastedBeyondColumns", ["m": String(beyondRight)]) }
        state.message = words
        state.messageIsError = lines.count > fits || beyondRight > 0
        state.grid = grid
    }
}
