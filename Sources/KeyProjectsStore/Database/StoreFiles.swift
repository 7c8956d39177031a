import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Looks at a store's files before SQLite opens them. SQLite takes an empty file for a new
/// database and a foreign one for a database like any other, and a read-only connection would
/// then fail at its first read; cmdroom refuses them up front, naming what it found.
enum StoreFiles {
    static let journalSuffix = "-journal"

    /// Where SQLite keeps the database's rollback journal: beside the file the path leads to,
    /// after any symbolic links (SQLite's unix VFS resolves them).
    static func journalPath(database path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path + journalSuffix }
        defer { free(resolved) }
        return String(cString: resolved) + journalSuffix
    }
    /// The first 16 bytes of every SQLite database file.
    static let magic = Array("SQLite format 3\u{0}".utf8)

    /// What lies at the journal's path.
    enum Journal: Equatable {
        /// No journal, or an empty one (truncate mode leaves it so): nothing to roll back.
        case none
        /// A journal with content: SQLite may find it hot (a write cut off) and roll it back.
        case present(bytes: Int)
    }

    /// Refuses a database that is missing, empty, cut short, not SQLite, or not a file, and a
    /// journal path holding anything but a plain file. Says whether a journal is there.
    static func inspect(database path: String, directory: String) throws(StoreError) -> Journal {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .notAStore(path: directory, missing: DatabaseOpening.fileName)
        }
        guard FileFacts.kind(info) == .file else { throw .damagedStore(path: path, .notAFile(FileFacts.kind(info))) }
        let journal = try journalState(journalPath(database: path))
        let size = Int(info.st_size)
        if size == 0 { throw .damagedStore(path: path, .empty) }
        guard let header = readHeader(path), header.count == 100, Array(header.prefix(16)) == magic else {
            throw .damagedStore(path: path, .notSQLite(bytes: size))
        }
        // A journal with content may put the file back to another length: judge it afterwards.
        if journal == .none, let expected = expectedSize(header), size < expected {
            throw .damagedStore(path: path, .truncated(expected: expected, found: size))
        }
        return journal
    }

    /// The journal's state; anything but a plain file there is refused (SQLite would fail on it
    /// with words that do not say what to remove).
    static func journalState(_ path: String) throws(StoreError) -> Journal {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        let found = FileFacts.kind(info)
        guard found == .file else { throw .unexpectedJournal(path: path, kind: found) }
        return info.st_size > 0 ? .present(bytes: Int(info.st_size)) : .none
    }

    /// The size the header's page count and page size give, when the header's count is valid
    /// (written by SQLite 3.7.0 or later: the change counter equals version-valid-for).
    static func expectedSize(_ header: [UInt8]) -> Int? {
        func be32(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, be32(24) == be32(92) else { return nil }
        let pages = be32(28)
        return pages > 0 ? pages * pageSize : nil
    }

    static func readHeader(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 100)).map(Array.init)
    }

}
