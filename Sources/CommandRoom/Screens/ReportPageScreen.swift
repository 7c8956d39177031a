import KeyProjects
import TerminalKit

/// The monthly bulletin or the special report, as text scrolled by the arrows and pages (the
/// two pages differ only in their text); a table wider than the page scrolls sideways (← →).
struct ReportPageScreen: OverviewPageScreen {
    let page: OverviewPage
    var columns = ColumnScroll()

    init(page: OverviewPage) { self.page = page }

    var showsRefresh: Bool { false }

    func pageBindings(_ state: AppState) -> [Binding] {
        SharedBindings.scroll.bar(.down, "bar.scroll", 30)
            + columns.bindings(maxOffset: ReportPageRender.maxColumnOffset(state), arrows: true, rank: 40)
    }

    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? {
        if columns.move(action, maxOffset: ReportPageRender.maxColumnOffset(state)) { return .handled() }
        let height = Layout.body(state).height
        var scroll = ScrollState(top: state.overviewScroll)
        // A page down keeps two lines of the page before in view.
        guard scroll.move(action, lines: state.reportLines?.lines.count ?? 0, height: height, page: height - 2) else { return nil }
        state.overviewScroll = scroll.top
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { ReportPageRender.draw(state, &canvas, area, columns: columns) }
}
