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
            if state.options.wall, state.data != nil,
               date.timeIntervalSince(state.wall.lastSwitch) >= Double(max(1, state.options.cycleSeconds)) {
                if state.wall.lastSwitch != .distantPast { advanceWall(&state) }
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
            state.view = .calendar
            var effects = open(.meeting(id), &state, push: false)
            effects += openTriage(&state)
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
        case let .historyLoaded(scope, entries):
            if case .history(scope)? = state.detail { state.history = entries }
            return []
        }
    }

    static func context(_ state: AppState) -> KeyContext {
        if state.options.wall { return .wall }
        if state.detail != nil { return .detail }
        switch state.view {
        case .board: return .board
        case .queue: return .queue
        case .calendar: return .calendar
        case .overview: return .overview
        }
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        if key == .control("c") {
            // With grid rows pending, C-c asks first (save all / discard / stay).
            if var grid = state.grid, grid.pendingRows > 0 {
                if grid.prompt == nil {
                    state.overlay = nil
                    grid.prompt = .quit
                    state.grid = grid
                }
                return []
            }
            state.quit = true
            return [.quit]
        }
        if editTextInPlace(key, &state) { return [] }
        if let overlay = state.overlay { return handleOverlay(overlay, key, &state) }
        if state.grid != nil && !state.options.wall { return handleGrid(key, &state) }
        if state.triage != nil && !state.options.wall { return handleTriage(key, &state) }
        if !state.options.wall && state.detail == nil {
            if state.view == .board && state.board.filtering { editFilter(key, board: true, &state); return [] }
            if state.view == .queue && state.queue.filtering { editFilter(key, board: false, &state); return [] }
        }
        let context = context(state)
        guard let action = Keymap.action(for: key, in: context) else {
            if key == .escape { clearTransient(&state) }
            return []
        }
        if state.message != nil && !state.messageIsError { state.message = nil }
        var effects = perform(action, context, &state)
        keepSelectionInView(&state)
        // An overview page or wall panel that needs the figures (shown by `b`, `4`, Tab or
        // Space): work them out.
        if needsFigures(state), !effects.contains(.computeFigures) { effects.append(.computeFigures) }
        return effects
    }

    /// Whether what is on screen needs the overview's figures and they are not worked out.
    static func needsFigures(_ state: AppState) -> Bool {
        guard state.figures == nil, state.data?.complete == true else { return false }
        if state.options.wall {
            return [.ranking, .investment, .awards].contains(WallPanel(rawValue: state.wall.panel) ?? .summary)
        }
        return state.view == .overview && state.detail == nil && state.showFigures
    }

    /// Rows of the board's and the queue's tables under the chrome (header, totals, column
    /// titles, status line, key bar).
    static func tableHeight(_ state: AppState) -> Int { max(1, state.height - 6) }

    /// Scrolls the tables so the selection stays in view, moving the view only when it must.
    /// The wall's next page, or its next panel after a panel's last page.
    static func advanceWall(_ state: inout AppState) {
        let panel = WallPanel(rawValue: state.wall.panel) ?? .summary
        if WallRender.currentPage(panel, state) + 1 < WallRender.pageCount(panel, state) {
            state.wall.page += 1
        } else {
            state.wall.panel = (state.wall.panel + 1) % WallPanel.allCases.count
            state.wall.page = 0
        }
    }

    static func keepSelectionInView(_ state: inout AppState) {
        let h = tableHeight(state)
        state.board.offset = RowBuilding.boardOffset(selected: state.board.selected, offset: state.board.offset, height: h,
                                                     rows: state.board.rows)
        RowBuilding.noteSelection(&state)
        state.queue.offset = TableView.visibleOffset(selected: state.queue.selected, offset: state.queue.offset, height: h,
                                                     count: state.queue.rows.count)
    }

    static func perform(_ action: Action, _ context: KeyContext, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .quit:
            state.quit = true
            return [.quit]
        case .help:
            state.overlay = .help
        case .command:
            state.overlay = .command(TextInput())
        case .refresh:
            state.message = state.strings["msg.refreshing"]
            state.messageIsError = false
            return [.reload]
        case let .show(view):
            state.detail = nil
            state.view = view
        case .nextView, .previousView:
            state.detail = nil
            let all = DashboardView.allCases
            let i = all.firstIndex(of: state.view)! + (action == .nextView ? 1 : all.count - 1)
            state.view = all[i % all.count]
        case .back:
            if let previous = state.detailStack.popLast() {
                let effects = open(previous.detail, &state, push: false)
                state.detailScroll = previous.scroll
                return effects
            }
            state.detail = nil
            state.detailScroll = 0
            state.detailLink = nil
        case .toggleGroup where context == .overview && state.overviewPage == .investment:
            state.investmentBySubcommand.toggle()
        case .toggleGroup:
            state.options.grouping = state.options.grouping == .subcommand ? .locality : .subcommand
            RowBuilding.resort(&state)
        case .remind, .newIssue, .issueSteps, .undo:
            return writeAction(action, &state)
        case .progressGrid:
            return openGrid(&state)
        case .triage:
            return openTriage(&state)
        case .history:
            switch state.detail {
            case let .project(code)?: return open(.history(.project(code)), &state, push: true)
            case let .issue(id)?: return open(.history(.issue(id)), &state, push: true)
            default: return []
            }
        case .nextPanel:
            advanceWall(&state)
            state.wall.lastSwitch = state.now
        case .previousPanel:
            if state.wall.page > 0 {
                state.wall.page -= 1
            } else {
                state.wall.panel = (state.wall.panel + WallPanel.allCases.count - 1) % WallPanel.allCases.count
                state.wall.page = 0
            }
            state.wall.lastSwitch = state.now
        default:
            switch context {
            case .board: return boardAction(action, &state)
            case .queue: queueAction(action, &state)
            case .calendar: calendarAction(action, &state)
            case .detail: return detailAction(action, &state)
            case .overview: return overviewAction(action, &state)
            case .global, .wall: break
            }
        }
        return []
    }

    // MARK: overview

    static func overviewAction(_ action: Action, _ state: inout AppState) -> [AppEffect] {
        let pages = OverviewPage.allCases.count
        let page = max(1, state.height - 5)
        switch action {
        case .nextPage, .previousPage:
            state.overviewPage = OverviewPage(rawValue: (state.overviewPage.rawValue + (action == .nextPage ? 1 : pages - 1)) % pages)!
            state.overviewScroll = 0
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            switch state.overviewPage {
            case .bulletin, .special:
                let lines = state.reportLines?.lines.count ?? 0
                let last = max(0, lines - max(1, state.height - 3))
                let moved: Int = switch action {
                case .up: state.overviewScroll - 1
                case .down: state.overviewScroll + 1
                case .pageUp: state.overviewScroll - page
                case .pageDown: state.overviewScroll + page
                case .top: 0
                default: last
                }
                state.overviewScroll = max(0, min(last, moved))
            case .awards:
                guard let figures = state.figures, let data = state.data else { return [] }
                let count = AwardsRender.subcommands(figures, data).count
                let moved: Int = switch action {
                case .up, .pageUp: state.awardsSelected - 1
                case .down, .pageDown: state.awardsSelected + 1
                case .top: 0
                default: count - 1
                }
                state.awardsSelected = max(0, min(count - 1, moved))
            default: break
            }
        case .proposeAwards, .pickAwards:
            guard state.overviewPage == .awards else {
                state.message = state.strings["msg.awardsPageOnly"]
                state.messageIsError = true
                return []
            }
            return awardsAction(action, &state)
        default: break
        }
        return []
    }

    // MARK: board

    static func boardAction(_ action: Action, _ state: inout AppState) -> [AppEffect] {
        let rows = state.board.rows
        let page = max(1, state.height - 6)
        switch action {
        case .up: state.board.selected = step(from: state.board.selected, by: -1, in: rows)
        case .down: state.board.selected = step(from: state.board.selected, by: 1, in: rows)
        case .pageUp: state.board.selected = step(from: state.board.selected, by: -page, in: rows)
        case .pageDown: state.board.selected = step(from: state.board.selected, by: page, in: rows)
        case .top: state.board.selected = RowBuilding.clampSelection(0, in: rows)
        case .bottom: state.board.selected = step(from: rows.count, by: -1, in: rows)
        case .open:
            guard state.board.selected < rows.count, case let .project(i) = rows[state.board.selected],
                  let data = state.data else { return [] }
            return open(.project(data.board.standings[i].project.code), &state, push: false)
        case .filter:
            state.board.filtering = true
        case .sortNext:
            let all = BoardSort.allCases
            state.board.sort = all[(all.firstIndex(of: state.board.sort)! + 1) % all.count]
            state.board.descending = false
            RowBuilding.resort(&state)
        case .sortReverse:
            state.board.descending.toggle()
            RowBuilding.resort(&state)
        default: break
        }
        return []
    }

    /// Moves a board selection, skipping group headings.
    static func step(from i: Int, by delta: Int, in rows: [BoardRowRef]) -> Int {
        guard !rows.isEmpty else { return 0 }
        var j = min(max(0, i + delta), rows.count - 1)
        let direction = delta < 0 ? -1 : 1
        while j >= 0 && j < rows.count, case .heading = rows[j] { j += direction }
        if j < 0 || j >= rows.count { return RowBuilding.clampSelection(i, in: rows) }
        return j
    }

    // MARK: queue

    static func queueAction(_ action: Action, _ state: inout AppState) {
        let count = state.queue.rows.count
        let page = max(1, state.height - 6)
        switch action {
        case .up: state.queue.selected = max(0, state.queue.selected - 1)
        case .down: state.queue.selected = min(max(0, count - 1), state.queue.selected + 1)
        case .pageUp: state.queue.selected = max(0, state.queue.selected - page)
        case .pageDown: state.queue.selected = min(max(0, count - 1), state.queue.selected + page)
        case .top: state.queue.selected = 0
        case .bottom: state.queue.selected = max(0, count - 1)
        case .open:
            guard state.queue.selected < count, let data = state.data else { return }
            _ = open(.issue(data.queue[state.queue.rows[state.queue.selected]].issue.id), &state, push: false)
        case .filter: state.queue.filtering = true
        case .overdueOnly:
            state.queue.overdueOnly.toggle()
            RowBuilding.refreshQueue(&state)
        case .listedOnly:
            state.queue.listedOnly.toggle()
            RowBuilding.refreshQueue(&state)
        case .showCleared:
            state.queue.showCleared.toggle()
            RowBuilding.refreshQueue(&state)
        default: break
        }
    }

    // MARK: calendar

    static func calendarAction(_ action: Action, _ state: inout AppState) {
        let day = state.calendar.day
        switch action {
        case .previousDay: moveDay(to: day.adding(days: -1), &state)
        case .nextDay: moveDay(to: day.adding(days: 1), &state)
        case .previousWeek: moveDay(to: day.adding(days: -7), &state)
        case .nextWeek: moveDay(to: day.adding(days: 7), &state)
        case .previousMonth, .nextMonth:
            let wanted = state.calendar.dayOfMonth ?? day.dayOfMonth
            let month = day.yearMonth.adding(months: action == .nextMonth ? 1 : -1)
            moveDay(to: Day(year: month.year, month: month.month, day: min(wanted, month.dayCount))!, &state)
            state.calendar.dayOfMonth = wanted
        case .today: moveDay(to: state.data?.asOf ?? day, &state)
        case .toggleWeek: state.calendar.week.toggle()
        case .nextMeeting, .previousMeeting:
            let count = meetings(on: state.calendar.day, state).count
            guard count > 0 else { return }
            state.calendar.selected = (state.calendar.selected + (action == .nextMeeting ? 1 : count - 1)) % count
        case .open:
            let list = meetings(on: state.calendar.day, state)
            guard state.calendar.selected < list.count, state.data != nil else { return }
            _ = open(.meeting(list[state.calendar.selected].id), &state, push: false)
        default: break
        }
    }

    static func moveDay(to day: Day, _ state: inout AppState) {
        state.calendar.day = day
        state.calendar.selected = 0
        state.calendar.dayOfMonth = nil
    }

    static func meetings(on day: Day, _ state: AppState) -> [Meeting] {
        Meetings.between(state.data?.portfolio.meetings ?? [], from: day, to: day)
    }

    // MARK: detail pages

    /// Opens a page; from a link (`push`), the page left is kept for Esc.
    static func open(_ detail: Detail, _ state: inout AppState, push: Bool) -> [AppEffect] {
        if push, let current = state.detail { state.detailStack.append((current, state.detailScroll)) }
        if !push && state.detail == nil { state.detailStack = [] }
        state.detail = detail
        state.detailScroll = 0
        state.detailLink = nil
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
            return []
        }
    }

    /// Rows a detail page has on screen (between the header and the status line).
    static func detailHeight(_ state: AppState) -> Int { max(1, state.height - 3) }

    static func detailAction(_ action: Action, _ state: inout AppState) -> [AppEffect] {
        guard let detail = state.detail else { return [] }
        let lines = DetailRender.page(detail, state, width: state.width)
        let height = detailHeight(state)
        let maxScroll = max(0, lines.count - height)
        let page = max(1, height - 1)
        switch action {
        case .up: state.detailScroll -= 1
        case .down: state.detailScroll += 1
        case .pageUp: state.detailScroll -= page
        case .pageDown: state.detailScroll += page
        case .top: state.detailScroll = 0
        case .bottom: state.detailScroll = maxScroll
        case .nextLink, .previousLink:
            let count = Set(lines.compactMap(\.linkIndex)).count
            guard count > 0 else { return [] }
            let step = action == .nextLink ? 1 : count - 1
            let next = state.detailLink.map { ($0 + step) % count } ?? (action == .nextLink ? 0 : count - 1)
            state.detailLink = next
            // Bring the link's lines into view.
            if let first = lines.firstIndex(where: { $0.linkIndex == next }) {
                let last = lines.lastIndex { $0.linkIndex == next } ?? first
                if first < state.detailScroll { state.detailScroll = first }
                if last >= state.detailScroll + height { state.detailScroll = last - height + 1 }
            }
        case .open:
            guard let k = state.detailLink, let target = lines.first(where: { $0.linkIndex == k })?.link else { return [] }
            return open(target, &state, push: true)
        default: break
        }
        state.detailScroll = min(max(0, state.detailScroll), maxScroll)
        return []
    }

    // MARK: filter and overlays

    static func editFilter(_ key: Key, board: Bool, _ state: inout AppState) {
        let input: WritableKeyPath<AppState, TextInput> = board ? \.board.filter : \.queue.filter
        let history: WritableKeyPath<AppState, FilterHistory> = board ? \.board.filterHistory : \.queue.filterHistory
        let candidates: WritableKeyPath<AppState, [String]> = board ? \.board.filterCandidates : \.queue.filterCandidates
        state[keyPath: candidates] = []
        switch key {
        case .enter:
            if board { state.board.filtering = false } else { state.queue.filtering = false }
            state[keyPath: history].add(state[keyPath: input].text)
        case .escape:
            state[keyPath: history].position = nil
            if board { state.board.filtering = false; state.board.filter = TextInput(); RowBuilding.refreshBoard(&state) }
            else { state.queue.filtering = false; state.queue.filter = TextInput(); RowBuilding.refreshQueue(&state) }
        case .up, .down:
            // The filters entered before, the line being typed after the newest.
            let current = state[keyPath: input].text
            guard let text = key == .up ? state[keyPath: history].older(current) : state[keyPath: history].newer() else { return }
            state[keyPath: input] = TextInput(text)
            if text != current { refilter(board: board, &state) }
        case .tab:
            let spec = (board ? BoardFilterMatch.spec : QueueFilterMatch.spec).with(state.data?.organisation)
            let before = state[keyPath: input]
            let done = FilterQuery.complete(before.characters, cursor: before.cursor, spec)
            var after = TextInput(String(done.text))
            after.cursor = done.cursor
            state[keyPath: input] = after
            state[keyPath: candidates] = done.candidates
            if after != before { refilter(board: board, &state) }
        default:
            let changed = board ? state.board.filter.handle(key) : state.queue.filter.handle(key)
            if changed { refilter(board: board, &state) }
        }
    }

    /// The board's or the queue's rows for an edited filter, from the top.
    static func refilter(board: Bool, _ state: inout AppState) {
        if board {
            state.board.selected = 0; state.board.offset = 0
            RowBuilding.refreshBoard(&state)
        } else {
            state.queue.selected = 0; state.queue.offset = 0
            RowBuilding.refreshQueue(&state)
        }
    }

    /// Whether a key now goes to the board's (true) or the queue's (false) filter being typed:
    /// the same conditions as `handle` checks, in its order.
    static func filterBeingTyped(_ state: AppState) -> Bool? {
        guard state.overlay == nil, !state.options.wall, state.grid == nil, state.triage == nil, state.detail == nil else { return nil }
        if state.view == .board && state.board.filtering { return true }
        if state.view == .queue && state.queue.filtering { return false }
        return nil
    }

    /// Keys that arrived together, in order, each as `handle` takes it, except that a run of
    /// keys typed into a filter re-filters once at its end: re-filtering per key would make a
    /// 5,000-character paste 5,000 passes over every project, each with a longer query.
    static func handleKeys(_ keys: [Key], _ state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        var edited: Bool? = nil   // a filter edited and not yet applied: the board's or the queue's
        for key in keys {
            if state.quit { break }
            if ![.enter, .escape, .control("c"), .up, .down, .tab].contains(key), let board = filterBeingTyped(state) {
                if board ? state.board.filter.handle(key) : state.queue.filter.handle(key) { edited = board }
                continue
            }
            if let board = edited { refilter(board: board, &state); edited = nil }
            effects += handle(key, &state)
        }
        if let board = edited { refilter(board: board, &state) }
        return effects
    }

    /// A paste: into the `:` line, a form's text field or a filter being typed as one line
    /// (line ends and tabs as spaces: a pasted newline never submits); in the grid, cells
    /// from the cursor. Elsewhere it does nothing but say so.
    static func paste(_ text: String, _ state: inout AppState) -> [AppEffect] {
        guard !state.quit else { return [] }
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while body.hasSuffix("\n") { body.removeLast() }
        let line = String(body.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
        switch state.overlay {
        case .command?:
            for ch in line { _ = editTextInPlace(.character(ch), &state) }
            return []
        case let .form(form)?:
            if !form.saving, form.fields.indices.contains(form.focus), !form.fields[form.focus].isChoice {
                for ch in line { _ = editTextInPlace(.character(ch), &state) }
            }
            return []
        case .help?, .menu?:
            return []
        case nil: break
        }
        if state.grid != nil && !state.options.wall {
            pasteIntoGrid(text, &state)
            return []
        }
        if filterBeingTyped(state) != nil {
            return handleKeys(line.map { .character($0) }, &state)
        }
        state.message = state.strings["msg.pasteIgnored"]
        state.messageIsError = false
        return []
    }

    static func clearTransient(_ state: inout AppState) {
        state.message = nil
        state.messageIsError = false
        if state.view == .board && !state.board.filter.text.isEmpty {
            state.board.filter = TextInput()
            RowBuilding.refreshBoard(&state)
        } else if state.view == .queue && !state.queue.filter.text.isEmpty {
            state.queue.filter = TextInput()
            RowBuilding.refreshQueue(&state)
        }
    }

    /// A key that edits the text of the `:` line or of a form's focused text field, applied to
    /// that text where it lies: the overlay is taken out of the state first, so the text has one
    /// owner and is edited in place (a copy per key would make a long paste quadratic). False
    /// for every other key, which `handleOverlay` takes.
    static func editTextInPlace(_ key: Key, _ state: inout AppState) -> Bool {
        switch key {
        case .escape, .enter, .tab, .backTab, .up, .down: return false
        default: break
        }
        if case .command(var input)? = state.overlay {
            state.overlay = nil
            _ = input.handle(key)
            state.overlay = .command(input)
            return true
        }
        if case .form(var form)? = state.overlay, !form.saving, form.fields.indices.contains(form.focus),
           !form.fields[form.focus].isChoice {
            state.overlay = nil
            _ = form.fields[form.focus].input.handle(key)
            state.overlay = .form(form)
            return true
        }
        return false
    }

    static func handleOverlay(_ overlay: Overlay, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        switch overlay {
        case .help:
            state.overlay = nil
            return []
        case let .menu(menu):
            return handleMenu(menu, key, &state)
        case let .form(form):
            return handleForm(form, key, &state)
        case var .command(input):
            switch key {
            case .escape:
                state.overlay = nil
                return []
            case .enter:
                state.overlay = nil
                return Commands.run(input.text, &state)
            default:
                _ = input.handle(key)
                state.overlay = .command(input)
                return []
            }
        }
    }
}
