import KeyProjects

/// What is wrong with a file that should be a store's database.
public enum DamagedStore: Sendable, Hashable, CustomStringConvertible {
    /// Zero bytes: SQLite would take it for a new, empty database.
    case empty
    /// Not a SQLite database (its first bytes say otherwise).
    case notSQLite(bytes: Int)
    /// Shorter than its own header says: copied or written only in part.
    case truncated(expected: Int, found: Int)
    /// A SQLite database without cmdroom's tables.
    case foreign
    /// Not a regular file (a directory, a device…).
    case notAFile(FileKind)
    /// SQLite found the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB): its words.
    case corrupt(String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case let .notSQLite(bytes): return "not a SQLite database (\(bytes) bytes)"
        case let .truncated(expected, found): return "cut short: \(found) of \(expected) bytes"
        case .foreign: return "a SQLite database of another program"
        case let .notAFile(kind): return "a \(kind.rawValue), not a file"
        case let .corrupt(detail): return "damaged: \(detail)"
        }
    }
}

/// The kind of a file system entry, for refusals that name what was found.
public enum FileKind: String, Sendable, Hashable {
    case file, directory, symlink, other
}

/// A locality.toml that someone other than the store's owner may have written.
public struct UntrustedConfig: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// Owned by another account than the store's directory.
        case owner
        /// Writable by the group or by everyone (mode shown in `mode`).
        case writable
        /// A symbolic link or other non-file.
        case notAFile
    }
    public var path: String
    public var reason: Reason
    public var owner: String
    public var storeOwner: String
    /// The file's permission bits, octal ("0664").
    public var mode: String
}

/// A store left with an interrupted write that this account may not roll back.
public struct NeedsRecovery: Sendable, Hashable {
    public var database: String
    public var journal: String
    /// The group whose accounts may write the store ("" when no group may, or it cannot be told).
    public var group: String
    /// The account that may, when no group may.
    public var owner: String = ""
    /// The store lies on a read-only file system: nobody can recover it until it is writable.
    public var readOnlyFileSystem: Bool

    package init(database: String, journal: String, group: String, owner: String = "", readOnlyFileSystem: Bool) {
        self.database = database; self.journal = journal; self.group = group; self.owner = owner
        self.readOnlyFileSystem = readOnlyFileSystem
    }
}

/// A mistake in locality.toml, at a key path such as `subcommands[2].commander`.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// In English, for logs.
    public var message: String
    /// The strings table's key (`config.missing`) and values that word it in the user's language.
    public var key: String
    public var values: [String: String]
    public init(path: String, message: String, key: String = "", values: [String: String] = [:]) {
        self.path = path; self.message = message; self.key = key; self.values = values
    }
    public var description: String { "\(path): \(message)" }
}

