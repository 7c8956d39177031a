import Foundation
import KeyProjects
import KeyProjectsPostgres
import StringTables
import Testing

/// `roster sync`'s plan, worked out without a server: what it makes, grants, revokes and
/// rewrites for a given state, what it refuses, and the pg_hba.conf lines.
@Suite struct PostgresRosterPlanTests {
    static let roster = Roster(entries: [
        RosterEntry(account: "lf-office", role: .office),
        RosterEntry(account: "lf-law", role: .clerk(subcommands: ["law", "energy"])),
        RosterEntry(account: "lf-energy-bureau", role: .unit(name: "市能源局")),
        RosterEntry(account: "lf-leader", role: .hq),
        RosterEntry(account: "wall", role: .wall),
    ])

    @Test func aNewStoreGetsEveryAccountItsGroupAndScope() {
        let plan = PostgresRoster.plan(Self.roster, schema: "linfen", state: .init())
        #expect(plan.summary.created == ["lf-energy-bureau", "lf-law", "lf-leader", "lf-office", "wall"])
        #expect(plan.summary.granted.map { "\($0.account) \($0.group)" }
            == ["lf-energy-bureau unit", "lf-law clerk", "lf-leader reader", "lf-office office", "wall reader"])
        #expect(plan.summary.revoked.isEmpty)
        #expect(plan.summary.scoped == ["lf-energy-bureau", "lf-law"])
        #expect(plan.statements == [
            #"CREATE ROLE "lf-energy-bureau" LOGIN"#, #"CREATE ROLE "lf-law" LOGIN"#, #"CREATE ROLE "lf-leader" LOGIN"#,
            #"CREATE ROLE "lf-office" LOGIN"#, #"CREATE ROLE "wall" LOGIN"#,
            #"GRANT "cmdroom_linfen_unit" TO "lf-energy-bureau""#, #"GRANT "cmdroom_linfen_clerk" TO "lf-law""#,
            #"GRANT "cmdroom_linfen_reader" TO "lf-leader""#, #"GRANT "cmdroom_linfen_office" TO "lf-office""#,
            #"GRANT "cmdroom_linfen_reader" TO "wall""#,
            #"SET LOCAL ROLE "cmdroom_owner""#,
            #"INSERT INTO "linfen".account_scope (role_name, subcommand) VALUES ('lf-law', 'energy')"#,
            #"INSERT INTO "linfen".account_scope (role_name, subcommand) VALUES ('lf-law', 'law')"#,
            #"INSERT INTO "linfen".account_unit (role_name, unit) VALUES ('lf-energy-bureau', '市能源局') ON CONFLICT (role_name) DO UPDATE SET unit = EXCLUDED.unit"#,
        ])
    }

    @Test func aServerThatMatchesNeedsNothing() {
        let state = PostgresRoster.ServerState(
            roles: Dictionary(uniqueKeysWithValues: Self.roster.entries.map { ($0.account, .init(canLogIn: true)) }),
            members: [.office: ["lf-office"], .clerk: ["lf-law"], .unit: ["lf-energy-bureau"], .reader: ["lf-leader", "wall"]],
            scopes: ["lf-law": ["law", "energy"]], units: ["lf-energy-bureau": "市能源局"])
        let plan = PostgresRoster.plan(Self.roster, schema: "linfen", state: state)
        #expect(plan.statements.isEmpty)
        #expect(plan.summary.changesNothing)
    }

    @Test func aChangedRosterRevokesWhatIsNoLongerSo() {
        // The server as an older roster left it: lf-law clerked for municipal too, lf-office was
        // a reader, a departed account still clerks, the unit was another.
        let state = PostgresRoster.ServerState(
            roles: Dictionary(uniqueKeysWithValues: Self.roster.entries.map { ($0.account, .init(canLogIn: true)) }),
            members: [.reader: ["lf-office", "lf-leader", "wall"], .clerk: ["lf-law", "departed"], .unit: ["lf-energy-bureau"]],
            scopes: ["lf-law": ["law", "energy", "municipal"], "departed": ["municipal"]],
            units: ["lf-energy-bureau": "市发改委", "departed-unit": "市交通局"])
        let plan = PostgresRoster.plan(Self.roster, schema: "linfen", state: state)
        #expect(plan.summary.created.isEmpty)
        #expect(plan.summary.revoked == [.init(account: "departed", group: .clerk), .init(account: "lf-office", group: .reader)])
        #expect(plan.summary.granted == [.init(account: "lf-office", group: .office)])
        #expect(plan.summary.scoped == ["departed", "departed-unit", "lf-energy-bureau", "lf-law"])
        #expect(plan.statements.contains(#"REVOKE "cmdroom_linfen_clerk" FROM "departed""#))
        #expect(plan.statements.contains(#"DELETE FROM "linfen".account_scope WHERE role_name = 'lf-law' AND subcommand = 'municipal'"#))
        #expect(plan.statements.contains(#"DELETE FROM "linfen".account_unit WHERE role_name = 'departed-unit'"#))
        #expect(!plan.statements.contains { $0.hasPrefix("DROP") }, "login roles are never dropped")
        // Revokes before grants, the scopes last (as the owner).
        let revoke = plan.statements.firstIndex { $0.hasPrefix("REVOKE") }!, grant = plan.statements.firstIndex { $0.hasPrefix("GRANT") }!
        let owner = plan.statements.firstIndex { $0.hasPrefix("SET LOCAL ROLE") }!
        #expect(revoke < grant && grant < owner)
    }

    @Test func namesThatAreNotAccountsAreRefusedAndNothingIsDone() {
        let roster = Roster(entries: [
            RosterEntry(account: "lf-office", role: .office),
            RosterEntry(account: "cmdroom_owner", role: .office),
            RosterEntry(account: "cmdroom_linfen_office", role: .hq),
            RosterEntry(account: "pg_monitor", role: .viewer),
            RosterEntry(account: "a-group", role: .viewer),
            RosterEntry(account: String(repeating: "长", count: 22), role: .viewer),
        ])
        let state = PostgresRoster.ServerState(roles: ["a-group": .init(canLogIn: false)])
        let plan = PostgresRoster.plan(roster, schema: "linfen", state: state)
        #expect(plan.statements.isEmpty)
        #expect(plan.summary.problems == [.reserved("cmdroom_owner"), .reserved("cmdroom_linfen_office"), .reserved("pg_monitor"),
                                          .notAnAccount("a-group"), .tooLong(String(repeating: "长", count: 22))])
        for lang in Lang.allCases {
            for problem in plan.summary.problems {
                #expect(!Self.words(problem, .of(lang)).contains("⟨"))
            }
        }
    }

    /// The problem's words as the CLI says them (one key per case).
    static func words(_ problem: PostgresRoster.Problem, _ s: Strings) -> String {
        switch problem {
        case let .notAnAccount(name): return s.format("pg.roster.problem.notAnAccount", ["account": name])
        case let .reserved(name): return s.format("pg.roster.problem.reserved", ["account": name])
        case let .tooLong(name): return s.format("pg.roster.problem.tooLong", ["account": name])
        case .empty: return s["pg.roster.problem.empty"]
        }
    }

    @Test func superusersOnTheRosterAreSaid() {
        let state = PostgresRoster.ServerState(roles: ["lf-office": .init(canLogIn: true, unrestricted: true)])
        #expect(PostgresRoster.plan(Self.roster, schema: "linfen", state: state).summary.unrestricted == ["lf-office"])
    }

    @Test func theHbaLinesPeerOnTheHostAndSCRAMOverTLSElsewhere() {
        let roster = Roster(entries: Self.roster.entries + [RosterEntry(account: "all", role: .viewer), RosterEntry(account: "lf-law", role: .viewer)])
        for lang in Lang.allCases {
            let text = PostgresRoster.hba(roster, database: "cmdroom", schema: "linfen", strings: .of(lang))
            #expect(!text.contains("⟨"), "\(text)")
            let lines = text.split(separator: "\n").map(String.init)
            let rules = lines.filter { !$0.hasPrefix("#") }
            let fields = rules.map { $0.split(separator: " ").map(String.init) }
            // Each account once per kind, "all" quoted (a keyword of the file).
            #expect(fields.filter { $0.first == "local" }.map { $0[2] } == ["lf-office", "lf-law", "lf-energy-bureau", "lf-leader", "wall", "\"all\""])
            #expect(fields.filter { $0.first == "local" }.allSatisfy { $0 == ["local", "cmdroom", $0[2], "peer"] })
            #expect(fields.filter { $0.first == "hostssl" }.allSatisfy { $0 == ["hostssl", "cmdroom", $0[2], "all", "scram-sha-256"] })
            #expect(rules.count == 12)
            #expect(lines.first?.contains("linfen") == true)
        }
        let empty = PostgresRoster.hba(Roster(), database: "cmdroom", schema: "linfen", strings: .zh)
        #expect(empty.split(separator: "\n").allSatisfy { $0.hasPrefix("#") })
    }
}

