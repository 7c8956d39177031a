import Foundation
import GRDB

/// Gives the benchmark store a year or more of history: synthetic change-log rows up to
/// `total`, inserted in one transaction straight into the store's SQLite file, before anything
/// is measured and with no store open.
///
/// This is fixture making, not a store operation, so it lives here and not in the store's API:
/// the store has (and should have) no way to write history that no write made. Making the rows
/// through real writes would take about half an hour at 1.6 ms a commit, and imports would
/// change the monthly figures the bench measures.
enum HistoryPadding {
    /// Pads the change log of the store file at `database` to `total` rows; returns the count.
    static func pad(database: URL, to total: Int) throws -> Int {
        let queue = try DatabaseQueue(path: database.path)
        defer { try? queue.close() }
        return try queue.write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log") ?? 0
            guard total > existing else { return existing }
            let statement = try db.makeStatement(sql: """
                INSERT INTO change_log (at, actor, entity, key, action, before, after)
                VALUES (?, ?, 'monthly', ?, 'update', ?, ?)
                """)
            for i in 0..<(total - existing) {
                let month = String(format: "%02d", i % 12 + 1)
                try statement.execute(arguments: ["2025-\(month)-15T08:00:00Z", "clerk\(i % 40)", "P\(i % 20_000)/2025-\(month)",
                                                  "{\"completed\":\(i % 977 * 10_000),\"version\":1}",
                                                  "{\"completed\":\(i % 991 * 10_000),\"version\":2}"])
            }
            return total
        }
    }
}
