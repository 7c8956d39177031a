import TerminalKit

/// The `:` line over the screen: Enter runs the command, Esc closes it, Tab completes a
/// command or its argument, ↑ ↓ the commands entered before (kept across runs).
struct CommandLineScreen: Screen {
    var input = TextInput()
    /// What Tab offered when it could not choose (shown until the next key).
    var candidates: [String] = []
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        SharedBindings.lineEditing
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        candidates = []
        switch action {
        case .submit:
            state.commandHistory.add(input.text)
            let outcome = Commands.run(input.text, &state)
            let save = AppEffect.saveHistory(.commands, state.commandHistory.entries)
            switch outcome {
            case let .pop(effects): return .pop([save] + effects)
            case let .replace(next, effects): return .replace(next, [save] + effects)
            default: return outcome
            }
        case .clearLine: _ = input.handle(.control("u"))
        case .earlier, .later:
            let current = input.text
            if let text = action == .earlier ? state.commandHistory.older(current) : state.commandHistory.newer() { input = TextInput(text) }
        case .complete:
            let done = CommandCompletion.complete(input.text, state)
            input = TextInput(done.text)
            candidates = done.candidates
        default:
            state.commandHistory.position = nil
            return .pop()
        }
        return .handled()
    }

    /// Typing edits the line in place (the screen is off the stack while it does: no copy).
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        candidates = []
        _ = input.handle(key)
        return .handled()
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        for ch in TextPaste.oneLine(text) { _ = input.handle(.character(ch)) }
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let note = candidates.isEmpty ? "" : "  " + state.strings.format("filter.candidates", ["list": candidates.joined(separator: " ")])
        Render.searchLine(input, prompt: ":", note: note, style: state.style("status"), &canvas, Layout.statusRow(state))
    }
}
