import Foundation
import KeyProjects
import KeyProjectsPostgres
import Testing

/// Issue 17 §3 and §7: every role × every write, through `psql` logged in as that role (the app
/// bypassed), against what the roster allows (`WritePermission`). The accounts get their rights
/// from `PostgresRoster.sync`, as a headquarters' do; each logs in with a SCRAM password (the
/// test cluster's roles have no OS account; PostgresPeerAccountsTests does it with two).
///
/// Each write runs in its own transaction, rolled back, so every write starts from the same
/// fixture. A write the roster allows must succeed and touch a row; one it forbids must fail
/// with SQLSTATE 42501 (a missing grant, or "new row violates row-level security policy"); a
/// clerk's DELETE of another sub-command's row deletes nothing (the policy hides the row).
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresRoleMatrixTests {
    /// The accounts: one per roster role, and one with a login role but not on the roster.
    enum Account: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case office, hq, clerk, unit, wall, viewer, stranger
        var testDescription: String { rawValue }

        /// Its roster entry (the clerk's sub-command is law; the unit is 市能源局).
        func entry(_ login: String) -> RosterEntry? {
            switch self {
            case .office: return RosterEntry(account: login, role: .office)
            case .hq: return RosterEntry(account: login, role: .hq)
            case .clerk: return RosterEntry(account: login, role: .clerk(subcommands: ["law"]))
            case .unit: return RosterEntry(account: login, role: .unit(name: "市能源局"))
            case .wall: return RosterEntry(account: login, role: .wall)
            case .viewer: return RosterEntry(account: login, role: .viewer)
            case .stranger: return nil
            }
        }
    }

    enum Outcome: String, Sendable, CustomStringConvertible {
        /// Succeeded, and touched a row.
        case allowed
        /// SQLSTATE 42501.
        case refused
        /// Succeeded and touched nothing.
        case untouched
        var description: String { rawValue }
    }

    /// One write, and the accounts it is allowed to (the rest are refused).
    struct Write: Sendable {
        var name: String
        var sql: String
        var allowed: Set<Account>
        var untouched: Set<Account> = []

        func expected(_ account: Account) -> Outcome {
            allowed.contains(account) ? .allowed : untouched.contains(account) ? .untouched : .refused
        }
    }

    static let readers: Set<Account> = [.office, .hq, .clerk, .unit, .wall, .viewer]

    /// The writes. The fixture: P-LAW (sub-command law) and P-ENERGY (energy), a month, a
    /// milestone and a reminder each; issues Q-LAW-1 (P-LAW, assigned to 市能源局), Q-LAW-2
    /// (P-LAW, 市自然资源局), Q-ENERGY-1 (P-ENERGY, 市能源局), Q-ENERGY-2 (P-ENERGY, not yet
    /// dispatched); a meeting, a decision, each sub-command's 2026Q1 羚羊奖 nomination and its pick.
    static func writes(victim: String) -> [Write] {
        [
            // Reading.
            Write(name: "read the monthly ledger", sql: "SELECT count(*) FROM monthly", allowed: readers),
            Write(name: "read the change log", sql: "SELECT count(*) FROM change_log", allowed: readers),

            // The monthly ledger (WriteAction.recordProgress).
            Write(name: "monthly: update its sub-command's row", sql: "UPDATE monthly SET completed = 650000 WHERE project = 'P-LAW' AND month = 202603",
                  allowed: [.office, .clerk]),
            Write(name: "monthly: update another sub-command's row", sql: "UPDATE monthly SET completed = 1 WHERE project = 'P-ENERGY' AND month = 202603",
                  allowed: [.office]),
            Write(name: "monthly: insert a month of its sub-command", sql: "INSERT INTO monthly (project, month, completed) VALUES ('P-LAW', 202604, 10)",
                  allowed: [.office, .clerk]),
            Write(name: "monthly: insert a month of another sub-command", sql: "INSERT INTO monthly (project, month, completed) VALUES ('P-ENERGY', 202604, 10)",
                  allowed: [.office]),
            Write(name: "monthly: move another's row into its project", sql: "UPDATE monthly SET project = 'P-LAW', month = 202612 WHERE project = 'P-ENERGY'",
                  allowed: [.office]),
            Write(name: "monthly: delete its sub-command's row (undo of an insert)", sql: "DELETE FROM monthly WHERE project = 'P-LAW'",
                  allowed: [.office, .clerk]),
            Write(name: "monthly: delete another sub-command's row", sql: "DELETE FROM monthly WHERE project = 'P-ENERGY'",
                  allowed: [.office], untouched: [.clerk]),
            Write(name: "monthly: truncate", sql: "TRUNCATE monthly", allowed: []),

            // Milestones (recordProgress).
            Write(name: "milestone: update its sub-command's", sql: "UPDATE milestone SET actual = 20260315 WHERE project = 'P-LAW' AND kind = 'start'",
                  allowed: [.office, .clerk]),
            Write(name: "milestone: update another sub-command's", sql: "UPDATE milestone SET actual = 20260315 WHERE project = 'P-ENERGY' AND kind = 'start'",
                  allowed: [.office]),
            Write(name: "milestone: insert for its sub-command", sql: "INSERT INTO milestone (project, kind, planned) VALUES ('P-LAW', 'completion', 20271231)",
                  allowed: [.office, .clerk]),
            Write(name: "milestone: insert for another sub-command", sql: "INSERT INTO milestone (project, kind, planned) VALUES ('P-ENERGY', 'completion', 20271231)",
                  allowed: [.office]),

            // Reminders (remind).
            Write(name: "reminder: insert on its sub-command's project", sql: "INSERT INTO reminder (project, \"date\", \"by\") VALUES ('P-LAW', 20260320, '张敏')",
                  allowed: [.office, .clerk]),
            Write(name: "reminder: insert on another's project", sql: "INSERT INTO reminder (project, \"date\", \"by\") VALUES ('P-ENERGY', 20260320, '张敏')",
                  allowed: [.office]),
            Write(name: "reminder: update its sub-command's", sql: "UPDATE reminder SET note = '再催' WHERE project = 'P-LAW'",
                  allowed: [.office, .clerk]),

            // Issues registered and worked (registerIssue, workIssue).
            Write(name: "issue: register on its sub-command's project", sql: """
                INSERT INTO issue (id, project, category, kind, level, description, status, registered_on, queued_on)
                VALUES ('Q-LAW-9', 'P-LAW', 'land', 'general', 'city', '用地指标', 'registered', 20260310, 20260310)
                """, allowed: [.office, .clerk]),
            Write(name: "issue: register on another's project", sql: """
                INSERT INTO issue (id, project, category, kind, level, description, status, registered_on, queued_on)
                VALUES ('Q-ENERGY-9', 'P-ENERGY', 'land', 'general', 'city', '用地指标', 'registered', 20260310, 20260310)
                """, allowed: [.office]),
            Write(name: "issue: list its sub-command's for supervision", sql: "UPDATE issue SET listed = 1, supervision_unit = '市能源局' WHERE id = 'Q-LAW-1'",
                  allowed: [.office, .clerk]),
            Write(name: "issue: list another's for supervision", sql: "UPDATE issue SET listed = 1, supervision_unit = '市能源局' WHERE id = 'Q-ENERGY-1'",
                  allowed: [.office]),
            Write(name: "issue: dispatch another's", sql: "UPDATE issue SET status = 'dispatched', unit = '市能源局', dispatched_on = 20260311 WHERE id = 'Q-ENERGY-2'",
                  allowed: [.office]),
            Write(name: "issue: move another's onto its project", sql: "UPDATE issue SET project = 'P-LAW' WHERE id = 'Q-ENERGY-2'",
                  allowed: [.office]),
            Write(name: "issue: delete its sub-command's (undo of a registration)", sql: "DELETE FROM issue WHERE id = 'Q-LAW-2'",
                  allowed: [.office, .clerk]),
            Write(name: "issue: delete another's", sql: "DELETE FROM issue WHERE id = 'Q-ENERGY-2'",
                  allowed: [.office], untouched: [.clerk]),

            // A unit's steps (workIssue, isUnitStep).
            Write(name: "issue step: arrange one assigned to 市能源局 (law)", sql: "UPDATE issue SET status = 'arranged', arranged_on = 20260305 WHERE id = 'Q-LAW-1'",
                  allowed: [.office, .clerk, .unit]),
            Write(name: "issue step: arrange one assigned to another unit", sql: "UPDATE issue SET status = 'arranged', arranged_on = 20260305 WHERE id = 'Q-LAW-2'",
                  allowed: [.office, .clerk]),
            Write(name: "issue step: feed back on one assigned to 市能源局 (energy)", sql: "UPDATE issue SET status = 'fed-back', feedback_on = 20260306, note = '已协调' WHERE id = 'Q-ENERGY-1'",
                  allowed: [.office, .unit]),
            Write(name: "issue step: return one assigned to 市能源局 to the office", sql: """
                UPDATE issue SET status = 'registered', unit = '', dispatched_on = NULL, queued_on = 20260306, note = '不属本单位职责' WHERE id = 'Q-LAW-1'
                """, allowed: [.office, .clerk, .unit]),
            // The row as it was decides too: another unit's issue cannot be taken, nor returned.
            Write(name: "issue step: take another unit's issue", sql: "UPDATE issue SET unit = '市能源局' WHERE id = 'Q-LAW-2'",
                  allowed: [.office, .clerk]),
            Write(name: "issue step: return another unit's issue to the office", sql: """
                UPDATE issue SET status = 'registered', unit = '', dispatched_on = NULL, queued_on = 20260306, note = '退回' WHERE id = 'Q-LAW-2'
                """, allowed: [.office, .clerk]),
            Write(name: "issue step: hand one assigned to 市能源局 to another unit", sql: "UPDATE issue SET unit = '市自然资源局' WHERE id = 'Q-LAW-1'",
                  allowed: [.office, .clerk]),
            Write(name: "issue step: clear one assigned to 市能源局", sql: "UPDATE issue SET status = 'cleared' WHERE id = 'Q-LAW-1'",
                  allowed: [.office, .clerk]),
            Write(name: "issue: change the description of one assigned to 市能源局", sql: "UPDATE issue SET description = '改写' WHERE id = 'Q-LAW-1'",
                  allowed: [.office, .clerk]),
            Write(name: "issue: note on every issue at once", sql: "UPDATE issue SET note = '全部'",
                  allowed: [.office]),
            Write(name: "issue: delete one assigned to 市能源局", sql: "DELETE FROM issue WHERE id = 'Q-ENERGY-1'",
                  allowed: [.office], untouched: [.clerk]),

            // Meetings and decisions (editMeetings).
            Write(name: "meeting: insert", sql: "INSERT INTO meeting (id, \"date\", kind, title) VALUES ('M-9', 20260401, 'office-dispatch', '调度会')",
                  allowed: [.office]),
            Write(name: "meeting: update", sql: "UPDATE meeting SET location = '三楼会议室' WHERE id = 'M-1'", allowed: [.office]),
            Write(name: "decision: insert", sql: """
                INSERT INTO decision (id, meeting, item, kind, recorded_on) VALUES ('D-9', 'M-1', '1', 'task', 20260310)
                """, allowed: [.office]),

            // Award nominations (proposeAward) and picks (pickAwards).
            Write(name: "award_proposal: nominate for its sub-command", sql: """
                INSERT INTO award_proposal (quarter, subcommand, kind, project, recorded_on) VALUES ('2026Q2', 'law', 'antelope', 'P-LAW', 20260701)
                """, allowed: [.office, .clerk]),
            Write(name: "award_proposal: nominate for another sub-command", sql: """
                INSERT INTO award_proposal (quarter, subcommand, kind, project, recorded_on) VALUES ('2026Q2', 'energy', 'antelope', 'P-ENERGY', 20260701)
                """, allowed: [.office]),
            Write(name: "award_proposal: nominate another's project for its sub-command", sql: """
                INSERT INTO award_proposal (quarter, subcommand, kind, project, recorded_on) VALUES ('2026Q2', 'law', 'snail', 'P-ENERGY', 20260701)
                """, allowed: [.office]),
            Write(name: "award_proposal: change its sub-command's reason", sql: "UPDATE award_proposal SET reason = '进度最快' WHERE subcommand = 'law'",
                  allowed: [.office, .clerk]),
            Write(name: "award_proposal: change another's", sql: "UPDATE award_proposal SET reason = '进度最快' WHERE subcommand = 'energy'",
                  allowed: [.office]),
            Write(name: "award: pick", sql: "INSERT INTO award (quarter, kind, project, place, recorded_on) VALUES ('2026Q1', 'antelope', 'P-ENERGY', 2, 20260410)",
                  allowed: [.office]),
            Write(name: "award: delete a pick", sql: "DELETE FROM award", allowed: [.office]),

            // The project ledger (editProjects).
            Write(name: "project: update", sql: "UPDATE project SET annual_plan = 1 WHERE code = 'P-LAW'", allowed: [.office]),
            Write(name: "project: move another's into its sub-command", sql: "UPDATE project SET subcommand = 'law' WHERE code = 'P-ENERGY'", allowed: [.office]),
            Write(name: "project: insert", sql: """
                INSERT INTO project (code, name, level, subcommand, locality, nature, stage, total_investment, annual_plan)
                VALUES ('P-NEW', '新项目', 'city', 'law', '尧都区', 'new', 'preparation', 1, 1)
                """, allowed: [.office]),

            // What only the owner writes: nobody, the office included.
            Write(name: "change_log: insert a forged row", sql: """
                INSERT INTO change_log (at, actor, entity, "key", action) VALUES ('2026-01-01T00:00:00Z', 'someone', 'monthly', 'P-LAW/2026-03', 'update')
                """, allowed: []),
            Write(name: "change_log: rewrite the actor", sql: "UPDATE change_log SET actor = 'someone'", allowed: []),
            Write(name: "change_log: delete", sql: "DELETE FROM change_log", allowed: []),
            Write(name: "month_figures: update", sql: "UPDATE month_figures SET figures = figures", allowed: []),
            Write(name: "account_scope: widen its own scope", sql: "INSERT INTO account_scope (role_name, subcommand) VALUES (session_user, 'energy')",
                  allowed: []),
            Write(name: "account_unit: change a unit", sql: "UPDATE account_unit SET unit = '市自然资源局'", allowed: []),
            Write(name: "store_info: update", sql: "UPDATE store_info SET value = '0'", allowed: []),
            Write(name: "schema_migrations: delete", sql: "DELETE FROM schema_migrations", allowed: []),

            // Becoming someone else.
            Write(name: "SET ROLE cmdroom_owner", sql: "SET ROLE \(PostgresNames.owner)", allowed: []),
            Write(name: "SET ROLE to another account", sql: "SET ROLE \(PostgresNames.quoted(victim))", allowed: []),
            Write(name: "SET SESSION AUTHORIZATION cmdroom_owner", sql: "SET SESSION AUTHORIZATION \(PostgresNames.owner)", allowed: []),
        ]
    }

    /// The fixture beyond TestStore's two projects and their months.
    static func seed(_ store: TestStore) throws {
        try store.seedTwoProjects()
        try store.admin.execute([
            "INSERT INTO \(store.t("milestone")) (project, kind, planned) VALUES ('P-LAW', 'start', 20260301), ('P-ENERGY', 'start', 20260301)",
            "INSERT INTO \(store.t("reminder")) (project, \"date\", \"by\") VALUES ('P-LAW', 20260310, '办公室'), ('P-ENERGY', 20260310, '办公室')",
            """
            INSERT INTO \(store.t("issue")) (id, project, category, kind, level, description, status, registered_on, queued_on, unit, dispatched_on)
            VALUES ('Q-LAW-1', 'P-LAW', 'energy', 'general', 'city', '用电指标', 'dispatched', 20260301, 20260301, '市能源局', 20260302),
                   ('Q-LAW-2', 'P-LAW', 'land', 'general', 'city', '用地指标', 'dispatched', 20260301, 20260301, '市自然资源局', 20260302),
                   ('Q-ENERGY-1', 'P-ENERGY', 'energy', 'general', 'city', '用能指标', 'dispatched', 20260301, 20260301, '市能源局', 20260302),
                   ('Q-ENERGY-2', 'P-ENERGY', 'approval', 'general', 'city', '施工许可', 'registered', 20260301, 20260301, '', NULL)
            """,
            "INSERT INTO \(store.t("meeting")) (id, \"date\", kind, title) VALUES ('M-1', 20260310, 'office-dispatch', '办公室调度会')",
            "INSERT INTO \(store.t("decision")) (id, meeting, item, kind, recorded_on) VALUES ('D-1', 'M-1', '1', 'task', 20260310)",
            """
            INSERT INTO \(store.t("award_proposal")) (quarter, subcommand, kind, project, recorded_on)
            VALUES ('2026Q1', 'law', 'antelope', 'P-LAW', 20260401), ('2026Q1', 'energy', 'antelope', 'P-ENERGY', 20260401)
            """,
            "INSERT INTO \(store.t("award")) (quarter, kind, project, place, recorded_on) VALUES ('2026Q1', 'antelope', 'P-LAW', 1, 20260410)",
        ])
    }

    @Test(arguments: Account.allCases)
    func everyWriteAsTheRosterSays(_ account: Account) async throws {
        try await TestStore.with { store in
            try Self.seed(store)
            let login = try store.makeLogin(account.rawValue)
            let victim = try store.makeLogin("victim")
            // Rights as a headquarters gets them: from the roster, by roster sync.
            let roster = Roster(entries: account.entry(login.name).map { [$0] } ?? [])
            let plan = try PostgresRoster.sync(roster, bridge: store.admin)
            #expect(plan.summary.problems.isEmpty && plan.summary.created.isEmpty)
            #expect(plan.summary.granted.count == (account == .stranger ? 0 : 1))

            for write in Self.writes(victim: victim.name) {
                let result = try PsqlRun.attempt(store, as: login, write.sql)
                // An account with no rights in the store cannot even see its schema: psql's
                // search_path skips it and the table is not found (42P01); named in full, the
                // schema is refused (below).
                let outcome = account == .stranger && result.sqlState == "42P01" ? .refused : result.outcome
                #expect(outcome == write.expected(account),
                        "\(account) — \(write.name): expected \(write.expected(account)), got \(outcome.map(\.description) ?? "an error"): \(result.detail)")
            }
            if account == .stranger {
                let named = try PsqlRun.attempt(store, as: login, "UPDATE \(store.t("monthly")) SET completed = 1")
                #expect(named.outcome == .refused && named.detail.contains("permission denied for schema"), "\(named.detail)")
            }
            // Everything was rolled back: the fixture is as it was.
            #expect(try store.ints("SELECT completed FROM \(store.t("monthly")) ORDER BY project") == [700000, 500000])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE actor = '\(login.name)'") == [0])
        }
    }

    /// The expectations are the app's: each write above that a role is allowed, WritePermission
    /// allows it too, and the other way round (for the writes the app has an action for).
    @Test func theMatrixIsTheAppsWritePermission() {
        let roles: [Account: Role?] = [.office: .office, .hq: .hq, .clerk: .clerk(subcommands: ["law"]), .unit: .unit(name: "市能源局"),
                                       .wall: .wall, .viewer: .viewer, .stranger: nil]
        let actions: [String: WriteAction] = [
            "monthly: update its sub-command's row": .recordProgress(subcommand: "law"),
            "monthly: update another sub-command's row": .recordProgress(subcommand: "energy"),
            "milestone: update its sub-command's": .recordProgress(subcommand: "law"),
            "milestone: update another sub-command's": .recordProgress(subcommand: "energy"),
            "reminder: insert on its sub-command's project": .remind(subcommand: "law"),
            "reminder: insert on another's project": .remind(subcommand: "energy"),
            "issue: register on its sub-command's project": .registerIssue(subcommand: "law"),
            "issue: register on another's project": .registerIssue(subcommand: "energy"),
            "issue: list its sub-command's for supervision": .workIssue(.list, subcommand: "law", assignedUnit: "市能源局"),
            "issue: list another's for supervision": .workIssue(.list, subcommand: "energy", assignedUnit: "市能源局"),
            "issue step: arrange one assigned to 市能源局 (law)": .workIssue(.arrange, subcommand: "law", assignedUnit: "市能源局"),
            "issue step: arrange one assigned to another unit": .workIssue(.arrange, subcommand: "law", assignedUnit: "市自然资源局"),
            "issue step: feed back on one assigned to 市能源局 (energy)": .workIssue(.feedback, subcommand: "energy", assignedUnit: "市能源局"),
            "issue step: return one assigned to 市能源局 to the office": .workIssue(.return, subcommand: "law", assignedUnit: "市能源局"),
            "issue step: clear one assigned to 市能源局": .workIssue(.confirm, subcommand: "law", assignedUnit: "市能源局"),
            "issue step: return another unit's issue to the office": .workIssue(.return, subcommand: "law", assignedUnit: "市自然资源局"),
            "meeting: insert": .editMeetings,
            "award_proposal: nominate for its sub-command": .proposeAward(subcommand: "law"),
            "award_proposal: nominate for another sub-command": .proposeAward(subcommand: "energy"),
            "award: pick": .pickAwards,
            "project: update": .editProjects,
        ]
        let writes = Dictionary(uniqueKeysWithValues: Self.writes(victim: "v").map { ($0.name, $0) })
        for (name, action) in actions {
            guard let write = writes[name] else { Issue.record("no write named \(name)"); continue }
            for (account, role) in roles {
                #expect(WritePermission.allows(role, action) == write.allowed.contains(account), "\(account) — \(name)")
            }
        }
    }
}

