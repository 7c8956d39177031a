import KeyProjectsStore
import Synchronization

/// The store's answer to a request, tagged with what the loop needs to tell whether it still
/// applies: an answer for data since replaced is dropped.
enum StoreAnswer: Sendable {
    /// A reload's board, before its issues and meetings load.
    case board(DashboardData, reload: UInt64)
    /// The reload's board with its issues and meetings; `recovered`: this process rolled back
    /// another's interrupted write meanwhile.
    case complete(DashboardData, reload: UInt64, recovered: Bool)
    /// The board read again after a write that keeps the issues and meetings on screen.
    case boardOnly(DashboardData, reload: UInt64, recovered: Bool)
    /// A reload failed: said on screen and tried again.
    case reloadFailed(StoreError, reload: UInt64)
    /// The issues and meetings added to the data of generation `of`.
    case completed(DashboardData, of: UInt64)
    /// Another read failed: said in the status line.
    case readFailed(StoreError)
    /// An answer that is an event as it is (it names what it is for: a project, a month, a
    /// meeting, a write's request).
    case event(AppEvent)
    /// The change watch: whether another process changed the store (nil: it cannot read).
    case polled(Bool?)
}

/// The reloads asked for, numbered. A full reload is stale once a newer full reload is asked
/// for; the board alone once any newer reload is: its answer is dropped, and the worker skips
/// it when it has not begun.
final class ReloadNumbers: Sendable {
    private struct Last { var any: UInt64 = 0, full: UInt64 = 0 }
    private let last = Mutex(Last())

    func next(full: Bool) -> UInt64 {
        last.withLock { last in
            last.any += 1
            if full { last.full = last.any }
            return last.any
        }
    }

    func isStale(_ n: UInt64, full: Bool) -> Bool {
        last.withLock { n < (full ? $0.full : $0.any) }
    }
}
