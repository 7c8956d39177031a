/// A locality's configuration: its organisation and the numbers in its rules.
public struct LocalityConfig: Sendable {
    public var organisation: Organisation
    public var rules: RuleSettings
    /// Sample stores are a snapshot: their default "today" is the snapshot day.
    public var sampleAsOf: Day?
    /// Groups of ledger-wide facts a screen prints: "figures are synthetic" and the like.
    public var notice: String
    /// Who may write what (issue 4 §1); an account not on it reads only.
    public var roster: Roster
    /// The meeting series ([[cadence]], else the seeds' for the level).
    public var cadence: [CadenceRule]
    /// Who the monthly ranking flags as staying low ([ranking]).
    public var ranking: RankingRules
    /// The year's targets ([[targets]]).
    public var targets: [AnnualTarget]

    public init(organisation: Organisation, rules: RuleSettings = RuleSettings(), sampleAsOf: Day? = nil,
                notice: String = "", roster: Roster = Roster(), cadence: [CadenceRule]? = nil, ranking: RankingRules = RankingRules(),
                targets: [AnnualTarget] = []) {
        self.ranking = ranking; self.targets = targets
        self.organisation = organisation; self.rules = rules; self.sampleAsOf = sampleAsOf; self.notice = notice
        self.roster = roster; self.cadence = cadence ?? Cadence.defaults(for: organisation)
    }
}

/// Everything in a store that the board, the queue and the calendar read.
public struct Portfolio: Sendable {
    public var files: [ProjectFile]
    public var issues: [Issue]
    public var meetings: [Meeting]
    /// Open issues per project code. Kept apart from `issues` so the board can have the counts
    /// without loading every issue.
    public var openIssueCounts: [String: Int]
    /// Interviews held and statements made at meetings (read with the meetings).
    public var heldFollowUps: Set<HeldFollowUp>
    /// The quarterly awards' proposals and picks (read with the meetings).
    public var awards: AwardRecord

    public init(files: [ProjectFile], issues: [Issue] = [], meetings: [Meeting] = [], openIssueCounts: [String: Int]? = nil,
                heldFollowUps: Set<HeldFollowUp> = [], awards: AwardRecord = AwardRecord()) {
        self.files = files; self.issues = issues; self.meetings = meetings; self.heldFollowUps = heldFollowUps
        self.awards = awards
        self.openIssueCounts = openIssueCounts ?? issues.reduce(into: [:]) { counts, issue in
            if issue.status.isOpen { counts[issue.project, default: 0] += 1 }
        }
    }

    public var projectsByCode: [String: Project] {
        Dictionary(files.map { ($0.project.code, $0.project) }, uniquingKeysWith: { first, _ in first })
    }
}
