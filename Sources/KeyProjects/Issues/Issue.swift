/// What blocks a project (DOMAIN.md §5); the duty table maps each to a responsible unit.
public enum IssueCategory: String, Sendable, CaseIterable, Codable {
    /// `utilities` is 水气暖 (water, gas, heating: seed 001's 市城市管理局), `power` 电力 (the grid
    /// company's); they were one category, 水电气, before issue 16.
    case approval, land, environment, energy, funding, demolition, obstruction, utilities, power, environmentOfInvestment = "business-environment", other
}

/// How the 13710 clock times the solution: a site obstruction in 3 days, a general issue in 7,
/// a major complex issue in a month (or a written plan with dates by then).
public enum IssueKind: String, Sendable, CaseIterable, Codable {
    case general, major, obstruction
}

/// Who can solve it (seed 002 十一): the level its units are at.
public enum IssueLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case township, county, city, province, state
    var order: Int { IssueLevel.allCases.firstIndex(of: self)! }
    public static func < (a: IssueLevel, b: IssueLevel) -> Bool { a.order < b.order }
}

/// Where an issue is in its life cycle.
public enum IssueStatus: String, Sendable, CaseIterable, Codable {
    /// In the office's ledger, not yet dispatched (also after a return or an escalation).
    case registered
    /// Dispatched to a handling unit (交办).
    case dispatched
    /// The unit has studied it and arranged the work (事不过夜).
    case arranged
    /// The unit has fed back to the office.
    case fedBack = "fed-back"
    /// The unit claims it solved; the enterprise has not yet confirmed.
    case solutionClaimed = "solution-claimed"
    /// The enterprise was not satisfied; the unit works on it again.
    case reopened
    /// Cleared (销号): the enterprise is satisfied.
    case cleared

    public var isOpen: Bool { self != .cleared }
}

/// "五到位" of 挂牌督办: solution, responsible unit, leader, person and deadline all set.
public struct SupervisionFive: Sendable, Hashable {
    public var solution: String
    public var unit: String
    public var leader: String
    public var person: String
    public var deadline: Day?

    public init(solution: String = "", unit: String = "", leader: String = "", person: String = "", deadline: Day? = nil) {
        self.solution = solution; self.unit = unit; self.leader = leader; self.person = person; self.deadline = deadline
    }

    public enum Element: String, Sendable, CaseIterable { case solution, unit, leader, person, deadline }

    public var missing: [Element] {
        var m: [Element] = []
        if solution.trimmingASCIISpaces().isEmpty { m.append(.solution) }
        if unit.trimmingASCIISpaces().isEmpty { m.append(.unit) }
        if leader.trimmingASCIISpaces().isEmpty { m.append(.leader) }
        if person.trimmingASCIISpaces().isEmpty { m.append(.person) }
        if deadline == nil { m.append(.deadline) }
        return m
    }
    public var isComplete: Bool { missing.isEmpty }
}

/// An issue in the queue (问题清单). Current state is flat; history lives in the change log.
public struct Issue: Sendable, Hashable {
    public var id: String
    public var project: String
    public var category: IssueCategory
    public var kind: IssueKind
    public var level: IssueLevel
    public var description: String
    public var status: IssueStatus
    /// When it entered the ledger.
    public var registeredOn: Day
    /// When it (re-)entered the office's queue for dispatch: registration, a return or an
    /// escalation. The dispatch step's clock runs from here.
    public var queuedOn: Day
    public var unit: String
    public var dispatchedOn: Day?
    public var arrangedOn: Day?
    public var feedbackOn: Day?
    public var solvedOn: Day?
    public var reopenedOn: Day?
    public var clearedOn: Day?
    /// A major issue's written plan (书面方案) with its dates.
    public var planSubmittedOn: Day?
    /// An explicit deadline (a plan's date, or one set or extended with a reason); it replaces
    /// the 13710 default for the solve step.
    public var deadline: Day?
    public var deadlineReason: String
    /// 挂牌督办.
    public var listed: Bool
    public var supervision: SupervisionFive
    /// Shared problems (共性难题) carry the same group key across projects.
    public var group: String
    public var note: String
    public var reopenCount: Int
    /// On an issue a lower store escalated past its level (issue 17 §5): that store and its
    /// issue (`xiangfen/Q2026-0012`). The project is the lower store's, not this one's, so
    /// `project` is empty and `originProject` names it.
    public var origin: String
    public var originProject: String
    /// On an issue escalated past this store's level: the issue it became one level up
    /// (`linfen/Q2026-0042`). That level handles it; this store's clock stops for it.
    public var referredTo: String
    public var version: Int

    /// Handed to the level above: no step of this store's is due or may be taken.
    public var isReferred: Bool { !referredTo.isEmpty }
    /// Referred here from a lower store.
    public var isFromLowerStore: Bool { !origin.isEmpty }
    /// What the queue shows for the project: its code, or the lower store's project's name.
    public var projectLabel: String { isFromLowerStore ? originProject : project }

    public init(id: String, project: String, category: IssueCategory, kind: IssueKind = .general,
                level: IssueLevel = .county, description: String, status: IssueStatus = .registered,
                registeredOn: Day, queuedOn: Day? = nil, unit: String = "", dispatchedOn: Day? = nil,
                arrangedOn: Day? = nil, feedbackOn: Day? = nil, solvedOn: Day? = nil, reopenedOn: Day? = nil,
                clearedOn: Day? = nil, planSubmittedOn: Day? = nil, deadline: Day? = nil, deadlineReason: String = "",
                listed: Bool = false, supervision: SupervisionFive = SupervisionFive(), group: String = "",
                note: String = "", reopenCount: Int = 0, origin: String = "", originProject: String = "",
                referredTo: String = "", version: Int = 0) {
        self.id = id; self.project = project; self.category = category; self.kind = kind; self.level = level
        self.description = description; self.status = status; self.registeredOn = registeredOn
        self.queuedOn = queuedOn ?? registeredOn; self.unit = unit; self.dispatchedOn = dispatchedOn
        self.arrangedOn = arrangedOn; self.feedbackOn = feedbackOn; self.solvedOn = solvedOn
        self.reopenedOn = reopenedOn; self.clearedOn = clearedOn; self.planSubmittedOn = planSubmittedOn
        self.deadline = deadline; self.deadlineReason = deadlineReason; self.listed = listed
        self.supervision = supervision; self.group = group; self.note = note; self.reopenCount = reopenCount
        self.origin = origin; self.originProject = originProject; self.referredTo = referredTo
        self.version = version
    }
}
