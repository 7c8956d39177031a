import GRDB
import KeyProjects

extension SQLBackedStore {
    /// Numbers a meeting's agenda once, when triage starts (issue 15 §3): the items due as of
    /// its date, in order, are kept with the meeting, so the agenda keeps its numbers while items
    /// are worked (a reassigned issue stays where it was) and new ones come after. Numbered
    /// already: nothing is written. Returns the order kept.
    @discardableResult
    public func numberAgenda(_ id: String) throws(StoreError) -> [String] {
        guard let order = try agendaToNumber(id) else { return try meeting(id)?.agendaOrder ?? [] }
        return try write { db, log in
            guard var meeting = try fetchMeeting(id, db) else { throw StoreError.notFound(entity: "meeting", key: id) }
            try log.authorize(.editMeetings, target: meeting.id)
            guard !meeting.cancelled else { throw StoreError.invalidValue(field: "meeting", problem: .meetingCancelled(meeting.id)) }
            guard meeting.agendaOrder.isEmpty, !order.isEmpty else { return meeting.agendaOrder }
            meeting.agendaOrder = order
            _ = try upsert(Codecs.meeting, meeting, basedOn: nil, db: db, log: log)
            return order
        }
    }

    /// The agenda's keys as due now, for a meeting not yet numbered; nil when it is numbered or unknown.
    func agendaToNumber(_ id: String) throws(StoreError) -> [String]? {
        guard let meeting = try meeting(id), meeting.agendaOrder.isEmpty else { return nil }
        let portfolio = try loadPortfolio()
        return Agenda.build(for: meeting, portfolio: portfolio, rules: config.rules, organisation: config.organisation,
                            ranking: config.ranking).items.map(\.key)
    }
}

/// What is done about one agenda item at a meeting, as triage records it.
public struct DecisionInput: Sendable, Hashable {
    public var meeting: String
    public var item: String
    public var project: String
    public var kind: MeetingDecision.Kind
    public var text: String
    public var unit: String
    public var person: String
    public var deadline: Day?
    /// For a step on an issue (assigned, deadline, escalated, listed): the issue and the step.
    public var issue: String
    public var action: IssueAction?

    public init(meeting: String, item: String, project: String, kind: MeetingDecision.Kind, text: String = "", unit: String = "",
                person: String = "", deadline: Day? = nil, issue: String = "", action: IssueAction? = nil) {
        self.meeting = meeting; self.item = item; self.project = project; self.kind = kind; self.text = text; self.unit = unit
        self.person = person; self.deadline = deadline; self.issue = issue; self.action = action
    }
}

extension SQLBackedStore {
    /// What was done at a meeting, in the order it was recorded (ids are numbered in that order).
    public func decisions(meeting: String) throws(StoreError) -> [MeetingDecision] {
        try read { db in
            try db.rows(sql: "SELECT \(Codecs.decision.selectColumns) FROM decision WHERE meeting = ? ORDER BY length(id), id",
                             arguments: [meeting]).map(Codecs.decision.decode)
        }
    }

    /// What was done at the meetings of a month (the special report's decisions).
    public func decisions(in month: YearMonth) throws(StoreError) -> [MeetingDecision] {
        try read { db in
            try db.rows(sql: """
                SELECT \(Codecs.decision.selectColumns) FROM decision
                WHERE meeting IN (SELECT id FROM meeting WHERE date BETWEEN ? AND ?) ORDER BY meeting, length(id), id
                """, arguments: [Cells.day(month.firstDay), Cells.day(month.lastDay)]).map(Codecs.decision.decode)
        }
    }

    /// Each project's 形象进度 of a month, where written (the board reads figures without it).
    public func progressTexts(in month: YearMonth) throws(StoreError) -> [String: String] {
        try read { db in
            Dictionary(try db.rows(sql: "SELECT project, progress FROM monthly WHERE month = ? AND progress <> ''",
                                        arguments: [Cells.month(month)]).map { ($0[0] as String, $0[1] as String) },
                       uniquingKeysWith: { a, _ in a })
        }
    }

