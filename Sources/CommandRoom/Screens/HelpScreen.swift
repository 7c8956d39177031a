import StringTables
import TerminalKit
import TextLayout

/// `?`: the keys of the screen it opened over, from that screen's bindings (the writes only
/// for an account that may write), in two columns when one does not fit; any key closes it.
struct HelpScreen: Screen {
    let entries: [Binding]
    let notes: [String]
    var isOverlay: Bool { true }

    init(below state: AppState) {
        let screen = state.top
        entries = screen.bindings(state).helpEntries(canWrite: state.canWrite)
        notes = screen.helpNotes(state.strings)
    }

    func bindings(_ state: AppState) -> [Binding] { [] }
    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome { .pop() }
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .pop() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let s = state.strings
        let keyWidth = entries.map { DisplayWidth.of($0.keys.map(\.label).joined(separator: " ")) }.max() ?? 0
        let lines = entries.map { b -> String in
            let keys = b.keys.map(\.label).joined(separator: " ")
            return keys + String(repeating: " ", count: keyWidth - DisplayWidth.of(keys) + 2) + s[b.help ?? ""]
        }
        let footer = [""] + notes + [s["help.commands"], "", s[state.options.mouse ? "help.mouse" : "help.close"]]
        Self.modal(s["help.title"], lines, footer: footer, state, &canvas)
    }

    /// Entries in a modal, in two columns when one does not fit the height.
    static func modal(_ title: String, _ entries: [String], footer: [String], _ state: AppState, _ canvas: inout Canvas) {
        var lines = entries
        if entries.count + footer.count > state.height - 4 {
            let half = (entries.count + 1) / 2
            let width = entries.prefix(half).map { DisplayWidth.of($0) }.max() ?? 0
            lines = (0..<half).map { i in
                let left = entries[i]
                let right = i + half < entries.count ? entries[i + half] : ""
                return left + String(repeating: " ", count: width - DisplayWidth.of(left) + 4) + right
            }
        }
        Widgets.modal(title: title, lines: lines + footer, into: &canvas, within: canvas.bounds, ascii: state.options.ascii,
                      style: state.style("modal"), borderStyle: state.style("modal.border"))
    }
}
