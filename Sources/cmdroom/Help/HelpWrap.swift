import TextLayout

/// Help text broken into lines by display width, as Chinese is typeset: a line may break
/// between two Chinese characters or at a space, never inside a Latin word, an option or a
/// path (`~/.local/share/cmdroom`), never before closing punctuation (，。）) nor after opening
/// punctuation（（“）.
enum HelpWrap {
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’", "…", "—"]
    static let opening: Set<Character> = ["（", "《", "「", "『", "“", "‘"]

    /// Lines of at most `width` columns (a word longer than that is cut).
    static func lines(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph(String($0), width: width) }
    }

    /// An unbreakable run and whether a space stood before it.
    struct Piece { var text: String; var spaced: Bool }

    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var space = false
        var glueNext = false   // after opening punctuation
        for c in text {
            if c == " " { space = true; continue }
            let ascii = c.isASCII
            let lastIsASCIIWord = pieces.last.map { $0.text.last?.isASCII == true } ?? false
            let joins = !space && !pieces.isEmpty && (glueNext || closing.contains(c) || (ascii && lastIsASCIIWord))
            if joins { pieces[pieces.count - 1].text.append(c) } else { pieces.append(Piece(text: String(c), spaced: space)) }
            space = false
            glueNext = opening.contains(c)
        }
        return pieces
    }

    static func paragraph(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for piece in pieces(text) {
            let w = DisplayWidth.of(piece.text)
            let gap = used > 0 && piece.spaced ? 1 : 0
            if used + gap + w <= width {
                line += (gap == 1 ? " " : "") + piece.text
                used += gap + w
                continue
            }
            if used > 0 { lines.append(line) }
            line = ""
            used = 0
            // A piece wider than a whole line: cut where it must be.
            var rest = Substring(piece.text)
            while DisplayWidth.of(rest) > width {
                let (head, headWidth) = DisplayWidth.prefix(String(rest), fitting: width)
                guard headWidth > 0 else { break }
                lines.append(String(head))
                rest = rest.dropFirst(head.count)
            }
            line = String(rest)
            used = DisplayWidth.of(rest)
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
