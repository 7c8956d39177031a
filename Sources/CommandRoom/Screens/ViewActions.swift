import KeyProjects
import TerminalKit

/// What the global keys do on every view and page: quit, the `:` line, refresh, the views,
/// undo.
enum ViewActions {
    static func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        switch action {
        case .quit:
            return .quit
        case .command:
            return .push(CommandLineScreen())
        case .refresh:
            state.message = state.strings["msg.refreshing"]
            state.messageIsError = false
            return .handled([.reload])
        case let .show(view):
            return .root(state.rootScreen(for: view))
        case .nextView, .previousView:
            let all = DashboardView.allCases
            let i = all.firstIndex(of: state.view)! + (action == .nextView ? 1 : all.count - 1)
            return .root(state.rootScreen(for: all[i % all.count]))
        case .undo:
            guard Update.canWriteAnything(&state) else { return .handled() }
            return .handled([.prepareUndo])
        default:
            return .ignored
        }
    }

    /// The board's or the queue's rows under the chrome: the height of the table's rows as
    /// drawn.
    static func tablePage(_ state: AppState) -> Int { max(1, BoardRender.tableArea(Layout.body(state)).height - 1) }
}
