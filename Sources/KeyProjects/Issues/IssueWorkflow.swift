/// What can be done to an issue (DOMAIN.md §5; the keyboard and CLI actions of issue 4).
public enum IssueAction: Sendable, Hashable {
    /// The office dispatches it (交办) to a unit, optionally at another level.
    case dispatch(unit: String)
    /// The unit studies it and arranges the work.
    case arrange
    /// The unit feeds back to the office.
    case feedback(note: String)
    /// The unit claims it is solved.
    case claimSolved(note: String)
    /// The enterprise is satisfied: cleared (销号).
    case confirmSatisfied
    /// The enterprise is not satisfied: reopened.
    case reopen(reason: String)
    /// The unit returns it to the office (退回): not theirs to solve.
    case returnToOffice(reason: String)
    /// Escalated to the next level up.
    case escalate(reason: String)
    /// 挂牌督办, which needs all of 五到位.
    case list(SupervisionFive)
    case unlist(reason: String)
    /// A major issue's written plan with the date it will be solved by.
    case submitPlan(solveBy: Day)
    /// Set or extend the deadline, with a reason.
    case setDeadline(Day, reason: String)
}

/// Why an action was refused.
public enum WorkflowRefusal: Error, Sendable, Hashable {
    /// The action is not allowed from the issue's status.
    case notFromStatus(action: String, status: IssueStatus)
    case missingUnit
    case missingReason
    case alreadyTopLevel(IssueLevel)
    case supervisionIncomplete(missing: [SupervisionFive.Element])
    case onlyForMajorIssues
    case dateInPast(Day)
    case notListed
    case alreadyListed
    /// The unit is not on the headquarters' list of units.
    case unknownUnit(String)
    /// Escalated past this store's level: the level above handles it (`linfen/Q2026-0042`).
    case referred(to: String)
}

public enum IssueWorkflow {
    /// The statuses each step may be taken from; nil: any open status (listing needs the
    /// issue not listed yet, unlisting a listed one, a plan a major issue).
    static func allowedStatuses(_ kind: IssueActionKind) -> Set<IssueStatus> {
        let open: Set<IssueStatus> = Set(IssueStatus.allCases).subtracting([.cleared])
        switch kind {
        case .dispatch: return [.registered]
        case .arrange: return [.dispatched]
        case .feedback: return [.arranged]
        case .resolve: return [.arranged, .fedBack, .reopened]
        case .confirm, .reopen: return [.solutionClaimed]
        case .return, .plan: return [.dispatched, .arranged, .fedBack, .reopened]
        case .escalate: return open.subtracting([.solutionClaimed])
        case .list, .deadline: return open
        case .unlist: return Set(IssueStatus.allCases)
        case .undo: return []
        }
    }

    /// The steps that can be taken on an issue as it stands (the dashboard's action menu).
    public static func possibleSteps(for issue: Issue, levels: [IssueLevel]) -> [IssueActionKind] {
        IssueActionKind.allCases.filter { kind in
            guard kind != .undo, !issue.isReferred, allowedStatuses(kind).contains(issue.status) else { return false }
            switch kind {
            case .list: return !issue.listed
            case .unlist: return issue.listed
            case .plan: return issue.kind == .major
            case .escalate: return levels.firstIndex(of: issue.level).map { $0 + 1 < levels.count } ?? false
            default: return true
            }
        }
    }

