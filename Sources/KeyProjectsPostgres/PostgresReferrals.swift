/// Issues escalated between levels in one database (issue 17 §5). When a county's office
/// escalates an issue past the county's own level, the same transaction calls the city's
/// `refer_issue`, which
///
/// - checks that the county names this store its parent, that the county's issue is waiting
///   for dispatch (as an escalation leaves it) and not referred already, and that the
///   session's account may escalate it there: the county's office, or a clerk of the issue's
///   project's sub-command (as the roster lets them);
/// - takes this store's writers' advisory lock (as `PostgresStore.write` does), gives the issue
///   the next free id of its year here (Q2026-0042), with no project of this store's
///   (`project` NULL, `origin` `xiangfen/Q2026-0012`, `origin_project` the project's name there);
/// - marks the county's issue `referred_to` `linfen/Q2026-0042`, so its clock stops there.
///
/// Afterwards the city works the issue as any of its own; each change of its status or
/// clearing day is mirrored onto the county's issue (`y_report_to_origin`), only onto the
/// issue that names this one as where it went. Every row either store writes goes through its
/// own triggers: versioned, logged with `session_user` as the actor, notified to its own
/// listeners at commit. The functions run as `cmdroom_owner`; `cmdroom migrate --parent`
/// grants the lower store's office and clerks the right to call `refer_issue`, nobody else.
///
/// The change log's batch and undo settings (`cmdroom.batch`, `cmdroom.undoes`) are per
/// transaction, not per schema: each function clears them while it writes the other store
/// and puts them back after, so each store's log keeps its own batches.
enum PostgresReferrals {
    static func statements(_ n: PostgresMigrations.Names) -> [String] {
        let s = n.s
        let me = PostgresNames.literal(n.schema)
        return [
            """
            CREATE FUNCTION \(s).refer_issue(lower_schema text, lower_id text) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                lower_parent text;
                i record;
                project_name text;
                prefix text;
                next_number integer;
                new_id text;
                saved_batch text := coalesce(current_setting('cmdroom.batch', true), '');
                saved_undoes text := coalesce(current_setting('cmdroom.undoes', true), '');
                may boolean := false;
            BEGIN
                IF to_regclass(format('%I.store_info', lower_schema)) IS NULL THEN
                    RAISE EXCEPTION USING ERRCODE = '3F000', MESSAGE = format('no store %s', lower_schema);
                END IF;
                EXECUTE format('SELECT value FROM %I.store_info WHERE "key" = %L', lower_schema, 'parent') INTO lower_parent;
                IF lower_parent IS DISTINCT FROM \(me) THEN
                    RAISE EXCEPTION USING ERRCODE = '42501',
                        MESSAGE = format('store %s does not report to store %s', lower_schema, \(me));
                END IF;
                EXECUTE format('SELECT * FROM %I.issue WHERE id = $1 FOR UPDATE', lower_schema) INTO i USING lower_id;
                IF i.id IS NULL OR i.status <> 'registered' OR i.referred_to <> '' THEN
                    RAISE EXCEPTION USING ERRCODE = '22023',
                        MESSAGE = format('issue %s of store %s is not waiting to be referred', lower_id, lower_schema);
                END IF;
                -- Whoever may escalate it there: its office, or a clerk of its project's sub-command.
                IF pg_has_role(session_user, 'cmdroom_' || lower_schema || '_office', 'USAGE') THEN
                    may := true;
                ELSIF i.project IS NOT NULL AND pg_has_role(session_user, 'cmdroom_' || lower_schema || '_clerk', 'USAGE') THEN
                    EXECUTE format('SELECT %I.may_record($1)', lower_schema) INTO may USING i.project;
                END IF;
                IF NOT coalesce(may, false) THEN
                    RAISE EXCEPTION USING ERRCODE = '42501',
                        MESSAGE = format('%s may not refer issue %s of store %s', session_user, lower_id, lower_schema);
                END IF;
                IF i.project IS NOT NULL THEN
                    EXECUTE format('SELECT name FROM %I.project WHERE code = $1', lower_schema) INTO project_name USING i.project;
                ELSE
                    project_name := i.origin_project;
                END IF;

                PERFORM pg_advisory_xact_lock(hashtext('cmdroom writers ' || \(me)));
                prefix := 'Q' || (i.queued_on / 10000)::text || '-';
                SELECT coalesce(max(substr(id, length(prefix) + 1)::integer), 0) + 1 INTO next_number
                  FROM \(s).issue WHERE id LIKE prefix || '%' AND substr(id, length(prefix) + 1) ~ '^[0-9]{1,9}$';
                new_id := prefix || CASE WHEN next_number < 10000 THEN lpad(next_number::text, 4, '0') ELSE next_number::text END;

                PERFORM set_config('cmdroom.batch', '', true);
                PERFORM set_config('cmdroom.undoes', '', true);
                INSERT INTO \(s).issue (id, project, category, kind, level, description, status, registered_on, queued_on,
                                        note, origin, origin_project)
                VALUES (new_id, NULL, i.category, i.kind, i.level, i.description, 'registered', i.queued_on, i.queued_on,
                        i.note, lower_schema || '/' || lower_id, coalesce(project_name, ''));
                PERFORM set_config('cmdroom.batch', saved_batch, true);
                PERFORM set_config('cmdroom.undoes', saved_undoes, true);

                EXECUTE format('UPDATE %I.issue SET referred_to = $1 WHERE id = $2', lower_schema)
                    USING \(me) || '/' || new_id, lower_id;
                RETURN new_id;
            END
            $$
            """,
            "REVOKE EXECUTE ON FUNCTION \(s).refer_issue(text, text) FROM PUBLIC",
            """
            CREATE FUNCTION \(s).report_to_origin() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                lower_schema text := split_part(NEW.origin, '/', 1);
                lower_id text := substr(NEW.origin, length(split_part(NEW.origin, '/', 1)) + 2);
                saved_batch text := coalesce(current_setting('cmdroom.batch', true), '');
                saved_undoes text := coalesce(current_setting('cmdroom.undoes', true), '');
            BEGIN
                IF (NEW.status, NEW.cleared_on) IS NOT DISTINCT FROM (OLD.status, OLD.cleared_on)
                   OR to_regclass(format('%I.issue', lower_schema)) IS NULL THEN
                    RETURN NULL;
                END IF;
                PERFORM set_config('cmdroom.batch', '', true);
                PERFORM set_config('cmdroom.undoes', '', true);
                EXECUTE format('UPDATE %I.issue SET status = $1, cleared_on = $2 WHERE id = $3 AND referred_to = $4', lower_schema)
                    USING NEW.status, NEW.cleared_on, lower_id, \(me) || '/' || NEW.id;
                PERFORM set_config('cmdroom.batch', saved_batch, true);
                PERFORM set_config('cmdroom.undoes', saved_undoes, true);
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER y_report_to_origin AFTER UPDATE ON \(s).issue
            FOR EACH ROW WHEN (NEW.origin <> '') EXECUTE FUNCTION \(s).report_to_origin()
            """,
        ]
    }

    /// What `cmdroom migrate --parent` grants: those who may escalate an issue in the lower
    /// store (its office, its clerks for their sub-commands' issues) may call the parent's
    /// `refer_issue`, and so look the function up in the parent's schema; the function checks
    /// which issue.
    static func grants(lower: String, parent: String) -> [String] {
        let p = PostgresNames.quoted(parent)
        return [PostgresNames.officeRole(schema: lower), PostgresNames.clerkRole(schema: lower)].flatMap { role in
            let r = PostgresNames.quoted(role)
            return ["GRANT USAGE ON SCHEMA \(p) TO \(r)", "GRANT EXECUTE ON FUNCTION \(p).refer_issue(text, text) TO \(r)"]
        }
    }
}
