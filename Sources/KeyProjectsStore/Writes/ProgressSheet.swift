import GRDB
import KeyProjects

/// What the monthly progress grid shows of one project for one month, with the versions its
/// edits are based on.
public struct ProgressSheetRow: Sendable, Hashable {
    public var project: Project
    public var planned: Money?
    /// This month's completed investment; nil when the month has no row yet.
    public var completed: Money?
    public var progress: String
    public var monthlyVersion: Int
    /// Completed investment of every other month of the project (for the total's check).
    public var otherMonths: Money
    public var milestones: [Milestone]

    public init(project: Project, planned: Money?, completed: Money?, progress: String, monthlyVersion: Int,
                otherMonths: Money, milestones: [Milestone]) {
        self.project = project; self.planned = planned; self.completed = completed; self.progress = progress
        self.monthlyVersion = monthlyVersion; self.otherMonths = otherMonths; self.milestones = milestones
    }

    /// The milestone a clerk reports next: the earliest planned one not reached, else the
    /// one reached last.
    public var nextMilestone: Milestone? {
        let open = milestones.filter { $0.actual == nil && $0.planned != nil }
            .min { ($0.planned!, $0.kind.order) < ($1.planned!, $1.kind.order) }
        return open ?? milestones.filter { $0.actual != nil }.max { ($0.actual!, $0.kind.order) < ($1.actual!, $1.kind.order) }
    }
}

extension Store {
    /// The grid's rows for `month`: the projects of `subcommands` (every project when nil), by
    /// sub-command and code.
    public func progressSheet(month: YearMonth, subcommands: Set<String>?) throws(StoreError) -> [ProgressSheetRow] {
        try read { db in
            var projects = try Row.fetchAll(db, sql: "SELECT \(Codecs.project.selectColumns) FROM project ORDER BY subcommand, code")
                .map(Codecs.project.decode)
            if let subcommands { projects = projects.filter { subcommands.contains($0.subcommand) } }
            let m = Cells.month(month)
            var monthRows: [String: MonthlyRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(Codecs.monthly.selectColumns) FROM monthly WHERE month = ?", arguments: [m]) {
                let record = Codecs.monthly.decode(row)
                monthRows[record.project] = record
            }
            var others: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT project, SUM(completed) FROM monthly WHERE month <> ? GROUP BY project", arguments: [m]) {
                others[row[0]] = row[1]
            }
            var milestones: [String: [Milestone]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(Codecs.milestone.selectColumns) FROM milestone") {
                let milestone = Codecs.milestone.decode(row)
                milestones[milestone.project, default: []].append(milestone)
            }
            return projects.map { p in
                let record = monthRows[p.code]
                return ProgressSheetRow(project: p, planned: record?.planned, completed: record?.completed,
                                        progress: record?.progress ?? "", monthlyVersion: record?.version ?? 0,
                                        otherMonths: Money(yuan: others[p.code] ?? 0),
                                        milestones: (milestones[p.code] ?? []).sorted { $0.kind.order < $1.kind.order })
            }
        }
    }
}
