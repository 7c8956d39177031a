import KeyProjects
import Logging
import PostgresNIO
import StringTables

/// `cmdroom roster sync` (issue 17 §3): makes a PostgreSQL server's roles match a store's
/// roster, in one transaction, so that the row-level security of `PostgresRowSecurity` lets
/// each account do what the roster lets it and nothing more:
///
/// - a login role (LOGIN, no password: on the server's host it logs in by peer authentication
///   on the Unix socket, as the OS account of the same name) for each roster account that has
///   none;
/// - membership of the store's group role for its role (reader for hq, wall and viewer; clerk;
///   unit; office), and none of the store's other groups; an account no longer on the roster
///   loses its membership of this store's groups (its login role stays: other stores may use
///   it);
/// - `account_scope` rewritten with the clerks' sub-commands, `account_unit` with the units'
///   names.
///
/// Run by an administrator: a superuser, or a role with CREATEROLE that is a member of
/// `cmdroom_owner` (the scopes are written as the owner). It takes the migrations' advisory
/// lock, so two syncs, or a sync and a migration, never interleave. It never gives LOGIN to a
/// role that has none (a group role, the owner) and never drops a role.
public enum PostgresRoster {
    /// The store's group role an account is made a member of.
    public enum Group: String, Sendable, Hashable, CaseIterable, Comparable {
        case reader, clerk, unit, office

        public static func < (a: Group, b: Group) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        public func role(schema: String) -> String {
            switch self {
            case .reader: return PostgresNames.readerRole(schema: schema)
            case .clerk: return PostgresNames.clerkRole(schema: schema)
            case .unit: return PostgresNames.unitRole(schema: schema)
            case .office: return PostgresNames.officeRole(schema: schema)
            }
        }
    }

    /// The group of a roster role: hq, wall and viewer only read.
    public static func group(of role: Role) -> Group {
        switch role {
        case .hq, .wall, .viewer: return .reader
        case .clerk: return .clerk
        case .unit: return .unit
        case .office: return .office
        }
    }

    /// An account made or taken out of a group.
    public struct Membership: Sendable, Hashable, Comparable {
        public var account: String
        public var group: Group
        public init(account: String, group: Group) { self.account = account; self.group = group }
        public static func < (a: Membership, b: Membership) -> Bool { (a.account, a.group) < (b.account, b.group) }
    }

    /// Why a roster cannot be synced; nothing is changed then.
    public enum Problem: Sendable, Hashable {
        /// The name is a role of the server that cannot log in (a group role, the owner): giving
        /// it LOGIN or a store's rights is refused.
        case notAnAccount(String)
        /// A name PostgreSQL or cmdroom keeps for itself (`public`, `pg_…`, `cmdroom_owner`, the
        /// store's group roles).
        case reserved(String)
        /// Longer than PostgreSQL's 63 bytes (it would cut the name and miss the account).
        case tooLong(String)
        case empty
    }

    /// What a sync did (or, dry, would do).
    public struct Summary: Sendable, Hashable {
        /// Login roles made.
        public var created: [String] = []
        public var granted: [Membership] = []
        public var revoked: [Membership] = []
        /// Accounts whose scope (a clerk's sub-commands, a unit's name) was rewritten.
        public var scoped: [String] = []
        /// Roster accounts the server does not hold to row-level security (superusers,
        /// BYPASSRLS): said, not changed.
        public var unrestricted: [String] = []
        public var problems: [Problem] = []

        public init() {}

        /// Whether the server matched the roster already.
        public var changesNothing: Bool { created.isEmpty && granted.isEmpty && revoked.isEmpty && scoped.isEmpty }
    }

    /// What the server holds that the roster decides.
    public struct ServerState: Sendable, Hashable {
        public struct Account: Sendable, Hashable {
            public var canLogIn: Bool
            /// A superuser or BYPASSRLS: row-level security does not hold it.
            public var unrestricted: Bool
            public init(canLogIn: Bool, unrestricted: Bool = false) { self.canLogIn = canLogIn; self.unrestricted = unrestricted }
        }

        /// The roles of the roster's names that exist.
        public var roles: [String: Account]
        /// The members of each of the store's groups (the store's own groups left out).
        public var members: [Group: Set<String>]
        /// account_scope: account → sub-commands.
        public var scopes: [String: Set<String>]
        /// account_unit: account → unit.
        public var units: [String: String]

        public init(roles: [String: Account] = [:], members: [Group: Set<String>] = [:], scopes: [String: Set<String>] = [:],
                    units: [String: String] = [:]) {
            self.roles = roles; self.members = members; self.scopes = scopes; self.units = units
        }
    }

