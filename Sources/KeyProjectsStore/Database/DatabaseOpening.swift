import Foundation
import GRDB

/// Opens the store's SQLite file the way DESIGN.md's store section asks: rollback journal (not
/// WAL: the linked SQLite predates the WAL-reset fix of 3.51.3), synchronous=FULL, a busy
/// timeout so concurrent writers wait rather than fail, IMMEDIATE write transactions.
enum DatabaseOpening {
    static let fileName = "cmdroom.sqlite"
    /// 3.35 brought RETURNING and DROP COLUMN, which migrations may use.
    static let minimumSQLite = SQLiteVersion(major: 3, minor: 35, patch: 0)
    static let busyTimeout: TimeInterval = 15

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(busyTimeout)
        config.label = readOnly ? "cmdroom.read" : "cmdroom.write"
        config.prepareDatabase { db in
            // Both are per-connection settings and write nothing to the file.
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return config
    }

    static func open(path: String, readOnly: Bool, busyTimeout: TimeInterval = busyTimeout) throws -> DatabaseQueue {
        var config = configuration(readOnly: readOnly)
        config.busyMode = .timeout(busyTimeout)
        return try DatabaseQueue(path: path, configuration: config)
    }
}

/// A SQLite library version, checked at start-up.
public struct SQLiteVersion: Comparable, Sendable, CustomStringConvertible {
    public var major: Int, minor: Int, patch: Int

    public init(major: Int, minor: Int, patch: Int) { self.major = major; self.minor = minor; self.patch = patch }

    public init?(_ text: String) {
        let parts = text.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return nil }
        self.init(major: parts[0], minor: parts[1], patch: parts.count > 2 ? parts[2] : 0)
    }

    public static func < (a: SQLiteVersion, b: SQLiteVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }
    public var description: String { "\(major).\(minor).\(patch)" }

    /// The first release with the WAL-reset fix; below it we keep the rollback journal.
    public static let walResetFixed = SQLiteVersion(major: 3, minor: 51, patch: 3)

    /// The version of the SQLite library this process linked.
    public static func linked() throws -> SQLiteVersion {
        let text = try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") } ?? ""
        guard let version = SQLiteVersion(text) else { throw StoreError.database(message: "cannot read sqlite_version() (\(text))") }
        return version
    }
}
