import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import PostgresNIO
import Testing

/// Remote clients (issue 17 §3): over TCP with TLS, an account logs in by its client
/// certificate, the server is checked against the roots named, and a certificate file that
/// cannot be read is refused in words — never a connection without TLS. Against a second,
/// loopback-only cluster made for this suite (`scripts/test-postgres-cluster.sh tls`).
@Suite(.serialized, .enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresTLSTests {
    /// The TLS cluster: started for each test, stopped after.
    struct Cluster {
        let directory: String, port: Int, certificates: String

        /// The cluster's server outlives the script and keeps what it inherits, so the script
        /// runs under system(3), not Foundation's Process (which would wait for it for ever).
        static func with(_ body: (Cluster) throws -> Void) throws {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scripts/test-postgres-cluster.sh").path
            let said = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-tls-\(UUID().uuidString).env").path
            defer { try? FileManager.default.removeItem(atPath: said) }
            let status = system("bash '\(script)' tls >'\(said)' 2>&1 </dev/null")
            let text = (try? String(contentsOfFile: said, encoding: .utf8)) ?? ""
            var values: [String: String] = [:]
            for line in text.split(separator: "\n") where line.hasPrefix("export ") {
                let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { values[String(pair[0])] = String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            }
            guard status == 0, let directory = values["CMDROOM_TLS_PGDIR"], let port = values["CMDROOM_TLS_PORT"].flatMap(Int.init),
                  let certificates = values["CMDROOM_TLS_CERTS"] else {
                Issue.record("the TLS cluster did not start: \(text)")
                return
            }
            defer { _ = system("bash '\(script)' stop '\(directory)' >/dev/null 2>&1 </dev/null") }
            try body(Cluster(directory: directory, port: port, certificates: certificates))
        }

        func address(_ parameters: String, user: String = "cmdroom_cert_user") -> String {
            "postgresql://\(user)@localhost:\(port)/cmdroom_test?schema=tls_probe&connect_timeout=10&\(parameters)"
        }

        func file(_ name: String) -> String { certificates + "/" + name }
    }

    /// Who the server says the session is, and whether it is encrypted.
    func session(_ address: String) throws -> (user: String, encrypted: Bool) {
        let bridge = try PostgresBridge(try PostgresLocation.parse(address), requireSchema: false)
        defer { bridge.close() }
        let rows = try bridge.rows(PostgresQuery(unsafeSQL: "SELECT session_user::text, ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            try $0.decode((String, String).self)
        }
        guard let row = rows.first else { return ("", false) }
        return (row.0, row.1 == "true")
    }

    /// One cluster for every case (making it takes seconds).
    @Test func remoteClientsOverTLS() throws {
        try Cluster.with { c in
            try anAccountLogsInByItsCertificateOverTLS(c)
            try withoutItsCertificateTheAccountIsRefused(c)
            try aServerNoRootVouchesForIsRefusedNotTrustedInTheClear(c)
            try aCertificateFileThatCannotBeReadIsSaidInWords(c)
        }
    }

    func anAccountLogsInByItsCertificateOverTLS(_ c: Cluster) throws {
        do {
            let full = c.address("sslmode=verify-full&sslrootcert=\(c.file("ca.crt"))&sslcert=\(c.file("client.crt"))&sslkey=\(c.file("client.key"))")
            let seen = try session(full)
            #expect(seen.user == "cmdroom_cert_user" && seen.encrypted, "\(seen)")
            // The address as cmdroom writes it back keeps the files, not a password.
            let location = try PostgresLocation.parse(full)
            #expect(location.description.contains("sslcert=") && location.description.contains("sslmode=verify-full"), "\(location)")
            var back = try PostgresLocation.parse(location.description)
            back.connectTimeout = location.connectTimeout
            #expect(back == location)
        }
    }

    func withoutItsCertificateTheAccountIsRefused(_ c: Cluster) throws {
        do {
            let error = #expect(throws: PostgresStoreError.self) {
                _ = try session(c.address("sslmode=verify-full&sslrootcert=\(c.file("ca.crt"))"))
            }
            guard case .authenticationFailed? = error else { Issue.record("not a refused login: \(String(describing: error))"); return }
        }
    }

    func aServerNoRootVouchesForIsRefusedNotTrustedInTheClear(_ c: Cluster) throws {
        do {
            let error = #expect(throws: PostgresStoreError.self) {
                _ = try session(c.address("sslmode=verify-full&sslrootcert=\(c.file("other-ca.crt"))&sslcert=\(c.file("client.crt"))&sslkey=\(c.file("client.key"))"))
            }
            // Refused in the handshake, before any login was tried.
            if case .unreachable? = error {} else { Issue.record("not refused in the handshake: \(String(describing: error))") }
        }
    }

    func aCertificateFileThatCannotBeReadIsSaidInWords(_ c: Cluster) throws {
        do {
            let missing = c.file("no-such.crt")
            let error = #expect(throws: PostgresStoreError.self) {
                _ = try session(c.address("sslmode=require&sslcert=\(missing)&sslkey=\(c.file("client.key"))"))
            }
            guard case let .tlsSetup(server, _)? = error else { Issue.record("not a TLS set-up error: \(String(describing: error))"); return }
            #expect(server == "localhost:\(c.port)")
            guard case let .server(failure)? = error?.storeError() else { Issue.record("no store error"); return }
            #expect(failure.key == "pg.tlsSetup")
        }
    }
}
