import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The roster in a store's locality.toml decides who may write what, so the file must be the
/// store owner's alone: owned by the account that owns the store's directory (or root), a plain
/// file, and writable by nobody else. A group member who could rename their own file over it,
/// or edit it, would otherwise make themselves office. The same holds for a file it names (the
/// holiday file), wherever it lies.
///
/// The file is opened once (not following a symbolic link) and judged and read through that
/// one descriptor: looking at the path and then reading it by name again would let a member
/// swap files in between.
package enum LocalityTrust {
    /// The text of `path`, refused unless the store's owner alone may have written it.
    package static func read(_ path: String, storeDirectory: URL) throws(StoreError) -> String {
        var dirInfo = stat()
        let storeOwner: uid_t = stat(storeDirectory.path, &dirInfo) == 0 ? dirInfo.st_uid : geteuid()
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let failure = errno
            var info = stat()
            if failure == ELOOP, lstat(path, &info) == 0 {
                throw refusal(path, .notAFile, info, storeOwner)
            }
            if failure == ENOENT { throw .notAStore(path: storeDirectory.path, missing: (path as NSString).lastPathComponent) }
            throw .io(path: path, problem: .system(String(cString: strerror(failure))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, problem: .system(String(cString: strerror(errno)))) }
        if FileFacts.kind(info) != .file { throw refusal(path, .notAFile, info, storeOwner) }
        if info.st_uid != storeOwner && info.st_uid != 0 { throw refusal(path, .owner, info, storeOwner) }
        if info.st_mode & 0o022 != 0 { throw refusal(path, .writable, info, storeOwner) }
        let data = FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else { throw .io(path: path, problem: .notUTF8) }
        return text
    }

    package static func refusal(_ path: String, _ reason: UntrustedConfig.Reason, _ info: stat, _ storeOwner: uid_t) -> StoreError {
        .untrustedConfig(UntrustedConfig(path: path, reason: reason, owner: account(info.st_uid), storeOwner: account(storeOwner),
                                         mode: String(format: "0%o", Int(info.st_mode & 0o7777))))
    }

    /// An account's name, or its number when it has none.
    package static func account(_ uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }
}
