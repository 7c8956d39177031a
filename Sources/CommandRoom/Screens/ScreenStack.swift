import KeyProjects
import TerminalKit

/// The screen stack, and what the rest of the dashboard (the events, the runtime, tests) asks
/// of it: the view shown, the page, the overlay, the grid and triage when open.
extension AppState {
    /// The screen that takes the keys.
    public var top: any Screen { screens[screens.count - 1] }

    /// The page (project, issue, meeting, history) nearest the top.
    public var detail: Detail? { pageScreen?.detail }

    var pageScreen: (any PageScreen)? { screens.last { $0 is any PageScreen } as? any PageScreen }

    /// The first line shown of the page nearest the top.
    public var detailScroll: Int { pageScreen?.scroll.top ?? 0 }
    /// The link selected on that page (Tab), by its order on the page.
    public var detailLink: Int? { pageScreen?.link }

    /// The overlay on top, as a value (help, the `:` line, the step menu, a form).
    public var overlay: Overlay? {
        switch top {
        case is HelpScreen: return .help
        case let command as CommandLineScreen: return .command(command.input)
        case let menu as StepMenuScreen: return .menu(menu.menu)
        case let form as FormScreen: return .form(form.form)
        default: return nil
        }
    }

    /// The filter being typed: the board's (true) or the queue's (false).
    public var filterTyped: Bool? { (top as? FilterLineScreen)?.board }

    /// The question asked over the grid (save all / discard / stay), while it is.
    public var gridQuestion: GridPrompt? { (top as? GridQuestionScreen)?.prompt }

    /// The monthly progress grid, while it is open; set: changed where it is on the stack
    /// (nil closes it and what is over it).
    public var grid: GridUI? {
        get { screens.lazy.compactMap { ($0 as? GridScreen)?.grid }.last }
        set { update(GridScreen.self, newValue) { $0.grid = $1 } }
    }

    /// Triage at the meeting on screen, while it runs; set like `grid`.
    public var triage: TriageUI? {
        get { screens.lazy.compactMap { ($0 as? TriageScreen)?.triage }.last }
        set { update(TriageScreen.self, newValue) { $0.triage = $1 } }
    }

    /// Changes the last screen of type `T` on the stack; nil closes it and the screens over it.
    mutating func update<T: Screen, V>(_ type: T.Type, _ value: V?, _ apply: (inout T, V) -> Void) {
        guard let i = screens.lastIndex(where: { $0 is T }) else { return }
        guard let value else {
            screens.removeSubrange(i...)
            return
        }
        var screen = screens[i] as! T
        apply(&screen, value)
        screens[i] = screen
    }

    /// Opens a screen over the others.
    mutating func push(_ screen: any Screen) { screens.append(screen) }

    /// Closes the overlays on top (a form or a menu whose write went through).
    mutating func closeOverlays() {
        while screens.count > 1, top.isOverlay { screens.removeLast() }
    }

    /// Closes every screen but a new root.
    mutating func showRoot(_ screen: any Screen) { screens = [screen] }

    /// The screen of a view (the overview's on its current page).
    func rootScreen(for view: DashboardView) -> any Screen {
        switch view {
        case .board: return BoardScreen()
        case .queue: return QueueScreen()
        case .calendar: return CalendarScreen()
        case .overview: return OverviewPages.screen(for: overviewPage)
        }
    }

    /// Applies what a screen's handling led to; `screen` is the screen that handled it, taken
    /// off the stack while it did.
    mutating func apply(_ outcome: Outcome, from screen: any Screen) -> [AppEffect] {
        switch outcome {
        case let .handled(effects):
            screens.append(screen)
            return effects
        case .ignored:
            screens.append(screen)
            return []
        case let .push(next, effects):
            screens.append(screen)
            screens.append(next)
            return effects
        case let .pop(effects):
            if screens.isEmpty { screens = [screen] }   // the root stays
            guard screen is any PageScreen, var below = screens.last as? any PageScreen else { return effects }
            screens.removeLast()
            let more = below.reappeared(&self)
            screens.append(below)
            return effects + more
        case let .replace(next, effects):
            screens.append(next)
            return effects
        case let .root(next, effects):
            screens = [next]
            return effects
        case .quit:
            screens.append(screen)
            quit = true
            return [.quit]
        }
    }
}
