import GRDB
import KeyProjects

/// One finding of `cmdroom check`.
public struct CheckFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case ok, warning, error }
    public var severity: Severity
    public var subject: String
    public var message: String
    public var description: String { "\(severity.rawValue): \(subject): \(message)" }
}

extension Store {
    /// Integrity of the database and consistency of the data with locality.toml. Read-only.
    public func check() throws(StoreError) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func add(_ s: CheckFinding.Severity, _ subject: String, _ message: String) {
            findings.append(CheckFinding(severity: s, subject: subject, message: message))
        }
        let linked = try? SQLiteVersion.linked()
        if let linked {
            add(.ok, "sqlite", linked < SQLiteVersion.walResetFixed
                ? "\(linked) linked; rollback journal kept (WAL-reset bug fixed in \(SQLiteVersion.walResetFixed))"
                : "\(linked) linked")
        }
        add(.ok, "locality.toml", "valid: \(config.organisation.name), \(config.organisation.subcommands.count) sub-commands, \(config.organisation.localities.count) localities")
        let org = config.organisation
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity == ["ok"] { add(.ok, "integrity", "ok") } else {
                for line in integrity.prefix(20) { add(.error, "integrity", line) }
            }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if orphans.isEmpty { add(.ok, "references", "every row refers to an existing project") } else {
                add(.error, "references", "\(orphans.count) rows refer to projects that do not exist")
            }
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            if mode.lowercased() == "wal" { add(.error, "journal", "WAL mode; cmdroom needs the rollback journal (delete)") }
            else { add(.ok, "journal", mode) }
            let subcommands = Set(org.subcommands.map(\.code)), localities = Set(org.localities.map(\.code))
            for row in try Row.fetchAll(db, sql: "SELECT code, subcommand, locality FROM project ORDER BY code") {
                let code: String = row[0], sub: String = row[1], loc: String = row[2]
                if !subcommands.contains(sub) { add(.error, "project \(code)", "sub-command \(sub) is not in locality.toml") }
                if !localities.contains(loc) { add(.error, "project \(code)", "locality \(loc) is not in locality.toml") }
            }
            let counts = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM project), (SELECT count(*) FROM monthly), (SELECT count(*) FROM issue),
                       (SELECT count(*) FROM meeting), (SELECT count(*) FROM change_log)
                """)!
            add(.ok, "contents", "\(counts[0] as Int) projects, \(counts[1] as Int) monthly records, \(counts[2] as Int) issues, \(counts[3] as Int) meetings, \(counts[4] as Int) logged changes")
        }
        return findings
    }
}
