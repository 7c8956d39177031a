import TerminalKit

/// What a key does.
public enum Action: Hashable, Sendable {
    case quit, help, command, refresh, nextView, previousView, show(DashboardView)
    case up, down, pageUp, pageDown, top, bottom, open, back
    case filter, sortNext, sortReverse, toggleGroup
    case overdueOnly, listedOnly, showCleared
    case previousDay, nextDay, previousWeek, nextWeek, previousMonth, nextMonth, today, nextMeeting, previousMeeting
    case nextPanel, previousPanel
    case nextLink, previousLink
    case remind, newIssue, issueSteps, undo, progressGrid, history, triage, toggleWeek
    /// The overview's pages; the awards page's writes.
    case nextPage, previousPage, proposeAwards, pickAwards
}

/// Where a binding applies.
public enum KeyContext: Hashable, Sendable {
    case global, board, queue, calendar, overview, detail, wall
}

/// One binding: the keys, what they do, where, and the help text's key in the strings table.
public struct Binding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let contexts: Set<KeyContext>
    public let help: String
}

/// The keymap: one table for the key handling, the help overlay and the key bar.
public enum Keymap {
    static let lists: Set<KeyContext> = [.board, .queue]
    static let scrolls: Set<KeyContext> = [.board, .queue, .detail, .overview]

