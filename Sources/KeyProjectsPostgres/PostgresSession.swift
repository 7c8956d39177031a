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
        var text = ""
        text.reserveCapacity(sql.utf8.count + 8)
        var n = 0
        var quote: Character? = nil
        for c in sql {
            if let q = quote {
                if c == q { quote = nil }
                text.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                text.append(c)
            } else if c == "?" {
                n += 1
                text += "$\(n)"
            } else {
                text.append(c)
            }
        }
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
