import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// One project on the board, as `cmdroom board --format json|csv` prints it. Field names are
/// documented in README and kept stable.
public struct BoardRow: Encodable, Sendable {
    public var code: String
    public var name: String
    public var level: String
    public var stage: String
    public var subcommand: String
    public var subcommandName: String
    /// The locality (a county, district or zone; a city at province level).
    public var county: String
    public var countyName: String
    public var month: String
    public var card: String
    @NullWhenEmpty public var followUp: String?
    public var reason: String
    /// Reminders since last on schedule, as the card counted them (to the month's end).
    public var reminders: Int
    /// The same count up to the as-of day.
    public var remindersToDate: Int
    public var stall: Int
    @NullWhenEmpty public var scheduleRatio: Double?
    public var plannedToDate: Double
    public var completedToDate: Double
    public var lateMilestones: [String]
    public var openIssues: Int
    /// The last twelve months' cards, oldest first.
    public var history: [String]
    /// Early warning (预警): the card expected next month at the project's recent pace.
    @NullWhenEmpty public var forecast: String?
    /// What the forecast warns of: `behind` (falling behind), `yellow`, `red`; null for none.
    @NullWhenEmpty public var warning: String?
    /// 万元 the project must complete next month to stay on schedule (0 when already enough).
    public var needed: Double
}

public struct BoardGroupRow: Encodable, Sendable {
    public var group: String
    public var name: String
    public var blue: Int, behind: Int, yellow: Int, red: Int, total: Int
}

/// The three-colour board as text, JSON or CSV.
public struct BoardReport {
    public let board: Board
    public let config: LocalityConfig
    public let grouping: BoardGrouping
    public let strings: Strings
    public let meetings: [Meeting]
    public var ascii = false

    public init(board: Board, config: LocalityConfig, grouping: BoardGrouping, strings: Strings, meetings: [Meeting]) {
        self.board = board; self.config = config; self.grouping = grouping; self.strings = strings; self.meetings = meetings
    }

    var cardText: CardText { CardText(strings: strings, rules: config.rules.cards, meetings: meetings) }

    /// Projects in group order, then worst card first, then code.
    public var orderedStandings: [ProjectStanding] {
        let org = config.organisation
        let order: [String: Int] = grouping == .subcommand
            ? Dictionary(uniqueKeysWithValues: org.subcommands.enumerated().map { ($1.code, $0) })
            : Dictionary(uniqueKeysWithValues: org.localities.enumerated().map { ($1.code, $0) })
        func key(_ s: ProjectStanding) -> String { grouping == .subcommand ? s.project.subcommand : s.project.locality }
        return board.standings.sorted { a, b in
            let ga = order[key(a)] ?? Int.max, gb = order[key(b)] ?? Int.max
            if ga != gb { return ga < gb }
            if a.card.colour != b.card.colour { return a.card.colour > b.card.colour }
            if a.stall != b.stall { return a.stall > b.stall }
            return a.project.code < b.project.code
        }
    }

    public var rows: [BoardRow] {
        let org = config.organisation
        let words = cardText
        return orderedStandings.map { s in
            let p = s.project
            return BoardRow(
                code: p.code, name: p.name, level: p.level.rawValue, stage: p.stage.rawValue,
                subcommand: p.subcommand, subcommandName: org.subcommand(p.subcommand)?.name ?? p.subcommand,
                county: p.locality, countyName: org.locality(p.locality)?.name ?? p.locality, month: board.month.iso,
                card: s.card.colour.rawValue, followUp: s.card.followUp?.rawValue,
                reason: words.reason(s.card, asOf: board.asOf), reminders: s.card.reminders,
                remindersToDate: s.remindersToDate, stall: s.stall.rawValue,
                scheduleRatio: s.card.schedule.ratio.map { ($0 * 10_000).rounded() / 10_000 },
                plannedToDate: s.card.schedule.planned.wan, completedToDate: s.card.schedule.completed.wan,
                lateMilestones: s.card.schedule.lateMilestones.map(\.rawValue), openIssues: s.openIssues,
                history: s.strip.map(\.colour.rawValue), forecast: s.forecast?.card.rawValue, warning: s.forecast?.warning?.rawValue,
                needed: s.forecast?.needed.wan ?? 0)
        }
    }

