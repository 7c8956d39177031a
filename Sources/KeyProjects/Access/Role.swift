/// What an OS account may do in a store (issue 4 §1), as written in locality.toml's roster.
public enum Role: Sendable, Hashable {
    /// The headquarters' leaders: read everything, write nothing.
    case hq
    /// 总指挥部办公室: writes everything.
    case office
    /// The clerk of one or more sub-commands: their projects' monthly figures, milestones,
    /// reminders and issues.
    case clerk(subcommands: Set<String>)
    /// A responsible unit (承办单位): works the issues assigned to it.
    case unit(name: String)
    /// The wall terminal: writes nothing.
    case wall
    case viewer

    /// The word in locality.toml.
    public var code: String {
        switch self {
        case .hq: return "hq"
        case .office: return "office"
        case .clerk: return "clerk"
        case .unit: return "unit"
        case .wall: return "wall"
        case .viewer: return "viewer"
        }
    }

    public static let codes = ["hq", "office", "clerk", "unit", "wall", "viewer"]

    public var writesAnything: Bool {
        switch self {
        case .office, .clerk, .unit: return true
        case .hq, .wall, .viewer: return false
        }
    }
}

/// One account on the roster.
public struct RosterEntry: Sendable, Hashable {
    /// The OS account name (what `id -un` prints).
    public var account: String
    public var role: Role
    /// The person's name, shown in the status line and written as 催办人.
    public var name: String

    public init(account: String, role: Role, name: String = "") {
        self.account = account; self.role = role; self.name = name
    }
}

/// The roster of a store: who may write what. An account not on it reads only.
public struct Roster: Sendable, Hashable {
    public var entries: [RosterEntry]
    /// The OS group that may write the store's files (`cmdroom init` sets the modes).
    public var group: String

    public init(entries: [RosterEntry] = [], group: String = "") {
        self.entries = entries; self.group = group
    }

    public func entry(for account: String) -> RosterEntry? { entries.first { $0.account == account } }

    /// The account's role; nil for an account not on the roster (reads only).
    public func role(of account: String) -> Role? { entry(for: account)?.role }

    /// The accounts that may make a write, for a refusal to name them.
    /// The accounts that may make a write, for a refusal to name them: the sub-command's
    /// clerks and the unit first, then the office.
    public func accounts(allowedTo action: WriteAction) -> [RosterEntry] {
        let allowed = entries.filter { WritePermission.allows($0.role, action) }
        return allowed.filter { $0.role != .office } + allowed.filter { $0.role == .office }
    }
}
