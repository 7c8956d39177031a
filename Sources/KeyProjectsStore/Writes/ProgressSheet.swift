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

extension SQLBackedStore {
    /// The grid's rows for `month`: the projects of `subcommands` (every project when nil), or
    /// only `projects` (to refresh rows after a commit), by sub-command and code. Reads only
    /// the projects asked for.
    public func progressSheet(month: YearMonth, subcommands: Set<String>?, projects: [String]? = nil) throws(StoreError) -> [ProgressSheetRow] {
        // The projects asked for, as a subquery the other reads use.
        let scope: String, scopeArguments: [String]
        if let projects {
            scope = "SELECT code FROM project WHERE code IN (\(Array(repeating: "?", count: max(1, projects.count)).joined(separator: ", ")))"
            scopeArguments = projects.isEmpty ? [""] : projects
        } else if let subcommands {
            scope = "SELECT code FROM project WHERE subcommand IN (\(Array(repeating: "?", count: max(1, subcommands.count)).joined(separator: ", ")))"
            scopeArguments = subcommands.isEmpty ? [""] : subcommands.sorted()
        } else {
            scope = "SELECT code FROM project"
            scopeArguments = []
        }
        return try read { db in
            let projects = try db.rows(sql: """
                SELECT \(Codecs.project.selectColumns) FROM project WHERE code IN (\(scope)) ORDER BY subcommand, code
                """, arguments: scopeArguments).map(Codecs.project.decode)
            let m = Cells.month(month)
            var monthRows: [String: MonthlyRecord] = [:]
            for row in try db.rows(sql: """
                SELECT \(Codecs.monthly.selectColumns) FROM monthly
                WHERE month = ? AND project IN (\(scope))
                """, arguments: [m] + scopeArguments) {
                let record = Codecs.monthly.decode(row)
                monthRows[record.project] = record
            }
            var others: [String: Int64] = [:]
            for row in try db.rows(sql: """
                SELECT project, SUM(completed) FROM monthly
                WHERE project IN (\(scope)) AND month <> ? GROUP BY project
                """, arguments: scopeArguments + [m]) {
                others[row[0]] = row[1]
            }
            var milestones: [String: [Milestone]] = [:]
            for row in try db.rows(sql: """
                SELECT \(Codecs.milestone.selectColumns) FROM milestone WHERE project IN (\(scope))
                """, arguments: scopeArguments) {
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
