import TerminalKit

/// The question asked when the grid is left (Esc, q) or the program quit (C-c, `:q`) with rows
/// pending: `s` saves every row, then leaves or quits once all are saved; `d` discards them
/// and leaves or quits; Esc (or `c`) stays. Nothing else is typed meanwhile.
struct GridQuestionScreen: Screen {
    let prompt: GridPrompt
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.character("s"), .character("S"), .control("s")], .saveAll, help: nil).bar("bar.saveAll", 0),
         Binding([.character("d"), .character("D")], .discard, help: nil).bar("bar.discard", 10),
         Binding([.escape, .character("c"), .character("C")], .stay, help: nil).bar("bar.stay", 20)]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        switch action {
        case .saveAll:
            guard var grid = state.grid else { return .pop() }
            var leave = false
            let effects = Update.saveAllRows(then: prompt, &grid, &leave, &state)
            state.grid = grid
            if leave { state.grid = nil }
            return .pop(effects)
        case .discard:
            state.message = nil
            state.messageIsError = false
            if prompt == .quit { return .quit }
            state.grid = nil
            return .pop()
        default:
            return .pop()
        }
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .handled() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        guard let grid = state.grid else { return }
        GridRender.prompt(prompt, grid, state, &canvas)
    }
}
