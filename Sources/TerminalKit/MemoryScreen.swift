/// A screen in memory: tests feed it events and read the frames it was shown.
public final class MemoryScreen: TerminalScreen {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var frames: [Canvas] = []
    public let colors: Int
    private var pending: [TerminalEvent] = []
    /// The next of `pending` to hand out (taking from the front would cost the queue's length).
    private var next = 0

    public init(width: Int, height: Int, colors: Int = 256) {
        size = (width, height)
        self.colors = colors
    }

    public func show(_ canvas: Canvas) { frames.append(canvas) }

    /// Whether mouse reporting was asked for (last `setMouse`).
    public private(set) var mouse = false
    public func setMouse(_ on: Bool) { mouse = on }

    public func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
        guard next < pending.count else { pending = []; next = 0; return nil }
        let event = pending[next]
        next += 1
        if case let .resize(w, h) = event { size = (w, h) }
        return event
    }

    public func send(_ events: TerminalEvent...) { pending.append(contentsOf: events) }
    public func type(_ text: String) { pending.append(contentsOf: text.map { .key(.character($0)) }) }
    public var lastFrame: Canvas? { frames.last }
}
