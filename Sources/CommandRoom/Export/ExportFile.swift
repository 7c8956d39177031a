import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an export file could not be written in a directory.
public enum ExportFileError: Error, Equatable, Sendable {
    case permission, readOnly, full, quota, missing
    /// Every name up to `-999` is taken.
    case tooMany
    case other(code: Int32, text: String)

    init(errno code: Int32) {
        switch code {
        case EACCES, EPERM: self = .permission
        case EROFS: self = .readOnly
        case ENOSPC: self = .full
        case EDQUOT: self = .quota
        case ENOENT, ENOTDIR: self = .missing
        default: self = .other(code: code, text: String(cString: strerror(code)))
        }
    }
}

/// A directory an export could not be written in, and why.
public struct ExportFailure: Equatable, Sendable {
    public var directory: String
    public var reason: ExportFileError
}

/// Writes an export file whole or not at all, and never over another file: the bytes go to a
/// hidden temporary file in the same directory, which is then linked to the first free name
/// (`name.csv`, `name-2.csv`, …; a hard link fails rather than replace) and removed.
enum ExportFile {
    /// Where exports go: the current directory, or the home directory when that cannot be
    /// written (a shared directory, a read-only mount).
    static func places() -> [String] {
        var list: [String] = []
        let cwd = FileManager.default.currentDirectoryPath
        if !cwd.isEmpty { list.append(cwd) }
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, !list.contains(home) { list.append(home) }
        return list
    }

    /// `base.ext`, or `base-n.ext` from the second on.
    static func name(_ base: String, _ n: Int, _ ext: String) -> String { n == 1 ? "\(base).\(ext)" : "\(base)-\(n).\(ext)" }

    /// The first of `places` it can be written in: its path (nil: none), and why the places
    /// before it failed.
    static func write(_ data: Data, base: String, ext: String, places: [String]) -> (path: String?, failures: [ExportFailure]) {
        var failures: [ExportFailure] = []
        for dir in places {
            switch write(data, base: base, ext: ext, in: dir) {
            case let .success(path): return (path, failures)
            case let .failure(reason): failures.append(ExportFailure(directory: dir, reason: reason))
            }
        }
        return (nil, failures)
    }

    static func write(_ data: Data, base: String, ext: String, in dir: String) -> Result<String, ExportFileError> {
        let temp = dir + "/." + name(base, 1, ext) + ".\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        if let error = writeWhole(data, to: temp) { return .failure(error) }
        defer { unlink(temp) }
        for n in 1...999 {
            let path = dir + "/" + name(base, n, ext)
            if link(temp, path) == 0 { return .success(path) }
            let code = errno
            if code == EEXIST { continue }
            // A file system without hard links (some network and FAT mounts): a rename, to a
            // name nothing has (a race with another writer there is possible, but not likely).
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK, ENOSYS].contains(code) else { return .failure(ExportFileError(errno: code)) }
            if access(path, F_OK) == 0 { continue }
            return rename(temp, path) == 0 ? .success(path) : .failure(ExportFileError(errno: errno))
        }
        return .failure(ExportFileError.tooMany)
    }

    /// Creates `path` (it must not exist) with `data` written and flushed to the disk; nil when
    /// done, else why (and nothing is left behind).
    static func writeWhole(_ data: Data, to path: String) -> ExportFileError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return ExportFileError(errno: errno) }
        var failed: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                offset += n
            }
        }
        if failed == 0, fsync(fd) != 0 { failed = errno }
        if close(fd) != 0, failed == 0 { failed = errno }
        guard failed != 0 else { return nil }
        unlink(path)
        return ExportFileError(errno: failed)
    }
}
