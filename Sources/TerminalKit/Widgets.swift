import TextLayout
/// Small widgets: tabs, key bar, status line, modal, sparkline, bars.
public enum Widgets {
    /// `[1 看板]  2 问题  3 日历`: the active tab styled, each with its key; each tab is
    /// recorded as a click target (`.tab(n)`).
    public static func tabs(_ titles: [String], active: Int, into canvas: inout Canvas, at x: Int, y: Int,
                            style: Style, activeStyle: Style) -> Int {
        var column = x
        for (i, title) in titles.enumerated() {
            let text = " \(i + 1) \(title) "
            let width = canvas.put(text, x: column, y: y, style: i == active ? activeStyle : style)
            canvas.hit(Rect(x: column, y: y, width: width, height: 1), .tab(i))
            column += width
        }
        return column - x
    }

    /// The key bar: `? 帮助  / 筛选  q 退出`, clipped to the width. Returns where each entry
    /// drawn is (the first entries, as many as fit), its key and words without the gap after.
    @discardableResult
    public static func keyBar(_ items: [(key: String, label: String)], into canvas: inout Canvas, rect: Rect,
                              keyStyle: Style, labelStyle: Style) -> [Rect] {
        canvas.fill(rect.row(0), style: labelStyle)
        var x = rect.x
        var drawn: [Rect] = []
        for item in items {
            let needed = keyBarEntryWidth(item)
            if x + needed - 2 > rect.maxX { break }
            let start = x
            x += canvas.put(item.key, x: x, y: rect.y, limit: rect.maxX - x, style: keyStyle)
            x += canvas.put(" " + item.label + "  ", x: x, y: rect.y, limit: rect.maxX - x, style: labelStyle)
            drawn.append(Rect(x: start, y: rect.y, width: min(needed - 2, x - start), height: 1))
        }
        return drawn
    }

    /// The columns an entry takes on the key bar, with the two spaces after it.
    public static func keyBarEntryWidth(_ item: (key: String, label: String)) -> Int {
        DisplayWidth.of(item.key) + 1 + DisplayWidth.of(item.label) + 2
    }

    /// Whether every entry fits a key bar `width` columns wide (the last needs no spaces after it).
    public static func keyBarFits(_ items: [(key: String, label: String)], width: Int) -> Bool {
        items.reduce(0) { $0 + keyBarEntryWidth($1) } - 2 <= width
    }

    /// A left and a right text on one line; the left is clipped first.
    public static func statusLine(left: String, right: String, into canvas: inout Canvas, rect: Rect, style: Style) {
        canvas.fill(rect.row(0), style: style)
        let rightWidth = min(rect.width, DisplayWidth.of(right))
        canvas.put(left, in: Rect(x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1), height: 1), style: style)
        canvas.put(right, in: Rect(x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, height: 1), style: style)
    }

    /// A centred box with a title and lines of text; returns its inner rectangle.
    @discardableResult
    public static func modal(title: String, lines: [String], into canvas: inout Canvas, within bounds: Rect,
                             width preferred: Int? = nil, ascii: Bool, style: Style, borderStyle: Style) -> Rect {
        // Lines wider than the box can be are wrapped, not clipped.
        let lines = lines.flatMap { DisplayWidth.wrap($0, columns: max(1, bounds.width - 6)) }
        let contentWidth = lines.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(bounds.width - 2, max(preferred ?? 0, contentWidth + 4, DisplayWidth.of(title) + 6))
        let height = min(bounds.height - 2, lines.count + 2)
        let rect = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
        canvas.fill(rect, style: style)
        canvas.hit(rect, .area)
        canvas.box(rect, title: title, ascii: ascii, style: borderStyle)
        let inner = rect.inset(top: 1, bottom: 1, left: 2, right: 2)
        for (i, line) in lines.prefix(inner.height).enumerated() { canvas.put(line, in: inner.row(i), style: style) }
        return inner
    }

    static let sparkBlocks = Array("▁▂▃▄▅▆▇█").map(String.init)
    static let sparkASCII = Array("_.-=+*#@").map(String.init)

    /// A sparkline of values (nil for no data: a space).
    public static func sparkline(_ values: [Double?], ascii: Bool) -> String {
        let blocks = ascii ? sparkASCII : sparkBlocks
        let present = values.compactMap { $0 }
        guard let top = present.max(), top > 0 else { return values.map { $0 == nil ? " " : blocks[0] }.joined() }
        return values.map { v in
            guard let v else { return " " }
            return blocks[min(blocks.count - 1, max(0, Int((v / top) * Double(blocks.count - 1) + 0.5)))]
        }.joined()
    }

    /// The lengths of a stacked bar's segments for `counts` over `width` columns: shares by
    /// largest remainder, so equal counts give equal bars and the lengths add up to the width;
    /// every non-zero count gets at least one column (the width grows to fit them if it must),
    /// so a single red card is never rounded away.
    public static func segments(_ counts: [Int], width: Int) -> [Int] {
        let sum = counts.reduce(0, +)
        guard sum > 0 else { return counts.map { _ in 0 } }
        let width = max(width, counts.filter { $0 > 0 }.count)
        var lengths = counts.map { $0 > 0 ? max(1, $0 * width / sum) : 0 }
        // Too long (the minimum of one took room): shorten the longest; too short: lengthen
        // those with the largest remainders.
        while lengths.reduce(0, +) > width, let i = lengths.indices.max(by: { lengths[$0] < lengths[$1] }) { lengths[i] -= 1 }
        let remainders = counts.indices.sorted { counts[$0] * width % sum > counts[$1] * width % sum }
        var k = 0
        while lengths.reduce(0, +) < width {
            let i = remainders[k % remainders.count]
            if counts[i] > 0 { lengths[i] += 1 }
            k += 1
        }
        return lengths
    }

    /// A horizontal bar of `fraction` (0...1) over `width` columns.
    public static func bar(_ fraction: Double, width: Int, ascii: Bool) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded())))
        return String(repeating: ascii ? "#" : "█", count: filled) + String(repeating: ascii ? "." : "░", count: width - filled)
    }
}
