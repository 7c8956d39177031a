import Foundation

/// Where a PostgreSQL store is: the server (a Unix socket's directory or a host and port), the
/// database, the account, and the schema that holds the store (issue 17 §2). Written as libpq's
/// URIs are, with `schema` added:
///
///     postgresql:///cmdroom?host=/run/postgresql&schema=linfen
///     postgres://lf-law@hq.example:5432/cmdroom?schema=linfen&sslmode=verify-full
///
/// No host means Debian's socket directory, `/run/postgresql`; no user means the OS account
/// (peer authentication ties the two on the socket); no database means the user's name, as
/// libpq does. Unlike libpq, nothing is taken from PG* variables: the address is all there is.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How to reach the server.
    public enum Endpoint: Sendable, Hashable {
        /// A Unix socket in this directory (`DIR/.s.PGSQL.PORT`).
        case socket(directory: String)
        case tcp(host: String)
    }

    /// libpq's `sslmode`. Over a Unix socket nothing is encrypted, whatever it says.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public static let defaultSocketDirectory = "/run/postgresql"
    public static let defaultPort = 5432
    /// The parameters an address may carry.
    public static let parameters = ["host", "port", "user", "password", "dbname", "schema", "sslmode", "sslcert", "sslkey",
                                    "sslrootcert", "connect_timeout", "application_name"]

    public var endpoint: Endpoint
    public var port: Int
    /// Nil: the OS account running cmdroom.
    public var user: String?
    public var password: String?
    /// Nil: the user's name.
    public var database: String?
    /// The store: one schema per store (province, each city, each county).
    public var schema: String
    public var sslMode: SSLMode
    /// libpq's `sslcert`, `sslkey`, `sslrootcert`: the client's certificate and key (a `cert`
    /// login) and the roots that vouch for the server; nil: `~/.postgresql/`'s, if any.
    public var sslCert: String?
    public var sslKey: String?
    public var sslRootCert: String?
    /// Seconds to wait for a connection; nil: the bridge's default.
    public var connectTimeout: Int?

    public init(endpoint: Endpoint = .socket(directory: PostgresLocation.defaultSocketDirectory), port: Int = PostgresLocation.defaultPort,
                user: String? = nil, password: String? = nil, database: String? = nil, schema: String,
                sslMode: SSLMode = .prefer, connectTimeout: Int? = nil) {
        self.endpoint = endpoint; self.port = port; self.user = user; self.password = password; self.database = database
        self.schema = schema; self.sslMode = sslMode; self.connectTimeout = connectTimeout
    }

    /// The path of the server's socket, for a socket endpoint.
    public var socketPath: String? {
        guard case let .socket(directory) = endpoint else { return nil }
        return (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/.s.PGSQL.\(port)"
    }

    /// The server, as messages name it: the socket's path, or host:port.
    public var server: String {
        switch endpoint {
        case .socket: return socketPath ?? ""
        case let .tcp(host): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    /// The account the server is asked for: the given user, else the OS account.
    public var effectiveUser: String { user ?? PostgresLocation.osAccount }

    /// The database asked for: the given one, else the user's name (libpq's rule).
    public var effectiveDatabase: String { database ?? effectiveUser }

    /// The channel this store's commits are announced on (`NOTIFY`), one per schema.
    public var channel: String { PostgresNames.channel(schema: schema) }

    /// The address written back, without the password.
    public var description: String {
        var text = "postgresql://"
        if let user { text += Self.escape(user) + "@" }
        if case let .tcp(host) = endpoint { text += (host.contains(":") ? "[\(host)]" : host) + (port == Self.defaultPort ? "" : ":\(port)") }
        text += "/" + (database.map(Self.escape) ?? "")
        var query: [String] = []
        if case let .socket(directory) = endpoint {
            query.append("host=" + Self.escape(directory))
            if port != Self.defaultPort { query.append("port=\(port)") }
        }
        query.append("schema=" + schema)
        if case .tcp = endpoint, sslMode != .prefer { query.append("sslmode=" + sslMode.rawValue) }
        if case .tcp = endpoint {
            for (name, value) in [("sslcert", sslCert), ("sslkey", sslKey), ("sslrootcert", sslRootCert)] {
                if let value { query.append(name + "=" + Self.escape(value)) }
            }
        }
        return text + "?" + query.joined(separator: "&")
    }

    /// The OS account running this process (what peer authentication sees).
    static var osAccount: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    private static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? s
    }
}

extension PostgresLocation {
    /// Whether `text` is meant as a PostgreSQL address (a `--store` value or `CMDROOM_STORE`),
    /// rather than a store directory.
    public static func looksLikeAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:")
    }

    /// Reads an address; every mistake is refused with what was wrong, in words.
    public static func parse(_ text: String) throws(PostgresStoreError) -> PostgresLocation {
        func refuse(_ problem: LocationProblem) -> PostgresStoreError { .location(text: text, problem) }

        guard let schemeEnd = text.range(of: "://") else { throw refuse(.notPostgres) }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgresql" || scheme == "postgres" else { throw refuse(.notPostgres) }
        var rest = Substring(text[schemeEnd.upperBound...])
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }

        var queryText = Substring("")
        if let q = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        let authority: Substring
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        } else {
            authority = rest
        }

        func decode(_ part: Substring) throws(PostgresStoreError) -> String {
            guard let decoded = String(part).removingPercentEncoding else { throw refuse(.badEscape(part: String(part))) }
            return decoded
        }

        var location = PostgresLocation(schema: "")
        var hostText: String?
        var portText: String?
        var schema: String?

        // user[:password]@host[:port]
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                location.user = try decode(userInfo[..<colon])
                location.password = try decode(userInfo[userInfo.index(after: colon)...])
            } else {
                location.user = try decode(userInfo)
            }
            if location.user == "" { location.user = nil }
        }
        if hostPort.contains(",") { throw refuse(.manyHosts) }
        if hostPort.hasPrefix("[") {
            // [IPv6]:port
            guard let close = hostPort.firstIndex(of: "]") else { throw refuse(.badHost(host: String(hostPort))) }
            hostText = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) } else if !after.isEmpty { throw refuse(.badHost(host: String(hostPort))) }
        } else if let colon = hostPort.lastIndex(of: ":") {
            hostText = try decode(hostPort[..<colon])
            portText = String(hostPort[hostPort.index(after: colon)...])
        } else if !hostPort.isEmpty {
            hostText = try decode(hostPort)
        }

        if !path.isEmpty {
            let name = try decode(path)
            guard !name.contains("/") else { throw refuse(.badPath(path: name)) }
            location.database = name
        }

        if !queryText.isEmpty {
            for pair in queryText.split(separator: "&", omittingEmptySubsequences: true) {
                let key: String, value: String
                if let eq = pair.firstIndex(of: "=") {
                    key = try decode(pair[..<eq])
                    value = try decode(pair[pair.index(after: eq)...])
                } else {
                    key = try decode(pair)
                    value = ""
                }
                switch key {
                case "host":
                    if value.contains(",") { throw refuse(.manyHosts) }
                    hostText = value
                case "port": portText = value
                case "user": location.user = value.isEmpty ? nil : value
                case "password": location.password = value
                case "dbname": location.database = value.isEmpty ? nil : value
                case "schema": schema = value
                case "sslmode":
                    guard let mode = SSLMode(rawValue: value) else { throw refuse(.badSSLMode(value: value)) }
                    location.sslMode = mode
                case "sslcert": location.sslCert = value.isEmpty ? nil : value
                case "sslkey": location.sslKey = value.isEmpty ? nil : value
                case "sslrootcert": location.sslRootCert = value.isEmpty ? nil : value
                case "connect_timeout":
                    guard let seconds = Int(value), seconds > 0 else { throw refuse(.badTimeout(value: value)) }
                    location.connectTimeout = seconds
                case "application_name": break
                default: throw refuse(.unknownParameter(name: key))
                }
            }
        }

        if let portText, !portText.isEmpty {
            guard portText.allSatisfy(\.isASCII), let port = Int(portText), (1...65535).contains(port) else { throw refuse(.badPort(port: portText)) }
            location.port = port
        }
        if let hostText, !hostText.isEmpty {
            location.endpoint = hostText.hasPrefix("/") ? .socket(directory: hostText) : .tcp(host: hostText)
        }
        guard let schema, !schema.isEmpty else { throw refuse(.missingSchema) }
        guard PostgresNames.isValidSchema(schema) else { throw refuse(.badSchema(schema: schema)) }
        location.schema = schema
        return location
    }
}

