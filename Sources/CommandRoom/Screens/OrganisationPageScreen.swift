import KeyProjects
import KeyProjectsReports
import TerminalKit

/// The organisation (`5`, `:org`): the headquarters, office, sub-commands with their commanders,
/// deputies and lead units, working groups, member units, the duty table, and the 责任清单 (every
/// project's 包联领导, 责任单位 and 责任人; every leader's projects, those over the limit flagged).
/// The lines are `cmdroom org`'s, laid out for the width when the page opens.
struct OrganisationPageScreen: Screen {
    let lines: [String]
    var scroll = ScrollState()

    init(state: AppState) {
        guard let data = state.data else { lines = [state.strings["msg.loading"]]; return }
        lines = OrganisationReport(organisation: data.organisation, projects: data.board.standings.map(\.project), strings: state.strings)
            .lines(width: max(20, state.width - 2))
    }

    func bindings(_ state: AppState) -> [Binding] {
        SharedBindings.scroll.bar(.down, "bar.scroll", 10)
            + [Binding([.escape, .left, .character("h"), .backspace], .back, help: "help.back").bar("bar.back", 0)]
            + SharedBindings.global(help: 60, views: 70)
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let height = Layout.body(state).height
        if scroll.move(action, lines: lines.count, height: height, page: height - 1) { return .handled() }
        if action == .back { return .pop() }
        return ViewActions.perform(action, &state)
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) {
        let items = lines.enumerated().map { i, line in
            ListItem(line, style: state.style(i == 0 || (!line.hasPrefix(" ") && !line.isEmpty) ? "table.section" : "text"))
        }
        ListView(items: items, offset: scroll.top, markStyle: state.style("muted"), indent: 1).render(into: &canvas, rect: area, mark: false)
    }

    func status(_ state: AppState) -> StatusParts? {
        let position = ListView(items: lines.map { ListItem($0) }, offset: scroll.top).position(height: Layout.body(state).height)
        return StatusParts(state.strings["org.page.status"] + (position.map { " · " + $0 } ?? ""))
    }
}
