import KeyProjects
import KeyProjectsStore
import TerminalKit

/// The monthly progress grid (`e`): arrows and Tab between cells, typing edits the cell, Enter
/// commits the row and moves down, C-s saves every pending row, Esc reverts a cell or leaves
/// (asking first when rows are pending), C-p / C-n change the month. Every printable key types.
struct GridScreen: Screen {
    var grid: GridUI
    var clearsNoticeOnKey: Bool { false }
    var readsBurstsAsPaste: Bool { true }

    /// Opens the grid on the month on the board: a clerk's own sub-commands; for the office,
    /// the sub-command of the project selected.
    static func open(_ state: inout AppState) -> Outcome {
        guard let data = state.data, Update.canWriteAnything(&state) else { return .handled() }
        // While replaying, the rows saved are recorded as of the replayed day: said first.
        if let day = state.requestedAsOf, state.replayWritesConfirmed != day {
            return .push(ConfirmScreen(title: state.strings["replay.title"], lines: [Replay.writeNote(state) ?? "", "", state.strings["replay.gridHint"]],
                                       then: .openGrid))
        }
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

    var cell: GridCell? { grid.current.map { GridCell(project: $0.project.code, column: grid.column) } }
    /// Whether the cell under the cursor is being edited: the keys that move inside a text
    /// (← →, Home, End) and the letters then edit it.
    var editingHere: Bool { grid.editing != nil && grid.editing?.cell == cell }

    func bindings(_ state: AppState) -> [Binding] {
        var list = [
            Binding([.enter], .commitRow, help: "help.grid.commit").bar("bar.commitRow", 0),
            Binding([.control("s")], .saveAll, help: "help.grid.saveAll").bar("bar.saveAll", 10),
            Binding([.tab], .nextCell, help: "help.grid.nextCell").bar("bar.nextCell", 20),
            Binding([.backTab], .previousCell, help: "help.grid.previousCell"),
            Binding([.escape], .revertOrLeave, help: "help.grid.revert").bar("bar.revertOrBack", 30),
            Binding([.control("n")], .nextGridMonth, help: "help.grid.month").bar("bar.gridMonth", 40),
            Binding([.control("p")], .previousGridMonth, help: nil),
            Binding([.up], .up, help: "help.grid.up"), Binding([.down], .down, help: "help.grid.down"),
            Binding([.pageUp], .pageUp, help: "help.grid.page"), Binding([.pageDown], .pageDown, help: nil),
            Binding([.function(2)], .editCell, help: "help.grid.edit"),
            Binding([.control("o")], .switchScope, help: "help.grid.scope").bar("bar.scope", 60),
            Binding([.function(1)], .help, help: "help.help", opens: { HelpScreen(below: $0) }),
        ]
        // Editing inside a cell's text (F2), ← → Home End move the cursor.
        if !(editingHere && grid.editing?.inText == true) {
            list += [Binding([.left], .left, help: "help.grid.cells"), Binding([.right], .right, help: nil),
                     Binding([.home], .firstColumn, help: nil), Binding([.end], .lastColumn, help: nil)]
        }
        // Editing a cell, every letter is text.
        guard !editingHere else { return list }
        list += [
            Binding([.character("/")], .search, help: "help.grid.search").bar("bar.search", 50),
            Binding([.character("q")], .leave, help: "help.grid.leave"),
            Binding([.character(":")], .command, help: "help.grid.command"),
        ]
        return list
    }

    /// The grid says what each key did; a message answers one key (a save of all rows under
    /// way keeps its words until it is done).
    mutating func beginKey(_ state: inout AppState) {
        grid.justCommitted = nil
        if grid.saveAll == nil {
            state.message = nil
            state.messageIsError = false
        }
    }

    /// Ends the cell's edit, keeping what was typed (pending).
    mutating func finishEdit() { grid.editing = nil }

    /// Starts editing the cell under the cursor with `text`, the cursor at its end; `inText`:
    /// the arrows move inside the text.
    mutating func startEdit(_ text: String, inText: Bool) {
        guard let c = cell else { return }
        Update.noteBase(&grid)
        grid.editing = GridEdit(cell: c, before: grid.pending[c], input: TextInput(text), inText: inText)
        grid.pending[c] = text
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        beginKey(&state)
        if grid.editing != nil && !editingHere { finishEdit() }   // the cursor moved under it
        let count = grid.rows.count
        let page = max(1, GridRender.tableArea(Layout.body(state)).height - 1)
        let today = state.data?.asOf ?? Day(ordinal: 0)
        func moved() -> Outcome {
            grid.list.keepInView(height: page, count: count)
            return .handled()
        }
        switch action {
        case .up, .down, .pageUp, .pageDown:
            finishEdit()
            grid.list.move(action, count: count, page: page)
            return moved()
        case .left: finishEdit(); grid.column = GridColumn(rawValue: max(0, grid.column.rawValue - 1))!
        case .right: finishEdit(); grid.column = GridColumn(rawValue: min(GridColumn.allCases.count - 1, grid.column.rawValue + 1))!
        case .firstColumn: finishEdit(); grid.column = .completed
        case .lastColumn: finishEdit(); grid.column = .milestone
        case .revertOrLeave, .leave:
            // Esc while editing a cell takes the edit back (the cell as it was before);
            // otherwise Esc and q leave the grid, asking first when rows are pending.
            if action == .revertOrLeave, let editing = grid.editing {
                grid.pending[editing.cell] = editing.before
                finishEdit()
            } else if grid.pendingRows > 0 {
                return .push(GridQuestionScreen(prompt: .leave))
            } else {
                state.message = nil
                return .pop()
            }
        case .command:
            return .push(CommandLineScreen())
        case .search:
            return .push(GridSearchScreen(start: grid.row))
        case .switchScope:
            finishEdit()
            guard grid.pendingRows == 0 else {
                state.message = state.strings.format("grid.unsavedScope", ["n": String(grid.pendingRows)])
                state.messageIsError = true
                break
            }
            let choices = GridScopeScreen.choices(state)
            guard choices.count > 1 else {
                state.message = state.strings["grid.scope.only"]
                state.messageIsError = true
                break
            }
            return .push(GridScopeScreen(choices: choices, selected: choices.firstIndex { $0 == grid.scope } ?? 0))
        case .saveAll:
            finishEdit()
            var leave = false
            let effects = Update.saveAllRows(then: nil, &grid, &leave, &state)
            return leave ? .pop(effects) : .handled(effects)
        case .editCell:
            if let r = grid.current {
                if editingHere { grid.editing?.inText = true } else { startEdit(grid.text(r, grid.column), inText: true) }
            }
        case .nextCell:
            finishEdit()
            if grid.column == .milestone { grid.column = .completed; grid.row = min(max(0, count - 1), grid.row + 1) }
            else { grid.column = GridColumn(rawValue: grid.column.rawValue + 1)! }
        case .previousCell:
            finishEdit()
            if grid.column == .completed { grid.column = .milestone; grid.row = max(0, grid.row - 1) }
            else { grid.column = GridColumn(rawValue: grid.column.rawValue - 1)! }
        case .previousGridMonth, .nextGridMonth:
            finishEdit()
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
            let wasEditing = editingHere
            finishEdit()
            // A row whose save is under way waits for its answer; others commit meanwhile.
            guard let r = grid.current, grid.committing[r.project.code] == nil else { break }
            guard grid.rowIsPending(r.project.code) else {
                // Enter on a filled cell edits it (F2); on an empty one it moves down.
                if !wasEditing, !grid.text(r, grid.column).isEmpty {
                    startEdit(grid.text(r, grid.column), inText: true)
                } else {
                    grid.row = min(max(0, count - 1), grid.row + 1)
                }
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
        return moved()
    }

    /// Keys that are not bound: in a cell being edited they edit its text at the cursor;
    /// otherwise a letter or digit replaces the cell's value (as in a spreadsheet) and starts
    /// editing it, Backspace edits its text from the end (taking its last character), Delete
    /// and C-u clear it.
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        beginKey(&state)
        if grid.editing != nil && !editingHere { finishEdit() }
        guard let c = cell, let r = grid.current else { return .handled() }
        if var editing = grid.editing {
            guard editing.input.handle(key) else { return .handled() }
            grid.pending[c] = editing.input.text
            grid.editing = editing
            if case .character = key { grid.refusals[c.project] = nil }
            return .handled()
        }
        switch key {
        case let .character(ch):
            startEdit(String(ch), inText: false)
            grid.refusals[c.project] = nil
        case .backspace:
            var text = grid.text(r, grid.column)
            if !text.isEmpty { text.removeLast() }
            startEdit(text, inText: true)
        case .delete, .control("u"):
            startEdit("", inText: true)
        default: break
        }
        return .handled()
    }

    /// A paste fills cells from the cursor (a column, or a block as Excel copies it).
    /// A line without tabs pasted into a cell being edited goes in at the cursor.
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        if editingHere, var editing = grid.editing, !text.contains("\t"),
           !text.trimmingCharacters(in: .newlines).contains(where: \.isNewline) {
            for ch in text.trimmingCharacters(in: .newlines) { _ = editing.input.handle(.character(ch)) }
            grid.pending[editing.cell] = editing.input.text
            grid.editing = editing
            return .handled()
        }
        finishEdit()
        Update.pasteIntoGrid(text, &grid, &state)
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { GridRender.draw(grid, state, &canvas, area) }

    /// The cell being edited shown whole on the edit line, else the row's figures.
    func status(_ state: AppState) -> StatusParts? {
        if editingHere, let editing = grid.editing {
            let s = state.strings
            let column = s[["grid.col.completed", "grid.col.progress", "grid.col.reached"][grid.column.rawValue]]
            var parts = StatusParts(editing: editing.input, label: s.format("grid.editLine", ["column": column, "code": editing.cell.project]))
            // What is wrong with it, as it is typed.
            if let r = grid.current, let data = state.data, let problem = grid.problem(r, grid.column, today: data.asOf) {
                parts.note = "  " + state.errorText.progressProblem(problem)
            }
            return parts
        }
        return StatusParts(GridRender.status(grid, state), showsAccount: false)
    }
}