/// Everything the store refuses, with what and where. `description` is English; the screens
/// and the CLI render these in the user's language.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case configSyntax(file: String, line: Int, column: Int, message: String)
    case configInvalid(file: String, problems: [ConfigProblem])
    case notAStore(path: String, missing: String)
    case alreadyExists(path: String)
    case sqliteTooOld(found: String, minimum: String)
    case schemaTooNew(found: Int, supported: Int)
    case readOnlyStore(path: String)
    case staleEdit(entity: String, key: String, changedBy: String, changedAt: String)
    case notFound(entity: String, key: String)
    case ledgerRejected(LedgerRejection)
    /// A file could not be read or written (`problem` worded by the strings tables).
    case io(path: String, problem: IOProblem)
    case database(message: String)
    case workflow(issue: String, refusal: WorkflowRefusal)
    /// A value given to a write that the store refuses (`field`: the option or column, for logs).
    case invalidValue(field: String, problem: ValueProblem)
    /// Awards proposed or picked against the rules of seed 003.
    case awards([AwardProblem])
    /// The roster does not let this account make the write.
    case accessRefused(AccessRefusal)
    /// Nothing of this account's is left to undo.
    case nothingToUndo(account: String)
    /// This account cannot write the store's files (it is not in the group that may).
    case notWritable(NotWritable)
    /// The row was changed after the write to undo (by someone else, or by a later write).
    case undoBlocked(entity: String, key: String, changedBy: String, changedAt: String)
    /// A monthly update with a value the rules refuse.
    case progress(project: String, ProgressProblem)
    /// The database file is there but is no cmdroom store: empty, cut short, not SQLite, or
    /// another program's database. Nothing was opened or written.
    case damagedStore(path: String, DamagedStore)
    /// Something other than a plain file lies where SQLite keeps its rollback journal.
    case unexpectedJournal(path: String, kind: FileKind)
    /// A write was cut off (a crash, a full disk) and its journal must be rolled back before
    /// anyone can read; this account cannot write the store, so it could not do it.
    case needsRecovery(NeedsRecovery)
    /// Another process holds the store for a write longer than this reader waits.
    case busy(path: String)
    /// An undo would put back a value the rules no longer allow (other writes moved them).
    case undoBreaksRule(project: String, ProgressProblem)
    /// A write dated after the real day (`--as-of` in the future).
    case writeDayAfterToday(day: Day, today: Day)
    /// The database is there but locality.toml (the organisation and the roster) is not.
    case missingLocality(path: String)
    /// The disk (or the file system's quota) is full: the write was rolled back.
    case diskFull(path: String)
    /// locality.toml (the roster) could have been written by someone other than the store's
    /// owner: cmdroom does not trust it.
    case untrustedConfig(UntrustedConfig)
    /// The store was made by an older cmdroom; opening it read-only cannot bring it up to date.
    case schemaOutdated(path: String, found: Int, supported: Int)
    /// A database server could not be reached or refused (PostgreSQL): its words, by key.
    case server(ServerFailure)

    public var description: String {
        switch self {
        case let .configSyntax(file, line, column, message):
            return "\(file):\(line):\(column): \(message)"
        case let .configInvalid(file, problems):
            return "\(file): " + problems.map(\.description).joined(separator: "; ")
        case let .notAStore(path, missing):
            return "\(path) is not a cmdroom store (no \(missing)); make one with `cmdroom init`"
        case let .alreadyExists(path):
            return "\(path) already holds a store; choose another directory"
        case let .sqliteTooOld(found, minimum):
            return "the linked SQLite is \(found); cmdroom needs \(minimum) or later"
        case let .schemaTooNew(found, supported):
            return "the store's schema is version \(found), newer than this cmdroom understands (\(supported)); upgrade cmdroom"
        case let .readOnlyStore(path):
            return "\(path) is open read-only; nothing was written"
        case let .staleEdit(entity, key, by, at):
            return "\(entity) \(key) was changed by \(by) at \(at) after you loaded it; reload and apply your edit again"
        case let .notFound(entity, key):
            return "no \(entity) \(key) in the store"
        case let .ledgerRejected(rejection):
            return rejection.description
        case let .io(path, problem):
            return "\(path): \(problem.english)"
        case let .database(message):
            return "database: \(message)"
        case let .workflow(issue, refusal):
            return "issue \(issue): \(refusal)"
        case let .invalidValue(field, problem):
            return "\(field): \(problem.english)"
        case let .awards(problems):
            return "awards: " + problems.map { "\($0)" }.joined(separator: "; ")
        case let .accessRefused(refusal):
            let who = refusal.allowed.isEmpty ? "the office" : refusal.allowed.map(\.account).joined(separator: ", ")
            return "\(refusal.account) (\(refusal.role?.code ?? "not on the roster")) may not \(refusal.action.name) \(refusal.target); \(who) may"
        case let .progress(project, problem):
            return "project \(project): \(problem)"
        case let .notWritable(n):
            return "this account cannot write \(n.path)" + (n.group.isEmpty ? "" : " (only group \(n.group) can)") + "; opened read-only, nothing was written"
        case let .undoBlocked(entity, key, by, at):
            return "cannot undo: \(entity) \(key) was changed by \(by) at \(at) after that write"
        case let .nothingToUndo(account):
            return "no change of \(account)'s is left to undo"
        case let .damagedStore(path, damage):
            return "\(path) is not a usable cmdroom store (\(damage)); nothing was opened or written"
        case let .unexpectedJournal(path, kind):
            return "\(path) is a \(kind.rawValue), not SQLite's journal; remove it"
        case let .needsRecovery(n):
            return "\(n.database) holds an interrupted write (\(n.journal)); an account that may write it must run `cmdroom check --repair`"
        case let .busy(path):
            return "\(path) is busy with another process's write"
        case let .undoBreaksRule(project, problem):
            return "cannot undo: project \(project) would break a rule (\(problem)); nothing was undone"
        case let .writeDayAfterToday(day, today):
            return "cannot write as of \(day.iso), after today (\(today.iso)); nothing was written"
        case let .missingLocality(path):
            return "\(path) has a database but no locality.toml; restore it from a backup"
        case let .diskFull(path):
            return "the disk holding \(path) is full; nothing was written"
        case let .untrustedConfig(u):
            return "\(u.path) is not trusted (\(u.reason)); owner \(u.owner), the store's owner is \(u.storeOwner)"
        case let .server(failure): return failure.english
        case let .schemaOutdated(path, found, supported):
            return "\(path) has schema version \(found), this cmdroom needs \(supported); open it for writing once to upgrade it"
        }
    }
}

