import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// What comes into the dashboard.
public enum AppEvent: Sendable {
    case key(Key)
    /// Keys that arrived together (a paste): each taken as if alone, but typing into a filter
    /// re-filters once after the run, not once per key.
    case keys([Key])
    /// A paste (bracketed by the terminal), line ends as `\n`: the grid fills cells from the
    /// cursor; a text field takes it as one line.
    case paste(String)
    /// A click or a notch of the wheel, and when (two presses close together are a double
    /// click; the runtime's clock, so tests give the time).
    case mouse(MouseEvent, at: Date)
    case resize(width: Int, height: Int)
    /// Time passes: the wall's clock and panels.
    case tick(Date)
    case loaded(DashboardData)
    /// A project's whole file (with 形象进度) for its detail page.
    case projectLoaded(ProjectFile)
    case loadFailed(String)
    /// Another process changed the store.
    case storeChanged
    /// The data loaded again after loads had failed (an interrupted write another terminal
    /// left, now rolled back); the words say so, or nil to clear the failure's message.
    case loadRecovered(String?)
    /// A theme file read for `:theme path`.
    case themeLoaded(Theme, name: String)
    /// A write went through; the words say what it did.
    case written(String, WriteRequest)
    /// A write was refused; the words say why (and who may). A stale edit: someone changed
    /// the row since it was loaded. `request`: the write refused (nil: the one on screen).
    case writeRefused(String, stale: Bool, request: WriteRequest? = nil)
    /// What `u` would take back (empty: nothing).
    case undoPrepared([String])
    case gridLoaded([ProgressSheetRow], month: YearMonth)
    /// Rows of the grid read again after a commit.
    case gridRowsLoaded([ProgressSheetRow], month: YearMonth)
    case historyLoaded(HistoryScope, [ChangeEntry])
    case decisionsLoaded(meeting: String, [MeetingDecision])
    case figuresComputed(OverviewFigures)
    /// `cmdroom triage MEETING`: open the meeting's page and its triage at once.
    case startTriage(String)
    /// An export's file was written, or why not.
    case exported(ExportOutcome)
}

/// What the dashboard asks the runtime to do.
public enum AppEffect: Equatable, Sendable {
    /// Read what the board needs as of the requested day (fast: the first frame waits for it).
    case reload
    /// Add the issues and meetings to the data on screen.
    case completeData
    /// Read one project's whole file for its page.
    case loadProject(String)
    /// Read and parse a theme file.
    case loadTheme(path: String)
    /// Make a write (checked by the store against the roster).
    case write(WriteRequest)
    /// Read the account's last undoable write, to ask before undoing it.
    case prepareUndo
    /// Read the progress grid's rows for its month.
    case loadGrid
    /// Read some of the grid's rows again.
    case loadGridRows([String])
    /// Read the board again after a write that changes no issue or meeting: the issues,
    /// meetings and queue on screen are kept (reading them again took most of a second on
    /// 20,000 projects).
    case reloadBoard
    case loadHistory(HistoryScope)
    /// Read what was recorded at a meeting (triage).
    case loadDecisions(String)
    /// Rank the localities for the overview's ranking page.
    case computeFigures
    /// Keep a line's history (the filters, the `:` commands) for the next run.
    case saveHistory(LineHistoryKind, [String])
    /// Write the view's rows to a file (`x`), off the loop.
    case export(ExportRequest)
    /// `:open NAME`: a store one level down, in a dashboard of its own, read-only (nil: list them).
    case openLower(String?)
    case quit
}

/// The dashboard's update: events change the state; effects say what I/O to do. Pure.
public enum Update {
    public static func apply(_ event: AppEvent, to state: inout AppState) -> [AppEffect] {
        let effects = handle(event, &state)
        wrapReportPage(&state)
        return effects
    }

    /// The bulletin or special report on screen, wrapped to the screen's width once (not per
    /// frame: at 20,000 projects the bulletin lists thousands of cards and issues).
    static func wrapReportPage(_ state: inout AppState) {
        guard state.view == .overview, state.overviewPage == .bulletin || state.overviewPage == .special,
              let figures = state.figures else {
            state.reportLines = nil
            return
        }
        let key = ReportLines.Key(page: state.overviewPage, width: state.width, lang: figures.lang)
        guard state.reportLines?.key != key else { return }
        let text = state.overviewPage == .bulletin ? figures.bulletin : figures.special
        state.reportLines = ReportLines(key: key, lines: ReportPageRender.wrapped(text, width: state.width - 2))
    }

