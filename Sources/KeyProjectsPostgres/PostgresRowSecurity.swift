/// Grants and row-level security: the server refuses what the roster forbids, even through psql
/// (issue 17 §3). It mirrors the app's `WritePermission` (Sources/KeyProjects/Access/) table by
/// table; docs/postgres-security.md states it for users and administrators.
///
/// Group roles per store, NOLOGIN, made by the migrations; `cmdroom roster sync`
/// (`PostgresRoster`) makes each roster account's login role a member of one of them:
///
/// | group                      | who             | may                                                      |
/// |----------------------------|-----------------|----------------------------------------------------------|
/// | `cmdroom_<schema>_reader`  | hq, wall, viewer | USAGE on the schema, SELECT on every table; nothing else |
/// | `cmdroom_<schema>_clerk`   | clerks          | the reader's, and its sub-commands' monthly rows, milestones, reminders, issues and award nominations |
/// | `cmdroom_<schema>_unit`    | units (承办单位) | the reader's, and the steps of the issues assigned to it |
/// | `cmdroom_<schema>_office`  | the office      | the reader's, and every entity table                     |
///
/// Who is in scope where: `account_scope(role_name, subcommand)` (a clerk's sub-commands) and
/// `account_unit(role_name, unit)` (a unit account's unit), both written by `roster sync` as the
/// owner and read by the policies for `session_user`.
///
/// - **Column grants** decide what may change at all: a clerk inserts whole rows but updates
///   only the non-key columns (never `project` of an issue, never a key), so a row cannot be
///   moved into or out of its sub-commands; a unit updates only an issue's step columns
///   (status, the step dates, the deadline and its reason, the note, the unit when it returns
///   the issue) and the version, never its project, description or supervision.
/// - **Policies** decide which rows: everyone who may select reads every row; the office writes
///   any row; a clerk inserts, updates and deletes only rows whose project (for a nomination:
///   whose sub-command, with a project of that sub-command) is in its scope; a unit updates
///   only issues assigned to its unit, keeping them its own or returning them to the office
///   (unit '' and status registered), and never clears one. Update policies see every row
///   (`USING (true)`) and check the new one (for a unit: also the row as it was, read by a
///   function), so an update of a row not one's own is an error (42501, "new row violates
///   row-level security policy"), not a silent `UPDATE 0`; a delete of another's row deletes
///   nothing.
/// - **Deletes** only where undo needs them: a clerk takes back its own insert (a month, a
///   milestone, a reminder, an issue, a nomination); the office deletes anything; a unit never
///   inserts, so it deletes nothing.
/// - `session_user`, not `current_user`: the checks run inside SECURITY DEFINER functions
///   (where current_user is the owner), and `SET ROLE` to a group role does not change who the
///   session is. `SET ROLE` to the owner or to another account is refused by the server (no
///   login role is a member of either).
/// - Nobody is granted anything on `change_log`, `month_figures`, `store_info`,
///   `account_scope`, `account_unit` or `schema_migrations` but SELECT: the triggers and
///   `roster sync` write them as the owner.
///
/// For the store's writes on this backend: an UPDATE must set only the columns that change
/// (and `version`), never the whole row as SQLite's `upsert` does — a unit's step, or a clerk's
/// issue step, that named `project` or `description` would be refused by the column grants.
public enum PostgresRowSecurity {
    /// Tables these statements make, beyond `PostgresTables.all`.
    public static let tables = ["account_unit"]

    /// The tables a clerk writes, each with its clerk's columns and the predicate (on the new
    /// row) that keeps it to the clerk's sub-commands.
    struct ClerkTable {
        var table: String
        /// Every column but the key and `version`: what a clerk may update.
        var updatable: [String]
        /// The check on a row (its new version for an insert or update, the old for a delete).
        var check: String
    }

