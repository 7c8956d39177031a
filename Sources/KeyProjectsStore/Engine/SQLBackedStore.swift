import Foundation
import KeyProjects

/// A store kept by a SQL engine: what the two engines (`SQLiteStore`, the PostgreSQL store)
/// provide so that every read and write that is not about speed or the engine itself (the
/// write rules, upserts, undo, import, export, the meeting and issue steps) is written once,
/// in extensions of this protocol, against `SQLSession`.
///
/// The engine decides how a transaction runs (SQLite: one IMMEDIATE transaction on the
/// process's connection; PostgreSQL: SERIALIZABLE, run again on a serialization failure, so
/// `body` must keep no state between runs) and how its errors read.
public protocol SQLBackedStore: Store {
    /// Reads in one consistent snapshot.
    func read<T>(_ body: (any SQLSession) throws -> T) throws(StoreError) -> T
    /// Writes in one transaction, all or nothing, with a recorder that checks the roster and
    /// (on SQLite) writes the change log.
    func write<T>(_ body: (any SQLSession, ChangeRecorder) throws -> T) throws(StoreError) -> T
    /// The real time now (tests set it): no write is dated after the real day.
    func now() -> Date
    /// Within a write: hands `issue`, just escalated past this store's level, to the store one
    /// level up (issue 17 §5), and marks it referred there. False when there is no such store
    /// (SQLite; a PostgreSQL store with no parent): the issue stays in this store's queue.
    func referToLevelAbove(_ issue: Issue, db: any SQLSession) throws -> Bool
}

extension SQLBackedStore {
    public func referToLevelAbove(_ issue: Issue, db: any SQLSession) throws -> Bool { false }
}

extension SQLBackedStore {
    /// A change recorder for one write transaction of this store's account.
    public func makeRecorder() -> ChangeRecorder {
        ChangeRecorder(access: WriteAccess(account: actor, roster: config.roster), at: ChangeRecorder.timestamp(now()))
    }
}
