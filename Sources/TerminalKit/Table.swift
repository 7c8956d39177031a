/// How wide a table column is.
public enum ColumnWidth: Sendable, Hashable {
    case fixed(Int)
    /// At least `min` columns; what is left is shared by weight.
    case flex(min: Int, weight: Int)
}

public struct TableColumn: Sendable {
    public var title: String
    public var width: ColumnWidth
    public var align: TextAlign
    public init(_ title: String, _ width: ColumnWidth, align: TextAlign = .left) {
        self.title = title; self.width = width; self.align = align
    }

    /// The fewest columns it takes.
    public var least: Int {
        switch width {
        case let .fixed(n): return n
        case let .flex(min, _): return min
        }
    }
}

/// A cell's text and, optionally, its own style.
public struct TableCell: Sendable {
    public var text: String
    public var style: Style?
    public init(_ text: String, style: Style? = nil) { self.text = text; self.style = style }
}

/// A row: cells, or a full-width section heading (not selectable).
public struct TableRow: Sendable {
    public var cells: [TableCell]
    public var section: String?
    public init(_ cells: [TableCell]) { self.cells = cells; section = nil }
    public init(section: String) { cells = []; self.section = section }
    public var isSection: Bool { section != nil }
}

/// A table with a fixed header, a selection bar and scrolling (the rows are the caller's; the
/// selection and the first visible row are the caller's state).
public struct TableView {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selected: Int?
    public var offset: Int
    public var sortColumn: Int?
    public var sortAscending: Bool
    public var headerStyle: Style
    public var selectionStyle: Style
    public var sectionStyle: Style
    public var rowStyle: Style
    public var gap = 1
    /// What a click on a row stands for, by its index in `rows` (nil: not clickable).
    public var hit: ((Int) -> HitTarget?)?
    /// Sideways scrolling (nil: a table too wide for its area shrinks its columns from the
    /// right): how many columns are scrolled past, the first `frozen` columns staying.
    public var columnOffset: Int?
    public var frozen = 1
    public var scrollMarks = ScrollMarks.unicode

    public init(columns: [TableColumn], rows: [TableRow], selected: Int? = nil, offset: Int = 0, sortColumn: Int? = nil,
                sortAscending: Bool = true, headerStyle: Style = Style(bold: true), selectionStyle: Style = Style(reverse: true),
                sectionStyle: Style = Style(bold: true), rowStyle: Style = .plain) {
        self.columns = columns; self.rows = rows; self.selected = selected; self.offset = offset
        self.sortColumn = sortColumn; self.sortAscending = sortAscending; self.headerStyle = headerStyle
        self.selectionStyle = selectionStyle; self.sectionStyle = sectionStyle; self.rowStyle = rowStyle
    }

    /// Column widths for a total width: fixed columns first, the rest shared by flex weight.
    public static func widths(_ columns: [TableColumn], total: Int, gap: Int = 1) -> [Int] {
        let gaps = max(0, columns.count - 1) * gap
        var widths = columns.map { column -> Int in
            switch column.width {
            case let .fixed(n): return n
            case let .flex(min, _): return min
            }
        }
        var left = total - gaps - widths.reduce(0, +)
        let weights = columns.map { column -> Int in if case let .flex(_, w) = column.width { return w }; return 0 }
        let weightSum = weights.reduce(0, +)
        if left > 0 && weightSum > 0 {
            var given = 0
            for i in columns.indices where weights[i] > 0 {
                let extra = left * weights[i] / weightSum
                widths[i] += extra
                given += extra
            }
            // Rounding leftovers go to the first flexible column.
            if let first = weights.firstIndex(where: { $0 > 0 }) { widths[first] += left - given }
            left = 0
        }
        if left < 0 {
            // Too narrow: shrink from the right.
            var deficit = -left
            for i in columns.indices.reversed() where deficit > 0 {
                let cut = min(deficit, max(0, widths[i] - 1))
                widths[i] -= cut
                deficit -= cut
            }
        }
        return widths
    }

