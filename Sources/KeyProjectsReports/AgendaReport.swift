import KeyProjects
import StringTables

/// A meeting's agenda in words (issue 5 §2): one line per item, numbered in order — red-card
/// statements, yellow-card interviews, stalled projects, overdue and listed issues — as the
/// meeting page shows it and `cmdroom agenda` prints it (text, Markdown, JSON).
public struct AgendaReport {
    public let meeting: Meeting
    public let month: YearMonth
    public let items: [AgendaItem]
    public let config: LocalityConfig
    public let strings: Strings
    /// 预警项目 (a sub-command's monthly dispatch): listed after the items, not numbered with them.
    public let warnings: [ProjectStanding]

    public init(meeting: Meeting, month: YearMonth, items: [AgendaItem], config: LocalityConfig, strings: Strings,
                warnings: [ProjectStanding] = []) {
        self.meeting = meeting; self.month = month; self.items = items; self.config = config; self.strings = strings
        self.warnings = warnings
    }

    /// The agenda as built (items and warnings).
    public init(meeting: Meeting, agenda: BuiltAgenda, config: LocalityConfig, strings: Strings) {
        self.init(meeting: meeting, month: agenda.month, items: agenda.items, config: config, strings: strings, warnings: agenda.warnings)
    }

    /// The sections, in order, each with its items.
    public enum Section: String, CaseIterable, Sendable { case statement, interview, stalled, overdue, listed, lowRanked = "low-ranked" }

    public static func section(_ item: AgendaItem) -> Section {
        switch item {
        case .statement: return .statement
        case .interview: return .interview
        case .stalled: return .stalled
        case .overdueIssue: return .overdue
        case .listedIssue: return .listed
        case .lowRanked: return .lowRanked
        }
    }