    static func handle(_ event: AppEvent, _ state: inout AppState) -> [AppEffect] {
        switch event {
        case let .resize(width, height):
            state.width = width
            state.height = height
            return []
        case let .tick(date):
            state.now = date
            if state.options.wall, state.data != nil, !state.wall.held,
               date.timeIntervalSince(state.wall.lastSwitch) >= Double(max(1, state.options.cycleSeconds)) {
                if state.wall.lastSwitch != .distantPast { WallScreen.advance(&state) }
                state.wall.lastSwitch = date
            }
            return needsFigures(state) ? [.computeFigures] : []
        case let .loaded(data):
            let previous = state.data
            state.data = data
            // New data: the ranking page is worked out again when it is shown.
            if data.complete { state.figures = nil }
            if previous == nil { state.calendar.day = data.asOf }
            RowBuilding.reindex(&state, previous: previous)
            // During triage the agenda stays as it was when the meeting began: working an item
            // (reassigning an overdue issue) must not take it off the list being walked.
            if state.triage == nil, case let .meeting(id)? = state.detail, let meeting = data.portfolio.meetings.first(where: { $0.id == id }) {
                state.agenda = MeetingAgenda.build(meeting, data)
            }
            // "Refreshing…" has done its job; what a write said stays until the next key.
            if state.message == state.strings["msg.refreshing"] { state.message = nil }
            // The figures are worked out again only when a page or panel on screen shows them
            // (the wall's ranking, investment and awards panels in their turn).
            if needsFigures(state) { return [.computeFigures] }
            return data.complete ? [] : [.completeData]
        case let .projectLoaded(file):
            if case let .project(code)? = state.detail, code == file.project.code { state.projectFile = file }
            return []
        case let .loadFailed(message):
            state.message = message
            state.messageIsError = true
            return []
        case let .themeLoaded(theme, name):
            state.options.theme = theme
            state.options.themeName = name
            return []
        case let .loadRecovered(notice):
            if state.messageIsError || notice != nil {
                state.message = notice
                state.messageIsError = false
            }
            return []
        case .storeChanged:
            var effects: [AppEffect] = [.reload]
            if let triage = state.triage { effects.append(.loadDecisions(triage.meeting)) }
            else if case let .meeting(id)? = state.detail { effects.append(.loadDecisions(id)) }
            if case let .project(code)? = state.detail { effects.append(.loadProject(code)) }
            if case let .history(scope)? = state.detail { effects.append(.loadHistory(scope)) }
            if state.grid != nil { effects.append(.loadGrid) }
            return effects
        case let .key(key):
            return handle(key, &state)
        case let .keys(keys):
            return handleKeys(keys, &state)
        case let .paste(text):
            return paste(text, &state)
        case let .mouse(event, time):
            return mouse(event, at: time, &state)
        case let .written(message, request):
            return written(message, request, &state)
        case let .writeRefused(message, stale, request):
            return refused(message, stale: stale, request: request, &state)
        case let .undoPrepared(summary):
            undoPrepared(summary, &state)
            return []
        case let .gridLoaded(rows, month):
            gridLoaded(rows, month: month, &state)
            return []
        case let .gridRowsLoaded(rows, month):
            state.grid?.rowsLoaded(rows, month: month)
            return []
        case let .startTriage(id):
            guard let data = state.data, data.portfolio.meetings.contains(where: { $0.id == id }) else {
                state.message = state.strings.format("error.notFound", ["entity": state.strings["entity.meeting"], "key": id])
                state.messageIsError = true
                return []
            }
            state.showRoot(CalendarScreen())
            var effects = state.apply(MeetingPageScreen.open(id, &state), from: state.screens.removeLast())
            if let page = state.top as? MeetingPageScreen {
                effects += state.apply(TriageScreen.open(over: page, &state), from: state.screens.removeLast())
            }
            return effects
        case let .figuresComputed(figures):
            // Worked out off the loop: an answer for data or a language since replaced is dropped.
            guard figures.generation == state.data?.generation, figures.lang == state.options.lang else {
                return needsFigures(state) ? [.computeFigures] : []
            }
            state.figures = figures
            state.reportLines = nil   // wrapped again from the new figures
            return []
        case let .decisionsLoaded(meeting, decisions):
            decisionsLoaded(meeting, decisions, &state)
            return []
        case let .exported(outcome):
            ExportMessage.show(outcome, &state)
            return []
        case let .historyLoaded(scope, entries):
            if case .history(scope)? = state.detail { state.history = entries }
            return []
        }
    }

