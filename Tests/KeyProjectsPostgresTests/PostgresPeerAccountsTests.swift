import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KeyProjects
import KeyProjectsPostgres
import Testing

/// Two real OS accounts on the server's host (issue 17 §7): `roster sync` gives each a login
/// role without a password; each runs psql under its own account (`runuser -u … -- psql`) and
/// the server knows it by peer authentication on the Unix socket — no password anywhere — and
/// gives it its own rights only. The change log names the OS account. Needs root (useradd,
/// runuser); the test cluster lets members of `cmdroom_test_peer` in by peer
/// (scripts/test-postgres-cluster.sh).
@Suite(.serialized, .enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresPeerAccountsTests {
    static let clerk = "cmdroom-pg-law"
    static let unit = "cmdroom-pg-energy"
    static let peerGroup = "cmdroom_test_peer"

    static var canMakeAccounts: Bool {
        geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }
    static let whyNot: Comment = "making OS accounts (useradd) and running psql as them (runuser) needs root; run the suite as root (.ci/run does)"

    /// Makes the OS account unless it exists; whether it was made here.
    static func makeAccount(_ name: String) -> Bool {
        guard getpwnam(name) == nil else { return false }
        let made = system("/usr/sbin/useradd --no-create-home --shell /bin/sh \(name) >/dev/null 2>&1") == 0
        #expect(made, "useradd \(name)")
        return made
    }

    @Test(.enabled(if: canMakeAccounts, whyNot))
    func twoOSAccountsLogInByPeerAndEachGetsOnlyItsOwnRights() async throws {
        let made = [Self.clerk, Self.unit].filter(Self.makeAccount)
        defer { for name in made { _ = system("/usr/sbin/userdel \(name) >/dev/null 2>&1") } }

        try await TestStore.with { store in
            try PostgresRoleMatrixTests.seed(store)
            let roster = Roster(entries: [RosterEntry(account: Self.clerk, role: .clerk(subcommands: ["law"]), name: "政法填报员"),
                                          RosterEntry(account: Self.unit, role: .unit(name: "市能源局"))])
            let plan = try PostgresRoster.sync(roster, bridge: store.admin)
            defer {
                for name in [Self.clerk, Self.unit] {
                    do { try store.exec("DROP ROLE IF EXISTS \(PostgresNames.quoted(name))") } catch { print("could not drop \(name): \(error)") }
                }
            }
            #expect(plan.summary.problems.isEmpty)
            #expect(Set(plan.summary.granted) == [PostgresRoster.Membership(account: Self.clerk, group: .clerk),
                                                   PostgresRoster.Membership(account: Self.unit, group: .unit)])
            // The roles have no password: only peer authentication can let them in.
            #expect(try store.ints("SELECT count(*) FROM pg_authid WHERE rolname IN ('\(Self.clerk)', '\(Self.unit)') AND rolcanlogin AND rolpassword IS NULL") == [2])
            // The test cluster's pg_hba.conf lets this group's members in by peer, as a
            // headquarters' lists its accounts (roster sync --print-hba).
            try store.exec("GRANT \(Self.peerGroup) TO \(PostgresNames.quoted(Self.clerk)), \(PostgresNames.quoted(Self.unit))")

            func psql(_ account: String, as user: String? = nil, _ sql: String) throws -> (status: Int32, out: String, err: String) {
                try PsqlRun.psql(store, user: user, osAccount: account, commands: ["SET search_path = \(PostgresNames.quoted(store.schema))", sql])
            }
            func refused(_ run: (status: Int32, out: String, err: String)) -> Bool { run.status != 0 && run.err.contains("42501") }

            // Who the server thinks each is: the OS account, with no -U and no password.
            let me = try psql(Self.clerk, "SELECT session_user")
            #expect(me.status == 0 && me.out.contains(Self.clerk), "\(me.err)")

            // The clerk: its sub-command's month, not another's, not an issue step of another
            // sub-command, not the unit's rights.
            let own = try psql(Self.clerk, "UPDATE monthly SET completed = 650000 WHERE project = 'P-LAW'")
            #expect(own.status == 0 && own.out.contains("UPDATE 1"), "\(own.err)")
            let other = try psql(Self.clerk, "UPDATE monthly SET completed = 1 WHERE project = 'P-ENERGY'")
            #expect(refused(other) && other.err.contains("row-level security"), "\(other.err)")
            let energyIssue = try psql(Self.clerk, "UPDATE issue SET status = 'arranged', arranged_on = 20260305 WHERE id = 'Q-ENERGY-1'")
            #expect(refused(energyIssue), "\(energyIssue.err)")

            // The unit: a step of its issue, in whichever sub-command; not another unit's issue,
            // not a month, not the issue's description.
            let step = try psql(Self.unit, "UPDATE issue SET status = 'arranged', arranged_on = 20260305 WHERE id = 'Q-ENERGY-1'")
            #expect(step.status == 0 && step.out.contains("UPDATE 1"), "\(step.err)")
            let anotherUnits = try psql(Self.unit, "UPDATE issue SET status = 'arranged', arranged_on = 20260305 WHERE id = 'Q-LAW-2'")
            #expect(refused(anotherUnits) && anotherUnits.err.contains("row-level security"), "\(anotherUnits.err)")
            let month = try psql(Self.unit, "UPDATE monthly SET completed = 1 WHERE project = 'P-LAW'")
            #expect(refused(month), "\(month.err)")
            let description = try psql(Self.unit, "UPDATE issue SET description = '改写' WHERE id = 'Q-ENERGY-1'")
            #expect(refused(description), "\(description.err)")

            // Neither may be the other, nor the owner.
            let borrowed = try psql(Self.clerk, as: Self.unit, "SELECT 1")
            #expect(borrowed.status != 0 && borrowed.err.contains("Peer authentication failed"), "\(borrowed.err)")
            for account in [Self.clerk, Self.unit] {
                let owner = try psql(account, "SET ROLE \(PostgresNames.owner)")
                #expect(refused(owner), "\(account): \(owner.err)")
                let log = try psql(account, "DELETE FROM change_log")
                #expect(refused(log), "\(account): \(log.err)")
            }

            // The server logged each write under the OS account that made it.
            let actors = try store.texts("SELECT actor || ' ' || entity || ' ' || \"key\" FROM \(store.t("change_log")) WHERE action = 'update' ORDER BY id")
            #expect(actors == ["\(Self.clerk) monthly P-LAW/2026-03", "\(Self.unit) issue Q-ENERGY-1"])
            #expect(try store.ints("SELECT completed FROM \(store.t("monthly")) ORDER BY project") == [700000, 650000])
        }
    }
}
