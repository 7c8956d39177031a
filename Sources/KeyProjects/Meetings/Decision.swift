/// What was done about an agenda item at a meeting (issue 5 §3): a decision that becomes a
/// tracked item on the 13710 clock, an interview held, a statement made, or a step taken on an
/// issue (assigned, deadline set, escalated, listed). The minutes are built from these.
public struct MeetingDecision: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 会议决定: tracked as an issue dispatched to the unit, with the person and deadline.
        case decision
        case interviewHeld = "interview-held"
        case statementMade = "statement-made"
        case assigned, deadline, escalated, listed
    }

    public var id: String
    public var meeting: String
    /// The agenda item's key (`statement:LF2026-0001`, `overdue:Q2026-0040`).
    public var item: String
    public var project: String
    public var kind: Kind
    public var text: String
    public var unit: String
    public var person: String
    public var deadline: Day?
    /// The issue tracking a decision, or the issue a step was taken on.
    public var issue: String
    public var recordedOn: Day
    public var version: Int

    public init(id: String = "", meeting: String, item: String, project: String, kind: Kind, text: String = "", unit: String = "",
                person: String = "", deadline: Day? = nil, issue: String = "", recordedOn: Day, version: Int = 0) {
        self.id = id; self.meeting = meeting; self.item = item; self.project = project; self.kind = kind; self.text = text
        self.unit = unit; self.person = person; self.deadline = deadline; self.issue = issue; self.recordedOn = recordedOn
        self.version = version
    }
}

extension AgendaItem {
    /// A stable key for what was done about the item: `statement:CODE`, `overdue:ID`, ...
    public var key: String {
        switch self {
        case let .statement(st): return "statement:\(st.project.code)"
        case let .interview(st): return "interview:\(st.project.code)"
        case let .stalled(st): return "stalled:\(st.project.code)"
        case let .overdueIssue(e): return "overdue:\(e.issue.id)"
        case let .listedIssue(e): return "listed:\(e.issue.id)"
        case let .lowRanked(row): return "low:\(row.group)"
        }
    }

    /// The project the item is about.
    public var projectCode: String {
        switch self {
        case let .statement(st), let .interview(st), let .stalled(st): return st.project.code
        case let .overdueIssue(e), let .listedIssue(e): return e.issue.project
        case .lowRanked: return ""
        }
    }

    /// The issue the item is about, if it is one.
    public var issueID: String? {
        switch self {
        case .statement, .interview, .stalled, .lowRanked: return nil
        case let .overdueIssue(e), let .listedIssue(e): return e.issue.id
        }
    }
}

/// An interview held or a statement made about a project at a meeting: it answers that
/// project's cards of its kind (yellow for an interview, red for a statement) of every month up
/// to `cardMonth`, so they are no longer due at later meetings.
public struct HeldFollowUp: Sendable, Hashable {
    public var project: String
    public var statement: Bool
    /// The latest month of cards it answered (the last month ended by the meeting's date).
    public var cardMonth: YearMonth
    public var meeting: String
    /// The day of the meeting it was recorded at (nil: looked up among the meetings).
    public var meetingDate: Day?

    public init(project: String, statement: Bool, cardMonth: YearMonth, meeting: String, meetingDate: Day? = nil) {
        self.project = project; self.statement = statement; self.cardMonth = cardMonth; self.meeting = meeting
        self.meetingDate = meetingDate
    }
}
