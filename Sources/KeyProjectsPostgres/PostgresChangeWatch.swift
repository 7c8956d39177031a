import Dispatch
import Logging
import PostgresNIO

/// Tells whether another connection committed a change to the store, by `LISTEN` on the
/// store's channel (`cmdroom_<schema>`), which the tables' statement triggers `NOTIFY` at
/// commit. The PostgreSQL counterpart of SQLite's `ChangeWatcher` (`PRAGMA data_version`): a
/// screen polls `hasChanged()` cheaply, or is called back the moment a notice arrives.
///
/// One dedicated connection, not a pooled one: a listening connection must stay open. A
/// dropped connection turns `state` to `.lost`; reconnecting and reloading (issue 17 §4) are
/// left to the runtime that will own this. A streaming replica refuses `LISTEN` ("cannot
/// execute LISTEN during recovery"): a wall there must poll.
public final class PostgresChangeWatch: Sendable {
    public enum State: Sendable, Hashable {
        case listening
        case lost(PostgresStoreError)
        case closed
    }

    private let changed = Locked(false)
    private let stateBox = Locked(State.listening)
    private let connection = Locked<PostgresConnection?>(nil)
    private let task: Task<Void, Never>

    /// Connects and listens; returns once the server has acknowledged `LISTEN`.
    /// - Parameter onChange: called on a background thread with the table named by each notice.
    public init(_ location: PostgresLocation, timeout: Duration = .seconds(15), logger: Logger = Logger(label: "cmdroom.postgres.watch"),
                onChange: (@Sendable (String) -> Void)? = nil) throws(PostgresStoreError) {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else { throw .onEventLoop }
        let configuration = try PostgresBridge.connectionConfiguration(location)
        let ready = DispatchSemaphore(value: 0)
        let startError = Locked<PostgresStoreError?>(nil)
        let started = Locked(false)
        let changed = changed, stateBox = stateBox, connectionBox = connection
        task = PostgresBridge.task(on: BridgeExecutor()) {
            do {
                let conn = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                connectionBox.withLock { $0 = conn }
                do {
                    try await conn.listen(on: location.channel) { notifications in
                        started.withLock { $0 = true }
                        ready.signal()
                        for try await notice in notifications {
                            changed.withLock { $0 = true }
                            onChange?(notice.payload)
                        }
                    }
                } catch {
                    // A connection must be closed before it goes (postgres-nio asserts so).
                    try? await conn.close()
                    throw error
                }
                try? await conn.close()
                stateBox.withLock { if $0 == .listening { $0 = .lost(.connectionLost(server: location.server)) } }
            } catch {
                let mapped = PostgresStoreError.from(error, location: location)
                if started.withLock({ $0 }) {
                    stateBox.withLock { if $0 == .listening { $0 = .lost(mapped) } }
                } else {
                    startError.withLock { $0 = mapped }
                    ready.signal()
                }
            }
        }
        let (seconds, attoseconds) = timeout.components
        if ready.wait(timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))) == .timedOut {
            close()
            throw .timedOut(server: location.server, seconds: Int(seconds))
        }
        if let error = startError.withLock({ $0 }) {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Whether a change was announced since the last call.
    public func hasChanged() -> Bool {
        changed.withLock { value in
            defer { value = false }
            return value
        }
    }

    public var state: State { stateBox.withLock { $0 } }

    /// Stops listening and closes the connection.
    public func close() {
        stateBox.withLock { $0 = .closed }
        task.cancel()
        if let conn = connection.withLock({ value -> PostgresConnection? in defer { value = nil }; return value }) {
            // Keep the connection until it is closed: the last reference must not go first.
            let closing: EventLoopFuture<Void> = conn.close()
            closing.whenComplete { _ in withExtendedLifetime(conn) {} }
        }
    }
}
