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

extension SQLBackedStore {
    /// The sub-command of a project, read in the write's transaction.
    func subcommand(ofProject code: String, _ db: any SQLSession) throws -> String {
        guard let sc = try db.value(String.self, sql: "SELECT subcommand FROM project WHERE code = ?", arguments: [code]) else {
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
        lastAuthorized = (action, target)
    }

    /// A refusal by the server (PostgreSQL's grants and row security) of what the app let
    /// through, in the roster's words: the last action this write was authorized for, who
    /// may make it. Nil when nothing was authorized yet.
    public func serverRefusal() -> StoreError? {
        guard let (action, target) = lastAuthorized else { return nil }
        return .accessRefused(AccessRefusal(account: access.account, role: access.role, action: action, target: target,
                                            allowed: access.roster.accounts(allowedTo: action)))
    }
}
