import KeyProjects
import TerminalKit

/// `/` in the grid: the cursor goes to the first row from where the search began whose name,
/// code or place (属地) holds what is typed; ↓ or Tab the next such row; Enter stays there, Esc
/// goes back to where it began.
struct GridSearchScreen: Screen {
    /// The row the search began on.
    let start: Int
    var input = TextInput()
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .submit, help: nil).bar("bar.keep", 0),
         Binding([.escape], .cancel, help: nil).bar("bar.cancel", 10),
         Binding([.down, .tab], .nextMatch, help: nil).bar("bar.next", 20)]
    }

    /// The rows that match, in order from `from` round to the one before it.
    static func matches(_ text: String, _ grid: GridUI, _ organisation: Organisation?, from: Int) -> [Int] {
        let needle = text.lowercased()
        guard !needle.isEmpty, !grid.rows.isEmpty else { return [] }
        let count = grid.rows.count
        return (0..<count).map { (from + $0) % count }.filter { i in
            let p = grid.rows[i].project
            let place = organisation?.locality(p.locality)?.name ?? p.locality
            return p.name.lowercased().contains(needle) || p.code.lowercased().contains(needle) || place.contains(needle)
        }
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        switch action {
        case .submit: return .pop()
        case .cancel:
            go(to: start, &state)
            return .pop()
        case .nextMatch:
            guard let grid = state.grid else { return .pop() }
            if let next = Self.matches(input.text, grid, state.data?.organisation, from: grid.row + 1).first { go(to: next, &state) }
            return .handled()
        default: return .handled()
        }
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        guard input.handle(key), let grid = state.grid else { return .handled() }
        go(to: Self.matches(input.text, grid, state.data?.organisation, from: start).first ?? start, &state)
        return .handled()
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        for ch in TextPaste.oneLine(text) { _ = typed(.character(ch), &state) }
        return .handled()
    }

    func go(to row: Int, _ state: inout AppState) {
        guard var grid = state.grid else { return }
        grid.editing = nil
        grid.row = row
        grid.list.keepInView(height: max(1, GridRender.tableArea(Layout.body(state)).height - 1), count: grid.rows.count)
        state.grid = grid
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        var note = ""
        if let grid = state.grid, !input.isEmpty {
            let n = Self.matches(input.text, grid, state.data?.organisation, from: 0).count
            note = n == 0 ? state.strings["grid.search.none"] : state.strings.format("grid.search.matches", ["n": String(n)])
        }
        Render.searchLine(input, note: note, style: state.style("status"), &canvas, Layout.statusRow(state))
    }
}
