import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The roster in a store's locality.toml decides who may write what, so the file must be the
/// store owner's alone: owned by the account that owns the store's directory (or root), a plain
/// file, and writable by nobody else. A group member who could rename their own file over it,
/// or edit it, would otherwise make themselves office.
enum LocalityTrust {
    /// Refuses a store's locality.toml (and a holiday file it names inside the store) that
    /// another account may have written.
    static func check(directory: URL, files: [String]) throws(StoreError) {
        var dirInfo = stat()
        guard stat(directory.path, &dirInfo) == 0 else { return }
        for name in files {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }   // a missing file is refused elsewhere
            let mode = String(format: "0%o", Int(info.st_mode & 0o7777))
            func refuse(_ reason: UntrustedConfig.Reason) -> StoreError {
                .untrustedConfig(UntrustedConfig(path: path, reason: reason, owner: account(info.st_uid),
                                                 storeOwner: account(dirInfo.st_uid), mode: mode))
            }
            if StoreFiles.kind(info) != .file { throw refuse(.notAFile) }
            if info.st_uid != dirInfo.st_uid && info.st_uid != 0 { throw refuse(.owner) }
            if info.st_mode & 0o022 != 0 { throw refuse(.writable) }
        }
    }

    /// An account's name, or its number when it has none.
    static func account(_ uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }
}
