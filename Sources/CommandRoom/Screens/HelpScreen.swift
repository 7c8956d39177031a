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
        Self.modal(s["help.title"], lines, indent: keyWidth + 2, footer: footer, state, &canvas)
    }

    /// The footer within the box's height under `used` lines: its blank lines go first, then
    /// the lines before the last from the end (the commands, then the notes), so that the last
    /// (how to close it) is always seen.
    static func fitted(_ footer: [String], below used: Int, room: Int, height: Int) -> [String] {
        func count(_ items: [String]) -> Int { items.reduce(0) { $0 + ($1.isEmpty ? 1 : DisplayWidth.wrap($1, columns: room).count) } }
        var items = footer
        while used + count(items) > height, let blank = items.firstIndex(of: "") { items.remove(at: blank) }
        while used + count(items) > height, items.count > 1 { items.remove(at: items.count - 2) }
        return items
    }

    /// Entries in a modal, in two columns when one does not fit the height. Each column is as
    /// wide as its entries when both fit; else the narrower keeps its width (up to half) and the
    /// other takes the rest, and an entry too long for its column wraps within it, under its
    /// words (`indent`).
    static func modal(_ title: String, _ entries: [String], indent: Int = 2, footer: [String], _ state: AppState, _ canvas: inout Canvas) {
        let room = max(10, state.width - 6)   // Widgets.modal's widest line
        var lines = entries.flatMap { DisplayWidth.wrap($0, columns: room, indent: indent) }
        if lines.count + footer.count > state.height - 4 {
            let half = (entries.count + 1) / 2
            let natural = [entries.prefix(half), entries.dropFirst(half)].map { $0.map { DisplayWidth.of($0) }.max() ?? 0 }
            let both = room - 4
            var widths = natural
            if natural[0] + natural[1] > both {
                let even = both / 2
                widths = natural[1] <= even ? [both - natural[1], natural[1]] : natural[0] <= even ? [natural[0], both - natural[0]] : [even, both - even]
            }
            let left = entries.prefix(half).flatMap { DisplayWidth.wrap($0, columns: widths[0], indent: indent) }
            let right = entries.dropFirst(half).flatMap { DisplayWidth.wrap($0, columns: widths[1], indent: indent) }
            lines = (0..<max(left.count, right.count)).map { i in
                let l = i < left.count ? left[i] : ""
                guard i < right.count else { return l }
                return l + String(repeating: " ", count: max(0, widths[0] - DisplayWidth.of(l)) + 4) + right[i]
            }
        }
        Widgets.modal(title: title, lines: lines + fitted(footer, below: lines.count, room: room, height: state.height - 4), into: &canvas, within: canvas.bounds, ascii: state.options.ascii,
                      style: state.style("modal"), borderStyle: state.style("modal.border"))
    }
}
