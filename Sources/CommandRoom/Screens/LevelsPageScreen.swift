import KeyProjects
import TerminalKit

/// The overview's page of the stores one level down (a province's cities, a city's counties),
/// each rolled up from its own data: cards, investment against the year's plan, overdue issues.
/// Enter opens the selected store's board read-only (as `:open`).
struct LevelsPageScreen: OverviewPageScreen {
    var page: OverviewPage { .levels }
    var showsRefresh: Bool { true }

    func pageBindings(_ state: AppState) -> [Binding] {
        SharedBindings.scroll.bar(.down, "bar.select", 30) + [
            Binding([.enter], .open, help: "help.openLower").bar("bar.open", 40),
        ]
    }

    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? {
        let levels = state.figures?.levels ?? []
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            var list = ListState(selected: state.levelsSelected)
            list.move(action, count: levels.count, page: max(1, state.height - 6))
            state.levelsSelected = list.selected
            return .handled()
        case .open:
            guard levels.indices.contains(state.levelsSelected) else { return .handled() }
            return .handled([.openLower(levels[state.levelsSelected].store)])
        default:
            return nil
        }
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { LevelsRender.draw(state, &canvas, area) }
}