/// `roster sync` against a real server: the roles, memberships and scopes it makes, a second run
/// that changes nothing, a changed roster, a dry run, and a roster it refuses.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresRosterSyncTests {
    /// The login roles of `roster`, dropped after `body` (roster sync never drops one).
    static func dropping(_ store: TestStore, _ names: [String], _ body: () throws -> Void) throws {
        defer {
            for name in names {
                do { try store.exec("DROP ROLE IF EXISTS \(PostgresNames.quoted(name))") } catch { print("could not drop \(name): \(error)") }
            }
        }
        try body()
    }

    /// The store's memberships as "account group", sorted.
    static func memberships(_ store: TestStore) throws -> [String] {
        try store.texts("""
            SELECT m.rolname || ' ' || substr(g.rolname, length('cmdroom_\(store.schema)_') + 1) FROM pg_auth_members AS am
              JOIN pg_roles AS g ON g.oid = am.roleid JOIN pg_roles AS m ON m.oid = am.member
             WHERE g.rolname LIKE 'cmdroom\\_\(store.schema)\\_%' AND m.rolname NOT LIKE 'cmdroom\\_%'
             ORDER BY 1
            """).compactMap { $0 }
    }

    @Test func syncMakesRolesGrantsAndScopesAndFollowsAChangedRoster() async throws {
        try await TestStore.with { store in
            let n = { (suffix: String) in "\(store.schema)-\(suffix)" }
            let names = ["office", "law", "unit", "leader", "wall"].map(n)
            try Self.dropping(store, names) {
                var roster = Roster(entries: [
                    RosterEntry(account: n("office"), role: .office),
                    RosterEntry(account: n("law"), role: .clerk(subcommands: ["law", "energy"])),
                    RosterEntry(account: n("unit"), role: .unit(name: "市能源局")),
                    RosterEntry(account: n("leader"), role: .hq),
                    RosterEntry(account: n("wall"), role: .wall),
                ])
                let first = try PostgresRoster.sync(roster, bridge: store.admin).summary
                #expect(first.created == names.sorted())
                #expect(first.granted.count == 5 && first.revoked.isEmpty && first.scoped == [n("law"), n("unit")])
                #expect(try Self.memberships(store) == ["\(n("law")) clerk", "\(n("leader")) reader", "\(n("office")) office",
                                                        "\(n("unit")) unit", "\(n("wall")) reader"])
                #expect(try store.texts("SELECT role_name || ' ' || subcommand FROM \(store.t("account_scope")) ORDER BY 1")
                    == ["\(n("law")) energy", "\(n("law")) law"])
                #expect(try store.texts("SELECT role_name || ' ' || unit FROM \(store.t("account_unit"))") == ["\(n("unit")) 市能源局"])
                #expect(try store.ints("SELECT count(*) FROM pg_authid WHERE rolname = ANY('{\(names.joined(separator: ","))}') AND rolcanlogin AND rolpassword IS NULL AND NOT rolsuper") == [5])

                // Again: nothing to do.
                #expect(try PostgresRoster.sync(roster, bridge: store.admin).summary.changesNothing)

                // The roster changes: the clerk drops energy, the unit is another, the office
                // becomes a clerk, the wall goes.
                roster.entries = [
                    RosterEntry(account: n("office"), role: .clerk(subcommands: ["municipal"])),
                    RosterEntry(account: n("law"), role: .clerk(subcommands: ["law"])),
                    RosterEntry(account: n("unit"), role: .unit(name: "市自然资源局")),
                    RosterEntry(account: n("leader"), role: .viewer),
                ]
                // A dry run says so and changes nothing.
                let dry = try PostgresRoster.sync(roster, bridge: store.admin, dryRun: true)
                #expect(!dry.summary.changesNothing && !dry.statements.isEmpty)
                #expect(try Self.memberships(store).count == 5)
                let second = try PostgresRoster.sync(roster, bridge: store.admin).summary
                #expect(second == dry.summary)
                #expect(second.created.isEmpty)
                #expect(second.revoked == [.init(account: n("office"), group: .office), .init(account: n("wall"), group: .reader)])
                #expect(second.granted == [.init(account: n("office"), group: .clerk)])
                #expect(second.scoped == [n("law"), n("office"), n("unit")])
                #expect(try Self.memberships(store) == ["\(n("law")) clerk", "\(n("leader")) reader", "\(n("office")) clerk", "\(n("unit")) unit"])
                #expect(try store.texts("SELECT role_name || ' ' || subcommand FROM \(store.t("account_scope")) ORDER BY 1")
                    == ["\(n("law")) law", "\(n("office")) municipal"])
                #expect(try store.texts("SELECT role_name || ' ' || unit FROM \(store.t("account_unit"))") == ["\(n("unit")) 市自然资源局"])
                // The wall's login role stays (another store may use it); it just reads nothing here.
                #expect(try store.ints("SELECT count(*) FROM pg_roles WHERE rolname = '\(n("wall"))'") == [1])
                #expect(try PostgresRoster.sync(roster, bridge: store.admin).summary.changesNothing)
            }
        }
    }

    @Test func aRosterNamingAGroupRoleChangesNothing() async throws {
        try await TestStore.with { store in
            let fine = "\(store.schema)-fine"
            try Self.dropping(store, [fine]) {
                let roster = Roster(entries: [RosterEntry(account: fine, role: .office),
                                              RosterEntry(account: PostgresNames.clerkRole(schema: store.schema), role: .viewer),
                                              RosterEntry(account: PostgresNames.readerRole(schema: "elsewhere"), role: .viewer)])
                try store.exec("CREATE ROLE \(PostgresNames.quoted(PostgresNames.readerRole(schema: "elsewhere"))) NOLOGIN")
                defer { try? store.exec("DROP ROLE \(PostgresNames.quoted(PostgresNames.readerRole(schema: "elsewhere")))") }
                let plan = try PostgresRoster.sync(roster, bridge: store.admin)
                #expect(plan.summary.problems == [.reserved(PostgresNames.clerkRole(schema: store.schema)),
                                                  .notAnAccount(PostgresNames.readerRole(schema: "elsewhere"))])
                #expect(try store.ints("SELECT count(*) FROM pg_roles WHERE rolname = '\(fine)'") == [0], "nothing made")
                #expect(try store.texts("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = '\(PostgresNames.readerRole(schema: "elsewhere"))'") == ["false"])
            }
        }
    }

    /// The tables the policies name have the columns PostgresRowSecurity lists.
    @Test func theRowSecurityColumnListsAreTheIssueTables() async throws {
        try await TestStore.with { store in
            let columns = try store.texts("""
                SELECT column_name::text FROM information_schema.columns WHERE table_schema = '\(store.schema)' AND table_name = 'issue'
                ORDER BY ordinal_position
                """).compactMap { $0 }
            #expect(columns == PostgresRowSecurity.issueColumns + ["version"])
            let unit = try store.texts("""
                SELECT attname::text FROM pg_attribute
                WHERE attrelid = '\(store.t("issue"))'::regclass AND attnum > 0 AND NOT attisdropped
                  AND has_column_privilege('\(PostgresNames.unitRole(schema: store.schema))', attrelid, attnum, 'UPDATE')
                ORDER BY attname
                """).compactMap { $0 }
            #expect(unit == (PostgresRowSecurity.unitStepColumns + ["version"]).sorted())
            #expect(!unit.contains("project") && !unit.contains("id") && !unit.contains("description"))
        }
    }
}
