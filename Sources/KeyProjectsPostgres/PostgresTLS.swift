import Foundation
import PostgresNIO

/// TLS for a server reached over TCP (another building's terminals): libpq's `sslmode`, and the
/// files libpq reads — the client's certificate and key (`sslcert`, `sslkey`: a server whose
/// `pg_hba.conf` line says `cert` logs the account in by the certificate's CN, no password) and
/// the root certificates that vouch for the server (`sslrootcert`). As libpq does, a file not
/// named in the address is taken from `~/.postgresql/` (`postgresql.crt`, `postgresql.key`,
/// `root.crt`) when it is there; without a root file, `verify-ca` and `verify-full` trust the
/// system's roots. A file that cannot be read refuses the connection in words: it never falls
/// back to a connection without TLS.
enum PostgresTLS {
    struct Files: Equatable {
        var certificate: String?
        var key: String?
        var roots: String?
    }

    /// The files a connection to `location` uses.
    static func files(_ location: PostgresLocation, home: String = NSHomeDirectory()) -> Files {
        func fallback(_ name: String) -> String? {
            let path = (home as NSString).appendingPathComponent(".postgresql/" + name)
            return FileManager.default.isReadableFile(atPath: path) ? path : nil
        }
        let certificate = location.sslCert ?? fallback("postgresql.crt")
        return Files(certificate: certificate,
                     key: location.sslKey ?? (certificate == nil ? nil : fallback("postgresql.key")),
                     roots: location.sslRootCert ?? fallback("root.crt"))
    }

    /// The TLS settings, with the client's certificate and key read now (PEM, as libpq writes
    /// them, or DER): NIOSSL would take a `.key` file for DER by its name.
    static func configuration(_ location: PostgresLocation) throws(PostgresStoreError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        let files = files(location)
        func read(_ path: String) throws(PostgresStoreError) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .tlsSetup(server: location.server, detail: path)
            }
            return Array(data)
        }
        func isPEM(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("-----BEGIN".utf8)) || String(decoding: bytes.prefix(4096), as: UTF8.self).contains("-----BEGIN") }
        switch location.sslMode {
        case .verifyFull: break
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .disable, .allow, .prefer, .require: tls.certificateVerification = .none
        }
        if let roots = files.roots { tls.trustRoots = .file(roots) }
        if let certificate = files.certificate {
            let keyPath = files.key ?? certificate
            let (chainBytes, keyBytes) = (try read(certificate), try read(keyPath))
            do {
                let chain = isPEM(chainBytes) ? try NIOSSLCertificate.fromPEMBytes(chainBytes) : [try NIOSSLCertificate(bytes: chainBytes, format: .der)]
                tls.certificateChain = chain.map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: keyBytes, format: isPEM(keyBytes) ? .pem : .der))
            } catch {
                throw .tlsSetup(server: location.server, detail: "\(certificate), \(keyPath): \(error)")
            }
        }
        return tls
    }

    /// For the pool (`PostgresClient`), which makes its TLS context itself when it connects.
    static func client(_ location: PostgresLocation) throws(PostgresStoreError) -> PostgresClient.Configuration.TLS {
        switch location.sslMode {
        case .disable: return .disable
        case .allow, .prefer: return .prefer(try configuration(location))
        case .require, .verifyCA, .verifyFull: return .require(try configuration(location))
        }
    }

    /// For a single connection, whose TLS context is made here: a file that cannot be read is
    /// said now.
    static func connection(_ location: PostgresLocation) throws(PostgresStoreError) -> PostgresConnection.Configuration.TLS {
        if location.sslMode == .disable { return .disable }
        let context: NIOSSLContext
        let tls = try configuration(location)
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsSetup(server: location.server, detail: String(describing: error))
        }
        switch location.sslMode {
        case .allow, .prefer: return .prefer(context)
        default: return .require(context)
        }
    }
}
