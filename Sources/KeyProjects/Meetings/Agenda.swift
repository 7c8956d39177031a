/// One item on a meeting's agenda.
public enum AgendaItem: Sendable {
    /// A red card: the head of the competent department makes a statement (表态发言).
    case statement(ProjectStanding)
    /// A yellow card: the sub-commander interviews (约谈) the heads of department and unit.
    case interview(ProjectStanding)
    /// A project at step 2 or 3 of the 一二三 ladder.
    case stalled(ProjectStanding)
    /// An overdue issue on the 13710 clock.
    case overdueIssue(TriageEntry)
    /// An issue under listed supervision (挂牌督办).
    case listedIssue(TriageEntry)
    /// A locality in the bottom of the monthly ranking for months running: reminded and
    /// interviewed (连续排名靠后).
    case lowRanked(RankingRow)
}

/// A meeting's agenda as built: the month whose cards it reads, the items to work through in
/// order, and — on a sub-command's monthly dispatch — its projects the early warning (预警)
/// flags, listed for the sub-commander (not worked item by item in triage).
public struct BuiltAgenda: Sendable {
    public var month: YearMonth
    public var items: [AgendaItem]
    /// 预警项目: projects in scope at risk of falling behind, of yellow or of red next month,
    /// worst first.
    public var warnings: [ProjectStanding]

    public init(month: YearMonth, items: [AgendaItem], warnings: [ProjectStanding] = []) {
        self.month = month; self.items = items; self.warnings = warnings
    }
}

