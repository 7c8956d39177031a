import TextLayout

/// How wide the terminal draws East Asian "ambiguous" characters (● ○ ▲ ■ ─ … · “ ”): one
/// column (most terminals) or two (GNOME Terminal and other VTE terminals in a zh_CN locale,
/// PuTTY and Xshell with their CJK option, iTerm2's setting, xterm -cjk_width).
public enum AmbiguousWidth: String, Sendable, CaseIterable {
    case narrow, wide
}

/// Finds out at start how wide the terminal draws an ambiguous character: draws one at the
/// start of the line, asks the cursor position (`ESC [ 6 n`) and reads the answer
/// (`ESC [ row ; column R`) with a short timeout. Column 2 means narrow, 3 wide; no answer (a
/// terminal that does not report) means nothing is known. The line is cleared afterwards.
public enum AmbiguousWidthProbe {
    /// An ambiguous character (WHITE CIRCLE, the 落后 card's glyph), drawn at column 1.
    public static let query = "\r\u{25CB}\u{1B}[6n"
    /// Back to the line's start, erased.
    public static let cleanup = "\r\u{1B}[K"
    /// How long the terminal has to answer, in milliseconds.
    public static let timeout = 250

    /// The width the terminal's answer tells: the column of the last cursor report in it
    /// (other input may come before it). Nil without a report or for any other column.
    public static func width(fromAnswer bytes: [UInt8]) -> AmbiguousWidth? {
        guard let column = lastReportedColumn(bytes) else { return nil }
        switch column {
        case 2: return .narrow
        case 3: return .wide
        default: return nil
        }
    }

    /// Whether `bytes` hold a whole cursor report yet.
    public static func isComplete(_ bytes: [UInt8]) -> Bool { lastReportedColumn(bytes) != nil }

    /// Runs the probe: `write` sends text to the terminal, `read` returns what arrived within
    /// the milliseconds given (empty when nothing did). Reads until a report or the timeout.
    public static func probe(write: (String) -> Void, read: (_ milliseconds: Int) -> [UInt8],
                             now: () -> Double) -> AmbiguousWidth? {
        write(query)
        defer { write(cleanup) }
        var answer: [UInt8] = []
        let start = now()
        while !isComplete(answer) {
            let left = timeout - Int((now() - start) * 1000)
            guard left > 0 else { break }
            let got = read(left)
            if got.isEmpty { break }
            answer += got
        }
        return width(fromAnswer: answer)
    }

    static func lastReportedColumn(_ bytes: [UInt8]) -> Int? {
        var found: Int?
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            var row = 0, column = 0, digits = 0, sawSemicolon = false
            while j < bytes.count {
                let b = bytes[j]
                if b >= 0x30 && b <= 0x39 {
                    if sawSemicolon { column = column * 10 + Int(b - 0x30) } else { row = row * 10 + Int(b - 0x30) }
                    digits += 1
                } else if b == UInt8(ascii: ";") && !sawSemicolon {
                    sawSemicolon = true
                } else {
                    break
                }
                j += 1
            }
            if j < bytes.count, bytes[j] == UInt8(ascii: "R"), sawSemicolon, digits >= 2, row > 0 { found = column }
            i = max(j, i + 1)
        }
        return found
    }
}

extension Canvas {
    /// For a terminal that draws ambiguous-width characters two columns wide: each such
    /// character on the canvas is replaced by an ASCII one of the same meaning, so every cell
    /// is as wide on that terminal as the layout counted (CJK, always two columns, stays).
    public mutating func unambiguousOnly() {
        for i in cells.indices {
            let text = cells[i].text
            guard let scalar = text.unicodeScalars.first, !scalar.isASCII, DisplayWidth.isAmbiguous(scalar),
                  DisplayWidth.of(scalar) == 1 else { continue }
            cells[i].text = Canvas.asciiFor[scalar] ?? Canvas.asciiStandIn(scalar)
        }
    }

    /// An ASCII stand-in for a character the table does not name: by its block.
    static func asciiStandIn(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x2500...0x257F: return "+"
        case 0x2580...0x259F: return "#"
        case 0x25A0...0x25FF: return "*"
        case 0x2190...0x21FF: return ">"
        default: return "?"
        }
    }
}
