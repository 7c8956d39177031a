import Foundation
import StringTables
import TerminalKit

/// The last press of the left button, to tell a double click.
struct LastClick: Sendable {
    var x: Int, y: Int
    var target: HitTarget
    /// How many screens were on the stack: a press on a screen opened since is a new click.
    var depth: Int
    var time: Date
}

/// The mouse, taken like the keys: a click is looked up in the frame on screen (the regions
/// its screens recorded while drawing) and goes to the top screen; a tab or a key-bar entry
/// acts as its key; the wheel presses ↑ and ↓. What the top screen did not draw (the screen
/// under an overlay, the header under a form) takes no clicks.
extension Update {
    /// Two presses on the same thing within this long are a double click.
    static let doubleClick: TimeInterval = 0.4

    /// What the wheel may do: move through a list or a page (the calendar: a week). Never the
    /// next item of triage or a filter line's history, which ↑ and ↓ also are.
    static let wheelActions: Set<Action> = [.up, .down, .previousWeek, .nextWeek]

    static func mouse(_ event: MouseEvent, at time: Date, _ state: inout AppState) -> [AppEffect] {
        // Off (`--no-mouse`, `:set mouse=off`), reports that still arrive change nothing; nor
        // do they while the terminal is too small, as keys other than q do not.
        guard state.options.mouse, !state.quit, !state.tooSmall, !event.modified else { return [] }
        switch event.kind {
        case .press(.left): return click(x: event.x, y: event.y, at: time, &state)
        case .wheelUp: return wheel(.up, &state)
        case .wheelDown: return wheel(.down, &state)
        case .press:
            // PuTTY pastes on the right button, xterm on the middle one; with reporting on they
            // come here instead, and nothing would seem to happen: say how to paste.
            if !state.options.wall {
                state.message = state.strings["mouse.pasteHint"]
                state.messageIsError = false
            }
            return []
        case .release: return []
        }
    }

    static func click(x: Int, y: Int, at time: Date, _ state: inout AppState) -> [AppEffect] {
        // The frame this state draws is the one on screen: what it recorded at the cell.
        let hit = Render.draw(state).hit(atX: x, y: y)
        let depth = state.screens.count
        let previous = state.lastClick.flatMap { time >= $0.time && time.timeIntervalSince($0.time) <= doubleClick ? $0 : nil }
        state.lastClick = nil
        guard let hit, hit.layer == depth - 1 else { return [] }
        let double = previous.map { $0.target == hit.target && $0.depth == depth } ?? false
        // The second press of a double click on what the first one changed (`Enter 详情` in
        // the key bar opened a page, whose bar has another key there) acts on nothing.
        if !double, let previous, previous.x == x, previous.y == y { return [] }
        // A third press starts again: a double click is two presses, not three.
        if !double { state.lastClick = LastClick(x: x, y: y, target: hit.target, depth: depth, time: time) }
        switch hit.target {
        case let .key(key):
            return handle(key, &state)
        case let .tab(n):
            // As the view's key, where the screen has one (the grid and forms do not).
            guard let view = DashboardView(rawValue: n),
                  let key = state.top.bindings(state).first(where: { $0.action == .show(view) })?.keys.first else { return [] }
            return handle(key, &state)
        case .row, .cell, .area:
            if state.top.clearsNoticeOnKey, state.message != nil, !state.messageIsError { state.message = nil }
            var screen = state.screens.removeLast()
            let outcome = screen.clicked(hit.target, double: double, &state)
            var effects = state.apply(outcome, from: screen)
            if needsFigures(state), !effects.contains(.computeFigures) { effects.append(.computeFigures) }
            return effects
        }
    }

    /// A notch: ↑ or ↓ pressed `wheelStep` times, where the top screen binds it to moving.
    static func wheel(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard let binding = state.top.bindings(state).binding(for: key), wheelActions.contains(binding.action) else { return [] }
        var effects: [AppEffect] = []
        for _ in 0..<max(1, state.top.wheelStep) where !state.quit { effects += handle(key, &state) }
        return effects
    }
}

/// The `:set` commands that turn the mouse on and off, put into the words that name them.
enum MouseCommand {
    static func words(_ key: String, _ s: Strings) -> String {
        s.format(key, ["on": ":set mouse=on", "off": ":set mouse=off"])
    }
}
