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
            for milestone in try fetchAll(Codecs.milestone, db, "ORDER BY project, kind") {
                if let i = index[milestone.project] { files[i].milestones.append(milestone) }
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
}
