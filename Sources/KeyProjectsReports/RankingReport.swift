import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// The monthly ranking (issue 6 §1) as text, JSON or CSV: each group's four measures, its
/// score, rank, change against last month, and the months it has stayed in the bottom.
public struct RankingReport {
    public let rows: [RankingRow]
    public let month: YearMonth
    public let grouping: BoardGrouping
    public let config: LocalityConfig
    public let strings: Strings

    public init(rows: [RankingRow], month: YearMonth, grouping: BoardGrouping, config: LocalityConfig, strings: Strings) {
        self.rows = rows; self.month = month; self.grouping = grouping; self.config = config; self.strings = strings
    }

    func name(_ code: String) -> String {
        let org = config.organisation
        return grouping == .subcommand ? org.subcommand(code)?.name ?? code : org.locality(code)?.name ?? code
    }

    static func percent(_ v: Double?) -> String { v.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }

    func change(_ row: RankingRow) -> String {
        guard let c = row.change else { return "—" }
        return c > 0 ? "↑\(c)" : c < 0 ? "↓\(-c)" : "="
    }

    public struct Row: Encodable {
        public var rank: Int
        public var group: String
        public var name: String
        public var projects: Int
        @NullWhenEmpty public var startRate: Double?
        @NullWhenEmpty public var completion: Double?
        @NullWhenEmpty public var cardScore: Double?
        @NullWhenEmpty public var clearedOnTime: Double?
        public var score: Double
        @NullWhenEmpty public var previousRank: Int?
        public var monthsLow: Int
        public var flagged: Bool
    }

    public func render(_ format: OutputFormat) -> String {
        let s = strings
        switch format {
        case .json:
            return jsonText(rows.map { r in
                Row(rank: r.rank, group: r.group, name: name(r.group), projects: r.projects, startRate: r.startRate,
                    completion: r.completion, cardScore: r.cardScore, clearedOnTime: r.clearedOnTime,
                    score: (r.score * 1000).rounded() / 1000, previousRank: r.previousRank, monthsLow: r.monthsLow, flagged: r.flagged)
            })
        case .csv:
            return CSVText.write(header: ["rank", "group", "name", "projects", "startRate", "completion", "cardScore", "clearedOnTime",
                                          "score", "previousRank", "monthsLow", "flagged"],
                                 rows: rows.map { r in
                                     [String(r.rank), r.group, name(r.group), String(r.projects), Self.percent(r.startRate),
                                      Self.percent(r.completion), Self.percent(r.cardScore), Self.percent(r.clearedOnTime),
                                      Self.percent(r.score), r.previousRank.map(String.init) ?? "", String(r.monthsLow), r.flagged ? "yes" : "no"]
                                 })
        case .text:
            let title = s.format("ranking.title", ["hq": config.organisation.name, "month": CardText(strings: s, rules: config.rules.cards).monthTitle(month),
                                                   "by": s[grouping == .subcommand ? "ranking.bySubcommand" : "ranking.byLocality"]])
            var table = TextTable(headers: [s["ranking.col.rank"], s["ranking.col.change"], s[grouping == .subcommand ? "col.subcommand" : "col.locality"],
                                            s["ranking.col.projects"], s["ranking.col.start"], s["ranking.col.completion"],
                                            s["ranking.col.cards"], s["ranking.col.cleared"], s["ranking.col.score"], s["ranking.col.low"]],
                                  alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .right, .left])
            for r in rows {
                table.append([String(r.rank), change(r), name(r.group), String(r.projects), Self.percent(r.startRate), Self.percent(r.completion),
                              Self.percent(r.cardScore), Self.percent(r.clearedOnTime), Self.percent(r.score),
                              r.flagged ? s.format("ranking.flagged", ["n": String(r.monthsLow)]) : ""])
            }
            let rules = config.ranking
            return title + "\n" + s.format("ranking.legend", ["bottom": String(rules.bottom), "months": String(rules.months)]) + "\n\n"
                + table.render()
        }
    }
}
