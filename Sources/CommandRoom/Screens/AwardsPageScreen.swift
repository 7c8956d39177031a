import KeyProjects
import TerminalKit

/// The quarter's 羚羊奖 and 蜗牛奖: a sub-command selected, its nominations; `p` proposes, `a`
/// records the awards.
struct AwardsPageScreen: OverviewPageScreen {
    var page: OverviewPage { .awards }
    /// The nominations scrolled sideways (← →) when a nominee's name is wider than its half.
    var columns = ColumnScroll()

    var showsRefresh: Bool { false }

    func pageBindings(_ state: AppState) -> [Binding] {
        SharedBindings.scroll.bar(.down, "bar.select", 30) + [
            Binding([.character("p")], .proposeAwards, help: "help.proposeAwards").bar("bar.propose", 40, .writer),
            Binding([.character("a")], .pickAwards, help: "help.pickAwards").bar("bar.pick", 50, .writer),
        ] + columns.bindings(maxOffset: AwardsRender.maxColumnOffset(state), arrows: true, rank: 60)
    }

    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? {
        if columns.move(action, maxOffset: AwardsRender.maxColumnOffset(state)) { return .handled() }
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            guard let figures = state.figures, let data = state.data else { return .handled() }
            var list = ListState(selected: state.awardsSelected)
            // The sub-commands are few: a page is one of them.
            list.move(action, count: AwardsRender.subcommands(figures, data).count, page: 1)
            state.awardsSelected = list.selected
            return .handled()
        case .proposeAwards, .pickAwards:
            return Update.awardsAction(action, &state)
        default:
            return nil
        }
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { AwardsRender.draw(state, &canvas, area, columns: columns) }
}
