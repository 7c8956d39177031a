import Foundation
import GRDB

extension Store {
    /// Pads the change log with synthetic rows up to `total`, in one transaction: the benchmark
    /// measures a store with a year or more of history (1,000,000 rows).
    @_spi(Bench)
    public func padChangeLog(to total: Int) throws(StoreError) {
        let existing = try changeLogCount()
        guard total > existing else { return }
        _ = try write { db, _ in
            let statement = try db.makeStatement(sql: "INSERT INTO change_log (at, actor, entity, key, action, before, after) VALUES (?, ?, 'monthly', ?, 'update', ?, ?)")
            for i in 0..<(total - existing) {
                try statement.execute(arguments: ["2025-\(String(format: "%02d", i % 12 + 1))-15T08:00:00Z", "clerk\(i % 40)",
                                                  "P\(i % 20_000)/2025-\(String(format: "%02d", i % 12 + 1))",
                                                  "{\"completed\":\(i % 977 * 10_000),\"version\":1}",
                                                  "{\"completed\":\(i % 991 * 10_000),\"version\":2}"])
            }
        }
    }
}

extension Store {
    /// A kept benchmark store made before the roster existed: its maker joins it as office,
    /// as `init` does for a new store.
    @_spi(Bench)
    public static func adoptForBench(_ directory: URL) throws(StoreError) {
        do { try addCreatorToRoster(directory) } catch let error as StoreError { throw error } catch {
            throw .io(path: directory.path, message: "\(error)")
        }
    }
}