    /// Records one thing done at a meeting, at once (triage saves as it goes): a decision
    /// becomes an issue on the item's project, dispatched to the unit with the deadline, on the
    /// 13710 clock; a step on an issue is taken on it; all in one transaction with its record.
    /// The first thing recorded at a meeting numbers its agenda, in the same write, if triage
    /// has not done so (`numberAgenda`).
    @discardableResult
    public func record(_ input: DecisionInput, on day: Day) throws(StoreError) -> MeetingDecision {
        try requireWriteDay(day)
        let order = try agendaToNumber(input.meeting)
        return try write { db, log in
            try log.authorize(.editMeetings, target: input.meeting)
            guard var meeting = try fetchMeeting(input.meeting, db) else { throw StoreError.notFound(entity: "meeting", key: input.meeting) }
            guard !meeting.cancelled else { throw StoreError.invalidValue(field: "meeting", problem: .meetingCancelled(meeting.id)) }
            if let order, meeting.agendaOrder.isEmpty, !order.isEmpty {
                meeting.agendaOrder = order
                _ = try upsert(Codecs.meeting, meeting, basedOn: nil, db: db, log: log)
            }
            var issueID = input.issue
            switch input.kind {
            case .decision:
                if let deadline = input.deadline, deadline < day {
                    throw StoreError.workflow(issue: input.project, refusal: .dateInPast(deadline))
                }
                guard !input.text.trimmingASCIISpaces().isEmpty else { throw StoreError.invalidValue(field: "text", problem: .decisionTextRequired) }
                guard let deadline = input.deadline else { throw StoreError.invalidValue(field: "deadline", problem: .deadlineRequired) }
                let level: IssueLevel = switch config.organisation.level { case .province: .province; case .city: .city; case .county: .county }
                let issue = try register(NewIssue(project: input.project, category: .other, level: level,
                                                  description: "\(meeting.title)决定：\(input.text)"), on: day, db: db, log: log)
                _ = try take(.dispatch(unit: input.unit), on: issue.id, day: day, basedOn: nil, db: db, log: log)
                _ = try take(.setDeadline(deadline, reason: meeting.title + (input.person.isEmpty ? "" : "；责任人 \(input.person)")),
                             on: issue.id, day: day, basedOn: nil, db: db, log: log)
                issueID = issue.id
            case .assigned, .deadline, .escalated, .listed:
                guard let action = input.action, !input.issue.isEmpty else {
                    throw StoreError.invalidValue(field: "action", problem: .stepNeedsIssue)
                }
                // Reassigning an issue already with a unit: back to the office's queue, then to
                // the new unit, in this one write.
                if input.kind == .assigned, let issue = try fetchIssue(input.issue, db), issue.status != .registered {
                    _ = try take(.returnToOffice(reason: "\(meeting.title)改派"), on: input.issue, day: day, basedOn: nil, db: db, log: log)
                }
                _ = try take(action, on: input.issue, day: day, basedOn: nil, db: db, log: log)
            case .interviewHeld, .statementMade:
                // Once per item and meeting.
                if try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM decision WHERE meeting = ? AND item = ? AND kind = ?)",
                                     arguments: [meeting.id, input.item, input.kind.rawValue]) ?? false {
                    throw StoreError.invalidValue(field: "kind", problem: .alreadyRecorded)
                }
            }
            let taken = try db.values(String.self, sql: "SELECT id FROM decision WHERE meeting = ?", arguments: [meeting.id])
            let prefix = "\(meeting.id)-d"
            let n = (taken.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1
            let decision = MeetingDecision(id: prefix + String(n), meeting: meeting.id, item: input.item, project: input.project,
                                           kind: input.kind, text: input.text, unit: input.unit, person: input.person,
                                           deadline: input.deadline, issue: issueID, recordedOn: day)
            _ = try upsert(Codecs.decision, decision, basedOn: nil, db: db, log: log)
            return decision
        }
    }
}
