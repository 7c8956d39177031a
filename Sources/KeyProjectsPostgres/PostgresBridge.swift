import Dispatch
import Foundation
import Logging
import PostgresNIO

/// A synchronous face on postgres-nio's `PostgresClient` (a pool of connections).
///
/// Why synchronous: the app's store API is synchronous and throws `StoreError`. The dashboard
/// hands every store call to one serial worker on a Dispatch queue and takes the answer back as
/// an event (`Sources/CommandRoom/Effects/`); the CLI calls the store straight from `main`. Both
/// backends must fit that one protocol, and SQLite (GRDB) is synchronous by nature, so the
/// PostgreSQL backend waits here rather than making the whole app async.
///
/// How it waits without hanging:
/// - The async work runs in a `Task` whose executor preference is the bridge's own Dispatch
///   queue, so neither it nor the client's `run()` needs a thread of Swift's cooperative pool
///   (two threads on a 2-core machine). A caller that blocks a pool thread (a Swift Testing
///   test, say) therefore cannot starve the work it is waiting for.
/// - The caller waits on a semaphore, never with `EventLoopFuture.wait()` and never on one of
///   NIO's event loop threads: a call made on one is refused (`PostgresStoreError.onEventLoop`),
///   because the reply it waits for would have to be read by the very thread it blocks.
/// - Every wait is bounded (`timeout`): `PostgresClient` keeps retrying a connection it cannot
///   make and leaves the query waiting (postgres-nio issue 489), so the bridge first opens one
///   plain connection to learn at once whether the server is there (no socket, refused, wrong
///   password, no database, no schema), and a later outage ends in `timedOut` or
///   `connectionLost` rather than a hang.
public final class PostgresBridge: Sendable {
    public let location: PostgresLocation
    /// How long one call may wait for the server.
    public let timeout: Duration
    let client: PostgresClient
    public let logger: Logger
    private let executor: BridgeExecutor
    private let runTask: Task<Void, Never>
    private let isClosed = Locked(false)

    /// Connects (a probe first, then the pool).
    /// - Parameters:
    ///   - requireSchema: refuse with `noStore` unless the location's schema exists (false to
    ///     make a store).
    public init(_ location: PostgresLocation, timeout: Duration = .seconds(15), maximumConnections: Int = 4,
                requireSchema: Bool = true, logger: Logger = Logger(label: "cmdroom.postgres")) throws(PostgresStoreError) {
        self.location = location
        self.timeout = location.connectTimeout.map { .seconds($0) } ?? timeout
        self.logger = logger
        let executor = BridgeExecutor()
        self.executor = executor

        var configuration = try Self.clientConfiguration(location)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = self.timeout
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.runTask = Self.task(on: executor) { await client.run() }

        // The probe: one connection, opened and closed, so that a wrong address is refused now
        // and in words.
        do throws(PostgresStoreError) {
            let connection = try Self.connectionConfiguration(location)
            let schema = location.schema
            let exists = try Self.wait(on: executor, timeout: self.timeout, location: location) { () async throws -> Bool in
                let conn = try await PostgresConnection.connect(configuration: connection, id: 0, logger: logger)
                do {
                    let rows = try await conn.query("SELECT count(*) FROM pg_namespace WHERE nspname = \(schema)", logger: logger)
                    var found = false
                    for try await count in rows.decode(Int.self) { found = count > 0 }
                    try await conn.close()
                    return found
                } catch {
                    try? await conn.close()
                    throw error
                }
            }
            if requireSchema && !exists { throw PostgresStoreError.noStore(schema: location.schema) }
        } catch {
            runTask.cancel()
            throw error
        }
    }

    deinit {
        runTask.cancel()
    }

    /// Stops the pool; later calls throw `closed`.
    public func close() {
        isClosed.withLock { $0 = true }
        runTask.cancel()
    }

    /// Runs `body` in one transaction (BEGIN … COMMIT, or ROLLBACK when it throws) on a pooled
    /// connection, and waits for it. A serialization failure or deadlock (40001, 40P01) runs the
    /// whole transaction again, up to `attempts` times: `body` must not keep state between runs.
    @discardableResult
    public func transaction<T: Sendable>(attempts: Int = 3, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(PostgresStoreError) -> T {
        var tried = 0
        while true {
            tried += 1
            do {
                return try run { client, logger in
                    try await client.withTransaction(logger: logger) { connection in try await body(connection) }
                }
            } catch let error where error.isRetryable && tried < attempts {
                logger.debug("serialization failure, running the transaction again", metadata: ["attempt": "\(tried)"])
                continue
            } catch {
                if case .serializationFailure = error { throw .serializationFailure(attempts: tried) }
                throw error
            }
        }
    }

    /// Runs `body` with a pooled connection, outside any transaction the bridge opens (for
    /// statements that may not run in one, and for reads that need none).
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(PostgresStoreError) -> T {
        try run { client, _ in try await client.withConnection { connection in try await body(connection) } }
    }

    /// Runs SQL statements, in order, in one transaction (no parameters; migrations, tests).
    public func execute(_ statements: [String]) throws(PostgresStoreError) {
        let logger = logger
        try transaction { connection in
            for sql in statements { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).drain() }
        }
    }

