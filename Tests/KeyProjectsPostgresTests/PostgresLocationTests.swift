import Foundation
import KeyProjectsPostgres
import StringTables
import Testing

/// `--store postgresql://…` read and refused in words; no server needed.
@Suite struct PostgresLocationTests {
    @Test func readsTheSocketFormOfTheIssue() throws {
        let l = try PostgresLocation.parse("postgresql:///cmdroom?host=/run/postgresql&schema=linfen")
        #expect(l.endpoint == .socket(directory: "/run/postgresql"))
        #expect(l.port == 5432)
        #expect(l.database == "cmdroom")
        #expect(l.user == nil)
        #expect(l.schema == "linfen")
        #expect(l.socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(l.server == "/run/postgresql/.s.PGSQL.5432")
        #expect(l.channel == "cmdroom_linfen")
    }

    @Test func readsTheTCPFormWithUserPortAndSSLMode() throws {
        let l = try PostgresLocation.parse("postgres://lf-law@hq.example:6543/cmdroom?schema=linfen&sslmode=verify-full")
        #expect(l.endpoint == .tcp(host: "hq.example"))
        #expect(l.port == 6543)
        #expect(l.user == "lf-law")
        #expect(l.effectiveUser == "lf-law")
        #expect(l.database == "cmdroom")
        #expect(l.sslMode == .verifyFull)
        #expect(l.server == "hq.example:6543")
    }

    @Test func readsEscapesPasswordsIPv6AndDefaults() throws {
        let socket = try PostgresLocation.parse("postgresql://%2Ftmp%2Fpg%20x:5433/db?schema=s1")
        #expect(socket.endpoint == .socket(directory: "/tmp/pg x"))
        #expect(socket.socketPath == "/tmp/pg x/.s.PGSQL.5433")

        let password = try PostgresLocation.parse("postgresql://clerk:p%40ss@/db?host=/tmp/c&schema=s1&connect_timeout=3")
        #expect(password.user == "clerk")
        #expect(password.password == "p@ss")
        #expect(password.endpoint == .socket(directory: "/tmp/c"))
        #expect(password.connectTimeout == 3)
        #expect(!password.description.contains("p@ss") && !password.description.contains("p%40ss"), "the password is never written back")

        let v6 = try PostgresLocation.parse("postgresql://[::1]:5433/db?schema=s1&sslmode=disable")
        #expect(v6.endpoint == .tcp(host: "::1"))
        #expect(v6.server == "[::1]:5433")

        // No host: Debian's socket directory; no database: the user's name.
        let bare = try PostgresLocation.parse("postgresql://?schema=linfen&user=lf-office")
        #expect(bare.endpoint == .socket(directory: "/run/postgresql"))
        #expect(bare.effectiveDatabase == "lf-office")
        #expect(PostgresLocation.looksLikeAddress("POSTGRES://x"))
        #expect(!PostgresLocation.looksLikeAddress("/srv/cmdroom/linfen"))
    }

    @Test func writesItselfBackAsItReads() throws {
        for text in ["postgresql:///cmdroom?host=/run/postgresql&schema=linfen",
                     "postgres://lf-law@hq.example:6543/cmdroom?schema=linfen&sslmode=require",
                     "postgresql://u@/db?host=/tmp/a%20b&port=5433&schema=x"] {
            let l = try PostgresLocation.parse(text)
            #expect(try PostgresLocation.parse(l.description) == l, "\(text) → \(l.description)")
        }
    }

    static let refused: [(String, LocationProblem)] = [
        ("sqlite:///srv/store", .notPostgres),
        ("/srv/cmdroom/linfen", .notPostgres),
        ("postgresql://h:0/db?schema=x", .badPort(port: "0")),
        ("postgresql://h:70000/db?schema=x", .badPort(port: "70000")),
        ("postgresql:///db?host=/tmp&port=五四三二&schema=x", .badPort(port: "五四三二")),
        ("postgresql:///db?host=/tmp&shcema=linfen", .unknownParameter(name: "shcema")),
        ("postgresql:///db?host=/run/postgresql", .missingSchema),
        ("postgresql:///db?schema=", .missingSchema),
        ("postgresql:///db?schema=Linfen", .badSchema(schema: "Linfen")),
        ("postgresql:///db?schema=pg_linfen", .badSchema(schema: "pg_linfen")),
        ("postgresql:///db?schema=public", .badSchema(schema: "public")),
        ("postgresql:///db?schema=lin-fen", .badSchema(schema: "lin-fen")),
        ("postgresql:///db?schema=" + String(repeating: "a", count: 41), .badSchema(schema: String(repeating: "a", count: 41))),
        ("postgresql:///db?schema=x&sslmode=maybe", .badSSLMode(value: "maybe")),
        ("postgresql://h1,h2/db?schema=x", .manyHosts),
        ("postgresql:///db/extra?schema=x", .badPath(path: "db/extra")),
        ("postgresql:///d%zzb?schema=x", .badEscape(part: "d%zzb")),
        ("postgresql:///db?schema=x&connect_timeout=0", .badTimeout(value: "0")),
        ("postgresql://[::1/db?schema=x", .badHost(host: "[::1")),
    ]

