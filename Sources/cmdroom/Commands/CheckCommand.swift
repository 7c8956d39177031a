import ArgumentParser
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

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
        switch output.format {
        case .json:
            struct Row: Encodable { var severity: String; var subject: String; var message: String }
            let encoder = findings.map { Row(severity: $0.severity.rawValue, subject: $0.subject, message: $0.message) }
            Console.out(jsonText(encoder))
        case .csv:
            Console.out(CSVText.write(header: ["severity", "subject", "message"],
                                      rows: findings.map { [$0.severity.rawValue, $0.subject, $0.message] }))
        case .text:
            var table = TextTable(headers: [s["col.severity"], s["col.subject"], s["col.message"]])
            for f in findings { table.append([s["check.\(f.severity.rawValue)"], f.subject, f.message]) }
            Console.out(s.format("check.title", ["store": store.directory.path]) + "\n" + table.render())
        }
        let errors = findings.filter { $0.severity == .error }.count
        if errors > 0 {
            Console.error(s.format("check.failed", ["n": String(errors)]))
            throw ExitCode.failure
        }
    }
}
