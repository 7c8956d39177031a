import Foundation
import KeyProjects
import KeyProjectsStore
import Logging
import PostgresNIO

/// A store kept in one schema of a PostgreSQL database: the multi-site engine. The reads and
/// writes are the shared code of `SQLBackedStore` (the same rules, upserts, undo and import as
/// SQLite's), run on the store's own connection; the server's triggers raise versions, refuse
/// stale edits, write the change log with the session's role as the actor and pack the monthly
/// figures; its grants and row security refuse what the roster forbids even outside cmdroom.
/// The organisation (`locality.toml`'s text) is kept in the database (`store_info`), so every
/// building sees the same one.
public final class PostgresStore: SQLBackedStore, @unchecked Sendable {
    public let server: PostgresLocation
    public let config: LocalityConfig
    public let isReadOnly: Bool
    public let notWritable: NotWritable? = nil
    /// The role the server authenticated (`session_user`): the change log's actor.
    public let actor: String
    public let upgradedFrom: Int? = nil
    /// The server is a streaming replica (read-only; `LISTEN` refused, so changes are polled).
    public let isReplica: Bool
    public let serverVersion: String
    let link: PostgresLink
    private let clock: @Sendable () -> Date

    public var location: String { server.description }
    public func now() -> Date { clock() }

    /// The key in `store_info` holding locality.toml's text, and the prefix of the files it
    /// refers to (a holiday file).
    public static let localityKey = "locality"
    public static let filePrefix = "file:"

    init(server: PostgresLocation, config: LocalityConfig, readOnly: Bool, actor: String, replica: Bool, serverVersion: String,
         link: PostgresLink, clock: @escaping @Sendable () -> Date) {
        self.server = server; self.config = config; self.isReadOnly = readOnly || replica; self.actor = actor
        self.isReplica = replica; self.serverVersion = serverVersion; self.link = link; self.clock = clock
    }

    deinit { link.close() }

    /// Opens the store in `location`'s schema. Refused in words when there is no server, the
    /// login is refused, there is no such store, or its schema is of another version (an
    /// administrator brings it up to date with `cmdroom migrate`).
    public static func open(_ location: PostgresLocation, readOnly: Bool = false, timeout: Duration = .seconds(15),
                            clock: @escaping @Sendable () -> Date = Date.init,
                            logger: Logger = Logger(label: "cmdroom.postgres")) throws(StoreError) -> PostgresStore {
        let link = PostgresLink(location, timeout: location.connectTimeout.map { .seconds($0) } ?? timeout, logger: logger)
        let session = PostgresSession(link)
        do {
            guard let facts = try session.row(sql: """
                SELECT session_user::text, pg_is_in_recovery(), current_setting('server_version'),
                       EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)
                """, arguments: [location.schema]) else { throw PostgresStoreError.closed }
            guard (facts[3] as Int) == 1 else { throw PostgresStoreError.noStore(schema: location.schema) }
            var info: [String: String] = [:]
            for row in try session.rows(sql: "SELECT \"key\", value FROM store_info") { info[row[0]] = row[1] }
            let found = Int(info["schema"] ?? "") ?? 0
            if found > PostgresMigrations.version {
                throw PostgresStoreError.schemaTooNew(schema: location.schema, found: found, supported: PostgresMigrations.version)
            }
            if found < PostgresMigrations.version {
                throw StoreError.schemaOutdated(path: location.description, found: found, supported: PostgresMigrations.version)
            }
            guard let text = info[localityKey] else { throw StoreError.missingLocality(path: "\(location.description) store_info.\(localityKey)") }
            let config = try LocalityFile.parse(text, file: "\(location.description) \(LocalityFile.fileName)") { name in
                info[filePrefix + name]
            }
            return PostgresStore(server: location, config: config, readOnly: readOnly, actor: facts[0], replica: (facts[1] as Int) == 1,
                                 serverVersion: facts[2], link: link, clock: clock)
        } catch {
            link.close()
            throw Self.mapped(error, recorder: nil)
        }
    }

    // MARK: Transactions

    public func read<T>(_ body: (any SQLSession) throws -> T) throws(StoreError) -> T {
        do {
            return try link.exclusively {
                try PostgresSession(link).transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
            }
        } catch {
            throw Self.mapped(error, recorder: nil)
        }
    }

