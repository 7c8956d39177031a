#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The acting user is the OS account running the process: nothing else can claim another.
package enum OSAccount {
    package static func current() -> String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid:\(uid)"
    }
}
