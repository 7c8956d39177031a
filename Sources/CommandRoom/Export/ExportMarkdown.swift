import Foundation

/// Markdown: the title as a heading, then a pipe table. In a cell `|` and the characters
/// Markdown would read as markup are escaped, and a line end becomes `<br>`, so each row stays
/// one line of the table.
enum ExportMarkdown {
    static func text(_ table: ExportTable) -> String {
        var out = "# " + escape(table.title) + "\n\n"
        out += row(table.headers)
        out += "|" + String(repeating: " --- |", count: max(1, table.headers.count)) + "\n"
        for r in table.rows { out += row(r) }
        return out
    }

    static func data(_ document: ExportDocument) -> Data {
        switch document {
        case let .table(table): return Data(text(table).utf8)
        case let .markdown(text): return Data(text.utf8)
        }
    }

    static func row(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |\n" }

    /// A cell's text on one line, read as text: a backslash first (so the escapes added after
    /// stay escapes), then `|`, emphasis, code and HTML, then line ends.
    static func escape(_ cell: String) -> String {
        var out = ""
        out.reserveCapacity(cell.utf8.count)
        var previousCR = false
        for c in cell.unicodeScalars {
            switch c {
            case "\\", "|", "*", "_", "`", "<", ">", "[", "]": out += "\\" + String(c)
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            default: out.unicodeScalars.append(c)
            }
            previousCR = c == "\r"
        }
        return out
    }
}
