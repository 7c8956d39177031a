import Foundation
import KeyProjects

/// What the dashboard and the CLI may ask of a store, whatever engine keeps it: the embedded
/// SQLite file (`SQLiteStore`) or, for a headquarters spread over buildings and levels, a
/// PostgreSQL schema. Every operation is synchronous and throws `StoreError` in the same
/// words on both; the roster is checked here by the app on both, and enforced by the server
/// on PostgreSQL. What touches no SQL (ledger parsing, the locality file, errors, the
/// account) is shared by both engines.
public protocol Store: AnyObject, Sendable {
    // MARK: What it is
    /// Where it is, for the status line and messages: a directory, or a server and schema.
    var location: String { get }
    var config: LocalityConfig { get }
    var isReadOnly: Bool { get }
    /// Open for writing was asked, but this account cannot write it: open read-only instead.
    var notWritable: NotWritable? { get }
    /// The account the change log records (the OS account; on a server, the session's role).
    var actor: String { get }
    /// The schema version this open migrated the store from, if it did.
    var upgradedFrom: Int? { get }
    /// How long a read waits for another's write before saying the store is busy.
    func setReadWait(_ seconds: TimeInterval?)
    /// Interrupted writes this process rolled back since the last call.
    func takeRecoveries() -> [Recovery]
    /// Something that says, cheaply and often, whether anyone committed since the last look.
    func makeChangeWatch() throws(StoreError) -> any StoreChangeWatch

    // MARK: Reads
    func loadPortfolio(_ parts: PortfolioParts, issuesOpenOn: Day?) throws(StoreError) -> Portfolio
    func loadProjectFile(_ code: String) throws(StoreError) -> ProjectFile?
    func loadMeetings() throws(StoreError) -> [Meeting]
    func loadHeldFollowUps() throws(StoreError) -> Set<HeldFollowUp>
    func loadIssues() throws(StoreError) -> [Issue]
    func loadAwards() throws(StoreError) -> AwardRecord
    func meetings(from: Day, to: Day) throws(StoreError) -> [Meeting]
    func meeting(_ id: String) throws(StoreError) -> Meeting?
    func issue(_ id: String) throws(StoreError) -> Issue?
    func decisions(meeting: String) throws(StoreError) -> [MeetingDecision]
    func decisions(in month: YearMonth) throws(StoreError) -> [MeetingDecision]
    func progressTexts(in month: YearMonth) throws(StoreError) -> [String: String]
    func progressSheet(month: YearMonth, subcommands: Set<String>?, projects: [String]?) throws(StoreError) -> [ProgressSheetRow]
    func history(entity: String, key: String) throws(StoreError) -> [ChangeEntry]
    func projectHistory(_ code: String, limit: Int) throws(StoreError) -> [ChangeEntry]
    func changeLogCount() throws(StoreError) -> Int
    func check() throws(StoreError) -> [CheckFinding]
    func counts() throws(StoreError) -> (projects: Int, monthly: Int, issues: Int, meetings: Int, changes: Int)
    func exportLedger(_ kind: LedgerKind, headers: LedgerHeaderLanguage) throws(StoreError) -> String

    // MARK: Writes (each all or nothing; a stale version refused with who and when)
    func recordProgress(_ entry: ProgressEntry, on day: Day, basedOn base: ProgressBase?) throws(StoreError) -> UpsertOutcome
    func recordMonthly(_ record: MonthlyRecord, basedOn version: Int?) throws(StoreError) -> UpsertOutcome
    func addReminder(_ reminder: Reminder, on day: Day) throws(StoreError) -> UpsertOutcome
    func registerIssue(_ new: NewIssue, on day: Day) throws(StoreError) -> Issue
    func apply(_ action: IssueAction, toIssue id: String, on day: Day, basedOn version: Int?) throws(StoreError) -> Issue
    func expandCadence(from: Day, to: Day, progress: StoreProgressHandler?) throws(StoreError) -> CadenceExpansion
    func moveMeeting(_ id: String, to date: Day, time: String?, on day: Day, basedOn version: Int?) throws(StoreError) -> Meeting
    func cancelMeeting(_ id: String, reason: String, basedOn version: Int?) throws(StoreError) -> Meeting
    func addMeeting(_ meeting: Meeting) throws(StoreError) -> Meeting
    func numberAgenda(_ id: String) throws(StoreError) -> [String]
    func record(_ input: DecisionInput, on day: Day) throws(StoreError) -> MeetingDecision
    func proposeAwards(quarter: Quarter, subcommand: String, best: AwardChoice?, worst: AwardChoice?, on day: Day) throws(StoreError)
    func pickAwards(quarter: Quarter, antelope given: [String]?, snail givenSnail: [String]?, on day: Day) throws(StoreError)
    func importLedger(_ kind: LedgerKind, data: Data, file: String, today: Day, progress: StoreProgressHandler?) throws(StoreError) -> ImportSummary
    func lastUndoable() throws(StoreError) -> [ChangeEntry]
    func undoLast() throws(StoreError) -> [ChangeEntry]

    // MARK: Levels (a province's store and its cities' and counties' in one database)
    /// The stores one level down that this account may read (none on SQLite).
    func lowerStores() throws(StoreError) -> [LowerStore]
    /// One of them, opened read-only.
    func openLower(_ store: String) throws(StoreError) -> any Store
}

