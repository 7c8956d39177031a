import TerminalKit

/// A meeting's page: when and where, who attends, its agenda as of its date; `T` runs triage.
struct MeetingPageScreen: PageScreen {
    let detail: Detail
    var scroll = ScrollState()
    var link: Int?

    init(detail: Detail) { self.detail = detail }

    static func open(_ id: String, _ state: inout AppState) -> Outcome { Pages.open(.meeting(id), &state) }

    func barred(_ bindings: [Binding]) -> [Binding] {
        bindings.bar(.triage, "bar.triage", 40, .writer).bar(.help, "bar.help", 70)
    }
}
