import TerminalKit

/// An issue's page: its steps on the 13710 clock, who holds it, its deadlines.
struct IssuePageScreen: PageScreen {
    let detail: Detail
    var scroll = ScrollState()
    var link: Int?

    init(detail: Detail) { self.detail = detail }

    static func open(_ id: String, _ state: inout AppState) -> Outcome { Pages.open(.issue(id), &state) }

    func barred(_ bindings: [Binding]) -> [Binding] {
        bindings.bar(.issueSteps, "bar.steps", 40, .writer).bar(.remind, "bar.remind", 50, .writer)
            .bar(.history, "bar.history", 60).bar(.help, "bar.help", 70, .reader)
    }
}
