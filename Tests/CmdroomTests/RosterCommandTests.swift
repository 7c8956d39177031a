import ArgumentParser
import Foundation
import KeyProjectsPostgres
import StringTables
import Testing
@testable import cmdroom

/// `cmdroom roster sync`'s own parts, without a server: the address and the roster it reads,
/// what it refuses, and its report in both languages. (Against a server: KeyProjectsPostgresTests.)
@Suite struct RosterCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data/linfen").path

    @Test func readsTheAddressAndTheLocalitysRoster() throws {
        let command = try RosterSyncCommand.parse(["--store", "postgresql:///cmdroom?host=/run/postgresql&schema=linfen",
                                                   "--locality", Self.sample, "--print-hba"])
        #expect(command.printHBA && !command.dryRun)
        let location = try command.address()
        #expect(location.schema == "linfen" && location.effectiveDatabase == "cmdroom")
        let roster = try command.readRoster()
        #expect(roster.entry(for: "lf-law")?.role == .clerk(subcommands: ["law"]))
        #expect(roster.entries.contains { if case .unit = $0.role { return true } else { return false } })
        let hba = PostgresRoster.hba(roster, database: location.effectiveDatabase, schema: location.schema, strings: .zh)
        #expect(hba.contains("local   cmdroom  lf-law") && hba.contains("hostssl cmdroom  lf-law"))
    }

    @Test func aDirectoryOrNoAddressIsAUsageError() throws {
        for arguments in [["--store", "/srv/cmdroom", "--locality", Self.sample], ["--store", "postgresql:///cmdroom", "--locality", Self.sample],
                          ["--store", "postgresql:///cmdroom?schema=linfen", "--locality", "/nonexistent"]] {
            let command = try RosterSyncCommand.parse(arguments)
            #expect(throws: ValidationError.self, "\(arguments)") {
                _ = try command.address()
                _ = try command.readRoster()
            }
        }
    }

    @Test func theReportIsWordedInBothLanguages() {
        var summary = PostgresRoster.Summary()
        summary.created = ["lf-law"]
        summary.granted = [.init(account: "lf-law", group: .clerk), .init(account: "lf-hq", group: .reader)]
        summary.revoked = [.init(account: "lf-old", group: .office)]
        summary.scoped = ["lf-law"]
        summary.unrestricted = ["postgres"]
        for lang in Lang.allCases {
            let s = Strings.of(lang)
            for dry in [false, true] {
                let text = RosterSyncCommand.report(summary, schema: "linfen", dryRun: dry, s)
                #expect(!text.contains("⟨") && text.contains("lf-old") && text.contains("postgres") && text.contains("linfen"), "\(text)")
            }
            #expect(RosterSyncCommand.report(PostgresRoster.Summary(), schema: "linfen", dryRun: false, s) == s.format("pg.roster.upToDate", ["schema": "linfen"]) + "\n")
            for problem in [PostgresRoster.Problem.notAnAccount("g"), .reserved("cmdroom_owner"), .tooLong("x"), .empty] {
                #expect(!RosterSyncCommand.text(problem, s).contains("⟨"))
            }
            for key in ["pg.roster.refused", "pg.roster.passwords", "pg.roster.statements", "pg.roster.needsAddress",
                        "pg.roster.noLocalityFile"] {
                #expect(s.has(key), "\(lang) lacks \(key)")
            }
        }
        #expect(RosterSyncCommand.report(summary, schema: "linfen", dryRun: false, .zh).contains("lf-law（分指挥部填报）"))
    }
}
