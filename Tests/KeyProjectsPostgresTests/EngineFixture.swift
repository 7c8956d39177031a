import Foundation
import GRDB
import KeyProjects
import KeyProjectsDemo
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import PostgresNIO
import Testing

/// The two engines a store can be kept by, as the arguments of the tests that run the same
/// scenario on each (`BothEngines…`).
enum Engine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// One store of one engine as a scenario sees it: the store, a second store object on the same
/// store (another process, as far as the store can tell), and a write by another account.
struct EngineSide: Sendable {
    let engine: Engine
    let store: any Store
    /// The account `otherAccountSetsCompleted` writes as.
    let otherAccount: String
    /// A second store object on the same store, of the same account.
    let reopen: @Sendable () throws -> any Store
    /// The same store opened read-only.
    let openReadOnly: @Sendable () throws -> any Store
    /// Sets a month's completed investment as another account that may (SQLite: `lf-office`,
    /// opened with `actor:`; PostgreSQL: a login role of the store's office group, writing with
    /// plain SQL as psql would, since `roster sync` is not there yet). Returns that account.
    let otherAccountSetsCompleted: @Sendable (_ project: String, _ month: YearMonth, _ completed: Money) throws -> String
    /// The other account changes a month's completed investment again and again, each change its
    /// own commit, for `seconds` (SQLite: a loop of `recordMonthly` by `lf-office`, each based on
    /// the version it read; PostgreSQL: two DO loops on the server, each holding the row 20 ms per
    /// commit, so the row is never free). Returns when done.
    let otherAccountKeepsChanging: @Sendable (_ project: String, _ month: YearMonth, _ seconds: Double) throws -> Void
    /// The other account changes a month's completed investment by one yuan in a transaction
    /// that holds it for `seconds` before committing (SQLite: the write lock, held by a plain
    /// connection; PostgreSQL: the row, by the office login). Calls `started` once it holds it.
    let otherAccountHoldsChange: @Sendable (_ project: String, _ month: YearMonth, _ seconds: Double, _ started: @escaping @Sendable () -> Void) throws -> Void
}

/// A store made from the bundled linfen sample for one test, on one engine: on `.sqlite` the
/// SQLite store itself; on `.postgres` that store copied into a fresh schema by
/// `PostgresStoreCopy` (as `cmdroom migrate` does) and opened with `PostgresStore.open`, the
/// SQLite store kept beside it as `sqlite` (the source). Everything is removed after: the
/// scratch directory, the schema, its group roles and any login role made.
///
/// The runner's OS account is on the sample's roster as the office (`cmdroom init` adds the
/// creator); on PostgreSQL the actor is the session's role, the runner's too (peer
/// authentication on the test cluster), so both engines write as the same office account.
final class EngineFixture: @unchecked Sendable {
    let engine: Engine
    let scratch: URL
    /// The SQLite store's directory (the copy's source on `.postgres`).
    let directory: URL
    /// The SQLite store made from the sample.
    let sqlite: SQLiteStore
    /// The store under test: `sqlite`, or the PostgreSQL copy.
    let store: any Store
    let location: PostgresLocation?
    let copySummary: PostgresStoreCopy.Summary?
    private let admin: PostgresBridge?
    private let logins = Locked<[String]>([])
    private let otherLogin = Locked<(name: String, bridge: PostgresBridge)?>(nil)

    /// The sample's snapshot day: the day the scenarios write on (before the real day).
    static let day = Day.parse("2026-10-31")!
    static let october = YearMonth(year: 2026, month: 10)!