/// Why a value given to a write is refused; worded by the strings tables (`ErrorText`), in
/// English here for logs.
public enum ValueProblem: Sendable, Hashable {
    /// `meetings expand` takes at most three years at a time.
    case windowTooLong(from: Day, to: Day)
    case notATime(String)
    /// A meeting moved to a day before the as-of day.
    case dateBefore(Day, Day)
    case meetingCancelled(String)
    case meetingAlreadyCancelled(String)
    /// A meeting with minutes recorded was held: not cancelled, not moved.
    case meetingHeld(String)
    /// A meeting moved onto a day its series already meets on (a weekly meeting moved onto the
    /// next week's): the other occurrence is named.
    case sameDayAsAnother(id: String, other: String, date: Day)
    case reasonRequired
    case titleRequired
    case decisionTextRequired
    case deadlineRequired
    case stepNeedsIssue
    case alreadyRecorded
    case descriptionRequired

    public var english: String {
        switch self {
        case let .windowTooLong(from, to): return "\(from.iso)…\(to.iso): at most three years at a time"
        case let .notATime(text): return "\"\(text)\" is not a time like 09:30"
        case let .dateBefore(date, day): return "\(date.iso) is before \(day.iso)"
        case let .meetingCancelled(id): return "\(id) is cancelled"
        case let .meetingAlreadyCancelled(id): return "\(id) is already cancelled"
        case let .meetingHeld(id): return "\(id) has minutes recorded: it was held"
        case let .sameDayAsAnother(id, other, date): return "\(id) moved to \(date.iso) would meet with \(other) of the same series that day"
        case .reasonRequired: return "a cancellation needs a reason"
        case .titleRequired: return "a meeting needs a title"
        case .decisionTextRequired: return "a decision needs its text"
        case .deadlineRequired: return "a decision needs a deadline"
        case .stepNeedsIssue: return "a step needs its issue"
        case .alreadyRecorded: return "already recorded at this meeting"
        case .descriptionRequired: return "an issue needs a description"
        }
    }
}

/// Why a file could not be read or written.
public enum IOProblem: Sendable, Hashable {
    case noSuchFile
    case cannotRead
    case notUTF8
    case cannotList(detail: String)
    case cannotCreate(detail: String)
    case cannotGiveToGroup(group: String, detail: String)
    /// The system's own words (strerror).
    case system(String)

    public var english: String {
        switch self {
        case .noSuchFile: return "no such file"
        case .cannotRead: return "cannot read the file"
        case .notUTF8: return "cannot read as UTF-8 text"
        case let .cannotList(detail): return "cannot list the directory (\(detail))"
        case let .cannotCreate(detail): return "cannot create the directory (\(detail))"
        case let .cannotGiveToGroup(group, detail): return "cannot give it to group \(group): \(detail)"
        case let .system(text): return text
        }
    }
}

/// A server engine's failure (no server, a refused login, a lost connection, a refusal by its
/// own rules), as the strings table's key and the values it names, so that the engine's words
/// reach the user in their language without this module knowing the engine.
public struct ServerFailure: Sendable, Hashable {
    /// The strings table's key (`pg.*`).
    public var key: String
    public var values: [String: String]
    /// The same in English, for logs.
    public var english: String
    public init(key: String, values: [String: String], english: String) {
        self.key = key; self.values = values; self.english = english
    }
}