/// psql as a login role, one statement in a transaction that is rolled back.
enum PsqlRun {
    struct Result {
        /// Nil: an error other than 42501.
        var outcome: PostgresRoleMatrixTests.Outcome?
        var detail: String
        /// The error's SQLSTATE (nil when it succeeded).
        var sqlState: String? = nil
    }

    static func attempt(_ store: TestStore, as login: (name: String, password: String), _ sql: String) throws -> Result {
        let run = try psql(store, user: login.name, password: login.password,
                           commands: ["SET search_path = \(PostgresNames.quoted(store.schema))", "BEGIN", sql, "ROLLBACK"])
        return outcome(run, commandIndex: 2)
    }

    /// What a psql run's command number `commandIndex` (from 0) did, from its status, its
    /// command tags (psql prints one line per command without -q) and its error.
    static func outcome(_ run: (status: Int32, out: String, err: String), commandIndex: Int) -> Result {
        if run.status != 0 {
            // "ERROR:  42501: permission denied for table change_log"
            let state = run.err.components(separatedBy: "ERROR:").dropFirst().first.map {
                String($0.trimmingCharacters(in: .whitespaces).prefix(5))
            }
            return Result(outcome: state == "42501" ? .refused : nil, detail: run.err.trimmingCharacters(in: .whitespacesAndNewlines),
                          sqlState: state)
        }
        // A SELECT prints its table; the others a tag such as "UPDATE 1" or "INSERT 0 1".
        let lines = run.out.split(separator: "\n").map(String.init)
        let tags = lines.filter { line in ["SET", "BEGIN", "ROLLBACK", "UPDATE", "INSERT", "DELETE", "TRUNCATE"].contains { line.hasPrefix($0) } }
        let tag = tags.count > commandIndex ? tags[commandIndex] : ""
        if let rows = tag.split(separator: " ").last.flatMap({ Int($0) }), ["UPDATE", "INSERT", "DELETE"].contains(where: { tag.hasPrefix($0) }) {
            return Result(outcome: rows > 0 ? .allowed : .untouched, detail: tag)
        }
        return Result(outcome: .allowed, detail: tag.isEmpty ? run.out : tag)
    }

    /// Runs psql with `commands` (each its own -c, in order, stopping at the first error) as
    /// `user`: with `password` by SCRAM, or with `osAccount` under runuser by peer
    /// authentication. Errors come with their SQLSTATE (VERBOSITY verbose).
    static func psql(_ store: TestStore, user: String? = nil, password: String? = nil, osAccount: String? = nil,
                     commands: [String]) throws -> (status: Int32, out: String, err: String) {
        guard let directory = store.location.socketPath.map({ ($0 as NSString).deletingLastPathComponent }) else {
            throw TestServer.Missing()
        }
        var arguments = ["-X", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-h", directory, "-p", String(store.location.port),
                         "-d", store.location.effectiveDatabase]
        if let user { arguments += ["-U", user] }
        for command in commands { arguments += ["-c", command] }
        let process = Process()
        if let osAccount {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", osAccount, "--", "/usr/bin/psql"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: "/")
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = arguments
        }
        return try runPsql(process, password: password)
    }
}
