import TerminalKit

/// `g` in triage: the number of an agenda item typed on the status line; Enter goes there.
struct TriageJumpScreen: Screen {
    var input = TextInput()
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .submit, help: nil).bar("bar.keep", 0), Binding([.escape], .cancel, help: nil).bar("bar.cancel", 10)]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        guard action == .submit else { return .pop() }
        let count = state.triage?.keys.count ?? 0
        guard let n = Int(input.text.trimmingCharacters(in: .whitespaces)), TriageScreen.go(to: n, &state) else {
            state.message = state.strings.format("triage.noSuchItem", ["text": input.text, "n": String(count)])
            state.messageIsError = true
            return .pop()
        }
        return .pop()
    }

    /// Digits only (full-width ones too, as an input method gives them).
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        if case let .character(c) = key, let digit = c.wholeNumberValue {
            _ = input.handle(.character(Character(String(digit))))
        } else if key == .backspace || key == .control("u") {
            _ = input.handle(key)
        }
        return .handled()
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        input.render(prompt: state.strings["triage.jumpPrompt"], into: &canvas, rect: Layout.statusRow(state), style: state.style("status"))
    }
}
