import Foundation
import Logging
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

    /// The monthly records in full: 形象进度 and versions. Without it, the records carry the
    /// figures only (read from their packed copy, which is much faster).
    public static let progressText = PortfolioParts(rawValue: 1)
    /// Every issue.
    public static let issues = PortfolioParts(rawValue: 2)
    /// Every meeting (otherwise only plenaries, where red-card statements are made).
    public static let meetings = PortfolioParts(rawValue: 4)

    public static let board: PortfolioParts = []
    public static let all: PortfolioParts = [.progressText, .issues, .meetings]
}

extension SQLiteStore {
    /// Reads the portfolio in one consistent snapshot. The board's rows are read with the
    /// SQLite C API in loops that make no String for a row's project code unless it changes,
    /// the monthly figures come packed a project-year to a row, and the milestones are read on a
    /// second connection meanwhile: the board of 20,000 projects must open in well under 300 ms
    /// on two cores.
    ///
    /// One snapshot: this connection's read transaction holds SQLite's shared lock from its
    /// first row, and with the rollback journal no writer can commit while it is held, so the
    /// second connection sees the same data. If the second connection cannot start at once (a
    /// writer is waiting to commit), everything is read here instead.
    ///
    /// The open-issue counts are of the issues open at the end of `issuesOpenOn` (registered by
    /// then and not yet cleared), or of those open now without it.
    public func loadPortfolio(_ parts: PortfolioParts = .all, issuesOpenOn: Day? = nil) throws(StoreError) -> Portfolio {
        try readDatabase { db in
            // Take the shared lock before the helper starts, so it reads the same snapshot.
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM project")
            let side = SideLoad()
            let group = DispatchGroup()
            if let helper = helperReader() {
                DispatchQueue.global(qos: .userInitiated).async(group: group) {
                    do { side.set(try helper.read { db2 in try SideLoad.Result(db2, openOn: issuesOpenOn) }) } catch {
                        // A writer waiting to commit: everything is read on the main connection.
                        StoreLog.logger.debug("helper read failed, reading on the main connection: \(error)")
                    }
                }
            }
            var files: [ProjectFile] = []
            var index: [String: Int] = [:]
            try loadProjects(db, into: &files, index: &index)
            if parts.contains(.progressText) {
                typealias M = MonthlyRecord.Columns
                let version = M.versionPosition
                try forEachRow(db, "SELECT \(Codecs.monthly.selectColumns) FROM monthly ORDER BY project, month", index) { i, s in
                    let m = Int(sqlite3_column_int64(s, M.month.position))
                    files[i].records.append(MonthlyRecord(
                        project: files[i].project.code, month: YearMonth(year: m / 100, month: m % 100) ?? YearMonth(index: 0),
                        planned: money(s, M.planned.position), completed: Money(yuan: sqlite3_column_int64(s, M.completed.position)),
                        progress: text(s, M.progress.position), version: Int(sqlite3_column_int64(s, version))))
                }
            } else {
                // The figures alone, packed a project-year to a row (see MonthFigures).
                try forEachRow(db, "SELECT project, year, figures FROM month_figures ORDER BY project, year", index) { i, s in
                    let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 2), count: Int(sqlite3_column_bytes(s, 2)))
                    if let figures = MonthFigures(blob: bytes) {
                        files[i].records.append(contentsOf: figures.records(project: files[i].project.code,
                                                                            year: Int(sqlite3_column_int64(s, 1))))
                    }
                }
            }
            typealias R = Reminder.Columns
            let reminderVersion = R.versionPosition
            try forEachRow(db, "SELECT \(Codecs.reminder.selectColumns) FROM reminder ORDER BY project, date, by", index) { i, s in
                files[i].reminders.append(Reminder(project: files[i].project.code, date: day(s, R.date.position) ?? Day(ordinal: 0),
                                                   by: text(s, R.by.position), note: text(s, R.note.position),
                                                   version: Int(sqlite3_column_int64(s, reminderVersion))))
            }
            group.wait()
            var rest = try side.get() ?? SideLoad.Result(db, openOn: issuesOpenOn)
            side.set(nil)
            rest.moveInto(&files)
            let session = GRDBSession(db)
            let issues = parts.contains(.issues) ? try fetchAll(Codecs.issue, session, "ORDER BY id") : []
            let meetings = try fetchAll(Codecs.meeting, session, parts.contains(.meetings) ? "ORDER BY date, time, id" : PortfolioQueries.plenariesOnly)
            let held = parts.contains(.meetings) ? try SQLiteStore.heldFollowUps(session) : []
            let awards = parts.contains(.meetings) ? try SQLiteStore.awards(session) : AwardRecord()
            return Portfolio(files: files, issues: issues, meetings: meetings, openIssueCounts: rest.openIssues, heldFollowUps: held,
                             awards: awards)
        }
    }

    /// The projects with the C API, each column read at its declared position (`Project.Columns`;
    /// the codec reads the same declaration through GRDB rows, and a test compares the two).
    func loadProjects(_ db: Database, into files: inout [ProjectFile], index: inout [String: Int]) throws {
        typealias P = Project.Columns
        let version = P.versionPosition
        let projects = try db.makeStatement(sql: "SELECT \(Codecs.project.selectColumns) FROM project ORDER BY code")
        let ps = projects.sqliteStatement
        let cursor = try Row.fetchCursor(projects)
        while try cursor.next() != nil {
            let p = Project(
                code: text(ps, P.code.position), name: text(ps, P.name.position),
                level: ProjectLevel(rawValue: text(ps, P.level.position)) ?? .county,
                subcommand: text(ps, P.subcommand.position), locality: text(ps, P.locality.position),
                constructionUnit: text(ps, P.constructionUnit.position),
                nature: ProjectNature(rawValue: text(ps, P.nature.position)) ?? .new,
                stage: ProjectStage(rawValue: text(ps, P.stage.position)) ?? .construction,
                reserveClass: sqlite3_column_type(ps, P.reserveClass.position) == SQLITE_NULL ? nil
                    : ReserveClass(rawValue: text(ps, P.reserveClass.position)),
                content: text(ps, P.content.position), startYear: int(ps, P.startYear.position), endYear: int(ps, P.endYear.position),
                totalInvestment: Money(yuan: sqlite3_column_int64(ps, P.totalInvestment.position)),
                annualPlan: Money(yuan: sqlite3_column_int64(ps, P.annualPlan.position)),
                liaisonLeader: text(ps, P.liaisonLeader.position), responsibleUnit: text(ps, P.responsibleUnit.position),
                responsiblePerson: text(ps, P.responsiblePerson.position), contact: text(ps, P.contact.position),
                version: Int(sqlite3_column_int64(ps, version)))
            index[p.code] = files.count
            var file = ProjectFile(project: p)
            // A year and more of monthly records each: one allocation instead of five growths.
            file.records.reserveCapacity(16)
            files.append(file)
        }
    }

}

