import Foundation
import TextLayout

/// One self-overwriting line on a terminal (`\r`), for work that takes a while: silent for the
/// first second (quick work shows nothing), then redrawn at most ten times a second, and wiped
/// when the work ends. Off when not on a terminal, so scripts and pipes see no change.
final class ProgressLine {
    /// Seconds from an arbitrary start; injected so tests need not sleep.
    typealias Clock = () -> Double

    let enabled: Bool
    let delay: Double
    let interval: Double
    private let clock: Clock
    private let write: (String) -> Void
    private let start: Double
    private var lastDrawn: Double?
    /// Columns of the text now on the line: the next draw and the wipe blank what it leaves.
    private var shownWidth = 0

    init(enabled: Bool, delay: Double = 1, interval: Double = 0.1, clock: @escaping Clock = ProgressLine.monotonic,
         write: @escaping (String) -> Void) {
        self.enabled = enabled
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.write = write
        start = clock()
    }

    /// On stderr when it is a terminal; otherwise a line that never draws.
    static func onStandardError() -> ProgressLine {
        ProgressLine(enabled: Console.errIsTerminal) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Shows `text` if a second has passed since the start and a tenth since the last draw.
    /// `text` is made only when drawn (the caller may call this once a row).
    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let now = clock()
        guard now - start >= delay else { return }
        if let lastDrawn, now - lastDrawn < interval { return }
        lastDrawn = now
        let line = text()
        let width = DisplayWidth.of(line)
        write("\r" + line + String(repeating: " ", count: max(0, shownWidth - width)))
        shownWidth = width
    }

    /// Wipes the line, if one was drawn, leaving the cursor at its start for what follows.
    func finish() {
        guard shownWidth > 0 else { return }
        write("\r" + String(repeating: " ", count: shownWidth) + "\r")
        shownWidth = 0
    }

    static func monotonic() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