/// A meeting's agenda, built from what is due as of its date (DOMAIN.md §6): red cards for
/// statements, yellow cards for interviews, stalled projects, overdue and listed issues — each
/// limited to the meeting's scope (the whole headquarters, one sub-command, one locality).
///
/// A follow-up is owed to the card, not to one month's board (issue 15 §2): a headquarters
/// meeting lists every red card of the months since the previous headquarters meeting whose
/// statement has not been recorded, even if the project has recovered since; a sub-command's
/// meeting every yellow card of the months since its previous meeting whose interview has not
/// been held.
public enum Agenda {
    /// The agenda of `meeting` from the whole portfolio: the board and the queue read as of its
    /// date (the board of the last month ended by then).
    /// With `organisation` and `ranking`, the headquarters' and the office's meetings also get
    /// the localities flagged by the month's ranking.
    public static func build(for meeting: Meeting, portfolio: Portfolio, rules: RuleSettings, organisation: Organisation? = nil,
                             ranking: RankingRules? = nil) -> BuiltAgenda {
        let board = Board.assess(portfolio, rules: rules, asOf: meeting.date)
        let queue = Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: meeting.date, rules: rules.clock)
        var items = build(for: meeting, board: board, queue: queue, held: portfolio.heldFollowUps, meetings: portfolio.meetings)
        if let organisation, let ranking, meeting.scope == .headquarters || meeting.scope == .office {
            items += Ranking.rank(portfolio, rules: rules, ranking: ranking, month: board.month, by: .locality, organisation: organisation)
                .filter(\.flagged).map(AgendaItem.lowRanked)
        }
        if !meeting.agendaOrder.isEmpty { items = keepingNumbers(items, order: meeting.agendaOrder, board: board, queue: queue) }
        return BuiltAgenda(month: board.month, items: items, warnings: warnings(for: meeting, board: board))
    }

    /// The agenda with the numbers triage gave it when it started (issue 15 §3): the items
    /// numbered then, in their order — those no longer due (worked since: a reassigned issue is
    /// no longer overdue) as the data stands now — then any item due since, after them.
    public static func keepingNumbers(_ items: [AgendaItem], order: [String], board: Board, queue: [TriageEntry]) -> [AgendaItem] {
        let now = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let standings = Dictionary(board.standings.map { ($0.project.code, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = Dictionary(queue.map { ($0.issue.id, $0) }, uniquingKeysWith: { a, _ in a })
        func rebuilt(_ key: String) -> AgendaItem? {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "statement": return standings[parts[1]].map(AgendaItem.statement)
            case "interview": return standings[parts[1]].map(AgendaItem.interview)
            case "stalled": return standings[parts[1]].map(AgendaItem.stalled)
            case "overdue": return entries[parts[1]].map(AgendaItem.overdueIssue)
            case "listed": return entries[parts[1]].map(AgendaItem.listedIssue)
            default: return nil
            }
        }
        var out: [AgendaItem] = []
        var seen = Set<String>()
        for key in order where seen.insert(key).inserted {
            if let item = now[key] ?? rebuilt(key) { out.append(item) }
        }
        for item in items where seen.insert(item.key).inserted { out.append(item) }
        return out
    }

    /// Red-card statements are made at the headquarters' meetings (the plenary and the annual
    /// conference); yellow-card interviews are the sub-commands' and the office's business.
    public static let statementKinds: Set<MeetingKind> = Meetings.headquartersKinds
    public static let interviewKinds: Set<MeetingKind> = [.subcommandDispatch, .officeDispatch, .monthlyProgress, .weeklyDispatch,
                                                          .siteOffice, .adHoc]

    /// The card months whose follow-ups (statements when `statement`, else interviews) a meeting
    /// answers: those after the month the previous such meeting read, through `month` (the month
    /// the meeting reads). The previous meeting is, for statements, the previous headquarters
    /// meeting; for interviews, the previous meeting of the same kind and scope (a sub-command's
    /// previous dispatch); cancelled ones do not count. Without one: the last three months for
    /// statements (a quarter, the plenary's cadence), `month` alone for interviews. Always
    /// `month` at least, and at most the twelve months a standing's strip holds.
    public static func followUpMonths(for meeting: Meeting, month: YearMonth, meetings: [Meeting], statement: Bool) -> ClosedRange<YearMonth> {
        let before = meetings.filter { m in
            guard m.id != meeting.id, !m.cancelled, (m.date, m.time, m.id) < (meeting.date, meeting.time, meeting.id) else { return false }
            return statement ? Meetings.headquartersKinds.contains(m.kind) : (m.kind == meeting.kind && m.scope == meeting.scope)
        }
        let previous = before.max { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
        var first = previous.map { assessedMonth(asOf: $0.date).adding(months: 1) } ?? month.adding(months: statement ? -2 : 0)
        first = max(min(first, month), month.adding(months: -11))
        return first...month
    }

    /// `board` and `queue` must be read as of the meeting's date. `held`: interviews and
    /// statements recorded at meetings up to this one's date; one answers the project's cards of
    /// its kind up to the month it read, so they are not due again (at the meeting that recorded
    /// it, the item stays, so triage shows it worked). `meetings`: to find the previous meeting
    /// (without them, the window is as if there were none).
    public static func build(for meeting: Meeting, board: Board, queue: [TriageEntry], held: Set<HeldFollowUp> = [],
                             meetings: [Meeting] = []) -> [AgendaItem] {
        let dates = Dictionary(meetings.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        func answered(_ code: String, _ cardMonth: YearMonth, statement: Bool) -> Bool {
            held.contains { h in
                guard h.project == code, h.statement == statement, h.meeting != meeting.id, h.cardMonth >= cardMonth else { return false }
                return (h.meetingDate ?? dates[h.meeting]).map { $0 <= meeting.date } ?? true
            }
        }
        func inScope(_ project: Project?) -> Bool {
            guard let project else { return meeting.scope == .headquarters || meeting.scope == .office }
            switch meeting.scope {
            case .headquarters, .office: return true
            case let .subcommand(code): return project.subcommand == code
            case let .locality(code): return project.locality == code
            }
        }
        /// The standing for a follow-up owed: the cards of `colour` in the window not yet
        /// answered; the item carries the latest of them and their months.
        func owed(_ st: ProjectStanding, _ colour: CardColour, _ window: ClosedRange<YearMonth>) -> ProjectStanding? {
            let statement = colour == .red
            let cards = st.strip.filter { window.contains($0.month) && $0.colour == colour && !answered(st.project.code, $0.month, statement: statement) }
            guard let last = cards.last else { return nil }
            var item = st
            item.card = last
            item.followUpMonths = cards.map(\.month)
            return item
        }
        let standings = board.standings.filter { inScope($0.project) }
        let byCode: (ProjectStanding, ProjectStanding) -> Bool = { $0.project.code < $1.project.code }
        var items: [AgendaItem] = []
        if statementKinds.contains(meeting.kind) {
            let window = followUpMonths(for: meeting, month: board.month, meetings: meetings, statement: true)
            items += standings.compactMap { owed($0, .red, window) }.sorted(by: byCode).map(AgendaItem.statement)
        }
        if interviewKinds.contains(meeting.kind) {
            let window = followUpMonths(for: meeting, month: board.month, meetings: meetings, statement: false)
            items += standings.compactMap { owed($0, .yellow, window) }.sorted(by: byCode).map(AgendaItem.interview)
        }
        items += standings.filter { $0.stall >= .officeSupervision }.sorted { ($0.stall, $1.project.code) > ($1.stall, $0.project.code) }
            .map(AgendaItem.stalled)
        let issues = queue.filter { $0.issue.status.isOpen && inScope($0.project) }
        items += issues.filter { $0.clock.isOverdue }.map(AgendaItem.overdueIssue)
        items += issues.filter { $0.issue.listed && !$0.clock.isOverdue }.map(AgendaItem.listedIssue)
        return items
    }

    /// 预警项目 (issue 15 §4): on a sub-command's monthly dispatch, its projects the early
    /// warning flags for next month — at risk of red, then of yellow, then of falling behind;
    /// by code within each.
    public static func warnings(for meeting: Meeting, board: Board) -> [ProjectStanding] {
        guard meeting.kind == .subcommandDispatch, case let .subcommand(code) = meeting.scope else { return [] }
        return board.standings.filter { $0.project.subcommand == code && $0.forecast?.warning != nil }
            .sorted { a, b in
                let wa = a.forecast!.warning!, wb = b.forecast!.warning!
                return wa != wb ? wa > wb : a.project.code < b.project.code
            }
    }
}
