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
