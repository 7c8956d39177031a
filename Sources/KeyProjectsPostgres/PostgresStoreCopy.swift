import Foundation
import GRDB
import KeyProjects
import KeyProjectsStore
import Logging
import PostgresNIO

/// `cmdroom migrate --from DIR --to URL`: a SQLite store copied into a new schema. Everything
/// is read from SQLite in one snapshot, then written in one PostgreSQL transaction that also
/// makes the schema (so a failure, or a client killed half-way, leaves no schema behind):
/// every table's rows by COPY, with the tables' triggers off so that the rows keep their
/// versions and the change log its ids, times and authors as they were; the packed figures
/// are made again by the server (its byte order is not SQLite's); the locality file's text
/// and any file it names go into `store_info`. Then both stores are checked and counted.
public enum PostgresStoreCopy {
    public struct Summary: Sendable {
        /// Rows copied per table, in copy order.
        public var rows: [(table: String, count: Int)]
        /// The findings of `check` on the copy (errors among them fail the command).
        public var findings: [CheckFinding]
        /// Whether the copy holds as many projects, monthly rows, issues, meetings and changes.
        public var countsMatch: Bool
    }

    /// - Parameter parent: the store one level up, in the same database (`--parent`): it is
    ///   recorded, and its readers are made readers of the new store.
    public static func copy(from directory: URL, to location: PostgresLocation, parent: String? = nil,
                            logger: Logger = Logger(label: "cmdroom.postgres")) throws(StoreError) -> Summary {
        let source = try SQLiteStore.open(directory, readOnly: true)
        var files: [String: String] = [:]
        do {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".toml") {
                files[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            }
        } catch {
            throw .io(path: directory.path, problem: .cannotRead)
        }
        let tables = PostgresTables.entities.map(\.table) + ["change_log"]
        let snapshot: Snapshot
        do { snapshot = try source.read { db in try Snapshot(db, tables: tables) } }
        let bridge: PostgresBridge
        do {
            bridge = try PostgresBridge(location, timeout: .seconds(1800), maximumConnections: 1, requireSchema: false, logger: logger)
        } catch { throw error.storeError() }
        defer { bridge.close() }
        // A schema that holds a store already is refused before anything is made.
        let s = PostgresNames.quoted(location.schema)
        let held: Int
        do {
            let exists = try bridge.rows(PostgresQuery(unsafeSQL: "SELECT to_regclass(\(PostgresNames.literal(s + ".project"))) IS NOT NULL")) { row in
                try row.decode(Bool.self)
            }.first ?? false
            held = exists ? try bridge.rows(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM \(s).project")) { row in try row.decode(Int.self) }.first ?? 0 : 0
        } catch { throw error.storeError() }
        if held > 0 {
            throw .server(ServerFailure(key: "pg.storeExists", values: ["schema": location.schema, "n": String(held)],
                                        english: "schema \(location.schema) already holds a store (\(held) projects)"))
        }
        let counted = Locked<[(table: String, count: Int)]>([])
        let texts = files
        do {
            try PostgresMigrations.migrate(bridge) { connection, logger in
                for table in tables {
                    try await connection.query(PostgresQuery(unsafeSQL: "ALTER TABLE \(PostgresNames.quoted(table)) DISABLE TRIGGER USER"), logger: logger)
                    let copied = try snapshot.rows[table] ?? []
                    let columns = snapshot.columns[table] ?? []
                    if !copied.isEmpty {
                        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                            var buffer = ByteBuffer()
                            for row in copied {
                                buffer.writeString(copyLine(row))
                                if buffer.readableBytes > 1 << 20 {
                                    try await writer.write(buffer)
                                    buffer.clear()
                                }
                            }
                            if buffer.readableBytes > 0 { try await writer.write(buffer) }
                        }
                    }
                    try await connection.query(PostgresQuery(unsafeSQL: "ALTER TABLE \(PostgresNames.quoted(table)) ENABLE TRIGGER USER"), logger: logger)
                    counted.withLock { $0.append((table, copied.count)) }
                }
                try await connection.query("""
                    SELECT setval(pg_get_serial_sequence('change_log', 'id'), greatest((SELECT max(id) FROM change_log), 1),
                                  (SELECT max(id) FROM change_log) IS NOT NULL)
                    """, logger: logger).drain()
                try await connection.query("""
                    SELECT pack_month_figures(project, year) FROM (SELECT DISTINCT project, month / 100 AS year FROM monthly) AS years
                    """, logger: logger).drain()
                var info = texts.filter { $0.key != LocalityFile.fileName }.sorted { $0.key < $1.key }
                    .map { (PostgresStore.filePrefix + $0.key, $0.value) }
                if let text = texts[LocalityFile.fileName] { info.append((PostgresStore.localityKey, text)) }
                if let floor = snapshot.undoFloor { info.append(("undo_floor", floor)) }
                if let parent {
                    info.append((PostgresStore.parentKey, parent))
                    // Granting a role is the administrator's, not the owner's.
                    try await connection.query("RESET ROLE", logger: logger)
                    try await connection.query(PostgresQuery(unsafeSQL: "GRANT \(PostgresNames.quoted(PostgresNames.readerRole(schema: location.schema))) TO \(PostgresNames.quoted(PostgresNames.readerRole(schema: parent)))"), logger: logger)
                    // Its office refers issues escalated past its level to the parent's queue.
                    for grant in PostgresReferrals.grants(lower: location.schema, parent: parent) {
                        try await connection.query(PostgresQuery(unsafeSQL: grant), logger: logger)
                    }
                    try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL ROLE \(PostgresNames.quoted(PostgresNames.owner))"), logger: logger)
                }
                for (key, value) in info {
                    try await connection.query("""
                        INSERT INTO store_info ("key", value) VALUES (\(key), \(value))
                        ON CONFLICT ("key") DO UPDATE SET value = EXCLUDED.value
                        """, logger: logger)
                }
            }
        } catch {
            throw error.storeError()
        }
        let copy = try PostgresStore.open(location, readOnly: true, logger: logger)
        let a = try source.counts(), b = try copy.counts()
        let countsMatch = a.projects == b.projects && a.monthly == b.monthly && a.issues == b.issues && a.meetings == b.meetings
            && a.changes == b.changes
        return Summary(rows: counted.withLock { $0 }, findings: try copy.check(), countsMatch: countsMatch)
    }

    /// One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
    static func copyLine(_ cells: [DatabaseValue]) -> String {
        var line = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { line += "\t" }
            switch cell.storage {
            case .null: line += "\\N"
            case let .int64(n): line += String(n)
            case let .double(d): line += String(d)
            case let .string(s): line += escaped(s)
            case let .blob(b): line += "\\\\x" + b.map { String(format: "%02x", $0) }.joined()
            }
        }
        return line + "\n"
    }

    static func escaped(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The SQLite store's rows, read in one transaction, by the PostgreSQL tables' columns.
    struct Snapshot: Sendable {
        var columns: [String: [String]] = [:]
        var rows: [String: [[DatabaseValue]]] = [:]
        var undoFloor: String?

        init(_ db: any SQLSession, tables: [String]) throws {
            for table in tables {
                // SQLite's columns in its own order, version last; the change log's known ones.
                let names = table == "change_log"
                    ? ["id", "at", "actor", "entity", "key", "action", "before", "after", "batch", "undoes"]
                    : try db.values(String.self, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                columns[table] = names
                let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
                rows[table] = try db.rows(sql: "SELECT \(list) FROM \"\(table)\"").map(\.cells)
            }
            undoFloor = try db.value(String.self, sql: "SELECT value FROM store_info WHERE key = 'undo_floor'")
        }
    }
}
