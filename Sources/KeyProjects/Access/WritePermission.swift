/// What a write does, with what decides who may make it: the sub-command a project belongs
/// to, the unit an issue is assigned to.
public enum WriteAction: Sendable, Hashable {
    /// Monthly figures (completed investment, 形象进度, plan) and milestone dates.
    case recordProgress(subcommand: String)
    /// 催办.
    case remind(subcommand: String)
    /// A new issue on a project.
    case registerIssue(subcommand: String)
    /// A step of the issue workflow.
    case workIssue(IssueActionKind, subcommand: String, assignedUnit: String)
    /// The project ledger itself (names, levels, plans), meetings: the office's.
    case editProjects
    case editMeetings
    /// An issue ledger imported whole (statuses and dates as the file says).
    case importIssues
    /// A sub-command's 羚羊奖/蜗牛奖 proposals for a quarter: its clerk's or the office's.
    case proposeAward(subcommand: String)
    /// The headquarters' picks of the awards, recorded by its office.
    case pickAwards

    /// A stable English name for messages and the change log.
    public var name: String {
        switch self {
        case .recordProgress: return "progress"
        case .remind: return "remind"
        case .registerIssue: return "issue new"
        case let .workIssue(kind, _, _): return "issue \(kind.rawValue)"
        case .editProjects: return "projects"
        case .editMeetings: return "meetings"
        case .importIssues: return "import issues"
        case .proposeAward: return "awards propose"
        case .pickAwards: return "awards pick"
        }
    }
}

/// The kinds of issue workflow step, without their arguments.
public enum IssueActionKind: String, Sendable, Hashable, CaseIterable {
    case dispatch, arrange, feedback, resolve, confirm, reopen, `return`, escalate, list, unlist, plan, deadline
    /// Undoing an earlier change to the issue.
    case undo

    /// The steps a responsible unit takes on an issue assigned to it (13710's 1, 3, 7, 1).
    public var isUnitStep: Bool {
        switch self {
        case .arrange, .feedback, .resolve, .return, .plan: return true
        default: return false
        }
    }
}

extension IssueAction {
    public var kind: IssueActionKind {
        switch self {
        case .dispatch: return .dispatch
        case .arrange: return .arrange
        case .feedback: return .feedback
        case .claimSolved: return .resolve
        case .confirmSatisfied: return .confirm
        case .reopen: return .reopen
        case .returnToOffice: return .return
        case .escalate: return .escalate
        case .list: return .list
        case .unlist: return .unlist
        case .submitPlan: return .plan
        case .setDeadline: return .deadline
        }
    }
}

/// The permission rule of issue 4 §1, in one place: the store asks it before every write.
public enum WritePermission {
    public static func allows(_ role: Role?, _ action: WriteAction) -> Bool {
        guard let role else { return false }
        switch role {
        case .office:
            return true
        case .hq, .wall, .viewer:
            return false
        case let .clerk(subcommands):
            switch action {
            case let .recordProgress(sc), let .remind(sc), let .registerIssue(sc), let .workIssue(_, sc, _), let .proposeAward(sc):
                return subcommands.contains(sc)
            case .editProjects, .editMeetings, .importIssues, .pickAwards:
                return false
            }
        case let .unit(name):
            guard case let .workIssue(kind, _, assigned) = action else { return false }
            return (kind.isUnitStep || kind == .undo) && !assigned.isEmpty && assigned == name
        }
    }
}

/// A write refused by the roster: who tried, as what, and who may make it instead.
public struct AccessRefusal: Error, Sendable, Hashable {
    public var account: String
    /// Nil when the account is not on the roster.
    public var role: Role?
    public var action: WriteAction
    /// The project or issue the write was for.
    public var target: String
    public var allowed: [RosterEntry]

    public init(account: String, role: Role?, action: WriteAction, target: String, allowed: [RosterEntry]) {
        self.account = account; self.role = role; self.action = action; self.target = target; self.allowed = allowed
    }
}
