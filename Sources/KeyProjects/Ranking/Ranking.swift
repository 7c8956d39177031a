/// How the monthly ranking flags the places or sub-commands that stay low (issue 6 §1):
/// in the bottom `bottom` for `months` months running. From locality.toml's `[ranking]`.
public struct RankingRules: Sendable, Hashable {
    public var bottom: Int
    public var months: Int
    public init(bottom: Int = 3, months: Int = 2) { self.bottom = bottom; self.months = months }
}

/// One group's place in a month's ranking: the four measures (each 0…1, nil when there is
/// nothing to measure), their mean as the score, the rank (ties share it), the change against
/// last month, and how many months running it has been in the bottom.
public struct RankingRow: Sendable, Hashable {
    public var group: String
    public var projects: Int
    /// 开复工率: projects under way of those due to be (new ones started, continuing ones resumed).
    public var startRate: Double?
    /// Investment completed against 序时 plan, year to date (capped at 1 for the score).
    public var completion: Double?
    /// Card mix: blue counts 1, behind ½, yellow and red nothing.
    public var cardScore: Double?
    /// Issues solved on time of those whose solve step fell due by the month's end.
    public var clearedOnTime: Double?
    public var score: Double
    public var rank: Int
    public var previousRank: Int?
    /// Positive: up (a better rank than last month).
    public var change: Int? { previousRank.map { $0 - rank } }
    /// Months running, up to this one, in the bottom `bottom`.
    public var monthsLow: Int
    public var flagged: Bool
}

public enum Ranking {
    /// The ranking of the groups (`by` sub-command or locality) for `month`, with the change
    /// against the month before and the bottom-N run.
    /// `boards`: the board of a month assessed at its end, when the caller has it already.
    public static func rank(_ portfolio: Portfolio, rules: RuleSettings, ranking: RankingRules, month: YearMonth,
                            by grouping: BoardGrouping, organisation: Organisation,
                            boards: [YearMonth: Board] = [:]) -> [RankingRow] {
        // Each month ranked once: last month serves the change and the bottom run alike.
        var cache: [YearMonth: [RankingRow]] = [:]
        let files = Dictionary(portfolio.files.map { ($0.project.code, $0) }, uniquingKeysWith: { a, _ in a })
        func rankedMonth(_ m: YearMonth) -> [RankingRow] {
            if let rows = cache[m] { return rows }
            let rows = ranked(portfolio, files: files, rules: rules, month: m, by: grouping, organisation: organisation, board: boards[m])
            cache[m] = rows
            return rows
        }
        var rows = rankedMonth(month)
        let previous = Dictionary(uniqueKeysWithValues: rankedMonth(month.adding(months: -1)).map { ($0.group, $0.rank) })
        // The bottom-N run: this month and as many before it as stayed in the bottom.
        var low: [String: Int] = [:]
        var m = month
        var stillLow = Set(rows.map(\.group))
        for _ in 0..<max(ranking.months, 1) + 12 {
            let those = rankedMonth(m)
            let bottom = bottomGroups(those, ranking.bottom)
            stillLow = stillLow.intersection(bottom)
            guard !stillLow.isEmpty else { break }
            for g in stillLow { low[g, default: 0] += 1 }
            m = m.adding(months: -1)
        }
        for i in rows.indices {
            rows[i].previousRank = previous[rows[i].group]
            rows[i].monthsLow = low[rows[i].group] ?? 0
            rows[i].flagged = rows[i].monthsLow >= ranking.months
        }
        return rows
    }

    /// Groups whose rank is among the last `n` places (rank ≥ count − n + 1) and in the lower
    /// half: a group tied with better ones keeps their rank, so a field all tied has no bottom,
    /// and with few groups (two localities, three places asked for) the first is never low.
    static func bottomGroups(_ rows: [RankingRow], _ n: Int) -> Set<String> {
        guard n > 0, !rows.isEmpty else { return [] }
        return Set(rows.filter { $0.rank > 1 && $0.rank >= rows.count - n + 1 && 2 * $0.rank > rows.count }.map(\.group))
    }

