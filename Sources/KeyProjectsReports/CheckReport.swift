import KeyProjectsStore
import StringTables
import TextLayout

/// `cmdroom check` in words.
public struct CheckReport {
    public let findings: [CheckFinding]
    public let storePath: String
    public let strings: Strings

    public init(findings: [CheckFinding], storePath: String, strings: Strings) {
        self.findings = findings; self.storePath = storePath; self.strings = strings
    }

    public func message(_ item: CheckFinding.Item) -> String {
        let s = strings
        switch item {
        case let .sqlite(version, fixed):
            return s.format(fixed ? "check.sqlite" : "check.sqliteRollback", ["version": version])
        case let .server(version, replica):
            return s.format(replica ? "check.serverReplica" : "check.server", ["version": version])
        case let .locality(name, subcommands, localities):
            return s.format("check.locality", ["name": name, "subcommands": String(subcommands), "localities": String(localities)])
        case .integrityOK: return s["check.integrityOK"]
        case let .integrityProblem(text): return text
        case .referencesOK: return s["check.referencesOK"]
        case let .orphanRows(n): return s.format("check.orphans", ["n": String(n)])
        case .figuresOK: return s["check.figuresOK"]
        case let .figuresMismatch(n): return s.format("check.figuresMismatch", ["n": String(n)])
        case let .journal(mode): return s.format(mode == "wal" ? "check.journalWAL" : "check.journal", ["mode": mode])
        case let .unknownSubcommand(project, code): return s.format("check.unknownSubcommand", ["project": project, "code": code])
        case let .unknownLocality(project, code): return s.format("check.unknownLocality", ["project": project, "code": code])
        case let .contents(projects, monthly, issues, meetings, changes):
            return s.format("check.contents", ["projects": String(projects), "monthly": String(monthly), "issues": String(issues),
                                               "meetings": String(meetings), "changes": String(changes)])
        }
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            struct Row: Encodable { var severity: String; var subject: String; var message: String }
            return JSONText.encode(findings.map { Row(severity: $0.severity.rawValue, subject: $0.item.subject, message: message($0.item)) })
        case .csv:
            return CSVText.write(header: ["severity", "subject", "message"],
                                 rows: findings.map { [$0.severity.rawValue, $0.item.subject, message($0.item)] })
        case .text:
            let s = strings
            var table = TextTable(headers: [s["col.severity"], s["col.subject"], s["col.message"]])
            for f in findings { table.append([s["check.\(f.severity.rawValue)"], s["check.subject.\(f.item.subject)"], message(f.item)]) }
            return s.format("check.title", ["store": storePath]) + "\n" + table.render()
        }
    }
}
