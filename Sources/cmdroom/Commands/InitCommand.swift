import ArgumentParser
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsReports
import KeyProjectsPostgres
import KeyProjectsStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a store from a locality directory (locality.toml and CSV ledgers).",
        discussion: "--locality takes a directory such as sample-data/linfen, or the name of a bundled sample: shanxi, linfen, lingchuan.")

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("A locality directory, or a bundled sample's name.", valueName: "dir|name"))
    var locality: String

    @Option(help: ArgumentHelp("The OS group whose accounts may write the store (default: [access] group in locality.toml).", valueName: "os-group"))
    var group: String?

    func run() throws {
        // A PostgreSQL address: the store is made as a SQLite one in a scratch directory, then
        // copied into its schema in one transaction (`cmdroom migrate`), so both engines start
        // from the same rows; the scratch store goes.
        let (url, _) = StoreLocation.resolve(options.store)
        let option = options.store
        if let location = try options.fail({ () throws(StoreError) in try StoreLocation.serverAddress(option, directory: url) }) {
            return try initOnServer(location)
        }
        say(try makeStore(at: url))
        let strings = options.strings
        let store = try options.fail { () throws(StoreError) in try SQLiteStore.open(url, readOnly: true) }
        Console.out(strings.format("store.initialised", ["path": url.path, "locality": store.config.organisation.name]) + "\n")
        let modes = try options.fail { () throws(StoreError) in
            if let group, group != store.config.roster.group { try SQLiteStore.recordGroup(group, in: url) }
            return try SQLiteStore.applyFileModes(url, group: group ?? store.config.roster.group)
        }
        switch modes {
        case let .groupWritable(name): Console.out(strings.format("init.modes.group", ["group": name]) + "\n")
        case .ownerOnly: Console.out(strings.format("init.modes.owner", ["account": store.actor]) + "\n")
        case let .noSuchGroup(name): Console.note(strings.format("init.modes.noGroup", ["group": name]))
        }
    }

    /// What each ledger's import did.
    func say(_ summaries: [ImportSummary]) {
        for s in summaries {
            Console.out(options.strings.format("import.summary", ["file": s.file, "rows": String(s.rows), "encoding": s.encoding.rawValue,
                                                                  "inserted": String(s.inserted), "updated": String(s.updated),
                                                                  "unchanged": String(s.unchanged)]) + "\n")
        }
    }

    /// Makes a SQLite store at `url` from the locality directory or bundled sample.
    func makeStore(at url: URL) throws -> [ImportSummary] {
        let source = URL(fileURLWithPath: locality)
        var summaries: [ImportSummary] = []
        // --as-of: the day the store is made for (its meetings are this day's year and the next).
        let asOf: Day? = try options.asOf.map { text in
            guard let day = Day.parse(text) else { throw Console.usage(options.strings.format("error.badDate", ["text": text])) }
            return day
        }
        // Wiped inside the store operation, before a refusal is printed over it.
        let progress = StoreProgressLine("progressLine.init", strings: options.strings)
        if FileManager.default.fileExists(atPath: source.appendingPathComponent(LocalityFile.fileName).path) {
            summaries = try options.fail { () throws(StoreError) in
                defer { progress.finish() }
                return try SQLiteStore.create(at: url, from: source, asOf: asOf, progress: progress.handler)
            }
        } else if let sample = SampleLocality(rawValue: locality) {
            try options.fail { () throws(StoreError) in
                defer { progress.finish() }
                try StoreLocation.createFromSample(at: url, sample, asOf: asOf, progress: progress.handler)
            }
        } else {
            throw Console.usage(options.strings.format("error.notAStore", ["path": locality, "missing": LocalityFile.fileName]))
        }
        return summaries
    }

    func initOnServer(_ location: PostgresLocation) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        say(try makeStore(at: scratch.appendingPathComponent("store")))
        let summary = try options.fail { () throws(StoreError) in
            try PostgresStoreCopy.copy(from: scratch.appendingPathComponent("store"), to: location)
        }
        let report = CheckReport(findings: summary.findings, storePath: location.description, strings: options.strings)
        if report.errorCount > 0 || !summary.countsMatch {
            Console.out(report.render(.text))
            throw ExitCode.failure
        }
        Console.out(options.strings.format("migrate.done", ["from": locality, "to": location.description]) + "\n")
    }
}