    static func clerkTables(_ s: String) -> [ClerkTable] {
        let record = "\(s).may_record(project)"
        return [
            ClerkTable(table: "monthly", updatable: ["planned", "completed", "progress"], check: record),
            ClerkTable(table: "milestone", updatable: ["planned", "actual"], check: record),
            ClerkTable(table: "reminder", updatable: ["note"], check: record),
            // Every column but the key (id) and the project: an issue stays on its project.
            ClerkTable(table: "issue", updatable: issueColumns.filter { $0 != "id" && $0 != "project" && !referralColumns.contains($0) },
                       check: record),
            ClerkTable(table: "award_proposal", updatable: ["project", "reason", "\"by\"", "recorded_on"],
                       check: "\(s).may_propose(subcommand, project)"),
        ]
    }

    /// The issue table's columns (PostgresTables' order), version aside.
    public static let issueColumns = [
        "id", "project", "category", "kind", "level", "description", "status", "registered_on", "queued_on", "unit",
        "dispatched_on", "arranged_on", "feedback_on", "solved_on", "reopened_on", "cleared_on", "plan_submitted_on",
        "deadline", "deadline_reason", "listed", "supervision_solution", "supervision_unit", "supervision_leader",
        "supervision_person", "supervision_deadline", "grp", "note", "reopen_count", "origin", "origin_project", "referred_to",
    ]

    /// What only a referral between levels writes (`PostgresReferrals`), never a clerk.
    static let referralColumns: Set<String> = ["origin", "origin_project", "referred_to"]

    /// What a unit's steps change (arrange, feedback, resolve, return, plan, and the undo of
    /// one of them): IssueWorkflow's unit steps, nothing else.
    public static let unitStepColumns = [
        "status", "queued_on", "unit", "dispatched_on", "arranged_on", "feedback_on", "solved_on", "reopened_on",
        "plan_submitted_on", "deadline", "deadline_reason", "note",
    ]

    static func statements(_ n: PostgresMigrations.Names) -> [String] {
        let s = n.s
        let unit = PostgresNames.quoted(PostgresNames.unitRole(schema: n.schema))
        let entityTables = PostgresTables.entities.map { "\(s).\($0.table)" }.joined(separator: ", ")
        let literal = { (text: String) in PostgresNames.literal(text) }
        var out = [
            // A unit account's unit (one each), as account_scope holds a clerk's sub-commands.
            // Made before the readers' grant, which covers it.
            """
            CREATE TABLE \(s).account_unit (
                role_name text PRIMARY KEY,
                unit text NOT NULL CHECK (unit <> '')
            )
            """,
            "GRANT USAGE ON SCHEMA \(s) TO \(n.reader)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA \(s) TO \(n.reader)",
            "GRANT INSERT, UPDATE, DELETE ON \(entityTables) TO \(n.office)",
            // Whether the session's account clerks for the project's sub-command.
            """
            CREATE FUNCTION \(s).may_record(p text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                SELECT EXISTS (SELECT 1 FROM \(s).project AS pr
                               JOIN \(s).account_scope AS a ON a.subcommand = pr.subcommand
                               WHERE pr.code = p AND a.role_name = session_user)
            $$
            """,
            // A nomination: the session's account clerks for the sub-command, and the project is
            // one of that sub-command's (as the app's proposeAwards checks).
            """
            CREATE FUNCTION \(s).may_propose(sc text, p text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                SELECT EXISTS (SELECT 1 FROM \(s).account_scope AS a WHERE a.role_name = session_user AND a.subcommand = sc)
                   AND EXISTS (SELECT 1 FROM \(s).project AS pr WHERE pr.code = p AND pr.subcommand = sc)
            $$
            """,
            // A unit's step on issue `p_id`, whose new row has `new_unit` and `new_status`: the
            // issue as it was before this statement (a STABLE function reads the statement's
            // snapshot, without the row being written) is assigned to the session's unit, and
            // stays so (and not cleared, which is the office's or the clerk's confirmation), or
            // goes back to the office's queue (a return: no unit, registered).
            """
            CREATE FUNCTION \(s).may_work_issue(p_id text, new_unit text, new_status text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                SELECT EXISTS (SELECT 1 FROM \(s).account_unit AS a
                               JOIN \(s).issue AS i ON i.unit = a.unit
                               WHERE a.role_name = session_user AND i.id = p_id
                                 AND ((new_unit = a.unit AND new_status NOT IN ('registered', 'cleared'))
                                      OR (new_unit = '' AND new_status = 'registered')))
            $$
            """,
        ]
        for t in clerkTables(s) {
            let table = "\(s).\(t.table)"
            let check = t.check
            out += [
                "GRANT INSERT, DELETE ON \(table) TO \(n.clerk)",
                "GRANT UPDATE (\((t.updatable + ["version"]).joined(separator: ", "))) ON \(table) TO \(n.clerk)",
                "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY \(t.table)_read ON \(table) FOR SELECT USING (true)",
                "CREATE POLICY \(t.table)_office ON \(table) FOR ALL TO \(n.office) USING (true) WITH CHECK (true)",
                "CREATE POLICY \(t.table)_clerk_insert ON \(table) FOR INSERT TO \(n.clerk) WITH CHECK (\(check))",
                "CREATE POLICY \(t.table)_clerk_update ON \(table) FOR UPDATE TO \(n.clerk) USING (true) WITH CHECK (\(check))",
                "CREATE POLICY \(t.table)_clerk_delete ON \(table) FOR DELETE TO \(n.clerk) USING (\(check))",
            ]
        }
        out += [
            "GRANT UPDATE (\((unitStepColumns + ["version"]).joined(separator: ", "))) ON \(s).issue TO \(unit)",
            "CREATE POLICY issue_unit_update ON \(s).issue FOR UPDATE TO \(unit) USING (true) WITH CHECK (\(s).may_work_issue(id, unit, status))",
            "COMMENT ON TABLE \(s).account_scope IS \(literal("cmdroom: the sub-commands each clerk's login role writes for (cmdroom roster sync)"))",
            "COMMENT ON TABLE \(s).account_unit IS \(literal("cmdroom: the unit of each unit's login role (cmdroom roster sync)"))",
        ]
        return out
    }

