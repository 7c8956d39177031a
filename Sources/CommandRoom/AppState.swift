import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit

/// The dashboard's views, in tab order (keys 1–4).
public enum DashboardView: Int, CaseIterable, Sendable {
    case board, queue, calendar, overview
}

/// The pages of the overview.
/// The overview's pages, in the order `b` goes through them.
/// The overview's pages; `levels` (the stores one level down) only where there are any.
public enum OverviewPage: Int, CaseIterable, Sendable { case cards, ranking, investment, targets, awards, bulletin, special, levels }

/// A detail page over a view; Esc goes back.
public enum Detail: Equatable, Sendable {
    case project(String)
    case issue(String)
    case meeting(String)
    /// Who changed the project (its ledger rows and issues) or the issue, and when.
    case history(HistoryScope)
}

public enum HistoryScope: Equatable, Sendable {
    case project(String)
    case issue(String)
}

public enum Overlay: Equatable, Sendable {
    case help
    case command(TextInput)
    /// The workflow steps that can be taken on an issue.
    case menu(StepMenu)
    case form(Form)
}

extension AppState {
    /// The text of the `:` line while it is open.
    public var commandLine: String? {
        if case let .command(input)? = overlay { return input.text }
        return nil
    }
}

/// The issue's action menu: the steps its status allows and the account may take.
public struct StepMenu: Equatable, Sendable {
    public var issue: String
    public var steps: [IssueActionKind]
    public var selected = 0
}

/// How the board's rows are sorted.
public enum BoardSort: Int, CaseIterable, Sendable {
    case group, card, name, locality, level, schedule, reminders, stall, code
}

public struct BoardUI: Sendable {
    public var list = ListState()
    public var selected: Int { get { list.selected } set { list.selected = newValue } }
    public var offset: Int { get { list.offset } set { list.offset = newValue } }
    /// The selected project's code: the selection follows it through a new sort, grouping,
    /// filter or load.
    public var selectedCode: String?
    public var sort = BoardSort.group
    public var descending = false
    public var filter = TextInput()
    /// The filters entered (↑/↓ in the filter line), with those of earlier runs.
    var filterHistory = FilterHistory()
    /// What Tab offered when it could not choose (shown beside the filter line until the next key).
    var filterCandidates: [String] = []
    /// Rows shown: indices into the board's standings, with group headings; kept in step with
    /// the filter, the sort and the grouping (not recomputed per frame).
    public var rows: [BoardRowRef] = []
    /// Every standing in the current sort order (rebuilt when the data, sort or grouping
    /// change, not when the filter does: typing stays quick on 20,000 projects).
    public var order: [Int] = []
    /// How many of `rows` are group headings.
    public var headings = 0
    /// Lower-cased UTF-8 text a plain filter word searches, per standing; built the first time
    /// a plain word is typed.
    public var search: [[UInt8]] = []
}

public enum BoardRowRef: Equatable, Sendable {
    case heading(group: String, name: String, counts: CardCounts)
    case project(Int)
}

public enum QueueFilterFlag: Sendable { case overdue, listed }

public struct QueueUI: Sendable {
    public var list = ListState()
    public var selected: Int { get { list.selected } set { list.selected = newValue } }
    public var offset: Int { get { list.offset } set { list.offset = newValue } }
    /// The selected issue's id, followed through filters and loads.
    public var selectedID: String?
    public var overdueOnly = false
    public var listedOnly = false
    public var showCleared = false
    public var filter = TextInput()
    /// The filters entered (↑/↓ in the filter line), with those of earlier runs.
    var filterHistory = FilterHistory()
    /// What Tab offered when it could not choose (shown beside the filter line until the next key).
    var filterCandidates: [String] = []
    /// Indices into the queue, after the filters.
    public var rows: [Int] = []
    /// Lower-cased UTF-8 text a plain filter word searches, per queue entry (built on demand).
    public var search: [[UInt8]] = []
}

public struct CalendarUI: Sendable {
    public var day: Day
    public var selected = 0
    /// The day of the month asked for, kept through short months: 31 October, a month on, is
    /// 30 November, and a month after that 31 December again.
    public var dayOfMonth: Int?
    /// The week of the chosen day instead of the day and the coming meetings (`w`).
    public var week = false
}

