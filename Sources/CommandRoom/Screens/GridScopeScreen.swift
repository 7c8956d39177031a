import KeyProjects
import TerminalKit

/// C-o in the grid: the office (or a clerk of several sub-commands) picks whose projects the
/// grid lists, without leaving it.
struct GridScopeScreen: Screen {
    /// The choices: nil is every sub-command the account may list.
    let choices: [Set<String>?]
    var selected: Int
    var isOverlay: Bool { true }

    /// A clerk's own sub-commands, together then one by one; for the office, all of them
    /// together then each.
    static func choices(_ state: AppState) -> [Set<String>?] {
        let all = state.data?.organisation.subcommands.map(\.code) ?? []
        if case let .clerk(own)? = state.options.role {
            let mine = all.filter { own.contains($0) }
            return mine.count > 1 ? [Set(mine)] + mine.map { Set([$0]) } : [Set(mine)]
        }
        return [nil] + all.map { Set([$0]) }
    }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .choose, help: nil).bar("bar.keep", 0),
         Binding([.down, .character("j"), .tab], .down, help: nil).bar("bar.move", 10),
         Binding([.up, .character("k")], .up, help: nil),
         Binding([.home], .top, help: nil), Binding([.end], .bottom, help: nil),
         Binding([.escape, .character("q")], .cancel, help: nil).bar("bar.cancel", 20)]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        switch action {
        case .up: selected = (selected + choices.count - 1) % choices.count
        case .down: selected = (selected + 1) % choices.count
        case .top: selected = 0
        case .bottom: selected = choices.count - 1
        case .choose:
            guard let old = state.grid else { return .pop() }
            var grid = GridUI(month: old.month)
            grid.scope = choices[selected]
            state.grid = grid
            return .pop([.loadGrid])
        default: return .pop()
        }
        return .handled()
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .handled() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func name(_ choice: Set<String>?, _ state: AppState) -> String {
        let s = state.strings
        guard let choice else { return s["grid.scope.all"] }
        let names = (state.data?.organisation.subcommands ?? []).filter { choice.contains($0.code) }.map(\.name)
        return names.count == 1 ? names[0] : names.joined(separator: s["punct.list"])
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let s = state.strings
        let lines = choices.map { name($0, state) } + ["", s["grid.scope.hint"]]
        let inner = Widgets.modal(title: s["grid.scope.title"], lines: lines, into: &canvas, within: canvas.bounds,
                                  width: min(canvas.width - 4, 60), ascii: state.options.ascii, style: state.style("modal"),
                                  borderStyle: state.style("modal.border"))
        if selected < inner.height { canvas.restyle(inner.row(selected)) { _ in state.style("selection") } }
    }
}
