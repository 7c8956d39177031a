import KeyProjects
import TerminalKit

/// A form over the screen (a reminder, a new issue, an issue's step, a triage decision, an
/// award, an undo to confirm): fields typed or chosen, Enter writes, Esc leaves.
struct FormScreen: Screen {
    var form: Form
    var isOverlay: Bool { true }

    init(_ form: Form) { self.form = form }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .submit, help: nil).bar("bar.submit", 0),
         Binding([.tab, .down], .nextField, help: nil).bar("bar.nextField", 10),
         Binding([.backTab, .up], .previousField, help: nil),
         Binding([.escape], .cancel, help: nil).bar("bar.cancel", 30),
         // ← → choose in a choice field (typed, not bound: in a text field they move the cursor).
         Binding([], .left, help: nil).bar("bar.choice", 20, key: .left)]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        if form.saving { return .handled() }   // the store's answer comes first
        switch action {
        case .cancel:
            return .pop()
        case .submit:
            switch FormCatalog.request(form, state) {
            case let .problem(text):
                form.error = text
            case var .request(request):
                // After a stale refusal: based on the issue as loaded now (the reload came in
                // after the refusal).
                if form.rebase, case let .issue(action, id, _) = request,
                   let current = state.data?.portfolio.issues.first(where: { $0.id == id }) {
                    request = .issue(action, id: id, basedOn: current.version)
                }
                form.error = nil
                form.saving = true
                return .handled([.write(request)])
            }
        case .nextField:
            if !form.fields.isEmpty { form.focus = (form.focus + 1) % form.fields.count }
        case .previousField:
            if !form.fields.isEmpty { form.focus = (form.focus + form.fields.count - 1) % form.fields.count }
        default: break
        }
        return .handled()
    }

    /// Typing: into a text field (edited in place), or a choice moved by ← → Space or found by
    /// part of its word (能源 → 市能源局).
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        guard !form.saving, form.fields.indices.contains(form.focus) else { return .handled() }
        guard case let .choice(codes, words) = form.fields[form.focus].kind else {
            _ = form.fields[form.focus].input.handle(key)
            return .handled()
        }
        var field = form.fields[form.focus]
        switch key {
        case .left: field.choice = (field.choice + codes.count - 1) % codes.count; field.input = TextInput()
        case .right, .character(" "): field.choice = (field.choice + 1) % codes.count; field.input = TextInput()
        case .character, .backspace:
            _ = field.input.handle(key)
            if let i = words.firstIndex(where: { !field.input.text.isEmpty && $0.contains(field.input.text) }) { field.choice = i }
        default: break
        }
        form.fields[form.focus] = field
        return .handled()
    }

    /// A paste goes into a text field as one line (line ends and tabs as spaces: a pasted line
    /// end never submits).
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        guard !form.saving, form.fields.indices.contains(form.focus), !form.fields[form.focus].isChoice else { return .handled() }
        for ch in TextPaste.oneLine(text) { _ = form.fields[form.focus].input.handle(.character(ch)) }
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { FormRender.form(form, state, &canvas) }

    /// A text field being typed in shows whole on the edit line across the screen (a long
    /// decision or 形象进度 is read there, not only in the field's few columns).
    func status(_ state: AppState) -> StatusParts? {
        guard form.fields.indices.contains(form.focus), !form.fields[form.focus].isChoice else { return nil }
        let field = form.fields[form.focus]
        return StatusParts(editing: field.input, label: state.strings[field.label] + state.strings["punct.colon"])
    }
}

/// Pasted text for a one-line field.
enum TextPaste {
    static func oneLine(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while body.hasSuffix("\n") { body.removeLast() }
        return String(body.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
    }
}