    /// One item in words (without its number).
    public func line(_ item: AgendaItem) -> String {
        let s = strings
        let org = config.organisation
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: config, asOf: meeting.date, strings: s)
        switch item {
        case let .statement(st):
            return s.format("agenda.statement", ["project": st.project.name, "sub": org.subcommand(st.project.subcommand)?.name ?? ""])
                + owed(st, "agenda.owed.red")
        case let .interview(st):
            return s.format("agenda.interview", ["project": st.project.name, "sub": org.subcommand(st.project.subcommand)?.name ?? ""])
                + owed(st, "agenda.owed.yellow")
        case let .stalled(st):
            return s.format("agenda.stalled", ["project": st.project.name, "step": s["stall.\(st.stall.rawValue)"]])
        case let .overdueIssue(e):
            return s.format("agenda.overdue", ["id": e.issue.id, "project": e.project?.name ?? "", "unit": e.issue.unit.isEmpty ? "—" : e.issue.unit,
                                               "days": reader.daysText(e.clock)])
        case let .listedIssue(e):
            return s.format("agenda.listed", ["id": e.issue.id, "project": e.project?.name ?? "", "unit": e.issue.unit])
        case let .lowRanked(row):
            let name = org.locality(row.group)?.name ?? row.group
            return s.format("agenda.lowRanked", ["place": name, "months": String(row.monthsLow)])
        }
    }

    /// The months of the cards a follow-up answers ("（2026年4月、5月红牌）"), when they are not
    /// just the month the agenda reads (which its heading names).
    func owed(_ st: ProjectStanding, _ key: String) -> String {
        let months = st.followUpMonths.isEmpty ? [st.card.month] : st.followUpMonths
        guard months != [month] else { return "" }
        return strings.format(key, ["months": CardText(strings: strings, rules: config.rules.cards).monthList(months)])
    }

    /// 预警项目 in words: the project, the card expected next month, the amount it must complete.
    public func warningLine(_ st: ProjectStanding) -> String {
        ForecastText(strings: strings, config: config).line(st)
    }

    /// Why the item is on the agenda: the card's reason, or the issue's description.
    public func detail(_ item: AgendaItem) -> String {
        let text = CardText(strings: strings, rules: config.rules.cards, plenaryName: config.organisation.names.plenary)
        switch item {
        case let .statement(st), let .interview(st): return text.reason(st.card, asOf: meeting.date)
        case let .stalled(st): return strings.format("agenda.stalledDetail", ["months": String(st.stall.rawValue), "card": text.reason(st.card, asOf: meeting.date)])
        case let .overdueIssue(e), let .listedIssue(e): return e.issue.description
        case let .lowRanked(row):
            return strings.format("agenda.lowRankedDetail", ["rank": String(row.rank), "score": RankingReport.percent(row.score)])
        }
    }

    var scope: String { CalendarReport(meetings: [], config: config, from: meeting.date, to: meeting.date, strings: strings).scopeText(meeting.scope) }

    var basis: String {
        strings.format("agenda.basis", ["month": CardText(strings: strings, rules: config.rules.cards).monthTitle(month),
                                        "date": meeting.date.iso])
    }

    /// Markdown: a heading, the meeting's facts, a section per kind of item, numbered on.
    public func markdown() -> String { render(markdown: true) }

    /// Plain text: the same, without Markdown's marks, for a terminal or a printer.
    public func text() -> String { render(markdown: false) }

    func render(markdown: Bool) -> String {
        let s = strings
        var out = (markdown ? "# " : "") + s.format("agenda.title", ["title": MeetingText.title(meeting, s)]) + "\n" + (markdown ? "\n" : "")
        let facts = [s.format("agenda.when", ["date": meeting.date.iso, "time": meeting.time, "location": meeting.location]),
                     s.format("agenda.who", ["chair": meeting.chair, "scope": scope]), basis]
        out += facts.map { (markdown ? "- " : "") + $0 }.joined(separator: "\n") + "\n"
        if items.isEmpty && warnings.isEmpty { return out + "\n" + s["agenda.empty"] + "\n" }
        var n = 0, number = 0
        for section in Section.allCases {
            let mine = items.filter { Self.section($0) == section }
            guard !mine.isEmpty else { continue }
            out += "\n" + (markdown ? "## " : "") + SectionNumber.prefix(number, s)
                + s.format("agenda.section.\(section.rawValue)", ["n": String(mine.count)]) + "\n" + (markdown ? "\n" : "")
            number += 1
            for item in mine {
                n += 1
                // In Markdown the detail continues the item (two spaces end the line); in text
                // it is indented under it.
                let marker = (markdown ? "" : "  ") + "\(n). "
                out += marker + line(item) + (markdown ? "  " : "") + "\n" + String(repeating: " ", count: marker.count) + detail(item) + "\n"
            }
        }
        if !warnings.isEmpty {
            out += "\n" + (markdown ? "## " : "") + SectionNumber.prefix(number, s)
                + s.format("agenda.section.warnings", ["n": String(warnings.count)]) + "\n" + (markdown ? "\n" : "")
            for st in warnings { out += (markdown ? "- " : "  · ") + warningLine(st) + "\n" }
        }
        return out
    }

    /// JSON: the meeting and its items in order.
    public struct Item: Encodable {
        public var number: Int
        /// statement, interview, stalled, overdue, listed.
        public var section: String
        @NullWhenEmpty public var project: String?
        @NullWhenEmpty public var issue: String?
        public var text: String
        public var detail: String
        /// For a statement or an interview: the months of the cards it answers (`YYYY-MM`).
        public var months: [String]
    }

    /// JSON: a 预警项目 entry.
    public struct Warning: Encodable {
        public var project: String
        /// behind, yellow, red: what the project is at risk of.
        public var warning: String
        /// The card expected next month.
        public var forecast: String
        public var month: String
        /// 万元 to complete next month to stay on schedule.
        public var needed: Double
        public var text: String
    }

    public var jsonWarnings: [Warning] {
        warnings.compactMap { st in
            guard let f = st.forecast, let w = f.warning else { return nil }
            return Warning(project: st.project.code, warning: w.rawValue, forecast: f.card.rawValue, month: f.month.iso,
                           needed: f.needed.wan, text: warningLine(st))
        }
    }

    public var jsonItems: [Item] {
        items.enumerated().map { i, item in
            var project: String? = nil, issue: String? = nil, months: [String] = []
            switch item {
            case let .statement(st), let .interview(st):
                project = st.project.code
                months = (st.followUpMonths.isEmpty ? [st.card.month] : st.followUpMonths).map(\.iso)
            case let .stalled(st): project = st.project.code
            case let .overdueIssue(e), let .listedIssue(e): issue = e.issue.id; project = e.issue.project
            case .lowRanked: break
            }
            return Item(number: i + 1, section: Self.section(item).rawValue, project: project, issue: issue, text: line(item), detail: detail(item),
                        months: months)
        }
    }
}
