import Foundation
import GRDB
import KeyProjects

/// Writes change-log rows inside the write transaction that makes the change, and notes the
/// project-years whose packed monthly figures must be rebuilt before it commits.
final class ChangeRecorder {
    let actor: String
    let at: String
    private(set) var touchedFigures = Set<MonthFigures.Key>()

    init(actor: String, at: String) { self.actor = actor; self.at = at }

    func touchFigures(project: String, month: YearMonth) {
        touchedFigures.insert(MonthFigures.Key(project: project, year: month.year))
    }

    func record(_ db: Database, entity: String, key: String, action: ChangeAction, before: String?, after: String?) throws {
        try db.cachedStatement(sql: "INSERT INTO change_log (at, actor, entity, key, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [at, actor, entity, key, action.rawValue, before, after])
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}

public enum ChangeAction: String, Sendable, Codable {
    case insert, update, delete
}

/// One row of the change log: who changed what, when, from what to what (JSON objects).
public struct ChangeEntry: Sendable, Hashable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var entity: String
    public var key: String
    public var action: ChangeAction
    public var before: String?
    public var after: String?

    init(row: Row) {
        id = row[0]; at = row[1]; actor = row[2]; entity = row[3]; key = row[4]
        action = ChangeAction(rawValue: row[5]) ?? .update; before = row[6]; after = row[7]
    }
}

/// What an upsert did.
public enum UpsertOutcome: String, Sendable {
    case inserted, updated, unchanged
}

/// Inserts or updates one entity by its key, logging the change; refuses a stale edit.
func upsert<T>(_ codec: EntityCodec<T>, _ value: T, basedOn expected: Int?, db: Database,
               log: ChangeRecorder) throws -> UpsertOutcome {
    let values = codec.encode(value)
    let key = codec.key(of: values)
    let whereClause = codec.keyColumns.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
    // Cached statements: an import runs these once per row.
    let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(codec.selectColumns) FROM \(codec.table) WHERE \(whereClause)"),
                                    arguments: StatementArguments(key))
    let logKey = codec.logKey(values)
    let touched = codec.monthOf?(value)
    guard let existing else {
        if let touched { log.touchFigures(project: touched.project, month: touched.month) }
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        let columns = codec.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO \(codec.table) (\(columns), version) VALUES (\(placeholders), 1)")
            .execute(arguments: StatementArguments(values))
        try log.record(db, entity: codec.entity, key: logKey, action: .insert, before: nil,
                       after: Cells.json(columns: codec.columns, values: values, version: 1))
        return .inserted
    }
    let oldValues = (0..<codec.columns.count).map { existing[$0] as DatabaseValue }
    let oldVersion: Int = existing[codec.columns.count]
    if let expected, expected != oldVersion {
        let last = try Row.fetchOne(db, sql: "SELECT actor, at FROM change_log WHERE entity = ? AND key = ? ORDER BY id DESC LIMIT 1",
                                    arguments: [codec.entity, logKey])
        throw StoreError.staleEdit(entity: codec.entity, key: logKey, changedBy: last?[0] ?? "?", changedAt: last?[1] ?? "?")
    }
    guard oldValues != values else { return .unchanged }
    if let touched { log.touchFigures(project: touched.project, month: touched.month) }
    let assignments = codec.columns.dropFirst(codec.keyColumnCount).map { "\"\($0)\" = ?" }.joined(separator: ", ")
    try db.cachedStatement(sql: "UPDATE \(codec.table) SET \(assignments), version = ? WHERE \(whereClause)")
        .execute(arguments: StatementArguments(Array(values.dropFirst(codec.keyColumnCount)) + [(oldVersion + 1).databaseValue] + key))
    try log.record(db, entity: codec.entity, key: logKey, action: .update,
                   before: Cells.json(columns: codec.columns, values: oldValues, version: oldVersion),
                   after: Cells.json(columns: codec.columns, values: values, version: oldVersion + 1))
    return .updated
}
