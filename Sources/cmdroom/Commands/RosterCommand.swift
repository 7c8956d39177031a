import ArgumentParser
import Foundation
import KeyProjects
import KeyProjectsPostgres
import KeyProjectsReports
import KeyProjectsStore
import StringTables

/// `cmdroom roster sync`: the roster made the PostgreSQL server's login roles, grants and scopes
/// (issue 17 §3; `PostgresRoster`, `PostgresRowSecurity`, docs/postgres-security.md).
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "The roster on a PostgreSQL server: login roles, grants and scopes.",
        subcommands: [RosterSyncCommand.self])
}

struct RosterSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Make the PostgreSQL server's roles, grants and scopes match the roster (in one transaction).",
        discussion: """
            Makes a login role for each roster account that has none (no password: on the server's host it logs in by \
            peer authentication), grants the group role of its role, revokes the group roles it should no longer have, \
            and rewrites the clerks' sub-commands and the unit accounts' units. Run it as the database's administrator.
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("A locality directory whose locality.toml holds the roster (default: the store's own, kept in the database).", valueName: "dir"), completion: .directory)
    var locality: String?
    @Flag(name: .customLong("print-hba"), help: "Only print the pg_hba.conf lines the roster's accounts need.")
    var printHBA = false
    @Flag(name: .customLong("dry-run"), help: "List what would change and the statements it would run; change nothing.")
    var dryRun = false

    func run() throws {
        let s = options.strings
        let location = try address()
        let roster = try readRoster()
        if printHBA {
            Console.out(PostgresRoster.hba(roster, database: location.effectiveDatabase, schema: location.schema, strings: s))
            return
        }
        let plan = try postgres { () throws(PostgresStoreError) in
            let bridge = try PostgresBridge(location)
            defer { bridge.close() }
            return try PostgresRoster.sync(roster, bridge: bridge, dryRun: dryRun)
        }
        let summary = plan.summary
        guard summary.problems.isEmpty else {
            Console.error(s.format("pg.roster.refused", ["schema": location.schema]))
            for problem in summary.problems { Console.error("  " + Self.text(problem, s)) }
            throw ExitCode.failure
        }
        Console.out(Self.report(summary, schema: location.schema, dryRun: dryRun, s))
        if dryRun && !plan.statements.isEmpty {
            Console.out(s["pg.roster.statements"] + "\n" + plan.statements.map { "  " + $0 + ";" }.joined(separator: "\n") + "\n")
        }
        if !summary.created.isEmpty && !dryRun { Console.note(s["pg.roster.passwords"]) }
    }

    /// The store's address, found as every command finds it (`StoreLocation.serverAddress`);
    /// it must be a PostgreSQL one.
    func address() throws -> PostgresLocation {
        let s = options.strings
        let found: PostgresLocation?
        do { found = try StoreLocation.serverAddress(options.store, directory: StoreLocation.resolve(options.store).url) } catch {
            throw Console.usage(ErrorText(strings: s).lines(error).joined(separator: " "))
        }
        guard let found else { throw Console.usage(s["pg.roster.needsAddress"]) }
        return found
    }

    /// The roster: the store's own (its locality.toml's text is kept in the database), or
    /// the one in `--locality` (to sync a roster before it is written into the store).
    func readRoster() throws -> Roster {
        guard let locality else {
            let location = try address()
            return try options.fail { () throws(StoreError) in try PostgresStore.open(location, readOnly: true).config.roster }
        }
        let directory = URL(fileURLWithPath: locality)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(LocalityFile.fileName).path) else {
            throw Console.usage(options.strings.format("pg.roster.noLocalityFile", ["path": locality]))
        }
        return try options.fail { () throws(StoreError) in try LocalityFile.load(directory: directory).roster }
    }

    /// Runs a server operation, printing its failure in the user's language (exit 1).
    func postgres<T>(_ body: () throws(PostgresStoreError) -> T) throws -> T {
        do { return try body() } catch {
            Console.error(error.text(options.strings))
            throw ExitCode.failure
        }
    }

    static func report(_ summary: PostgresRoster.Summary, schema: String, dryRun: Bool, _ s: Strings) -> String {
        let separator = s["pg.listSeparator"]
        var lines: [String] = []
        if summary.changesNothing {
            lines.append(s.format("pg.roster.upToDate", ["schema": schema]))
        } else {
            lines.append(s.format(dryRun ? "pg.roster.wouldSync" : "pg.roster.synced",
                                  ["schema": schema, "created": String(summary.created.count), "granted": String(summary.granted.count),
                                   "revoked": String(summary.revoked.count), "scoped": String(summary.scoped.count)]))
            func memberships(_ list: [PostgresRoster.Membership]) -> String {
                list.map { s.format("pg.roster.membership", ["account": $0.account, "group": s["pg.roster.group.\($0.group.rawValue)"]]) }
                    .joined(separator: separator)
            }
            if !summary.created.isEmpty { lines.append("  " + s.format("pg.roster.created", ["accounts": summary.created.joined(separator: separator)])) }
            if !summary.granted.isEmpty { lines.append("  " + s.format("pg.roster.granted", ["memberships": memberships(summary.granted)])) }
            if !summary.revoked.isEmpty { lines.append("  " + s.format("pg.roster.revoked", ["memberships": memberships(summary.revoked)])) }
            if !summary.scoped.isEmpty { lines.append("  " + s.format("pg.roster.scoped", ["accounts": summary.scoped.joined(separator: separator)])) }
        }
        if !summary.unrestricted.isEmpty {
            lines.append(s.format("pg.roster.unrestricted", ["accounts": summary.unrestricted.joined(separator: separator)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ problem: PostgresRoster.Problem, _ s: Strings) -> String {
        switch problem {
        case let .notAnAccount(name): return s.format("pg.roster.problem.notAnAccount", ["account": name])
        case let .reserved(name): return s.format("pg.roster.problem.reserved", ["account": name])
        case let .tooLong(name): return s.format("pg.roster.problem.tooLong", ["account": name])
        case .empty: return s["pg.roster.problem.empty"]
        }
    }
}