    /// The statements that make the server match, in order (the last of them as the owner), and
    /// their summary. No statements when there are problems.
    public struct Plan: Sendable, Hashable {
        public var statements: [String]
        public var summary: Summary
    }

    /// PostgreSQL's longest name, in bytes.
    static let maximumNameLength = 63

    /// Names no roster account may have.
    static func isReserved(_ name: String, schema: String) -> Bool {
        let lower = name.lowercased()
        return ["public", "none", "current_user", "session_user", "current_role", PostgresNames.owner].contains(lower)
            || lower.hasPrefix("pg_")
            || Group.allCases.contains { $0.role(schema: schema) == name }
    }

    /// The statements that make a server in `state` match `roster` for the store in `schema`.
    public static func plan(_ roster: Roster, schema: String, state: ServerState) -> Plan {
        var summary = Summary()
        for entry in roster.entries {
            let name = entry.account
            if name.isEmpty { summary.problems.append(.empty) }
            else if name.utf8.count > maximumNameLength { summary.problems.append(.tooLong(name)) }
            else if isReserved(name, schema: schema) { summary.problems.append(.reserved(name)) }
            else if let role = state.roles[name], !role.canLogIn { summary.problems.append(.notAnAccount(name)) }
        }
        guard summary.problems.isEmpty else { return Plan(statements: [], summary: summary) }

        let q = PostgresNames.quoted, l = PostgresNames.literal
        let s = q(schema)
        var wanted: [String: Group] = [:]
        for entry in roster.entries { wanted[entry.account] = group(of: entry.role) }
        var statements: [String] = []

        summary.created = Set(roster.entries.map(\.account)).filter { state.roles[$0] == nil }.sorted()
        statements += summary.created.map { "CREATE ROLE \(q($0)) LOGIN" }

        for group in Group.allCases {
            for member in (state.members[group] ?? []).sorted() where wanted[member] != group {
                summary.revoked.append(Membership(account: member, group: group))
            }
        }
        for (account, group) in wanted where !(state.members[group] ?? []).contains(account) {
            summary.granted.append(Membership(account: account, group: group))
        }
        summary.revoked.sort()
        summary.granted.sort()
        statements += summary.revoked.map { "REVOKE \(q($0.group.role(schema: schema))) FROM \(q($0.account))" }
        statements += summary.granted.map { "GRANT \(q($0.group.role(schema: schema))) TO \(q($0.account))" }

        // The scopes, as the owner.
        var wantedScopes: [String: Set<String>] = [:]
        var wantedUnits: [String: String] = [:]
        for entry in roster.entries {
            switch entry.role {
            case let .clerk(subcommands): wantedScopes[entry.account] = subcommands
            case let .unit(name): wantedUnits[entry.account] = name
            default: break
            }
        }
        var scopeStatements: [String] = []
        var scoped: Set<String> = []
        for account in Set(state.scopes.keys).union(wantedScopes.keys).sorted() {
            let have = state.scopes[account] ?? [], want = wantedScopes[account] ?? []
            guard have != want else { continue }
            scoped.insert(account)
            for sc in have.subtracting(want).sorted() {
                scopeStatements.append("DELETE FROM \(s).account_scope WHERE role_name = \(l(account)) AND subcommand = \(l(sc))")
            }
            for sc in want.subtracting(have).sorted() {
                scopeStatements.append("INSERT INTO \(s).account_scope (role_name, subcommand) VALUES (\(l(account)), \(l(sc)))")
            }
        }
        for account in Set(state.units.keys).union(wantedUnits.keys).sorted() where state.units[account] != wantedUnits[account] {
            scoped.insert(account)
            if let unit = wantedUnits[account] {
                scopeStatements.append("""
                    INSERT INTO \(s).account_unit (role_name, unit) VALUES (\(l(account)), \(l(unit))) \
                    ON CONFLICT (role_name) DO UPDATE SET unit = EXCLUDED.unit
                    """)
            } else {
                scopeStatements.append("DELETE FROM \(s).account_unit WHERE role_name = \(l(account))")
            }
        }
        summary.scoped = scoped.sorted()
        if !scopeStatements.isEmpty { statements += ["SET LOCAL ROLE \(q(PostgresNames.owner))"] + scopeStatements }

        summary.unrestricted = Set(roster.entries.map(\.account)).filter { state.roles[$0]?.unrestricted == true }.sorted()
        return Plan(statements: statements, summary: summary)
    }

