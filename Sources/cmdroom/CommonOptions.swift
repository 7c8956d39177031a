import ArgumentParser
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsReports
import KeyProjectsStore
import KeyProjectsPostgres
import Logging
import StringTables
import TerminalKit
import TextLayout

extension Lang: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension LedgerKind: ExpressibleByArgument {}
extension LedgerEncoding: ExpressibleByArgument {}
extension LedgerHeaderLanguage: ExpressibleByArgument {}
extension AmbiguousWidth: ExpressibleByArgument {}

/// Options every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $CMDROOM_STORE, else ~/.local/share/cmdroom).", valueName: "dir"),
            completion: Completions.store)
    var store: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the rules are read on (default: today, or a sample's snapshot day).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Option(name: .long, help: "Language of the output: zh or en.")
    var lang: Lang = .zh

    // Read before parsing by LogSetup; declared here so that every command takes it.
    @Option(name: .customLong("log-level"), help: ArgumentHelp("What the log file ($XDG_STATE_HOME/cmdroom/cmdroom.log) records: trace, debug, info, notice (default), warning, error or critical.", valueName: "level"))
    var logLevel: String?

    var strings: Strings { Strings.of(lang) }

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw Console.usage(strings.format("error.logLevel", ["text": logLevel]))
        }
    }

    /// The store to use, made from the bundled sample on first use of the default location.
    /// `say`: where the notes go (that a sample store was made, what an open recovered); the
    /// dashboard shows them on screen, where stderr would be hidden under it.
    func openStore(readOnly: Bool, waiting: Bool = false, say: (String) -> Void = Console.note) throws -> Store {
        try openStoreSayingRecoveries(readOnly: readOnly, waiting: waiting, say: say).store
    }

    /// The store, and how many interrupted writes the open rolled back (each said on stderr).
    /// `waiting` (the wall): a store that must first be recovered by someone else, or is busy
    /// with another's write, is said once and tried again every two seconds, so that a wall
    /// started after a power cut comes up by itself once the office has run `check --repair`.
    func openStoreSayingRecoveries(readOnly: Bool, waiting: Bool = false, say: (String) -> Void = Console.note) throws -> (store: Store, recovered: Int) {
        let (url, isDefault) = StoreLocation.resolve(store)
        if isDefault && !FileManager.default.fileExists(atPath: url.appendingPathComponent(LocalityFile.fileName).path) {
            try fail { () throws(StoreError) in
                try StoreLocation.createFromSample(at: url, SampleLocality.defaultLocality)
            }
            say(strings.format("store.created", ["path": url.path, "locality": SampleLocality.defaultLocality.rawValue]))
        }
        var said = false
        let option = self.store
        let address = try fail { () throws(StoreError) in try StoreLocation.serverAddress(option, directory: url) }
        let opened = try fail { () throws(StoreError) -> any Store in
            while true {
                do throws(StoreError) {
                    if let address { return try PostgresStore.open(address, readOnly: readOnly) }
                    return try SQLiteStore.open(url, readOnly: readOnly, wait: waiting ? 0.5 : nil)
                } catch {
                    switch error {
                    case .needsRecovery where waiting, .busy where waiting, .server where waiting:
                        if !said {
                            if case let .busy(path) = error { Console.error(strings.format("msg.busy", ["path": path])) }
                            else { for line in ErrorText(strings: strings).lines(error) { Console.error(line) } }
                            Console.note(strings["store.waiting"])
                            said = true
                        }
                        Thread.sleep(forTimeInterval: 2)
                    default: throw error
                    }
                }
            }
        }
        let recoveries = opened.takeRecoveries()
        for recovery in recoveries { say(ErrorText(strings: strings).recovered(recovery)) }
        return (opened, recoveries.count)
    }

    /// The as-of day: the option, else the sample's snapshot day, else today.
    func asOfDay(_ config: LocalityConfig) throws -> Day {
        if let asOf {
            guard let day = Day.parse(asOf) else { throw Console.usage(strings.format("error.badDate", ["text": asOf])) }
            return day
        }
        return config.sampleAsOf ?? StoreLocation.today()
    }

    /// Runs a store operation, printing a refusal in the user's language and exiting non-zero.
    func fail<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch { throw refuse(error) }
    }

    /// Prints a store error in the user's language and gives the exit code for it.
    func refuse(_ error: StoreError) -> ExitCode {
        for line in ErrorText(strings: strings, realToday: StoreLocation.today()).lines(error) { Console.error(line) }
        return ExitCode(error.isInputProblem ? 2 : 1)
    }
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @OptionGroup var encoding: EncodingOption
}

/// `--encoding` on every command that prints (CSV above all): utf8-bom or gb18030 for Chinese
/// Excel, which takes BOM-less UTF-8 for GBK and shows mojibake.
struct EncodingOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Text encoding of the output: utf8 (default), utf8-bom or gb18030 (for Excel).", valueName: "utf8|utf8-bom|gb18030"))
    var encoding: OutputEncoding?

    func validate() throws {
        if let encoding { Console.encoding = encoding.ledger }
    }
}

