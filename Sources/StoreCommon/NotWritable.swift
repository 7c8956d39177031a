import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why this account cannot write a store's files: the file and the group that may.
public struct NotWritable: Sendable, Hashable {
    public var path: String
    /// The group that may write the file ("" when its group may not, or it cannot be told).
    public var group: String
    /// The store lies on a file system mounted read-only: no group can write it.
    public var readOnlyFileSystem: Bool = false
    /// The file's owner, who may write it when no group may.
    public var owner: String = ""

    /// Nil when the account may write both the database and its directory (SQLite writes its
    /// journal beside the database).
    package static func check(directory: URL, database: String) -> NotWritable? {
        for path in [database, directory.path] where access(path, W_OK) != 0 {
            if errno == EROFS || FileFacts.onReadOnlyFileSystem(path) {
                return NotWritable(path: path, group: "", readOnlyFileSystem: true)
            }
            var info = stat()
            guard stat(path, &info) == 0 else { return NotWritable(path: path, group: "") }
            // Name the group only if its members may write: a 0755 directory is its owner's alone.
            var group = ""
            if info.st_mode & 0o020 != 0, let entry = getgrgid(info.st_gid), let name = entry.pointee.gr_name {
                group = String(cString: name)
            }
            return NotWritable(path: path, group: group, owner: LocalityTrust.account(info.st_uid))
        }
        return nil
    }
}
