import KeyProjects

/// A mistake in locality.toml, at a key path such as `subcommands[2].commander`.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
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
    case io(path: String, message: String)
    case database(message: String)
    case workflow(issue: String, refusal: WorkflowRefusal)
    case invalidValue(field: String, message: String)
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
        case let .io(path, message):
            return "\(path): \(message)"
        case let .database(message):
            return "database: \(message)"
        case let .workflow(issue, refusal):
            return "issue \(issue): \(refusal)"
        case let .invalidValue(field, message):
            return "\(field): \(message)"
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
        }
    }
}
