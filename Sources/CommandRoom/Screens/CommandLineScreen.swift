import TerminalKit

/// The `:` line over the screen: Enter runs the command, Esc closes it.
struct CommandLineScreen: Screen {
    var input = TextInput()
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .submit, help: nil).bar("bar.keep", 0),
         Binding([.escape], .cancel, help: nil).bar("bar.cancel", 10),
         Binding([.control("u")], .clearLine, help: nil).bar("bar.clearLine", 20)]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        switch action {
        case .submit: return Commands.run(input.text, &state)
        case .clearLine: _ = input.handle(.control("u")); return .handled()
        default: return .pop()
        }
    }

    /// Typing edits the line in place (the screen is off the stack while it does: no copy).
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        _ = input.handle(key)
        return .handled()
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        for ch in TextPaste.oneLine(text) { _ = input.handle(.character(ch)) }
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        input.render(prompt: ":", into: &canvas, rect: Layout.statusRow(state), style: state.style("status"))
    }
}
