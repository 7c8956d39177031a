/// The store's tables on PostgreSQL: the same tables and columns as SQLite's schema at its
/// latest version (`KeyProjectsStore/Database/Schema.swift`), in the order of each table's
/// `Columns` declaration with `version` last (so `row_to_json` writes the change log's JSON in
/// the order SQLite's `Cells.json` does). Days are integer yyyymmdd, months yyyymm, money bigint
/// yuan. Text is `COLLATE "C"`: byte order, as SQLite's BINARY, so that every ORDER BY and
/// key comparison gives the same order on both engines whatever the database's locale
/// (a migrated store's board is byte for byte the SQLite one's). `PostgresSchemaTests`
/// compares these with SQLite's tables and codecs.
public enum PostgresTables {
    /// A table whose rows are entities: versioned, logged, announced.
    public struct Entity: Sendable, Hashable {
        public var table: String
        /// The change log's name for it (`award-proposal` for `award_proposal`).
        public var entity: String
        /// The key columns, in order, as the change-log key joins them ("P1/2026-03").
        public var key: [KeyColumn]
    }

    public struct KeyColumn: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case text, day, month }
        public var name: String
        public var kind: Kind
        /// `name` or `name:day`: how the triggers are told (TG_ARGV).
        var spec: String { kind == .text ? name : "\(name):\(kind.rawValue)" }
    }

    static func key(_ names: String...) -> [KeyColumn] {
        names.map { name in
            let parts = name.split(separator: ":")
            return KeyColumn(name: String(parts[0]), kind: parts.count > 1 ? KeyColumn.Kind(rawValue: String(parts[1]))! : .text)
        }
    }

    /// Every entity table, parents first.
    public static let entities: [Entity] = [
        Entity(table: "project", entity: "project", key: key("code")),
        Entity(table: "monthly", entity: "monthly", key: key("project", "month:month")),
        Entity(table: "milestone", entity: "milestone", key: key("project", "kind")),
        Entity(table: "reminder", entity: "reminder", key: key("project", "date:day", "by")),
        Entity(table: "issue", entity: "issue", key: key("id")),
        Entity(table: "meeting", entity: "meeting", key: key("id")),
        Entity(table: "decision", entity: "decision", key: key("id")),
        Entity(table: "award_proposal", entity: "award-proposal", key: key("quarter", "subcommand", "kind")),
        Entity(table: "award", entity: "award", key: key("quarter", "kind", "project")),
    ]

    /// Tables that are not entities: the log, the packed figures, the store's facts, the
    /// accounts' scopes, the migrations applied.
    public static let others = ["change_log", "month_figures", "store_info", "account_scope", "schema_migrations"]

    public static var all: [String] { entities.map(\.table) + others }

    /// CREATE TABLE statements of the store's tables, in schema `s` (quoted).
    static func create(_ s: String) -> [String] {
        [
            """
            CREATE TABLE \(s).project (
                code text COLLATE "C" PRIMARY KEY,
                name text COLLATE "C" NOT NULL,
                level text COLLATE "C" NOT NULL,
                subcommand text COLLATE "C" NOT NULL,
                locality text COLLATE "C" NOT NULL,
                construction_unit text COLLATE "C" NOT NULL DEFAULT '',
                nature text COLLATE "C" NOT NULL,
                stage text COLLATE "C" NOT NULL,
                reserve_class text COLLATE "C",
                content text COLLATE "C" NOT NULL DEFAULT '',
                start_year integer,
                end_year integer,
                total_investment bigint NOT NULL CHECK (total_investment >= 0),
                annual_plan bigint NOT NULL CHECK (annual_plan >= 0),
                liaison_leader text COLLATE "C" NOT NULL DEFAULT '',
                responsible_unit text COLLATE "C" NOT NULL DEFAULT '',
                responsible_person text COLLATE "C" NOT NULL DEFAULT '',
                contact text COLLATE "C" NOT NULL DEFAULT '',
                version integer NOT NULL DEFAULT 1
            )
            """,
            "CREATE INDEX project_subcommand ON \(s).project (subcommand, code)",
            """
            CREATE TABLE \(s).monthly (
                project text COLLATE "C" NOT NULL REFERENCES \(s).project (code) ON UPDATE CASCADE ON DELETE CASCADE,
                month integer NOT NULL,
                planned bigint CHECK (planned >= 0),
                completed bigint NOT NULL CHECK (completed >= 0),
                progress text COLLATE "C" NOT NULL DEFAULT '',
                version integer NOT NULL DEFAULT 1,
                PRIMARY KEY (project, month)
            )
            """,
            """
            CREATE TABLE \(s).milestone (
                project text COLLATE "C" NOT NULL REFERENCES \(s).project (code) ON UPDATE CASCADE ON DELETE CASCADE,
                kind text COLLATE "C" NOT NULL,
                planned integer,
                actual integer,
                version integer NOT NULL DEFAULT 1,
                PRIMARY KEY (project, kind)
            )
            """,
            """
            CREATE TABLE \(s).reminder (
                project text COLLATE "C" NOT NULL REFERENCES \(s).project (code) ON UPDATE CASCADE ON DELETE CASCADE,
                "date" integer NOT NULL,
                "by" text COLLATE "C" NOT NULL,
                note text COLLATE "C" NOT NULL DEFAULT '',
                version integer NOT NULL DEFAULT 1,
                PRIMARY KEY (project, "date", "by")
            )
            """,
            """
            CREATE TABLE \(s).issue (
                id text COLLATE "C" PRIMARY KEY,
                -- NULL on an issue a lower store referred here: its project is the lower store's.
                project text COLLATE "C" REFERENCES \(s).project (code) ON UPDATE CASCADE ON DELETE CASCADE,
                category text COLLATE "C" NOT NULL,
                kind text COLLATE "C" NOT NULL,
                level text COLLATE "C" NOT NULL,
                description text COLLATE "C" NOT NULL,
                status text COLLATE "C" NOT NULL,
                registered_on integer NOT NULL,
                queued_on integer NOT NULL,
                unit text COLLATE "C" NOT NULL DEFAULT '',
                dispatched_on integer,
                arranged_on integer,
                feedback_on integer,
                solved_on integer,
                reopened_on integer,
                cleared_on integer,
                plan_submitted_on integer,
                deadline integer,
                deadline_reason text COLLATE "C" NOT NULL DEFAULT '',
                listed integer NOT NULL DEFAULT 0,
                supervision_solution text COLLATE "C" NOT NULL DEFAULT '',
                supervision_unit text COLLATE "C" NOT NULL DEFAULT '',
                supervision_leader text COLLATE "C" NOT NULL DEFAULT '',
                supervision_person text COLLATE "C" NOT NULL DEFAULT '',
                supervision_deadline integer,
                grp text COLLATE "C" NOT NULL DEFAULT '',
                note text COLLATE "C" NOT NULL DEFAULT '',
                reopen_count integer NOT NULL DEFAULT 0,
                origin text COLLATE "C" NOT NULL DEFAULT '',
                origin_project text COLLATE "C" NOT NULL DEFAULT '',
                referred_to text COLLATE "C" NOT NULL DEFAULT '',
                version integer NOT NULL DEFAULT 1,
                CHECK ((project IS NULL) = (origin <> ''))
            )
            """,
            "CREATE INDEX issue_project ON \(s).issue (project)",
            // A lower store's issue is referred here once.
            "CREATE UNIQUE INDEX issue_origin ON \(s).issue (origin) WHERE origin <> ''",
            "CREATE INDEX issue_project_status ON \(s).issue (project, status)",
            """
            CREATE TABLE \(s).meeting (
                id text COLLATE "C" PRIMARY KEY,
                "date" integer NOT NULL,
                "time" text COLLATE "C" NOT NULL DEFAULT '',
                kind text COLLATE "C" NOT NULL,
                title text COLLATE "C" NOT NULL,
                chair text COLLATE "C" NOT NULL DEFAULT '',
                scope text COLLATE "C" NOT NULL DEFAULT 'hq',
                location text COLLATE "C" NOT NULL DEFAULT '',
                note text COLLATE "C" NOT NULL DEFAULT '',
                series text COLLATE "C" NOT NULL DEFAULT '',
                scheduled_on integer,
                cancelled integer NOT NULL DEFAULT 0,
                agenda text COLLATE "C" NOT NULL DEFAULT '',
                version integer NOT NULL DEFAULT 1
            )
            """,
            "CREATE INDEX meeting_date ON \(s).meeting (\"date\")",
            "CREATE INDEX meeting_series ON \(s).meeting (series, scheduled_on)",
            """
            CREATE TABLE \(s).decision (
                id text COLLATE "C" PRIMARY KEY,
                meeting text COLLATE "C" NOT NULL,
                item text COLLATE "C" NOT NULL,
                project text COLLATE "C" NOT NULL DEFAULT '',
                kind text COLLATE "C" NOT NULL,
                "text" text COLLATE "C" NOT NULL DEFAULT '',
                unit text COLLATE "C" NOT NULL DEFAULT '',
                person text COLLATE "C" NOT NULL DEFAULT '',
                deadline integer,
                issue text COLLATE "C" NOT NULL DEFAULT '',
                recorded_on integer NOT NULL,
                version integer NOT NULL DEFAULT 1
            )
            """,
            "CREATE INDEX decision_meeting ON \(s).decision (meeting, id)",
            """
            CREATE TABLE \(s).award_proposal (
                quarter text COLLATE "C" NOT NULL,
                subcommand text COLLATE "C" NOT NULL,
                kind text COLLATE "C" NOT NULL,
                project text COLLATE "C" NOT NULL,
                reason text COLLATE "C" NOT NULL DEFAULT '',
                "by" text COLLATE "C" NOT NULL DEFAULT '',
                recorded_on integer NOT NULL,
                version integer NOT NULL DEFAULT 1,
                PRIMARY KEY (quarter, subcommand, kind)
            )
            """,
            """
            CREATE TABLE \(s).award (
                quarter text COLLATE "C" NOT NULL,
                kind text COLLATE "C" NOT NULL,
                project text COLLATE "C" NOT NULL,
                place integer NOT NULL,
                "by" text COLLATE "C" NOT NULL DEFAULT '',
                recorded_on integer NOT NULL,
                version integer NOT NULL DEFAULT 1,
                PRIMARY KEY (quarter, kind, project)
            )
            """,
            // The change log. ids are given by default but may be given (a migrated store keeps
            // SQLite's); `xact` is the writing transaction, so that `batch` (its first row) is
            // found by the server, not claimed by a client.
            """
            CREATE TABLE \(s).change_log (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                at text COLLATE "C" NOT NULL,
                actor text COLLATE "C" NOT NULL,
                entity text COLLATE "C" NOT NULL,
                "key" text COLLATE "C" NOT NULL,
                action text COLLATE "C" NOT NULL,
                before text COLLATE "C",
                after text COLLATE "C",
                batch bigint,
                undoes bigint,
                xact bigint NOT NULL DEFAULT txid_current()
            )
            """,
            "CREATE INDEX change_log_entity ON \(s).change_log (entity, \"key\", id)",
            "CREATE INDEX change_log_actor ON \(s).change_log (actor, id)",
            "CREATE INDEX change_log_xact ON \(s).change_log (xact, id)",
            // A project's year of monthly figures packed in one row, as SQLite's month_figures:
            // per month 1…12 planned then completed, 8 bytes each (-1 for none), 192 bytes; in
            // network byte order here (int8send), little-endian in SQLite. Kept by a trigger on
            // monthly, so no client can let it drift.
            """
            CREATE TABLE \(s).month_figures (
                project text COLLATE "C" NOT NULL REFERENCES \(s).project (code) ON UPDATE CASCADE ON DELETE CASCADE,
                year integer NOT NULL,
                figures bytea NOT NULL CHECK (length(figures) = 192),
                PRIMARY KEY (project, year)
            )
            """,
            """
            CREATE TABLE \(s).store_info (
                "key" text COLLATE "C" PRIMARY KEY,
                value text COLLATE "C" NOT NULL
            )
            """,
            // Which sub-commands each login role clerks for (written by `cmdroom roster sync`);
            // the row-level-security policies read it with session_user.
            """
            CREATE TABLE \(s).account_scope (
                role_name text COLLATE "C" NOT NULL,
                subcommand text COLLATE "C" NOT NULL,
                PRIMARY KEY (role_name, subcommand)
            )
            """,
        ]
    }
}
