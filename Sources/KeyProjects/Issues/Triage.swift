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
        // The queue as it stood on the day: later issues left out, later steps undone.
        // Copied only when some issue changes: a copy of 50,000 issues is 20 MB at its peak.
        let issues = issues.allSatisfy { $0.standsAsItIs(on: asOf) } ? issues : issues.compactMap { $0.asItStood(on: asOf) }
        var projectsByGroup: [String: Set<String>] = [:]
        for issue in issues where !issue.group.isEmpty && issue.status.isOpen {
            projectsByGroup[issue.group, default: []].insert(issue.project)
        }
        // Sort keys first and build the entries once, in their final order: entries are
        // large, and sorting or copying them for 50,000 issues cost most of a second and much
        // memory.
        let readings = issues.map { Clock13710.reading(of: $0, asOf: asOf, rules: rules) }
        let groupSizes = issues.map { $0.group.isEmpty ? 1 : max(1, projectsByGroup[$0.group]?.count ?? 1) }
        let tiers = issues.indices.map { tier(issues[$0], readings[$0]) }
        let keys = issues.indices.map { i in
            SortKey(tier: tiers[i].rawValue, shared: groupSizes[i] > 1, project: projects[issues[i].project],
                    daysLeft: readings[i].daysLeft, id: issues[i].id)
        }
        let sorted = issues.indices.sorted { keys[$0] < keys[$1] }
        // Keep each shared problem together, where its first (most urgent) member falls.
        var members: [String: [Int]] = [:]
        for i in sorted where groupSizes[i] > 1 { members[issues[i].group, default: []].append(i) }
        var emitted = Set<String>()
        var result: [TriageEntry] = []
        result.reserveCapacity(issues.count)
        func emit(_ i: Int) {
            result.append(TriageEntry(issue: issues[i], project: projects[issues[i].project], clock: readings[i],
                                      tier: tiers[i], groupSize: groupSizes[i]))
        }
        for i in sorted {
            if groupSizes[i] > 1 {
                guard emitted.insert(issues[i].group).inserted else { continue }
                members[issues[i].group]!.forEach(emit)
            } else {
                emit(i)
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

    /// The triage order as one comparable key.
    struct SortKey: Comparable {
        var tier: Int, notShared: Int, rank: Int, money: Int64, daysLeft: Int, id: String

        init(tier: Int, shared: Bool, project: Project?, daysLeft: Int?, id: String) {
            self.tier = tier
            notShared = shared ? 0 : 1
            rank = -(project?.level.rank ?? 0)
            money = -(project?.totalInvestment.yuan ?? 0)
            self.daysLeft = daysLeft ?? Int.max
            self.id = id
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.tier, a.notShared, a.rank, a.money, a.daysLeft, a.id) < (b.tier, b.notShared, b.rank, b.money, b.daysLeft, b.id)
        }
    }
}
