import Foundation
import GRDB
import KeyProjectsStore
import Logging
import PostgresNIO

/// The store's own connection to the server, used one call at a time from synchronous code.
///
/// Why not the bridge's pool: a transaction of the shared write code (`SQLBackedStore`) is a
/// series of synchronous statements, so it must keep one connection from BEGIN to COMMIT. One
/// connection per process is what SQLite's store has too (one `DatabaseQueue`). A dropped
/// connection is opened again at the next transaction, never within one.
final class PostgresLink: @unchecked Sendable {
    let location: PostgresLocation
    let timeout: Duration
    let logger: Logger
    private let executor = BridgeExecutor()
    /// One transaction at a time: the dashboard's worker and a CLI call never overlap, but the
    /// store is shared, so it is enforced here.
    private let transactionLock = NSLock()
    private let connectionBox = Locked<PostgresConnection?>(nil)

    init(_ location: PostgresLocation, timeout: Duration, logger: Logger) {
        self.location = location; self.timeout = timeout; self.logger = logger
    }

    deinit { close() }

    func close() {
        if let conn = connectionBox.withLock({ value -> PostgresConnection? in defer { value = nil }; return value }) {
            let closing: EventLoopFuture<Void> = conn.close()
            closing.whenComplete { _ in withExtendedLifetime(conn) {} }
        }
    }

    /// The connection, opened (again) if there is none or it was lost.
    func connection() throws(PostgresStoreError) -> PostgresConnection {
        if let conn = connectionBox.withLock({ $0 }), !conn.isClosed { return conn }
        let configuration = try PostgresBridge.connectionConfiguration(location)
        let logger = logger
        let conn = try PostgresBridge.wait(on: executor, timeout: timeout, location: location) {
            try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
        }
        connectionBox.withLock { $0 = conn }
        return conn
    }

    /// Runs `work` on the connection and waits for it. A call that runs out of time leaves the
    /// connection in an unknown state: it is closed, and the next transaction opens another.
    func run<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) throws(PostgresStoreError) -> T {
        let conn = try connection()
        do {
            return try PostgresBridge.wait(on: executor, timeout: timeout, location: location) { try await work(conn) }
        } catch {
            if case .timedOut = error { close() }
            if conn.isClosed { connectionBox.withLock { if $0 === conn { $0 = nil } } }
            throw error
        }
    }

    /// Holds the link for one transaction.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        transactionLock.lock()
        defer { transactionLock.unlock() }
        return try body()
    }
}

/// The shared store code's session on PostgreSQL: `?` placeholders become `$1…`, cells are
/// bound and read as GRDB's `DatabaseValue`, and the server's triggers keep versions, the
/// change log and the packed figures (`serverKeepsLog`).
final class PostgresSession: SQLSession {
    let link: PostgresLink
    init(_ link: PostgresLink) { self.link = link }

    var serverKeepsLog: Bool { true }

    func rows(sql: String, arguments: [DatabaseValue]) throws -> [SQLRow] {
        let query = try Self.query(sql, arguments)
        let logger = link.logger
        return try link.run { conn in
            var out: [SQLRow] = []
            for try await row in try await conn.query(query, logger: logger) {
                out.append(try Self.decode(row))
            }
            return out
        }
    }

    func execute(sql: String, arguments: [DatabaseValue]) throws {
        let query = try Self.query(sql, arguments)
        let logger = link.logger
        try link.run { conn in try await conn.query(query, logger: logger).drain() }
    }

    /// The change-log trigger writes `undoes` from this transaction-local setting.
    func markUndo(of batch: Int64) throws {
        try execute(sql: "SELECT set_config('cmdroom.undoes', ?, true)", arguments: [String(batch).databaseValue])
    }

    /// `body` between `begin` and COMMIT; ROLLBACK when it throws.
    func transaction<T>(_ begin: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try run(begin)
        do {
            let result = try body(self)
            try run("COMMIT")
            return result
        } catch {
            try? run("ROLLBACK")
            throw error
        }
    }

