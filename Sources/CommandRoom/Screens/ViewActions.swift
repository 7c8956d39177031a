import KeyProjects
import StringTables
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
        case .export:
            return ExportQuestionScreen.open(&state)
        default:
            return .ignored
        }
    }

    /// Esc on a view: the message goes, and a filter kept on it (`filter`) is cleared, its rows
    /// rebuilt by `refresh`.
    static func escape(_ state: inout AppState, filter: WritableKeyPath<AppState, TextInput>? = nil,
                       refresh: (inout AppState) -> Void = { _ in }) -> Outcome {
        state.message = nil
        state.messageIsError = false
        if let filter, !state[keyPath: filter].text.isEmpty {
            state[keyPath: filter] = TextInput()
            refresh(&state)
        }
        return .handled()
    }

    /// A kept filter in the status line (`  /card:red`), with what it leaves out said beside
    /// it; `note` is empty when it leaves nothing out.
    static func filterStatus(_ text: String, _ spec: FilterSpec, _ s: Strings) -> (text: String, note: String) {
        guard !text.isEmpty else { return ("", "") }
        let note = FilterQuery(text, spec).note(spec, s)
        return ("  /" + text + note, note)
    }

    /// The board's or the queue's rows under the chrome: the height of the table's rows as
    /// drawn.
    static func tablePage(_ state: AppState) -> Int { max(1, BoardRender.tableArea(Layout.body(state)).height - 1) }
}
