import Foundation
import KeyProjectsStore
import Logging

/// The dashboard's change watch on a primary server: `LISTEN` on the store's channel
/// (`PostgresChangeWatch`). Asking costs a lock, so the runtime asks every 50 ms and a commit
/// anywhere reaches the screen within a frame. A dropped listening connection is a change (the
/// runtime reloads, and a reload that fails says why on the status line); the next look
/// listens again, and reports a change once it does, since notices may have been missed.
final class PostgresStoreWatch: StoreChangeWatch, @unchecked Sendable {
    let location: PostgresLocation
    private let watch = Locked<PostgresChangeWatch?>(nil)

    init(location: PostgresLocation) throws(StoreError) {
        self.location = location
        do { let w = try PostgresChangeWatch(location, timeout: .seconds(5)); watch.withLock { $0 = w } } catch {
            throw error.storeError()
        }
    }

    var pollInterval: TimeInterval { 0.05 }

    func hasChanged() throws(StoreError) -> Bool {
        if let current = watch.withLock({ $0 }), current.state == .listening { return current.hasChanged() }
        watch.withLock { $0?.close(); $0 = nil }
        do {
            let w = try PostgresChangeWatch(location, timeout: .seconds(2))
            watch.withLock { $0 = w }
            return true
        } catch {
            throw error.storeError()
        }
    }
}

/// A replica refuses `LISTEN` ("cannot execute LISTEN during recovery"): a wall there looks at
/// the newest change-log id every two seconds instead.
final class PostgresPollingWatch: StoreChangeWatch, @unchecked Sendable {
    private weak var store: PostgresStore?
    private let last = Locked<Int64?>(nil)

    init(store: PostgresStore) { self.store = store }

    var pollInterval: TimeInterval { 2 }

    func hasChanged() throws(StoreError) -> Bool {
        guard let store else { return false }
        let newest = try store.read { db in try db.value(Int64.self, sql: "SELECT coalesce(max(id), 0) FROM change_log") } ?? 0
        return last.withLock { seen in
            defer { seen = newest }
            return seen.map { $0 != newest } ?? false
        }
    }
}
