/// The server's side of every write, in the write's own transaction, whoever makes it (the app,
/// or `psql` by hand):
///
/// - `a_version` (BEFORE, per row): a new row gets version 1 (or the one an undo names); an update that names a version
///   other than the row's is a stale edit and is refused (SQLSTATE CR409, with who changed the
///   row last and when); an update that changes nothing is skipped (no version, no log, as
///   SQLite's `unchanged`); any other update raises the version by one.
/// - `b_log` (AFTER, per row): a change-log row with the row before and after as JSON in
///   column order (`row_to_json`, as SQLite's `Cells.json`), the key as SQLite's log writes
///   it (`P1/2026-03`), the time of the transaction, and `session_user` as the actor: the
///   account the server authenticated, never a value the client sends. `batch` is the first
///   change-log row of the same transaction, kept by the server in a transaction-local setting.
/// - `c_month_figures` (AFTER, per row, monthly only): repacks the project-year's figures.
/// - `z_notify` (AFTER, per statement): `NOTIFY cmdroom_<schema>, '<table>'`; the server
///   delivers it at commit, once per table and transaction, and never for a rollback.
///
/// The functions are owned by `cmdroom_owner` and run as it (SECURITY DEFINER, with a fixed
/// search_path), so no account needs, or has, any right to the change log or the packed figures.
enum PostgresTriggers {
    static func statements(_ n: PostgresMigrations.Names) -> [String] {
        let s = n.s
        var out = [
            // The change-log key: key columns joined by "/", days and months in ISO form.
            """
            CREATE FUNCTION \(s).log_key(r jsonb, spec text[]) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
                SELECT coalesce(string_agg(
                    CASE WHEN v IS NULL THEN ''
                         WHEN kind = 'day' AND length(v) = 8 THEN substr(v, 1, 4) || '-' || substr(v, 5, 2) || '-' || substr(v, 7, 2)
                         WHEN kind = 'month' AND length(v) = 6 THEN substr(v, 1, 4) || '-' || substr(v, 5, 2)
                         ELSE v END, '/' ORDER BY n), '')
                FROM (SELECT r ->> split_part(k, ':', 1) AS v, split_part(k, ':', 2) AS kind, n
                      FROM unnest(spec) WITH ORDINALITY AS u(k, n)) AS parts
            $$
            """,
            """
            CREATE FUNCTION \(s).bump_version() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                row_key text;
                last_actor text;
                last_at text;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    -- A row put back by an undo keeps the version it names (above the one it
                    -- had), so an edit based on the row before it went is still stale.
                    NEW.version := greatest(coalesce(NEW.version, 1), 1);
                    RETURN NEW;
                END IF;
                IF NEW.version IS DISTINCT FROM OLD.version THEN
                    row_key := \(s).log_key(to_jsonb(OLD), TG_ARGV[1]::text[]);
                    SELECT actor, at INTO last_actor, last_at FROM \(s).change_log
                     WHERE entity = TG_ARGV[0] AND "key" = row_key ORDER BY id DESC LIMIT 1;
                    RAISE EXCEPTION USING
                        ERRCODE = '\(PostgresStoreError.staleEditState)',
                        MESSAGE = format('%s %s was changed by %s at %s after version %s was read',
                                         TG_ARGV[0], row_key, coalesce(last_actor, '?'), coalesce(last_at, '?'), NEW.version),
                        DETAIL = json_build_object('entity', TG_ARGV[0], 'key', row_key, 'by', coalesce(last_actor, '?'),
                                                   'at', coalesce(last_at, '?'), 'version', OLD.version)::text;
                END IF;
                IF NEW IS NOT DISTINCT FROM OLD THEN
                    RETURN NULL;
                END IF;
                NEW.version := OLD.version + 1;
                RETURN NEW;
            END
            $$
            """,
            """
            CREATE FUNCTION \(s).log_change() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                tx bigint := txid_current();
                row_key text;
                first_id bigint;
                new_id bigint;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    row_key := \(s).log_key(to_jsonb(OLD), TG_ARGV[1]::text[]);
                ELSE
                    row_key := \(s).log_key(to_jsonb(NEW), TG_ARGV[1]::text[]);
                END IF;
                -- The transaction's first change-log row, kept in a transaction-local setting
                -- rather than looked up (a lookup by xact made concurrent writers conflict under
                -- SERIALIZABLE); a value a client set by hand is taken only if it is this
                -- transaction's own row.
                first_id := nullif(current_setting('cmdroom.batch', true), '')::bigint;
                IF first_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \(s).change_log WHERE id = first_id AND xact = tx) THEN
                    first_id := NULL;
                END IF;
                new_id := nextval(pg_get_serial_sequence('\(s.replacingOccurrences(of: "'", with: "''")).change_log', 'id'));
                IF first_id IS NULL THEN
                    PERFORM set_config('cmdroom.batch', new_id::text, true);
                END IF;
                INSERT INTO \(s).change_log (id, at, actor, entity, "key", action, before, after, batch, undoes, xact)
                VALUES (new_id, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), session_user, TG_ARGV[0], row_key,
                        lower(TG_OP),
                        CASE WHEN TG_OP <> 'INSERT' THEN row_to_json(OLD)::text END,
                        CASE WHEN TG_OP <> 'DELETE' THEN row_to_json(NEW)::text END,
                        coalesce(first_id, new_id), nullif(current_setting('cmdroom.undoes', true), '')::bigint, tx);
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE FUNCTION \(s).notify_change() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
                RETURN NULL;
            END
            $$
            """,
            // A project-year's figures as packed (NULL when it has no monthly record): one
            // definition for the trigger that keeps them and for `check`, which compares.
            """
            CREATE FUNCTION \(s).month_figures_of(p text, y integer) RETURNS bytea
            LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
                SELECT CASE WHEN count(m.month) = 0 THEN NULL
                            ELSE string_agg(int8send(coalesce(m.planned, -1)) || int8send(coalesce(m.completed, -1)), ''::bytea ORDER BY g.mo) END
                  FROM generate_series(1, 12) AS g(mo)
                  LEFT JOIN \(s).monthly AS m ON m.project = p AND m.month = y * 100 + g.mo
            $$
            """,
            """
            CREATE FUNCTION \(s).pack_month_figures(p text, y integer) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                packed bytea := \(s).month_figures_of(p, y);
            BEGIN
                IF packed IS NULL THEN
                    DELETE FROM \(s).month_figures WHERE project = p AND year = y;
                ELSE
                    INSERT INTO \(s).month_figures (project, year, figures) VALUES (p, y, packed)
                    ON CONFLICT (project, year) DO UPDATE SET figures = EXCLUDED.figures;
                END IF;
            END
            $$
            """,
            "REVOKE EXECUTE ON FUNCTION \(s).pack_month_figures(text, integer) FROM PUBLIC",
            """
            CREATE FUNCTION \(s).refresh_month_figures() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    PERFORM \(s).pack_month_figures(OLD.project, OLD.month / 100);
                END IF;
                IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.project, NEW.month / 100) IS DISTINCT FROM (OLD.project, OLD.month / 100)) THEN
                    PERFORM \(s).pack_month_figures(NEW.project, NEW.month / 100);
                END IF;
                RETURN NULL;
            END
            $$
            """,
        ]
        for e in PostgresTables.entities {
            let t = "\(s).\(e.table)"
            let spec = PostgresNames.literal("{" + e.key.map(\.spec).joined(separator: ",") + "}")
            let entity = PostgresNames.literal(e.entity)
            out += [
                "CREATE TRIGGER a_version BEFORE INSERT OR UPDATE ON \(t) FOR EACH ROW EXECUTE FUNCTION \(s).bump_version(\(entity), \(spec))",
                "CREATE TRIGGER b_log AFTER INSERT OR UPDATE OR DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION \(s).log_change(\(entity), \(spec))",
                "CREATE TRIGGER z_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(t) FOR EACH STATEMENT EXECUTE FUNCTION \(s).notify_change(\(PostgresNames.literal(n.channel)))",
            ]
        }
        out.append("CREATE TRIGGER c_month_figures AFTER INSERT OR UPDATE OR DELETE ON \(s).monthly FOR EACH ROW EXECUTE FUNCTION \(s).refresh_month_figures()")
        return out
    }
}
