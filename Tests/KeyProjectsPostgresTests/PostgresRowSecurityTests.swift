import Dispatch
import Foundation
import KeyProjectsPostgres
import PostgresNIO
import Testing

/// Roles enforced by the server (issue 17 §3), for the monthly ledger: a clerk's own login
/// writes its sub-command's rows and nothing else, through the app's bridge and through psql
/// alike; the change log and the owner's role are out of every clerk's reach.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresRowSecurityTests {
    /// A store with two projects and a clerk of `law` logged in as itself.
    static func withClerk(_ body: @escaping @Sendable (TestStore, (name: String, password: String), PostgresBridge) throws -> Void) async throws {
        try await TestStore.with { store in
            try store.seedTwoProjects()
            let clerk = try store.makeLogin("law")
            try store.admin.execute(PostgresRowSecurity.clerkGrants(schema: store.schema, role: clerk.name, subcommands: ["law"]))
            let bridge = try store.bridge(as: clerk)
            defer { bridge.close() }
            try body(store, clerk, bridge)
        }
    }

    @Test func aClerkWritesItsSubcommandsRowsAndTheServerRefusesAnothers() async throws {
        try await Self.withClerk { store, clerk, bridge in
            // Its own row: written, versioned, logged under its own account.
            try PostgresWriteTests.updateMonth(bridge, schema: store.schema, project: "P-LAW", month: 202603, completed: 650000, basedOn: 1)
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [2])
            #expect(try store.texts("SELECT actor FROM \(store.t("change_log")) WHERE action = 'update'") == [clerk.name])

            // Another sub-command's row: refused by the server, not silently skipped.
            let update = #expect(throws: PostgresStoreError.self) {
                try PostgresWriteTests.updateMonth(bridge, schema: store.schema, project: "P-ENERGY", month: 202603, completed: 1, basedOn: 1)
            }
            #expect(update == .rowSecurity(user: clerk.name, table: "monthly"))
            print("refused update: \(update?.text(.zh) ?? "")")
            let insert = #expect(throws: PostgresStoreError.self) {
                try bridge.transaction { connection in
                    try await connection.query("INSERT INTO \(unescaped: store.t("monthly")) (project, month, completed) VALUES ('P-ENERGY', 202604, 1)",
                                               logger: bridge.logger)
                }
            }
            #expect(insert == .rowSecurity(user: clerk.name, table: "monthly"))
            // Its own new month is taken.
            try bridge.execute(["INSERT INTO \(store.t("monthly")) (project, month, completed) VALUES ('P-LAW', 202604, 10)"])

            // Nothing of the energy project changed.
            #expect(try store.ints("SELECT completed FROM \(store.t("monthly")) WHERE project = 'P-ENERGY' ORDER BY month") == [700000])
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-ENERGY'") == [1])

            // A delete of another's row touches nothing (the policy hides it from DELETE).
            try bridge.execute(["DELETE FROM \(store.t("monthly")) WHERE project = 'P-ENERGY'"])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("monthly")) WHERE project = 'P-ENERGY'") == [1])

            // SET ROLE to the owner is refused; the change log and the projects are not the clerk's.
            let setRole = #expect(throws: PostgresStoreError.self) { try bridge.execute(["SET LOCAL ROLE \(PostgresNames.owner)"]) }
            guard case .insufficientPrivilege(clerk.name, _)? = setRole else { Issue.record("\(String(describing: setRole))"); return }
            let log = #expect(throws: PostgresStoreError.self) { try bridge.execute(["DELETE FROM \(store.t("change_log"))"]) }
            guard case .insufficientPrivilege? = log else { Issue.record("\(String(describing: log))"); return }
            let project = #expect(throws: PostgresStoreError.self) {
                try bridge.execute(["UPDATE \(store.t("project")) SET subcommand = 'law' WHERE code = 'P-ENERGY'"])
            }
            guard case .insufficientPrivilege? = project else { Issue.record("\(String(describing: project))"); return }
        }
    }

    /// The same refusals with the app bypassed: psql, logged in as the clerk.
    @Test func psqlAsTheClerkIsRefusedTheSame() async throws {
        try await Self.withClerk { store, clerk, _ in
            let own = try store.psql(as: clerk, "UPDATE monthly SET completed = 660000 WHERE project = 'P-LAW'")
            #expect(own.status == 0, "\(own.err)")
            #expect(try store.texts("SELECT actor FROM \(store.t("change_log")) WHERE action = 'update'") == [clerk.name])

            let other = try store.psql(as: clerk, "UPDATE monthly SET completed = 1 WHERE project = 'P-ENERGY'")
            #expect(other.status != 0)
            #expect(other.err.contains("new row violates row-level security policy"), "\(other.err)")
            let insert = try store.psql(as: clerk, "INSERT INTO monthly (project, month, completed) VALUES ('P-ENERGY', 202605, 1)")
            #expect(insert.status != 0)
            #expect(insert.err.contains("row-level security"), "\(insert.err)")
            // Moving the other's row into its own project: the key columns are not the clerk's.
            let move = try store.psql(as: clerk, "UPDATE monthly SET project = 'P-LAW', month = 202612 WHERE project = 'P-ENERGY'")
            #expect(move.status != 0)
            #expect(move.err.contains("permission denied"), "\(move.err)")
            // Nor its own sub-command's scope, the log, a forged actor, or the owner's role.
            for sql in ["INSERT INTO account_scope VALUES ('\(clerk.name)', 'energy')",
                        "INSERT INTO change_log (at, actor, entity, key, action) VALUES ('2026-01-01T00:00:00Z', 'lf-office', 'monthly', 'x', 'update')",
                        "DELETE FROM change_log",
                        "UPDATE change_log SET actor = 'lf-office'",
                        "UPDATE month_figures SET figures = figures",
                        "UPDATE project SET subcommand = 'law' WHERE code = 'P-ENERGY'",
                        "SET ROLE \(PostgresNames.owner)",
                        "SET SESSION AUTHORIZATION \(PostgresNames.owner)"] {
                let refused = try store.psql(as: clerk, sql)
                #expect(refused.status != 0, "\(sql) was allowed")
                #expect(refused.err.contains("permission denied"), "\(sql): \(refused.err)")
            }
            // A stale version is refused to psql too.
            let stale = try store.psql(as: clerk, "UPDATE monthly SET completed = 1, version = 1 WHERE project = 'P-LAW'")
            #expect(stale.status != 0)
            #expect(stale.err.contains("was changed by \(clerk.name)"), "\(stale.err)")

            #expect(try store.ints("SELECT completed FROM \(store.t("monthly")) WHERE project = 'P-ENERGY'") == [700000])
            #expect(try store.ints("SELECT completed FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [660000])
            #expect(try store.texts("SELECT DISTINCT actor FROM \(store.t("change_log")) WHERE action = 'update'") == [clerk.name])
        }
    }

    /// The clerk-style write the issue measured: RLS, the version and change-log triggers, the
    /// packed figures and NOTIFY, one transaction each. Prints the figures.
    @Test func aClerksWriteTakesAboutAMillisecond() async throws {
        try await Self.withClerk { store, _, bridge in
            var samples: [Double] = []
            for i in 0..<200 {
                let start = DispatchTime.now()
                try PostgresWriteTests.updateMonth(bridge, schema: store.schema, project: "P-LAW", month: 202603, completed: 500001 + Int64(i), basedOn: i + 1)
                samples.append(milliseconds(start, .now()))
            }
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [201])
            // What the bridge and three round trips cost without the write: BEGIN, SELECT 1, COMMIT.
            var empty: [Double] = []
            for _ in 0..<200 {
                let start = DispatchTime.now()
                try bridge.transaction { connection in try await connection.query("SELECT 1", logger: bridge.logger) }
                empty.append(milliseconds(start, .now()))
            }
            let e = summary(empty)
            print(String(format: "an empty transaction (BEGIN, SELECT 1, COMMIT) through the bridge: median %.2f ms, p95 %.2f ms", e.median, e.p95))
            let s = summary(samples)
            print(String(format: "clerk write (RLS, version + change-log + month-figures triggers, NOTIFY), BEGIN/UPDATE/COMMIT through the bridge: median %.2f ms, p95 %.2f ms, max %.2f ms over %d writes",
                         s.median, s.p95, s.max, samples.count))
            #expect(s.median < 50)
        }
    }
}