enum OutputEncoding: String, ExpressibleByArgument, CaseIterable {
    case utf8, utf8BOM = "utf8-bom", gb18030
    var ledger: LedgerEncoding {
        switch self {
        case .utf8: return .utf8
        case .utf8BOM: return .utf8BOM
        case .gb18030: return .gb18030
        }
    }
}

extension StoreError {
    /// Refusals of the user's input (exit 2) rather than failures (exit 1): a ledger's or
    /// locality.toml's problems, a value the rules refuse, an unknown project or issue. A
    /// refused write (the roster, the issue workflow, a stale edit, nothing to undo) is 1.
    var isInputProblem: Bool {
        switch self {
        case .ledgerRejected, .configInvalid, .configSyntax, .invalidValue, .progress, .notFound, .awards: return true
        default: return false
        }
    }
}

enum StoreLocation {
    /// The PostgreSQL address of the store: `--store` or `$CMDROOM_STORE` written as one
    /// (`postgresql:///DB?host=…&schema=…`), or the `server.toml` of the store directory.
    static func serverAddress(_ option: String?, directory: URL) throws(StoreError) -> PostgresLocation? {
        let named = option ?? ProcessInfo.processInfo.environment["CMDROOM_STORE"]
        let text: String
        if let named, PostgresLocation.looksLikeAddress(named) { text = named }
        else if let inFile = try ServerFile.address(in: directory) { text = inFile }
        else { return nil }
        do { return try PostgresLocation.parse(text) } catch { throw error.storeError() }
    }

    /// --store, else $CMDROOM_STORE, else $XDG_DATA_HOME/cmdroom or ~/.local/share/cmdroom.
    static func resolve(_ option: String?) -> (url: URL, isDefault: Bool) {
        if let option { return (URL(fileURLWithPath: option), false) }
        let env = ProcessInfo.processInfo.environment
        if let path = env["CMDROOM_STORE"], !path.isEmpty { return (URL(fileURLWithPath: path), false) }
        // $HOME first: Foundation's home directory on Linux comes from the password database.
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? URL(fileURLWithPath: home).appendingPathComponent(".local/share").path
        return (URL(fileURLWithPath: data).appendingPathComponent("cmdroom"), true)
    }

    /// Writes the sample's files to a scratch directory and makes a store from them.
    static func createFromSample(at url: URL, _ sample: SampleLocality, asOf: Day? = nil,
                                 progress: StoreProgressHandler? = nil) throws(StoreError) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-sample-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        defer { StoreLog.logging({ try FileManager.default.removeItem(at: scratch) }, "cannot remove \(scratch.path)") }
        try sample.write(to: scratch)
        do {
            try SQLiteStore.create(at: url, from: scratch, asOf: asOf, progress: progress)
        } catch .alreadyExists {
            return   // another process made it first
        }
    }

    /// Today in the local time zone: the only place cmdroom reads the clock for a rule day.
    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }
}

/// Everything the CLI writes. To a terminal, control characters in it (a project name with
/// ESC [ 2 J) are shown escaped, `\u{1B}`, never obeyed (TerminalText); to a file or a pipe the
/// bytes are exact.
enum Console {
    static let outIsTerminal = isatty(1) == 1
    static let errIsTerminal = isatty(2) == 1

    /// `text` as it may be written to standard output.
    static func forOut(_ text: String) -> String { outIsTerminal ? TerminalText.escapingControls(text) : text }

    /// The encoding standard output is written in (`--encoding`); UTF-8 when not given.
    nonisolated(unsafe) static var encoding: LedgerEncoding?
    /// Whether the byte-order mark (utf8-bom) was written already: once at the output's start.
    nonisolated(unsafe) static var wroteBOM = false

    static func out(_ text: String) {
        guard let encoding, encoding != .utf8 else {
            FileHandle.standardOutput.write(Data(forOut(text).utf8))
            return
        }
        if encoding == .utf8BOM {
            if !wroteBOM { FileHandle.standardOutput.write(Data([0xEF, 0xBB, 0xBF])); wroteBOM = true }
            FileHandle.standardOutput.write(Data(forOut(text).utf8))
            return
        }
        // A character GB18030 cannot hold does not exist: it encodes all of Unicode.
        FileHandle.standardOutput.write(CSVText.encode(forOut(text), as: encoding) ?? Data(forOut(text).utf8))
    }
    static func note(_ line: String) {
        FileHandle.standardError.write(Data("cmdroom: \(errIsTerminal ? TerminalText.escapingControls(line) : line)\n".utf8))
    }
    static func error(_ line: String) {
        FileHandle.standardError.write(Data("cmdroom: \(errIsTerminal ? TerminalText.escapingControls(line) : line)\n".utf8))
    }
    static func usage(_ message: String) -> ValidationError { ValidationError(message) }
}
