import Foundation
import GRDB

/// One transaction's access to a store's tables, whatever engine holds them: what the write
/// rules, the upserts, undo and import are written against, so that both engines run the same
/// code. SQL is written with `?` placeholders in the dialect both engines share (quoted
/// identifiers, no `INSERT OR …`, no JSON functions); cells are GRDB's `DatabaseValue`
/// (null, integer, real, text, blob), which PostgreSQL's integer, text, boolean and bytea map to.
public protocol SQLSession: AnyObject {
    /// The rows of a query, every cell read.
    func rows(sql: String, arguments: [DatabaseValue]) throws -> [SQLRow]
    /// Runs a statement that returns no rows.
    func execute(sql: String, arguments: [DatabaseValue]) throws
    /// True when the server itself raises versions, logs changes and packs the monthly figures
    /// (PostgreSQL's triggers), so the client must not: it sends the version it read.
    var serverKeepsLog: Bool { get }
    /// Marks this transaction's changes as the undo of the write whose first log row is `batch`.
    func markUndo(of batch: Int64) throws
    /// Runs statements that return no rows, in order (a server engine sends them in one go,
    /// without waiting for each answer before sending the next).
    func executeMany(_ statements: [(sql: String, arguments: [DatabaseValue])]) throws
    /// Each row of a query in turn, without holding them all (50,000 issues of 30 cells each
    /// held at once raised the board's peak memory by 15 MB).
    func forEachRow(sql: String, arguments: [DatabaseValue], _ body: (SQLRow) throws -> Void) throws
}

extension SQLSession {
    public func rows(sql: String, arguments: [(any DatabaseValueConvertible)?] = []) throws -> [SQLRow] {
        try rows(sql: sql, arguments: arguments.map { $0?.databaseValue ?? .null })
    }
    public func row(sql: String, arguments: [(any DatabaseValueConvertible)?] = []) throws -> SQLRow? {
        try rows(sql: sql, arguments: arguments).first
    }
    public func execute(sql: String, arguments: [(any DatabaseValueConvertible)?] = []) throws {
        try execute(sql: sql, arguments: arguments.map { $0?.databaseValue ?? .null })
    }
    public func forEachRow(sql: String, arguments: [DatabaseValue], _ body: (SQLRow) throws -> Void) throws {
        for row in try rows(sql: sql, arguments: arguments) { try body(row) }
    }

    public func executeMany(_ statements: [(sql: String, arguments: [DatabaseValue])]) throws {
        for statement in statements { try execute(sql: statement.sql, arguments: statement.arguments) }
    }

    /// The first column of the first row, nil when there is no row or it is NULL.
    public func value<V: DatabaseValueConvertible>(_ type: V.Type, sql: String, arguments: [(any DatabaseValueConvertible)?] = []) throws -> V? {
        guard let row = try row(sql: sql, arguments: arguments), let cell = row.cells.first else { return nil }
        return V.fromDatabaseValue(cell)
    }
    /// The first column of every row (NULLs left out).
    public func values<V: DatabaseValueConvertible>(_ type: V.Type, sql: String, arguments: [(any DatabaseValueConvertible)?] = []) throws -> [V] {
        try rows(sql: sql, arguments: arguments).compactMap { $0.cells.first.flatMap(V.fromDatabaseValue) }
    }
}

/// A row read through a session: its cells by position, read as GRDB rows are.
public struct SQLRow: Sendable, Hashable {
    public var cells: [DatabaseValue]
    public init(_ cells: [DatabaseValue]) { self.cells = cells }

    public var count: Int { cells.count }
    public subscript(_ i: Int) -> DatabaseValue { cells[i] }
    /// A cell as `V` (read as `Int?` for a column that may be NULL): a NULL or another type
    /// where `V` cannot hold it is a broken store, as it is for GRDB's rows.
    public subscript<V: DatabaseValueConvertible>(_ i: Int) -> V {
        guard let value = V.fromDatabaseValue(cells[i]) else {
            fatalError("column \(i) holds \(cells[i]), not \(V.self)")
        }
        return value
    }
}

/// SQLite's side: a GRDB connection inside the store's transaction.
final class GRDBSession: SQLSession {
    let db: Database
    init(_ db: Database) { self.db = db }

    var serverKeepsLog: Bool { false }

    func rows(sql: String, arguments: [DatabaseValue]) throws -> [SQLRow] {
        // Cached statements: an import runs the same few statements once per row.
        let statement = try db.cachedStatement(sql: sql)
        var out: [SQLRow] = []
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
        while let row = try cursor.next() { out.append(SQLRow(Array(row.databaseValues))) }
        return out
    }

    func execute(sql: String, arguments: [DatabaseValue]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments))
    }

    func forEachRow(sql: String, arguments: [DatabaseValue], _ body: (SQLRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        while let row = try cursor.next() { try body(SQLRow(Array(row.databaseValues))) }
    }

    /// SQLite's log is written by the client (`ChangeRecorder`), which carries the mark.
    func markUndo(of batch: Int64) throws {}
}