    /// Runs `body` with a new fixture on a Dispatch thread (store calls block) and removes it
    /// after, whatever happens. The `.postgres` case is cancelled (skipped) without a test
    /// server, except under CI, where it fails saying the cluster is missing (`TestServer`).
    /// - Parameter beforeCopy: writes made on the SQLite store first (before it is copied, on `.postgres`).
    /// - Parameter template: the store to start from (the linfen sample unless said).
    /// - Parameter accounts: roster accounts (besides the runner's) the test opens the store as
    ///   (`open(as:)`). On PostgreSQL each gets a login role of its own (`<schema>_<account>`,
    ///   a SCRAM password) with the rights `roster sync` gives its role, and the copy's roster
    ///   names that login in its place (`account(_:)`), so the server's rights and cmdroom's
    ///   roster agree as after `roster sync`.
    @discardableResult
    static func with<T: Sendable>(_ engine: Engine, template: Template = .sample(.linfen), accounts: [String] = [],
                                  beforeCopy: (@Sendable (SQLiteStore) throws -> Void)? = nil,
                                  _ body: @escaping @Sendable (EngineFixture, EngineChecks) throws -> T) async throws -> T {
        if engine == .postgres && !TestServer.enabled { try Test.cancel(TestServer.skipReason) }
        let checks = EngineChecks()
        defer { checks.report() }
        return try await offPool {
            if engine == .postgres { try TestServer.gate.wait() }
            defer { if engine == .postgres { TestServer.gate.signal() } }
            let fixture = try EngineFixture(engine, template: template, accounts: accounts, beforeCopy: beforeCopy)
            defer { fixture.remove() }
            return try body(fixture, checks)
        }
    }

    /// What a fixture's store is made from: a bundled sample with its ledgers (as
    /// `cmdroom init --locality` makes it), or the sample's organisation alone, no ledgers.
    enum Template: Hashable, Sendable, CustomStringConvertible {
        case sample(SampleLocality)
        case organisation(SampleLocality)
        var description: String {
            switch self {
            case .sample(let s): return "sample-\(s.rawValue)"
            case .organisation(let s): return "organisation-\(s.rawValue)"
            }
        }
    }

    /// A second fixture inside a test's body (removed by `remove()`): for a test that needs a
    /// fresh store beside the first, on the same engine.
    static func make(_ engine: Engine, template: Template) throws -> EngineFixture {
        try EngineFixture(engine, template: template, accounts: [], beforeCopy: nil)
    }

    private let loginPasswords: [String: (login: String, password: String)]