    @Test func refusesEachMistakeSayingWhat() {
        for (text, problem) in Self.refused {
            #expect(throws: PostgresStoreError.location(text: text, problem), "\(text)") { try PostgresLocation.parse(text) }
        }
    }

    /// Every refusal worded in both languages from the tables, the Chinese one without English
    /// phrases (outside `code` and the values given).
    @Test func refusalsAreWordedInBothLanguages() {
        for (text, problem) in Self.refused {
            let error = PostgresStoreError.location(text: text, problem)
            let zh = error.text(.zh), en = error.text(.en)
            #expect(!zh.contains("⟨") && !en.contains("⟨"), "a key is missing: \(zh) / \(en)")
            // Each names what it refuses: the address, or the part of it that is wrong.
            let named: String = switch problem {
            case let .badSchema(schema): schema
            case let .badSSLMode(value), let .badTimeout(value): value
            default: text
            }
            #expect(zh.contains(named) && en.contains(named), "\(zh) / \(en)")
            #expect(zh != en)
            var stripped = zh.replacingOccurrences(of: named, with: "")
            if case let .badPath(path) = problem { stripped = stripped.replacingOccurrences(of: path, with: "") }
            stripped = stripped.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
            #expect(stripped.range(of: #"[A-Za-z]+[ ,;:/]+[A-Za-z]+"#, options: .regularExpression) == nil, "English in: \(stripped)")
        }
        #expect(PostgresStoreError.location(text: "x", .unknownParameter(name: "shcema")).text(.zh).contains("`schema`"))
    }

    @Test func serverErrorsAreWordedInBothLanguages() {
        let errors: [PostgresStoreError] = [
            .noServer(socket: "/tmp/x/.s.PGSQL.5432"), .connectionRefused(server: "127.0.0.1:1"), .unreachable(server: "h:1", detail: "d"),
            .authenticationFailed(user: "u", server: "s", detail: "d"), .noDatabase(name: "db", server: "s"), .noStore(schema: "linfen"),
            .insufficientPrivilege(user: "u", detail: "d"), .rowSecurity(user: "u", table: "monthly"),
            .duplicate(table: "monthly", constraint: "c", detail: "d"),
            .staleEdit(entity: "monthly", key: "P1/2026-03", changedBy: "lf-law", changedAt: "2026-03-05T08:00:00Z"),
            .serializationFailure(attempts: 3), .connectionLost(server: "s"), .timedOut(server: "s", seconds: 15), .onEventLoop,
            .schemaTooNew(schema: "linfen", found: 9, supported: 3), .closed, .server(sqlState: "XX000", message: "m"),
        ]
        for error in errors {
            let zh = error.text(.zh), en = error.text(.en)
            #expect(!zh.contains("⟨") && !en.contains("⟨") && zh != en, "\(error)")
        }
        #expect(PostgresStoreError.staleEdit(entity: "monthly", key: "P1/2026-03", changedBy: "lf-law", changedAt: "t").storeError != nil)
    }

    @Test func bothTablesHaveThePostgresKeys() {
        let zh = Strings.zh.keys.filter { $0.hasPrefix("pg.") }
        let en = Strings.en.keys.filter { $0.hasPrefix("pg.") }
        #expect(zh == en)
        #expect(zh.count >= 25)
    }
}

/// What the bridge says when there is no server to talk to; no server needed.
@Suite struct PostgresUnreachableTests {
    @Test func noSocketIsSaidSo() async throws {
        let location = try PostgresLocation.parse("postgresql:///db?host=/nonexistent/cmdroom-\(UInt32.random(in: 0...UInt32.max))&schema=x")
        let error = await #expect(throws: PostgresStoreError.self) { try await offPool { _ = try PostgresBridge(location, timeout: .seconds(5)) } }
        #expect(error == .noServer(socket: location.socketPath!), "\(String(describing: error))")
        print("no socket: \(error?.text(.zh) ?? "")")
    }

    @Test func nothingListeningIsARefusal() async throws {
        // Port 1 on loopback: nothing listens there.
        let location = try PostgresLocation.parse("postgresql://cmdroom@127.0.0.1:1/db?schema=x&sslmode=disable")
        let error = await #expect(throws: PostgresStoreError.self) { try await offPool { _ = try PostgresBridge(location, timeout: .seconds(5)) } }
        #expect(error == .connectionRefused(server: "127.0.0.1:1"), "\(String(describing: error))")
    }
}
