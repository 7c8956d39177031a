import Foundation
import Logging

/// Where cmdroom logs: `$XDG_STATE_HOME/cmdroom/cmdroom.log` (else
/// `~/.local/state/cmdroom/cmdroom.log`), at `--log-level` (default notice). Errors that the
/// screens and commands get past (a failed helper read that falls back, a file left behind)
/// are written there rather than swallowed; what the user must know is also said on screen.
enum LogSetup {
    static let defaultLevel = Logger.Level.notice

    static func logPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        stateDirectory(environment: environment) + "/cmdroom.log"
    }

    /// `$XDG_STATE_HOME/cmdroom` (else `~/.local/state/cmdroom`): the log, and the dashboard's
    /// `/` and `:` histories.
    static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        return state + "/cmdroom"
    }

    /// The level `--log-level` names among the arguments (read before parsing, so that every
    /// logger, made on first use, writes to the file).
    static func level(in arguments: [String]) -> Logger.Level {
        for (i, argument) in arguments.enumerated() {
            let value: String?
            if argument == "--log-level", i + 1 < arguments.count { value = arguments[i + 1] }
            else if argument.hasPrefix("--log-level=") { value = String(argument.dropFirst("--log-level=".count)) }
            else { value = nil }
            if let value, let level = Logger.Level(rawValue: value) { return level }
        }
        return defaultLevel
    }

    /// Sends every logger to the log file (opened at its first line).
    static func bootstrap(arguments: [String]) {
        let level = level(in: arguments)
        let file = LogFile(path: logPath())
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: file, logLevel: level) }
    }
}
