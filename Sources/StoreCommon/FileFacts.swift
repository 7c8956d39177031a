import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a path is, as the store's checks of its files and the locality's trust need to know.
package enum FileFacts {
    package static func kind(_ info: stat) -> FileKind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// True when `path` lies on a file system mounted read-only.
    package static func onReadOnlyFileSystem(_ path: String) -> Bool {
        var fs = statvfs()
        return statvfs(path, &fs) == 0 && (fs.f_flag & UInt(ST_RDONLY)) != 0
    }
}
