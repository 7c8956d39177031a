import Foundation
import GRDB
import KeyProjects

/// A project's monthly planned and completed investment for one year, packed in one row
/// (`month_figures`), kept in step with `monthly` in every write's own transaction. The
/// board reads 20,000 of these instead of 240,000 monthly rows: SQLite's per-row cost alone
/// was most of the 300 ms the board may take to open.
struct MonthFigures: Hashable {
    static let none: Int64 = -1
    /// Per month 1...12: planned (or `none`), completed (or `none` when there is no record).
    var planned = [Int64](repeating: none, count: 12)
    var completed = [Int64](repeating: none, count: 12)

    var blob: Data {
        var data = Data(capacity: 192)
        for i in 0..<12 {
            withUnsafeBytes(of: planned[i].littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: completed[i].littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    init() {}

    /// `bigEndian`: PostgreSQL's packing (`int8send`); SQLite's is little-endian.
    init?(blob: UnsafeRawBufferPointer, bigEndian: Bool = false) {
        guard blob.count == 192 else { return nil }
        for i in 0..<12 {
            let p = blob.loadUnaligned(fromByteOffset: i * 16, as: Int64.self)
            let c = blob.loadUnaligned(fromByteOffset: i * 16 + 8, as: Int64.self)
            planned[i] = bigEndian ? Int64(bigEndian: p) : Int64(littleEndian: p)
            completed[i] = bigEndian ? Int64(bigEndian: c) : Int64(littleEndian: c)
        }
    }

    /// The year's figures as monthly records (without 形象进度 or version).
    func records(project: String, year: Int) -> [MonthlyRecord] {
        (0..<12).compactMap { i in
            completed[i] == MonthFigures.none ? nil
                : MonthlyRecord(project: project, month: YearMonth(year: year, month: i + 1)!,
                                planned: planned[i] == MonthFigures.none ? nil : Money(yuan: planned[i]),
                                completed: Money(yuan: completed[i]))
        }
    }

    /// Rebuilds the packed rows of the given project-years from `monthly`.
    static func refresh(_ db: Database, _ keys: Set<Key>) throws {
        for key in keys {
            var figures = MonthFigures()
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT month, planned, completed FROM monthly WHERE project = ? AND month BETWEEN ? AND ?"),
                                           arguments: [key.project, key.year * 100 + 1, key.year * 100 + 12])
            var any = false
            while let row = try rows.next() {
                let month: Int = row[0]
                figures.planned[month % 100 - 1] = row[1] ?? none
                figures.completed[month % 100 - 1] = row[2]
                any = true
            }
            if any {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO month_figures (project, year, figures) VALUES (?, ?, ?)")
                    .execute(arguments: [key.project, key.year, figures.blob])
            } else {
                try db.cachedStatement(sql: "DELETE FROM month_figures WHERE project = ? AND year = ?").execute(arguments: [key.project, key.year])
            }
        }
    }

    /// Rebuilds every packed row (the migration that adds the table; `check` compares).
    static func rebuildAll(_ db: Database) throws -> [Key: MonthFigures] {
        var all: [Key: MonthFigures] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT project, month, planned, completed FROM monthly")
        while let row = try rows.next() {
            let month: Int = row[1]
            let key = Key(project: row[0], year: month / 100)
            all[key, default: MonthFigures()].planned[month % 100 - 1] = row[2] ?? none
            all[key, default: MonthFigures()].completed[month % 100 - 1] = row[3]
        }
        return all
    }

    struct Key: Hashable {
        var project: String
        var year: Int
    }
}
