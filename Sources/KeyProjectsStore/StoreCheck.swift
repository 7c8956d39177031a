import Foundation
import GRDB
import KeyProjects
import Logging

/// One finding of `cmdroom check`; the screens and the CLI put it in words.
public struct CheckFinding: Sendable, Hashable {
    public enum Severity: String, Sendable { case ok, warning, error }

    public enum Item: Sendable, Hashable {
        case sqlite(version: String, walResetFixed: Bool)
        /// The PostgreSQL server's version, and whether this store's tables are read from a replica.
        case server(version: String, replica: Bool)
        case locality(name: String, subcommands: Int, localities: Int)
        case integrityOK
        case integrityProblem(String)
        case referencesOK
        case orphanRows(Int)
        case figuresOK
        case figuresMismatch(Int)
        case journal(mode: String)
        case unknownSubcommand(project: String, code: String)
        case unknownLocality(project: String, code: String)
        case contents(projects: Int, monthly: Int, issues: Int, meetings: Int, changes: Int)

        /// A stable name for JSON and CSV.
        public var subject: String {
            switch self {
            case .sqlite: return "sqlite"
            case .server: return "server"
            case .locality: return "locality"
            case .integrityOK, .integrityProblem: return "integrity"
            case .referencesOK, .orphanRows: return "references"
            case .figuresOK, .figuresMismatch: return "figures"
            case .journal: return "journal"
            case .unknownSubcommand, .unknownLocality: return "project"
            case .contents: return "contents"
            }
        }
    }

    public var severity: Severity
    public var item: Item

    public init(severity: Severity, item: Item) { self.severity = severity; self.item = item }
}

extension SQLiteStore {
    /// Integrity of the database and consistency of the data with locality.toml. Read-only.
    public func check() throws(StoreError) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func add(_ s: CheckFinding.Severity, _ item: CheckFinding.Item) { findings.append(CheckFinding(severity: s, item: item)) }
        if let linked = StoreLog.logging({ try SQLiteVersion.linked() }, "cannot read the linked SQLite's version") {
            add(.ok, .sqlite(version: linked.description, walResetFixed: linked >= SQLiteVersion.walResetFixed))
        }
        let org = config.organisation
        add(.ok, .locality(name: org.name, subcommands: org.subcommands.count, localities: org.localities.count))
        try readDatabase { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity == ["ok"] { add(.ok, .integrityOK) } else {
                for line in integrity.prefix(20) { add(.error, .integrityProblem(line)) }
            }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if orphans.isEmpty { add(.ok, .referencesOK) } else { add(.error, .orphanRows(orphans.count)) }
            // The packed monthly figures must say what the monthly ledger says.
            let expected = try MonthFigures.rebuildAll(db)
            var stored: [MonthFigures.Key: Data] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT project, year, figures FROM month_figures")
            while let row = try rows.next() { stored[MonthFigures.Key(project: row[0], year: row[1])] = row[2] }
            let differing = Set(expected.keys).union(stored.keys).filter { expected[$0]?.blob != stored[$0] }.count
            add(differing == 0 ? .ok : .error, differing == 0 ? .figuresOK : .figuresMismatch(differing))
            let mode = (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?").lowercased()
            add(mode == "wal" ? .error : .ok, .journal(mode: mode))
        }
        findings += try organisationFindings()
        return findings
    }
}

extension SQLBackedStore {
    /// Whether every project's sub-command and locality are in the organisation, and how many
    /// rows the store holds: the findings both engines' `check` end with.
    public func organisationFindings() throws(StoreError) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func add(_ s: CheckFinding.Severity, _ item: CheckFinding.Item) { findings.append(CheckFinding(severity: s, item: item)) }
        let org = config.organisation
        let subcommands = Set(org.subcommands.map(\.code)), localities = Set(org.localities.map(\.code))
        try read { db in
            for row in try db.rows(sql: "SELECT code, subcommand, locality FROM project ORDER BY code") {
                let code: String = row[0], sub: String = row[1], loc: String = row[2]
                if !subcommands.contains(sub) { add(.error, .unknownSubcommand(project: code, code: sub)) }
                if !localities.contains(loc) { add(.error, .unknownLocality(project: code, code: loc)) }
            }
        }
        let n = try counts()
        add(.ok, .contents(projects: n.projects, monthly: n.monthly, issues: n.issues, meetings: n.meetings, changes: n.changes))
        return findings
    }

    /// How many rows each table holds.
    public func counts() throws(StoreError) -> (projects: Int, monthly: Int, issues: Int, meetings: Int, changes: Int) {
        try read { db in
            let row = try db.row(sql: """
                SELECT (SELECT count(*) FROM project), (SELECT count(*) FROM monthly), (SELECT count(*) FROM issue),
                       (SELECT count(*) FROM meeting), (SELECT count(*) FROM change_log)
                """)!
            return (row[0], row[1], row[2], row[3], row[4])
        }
    }
}
