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

/// A meeting's agenda, built from what is due as of its date (DOMAIN.md §6): red cards for
/// statements, yellow cards for interviews, stalled projects, overdue and listed issues — each
/// limited to the meeting's scope (the whole headquarters, one sub-command, one locality).
public enum Agenda {
    /// The agenda of `meeting` from the whole portfolio: the board and the queue read as of its
    /// date (the board of the last month ended by then).
    /// With `organisation` and `ranking`, the headquarters' and the office's meetings also get
    /// the localities flagged by the month's ranking.
    public static func build(for meeting: Meeting, portfolio: Portfolio, rules: RuleSettings, organisation: Organisation? = nil,
                             ranking: RankingRules? = nil) -> (month: YearMonth, items: [AgendaItem]) {
        let board = Board.assess(portfolio, rules: rules, asOf: meeting.date)
        let queue = Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: meeting.date, rules: rules.clock)
        var items = build(for: meeting, board: board, queue: queue, held: portfolio.heldFollowUps)
        if let organisation, let ranking, meeting.scope == .headquarters || meeting.scope == .office {
            items += Ranking.rank(portfolio, rules: rules, ranking: ranking, month: board.month, by: .locality, organisation: organisation)
                .filter(\.flagged).map(AgendaItem.lowRanked)
        }
        return (board.month, items)
    }

    /// `board` and `queue` must be read as of the meeting's date.
    /// `held`: interviews and statements already done at another meeting for the same card
    /// month are not due again.
    public static func build(for meeting: Meeting, board: Board, queue: [TriageEntry], held: Set<HeldFollowUp> = []) -> [AgendaItem] {
        func done(_ st: ProjectStanding, statement: Bool) -> Bool {
            held.contains { $0.project == st.project.code && $0.statement == statement && $0.cardMonth == board.month && $0.meeting != meeting.id }
        }
        func inScope(_ project: Project?) -> Bool {
            guard let project else { return meeting.scope == .headquarters || meeting.scope == .office }
            switch meeting.scope {
            case .headquarters, .office: return true
            case let .subcommand(code): return project.subcommand == code
            case let .locality(code): return project.locality == code
            }
        }
        let standings = board.standings.filter { inScope($0.project) }
        let byCode: (ProjectStanding, ProjectStanding) -> Bool = { $0.project.code < $1.project.code }
        var items: [AgendaItem] = []
        // Red-card statements are made at the headquarters' plenary (and the annual
        // conference); yellow-card interviews are the sub-commands' and the office's business.
        let statements: Set<MeetingKind> = [.plenary, .annualConference]
        let interviews: Set<MeetingKind> = [.subcommandDispatch, .officeDispatch, .monthlyProgress, .weeklyDispatch, .siteOffice, .adHoc]
        if statements.contains(meeting.kind) {
            items += standings.filter { $0.card.colour == .red && !done($0, statement: true) }.sorted(by: byCode).map(AgendaItem.statement)
        }
        if interviews.contains(meeting.kind) {
            items += standings.filter { $0.card.colour == .yellow && !done($0, statement: false) }.sorted(by: byCode).map(AgendaItem.interview)
        }
        items += standings.filter { $0.stall >= .officeSupervision }.sorted { ($0.stall, $1.project.code) > ($1.stall, $0.project.code) }
            .map(AgendaItem.stalled)
        let issues = queue.filter { $0.issue.status.isOpen && inScope($0.project) }
        items += issues.filter { $0.clock.isOverdue }.map(AgendaItem.overdueIssue)
        items += issues.filter { $0.issue.listed && !$0.clock.isOverdue }.map(AgendaItem.listedIssue)
        return items
    }
}