    /// Statements with no placeholders and no rows, in order (BEGIN, COMMIT).
    func run(_ sql: String) throws(PostgresStoreError) {
        let logger = link.logger
        try link.run { conn in _ = try await conn.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
    }

    // MARK: Placeholders and cells

    /// `sql` with each `?` outside quotes numbered (`$1`, `$2`, …), and the bindings.
    static func query(_ sql: String, _ arguments: [DatabaseValue]) throws -> PostgresQuery {
        let text = PostgresBatch.placeholders(in: sql) { "$\($0)" }?.sql ?? sql
        var binds = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value.storage {
            case .null: binds.appendNull()
            case let .int64(i): binds.append(i)
            case let .double(d): binds.append(d)
            case let .string(s): binds.append(s)
            case let .blob(b): binds.append(ByteBuffer(bytes: b))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: binds)
    }

    /// A row's cells as SQLite would hold them: integers and booleans as integers, text as
    /// text, bytea as a blob, numeric (a SUM of bigints) as an integer when it is whole. The
    /// common binary forms are read straight from the bytes: postgres-nio's generic decoding
    /// per cell was most of the board's load (1.4 million cells at 20,000 projects).
    static func decode(_ row: PostgresRow) throws -> SQLRow {
        var cells: [DatabaseValue] = []
        cells.reserveCapacity(row.count)
        for cell in row {
            guard var bytes = cell.bytes else { cells.append(.null); continue }
            if cell.format == .binary {
                switch cell.dataType {
                case .int8:
                    if let n = bytes.readInteger(as: Int64.self) { cells.append(n.databaseValue); continue }
                case .int4:
                    if let n = bytes.readInteger(as: Int32.self) { cells.append(Int64(n).databaseValue); continue }
                case .int2:
                    if let n = bytes.readInteger(as: Int16.self) { cells.append(Int64(n).databaseValue); continue }
                case .text, .varchar, .name, .bpchar:
                    cells.append(String(buffer: bytes).databaseValue); continue
                case .bool:
                    if let b = bytes.readInteger(as: UInt8.self) { cells.append(Int64(b == 0 ? 0 : 1).databaseValue); continue }
                case .bytea:
                    cells.append(Data(bytes.readableBytesView).databaseValue); continue
                default: break
                }
            }
            switch cell.dataType {
            case .int2, .int4, .int8, .oid: cells.append(try cell.decode(Int64.self).databaseValue)
            case .bool: cells.append((try cell.decode(Bool.self) ? 1 : 0).databaseValue)
            case .bytea:
                var buffer = try cell.decode(ByteBuffer.self)
                cells.append(Data(buffer.readBytes(length: buffer.readableBytes) ?? []).databaseValue)
            case .float4, .float8: cells.append(try cell.decode(Double.self).databaseValue)
            case .numeric:
                let decimal = try cell.decode(Decimal.self)
                let whole = NSDecimalNumber(decimal: decimal)
                if decimal == Decimal(whole.int64Value) { cells.append(whole.int64Value.databaseValue) }
                else { cells.append(whole.doubleValue.databaseValue) }
            default: cells.append(try cell.decode(String.self).databaseValue)
            }
        }
        return SQLRow(cells)
    }
}

extension PostgresSession {
    /// The statements in chunks of 1,000, each chunk one `DO` block in one round trip
    /// (`PostgresBatch`), so that each stays well within the call's time limit; a chunk that
    /// cannot be a block is sent a statement at a time, in one task.
    func executeMany(_ statements: [(sql: String, arguments: [DatabaseValue])]) throws {
        let logger = link.logger
        for start in stride(from: 0, to: statements.count, by: 1_000) {
            let chunk = Array(statements[start..<min(start + 1_000, statements.count)])
            let queries = try PostgresBatch.block(chunk).map { [PostgresQuery(unsafeSQL: $0)] }
                ?? chunk.map { try Self.query($0.sql, $0.arguments) }
            try link.run { conn in
                for query in queries { try await conn.query(query, logger: logger).drain() }
            }
        }
    }
}

extension PostgresSession: RowBytesReading {
    /// The queries written to the connection at once (postgres-nio starts each as soon as the
    /// one before it is done). On the connection's event loop each row's cells are copied as
    /// they arrive into chunks of about 32 KB; this thread takes the chunks as they are filled
    /// and hands their rows to `body`. So the server, the event loop taking rows off the wire
    /// and this thread decoding them work at the same time, and no async step nor cell value is
    /// made per row (postgres-nio's async sequence and a `SQLRow` per row were most of the
    /// board's load).
    func forEachRowBytes(_ queries: [(sql: String, arguments: [DatabaseValue])], _ body: (_ query: Int, _ row: RowBytes) throws -> Void) throws {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else { throw PostgresStoreError.onEventLoop }
        let built = try queries.map { try Self.query($0.sql, $0.arguments) }
        let conn = try link.connection()
        let chunks = RowChunks(queries: built.count)
        for (i, query) in built.enumerated() {
            conn.query(query, logger: link.logger) { row in try chunks.add(i, row) }
                .whenComplete { result in chunks.end(i, result.map { _ in () }) }
        }
        let deadline = DispatchTime.now() + .nanoseconds(Int(link.timeout.components.seconds) * 1_000_000_000)
        while true {
            let next: (query: Int, bytes: [UInt8])?
            switch chunks.next(deadline: deadline) {
            case let .success(chunk): next = chunk
            case .failure(.timedOut):
                link.close()
                throw PostgresStoreError.timedOut(server: link.location.server, seconds: Int(link.timeout.components.seconds))
            case let .failure(.failed(error)):
                throw PostgresStoreError.from(error, location: link.location)
            }
            guard let (query, bytes) = next else { return }
            try bytes.withUnsafeBytes { try RowChunks.rows(in: $0) { try body(query, $0) } }
        }
    }
}

/// The rows of `forEachRowBytes` on their way from the event loop to the reading thread. A
/// chunk holds whole rows of one query: per row its number of cells, then per cell a length
/// (Int32, -1 for NULL) and the bytes.
final class RowChunks: @unchecked Sendable {
    enum Failure: Error { case timedOut, failed(any Error) }

