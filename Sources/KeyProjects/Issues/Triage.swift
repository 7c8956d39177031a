/// One line of the issue queue in triage order.
public struct TriageEntry: Sendable {
    public var issue: Issue
    public var project: Project?
    public var clock: ClockReading
    public var tier: TriageTier
    /// Distinct projects sharing this issue's group key (1 when not shared).
    public var groupSize: Int
}

/// Urgency tiers, most urgent first.
public enum TriageTier: Int, Sendable, Comparable, CaseIterable {
    /// Past its 13710 due date.
    case overdue = 0
    /// A site obstruction (阻工扰工) still open, or a listed (挂牌督办) issue.
    case obstructionOrListed
    /// Due within the yellow window.
    case dueSoon
    /// Open, on time.
    case onTime
    /// Solved by the unit, waiting for the enterprise to confirm.
    case awaitingConfirmation
    case cleared

    public static func < (a: TriageTier, b: TriageTier) -> Bool { a.rawValue < b.rawValue }
}

/// Triage (seed 002 十; DOMAIN.md §5): urgent issues of important projects and problems shared
/// by several projects first. The order: urgency tier; shared problems before single ones;
/// project level (province > city > county); total investment; days left (most overdue
/// first); id. Issues of one shared problem are kept together, placed where the most urgent
/// of them falls.
public enum Triage {
    public static func order(_ issues: [Issue], projects: [String: Project], asOf: Day,
                             rules: ClockRules = ClockRules()) -> [TriageEntry] {
        var projectsByGroup: [String: Set<String>] = [:]
        for issue in issues where !issue.group.isEmpty && issue.status.isOpen {
            projectsByGroup[issue.group, default: []].insert(issue.project)
        }
        let entries = issues.map { issue -> TriageEntry in
            let clock = Clock13710.reading(of: issue, asOf: asOf, rules: rules)
            let size = issue.group.isEmpty ? 1 : max(1, projectsByGroup[issue.group]?.count ?? 1)
            return TriageEntry(issue: issue, project: projects[issue.project], clock: clock,
                               tier: tier(issue, clock), groupSize: size)
        }
        let sorted = entries.sorted(by: precedes)
        // Keep each shared problem together, where its first (most urgent) member falls.
        var emitted = Set<String>()
        var members: [String: [TriageEntry]] = [:]
        for entry in sorted where entry.groupSize > 1 { members[entry.issue.group, default: []].append(entry) }
        var result: [TriageEntry] = []
        result.reserveCapacity(sorted.count)
        for entry in sorted {
            if entry.groupSize > 1 {
                guard emitted.insert(entry.issue.group).inserted else { continue }
                result.append(contentsOf: members[entry.issue.group]!)
            } else {
                result.append(entry)
            }
        }
        return result
    }

    static func tier(_ issue: Issue, _ clock: ClockReading) -> TriageTier {
        switch issue.status {
        case .cleared: return .cleared
        case .solutionClaimed: return .awaitingConfirmation
        default: break
        }
        if clock.isOverdue { return .overdue }
        if issue.kind == .obstruction || issue.listed { return .obstructionOrListed }
        if clock.light == .yellow { return .dueSoon }
        return .onTime
    }

    static func precedes(_ a: TriageEntry, _ b: TriageEntry) -> Bool {
        if a.tier != b.tier { return a.tier < b.tier }
        let sharedA = a.groupSize > 1, sharedB = b.groupSize > 1
        if sharedA != sharedB { return sharedA }
        let rankA = a.project?.level.rank ?? 0, rankB = b.project?.level.rank ?? 0
        if rankA != rankB { return rankA > rankB }
        let moneyA = a.project?.totalInvestment ?? .zero, moneyB = b.project?.totalInvestment ?? .zero
        if moneyA != moneyB { return moneyA > moneyB }
        let leftA = a.clock.daysLeft ?? Int.max, leftB = b.clock.daysLeft ?? Int.max
        if leftA != leftB { return leftA < leftB }
        return a.issue.id < b.issue.id
    }
}
