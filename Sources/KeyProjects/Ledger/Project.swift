/// Which list a project is on: 省级/市级/县级重点工程.
public enum ProjectLevel: String, Sendable, CaseIterable, Codable {
    case province, city, county
    /// Higher is more important in triage.
    public var rank: Int {
        switch self { case .province: return 3; case .city: return 2; case .county: return 1 }
    }
}

/// 新建 or 续建.
public enum ProjectNature: String, Sendable, CaseIterable, Codable {
    case new, continuing
}

/// The life cycle: 谋划 → 储备 → 前期 → 在建 → 竣工 → 投产.
public enum ProjectStage: String, Sendable, CaseIterable, Codable {
    case planning, reserve, preparation, construction, completed, production
}

/// Reserve projects are further classed: 意向/动议/谈判 (seed 003's 谋划 classes) or
/// 远期研究/近期签约/争取落地/开工建设 (seed 003's four categories).
public enum ReserveClass: String, Sendable, CaseIterable, Codable {
    case intent, proposal, negotiation, longTermStudy = "long-term-study", nearTermSigning = "near-term-signing",
         landing, readyToStart = "ready-to-start"
}

/// One row of the key-project ledger (台账), DOMAIN.md §2.
public struct Project: Sendable, Hashable {
    public var code: String
    public var name: String
    public var level: ProjectLevel
    /// Code of the sub-command it belongs to.
    public var subcommand: String
    /// Code of the locality it is in (属地).
    public var locality: String
    public var constructionUnit: String
    public var nature: ProjectNature
    public var stage: ProjectStage
    public var reserveClass: ReserveClass?
    /// 建设内容及规模.
    public var content: String
    public var startYear: Int?
    public var endYear: Int?
    public var totalInvestment: Money
    /// 年度计划投资, spread evenly over the year when no monthly plan is given.
    public var annualPlan: Money
    /// 包联领导 (a leader id or a name).
    public var liaisonLeader: String
    public var responsibleUnit: String
    public var responsiblePerson: String
    public var contact: String
    public var version: Int

    public init(code: String, name: String, level: ProjectLevel, subcommand: String, locality: String,
                constructionUnit: String = "", nature: ProjectNature = .new, stage: ProjectStage = .construction,
                reserveClass: ReserveClass? = nil, content: String = "", startYear: Int? = nil, endYear: Int? = nil,
                totalInvestment: Money, annualPlan: Money, liaisonLeader: String = "", responsibleUnit: String = "",
                responsiblePerson: String = "", contact: String = "", version: Int = 0) {
        self.code = code; self.name = name; self.level = level; self.subcommand = subcommand
        self.locality = locality; self.constructionUnit = constructionUnit; self.nature = nature
        self.stage = stage; self.reserveClass = reserveClass; self.content = content
        self.startYear = startYear; self.endYear = endYear; self.totalInvestment = totalInvestment
        self.annualPlan = annualPlan; self.liaisonLeader = liaisonLeader; self.responsibleUnit = responsibleUnit
        self.responsiblePerson = responsiblePerson; self.contact = contact; self.version = version
    }
}

/// One month of a project's ledger: the month's planned and completed investment and 形象进度.
public struct MonthlyRecord: Sendable, Hashable {
    public var project: String
    public var month: YearMonth
    /// 月度推进计划 (this month's planned investment); nil when the ledger gives none.
    public var planned: Money?
    /// Investment completed in this month (not cumulative).
    public var completed: Money
    /// 形象进度: a sentence on physical progress.
    public var progress: String
    public var version: Int

    public init(project: String, month: YearMonth, planned: Money?, completed: Money, progress: String = "",
                version: Int = 0) {
        self.project = project; self.month = month; self.planned = planned; self.completed = completed
        self.progress = progress; self.version = version
    }
}

/// The milestones of DOMAIN.md §2, in life-cycle order.
public enum MilestoneKind: String, Sendable, CaseIterable, Codable {
    case approval, planning, land, environment, energy, permit, start, completion, production

    /// Position in the life cycle.
    public var order: Int {
        switch self {
        case .approval: return 0
        case .planning: return 1
        case .land: return 2
        case .environment: return 3
        case .energy: return 4
        case .permit: return 5
        case .start: return 6
        case .completion: return 7
        case .production: return 8
        }
    }
}

/// A milestone with its planned and (once reached) actual date.
public struct Milestone: Sendable, Hashable {
    public var project: String
    public var kind: MilestoneKind
    public var planned: Day?
    public var actual: Day?
    public var version: Int

    public init(project: String, kind: MilestoneKind, planned: Day?, actual: Day? = nil, version: Int = 0) {
        self.project = project; self.kind = kind; self.planned = planned; self.actual = actual; self.version = version
    }

    /// Planned on or before `day` and not reached by then.
    public func isLate(at day: Day) -> Bool {
        guard let planned, planned <= day else { return false }
        guard let actual else { return true }
        return actual > day
    }
}

/// 催办: the office reminding a behind project.
public struct Reminder: Sendable, Hashable {
    public var project: String
    public var date: Day
    public var by: String
    public var note: String
    public var version: Int

    public init(project: String, date: Day, by: String, note: String = "", version: Int = 0) {
        self.project = project; self.date = date; self.by = by; self.note = note; self.version = version
    }
}

extension Reminder {
    /// What joins a day's notes when the same person reminds the same project again that day.
    /// The store keeps data in Chinese whatever the reader's language, so this is fixed here
    /// (the zh strings table's `punct.clause`), the one place the rule lives.
    public static let noteSeparator = "；"

    /// The day's note after a later reminder: the earlier note, then the later one. An empty
    /// note adds nothing, and a note already there (a form sent twice) is not repeated.
    public static func joiningNotes(_ earlier: String, _ later: String) -> String {
        if later.isEmpty { return earlier }
        if earlier.isEmpty { return later }
        if earlier.components(separatedBy: noteSeparator).contains(later) { return earlier }
        return earlier + noteSeparator + later
    }

    /// The earlier notes of a day, one per clause, as `joiningNotes` joined them.
    public var noteClauses: [String] { note.isEmpty ? [] : note.components(separatedBy: Reminder.noteSeparator) }
}

/// Everything the ledger holds about one project, as the rules need it.
public struct ProjectFile: Sendable {
    public var project: Project
    /// Sorted by month.
    public var records: [MonthlyRecord]
    public var milestones: [Milestone]
    /// Sorted by date.
    public var reminders: [Reminder]

    public init(project: Project, records: [MonthlyRecord] = [], milestones: [Milestone] = [],
                reminders: [Reminder] = []) {
        self.project = project
        self.records = records.sorted { $0.month < $1.month }
        self.milestones = milestones
        self.reminders = reminders.sorted { $0.date < $1.date }
    }
}
