import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Tells whether any other connection committed since the last look, by `PRAGMA data_version`
/// on a dedicated read-only connection (microseconds; GRDB's observation does not see other
/// processes). Screens poll it and re-read only when it says so.
public final class ChangeWatcher: Sendable {
    private let queue: DatabaseQueue
    private let last: Mutex<Int?>

    public init(store: SQLiteStore) throws(StoreError) {
        do {
            queue = try DatabaseOpening.open(path: store.databaseURL.path, readOnly: true)
        } catch {
            throw SQLiteStore.mapped(error)
        }
        last = Mutex(nil)
    }

    /// True when the store changed since the previous call (false on the first call).
    public func hasChanged() throws(StoreError) -> Bool {
        let now: Int
        do {
            now = try queue.read { db in
                // Never waits: a store busy with another's write has not changed yet, as far as
                // a screen polling every second need know.
                sqlite3_busy_timeout(db.sqliteConnection, 0)
                return try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return false
        } catch {
            throw SQLiteStore.mapped(error)
        }
        return last.withLock { previous in
            defer { previous = now }
            return previous.map { $0 != now } ?? false
        }
    }
}

/// A small lock-protected box (Synchronization.Mutex needs macOS 15; this builds everywhere).
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
}
