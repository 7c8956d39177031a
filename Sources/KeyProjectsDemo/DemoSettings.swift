import KeyProjects

/// What the generator makes: a locality of any size, deterministically from a seed.
public struct DemoSettings: Sendable {
    public var organisation: Organisation
    /// The snapshot day; the last month of the ledgers is the month assessed on it.
    public var asOf: Day
    public var projects: Int
    public var issues: Int
    public var seed: UInt64
    public var codePrefix: String
    /// Calendar years of meetings, ending with the as-of year.
    public var meetingYears: Int
    /// When set, meetings are generated back in time until there are this many.
    public var meetingCount: Int?
    /// Months of monthly records, ending with the assessed month.
    public var historyMonths: Int
    /// Real public project names to use first, with the sub-command code each belongs to.
    public var namedProjects: [(subcommand: String, name: String)]
    /// The locality's working days (its holiday file), so meetings fall on working days.
    public var workCalendar: WorkCalendar?
    /// The locality's rules (the earlier quarters' awards are judged by its cards).
    public var rules = RuleSettings()

    public init(organisation: Organisation, asOf: Day, projects: Int, issues: Int, seed: UInt64, codePrefix: String = "P",
                meetingYears: Int = 1, meetingCount: Int? = nil, historyMonths: Int = 12,
                namedProjects: [(subcommand: String, name: String)] = [], workCalendar: WorkCalendar? = nil) {
        self.organisation = organisation; self.asOf = asOf; self.projects = projects; self.issues = issues
        self.seed = seed; self.codePrefix = codePrefix; self.meetingYears = meetingYears; self.meetingCount = meetingCount
        self.historyMonths = historyMonths; self.namedProjects = namedProjects; self.workCalendar = workCalendar
    }
}

/// How a generated project behaves over its months: chosen in turn so that every card and
/// every ladder step occurs in any locality of more than `Scenario.cycle.count` projects.
enum Scenario: CaseIterable {
    case onTrack, ahead, behindUnreminded, behindReminded, yellowNow, redNow, redLong, recovered
    case stall1, stall2, stall3, lateMilestone, lateMilestoneYellow
    case preparation, completed, production, reserve, planning

    static let cycle: [Scenario] = [
        .onTrack, .behindUnreminded, .yellowNow, .redNow, .stall1, .onTrack, .lateMilestone, .stall2, .ahead, .redLong,
        .preparation, .behindReminded, .stall3, .completed, .onTrack, .recovered, .lateMilestoneYellow, .reserve,
        .production, .onTrack, .yellowNow, .planning,
    ]

    var stage: ProjectStage {
        switch self {
        case .preparation: return .preparation
        case .completed: return .completed
        case .production: return .production
        case .reserve: return .reserve
        case .planning: return .planning
        default: return .construction
        }
    }

    /// Months before the assessed one in which it falls behind (nil: never).
    var behindSince: Int? {
        switch self {
        case .behindUnreminded, .behindReminded: return 0
        case .yellowNow: return 1
        case .redNow: return 2
        case .redLong: return 5
        case .recovered: return 3
        default: return nil
        }
    }

    /// Months before the assessed one in which work stopped (nil: never).
    var stalledSince: Int? {
        switch self {
        case .stall1: return 0
        case .stall2: return 1
        case .stall3: return 2
        default: return nil
        }
    }

    /// Reminders, as months before the assessed one.
    var reminderMonths: [Int] {
        switch self {
        case .behindReminded: return [0]
        case .yellowNow: return [1, 0]
        case .redNow: return [2, 1]
        case .redLong: return [5, 4, 2]
        case .recovered: return [3, 2]
        case .stall2: return [0]
        case .stall3: return [1, 0]
        case .lateMilestone: return [0]
        case .lateMilestoneYellow: return [1, 0]
        default: return []
        }
    }
}
