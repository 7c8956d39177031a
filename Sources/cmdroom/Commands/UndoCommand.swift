import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo your own last write (every row it changed), as a new logged change.",
        discussion: """
            Only your account's writes are undone, newest first, one write per run; a row someone \
            changed since is refused with who and when. --dry-run shows what would be undone.
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption

    @Flag(name: .customLong("dry-run"), help: "Show what would be undone, change nothing.")
    var dryRun = false

    func run() throws {
        let w = try WriteSession(options, readOnly: dryRun)
        let s = w.strings
        let store = w.store
        let entries = try w.run { () throws(StoreError) in
            if dryRun {
                let batch = try store.lastUndoable()
                if batch.isEmpty { throw StoreError.nothingToUndo(account: store.actor) }
                return batch
            }
            return try store.undoLast()
        }
        let rows = entries.map { ChangeRow($0, roster: store.config.roster) }
        switch output.format {
        case .json:
            Console.out(jsonText(rows))
        case .text:
            let shown = rows.prefix(3).map { $0.record(s) }.joined(separator: s["cli.listSep"])
            let more = rows.count > 3 ? s.format("cli.andMore", ["n": String(rows.count - 3)]) : ""
            let values = ["account": rows.first?.who(s) ?? store.actor, "at": rows.first?.localTime ?? "", "what": shown + more]
            w.say(s.format(dryRun ? "cli.undo.would" : "cli.undo.done", values))
            if dryRun { Console.out("\n" + ChangeReport.render(rows, .text, s)) }
        }
    }
}
