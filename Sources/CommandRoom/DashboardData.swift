import Synchronization
import KeyProjects
import KeyProjectsStore

/// What the dashboard shows, read from the store and assessed as of a day.
public struct DashboardData: Sendable {
    public var config: LocalityConfig
    public var portfolio: Portfolio
    public var asOf: Day
    public var board: Board
    /// The issue queue in triage order (open and cleared).
    public var queue: [TriageEntry]
    /// Whether `portfolio` holds the issues and meetings yet (they load after the first frame).
    public var complete: Bool
    /// Counts the screens show, computed once per load rather than per frame.
    public var stats: DashboardStats
    /// Each project's standing by its code, built once per load (frames and keys look
    /// projects up by code; a dictionary per lookup cost milliseconds on 20,000 projects).
    public var standingIndex: [String: Int]
    /// Which reading of the issues `queue` comes from: a board reloaded after a write that
    /// keeps the issues keeps it, so what is built from the queue can be kept too.
    public var queueGeneration: UInt64 = 0
    /// Which reading of the store this is, whole: every load has its own (the overview's
    /// figures, worked out off the loop, are matched to it).
    public var generation: UInt64 = DashboardData.nextGeneration()

    public init(config: LocalityConfig, portfolio: Portfolio, asOf: Day, month: YearMonth? = nil, complete: Bool) {
        self.config = config
        self.portfolio = portfolio
        self.asOf = asOf
        self.complete = complete
        board = Board.assess(portfolio, rules: config.rules, asOf: asOf, month: month)
        queue = complete ? Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: asOf, rules: config.rules.clock) : []
        queueGeneration = complete ? DashboardData.nextGeneration() : 0
        stats = DashboardStats(board: board, queue: queue, organisation: config.organisation)
        let standings = board.standings
        standingIndex = Dictionary(standings.indices.map { (standings[$0].project.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The project with this code, and its standing on the board.
    public func project(_ code: String) -> Project? { standing(code)?.project }
    public func standing(_ code: String) -> ProjectStanding? { standingIndex[code].map { board.standings[$0] } }

    /// A new board (after a write that cannot change issues or meetings) with the issues,
    /// meetings and queue of `previous`.
    public func keeping(issuesOf previous: DashboardData) -> DashboardData {
        guard previous.complete else { return self }
        var data = self
        data.portfolio.issues = previous.portfolio.issues
        data.portfolio.meetings = previous.portfolio.meetings
        data.portfolio.heldFollowUps = previous.portfolio.heldFollowUps
        data.portfolio.awards = previous.portfolio.awards
        data.queue = previous.queue
        data.queueGeneration = previous.queueGeneration
        data.generation = DashboardData.nextGeneration()
        data.complete = true
        data.stats = DashboardStats(board: board, queue: data.queue, organisation: config.organisation)
        return data
    }

    /// The same board with the issues and meetings added.
    public func completed(issues: [Issue], meetings: [Meeting], held: Set<HeldFollowUp> = [],
                          awards: AwardRecord = AwardRecord()) -> DashboardData {
        var data = self
        data.portfolio.issues = issues
        data.portfolio.meetings = meetings
        data.portfolio.heldFollowUps = held
        data.portfolio.awards = awards
        data.generation = DashboardData.nextGeneration()
        data.queue = Triage.order(issues, projects: portfolio.projectsByCode, asOf: asOf, rules: config.rules.clock)
        data.queueGeneration = DashboardData.nextGeneration()
        data.complete = true
        data.stats = DashboardStats(board: board, queue: data.queue, organisation: config.organisation)
        return data
    }

    public var organisation: Organisation { config.organisation }

    private static let generations = Mutex<UInt64>(0)
    static func nextGeneration() -> UInt64 { generations.withLock { $0 += 1; return $0 } }

    public func file(_ code: String) -> ProjectFile? { portfolio.files.first { $0.project.code == code } }
}

/// Reads the dashboard's data from a store: the board first (what the first frame needs),
/// then everything.
public struct DashboardLoader: Sendable {
    public let store: Store
    public init(store: Store) { self.store = store }

    public func board(asOf: Day, month: YearMonth?) throws(StoreError) -> DashboardData {
        DashboardData(config: store.config, portfolio: try store.loadPortfolio(.board, issuesOpenOn: asOf), asOf: asOf, month: month, complete: false)
    }

    /// `data` with its issues and meetings read (the board stays as it was assessed).
    public func complete(_ data: DashboardData) throws(StoreError) -> DashboardData {
        data.completed(issues: try store.loadIssues(), meetings: try store.loadMeetings(), held: try store.loadHeldFollowUps(),
                       awards: try store.loadAwards())
    }
}

/// Counts over the board and the queue.
public struct DashboardStats: Sendable {
    public var open = 0, overdue = 0, listed = 0, waiting = 0
    public var lights: [ClockLight: Int] = [:]
    /// Projects at each step of the 一二三 ladder (index = step).
    public var ladder = [0, 0, 0, 0]
    public var groupsBySubcommand: [BoardGroup]
    public var groupsByLocality: [BoardGroup]
    /// Standings with a red or yellow card: red first, then by code (the wall's second panel).
    public var flagged: [Int]

    init(board: Board, queue: [TriageEntry], organisation: Organisation) {
        for st in board.standings { ladder[st.stall.rawValue] += 1 }
        for e in queue where e.issue.status.isOpen {
            open += 1
            if e.clock.isOverdue { overdue += 1 }
            if e.issue.listed { listed += 1 }
            if e.issue.status == .solutionClaimed { waiting += 1 }
            lights[e.clock.light, default: 0] += 1
        }
        let standings = board.standings
        flagged = standings.indices.filter { standings[$0].card.colour >= .yellow }.sorted { a, b in
            standings[a].card.colour != standings[b].card.colour ? standings[a].card.colour > standings[b].card.colour
                : standings[a].project.code < standings[b].project.code
        }
        groupsBySubcommand = board.groups(by: .subcommand, organisation: organisation)
        groupsByLocality = board.groups(by: .locality, organisation: organisation)
    }

    public func groups(_ grouping: BoardGrouping) -> [BoardGroup] {
        grouping == .subcommand ? groupsBySubcommand : groupsByLocality
    }
}
