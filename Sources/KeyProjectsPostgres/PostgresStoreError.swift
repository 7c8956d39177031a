import Foundation
import KeyProjectsStore
import PostgresNIO
import StringTables

/// Everything the PostgreSQL backend refuses or fails at, with what and where. `description` is
/// English, for logs; `text(_:)` words it from the strings tables (`pg.*`). (Not called
/// `PostgresError`: PostgresNIO has a type of that name, and a file importing both could not
/// say which it meant.)
///
/// These will join `StoreError` when the store protocol lands (issue 17 §1): `storeError` gives
/// the case that already exists there (a stale edit, a schema too new); the server's refusals
/// (`rowSecurity`, `insufficientPrivilege`) will become `StoreError.accessRefused` with the
/// roster's words once the app knows who may, and the rest a new `StoreError` case carrying a
/// `PostgresStoreError` (StoreError is an enum in KeyProjectsStore, which another branch is
/// reworking, so no case is added to it here).
public enum PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The address could not be read.
    case location(text: String, LocationProblem)
    /// No socket at that path: no server runs there, or the directory is wrong.
    case noServer(socket: String)
    /// Something is at the address but refused the connection.
    case connectionRefused(server: String)
    /// Any other failure to connect (name not found, network down…), with the system's words.
    case unreachable(server: String, detail: String)
    /// The server refused the account (`pg_hba.conf`, a wrong password, no such role): 28000, 28P01.
    case authenticationFailed(user: String, server: String, detail: String)
    /// 3D000.
    case noDatabase(name: String, server: String)
    /// The database has no schema of that name: no such store (3F000, or found missing).
    case noStore(schema: String)
    /// 42501 other than a row-level-security refusal: no grant for the table or column, `SET
    /// ROLE` to a role the account is not a member of.
    case insufficientPrivilege(user: String, detail: String)
    /// 42501 from a row-level-security policy: the row is not one this account may write (a
    /// clerk's row of another sub-command).
    case rowSecurity(user: String, table: String)
    /// 23505: a row with that key exists.
    case duplicate(table: String, constraint: String, detail: String)
    /// The version trigger refused an edit based on an older version of the row (SQLSTATE
    /// CR409, raised by cmdroom's trigger): who changed it last, and when.
    case staleEdit(entity: String, key: String, changedBy: String, changedAt: String)
    /// 40001 or 40P01 still after the bridge's retries.
    case serializationFailure(attempts: Int)
    /// The connection broke during the work (the server stopped, the network dropped).
    case connectionLost(server: String)
    /// No answer within the bridge's timeout; the work was cancelled.
    case timedOut(server: String, seconds: Int)
    /// The bridge was asked to wait on one of the event loop's own threads, which would hang
    /// it: a programming error, refused instead.
    case onEventLoop
    /// The store's schema was made by a newer cmdroom.
    case schemaTooNew(schema: String, found: Int, supported: Int)
    /// The bridge was closed.
    case closed
    /// TLS could not be set up: a certificate, key or root file named (or in ~/.postgresql)
    /// that cannot be read or does not fit.
    case tlsSetup(server: String, detail: String)
    /// Any other server error: its SQLSTATE and message.
    case server(sqlState: String, message: String)

    public var description: String {
        switch self {
        case let .location(text, problem): return "\(text): \(problem)"
        case let .noServer(socket): return "no PostgreSQL server at \(socket) (no such socket)"
        case let .connectionRefused(server): return "\(server) refused the connection"
        case let .unreachable(server, detail): return "cannot reach \(server): \(detail)"
        case let .authenticationFailed(user, server, detail): return "\(server) refused the login of \(user): \(detail)"
        case let .noDatabase(name, server): return "no database \(name) on \(server)"
        case let .noStore(schema): return "no store \(schema) in the database (no such schema)"
        case let .insufficientPrivilege(user, detail): return "refused by the server: \(user) may not (\(detail))"
        case let .rowSecurity(user, table): return "refused by the server: \(user) may not write that row of \(table) (row-level security)"
        case let .duplicate(table, constraint, detail): return "\(table) already has that key (\(constraint): \(detail))"
        case let .staleEdit(entity, key, by, at): return "\(entity) \(key) was changed by \(by) at \(at) after you loaded it"
        case let .serializationFailure(attempts): return "conflicted with other writes \(attempts) times"
        case let .connectionLost(server): return "the connection to \(server) was lost"
        case let .timedOut(server, seconds): return "no answer from \(server) within \(seconds) s"
        case .onEventLoop: return "a synchronous wait on an event loop thread was refused"
        case let .schemaTooNew(schema, found, supported): return "store \(schema) has schema version \(found), newer than this cmdroom's \(supported)"
        case .closed: return "the connection to the database is closed"
        case let .tlsSetup(server, detail): return "cannot set up TLS to \(server): \(detail)"
        case let .server(state, message): return "PostgreSQL \(state): \(message)"
        }
    }

    /// The case `StoreError` has already, where there is one.
    public var storeError: StoreError? {
        switch self {
        case let .staleEdit(entity, key, by, at): return .staleEdit(entity: entity, key: key, changedBy: by, changedAt: at)
        case let .schemaTooNew(_, found, supported): return .schemaTooNew(found: found, supported: supported)
        default: return nil
        }
    }

    /// Whether the same work may succeed if run again (the bridge retries these).
    var isRetryable: Bool {
        if case .serializationFailure = self { return true }
        return false
    }

    /// The error in the user's language.
    public func text(_ strings: Strings) -> String {
        let (key, values) = wording(strings)
        return strings.format(key, values)
    }

    /// The error as a store error: the cases the store has already (a stale edit) as those,
    /// the rest by their strings key, worded in the user's language where it is shown.
    public func storeError(strings: Strings = Strings(.en)) -> StoreError {
        if case let .staleEdit(entity, key, by, at) = self { return .staleEdit(entity: entity, key: key, changedBy: by, changedAt: at) }
        let (key, values) = wording(strings)
        return .server(ServerFailure(key: key, values: values, english: description))
    }

    /// The strings key and the values it names.
    func wording(_ strings: Strings) -> (String, [String: String]) {
        switch self {
        case let .location(text, problem): return Self.wording(problem, address: text, strings)
        case let .noServer(socket): return ("pg.noServer", ["socket": socket])
        case let .connectionRefused(server): return ("pg.refused", ["server": server])
        case let .unreachable(server, detail): return ("pg.unreachable", ["server": server, "detail": detail])
        case let .authenticationFailed(user, server, detail): return ("pg.authFailed", ["user": user, "server": server, "detail": detail])
        case let .noDatabase(name, server): return ("pg.noDatabase", ["database": name, "server": server])
        case let .noStore(schema): return ("pg.noStore", ["schema": schema])
        case let .insufficientPrivilege(user, detail): return ("pg.privilege", ["user": user, "detail": detail])
        case let .rowSecurity(user, table): return ("pg.rowSecurity", ["user": user, "table": table])
        case let .duplicate(table, _, detail): return ("pg.duplicate", ["table": table, "detail": detail])
        case let .staleEdit(entity, key, by, at): return ("pg.stale", ["entity": entity, "key": key, "by": by, "at": at])
        case let .serializationFailure(attempts): return ("pg.serialization", ["attempts": String(attempts)])
        case let .connectionLost(server): return ("pg.lost", ["server": server])
        case let .timedOut(server, seconds): return ("pg.timedOut", ["server": server, "seconds": String(seconds)])
        case .onEventLoop: return ("pg.onEventLoop", [:])
        case let .schemaTooNew(schema, found, supported):
            return ("pg.schemaTooNew", ["schema": schema, "found": String(found), "supported": String(supported)])
        case .closed: return ("pg.closed", [:])
        case let .tlsSetup(server, detail): return ("pg.tlsSetup", ["server": server, "detail": detail])
        case let .server(state, message): return ("pg.server", ["state": state, "message": message])
        }
    }

    static func wording(_ problem: LocationProblem, address: String, _ strings: Strings) -> (String, [String: String]) {
        var values = ["text": address]
        let key: String
        switch problem {
        case .notPostgres: key = "pg.location.notPostgres"
        case let .badPort(port): key = "pg.location.badPort"; values["port"] = port
        case let .badEscape(part): key = "pg.location.badEscape"; values["part"] = part
        case let .badHost(host): key = "pg.location.badHost"; values["host"] = host
        case .manyHosts: key = "pg.location.manyHosts"
        case let .badPath(path): key = "pg.location.badPath"; values["path"] = path
        case let .unknownParameter(name):
            key = "pg.location.unknownParameter"; values["name"] = name
            values["known"] = PostgresLocation.parameters.map { "`\($0)`" }.joined(separator: strings["pg.listSeparator"])
        case .missingSchema: key = "pg.location.missingSchema"
        case let .badSchema(schema): key = "pg.location.badSchema"; values["schema"] = schema
        case let .badSSLMode(value):
            key = "pg.location.badSSLMode"; values["value"] = value
            values["known"] = PostgresLocation.SSLMode.allCases.map { "`\($0.rawValue)`" }.joined(separator: strings["pg.listSeparator"])
        case let .badTimeout(value): key = "pg.location.badTimeout"; values["value"] = value
        }
        return (key, values)
    }
}

