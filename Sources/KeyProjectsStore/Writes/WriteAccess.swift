import GRDB
import KeyProjects

/// The one place the store checks a write against the roster (issue 4 §1): every public write
/// asks `authorize` inside its transaction, before it changes a row, and the change recorder
/// refuses to log a change nothing authorized.
struct WriteAccess: Sendable {
    let account: String
    let roster: Roster

    var role: Role? { roster.role(of: account) }

    func check(_ action: WriteAction, target: String) throws(StoreError) {
        guard WritePermission.allows(role, action) else {
            throw .accessRefused(AccessRefusal(account: account, role: role, action: action, target: target,
                                               allowed: roster.accounts(allowedTo: action)))
        }
    }
}

extension Store {
    /// The role of the account running this process; nil when it is not on the roster.
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

    /// The sub-command of a project, read in the write's transaction.
    func subcommand(ofProject code: String, _ db: Database) throws -> String {
        guard let sc = try String.fetchOne(db.cachedStatement(sql: "SELECT subcommand FROM project WHERE code = ?"),
                                           arguments: [code]) else {
            throw StoreError.notFound(entity: "project", key: code)
        }
        return sc
    }
}

extension ChangeRecorder {
    /// Checks the action and notes that the transaction's changes were authorized.
    func authorize(_ action: WriteAction, target: String) throws {
        try access.check(action, target: target)
        authorized = true
    }
}
