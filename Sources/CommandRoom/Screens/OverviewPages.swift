import KeyProjects
import StringTables
import TerminalKit

/// A page of the overview (view 4): `b` and `B` go through the pages, each a screen of its own.
protocol OverviewPageScreen: Screen {
    var page: OverviewPage { get }
    /// The page's own keys, before the shared ones.
    func pageBindings(_ state: AppState) -> [Binding]
    /// The page's own actions (nil: not the page's).
    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome?
    /// Whether `r` has a place in its key bar (the pages of figures).
    var showsRefresh: Bool { get }
}

extension OverviewPageScreen {
    var view: DashboardView? { .overview }

    func bindings(_ state: AppState) -> [Binding] {
        ExportQuestionScreen.bindings(pageBindings(state) + [
            Binding([.character("b")], .nextPage, help: "help.nextPage").bar("bar.nextPage", 10),
            Binding([.character("B")], .previousPage, help: "help.previousPage").bar("bar.previousPage", 20),
        ], then: SharedBindings.global(refresh: showsRefresh ? 80 : nil), state)
    }

    var showsRefresh: Bool { true }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        if let outcome = pageAction(action, &state) { return outcome }
        switch action {
        case .nextPage, .previousPage:
            let pages = OverviewPages.available(state)
            let at = pages.firstIndex(of: page) ?? 0
            state.overviewPage = pages[(at + (action == .nextPage ? 1 : pages.count - 1)) % pages.count]
            state.overviewScroll = 0
            return .replace(OverviewPages.screen(for: state.overviewPage))
        case .toggleGroup:
            state.options.grouping = state.options.grouping == .subcommand ? .locality : .subcommand
            RowBuilding.resort(&state)
            return .handled()
        default:
            return ViewActions.perform(action, &state)
        }
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        key == .escape ? ViewActions.escape(&state) : .ignored
    }

    func status(_ state: AppState) -> StatusParts? {
        let s = state.strings
        let pages = OverviewPages.available(state)
        return StatusParts(s["status.overview"] + " · " + s.format("overview.page", ["n": String((pages.firstIndex(of: page) ?? 0) + 1), "of": String(pages.count),
                                                                                      "name": s["overview.page.\(page)"]]))
    }
}

enum OverviewPages {
    static func screen(for page: OverviewPage) -> any Screen {
        switch page {
        case .cards: return CardsPageScreen()
        case .ranking: return RankingPageScreen()
        case .investment: return InvestmentPageScreen()
        case .targets: return TargetsPageScreen()
        case .awards: return AwardsPageScreen()
        case .bulletin, .special: return ReportPageScreen(page: page)
        case .levels: return LevelsPageScreen()
        }
    }

    /// The pages there are: the lower stores' only where the store has some.
    static func available(_ state: AppState) -> [OverviewPage] {
        OverviewPage.allCases.filter { $0 != .levels || state.hasLowerStores }
    }

    /// `g` on the pages of figures: by sub-command or by locality.
    static func figureBindings() -> [Binding] {
        [Binding([.character("g")], .toggleGroup, help: "help.group").bar("bar.group", 30)]
    }
}

/// The card mix by sub-command and locality.
struct CardsPageScreen: OverviewPageScreen {
    var page: OverviewPage { .cards }
    func pageBindings(_ state: AppState) -> [Binding] { OverviewPages.figureBindings() }
    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? { nil }
    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { OverviewRender.draw(state, &canvas, area) }
}

/// The month's ranking of the localities.
struct RankingPageScreen: OverviewPageScreen {
    var page: OverviewPage { .ranking }
    func pageBindings(_ state: AppState) -> [Binding] { OverviewPages.figureBindings() }
    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? { nil }
    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { RankingRender.draw(state, &canvas, area) }
}

/// Investment against plan by locality, or by sub-command (`g`).
struct InvestmentPageScreen: OverviewPageScreen {
    var page: OverviewPage { .investment }
    /// Below 110 columns the amounts are reached sideways (← →).
    var columns = ColumnScroll()
    func pageBindings(_ state: AppState) -> [Binding] {
        OverviewPages.figureBindings() + columns.bindings(maxOffset: InvestmentRender.maxColumnOffset(state), arrows: true, rank: 40)
    }
    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? {
        if columns.move(action, maxOffset: InvestmentRender.maxColumnOffset(state)) { return .handled() }
        guard action == .toggleGroup else { return nil }
        state.investmentBySubcommand.toggle()
        return .handled()
    }
    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { InvestmentRender.draw(state, &canvas, area, columns: columns) }
}

/// The year's targets.
struct TargetsPageScreen: OverviewPageScreen {
    var page: OverviewPage { .targets }
    func pageBindings(_ state: AppState) -> [Binding] { OverviewPages.figureBindings() }
    mutating func pageAction(_ action: Action, _ state: inout AppState) -> Outcome? { nil }
    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { RankingRender.targets(state, &canvas, area) }
}
