import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit

/// A locality's or sub-command's investment against 序时 plan and card mix for the month, and
/// its completion month by month this year: the overview's charts.
public struct GroupInvestment: Sendable {
    public var code: String
    public var name: String
    public var completed: Money = .zero
    public var planned: Money = .zero
    public var counts = CardCounts()
    /// Completed ÷ planned for each month of the year up to the month (nil: nothing planned).
    public var trend: [Double?] = []
    public var ratio: Double? { planned > .zero ? Double(completed.yuan) / Double(planned.yuan) : nil }

    /// One month's board added to each group's trend; for the month shown (`current`), its
    /// amounts and cards too.
    static func add(_ board: Board, to groups: inout [GroupInvestment], current: Bool, key: (Project) -> String) {
        let index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.code, $0) })
        var planned = [Money](repeating: .zero, count: groups.count), done = planned
        for st in board.standings {
            guard let i = index[key(st.project)] else { continue }
            planned[i] = planned[i] + st.card.schedule.planned
            done[i] = done[i] + st.card.schedule.completed
            if current { groups[i].counts[st.card.colour] += 1 }
        }
        for i in groups.indices {
            groups[i].trend.append(planned[i] > .zero ? Double(done[i].yuan) / Double(planned[i].yuan) : nil)
            if current { groups[i].completed = done[i]; groups[i].planned = planned[i] }
        }
    }
}

/// What the overview's pages after the first show (ranking, investment, targets, awards,
/// bulletin, special report), worked out when one of them opens and again after new data: it
/// assesses the board for each month of the year.
public struct OverviewFigures: Sendable {
    public var month: YearMonth
    public var rows: [RankingRow]
    /// Completed ÷ planned to date, for each month of the year up to `month`.
    public var trend: [Double]
    /// The year's targets with their actuals as of the as-of day.
    public var targets: [TargetsReport.Row] = []
    public var byLocality: [GroupInvestment] = []
    public var bySubcommand: [GroupInvestment] = []
    /// The last quarter ended by the as-of day: nominations, awards, earlier awards.
    public var awards: AwardsReport?
    /// The month's bulletin and special report as text lines, in the language they were made in.
    public var bulletin: [String] = []
    public var special: [String] = []
    /// The stores one level down, rolled up (issue 17 §5); empty for a store with none.
    public var levels: [LevelRollup] = []
    public var lang: Lang = .zh
    /// The generation of the data they were worked out from (a late answer for older data is
    /// dropped).
    public var generation: UInt64 = 0

    public func investment(_ grouping: BoardGrouping) -> [GroupInvestment] { grouping == .locality ? byLocality : bySubcommand }

    /// `decisions`: those recorded at the month's meetings, for the special report.
    /// `progress`: the month's 形象进度 by project (the dashboard reads the board without it).
    public static func build(_ data: DashboardData, strings: Strings = .zh, decisions: [MeetingDecision] = [],
                             progress: [String: String] = [:]) -> OverviewFigures {
        let month = data.board.month
        let org = data.organisation
        var trend: [Double] = []
        var localities = org.localities.map { GroupInvestment(code: $0.code, name: $0.name) }
        var subcommands = org.subcommands.map { GroupInvestment(code: $0.code, name: $0.name) }
        // Each month's board once, at its end: the trends, then the ranking's months.
        var boards: [YearMonth: Board] = [:]
        for m in YearMonth.range(month.january.previous, through: month) {
            let board = Board.assess(data.portfolio, rules: data.config.rules, asOf: m.lastDay, month: m)
            // Kept for the ranking: the month, the one before, and the bottom run's (memory:
            // a board of 20,000 projects is tens of megabytes).
            if m.months(to: month) <= max(1, data.config.ranking.months) { boards[m] = board }
            guard m.year == month.year else { continue }
            let planned = board.standings.reduce(Money.zero) { $0 + $1.card.schedule.planned }
            let done = board.standings.reduce(Money.zero) { $0 + $1.card.schedule.completed }
            trend.append(planned > .zero ? Double(done.yuan) / Double(planned.yuan) : 0)
            GroupInvestment.add(board, to: &localities, current: m == month) { $0.locality }
            GroupInvestment.add(board, to: &subcommands, current: m == month) { $0.subcommand }
        }
        let rows = Ranking.rank(data.portfolio, rules: data.config.rules, ranking: data.config.ranking, month: month, by: .locality,
                                organisation: org, boards: boards)
        let targets = TargetsReport(portfolio: data.portfolio, config: data.config, asOf: data.asOf, strings: strings).rows
        let awards = AwardsReport(portfolio: data.portfolio, config: data.config, quarter: Quarter.lastEnded(asOf: data.asOf), strings: strings)
        // One bulletin for both reports, on the ranking worked out above.
        let report = BulletinReport(portfolio: data.portfolio, config: data.config, month: month, strings: strings, ranking: rows)
        let bulletin = report.text()
        let special = SpecialReport(portfolio: data.portfolio, config: data.config, month: month, decisions: decisions, strings: strings,
                                    bulletin: report, progress: progress).text()
        func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return OverviewFigures(month: month, rows: rows, trend: trend, targets: targets,
                               byLocality: localities.filter { $0.counts.total > 0 }, bySubcommand: subcommands.filter { $0.counts.total > 0 },
                               awards: awards, bulletin: lines(bulletin), special: lines(special), lang: strings.lang,
                               generation: data.generation)
    }
}
