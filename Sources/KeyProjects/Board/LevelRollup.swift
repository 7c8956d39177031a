/// One lower store's figures as a higher level sees them (issue 17 §5): its cards, its
/// investment against the year's plan, its open issues past their 13710 step's due day. Read
/// live from the lower store's own data, assessed on the higher level's as-of day.
public struct LevelRollup: Sendable, Hashable {
    /// The store (its schema), and the headquarters' name from its organisation.
    public var store: String
    public var name: String
    public var month: YearMonth
    public var counts: CardCounts
    public var projects: Int
    /// The projects' annual plans added up, and what they completed in the as-of year.
    public var annualPlan: Money
    public var completedThisYear: Money
    public var openIssues: Int
    public var overdueIssues: Int

    public init(store: String, name: String, portfolio: Portfolio, rules: RuleSettings, asOf: Day) {
        let board = Board.assess(portfolio, rules: rules, asOf: asOf)
        self.store = store
        self.name = name
        month = board.month
        counts = board.totals
        projects = portfolio.files.count
        annualPlan = portfolio.files.reduce(Money.zero) { $0 + $1.project.annualPlan }
        let year = board.month.year
        completedThisYear = portfolio.files.reduce(Money.zero) { sum, file in
            file.records.filter { $0.month.year == year && $0.month <= board.month }.reduce(sum) { $0 + $1.completed }
        }
        let open = portfolio.issues.filter { $0.status.isOpen }
        openIssues = open.count
        overdueIssues = open.filter { Clock13710.reading(of: $0, asOf: asOf, rules: rules.clock).isOverdue }.count
    }

    /// Completed against the year's plan, in whole percent (nil without a plan).
    public var percentOfPlan: Int? {
        annualPlan.yuan > 0 ? Int((Double(completedThisYear.yuan) / Double(annualPlan.yuan) * 100).rounded()) : nil
    }
}
