import StringTables
import TerminalKit
import TextLayout

/// `x` on a view: one line asks for the file's format — `c` CSV (for Excel), `m` Markdown, Esc
/// cancels; the text pages (bulletin, special report) offer Markdown only. The choice pops it
/// with the export for the runtime to write; nothing else is typed meanwhile.
struct ExportQuestionScreen: Screen {
    let source: ExportSource
    var isOverlay: Bool { true }

    /// The question over the view, or a notice when there is nothing to export yet.
    static func open(_ state: inout AppState) -> Outcome {
        let source = ExportSource.of(state)
        if let key = unavailable(source, state) {
            state.message = state.strings[key]
            state.messageIsError = false
            return .handled()
        }
        return .push(ExportQuestionScreen(source: source))
    }

    /// Why nothing can be exported now (a strings key), or nil.
    static func unavailable(_ source: ExportSource, _ state: AppState) -> String? {
        guard let data = state.data else { return "export.notReady" }
        switch source {
        case .board:
            return state.board.rows.count == state.board.headings ? "export.empty" : nil
        case .queue:
            return !data.complete ? "export.notReady" : state.queue.rows.isEmpty ? "export.empty" : nil
        case .calendar:
            guard data.complete else { return "export.notReady" }
            let month = state.calendar.day.yearMonth
            return data.portfolio.meetings.contains { $0.date.yearMonth == month } ? nil : "export.empty"
        case .overview(.bulletin), .overview(.special):
            return state.figures == nil ? "export.notReady" : nil
        case .overview:
            // The overview's tables are short: built here to tell whether they have rows.
            guard case let .table(table)? = ExportJob.document(source, state) else { return "export.notReady" }
            return table.rows.isEmpty ? "export.empty" : nil
        }
    }

    /// A view's bindings with `x` between its own keys and the global ones; in the key bar
    /// just before `q` when the whole bar still fits the screen's width (a bar cut short would
    /// lose `q`).
    static func bindings(_ own: [Binding], then global: [Binding], _ state: AppState) -> [Binding] {
        let x = Binding([.character("x")], .export, help: "help.export")
        let withBar = own + [x.bar("bar.export", 85)] + global
        let bar = withBar.keyBar(canWrite: state.canWrite).map { (key: $0.key.label, label: state.strings[$0.label]) }
        return Widgets.keyBarFits(bar, width: state.width) ? withBar : own + [x] + global
    }

    func bindings(_ state: AppState) -> [Binding] {
        var list: [Binding] = []
        if source.offersCSV { list.append(Binding([.character("c"), .character("C")], .exportAs(.csv), help: nil).bar("bar.exportCSV", 0)) }
        list.append(Binding([.character("m"), .character("M")], .exportAs(.markdown), help: nil).bar("bar.exportMarkdown", 10))
        list.append(Binding([.escape], .cancel, help: nil).bar("bar.cancel", 20))
        return list
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        guard case let .exportAs(format) = action else { return .pop() }
        state.message = state.strings["export.writing"]
        state.messageIsError = false
        return .pop([.export(ExportRequest(source: source, format: format))])
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .handled() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let s = state.strings
        let what: String
        switch source {
        case let .overview(page): what = s["overview.page.\(page)"]
        default: what = s["tab.\(state.view)"]
        }
        let row = Layout.statusRow(state)
        canvas.fill(row, style: state.style("status"))
        canvas.put(" " + s.format(source.offersCSV ? "export.question" : "export.questionText", ["what": what]), in: row,
                   style: state.style("status"))
    }
}
