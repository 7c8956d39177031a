import GRDB
import KeyProjects

/// A new issue as the office or a clerk registers it (issue 4 §4).
public struct NewIssue: Sendable, Hashable {
    public var project: String
    public var category: IssueCategory
    public var kind: IssueKind
    public var level: IssueLevel
    public var description: String
    /// Shared problems (共性难题) carry the same group key across projects.
    public var group: String

    public init(project: String, category: IssueCategory, kind: IssueKind = .general, level: IssueLevel,
                description: String, group: String = "") {
        self.project = project; self.category = category; self.kind = kind; self.level = level
        self.description = description; self.group = group
    }
}

extension SQLBackedStore {
    /// One issue by its id.
    public func issue(_ id: String) throws(StoreError) -> Issue? {
        try read { db in try fetchIssue(id, db) }
    }

    func fetchIssue(_ id: String, _ db: any SQLSession) throws -> Issue? {
        try db.row(sql: "SELECT \(Codecs.issue.selectColumns) FROM issue WHERE id = ?", arguments: [id])
            .map(Codecs.issue.decode)
    }

    /// Registers an issue on `day` with the next free id of that year (Q2026-0041); the
    /// 13710 clock starts with the dispatch step.
    @discardableResult
    public func registerIssue(_ new: NewIssue, on day: Day) throws(StoreError) -> Issue {
        try requireWriteDay(day)
        guard !new.description.trimmingASCIISpaces().isEmpty else {
            throw .invalidValue(field: "description", problem: .descriptionRequired)
        }
        return try write { db, log in try register(new, on: day, db: db, log: log) }
    }

    /// Registers within a write's transaction (a meeting decision does it with its record).
    func register(_ new: NewIssue, on day: Day, db: any SQLSession, log: ChangeRecorder) throws -> Issue {
        let sc = try subcommand(ofProject: new.project, db)
        try log.authorize(.registerIssue(subcommand: sc), target: new.project)
        let prefix = "Q\(day.year)-"
        let ids = try db.values(String.self, sql: "SELECT id FROM issue WHERE id LIKE ?", arguments: [prefix + "%"])
        let next = (ids.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1
        let number = String(next)
        let id = prefix + String(repeating: "0", count: max(0, 4 - number.count)) + number
        let issue = Issue(id: id, project: new.project, category: new.category, kind: new.kind, level: new.level,
                          description: new.description, registeredOn: day, group: new.group)
        _ = try upsert(Codecs.issue, issue, basedOn: nil, db: db, log: log)
        return try fetchIssue(id, db)!
    }

    /// Takes a step of the issue workflow on `day` (dispatch, arrange, feedback, ...): checked
    /// against the roster, then the workflow's rules; with `basedOn`, refused when someone
    /// changed the issue since that version.
    @discardableResult
    public func apply(_ action: IssueAction, toIssue id: String, on day: Day, basedOn version: Int? = nil) throws(StoreError) -> Issue {
        try requireWriteDay(day)
        return try write { db, log in try take(action, on: id, day: day, basedOn: version, db: db, log: log) }
    }

    /// A workflow step within a write's transaction.
    func take(_ action: IssueAction, on id: String, day: Day, basedOn version: Int?, db: any SQLSession, log: ChangeRecorder) throws -> Issue {
        guard let issue = try fetchIssue(id, db) else { throw StoreError.notFound(entity: "issue", key: id) }
        // A lower store's issue belongs to no sub-command here: the office works it.
        let sc = issue.isFromLowerStore ? "" : try subcommand(ofProject: issue.project, db)
        try log.authorize(.workIssue(action.kind, subcommand: sc, assignedUnit: issue.unit), target: id)
        if let version, version != issue.version { throw try staleEdit(entity: "issue", key: id, db) }
        let next: Issue
        do throws(WorkflowRefusal) {
            next = try IssueWorkflow.apply(action, to: issue, on: day, levels: config.organisation.issueLevels,
                                           units: config.organisation.units)
        } catch { throw StoreError.workflow(issue: id, refusal: error) }
        _ = try upsert(Codecs.issue, next, basedOn: version, db: db, log: log)
        if case .escalate = action, let own = IssueLevel(rawValue: config.organisation.level.rawValue), next.level > own {
            _ = try referToLevelAbove(next, db: db)
        }
        return try fetchIssue(id, db)!
    }
}
