import CTerminal

/// Display width in terminal columns, as ncursesw computes it (libc wcwidth in a UTF-8
/// locale): a CJK character is 2 columns, a combining mark 0. One function for the whole
/// program, so clipping, padding and the screen agree.
public enum DisplayWidth {
    /// LC_CTYPE must be UTF-8 for wcwidth to know CJK; done once, before the first measure.
    private static let ready: Bool = cwidth_ensure_utf8_ctype() == 1

    /// Columns of one scalar: 0 for controls and combining marks.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        _ = ready
        let w = Int(cwidth_wcwidth(v))
        return w < 0 ? 1 : w
    }

    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    public static func of(_ text: Substring) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    @inline(__always)
    static func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) }

    /// What a character holding a control character (C0, DEL, C1) is shown as, one column wide:
    /// a space for a tab or a line break (inside a cell), `?` for any other (ESC, BEL, CSI…),
    /// so the terminal never receives it; nil for any other character.
    public static func controlStandIn(_ c: Character) -> String? {
        guard c.unicodeScalars.contains(where: isControl) else { return nil }
        let first = c.unicodeScalars.first!.value
        return first == 0x09 || first == 0x0A || first == 0x0D ? " " : "?"
    }

    /// Control characters shown as their stand-ins: tabs and line breaks inside a cell as
    /// spaces, any other control character as `?`.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            guard isControl($0) else { return $0 }
            return $0.value == 0x09 || $0.value == 0x0A || $0.value == 0x0D ? " " : "?"
        }))
    }

    /// The longest prefix of whole characters that fits in `columns`; a wide character that
    /// would straddle the limit is left out, never split.
    public static func prefix(_ text: String, fitting columns: Int) -> (text: Substring, width: Int) {
        var width = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index...index])
            if width + w > columns { break }
            width += w
            end = text.index(after: index)
        }
        return (text[text.startIndex..<end], width)
    }

    /// `text` clipped to `columns` (ending with `ellipsis` when clipped) and padded with spaces
    /// to exactly `columns`, on the right or, for `alignRight`, on the left.
    public static func fit(_ text: String, _ columns: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
        let clean = sanitized(text)
        let width = of(clean)
        if width <= columns {
            let pad = String(repeating: " ", count: columns - width)
            return alignRight ? pad + clean : clean + pad
        }
        let mark = of(ellipsis) <= columns ? ellipsis : ""
        let (head, used) = prefix(clean, fitting: columns - of(mark))
        let result = String(head) + mark
        return result + String(repeating: " ", count: columns - used - of(mark))
    }
}
