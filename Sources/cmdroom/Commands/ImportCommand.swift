import ArgumentParser
import Foundation
import KeyProjectsReports
import KeyProjectsStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV ledger: projects, monthly, milestones, reminders, issues, meetings or awards.",
        discussion: """
            UTF-8 (with or without BOM), GB18030 and UTF-16 with BOM are detected. The whole file is \
            checked first, with the rules `progress set`, `remind`, `awards propose|pick` and the \
            issue workflow apply on the as-of day; any problem refuses it and nothing is written. \
            Importing the same file again updates rows in place. A column the file leaves out keeps \
            what the store has; an empty cell clears it; a row with fewer cells than the header is \
            refused.
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: "The ledger kind.")
    var kind: LedgerKind

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        let store = try options.openStore(readOnly: false)
        // The day the write paths' rules are read on, as for `progress set` and `remind`.
        let today = try options.asOfDay(store.config)
        let url = URL(fileURLWithPath: file)
        let progress = StoreProgressLine("progressLine.import", strings: options.strings, fileName: url.lastPathComponent)
        let s = try options.fail { () throws(StoreError) in
            defer { progress.finish() }
            return try store.importLedger(kind, from: url, displayName: file, today: today, progress: progress.handler)
        }
        Console.out(options.strings.format("import.summary", [
            "file": s.file, "rows": String(s.rows), "encoding": s.encoding.rawValue, "inserted": String(s.inserted),
            "updated": String(s.updated), "unchanged": String(s.unchanged)]) + "\n")
    }
}