    public static let bindings: [Binding] = [
        Binding(keys: [.character("q"), .control("c")], action: .quit, contexts: [.global, .wall], help: "help.quit"),
        Binding(keys: [.character("?"), .function(1)], action: .help, contexts: [.global, .wall], help: "help.help"),
        Binding(keys: [.character(":")], action: .command, contexts: [.global], help: "help.command"),
        Binding(keys: [.character("r"), .function(5)], action: .refresh, contexts: [.global, .wall], help: "help.refresh"),
        Binding(keys: [.character("1")], action: .show(.board), contexts: [.global], help: "help.view.board"),
        Binding(keys: [.character("2")], action: .show(.queue), contexts: [.global], help: "help.view.queue"),
        Binding(keys: [.character("3")], action: .show(.calendar), contexts: [.global], help: "help.view.calendar"),
        Binding(keys: [.character("4")], action: .show(.overview), contexts: [.global], help: "help.view.overview"),
        Binding(keys: [.tab], action: .nextView, contexts: [.global], help: "help.nextView"),
        Binding(keys: [.backTab], action: .previousView, contexts: [.global], help: "help.previousView"),
        Binding(keys: [.up, .character("k")], action: .up, contexts: scrolls, help: "help.up"),
        Binding(keys: [.down, .character("j")], action: .down, contexts: scrolls, help: "help.down"),
        Binding(keys: [.pageUp, .control("b")], action: .pageUp, contexts: scrolls, help: "help.pageUp"),
        Binding(keys: [.pageDown, .control("f"), .character(" ")], action: .pageDown, contexts: scrolls, help: "help.pageDown"),
        Binding(keys: [.home], action: .top, contexts: scrolls, help: "help.top"),
        Binding(keys: [.end, .character("G")], action: .bottom, contexts: scrolls, help: "help.bottom"),
        Binding(keys: [.enter, .right, .character("l")], action: .open, contexts: lists, help: "help.open"),
        Binding(keys: [.enter], action: .open, contexts: [.calendar], help: "help.openMeeting"),
        Binding(keys: [.escape, .left, .character("h"), .backspace], action: .back, contexts: [.detail], help: "help.back"),
        Binding(keys: [.tab, .character("n")], action: .nextLink, contexts: [.detail], help: "help.nextLink"),
        Binding(keys: [.backTab, .character("p")], action: .previousLink, contexts: [.detail], help: "help.previousLink"),
        Binding(keys: [.enter], action: .open, contexts: [.detail], help: "help.openLink"),
        Binding(keys: [.character("/")], action: .filter, contexts: lists, help: "help.filter"),
        Binding(keys: [.character("s")], action: .sortNext, contexts: [.board], help: "help.sort"),
        Binding(keys: [.character("S")], action: .sortReverse, contexts: [.board], help: "help.sortReverse"),
        Binding(keys: [.character("g")], action: .toggleGroup, contexts: [.board, .overview], help: "help.group"),
        Binding(keys: [.character("o")], action: .overdueOnly, contexts: [.queue], help: "help.overdue"),
        Binding(keys: [.character("L")], action: .listedOnly, contexts: [.queue], help: "help.listed"),
        Binding(keys: [.character("c")], action: .showCleared, contexts: [.queue], help: "help.cleared"),
        Binding(keys: [.left, .character("h")], action: .previousDay, contexts: [.calendar], help: "help.previousDay"),
        Binding(keys: [.right, .character("l")], action: .nextDay, contexts: [.calendar], help: "help.nextDay"),
        Binding(keys: [.up, .character("k")], action: .previousWeek, contexts: [.calendar], help: "help.previousWeek"),
        Binding(keys: [.down, .character("j")], action: .nextWeek, contexts: [.calendar], help: "help.nextWeek"),
        Binding(keys: [.pageUp, .character("[")], action: .previousMonth, contexts: [.calendar], help: "help.previousMonth"),
        Binding(keys: [.pageDown, .character("]")], action: .nextMonth, contexts: [.calendar], help: "help.nextMonth"),
        Binding(keys: [.character("t")], action: .today, contexts: [.calendar], help: "help.today"),
        Binding(keys: [.character("n")], action: .nextMeeting, contexts: [.calendar], help: "help.nextMeeting"),
        Binding(keys: [.character("p")], action: .previousMeeting, contexts: [.calendar], help: "help.previousMeeting"),
        Binding(keys: [.character("w")], action: .toggleWeek, contexts: [.calendar], help: "help.week"),
        Binding(keys: [.character("b")], action: .nextPage, contexts: [.overview], help: "help.nextPage"),
        Binding(keys: [.character("B")], action: .previousPage, contexts: [.overview], help: "help.previousPage"),
        Binding(keys: [.character("p")], action: .proposeAwards, contexts: [.overview], help: "help.proposeAwards"),
        Binding(keys: [.character("a")], action: .pickAwards, contexts: [.overview], help: "help.pickAwards"),
        Binding(keys: [.character("e")], action: .progressGrid, contexts: [.board], help: "help.grid"),
        Binding(keys: [.character("c")], action: .remind, contexts: [.board, .detail], help: "help.remind"),
        Binding(keys: [.character("N")], action: .newIssue, contexts: [.board, .queue, .detail], help: "help.newIssue"),
        Binding(keys: [.character("a")], action: .issueSteps, contexts: [.queue, .detail], help: "help.issueSteps"),
        Binding(keys: [.character("H")], action: .history, contexts: [.detail], help: "help.history"),
        Binding(keys: [.character("T")], action: .triage, contexts: [.detail], help: "help.triage"),
        Binding(keys: [.character("u")], action: .undo, contexts: [.global], help: "help.undo"),
        Binding(keys: [.right, .character(" "), .character("l")], action: .nextPanel, contexts: [.wall], help: "help.nextPanel"),
        Binding(keys: [.left, .character("h")], action: .previousPanel, contexts: [.wall], help: "help.previousPanel"),
    ]

