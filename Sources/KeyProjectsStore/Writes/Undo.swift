import Foundation
import GRDB
import KeyProjects

/// An entity's table layout without its Swift type, for putting a logged row back.
struct RowLayout: Sendable {
    let table: String
    let entity: String
    let columns: [String]
    let keyColumnCount: Int

    init<T>(_ codec: EntityCodec<T>) {
        table = codec.table; entity = codec.entity; columns = codec.columns; keyColumnCount = codec.keyColumnCount
    }

    static let all: [String: RowLayout] = Dictionary(uniqueKeysWithValues: [
        RowLayout(Codecs.project), RowLayout(Codecs.monthly), RowLayout(Codecs.milestone), RowLayout(Codecs.reminder),
        RowLayout(Codecs.issue), RowLayout(Codecs.meeting), RowLayout(Codecs.decision),
        RowLayout(Codecs.awardProposal), RowLayout(Codecs.award),
    ].map { ($0.entity, $0) })

    var selectColumns: String { (columns + ["version"]).map { "\"\($0)\"" }.joined(separator: ", ") }
    var whereClause: String { columns.prefix(keyColumnCount).map { "\"\($0)\" = ?" }.joined(separator: " AND ") }

    /// The cells of a logged JSON object, in column order, and its version.
    func cells(_ json: String) throws -> (values: [DatabaseValue], version: Int) {
        guard let data = json.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw StoreError.database(message: "unreadable change-log entry for \(entity)")
        }
        let values = columns.map { column -> DatabaseValue in
            switch object[column] {
            case let s as String: return s.databaseValue
            case let n as NSNumber: return n.int64Value.databaseValue
            // A column added after the entry was logged (every such column is text, NOT NULL
            // DEFAULT ''): the default, as the migration gave the row.
            case nil: return "".databaseValue
            default: return .null
            }
        }
        return (values, (object["version"] as? NSNumber)?.intValue ?? 0)
    }
}

extension SQLBackedStore {
    /// The account's last write that is not undone yet (and not itself an undo): what `u`
    /// would take back. Newest change first. The ledgers a store was made from are below the
    /// undo floor: undo never empties a new store.
    public func lastUndoable() throws(StoreError) -> [ChangeEntry] {
        try read { db in try undoableBatch(db) }
    }

    func undoableBatch(_ db: any SQLSession) throws -> [ChangeEntry] {
        let batch = try db.value(Int64.self, sql: """
            SELECT COALESCE(c.batch, c.id) FROM change_log c
            WHERE c.actor = ? AND c.undoes IS NULL
              AND c.id > COALESCE((SELECT CAST(value AS INTEGER) FROM store_info WHERE key = 'undo_floor'), 0)
              AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = COALESCE(c.batch, c.id))
            ORDER BY c.id DESC LIMIT 1
            """, arguments: [actor])
        guard let batch else { return [] }
        return try db.rows(sql: """
            SELECT id, at, actor, entity, key, action, before, after, undoes FROM change_log
            WHERE COALESCE(batch, id) = ? ORDER BY id DESC
            """, arguments: [batch]).map(ChangeEntry.init(row:))
    }

    /// Undoes the account's own last write, as a new logged write (issue 4 §5): each row goes
    /// back to what it was before, if nobody changed it since (else a stale edit naming who).
    /// Returns the entries taken back.
    @discardableResult
    public func undoLast() throws(StoreError) -> [ChangeEntry] {
        try write { db, log in
            let entries = try undoableBatch(db)
            guard let first = entries.last else { throw StoreError.nothingToUndo(account: actor) }
            try refuseUndoOfReferral(entries)
            log.undoes = first.id
            try db.markUndo(of: first.id)
            for entry in entries { try undo(entry, db: db, log: log) }
            try checkUndone(entries, db: db)
            return entries
        }
    }

    /// An escalation that referred an issue to the level above is not taken back: the issue
    /// is in that store's queue now, which this store's undo cannot reach.
    private func refuseUndoOfReferral(_ entries: [ChangeEntry]) throws {
        guard let layout = RowLayout.all["issue"], let column = layout.columns.firstIndex(of: "referred_to") else { return }
        for entry in entries where entry.entity == "issue" {
            let before = try entry.before.map(layout.cells)?.values[column]
            let after = try entry.after.map(layout.cells)?.values[column]
            if let to = after.flatMap(String.fromDatabaseValue), !to.isEmpty, before.flatMap(String.fromDatabaseValue) ?? "" == "" {
                throw StoreError.workflow(issue: entry.key, refusal: .referred(to: to))
            }
        }
    }

