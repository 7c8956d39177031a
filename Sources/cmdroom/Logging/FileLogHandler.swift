import Foundation
import Logging

/// A swift-log handler that appends lines to one file (swift-log itself only writes to the
/// standard streams, which the full-screen dashboard owns). One line per message:
/// `2026-11-30T07:40:12+0800 warning cmdroom.store: message key=value`.
struct FileLogHandler: LogHandler {
    let label: String
    let sink: LogFile
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { _, new in new }
        let pairs = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        sink.append("\(LogFile.timestamp()) \(level) \(label): \(message)\(pairs)\n")
    }
}

/// The log file, shared by every handler of the process; opened at the first line logged (a
/// command that logs nothing leaves no file behind), writes serialised. A file that cannot be
/// opened drops the lines: the terminal belongs to the dashboard.
final class LogFile: @unchecked Sendable {
    let path: String
    private var handle: FileHandle?
    private var failed = false
    private let lock = NSLock()

    init(path: String) { self.path = path }

    func append(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        if handle == nil && !failed { open() }
        handle?.write(Data(line.utf8))
    }

    private func open() {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            failed = true
            return
        }
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        handle = FileHandle(forWritingAtPath: path)
        handle?.seekToEndOfFile()
        failed = handle == nil
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }
}