// MARK: - From postgres-nio's errors

extension PostgresStoreError {
    /// SQLSTATE of cmdroom's version trigger's refusal of a stale edit.
    static let staleEditState = "CR409"

    /// Maps whatever postgres-nio (or the bridge) threw to a `PostgresStoreError`.
    static func from(_ error: any Error, location: PostgresLocation) -> PostgresStoreError {
        switch error {
        case let e as PostgresStoreError:
            return e
        case let e as PostgresTransactionError:
            if let inner = e.closureError ?? e.commitError ?? e.beginError { return from(inner, location: location) }
            return .server(sqlState: "", message: "\(e)")
        case let e as PSQLError:
            return from(e, location: location)
        case is CancellationError:
            return .closed
        default:
            return fromSystem(error, location: location) ?? .unreachable(server: location.server, detail: "\(error)")
        }
    }

    static func from(_ e: PSQLError, location: PostgresLocation) -> PostgresStoreError {
        let user = location.effectiveUser
        switch e.code {
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            let message = e.serverInfo?[.message] ?? ""
            let detail = e.serverInfo?[.detail] ?? ""
            let table = e.serverInfo?[.tableName] ?? ""
            switch state {
            case "42501":
                if message.contains("row-level security") {
                    return .rowSecurity(user: user, table: table.isEmpty ? Self.quotedName(in: message) : table)
                }
                return .insufficientPrivilege(user: user, detail: message)
            case "23505":
                return .duplicate(table: table, constraint: e.serverInfo?[.constraintName] ?? "", detail: detail.isEmpty ? message : detail)
            case "40001", "40P01":
                return .serializationFailure(attempts: 1)
            case "28000", "28P01":
                return .authenticationFailed(user: user, server: location.server, detail: message)
            case "3D000":
                return .noDatabase(name: location.effectiveDatabase, server: location.server)
            case "3F000":
                return .noStore(schema: location.schema)
            case staleEditState:
                return staleEdit(detail: detail) ?? .server(sqlState: state, message: message)
            case "57P01", "57P02", "57P03", "08006", "08003":
                return .connectionLost(server: location.server)
            default:
                return .server(sqlState: state, message: message)
            }
        case .serverClosedConnection, .uncleanShutdown:
            return .connectionLost(server: location.server)
        case .clientClosedConnection, .poolClosed, .queryCancelled:
            return .closed
        case .connectionError:
            if let underlying = e.underlying, let mapped = fromSystem(underlying, location: location) { return mapped }
            return .unreachable(server: location.server, detail: e.underlying.map { "\($0)" } ?? "\(e.code)")
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return .authenticationFailed(user: user, server: location.server, detail: "\(e.code)")
        default:
            return .server(sqlState: "", message: "\(e.code)")
        }
    }

