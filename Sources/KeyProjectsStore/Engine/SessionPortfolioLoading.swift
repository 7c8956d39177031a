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
            // Each project's row packed by the server into one text (see `PackedRow`): 20,000
            // rows of 19 cells each were 380,000 cells for the client to take apart one by one.
            let codec = Codecs.project
            typealias P = Project.Columns
            let integers = Set([P.startYear, .endYear, .totalInvestment, .annualPlan].map { Int($0.position) } + [Int(P.versionPosition)])
            try db.forEachRow(sql: "SELECT \(PackedRow.select(codec.columns + ["version"])) FROM project ORDER BY code", arguments: []) { row in
                guard case let .string(packed) = row[0].storage,
                      let cells = PackedRow.cells(packed, count: codec.columns.count + 1, integers: integers) else {
                    throw StoreError.database(message: "a project row could not be read")
                }
                let project = codec.decode(SQLRow(cells))
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
                    SELECT project, count(*) FROM issue WHERE project IS NOT NULL AND registered_on <= ?
                    AND CASE WHEN cleared_on IS NULL THEN status <> 'cleared' ELSE cleared_on > ? END GROUP BY project
                    """, arguments: [Cells.day(issuesOpenOn), Cells.day(issuesOpenOn)])
            } else {
                try db.rows(sql: "SELECT project, count(*) FROM issue WHERE project IS NOT NULL AND status <> 'cleared' GROUP BY project")
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

/// A row packed by the server into one text, each cell as `<bytes>:<text>` (its length in UTF-8
/// bytes, so no character needs escaping) or `-` for NULL; the integer columns (by position)
/// are written as text and read back as integers.
enum PackedRow {
    /// The SELECT list packing `columns` (PostgreSQL: `octet_length`, `concat`).
    static func select(_ columns: [String]) -> String {
        "concat(" + columns.map { c in "coalesce(octet_length(\"\(c)\"::text) || ':' || \"\(c)\"::text, '-')" }.joined(separator: ", ") + ")"
    }

    /// The cells of a packed row; nil when it is not `count` cells or an integer column is not one.
    static func cells(_ packed: String, count: Int, integers: Set<Int>) -> [DatabaseValue]? {
        var packed = packed
        return packed.withUTF8 { bytes -> [DatabaseValue]? in
            var cells: [DatabaseValue] = []
            cells.reserveCapacity(count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "-") { cells.append(.null); i += 1; continue }
                var length = 0
                while i < bytes.count, bytes[i] != UInt8(ascii: ":") {
                    guard bytes[i] >= 48 && bytes[i] <= 57 else { return nil }
                    length = length * 10 + Int(bytes[i] - 48)
                    i += 1
                }
                i += 1
                guard i + length <= bytes.count else { return nil }
                let cell = UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])
                if integers.contains(cells.count) {
                    guard let n = integer(cell) else { return nil }
                    cells.append(n.databaseValue)
                } else {
                    cells.append(String(decoding: cell, as: UTF8.self).databaseValue)
                }
                i += length
            }
            return cells.count == count ? cells : nil
        }
    }

    /// An integer cell's text (an optional minus, then 1 to 18 digits).
    private static func integer(_ cell: UnsafeBufferPointer<UInt8>) -> Int64? {
        var start = 0
        if cell.first == UInt8(ascii: "-") { start = 1 }
        let digits = cell.count - start
        guard digits >= 1 && digits <= 18 else { return nil }
        var n: Int64 = 0
        for j in start..<cell.count {
            guard cell[j] >= 48 && cell[j] <= 57 else { return nil }
            n = n * 10 + Int64(cell[j] - 48)
        }
        return start == 1 ? -n : n
    }
}
