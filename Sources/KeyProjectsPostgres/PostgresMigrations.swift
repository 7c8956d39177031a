import Logging
import PostgresNIO

/// The migrations that make and upgrade a store's schema, run in one transaction by an
/// administrator (a superuser, or a role with CREATEROLE that is a member of `cmdroom_owner`):
///
/// 1. As the administrator: the roles, made if missing — `cmdroom_owner` (NOLOGIN, owns every
///    table and function) and the store's group roles (reader, clerk, unit, office; NOLOGIN) — and
///    the schema, owned by `cmdroom_owner`.
/// 2. As `cmdroom_owner` (`SET LOCAL ROLE`): each migration not yet recorded in
///    `schema_migrations`, then `store_info.schema` set to their number, as SQLite's store does.
///
/// An advisory lock serialises migrations in the database, so two processes (or parallel
/// tests) never race to make the same role or table.
///
/// A migration is only ever added at the end. One that adds a table gives it its triggers
/// (`PostgresTriggers`) and its grants itself: migration 3 granted the tables there were.
public enum PostgresMigrations {
    public struct Migration: Sendable {
        public var version: Int
        public var name: String
        /// The statements, given the quoted schema and the store's names.
        let statements: @Sendable (Names) -> [String]
    }

    /// A store's names, quoted for SQL.
    struct Names: Sendable {
        let schema: String
        /// `"linfen"`
        let s: String
        let owner = PostgresNames.quoted(PostgresNames.owner)
        let reader: String
        let clerk: String
        let office: String
        let channel: String

        init(schema: String) {
            self.schema = schema
            s = PostgresNames.quoted(schema)
            reader = PostgresNames.quoted(PostgresNames.readerRole(schema: schema))
            clerk = PostgresNames.quoted(PostgresNames.clerkRole(schema: schema))
            office = PostgresNames.quoted(PostgresNames.officeRole(schema: schema))
            channel = PostgresNames.channel(schema: schema)
        }
    }

    public static let migrations: [Migration] = [
        Migration(version: 1, name: "tables") { n in PostgresTables.create(n.s) },
        Migration(version: 2, name: "versions, change log, month figures, notify") { n in PostgresTriggers.statements(n) },
        Migration(version: 3, name: "grants and row security") { n in PostgresRowSecurity.statements(n) },
        Migration(version: 4, name: "issues referred between levels") { n in PostgresReferrals.statements(n) },
    ]

    /// The schema version a store made now records: the number of migrations.
    public static var version: Int { migrations.count }

    /// What a run did.
    public struct Report: Sendable, Hashable {
        /// The migrations applied by this run, by name (none when the store was up to date).
        public var applied: [String]
        public var version: Int
    }

    /// Makes the store's schema or brings it up to date. Idempotent.
    /// - Parameter then: more work in the same transaction, as the owner, after the migrations
    ///   (`cmdroom migrate` fills the new store there, so it is made whole or not at all).
    @discardableResult
    public static func migrate(_ bridge: PostgresBridge,
                               then: (@Sendable (PostgresConnection, Logger) async throws -> Void)? = nil) throws(PostgresStoreError) -> Report {
        let names = Names(schema: bridge.location.schema)
        let logger = bridge.logger
        let supported = version
        return try bridge.transaction { connection in
            func run(_ sql: String) async throws { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).drain() }

            try await run("SELECT pg_advisory_xact_lock(hashtext('cmdroom migrations'))")
            for statement in prepare(names) { try await run(statement) }
            try await run("SET LOCAL ROLE \(names.owner)")
            try await run("""
                CREATE TABLE IF NOT EXISTS \(names.s).schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    applied_by text NOT NULL DEFAULT session_user
                )
                """)
            var found = 0
            for try await v in try await connection.query(PostgresQuery(unsafeSQL: "SELECT coalesce(max(version), 0) FROM \(names.s).schema_migrations"),
                                                          logger: logger).decode(Int.self) { found = v }
            if found > supported { throw PostgresStoreError.schemaTooNew(schema: names.schema, found: found, supported: supported) }
            var applied: [String] = []
            for migration in migrations where migration.version > found {
                for statement in migration.statements(names) { try await run(statement) }
                try await connection.query("INSERT INTO \(unescaped: names.s).schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                                           logger: logger)
                applied.append(migration.name)
            }
            try await connection.query("""
                INSERT INTO \(unescaped: names.s).store_info ("key", value) VALUES ('schema', \(String(supported)))
                ON CONFLICT ("key") DO UPDATE SET value = EXCLUDED.value WHERE store_info.value IS DISTINCT FROM EXCLUDED.value
                """, logger: logger)
            if let then { try await then(connection, logger) }
            return Report(applied: applied, version: supported)
        }
    }

    /// The store's recorded schema version (`store_info.schema`); nil when it has none.
    public static func recordedVersion(_ bridge: PostgresBridge) throws(PostgresStoreError) -> Int? {
        let s = PostgresNames.quoted(bridge.location.schema)
        return try bridge.rows(PostgresQuery(unsafeSQL: "SELECT value FROM \(s).store_info WHERE \"key\" = 'schema'")) { row in
            Int(try row.decode(String.self))
        }.first ?? nil
    }

    /// What the administrator does before the owner takes over: roles made if missing, the
    /// schema made and given to the owner.
    static func prepare(_ n: Names) -> [String] {
        let roles = [PostgresNames.owner, PostgresNames.readerRole(schema: n.schema), PostgresNames.clerkRole(schema: n.schema),
                     PostgresNames.unitRole(schema: n.schema), PostgresNames.officeRole(schema: n.schema)]
        return roles.map { role in
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(PostgresNames.literal(role))) THEN
                    CREATE ROLE \(PostgresNames.quoted(role)) NOLOGIN;
                END IF;
            END $$
            """
        } + [
            // Clerks, units and the office read what readers read.
            "GRANT \(n.reader) TO \(n.clerk), \(PostgresNames.quoted(PostgresNames.unitRole(schema: n.schema))), \(n.office)",
            "CREATE SCHEMA IF NOT EXISTS \(n.s) AUTHORIZATION \(n.owner)",
        ]
    }

    /// Drops a store: its schema and its group roles (tests; a future `cmdroom` command).
    /// Login roles are the roster's and are left alone.
    public static func dropStore(_ bridge: PostgresBridge) throws(PostgresStoreError) {
        let n = Names(schema: bridge.location.schema)
        try bridge.execute([
            "SELECT pg_advisory_xact_lock(hashtext('cmdroom migrations'))",
            "DROP SCHEMA IF EXISTS \(n.s) CASCADE",
            // What the roles were granted elsewhere (a lower store's office may refer issues to
            // its parent's queue) goes with them.
            """
            DO $$ DECLARE r text; BEGIN
                FOREACH r IN ARRAY ARRAY[\(PostgresNames.literal(PostgresNames.clerkRole(schema: n.schema))), \(PostgresNames.literal(PostgresNames.unitRole(schema: n.schema))),
                                         \(PostgresNames.literal(PostgresNames.officeRole(schema: n.schema))), \(PostgresNames.literal(PostgresNames.readerRole(schema: n.schema)))] LOOP
                    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN EXECUTE format('DROP OWNED BY %I', r); END IF;
                END LOOP;
            END $$
            """,
            "DROP ROLE IF EXISTS \(n.clerk)",
            "DROP ROLE IF EXISTS \(PostgresNames.quoted(PostgresNames.unitRole(schema: n.schema)))",
            "DROP ROLE IF EXISTS \(n.office)",
            "DROP ROLE IF EXISTS \(n.reader)",
        ])
    }
}