    private func undo(_ entry: ChangeEntry, db: any SQLSession, log: ChangeRecorder) throws {
        guard let layout = RowLayout.all[entry.entity] else {
            throw StoreError.database(message: "cannot undo a change to \(entry.entity)")
        }
        let before = try entry.before.map(layout.cells)
        let after = try entry.after.map(layout.cells)
        guard let keyValues = (after ?? before).map({ Array($0.values.prefix(layout.keyColumnCount)) }) else { return }
        let current = try db.row(sql: "SELECT \(layout.selectColumns) FROM \(layout.table) WHERE \(layout.whereClause)",
                                       arguments: keyValues)
        let currentValues = current.map { Array($0.cells.prefix(layout.columns.count)) }
        let currentVersion: Int? = current.map { $0[layout.columns.count] }
        // The row must still be as this write left it (an undo of a later write of one's own may
        // have put it back so, under a newer version); otherwise someone changed it since.
        if currentValues != after?.values {
            // Name whoever changed it since, rather than one's own undo of a later write.
            let since = try db.row(sql: """
                SELECT actor, at FROM change_log WHERE entity = ? AND key = ? AND id > ?
                ORDER BY (actor = ?), id DESC LIMIT 1
                """, arguments: [entry.entity, entry.key, entry.id, actor])
            throw StoreError.undoBlocked(entity: entry.entity, key: entry.key, changedBy: since?[0] ?? "?", changedAt: since?[1] ?? "?")
        }
        try authorizeUndo(entry, layout: layout, values: currentValues ?? before!.values, db: db, log: log)
        if entry.entity == "monthly", let n = Int.fromDatabaseValue(keyValues[1]),
           let month = YearMonth(year: n / 100, month: n % 100), let project = String.fromDatabaseValue(keyValues[0]) {
            log.touchFigures(project: project, month: month)
        }
        if let before {
            // PostgreSQL's trigger raises the version from the one the update names.
            let version = db.serverKeepsLog && current != nil ? currentVersion! : (currentVersion ?? before.version) + 1
            if current != nil {
                let (sets, changed) = updatedColumns(layout.columns, keyCount: layout.keyColumnCount, old: currentValues!,
                                                     new: before.values, db: db)
                try db.execute(sql: "UPDATE \(layout.table) SET \(sets)version = ? WHERE \(layout.whereClause)",
                               arguments: changed + [version.databaseValue] + keyValues)
            } else {
                let columns = layout.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let marks = Array(repeating: "?", count: layout.columns.count + 1).joined(separator: ", ")
                try db.execute(sql: "INSERT INTO \(layout.table) (\(columns), version) VALUES (\(marks))",
                               arguments: before.values + [version.databaseValue])
            }
            try log.record(db, entity: entry.entity, key: entry.key, action: current == nil ? .insert : .update,
                           before: currentValues.map { Cells.json(columns: layout.columns, values: $0, version: currentVersion!) },
                           after: Cells.json(columns: layout.columns, values: before.values, version: version))
        } else if let currentValues {
            try db.execute(sql: "DELETE FROM \(layout.table) WHERE \(layout.whereClause)", arguments: keyValues)
            try log.record(db, entity: entry.entity, key: entry.key, action: .delete,
                           before: Cells.json(columns: layout.columns, values: currentValues, version: currentVersion!),
                           after: nil)
        }
    }

    /// An undo is a write like any other: what it puts back must still meet the rules the
    /// write paths check (a month's figures within the project's total and years), which
    /// other writes since may have moved.
    private func checkUndone(_ entries: [ChangeEntry], db: any SQLSession) throws {
        let projects = Set(entries.compactMap { entry -> String? in
            switch entry.entity {
            case "project": return entry.key
            case "monthly": return entry.key.split(separator: "/").first.map(String.init)
            default: return nil
            }
        })
        for project in projects.sorted() {
            if let problem = try Self.totalProblem(project: project, db: db) {
                throw StoreError.undoBreaksRule(project: project, problem)
            }
            let outside = try Self.monthsOutsideYears(project: project, db: db)
            let bounds = try Self.projectBounds(project, db)
            if let month = outside.beforeStart, let start = bounds?.startYear {
                throw StoreError.undoBreaksRule(project: project, .monthTooEarly(month, earliest: YearMonth(year: start, month: 1)!))
            }
            if let month = outside.afterEnd, let end = bounds?.endYear {
                throw StoreError.undoBreaksRule(project: project, .monthAfterEnd(month, endYear: end))
            }
        }
    }

    /// An undo is allowed to whoever may make the same kind of change now.
    private func authorizeUndo(_ entry: ChangeEntry, layout: RowLayout, values: [DatabaseValue], db: any SQLSession,
                               log: ChangeRecorder) throws {
        func text(_ column: String) -> String {
            guard let i = layout.columns.firstIndex(of: column), case let .string(s) = values[i].storage else { return "" }
            return s
        }
        switch entry.entity {
        case "monthly", "milestone":
            try log.authorize(.recordProgress(subcommand: try subcommand(ofProject: text("project"), db)), target: entry.key)
        case "reminder":
            try log.authorize(.remind(subcommand: try subcommand(ofProject: text("project"), db)), target: entry.key)
        case "issue":
            try log.authorize(.workIssue(.undo, subcommand: try subcommand(ofProject: text("project"), db),
                                         assignedUnit: text("unit")), target: entry.key)
        case "meeting", "decision":
            try log.authorize(.editMeetings, target: entry.key)
        case "award-proposal":
            try log.authorize(.proposeAward(subcommand: text("subcommand")), target: entry.key)
        case "award":
            try log.authorize(.pickAwards, target: entry.key)
        default:
            try log.authorize(.editProjects, target: entry.key)
        }
    }
}

/// The columns of each entity as the change log's before/after objects hold them (the store's
/// tables, keys first), for reports that put changes in words.
public enum ChangeLogLayout {
    public static var entities: [String] { RowLayout.all.keys.sorted() }
    public static func columns(_ entity: String) -> [String]? { RowLayout.all[entity]?.columns }
    public static func keyColumns(_ entity: String) -> [String] {
        guard let layout = RowLayout.all[entity] else { return [] }
        return Array(layout.columns.prefix(layout.keyColumnCount))
    }
}
