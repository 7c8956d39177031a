import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// `l` in triage: every item of the agenda by its number, the worked ones marked; Enter goes
/// to the one selected.
struct TriageListScreen: Screen {
    var list: ListState
    var isOverlay: Bool { true }

    init(selected: Int) { list = ListState(selected: selected) }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .choose, help: nil).bar("bar.keep", 0),
         Binding([.down, .character("j")], .down, help: nil).bar("bar.move", 10), Binding([.up, .character("k")], .up, help: nil),
         Binding([.pageDown], .pageDown, help: nil), Binding([.pageUp], .pageUp, help: nil),
         Binding([.escape, .character("q"), .character("l")], .cancel, help: nil).bar("bar.cancel", 20)]
    }

    /// Rows of the list inside its box.
    static func height(_ state: AppState) -> Int { max(1, state.height - 8) }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let count = state.triage?.keys.count ?? 0
        if list.move(action, count: count, page: Self.height(state)) {
            list.keepInView(height: Self.height(state), count: count)
            return .handled()
        }
        if action == .choose { _ = TriageScreen.go(to: list.selected + 1, &state) }
        return .pop()
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .handled() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        guard let triage = state.triage, let data = state.data, let agenda = state.agenda,
              let meeting = data.portfolio.meetings.first(where: { $0.id == triage.meeting }) else { return }
        let s = state.strings
        let report = AgendaReport(meeting: meeting, month: agenda.month, items: agenda.items, config: data.config, strings: s)
        let worked = Set(triage.decisions.map(\.item))
        let lines = triage.keys.enumerated().map { n, key -> String in
            let item = agenda.items.first { $0.key == key }
            return "\(n + 1). " + (worked.contains(key) ? s["agenda.worked"] + " " : "") + (item.map(report.line) ?? key)
        }
        let height = Self.height(state)
        let first = TableView.visibleOffset(selected: list.selected, offset: list.offset, height: height, count: lines.count)
        let shown = Array(lines.dropFirst(first).prefix(height))
        let inner = Widgets.modal(title: s.format("triage.list.title", ["done": String(triage.handled), "n": String(triage.keys.count)]),
                                  lines: shown, into: &canvas, within: canvas.bounds, width: canvas.width - 4,
                                  ascii: state.options.ascii, style: state.style("modal"), borderStyle: state.style("modal.border"))
        let row = list.selected - first
        if row >= 0 && row < inner.height { canvas.restyle(inner.row(row)) { _ in state.style("selection") } }
        for i in shown.indices where i < inner.height { canvas.hit(inner.row(i), .row(first + i)) }
    }
}
