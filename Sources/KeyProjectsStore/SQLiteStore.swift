import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import KeyProjects
import Logging

/// A store: one directory holding `cmdroom.sqlite` and `locality.toml`. One DatabaseQueue per
/// process (a DatabasePool needs WAL, which we do not use).
public final class SQLiteStore: Sendable {
    public let directory: URL
    public let config: LocalityConfig
    public let isReadOnly: Bool
    /// Set when the store was opened for writing but this account cannot write its files: it
    /// is open read-only instead, and writes say why (the group that may write it).
    public let notWritable: NotWritable?
    /// The OS account running this process; the change log records it.
    public let actor: String
    let queue: DatabaseQueue
    let clock: @Sendable () -> Date
    /// A second read-only connection for loading in parallel, opened on first use.
    private let helper = Mutex<DatabaseQueue?>(nil)
    private let helperDisabled = Mutex(false)
    /// How long a read waits for another process's write to finish, when not the busy
    /// timeout of writes: a screen sets it short, so that its loop never stalls behind a long
    /// import, and says the store is busy instead.
    private let readWait = Mutex<TimeInterval?>(nil)
    public func setReadWait(_ seconds: TimeInterval?) { readWait.withLock { $0 = seconds } }

    /// Hot journals this process rolled back (see StoreRecovery).
    let recoveries = Mutex<[Recovery]>([])
    /// The schema version this open migrated the store from, if it did.
    public let upgradedFrom: Int?

    /// Makes loads read everything on the main connection, as they do when the helper cannot
    /// start: for testing that path.
    @_spi(Testing)
    public func disableParallelLoading() { helperDisabled.withLock { $0 = true } }

    public var databaseURL: URL { directory.appendingPathComponent(DatabaseOpening.fileName) }

    init(directory: URL, config: LocalityConfig, queue: DatabaseQueue, readOnly: Bool, actor: String,
         clock: @escaping @Sendable () -> Date, notWritable: NotWritable? = nil, upgradedFrom: Int? = nil) {
        self.directory = directory; self.config = config; self.queue = queue; self.isReadOnly = readOnly || notWritable != nil
        self.actor = actor; self.clock = clock; self.notWritable = notWritable; self.upgradedFrom = upgradedFrom
    }

    /// Opens an existing store. Read-only stores refuse every write in SQLite itself, not only
    /// in the screens, and opening one writes nothing: a store made by an older cmdroom is
    /// brought up to date only by a read-write open (any write command, the dashboard, `check
    /// --repair`). Only `init` makes a store: an empty, cut-short or foreign database file is
    /// refused, and so is a locality.toml anyone but the store's owner may have written.
    public static func open(_ directory: URL, readOnly: Bool = false, wait: TimeInterval? = nil,
                            clock: @escaping @Sendable () -> Date = Date.init) throws(StoreError) -> SQLiteStore {
        try open(directory, readOnly: readOnly, wait: wait, clock: clock, actor: OSAccount.current())
    }