    private let condition = NSCondition()
    private var ready: [(query: Int, bytes: [UInt8])] = []
    private var taken = 0
    private var ended = 0
    private var failure: (any Error)? = nil
    private let queries: Int
    /// The chunk being filled (touched on the event loop only).
    private var filling: [UInt8] = []
    private var fillingQuery = 0
    static let chunkBytes = 32 * 1024

    init(queries: Int) { self.queries = queries }

    /// A row of query `query` (on the event loop).
    func add(_ query: Int, _ row: PostgresRow) throws {
        if query != fillingQuery { flush() }
        fillingQuery = query
        if filling.capacity == 0 { filling.reserveCapacity(Self.chunkBytes + 4096) }
        guard row.count <= RowBytes.maximumCells else {
            throw PostgresStoreError.server(sqlState: "", message: "a row of \(row.count) cells, more than \(RowBytes.maximumCells)")
        }
        filling.append(UInt8(row.count))
        for cell in row {
            if let bytes = cell.bytes {
                withUnsafeBytes(of: Int32(bytes.readableBytes)) { filling.append(contentsOf: $0) }
                bytes.withUnsafeReadableBytes { filling.append(contentsOf: $0) }
            } else {
                withUnsafeBytes(of: Int32(-1)) { filling.append(contentsOf: $0) }
            }
        }
        if filling.count >= Self.chunkBytes { flush() }
    }

    /// Query `query` has ended (on the event loop).
    func end(_ query: Int, _ result: Result<Void, any Error>) {
        if query == fillingQuery { flush() }
        condition.lock()
        ended += 1
        if case let .failure(error) = result, failure == nil { failure = error }
        condition.signal()
        condition.unlock()
    }

    private func flush() {
        guard !filling.isEmpty else { return }
        let chunk = (fillingQuery, filling)
        filling = []
        condition.lock()
        ready.append(chunk)
        condition.signal()
        condition.unlock()
    }

    /// The next chunk in order, nil when every query has ended and all are taken.
    func next(deadline: DispatchTime) -> Result<(query: Int, bytes: [UInt8])?, Failure> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let failure { return .failure(.failed(failure)) }
            if taken < ready.count {
                let chunk = ready[taken]
                ready[taken].bytes = []
                taken += 1
                return .success(chunk)
            }
            if ended == queries { return .success(nil) }
            let now = DispatchTime.now()
            guard now < deadline else { return .failure(.timedOut) }
            let wait = Double(deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1e9
            _ = condition.wait(until: Date().addingTimeInterval(wait))
        }
    }

    /// Each row of a chunk as `RowBytes`.
    static func rows(in chunk: UnsafeRawBufferPointer, _ body: (RowBytes) throws -> Void) rethrows {
        var i = 0
        var cells: (UnsafeRawBufferPointer?, UnsafeRawBufferPointer?, UnsafeRawBufferPointer?) = (nil, nil, nil)
        while i < chunk.count {
            let count = Int(chunk[i])
            i += 1
            for c in 0..<count {
                let length = Int(chunk.loadUnaligned(fromByteOffset: i, as: Int32.self))
                i += 4
                var cell: UnsafeRawBufferPointer? = nil
                if length >= 0 {
                    cell = UnsafeRawBufferPointer(rebasing: chunk[i..<(i + length)])
                    i += length
                }
                switch c {
                case 0: cells.0 = cell
                case 1: cells.1 = cell
                default: cells.2 = cell
                }
            }
            try body(RowBytes(count: count, count > 0 ? cells.0 : nil, count > 1 ? cells.1 : nil, count > 2 ? cells.2 : nil))
        }
    }
}