    public var groupRows: [BoardGroupRow] {
        board.groups(by: grouping, organisation: config.organisation).map {
            BoardGroupRow(group: $0.code, name: $0.name, blue: $0.counts.blue, behind: $0.counts.behind,
                          yellow: $0.counts.yellow, red: $0.counts.red, total: $0.counts.total)
        }
    }

    public func render(_ format: OutputFormat, summaryOnly: Bool = false) -> String {
        switch (format, summaryOnly) {
        case (.json, false): return JSONText.encode(rows)
        case (.json, true): return JSONText.encode(groupRows)
        case (.csv, false):
            return CSVText.write(header: ["code", "name", "level", "stage", "subcommand", "county", "month", "card", "followUp",
                                          "reminders", "remindersToDate", "stall", "scheduleRatio", "plannedToDate",
                                          "completedToDate", "lateMilestones", "openIssues", "reason"],
                                 rows: rows.map { r in
                                     [r.code, r.name, r.level, r.stage, r.subcommand, r.county, r.month, r.card, r.followUp ?? "",
                                      String(r.reminders), String(r.remindersToDate), String(r.stall),
                                      r.scheduleRatio.map { String($0) } ?? "", Money(yuan: Int64((r.plannedToDate * 10_000).rounded())).wanText,
                                      Money(yuan: Int64((r.completedToDate * 10_000).rounded())).wanText,
                                      r.lateMilestones.joined(separator: ";"), String(r.openIssues), r.reason]
                                 })
        case (.csv, true):
            return CSVText.write(header: ["group", "name", "blue", "behind", "yellow", "red", "total"],
                                 rows: groupRows.map { [$0.group, $0.name, String($0.blue), String($0.behind), String($0.yellow), String($0.red), String($0.total)] })
        case (.text, _):
            return text(summaryOnly: summaryOnly)
        }
    }

    func text(summaryOnly: Bool) -> String {
        let s = strings, words = cardText
        var out = s.format("board.title", ["hq": config.organisation.name, "month": words.monthTitle(board.month), "asOf": board.asOf.iso]) + "\n"
        let counts = CardColour.allCases.map { "\(words.label($0, ascii: ascii)) \(board.totals[$0])" }.joined(separator: "  ")
        out += s.format("board.totals", ["n": String(board.totals.total), "counts": counts]) + "\n"
        if !config.notice.isEmpty { out += config.notice + "\n" }
        out += "\n" + s[grouping == .subcommand ? "board.bySubcommand" : "board.byLocality"] + "\n"
        var groups = TextTable(headers: [s[grouping == .subcommand ? "col.subcommand" : "col.locality"]]
                               + CardColour.allCases.map { words.label($0, ascii: ascii) } + [s["col.total"]],
                               alignments: [.left, .right, .right, .right, .right, .right])
        for g in groupRows { groups.append([g.name, String(g.blue), String(g.behind), String(g.yellow), String(g.red), String(g.total)]) }
        out += groups.render()
        if summaryOnly { return out }
        out += "\n"
        var table = TextTable(headers: [s["col.code"], s["col.name"], s[grouping == .subcommand ? "col.subcommand" : "col.locality"],
                                        s[grouping == .subcommand ? "col.locality" : "col.subcommand"], s["col.card"],
                                        s["col.schedule"], s["col.reminders"], s["col.stall"], s["col.reason"]],
                              alignments: [.left, .left, .left, .left, .left, .right, .right, .right, .left])
        let org = config.organisation
        for st in orderedStandings {
            let sub = org.subcommand(st.project.subcommand)?.name ?? st.project.subcommand
            let loc = org.locality(st.project.locality)?.name ?? st.project.locality
            table.append([st.project.code, st.project.name, grouping == .subcommand ? sub : loc, grouping == .subcommand ? loc : sub,
                          words.label(st.card.colour, ascii: ascii), CardText.percent(st.card.schedule.ratio),
                          words.reminders(st.remindersToDate), st.stall == .none ? "—" : String(st.stall.rawValue),
                          words.reason(st.card, asOf: board.asOf)])
        }
        out += table.render()
        return out
    }
}
