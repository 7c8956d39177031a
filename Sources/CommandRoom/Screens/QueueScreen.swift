import KeyProjects
import StringTables
import TerminalKit

/// The issue queue on the 13710 clock (view 2): filtered, flagged, opened, worked.
struct QueueScreen: Screen {
    var view: DashboardView? { .queue }
    /// The table scrolled sideways (`<` `>`; → opens the issue).
    var columns = ColumnScroll()

    func bindings(_ state: AppState) -> [Binding] {
        ExportQuestionScreen.bindings(SharedBindings.scroll + [
            Binding([.enter, .right, .character("l")], .open, help: "help.open").bar("bar.open", 20),
            Binding([.character("/")], .filter, help: "help.filter").bar("bar.filter", 10),
            Binding([.character("o")], .overdueOnly, help: "help.overdue").bar("bar.overdue", 50),
            Binding([.character("L")], .listedOnly, help: "help.listed").bar("bar.listed", 60, .reader),
            Binding([.character("c")], .showCleared, help: "help.cleared"),
            Binding([.character("N")], .newIssue, help: "help.newIssue").bar("bar.newIssue", 40, .writer),
            Binding([.character("a")], .issueSteps, help: "help.issueSteps").bar("bar.steps", 30, .writer),
        ] + columns.bindings(maxOffset: QueueRender.maxColumnOffset(state), arrows: false, rank: 95), then: SharedBindings.global(), state)
    }

    func helpNotes(_ s: Strings) -> [String] { [s["help.filterSyntax.queue"]] }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let count = state.queue.rows.count
        if columns.move(action, maxOffset: QueueRender.maxColumnOffset(state)) { return .handled() }
        if state.queue.list.move(action, count: count, page: ViewActions.tablePage(state)) {
            Self.keepInView(&state)
            return .handled()
        }
        switch action {
        case .open:
            guard state.queue.selected < count, let data = state.data else { return .handled() }
            return IssuePageScreen.open(data.queue[state.queue.rows[state.queue.selected]].issue.id, &state)
        case .filter:
            return .push(FilterLineScreen(board: false))
        case .overdueOnly: state.queue.overdueOnly.toggle(); RowBuilding.refreshQueue(&state)
        case .listedOnly: state.queue.listedOnly.toggle(); RowBuilding.refreshQueue(&state)
        case .showCleared: state.queue.showCleared.toggle(); RowBuilding.refreshQueue(&state)
        case .newIssue, .issueSteps:
            return WriteActions.perform(action, &state)
        default:
            return ViewActions.perform(action, &state)
        }
        Self.keepInView(&state)
        return .handled()
    }

    /// Esc clears the message and the filter.
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        key == .escape ? ViewActions.escape(&state, filter: \.queue.filter, refresh: RowBuilding.refreshQueue) : .ignored
    }

    static func keepInView(_ state: inout AppState) {
        state.queue.list.keepInView(height: ViewActions.tablePage(state), count: state.queue.rows.count)
        RowBuilding.noteQueueSelection(&state)
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { QueueRender.draw(state, &canvas, area, columns: columns) }

    func status(_ state: AppState) -> StatusParts? {
        let s = state.strings
        // With the cleared ones shown, the count is of all issues, not the open ones.
        var left = state.queue.showCleared
            ? s.format("status.queueAll", ["shown": String(state.queue.rows.count), "total": String(state.data?.queue.count ?? 0)])
            : s.format("status.queue", ["shown": String(state.queue.rows.count), "total": String(state.data?.stats.open ?? 0)])
        var flags: [String] = []
        if state.queue.overdueOnly { flags.append(s["flag.overdue"]) }
        if state.queue.listedOnly { flags.append(s["flag.listed"]) }
        if state.queue.showCleared { flags.append(s["flag.cleared"]) }
        if !flags.isEmpty { left += "  [" + flags.joined(separator: " ") + "]" }
        let filter = ViewActions.filterStatus(state.queue.filter.text, QueueFilterMatch.spec.with(state.data?.organisation), s)
        return StatusParts(left + filter.text, showsAccount: filter.note.isEmpty)
    }
}
