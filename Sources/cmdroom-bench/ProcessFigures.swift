#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KeyProjects

/// The process's peak resident set so far: VmHWM, the high-water mark of this process image.
/// (getrusage's ru_maxrss is no good here: Linux carries the parent's peak into a spawned child.)
func peakRSSMegabytes() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kb / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// CPU seconds (user and system) this process has used.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Milliseconds of monotonic time.
enum BenchTime {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The real day in the local time zone (writes may not be dated after it).
    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }
    static func milliseconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1_000_000 }
    static func since(_ from: UInt64) -> Double { milliseconds(from, now()) }

    /// How long `body` takes, in milliseconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return since(start)
    }
}

/// Laps of a build step, in whole milliseconds.
struct BenchClock {
    private var start = BenchTime.now()
    mutating func lap() -> Int {
        let now = BenchTime.now()
        defer { start = now }
        return Int((now - start) / 1_000_000)
    }
}