    /// Opens a store acting as another account: only for tests of the permission rules (the
    /// acting user of the tool is always the OS account running it).
    @_spi(Testing)
    /// `wait`: how long the open waits for another process's write (a screen opening during a
    /// long import: short, then it says the store is busy); writes afterwards wait as usual.
    public static func open(_ directory: URL, readOnly: Bool = false, wait: TimeInterval? = nil,
                            clock: @escaping @Sendable () -> Date = Date.init, actor: String) throws(StoreError) -> SQLiteStore {
        try requireSupportedSQLite()
        let path = directory.appendingPathComponent(DatabaseOpening.fileName).path
        let config: LocalityConfig
        do { config = try LocalityFile.load(directory: directory, trusted: true) } catch {
            // A database without its locality.toml is a store that lost a file, not no store.
            if case .notAStore(_, LocalityFile.fileName) = error, FileManager.default.fileExists(atPath: path) {
                throw .missingLocality(path: directory.appendingPathComponent(LocalityFile.fileName).path)
            }
            throw error
        }
        let journal = try StoreFiles.inspect(database: path, directory: directory.path)
        // Opened for writing by an account that cannot write the files (not in the store's
        // group): read-only, saying so, rather than failing at the first write.
        let blocked = readOnly ? nil : NotWritable.check(directory: directory, database: path)
        let readOnly = readOnly || blocked != nil
        var recoveries: [Recovery] = []
        var upgradedFrom: Int?
        do {
            // GRDB reads at open (to check the file), so a hot journal can stop the open itself.
            var queue: DatabaseQueue
            let openWait = wait ?? DatabaseOpening.busyTimeout
            do { queue = try DatabaseOpening.open(path: path, readOnly: readOnly, busyTimeout: openWait) } catch where StoreRecovery.isHotJournal(error) {
                recoveries.append(try StoreRecovery.recover(database: path, directory: directory))
                queue = try DatabaseOpening.open(path: path, readOnly: readOnly, busyTimeout: openWait)
            }
            let probe = { [queue] () throws -> (done: Bool, newer: Bool, applied: Int, cmdroom: Bool) in
                try queue.read { db in
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('grdb_migrations', 'store_info', 'project')") ?? 0
                    guard tables == 3 else { return (false, false, 0, false) }
                    return (try Schema.migrator.hasCompletedMigrations(db), try Schema.migrator.hasBeenSuperseded(db),
                            try Schema.migrator.appliedIdentifiers(db).count, true)
                }
            }
            var state: (done: Bool, newer: Bool, applied: Int, cmdroom: Bool)
            do { state = try probe() } catch where StoreRecovery.isHotJournal(error) {
                recoveries.append(try StoreRecovery.recover(database: path, directory: directory))
                state = try probe()
            }
            // A journal rolled back may have put the file back to another length: look again.
            if case .present = journal { _ = try StoreFiles.inspect(database: path, directory: directory.path) }
            guard state.cmdroom else { throw StoreError.damagedStore(path: path, .foreign) }
            if state.newer { throw StoreError.schemaTooNew(found: state.applied, supported: Schema.version) }
            if !state.done {
                if readOnly { throw StoreError.schemaOutdated(path: directory.path, found: state.applied, supported: Schema.version) }
                try Schema.migrator.migrate(queue)
                upgradedFrom = state.applied
                StoreLog.logger.notice("upgraded the store", metadata: ["store": "\(directory.path)", "from": "\(state.applied)",
                                                                         "to": "\(Schema.version)"])
            }
            // A read-write connection rolls a hot journal back by itself at its first read.
            let journalPath = StoreFiles.journalPath(database: path)
            if !readOnly, case .present(let bytes) = journal, try StoreFiles.journalState(journalPath) == .none {
                recoveries.append(Recovery(journal: journalPath, journalBytes: bytes))
            }
            if wait != nil {
                // The open's short wait is over: writes wait as long as ever.
                queue.inDatabase { db in _ = sqlite3_busy_timeout(db.sqliteConnection, Int32(DatabaseOpening.busyTimeout * 1000)) }
            }
            if !readOnly { try Schema.recordVersion(queue) }
            let store = SQLiteStore(directory: directory, config: config, queue: queue, readOnly: readOnly,
                              actor: actor, clock: clock, notWritable: blocked, upgradedFrom: upgradedFrom)
            store.recoveries.withLock { $0 = recoveries }
            return store
        } catch let error as StoreError {
            throw error
        } catch {
            throw SQLiteStore.mapped(error, path: path)
        }
    }

    /// The interrupted writes this process rolled back, taken once (the CLI and the screens
    /// say so).
    public func takeRecoveries() -> [Recovery] {
        recoveries.withLock { taken in defer { taken = [] }; return taken }
    }

    /// The schema version this cmdroom makes and reads.
    public static var schemaVersion: Int { Schema.version }

    /// Refuses to run on a SQLite older than the schema needs.
    public static func requireSupportedSQLite() throws(StoreError) {
        do {
            let linked = try SQLiteVersion.linked()
            if linked < DatabaseOpening.minimumSQLite {
                throw StoreError.sqliteTooOld(found: linked.description, minimum: DatabaseOpening.minimumSQLite.description)
            }
        } catch let error as StoreError { throw error } catch { throw .database(message: "\(error)") }
    }

    // MARK: reading

    /// Everything logged about a project, newest first: its ledger row, monthly figures,
    /// milestones, reminders and its issues, including rows an undo has since removed.
    public func projectHistory(_ code: String, limit: Int = 500) throws(StoreError) -> [ChangeEntry] {
        try readDatabase { db in
            try Row.fetchAll(db, sql: """
                SELECT id, at, actor, entity, key, action, before, after, undoes FROM change_log
                WHERE (entity = 'project' AND key = ?1)
                   OR (entity IN ('monthly', 'milestone', 'reminder') AND key >= ?1 || '/' AND key < ?1 || '0')
                   OR (entity = 'issue' AND json_extract(COALESCE(after, before), '$.project') = ?1)
                ORDER BY id DESC LIMIT ?2
                """, arguments: [code, limit]).map { ChangeEntry(row: SQLRow(Array($0.databaseValues))) }
        }
    }

