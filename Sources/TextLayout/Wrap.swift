extension DisplayWidth {
    /// `text` broken into lines of at most `columns`: at the last space that fits, or between
    /// characters where there is none (Chinese has no spaces between words); lines after the
    /// first start with `indent` spaces. A wide character is never split.
    public static func wrap(_ text: String, columns: Int, indent: Int = 2) -> [String] {
        guard columns > indent, of(text) > columns else { return [text] }
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var rest = Array(text)
        var room = columns
        while of(String(rest)) > room {
            // How many characters fit.
            var width = 0, fit = 0
            while fit < rest.count, width + of(String(rest[fit])) <= room { width += of(String(rest[fit])); fit += 1 }
            var cut = max(1, fit)   // always make progress
            // Break after the last space that fits, unless that leaves the line too short.
            if let space = rest[..<fit].lastIndex(of: " "), of(String(rest[..<space])) > room / 3 { cut = space + 1 }
            let line = String(rest[..<cut]).reversed().drop { $0 == " " }.reversed()
            lines.append((lines.isEmpty ? "" : pad) + String(line))
            rest = Array(rest[cut...].drop { $0 == " " })
            room = columns - indent
        }
        if !rest.isEmpty { lines.append((lines.isEmpty ? "" : pad) + String(rest)) }
        return lines
    }
}