/// Steps through `sql`, whose first column is a project code, calling `body` with the
/// project's index and the raw statement; rows of unknown projects are skipped.
func forEachRow(_ db: Database, _ sql: String, _ index: [String: Int], _ body: (Int, OpaquePointer) throws -> Void) throws {
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

/// What the helper connection reads while the main one reads the projects, their monthly
/// figures and reminders: the milestones, grouped by project in code order (the order of the
/// project table), and the open-issue counts. The two sides take about as long.
final class SideLoad: @unchecked Sendable {
    struct Result {
        var milestones: [(code: String, items: [Milestone])] = []
        var openIssues: [String: Int] = [:]

        init(_ db: Database, openOn: Day?) throws {
            typealias M = Milestone.Columns
            let version = M.versionPosition
            milestones = try groupedByProject(db, "SELECT \(Codecs.milestone.selectColumns) FROM milestone ORDER BY project, kind") { code, s in
                Milestone(project: code, kind: milestoneKind(s, M.kind.position), planned: day(s, M.planned.position),
                          actual: day(s, M.actual.position), version: Int(sqlite3_column_int64(s, version)))
            }
            let open = if let openOn {
                // Open on that day: registered by then, and neither cleared by then nor cleared
                // with no date.
                try Row.fetchCursor(db, sql: """
                    SELECT project, count(*) FROM issue WHERE registered_on <= ?1
                    AND CASE WHEN cleared_on IS NULL THEN status <> 'cleared' ELSE cleared_on > ?1 END GROUP BY project
                    """, arguments: [Cells.day(openOn)])
            } else {
                try Row.fetchCursor(db, sql: "SELECT project, count(*) FROM issue WHERE status <> 'cleared' GROUP BY project")
            }
            while let row = try open.next() { openIssues[row[0]] = row[1] }
        }

        /// Moves each project's milestones into its file; both are in code (byte) order.
        mutating func moveInto(_ files: inout [ProjectFile]) {
            var m = 0
            for i in files.indices {
                let code = files[i].project.code.utf8
                while m < milestones.count && milestones[m].code.utf8.lexicographicallyPrecedes(code) { m += 1 }
                if m < milestones.count && milestones[m].code.utf8.elementsEqual(code) {
                    swap(&files[i].milestones, &milestones[m].items)
                    m += 1
                }
            }
        }
    }

    private var result: Result?
    private let lock = NSLock()
    func set(_ value: Result?) { lock.lock(); result = value; lock.unlock() }
    func get() -> Result? { lock.lock(); defer { lock.unlock() }; return result }
}

/// Rows of `sql` (first column a project code, ordered by it) as runs per project.
func groupedByProject<T>(_ db: Database, _ sql: String,
                         _ make: (String, OpaquePointer) -> T) throws -> [(code: String, items: [T])] {
    let statement = try db.makeStatement(sql: sql)
    let s = statement.sqliteStatement
    let cursor = try Row.fetchCursor(statement)
    var groups: [(code: String, items: [T])] = []
    while try cursor.next() != nil {
        let count = Int(sqlite3_column_bytes(s, 0))
        let same = groups.last.map { last in
            sqlite3_column_text(s, 0).map { p in
                last.code.utf8.elementsEqual(UnsafeBufferPointer(start: p, count: count))
            } ?? false
        } ?? false
        if !same { groups.append((text(s, 0), [])) }
        groups[groups.count - 1].items.append(make(groups[groups.count - 1].code, s))
    }
    return groups
}

private func text(_ s: OpaquePointer, _ i: Int32) -> String {
    guard let p = sqlite3_column_text(s, i) else { return "" }
    return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
}

/// The milestone kind from the column's bytes without making a String (180,000 rows on a large
/// board). The export/import round-trip tests cover every kind.
private func milestoneKind(_ s: OpaquePointer, _ i: Int32) -> MilestoneKind {
    guard let p = sqlite3_column_text(s, i) else { return .start }
    switch (p[0], p[1], p[2]) {
    case (0x61, _, _): return .approval                 // a
    case (0x70, 0x6C, _): return .planning              // pl
    case (0x6C, _, _): return .land                     // l
    case (0x65, 0x6E, 0x76): return .environment        // env
    case (0x65, 0x6E, 0x65): return .energy             // ene
    case (0x70, 0x65, _): return .permit                // pe
    case (0x73, _, _): return .start                    // s
    case (0x63, _, _): return .completion               // c
    case (0x70, 0x72, _): return .production            // pr
    default: return MilestoneKind(rawValue: text(s, i)) ?? .start
    }
}

private func int(_ s: OpaquePointer, _ i: Int32) -> Int? {
    sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i))
}

/// A money cell, nil for NULL (as `Cells.money` reads it).
private func money(_ s: OpaquePointer, _ i: Int32) -> Money? {
    sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Money(yuan: sqlite3_column_int64(s, i))
}

private func day(_ s: OpaquePointer, _ i: Int32) -> Day? {
    guard sqlite3_column_type(s, i) != SQLITE_NULL else { return nil }
    let n = Int(sqlite3_column_int64(s, i))
    return Day(year: n / 10_000, month: n / 100 % 100, day: n % 100)
}
