import GRDB

/// The store's tables. Days are INTEGER yyyymmdd and months INTEGER yyyymm (readable in
/// sqlite3, cheap to load); money is INTEGER yuan. Every entity row carries a version that
/// each update raises, so an edit based on an older version is refused.
enum Schema {
    /// The schema's version: the number of migrations (what a store made now records).
    static let version = migrator.migrations.count

    /// Records the schema version in store_info when it says otherwise (stores made before it
    /// was derived from the migrations recorded 6 at version 7).
    static func recordVersion(_ queue: DatabaseQueue) throws {
        let recorded = try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'schema'") }
        guard recorded != String(version) else { return }
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO store_info (key, value) VALUES ('schema', ?)", arguments: [String(version)])
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE project (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    level TEXT NOT NULL,
                    subcommand TEXT NOT NULL,
                    locality TEXT NOT NULL,
                    construction_unit TEXT NOT NULL DEFAULT '',
                    nature TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    reserve_class TEXT,
                    content TEXT NOT NULL DEFAULT '',
                    start_year INTEGER,
                    end_year INTEGER,
                    total_investment INTEGER NOT NULL CHECK (total_investment >= 0),
                    annual_plan INTEGER NOT NULL CHECK (annual_plan >= 0),
                    liaison_leader TEXT NOT NULL DEFAULT '',
                    responsible_unit TEXT NOT NULL DEFAULT '',
                    responsible_person TEXT NOT NULL DEFAULT '',
                    contact TEXT NOT NULL DEFAULT '',
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE monthly (
                    project TEXT NOT NULL REFERENCES project(code) ON UPDATE CASCADE ON DELETE CASCADE,
                    month INTEGER NOT NULL,
                    planned INTEGER CHECK (planned >= 0),
                    completed INTEGER NOT NULL CHECK (completed >= 0),
                    progress TEXT NOT NULL DEFAULT '',
                    version INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (project, month)
                ) WITHOUT ROWID;
                CREATE TABLE milestone (
                    project TEXT NOT NULL REFERENCES project(code) ON UPDATE CASCADE ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    planned INTEGER,
                    actual INTEGER,
                    version INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (project, kind)
                ) WITHOUT ROWID;
                CREATE TABLE reminder (
                    project TEXT NOT NULL REFERENCES project(code) ON UPDATE CASCADE ON DELETE CASCADE,
                    date INTEGER NOT NULL,
                    by TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    version INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (project, date, by)
                ) WITHOUT ROWID;
                CREATE TABLE issue (
                    id TEXT PRIMARY KEY NOT NULL,
                    project TEXT NOT NULL REFERENCES project(code) ON UPDATE CASCADE ON DELETE CASCADE,
                    category TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    level TEXT NOT NULL,
                    description TEXT NOT NULL,
                    status TEXT NOT NULL,
                    registered_on INTEGER NOT NULL,
                    queued_on INTEGER NOT NULL,
                    unit TEXT NOT NULL DEFAULT '',
                    dispatched_on INTEGER,
                    arranged_on INTEGER,
                    feedback_on INTEGER,
                    solved_on INTEGER,
                    reopened_on INTEGER,
                    cleared_on INTEGER,
                    plan_submitted_on INTEGER,
                    deadline INTEGER,
                    deadline_reason TEXT NOT NULL DEFAULT '',
                    listed INTEGER NOT NULL DEFAULT 0,
                    supervision_solution TEXT NOT NULL DEFAULT '',
                    supervision_unit TEXT NOT NULL DEFAULT '',
                    supervision_leader TEXT NOT NULL DEFAULT '',
                    supervision_person TEXT NOT NULL DEFAULT '',
                    supervision_deadline INTEGER,
                    grp TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    reopen_count INTEGER NOT NULL DEFAULT 0,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX issue_project ON issue(project);
                CREATE TABLE meeting (
                    id TEXT PRIMARY KEY NOT NULL,
                    date INTEGER NOT NULL,
                    time TEXT NOT NULL DEFAULT '',
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    chair TEXT NOT NULL DEFAULT '',
                    scope TEXT NOT NULL DEFAULT 'hq',
                    location TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX meeting_date ON meeting(date);
                CREATE TABLE change_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    key TEXT NOT NULL,
                    action TEXT NOT NULL,
                    before TEXT,
                    after TEXT
                );
                CREATE INDEX change_log_entity ON change_log(entity, key, id);
                CREATE TABLE store_info (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2 open issues by project") { db in
            // The board counts open issues per project without reading the issues.
            try db.execute(sql: "CREATE INDEX issue_project_status ON issue(project, status)")
        }
        migrator.registerMigration("v3 month figures") { db in
            try db.execute(sql: """
                CREATE TABLE month_figures (
                    project TEXT NOT NULL REFERENCES project(code) ON UPDATE CASCADE ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    figures BLOB NOT NULL,
                    PRIMARY KEY (project, year)
                ) WITHOUT ROWID
                """)
            for (key, figures) in try MonthFigures.rebuildAll(db) {
                try db.execute(sql: "INSERT INTO month_figures (project, year, figures) VALUES (?, ?, ?)",
                               arguments: [key.project, key.year, figures.blob])
            }
        }
        migrator.registerMigration("v4 undo") { db in
            // batch: the first change-log row of the write (undo takes back a whole write);
            // undoes: on the rows of an undo, the batch it took back.
            try db.execute(sql: """
                ALTER TABLE change_log ADD COLUMN batch INTEGER;
                ALTER TABLE change_log ADD COLUMN undoes INTEGER;
                CREATE INDEX change_log_actor ON change_log(actor, id);
                """)
        }
        migrator.registerMigration("v5 meeting series") { db in
            // A cadence's occurrences carry their series and the day the cadence put them on
            // (a moved one keeps it); a cancelled one stays, so the series is not expanded into
            // it again.
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN series TEXT NOT NULL DEFAULT '';
                ALTER TABLE meeting ADD COLUMN scheduled_on INTEGER;
                ALTER TABLE meeting ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX meeting_series ON meeting(series, scheduled_on);
                """)
        }
        migrator.registerMigration("v6 meeting decisions") { db in
            try db.execute(sql: """
                CREATE TABLE decision (
                    id TEXT PRIMARY KEY NOT NULL,
                    meeting TEXT NOT NULL,
                    item TEXT NOT NULL,
                    project TEXT NOT NULL DEFAULT '',
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL DEFAULT '',
                    unit TEXT NOT NULL DEFAULT '',
                    person TEXT NOT NULL DEFAULT '',
                    deadline INTEGER,
                    issue TEXT NOT NULL DEFAULT '',
                    recorded_on INTEGER NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX decision_meeting ON decision(meeting, id);
                """)
        }
        migrator.registerMigration("v7 quarterly awards") { db in
            // 羚羊奖/蜗牛奖: one proposal per sub-command, kind and quarter; the headquarters'
            // picks, up to three of each kind a quarter, in the order given.
            try db.execute(sql: """
                CREATE TABLE award_proposal (
                    quarter TEXT NOT NULL,
                    subcommand TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    project TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    by TEXT NOT NULL DEFAULT '',
                    recorded_on INTEGER NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (quarter, subcommand, kind)
                );
                CREATE TABLE award (
                    quarter TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    project TEXT NOT NULL,
                    place INTEGER NOT NULL,
                    by TEXT NOT NULL DEFAULT '',
                    recorded_on INTEGER NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (quarter, kind, project)
                );
                """)
        }
        migrator.registerMigration("v8 agenda numbers") { db in
            // Triage numbers a meeting's agenda once, when it starts (issue 15 §3): the items'
            // keys in order, one a line; empty until then.
            try db.execute(sql: "ALTER TABLE meeting ADD COLUMN agenda TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v9 issues referred between levels") { db in
            // Levels (issue 17 §5) live on PostgreSQL; a SQLite store has the columns so that
            // both engines' rows, exports and change logs stay the same, and leaves them empty.
            try db.execute(sql: """
                ALTER TABLE issue ADD COLUMN origin TEXT NOT NULL DEFAULT '';
                ALTER TABLE issue ADD COLUMN origin_project TEXT NOT NULL DEFAULT '';
                ALTER TABLE issue ADD COLUMN referred_to TEXT NOT NULL DEFAULT '';
                """)
        }
        return migrator
    }
}