    /// The second connection: read-only, and failing at once rather than waiting when it
    /// cannot read (the caller then reads on the main connection). Nil if it cannot be opened.
    func helperReader() -> DatabaseQueue? {
        if helperDisabled.withLock({ $0 }) { return nil }
        return helper.withLock { helper in
            if helper == nil {
                var config = DatabaseOpening.configuration(readOnly: true)
                config.busyMode = .immediateError
                helper = StoreLog.logging({ try DatabaseQueue(path: databaseURL.path, configuration: config) },
                                         "the helper connection cannot open; loads read on one connection", level: .debug)
            }
            return helper
        }
    }

    /// Reads in one transaction, through the engine-neutral session (`SQLBackedStore`).
    public func read<T>(_ body: (any SQLSession) throws -> T) throws(StoreError) -> T {
        try readDatabase { db in try body(GRDBSession(db)) }
    }

    /// Writes in one transaction, through the engine-neutral session (`SQLBackedStore`).
    public func write<T>(_ body: (any SQLSession, ChangeRecorder) throws -> T) throws(StoreError) -> T {
        try writeDatabase { db, log in try body(GRDBSession(db), log) }
    }

    public func now() -> Date { clock() }

    /// Reads in one transaction. A write cut off since the last read (another process
    /// crashed) is rolled back first when this account may write the store.
    func readDatabase<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try waiting(body) } catch where StoreRecovery.isHotJournal(error) {
            let recovery = try StoreRecovery.recover(database: databaseURL.path, directory: directory)
            recoveries.withLock { $0.append(recovery) }
            do { return try waiting(body) } catch { throw SQLiteStore.mapped(error, path: databaseURL.path) }
        } catch {
            throw SQLiteStore.mapped(error, path: databaseURL.path)
        }
    }

    /// A read with the read wait, if one is set, in place of the writes' busy timeout.
    private func waiting<T>(_ body: (Database) throws -> T) throws -> T {
        guard let wait = readWait.withLock({ $0 }) else { return try queue.read(body) }
        return try queue.read { db in
            sqlite3_busy_timeout(db.sqliteConnection, Int32(wait * 1000))
            defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(DatabaseOpening.busyTimeout * 1000)) }
            return try body(db)
        }
    }

    // MARK: writing

    /// Runs `body` in one IMMEDIATE transaction with a change recorder; all or nothing.
    func writeDatabase<T>(_ body: (Database, ChangeRecorder) throws -> T) throws(StoreError) -> T {
        if let notWritable { throw .notWritable(notWritable) }
        guard !isReadOnly else { throw .readOnlyStore(path: directory.path) }
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                let recorder = makeRecorder()
                result = try body(db, recorder)
                try MonthFigures.refresh(db, recorder.touchedFigures)
                return .commit
            }
            return result!
        } catch {
            // SQLite refusing to write (the file's modes changed under us): say which store.
            if case .readOnlyStore(let path) = SQLiteStore.mapped(error), path.isEmpty { throw .readOnlyStore(path: directory.path) }
            let mapped = SQLiteStore.mapped(error, path: databaseURL.path)
            if case .diskFull = mapped { finishFailedWrite() }
            throw mapped
        }
    }

    /// A write that failed on a full disk can leave its journal behind, hot, and the file
    /// grown: rolled back here at once rather than by the next reader. Rolling back frees
    /// space, it needs none.
    private func finishFailedWrite() {
        let journal = StoreFiles.journalPath(database: databaseURL.path)
        guard StoreLog.logging({ try StoreFiles.journalState(journal) }, "cannot look at \(journal)") != StoreFiles.Journal.none else { return }
        // The failed connection still holds the file's lock until it reads again.
        StoreLog.logging({ _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") } },
                         "the write that failed on a full disk could not be rolled back at once; the next reader will")
    }

    static func mapped(_ error: Error, path: String = "") -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            if StoreRecovery.isHotJournal(e) {
                return .needsRecovery(NeedsRecovery(database: path, journal: StoreFiles.journalPath(database: path), group: "",
                                                    readOnlyFileSystem: false))
            }
            if e.resultCode == .SQLITE_READONLY { return .readOnlyStore(path: "") }
            if e.resultCode == .SQLITE_FULL { return .diskFull(path: path) }
            if e.resultCode == .SQLITE_BUSY { return .busy(path: path) }
            if e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
                return .damagedStore(path: path, .corrupt(e.message ?? ""))
            }
            return .database(message: e.message ?? "\(e)")
        }
        return .database(message: "\(error)")
    }

    func projectExists(_ db: Database, _ code: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project WHERE code = ?)", arguments: [code]) ?? false
    }
}