    /// A key goes to the screen on top: a binding's action to its `perform`, another key to
    /// its `typed`. C-c quits from anywhere, but with grid rows pending it asks first. While the
    /// terminal is too small only `q` (and C-c) do anything: keys typed blind act on nothing.
    static func handle(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        if state.tooSmall, key != .control("c") {
            guard key == .character("q") else { return [] }
            return handle(.control("c"), &state)
        }
        if key == .control("c") {
            if let grid = state.grid, grid.pendingRows > 0 {
                if state.gridQuestion == nil {
                    while !(state.top is GridScreen) { state.screens.removeLast() }
                    state.push(GridQuestionScreen(prompt: .quit))
                }
                return []
            }
            state.quit = true
            return [.quit]
        }
        let binding = state.top.bindings(state).binding(for: key)
        // What a view said before answers one key; a failure stays until it is dealt with.
        if binding != nil, state.top.clearsNoticeOnKey, state.message != nil, !state.messageIsError {
            state.message = nil
        }
        if let opens = binding?.opens {
            state.push(opens(state))
            return []
        }
        // Off the stack while it handles the key: what it edits has one owner and is changed
        // in place (a copy per key would make a long paste quadratic).
        var screen = state.screens.removeLast()
        let outcome = binding.map { screen.perform($0.action, &state) } ?? screen.typed(key, &state)
        var effects = state.apply(outcome, from: screen)
        // An overview page or wall panel that needs the figures (shown by `b`, `4`, Tab or
        // Space): work them out.
        if needsFigures(state), !effects.contains(.computeFigures) { effects.append(.computeFigures) }
        return effects
    }

    /// Whether what is on screen needs the overview's figures and they are not worked out.
    static func needsFigures(_ state: AppState) -> Bool {
        guard state.figures == nil, state.data?.complete == true else { return false }
        if state.options.wall {
            let shown = WallLayout.groups(state)[WallLayout.group(of: WallPanel(rawValue: state.wall.panel) ?? .summary, state)]
            return shown.contains { [.ranking, .investment, .awards].contains($0) }
        }
        return state.view == .overview && state.detail == nil && state.showFigures
    }

    /// Keys that arrived together, in order, each as `handle` takes it, except that a run of
    /// keys typed into a filter re-filters once at its end: re-filtering per key would make a
    /// 5,000-character paste 5,000 passes over every project, each with a longer query.
    static func handleKeys(_ keys: [Key], _ state: inout AppState) -> [AppEffect] {
        // A terminal without bracketed paste delivers a paste as a burst of keys: where a screen
        // reads it so (the grid), a burst of text with line ends or tabs is taken as the paste it is (cells filled,
        // nothing committed), not as values each committed by its Enter.
        if state.top.readsBurstsAsPaste, let text = burstAsPaste(keys) { return paste(text, &state) }
        var effects: [AppEffect] = []
        var run: [Key] = []
        func flush() {
            guard !run.isEmpty, var filter = state.top as? FilterLineScreen else { run = []; return }
            state.screens.removeLast()
            filter.typedRun(run, &state)
            state.screens.append(filter)
            run = []
        }
        for key in keys {
            if state.quit { break }
            if !state.tooSmall, let filter = state.top as? FilterLineScreen, filter.bindings(state).binding(for: key) == nil, key != .control("c") {
                run.append(key)
                continue
            }
            flush()
            effects += handle(key, &state)
        }
        flush()
        return effects
    }

    /// The text of keys that arrived together when they can only be a paste: printable
    /// characters and line ends or tabs, nothing else, with text after a line end or tab (two
    /// cells or more). One value and its Enter is taken as typed: it commits its row, as
    /// typing it would. CR and LF both arrive as Enter, so a CRLF copy comes as pairs, which
    /// `EscapeSequence.pastedText` reads as one line end.
    static func burstAsPaste(_ keys: [Key]) -> String? {
        var chars: [Character] = []
        var sawBreak = false, textAfterBreak = false
        for key in keys {
            switch key {
            case let .character(c):
                chars.append(c)
                if sawBreak { textAfterBreak = true }
            case .enter: chars.append("\r"); sawBreak = true
            case .tab: chars.append("\t"); sawBreak = true
            default: return nil
            }
        }
        guard textAfterBreak else { return nil }
        return EscapeSequence.pastedText(chars)
    }

    /// A paste goes to the screen on top: the grid fills cells from the cursor, a line being
    /// typed takes it as one line; elsewhere it does nothing but say so.
    static func paste(_ text: String, _ state: inout AppState) -> [AppEffect] {
        guard !state.quit, !state.tooSmall else { return [] }
        var screen = state.screens.removeLast()
        let outcome = screen.pasted(text, &state)
        return state.apply(outcome, from: screen)
    }

}
