import Foundation
import GRDB
import Logging

/// A write cut off by a crash or a full disk leaves a "hot" rollback journal. SQLite rolls it
/// back at the next read of a read-write connection, but a read-only connection cannot and
/// fails (SQLITE_READONLY_ROLLBACK) until someone writes. cmdroom's readers therefore recover
/// it themselves with one short read-write open when their account may write the store, and
/// otherwise say who must (`cmdroom check --repair`).
public struct Recovery: Sendable, Hashable {
    /// The journal that was rolled back, and its size.
    public var journal: String
    public var journalBytes: Int
}

enum StoreRecovery {
    /// True for the refusal a read-only connection gives when it meets a hot journal.
    static func isHotJournal(_ error: Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return e.extendedResultCode == .SQLITE_READONLY_ROLLBACK
    }

    /// Rolls the hot journal of `database` back, or says why this account cannot.
    static func recover(database path: String, directory: URL) throws(StoreError) -> Recovery {
        let journal = StoreFiles.journalPath(database: path)
        if let blocked = NotWritable.check(directory: directory, database: path) {
            throw .needsRecovery(NeedsRecovery(database: path, journal: journal, group: blocked.group, owner: blocked.owner,
                                               readOnlyFileSystem: blocked.readOnlyFileSystem))
        }
        let bytes: Int
        switch try StoreFiles.journalState(journal) {
        case .none: bytes = 0
        case let .present(n): bytes = n
        }
        do {
            // Reading on a read-write connection is what makes SQLite roll the journal back.
            let queue = try DatabaseOpening.open(path: path, readOnly: false)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            try queue.close()
        } catch {
            throw SQLiteStore.mapped(error)
        }
        StoreLog.logger.notice("rolled back an interrupted write", metadata: ["journal": "\(journal)", "bytes": "\(bytes)"])
        return Recovery(journal: journal, journalBytes: bytes)
    }
}
