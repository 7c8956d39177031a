import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// The monthly bulletin (月通报, issue 6 §2) for one month: the whole picture, each
/// sub-command, the ranking of the localities, the red and yellow cards and the overdue issues.
/// Every figure comes from the board of that month (the same assessment `board --month` prints)
/// and the issues as they stood at the month's end.
public struct BulletinReport {
    public let month: YearMonth
    public let board: Board
    public let queue: [TriageEntry]
    public let ranking: [RankingRow]
    public let config: LocalityConfig
    public let strings: Strings

    /// `ranking`: the localities' ranking of the month when the caller has it already.
    public init(portfolio: Portfolio, config: LocalityConfig, month: YearMonth, strings: Strings, ranking: [RankingRow]? = nil) {
        self.month = month; self.config = config; self.strings = strings
        board = Board.assess(portfolio, rules: config.rules, asOf: month.lastDay, month: month)
        queue = Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: month.lastDay, rules: config.rules.clock)
        self.ranking = ranking ?? Ranking.rank(portfolio, rules: config.rules, ranking: config.ranking, month: month, by: .locality,
                                               organisation: config.organisation)
    }

    var counts: CardCounts { board.standings.reduce(into: CardCounts()) { $0[$1.card.colour] += 1 } }

    func investment(_ standings: [ProjectStanding]) -> (planned: Money, completed: Money) {
        (standings.reduce(.zero) { $0 + $1.card.schedule.planned }, standings.reduce(.zero) { $0 + $1.card.schedule.completed })
    }

    static func ratio(_ done: Money, _ plan: Money) -> String {
        plan > .zero ? "\(Int((Double(done.yuan) / Double(plan.yuan) * 100).rounded()))%" : "—"
    }

    /// One row per sub-command: its projects, cards and investment against plan.
    public var subcommandRows: [[String]] {
        config.organisation.subcommands.compactMap { sc in
            let mine = board.standings.filter { $0.project.subcommand == sc.code }
            guard !mine.isEmpty else { return nil }
            let c = mine.reduce(into: CardCounts()) { $0[$1.card.colour] += 1 }
            let inv = investment(mine)
            return [sc.name, String(mine.count), String(c.blue), String(c.behind), String(c.yellow), String(c.red),
                    inv.completed.wanRoundedText, inv.planned.wanRoundedText, Self.ratio(inv.completed, inv.planned)]
        }
    }

    public func markdown() -> String { render(markdown: true) }

    /// The same as plain text, tables aligned for a terminal (the dashboard's bulletin page).
    public func text() -> String { render(markdown: false) }

    func render(markdown: Bool) -> String {
        let s = strings
        let h1 = markdown ? "# " : "", h2 = markdown ? "## " : ""
        func table(_ header: [String], _ rows: [[String]]) -> String {
            markdown ? self.table(header, rows) : { var t = TextTable(headers: header); rows.forEach { t.append($0) }; return t.render() }()
        }
        let text = CardText(strings: s, rules: config.rules.cards, plenaryName: config.organisation.names.plenary)
        let c = counts
        let inv = investment(board.standings)
        let open = queue.filter { $0.issue.status.isOpen }
        let overdue = open.filter { $0.clock.isOverdue }
        let cleared = queue.filter { $0.issue.clearedOn.map { $0.yearMonth == month } ?? false }
        var out = h1 + s.format("bulletin.title", ["region": config.organisation.region, "name": config.organisation.name, "month": text.monthTitle(month)]) + "\n\n"
        out += h2 + SectionNumber.prefix(0, s) + s["bulletin.overall"] + "\n\n"
        out += s.format("bulletin.overallText", ["n": String(board.standings.count), "blue": String(c.blue), "behind": String(c.behind),
                                                 "yellow": String(c.yellow), "red": String(c.red), "done": inv.completed.wanRoundedText,
                                                 "plan": inv.planned.wanRoundedText, "ratio": Self.ratio(inv.completed, inv.planned),
                                                 "open": String(open.count), "overdue": String(overdue.count), "cleared": String(cleared.count)]) + "\n"
        out += "\n" + h2 + SectionNumber.prefix(1, s) + s["bulletin.subcommands"] + "\n\n"
        out += table([s["col.subcommand"], s["bulletin.col.projects"], s["card.blue"], s["card.behind"], s["card.yellow"], s["card.red"],
                      s["bulletin.col.done"], s["bulletin.col.plan"], s["bulletin.col.ratio"]], subcommandRows)
        out += "\n" + h2 + SectionNumber.prefix(2, s) + s["bulletin.ranking"] + "\n\n"
        let report = RankingReport(rows: ranking, month: month, grouping: .locality, config: config, strings: s)
        out += table([s["ranking.col.rank"], s["ranking.col.change"], s["col.locality"], s["ranking.col.score"], s["ranking.col.low"]],
                     ranking.map { [String($0.rank), report.change($0), report.name($0.group), RankingReport.percent($0.score),
                                    $0.flagged ? s.format("ranking.flagged", ["n": String($0.monthsLow)]) : ""] })
        out += "\n" + h2 + SectionNumber.prefix(3, s) + s["bulletin.cards"] + "\n\n"
        let flagged = board.standings.filter { $0.card.colour >= .yellow }.sorted { ($0.card.colour, $1.project.code) > ($1.card.colour, $0.project.code) }
        if flagged.isEmpty { out += s["none"] + "\n" }
        for st in flagged {
            out += "- " + s.word("card", st.card.colour) + " · " + st.project.name + "：" + text.reason(st.card, asOf: month.lastDay) + "\n"
        }
        out += "\n" + h2 + SectionNumber.prefix(4, s) + s.format("bulletin.overdue", ["n": String(overdue.count)]) + "\n\n"
        if overdue.isEmpty { out += s["none"] + "\n" }
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: config, asOf: month.lastDay, strings: s)
        for e in overdue {
            out += "- \(e.issue.id) · \(e.project?.name ?? e.issue.project)：\(e.issue.description)（\(e.issue.unit.isEmpty ? "—" : e.issue.unit)，\(reader.daysText(e.clock))）\n"
        }
        // Early warning (预警, issue 15 §4): who will turn yellow or red next month at its pace.
        let warned = warnings
        out += "\n" + h2 + SectionNumber.prefix(5, s) + s.format("bulletin.forecast", ["n": String(warned.count)]) + "\n\n"
        let byWarning = Dictionary(grouping: warned, by: { $0.forecast!.warning! }).mapValues(\.count)
        out += s.format("bulletin.forecastText", ["k": String(config.rules.forecast.paceMonths), "red": String(byWarning[.red] ?? 0),
                                                  "yellow": String(byWarning[.yellow] ?? 0), "behind": String(byWarning[.behind] ?? 0)]) + "\n"
        if !warned.isEmpty { out += "\n" }
        let forecastText = ForecastText(strings: s, config: config)
        for st in warned { out += "- " + forecastText.line(st) + "\n" }
        return out
    }

    /// The projects the early warning flags for the month after, at risk of red first, then of
    /// yellow, then of falling behind; by code within each.
    public var warnings: [ProjectStanding] {
        board.standings.filter { $0.forecast?.warning != nil }.sorted { a, b in
            let wa = a.forecast!.warning!, wb = b.forecast!.warning!
            return wa != wb ? wa > wb : a.project.code < b.project.code
        }
    }

    /// CSV: the sub-commands' figures and the localities' ranking, one row each.
    public func csv() -> String {
        var rows = subcommandRows.map { ["subcommand"] + $0 + ["", ""] }
        let report = RankingReport(rows: ranking, month: month, grouping: .locality, config: config, strings: strings)
        for r in ranking {
            let mine = board.standings.filter { $0.project.locality == r.group }
            let c = mine.reduce(into: CardCounts()) { $0[$1.card.colour] += 1 }
            let inv = investment(mine)
            rows.append(["locality", report.name(r.group), String(mine.count), String(c.blue), String(c.behind), String(c.yellow), String(c.red),
                         inv.completed.wanRoundedText, inv.planned.wanRoundedText, Self.ratio(inv.completed, inv.planned),
                         String(r.rank), r.flagged ? "yes" : "no"])
        }
        return CSVText.write(header: ["kind", "name", "projects", "blue", "behind", "yellow", "red", "completed", "planned", "ratio", "rank", "flagged"],
                             rows: rows)
    }

    /// A Markdown table.
    func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
        for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
        return out
    }
}