    /// The rows of one query, each decoded by `decode` (reads of a few rows: tests, checks).
    public func rows<T: Sendable>(_ query: PostgresQuery, _ decode: @escaping @Sendable (PostgresRow) throws -> T) throws(PostgresStoreError) -> [T] {
        let logger = logger
        return try withConnection { connection in
            var out: [T] = []
            for try await row in try await connection.query(query, logger: logger) { out.append(try decode(row)) }
            return out
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (PostgresClient, Logger) async throws -> T) throws(PostgresStoreError) -> T {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        let client = client, logger = logger
        return try Self.wait(on: executor, timeout: timeout, location: location) { try await work(client, logger) }
    }

    /// Starts `work` on the bridge's executor and blocks this thread until it ends or `timeout`
    /// passes (then the task is cancelled).
    static func wait<T: Sendable>(on executor: BridgeExecutor, timeout: Duration, location: PostgresLocation,
                                  _ work: @escaping @Sendable () async throws -> T) throws(PostgresStoreError) -> T {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else { throw .onEventLoop }
        let done = DispatchSemaphore(value: 0)
        let result = Locked<Result<T, any Error>?>(nil)
        let task = task(on: executor) {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        if done.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .timedOut {
            task.cancel()
            throw .timedOut(server: location.server, seconds: Int(seconds))
        }
        switch result.withLock({ $0 }) {
        case let .success(value)?: return value
        case let .failure(error)?: throw PostgresStoreError.from(error, location: location)
        case nil: throw .closed
        }
    }

    static func task<T: Sendable>(on executor: BridgeExecutor, _ work: @escaping @Sendable () async -> T) -> Task<T, Never> {
        if #available(macOS 15.0, *) {
            return Task(executorPreference: executor) { await work() }
        } else {
            return Task.detached { await work() }
        }
    }

    // MARK: Configuration

    static func clientConfiguration(_ location: PostgresLocation) throws(PostgresStoreError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch location.endpoint {
        case .socket:
            configuration = .init(unixSocketPath: location.socketPath ?? "", username: location.effectiveUser, password: location.password,
                                  database: location.effectiveDatabase)
        case let .tcp(host):
            configuration = .init(host: host, port: location.port, username: location.effectiveUser, password: location.password,
                                  database: location.effectiveDatabase, tls: try PostgresTLS.client(location))
        }
        configuration.options.additionalStartupParameters = startupParameters(location)
        return configuration
    }

    static func connectionConfiguration(_ location: PostgresLocation) throws(PostgresStoreError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .socket:
            configuration = .init(unixSocketPath: location.socketPath ?? "", username: location.effectiveUser, password: location.password,
                                  database: location.effectiveDatabase)
        case let .tcp(host):
            configuration = .init(host: host, port: location.port, username: location.effectiveUser, password: location.password,
                                  database: location.effectiveDatabase, tls: try PostgresTLS.connection(location))
        }
        configuration.options.additionalStartupParameters = startupParameters(location)
        return configuration
    }

    /// Every connection starts in the store's schema and names itself and its store in
    /// pg_stat_activity (`cmdroom/linfen`), so an administrator sees which store a session uses.
    static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        [("search_path", "\(PostgresNames.quoted(location.schema)), pg_catalog"), ("application_name", "cmdroom/\(location.schema)")]
    }
}

/// Runs the bridge's tasks on a Dispatch queue of its own instead of Swift's cooperative pool
/// (see `PostgresBridge`). The jobs are async code that never blocks, so a concurrent queue
/// (whose threads Dispatch adds as needed) is enough.
final class BridgeExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "cmdroom.postgres.bridge", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

/// A value behind a lock (package-wide: the tests share it).
package final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    package init(_ value: Value) { self.value = value }
    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}

extension PostgresRowSequence {
    /// Reads the result to its end. A statement's error can arrive after its first rows (a
    /// function that raises midway through a SELECT); a result left unread loses it, and the
    /// COMMIT that follows rolls back without a word.
    func drain() async throws {
        for try await _ in self {}
    }
}