    /// The action of `key` in `context`: the context's own bindings first, then global ones.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        if let b = bindings.first(where: { $0.contexts.contains(context) && $0.keys.contains(key) }) { return b.action }
        guard context != .wall else { return nil }
        return bindings.first { $0.contexts.contains(.global) && $0.keys.contains(key) }?.action
    }

    /// The actions that write: listed in the help only for an account that may write.
    static let writes: Set<Action> = [.remind, .newIssue, .issueSteps, .undo, .progressGrid, .triage, .proposeAwards, .pickAwards]

    /// Bindings to list in the help for `context`: its own, then the global ones.
    public static func help(for context: KeyContext, canWrite: Bool = false) -> [Binding] {
        let own = bindings.filter { $0.contexts.contains(context) && !$0.contexts.contains(.global) }
        let global = context == .wall ? [] : bindings.filter { $0.contexts.contains(.global) }
        return (own + global).filter { canWrite || !writes.contains($0.action) }
    }

    /// A short key bar for `context`.
    public static func bar(for context: KeyContext, canWrite: Bool = false, detail: Detail? = nil,
                           page: OverviewPage = .cards) -> [(key: Key, help: String)] {
        let pageKeys: [(key: Key, help: String)] = [(.escape, "bar.back"), (.down, "bar.scroll"), (.tab, "bar.link"), (.enter, "bar.open")]
        switch (context, detail) {
        case (.detail, .project?) where canWrite:
            return pageKeys + [(.character("c"), "bar.remind"), (.character("N"), "bar.newIssue"), (.character("H"), "bar.history"),
                               (.character("q"), "bar.quit")]
        case (.detail, .issue?) where canWrite:
            return pageKeys + [(.character("a"), "bar.steps"), (.character("c"), "bar.remind"), (.character("H"), "bar.history"),
                               (.character("q"), "bar.quit")]
        case (.detail, .meeting?) where canWrite:
            return pageKeys + [(.character("T"), "bar.triage"), (.character("?"), "bar.help"), (.character("q"), "bar.quit")]
        case (.detail, .meeting?), (.detail, .history?):
            return pageKeys + [(.character("?"), "bar.help"), (.character("q"), "bar.quit")]
        default: break
        }
        switch context {
        case .board where canWrite:
            return [(.character("?"), "bar.help"), (.character("/"), "bar.filter"), (.enter, "bar.open"),
                    (.character("e"), "bar.grid"), (.character("c"), "bar.remind"), (.character("g"), "bar.group"),
                    (.tab, "bar.views"), (.character("q"), "bar.quit")]
        case .queue where canWrite:
            return [(.character("?"), "bar.help"), (.character("/"), "bar.filter"), (.enter, "bar.open"),
                    (.character("a"), "bar.steps"), (.character("N"), "bar.newIssue"), (.character("o"), "bar.overdue"),
                    (.tab, "bar.views"), (.character("q"), "bar.quit")]
        case .board: return [(.character("?"), "bar.help"), (.character("/"), "bar.filter"), (.enter, "bar.open"),
                             (.character("g"), "bar.group"), (.character("s"), "bar.sort"), (.tab, "bar.views"),
                             (.character(":"), "bar.command"), (.character("q"), "bar.quit")]
        case .queue: return [(.character("?"), "bar.help"), (.character("/"), "bar.filter"), (.enter, "bar.open"),
                             (.character("o"), "bar.overdue"), (.character("L"), "bar.listed"), (.tab, "bar.views"),
                             (.character("q"), "bar.quit")]
        case .calendar: return [(.character("?"), "bar.help"), (.character("["), "bar.month"), (.character("w"), "bar.week"),
                                (.character("n"), "bar.meeting"), (.enter, "bar.open"), (.tab, "bar.views"), (.character("q"), "bar.quit")]
        case .overview where page == .awards && canWrite:
            return [(.character("?"), "bar.help"), (.character("b"), "bar.nextPage"), (.character("B"), "bar.previousPage"), (.down, "bar.select"),
                    (.character("p"), "bar.propose"), (.character("a"), "bar.pick"), (.tab, "bar.views"), (.character("q"), "bar.quit")]
        case .overview where page == .awards:
            return [(.character("?"), "bar.help"), (.character("b"), "bar.nextPage"), (.character("B"), "bar.previousPage"), (.down, "bar.select"),
                    (.tab, "bar.views"), (.character("q"), "bar.quit")]
        case .overview where page == .bulletin || page == .special:
            return [(.character("?"), "bar.help"), (.character("b"), "bar.nextPage"), (.character("B"), "bar.previousPage"), (.down, "bar.scroll"),
                    (.tab, "bar.views"), (.character("q"), "bar.quit")]
        case .overview: return [(.character("?"), "bar.help"), (.character("b"), "bar.nextPage"), (.character("B"), "bar.previousPage"),
                                (.character("g"), "bar.group"), (.tab, "bar.views"), (.character("r"), "bar.refresh"), (.character("q"), "bar.quit")]
        case .detail: return [(.escape, "bar.back"), (.down, "bar.scroll"), (.tab, "bar.link"), (.enter, "bar.open"),
                              (.character("H"), "bar.history"), (.character("?"), "bar.help"), (.character("q"), "bar.quit")]
        case .wall: return [(.character(" "), "bar.nextPanel"), (.character("q"), "bar.quit")]
        case .global: return []
        }
    }
}
