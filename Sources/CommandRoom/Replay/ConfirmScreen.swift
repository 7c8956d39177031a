import KeyProjects
import TerminalKit
import TextLayout

/// A question in a box over the screen: Enter (or y) does what it asks, Esc (or n) does not.
/// Asked before replaying a day past the ledger and before typing into the grid while
/// replaying.
struct ConfirmScreen: Screen {
    enum Then: Sendable, Equatable {
        case replay(Day)
        case openGrid
    }

    let title: String
    let lines: [String]
    let then: Then
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter, .character("y"), .character("Y")], .submit, help: nil).bar("bar.confirm", 0),
         Binding([.escape, .character("n"), .character("N")], .cancel, help: nil).bar("bar.cancel", 10)]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        guard action == .submit else { return .pop() }
        switch then {
        case let .replay(day):
            return .pop(Replay.start(day, &state))
        case .openGrid:
            state.replayWritesConfirmed = state.requestedAsOf
            // The grid takes the question's place.
            switch GridScreen.open(&state) {
            case let .push(grid, effects): return .replace(grid, effects)
            default: return .pop()
            }
        }
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .handled() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let width = min(canvas.width - 4, 64)
        let wrapped = lines.flatMap { $0.isEmpty ? [""] : DisplayWidth.wrap($0, columns: max(10, width - 6)) }
        _ = Widgets.modal(title: title, lines: wrapped, into: &canvas, within: canvas.bounds, width: width,
                      ascii: state.options.ascii, style: state.style("modal"), borderStyle: state.style("modal.border"))
    }
}
