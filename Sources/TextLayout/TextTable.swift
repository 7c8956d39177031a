/// A plain-text table aligned by display width, for the CLI's text output: two spaces
/// between columns, the last column unpadded so long reasons do not trail spaces.
public struct TextTable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public func render(underline: Character = "-") -> String {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(DisplayWidth.sanitized(cell)))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<widths.count {
                let cell = i < cells.count ? DisplayWidth.sanitized(cells[i]) : ""
                let last = i == widths.count - 1
                if last && alignments[i] == .left {
                    parts.append(cell)
                } else {
                    parts.append(DisplayWidth.fit(cell, widths[i], alignRight: alignments[i] == .right))
                }
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [line(headers)]
        out.append(widths.map { String(repeating: String(underline), count: $0) }.joined(separator: "  "))
        out.append(contentsOf: rows.map(line))
        return out.joined(separator: "\n") + "\n"
    }
}

extension TextTable {
    /// Where the columns of a rendered table are, read back from its underline (`----  --`):
    /// each column's first display column and width; nil when `line` is not an underline.
    /// A page that shows the text can then scroll the table sideways.
    public static func columns(ofUnderline line: String, underline: Character = "-") -> [(start: Int, width: Int)]? {
        guard line.first == underline, line.allSatisfy({ $0 == underline || $0 == " " }) else { return nil }
        var columns: [(start: Int, width: Int)] = []
        var start: Int?
        for (i, c) in line.enumerated() {
            if c == underline, start == nil { start = i }
            if c == " ", let s = start { columns.append((s, i - s)); start = nil }
        }
        if let s = start { columns.append((s, line.count - s)) }
        return columns
    }
}

extension DisplayWidth {
    /// The part of `text` in display columns `from..<from + width`, padded to `width`: a wide
    /// character cut by either edge becomes a space.
    public static func slice(_ text: String, from: Int, width: Int) -> String {
        var out = ""
        var column = 0
        let end = from + width
        for c in text {
            let w = of(c)
            defer { column += w }
            if column + w <= from { continue }
            if column >= end { break }
            if column < from || column + w > end {
                out += String(repeating: " ", count: min(column + w, end) - max(column, from))
            } else {
                out.append(c)
            }
        }
        let used = of(out)
        return used < width ? out + String(repeating: " ", count: width - used) : out
    }
}