public struct WallUI: Sendable {
    public var panel = 0
    /// The page of a panel whose list is longer than the screen: the wall pages through it
    /// before moving on.
    public var page = 0
    public var lastSwitch: Date = .distantPast
    /// Space holds the cycle on the panel shown (and resumes it).
    public var held = false
}

/// Options fixed for a session (the command line sets them; `:` commands change some).
public struct DashboardOptions: Sendable {
    public var lang: Lang
    public var theme: Theme { didSet { settle() } }
    public var themeName: String { didSet { settle() } }
    /// How wide the terminal draws ambiguous-width characters (found at start, or
    /// `--ambiguous`, `:set ambiguous=…`): drawn wide, they are replaced by ASCII.
    public var ambiguous: AmbiguousWidth = .narrow
    public var ascii: Bool
    /// Clicks and the wheel (on unless `--no-mouse` or `:set mouse=off`).
    public var mouse = true
    public var colors: Int { didSet { settle() } }
    /// What is drawn with: the theme, or without colours (NO_COLOR, a monochrome terminal) the
    /// mono theme's attributes in place of a built-in theme's, which lean on colour (a file's
    /// own attributes are kept).
    public private(set) var drawingTheme: Theme
    public var grouping: BoardGrouping
    public var wall: Bool
    public var cycleSeconds: Int
    public var storePath: String
    public var user: String
    /// The wall clock's time zone (the machine's; tests fix it).
    public var timeZone: TimeZone
    /// The account's role on the store's roster (nil: not on it, reads only); the screens offer
    /// only the writes it allows, and the store checks every write again.
    public var role: Role?
    /// The person's name (the roster's, else the account): 催办人 of a reminder.
    public var actorName: String
    /// Opened read-only (`wall`, `--readonly`, or a database file this account cannot write):
    /// no key writes.
    public var readOnly: Bool
    /// Why the store is read-only when the account is on the roster but cannot write the file.
    public var writeBlocked: String?

    public init(lang: Lang = .zh, theme: Theme = BuiltinTheme.dark.theme, themeName: String = "dark", ascii: Bool = false,
                colors: Int = 256, grouping: BoardGrouping = .subcommand, wall: Bool = false, cycleSeconds: Int = 15,
                storePath: String = "", user: String = "", timeZone: TimeZone = .current, role: Role? = nil,
                actorName: String = "", readOnly: Bool = false, writeBlocked: String? = nil) {
        self.writeBlocked = writeBlocked
        self.role = role; self.actorName = actorName.isEmpty ? user : actorName; self.readOnly = readOnly || wall
        self.lang = lang; self.theme = theme; self.themeName = themeName; self.ascii = ascii; self.colors = colors
        self.grouping = grouping; self.wall = wall; self.cycleSeconds = cycleSeconds; self.storePath = storePath; self.user = user
        self.timeZone = timeZone
        drawingTheme = theme
        settle()
    }

    private mutating func settle() {
        if colors > 0 { drawingTheme = theme; return }
        drawingTheme = BuiltinTheme(rawValue: themeName) != nil ? BuiltinThemes.mono : theme.monochrome
    }
}

