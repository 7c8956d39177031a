import TextLayout
/// One line of a list and its style.
public struct ListItem: Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) { self.text = text; self.style = style }
}

/// A list of lines with an optional selection bar and scrolling: the selection is kept in
/// view, and when the lines do not fit, a `first-last/count` mark says where the view is (the
/// lines, the selection and the first visible line are the caller's state).
public struct ListView {
    public var items: [ListItem]
    public var selected: Int?
    public var offset: Int
    public var selectionStyle: Style
    public var markStyle: Style
    /// Spaces in front of every line.
    public var indent: Int
    /// What a click on a line stands for, by its index in `items` (nil: not clickable).
    public var hit: ((Int) -> HitTarget?)?

    public init(items: [ListItem], selected: Int? = nil, offset: Int = 0, selectionStyle: Style = Style(reverse: true),
                markStyle: Style = .plain, indent: Int = 0) {
        self.items = items; self.selected = selected; self.offset = offset
        self.selectionStyle = selectionStyle; self.markStyle = markStyle; self.indent = indent
    }

    /// The first line shown in `height` rows.
    public func firstVisible(height: Int) -> Int {
        TableView.visibleOffset(selected: selected, offset: offset, height: height, count: items.count)
    }

    /// `first-last/count` when the lines do not fit in `height` rows, else nil.
    public func position(height: Int) -> String? {
        guard items.count > height, height > 0 else { return nil }
        let first = firstVisible(height: height)
        return "\(first + 1)-\(min(items.count, first + height))/\(items.count)"
    }

    /// Draws the lines; with `mark`, the position goes at the right of the first row (callers
    /// with a title row put `position(height:)` there instead).
    public func render(into canvas: inout Canvas, rect: Rect, mark: Bool = true) {
        guard !rect.isEmpty else { return }
        let first = firstVisible(height: rect.height)
        let pad = String(repeating: " ", count: indent)
        for row in 0..<rect.height {
            let index = first + row
            guard index < items.count else { break }
            let style = index == selected ? selectionStyle : items[index].style
            if index == selected { canvas.fill(rect.row(row), style: style) }
            canvas.put(pad + items[index].text, in: rect.row(row), style: style)
            if let target = hit?(index) { canvas.hit(rect.row(row), target) }
        }
        if mark, let text = position(height: rect.height) {
            // A space before it keeps it apart from the line it covers.
            canvas.put(" " + text, x: rect.maxX - DisplayWidth.of(text) - 2, y: rect.y, style: markStyle)
        }
    }
}
