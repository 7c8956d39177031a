#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TerminalKit

/// A screen for the dashboard benchmark: it keeps no frames but the time each was shown, and
/// waits like a terminal does when no key comes.
final class BenchScreen: TerminalScreen {
    let size: (width: Int, height: Int)
    let colors = 256
    var shown: [UInt64] = []
    var pending: [TerminalEvent] = [] { didSet { next = 0 } }
    /// The next of `pending` to hand out (a 5,000-key paste is not taken from the front).
    private var next = 0
    var isIdle: Bool { next >= pending.count }

    init(width: Int, height: Int) { size = (width, height) }

    func show(_ canvas: Canvas) { shown.append(BenchTime.now()) }

    func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
        if next >= pending.count {
            usleep(useconds_t(milliseconds * 1000))
            return nil
        }
        next += 1
        return pending[next - 1]
    }
}