/// Everything the dashboard shows and where the user is in it. `update` changes it; `render`
/// draws it. No I/O happens here.
public struct AppState: Sendable {
    public var options: DashboardOptions
    public var data: DashboardData?
    /// The screens, the root (a view's, or the wall's) first; the last takes the keys.
    public internal(set) var screens: [any Screen] {
        didSet { if let root = screens.first?.view { view = root } }
    }
    /// The view of the root screen (its tab); kept while the root itself handles a key.
    public private(set) var view = DashboardView.board
    public var message: String?
    public var messageIsError = false
    public var width: Int
    public var height: Int
    public var board = BoardUI()
    public var queue = QueueUI()
    public var calendar: CalendarUI
    public var wall = WallUI()
    /// Wall-clock time for the wall's clock and panel cycling (set by the runtime's ticks).
    public var now: Date
    public var quit = false
    /// The day the user asked for with `:as-of` (nil: the default).
    public var requestedAsOf: Day?
    /// The `:` commands entered (↑/↓ on the `:` line), with those of earlier runs.
    var commandHistory = FilterHistory()
    public var requestedMonth: YearMonth?
    /// The replayed day the user agreed to type into the grid on (asked once per replay).
    var replayWritesConfirmed: Day?
    /// The agenda of the meeting page on screen, built when it opened (it assesses the whole
    /// board as of the meeting's date, too slow to do per frame).
    public var agenda: MeetingAgenda?
    /// What was recorded at the meeting on screen (its page marks the items worked).
    public var decisions: (meeting: String, list: [MeetingDecision])?
    /// Where triage was left at each meeting this session: it resumes there.
    public var triagePlaces: [String: Int] = [:]
    /// The whole file of the project page on screen (with 形象进度), once read.
    public var projectFile: ProjectFile?
    /// The change log of the history page on screen, newest first, once read.
    public var history: [ChangeEntry]?
    /// The overview's page: the card mix, the month's ranking, investment by locality, the
    /// year's targets, the quarter's awards, the bulletin, the special report (`b` cycles).
    public var overviewPage = OverviewPage.cards
    public var showFigures: Bool { overviewPage != .cards }
    /// The first line shown of the bulletin or the special report.
    public var overviewScroll = 0
    /// The investment page by sub-command rather than by locality (`g` on that page).
    public var investmentBySubcommand = false
    /// The bulletin or special report on screen, wrapped to the screen.
    public var reportLines: ReportLines?
    /// The sub-command selected on the awards page.
    public var awardsSelected = 0
    /// The selected store on the overview's page of lower stores.
    public var levelsSelected = 0
    /// Whether the store has stores one level down (the overview then has their page).
    public var hasLowerStores = false
    /// The ranking page's figures, computed when it opens (nil: not yet, or the data changed).
    public var figures: OverviewFigures?
    /// The last click, for telling a double click (`MouseUpdate.swift`).
    var lastClick: LastClick?

    public init(options: DashboardOptions, width: Int, height: Int, today: Day, now: Date = Date(timeIntervalSince1970: 0)) {
        self.options = options
        self.width = width
        self.height = height
        self.now = now
        calendar = CalendarUI(day: today)
        screens = [options.wall ? WallScreen() as any Screen : BoardScreen()]
    }

    public var strings: Strings { Strings.of(options.lang) }
    /// The real date (the clock's), when known; messages call the as-of day "today" only when
    /// it is this day (`ErrorText.asOfKey`).
    public var realToday: Day?
    /// The day the dashboard shows when no day is asked for: a sample's own as-of day, else
    /// today. Forms default to it, even while replaying another day.
    var naturalToday: Day? { data?.config.sampleAsOf ?? realToday }
    public var errorText: ErrorText { ErrorText(strings: strings, realToday: realToday) }
    public var theme: Theme { options.drawingTheme }
    public func style(_ role: String) -> Style { theme.style(role) }

    /// Smallest usable size (DESIGN.md: usable at 80×24).
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    public var tooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// Whether the account may write here (the screens offer writes only then).
    public var canWrite: Bool { !options.readOnly && (options.role?.writesAnything ?? false) }
}

/// A meeting's agenda as of its date.
public struct MeetingAgenda: Sendable {
    public var meeting: String
    public var month: YearMonth
    public var items: [AgendaItem]
    /// 预警项目: projects expected to turn yellow or red next month (a sub-command's meeting).
    public var warnings: [ProjectStanding] = []

    public static func build(_ meeting: Meeting, _ data: DashboardData) -> MeetingAgenda {
        let agenda = Agenda.build(for: meeting, portfolio: data.portfolio, rules: data.config.rules, organisation: data.organisation,
                                  ranking: data.config.ranking)
        return MeetingAgenda(meeting: meeting.id, month: agenda.month, items: agenda.items, warnings: agenda.warnings)
    }
}

/// A report page's lines wrapped for a width, and what they were made from.
public struct ReportLines: Sendable {
    public struct Key: Equatable, Sendable {
        var page: OverviewPage
        var width: Int
        var lang: Lang
    }
    /// New figures drop the lines (the update wraps them again).
    var key: Key
    public var lines: [String]
    /// The tables among the lines, found once (a page of thousands of lines is drawn often).
    var tables: [ReportPageRender.TextBlock]

    init(key: Key, lines: [String]) {
        self.key = key
        self.lines = lines
        tables = ReportPageRender.tables(lines)
    }
}
