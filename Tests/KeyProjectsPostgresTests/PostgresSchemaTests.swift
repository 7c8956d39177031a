import Foundation
import GRDB
import KeyProjectsPostgres
@testable import KeyProjectsStore
import PostgresNIO
import Testing

/// The migrations against a real server: every table, owned by the role nobody logs in as, the
/// same columns as SQLite's, and a second run that does nothing.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresSchemaTests {
    @Test func migrationsMakeEveryTableAndAreIdempotent() async throws {
        try await TestStore.with { store in
            let s = store.schema
            let tables = try store.texts("SELECT tablename::text FROM pg_tables WHERE schemaname = '\(s)' ORDER BY tablename").compactMap { $0 }
            #expect(tables == (PostgresTables.all + PostgresRowSecurity.tables).sorted())
            let owners = Set(try store.texts("SELECT tableowner::text FROM pg_tables WHERE schemaname = '\(s)'").compactMap { $0 })
            #expect(owners == [PostgresNames.owner])
            #expect(try store.texts("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '\(s)'") == [PostgresNames.owner])
            #expect(try store.texts("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = '\(PostgresNames.owner)'") == ["false"])
            #expect(try PostgresMigrations.recordedVersion(store.admin) == PostgresMigrations.version)
            #expect(try store.ints("SELECT version FROM \(store.t("schema_migrations")) ORDER BY version") == Array(1...PostgresMigrations.version))

            let triggers = try store.ints("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '\(s)' AND NOT t.tgisinternal")
            // Three a table, the month figures', and the issues' report to a lower store (PostgresReferrals).
            #expect(triggers == [PostgresTables.entities.count * 3 + 2])
            let policies = try store.ints("SELECT count(*) FROM pg_policies WHERE schemaname = '\(s)'")

            // Again: nothing applied, nothing changed.
            let again = try PostgresMigrations.migrate(store.admin)
            #expect(again.applied.isEmpty)
            #expect(again.version == PostgresMigrations.version)
            #expect(try store.texts("SELECT tablename::text FROM pg_tables WHERE schemaname = '\(s)' ORDER BY tablename").compactMap { $0 } == tables)
            #expect(try store.ints("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '\(s)' AND NOT t.tgisinternal") == triggers)
            #expect(try store.ints("SELECT count(*) FROM pg_policies WHERE schemaname = '\(s)'") == policies)
            #expect(try store.ints("SELECT count(*) FROM \(store.t("schema_migrations"))") == [PostgresMigrations.version])

            // A store of a newer cmdroom is refused, not migrated down.
            try store.exec("INSERT INTO \(store.t("schema_migrations")) (version, name) VALUES (99, 'from the future')")
            #expect(throws: PostgresStoreError.schemaTooNew(schema: s, found: 99, supported: PostgresMigrations.version)) {
                try PostgresMigrations.migrate(store.admin)
            }
        }
    }

    /// Each entity table has SQLite's codec's columns in its order, version last; its change-log
    /// name, key columns and their day/month forms are the codec's.
    @Test func entityTablesMatchSQLitesCodecs() async throws {
        let codecs: [String: (entity: String, columns: [String], key: [String], days: Set<String>, months: Set<String>)] = [
            "project": describe(Codecs.project), "monthly": describe(Codecs.monthly), "milestone": describe(Codecs.milestone),
            "reminder": describe(Codecs.reminder), "issue": describe(Codecs.issue), "meeting": describe(Codecs.meeting),
            "decision": describe(Codecs.decision), "award_proposal": describe(Codecs.awardProposal), "award": describe(Codecs.award),
        ]
        #expect(Set(codecs.keys) == Set(PostgresTables.entities.map(\.table)))
        try await TestStore.with { store in
            for entity in PostgresTables.entities {
                guard let codec = codecs[entity.table] else { continue }
                #expect(entity.entity == codec.entity)
                #expect(entity.key.map(\.name) == codec.key, "\(entity.table)")
                for column in entity.key {
                    let kind: PostgresTables.KeyColumn.Kind = codec.days.contains(column.name) ? .day : codec.months.contains(column.name) ? .month : .text
                    #expect(column.kind == kind, "\(entity.table).\(column.name)")
                }
                let columns = try store.texts("SELECT column_name::text FROM information_schema.columns WHERE table_schema = '\(store.schema)' AND table_name = '\(entity.table)' ORDER BY ordinal_position")
                #expect(columns.compactMap { $0 } == codec.columns + ["version"], "\(entity.table)")
            }
        }
    }

    /// Every SQLite table has its PostgreSQL twin with the same columns, types and NOT NULLs
    /// (INTEGER as integer or bigint, TEXT as text, BLOB as bytea).
    @Test func everySQLiteTableHasItsTwin() async throws {
        let sqliteTables = try Self.sqliteTables()
        try await TestStore.with { store in
            for (table, columns) in sqliteTables {
                let rows = try store.admin.rows(PostgresQuery(unsafeSQL: "SELECT column_name::text, data_type::text, is_nullable::text FROM information_schema.columns WHERE table_schema = '\(store.schema)' AND table_name = '\(table)'")) { row in
                    try row.decode((String, String, String).self)
                }
                let pg = Dictionary(uniqueKeysWithValues: rows.map { ($0.0, (type: $0.1, notNull: $0.2 == "NO")) })
                #expect(!pg.isEmpty, "no table \(table) on PostgreSQL")
                for column in columns {
                    guard let twin = pg[column.name] else { Issue.record("\(table).\(column.name) missing on PostgreSQL"); continue }
                    let expected: Set<String> = switch column.type {
                    case "INTEGER": ["integer", "bigint"]
                    case "TEXT": ["text"]
                    case "BLOB": ["bytea"]
                    default: []
                    }
                    #expect(expected.contains(twin.type), "\(table).\(column.name): \(column.type) vs \(twin.type)")
                    // A lower store's issue has no project of this store's: NULL there, only on PostgreSQL.
                    #expect(twin.notNull == column.notNull || (column.name == "id" && table == "change_log")
                            || (column.name == "project" && table == "issue"), "\(table).\(column.name) NOT NULL")
                }
                let extra = Set(pg.keys).subtracting(columns.map(\.name))
                #expect(extra.isSubset(of: ["xact"]), "\(table) has more on PostgreSQL: \(extra)")
            }
        }
    }


    /// SQLite's tables and columns at the latest schema: name, declared type, NOT NULL (or key).
    static func sqliteTables() throws -> [String: [(name: String, type: String, notNull: Bool)]] {
        let sqlite = try DatabaseQueue()
        try Schema.migrator.migrate(sqlite)
        return try sqlite.read { db in
            var out: [String: [(String, String, Bool)]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'sqlite_%'") {
                out[table] = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [table]).map { row in
                    (row[0] as String, (row[1] as String).uppercased(), (row[2] as Int) != 0 || (row[3] as Int) != 0)
                }
            }
            return out
        }
    }

    private func describe<T>(_ codec: EntityCodec<T>) -> (entity: String, columns: [String], key: [String], days: Set<String>, months: Set<String>) {
        (codec.entity, codec.columns, Array(codec.keyColumns), codec.dayColumns, codec.monthColumns)
    }
}