    /// Column widths when the table may scroll sideways: as `widths` when its columns fit at
    /// their least; else each at its least, with the flexible columns of the first view
    /// (before any scrolling) sharing what is left of it, so that view is full.
    public static func scrollingWidths(_ columns: [TableColumn], total: Int, gap: Int = 1) -> [Int] {
        let least = columns.map(\.least)
        guard least.reduce(0, +) + max(0, columns.count - 1) * gap > total else { return widths(columns, total: total, gap: gap) }
        let area = total - 1   // the marker column
        var shown = 0, x = 0
        while shown < columns.count, x + least[shown] <= area { x += least[shown] + gap; shown += 1 }
        var widths = least
        let left = area - (x - gap)
        let weights = columns.prefix(shown).map { column -> Int in if case let .flex(_, w) = column.width { return w }; return 0 }
        let weightSum = weights.reduce(0, +)
        guard left > 0, weightSum > 0 else { return widths }
        var given = 0
        for i in weights.indices where weights[i] > 0 {
            widths[i] += left * weights[i] / weightSum
            given += left * weights[i] / weightSum
        }
        if let first = weights.firstIndex(where: { $0 > 0 }) { widths[first] += left - given }
        return widths
    }

    /// Where the columns go in `total` columns, scrolled past `offset` (`frozen` staying).
    public static func columnLayout(_ columns: [TableColumn], total: Int, gap: Int = 1, frozen: Int, offset: Int) -> ColumnLayout {
        ColumnLayout(widths: scrollingWidths(columns, total: total, gap: gap), gap: gap, total: total, frozen: frozen, offset: offset)
    }

    /// The first row to show so that the selection is visible in `height` rows.
    public static func visibleOffset(selected: Int?, offset: Int, height: Int, count: Int) -> Int {
        guard height > 0 else { return 0 }
        var o = min(max(0, offset), max(0, count - height))
        if let selected {
            if selected < o { o = selected }
            if selected >= o + height { o = selected - height + 1 }
        }
        return max(0, o)
    }

    public func render(into canvas: inout Canvas, rect: Rect, sortMarks: (up: String, down: String) = ("▲", "▼")) {
        guard !rect.isEmpty else { return }
        let layout = columnOffset.map { TableView.columnLayout(columns, total: rect.width, gap: gap, frozen: frozen, offset: $0) }
            ?? ColumnLayout(fitting: TableView.widths(columns, total: rect.width, gap: gap), gap: gap, total: rect.width)
        canvas.fill(rect.row(0), style: headerStyle)
        for place in layout.placed {
            let column = columns[place.index]
            var title = column.title
            if sortColumn == place.index { title += sortAscending ? sortMarks.up : sortMarks.down }
            canvas.put(title, in: Rect(x: rect.x + place.x, y: rect.y, width: place.width, height: 1), align: column.align, style: headerStyle)
        }
        canvas.putScrollMarks(layout, scrollMarks, x: rect.x, y: rect.y, style: headerStyle)
        let body = rect.inset(top: 1)
        let first = TableView.visibleOffset(selected: selected, offset: offset, height: body.height, count: rows.count)
        for line in 0..<body.height {
            let index = first + line
            guard index < rows.count else { break }
            let row = rows[index]
            let y = body.y + line
            if let section = row.section {
                canvas.fill(body.row(line), style: sectionStyle)
                canvas.put(section, in: body.row(line), style: sectionStyle)
                continue
            }
            for place in layout.placed where place.index < row.cells.count {
                let cell = row.cells[place.index]
                canvas.put(cell.text, in: Rect(x: body.x + place.x, y: y, width: place.width, height: 1), align: columns[place.index].align,
                           style: cell.style ?? rowStyle)
            }
            if let target = hit?(index) { canvas.hit(body.row(line), target) }
            if index == selected {
                canvas.restyle(body.row(line)) { style in
                    var s = selectionStyle
                    s.bold = s.bold || style.bold
                    return s
                }
            }
        }
    }
}
