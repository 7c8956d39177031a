/// What a cell on screen stands for when it is clicked. Regions are recorded while a frame is
/// drawn (tabs, the key bar, a list's rows, a modal's box), so a click is read against what
/// the user sees, with no layout worked out a second time to find it.
public enum HitTarget: Hashable, Sendable {
    /// A key-bar entry: a click acts as its key.
    case key(Key)
    /// The n-th tab of the header (from 0).
    case tab(Int)
    /// Row `n` of the drawing screen's list `list` (0 on a screen with one list).
    case row(Int, list: Int = 0)
    /// A cell of a grid.
    case cell(row: Int, column: Int)
    /// A modal's box: it covers what is under it, and a click on it reaches its screen.
    case area
}

/// A rectangle of the frame, what it stands for, and the layer that drew it.
public struct HitRegion: Hashable, Sendable {
    public var rect: Rect
    public var target: HitTarget
    /// The drawing screen's place in the stack: only the top screen's regions take clicks.
    public var layer: Int

    public init(_ rect: Rect, _ target: HitTarget, layer: Int) { self.rect = rect; self.target = target; self.layer = layer }
}

extension Rect {
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

extension Canvas {
    /// Records that `rect` (clipped to the canvas) stands for `target`, in the current layer.
    public mutating func hit(_ rect: Rect, _ target: HitTarget) {
        let left = max(0, rect.x), top = max(0, rect.y)
        let clipped = Rect(x: left, y: top, width: min(width, rect.maxX) - left, height: min(height, rect.maxY) - top)
        guard !clipped.isEmpty else { return }
        hits.append(HitRegion(clipped, target, layer: hitLayer))
    }

    /// The region on top at a cell: the one recorded last (overlays are drawn after what they
    /// cover); nil where nothing was recorded.
    public func hit(atX x: Int, y: Int) -> HitRegion? { hits.last { $0.rect.contains(x: x, y: y) } }
}

extension TableView {
    /// The table with its rows clickable: `target` says what row `n` of `rows` stands for.
    public func hits(_ target: @escaping (Int) -> HitTarget?) -> TableView {
        var table = self
        table.hit = target
        return table
    }
}

extension ListView {
    /// The list with its lines clickable: `target` says what line `n` of `items` stands for.
    public func hits(_ target: @escaping (Int) -> HitTarget?) -> ListView {
        var list = self
        list.hit = target
        return list
    }
}
