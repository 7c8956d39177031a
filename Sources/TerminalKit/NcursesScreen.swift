import CNcursesw
import CTerminal
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal through ncursesw: the only file that imports it. A UTF-8 locale before
/// `initscr`, input by `get_wch`, a 25 ms Esc delay, colour pairs made on demand (256, 16 or 8
/// colours; none under NO_COLOR), and each frame writes only the rows that changed, then one
/// `refresh`. Call `stop()` (or let it deinit) to restore the terminal; stop signals become a
/// `.stop` event instead of killing the process.
public final class NcursesScreen: TerminalScreen {
    public private(set) var colors: Int
    private var previous: Canvas?
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private var running = true

    struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    public enum StartError: Error {
        case notATerminal, cannotInitialise
        /// The terminal cannot move the cursor (`TERM=dumb`, an unknown or broken entry):
        /// nothing full-screen can be drawn on it.
        case unsupportedTerminal(String)
    }

    /// How wide the terminal drew an ambiguous-width character when asked at start; nil when
    /// it was not asked or did not answer.
    public private(set) var ambiguous: AmbiguousWidth?

    /// Starts curses on the terminal. `color: false` draws in monochrome. `probeAmbiguous`:
    /// first find out how wide the terminal draws ambiguous-width characters.
    public init(color: Bool, probeAmbiguous: Bool = false) throws {
        guard cterminal_isatty(0) == 1, cterminal_isatty(1) == 1 else { throw StartError.notATerminal }
        _ = cterminal_ensure_utf8_locale()
        cterminal_install_stop_signals()
        // newterm, not initscr: initscr prints a line and exits on a terminal it cannot drive.
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        // Before curses takes the terminal: a terminal that cannot move the cursor is not asked.
        if probeAmbiguous, term != "dumb", !term.isEmpty { ambiguous = NcursesScreen.probeAmbiguousWidth() }
        guard let screen = cn_newterm() else { throw StartError.unsupportedTerminal(term) }
        set_term(screen)
        guard cn_capability("cup") != nil else {
            endwin()
            delscreen(screen)
            throw StartError.unsupportedTerminal(term)
        }
        // Without an alternate screen (vt100, the Linux console) the last frame would stay on
        // the terminal after quitting: it is cleared instead.
        clearOnExit = cn_capability("smcup") == nil ? cn_capability("clear").map { String(cString: $0) } : nil
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        // Mouse reports are decoded by `EscapeSequence`, not by ncurses: with keypad on,
        // ncurses takes `ESC [ M` (or the terminfo entry's kmous) as KEY_MOUSE whether or not
        // `mousemask` was called, and without a mask it leaves the report's three bytes to be
        // read as keys (a click would page down: its first byte is a space); `ESC [ <` SGR
        // reports came through raw under TERM=xterm although its kmous names them. Switched
        // off here, every report reaches our decoder in the same raw form on every terminfo
        // entry (xterm, tmux-256color, screen, linux, putty alike).
        keyok(KEY_MOUSE, false)
        set_escdelay(25)
        // Bracketed paste: the terminal marks pasted text, so a paste is one event rather
        // than keys that act (an Enter a line). Terminals without it ignore the request.
        NcursesScreen.send(NcursesScreen.pasteOn)
        curs_set(0)
        if color && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cn_colors())
        } else {
            colors = 0
        }
    }

    /// The ambiguous-width probe on the terminal itself: raw mode for the answer, restored after.
    static func probeAmbiguousWidth() -> AmbiguousWidth? {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(0, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(0, TCSANOW, &saved) }
        return AmbiguousWidthProbe.probe(
            write: { text in
                let bytes = Array(text.utf8)
                _ = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            },
            read: { milliseconds in
                var pfd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, Int32(milliseconds)) > 0 else { return [] }
                var buffer = [UInt8](repeating: 0, count: 64)
                let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, 64) }
                return n > 0 ? Array(buffer.prefix(n)) : []
            },
            now: {
                var ts = timespec()
                clock_gettime(CLOCK_MONOTONIC, &ts)
                return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
            })
    }

    deinit { stop() }

    /// Restores the terminal; safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        if mouseOn { NcursesScreen.send(MouseReport.off) }
        mouseOn = false
        NcursesScreen.send(NcursesScreen.pasteOff)
        endwin()
        if let clearOnExit { cn_putp(clearOnExit) }
    }

    /// Whether the terminal was asked to report the mouse (turned off again by `stop`, so the
    /// shell after cmdroom gets no reports).
    private var mouseOn = false

    public func setMouse(_ on: Bool) {
        guard running, on != mouseOn else { return }
        mouseOn = on
        NcursesScreen.send(on ? MouseReport.on : MouseReport.off)
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(cn_stdscr())), Int(getmaxy(cn_stdscr())))
    }

    public func show(_ canvas: Canvas) {
        let (width, height) = size
        let same = previous.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
        for y in 0..<min(height, canvas.height) {
            if same, let previous, previous.row(y) == canvas.row(y) { continue }
            drawRow(canvas, y, width: min(width, canvas.width))
        }
        previous = canvas
        refresh()
    }

    private func drawRow(_ canvas: Canvas, _ y: Int, width: Int) {
        var x = 0
        while x < width {
            let style = canvas[x, y].style
            let start = x
            var text: [wchar_t] = []
            while x < width, canvas[x, y].style == style {
                let cell = canvas[x, y]
                if !cell.isContinuation { for s in cell.text.unicodeScalars { text.append(wchar_t(bitPattern: s.value)) } }
                x += 1
            }
            let (attrs, pair) = attributes(style)
            text.withUnsafeBufferPointer { buffer in
                _ = cn_put(Int32(y), Int32(start), buffer.baseAddress, Int32(buffer.count), attrs, pair)
            }
        }
    }

    private func attributes(_ original: Style) -> (attr_t, Int16) {
        let style = colors > 0 ? original.reduced(to: colors) : original
        var attrs = cn_a_normal()
        if style.bold { attrs |= cn_a_bold() }
        if style.dim { attrs |= cn_a_dim() }
        if style.underline { attrs |= cn_a_underline() }
        if style.reverse { attrs |= cn_a_reverse() }
        guard colors > 0 else { return (attrs, 0) }
        let key = PairKey(fg: number(style.fg), bg: number(style.bg))
        if key.fg == -1 && key.bg == -1 { return (attrs, 0) }
        if let pair = pairs[key] { return (attrs, pair) }
        guard Int32(nextPair) < cn_color_pairs() else { return (attrs, 0) }
        init_pair(nextPair, key.fg, key.bg)
        pairs[key] = nextPair
        nextPair += 1
        return (attrs, pairs[key]!)
    }

    private func number(_ color: Color) -> Int16 {
        switch color {
        case .default: return -1
        case let .ansi(n): return Int16(n)
        case let .indexed(n): return Int16(n)
        }
    }

    public func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
        if cterminal_stop_signal() != 0 { return .stop }
        if !pending.isEmpty { return pending.removeFirst() }
        if !unread.isEmpty {
            let c = unread.removeFirst()
            // An Esc read ahead had no escdelay waited for what follows it: that wait is here.
            return c == "\u{1B}" ? escapeSequence(firstWait: 25) : NcursesScreen.characterEvent(c)
        }
        timeout(Int32(milliseconds))
        var ch: wint_t = 0
        let result = get_wch(&ch)
        if cterminal_stop_signal() != 0 { return .stop }
        switch result {
        case KEY_CODE_YES:
            if Int32(ch) == KEY_RESIZE {
                previous = nil
                let (w, h) = size
                return .resize(width: w, height: h)
            }
            return NcursesScreen.functionKey(Int32(ch)).map { .key($0) }
        case OK where ch == 27:
            return escapeSequence()
        case OK:
            return NcursesScreen.characterKey(UInt32(ch)).map { .key($0) }
        default:
            // No key: the timeout, or a terminal that has gone away (its window closed, the
            // ssh session dropped) — then get_wch fails at once, for ever: stop rather than spin.
            return NcursesScreen.terminalGone() ? .stop : nil
        }
    }

    /// What clears the terminal on exit, when it has no alternate screen to leave.
    private var clearOnExit: String?

    /// Events read ahead (a key ncurses decoded while a sequence was being read), handed out
    /// before reading more.
    private var pending: [TerminalEvent] = []
    /// Characters read ahead and not part of the sequence read (those after a lone Esc), read
    /// again before the terminal: an Esc among them starts a sequence of its own, so Esc and
    /// then a click or an arrow at once are Esc and the click, not Esc and letters.
    private var unread: [Character] = []

    static let pasteOn = "\u{1B}[?2004h", pasteOff = "\u{1B}[?2004l"

    /// Writes a control sequence to the terminal straight away.
    static func send(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
    }

    /// What follows an Esc: a key ncurses did not decode, a mouse report, a paste, a sequence
    /// dropped whole, or the Esc key itself followed by other keys. ncurses has already waited
    /// its escdelay, so the rest of a sequence is there to read without waiting (`firstWait`).
    private func escapeSequence(firstWait: Int32 = 0) -> TerminalEvent? {
        var chars: [Character] = []
        while true {
            switch EscapeSequence.decode(chars) {
            case .incomplete:
                switch readAhead(milliseconds: chars.isEmpty ? firstWait : 30) {
                case let .character(c): chars.append(c)
                case let .key(key):
                    // ncurses decoded a key: the sequence so far was cut off.
                    pending.append(.key(key))
                    return chars.isEmpty ? .key(.escape) : nil
                case .nothing:
                    return chars.isEmpty ? .key(.escape) : nil
                }
            case let .complete(outcome, consumed):
                unread.insert(contentsOf: chars.dropFirst(consumed), at: 0)
                switch outcome {
                case let .key(key): return .key(key)
                case let .mouse(event): return .mouse(event)
                // Dropped whole: the next event, if one is already here.
                case .ignored: return pending.isEmpty && unread.isEmpty ? nil : nextEvent(timeout: 0)
                case .pasteStart: return .paste(readPaste())
                }
            case .notASequence:
                unread.insert(contentsOf: chars, at: 0)
                return .key(.escape)
            }
        }
    }

    private enum ReadAhead { case character(Character), key(Key), nothing }

    private func readAhead(milliseconds: Int32) -> ReadAhead {
        if !unread.isEmpty { return .character(unread.removeFirst()) }
        timeout(milliseconds)
        var ch: wint_t = 0
        switch get_wch(&ch) {
        case OK: return Unicode.Scalar(UInt32(ch)).map { .character(Character($0)) } ?? .nothing
        case KEY_CODE_YES: return NcursesScreen.functionKey(Int32(ch)).map { .key($0) } ?? .nothing
        default: return .nothing
        }
    }

    /// The pasted text up to `ESC[201~`; a paste whose end never comes ends after a second
    /// of silence with what arrived.
    private func readPaste() -> String {
        var chars: [Character] = []
        let end = EscapeSequence.pasteEnd
        while true {
            guard case let .character(c) = readAhead(milliseconds: 1000) else { break }
            chars.append(c)
            if chars.count >= end.count, chars.suffix(end.count).elementsEqual(end) {
                chars.removeLast(end.count)
                break
            }
        }
        return EscapeSequence.pastedText(chars)
    }

    static func characterEvent(_ c: Character) -> TerminalEvent? {
        c.unicodeScalars.first.flatMap { characterKey($0.value) }.map { .key($0) }
    }

    /// Whether standard input has hung up (the terminal closed).
    static func terminalGone() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return true }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == cn_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
