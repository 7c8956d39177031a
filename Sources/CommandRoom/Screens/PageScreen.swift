import KeyProjects
import TerminalKit

/// A page over a view (a project's, an issue's, a meeting's, a history): lines scrolled by the
/// user, links between them (Tab, Enter), Esc back to what was under it.
protocol PageScreen: Screen {
    var detail: Detail { get }
    var scroll: ScrollState { get set }
    /// The link selected (Tab, Shift-Tab), by its order on the page.
    var link: Int? { get set }
    /// The page's keys in the key bar beyond scrolling and links, for a writer and for a
    /// reader (`?` goes in a reader's bar).
    func barred(_ bindings: [Binding]) -> [Binding]
}

extension PageScreen {
    func bindings(_ state: AppState) -> [Binding] {
        let own = SharedBindings.scroll.bar(.down, "bar.scroll", 10) + [
            Binding([.escape, .left, .character("h"), .backspace], .back, help: "help.back").bar("bar.back", 0),
            Binding([.tab, .character("n")], .nextLink, help: "help.nextLink").bar("bar.link", 20),
            Binding([.backTab, .character("p")], .previousLink, help: "help.previousLink"),
            Binding([.enter], .open, help: "help.openLink").bar("bar.open", 30),
            Binding([.character("c")], .remind, help: "help.remind"),
            Binding([.character("N")], .newIssue, help: "help.newIssue"),
            Binding([.character("a")], .issueSteps, help: "help.issueSteps"),
            Binding([.character("H")], .history, help: "help.history"),
            Binding([.character("T")], .triage, help: "help.triage"),
        ]
        return barred(own + SharedBindings.global(help: nil, views: nil))
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let lines = DetailRender.page(detail, state, width: state.width)
        let height = Layout.body(state).height
        if scroll.move(action, lines: lines.count, height: height, page: height - 1) { return .handled() }
        switch action {
        case .back:
            return .pop()
        case .nextLink, .previousLink:
            let count = Set(lines.compactMap(\.linkIndex)).count
            guard count > 0 else { return .handled() }
            let step = action == .nextLink ? 1 : count - 1
            let next = link.map { ($0 + step) % count } ?? (action == .nextLink ? 0 : count - 1)
            link = next
            // Bring the link's lines into view.
            if let first = lines.firstIndex(where: { $0.linkIndex == next }) {
                let last = lines.lastIndex { $0.linkIndex == next } ?? first
                if first < scroll.top { scroll.top = first }
                if last >= scroll.top + height { scroll.top = last - height + 1 }
            }
            scroll.top = min(max(0, scroll.top), max(0, lines.count - height))
            return .handled()
        case .open:
            guard let k = link, let target = lines.first(where: { $0.linkIndex == k })?.link else { return .handled() }
            return Pages.open(target, &state)
        case .history:
            switch detail {
            case let .project(code): return Pages.open(.history(.project(code)), &state)
            case let .issue(id): return Pages.open(.history(.issue(id)), &state)
            default: return .handled()
            }
        case .triage:
            return TriageScreen.open(over: self, &state)
        case .remind, .newIssue, .issueSteps:
            return WriteActions.perform(action, &state, page: self)
        default:
            return ViewActions.perform(action, &state)
        }
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { DetailRender.draw(detail, state, &canvas, area) }

    func status(_ state: AppState) -> StatusParts? { StatusParts(DetailRender.position(detail, state) ?? "") }

    /// Back on top after the page over it closed: its data read again, as when it opened.
    mutating func reappeared(_ state: inout AppState) -> [AppEffect] {
        link = nil
        return Pages.load(detail, &state)
    }
}

enum Pages {
    /// Opens a page over the screen on top.
    static func open(_ detail: Detail, _ state: inout AppState) -> Outcome {
        let effects = load(detail, &state)
        switch detail {
        case .project: return .push(ProjectPageScreen(detail: detail), effects)
        case .issue: return .push(IssuePageScreen(detail: detail), effects)
        case .meeting: return .push(MeetingPageScreen(detail: detail), effects)
        case .history: return .push(HistoryPageScreen(detail: detail), effects)
        }
    }

    /// What a page needs read or built before it shows.
    static func load(_ detail: Detail, _ state: inout AppState) -> [AppEffect] {
        switch detail {
        case let .project(code):
            state.projectFile = nil
            return [.loadProject(code)]
        case .issue:
            return []
        case let .history(scope):
            state.history = nil
            return [.loadHistory(scope)]
        case let .meeting(id):
            if let data = state.data, let meeting = data.portfolio.meetings.first(where: { $0.id == id }) {
                state.agenda = MeetingAgenda.build(meeting, data)
            }
            // What was recorded there: the page marks those items worked.
            return [.loadDecisions(id)]
        }
    }
}
