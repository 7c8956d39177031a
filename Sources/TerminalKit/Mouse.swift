/// What the mouse did, as the terminal reported it: a button pressed or released, or a notch
/// of the wheel, at a cell (0-based: the top-left cell is 0, 0).
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case left, middle, right }

    public enum Kind: Hashable, Sendable {
        case press(Button)
        /// A button let go (X10 reports do not say which).
        case release
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int
    /// Shift, Alt (Meta) or Ctrl held. Terminals keep Shift-clicks for their own text
    /// selection; one that passes them on gets them ignored too.
    public var modified: Bool

    public init(_ kind: Kind, x: Int, y: Int, modified: Bool = false) {
        self.kind = kind; self.x = x; self.y = y; self.modified = modified
    }
}

/// The two forms of xterm's mouse report (mode 1000, press and release): SGR (mode 1006,
/// `ESC [ < b ; x ; y M` for a press, `m` for a release, coordinates from 1 in decimal) and the
/// older X10 form (`ESC [ M` and three bytes, each 32 plus the value) from terminals that
/// ignore 1006. Both carry the same button code `b`: the low two bits the button (3: released),
/// 4 Shift, 8 Meta, 16 Ctrl, 32 motion, 64 the wheel.
public enum MouseReport {
    /// Turns reporting on: presses and releases (1000), in SGR form (1006). No motion (1002,
    /// 1003): nothing here is dragged.
    public static let on = "\u{1B}[?1000h\u{1B}[?1006h"
    public static let off = "\u{1B}[?1006l\u{1B}[?1000l"

    /// An SGR report's parameters (after `<`) and its final `M` or `m`; nil when malformed or
    /// for what cmdroom does not use (motion, the wheel's sideways tilt).
    public static func sgr(_ parameters: Substring, final: Character) -> MouseEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let b = Int(fields[0]), let x = Int(fields[1]), let y = Int(fields[2]), x >= 1, y >= 1 else {
            return nil
        }
        return event(code: b, x: x - 1, y: y - 1, released: final == "m")
    }

    /// An X10 report's three bytes after `ESC [ M`.
    public static func x10(_ bytes: [Character]) -> MouseEvent? {
        let values = bytes.compactMap { $0.unicodeScalars.first?.value }
        guard values.count == 3, values.allSatisfy({ $0 >= 32 }) else { return nil }
        let (b, x, y) = (Int(values[0]) - 32, Int(values[1]) - 33, Int(values[2]) - 33)
        guard x >= 0, y >= 0 else { return nil }
        return event(code: b, x: x, y: y, released: false)
    }

    static func event(code: Int, x: Int, y: Int, released: Bool) -> MouseEvent? {
        guard code & 32 == 0 else { return nil }   // motion: not asked for
        let modified = code & (4 | 8 | 16) != 0
        if code & 64 != 0 {
            switch code & 3 {
            case 0: return MouseEvent(.wheelUp, x: x, y: y, modified: modified)
            case 1: return MouseEvent(.wheelDown, x: x, y: y, modified: modified)
            default: return nil   // sideways
            }
        }
        if released || code & 3 == 3 { return MouseEvent(.release, x: x, y: y, modified: modified) }
        let button: MouseEvent.Button = [.left, .middle, .right][code & 3]
        return MouseEvent(.press(button), x: x, y: y, modified: modified)
    }
}