    /// One SERIALIZABLE transaction. cmdroom's own writers to a store queue for it first (a
    /// session advisory lock, taken before the transaction's snapshot), as SQLite's one
    /// writer at a time; a write that still conflicts (with `psql`, say) runs `body` again
    /// after a random wait that doubles each time, for up to the 15 s a SQLite write waits.
    /// The rules read inside it (a month within the project's total) so hold against every
    /// concurrent write.
    public func write<T>(_ body: (any SQLSession, ChangeRecorder) throws -> T) throws(StoreError) -> T {
        guard !isReadOnly else { throw .readOnlyStore(path: location) }
        let deadline = Date().addingTimeInterval(Self.writeBudget)
        var tried = 0
        while true {
            tried += 1
            let recorder = makeRecorder()
            do {
                return try link.exclusively {
                    let session = PostgresSession(link)
                    try session.execute(sql: "SELECT pg_advisory_lock(hashtext(?))", arguments: [writersLock])
                    defer { try? session.execute(sql: "SELECT pg_advisory_unlock(hashtext(?))", arguments: [writersLock]) }
                    return try session.transaction("BEGIN ISOLATION LEVEL SERIALIZABLE") { try body($0, recorder) }
                }
            } catch let error as PostgresStoreError where error.isRetryable && Date() < deadline {
                link.logger.debug("serialization failure, writing again", metadata: ["attempt": "\(tried)"])
                usleep(UInt32.random(in: 500...(1_000 << UInt32(min(tried, 8)))))
                continue
            } catch let error as PostgresStoreError where error.isRetryable {
                throw PostgresStoreError.serializationFailure(attempts: tried).storeError()
            } catch {
                throw Self.mapped(error, recorder: recorder)
            }
        }
    }

    /// How long a write keeps trying through conflicts (SQLite's busy timeout).
    static let writeBudget: TimeInterval = 15

    /// The advisory lock cmdroom's writers to this store queue on.
    private var writersLock: String { "cmdroom writers " + server.schema }

    /// A store error for whatever a transaction threw: the server's refusal of a write as the
    /// roster's refusal of what the write was authorized for (the app checks the roster first,
    /// so this is the roster and the server disagreeing: `cmdroom roster sync` not run).
    static func mapped(_ error: any Error, recorder: ChangeRecorder?) -> StoreError {
        switch error {
        case let e as StoreError: return e
        case let e as PostgresStoreError:
            switch e {
            case .rowSecurity, .insufficientPrivilege:
                return recorder?.serverRefusal() ?? e.storeError()
            default: return e.storeError()
            }
        default: return .database(message: "\(error)")
        }
    }

    // MARK: What only this engine does

    public func setReadWait(_ seconds: TimeInterval?) {}
    public func takeRecoveries() -> [Recovery] { [] }

    public func loadPortfolio(_ parts: PortfolioParts, issuesOpenOn: Day?) throws(StoreError) -> Portfolio {
        try loadPortfolioThroughSession(parts, issuesOpenOn: issuesOpenOn)
    }

    /// Everything logged about a project, newest first (as SQLite's, with jsonb for its issues).
    public func projectHistory(_ code: String, limit: Int) throws(StoreError) -> [ChangeEntry] {
        try read { db in
            try db.rows(sql: """
                SELECT id, at, actor, entity, "key", action, before, after, undoes FROM change_log
                WHERE (entity = 'project' AND "key" = ?)
                   OR (entity IN ('monthly', 'milestone', 'reminder') AND "key" >= ? || '/' AND "key" < ? || '0')
                   OR (entity = 'issue' AND (COALESCE(after, before)::jsonb ->> 'project') = ?)
                ORDER BY id DESC LIMIT ?
                """, arguments: [code, code, code, code, limit]).map(ChangeEntry.init(row:))
        }
    }

    /// The server, the organisation, the packed figures against the monthly ledger, and the
    /// projects' sub-commands and localities. (The server keeps references and integrity.)
    public func check() throws(StoreError) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let org = config.organisation
        findings.append(CheckFinding(severity: .ok, item: .server(version: serverVersion, replica: isReplica)))
        findings.append(CheckFinding(severity: .ok, item: .locality(name: org.name, subcommands: org.subcommands.count,
                                                                      localities: org.localities.count)))
        let differing = try read { db in
            try db.value(Int.self, sql: """
                WITH years AS (SELECT DISTINCT project, month / 100 AS year FROM monthly)
                SELECT count(*) FROM years e FULL JOIN month_figures f ON f.project = e.project AND f.year = e.year
                WHERE month_figures_of(coalesce(e.project, f.project), coalesce(e.year, f.year)) IS DISTINCT FROM f.figures
                """) ?? 0
        }
        findings.append(CheckFinding(severity: differing == 0 ? .ok : .error, item: differing == 0 ? .figuresOK : .figuresMismatch(differing)))
        findings += try organisationFindings()
        return findings
    }

    public func makeChangeWatch() throws(StoreError) -> any StoreChangeWatch {
        if isReplica { return PostgresPollingWatch(store: self) }
        return try PostgresStoreWatch(location: server)
    }
}
