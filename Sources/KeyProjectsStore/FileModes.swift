import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// What `cmdroom init` did to the store's file modes.
public enum FileModesOutcome: Sendable, Equatable {
    /// The group owns the store and may write it; others read.
    case groupWritable(group: String)
    /// No group configured: only the owner writes; others read.
    case ownerOnly
    /// The configured group does not exist on this machine: modes left as the owner's.
    case noSuchGroup(String)
}

extension SQLiteStore {
    /// Sets the modes so that only the configured group can write the store (issue 4 §1):
    /// the directory 2775 (new files, such as SQLite's journal, take its group), the database
    /// 0664, locality.toml and other files 0644 (the roster is the owner's to change).
    /// Not sticky: SQLite deletes the rollback journal when a write ends, and rolling back a
    /// write cut off by a crash deletes the journal of whoever crashed (a fresh connection reads
    /// the schema, and so rolls back, before any journal_mode pragma applies); in a sticky
    /// directory only the journal's owner could, and one clerk's crash would stop every other
    /// account. A member may therefore rename a file over locality.toml: LocalityTrust refuses
    /// a locality.toml that is not the store owner's alone.
    public static func applyFileModes(_ directory: URL, group: String) throws(StoreError) -> FileModesOutcome {
        let fm = FileManager.default
        var gid: gid_t? = nil
        if !group.isEmpty {
            guard let entry = getgrnam(group) else { return .noSuchGroup(group) }
            gid = entry.pointee.gr_gid
        }
        func set(_ path: String, _ mode: mode_t) throws(StoreError) {
            if let gid, chown(path, uid_t.max, gid) != 0 {   // uid -1: keep the owner
                throw .io(path: path, problem: .cannotGiveToGroup(group: group, detail: String(cString: strerror(errno))))
            }
            if chmod(path, mode) != 0 { throw .io(path: path, problem: .system(String(cString: strerror(errno)))) }
        }
        try set(directory.path, gid == nil ? 0o755 : 0o2775)
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: directory.path) } catch {
            throw .io(path: directory.path, problem: .cannotList(detail: error.localizedDescription))
        }
        for name in names.sorted() {
            let writable = name == DatabaseOpening.fileName || name.hasPrefix(DatabaseOpening.fileName + "-")
            try set(directory.appendingPathComponent(name).path, writable && gid != nil ? 0o664 : 0o644)
        }
        return gid == nil ? .ownerOnly : .groupWritable(group: group)
    }
}

extension SQLiteStore {
    /// Writes `group` as `[access] group` in the store's locality.toml (what `init --group`
    /// chose), so the file says which group may write the store.
    public static func recordGroup(_ group: String, in directory: URL) throws(StoreError) {
        let url = directory.appendingPathComponent(LocalityFile.fileName)
        guard var lines = try? String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n") else {
            throw .io(path: url.path, problem: .notUTF8)
        }
        let entry = "group = \"\(group.replacingOccurrences(of: "\"", with: ""))\""
        if let header = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "[access]" }) {
            var i = header + 1
            var replaced = false
            while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("[") {
                if lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("group") { lines[i] = entry; replaced = true; break }
                i += 1
            }
            if !replaced { lines.insert(entry, at: header + 1) }
        } else {
            lines += ["", "[access]", entry, ""]
        }
        do {
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            try SQLiteStore.ownerOnly(directory)
        } catch {
            throw .io(path: url.path, problem: .system("\(error)"))
        }
        _ = try LocalityFile.load(directory: directory)   // still valid
    }
}
