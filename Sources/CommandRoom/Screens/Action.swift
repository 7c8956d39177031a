import KeyProjects
import TerminalKit

/// What a key does. Each screen says which keys do which (its `bindings`) and what each does
/// there (its `perform`).
public enum Action: Hashable, Sendable {
    case quit, help, command, refresh, nextView, previousView, show(DashboardView)
    case up, down, pageUp, pageDown, top, bottom, open, back
    case filter, sortNext, sortReverse, toggleGroup
    case overdueOnly, listedOnly, showCleared
    case previousDay, nextDay, previousWeek, nextWeek, previousMonth, nextMonth, today, nextMeeting, previousMeeting
    case nextPanel, previousPanel, holdPanel
    case nextLink, previousLink
    case remind, newIssue, issueSteps, undo, progressGrid, history, triage, toggleWeek
    /// The overview's pages; the awards page's writes.
    case nextPage, previousPage, proposeAwards, pickAwards
    /// The organisation page.
    case organisation
    /// `x` on a view: the question of the file's format; the format chosen.
    case export, exportAs(ExportFormat)
    /// A line being typed (`:`, a filter): keep it, cancel it, clear it, complete the word,
    /// go through the lines entered before.
    case submit, cancel, clearLine, complete, earlier, later
    /// A form's fields; a menu's entries.
    case nextField, previousField, choose, chooseStep(IssueActionKind)
    /// The grid: cells, rows, the month, saving.
    case left, right, firstColumn, lastColumn, nextCell, previousCell, commitRow, saveAll, previousGridMonth, nextGridMonth
    case editCell, search, switchScope, nextMatch
    case revertOrLeave, leave
    /// The grid's question: save all, discard, stay.
    case discard, stay
    /// Triage: items, and an action on the item.
    case nextItem, previousItem, firstItem, lastItem, agenda(TriageAction), jump, listItems

    /// The actions that write: offered only to an account that may write.
    static let writes: Set<Action> = [.remind, .newIssue, .issueSteps, .undo, .progressGrid, .triage, .proposeAwards, .pickAwards]
}

/// Bindings several screens share.
enum SharedBindings {
    /// A line typed in the status row (`/`, `:`): Enter keeps it, Esc cancels, C-u clears,
    /// Tab completes, ↑ ↓ walk the lines entered before.
    static let lineEditing: [Binding] = [
        Binding([.enter], .submit, help: nil).bar("bar.keep", 0),
        Binding([.escape], .cancel, help: nil).bar("bar.cancel", 10),
        Binding([.control("u")], .clearLine, help: nil).bar("bar.clearLine", 20),
        Binding([.tab], .complete, help: nil).bar("bar.complete", 30),
        Binding([.up], .earlier, help: nil).bar("bar.filterHistory", 40),
        Binding([.down], .later, help: nil),
    ]

    /// Every framed screen but the overlays: quit, help, `:`, refresh, the views, undo.
    static let global: [Binding] = [
        Binding([.character("q"), .control("c")], .quit, help: "help.quit"),
        Binding([.character("?"), .function(1)], .help, help: "help.help", opens: { HelpScreen(below: $0) }),
        Binding([.character(":")], .command, help: "help.command"),
        Binding([.character("r"), .function(5)], .refresh, help: "help.refresh"),
        Binding([.character("1")], .show(.board), help: "help.view.board"),
        Binding([.character("2")], .show(.queue), help: "help.view.queue"),
        Binding([.character("3")], .show(.calendar), help: "help.view.calendar"),
        Binding([.character("4")], .show(.overview), help: "help.view.overview"),
        Binding([.character("5")], .organisation, help: "help.organisation", opens: { OrganisationPageScreen(state: $0) }),
        Binding([.tab], .nextView, help: "help.nextView"),
        Binding([.backTab], .previousView, help: "help.previousView"),
        Binding([.character("u")], .undo, help: "help.undo"),
    ]

    /// Scrolling a list or a page.
    static let scroll: [Binding] = [
        Binding([.up, .character("k")], .up, help: "help.up"),
        Binding([.down, .character("j")], .down, help: "help.down"),
        Binding([.pageUp, .control("b")], .pageUp, help: "help.pageUp"),
        Binding([.pageDown, .control("f"), .character(" ")], .pageDown, help: "help.pageDown"),
        Binding([.home], .top, help: "help.top"),
        Binding([.end, .character("G")], .bottom, help: "help.bottom"),
    ]

    /// The global bindings with the usual places in the key bar: `?` first, Tab, `q` last.
    static func global(help: Int? = 0, views: Int? = 70, command: (Int, BarEntry.Shown)? = nil, refresh: Int? = nil) -> [Binding] {
        var list = global.bar(.quit, "bar.quit", 90)
        if let help { list = list.bar(.help, "bar.help", help) }
        if let views { list = list.bar(.nextView, "bar.views", views) }
        if let command { list = list.bar(.command, "bar.command", command.0, command.1) }
        if let refresh { list = list.bar(.refresh, "bar.refresh", refresh) }
        return list
    }
}
