import TerminalKit

/// A project's page: its figures, 形象进度, cards by month, milestones, reminders and issues.
struct ProjectPageScreen: PageScreen {
    let detail: Detail
    var scroll = ScrollState()
    var link: Int?

    init(detail: Detail) { self.detail = detail }

    static func open(_ code: String, _ state: inout AppState) -> Outcome { Pages.open(.project(code), &state) }

    func barred(_ bindings: [Binding]) -> [Binding] {
        bindings.bar(.remind, "bar.remind", 40, .writer).bar(.newIssue, "bar.newIssue", 50, .writer)
            .bar(.history, "bar.history", 60).bar(.help, "bar.help", 70, .reader)
    }
}