    /// The system's refusal to connect: no socket file, nothing listening.
    static func fromSystem(_ error: any Error, location: PostgresLocation) -> PostgresStoreError? {
        var errno: Int32?
        if let io = error as? IOError { errno = io.errnoCode }
        if let multi = error as? NIOConnectionError {
            for attempt in multi.connectionErrors {
                if let io = attempt.error as? IOError { errno = io.errnoCode }
            }
        }
        switch errno {
        case ENOENT?, ENOTDIR?:
            return .noServer(socket: location.socketPath ?? location.server)
        case ECONNREFUSED?:
            return .connectionRefused(server: location.server)
        case let code?:
            return .unreachable(server: location.server, detail: String(cString: strerror(code)))
        case nil:
            let text = "\(error)"
            if text.contains("No such file or directory") { return .noServer(socket: location.socketPath ?? location.server) }
            if text.contains("Connection refused") { return .connectionRefused(server: location.server) }
            return nil
        }
    }

    /// The stale-edit refusal's detail: a JSON object written by the version trigger.
    static func staleEdit(detail: String) -> PostgresStoreError? {
        guard let data = detail.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        func field(_ name: String) -> String { (object[name] as? String) ?? "?" }
        return .staleEdit(entity: field("entity"), key: field("key"), changedBy: field("by"), changedAt: field("at"))
    }

    /// `new row violates row-level security policy for table "monthly"` → monthly.
    static func quotedName(in message: String) -> String {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[parts.count - 2]) : ""
    }
}