/// What is wrong with an address.
public enum LocationProblem: Sendable, Hashable {
    /// It does not start with `postgresql://` or `postgres://`.
    case notPostgres
    case badPort(port: String)
    /// A `%` escape that does not decode to UTF-8.
    case badEscape(part: String)
    case badHost(host: String)
    /// More than one host (libpq's failover lists): one server only.
    case manyHosts
    /// The path is more than a database's name.
    case badPath(path: String)
    case unknownParameter(name: String)
    case missingSchema
    case badSchema(schema: String)
    case badSSLMode(value: String)
    case badTimeout(value: String)
}

/// The names the backend derives from a store's schema: roles, the NOTIFY channel.
public enum PostgresNames {
    /// The role that owns every table; nobody logs in as it.
    public static let owner = "cmdroom_owner"

    /// A schema name cmdroom accepts: lower-case letters, digits and underscores, starting with a
    /// letter, at most 40 characters (the roles derived from it stay within PostgreSQL's 63), and
    /// none of PostgreSQL's own (`public`, `information_schema`, `pg_…`).
    public static func isValidSchema(_ name: String) -> Bool {
        guard (1...40).contains(name.utf8.count), let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        guard name.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }) else { return false }
        return name != "public" && name != "information_schema" && !name.hasPrefix("pg_")
    }

    public static func channel(schema: String) -> String { "cmdroom_\(schema)" }
    /// Group roles of a store: readers (hq, wall, viewer), clerks, units, the office. Login
    /// roles are made members of these; the policies name them.
    public static func readerRole(schema: String) -> String { "cmdroom_\(schema)_reader" }
    public static func clerkRole(schema: String) -> String { "cmdroom_\(schema)_clerk" }
    public static func unitRole(schema: String) -> String { "cmdroom_\(schema)_unit" }
    public static func officeRole(schema: String) -> String { "cmdroom_\(schema)_office" }

    /// An identifier quoted for SQL (`"lf-law"`), doubling any quote inside.
    public static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal for SQL (`'it''s'`); for the few statements that take no parameters
    /// (CREATE ROLE … PASSWORD, DO blocks).
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