/// A store one level down: its name (a PostgreSQL schema) and its headquarters' name.
public struct LowerStore: Sendable, Hashable {
    public var store: String
    public var name: String
    public init(store: String, name: String) { self.store = store; self.name = name }
}

/// Levels are a server's: an embedded store has none below it.
extension Store {
    public func lowerStores() throws(StoreError) -> [LowerStore] { [] }
    public func openLower(_ store: String) throws(StoreError) -> any Store { throw .notFound(entity: "store", key: store) }

    /// The stores one level down, each rolled up from its own data, assessed on `asOf` (this
    /// level's as-of day): `cmdroom levels` and the overview's page of them.
    public func lowerRollups(asOf: Day) throws(StoreError) -> [LevelRollup] {
        try lowerStores().map { lower throws(StoreError) -> LevelRollup in
            let opened = try openLower(lower.store)
            return LevelRollup(store: lower.store, name: lower.name, portfolio: try opened.loadPortfolio([.issues]),
                               rules: opened.config.rules, asOf: asOf)
        }
    }
}

/// Whether anyone committed since the last look (SQLite: `PRAGMA data_version`; PostgreSQL:
/// a notification, or a poll on a replica).
public protocol StoreChangeWatch: Sendable {
    func hasChanged() throws(StoreError) -> Bool
    /// How often the dashboard asks (a cheap look may be asked often).
    var pollInterval: TimeInterval { get }
}

extension StoreChangeWatch {
    public var pollInterval: TimeInterval { 1 }
}

/// The account's place on the roster, the same on every engine.
extension Store {
    /// The role of the account; nil when it is not on the roster.
    public var role: Role? { config.roster.role(of: actor) }

    /// The person's name from the roster, else the account.
    public var actorName: String {
        let name = config.roster.entry(for: actor)?.name ?? ""
        return name.isEmpty ? actor : name
    }

    /// Whether this process may write anything at all (the screens hide write keys otherwise).
    public var canWrite: Bool { !isReadOnly && (role?.writesAnything ?? false) }

    /// Whether the account may make `action` (the screens ask before opening a form; the store
    /// asks again when it writes).
    public func may(_ action: WriteAction) -> Bool { !isReadOnly && WritePermission.allows(role, action) }
}

/// The usual forms of the calls, with their defaults.
extension Store {
    public func loadPortfolio(_ parts: PortfolioParts = .all) throws(StoreError) -> Portfolio { try loadPortfolio(parts, issuesOpenOn: nil) }
    public func projectHistory(_ code: String) throws(StoreError) -> [ChangeEntry] { try projectHistory(code, limit: 500) }
    public func progressSheet(month: YearMonth, subcommands: Set<String>?) throws(StoreError) -> [ProgressSheetRow] {
        try progressSheet(month: month, subcommands: subcommands, projects: nil)
    }
    public func exportLedger(_ kind: LedgerKind) throws(StoreError) -> String { try exportLedger(kind, headers: .zh) }
    @discardableResult
    public func recordProgress(_ entry: ProgressEntry, on day: Day) throws(StoreError) -> UpsertOutcome { try recordProgress(entry, on: day, basedOn: nil) }
    @discardableResult
    public func recordMonthly(_ record: MonthlyRecord) throws(StoreError) -> UpsertOutcome { try recordMonthly(record, basedOn: nil) }
    public func apply(_ action: IssueAction, toIssue id: String, on day: Day) throws(StoreError) -> Issue {
        try apply(action, toIssue: id, on: day, basedOn: nil)
    }
    public func expandCadence(from: Day, to: Day) throws(StoreError) -> CadenceExpansion { try expandCadence(from: from, to: to, progress: nil) }
    public func moveMeeting(_ id: String, to date: Day, time: String? = nil, on day: Day) throws(StoreError) -> Meeting {
        try moveMeeting(id, to: date, time: time, on: day, basedOn: nil)
    }
    public func cancelMeeting(_ id: String, reason: String) throws(StoreError) -> Meeting { try cancelMeeting(id, reason: reason, basedOn: nil) }
    public func importLedger(_ kind: LedgerKind, data: Data, file: String, today: Day) throws(StoreError) -> ImportSummary {
        try importLedger(kind, data: data, file: file, today: today, progress: nil)
    }

    /// A ledger file read whole, then imported as `importLedger(_:data:…)` does (the same on
    /// every engine: the file is read by the client).
    public func importLedger(_ kind: LedgerKind, from url: URL, displayName: String? = nil, today: Day,
                             progress: StoreProgressHandler? = nil) throws(StoreError) -> ImportSummary {
        let name = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .io(path: name, problem: FileManager.default.fileExists(atPath: url.path) ? .cannotRead : .noSuchFile)
        }
        return try importLedger(kind, data: data, file: name, today: today, progress: progress)
    }
}


/// The embedded engine: a directory holding `cmdroom.sqlite` and `locality.toml`.
extension SQLiteStore: SQLBackedStore {
    public var location: String { directory.path }
    public func makeChangeWatch() throws(StoreError) -> any StoreChangeWatch { try ChangeWatcher(store: self) }
}

extension ChangeWatcher: StoreChangeWatch {}
