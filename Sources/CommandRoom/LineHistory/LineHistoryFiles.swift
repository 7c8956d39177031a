import Foundation
import Logging

/// Which line a history belongs to: the board's filter, the queue's, the `:` commands.
public enum LineHistoryKind: String, Sendable, CaseIterable {
    case boardFilter = "board-filter"
    case queueFilter = "queue-filter"
    case commands
}

/// The `/` and `:` lines entered before, kept across runs as one small text file each under
/// `$XDG_STATE_HOME/cmdroom/` (one entry a line, oldest first, the last 200), like a shell's
/// history. A file that cannot be read or written costs the history, never the dashboard:
/// the failure goes to the log.
public struct LineHistoryFiles: Sendable {
    public static let limit = 200
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    func url(_ kind: LineHistoryKind) -> URL { directory.appendingPathComponent("history-\(kind.rawValue)") }

    public func load(_ kind: LineHistoryKind) -> [String] {
        guard let data = FileManager.default.contents(atPath: url(kind).path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        return Array(lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(Self.limit))
    }

    /// Writes the whole list: to a temporary file, then renamed over the old one, so that two
    /// dashboards quitting together leave one list or the other, never a mix.
    public func save(_ kind: LineHistoryKind, _ entries: [String]) {
        let text = entries.suffix(Self.limit).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
        let target = url(kind)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Logger(label: "cmdroom.history").warning("cannot keep the \(kind.rawValue) history in \(target.path): \(error)")
        }
    }
}
