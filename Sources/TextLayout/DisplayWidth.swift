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

    /// Columns of one character (its scalars', a combining mark adding none).
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    public static func of(_ text: Substring) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Whether a character is East Asian "ambiguous" width (Unicode's EastAsianWidth `A`, the
    /// private-use areas and variation selectors left out): one column in most terminals, two
    /// in CJK ones set so. libc's wcwidth, and so this program's layout, counts them as one; a
    /// terminal found to draw them wide gets ASCII in their place (`Canvas.unambiguousOnly`).
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= 0xA1 else { return false }
        var low = 0, high = ambiguousRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ambiguousRanges[mid]
            if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    /// EastAsianWidth.txt's `A` ranges (Unicode 15), in order.
    static let ambiguousRanges: [ClosedRange<UInt32>] = [
        0x00A1...0x00A1, 0x00A4...0x00A4, 0x00A7...0x00A8, 0x00AA...0x00AA, 0x00AD...0x00AE, 0x00B0...0x00B4, 0x00B6...0x00BA, 0x00BC...0x00BF,
        0x00C6...0x00C6, 0x00D0...0x00D0, 0x00D7...0x00D8, 0x00DE...0x00E1, 0x00E6...0x00E6, 0x00E8...0x00EA, 0x00EC...0x00ED, 0x00F0...0x00F0,
        0x00F2...0x00F3, 0x00F7...0x00FA, 0x00FC...0x00FC, 0x00FE...0x00FE, 0x0101...0x0101, 0x0111...0x0111, 0x0113...0x0113, 0x011B...0x011B,
        0x0126...0x0127, 0x012B...0x012B, 0x0131...0x0133, 0x0138...0x0138, 0x013F...0x0142, 0x0144...0x0144, 0x0148...0x014B, 0x014D...0x014D,
        0x0152...0x0153, 0x0166...0x0167, 0x016B...0x016B, 0x01CE...0x01CE, 0x01D0...0x01D0, 0x01D2...0x01D2, 0x01D4...0x01D4, 0x01D6...0x01D6,
        0x01D8...0x01D8, 0x01DA...0x01DA, 0x01DC...0x01DC, 0x0251...0x0251, 0x0261...0x0261, 0x02C4...0x02C4, 0x02C7...0x02C7, 0x02C9...0x02CB,
        0x02CD...0x02CD, 0x02D0...0x02D0, 0x02D8...0x02DB, 0x02DD...0x02DD, 0x02DF...0x02DF, 0x0391...0x03A1, 0x03A3...0x03A9, 0x03B1...0x03C1,
        0x03C3...0x03C9, 0x0401...0x0401, 0x0410...0x044F, 0x0451...0x0451, 0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D,
        0x2020...0x2022, 0x2024...0x2027, 0x2030...0x2030, 0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B, 0x203E...0x203E, 0x2074...0x2074,
        0x207F...0x207F, 0x2081...0x2084, 0x20AC...0x20AC, 0x2103...0x2103, 0x2105...0x2105, 0x2109...0x2109, 0x2113...0x2113, 0x2116...0x2116,
        0x2121...0x2122, 0x2126...0x2126, 0x212B...0x212B, 0x2153...0x2154, 0x215B...0x215E, 0x2160...0x216B, 0x2170...0x2179, 0x2189...0x2189,
        0x2190...0x2199, 0x21B8...0x21B9, 0x21D2...0x21D2, 0x21D4...0x21D4, 0x21E7...0x21E7, 0x2200...0x2200, 0x2202...0x2203, 0x2207...0x2208,
        0x220B...0x220B, 0x220F...0x220F, 0x2211...0x2211, 0x2215...0x2215, 0x221A...0x221A, 0x221D...0x2220, 0x2223...0x2223, 0x2225...0x2225,
        0x2227...0x222C, 0x222E...0x222E, 0x2234...0x2237, 0x223C...0x223D, 0x2248...0x2248, 0x224C...0x224C, 0x2252...0x2252, 0x2260...0x2261,
        0x2264...0x2267, 0x226A...0x226B, 0x226E...0x226F, 0x2282...0x2283, 0x2286...0x2287, 0x2295...0x2295, 0x2299...0x2299, 0x22A5...0x22A5,
        0x22BF...0x22BF, 0x2312...0x2312, 0x2460...0x24E9, 0x24EB...0x254B, 0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595, 0x25A0...0x25A1,
        0x25A3...0x25A9, 0x25B2...0x25B3, 0x25B6...0x25B7, 0x25BC...0x25BD, 0x25C0...0x25C1, 0x25C6...0x25C8, 0x25CB...0x25CB, 0x25CE...0x25D1,
        0x25E2...0x25E5, 0x25EF...0x25EF, 0x2605...0x2606, 0x2609...0x2609, 0x260E...0x260F, 0x261C...0x261C, 0x261E...0x261E, 0x2640...0x2640,
        0x2642...0x2642, 0x2660...0x2661, 0x2663...0x2665, 0x2667...0x266A, 0x266C...0x266D, 0x266F...0x266F, 0x269E...0x269F, 0x26BF...0x26BF,
        0x26C6...0x26CD, 0x26CF...0x26D3, 0x26D5...0x26E1, 0x26E3...0x26E3, 0x26E8...0x26E9, 0x26EB...0x26F1, 0x26F4...0x26F4, 0x26F6...0x26F9,
        0x26FB...0x26FC, 0x26FE...0x26FF, 0x273D...0x273D, 0x2776...0x277F, 0x2B56...0x2B59, 0x3248...0x324F, 0xFFFD...0xFFFD, 0x1F100...0x1F10A,
        0x1F110...0x1F12D, 0x1F130...0x1F169, 0x1F170...0x1F18D, 0x1F18F...0x1F190, 0x1F19B...0x1F1AC,
    ]

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
