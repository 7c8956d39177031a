import TextLayout
extension Canvas {
    /// Narrow non-ASCII characters in ASCII, for `--ascii`: terminals that draw ambiguous-width
    /// characters (… · — ← ● ─) two columns wide break every line that has one. Wide
    /// characters (CJK) are left alone: every terminal draws them two columns wide.
    public mutating func asciiOnly() {
        for i in cells.indices {
            let text = cells[i].text
            guard let scalar = text.unicodeScalars.first, !scalar.isASCII, DisplayWidth.of(scalar) == 1 else { continue }
            cells[i].text = Canvas.asciiFor[scalar] ?? "?"
        }
    }

    static let asciiFor: [Unicode.Scalar: String] = [
        "…": ".", "·": ".", "—": "-", "–": "-", "‐": "-", "−": "-", "×": "x", "÷": "/", "°": "o",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "↔": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
        "●": "B", "○": "~", "▲": "Y", "■": "R", "▌": ">", "▍": ">", "█": "#", "░": ".", "▒": "%", "▓": "+",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "✓": "v", "※": "*", "★": "*", "☆": "*", "§": "S", "±": "+", "‰": "%",
        "▁": "_", "▂": "_", "▃": ".", "▄": "-", "▅": "=", "▆": "+", "▇": "*",
    ]
}
