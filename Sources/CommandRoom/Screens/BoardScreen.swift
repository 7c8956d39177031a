import KeyProjects
import StringTables
import TerminalKit

/// The three-colour board (view 1): projects by group, filtered, sorted, opened.
struct BoardScreen: Screen {
    var view: DashboardView? { .board }

    func bindings(_ state: AppState) -> [Binding] {
        ExportQuestionScreen.bindings(SharedBindings.scroll + [
            Binding([.enter, .right, .character("l")], .open, help: "help.open").bar("bar.open", 20),
            Binding([.character("/")], .filter, help: "help.filter").bar("bar.filter", 10),
            Binding([.character("s")], .sortNext, help: "help.sort").bar("bar.sort", 60, .reader),
            Binding([.character("S")], .sortReverse, help: "help.sortReverse"),
            Binding([.character("g")], .toggleGroup, help: "help.group").bar("bar.group", 50),
            Binding([.character("e")], .progressGrid, help: "help.grid").bar("bar.grid", 30, .writer),
            Binding([.character("c")], .remind, help: "help.remind").bar("bar.remind", 40, .writer),
            Binding([.character("N")], .newIssue, help: "help.newIssue"),
        ], then: SharedBindings.global(command: (80, .reader)), state)
    }

    func helpNotes(_ s: Strings) -> [String] { [s["help.filterSyntax"]] }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let rows = state.board.rows
        if state.board.list.move(action, count: rows.count, page: ViewActions.tablePage(state), skip: { if case .heading = rows[$0] { return true }; return false }) {
            Self.keepInView(&state)
            return .handled()
        }
        switch action {
        case .open:
            guard state.board.selected < rows.count, case let .project(i) = rows[state.board.selected],
                  let data = state.data else { return .handled() }
            return ProjectPageScreen.open(data.board.standings[i].project.code, &state)
        case .filter:
            return .push(FilterLineScreen(board: true))
        case .sortNext:
            let all = BoardSort.allCases
            state.board.sort = all[(all.firstIndex(of: state.board.sort)! + 1) % all.count]
            state.board.descending = false
            RowBuilding.resort(&state)
        case .sortReverse:
            state.board.descending.toggle()
            RowBuilding.resort(&state)
        case .toggleGroup:
            state.options.grouping = state.options.grouping == .subcommand ? .locality : .subcommand
            RowBuilding.resort(&state)
        case .progressGrid:
            return GridScreen.open(&state)
        case .remind, .newIssue:
            return WriteActions.perform(action, &state)
        default:
            return ViewActions.perform(action, &state)
        }
        Self.keepInView(&state)
        return .handled()
    }

    /// Esc clears the message and the filter.
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        key == .escape ? ViewActions.escape(&state, filter: \.board.filter, refresh: RowBuilding.refreshBoard) : .ignored
    }

    /// Scrolls the table so the selection stays in view (with its group's heading when it is
    /// the group's first project), and remembers the project selected.
    static func keepInView(_ state: inout AppState) {
        state.board.offset = RowBuilding.boardOffset(selected: state.board.selected, offset: state.board.offset,
                                                     height: ViewActions.tablePage(state), rows: state.board.rows)
        RowBuilding.noteBoardSelection(&state)
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { BoardRender.draw(state, &canvas, area) }

    func status(_ state: AppState) -> StatusParts? {
        let s = state.strings
        let shown = state.board.rows.count - state.board.headings
        let left = s.format("status.board", ["shown": String(shown), "total": String(state.data?.board.standings.count ?? 0),
                                             "sort": Render.sortWord(state) + (state.board.descending ? "↓" : "")])
        let filter = ViewActions.filterStatus(state.board.filter.text, BoardFilterMatch.spec.with(state.data?.organisation), s)
        // What a filter leaves out is said in full: the store and account give it their room.
        return StatusParts(left + filter.text, showsAccount: filter.note.isEmpty)
    }
}
