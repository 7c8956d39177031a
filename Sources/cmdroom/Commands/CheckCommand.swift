import ArgumentParser
import KeyProjectsReports
import KeyProjectsStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store's integrity and the validity of locality.toml (reads only).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let findings = try options.fail { () throws(StoreError) in try store.check() }
        let s = options.strings
        let report = CheckReport(findings: findings, storePath: store.directory.path, strings: s)
        Console.out(report.render(output.format))
        let errors = report.errorCount
        if errors > 0 {
            Console.error(s.format("check.failed", ["n": String(errors)]))
            throw ExitCode.failure
        }
    }
}
