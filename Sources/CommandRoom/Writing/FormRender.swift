import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The step menu and the forms, drawn as modals over the view.
enum FormRender {
    static func menu(_ menu: StepMenu, _ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let lines = menu.steps.map { kind in "\(Update.stepKeys[kind].map(String.init) ?? " ")  \(s["action.\(kind.rawValue)"])" }
            + ["", s["menu.hint"]]
        let inner = Widgets.modal(title: s.format("menu.title", ["id": menu.issue]), lines: lines, into: &canvas, within: canvas.bounds,
                                  width: 36, ascii: state.options.ascii, style: state.style("modal"), borderStyle: state.style("modal.border"))
        if menu.selected < inner.height { canvas.restyle(inner.row(menu.selected)) { _ in state.style("selection") } }
        for i in menu.steps.indices where i < inner.height { canvas.hit(inner.row(i), .row(i)) }
    }

    static func form(_ form: Form, _ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let labelWidth = form.fields.map { DisplayWidth.of(s[$0.label]) }.max() ?? 0
        let boxWidth = min(canvas.width - 4, 72)
        let valueWidth = boxWidth - 6 - labelWidth - 3
        var hints: [Int: String?] = [:]
        var lines: [String] = []
        if case let .undo(summary) = form.purpose { lines += summary + [""] }
        if !form.before.isEmpty { lines += form.before + [""] }
        if let note = Replay.writeNote(state) { lines += [note, ""] }
        if case let .issue(kind, _, _) = form.purpose, form.fields.isEmpty, kind != .undo {
            lines += [s.format("form.confirm", ["action": s["action.\(kind.rawValue)"]]), ""]
        }
        let firstField = lines.count
        for field in form.fields {
            let label = s[field.label] + String(repeating: " ", count: labelWidth - DisplayWidth.of(s[field.label]))
            let mark = field.required ? "*" : " "
            let value: String
            if case let .choice(_, words) = field.kind {
                value = "‹ " + (words.indices.contains(field.choice) ? words[field.choice] : "") + " ›"
                    + (field.input.text.isEmpty ? "" : "  /" + field.input.text)
            } else {
                // Clipped here: the focused field scrolls within its line (a wrapped line would
                // put the cursor on the wrong row).
                // (Measured on the cached width and only the characters that can show: a long
                // line costs no more per frame than a short one.)
                value = field.input.width <= valueWidth ? field.input.text
                    : DisplayWidth.fit(field.input.leading(beyond: max(4, valueWidth)), max(4, valueWidth)).trimmingCharacters(in: .whitespaces)
            }
            lines.append("\(mark)\(label)  \(value)")
            // The project a typed code or name stands for.
            if field.label == "form.project", !field.input.isEmpty {
                hints[lines.count - 1] = (try? FormCatalog.project(field.input.text, state).get()).map { "\($0.code) \($0.name)" }
            }
        }
        lines.append("")
        if let error = form.error { lines.append(error) }
        lines.append(form.saving ? s["form.saving"] : s[form.fields.isEmpty ? "form.hintConfirm" : "form.hint"])
        // A hint under the project field would shift the rows below it; it goes on the title instead.
        let hint = hints.values.compactMap { $0 }.first
        let width = min(canvas.width - 4, max(56, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        let title = hint.map { form.title + " → " + $0 } ?? form.title
        let inner = Widgets.modal(title: title, lines: lines, into: &canvas, within: canvas.bounds, width: width,
                                  ascii: state.options.ascii, style: state.style("modal"), borderStyle: state.style("modal.border"))
        // The focused field: its value reversed, with the text cursor.
        if form.fields.indices.contains(form.focus) {
            let y = firstField + form.focus
            guard y < inner.height else { return }
            let row = inner.row(y)
            let x = row.x + 1 + labelWidth + 2
            let field = form.fields[form.focus]
            let valueRect = Rect(x: x, y: row.y, width: max(1, row.x + row.width - x), height: 1)
            if case .choice = field.kind {
                canvas.restyle(valueRect) { _ in state.style("selection") }
            } else {
                field.input.render(prompt: "", into: &canvas, rect: valueRect, style: state.style("selection"))
            }
        }
        if form.error != nil {
            let y = firstField + form.fields.count + 1
            if y < inner.height { canvas.restyle(inner.row(y)) { _ in state.style("alert") } }
        }
    }
}
