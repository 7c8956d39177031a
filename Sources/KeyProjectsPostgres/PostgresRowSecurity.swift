/// Grants and row-level security: the server refuses what the roster forbids, even through psql
/// (issue 17 §3). The pattern, written out here for the monthly ledger (`monthly`):
///
/// - Group roles per store, NOLOGIN: `cmdroom_<schema>_reader` (USAGE on the schema, SELECT on
///   every table: hq, wall, viewer), `cmdroom_<schema>_clerk` and `cmdroom_<schema>_office`
///   (members of the reader). A login role per account is made a member of one of them by
///   `cmdroom roster sync` (to come; `clerkGrants` below is its groundwork).
/// - Column grants: a clerk may insert a monthly row, update only its figures (planned,
///   completed, progress) and the version it based the edit on, and delete (undo of its own
///   insert); never the key columns, so a row cannot be moved into the clerk's project.
/// - Policies on `monthly`: everyone who may select reads every row; the office writes any
///   row; a clerk inserts, updates and deletes only rows whose project belongs to one of its
///   sub-commands, as `account_scope(role_name, subcommand)` says for `session_user`. The
///   update policy sees every row (`USING (true)`) and checks the new one, so an update of
///   another sub-command's row is an error (42501, "new row violates row-level security
///   policy"), not a silent "UPDATE 0".
/// - `session_user`, not `current_user`: the check runs inside a SECURITY DEFINER function
///   (where current_user is the owner), and `SET ROLE` to a group role does not change who the
///   session is. `SET ROLE cmdroom_owner` is refused to everyone but its members (none log in).
/// - Nobody is granted anything on `change_log`, `month_figures`, `account_scope` or
///   `store_info` but SELECT: the triggers write them as the owner.
///
/// Milestones, reminders, issues (a unit's steps) and nominations take the same pattern with
/// their own columns when the writes move to this backend; until then only the office writes them.
public enum PostgresRowSecurity {
    static func statements(_ n: PostgresMigrations.Names) -> [String] {
        let s = n.s
        let entityTables = PostgresTables.entities.map { "\(s).\($0.table)" }.joined(separator: ", ")
        return [
            "GRANT USAGE ON SCHEMA \(s) TO \(n.reader)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA \(s) TO \(n.reader)",
            "GRANT INSERT, UPDATE, DELETE ON \(entityTables) TO \(n.office)",
            "GRANT INSERT (project, month, planned, completed, progress), UPDATE (planned, completed, progress, version), DELETE ON \(s).monthly TO \(n.clerk)",
            """
            CREATE FUNCTION \(s).may_record(p text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                SELECT EXISTS (SELECT 1 FROM \(s).project AS pr
                               JOIN \(s).account_scope AS a ON a.subcommand = pr.subcommand
                               WHERE pr.code = p AND a.role_name = session_user)
            $$
            """,
            "ALTER TABLE \(s).monthly ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY monthly_read ON \(s).monthly FOR SELECT USING (true)",
            "CREATE POLICY monthly_office ON \(s).monthly FOR ALL TO \(n.office) USING (true) WITH CHECK (true)",
            "CREATE POLICY monthly_clerk_insert ON \(s).monthly FOR INSERT TO \(n.clerk) WITH CHECK (\(s).may_record(project))",
            "CREATE POLICY monthly_clerk_update ON \(s).monthly FOR UPDATE TO \(n.clerk) USING (true) WITH CHECK (\(s).may_record(project))",
            "CREATE POLICY monthly_clerk_delete ON \(s).monthly FOR DELETE TO \(n.clerk) USING (\(s).may_record(project))",
        ]
    }

    /// Statements that make `role` (a login role) a clerk of `subcommands` in the store:
    /// membership of the store's clerk role and its rows in `account_scope`, replacing what it
    /// had. Run by an administrator. Groundwork for `cmdroom roster sync`.
    public static func clerkGrants(schema: String, role: String, subcommands: [String]) -> [String] {
        let s = PostgresNames.quoted(schema)
        return [
            "GRANT \(PostgresNames.quoted(PostgresNames.clerkRole(schema: schema))) TO \(PostgresNames.quoted(role))",
            "DELETE FROM \(s).account_scope WHERE role_name = \(PostgresNames.literal(role))",
        ] + subcommands.map { "INSERT INTO \(s).account_scope (role_name, subcommand) VALUES (\(PostgresNames.literal(role)), \(PostgresNames.literal($0)))" }
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
