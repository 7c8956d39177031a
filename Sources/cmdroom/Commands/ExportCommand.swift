import ArgumentParser
import Foundation
import KeyProjectsReports
import KeyProjectsStore
import TextLayout

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a ledger as CSV; importing it back changes nothing.")

    @OptionGroup var options: StoreOptions

    @Argument(help: "The ledger kind.")
    var kind: LedgerKind

    @Option(help: ArgumentHelp("Write to this file instead of standard output (atomically).", valueName: "file"))
    var out: String?

    @Option(help: "Encoding: utf8, utf8-bom (for Excel), gb18030 or utf16.")
    var encoding: LedgerEncoding = .utf8

    @Option(help: "Header language: zh or en (both import back).")
    var headers: LedgerHeaderLanguage = .zh

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let text = try options.fail { () throws(StoreError) in try store.exportLedger(kind, headers: headers) }
        // To a terminal, control characters are shown escaped; to a file or a pipe, exact.
        guard let data = CSVText.encode(out == nil ? Console.forOut(text) : text, as: encoding) else {
            throw Console.usage(options.strings.format("error.cannotEncode", ["encoding": encoding.rawValue]))
        }
        if let out {
            do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                Console.error(options.strings.format("error.cannotWrite", ["path": out]))
                throw ExitCode.failure
            }
            let rows = max(0, text.split(separator: "\n").count - 1)
            Console.note(options.strings.format("export.written", ["n": String(rows), "path": out]))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
