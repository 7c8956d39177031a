import TerminalKit
import TextLayout

/// `?` on the wall: its keys, the panels it cycles through (the one on screen marked) and how
/// often, and that it only reads; any key closes it. The wall keeps cycling underneath.
struct WallHelpScreen: Screen {
    let entries: [Binding]
    var isOverlay: Bool { true }

    init(state: AppState) { entries = state.top.bindings(state).helpEntries(canWrite: false) }

    func bindings(_ state: AppState) -> [Binding] { [] }
    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome { .pop() }
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .pop() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let s = state.strings
        let labels = entries.map { $0.keys.map(\.label).joined(separator: " ") }
        let keyWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let keys = zip(labels, entries).map { label, b in
            label + String(repeating: " ", count: keyWidth - DisplayWidth.of(label) + 2) + s[b.help ?? ""]
        }
        // The panels on screen (several when tiled) marked.
        let shown = WallLayout.groups(state)[WallLayout.group(of: WallPanel(rawValue: state.wall.panel) ?? .summary, state)]
        let panels = WallPanel.allCases.map { panel in
            (shown.contains(panel) ? "> " : "  ") + s["wall.panel.\(panel)"]
        }
        let held = state.wall.held ? [s["wall.help.held"]] : []
        let lines = keys + ["", s.format("wall.help.cycle", ["seconds": String(state.options.cycleSeconds)])] + panels + (held.isEmpty ? [] : [""] + held)
        let footer = ["", s["wall.help.readOnly"]] + (state.options.mouse ? [s["wall.help.mouse"], "", s["help.closeMouse"]] : ["", s["help.close"]])
        HelpScreen.modal(s["wall.help.title"], lines, indent: keyWidth + 2, footer: footer, state, &canvas)
    }
}
