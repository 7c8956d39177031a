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

    public init(config: LocalityConfig, portfolio: Portfolio, asOf: Day, month: YearMonth? = nil, complete: Bool) {
        self.config = config
        self.portfolio = portfolio
        self.asOf = asOf
        self.complete = complete
        board = Board.assess(portfolio, rules: config.rules, asOf: asOf, month: month)
        queue = complete ? Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: asOf, rules: config.rules.clock) : []
    }

    /// The same board with the issues and meetings added.
    public func completed(issues: [Issue], meetings: [Meeting]) -> DashboardData {
        var data = self
        data.portfolio.issues = issues
        data.portfolio.meetings = meetings
        data.queue = Triage.order(issues, projects: portfolio.projectsByCode, asOf: asOf, rules: config.rules.clock)
        data.complete = true
        return data
    }

    public var organisation: Organisation { config.organisation }

    public func file(_ code: String) -> ProjectFile? { portfolio.files.first { $0.project.code == code } }
}

/// Reads the dashboard's data from a store: the board first (what the first frame needs),
/// then everything.
public struct DashboardLoader: Sendable {
    public let store: Store
    public init(store: Store) { self.store = store }

    public func board(asOf: Day, month: YearMonth?) throws(StoreError) -> DashboardData {
        DashboardData(config: store.config, portfolio: try store.loadPortfolio(.board), asOf: asOf, month: month, complete: false)
    }

    /// `data` with its issues and meetings read (the board stays as it was assessed).
    public func complete(_ data: DashboardData) throws(StoreError) -> DashboardData {
        data.completed(issues: try store.loadIssues(), meetings: try store.loadMeetings())
    }
}