    /// Reads the server's state and makes it match `roster`, in one transaction; with `dryRun`,
    /// changes nothing. With problems, changes nothing either: the plan says them.
    public static func sync(_ roster: Roster, bridge: PostgresBridge, dryRun: Bool = false) throws(PostgresStoreError) -> Plan {
        let schema = bridge.location.schema
        let logger = bridge.logger
        return try bridge.transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('cmdroom migrations'))", logger: logger)
            let state = try await readState(connection, roster: roster, schema: schema, logger: logger)
            let plan = plan(roster, schema: schema, state: state)
            guard plan.summary.problems.isEmpty, !dryRun else { return plan }
            for sql in plan.statements { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).drain() }
            return plan
        }
    }

    /// What the server holds now, read on `connection`.
    static func readState(_ connection: PostgresConnection, roster: Roster, schema: String, logger: Logger) async throws -> ServerState {
        var state = ServerState()
        let names = roster.entries.map(\.account)
        let rows = try await connection.query("""
            SELECT rolname::text, rolcanlogin, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = ANY(\(names))
            """, logger: logger)
        for try await (name, login, unrestricted) in rows.decode((String, Bool, Bool).self) {
            state.roles[name] = ServerState.Account(canLogIn: login, unrestricted: unrestricted)
        }
        let groups = Group.allCases.map { $0.role(schema: schema) }
        let members = try await connection.query("""
            SELECT g.rolname::text, m.rolname::text FROM pg_auth_members AS am
              JOIN pg_roles AS g ON g.oid = am.roleid
              JOIN pg_roles AS m ON m.oid = am.member
             WHERE g.rolname = ANY(\(groups)) AND NOT (m.rolname = ANY(\(groups)))
            """, logger: logger)
        for try await (group, member) in members.decode((String, String).self) {
            guard let g = Group.allCases.first(where: { $0.role(schema: schema) == group }) else { continue }
            state.members[g, default: []].insert(member)
        }
        let s = PostgresNames.quoted(schema)
        for try await (account, sc) in try await connection.query(PostgresQuery(unsafeSQL: "SELECT role_name, subcommand FROM \(s).account_scope"),
                                                                  logger: logger).decode((String, String).self) {
            state.scopes[account, default: []].insert(sc)
        }
        for try await (account, unit) in try await connection.query(PostgresQuery(unsafeSQL: "SELECT role_name, unit FROM \(s).account_unit"),
                                                                    logger: logger).decode((String, String).self) {
            state.units[account] = unit
        }
        return state
    }

    // MARK: pg_hba.conf

    /// The `pg_hba.conf` lines a headquarters' server needs for the roster's accounts of one
    /// store: on the server's host, each OS account logs in as its own role by peer
    /// authentication on the Unix socket; from other hosts, over TLS with a SCRAM password.
    /// Text only: the administrator puts them in place (above any broader line) and reloads.
    public static func hba(_ roster: Roster, database: String, schema: String, strings: Strings) -> String {
        let accounts = roster.entries.map(\.account).filter { !$0.isEmpty }
        var unique: [String] = []
        for account in accounts where !unique.contains(account) { unique.append(account) }
        var lines = [
            "# " + strings.format("pg.hba.header", ["schema": schema, "database": database]),
            "# " + strings["pg.hba.placement"],
        ]
        guard !unique.isEmpty else { return (lines + ["# " + strings["pg.hba.none"]]).joined(separator: "\n") + "\n" }
        let db = hbaToken(database)
        let users = unique.map(hbaToken)
        let dbWidth = max(db.count, 8), userWidth = max(users.map(\.count).max() ?? 0, 8)
        // Columns as pg_hba.conf's own examples line them up: type, database, user, [address,] method.
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count + 1)) }
        lines.append("# " + strings["pg.hba.local"])
        for user in users { lines.append(pad("local", 7) + pad(db, dbWidth) + pad(user, userWidth) + pad("", 3) + "peer") }
        lines.append("# " + strings["pg.hba.remote"])
        for user in users { lines.append(pad("hostssl", 7) + pad(db, dbWidth) + pad(user, userWidth) + pad("all", 3) + "scram-sha-256") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A name as pg_hba.conf takes it: quoted when it has anything but letters, digits, `_`,
    /// `-` and `.`, or is one of the file's keywords, or starts with `+` or `/`.
    static func hbaToken(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_-.".unicodeScalars.contains($0) }
        let keywords: Set<String> = ["all", "sameuser", "samerole", "samegroup", "replication"]
        if plain && !keywords.contains(name) && !name.isEmpty { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
