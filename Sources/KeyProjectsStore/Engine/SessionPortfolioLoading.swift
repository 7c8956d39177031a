import Foundation
import GRDB
import KeyProjects

extension SQLBackedStore {
    /// The portfolio read through the session in one snapshot: PostgreSQL's load. (SQLite's is
    /// its own C-API loop on two connections, `loadPortfolio` in PortfolioLoading.swift.) The
    /// monthly figures come packed a project-year to a row, as on SQLite, because a row per
    /// month is 240,000 rows at 20,000 projects; the server packs them big-endian (`int8send`).
    public func loadPortfolioThroughSession(_ parts: PortfolioParts, issuesOpenOn: Day?) throws(StoreError) -> Portfolio {
        try read { db in
            var files: [ProjectFile] = []
            var index: [String: Int] = [:]
            for project in try fetchAll(Codecs.project, db, "ORDER BY code") {
                index[project.code] = files.count
                files.append(ProjectFile(project: project))
            }
            if parts.contains(.progressText) {
                for record in try fetchAll(Codecs.monthly, db, "ORDER BY project, month") {
                    if let i = index[record.project] { files[i].records.append(record) }
                }
            } else {
                for row in try db.rows(sql: "SELECT project, year, figures FROM month_figures ORDER BY project, year") {
                    guard let i = index[row[0]], case let .blob(data) = row[2].storage,
                          let figures = data.withUnsafeBytes({ MonthFigures(blob: $0, bigEndian: true) }) else { continue }
                    files[i].records.append(contentsOf: figures.records(project: files[i].project.code, year: row[1]))
                }
            }
            for reminder in try fetchAll(Codecs.reminder, db, "ORDER BY project, \"date\", \"by\"") {
                if let i = index[reminder.project] { files[i].reminders.append(reminder) }
            }
            // The milestones packed a project to a row by the server (`kind:planned:actual:version`,
            // comma-separated): 165,000 rows one per milestone were most of the load's time.
            try db.forEachRow(sql: """
                SELECT project, string_agg(kind || ':' || coalesce(planned::text, '') || ':' || coalesce(actual::text, '') || ':' || version::text,
                                           ',' ORDER BY kind)
                FROM milestone GROUP BY project ORDER BY project
                """, arguments: []) { row in
                guard let i = index[row[0]], case let .string(packed) = row[1].storage else { return }
                files[i].milestones = Self.unpackMilestones(packed, project: files[i].project.code)
            }
            var openIssues: [String: Int] = [:]
            let open = if let issuesOpenOn {
                // Open on that day: registered by then, and neither cleared by then nor cleared
                // with no date (as SQLite's load counts them).
                try db.rows(sql: """
                    SELECT project, count(*) FROM issue WHERE registered_on <= ?
                    AND CASE WHEN cleared_on IS NULL THEN status <> 'cleared' ELSE cleared_on > ? END GROUP BY project
                    """, arguments: [Cells.day(issuesOpenOn), Cells.day(issuesOpenOn)])
            } else {
                try db.rows(sql: "SELECT project, count(*) FROM issue WHERE status <> 'cleared' GROUP BY project")
            }
            for row in open { openIssues[row[0]] = row[1] }
            let issues = parts.contains(.issues) ? try fetchAll(Codecs.issue, db, "ORDER BY id") : []
            let meetings = try fetchAll(Codecs.meeting, db, parts.contains(.meetings) ? "ORDER BY \"date\", \"time\", id" : PortfolioQueries.plenariesOnly)
            let held = parts.contains(.meetings) ? try Self.heldFollowUps(db) : []
            let awards = parts.contains(.meetings) ? try Self.awards(db) : AwardRecord()
            return Portfolio(files: files, issues: issues, meetings: meetings, openIssueCounts: openIssues, heldFollowUps: held,
                             awards: awards)
        }
    }

    /// `start:20260301::3,approval:20250901:20250915:1` as milestones.
    static func unpackMilestones(_ packed: String, project: String) -> [Milestone] {
        packed.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 4, let kind = MilestoneKind(rawValue: String(parts[0])) else { return nil }
            func day(_ s: Substring) -> Day? { Int(s).flatMap { Day(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) } }
            return Milestone(project: project, kind: kind, planned: day(parts[1]), actual: day(parts[2]), version: Int(parts[3]) ?? 0)
        }
    }
}
