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

    /// `start:20260301::3,approval:20250901:20250915:1` as milestones, read from the UTF-8
    /// bytes (splitting the String by Character was a third of the whole board's load).
    static func unpackMilestones(_ packed: String, project: String) -> [Milestone] {
        var out: [Milestone] = []
        var packed = packed
        packed.withUTF8 { bytes in
            var start = 0
            var i = 0
            while start < bytes.count {
                // One item: kind:planned:actual:version, its colons' positions noted.
                var colon: [Int] = []
                colon.reserveCapacity(3)
                i = start
                while i < bytes.count && bytes[i] != UInt8(ascii: ",") {
                    if bytes[i] == UInt8(ascii: ":") { colon.append(i) }
                    i += 1
                }
                if colon.count == 3 {
                    func number(_ from: Int, _ to: Int) -> Int? {
                        guard from < to else { return nil }
                        var n = 0
                        for j in from..<to { n = n * 10 + Int(bytes[j] &- 48) }
                        return n
                    }
                    let kindText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon[0]]), as: UTF8.self)
                    if let kind = MilestoneKind(rawValue: kindText) {
                        func day(_ n: Int?) -> Day? { n.flatMap { Day(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) } }
                        out.append(Milestone(project: project, kind: kind, planned: day(number(colon[0] + 1, colon[1])),
                                             actual: day(number(colon[1] + 1, colon[2])), version: number(colon[2] + 1, i) ?? 0))
                    }
                }
                start = i + 1
            }
        }
        return out
    }
}
