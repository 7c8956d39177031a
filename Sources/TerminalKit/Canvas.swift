import TextLayout
/// A rectangle on the canvas.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle less `n` columns/rows at the top, bottom, left or right.
    public func inset(top: Int = 0, bottom: Int = 0, left: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }
    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }
    /// Splits into a left part of `width` columns (and a gap) and the rest.
    public func splitColumns(_ left: Int, gap: Int = 1) -> (Rect, Rect) {
        let l = min(width, left)
        return (Rect(x: x, y: y, width: l, height: height), Rect(x: x + l + gap, y: y, width: width - l - gap, height: height))
    }
    public func splitRows(_ top: Int, gap: Int = 0) -> (Rect, Rect) {
        let t = min(height, top)
        return (Rect(x: x, y: y, width: width, height: t), Rect(x: x, y: y + t + gap, width: width, height: height - t - gap))
    }
}

/// One terminal cell: a character and its style. The right half of a wide character is a
/// continuation cell with empty text, so a row's cells always add up to its width.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(text: String = " ", style: Style = .plain) { self.text = text; self.style = style }
    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

/// A grid of cells that every view draws into; the screen shows it, tests read it as text.
/// Writes clip by display width and never split a wide character (DESIGN.md: ratatui's
/// `set_stringn`).
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]
    /// What a click on a cell means: the regions recorded while drawing, last on top
    /// (`MouseHit.swift`).
    public internal(set) var hits: [HitRegion] = []
    /// The layer regions are recorded in (the drawing screen's place in the stack).
    public var hitLayer = 0

    public init(width: Int, height: Int, fill: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(text: " ", style: fill), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Writes `text` from (x, y), at most `limit` columns (to the canvas edge by default);
    /// returns the columns written. A wide character that does not fit whole is left out and
    /// its column blanked; tabs and line breaks show as spaces, other control characters as `?`.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? (width - x)))
        var column = x
        for character in text {
            if column >= end { break }
            let scalars = character.unicodeScalars
            // A control character never reaches a cell (ESC in a project name would move the
            // terminal's cursor): one column of its stand-in, a space for a tab or a line
            // break, `?` for the rest (DisplayWidth.controlStandIn).
            if let standIn = DisplayWidth.controlStandIn(character) {
                if column >= 0 { set(column, y, Cell(text: standIn, style: style)) }
                column += 1
                continue
            }
            var w = 0
            for s in scalars { w += DisplayWidth.of(s) }
            if w == 0 { continue }   // a combining mark on its own: nothing to place
            if column + w > end {
                // Would straddle the edge: blank what is left rather than split it.
                while column < end { if column >= 0 { set(column, y, Cell(text: " ", style: style)) }; column += 1 }
                break
            }
            if column >= 0 {
                set(column, y, Cell(text: String(character), style: style))
                if w == 2, column + 1 < width { set(column + 1, y, Cell(text: "", style: style)) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes `text` padded or clipped to exactly `width` columns.
    public mutating func put(_ text: String, in rect: Rect, align: TextAlign = .left, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        let fitted = DisplayWidth.fit(text, rect.width, alignRight: align == .right, ellipsis: "…")
        if align == .center {
            let w = min(rect.width, DisplayWidth.of(DisplayWidth.sanitized(text)))
            fill(rect.row(0), style: style)
            put(text, x: rect.x + (rect.width - w) / 2, y: rect.y, limit: w, style: style)
            return
        }
        put(fitted, x: rect.x, y: rect.y, limit: rect.width, style: style)
    }

    /// Fills a rectangle with spaces in `style`.
    /// The cells of `rect` copied from `other` (a canvas of the same size): a panel drawn on
    /// its own layer and clipped to its tile. A wide character cut by the rect's edge is blanked.
    public mutating func copy(_ rect: Rect, from other: Canvas) {
        guard other.width == width, other.height == height else { return }
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            let left = max(0, rect.x), right = min(width, rect.maxX)
            guard left < right else { continue }
            for x in left..<right {
                var cell = other.cells[y * width + x]
                if cell.isContinuation, x == left { cell.text = " " }
                if !cell.isContinuation, x == right - 1, x + 1 < width, other.cells[y * width + x + 1].isContinuation { cell.text = " " }
                cells[y * width + x] = cell
            }
        }
    }

    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { set(x, y, Cell(text: " ", style: style)) }
        }
    }

    /// Restyles a rectangle, keeping its text (a selection bar).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                var cell = cells[y * width + x]
                cell.style = transform(cell.style)
                cells[y * width + x] = cell
            }
        }
    }

    /// A box border around `rect`, in Unicode line drawing or, for `ascii`, + - |.
    public mutating func box(_ rect: Rect, title: String = "", ascii: Bool = false, style: Style = .plain, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        put(tl + String(repeating: h, count: rect.width - 2) + tr, x: rect.x, y: rect.y, limit: rect.width, style: style)
        put(bl + String(repeating: h, count: rect.width - 2) + br, x: rect.x, y: rect.maxY - 1, limit: rect.width, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(v, x: rect.x, y: y, style: style)
            put(v, x: rect.maxX - 1, y: y, style: style)
        }
        if !title.isEmpty && rect.width > 4 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, limit: rect.width - 4, style: titleStyle ?? style)
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        // Overwriting half of a wide character blanks its other half.
        if old.isContinuation, !cell.isContinuation, x > 0 { cells[i - 1] = Cell(text: " ", style: cells[i - 1].style) }
        if !old.isContinuation, x + 1 < width, cells[i + 1].isContinuation, DisplayWidth.of(old.text) == 2 {
            cells[i + 1] = Cell(text: " ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Row `y` as text (continuation cells skipped), trailing spaces trimmed: for tests.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !cells[y * width + x].isContinuation { s += cells[y * width + x].text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Every row as text.
    public var lines: [String] { (0..<height).map(line) }

    /// Cells of row `y`.
    public func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }
}

public enum TextAlign: Sendable { case left, right, center }