    /// Statements that make `role` (a login role) a clerk of `subcommands` in the store:
    /// membership of the store's clerk role and its rows in `account_scope`, replacing what it
    /// had. Run by an administrator. `PostgresRoster` does this for a whole roster.
    public static func clerkGrants(schema: String, role: String, subcommands: [String]) -> [String] {
        let s = PostgresNames.quoted(schema)
        return [
            "GRANT \(PostgresNames.quoted(PostgresNames.clerkRole(schema: schema))) TO \(PostgresNames.quoted(role))",
            "DELETE FROM \(s).account_scope WHERE role_name = \(PostgresNames.literal(role))",
        ] + subcommands.map { "INSERT INTO \(s).account_scope (role_name, subcommand) VALUES (\(PostgresNames.literal(role)), \(PostgresNames.literal($0)))" }
    }

    /// Statements that make `role` (a login role) the account of `unit`: membership of the
    /// store's unit role and its row in `account_unit`.
    public static func unitGrants(schema: String, role: String, unit: String) -> [String] {
        let s = PostgresNames.quoted(schema)
        return [
            "GRANT \(PostgresNames.quoted(PostgresNames.unitRole(schema: schema))) TO \(PostgresNames.quoted(role))",
            """
            INSERT INTO \(s).account_unit (role_name, unit) VALUES (\(PostgresNames.literal(role)), \(PostgresNames.literal(unit)))
            ON CONFLICT (role_name) DO UPDATE SET unit = EXCLUDED.unit
            """,
        ]
    }

    /// A statement that makes `role` a member of the store's office (writes everything but the
    /// change log).
    public static func officeGrant(schema: String, role: String) -> String {
        "GRANT \(PostgresNames.quoted(PostgresNames.officeRole(schema: schema))) TO \(PostgresNames.quoted(role))"
    }

    /// A statement that makes `role` a reader of the store (hq, wall, viewer).
    public static func readerGrant(schema: String, role: String) -> String {
        "GRANT \(PostgresNames.quoted(PostgresNames.readerRole(schema: schema))) TO \(PostgresNames.quoted(role))"
    }
}
