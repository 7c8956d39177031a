/// Where a table's columns go when it may be wider than its area: a spreadsheet's frozen pane.
/// The first `frozen` columns stay on the left; the others are scrolled past `offset` at a
/// time, whole columns. When the table overflows, its last column on screen is the marker
/// column (`›` when there is more to the right); the gap before the first scrolled column
/// takes `‹` when columns are scrolled past.
public struct ColumnLayout: Sendable, Equatable {
    /// A column on screen: its index, where it starts (from the area's left) and how much of
    /// it is shown (less than its width when the area's edge cuts it).
    public struct Placed: Sendable, Equatable {
        public var index: Int
        public var x: Int
        public var width: Int
    }

    public var placed: [Placed]
    /// Columns scrolled past, within 0…`maxOffset`.
    public var offset: Int
    /// The offset at which the last column is wholly in view; 0 when the table fits.
    public var maxOffset: Int
    /// Where the scrolled columns start (after the frozen ones and their gap).
    public var frozenWidth: Int
    /// The marker column (the area's last) when the table overflows.
    public var markerX: Int?
    public var gap: Int

    public var overflows: Bool { maxOffset > 0 }
    public var moreLeft: Bool { offset > 0 }
    public var moreRight: Bool { offset < maxOffset }

    public init(widths: [Int], gap: Int, total: Int, frozen: Int, offset: Int) {
        let whole = widths.reduce(0, +) + max(0, widths.count - 1) * gap
        guard whole > total, total > 1 else {
            self = ColumnLayout(fitting: widths, gap: gap, total: total)
            return
        }
        let area = total - 1
        var frozen = min(max(0, frozen), widths.count)
        var frozenWidth = widths.prefix(frozen).reduce(0, +) + frozen * gap
        // Frozen columns that leave no room for the others are not frozen.
        if frozenWidth >= area { frozen = 0; frozenWidth = 0 }
        // The least offset that shows the last column whole.
        var maxOffset = 0
        var tail = widths[frozen...].reduce(0, +) + max(0, widths.count - frozen - 1) * gap
        while tail > area - frozenWidth, frozen + maxOffset < widths.count - 1 {
            tail -= widths[frozen + maxOffset] + gap
            maxOffset += 1
        }
        let offset = min(max(0, offset), maxOffset)
        var placed: [Placed] = []
        var x = 0
        for i in 0..<frozen {
            placed.append(Placed(index: i, x: x, width: widths[i]))
            x += widths[i] + gap
        }
        for i in (frozen + offset)..<widths.count where x < area {
            placed.append(Placed(index: i, x: x, width: min(widths[i], area - x)))
            x += widths[i] + gap
        }
        self.placed = placed
        self.offset = offset
        self.maxOffset = maxOffset
        self.frozenWidth = frozenWidth
        self.gap = gap
        markerX = area
    }

    /// Every column where it falls, cut at the area's edge: no scrolling.
    public init(fitting widths: [Int], gap: Int, total: Int) {
        var x = 0
        var placed: [Placed] = []
        for (i, w) in widths.enumerated() where x < total {
            placed.append(Placed(index: i, x: x, width: min(w, total - x)))
            x += w + gap
        }
        self.placed = placed
        self.gap = gap
        offset = 0; maxOffset = 0; frozenWidth = 0; markerX = nil
    }

    /// The column of the left marker: the gap before the first scrolled column, when columns
    /// are scrolled past and there is a frozen column and a gap.
    public var leftMarkerX: Int? { moreLeft && frozenWidth > 0 && gap > 0 ? frozenWidth - 1 : nil }
}

/// The marks of a table that scrolls sideways.
public struct ScrollMarks: Sendable, Equatable {
    public var left: String
    public var right: String
    public init(left: String, right: String) { self.left = left; self.right = right }
    public static let unicode = ScrollMarks(left: "‹", right: "›")
    public static let ascii = ScrollMarks(left: "<", right: ">")
    public static func of(ascii: Bool) -> ScrollMarks { ascii ? .ascii : .unicode }
}

extension Canvas {
    /// The scroll marks of `layout` on the row `y` of an area starting at `x`.
    public mutating func putScrollMarks(_ layout: ColumnLayout, _ marks: ScrollMarks, x: Int, y: Int, style: Style) {
        if let left = layout.leftMarkerX { put(marks.left, x: x + left, y: y, limit: 1, style: style) }
        if let right = layout.markerX {
            put(layout.moreRight ? marks.right : " ", x: x + right, y: y, limit: 1, style: style)
        }
    }
}
