import ArgumentParser
import Foundation
import KeyProjectsPostgres
import KeyProjectsReports
import KeyProjectsStore
import StringTables

/// `cmdroom migrate --from DIR --to URL`: a SQLite store copied into a new PostgreSQL schema
/// (`PostgresStoreCopy`), then checked and counted on both sides.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a SQLite store into a new schema of a PostgreSQL database, in one transaction, then check both.")

    @Option(name: .long, help: ArgumentHelp("The SQLite store directory to copy.", valueName: "dir"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The new store's address: postgresql:///DB?host=/run/postgresql&schema=NAME.", valueName: "url"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The store one level up, in the same database (its schema): its readers may read this one, and it lists this one among its lower stores.", valueName: "schema"))
    var parent: String?

    @Option(name: .long, help: "Language of the output: zh or en.")
    var lang: Lang = .zh

    func run() throws {
        let s = Strings.of(lang)
        func refuse(_ error: StoreError) -> ExitCode {
            for line in ErrorText(strings: s).lines(error) { Console.error(line) }
            return .failure
        }
        let location: PostgresLocation
        do { location = try PostgresLocation.parse(to) } catch { throw refuse(error.storeError()) }
        let summary: PostgresStoreCopy.Summary
        do { summary = try PostgresStoreCopy.copy(from: URL(fileURLWithPath: from), to: location, parent: parent) } catch { throw refuse(error) }
        for (table, count) in summary.rows {
            Console.note(s.format("migrate.copied", ["table": table, "n": String(count)]))
        }
        let report = CheckReport(findings: summary.findings, storePath: location.description, strings: s)
        Console.out(report.render(.text))
        if !summary.countsMatch {
            Console.error(s["migrate.countsDiffer"])
            throw ExitCode.failure
        }
        if report.errorCount > 0 {
            Console.error(s.format("check.failed", ["n": String(report.errorCount)]))
            throw ExitCode.failure
        }
        Console.note(s.format("migrate.done", ["from": from, "to": location.description]))
    }
}