    private init(_ engine: Engine, template: Template, accounts: [String], beforeCopy: ((SQLiteStore) throws -> Void)?) throws {
        self.engine = engine
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-both-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        directory = scratch.appendingPathComponent("store")
        do {
            try FileManager.default.copyItem(at: Self.template(template), to: directory)
            sqlite = try SQLiteStore.open(directory)
            try beforeCopy?(sqlite)
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        guard engine == .postgres else {
            store = sqlite; location = nil; admin = nil; copySummary = nil; loginPasswords = [:]
            for account in accounts where sqlite.config.roster.entry(for: account) == nil {
                try? FileManager.default.removeItem(at: scratch)
                throw TemplateFailed(description: "\(account) is not on the \(template)'s roster")
            }
            return
        }
        let location: PostgresLocation, admin: PostgresBridge
        do {
            location = try TestServer.location(schema: TestServer.newSchema())
            admin = try PostgresBridge(location, timeout: TestServer.patience, requireSchema: false)
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        self.location = location; self.admin = admin
        var made: [String] = []
        do {
            copySummary = try PostgresStoreCopy.copy(from: directory, to: location)
            var passwords: [String: (login: String, password: String)] = [:]
            let s = PostgresNames.quoted(location.schema)
            for account in accounts {
                guard let entry = sqlite.config.roster.entry(for: account) else {
                    throw TemplateFailed(description: "\(account) is not on the \(template)'s roster")
                }
                let login = "\(location.schema)_\(account.replacingOccurrences(of: "-", with: "_"))"
                let password = "pw-\(UInt32.random(in: 0...UInt32.max))"
                try admin.execute(["CREATE ROLE \(PostgresNames.quoted(login)) LOGIN PASSWORD \(PostgresNames.literal(password))"])
                made.append(login)
                let grants: [String]
                switch entry.role {
                case .office: grants = [PostgresRowSecurity.officeGrant(schema: location.schema, role: login)]
                case .clerk(let subcommands): grants = PostgresRowSecurity.clerkGrants(schema: location.schema, role: login, subcommands: subcommands.sorted())
                case .unit(let unit): grants = PostgresRowSecurity.unitGrants(schema: location.schema, role: login, unit: unit)
                default: grants = [PostgresRowSecurity.readerGrant(schema: location.schema, role: login)]
                }
                // The roster as `roster sync` would hold it: the account is this login.
                try admin.execute(grants + ["""
                    UPDATE \(s).store_info SET value = replace(value, \(PostgresNames.literal("account = \"\(account)\"")),
                                                              \(PostgresNames.literal("account = \"\(login)\"")))
                    WHERE "key" = \(PostgresNames.literal(PostgresStore.localityKey))
                    """])
                passwords[account] = (login, password)
            }
            loginPasswords = passwords
            let opened = try PostgresStore.open(location, timeout: TestServer.patience)
            for (account, login) in passwords where opened.config.roster.entry(for: login.login) == nil {
                throw TemplateFailed(description: "\(account) was not renamed \(login.login) in the copy's roster")
            }
            store = opened
        } catch {
            Self.drop(admin, location: location, logins: made)
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        logins.withLock { $0 = made }
    }

    /// The account a roster account writes as on this engine: itself on SQLite, its login role
    /// on PostgreSQL (named in the copy's roster in its place).
    func account(_ rosterAccount: String) -> String {
        loginPasswords[rosterAccount]?.login ?? rosterAccount
    }

    /// Another store object on the same store: as the runner (the office) or as one of the
    /// fixture's `accounts`, with a clock of its own (the real day the store's rules take).
    func open(as rosterAccount: String? = nil, readOnly: Bool = false,
              clock: @escaping @Sendable () -> Date = Date.init) throws -> any Store {
        switch engine {
        case .sqlite:
            guard let rosterAccount else { return try SQLiteStore.open(directory, readOnly: readOnly, clock: clock) }
            return try SQLiteStore.open(directory, readOnly: readOnly, clock: clock, actor: rosterAccount)
        case .postgres:
            guard let location else { throw TestServer.Missing() }
            guard let rosterAccount else { return try PostgresStore.open(location, readOnly: readOnly, timeout: TestServer.patience, clock: clock) }
            guard let login = loginPasswords[rosterAccount] else {
                throw TemplateFailed(description: "\(rosterAccount) is not one of the fixture's accounts")
            }
            return try PostgresStore.open(TestServer.location(schema: location.schema, user: login.login, password: login.password),
                                          readOnly: readOnly, timeout: TestServer.patience, clock: clock)
        }
    }

    /// What a refused write must leave as it was: on SQLite every file of the store's
    /// directory byte for byte; on both engines every ledger's export, the change log's length
    /// and the tables' counts.
    struct Fingerprint: Equatable {
        var files: [String: Data]
        var ledgers: [String]
        var changes: Int
        var counts: [Int]
    }

    func fingerprint() throws -> Fingerprint {
        var files: [String: Data] = [:]
        if engine == .sqlite {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                files[name] = try? Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        let n = try store.counts()
        return Fingerprint(files: files, ledgers: try LedgerKind.allCases.map { try store.exportLedger($0) },
                           changes: try store.changeLogCount(), counts: [n.projects, n.monthly, n.issues, n.meetings, n.changes])
    }

    /// The stores fixtures start from, each made once per test process with
    /// `SQLiteStore.create` (as the store tests make theirs) and copied file for file into each
    /// fixture's directory: making one takes most of a second, copying it milliseconds. Removed
    /// when the process exits.
    private static let templates = Locked<[Template: Result<URL, TemplateFailed>]>([:])
    private static let templateRoot: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-both-template-\(getpid())-\(UUID().uuidString)")
        rootToRemove.withLock { $0 = dir.path }
        atexit { if let path = EngineFixture.rootToRemove.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) } }
        return dir.path
    }()
    private static let rootToRemove = Locked<String?>(nil)

    struct TemplateFailed: Error, CustomStringConvertible { var description: String }

    static func template(_ template: Template = .sample(.linfen)) throws -> URL {
        let root = URL(fileURLWithPath: templateRoot)
        return try templates.withLock { made in
            if let done = made[template] { return try done.get() }
            let result = Result { () throws(TemplateFailed) -> URL in
                do {
                    let dir = root.appendingPathComponent(template.description)
                    let source = dir.appendingPathComponent("source"), store = dir.appendingPathComponent("store")
                    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
                    switch template {
                    case .sample(let sample):
                        try sample.write(to: source)
                    case .organisation(let sample):
                        try Data(sample.localityTOML.utf8).write(to: source.appendingPathComponent("locality.toml"))
                        for (file, text) in sample.extraFiles { try Data(text.utf8).write(to: source.appendingPathComponent(file)) }
                    }
                    try SQLiteStore.create(at: store, from: source)
                    return store
                } catch {
                    throw TemplateFailed(description: "the \(template) store could not be made: \(error)")
                }
            }
            made[template] = result
            return try result.get()
        }
    }

    /// The engine under test as a scenario sees it.
    var side: EngineSide { engine == .sqlite ? sqliteSide : postgresSide }

    /// The SQLite store (on `.postgres`: the copy's source, which the same writes may be made on).
    var sqliteSide: EngineSide {
        let directory = directory
        return EngineSide(engine: .sqlite, store: sqlite, otherAccount: "lf-office", reopen: { try SQLiteStore.open(directory) },
                          openReadOnly: { try SQLiteStore.open(directory, readOnly: true) }, otherAccountSetsCompleted: { project, month, completed in
            let other = try SQLiteStore.open(directory, actor: "lf-office")
            guard var record = try other.loadProjectFile(project)?.records.first(where: { $0.month == month }) else {
                throw StoreError.notFound(entity: "monthly", key: "\(project)/\(month.iso)")
            }
            record.completed = completed
            try other.recordMonthly(record)
            return "lf-office"
        }, otherAccountKeepsChanging: { project, month, seconds in
            let other = try SQLiteStore.open(directory, actor: "lf-office")
            let deadline = Date().addingTimeInterval(seconds)
            var n: Int64 = 0
            while Date() < deadline {
                guard var record = try other.loadProjectFile(project)?.records.first(where: { $0.month == month }) else { return }
                n += 1
                record.completed = Money(yuan: record.completed.yuan + (n % 2 == 0 ? 1 : -1))
                // Based on the version read: never over a write made since (a stale one is skipped).
                do throws(StoreError) { try other.recordMonthly(record, basedOn: record.version) } catch { guard case .staleEdit = error else { throw error } }
                usleep(1_000)
            }
        }, otherAccountHoldsChange: { project, month, seconds, started in
            let queue = try DatabaseQueue(path: directory.appendingPathComponent("cmdroom.sqlite").path)
            try queue.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE monthly SET completed = completed + 1 WHERE project = ? AND month = ?",
                               arguments: [project, month.year * 100 + month.month])
                started()
                usleep(UInt32(seconds * 1_000_000))
                return .commit
            }
        })
    }

    private var postgresSide: EngineSide {
        let location = location!
        return EngineSide(engine: .postgres, store: store, otherAccount: "\(location.schema)_office2", reopen: { try PostgresStore.open(location, timeout: TestServer.patience) },
                          openReadOnly: { try PostgresStore.open(location, readOnly: true, timeout: TestServer.patience) }, otherAccountSetsCompleted: { [self] project, month, completed in
            let (name, bridge) = try otherOffice()
            let table = "\(PostgresNames.quoted(location.schema)).monthly"
            try bridge.execute(["""
                UPDATE \(table) SET completed = \(completed.yuan)
                WHERE project = \(PostgresNames.literal(project)) AND month = \(month.year * 100 + month.month)
                """])
            return name
        }, otherAccountKeepsChanging: { [self] project, month, seconds in
            let (_, bridge) = try otherOffice()
            let table = "\(PostgresNames.quoted(location.schema)).monthly"
            let sql = """
                DO $$
                DECLARE
                    stop timestamptz := clock_timestamp() + interval '\(Int(seconds * 1000)) milliseconds';
                    i integer := 0;
                BEGIN
                    WHILE clock_timestamp() < stop LOOP
                        i := i + 1;
                        UPDATE \(table) SET completed = completed + (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END)
                        WHERE project = \(PostgresNames.literal(project)) AND month = \(month.year * 100 + month.month);
                        PERFORM pg_sleep(0.02);
                        COMMIT;
                    END LOOP;
                END $$
                """
            // Two such loops on two connections: when one commits, the other, waiting for the row,
            // takes it at once, so no writer can slip in between (whatever the scheduler does).
            let logger = bridge.logger
            let failure = Locked<(any Error)?>(nil)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do { try bridge.withConnection { connection in _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) } } catch {
                    failure.withLock { $0 = error }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
        }, otherAccountHoldsChange: { [self] project, month, seconds, started in
            let (_, bridge) = try otherOffice()
            let table = "\(PostgresNames.quoted(location.schema)).monthly"
            let logger = bridge.logger
            try bridge.transaction(attempts: 1) { connection in
                try await connection.query(PostgresQuery(unsafeSQL: """
                    UPDATE \(table) SET completed = completed + 1
                    WHERE project = \(PostgresNames.literal(project)) AND month = \(month.year * 100 + month.month)
                    """), logger: logger)
                started()
                try await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_sleep(\(seconds))"), logger: logger)
            }
        })
    }

    /// A login role of the store's office group (password login, as the test cluster wants for
    /// every role but the runner's), made once per fixture and dropped with it.
    private func otherOffice() throws -> (String, PostgresBridge) {
        if let made = otherLogin.withLock({ $0 }) { return made }
        guard let admin, let location else { throw TestServer.Missing() }
        let name = "\(location.schema)_office2"
        let password = "pw-\(UInt32.random(in: 0...UInt32.max))"
        try admin.execute([
            "CREATE ROLE \(PostgresNames.quoted(name)) LOGIN PASSWORD \(PostgresNames.literal(password))",
            PostgresRowSecurity.officeGrant(schema: location.schema, role: name),
        ])
        logins.withLock { $0.append(name) }
        let bridge = try PostgresBridge(TestServer.location(schema: location.schema, user: name, password: password), timeout: TestServer.patience)
        otherLogin.withLock { $0 = (name, bridge) }
        return (name, bridge)
    }

    /// Drops the schema, its group roles and the login roles made, and removes the scratch directory.
    func remove() {
        otherLogin.withLock { $0?.bridge.close(); $0 = nil }
        if let admin, let location { Self.drop(admin, location: location, logins: logins.withLock { $0 }) }
        try? FileManager.default.removeItem(at: scratch)
    }

    private static func drop(_ admin: PostgresBridge, location: PostgresLocation, logins: [String]) {
        do {
            try PostgresMigrations.dropStore(admin)
            for name in logins { try admin.execute(["DROP ROLE IF EXISTS \(PostgresNames.quoted(name))"]) }
        } catch {
            print("could not drop test store \(location.schema): \(error)")
        }
        admin.close()
    }
}

/// Expectations checked on a Dispatch thread (where the store's blocking calls run), recorded
/// as issues of the test once back in its task (an issue recorded off the test's task is
/// reported against no test).
final class EngineChecks: @unchecked Sendable {
    private let failures = Locked<[(message: String, at: SourceLocation)]>([])

    func that(_ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        if !condition { failures.withLock { $0.append((message(), sourceLocation)) } }
    }

    func equal<T: Equatable>(_ a: T, _ b: T, _ what: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        if a != b {
            let label = what()
            failures.withLock { $0.append(((label.isEmpty ? "" : label + ": ") + "\(a) is not \(b)", sourceLocation)) }
        }
    }

    /// Records every failure as an issue of the current test.
    func report() {
        for failure in failures.withLock({ $0 }) { Issue.record(Comment(rawValue: failure.message), sourceLocation: failure.at) }
    }
}
