import KeyProjects
import TerminalKit
import TextLayout

/// The overview's bulletin and special-report pages: the month's text, scrolled with the
/// arrows and PgUp/PgDn.
enum ReportPageRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard OverviewRender.figures(state, &canvas, body) != nil else { return }
        let inner = body.inset(left: 1, right: 1)
        let lines = state.reportLines?.lines ?? []
        let top = min(state.overviewScroll, max(0, lines.count - body.height))
        for (i, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            // Headings: the title, and the numbered sections (一、… or a line before a blank).
            let heading = top + i == 0 || SectionHeading.isHeading(line)
            canvas.put(line, in: inner.row(i), style: state.style(heading ? "table.section" : line.hasPrefix("---") ? "muted" : "text"))
        }
        if lines.count > body.height {
            let position = " \(top + 1)-\(min(lines.count, top + body.height))/\(lines.count)"
            canvas.put(position, x: inner.x + inner.width - DisplayWidth.of(position), y: inner.y, style: state.style("muted"))
        }
    }

    /// Prose wrapped to the width; table rows (columns padded with runs of spaces) kept whole.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            guard DisplayWidth.of(line) > width, !line.contains("  ") else { return [line] }
            return DisplayWidth.wrap(line, columns: width, indent: line.hasPrefix("- ") ? 2 : 0)
        }
    }
}

enum SectionHeading {
    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    /// `二、重点项目进展`, or an English section title (a short line without a full stop).
    static func isHeading(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if numerals.contains(first), line.dropFirst().first == "、" { return true }
        return first.isUppercase && line.count < 40 && !line.contains(".") && !line.contains(":") && !line.hasPrefix("-")
    }
}