    /// One month's rows, best first (ties by group code).
    /// `files`: the portfolio's files by project code.
    static func ranked(_ portfolio: Portfolio, files: [String: ProjectFile], rules: RuleSettings, month: YearMonth,
                       by grouping: BoardGrouping, organisation: Organisation, board given: Board? = nil) -> [RankingRow] {
        let board = given ?? Board.assess(portfolio, rules: rules, asOf: month.lastDay, month: month)
        let end = month.lastDay
        let groups: [String] = grouping == .subcommand ? organisation.subcommands.map(\.code) : organisation.localities.map(\.code)
        // Each group's standings and issues, sorted out in one pass each (not one per group:
        // 20,000 projects and 50,000 issues over a hundred localities).
        func groupOf(_ p: Project) -> String { grouping == .subcommand ? p.subcommand : p.locality }
        var members: [String: [Int]] = [:]
        var projectGroup: [String: String] = [:]
        for (i, st) in board.standings.enumerated() {
            members[groupOf(st.project), default: []].append(i)
            projectGroup[st.project.code] = groupOf(st.project)
        }
        // Issues whose solve step fell due by the month's end, as they stood then: solved on time or not.
        var issuesDue: [String: (due: Int, onTime: Int)] = [:]
        for issue in portfolio.issues {
            guard let group = projectGroup[issue.project], let then = issue.asItStood(on: end),
                  let solveDue = Clock13710.due(of: .solve, then, rules.clock), solveDue <= end else { continue }
            var counts = issuesDue[group] ?? (0, 0)
            counts.due += 1
            if let solved = then.solvedOn, solved <= solveDue { counts.onTime += 1 }
            issuesDue[group] = counts
        }
        var rows: [RankingRow] = []
        for group in groups {
            guard let indices = members[group], !indices.isEmpty else { continue }
            // 开复工: continuing projects resumed (investment this year), new ones started (the
            // start milestone reached), of those due (continuing, or new with a start planned by now).
            var due = 0, underWay = 0
            var planned = Money.zero, completed = Money.zero
            var cards = 0.0
            for i in indices {
                let st = board.standings[i]
                planned = planned + st.card.schedule.planned
                completed = completed + st.card.schedule.completed
                cards += st.card.colour == .blue ? 1 : st.card.colour == .behind ? 0.5 : 0
                guard [.preparation, .construction, .completed, .production].contains(st.project.stage) else { continue }
                let file = files[st.project.code]
                let start = file?.milestones.first { $0.kind == .start }
                if st.project.nature == .continuing {
                    due += 1
                    let done = file?.records.contains { $0.month.year == month.year && $0.month <= month && $0.completed > .zero } ?? false
                    if done { underWay += 1 }
                } else if let planned = start?.planned, planned <= end {
                    due += 1
                    if let actual = start?.actual, actual <= end { underWay += 1 }
                }
            }
            let dueIssues = issuesDue[group]?.due ?? 0, onTime = issuesDue[group]?.onTime ?? 0
            let count = indices.count
            let measures: [Double?] = [due > 0 ? Double(underWay) / Double(due) : nil,
                                       planned > .zero ? Double(completed.yuan) / Double(planned.yuan) : nil,
                                       cards / Double(count),
                                       dueIssues > 0 ? Double(onTime) / Double(dueIssues) : nil]
            let present = measures.compactMap { $0 }.map { min($0, 1) }
            rows.append(RankingRow(group: group, projects: count, startRate: measures[0], completion: measures[1],
                                   cardScore: measures[2], clearedOnTime: measures[3],
                                   score: present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count),
                                   rank: 0, previousRank: nil, monthsLow: 0, flagged: false))
        }
        // Best first; equal scores share a rank (1, 2, 2, 4).
        rows.sort { abs($0.score - $1.score) > 1e-9 ? $0.score > $1.score : $0.group < $1.group }
        for i in rows.indices {
            rows[i].rank = i > 0 && abs(rows[i].score - rows[i - 1].score) <= 1e-9 ? rows[i - 1].rank : i + 1
        }
        return rows
    }
}
