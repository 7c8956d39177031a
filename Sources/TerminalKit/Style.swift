/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or a 256-colour index.
public enum Color: Hashable, Sendable {
    case `default`
    case ansi(UInt8)      // 0...15
    case indexed(UInt8)   // 0...255

    public static let black = Color.ansi(0), red = Color.ansi(1), green = Color.ansi(2), yellow = Color.ansi(3)
    public static let blue = Color.ansi(4), magenta = Color.ansi(5), cyan = Color.ansi(6), white = Color.ansi(7)
    public static let brightBlack = Color.ansi(8), brightRed = Color.ansi(9), brightGreen = Color.ansi(10)
    public static let brightYellow = Color.ansi(11), brightBlue = Color.ansi(12), brightMagenta = Color.ansi(13)
    public static let brightCyan = Color.ansi(14), brightWhite = Color.ansi(15)

    /// The colour a terminal with `colors` colours can show: 256-colour indices fall back to the
    /// nearest of 16, bright colours to their base on 8-colour terminals.
    public func reduced(to colors: Int) -> Color {
        switch self {
        case .default: return .default
        case let .ansi(n): return colors >= 16 || n < 8 ? self : .ansi(n - 8)
        case let .indexed(n):
            if colors >= 256 { return self }
            return Color.ansi(Color.nearestANSI(n)).reduced(to: colors)
        }
    }

    /// The 16-colour approximation of a 256-colour index.
    static func nearestANSI(_ n: UInt8) -> UInt8 {
        if n < 16 { return n }
        // The grey ramp 232...255: #080808 to #eeeeee.
        if n >= 232 { return n < 238 ? 0 : (n < 246 ? 8 : (n < 252 ? 7 : 15)) }
        let i = Int(n) - 16
        let r = i / 36, g = (i / 6) % 6, b = i % 6
        let bright = max(r, g, b) >= 4
        var bits: UInt8 = 0
        if r >= 2 { bits |= 1 }
        if g >= 2 { bits |= 2 }
        if b >= 2 { bits |= 4 }
        if bits == 0 { return bright ? 8 : 0 }
        return bits + (bright ? 8 : 0)
    }
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.dim = dim; self.underline = underline; self.reverse = reverse
    }

    public static let plain = Style()

    /// The style a terminal with `colors` colours can show without losing its text: a
    /// foreground that falls to black (a grey on 8 colours, what PuTTY and Xshell give with
    /// `TERM=xterm`) or to the background's colour would vanish on a dark screen, so it
    /// becomes the terminal's own foreground, dimmed.
    public func reduced(to colors: Int) -> Style {
        guard colors > 0 else { return monochrome }
        var s = self
        s.fg = fg.reduced(to: colors)
        s.bg = bg.reduced(to: colors)
        let invisible = (s.fg == .black && s.bg == .default && fg != .black) || (s.fg != .default && s.fg == s.bg)
        if invisible {
            s.fg = .default
            s.dim = true
        }
        return s
    }

    /// The same style with the colours dropped (monochrome, NO_COLOR).
    public var monochrome: Style { Style(bold: bold, dim: dim, underline: underline, reverse: reverse) }

    public func with(bold: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil) -> Style {
        var s = self
        if let bold { s.bold = bold }
        if let reverse { s.reverse = reverse }
        if let underline { s.underline = underline }
        return s
    }
}
