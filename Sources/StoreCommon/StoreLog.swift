import Logging

/// The store's log: what it gets past without failing the caller (a helper connection that
/// falls back, a file it could not tidy away), so that nothing is swallowed without a trace.
/// Made on first use, after the executable has chosen where logs go.
public enum StoreLog {
    public static let logger = Logger(label: "cmdroom.store")
}

extension StoreLog {
    /// Runs `body`; on failure logs `what` with the error (at `level`) and gives nil.
    @discardableResult
    public static func logging<T>(_ body: () throws -> T, _ what: @autoclosure () -> String,
                                  level: Logger.Level = .notice) -> T? {
        do { return try body() } catch {
            logger.log(level: level, "\(what()): \(error)")
            return nil
        }
    }
}
