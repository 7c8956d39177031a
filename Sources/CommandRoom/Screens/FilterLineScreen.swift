import KeyProjects
import TerminalKit

/// The board's or the queue's filter being typed in the status line: the rows follow each key;
/// Enter keeps it, Esc clears it, Tab completes a key or value, ↑ ↓ the filters entered before.
struct FilterLineScreen: Screen {
    /// The board's filter (else the queue's).
    let board: Bool
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        SharedBindings.lineEditing
    }

    var input: WritableKeyPath<AppState, TextInput> { board ? \.board.filter : \.queue.filter }
    var history: WritableKeyPath<AppState, FilterHistory> { board ? \.board.filterHistory : \.queue.filterHistory }
    var candidates: WritableKeyPath<AppState, [String]> { board ? \.board.filterCandidates : \.queue.filterCandidates }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        state[keyPath: candidates] = []
        switch action {
        case .submit:
            state[keyPath: history].add(state[keyPath: input].text)
            return .pop([.saveHistory(board ? .boardFilter : .queueFilter, state[keyPath: history].entries)])
        case .cancel:
            state[keyPath: history].position = nil
            state[keyPath: input] = TextInput()
            if board { RowBuilding.refreshBoard(&state) } else { RowBuilding.refreshQueue(&state) }
            return .pop()
        case .clearLine:
            if state[keyPath: input].handle(.control("u")) { refilter(&state) }
        case .earlier, .later:
            // The filters entered before, the line being typed after the newest.
            let current = state[keyPath: input].text
            guard let text = action == .earlier ? state[keyPath: history].older(current) : state[keyPath: history].newer() else { break }
            state[keyPath: input] = TextInput(text)
            if text != current { refilter(&state) }
        case .complete:
            let spec = (board ? BoardFilterMatch.spec : QueueFilterMatch.spec).with(state.data?.organisation)
            let before = state[keyPath: input]
            let done = FilterQuery.complete(before.characters, cursor: before.cursor, spec)
            var after = TextInput(String(done.text))
            after.cursor = done.cursor
            state[keyPath: input] = after
            state[keyPath: candidates] = done.candidates
            if after != before { refilter(&state) }
        default: break
        }
        return .handled()
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        state[keyPath: candidates] = []
        if state[keyPath: input].handle(key) { refilter(&state) }
        return .handled()
    }

    /// Typed keys that came together (a paste, keys faster than the screen): the rows are
    /// filtered once after them, not once per key.
    mutating func typedRun(_ keys: [Key], _ state: inout AppState) {
        state[keyPath: candidates] = []
        var changed = false
        for key in keys where state[keyPath: input].handle(key) { changed = true }
        if changed { refilter(&state) }
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        typedRun(TextPaste.oneLine(text).map { .character($0) }, &state)
        return .handled()
    }

    /// The rows for the edited filter, from the top.
    func refilter(_ state: inout AppState) {
        if board {
            state.board.selected = 0; state.board.offset = 0
            RowBuilding.refreshBoard(&state)
        } else {
            state.queue.selected = 0; state.queue.offset = 0
            RowBuilding.refreshQueue(&state)
        }
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let spec = (board ? BoardFilterMatch.spec : QueueFilterMatch.spec).with(state.data?.organisation)
        Render.filterLine(state[keyPath: input], candidates: state[keyPath: candidates], spec, state, &canvas, Layout.statusRow(state))
    }
}
