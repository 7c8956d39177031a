import KeyProjects
import TerminalKit
import TextLayout

/// The overview's bulletin and special-report pages: the month's text, scrolled with the
/// arrows and PgUp/PgDn; its tables, when wider than the page, scrolled sideways with their
/// first column kept.
enum ReportPageRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, columns: ColumnScroll = ColumnScroll()) {
        guard OverviewRender.figures(state, &canvas, body) != nil else { return }
        let inner = body.inset(left: 1, right: 1)
        let lines = state.reportLines?.lines ?? []
        let top = min(state.overviewScroll, max(0, lines.count - body.height))
        let tables = state.reportLines?.tables ?? []
        let marks = ScrollMarks.of(ascii: state.options.ascii)
        for (i, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            let index = top + i
            // Headings: the title, and the numbered sections (一、… or a line before a blank).
            let heading = index == 0 || SectionHeading.isHeading(line)
            let style = state.style(heading ? "table.section" : line.hasPrefix("---") ? "muted" : "text")
            guard let table = tables.first(where: { $0.lines.contains(index) }),
                  case let layout = table.layout(inner.width, columns.offset), layout.overflows else {
                canvas.put(line, in: inner.row(i), style: style)
                continue
            }
            for place in layout.placed {
                let column = table.columns[place.index]
                canvas.put(DisplayWidth.slice(line, from: column.start, width: column.width),
                           in: Rect(x: inner.x + place.x, y: inner.y + i, width: place.width, height: 1), style: style)
            }
            if index <= table.lines.lowerBound + 1 { canvas.putScrollMarks(layout, marks, x: inner.x, y: inner.y + i, style: state.style("muted")) }
        }
        if lines.count > body.height {
            let position = " \(top + 1)-\(min(lines.count, top + body.height))/\(lines.count)"
            canvas.put(position, x: inner.x + inner.width - DisplayWidth.of(position), y: inner.y, style: state.style("muted"))
        }
    }

    /// A table in the text (as `TextTable` renders it): its lines, header first, and its
    /// columns read from the underline.
    struct TextBlock: Sendable {
        var lines: Range<Int>
        var columns: [(start: Int, width: Int)]
        func layout(_ width: Int, _ offset: Int) -> ColumnLayout {
            ColumnLayout(widths: columns.map(\.width), gap: 2, total: width, frozen: 1, offset: offset)
        }
    }

    /// The text's tables: a header, its underline, rows up to a blank line.
    static func tables(_ lines: [String]) -> [TextBlock] {
        var out: [TextBlock] = []
        var i = 1
        while i < lines.count {
            guard !lines[i - 1].isEmpty, let columns = TextTable.columns(ofUnderline: lines[i]), columns.count > 1 else { i += 1; continue }
            var end = i + 1
            while end < lines.count, !lines[end].isEmpty { end += 1 }
            out.append(TextBlock(lines: (i - 1)..<end, columns: columns))
            i = end
        }
        return out
    }

    /// How far the page's tables scroll sideways at this width: the widest's.
    static func maxColumnOffset(_ state: AppState) -> Int {
        let width = Layout.body(state).inset(left: 1, right: 1).width
        return (state.reportLines?.tables ?? []).map { $0.layout(width, 0).maxOffset }.max() ?? 0
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