    /// Applies `action` on `day`, or refuses with the reason.
    /// `units`: the headquarters' units; when given, a dispatch or a listing must name one.
    public static func apply(_ action: IssueAction, to issue: Issue, on day: Day, levels: [IssueLevel],
                             units: [String] = []) throws(WorkflowRefusal) -> Issue {
        func requireUnit(_ unit: String) throws(WorkflowRefusal) {
            guard units.isEmpty || units.contains(unit.trimmingASCIISpaces()) else { throw .unknownUnit(unit) }
        }
        if issue.isReferred { throw .referred(to: issue.referredTo) }
        var next = issue
        let status = issue.status
        func require() throws(WorkflowRefusal) {
            guard allowedStatuses(action.kind).contains(status) else { throw .notFromStatus(action: action.name, status: status) }
        }
        func requireReason(_ text: String) throws(WorkflowRefusal) {
            guard !text.trimmingASCIISpaces().isEmpty else { throw .missingReason }
        }
        switch action {
        case let .dispatch(unit):
            try require()
            guard !unit.trimmingASCIISpaces().isEmpty else { throw .missingUnit }
            try requireUnit(unit)
            next.status = .dispatched
            next.unit = unit
            next.dispatchedOn = day
        case .arrange:
            try require()
            next.status = .arranged
            next.arrangedOn = day
        case let .feedback(note):
            try require()
            next.status = .fedBack
            next.feedbackOn = day
            if !note.isEmpty { next.note = note }
        case let .claimSolved(note):
            try require()
            next.status = .solutionClaimed
            if next.feedbackOn == nil { next.feedbackOn = day }
            next.solvedOn = day
            if !note.isEmpty { next.note = note }
        case .confirmSatisfied:
            try require()
            next.status = .cleared
            next.clearedOn = day
        case let .reopen(reason):
            try require()
            try requireReason(reason)
            next.status = .reopened
            next.reopenedOn = day
            next.solvedOn = nil
            next.deadline = nil
            next.deadlineReason = ""
            next.reopenCount += 1
            next.note = reason
        case let .returnToOffice(reason):
            try require()
            try requireReason(reason)
            next = requeued(issue, on: day, note: reason)
        case let .escalate(reason):
            try require()
            try requireReason(reason)
            guard let index = levels.firstIndex(of: issue.level), index + 1 < levels.count else {
                throw .alreadyTopLevel(issue.level)
            }
            next = requeued(issue, on: day, note: reason)
            next.level = levels[index + 1]
        case let .list(five):
            try require()
            guard !issue.listed else { throw .alreadyListed }
            guard five.isComplete else { throw .supervisionIncomplete(missing: five.missing) }
            try requireUnit(five.unit)
            // A listing sets a deadline still to come, as setting a deadline does.
            if let deadline = five.deadline, deadline < day { throw .dateInPast(deadline) }
            next.listed = true
            next.supervision = five
            next.deadline = five.deadline
            next.deadlineReason = ""  // the listing itself is the reason
        case let .unlist(reason):
            guard issue.listed else { throw .notListed }
            try requireReason(reason)
            next.listed = false
            next.note = reason
        case let .submitPlan(solveBy):
            guard issue.kind == .major else { throw .onlyForMajorIssues }
            try require()
            guard solveBy > day else { throw .dateInPast(solveBy) }
            next.planSubmittedOn = day
            next.deadline = solveBy
            next.deadlineReason = ""  // the written plan is the reason
        case let .setDeadline(date, reason):
            try require()
            try requireReason(reason)
            guard date >= day else { throw .dateInPast(date) }
            next.deadline = date
            next.deadlineReason = reason
        }
        return next
    }

    /// Back into the office's queue for dispatch: after a return or an escalation.
    static func requeued(_ issue: Issue, on day: Day, note: String) -> Issue {
        var next = issue
        next.status = .registered
        next.queuedOn = day
        next.unit = ""
        next.dispatchedOn = nil
        next.arrangedOn = nil
        next.feedbackOn = nil
        next.solvedOn = nil
        next.reopenedOn = nil
        next.deadline = nil
        next.deadlineReason = ""
        next.note = note
        return next
    }
}

extension IssueAction {
    /// A stable English name, used in refusals and the change log.
    public var name: String {
        switch self {
        case .dispatch: return "dispatch"
        case .arrange: return "arrange"
        case .feedback: return "feedback"
        case .claimSolved: return "resolve"
        case .confirmSatisfied: return "confirm"
        case .reopen: return "reopen"
        case .returnToOffice: return "return"
        case .escalate: return "escalate"
        case .list: return "list"
        case .unlist: return "unlist"
        case .submitPlan: return "plan"
        case .setDeadline: return "deadline"
        }
    }
}
