/// A key the user pressed, as the screens see it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// Ctrl with a letter (Ctrl-C is `control("c")`).
    case control(Character)

    /// How the key is written in the help and the key bar.
    public var label: String {
        switch self {
        case let .character(c): return c == " " ? "Space" : String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case let .function(n): return "F\(n)"
        case let .control(c): return "C-\(c)"
        }
    }
}

/// What the screen reports.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Text pasted with the terminal's bracketed paste, line ends as `\n`.
    case paste(String)
    /// A mouse button or the wheel (reported while mouse reporting is on).
    case mouse(MouseEvent)
    /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and leave.
    case stop
}

/// A place frames are shown and keys come from: ncurses, or memory in tests.
public protocol TerminalScreen: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `canvas`, writing only rows that changed since the last frame.
    func show(_ canvas: Canvas)
    /// The next event, waiting at most `timeout` milliseconds (nil when none came).
    func nextEvent(timeout milliseconds: Int) -> TerminalEvent?
    /// How many colours styles may use (0 for none: monochrome or NO_COLOR).
    var colors: Int { get }
    /// Asks the terminal to report the mouse, or to stop (then it selects text itself).
    func setMouse(_ on: Bool)
}

extension TerminalScreen {
    public func setMouse(_ on: Bool) {}
}
