import Logging

/// The dashboard's log: what it gets past without stopping (a change watch that cannot start,
/// a figure worked out without one of its reads).
enum DashboardLog {
    static let logger = Logger(label: "cmdroom.dashboard")

    /// Runs `body`; on failure logs `what` with the error and gives nil.
    static func logging<T>(_ body: () throws -> T, _ what: @autoclosure () -> String) -> T? {
        do { return try body() } catch {
            logger.warning("\(what()): \(error)")
            return nil
        }
    }
}
