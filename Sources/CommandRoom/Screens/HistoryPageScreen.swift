import TerminalKit

/// Who changed a project (its ledger rows and issues) or an issue, and when.
struct HistoryPageScreen: PageScreen {
    let detail: Detail
    var scroll = ScrollState()
    var link: Int?

    init(detail: Detail) { self.detail = detail }

    func barred(_ bindings: [Binding]) -> [Binding] { bindings.bar(.help, "bar.help", 70) }
}
