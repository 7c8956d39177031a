import Dispatch
import Foundation
import KeyProjectsPostgres
import PostgresNIO
import Testing

/// The server the tests run against: `CMDROOM_TEST_POSTGRES` (`.ci/run` and
/// `scripts/test-postgres-cluster.sh start` set it to a throwaway cluster's socket, such as
/// `postgresql:///cmdroom_test?host=/tmp/cmdroom-pg.XXXX`). Without it the server's tests are
/// skipped, except under CI, where they run and fail saying the cluster is missing.
enum TestServer {
    static let address = ProcessInfo.processInfo.environment["CMDROOM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
    static let enabled = address != nil || inCI
    static let skipReason: Comment = """
        CMDROOM_TEST_POSTGRES is not set: start a throwaway cluster with `scripts/test-postgres-cluster.sh start` \
        and export the variable it prints (see docs/tests.md); CI sets it
        """

    struct Missing: Error, CustomStringConvertible {
        var description: String { "CI is set but CMDROOM_TEST_POSTGRES is not: .ci/run must start the test cluster and export it" }
    }

    /// The location of `schema` on the test server, as the test runner (or `user`).
    static func location(schema: String, user: String? = nil, password: String? = nil) throws -> PostgresLocation {
        guard let address else { throw Missing() }
        var location = try PostgresLocation.parse(address + (address.contains("?") ? "&" : "?") + "schema=" + schema)
        if let user { location.user = user }
        if let password { location.password = password }
        return location
    }

    /// At most this many test stores on the server at once (`TestStore.with`,
    /// `EngineFixture.with`): each is made by migrations or a copy (DDL, roles, COPY), and the
    /// suites start all their tests at once; dozens of stores being made together on a 2-core
    /// machine left connections unanswered past their 15 s. Waited for on a Dispatch thread
    /// (`offPool`), never on the test's task; a store made inside a test's body
    /// (`EngineFixture.make`) does not wait again.
    static let gate = Gate(3)

    /// How long a test store's connections wait for one answer: the app's 15 s, on a loaded
    /// 2-core machine running the whole suite (and others' builds), was passed by a schema being
    /// dropped or a ledger imported while other stores were made. The tests of the timeout
    /// itself give theirs.
    static let patience: Duration = .seconds(90)

    final class Gate: Sendable {
        private let semaphore: DispatchSemaphore
        init(_ n: Int) { semaphore = DispatchSemaphore(value: n) }
        func wait() throws { semaphore.wait() }
        func signal() { semaphore.signal() }
    }

    /// A schema name no other test uses.
    static func newSchema() -> String {
        "t_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}

/// Runs blocking work on a Dispatch thread, as the app's store worker does, so that a test
/// never blocks a thread of Swift's cooperative pool.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
    }
}

/// A store made fresh in its own schema for one test, with its login roles; dropped after.
final class TestStore: Sendable {
    let schema: String
    let location: PostgresLocation
    let admin: PostgresBridge
    private let logins = Locked<[String]>([])

    init() throws {
        schema = TestServer.newSchema()
        location = try TestServer.location(schema: schema)
        admin = try PostgresBridge(location, timeout: TestServer.patience, requireSchema: false)
        try PostgresMigrations.migrate(admin)
    }

    /// Runs `body` with a new store and drops the store and its login roles after, whatever happens.
    static func with<T: Sendable>(_ body: @escaping @Sendable (TestStore) throws -> T) async throws -> T {
        try await offPool {
            try TestServer.gate.wait(); defer { TestServer.gate.signal() }
            let store = try TestStore()
            defer { store.drop() }
            return try body(store)
        }
    }

    /// A login role with a password (the test cluster takes SCRAM passwords for every role but
    /// the runner's), dropped with the store.
    func makeLogin(_ suffix: String, password: String = "pw-\(UInt32.random(in: 0...UInt32.max))") throws -> (name: String, password: String) {
        let name = "\(schema)_\(suffix)"
        try admin.execute(["CREATE ROLE \(PostgresNames.quoted(name)) LOGIN PASSWORD \(PostgresNames.literal(password))"])
        logins.withLock { $0.append(name) }
        return (name, password)
    }

    /// A bridge logged in as `login`.
    func bridge(as login: (name: String, password: String)) throws -> PostgresBridge {
        try PostgresBridge(TestServer.location(schema: schema, user: login.name, password: login.password), timeout: TestServer.patience)
    }

    func drop() {
        do {
            try PostgresMigrations.dropStore(admin)
            for name in logins.withLock({ $0 }) { try admin.execute(["DROP ROLE IF EXISTS \(PostgresNames.quoted(name))"]) }
        } catch {
            print("could not drop test store \(schema): \(error)")
        }
        admin.close()
    }

    /// The schema-qualified name of a table.
    func t(_ table: String) -> String { "\(PostgresNames.quoted(schema)).\(table)" }

    /// Runs one statement as the admin in its own transaction.
    func exec(_ sql: String) throws { try admin.execute([sql]) }

    /// The first column of each row, as text.
    func texts(_ sql: String, on bridge: PostgresBridge? = nil) throws -> [String?] {
        try (bridge ?? admin).rows(PostgresQuery(unsafeSQL: sql)) { row in try row.decode(String?.self) }
    }

    func ints(_ sql: String, on bridge: PostgresBridge? = nil) throws -> [Int] {
        try (bridge ?? admin).rows(PostgresQuery(unsafeSQL: sql)) { row in try row.decode(Int.self) }
    }

    /// Two projects of two sub-commands, with a month each: the fixture of the write tests.
    func seedTwoProjects() throws {
        try admin.execute([
            """
            INSERT INTO \(t("project")) (code, name, level, subcommand, locality, nature, stage, total_investment, annual_plan)
            VALUES ('P-LAW', '法治项目', 'city', 'law', '尧都区', 'new', 'construction', 100000000, 30000000),
                   ('P-ENERGY', '能源项目', 'city', 'energy', '侯马市', 'new', 'construction', 200000000, 50000000)
            """,
            "INSERT INTO \(t("monthly")) (project, month, planned, completed) VALUES ('P-LAW', 202603, 1000000, 500000), ('P-ENERGY', 202603, 2000000, 700000)",
        ])
    }

    /// Runs psql as `login` with one command; its exit status and what it wrote.
    func psql(as login: (name: String, password: String), _ sql: String) throws -> (status: Int32, out: String, err: String) {
        guard let directory = location.socketPath.map({ ($0 as NSString).deletingLastPathComponent }) else {
            throw TestServer.Missing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", directory, "-p", String(location.port), "-U", login.name,
                             "-d", location.effectiveDatabase, "-c", "SET search_path = \(PostgresNames.quoted(schema)); " + sql]
        return try runPsql(process, password: login.password)
    }
}

/// Runs a psql process made ready (its executable and arguments) with `password`: its exit
/// status and what it wrote to stdout and stderr.
func runPsql(_ process: Process, password: String?) throws -> (status: Int32, out: String, err: String) {
    var environment = ProcessInfo.processInfo.environment
    environment["PGPASSWORD"] = password
    environment["PGCONNECT_TIMEOUT"] = "10"
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The median and the largest of some durations, in milliseconds.
func summary(_ samples: [Double]) -> (median: Double, p95: Double, max: Double) {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return (0, 0, 0) }
    return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))], sorted.last!)
}

func milliseconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
    Double(Int64(to.uptimeNanoseconds) - Int64(from.uptimeNanoseconds)) / 1_000_000
}
