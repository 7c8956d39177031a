import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import KeyProjects

/// What to read besides what the board needs (projects, monthly figures, milestones, reminders,
/// open-issue counts and the plenaries).
public struct PortfolioParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// 形象进度 sentences of the monthly records.
    public static let progressText = PortfolioParts(rawValue: 1)
    /// Every issue.
    public static let issues = PortfolioParts(rawValue: 2)
    /// Every meeting (otherwise only plenaries, where red-card statements are made).
    public static let meetings = PortfolioParts(rawValue: 4)

    public static let board: PortfolioParts = []
    public static let all: PortfolioParts = [.progressText, .issues, .meetings]
}

extension Store {
    /// Reads the portfolio in one consistent snapshot. The board's rows are read with the
    /// SQLite C API in loops that make no String for a row's project code unless it changes:
    /// the board of 20,000 projects must open in well under 300 ms.
    public func loadPortfolio(_ parts: PortfolioParts = .all) throws(StoreError) -> Portfolio {
        try read { db in
            var files: [ProjectFile] = []
            var index: [String: Int] = [:]
            let projects = try db.makeStatement(sql: "SELECT \(Codecs.project.selectColumns) FROM project ORDER BY code")
            let ps = projects.sqliteStatement
            let cursor = try Row.fetchCursor(projects)
            while try cursor.next() != nil {
                let p = Project(
                    code: text(ps, 0), name: text(ps, 1), level: ProjectLevel(rawValue: text(ps, 2)) ?? .county,
                    subcommand: text(ps, 3), locality: text(ps, 4), constructionUnit: text(ps, 5),
                    nature: ProjectNature(rawValue: text(ps, 6)) ?? .new, stage: ProjectStage(rawValue: text(ps, 7)) ?? .construction,
                    reserveClass: sqlite3_column_type(ps, 8) == SQLITE_NULL ? nil : ReserveClass(rawValue: text(ps, 8)),
                    content: text(ps, 9), startYear: int(ps, 10), endYear: int(ps, 11),
                    totalInvestment: Money(yuan: sqlite3_column_int64(ps, 12)), annualPlan: Money(yuan: sqlite3_column_int64(ps, 13)),
                    liaisonLeader: text(ps, 14), responsibleUnit: text(ps, 15), responsiblePerson: text(ps, 16),
                    contact: text(ps, 17), version: Int(sqlite3_column_int64(ps, 18)))
                index[p.code] = files.count
                files.append(ProjectFile(project: p))
            }
            let progress = parts.contains(.progressText)
            try forEachRow(db, "SELECT project, month, planned, completed, \(progress ? "progress" : "''"), version FROM monthly ORDER BY project, month",
                           index) { i, s in
                let m = Int(sqlite3_column_int64(s, 1))
                files[i].records.append(MonthlyRecord(
                    project: files[i].project.code, month: YearMonth(year: m / 100, month: m % 100) ?? YearMonth(index: 0),
                    planned: sqlite3_column_type(s, 2) == SQLITE_NULL ? nil : Money(yuan: sqlite3_column_int64(s, 2)),
                    completed: Money(yuan: sqlite3_column_int64(s, 3)), progress: progress ? text(s, 4) : "",
                    version: Int(sqlite3_column_int64(s, 5))))
            }
            try forEachRow(db, "SELECT project, kind, planned, actual, version FROM milestone ORDER BY project, kind", index) { i, s in
                files[i].milestones.append(Milestone(
                    project: files[i].project.code, kind: MilestoneKind(rawValue: text(s, 1)) ?? .start,
                    planned: day(s, 2), actual: day(s, 3), version: Int(sqlite3_column_int64(s, 4))))
            }
            try forEachRow(db, "SELECT project, date, by, note, version FROM reminder ORDER BY project, date, by", index) { i, s in
                files[i].reminders.append(Reminder(
                    project: files[i].project.code, date: day(s, 1) ?? Day(ordinal: 0), by: text(s, 2), note: text(s, 3),
                    version: Int(sqlite3_column_int64(s, 4))))
            }
            var counts: [String: Int] = [:]
            let open = try Row.fetchCursor(db, sql: "SELECT project, count(*) FROM issue WHERE status <> 'cleared' GROUP BY project")
            while let row = try open.next() { counts[row[0]] = row[1] }
            let issues = parts.contains(.issues) ? try fetch(Codecs.issue, db, "ORDER BY id") : []
            let meetings = try fetch(Codecs.meeting, db, parts.contains(.meetings) ? "ORDER BY date, time, id"
                                     : "WHERE kind = 'plenary' ORDER BY date, time, id")
            return Portfolio(files: files, issues: issues, meetings: meetings, openIssueCounts: counts)
        }
    }

    /// Every issue, in id order.
    public func loadIssues() throws(StoreError) -> [Issue] {
        try read { db in try fetch(Codecs.issue, db, "ORDER BY id") }
    }

    /// Steps through `sql`, whose first column is a project code, calling `body` with the
    /// project's index and the raw statement; rows of unknown projects are skipped.
    func forEachRow(_ db: Database, _ sql: String, _ index: [String: Int],
                    _ body: (Int, OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let s = statement.sqliteStatement
        let cursor = try Row.fetchCursor(statement)
        var currentBytes: [UInt8] = []
        var current: Int? = nil
        while try cursor.next() != nil {
            let count = Int(sqlite3_column_bytes(s, 0))
            let same = sqlite3_column_text(s, 0).map { pointer in
                count == currentBytes.count && memcmp(pointer, currentBytes, count) == 0
            } ?? false
            if !same {
                currentBytes = sqlite3_column_text(s, 0).map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
                current = index[String(decoding: currentBytes, as: UTF8.self)]
            }
            if let current { try body(current, s) }
        }
    }

    func fetch<T>(_ codec: EntityCodec<T>, _ db: Database, _ tail: String) throws -> [T] {
        var result: [T] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(codec.selectColumns) FROM \(codec.table) \(tail)")
        while let row = try cursor.next() { result.append(codec.decode(row)) }
        return result
    }
}

private func text(_ s: OpaquePointer, _ i: Int32) -> String {
    guard let p = sqlite3_column_text(s, i) else { return "" }
    return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
}

private func int(_ s: OpaquePointer, _ i: Int32) -> Int? {
    sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i))
}

private func day(_ s: OpaquePointer, _ i: Int32) -> Day? {
    guard sqlite3_column_type(s, i) != SQLITE_NULL else { return nil }
    let n = Int(sqlite3_column_int64(s, i))
    return Day(year: n / 10_000, month: n / 100 % 100, day: n % 100)
}
