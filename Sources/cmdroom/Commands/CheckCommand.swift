import ArgumentParser
import Foundation
import KeyProjectsReports
import KeyProjectsStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store's integrity and the validity of locality.toml (reads only; --repair recovers).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Roll back a write cut off by a crash or a full disk, and bring a store made by an older cmdroom up to date (needs an account that may write the store).")
    var repair = false

    func run() throws {
        let s = options.strings
        let (store, recovered) = try options.openStoreSayingRecoveries(readOnly: !repair)
        if repair {
            if let blocked = store.notWritable {
                Console.error(ErrorText(strings: s).notWritable(blocked))
                throw ExitCode.failure
            }
            // What was rolled back is said as the store opened; an upgrade, or nothing, here.
            if let from = store.upgradedFrom {
                Console.note(s.format("check.repaired", ["what": s.format("check.repair.upgraded", ["from": String(from), "version": String(SQLiteStore.schemaVersion)])]))
            } else if recovered == 0 {
                Console.note(s["check.nothingToRepair"])
            }
        }
        let findings = try options.fail { () throws(StoreError) in try store.check() }
        let report = CheckReport(findings: findings, storePath: store.location, strings: s)
        Console.out(report.render(output.format))
        let errors = report.errorCount
        if errors > 0 {
            Console.error(s.format("check.failed", ["n": String(errors)]))
            throw ExitCode.failure
        }
    }
}
