import Foundation
import GRDB
import KeyProjects

/// What an import did.
public struct ImportSummary: Sendable, Hashable {
    public var kind: LedgerKind
    public var file: String
    public var encoding: LedgerEncoding
    public var rows: Int
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
}

extension SQLBackedStore {
    /// Imports a ledger file in one transaction: every row is checked first; any problem refuses
    /// the whole file and writes nothing. Rows are keyed (project code; code and month; ...), so
    /// importing the same file again updates in place. A column the file leaves out leaves that
    /// field of the rows it names as it is; a column present with an empty cell clears it.
    /// `today`: the as-of day the write paths' rules are read on (a month not begun, a date
    /// after it, are refused).
    /// `progress`: told of each row checked, then of each row written.
    public func importLedger(_ kind: LedgerKind, data: Data, file: String, today: Day,
                             progress: StoreProgressHandler? = nil) throws(StoreError) -> ImportSummary {
        try requireWriteDay(today)
        guard !isReadOnly else { throw .readOnlyStore(path: location) }
        let codes = try projectCodes()
        // The awards ledger's rules read the store's projects and awards too.
        let subcommands = kind == .awards ? try read { db in try Self.projectSubcommands(db) } : [:]
        let awards = kind == .awards ? try loadAwards() : AwardRecord()
        let parsedFile: ParsedFile
        switch LedgerParser.parse(kind, data: data, file: file, organisation: config.organisation, storeProjects: codes,
                                  projectSubcommands: subcommands, storeAwards: awards, progress: progress) {
        case let .success(result): parsedFile = result
        case let .failure(rejection): throw .ledgerRejected(rejection)
        }
        let parsed = parsedFile.ledger
        // The table columns an existing row keeps: those of the ledger columns the file leaves out.
        let absent = Set(LedgerLayout.columns(kind).map(\.key)).subtracting(parsedFile.present).map(Self.tableColumn)
        func keeping<T>(_ codec: EntityCodec<T>) -> Set<String> { Set(absent).intersection(codec.columns.dropFirst(codec.keyColumnCount)) }
        var written = 0
        func wrote() {
            progress?(StoreProgress(.writing(kind), done: written, total: parsed.count))
            written += 1
        }
        let outcomes: [UpsertOutcome] = try write { db, log in
            // A server engine may run this body again after a conflict: count from the start.
            written = 0
            try authorizeImport(parsed, file: file, db: db, log: log)
            // The write paths' rules on each row, before anything is written.
            let checked = try checkImportRows(parsedFile, file: file, today: today, db: db, log: log)
            let yearsBefore = kind == .projects ? try Self.projectBounds(db) : [:]
            let outcomes: [UpsertOutcome]
            switch checked {
            case let .projects(v): outcomes = try upsertMany(Codecs.project, v, keeping: keeping(Codecs.project), db: db, log: log, each: wrote)
            case let .monthly(v): outcomes = try upsertMany(Codecs.monthly, v, keeping: keeping(Codecs.monthly), db: db, log: log, each: wrote)
            case let .milestones(v): outcomes = try upsertMany(Codecs.milestone, v, keeping: keeping(Codecs.milestone), db: db, log: log, each: wrote)
            case let .reminders(v): outcomes = try upsertMany(Codecs.reminder, v, keeping: keeping(Codecs.reminder), db: db, log: log, each: wrote)
            case let .issues(v): outcomes = try upsertMany(Codecs.issue, v, keeping: keeping(Codecs.issue), db: db, log: log, each: wrote)
            case let .meetings(v): outcomes = try upsertMany(Codecs.meeting, v, keeping: keeping(Codecs.meeting), db: db, log: log, each: wrote)
            case let .awards(v):
                // An award's place taken by another project in the file: the old one gives way.
                for row in v {
                    guard case let .pick(p) = row.value else { continue }
                    for old in try fetchAll(Codecs.award, db, "WHERE quarter = ? AND kind = ? AND place = ? AND project <> ?",
                                               [p.quarter.description, p.kind.rawValue, p.place, p.project]) {
                        try delete(Codecs.award, key: [old.quarter.description, old.kind.rawValue, old.project].map(Cells.text), db: db, log: log)
                    }
                }
                outcomes = try v.map { row in
                    wrote()
                    switch row.value {
                    case let .proposal(p): return try upsert(Codecs.awardProposal, p, basedOn: nil, keeping: keeping(Codecs.awardProposal), db: db, log: log)
                    case let .pick(p): return try upsert(Codecs.award, p, basedOn: nil, keeping: keeping(Codecs.award), db: db, log: log)
                    }
                }
            }
            // The rules on the merged result: the store's rows and the file's together.
            try checkImportResult(parsedFile, file: file, yearsBefore: yearsBefore, db: db)
            return outcomes
        }
        return ImportSummary(kind: kind, file: file, encoding: parsedFile.encoding, rows: parsed.count,
                             inserted: outcomes.count { $0 == .inserted }, updated: outcomes.count { $0 == .updated },
                             unchanged: outcomes.count { $0 == .unchanged })
    }

    /// The table column of a ledger column: mostly the same name; a child table's project
    /// code is `project`, an issue's 共性问题 `grp`.
    static func tableColumn(_ ledgerKey: String) -> String {
        switch ledgerKey {
        case "code": return "project"
        case "group": return "grp"
        default: return ledgerKey
        }
    }

    /// The project ledger, issues and meetings are the office's; a clerk may import the monthly
    /// figures, milestones and reminders of their own sub-command's projects.
    func authorizeImport(_ parsed: ParsedLedger, file: String, db: any SQLSession, log: ChangeRecorder) throws {
        let projects: [String]
        switch parsed {
        case .projects: return try log.authorize(.editProjects, target: file)
        case .issues: return try log.authorize(.importIssues, target: file)
        case .meetings: return try log.authorize(.editMeetings, target: file)
        case let .awards(v):
            // A clerk imports their sub-commands' nominations; awards are the office's.
            for row in v {
                switch row.value {
                case let .proposal(p): try log.authorize(.proposeAward(subcommand: p.subcommand), target: "\(file):\(row.line)")
                case .pick: try log.authorize(.pickAwards, target: "\(file):\(row.line)")
                }
            }
            log.authorized = true
            return
        case let .monthly(v): projects = v.map(\.project)
        case let .milestones(v): projects = v.map(\.project)
        case let .reminders(v): projects = v.map(\.project)
        }
        if case .office = log.access.role {
            log.authorized = true
            return
        }
        let subcommands = try Self.projectSubcommands(db)
        for code in Set(projects).sorted() {
            let sc = subcommands[code] ?? ""
            if case .reminders = parsed { try log.authorize(.remind(subcommand: sc), target: code) }
            else { try log.authorize(.recordProgress(subcommand: sc), target: code) }
        }
        log.authorized = true   // an empty file writes nothing, but is no refusal
    }

    /// Each project's sub-command, by code.
    static func projectSubcommands(_ db: any SQLSession) throws -> [String: String] {
        var subcommands: [String: String] = [:]
        for row in try db.rows(sql: "SELECT code, subcommand FROM project") { subcommands[row[0]] = row[1] }
        return subcommands
    }

    func projectCodes() throws(StoreError) -> Set<String> {
        try read { db in Set(try db.values(String.self, sql: "SELECT code FROM project")) }
    }
}
